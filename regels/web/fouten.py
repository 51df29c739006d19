"""Errors as problem+json (RFC 9457) with Dutch messages and the JSON path of bad input.

Every ``RegelsError`` of the engine maps to a status and keeps its own Dutch message; FastAPI's
request validation is translated with the same wording as ``regels.lees_voorstel``. Anything
unexpected becomes a bare 500 without details: the traceback goes to the server log, never to
the client.
"""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException

from regels.dso import AdresNietEenduidig, AdresNietGevonden, DienstOnbereikbaar
from regels.errors import DienstFout, LocatieFout, PeildatumFout, PlanFouten, RegelsError, VoorstelFout
from regels.model.voorstel import json_pad
from regels.web.modellen import Probleem, ProbleemFout

PROBLEM_JSON = "application/problem+json"


class WebFout(HTTPException):
    """An HTTP error raised by this package, with a Dutch ``detail`` that may be shown to the client."""

_BERICHTEN = {
    "missing": "dit veld ontbreekt",
    "extra_forbidden": "onbekend veld",
    "string_type": "verwacht een tekst",
    "string_too_short": "moet minstens {min_length} teken(s) lang zijn",
    "greater_than_equal": "moet minstens {ge} zijn",
    "greater_than": "moet groter zijn dan {gt}",
    "less_than_equal": "mag hoogstens {le} zijn",
    "too_short": "moet minstens één element bevatten",
    "list_type": "verwacht een lijst",
    "dict_type": "verwacht een object",
    "model_type": "verwacht een object",
    "model_attributes_type": "verwacht een JSON-object",
    "float_type": "verwacht een getal",
    "float_parsing": "verwacht een getal",
    "int_type": "verwacht een geheel getal",
    "int_parsing": "verwacht een geheel getal",
    "int_from_float": "verwacht een geheel getal",
    "bool_type": "verwacht true of false",
    "bool_parsing": "verwacht true of false",
    "literal_error": "verwacht een van: {expected}",
    "date_from_datetime_parsing": "verwacht een datum als JJJJ-MM-DD",
    "date_from_datetime_inexact": "verwacht een datum als JJJJ-MM-DD",
    "date_parsing": "verwacht een datum als JJJJ-MM-DD",
    "date_type": "verwacht een datum als JJJJ-MM-DD",
    "finite_number": "verwacht een eindig getal",
    "value_error": "{error}",
}

TITELS = {
    400: "Ongeldig verzoek",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Niet aanvaardbaar",
    413: "Verzoek te groot",
    415: "Mediatype niet ondersteund",
    422: "Ongeldige invoer",
    500: "Interne fout",
    502: "Externe dienst gaf een fout",
    503: "Externe dienst niet bereikbaar",
}


def _tekst(v: Any) -> str:
    if isinstance(v, float):
        return str(int(v)) if v == int(v) else str(v).replace(".", ",")
    return str(v)


def validatie_meldingen(errors: list[dict[str, Any]]) -> list[ProbleemFout]:
    """FastAPI/pydantic validation errors → Dutch messages with JSON paths (the body's own paths, without 'body')."""
    uit: list[ProbleemFout] = []
    gezien: set[str] = set()
    for err in errors:
        loc = tuple(err.get("loc") or ())
        bron = loc[0] if loc and loc[0] in ("body", "query", "path", "header") else None
        if bron is not None:
            loc = loc[1:]
        soort = err.get("type", "")
        if soort == "json_invalid":
            ctx = err.get("ctx") or {}
            uit.append(ProbleemFout(pad="(hele document)", bericht=f"geen geldige JSON: {ctx.get('error', 'onleesbaar')}"))
            continue
        if bron == "body" and not loc and soort == "missing":
            uit.append(ProbleemFout(pad="(hele document)", bericht="de body ontbreekt: stuur een JSON-object"))
            continue
        if len(loc) >= 2 and loc[0] == "feiten":
            pad = json_pad(loc[:2])
            if pad in gezien:
                continue
            gezien.add(pad)
            uit.append(ProbleemFout(pad=pad, bericht="verwacht true/false, een getal, een tekst of "
                                                     "{\"waarde\": …, \"eenheid\": \"…\"}"))
            continue
        sjabloon = _BERICHTEN.get(soort)
        ctx = err.get("ctx") or {}
        try:
            bericht = sjabloon.format(**{k: _tekst(v) for k, v in ctx.items()}) if sjabloon else "ongeldige waarde"
        except (KeyError, IndexError):
            bericht = "ongeldige waarde"
        pad = json_pad(loc)
        if bron in ("query", "path") and loc:
            pad = f"{bron}:{loc[-1]}"
        uit.append(ProbleemFout(pad=pad, bericht=bericht))
    return uit


def probleem_van(e: Exception) -> Probleem:
    """The problem document for an engine or service error (never for an unexpected one)."""
    if isinstance(e, VoorstelFout):
        return Probleem(title="Het initiatief (voorstel) bevat fouten", status=422, detail=e.kop,
                        fouten=[ProbleemFout(pad=f.pad or "(hele document)", bericht=f.bericht) for f in e.fouten])
    if isinstance(e, LocatieFout):
        return Probleem(title="Ongeldige locatie", status=422, detail=str(e), fouten=[ProbleemFout(pad="locatie", bericht=str(e))])
    if isinstance(e, PeildatumFout):
        return Probleem(title="Geen plan op de peildatum", status=422, detail=str(e),
                        fouten=[ProbleemFout(pad="peildatum", bericht=str(e))])
    if isinstance(e, AdresNietEenduidig):
        return Probleem(title="Adres niet eenduidig", status=422, detail=str(e), kandidaten=list(e.kandidaten),
                        fouten=[ProbleemFout(pad="locatie.adres", bericht=str(e))])
    if isinstance(e, AdresNietGevonden):
        return Probleem(title="Adres niet gevonden", status=422, detail=str(e), fouten=[ProbleemFout(pad="locatie.adres", bericht=str(e))])
    if isinstance(e, DienstOnbereikbaar):
        return Probleem(title="De Locatieserver is niet bereikbaar", status=503,
                        detail=f"{e} Geef de locatie als coördinaten (RD of WGS84).")
    if isinstance(e, DienstFout):
        return Probleem(title="De externe dienst gaf een fout", status=502, detail=str(e))
    if isinstance(e, PlanFouten):
        return Probleem(title="Het plan bevat fouten", status=500, detail="het plan van deze server kan niet worden geladen")
    if isinstance(e, RegelsError):
        return Probleem(title="Ongeldige invoer", status=422, detail=str(e))
    return Probleem(title=TITELS[500], status=500, detail="Er ging iets mis in de server. De fout is gelogd; probeer het opnieuw "
                                                          "of neem contact op met de beheerder.")

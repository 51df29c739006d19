"""The Gegeven-steps (what the initiative is: peildatum, locatie, activiteiten, feiten, conceptregels,
onderbouwing) and the one Als-step (check it). Each sentence is in ``docs/stappen.md``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from regels.scenarios.context import _STAP, Initiatief
from regels.scenarios.fouten import StapFout
from regels.scenarios.stappen import _stap
from regels.scenarios.waarden import _geheel, lees_datum, lees_getal, lees_plek


# -- Gegeven: de peildatum, de locatie, de activiteiten


@_stap("given", r"de peildatum is (?P<datum>.+)", "de peildatum is 2026-09-01", "de peildatum is 1 september 2026")
def _peildatum(initiatief: Initiatief, datum: str) -> None:
    initiatief.peildatum = lees_datum(datum)
    initiatief.wijzig()


@_stap("given", r"de locatie ligt (?P<plek>(?:in |buiten ).+)",
       'de locatie ligt in "Meerzicht"', 'de locatie ligt in "Meerzicht" en in "woongebied"',
       'de locatie ligt in "woongebied" buiten "wijken van de toekomst"')
def _locatie_gebied(initiatief: Initiatief, plek: str) -> None:
    if plek.startswith("buiten "):
        raise StapFout('begin met het gebied waar de locatie wel ligt: de locatie ligt in "woongebied" buiten "…"')
    initiatief.plek = lees_plek(plek)
    initiatief.wijzig()


@_stap("given", r"de locatie is (?P<plek>(?i:rd|wgs84) .+)", "de locatie is RD 93038 450204", "de locatie is WGS84 4,4935 52,0584")
def _locatie_punt(initiatief: Initiatief, plek: str) -> None:
    initiatief.plek = lees_plek(plek)
    initiatief.wijzig()


@_stap("given", r'de activiteit "(?P<naam>[^"]+)"', 'de activiteit "bouwen van een dakopbouw"')
def _activiteit(initiatief: Initiatief, naam: str) -> None:
    if naam not in initiatief.activiteiten:
        initiatief.activiteiten.append(naam)
    initiatief.wijzig()


@_stap("given", r'de activiteiten (?P<namen>".+")', 'de activiteiten "bouwen van een hoofdgebouw" en "gebruiken als woning"')
def _activiteiten(initiatief: Initiatief, namen: str) -> None:
    for naam in re.findall(r'"([^"]+)"', namen):
        if naam not in initiatief.activiteiten:
            initiatief.activiteiten.append(naam)
    initiatief.wijzig()


@_stap("given", r"de activiteiten:", "de activiteiten:")
def _activiteiten_tabel(initiatief: Initiatief, datatable: list[list[str]]) -> None:
    for rij in datatable:
        naam = rij[0].strip().strip('"')
        if naam.lower() in ("activiteit", "activiteiten") or not naam:
            continue
        if naam not in initiatief.activiteiten:
            initiatief.activiteiten.append(naam)
    initiatief.wijzig()


# -- Gegeven: feiten


def _zet_feit(initiatief: Initiatief, request: pytest.FixtureRequest, naam: str, waarde: str) -> None:
    initiatief.feiten[naam] = waarde
    stap = request.node.stash.get(_STAP, None)
    if stap is not None:
        initiatief.feitregels[naam] = stap.line_number
    initiatief.wijzig()


@_stap("given", r'het feit "(?P<naam>[^"]+)" is (?P<waarde>.+)', 'het feit "groen dak" is ja')
def _feit(initiatief: Initiatief, request: pytest.FixtureRequest, naam: str, waarde: str) -> None:
    _zet_feit(initiatief, request, naam, waarde)


@_stap("given", r"(?:de|het) (?!peildatum |locatie |feit |initiatief |activiteit)(?P<naam>[^\"]+?) is (?P<waarde>.+)",
       "de bouwhoogte is 12,5 m", "het aantal woningen is 24", 'de functie is "wonen"', "de kap is ja")
def _feit_kort(initiatief: Initiatief, request: pytest.FixtureRequest, naam: str, waarde: str) -> None:
    _zet_feit(initiatief, request, naam, waarde)


def _tabel_paren(datatable: list[list[str]], kop: tuple[str, ...]) -> list[tuple[str, str]]:
    paren = []
    for i, rij in enumerate(datatable):
        if len(rij) < 2:
            raise StapFout("een tabel met feiten heeft twee kolommen: | naam | waarde |")
        naam, waarde = rij[0].strip(), rij[1].strip()
        if i == 0 and naam.lower() in kop:
            continue  # a header row
        paren.append((naam.strip('"'), waarde))
    return paren


@_stap("given", r"de feiten:", "de feiten:")
def _feiten_tabel(initiatief: Initiatief, request: pytest.FixtureRequest, datatable: list[list[str]]) -> None:
    for naam, waarde in _tabel_paren(datatable, ("feit", "begrip", "naam")):
        _zet_feit(initiatief, request, naam, waarde)


@_stap("given", r"het initiatief:", "het initiatief:")
def _initiatief_tabel(initiatief: Initiatief, request: pytest.FixtureRequest, datatable: list[list[str]]) -> None:
    for naam, waarde in _tabel_paren(datatable, ("veld", "naam", "feit")):
        sleutel = naam.lower()
        if sleutel == "omschrijving":
            initiatief.omschrijving = waarde
        elif sleutel == "peildatum":
            initiatief.peildatum = lees_datum(waarde)
        elif sleutel == "locatie":
            initiatief.plek = lees_plek(waarde)
        elif sleutel in ("activiteit", "activiteiten"):
            namen = re.findall(r'"([^"]+)"', waarde) or [waarde.strip()]
            initiatief.activiteiten += [a for a in namen if a not in initiatief.activiteiten]
        else:
            _zet_feit(initiatief, request, naam, waarde)
    initiatief.wijzig()


@_stap("given", r'het initiatief "(?P<omschrijving>[^"]+)"', 'het initiatief "Dakopbouw op een rijwoning"')
def _omschrijving(initiatief: Initiatief, omschrijving: str) -> None:
    initiatief.omschrijving = omschrijving


@_stap("given", r'het initiatief uit "(?P<pad>[^"]+)"', 'het initiatief uit "voorbeelden/past-dakopbouw-rokkeveen.json"')
def _initiatief_bestand(initiatief: Initiatief, pad: str) -> None:
    kandidaten = [Path(pad)]
    if initiatief.feature:
        kandidaten.insert(0, Path(initiatief.feature).parent / pad)
    for p in kandidaten:
        if p.is_file():
            try:
                initiatief.begin_met(json.loads(p.read_text(encoding="utf-8")))
            except (OSError, ValueError) as e:
                raise StapFout(f"kan {pad} niet lezen als JSON: {e}") from None
            return
    raise StapFout(f"het bestand {pad!r} bestaat niet (gezocht naast het feature-bestand en in de huidige map)")


@_stap("given", r"het initiatief in JSON:", "het initiatief in JSON:")
def _initiatief_json(initiatief: Initiatief, docstring: str) -> None:
    try:
        initiatief.begin_met(json.loads(docstring))
    except ValueError as e:
        raise StapFout(f"het initiatief is geen geldige JSON: {e}") from None


# -- Gegeven: een conceptregel


@_stap("given", r"de conceptregels?:", "de conceptregel:")
def _conceptregel(initiatief: Initiatief, docstring: str) -> None:
    initiatief.concepten.append(docstring)
    initiatief.wijzig()


# -- Gegeven: de onderbouwing voor de afwijkingsregel (hoofdstuk 8; docs/afwijken.md)


def _woningen_tabel(datatable: list[list[str]]) -> list[dict[str, Any]]:
    rijen = [r for r in datatable if any(c.strip() for c in r)]
    if rijen and [c.strip().lower() for c in rijen[0]][:3] == ["segment", "woonvorm", "aantal"]:
        rijen = rijen[1:]
    uit = []
    for r in rijen:
        if len(r) < 3:
            raise StapFout("een tabel met woningen heeft drie kolommen: | segment | woonvorm | aantal |")
        uit.append({"segment": r[0].strip().strip('"'), "woonvorm": r[1].strip().strip('"'),
                    "aantal": _geheel(lees_getal(r[2], "aantal woningen"))})
    return uit


def _werkruimte_tabel(datatable: list[list[str]]) -> list[dict[str, Any]]:
    rijen = [r for r in datatable if any(c.strip() for c in r)]
    if rijen and [c.strip().lower() for c in rijen[0]][:2] == ["sector", "m2"]:
        rijen = rijen[1:]
    uit = []
    for r in rijen:
        if len(r) < 2:
            raise StapFout("een tabel met werkruimte heeft de kolommen | sector | m2 | (en eventueel | leegstaand |)")
        m2 = re.sub(r"\s*m2$", "", r[1].strip())
        rij: dict[str, Any] = {"sector": r[0].strip().strip('"'), "m2": _geheel(lees_getal(m2, "m2 werkruimte"))}
        if len(r) > 2 and r[2].strip():
            if r[2].strip().lower() not in ("ja", "nee"):
                raise StapFout(f"leegstaand is ja of nee, niet {r[2].strip()!r}")
            rij["leegstaand"] = r[2].strip().lower() == "ja"
        uit.append(rij)
    return uit


@_stap("given", r"de woningen (?P<wat>erbij|eraf):", "de woningen erbij:", "de woningen eraf:")
def _woningen(initiatief: Initiatief, wat: str, datatable: list[list[str]]) -> None:
    initiatief.onderbouwing_bij()[f"woningen_{wat}"] = _woningen_tabel(datatable)


@_stap("given", r"de werkruimte (?P<wat>erbij|eraf):", "de werkruimte erbij:", "de werkruimte eraf:")
def _werkruimte(initiatief: Initiatief, wat: str, datatable: list[list[str]]) -> None:
    initiatief.onderbouwing_bij()[f"werkruimte_{wat}"] = _werkruimte_tabel(datatable)


@_stap("given", r"er (?P<wat>komt|verdwijnt) (?P<m2>\S+) m2 groen(?: bij)?", "er komt 600 m2 groen bij",
       "er verdwijnt 200 m2 groen")
def _groen(initiatief: Initiatief, wat: str, m2: str) -> None:
    sleutel = "groen_erbij_m2" if wat == "komt" else "groen_eraf_m2"
    initiatief.onderbouwing_bij()[sleutel] = _geheel(lees_getal(m2, "m2 groen"))


@_stap("given", r"er verandert niets aan het groen", "er verandert niets aan het groen")
def _geen_groen(initiatief: Initiatief) -> None:
    o = initiatief.onderbouwing_bij()
    o["groen_erbij_m2"], o["groen_eraf_m2"] = 0, 0


@_stap("given", r'de maatregel(?:en)? (?P<namen>".+")', 'de maatregelen "groen dak" en "energieneutraal"',
       'de maatregel "natuurinclusief bouwen"')
def _maatregelen(initiatief: Initiatief, namen: str) -> None:
    o = initiatief.onderbouwing_bij()
    o["maatregelen"] = list(dict.fromkeys([*o.get("maatregelen", []), *re.findall(r'"([^"]+)"', namen)]))


@_stap("given", r'het initiatief draagt bij aan de hoofdlijn "(?P<hoofdlijn>[^"]+)" want "(?P<toelichting>[^"]+)"',
       'het initiatief draagt bij aan de hoofdlijn "palet van wijken en buurten" want "nieuwe woonvormen in een huurwijk"')
def _hoofdlijn(initiatief: Initiatief, hoofdlijn: str, toelichting: str) -> None:
    o = initiatief.onderbouwing_bij()
    o["hoofdlijnen"] = [*o.get("hoofdlijnen", []), {"hoofdlijn": hoofdlijn, "toelichting": toelichting}]


@_stap("given", r"de onderbouwing in JSON:", "de onderbouwing in JSON:")
def _onderbouwing_json(initiatief: Initiatief, docstring: str) -> None:
    try:
        waarde = json.loads(docstring)
    except ValueError as e:
        raise StapFout(f"de onderbouwing is geen geldige JSON: {e}") from None
    if not isinstance(waarde, dict):
        raise StapFout("de onderbouwing in JSON is een object (zie docs/afwijken.md)")
    initiatief.onderbouwing = waarde
    initiatief.wijzig()


@_stap("given", r"geen onderbouwing", "geen onderbouwing")
def _geen_onderbouwing(initiatief: Initiatief) -> None:
    initiatief.basis.pop("onderbouwing", None)
    initiatief.onderbouwing = {}
    initiatief.wijzig()


# -- Als: de toets


@_stap("when", r"ik het initiatief toets(?: op (?P<datum>.+))?", "ik het initiatief toets", "ik het initiatief toets op 2026-09-01")
def _toets(initiatief: Initiatief, datum: str | None) -> None:
    initiatief.toets(lees_datum(datum) if datum else None)
    fout = initiatief.fout()
    if isinstance(fout, StapFout):  # the scenario is written wrongly; a plan or proposal error may be expected
        raise fout

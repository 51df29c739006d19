"""A proposal (initiatief): what is planned, where, when, and its facts.

Read from JSON; ``lees_voorstel`` turns every validation problem into a ``VoorstelFout`` whose
findings carry the JSON path and a Dutch message. Whether a fact's name, type and unit fit the
plan is checked against the plan's begrippen when the proposal is evaluated.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from regels.errors import Melding, VoorstelFout


class _Strikt(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Hoeveelheidsfeit(_Strikt):
    """A measured fact: ``{"waarde": 12.5, "eenheid": "m"}``."""

    waarde: float
    eenheid: str = Field(min_length=1, description="m, cm, m2, ha, m3, %, graden, dB, jaar, maanden")


Feit = Annotated[
    Union[bool, int, float, str, Hoeveelheidsfeit],
    Field(description="ja/nee (true/false), een aantal (getal), een keuze (tekst) of een hoeveelheid met eenheid"),
]


class Locatie(_Strikt):
    """Where: a GeoJSON Point, Polygon or MultiPolygon, in RD (EPSG:28992, default) or WGS84 (EPSG:4326, lon/lat);
    or an address, which ``regels check`` looks up in the PDOK Locatieserver before the check."""

    type: Literal["Point", "Polygon", "MultiPolygon"] | None = None
    coordinates: list[Any] | None = None
    crs: str = Field(default="EPSG:28992", description="EPSG:28992 (RD New) of EPSG:4326 (WGS84, lengte/breedte)")
    adres: str | None = Field(default=None, description="een adres of postcode met huisnummer, bv. 'Stadhuisplein 1, Zoetermeer'")

    @model_validator(mode="after")
    def _een_vorm(self) -> "Locatie":
        if self.type is None and self.coordinates is None and not self.adres:
            raise ValueError("geef een geometrie (type en coordinates) of een adres")
        if (self.type is None) != (self.coordinates is None):
            mist = "coordinates" if self.coordinates is None else "type"
            raise ValueError(f"'{mist}' ontbreekt: een geometrie heeft zowel 'type' als 'coordinates'")
        return self


Segment = Literal["sociale huur", "middenhuur", "dure huur", "betaalbare koop", "middeldure koop", "dure koop"]
Woonvorm = Literal["eengezinswoning", "appartement", "knarrenhof", "tiny house", "woon-werkwoning", "zorgwoning"]
Sector = Literal["ICT", "Health", "Logistiek & Handel", "Bouw & Installatie", "overig"]
Maatregel = Literal["groen dak", "natuurinclusief bouwen", "waterberging", "klimaatadaptief ontwerp",
                    "energieneutraal", "circulair bouwen", "aanpasbaar bouwen", "deelmobiliteit"]
Hoofdlijn = Literal["Zoetermeer is mijn thuis", "duurzame stad in en tussen de parken", "palet van wijken en buurten",
                    "doorlopende ontplooiingskansen", "stad van toegepaste innovatie", "Zoetermeer regiostad"]


class Woningen(_Strikt):
    """A number of dwellings of one price segment and one woonvorm."""

    segment: Segment
    woonvorm: Woonvorm
    aantal: int = Field(ge=1)


class Werkruimte(_Strikt):
    """Work space of one sector; ``leegstaand``: space that is empty now (removing it costs no jobs)."""

    sector: Sector
    m2: float = Field(gt=0)
    leegstaand: bool = False


class HoofdlijnBijdrage(_Strikt):
    hoofdlijn: Hoofdlijn
    toelichting: str = Field(min_length=10, description="hoe het initiatief aan deze hoofdlijn bijdraagt")


class Onderbouwing(_Strikt):
    """What the initiative adds and removes, for the deviation clause (artikel 8.4 of the plan).

    Lists left empty mean "none"; the green figures are required (0 when nothing changes).
    """

    woningen_erbij: list[Woningen] = []
    woningen_eraf: list[Woningen] = Field(default=[], description="gesloopte of omgezette woningen")
    werkruimte_erbij: list[Werkruimte] = []
    werkruimte_eraf: list[Werkruimte] = Field(default=[], description="werkruimte die verdwijnt, bv. een kantoor dat woningen wordt")
    groen_erbij_m2: float = Field(ge=0, description="nieuw openbaar of gemeenschappelijk groen")
    groen_eraf_m2: float = Field(ge=0, description="groen dat verdwijnt")
    maatregelen: list[Maatregel] = []
    hoofdlijnen: list[HoofdlijnBijdrage] = []


class Voorstel(_Strikt):
    """An initiative to check against the plan."""

    omschrijving: str = Field(min_length=1)
    peildatum: dt.date | None = Field(default=None, description="de datum waarop de regels gelden; leeg: vandaag")
    locatie: Locatie
    activiteiten: list[str] = Field(min_length=1, description="namen van activiteiten uit het plan")
    feiten: dict[str, Feit] = Field(default_factory=dict, description="feiten, met de namen van de begrippen uit het plan")
    onderbouwing: Onderbouwing | None = Field(default=None, description="voor de afwijkingsregel: wat het initiatief toevoegt en weghaalt")
    herkomst: dict[str, str] = Field(default_factory=dict, description="per feit waar het vandaan komt, als het niet van de aanvrager is (bv. de BAG)")


_BERICHTEN = {
    "missing": "dit veld ontbreekt",
    "extra_forbidden": "onbekend veld",
    "string_type": "verwacht een tekst",
    "string_too_short": "moet minstens {min_length} teken(s) lang zijn",
    "greater_than_equal": "moet minstens {ge} zijn",
    "greater_than": "moet groter zijn dan {gt}",
    "too_short": "moet minstens één element bevatten",
    "list_type": "verwacht een lijst",
    "dict_type": "verwacht een object",
    "model_type": "verwacht een object",
    "float_type": "verwacht een getal",
    "float_parsing": "verwacht een getal",
    "bool_type": "verwacht true of false",
    "literal_error": "verwacht een van: {expected}",
    "date_from_datetime_parsing": "verwacht een datum als JJJJ-MM-DD",
    "date_parsing": "verwacht een datum als JJJJ-MM-DD",
    "date_type": "verwacht een datum als JJJJ-MM-DD",
    "json_invalid": "geen geldige JSON: {error}",
    "value_error": "{error}",
}


def _tekst(v: Any) -> str:
    """A value from a validation error as Dutch text: 0.0 → 0, 2.5 → 2,5."""
    if isinstance(v, float):
        return str(int(v)) if v == int(v) else str(v).replace(".", ",")
    return str(v)


def json_pad(loc: tuple[Any, ...]) -> str:
    """``("feiten", "bouwhoogte", "eenheid")`` → ``feiten.bouwhoogte.eenheid``; list indexes as ``[0]``."""
    pad = ""
    for deel in loc:
        if isinstance(deel, int):
            pad += f"[{deel}]"
        else:
            pad += ("." if pad else "") + str(deel)
    return pad or "(hele document)"


def _meldingen(e: ValidationError) -> list[Melding]:
    uit: list[Melding] = []
    gezien: set[str] = set()
    for err in e.errors():
        loc = tuple(err["loc"])
        # a fact value is a union: report once, on the fact, with what a fact may be
        if len(loc) >= 2 and loc[0] == "feiten":
            pad = json_pad(loc[:2])
            if pad in gezien:
                continue
            gezien.add(pad)
            uit.append(Melding("verwacht true/false, een getal, een tekst of {\"waarde\": …, \"eenheid\": \"…\"}", pad=pad))
            continue
        sjabloon = _BERICHTEN.get(err["type"])
        ctx = err.get("ctx") or {}
        bericht = sjabloon.format(**{k: _tekst(v) for k, v in ctx.items()}) if sjabloon else f"ongeldige waarde ({err['msg']})"
        uit.append(Melding(bericht, pad=json_pad(loc)))
    return uit


def lees_voorstel(data: bytes | str | dict[str, Any], bron: str = "voorstel") -> Voorstel:
    """Validate a proposal from JSON text or a dict; ``VoorstelFout`` lists each problem with its JSON path."""
    try:
        if isinstance(data, dict):
            return Voorstel.model_validate(data)
        if isinstance(data, bytes):
            try:
                data = data.decode("utf-8")
            except UnicodeDecodeError as e:
                raise VoorstelFout([Melding(f"geen UTF-8-tekst (byte {e.start})", pad=bron)]) from None
        try:
            ruw = json.loads(data)
        except json.JSONDecodeError as e:
            raise VoorstelFout([Melding(f"geen geldige JSON: {e.msg} (regel {e.lineno}, kolom {e.colno})", pad=bron)]) from None
        if not isinstance(ruw, dict):
            raise VoorstelFout([Melding("verwacht een JSON-object met omschrijving, locatie, activiteiten en feiten", pad=bron)])
        return Voorstel.model_validate(ruw)
    except ValidationError as e:
        raise VoorstelFout(_meldingen(e)) from None

"""The pydantic models of the HTTP API (requests and answers besides ``Voorstel`` and ``Uitkomst``).

The OpenAPI description (``/api/v1/openapi.json``) is generated from these models and from the
engine's own ``Voorstel`` and ``Uitkomst``; nothing is described twice.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from regels.model.voorstel import Feit, Locatie


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# --- requests -----------------------------------------------------------------------------------


class LocatieVerzoek(_Model):
    """What applies at a location: a GeoJSON point or area (RD or WGS84), or an address."""

    locatie: Locatie
    peildatum: dt.date | None = Field(default=None, description="de datum waarop de regels gelden; leeg: vandaag")
    activiteit: str | None = Field(default=None, description="alleen deze activiteit (met wat erboven valt)")


class VragenVerzoek(_Model):
    """Which facts the rules need for these activities at this location."""

    locatie: Locatie
    peildatum: dt.date | None = Field(default=None, description="de datum waarop de regels gelden; leeg: vandaag")
    activiteiten: list[str] = Field(min_length=1, description="namen van activiteiten uit het plan")
    feiten: dict[str, Feit] = Field(default_factory=dict, description="feiten die al bekend zijn; "
                                    "vragen die daardoor niet meer nodig zijn krijgen relevant=false")


# --- answers ------------------------------------------------------------------------------------


class ProbleemFout(_Model):
    pad: str = Field(description="JSON-pad van de foute invoer, bv. feiten.bouwhoogte.eenheid")
    bericht: str = Field(description="wat er mis is, in het Nederlands")


class Probleem(_Model):
    """An error as problem+json (RFC 9457); ``fouten`` lists every bad input with its JSON path."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str = ""
    fouten: list[ProbleemFout] = []
    kandidaten: list[str] = Field(default=[], description="bij een adres dat niet eenduidig is: de adressen die passen")


class Versie(_Model):
    naam: str
    vanaf: dt.date
    tot: dt.date | None = None


class PlanInfo(_Model):
    titel: str
    werk: str
    bevoegd_gezag: str
    versies: list[Versie]
    plan_hash: str
    engine: str = "regels"
    engine_versie: str
    aantal_artikelen: int
    aantal_regels: int


class ActiviteitInfo(_Model):
    naam: str
    bovenliggend: str | None = None
    aantal_regels: int = Field(description="regels over precies deze activiteit (niet over wat erboven valt)")


class BegripInfo(_Model):
    naam: str
    soort: Literal["eenheid", "aantal", "ja/nee", "keuze"]
    eenheid: str | None = None
    eenheden: list[str] = Field(default=[], description="eenheden die worden omgerekend, de eenheid van het begrip eerst")
    keuzes: list[str] = []
    definitie: str
    citaat: str = Field(description="waar de definitie staat, bv. 'artikel 1.1 lid 1'")


class Normwaarde(_Model):
    waarde: float
    eenheid: str | None = None
    tekst: str = Field(description="bv. '12 m'")
    locaties: list[str]


class NormInfo(_Model):
    naam: str
    eenheid: str | None = None
    citaat: str
    waarden: list[Normwaarde]


class RegelInfo(_Model):
    """A juridische regel as the plan writes it."""

    id: str
    citaat: str
    artikeltitel: str
    activiteit: str
    kwalificatie: str
    locaties: list[str]
    geldig_vanaf: dt.date | None = None
    geldig_tot: dt.date | None = None
    voorwaarden: list[str] = []
    eisen: list[str] = []
    in_afwijking_van: list[str] = []
    afwijkbaar: bool = False
    niet_afwijkbaar: str | None = Field(default=None, description="de reden, als het plan die geeft")


class LidInfo(_Model):
    nummer: str
    tekst: str
    begrippen: list[str] = []
    normen: list[str] = []
    regels: list[RegelInfo] = []


class ArtikelKort(_Model):
    nummer: str
    titel: str


class ArtikelInfo(_Model):
    nummer: str
    titel: str
    tekst: str = Field(default="", description="de alinea's van het artikel zelf")
    leden: list[LidInfo] = []
    begrippen: list[str] = []
    normen: list[str] = []
    regels: list[RegelInfo] = Field(default=[], description="regels direct onder het artikel (zonder leden)")


class GebiedHier(_Model):
    naam: str
    soort: str = Field(description="gebied, gebiedengroep of gebiedsaanwijzing")


class ActiviteitHier(_Model):
    naam: str
    bovenliggend: str | None = None
    regels: list[RegelInfo] = Field(description="de regels die hier op de peildatum gelden, ook die over een activiteit erboven")


class LocatieOverzicht(_Model):
    """What applies at a location on the peildatum."""

    peildatum: dt.date
    plan_versie: str
    rd_wkt: str
    adres: str | None = None
    gebieden: list[GebiedHier]
    deels_buiten_plangebied: bool = False
    activiteiten: list[ActiviteitHier]
    normen: list[NormInfo] = Field(description="de normen met een waarde op deze locatie (alleen die waarden)")


class Vraag(_Model):
    """A fact the applicable rules need, derived from their 'als' and 'eis'."""

    naam: str
    soort: Literal["eenheid", "aantal", "ja/nee", "keuze"]
    eenheid: str | None = None
    eenheden: list[str] = []
    keuzes: list[str] = []
    definitie: str
    citaat: str = Field(description="waar het begrip is gedefinieerd")
    nodig_voor: list[str] = Field(description="citaten van de regels die dit feit gebruiken")
    alleen_voor_afwijking: bool = Field(default=False, description="alleen een afwijkingsregel gebruikt dit feit")
    relevant: bool = Field(default=True, description="false als de al gegeven feiten de regels die het nodig hebben "
                           "buiten toepassing zetten")
    beantwoord: bool = False


class VragenAntwoord(_Model):
    peildatum: dt.date
    activiteiten: list[str]
    vragen: list[Vraag]


class AdresAntwoord(_Model):
    weergavenaam: str
    x: float = Field(description="RD (EPSG:28992)")
    y: float = Field(description="RD (EPSG:28992)")
    wijk: str | None = None
    buurt: str | None = None
    bron: str = "PDOK Locatieserver"

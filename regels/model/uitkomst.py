"""The result of a check (``Uitkomst``): per activity a conclusion, per rule an outcome, the missing
facts, a trace, and a receipt that makes the result reproducible.

The JSON Schema in ``schemas/uitkomst.schema.json`` is generated from these models.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Status = Literal["voldoet", "voldoet niet", "onbepaald"]
RegelStatus = Literal["voldoet", "voldoet niet", "onbepaald", "niet van toepassing", "opzijgezet"]
Conclusie = Literal["Toestemmingsvrij", "Meldingsplicht", "Vergunningplicht", "Verbod", "NeemContactOpMet"]
Oordeel = Literal["past", "past niet", "onvolledig", "ter beoordeling"]


class _Uit(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Toets(_Uit):
    """One condition or requirement, evaluated: its text, status and the values compared."""

    tekst: str = Field(description="de eis of voorwaarde zoals in het plan")
    status: Status
    toelichting: str = Field(description="de vergeleken waarden, bv. 'bouwhoogte 14 m > maximum bouwhoogte 12 m'")
    ontbrekende_feiten: list[str] = []


class RegelUitkomst(_Uit):
    id: str = Field(description="stabiele id van de regel in het plan, bv. art5.3-lid1-r1")
    citaat: str = Field(description="artikel en lid, bv. 'artikel 5.3 lid 1'")
    artikeltitel: str
    activiteit: str
    kwalificatie: str
    locaties: list[str] = Field(description="de werkingsgebieden van de regel die de locatie raakt")
    status: RegelStatus
    voorwaarden: list[Toets] = []
    eisen: list[Toets] = []
    ontbrekende_feiten: list[str] = []
    afwijkbaar: bool = False
    opzijgezet_door: str | None = None
    toelichting: str = ""
    juridische_tekst: str = ""


class Conflict(_Uit):
    """Two exceptions to the same article that both apply with a different outcome."""

    regels: list[str]
    toelichting: str


class ActiviteitUitkomst(_Uit):
    activiteit: str
    conclusie: Conclusie
    oordeel: Oordeel
    toelichting: str
    regels: list[RegelUitkomst]
    ontbrekende_feiten: list[str] = []
    conflicten: list[Conflict] = []


class OntbrekendFeit(_Uit):
    """A fact the check needs, with what it means and who needs it."""

    naam: str
    soort: str = Field(description="eenheid (m, m2 …), aantal, ja/nee of keuze")
    keuzes: list[str] = []
    definitie: str = ""
    nodig_voor: list[str] = Field(description="citaten van de regels die dit feit nodig hebben")


class LocatieInfo(_Uit):
    adres: str | None = Field(default=None, description="het adres waarvan de locatie is afgeleid (PDOK Locatieserver)")
    crs_invoer: str
    rd_wkt: str = Field(description="de locatie in RD (EPSG:28992) als WKT")
    gebieden: list[str] = Field(description="alle gebieden, groepen en gebiedsaanwijzingen van het plan die de locatie raakt")
    deels_buiten_plangebied: bool = False


class StapInTrace(_Uit):
    """One step of the evaluation, for the trace: what was looked at and what followed."""

    soort: Literal["peildatum", "locatie", "activiteit", "regel", "voorwaarde", "eis", "uitzondering", "conclusie",
                   "afwijking", "mechanisme"]
    tekst: str
    stappen: list["StapInTrace"] = []


class Bon(_Uit):
    """The receipt: everything needed to reproduce this result."""

    engine: str = "regels"
    engine_versie: str
    plan_titel: str
    plan_werk: str
    plan_versie: str
    plan_hash: str = Field(description="sha256 van de canonieke plantekst en de geometrie")
    peildatum: dt.date


Effect = Literal["+", "0", "−", "?"]


class IndicatorWaarde(_Uit):
    """One measured indicator of a mechanism: its definition, value before and after, and its data."""

    naam: str
    definitie: str
    eenheid: str
    voor: float | None = None
    na: float | None = None
    richting: Effect = Field(description="+ beter, 0 geen meetbaar effect, − slechter, ? onbekend (gegevens ontbreken)")
    toelichting: str
    bronnen: list[str] = Field(default=[], description="de gebruikte gegevens met bron en peildatum")


class MechanismeEffect(_Uit):
    nummer: int = Field(ge=1, le=5)
    naam: str
    gebied: str = Field(description="de wijk, of de aangrenzende wijken")
    effect: Effect
    toelichting: str
    indicatoren: list[IndicatorWaarde] = []
    ontbreekt: list[str] = Field(default=[], description="wat de aanvrager nog moet opgeven om dit mechanisme te beoordelen")


class HoofdlijnUitkomst(_Uit):
    hoofdlijn: str
    gediend: bool
    grond: Literal["toets", "aanvrager", "geen"] = Field(description="vastgesteld door de toets, of alleen gesteld door de aanvrager")
    toelichting: str


class RegelAfwijkbaarheid(_Uit):
    citaat: str
    activiteit: str
    afwijkbaar: bool
    reden: str


class Afwijkingsbeoordeling(_Uit):
    """The deviation clause applied: an advice to the officer, never a decision (artikel 8.7 of the plan)."""

    verdict: Literal["afwijken mogelijk", "afwijken niet mogelijk", "onvoldoende onderbouwd"]
    samenvatting: str = Field(description="bv. 'afwijken mogelijk, mits …' of 'afwijken niet mogelijk, omdat …'")
    mits: list[str] = []
    omdat: list[str] = []
    ontbreekt: list[str] = []
    regels: list[RegelAfwijkbaarheid]
    wijk: str | None
    buurwijken: list[str] = []
    mechanismen: list[MechanismeEffect] = []
    mechanismen_buurwijken: list[MechanismeEffect] = []
    hoofdlijnen: list[HoofdlijnUitkomst] = []
    voorwaarden: list[Toets] = Field(default=[], description="de eisen van de afwijkingsregels van het plan, getoetst")
    afwijkingsregels: list[str] = Field(default=[], description="citaten van de afwijkingsregels die hier gelden")
    besluit: str = "De beslissing blijft bij het bevoegd gezag; deze beoordeling is een advies."


class Uitkomst(_Uit):
    omschrijving: str
    oordeel: Oordeel
    samenvatting: str
    activiteiten: list[ActiviteitUitkomst]
    ontbrekende_feiten: list[OntbrekendFeit] = []
    waarschuwingen: list[str] = []
    locatie: LocatieInfo
    feiten_herkomst: dict[str, str] = Field(default={}, description="feiten die niet van de aanvrager komen, met hun bron (bv. de BAG)")
    afwijking: Afwijkingsbeoordeling | None = Field(default=None, description="alleen als het initiatief een regel niet haalt")
    trace: list[StapInTrace] = []
    bon: Bon


StapInTrace.model_rebuild()

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
    crs_invoer: str
    rd_wkt: str = Field(description="de locatie in RD (EPSG:28992) als WKT")
    gebieden: list[str] = Field(description="alle gebieden, groepen en gebiedsaanwijzingen van het plan die de locatie raakt")
    deels_buiten_plangebied: bool = False


class StapInTrace(_Uit):
    """One step of the evaluation, for the trace: what was looked at and what followed."""

    soort: Literal["peildatum", "locatie", "activiteit", "regel", "voorwaarde", "eis", "uitzondering", "conclusie"]
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


class Uitkomst(_Uit):
    omschrijving: str
    oordeel: Oordeel
    samenvatting: str
    activiteiten: list[ActiviteitUitkomst]
    ontbrekende_feiten: list[OntbrekendFeit] = []
    waarschuwingen: list[str] = []
    locatie: LocatieInfo
    trace: list[StapInTrace] = []
    bon: Bon


StapInTrace.model_rebuild()

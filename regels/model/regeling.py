"""The plan text as written: files of statements, aligned with IMOW.

A plan (``Regeling``) is a tuple of files (``Bestand``); each file holds top-level items: the plan
header, declarations of activiteiten, gebieden, gebiedengroepen and gebiedsaanwijzingen, and
hoofdstukken with afdelingen, artikelen and leden. Under an artikel or lid hang the annotations:
begrippen, omgevingsnormen (with normwaarden per locatie) and juridische regels.

Names are references: a ``JuridischeRegel`` names its activiteit and locaties; the resolver
(``regels.language.resolve``) checks that each name is declared once and builds the indexes.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, Union

from pydantic import Field, model_validator

from regels.model.basis import Bron, Node, Opdracht
from regels.model.expressie import Expressie, Getal

Kwalificatie = Literal[
    "toegestaan",
    "meldingsplichtig",
    "informatieplichtig",
    "vergunningplichtig",
    "verboden",
    "gebod",
    "zorgplicht",
    "anders geduid",
    "maatwerk",
]
KWALIFICATIES: tuple[str, ...] = Kwalificatie.__args__  # type: ignore[attr-defined]

# IMOW waardelijst TypeGebiedsaanwijzing (v4.3.0)
SoortGebiedsaanwijzing = Literal[
    "beperkingengebied", "bodem", "bouw", "defensie", "energievoorziening", "erfgoed", "externe veiligheid",
    "functie", "geluid", "geur", "landschap", "leiding", "lucht", "mijnbouw", "natuur", "recreatie",
    "ruimtelijk gebruik", "verkeer", "water en watersysteem",
]
SOORTEN_GEBIEDSAANWIJZING: tuple[str, ...] = SoortGebiedsaanwijzing.__args__  # type: ignore[attr-defined]


# --- plan header -------------------------------------------------------------------------------


class Eigenschap(Opdracht):
    """``bevoegd gezag "gm0637"``, ``werk "/akn/…"`` or ``regelingsgebied "…"``."""

    soort: Literal["eigenschap"] = "eigenschap"
    sleutel: Literal["bevoegd gezag", "werk", "regelingsgebied"]
    waarde: str


class Versie(Opdracht):
    """A dated version of the plan; ``tot`` is the last day it is in force (inclusive)."""

    soort: Literal["versie"] = "versie"
    naam: str
    vanaf: dt.date
    tot: dt.date | None = None


class PlanKop(Opdracht):
    soort: Literal["plan"] = "plan"
    titel: str
    regels: tuple[Annotated[Union[Eigenschap, Versie], Field(discriminator="soort")], ...] = ()

    def eigenschap(self, sleutel: str) -> str | None:
        for r in self.regels:
            if isinstance(r, Eigenschap) and r.sleutel == sleutel:
                return r.waarde
        return None

    @property
    def versies(self) -> tuple[Versie, ...]:
        return tuple(r for r in self.regels if isinstance(r, Versie))


# --- declarations ------------------------------------------------------------------------------


class ActiviteitDecl(Opdracht):
    soort: Literal["activiteit"] = "activiteit"
    naam: str
    bovenliggend: str | None = None


class GebiedDecl(Opdracht):
    """A werkingsgebied: the feature whose ``naam`` equals ``naam`` in the GeoJSON file ``bestand``."""

    soort: Literal["gebied"] = "gebied"
    naam: str
    bestand: str


class GebiedengroepDecl(Opdracht):
    soort: Literal["gebiedengroep"] = "gebiedengroep"
    naam: str
    leden: tuple[str, ...] = Field(min_length=1)


class GebiedsaanwijzingDecl(Opdracht):
    soort: Literal["gebiedsaanwijzing"] = "gebiedsaanwijzing"
    naam: str
    type: SoortGebiedsaanwijzing
    locaties: tuple[str, ...] = Field(min_length=1)


# --- annotations under an artikel or lid ---------------------------------------------------------


class Begrip(Opdracht):
    """A fact a proposal can state. ``type`` is ``eenheid`` (with ``eenheid``), ``aantal``, ``ja/nee`` or ``keuze``."""

    soort: Literal["begrip"] = "begrip"
    naam: str
    type: Literal["eenheid", "aantal", "ja/nee", "keuze"]
    eenheid: str | None = None
    keuzes: tuple[str, ...] = ()


class Normwaarde(Opdracht):
    soort: Literal["waarde"] = "waarde"
    waarde: Getal
    locaties: tuple[str, ...] = Field(min_length=1)


class Omgevingsnorm(Opdracht):
    """A quantity whose value differs per locatie; ``eenheid`` None means a count."""

    soort: Literal["norm"] = "norm"
    naam: str
    eenheid: str | None = None
    waarden: tuple[Normwaarde, ...] = ()


class Geldigheid(Opdracht):
    """Validity of a rule; ``tot`` inclusive."""

    soort: Literal["geldig"] = "geldig"
    vanaf: dt.date
    tot: dt.date | None = None

    def omvat(self, datum: dt.date) -> bool:
        return self.vanaf <= datum and (self.tot is None or datum <= self.tot)


class Voorwaarde(Opdracht):
    """``als …``: the rule applies only when this holds."""

    soort: Literal["als"] = "als"
    expressie: Expressie


class Eis(Opdracht):
    """``eis …``: what the proposal must meet."""

    soort: Literal["eis"] = "eis"
    expressie: Expressie


class AfwijkingVan(Opdracht):
    """``in afwijking van artikel X [lid N]``: this rule sets aside the rules there (specific over general)."""

    soort: Literal["afwijking"] = "afwijking"
    artikel: str
    lid: str | None = None

    def __str__(self) -> str:
        return f"artikel {self.artikel}" + (f" lid {self.lid}" if self.lid else "")


class Afwijkbaar(Opdracht):
    """Marks a rule that may be departed from under the plan's deviation clause."""

    soort: Literal["afwijkbaar"] = "afwijkbaar"


class NietAfwijkbaar(Opdracht):
    """Marks a rule that may never be departed from, with the reason (e.g. safety, a milieunorm, higher law)."""

    soort: Literal["niet afwijkbaar"] = "niet afwijkbaar"
    reden: str


RegelOnderdeel = Annotated[
    Union[Geldigheid, Voorwaarde, Eis, AfwijkingVan, Afwijkbaar, NietAfwijkbaar], Field(discriminator="soort")
]


class JuridischeRegel(Opdracht):
    """One machine rule (IMOW ``RegelVoorIedereen``): activiteit, locaties, kwalificatie and its parts."""

    soort: Literal["regel"] = "regel"
    activiteit: str
    locaties: tuple[str, ...] = Field(min_length=1)
    kwalificatie: Kwalificatie
    onderdelen: tuple[RegelOnderdeel, ...] = ()

    @property
    def geldigheid(self) -> Geldigheid | None:
        return next((o for o in self.onderdelen if isinstance(o, Geldigheid)), None)

    @property
    def voorwaarden(self) -> tuple[Voorwaarde, ...]:
        return tuple(o for o in self.onderdelen if isinstance(o, Voorwaarde))

    @property
    def eisen(self) -> tuple[Eis, ...]:
        return tuple(o for o in self.onderdelen if isinstance(o, Eis))

    @property
    def afwijkingen(self) -> tuple[AfwijkingVan, ...]:
        return tuple(o for o in self.onderdelen if isinstance(o, AfwijkingVan))

    @property
    def afwijkbaar(self) -> bool:
        return any(isinstance(o, Afwijkbaar) for o in self.onderdelen)

    @property
    def niet_afwijkbaar(self) -> NietAfwijkbaar | None:
        return next((o for o in self.onderdelen if isinstance(o, NietAfwijkbaar)), None)


class Afwijkingsregel(Opdracht):
    """The deviation clause as plan text: where it holds, when (``als``), and what it demands (``eis``).

    Its conditions and requirements may use the engine's mechanism indicators (``regels.deviation.indicators``)
    besides begrippen and normen. Every afwijkingsregel that holds at the location must be met.
    """

    soort: Literal["afwijkingsregel"] = "afwijkingsregel"
    naam: str
    locaties: tuple[str, ...] = Field(min_length=1)
    onderdelen: tuple[Annotated[Union[Geldigheid, Voorwaarde, Eis], Field(discriminator="soort")], ...] = ()

    @property
    def geldigheid(self) -> Geldigheid | None:
        return next((o for o in self.onderdelen if isinstance(o, Geldigheid)), None)

    @property
    def voorwaarden(self) -> tuple[Voorwaarde, ...]:
        return tuple(o for o in self.onderdelen if isinstance(o, Voorwaarde))

    @property
    def eisen(self) -> tuple[Eis, ...]:
        return tuple(o for o in self.onderdelen if isinstance(o, Eis))


Annotatie = Annotated[Union[Begrip, Omgevingsnorm, JuridischeRegel, Afwijkingsregel], Field(discriminator="soort")]


# --- text structure ------------------------------------------------------------------------------


class Alinea(Opdracht):
    soort: Literal["tekst"] = "tekst"
    tekst: str


class Lid(Opdracht):
    soort: Literal["lid"] = "lid"
    nummer: str
    tekst: str
    alineas: tuple[Alinea, ...] = ()
    annotaties: tuple[Annotatie, ...] = ()


class Artikel(Opdracht):
    soort: Literal["artikel"] = "artikel"
    nummer: str
    titel: str
    alineas: tuple[Alinea, ...] = ()
    annotaties: tuple[Annotatie, ...] = ()  # only when the artikel has no leden
    leden: tuple[Lid, ...] = ()

    @model_validator(mode="after")
    def _annotaties_in_leden(self) -> "Artikel":
        if self.annotaties and self.leden:
            raise ValueError("een artikel met leden heeft zijn regels, begrippen en normen in de leden")
        return self


class Afdeling(Opdracht):
    soort: Literal["afdeling"] = "afdeling"
    nummer: str
    titel: str
    artikelen: tuple[Artikel, ...] = ()


class Hoofdstuk(Opdracht):
    soort: Literal["hoofdstuk"] = "hoofdstuk"
    nummer: str
    titel: str
    inhoud: tuple[Annotated[Union[Afdeling, Artikel], Field(discriminator="soort")], ...] = ()

    @model_validator(mode="after")
    def _artikelen_voor_afdelingen(self) -> "Hoofdstuk":
        # in the text an artikel after an afdeling belongs to that afdeling, so the model cannot hold one
        gezien = False
        for item in self.inhoud:
            if isinstance(item, Afdeling):
                gezien = True
            elif gezien:
                raise ValueError("een artikel direct onder een hoofdstuk moet vóór de afdelingen staan")
        return self

    def artikelen(self) -> list[Artikel]:
        out: list[Artikel] = []
        for item in self.inhoud:
            out.extend(item.artikelen if isinstance(item, Afdeling) else (item,))
        return out


Item = Annotated[
    Union[PlanKop, ActiviteitDecl, GebiedDecl, GebiedengroepDecl, GebiedsaanwijzingDecl, Hoofdstuk],
    Field(discriminator="soort"),
]


class Bestand(Node):
    """One ``.regels`` file: its path relative to the plan folder and its items in order."""

    pad: str
    items: tuple[Item, ...] = ()
    slotcommentaar: tuple[str, ...] = ()  # comment lines after the last statement


class Regeling(Node):
    """The whole plan text: every file, in load order."""

    bestanden: tuple[Bestand, ...] = ()

    def items(self) -> list[Item]:
        return [i for b in self.bestanden for i in b.items]

    def artikelen(self) -> list[Artikel]:
        return [a for i in self.items() if isinstance(i, Hoofdstuk) for a in i.artikelen()]


__all__ = [
    "Afdeling", "AfwijkingVan", "Afwijkbaar", "Afwijkingsregel", "NietAfwijkbaar", "ActiviteitDecl", "Alinea", "Annotatie", "Artikel",
    "Begrip", "Bestand", "Bron", "Eigenschap", "Eis", "GebiedDecl", "GebiedengroepDecl",
    "GebiedsaanwijzingDecl", "Geldigheid", "Hoofdstuk", "Item", "JuridischeRegel", "Kwalificatie",
    "KWALIFICATIES", "Lid", "Normwaarde", "Omgevingsnorm", "PlanKop", "Regeling", "SOORTEN_GEBIEDSAANWIJZING",
    "Versie", "Voorwaarde",
]

"""The loaded plan: the text model (``Regeling``) with its names resolved and its indexes built.

A ``Plan`` is built only by ``regels.language.resolve.resolve`` (or ``regels.load_plan``), which
checks it first; once built it is not changed. It holds no evaluation logic: it answers lookups
(which rules exist for an activity, what a name means, where an area lies).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import cached_property

import shapely
from shapely.geometry.base import BaseGeometry

from regels.geo import GebiedenIndex
from regels.deviation.wijkdata import Wijkcijfers
from regels.model.regeling import (
    ActiviteitDecl, Afwijkingsregel, Artikel, Begrip, JuridischeRegel, Lid, Omgevingsnorm, PlanKop, Regeling, Versie,
)


@dataclass(frozen=True)
class Vindplaats:
    """Where an annotation stands in the text: its artikel and (optional) lid."""

    artikel: Artikel
    lid: Lid | None

    @property
    def citaat(self) -> str:
        """'artikel 5.3 lid 1', the way a report cites it."""
        return f"artikel {self.artikel.nummer}" + (f" lid {self.lid.nummer}" if self.lid else "")

    @property
    def tekst(self) -> str:
        """The legal text of the lid, or of the artikel."""
        if self.lid is not None:
            return " ".join([self.lid.tekst, *(a.tekst for a in self.lid.alineas)])
        return " ".join(a.tekst for a in self.artikel.alineas)


@dataclass(frozen=True)
class RegelInPlan:
    """A juridische regel with its place in the text and a stable id (``art5.3-lid1-r1``)."""

    id: str
    regel: JuridischeRegel
    vindplaats: Vindplaats

    @property
    def citaat(self) -> str:
        return self.vindplaats.citaat


@dataclass(frozen=True)
class AfwijkingsregelInPlan:
    """A deviation clause rule with its place in the text."""

    id: str
    regel: Afwijkingsregel
    vindplaats: Vindplaats

    @property
    def citaat(self) -> str:
        return self.vindplaats.citaat


@dataclass(frozen=True)
class Plan:
    """A checked omgevingsplan, ready for evaluation."""

    regeling: Regeling
    kop: PlanKop
    versies: tuple[Versie, ...]  # sorted by vanaf
    activiteiten: dict[str, ActiviteitDecl]
    locaties: dict[str, BaseGeometry]  # gebieden, gebiedengroepen and gebiedsaanwijzingen, in RD
    locatiesoort: dict[str, str]  # name → "gebied" | "gebiedengroep" | "gebiedsaanwijzing"
    index: GebiedenIndex
    begrippen: dict[str, tuple[Begrip, Vindplaats]]
    normen: dict[str, tuple[Omgevingsnorm, Vindplaats]]
    regels: tuple[RegelInPlan, ...]
    artikelen: dict[str, Artikel]
    waarschuwingen: tuple = field(default=(), compare=False)  # Melding findings that did not stop loading
    afwijkingsregels: tuple[AfwijkingsregelInPlan, ...] = ()
    wijkcijfers: Wijkcijfers | None = field(default=None, compare=False)  # CBS figures per wijk, for the deviation clause

    @cached_property
    def inhoudshash(self) -> str:
        """sha256 of the canonical text (the plan formatted by ``regels fmt``) and the geometry.

        Computed on first use: formatting a large plan costs more than the rest of resolving it,
        and only a receipt, an export or a comparison needs the hash."""
        from regels.language.format import format_regeling  # the language package imports this module

        h = hashlib.sha256()
        for pad, tekst in sorted(format_regeling(self.regeling).items()):
            h.update(pad.encode() + b"\0" + tekst.encode() + b"\0")
        for naam in sorted(self.locaties):
            h.update(naam.encode() + b"\0" + shapely.to_wkb(self.locaties[naam], output_dimension=2) + b"\0")
        return h.hexdigest()

    @property
    def titel(self) -> str:
        return self.kop.titel

    @property
    def bevoegd_gezag(self) -> str:
        return self.kop.eigenschap("bevoegd gezag") or ""

    @property
    def werk(self) -> str:
        return self.kop.eigenschap("werk") or ""

    @property
    def regelingsgebied(self) -> BaseGeometry:
        return self.locaties[self.kop.eigenschap("regelingsgebied") or ""]

    def versie_op(self, peildatum: dt.date) -> Versie | None:
        """The plan version in force on ``peildatum`` (``tot`` inclusive), or None."""
        for v in self.versies:
            if v.vanaf <= peildatum and (v.tot is None or peildatum <= v.tot):
                return v
        return None

    def voorouders(self, activiteit: str) -> list[str]:
        """The activity and every activity above it, nearest first."""
        uit: list[str] = []
        naam: str | None = activiteit
        while naam is not None and naam not in uit:
            uit.append(naam)
            decl = self.activiteiten.get(naam)
            naam = decl.bovenliggend if decl else None
        return uit

    @cached_property
    def _regels_per_activiteit(self) -> dict[str, tuple[RegelInPlan, ...]]:
        per: dict[str, list[RegelInPlan]] = {}
        for r in self.regels:
            per.setdefault(r.regel.activiteit, []).append(r)
        return {k: tuple(v) for k, v in per.items()}

    def regels_voor(self, activiteit: str) -> list[RegelInPlan]:
        """Rules about the activity itself or any activity above it (a rule on 'bouwen' covers all building)."""
        return [r for a in self.voorouders(activiteit) for r in self._regels_per_activiteit.get(a, ())]

    def onderliggende(self, activiteit: str) -> list[str]:
        """The activities directly below ``activiteit``."""
        return [n for n, d in self.activiteiten.items() if d.bovenliggend == activiteit]

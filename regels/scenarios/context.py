"""What a scenario builds up (``Initiatief``) and the plan it runs against, loaded once per session.

``Initiatief`` keeps the facts as written and converts them only when the scenario is checked, with
the kind of the begrip in the plan, so that a concept rule can introduce new begrippen. The
``initiatief`` fixture gives each scenario its own; the stash keys let the hooks (``meldingen``)
tell it which scenario and step it is in.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from regels.errors import RegelsError
from regels.load import load_plan
from regels.model.uitkomst import ActiviteitUitkomst, RegelUitkomst, Uitkomst
from regels.plan import Plan
from regels.scenarios.fouten import ScenarioFout, StapFout, _fout_tekst
from regels.scenarios.waarden import Plek, begripnaam, feit_naar_json, punt_in_plan

PLAN_ENV = "REGELS_SCENARIO_PLAN"
CONCEPT_HOOFDSTUK = "99"
CONCEPT_BESTAND = "conceptregels.regels"


# --------------------------------------------------------------------------------------------
# Het plan, één keer per sessie

_PLANNEN: dict[tuple[str, str], Plan | RegelsError] = {}


def plan_map() -> Path | None:
    """The plan folder the scenarios run against: ``$REGELS_SCENARIO_PLAN``, else None (the bundled plan)."""
    waarde = os.environ.get(PLAN_ENV, "").strip()
    return Path(waarde) if waarde else None


def laad(map_: Path | None, concept: str = "") -> Plan:
    """The plan in ``map_`` (None: bundled) plus the concept text, cached; a plan error is cached too."""
    sleutel = (str(map_.resolve()) if map_ else "", concept)
    if sleutel not in _PLANNEN:
        try:
            _PLANNEN[sleutel] = load_plan(map_, extra={CONCEPT_BESTAND: concept} if concept else None)
        except RegelsError as e:
            _PLANNEN[sleutel] = e
    uit = _PLANNEN[sleutel]
    if isinstance(uit, RegelsError):
        raise uit
    return uit


def _machineregels(plan: Plan) -> list[Any]:
    """The juridische regels and the afwijkingsregels of the plan: everything a scenario can exercise."""
    return [*plan.regels, *getattr(plan, "afwijkingsregels", ())]


def artikelen_met_regels(plan: Plan) -> list[str]:
    """The numbers of the articles that carry at least one machine rule (or afwijkingsregel), in plan order."""
    return list(dict.fromkeys(r.vindplaats.artikel.nummer for r in _machineregels(plan)))


def leden_met_regels(plan: Plan) -> list[str]:
    """The citations ('artikel 2.2 lid 1') of the places that carry a machine rule, in plan order."""
    return list(dict.fromkeys(r.citaat for r in _machineregels(plan)))


# --------------------------------------------------------------------------------------------
# Het initiatief van een scenario


def _artikel_citaat(artikel: str, lid: str | None) -> str:
    return f"artikel {artikel}" + (f" lid {lid}" if lid else "")


@dataclass
class Initiatief:
    """What a scenario builds up, and the result of checking it."""

    plan_map: Path | None = None
    feature: str = ""
    scenario: str = ""
    omschrijving: str = ""
    basis: dict[str, Any] = field(default_factory=dict)  # a whole proposal (JSON) to start from
    peildatum: dt.date | None = None
    plek: Plek | None = None
    activiteiten: list[str] = field(default_factory=list)
    feiten: dict[str, str] = field(default_factory=dict)  # name → value as written
    feitregels: dict[str, int] = field(default_factory=dict)  # name → line in the feature file
    concepten: list[str] = field(default_factory=list)
    onderbouwing: dict[str, Any] | None = None  # for the deviation clause; None: as in the basis (or none)
    _uitkomst: Uitkomst | None = None
    _fout: RegelsError | StapFout | None = None
    _getoetst: bool = False
    # for the coverage: articles asserted on, and activities whose conclusion/oordeel was asserted
    beweerde_artikelen: set[str] = field(default_factory=set)
    beweerde_activiteiten: set[str] = field(default_factory=set)
    afwijking_beweerd: bool = False  # a Dan-step asserted the verdict of the deviation clause

    # -- building up

    def wijzig(self) -> None:
        """A Gegeven-step changed the initiative: a later Dan checks it again."""
        self._uitkomst, self._fout, self._getoetst = None, None, False

    def begin_met(self, voorstel: Any) -> None:
        """Start again from a whole proposal (JSON); what earlier steps set is replaced, later steps add to it."""
        if not isinstance(voorstel, dict):
            raise StapFout("een initiatief in JSON is een object met omschrijving, peildatum, locatie, activiteiten en feiten")
        self.basis = voorstel
        self.omschrijving, self.peildatum, self.plek = "", None, None
        self.activiteiten, self.feiten, self.feitregels = [], {}, {}
        self.onderbouwing = None
        self.wijzig()

    def onderbouwing_bij(self) -> dict[str, Any]:
        """The onderbouwing to add to (started from the basis proposal's, if it has one)."""
        if self.onderbouwing is None:
            self.onderbouwing = json.loads(json.dumps(self.basis.get("onderbouwing") or {}))
        self.wijzig()
        return self.onderbouwing

    def concepttekst(self) -> str:
        """The concept rules of this scenario as one file.

        A concept that starts with a ``regel`` (or ``lid``, ``begrip``, ``norm``) is put in an article
        ``99.n`` (n: its place among the concepts); an article without a chapter above it goes into
        ``hoofdstuk 99 "Conceptregels"``. Plan statements (``activiteit``, ``gebied``, …) stay as they are.
        """
        delen: list[str] = []
        hoofdstuk = False
        for i, tekst in enumerate(self.concepten, 1):
            woorden = [r.split()[0] for r in tekst.splitlines() if r.strip() and not r.strip().startswith("#")]
            eerste = woorden[0] if woorden else ""
            if eerste in ("regel", "lid", "begrip", "norm", "tekst"):
                tekst = f'artikel {CONCEPT_HOOFDSTUK}.{i} "Conceptregel {i}"\n' + _inspringen(tekst)
                eerste = "artikel"
            if eerste in ("artikel", "afdeling") and not hoofdstuk:
                tekst = f'hoofdstuk {CONCEPT_HOOFDSTUK} "Conceptregels"\n' + _inspringen(tekst)
            hoofdstuk = hoofdstuk or eerste in ("artikel", "afdeling") or "hoofdstuk" in woorden
            delen.append(tekst.rstrip("\n") + "\n")
        return "".join(delen)

    def plan(self) -> Plan:
        return laad(self.plan_map, self.concepttekst())

    def voorstel(self, plan: Plan) -> dict[str, Any]:
        """The proposal as JSON (the form of ``voorbeelden/*.json``)."""
        v: dict[str, Any] = dict(self.basis)
        v["omschrijving"] = self.omschrijving or v.get("omschrijving") or self.scenario or "scenario"
        if self.peildatum is not None:
            v["peildatum"] = self.peildatum.isoformat()
        if "peildatum" not in v:
            raise StapFout("geen peildatum: begin met bijvoorbeeld 'Gegeven de peildatum is 2026-09-01'")
        if self.plek is not None:
            if self.plek.punt is not None:
                v["locatie"] = {"type": "Point", "coordinates": list(self.plek.punt), "crs": self.plek.crs}
            else:
                v["locatie"] = {"type": "Point", "coordinates": list(punt_in_plan(plan, self.plek))}
        if "locatie" not in v:
            raise StapFout("geen locatie: schrijf bijvoorbeeld 'Gegeven de locatie ligt in \"Meerzicht\"'")
        activiteiten = list(v.get("activiteiten", [])) + [a for a in self.activiteiten if a not in v.get("activiteiten", [])]
        if not activiteiten:
            raise StapFout("geen activiteit: schrijf bijvoorbeeld 'Gegeven de activiteit \"bouwen van een dakopbouw\"'")
        v["activiteiten"] = activiteiten
        feiten = dict(v.get("feiten", {}))
        for geschreven, tekst in self.feiten.items():
            try:
                naam = begripnaam(plan, geschreven)
                waarde = feit_naar_json(plan, naam, tekst)
            except StapFout as e:
                regel = self.feitregels.get(geschreven)
                raise StapFout(f"{e} (het feit op regel {regel})" if regel else str(e)) from None
            if waarde is None:
                feiten.pop(naam, None)
            else:
                feiten[naam] = waarde
        v["feiten"] = feiten
        if self.onderbouwing is not None:
            v["onderbouwing"] = self.onderbouwing or None
        return v

    # -- checking

    def toets(self, peildatum: dt.date | None = None) -> None:
        from regels.evaluate import evaluate
        from regels.model.voorstel import lees_voorstel

        if peildatum is not None:
            self.peildatum = peildatum
        self._uitkomst, self._fout, self._getoetst = None, None, True
        try:
            plan = self.plan()
            v = lees_voorstel(self.voorstel(plan))
            self._uitkomst = evaluate(plan, v)
        except (RegelsError, StapFout) as e:
            self._fout = e

    def uitkomst(self) -> Uitkomst:
        """The outcome; checks first when no 'Als ik het initiatief toets' came since the last change."""
        if not self._getoetst:
            self.toets()
        if self._fout is not None:
            if isinstance(self._fout, StapFout):
                raise self._fout
            raise ScenarioFout(f"de toets is niet uitgevoerd: {_fout_tekst(self._fout)}")
        assert self._uitkomst is not None
        return self._uitkomst

    def fout(self) -> RegelsError | StapFout | None:
        if not self._getoetst:
            self.toets()
        return self._fout

    # -- reading the outcome

    def activiteit(self, naam: str | None) -> ActiviteitUitkomst:
        u = self.uitkomst()
        if naam is None:
            if len(u.activiteiten) != 1:
                raise StapFout("het initiatief heeft meer dan één activiteit; noem de activiteit: "
                               "'Dan is de conclusie voor \"…\" \"Vergunningplicht\"'")
            return u.activiteiten[0]
        for a in u.activiteiten:
            if a.activiteit == naam:
                return a
        raise StapFout(f"het initiatief heeft geen activiteit {naam!r}; wel: "
                       + ", ".join(repr(a.activiteit) for a in u.activiteiten))

    def regels_van(self, artikel: str, lid: str | None, activiteit: str | None) -> list[RegelUitkomst]:
        """The outcomes of the rules of artikel (lid), for one activity or all of them."""
        acts = [self.activiteit(activiteit)] if activiteit else self.uitkomst().activiteiten
        citaat = _artikel_citaat(artikel, lid)
        return [r for a in acts for r in a.regels
                if r.citaat == citaat or (lid is None and r.citaat.startswith(citaat + " lid "))]


def _inspringen(tekst: str) -> str:
    return "".join("  " + r if r.strip() else r for r in tekst.splitlines(keepends=True))


# --------------------------------------------------------------------------------------------
# Per scenario: where it is (set by the hooks in ``meldingen``) and its initiative

_SCENARIO = pytest.StashKey[tuple[str, str, int]]()
_INITIATIEF = pytest.StashKey[Initiatief]()
_STAP = pytest.StashKey[Any]()


@pytest.fixture
def initiatief(request: pytest.FixtureRequest) -> Initiatief:
    """The initiative a scenario builds up (one per scenario)."""
    ini = Initiatief(plan_map=plan_map())
    info = request.node.stash.get(_SCENARIO, None)
    if info is not None:
        ini.feature, ini.scenario = info[0], info[1]
    request.node.stash[_INITIATIEF] = ini
    return ini

"""De stappentaal voor Nederlandse feature-bestanden (pytest-bdd): scenario's die het plan bewijzen.

Juridisch medewerkers schrijven in ``features/**/*.feature`` (``# language: nl``) voorbeelden die
laten zien dat de regels betekenen wat de juridische tekst zegt. Deze module is de pytest-plugin
met alle stappen; elke zin staat met een voorbeeld in ``docs/stappen.md``. Een test-module zet
haar aan met ``pytest_plugins = ["regels.scenarios"]`` (zie ``tests/test_features.py``);
``regels scenarios`` (``regels/scenarios_cli.py``) draait dezelfde stappen tegen een conceptplan.

Opbouw:

- ``Initiatief``: wat een scenario opbouwt (peildatum, locatie, activiteiten, feiten, conceptregels)
  en de uitkomst van de toets. Feiten worden als tekst bewaard en pas bij de toets omgezet met
  het soort van het begrip in het plan, zodat een conceptregel ook nieuwe begrippen kan invoeren.
- de stappen (``@given``/``@when``/``@then``), elk met een voorbeeldzin voor de foutmelding bij
  een onbekende zin;
- hooks: een onbekende zin verwijst naar ``docs/stappen.md``; een niet-uitgekomen verwachting
  wordt in het Nederlands gemeld, met bestand en regel; de dekking (welke artikelen met
  regels door een geslaagd scenario zijn getoetst) wordt per sessie verzameld.

Welk plan: ``REGELS_SCENARIO_PLAN`` (een planmap), anders het meegeleverde plan van Zoetermeer.
Het plan wordt één keer per sessie geladen (per map en conceptregels).
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

import pytest
from pytest_bdd import given, parsers, then, when

from regels.errors import RegelsError
from regels.load import load_plan
from regels.model.uitkomst import ActiviteitUitkomst, RegelUitkomst, Uitkomst
from regels.plan import Plan
from regels.units import zoek_eenheid

STAPPEN_DOC = "docs/stappen.md"
PLAN_ENV = "REGELS_SCENARIO_PLAN"
CONCEPT_HOOFDSTUK = "99"
CONCEPT_BESTAND = "conceptregels.regels"


# --------------------------------------------------------------------------------------------
# Fouten: een verwachting die niet uitkomt, of een stap die niet te begrijpen is


class ScenarioFout(AssertionError):
    """A Dan-step whose expectation did not come true; the message is Dutch and complete."""


class StapFout(Exception):
    """A step that cannot be carried out as written (unknown begrip, bad number, …); Dutch message."""


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
# Getallen, datums, feiten en locaties zoals een jurist ze schrijft

_MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
            "oktober", "november", "december"]
_RANG = {"eerste": "1", "tweede": "2", "derde": "3", "vierde": "4", "vijfde": "5", "zesde": "6",
         "zevende": "7", "achtste": "8", "negende": "9", "tiende": "10"}
_GETAL = re.compile(r"-?\d+(?:[.,]\d+)?")


def lees_datum(tekst: str) -> dt.date:
    """'2026-09-01' or '1 september 2026' → a date; StapFout otherwise."""
    t = tekst.strip().strip('"')
    try:
        return dt.date.fromisoformat(t)
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{1,2}) ([a-z]+) (\d{4})", t.lower())
    if m and m.group(2) in _MAANDEN:
        try:
            return dt.date(int(m.group(3)), _MAANDEN.index(m.group(2)) + 1, int(m.group(1)))
        except ValueError:
            pass
    raise StapFout(f"{tekst!r} is geen datum; schrijf 2026-09-01 of 1 september 2026")


def lees_getal(tekst: str, wat: str) -> float:
    """A Dutch number: '12,5' or '12.5' (no thousands separator); StapFout otherwise."""
    t = tekst.strip()
    if re.fullmatch(r"-?\d{1,3}(?:\.\d{3})+", t):
        raise StapFout(f"{wat}: {t!r} is dubbelzinnig (duizendtal of decimaal?); schrijf {t.replace('.', '')} "
                       f"zonder punt, en een decimaal met een komma (12,5)")
    if not _GETAL.fullmatch(t):
        raise StapFout(f"{wat}: {t!r} is geen getal; schrijf bijvoorbeeld 12 of 12,5")
    return float(t.replace(",", "."))


def _geheel(x: float) -> int | float:
    return int(x) if x == int(x) else x


LEEG = {"", "onbekend", "-", "(onbekend)"}


def begripnaam(plan: Plan, naam: str) -> str:
    """The begrip meant by ``naam``; 'aantal bouwlagen' reads as the begrip 'bouwlagen' (an aantal)."""
    if naam not in plan.begrippen and naam.startswith("aantal "):
        kort = naam[len("aantal "):]
        if kort in plan.begrippen and plan.begrippen[kort][0].type == "aantal":
            return kort
    return naam


def feit_naar_json(plan: Plan, naam: str, tekst: str) -> Any:
    """A fact as written ('12,5 m', 'ja', '"wonen"', '24') → its proposal JSON form, by the begrip's kind.

    Returns None for 'onbekend' (the fact is left out). Raises StapFout with a Dutch message.
    """
    if naam not in plan.begrippen:
        s = difflib.get_close_matches(naam, list(plan.begrippen), n=1, cutoff=0.6)
        hint = f"; bedoelt u {s[0]!r}?" if s else ""
        raise StapFout(f"onbekend begrip {naam!r}{hint} (zie 'regels show --begrippen' voor de begrippen van het plan)")
    begrip = plan.begrippen[naam][0]
    t = tekst.strip()
    if t.lower() in LEEG:
        return None
    if begrip.type == "ja/nee":
        if t.lower() in ("ja", "nee"):
            return t.lower() == "ja"
        raise StapFout(f"{naam!r} is ja/nee: schrijf ja of nee, niet {t!r}")
    if begrip.type == "keuze":
        waarde = t[1:-1] if len(t) >= 2 and t[0] == t[-1] == '"' else t
        for k in begrip.keuzes:
            if k.lower() == waarde.lower():
                return k
        raise StapFout(f"{naam!r} is een keuze: verwacht een van {', '.join(repr(k) for k in begrip.keuzes)}, "
                       f"niet {waarde!r}")
    if begrip.type == "aantal":
        return _geheel(lees_getal(t, repr(naam)))
    # a quantity with a unit
    m = re.fullmatch(r"(-?\d[\d.,]*)\s*(.*)", t)
    getal, eenheid = (m.group(1), m.group(2).strip()) if m else (t.split()[0] if t.split() else t, " ".join(t.split()[1:]))
    waarde = lees_getal(getal, repr(naam))
    verwacht = zoek_eenheid(begrip.eenheid)
    if not eenheid:
        raise StapFout(f"{naam!r} heeft een eenheid: schrijf bijvoorbeeld '{tekst.strip()} {begrip.eenheid}'")
    e = zoek_eenheid(eenheid)
    if e is None or verwacht is None or e.grootheid != verwacht.grootheid:
        raise StapFout(f"{naam!r} wordt gemeten in {begrip.eenheid} ({verwacht.grootheid if verwacht else '?'}); "
                       f"{eenheid!r} past daar niet bij")
    return {"waarde": _geheel(waarde), "eenheid": eenheid}


@dataclass(frozen=True)
class Plek:
    """Where the initiative lies, as written: a point (RD or WGS84) or an expression over plan areas."""

    punt: tuple[float, float] | None = None
    crs: str = "EPSG:28992"
    gebieden: tuple[tuple[str, str], ...] = ()  # (("in", "Meerzicht"), ("en in", "woongebied"), ("buiten", "…"))

    def beschrijving(self) -> str:
        if self.punt is not None:
            return f"{'RD' if self.crs == 'EPSG:28992' else 'WGS84'} {self.punt[0]:g} {self.punt[1]:g}"
        return " ".join(f'{op} "{naam}"' for op, naam in self.gebieden)


def lees_plek(tekst: str) -> Plek:
    """'RD 93038 450204', 'WGS84 4,49 52,06', 'Meerzicht', '"woongebied" buiten "wijken van de toekomst"'."""
    t = tekst.strip()
    m = re.fullmatch(r"(?i)(rd|wgs84)\s+(\S+?)[\s;]+(\S+)", t)
    if m:
        crs = "EPSG:28992" if m.group(1).lower() == "rd" else "EPSG:4326"
        return Plek(punt=(lees_getal(m.group(2), "coördinaat"), lees_getal(m.group(3), "coördinaat")), crs=crs)
    if t.lower().startswith("in "):
        t = t[3:].strip()
    if '"' not in t:
        return Plek(gebieden=(("in", t),))
    delen = re.findall(r'(in|en in|en niet in|buiten)?\s*"([^"]+)"', t)
    rest = re.sub(r'(in|en in|en niet in|buiten)?\s*"([^"]+)"', "", t).strip()
    if not delen or rest:
        raise StapFout(f'locatie {tekst!r} niet begrepen; schrijf bijvoorbeeld "Meerzicht", '
                       f'"woongebied" buiten "wijken van de toekomst", of RD 93038 450204')
    uit = []
    for i, (op, naam) in enumerate(delen):
        op = op or ("in" if i == 0 else "en in")
        uit.append(("buiten" if op == "en niet in" else op, naam))
    return Plek(gebieden=tuple(uit))


VOORKEURSGEBIED = "woongebied"


def punt_in_plan(plan: Plan, plek: Plek) -> tuple[float, float]:
    """A point (RD) for a place written as plan areas, from the plan's own geometry.

    One area: its representative point; if the area is partly in ``woongebied`` (a wijk such as
    Meerzicht) and that point is not, a point in the part that is. Several: the representative
    point of the intersection (``en in``) minus the areas after ``buiten``.
    """
    geom = None
    for op, naam in plek.gebieden:
        if naam not in plan.locaties:
            s = difflib.get_close_matches(naam, list(plan.locaties), n=1)
            raise StapFout(f"onbekend gebied {naam!r}" + (f"; bedoelt u {s[0]!r}?" if s else "")
                           + " (zie 'regels show --gebieden')")
        g = plan.locaties[naam]
        geom = g if geom is None else (geom.difference(g) if op == "buiten" else geom.intersection(g))
    assert geom is not None
    if geom.is_empty or geom.area <= 0:
        raise StapFout(f"er is geen plek {plek.beschrijving()} (de gebieden overlappen niet)")
    punt = geom.representative_point()
    if len(plek.gebieden) == 1 and VOORKEURSGEBIED in plan.locaties and plek.gebieden[0][1] != VOORKEURSGEBIED:
        voorkeur = plan.locaties[VOORKEURSGEBIED]
        if not voorkeur.contains(punt):
            deel = geom.intersection(voorkeur)
            if not deel.is_empty and deel.area > 0.01 * geom.area:
                punt = deel.representative_point()
    return (round(punt.x, 3), round(punt.y, 3))


# --------------------------------------------------------------------------------------------
# Het initiatief van een scenario


def _artikel_citaat(artikel: str, lid: str | None) -> str:
    return f"artikel {artikel}" + (f" lid {lid}" if lid else "")


_STATUS_VOLGORDE = ["voldoet niet", "onbepaald", "voldoet", "opzijgezet", "niet van toepassing"]
GELDEND = ("voldoet", "voldoet niet", "onbepaald")
BESLIST = ("voldoet", "voldoet niet")


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


def _fout_tekst(e: BaseException) -> str:
    tekst = str(e).strip()
    return tekst


def samengestelde_status(regels: list[RegelUitkomst]) -> str | None:
    """One status for several rules of an article: the first of voldoet niet, onbepaald, voldoet,
    opzijgezet, niet van toepassing that occurs; None when the article has no rule here."""
    statussen = {r.status for r in regels}
    return next((s for s in _STATUS_VOLGORDE if s in statussen), None)


def toelichting(regels: list[RegelUitkomst], status: str | None) -> str:
    """Why the rules came out as they did: the compared values of the eisen (or voorwaarden) that decide it."""
    delen: list[str] = []
    for r in regels:
        if status is not None and r.status != status:
            continue
        if r.status == "niet van toepassing":
            delen += [f"als {t.toelichting or t.tekst}: niet vervuld" for t in r.voorwaarden if t.status == "voldoet niet"]
        elif r.status == "opzijgezet":
            delen.append(f"opzijgezet door {r.opzijgezet_door}")
        elif r.kwalificatie == "verboden" and r.status == "voldoet niet" and not r.eisen:
            delen.append(f"de activiteit is hier verboden ({r.activiteit} in {', '.join(r.locaties)})")
        else:
            kies = [t for t in r.eisen if t.status == r.status] or r.eisen
            delen += [t.toelichting or t.tekst for t in kies]
            if r.status == "onbepaald":
                ontbrekend = r.ontbrekende_feiten or [m for t in r.voorwaarden + r.eisen for m in t.ontbrekende_feiten]
                if ontbrekend:
                    delen.append("ontbrekende feiten: " + ", ".join(dict.fromkeys(ontbrekend)))
                if r.toelichting:
                    delen.append(r.toelichting)
    return "; ".join(dict.fromkeys(d for d in delen if d))


def _geldende_regels_tekst(u: Uitkomst, activiteit: str | None = None) -> str:
    acts = [a for a in u.activiteiten if activiteit is None or a.activiteit == activiteit]
    delen = [f"{r.citaat} ({r.kwalificatie}): {r.status}" for a in acts for r in a.regels if r.status in GELDEND + ("opzijgezet",)]
    return "; ".join(dict.fromkeys(delen)) or "geen regel van het plan geldt hier"


# --------------------------------------------------------------------------------------------
# De stappen. Elke stap heeft een voorbeeldzin: die staat ook in docs/stappen.md en dient als
# suggestie bij een onbekende zin.

VOORBEELDEN: list[tuple[str, str]] = []  # (keyword, example sentence)
_PATRONEN: list[tuple[str, re.Pattern[str]]] = []  # (type, regex) of every step, to tell a keyword mix-up


def _stap(soort: str, patroon: str, *voorbeelden: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    sleutel = {"given": "Gegeven", "when": "Als", "then": "Dan"}[soort]
    for v in voorbeelden:
        VOORBEELDEN.append((sleutel, v))
    patroon += r"\s*"  # an empty cell at the end of an outline line leaves a trailing space
    _PATRONEN.append((soort, re.compile(patroon)))
    return {"given": given, "when": when, "then": then}[soort](parsers.re(patroon))


ARTIKEL = (r"artikel (?P<artikel>\d+[a-z]?(?:\.\d+[a-z]?)*)"
           r"(?:(?: lid (?P<lid>\d+[a-z]?))|(?:, (?P<rang>eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende) lid))?")
VOOR = r'(?: voor "(?P<activiteit>[^"]+)")?'


def _lid(lid: str | None, rang: str | None) -> str | None:
    return lid or (_RANG[rang] if rang else None)


@pytest.fixture
def initiatief(request: pytest.FixtureRequest) -> Initiatief:
    """The initiative a scenario builds up (one per scenario)."""
    ini = Initiatief(plan_map=plan_map())
    info = request.node.stash.get(_SCENARIO, None)
    if info is not None:
        ini.feature, ini.scenario = info[0], info[1]
    request.node.stash[_INITIATIEF] = ini
    return ini


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


# -- Als: de toets


@_stap("when", r"ik het initiatief toets(?: op (?P<datum>.+))?", "ik het initiatief toets", "ik het initiatief toets op 2026-09-01")
def _toets(initiatief: Initiatief, datum: str | None) -> None:
    initiatief.toets(lees_datum(datum) if datum else None)
    fout = initiatief.fout()
    if isinstance(fout, StapFout):  # the scenario is written wrongly; a plan or proposal error may be expected
        raise fout


# -- Dan: oordeel en conclusie

_OORDELEN = ("past", "past niet", "onvolledig", "ter beoordeling")
_CONCLUSIES = {"toestemmingsvrij": "Toestemmingsvrij", "meldingsplicht": "Meldingsplicht",
               "vergunningplicht": "Vergunningplicht", "verbod": "Verbod", "neemcontactopmet": "NeemContactOpMet",
               "neem contact op met": "NeemContactOpMet", "neem contact op": "NeemContactOpMet"}


def _oordeel_naam(tekst: str) -> str:
    if tekst.lower() not in _OORDELEN:
        raise StapFout(f"onbekend oordeel {tekst!r}; kies uit {', '.join(repr(o) for o in _OORDELEN)}")
    return tekst.lower()


def _conclusie_naam(tekst: str) -> str:
    c = _CONCLUSIES.get(tekst.lower())
    if c is None:
        raise StapFout(f"onbekende conclusie {tekst!r}; kies uit Toestemmingsvrij, Meldingsplicht, Vergunningplicht, "
                       f"Verbod of NeemContactOpMet")
    return c


def _beweer_activiteiten(initiatief: Initiatief, namen: Iterable[str]) -> None:
    initiatief.beweerde_activiteiten.update(namen)


@_stap("then", r'is het oordeel "(?P<oordeel>[^"]+)"', 'is het oordeel "past niet"')
def _oordeel(initiatief: Initiatief, oordeel: str) -> None:
    verwacht = _oordeel_naam(oordeel)
    u = initiatief.uitkomst()
    _beweer_activiteiten(initiatief, (a.activiteit for a in u.activiteiten))
    if u.oordeel != verwacht:
        waarom = "; ".join(f"{a.activiteit}: {a.oordeel}, {a.toelichting}" for a in u.activiteiten)
        if u.ontbrekende_feiten:
            waarom += "; ontbrekende feiten: " + ", ".join(f.naam for f in u.ontbrekende_feiten)
        raise ScenarioFout(f"oordeel: verwacht '{verwacht}', gevonden '{u.oordeel}' ({waarom})")


@_stap("then", r'is het oordeel voor "(?P<activiteit>[^"]+)" "(?P<oordeel>[^"]+)"',
       'is het oordeel voor "bouwen van een dakopbouw" "past"')
def _oordeel_voor(initiatief: Initiatief, activiteit: str, oordeel: str) -> None:
    verwacht = _oordeel_naam(oordeel)
    a = initiatief.activiteit(activiteit)
    _beweer_activiteiten(initiatief, [a.activiteit])
    if a.oordeel != verwacht:
        waarom = a.toelichting + ("; ontbrekende feiten: " + ", ".join(a.ontbrekende_feiten) if a.ontbrekende_feiten else "")
        raise ScenarioFout(f"oordeel voor {a.activiteit!r}: verwacht '{verwacht}', gevonden '{a.oordeel}' ({waarom})")


@_stap("then", r'is de conclusie(?: voor "(?P<activiteit>[^"]+)")? "(?P<conclusie>[^"]+)"',
       'is de conclusie "Vergunningplicht"', 'is de conclusie voor "bouwen van een dakopbouw" "Meldingsplicht"')
def _conclusie(initiatief: Initiatief, activiteit: str | None, conclusie: str) -> None:
    verwacht = _conclusie_naam(conclusie)
    a = initiatief.activiteit(activiteit)
    _beweer_activiteiten(initiatief, [a.activiteit])
    if a.conclusie != verwacht:
        raise ScenarioFout(f"conclusie voor {a.activiteit!r}: verwacht '{verwacht}', gevonden '{a.conclusie}' "
                           f"({_geldende_regels_tekst(initiatief.uitkomst(), a.activiteit)})")


# -- Dan: per artikel


def _beweer_artikel(initiatief: Initiatief, artikel: str, regels: list[RegelUitkomst]) -> None:
    if regels:
        initiatief.beweerde_artikelen.add(artikel)


def afwijkingseisen(u: Uitkomst, artikel: str, lid: str | None) -> list[Any]:
    """The eisen of the plan's afwijkingsregels in artikel (lid), as the deviation clause tested them."""
    if u.afwijking is None:
        return []
    citaat = _artikel_citaat(artikel, lid)
    return [t for t in u.afwijking.voorwaarden
            if t.tekst.endswith(f"({citaat})") or (lid is None and f"({citaat} lid " in t.tekst)]


def _vergelijk_afwijkingsregel(initiatief: Initiatief, artikel: str, lid: str | None, verwacht: str) -> bool:
    """Compare against the afwijkingsregels of artikel (lid); False when it has none in this outcome."""
    toetsen = afwijkingseisen(initiatief.uitkomst(), artikel, lid)
    if not toetsen:
        return False
    initiatief.beweerde_artikelen.add(artikel)
    statussen = {t.status for t in toetsen}
    gevonden = next(s for s in ("voldoet niet", "onbepaald", "voldoet") if s in statussen)
    if gevonden != verwacht:
        waarom = "; ".join(f"{t.tekst}: {t.toelichting}" for t in toetsen if t.status == gevonden)
        raise ScenarioFout(f"{_artikel_citaat(artikel, lid)} (afwijkingsregel): verwacht '{verwacht}', "
                           f"gevonden '{gevonden}' ({waarom})")
    return True


def _vergelijk_artikel(initiatief: Initiatief, artikel: str, lid: str | None, activiteit: str | None,
                       verwacht: str, zeg: str | None = None) -> None:
    regels = initiatief.regels_van(artikel, lid, activiteit)
    _beweer_artikel(initiatief, artikel, regels)
    gevonden = samengestelde_status(regels)
    citaat = _artikel_citaat(artikel, lid)
    if gevonden == verwacht:
        return
    if gevonden is None and activiteit is None and _vergelijk_afwijkingsregel(initiatief, artikel, lid, verwacht):
        return
    if gevonden is None:
        waar = f" voor {activiteit!r}" if activiteit else ""
        raise ScenarioFout(f"{citaat}: verwacht '{zeg or verwacht}', maar het artikel geldt hier niet{waar} "
                           f"(geen regel van {citaat} voor deze activiteit, locatie en peildatum; "
                           f"wel: {_geldende_regels_tekst(initiatief.uitkomst(), activiteit)})")
    raise ScenarioFout(f"{citaat}: verwacht '{zeg or verwacht}', gevonden '{gevonden}' ({toelichting(regels, gevonden)})")


@_stap("then", rf"voldoet het initiatief (?P<niet>niet )?aan {ARTIKEL}{VOOR}",
       "voldoet het initiatief aan artikel 2.6 lid 1", "voldoet het initiatief niet aan artikel 2.2 lid 1",
       "voldoet het initiatief niet aan artikel 2.2, eerste lid")
def _voldoet(initiatief: Initiatief, niet: str | None, artikel: str, lid: str | None, rang: str | None,
             activiteit: str | None) -> None:
    _vergelijk_artikel(initiatief, artikel, _lid(lid, rang), activiteit, "voldoet niet" if niet else "voldoet")


_STATUSSEN = ("voldoet", "voldoet niet", "onbepaald", "niet van toepassing", "opzijgezet")


@_stap("then", rf'is {ARTIKEL}{VOOR} "(?P<status>[^"]+)"', 'is artikel 5.2 lid 1 "onbepaald"',
       'is artikel 2.6 lid 1 "opzijgezet"', 'is artikel 5.3 lid 2 "niet van toepassing"')
def _status(initiatief: Initiatief, artikel: str, lid: str | None, rang: str | None, activiteit: str | None,
            status: str) -> None:
    if status.lower() not in _STATUSSEN:
        raise StapFout(f"onbekende uitkomst {status!r}; kies uit {', '.join(repr(s) for s in _STATUSSEN)}")
    _vergelijk_artikel(initiatief, artikel, _lid(lid, rang), activiteit, status.lower())


@_stap("then", rf"geldt {ARTIKEL}{VOOR}(?P<niet> niet)?", "geldt artikel 5.3 lid 1", "geldt artikel 2.6 niet")
def _geldt(initiatief: Initiatief, artikel: str, lid: str | None, rang: str | None, activiteit: str | None,
           niet: str | None) -> None:
    lid = _lid(lid, rang)
    regels = initiatief.regels_van(artikel, lid, activiteit)
    _beweer_artikel(initiatief, artikel, regels)
    geldend = [r for r in regels if r.status in GELDEND]
    citaat = _artikel_citaat(artikel, lid)
    if niet and geldend:
        raise ScenarioFout(f"{citaat}: verwacht dat het hier niet geldt, maar het geldt: "
                           + "; ".join(f"{r.citaat} ({r.kwalificatie} in {', '.join(r.locaties)}): {r.status}" for r in geldend))
    if not niet and not geldend:
        status = samengestelde_status(regels)
        reden = f"'{status}' ({toelichting(regels, status)})" if status else "geen regel van dit artikel voor deze activiteit, locatie en peildatum"
        raise ScenarioFout(f"{citaat}: verwacht dat het hier geldt, gevonden {reden}; "
                           f"wel: {_geldende_regels_tekst(initiatief.uitkomst(), activiteit)}")


@_stap("then", rf'staat bij {ARTIKEL}{VOOR} "(?P<tekst>[^"]+)"', 'staat bij artikel 4.7 lid 1 "maximum bouwhoogte 60 m"')
def _staat_bij(initiatief: Initiatief, artikel: str, lid: str | None, rang: str | None, activiteit: str | None,
               tekst: str) -> None:
    lid = _lid(lid, rang)
    regels = initiatief.regels_van(artikel, lid, activiteit)
    _beweer_artikel(initiatief, artikel, regels)
    citaat = _artikel_citaat(artikel, lid)
    teksten = [t.toelichting for r in regels for t in r.voorwaarden + r.eisen] + [r.toelichting for r in regels]
    if not any(tekst in t for t in teksten):
        gevonden = "; ".join(t for t in teksten if t) or "geen toelichting (het artikel geldt hier niet)"
        raise ScenarioFout(f"{citaat}: verwacht de tekst {tekst!r} in de toelichting, gevonden: {gevonden}")


# -- Dan: ontbrekende feiten


def _namen(tekst: str) -> list[str]:
    delen = re.split(r",\s*|\s+en\s+", tekst.strip())
    return [d.strip().strip('"') for d in delen if d.strip()]


@_stap("then", r"ontbreken de feiten:? (?P<namen>.+)", "ontbreken de feiten: goothoogte, diepte")
def _ontbreken(initiatief: Initiatief, namen: str) -> None:
    u = initiatief.uitkomst()
    _beweer_activiteiten(initiatief, (a.activiteit for a in u.activiteiten))
    verwacht = set(_namen(namen))
    gevonden = [f.naam for f in u.ontbrekende_feiten]
    if set(gevonden) != verwacht:
        te_veel, te_weinig = set(gevonden) - verwacht, verwacht - set(gevonden)
        extra = []
        if te_weinig:
            extra.append("deze ontbreken niet: " + ", ".join(sorted(te_weinig)))
        if te_veel:
            extra.append("deze ontbreken ook: " + ", ".join(f for f in gevonden if f in te_veel))
        raise ScenarioFout(f"ontbrekende feiten: verwacht {', '.join(sorted(verwacht))}; {'; '.join(extra)}")


@_stap("then", r'ontbreekt het feit "(?P<naam>[^"]+)"', 'ontbreekt het feit "diepte"')
def _ontbreekt(initiatief: Initiatief, naam: str) -> None:
    u = initiatief.uitkomst()
    _beweer_activiteiten(initiatief, (a.activiteit for a in u.activiteiten))
    gevonden = [f.naam for f in u.ontbrekende_feiten]
    if naam not in gevonden:
        raise ScenarioFout(f"ontbrekende feiten: verwacht dat {naam!r} ontbreekt, gevonden: {', '.join(gevonden) or 'geen'}")


@_stap("then", r"ontbreken geen feiten", "ontbreken geen feiten")
def _geen_ontbrekend(initiatief: Initiatief) -> None:
    u = initiatief.uitkomst()
    _beweer_activiteiten(initiatief, (a.activiteit for a in u.activiteiten))
    if u.ontbrekende_feiten:
        raise ScenarioFout("ontbrekende feiten: verwacht geen, gevonden "
                           + ", ".join(f"{f.naam} (nodig voor {', '.join(f.nodig_voor)})" for f in u.ontbrekende_feiten))


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


# -- Dan: het advies over afwijken en het effect per mechanisme

_VERDICTEN = ("afwijken mogelijk", "afwijken niet mogelijk", "onvoldoende onderbouwd")
_EFFECTEN = {"+": "+", "plus": "+", "positief": "+", "omhoog": "+", "0": "0", "nul": "0", "geen": "0",
             "neutraal": "0", "−": "−", "-": "−", "min": "−", "negatief": "−", "omlaag": "−", "?": "?",
             "onbekend": "?"}


def _advies(initiatief: Initiatief) -> Any:
    u = initiatief.uitkomst()
    initiatief.afwijking_beweerd = True
    if u.afwijking is None:
        raise ScenarioFout("er is geen advies over afwijken: het initiatief haalt elke regel die hier geldt "
                           f"(oordeel '{u.oordeel}')")
    return u.afwijking


@_stap("then", r'is het afwijkingsadvies "(?P<verdict>[^"]+)"', 'is het afwijkingsadvies "afwijken mogelijk"',
       'is het afwijkingsadvies "onvoldoende onderbouwd"')
def _verdict(initiatief: Initiatief, verdict: str) -> None:
    if verdict.lower() not in _VERDICTEN:
        raise StapFout(f"onbekend advies {verdict!r}; kies uit {', '.join(repr(v) for v in _VERDICTEN)}")
    af = _advies(initiatief)
    if af.verdict != verdict.lower():
        raise ScenarioFout(f"afwijkingsadvies: verwacht '{verdict.lower()}', gevonden '{af.verdict}' ({af.samenvatting})")


@_stap("then", r"is er geen afwijkingsadvies", "is er geen afwijkingsadvies")
def _geen_advies(initiatief: Initiatief) -> None:
    u = initiatief.uitkomst()
    initiatief.afwijking_beweerd = True
    if u.afwijking is not None:
        raise ScenarioFout(f"verwacht geen advies over afwijken, gevonden '{u.afwijking.verdict}' ({u.afwijking.samenvatting})")


@_stap("then", r'noemt het afwijkingsadvies "(?P<tekst>[^"]+)"', 'noemt het afwijkingsadvies "milieunorm"')
def _advies_noemt(initiatief: Initiatief, tekst: str) -> None:
    af = _advies(initiatief)
    teksten = [af.samenvatting, *af.mits, *af.omdat, *af.ontbreekt]
    if not any(tekst.lower() in t.lower() for t in teksten):
        raise ScenarioFout(f"afwijkingsadvies: verwacht de tekst {tekst!r}, gevonden: {af.samenvatting}")


@_stap("then", rf"mag van {ARTIKEL} (?P<niet>niet )?worden afgeweken", "mag van artikel 2.2 lid 1 worden afgeweken",
       "mag van artikel 4.3 lid 1 niet worden afgeweken")
def _afwijkbaar(initiatief: Initiatief, artikel: str, lid: str | None, rang: str | None, niet: str | None) -> None:
    lid = _lid(lid, rang)
    citaat = _artikel_citaat(artikel, lid)
    af = _advies(initiatief)
    regels = [r for r in af.regels if r.citaat == citaat or (lid is None and r.citaat.startswith(citaat + " lid "))]
    initiatief.beweerde_artikelen.add(artikel)
    if not regels:
        raise ScenarioFout(f"{citaat}: het initiatief haalt dit artikel (of het geldt hier niet), dus er hoeft niet van te "
                           f"worden afgeweken; het advies gaat over: {', '.join(r.citaat for r in af.regels)}")
    for r in regels:
        if r.afwijkbaar == bool(niet):
            verwacht = "niet afwijkbaar" if niet else "afwijkbaar"
            gevonden = "afwijkbaar" if r.afwijkbaar else "niet afwijkbaar"
            raise ScenarioFout(f"{r.citaat}: verwacht '{verwacht}', gevonden '{gevonden}' ({r.reden})")


def _mechanisme(nr: str | None, naam: str | None) -> int:
    from regels.deviation.indicators import MECHANISMEN

    if nr is not None:
        if int(nr) not in MECHANISMEN:
            raise StapFout(f"er zijn vijf mechanismen (1 tot en met 5), niet {nr}")
        return int(nr)
    for k, v in MECHANISMEN.items():
        if v.lower() == (naam or "").lower():
            return k
    raise StapFout(f"onbekend mechanisme {naam!r}; kies uit "
                   + ", ".join(f"{k}. {v!r}" for k, v in MECHANISMEN.items()))


@_stap("then", r'is het effect op (?:mechanisme (?P<nr>\d+)|"(?P<naam>[^"]+)")(?P<buren> in de aangrenzende wijken)? '
       r'"(?P<effect>[^"]+)"', 'is het effect op "sociaaleconomische kracht" "+"', 'is het effect op mechanisme 3 "0"',
       'is het effect op "verschillen tussen wijken en buurten" in de aangrenzende wijken "−"')
def _effect(initiatief: Initiatief, nr: str | None, naam: str | None, buren: str | None, effect: str) -> None:
    nummer = _mechanisme(nr, naam)
    verwacht = _EFFECTEN.get(effect.strip().lower())
    if verwacht is None:
        raise StapFout(f"onbekend effect {effect!r}; schrijf +, 0, − of ? (of positief, geen, negatief, onbekend)")
    af = _advies(initiatief)
    lijst = af.mechanismen_buurwijken if buren else af.mechanismen
    m = next((x for x in lijst if x.nummer == nummer), None)
    waar = "de aangrenzende wijken" if buren else (af.wijk or "de wijk")
    if m is None:
        raise ScenarioFout(f"mechanisme {nummer}: de toets geeft hiervoor geen effect in {waar}")
    if m.effect != verwacht:
        raise ScenarioFout(f"mechanisme {nummer} ({m.naam}) in {m.gebied}: verwacht '{verwacht}', gevonden '{m.effect}' "
                           f"({m.toelichting})")


@_stap("then", r'is de hoofdlijn "(?P<hoofdlijn>[^"]+)" (?P<niet>niet )?gediend',
       'is de hoofdlijn "Zoetermeer is mijn thuis" gediend', 'is de hoofdlijn "Zoetermeer regiostad" niet gediend')
def _hoofdlijn_gediend(initiatief: Initiatief, hoofdlijn: str, niet: str | None) -> None:
    af = _advies(initiatief)
    h = next((x for x in af.hoofdlijnen if x.hoofdlijn.lower() == hoofdlijn.lower()), None)
    gediend = h is not None and h.gediend
    if gediend == bool(niet):
        gevonden = h.toelichting if h is not None else "de toets noemt deze hoofdlijn niet"
        raise ScenarioFout(f"hoofdlijn {hoofdlijn!r}: verwacht '{'niet gediend' if niet else 'gediend'}', "
                           f"gevonden '{'gediend' if gediend else 'niet gediend'}' ({gevonden})")


@_stap("then", r'ligt het initiatief in de wijk "(?P<wijk>[^"]+)"', 'ligt het initiatief in de wijk "Meerzicht"')
def _wijk(initiatief: Initiatief, wijk: str) -> None:
    af = _advies(initiatief)
    if (af.wijk or "") != wijk:
        raise ScenarioFout(f"wijk: verwacht {wijk!r}, gevonden {af.wijk or 'geen wijk met cijfers'!r}")


# -- Dan: fouten en waarschuwingen


@_stap("then", r'geeft de toets de fout "(?P<tekst>[^"]+)"', 'geeft de toets de fout "buiten het regelingsgebied"')
def _fout(initiatief: Initiatief, tekst: str) -> None:
    fout = initiatief.fout()
    if fout is None:
        u = initiatief.uitkomst()
        raise ScenarioFout(f"verwacht de fout {tekst!r}, maar de toets gaf geen fout (oordeel '{u.oordeel}')")
    if tekst.lower() not in _fout_tekst(fout).lower():
        raise ScenarioFout(f"verwacht de fout {tekst!r}, gevonden: {_fout_tekst(fout)}")


@_stap("then", r'waarschuwt de toets "(?P<tekst>[^"]+)"', 'waarschuwt de toets "deels buiten"')
def _waarschuwing(initiatief: Initiatief, tekst: str) -> None:
    u = initiatief.uitkomst()
    if not any(tekst.lower() in w.lower() for w in u.waarschuwingen):
        raise ScenarioFout(f"verwacht de waarschuwing {tekst!r}, gevonden: {'; '.join(u.waarschuwingen) or 'geen'}")


# --------------------------------------------------------------------------------------------
# Hooks: Nederlandse meldingen en de dekking

_SCENARIO = pytest.StashKey[tuple[str, str, int]]()
_INITIATIEF = pytest.StashKey[Initiatief]()
_STAP = pytest.StashKey[Any]()


@dataclass
class Dekking:
    """Per session: which articles (and leden) with rules were exercised by a passing scenario."""

    artikelen: dict[str, set[str]] = field(default_factory=dict)  # artikelnummer → scenario's
    leden: dict[str, set[str]] = field(default_factory=dict)  # citaat → scenario's
    alle: set[str] = field(default_factory=set)  # node ids of all scenario items collected (before -k/-m)
    gedraaid: set[str] = field(default_factory=set)  # node ids of scenario items that ran

    def compleet(self) -> bool:
        """Whether every scenario collected in this session ran (none deselected with -k/-m)."""
        return bool(self.alle) and self.alle <= self.gedraaid

    def niet_gedekt(self, plan: Plan) -> tuple[list[str], list[str]]:
        """The articles and the leden of ``plan`` with rules that no passing scenario exercised."""
        return ([a for a in artikelen_met_regels(plan) if a not in self.artikelen],
                [c for c in leden_met_regels(plan) if c not in self.leden])


DEKKING = pytest.StashKey[Dekking]()


def dekking(config: pytest.Config) -> Dekking:
    """The coverage collected in this session."""
    if DEKKING not in config.stash:
        config.stash[DEKKING] = Dekking()
    return config.stash[DEKKING]


def _is_scenario(item: pytest.Item) -> bool:
    return "_pytest_bdd_example" in getattr(item, "fixturenames", ())


def gedekte_artikelen(ini: Initiatief) -> tuple[set[str], set[str]]:
    """The articles and leden a passing scenario exercised.

    An article counts when a Dan-step asserted on it and it had a rule in the outcome (in force, at
    the location), or when a Dan-step asserted the conclusion, oordeel or missing facts of an
    activity to which a rule of the article applied with a decided outcome (voldoet or voldoet niet).
    """
    if ini._uitkomst is None:
        return set(), set()
    artikelen: set[str] = set()
    leden: set[str] = set()
    for a in ini._uitkomst.activiteiten:
        for r in a.regels:
            nummer = r.citaat.split()[1]
            if nummer in ini.beweerde_artikelen or (a.activiteit in ini.beweerde_activiteiten and r.status in BESLIST):
                artikelen.add(nummer)
                leden.add(r.citaat)
    af = ini._uitkomst.afwijking
    if af is not None:  # the afwijkingsregels: asserted on, or deciding an asserted verdict
        for t in af.voorwaarden:
            m = re.search(r"\((artikel (\S+)(?: lid \S+)?)\)$", t.tekst)
            if m and (m.group(2) in ini.beweerde_artikelen or (ini.afwijking_beweerd and t.status in BESLIST)):
                artikelen.add(m.group(2))
                leden.add(m.group(1))
    return artikelen, leden


def pytest_configure(config: pytest.Config) -> None:
    dekking(config)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    # before -k/-m deselect: remember every scenario, so the coverage test knows whether all of them ran
    dekking(config).alle.update(i.nodeid for i in items if _is_scenario(i))


def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
    request.node.stash[_SCENARIO] = (feature.filename, scenario.name, scenario.line_number)
    request.node.user_properties.append(("regels_scenario", (feature.filename, feature.name, scenario.name, scenario.line_number)))


def pytest_bdd_before_step(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any, step_func: Any) -> None:
    request.node.stash[_STAP] = step


def _plaats(bestand: str, regel: int) -> str:
    try:
        bestand = os.path.relpath(bestand)
    except ValueError:
        pass
    return f"{bestand}:{regel}"


def _suggestie(zin: str) -> str:
    zinnen = [f"{k} {v}" for k, v in VOORBEELDEN]
    kaal = [v for _, v in VOORBEELDEN]
    s = difflib.get_close_matches(zin, kaal, n=2, cutoff=0.45)
    return "; ".join(repr(next(z for z in zinnen if z.endswith(" " + x))) for x in s)


def pytest_bdd_step_func_lookup_error(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any,
                                      exception: Exception) -> None:
    soort = {"given": "Gegeven", "when": "Als", "then": "Dan"}
    ander = [t for t, p in _PATRONEN if p.fullmatch(step.name) and t != step.type]
    regels = [f"{_plaats(feature.filename, step.line_number)}: onbekende stap: '{step.keyword} {step.name}'"]
    if ander:
        regels.append(f"  Deze zin bestaat wel, maar hoort bij '{soort[ander[0]]}' en niet bij "
                      f"'{soort.get(step.type, step.type)}' (na 'En'/'Maar' telt het woord van de stap ervoor).")
    else:
        regels.append(f"  Deze zin staat niet in de stappentaal. Zie {STAPPEN_DOC} voor alle zinnen, elk met een voorbeeld.")
        s = _suggestie(step.name)
        if s:
            regels.append(f"  Bedoelt u: {s}?")
    pytest.fail("\n".join(regels), pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    rapport = yield
    if call.when != "call" or not _is_scenario(item):
        return rapport
    ini = item.stash.get(_INITIATIEF, None)
    d = dekking(item.config)
    d.gedraaid.add(item.nodeid)
    if rapport.passed and ini is not None:
        artikelen, leden = gedekte_artikelen(ini)
        for a in artikelen:
            d.artikelen.setdefault(a, set()).add(item.nodeid)
        for c in leden:
            d.leden.setdefault(c, set()).add(item.nodeid)
    if call.excinfo is not None and isinstance(call.excinfo.value, (ScenarioFout, StapFout, RegelsError)):
        stap = item.stash.get(_STAP, None)
        info = item.stash.get(_SCENARIO, None)
        kop = ""
        if stap is not None and info is not None:
            kop = f"{_plaats(info[0], stap.line_number)}: {stap.keyword} {stap.name}\n"
        tekst = _fout_tekst(call.excinfo.value)
        if isinstance(call.excinfo.value, StapFout):
            tekst = f"deze stap kan niet worden uitgevoerd: {tekst}"
        elif isinstance(call.excinfo.value, RegelsError):
            tekst = f"de toets is niet uitgevoerd: {tekst}"
        if ini is not None and ini.concepten and "conceptregels.regels" in tekst:
            tekst += f"\n  ({CONCEPT_BESTAND} is de tekst van de conceptregel(s) van dit scenario)"
        rapport.longrepr = kop + "  " + tekst.replace("\n", "\n  ")
    return rapport


# --------------------------------------------------------------------------------------------
# Scenario's draaien tegen een (concept)plan, met een leesbaar verslag: de motor van 'regels scenarios'


@dataclass
class ScenarioUitslag:
    """One scenario (or one row of Voorbeelden) and how it went."""

    bestand: str
    functionaliteit: str
    naam: str
    regel: int
    geslaagd: bool
    melding: str = ""


@dataclass
class Verslag:
    """The result of running feature files against a plan."""

    plan_titel: str
    plan_map: str
    uitslagen: list[ScenarioUitslag] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)  # feature files that could not be read
    niet_gedekt: list[str] = field(default_factory=list)  # articles with rules that no passing scenario exercised
    n_artikelen: int = 0
    niet_gedekte_leden: list[str] = field(default_factory=list)  # the same per lid ('artikel 2.2 lid 1')
    n_leden: int = 0

    @property
    def geslaagd(self) -> bool:
        return not self.fouten and bool(self.uitslagen) and all(u.geslaagd for u in self.uitslagen)


class _Verzamelaar:
    """A pytest plugin object that keeps every scenario's outcome for the report."""

    def __init__(self) -> None:
        self.uitslagen: dict[str, ScenarioUitslag] = {}
        self.fouten: list[str] = []
        self.config: pytest.Config | None = None

    def pytest_configure(self, config: pytest.Config) -> None:
        self.config = config

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.fouten.append(str(report.longrepr).strip())

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "call" or report.failed:
            info = next((v for k, v in report.user_properties if k == "regels_scenario"), None)
            bestand, functionaliteit, naam, regel = info if info else ("", "", report.nodeid, 0)
            vorige = self.uitslagen.get(report.nodeid)
            if vorige is not None and not vorige.geslaagd:
                return  # keep the first failure (a teardown error after a failed call adds nothing)
            self.uitslagen[report.nodeid] = ScenarioUitslag(
                bestand=bestand, functionaliteit=functionaliteit, naam=naam, regel=regel,
                geslaagd=report.passed, melding="" if report.passed else str(report.longrepr).strip())


_TESTMODULE = """from pytest_bdd import scenarios
scenarios(*{paden!r}, features_base_dir={basis!r})
"""


def draai(paden: Iterable[Path], plan: Path | None = None) -> Verslag:
    """Run the feature files (or folders) ``paden`` against the plan in ``plan`` (None: bundled).

    Raises ``RegelsError`` when the plan itself cannot be loaded. Runs pytest in this process with
    a generated test module in a temporary folder, so that no project configuration is needed.
    """
    import contextlib
    import io
    import tempfile

    p = laad(plan)
    abs_paden = [str(Path(x).resolve()) for x in paden]
    verzamelaar = _Verzamelaar()
    oud = os.environ.get(PLAN_ENV)
    with tempfile.TemporaryDirectory(prefix="regels-scenarios-") as tmp:
        module = Path(tmp) / f"test_regels_scenarios_{Path(tmp).name.replace('-', '_')}.py"  # unique: may run again in-process
        module.write_text(_TESTMODULE.format(paden=abs_paden, basis=tmp), encoding="utf-8")
        ini = Path(tmp) / "pytest.ini"
        ini.write_text("[pytest]\n", encoding="utf-8")
        uit = io.StringIO()
        try:
            if plan is not None:
                os.environ[PLAN_ENV] = str(Path(plan).resolve())
            else:
                os.environ.pop(PLAN_ENV, None)
            with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(uit):
                pytest.main([str(module), "-c", str(ini), "--rootdir", tmp, "-p", "no:cacheprovider", "-q", "--assert=plain", "--import-mode=importlib",
                             "-W", "ignore::pytest.PytestUnknownMarkWarning"],
                            plugins=[sys.modules[__name__], verzamelaar])  # the steps: this module, as a plugin
        finally:
            if oud is None:
                os.environ.pop(PLAN_ENV, None)
            else:
                os.environ[PLAN_ENV] = oud
    verslag = Verslag(plan_titel=p.titel, plan_map=str(plan) if plan else "meegeleverd plan (rules/zoetermeer)",
                      uitslagen=list(verzamelaar.uitslagen.values()))
    for f in verzamelaar.fouten:
        hint = ""
        if "language" in f or "expected:" in f:
            hint = "\n  Staat '# language: nl' op de eerste regel, en begint elk scenario met 'Scenario:' of 'Voorbeeld:'?"
        verslag.fouten.append(f"kan de feature-bestanden niet lezen:\n  {f.replace(chr(10), chr(10) + '  ')}{hint}")
    if verzamelaar.config is not None:
        d = dekking(verzamelaar.config)
        doel = artikelen_met_regels(p)
        verslag.n_artikelen = len(doel)
        verslag.n_leden = len(leden_met_regels(p))
        verslag.niet_gedekt, verslag.niet_gedekte_leden = d.niet_gedekt(p)
    return verslag


def verslag_tekst(v: Verslag, alleen_mislukt: bool = False, dekking_lijst: bool = False) -> str:
    """The report in Dutch, per feature file, per scenario: geslaagd or MISLUKT with the message."""
    regels = [f"Scenario's tegen: {v.plan_titel}", f"Plan: {v.plan_map}", ""]
    for f in v.fouten:
        regels += [f, ""]
    per_bestand: dict[str, list[ScenarioUitslag]] = {}
    for u in v.uitslagen:
        per_bestand.setdefault(u.bestand, []).append(u)
    for bestand, uitslagen in per_bestand.items():
        toon = [u for u in uitslagen if not (alleen_mislukt and u.geslaagd)]
        if not toon:
            continue
        naam = uitslagen[0].functionaliteit
        regels.append(f"{_plaats(bestand, 0).rsplit(':', 1)[0]}" + (f" — {naam}" if naam else ""))
        for u in toon:
            regels.append(f"  {'geslaagd' if u.geslaagd else 'MISLUKT '}  {u.naam} (regel {u.regel})")
            if not u.geslaagd:
                regels += ["      " + r for r in u.melding.splitlines()]
        regels.append("")
    n = len(v.uitslagen)
    mislukt = sum(not u.geslaagd for u in v.uitslagen)
    regels.append(f"Samenvatting: {n} scenario{'' if n == 1 else chr(39) + 's'}, {n - mislukt} geslaagd, {mislukt} mislukt"
                  + (f", {len(v.fouten)} bestand(en) onleesbaar" if v.fouten else "") + ".")
    if v.n_artikelen:
        gedekt = v.n_artikelen - len(v.niet_gedekt)
        regel = (f"Dekking: {gedekt} van de {v.n_artikelen} artikelen met regels getoetst door een geslaagd scenario "
                 f"({v.n_leden - len(v.niet_gedekte_leden)} van de {v.n_leden} leden)")
        if v.niet_gedekt and (dekking_lijst or len(v.niet_gedekt) <= 10):
            regel += "; niet getoetst: " + ", ".join(f"artikel {a}" for a in v.niet_gedekt)
        elif v.niet_gedekt:
            regel += "; toon de artikelen die niet getoetst zijn met --dekking"
        regels.append(regel + ".")
        if dekking_lijst and v.niet_gedekte_leden:
            regels.append("Leden met regels die niet getoetst zijn: " + ", ".join(v.niet_gedekte_leden) + ".")
    return "\n".join(regels) + "\n"

__all__ = ["Initiatief", "ScenarioFout", "StapFout", "Dekking", "dekking", "laad", "plan_map", "feit_naar_json",
           "lees_plek", "punt_in_plan", "artikelen_met_regels", "leden_met_regels", "VOORBEELDEN", "STAPPEN_DOC",
           "PLAN_ENV", "draai", "verslag_tekst", "Verslag", "ScenarioUitslag"]

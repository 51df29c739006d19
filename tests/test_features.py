"""De Nederlandse scenario's in features/ (pytest-bdd), de dekking van het plan, en 'regels scenarios'.

De stappen staan in ``regels/scenarios/`` (een pytest-plugin) en in ``docs/stappen.md``.
``scenarios(".")`` bindt elk feature-bestand onder ``features/`` (ini: ``bdd_features_base_dir``).

De dekkingstest draait na de scenario's (hij staat onder ``scenarios(".")`` in dit bestand). Hebben
alle scenario's in deze sessie gedraaid, dan gebruikt hij wat de plugin verzamelde; anders (bij
``-k`` of een enkele test) draait hij ze zelf, met ``regels.scenarios.draai``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from pytest_bdd import scenarios

# The step vocabulary is a pytest plugin. Do not import regels.scenarios at the top of this module:
# pytest imports it as a plugin right after this module (with assertion rewriting); a module that is
# already imported cannot be rewritten (PytestAssertRewriteWarning, an error here). The tests below
# import what they need from it when they run.
pytest_plugins = ["regels.scenarios"]

scenarios(".")

ROOT = Path(__file__).resolve().parents[1]
FEATURES = ROOT / "features"


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run from the project root, as the README's commands do (the report shows paths relative to it)."""
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("REGELS_SCENARIO_PLAN", raising=False)
    return ROOT


def _cli(*args: str) -> Result:
    """``regels scenarios ARGS`` in this process (it runs pytest inside; the plan is cached)."""
    from regels.scenarios_cli import scenarios as commando

    return CliRunner().invoke(commando, list(args), catch_exceptions=False)


# --------------------------------------------------------------------------------------------
# Dekking: elk artikel met machineregels wordt door ten minste één geslaagd scenario getoetst

_APART: dict[str, tuple[list[str], list[str], int, int]] = {}


def _niet_gedekt(config: pytest.Config) -> tuple[list[str], list[str], int, int]:
    """(articles, leden) with rules that no passing scenario exercised, and how many there are."""
    from regels.scenarios import artikelen_met_regels, dekking, draai, laad, leden_met_regels, plan_map

    d = dekking(config)
    plan = laad(plan_map())
    if d.compleet():  # every scenario ran in this session, before this test
        artikelen, leden = d.niet_gedekt(plan)
        return artikelen, leden, len(artikelen_met_regels(plan)), len(leden_met_regels(plan))
    if "v" not in _APART:  # e.g. 'pytest -k dekking': run them all now
        v = draai([FEATURES], plan_map())
        _APART["v"] = (v.niet_gedekt, v.niet_gedekte_leden, v.n_artikelen, v.n_leden)
    return _APART["v"]


def test_dekking_zelftest_elk_artikel_met_regels(request: pytest.FixtureRequest) -> None:
    niet, _, n, _ = _niet_gedekt(request.config)
    assert not niet, (
        f"{len(niet)} van de {n} artikelen met machineregels worden door geen geslaagd scenario getoetst: "
        + ", ".join(f"artikel {a}" for a in niet) + ". Schrijf voor elk een scenario in features/ (zie docs/stappen.md).")


def test_dekking_zelftest_elk_lid_met_regels(request: pytest.FixtureRequest) -> None:
    _, niet, _, n = _niet_gedekt(request.config)
    assert not niet, f"{len(niet)} van de {n} leden met machineregels zijn niet getoetst: " + ", ".join(niet)


def test_zelftest_plan_heeft_artikelen_met_regels() -> None:
    from regels.scenarios import artikelen_met_regels, laad

    assert len(artikelen_met_regels(laad(None))) >= 40


# --------------------------------------------------------------------------------------------
# Feiten en locaties zoals een jurist ze schrijft


@pytest.mark.parametrize(("naam", "tekst", "json_vorm"), [
    ("bouwhoogte", "12,5 m", {"waarde": 12.5, "eenheid": "m"}),
    ("bouwhoogte", "12.5 m", {"waarde": 12.5, "eenheid": "m"}),
    ("bouwhoogte", "1250 cm", {"waarde": 1250, "eenheid": "cm"}),
    ("bouwhoogte", "12m", {"waarde": 12, "eenheid": "m"}),
    ("perceeloppervlak", "400 m2", {"waarde": 400, "eenheid": "m2"}),
    ("perceeloppervlak", "0,04 ha", {"waarde": 0.04, "eenheid": "ha"}),
    ("groen dak", "ja", True),
    ("groen dak", "Nee", False),
    ("functie", '"wonen"', "wonen"),
    ("functie", "Wonen", "wonen"),
    ("aantal woningen", "24", 24),
    ("bouwhoogte", "onbekend", None),
])
def test_zelftest_feit_naar_json(naam: str, tekst: str, json_vorm: object) -> None:
    from regels.scenarios import feit_naar_json, laad

    assert feit_naar_json(laad(None), naam, tekst) == json_vorm


@pytest.mark.parametrize(("naam", "tekst", "melding"), [
    ("bouwhoogt", "12 m", "onbekend begrip 'bouwhoogt'; bedoelt u 'bouwhoogte'?"),
    ("bouwhoogte", "12", "heeft een eenheid: schrijf bijvoorbeeld '12 m'"),
    ("bouwhoogte", "12 m2", "'bouwhoogte' wordt gemeten in m (lengte); 'm2' past daar niet bij"),
    ("bouwhoogte", "twaalf m", "'twaalf' is geen getal"),
    ("perceeloppervlak", "1.500 m2", "dubbelzinnig"),
    ("groen dak", "misschien", "schrijf ja of nee"),
    ("functie", "zwembad", "verwacht een van 'wonen'"),
])
def test_zelftest_feit_fouten(naam: str, tekst: str, melding: str) -> None:
    import re

    from regels.scenarios import StapFout, feit_naar_json, laad

    with pytest.raises(StapFout, match=re.escape(melding)):
        feit_naar_json(laad(None), naam, tekst)


def test_zelftest_locatie_wijk_ligt_in_woongebied() -> None:
    from shapely.geometry import Point

    from regels.scenarios import StapFout, laad, lees_plek, punt_in_plan

    plan = laad(None)
    for wijk in ("Meerzicht", "Buytenwegh", "Seghwaert"):
        x, y = punt_in_plan(plan, lees_plek(wijk))
        assert {wijk, "woongebied"} <= plan.index.raakt(Point(x, y))
    x, y = punt_in_plan(plan, lees_plek('"woongebied" buiten "wijken van de toekomst"'))
    assert "wijken van de toekomst" not in plan.index.raakt(Point(x, y))
    with pytest.raises(StapFout, match="geen plek"):
        punt_in_plan(plan, lees_plek('"centrum" en in "Westerpark"'))
    with pytest.raises(StapFout, match="bedoelt u 'Meerzicht'"):
        punt_in_plan(plan, lees_plek("Meerzict"))


def test_zelftest_concepttekst_krijgt_hoofdstuk_en_artikel() -> None:
    from regels.scenarios import Initiatief

    ini = Initiatief(concepten=['regel "gebruiken voor horeca" in "Westerpark" is verboden\n',
                                'regel "gebruiken voor kantoor" in "Westerpark" is verboden\n'])
    tekst = ini.concepttekst()
    assert tekst.splitlines()[:3] == ['hoofdstuk 99 "Conceptregels"', '  artikel 99.1 "Conceptregel 1"',
                                      '    regel "gebruiken voor horeca" in "Westerpark" is verboden']
    assert 'artikel 99.2 "Conceptregel 2"' in tekst
    assert [r.citaat for r in ini.plan().regels][-2:] == ["artikel 99.1", "artikel 99.2"]


# --------------------------------------------------------------------------------------------
# regels scenarios: tegen een conceptplan in een andere map


@pytest.fixture(scope="module")
def conceptplan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the bundled plan in which the maximum bouwhoogte of the woongebied is 11 m instead of 10 m."""
    doel = tmp_path_factory.mktemp("concept") / "zoetermeer"
    shutil.copytree(ROOT / "rules" / "zoetermeer", doel)
    pad = doel / "01-algemeen.regels"
    tekst = pad.read_text(encoding="utf-8")
    oud = 'waarde 10 m in "woongebied"'
    assert tekst.count(oud) == 1
    pad.write_text(tekst.replace(oud, 'waarde 11 m in "woongebied"'), encoding="utf-8")
    return doel


def test_regels_scenarios_zelftest_conceptplan_met_ander_getal(conceptplan: Path, in_root: Path) -> None:
    r = _cli("--plan", str(conceptplan), "features/wonen/hoofdgebouwen.feature")
    assert r.exit_code == 1, r.output
    assert "Scenario's tegen: Omgevingsplan gemeente Zoetermeer (illustratief)" in r.output
    assert f"Plan: {conceptplan}" in r.output
    assert "geslaagd  Bouwhoogte 10 m tegenover het maximum van 10 m in het woongebied" in r.output
    assert "MISLUKT   Bouwhoogte 10,01 m tegenover het maximum van 10 m in het woongebied" in r.output
    assert ("artikel 2.2 lid 1: verwacht 'voldoet niet', gevonden 'voldoet' "
            "(bouwhoogte 10,01 m <= maximum bouwhoogte 11 m;") in r.output
    assert "features/wonen/hoofdgebouwen.feature:" in r.output
    assert "mislukt." in r.output.splitlines()[-2]


def test_regels_scenarios_zelftest_meegeleverd_plan_slaagt(in_root: Path) -> None:
    r = _cli("features/wonen/dakopbouwen.feature", "features/algemeen/voorbeelden.feature")
    assert r.exit_code == 0, r.output
    assert "MISLUKT" not in r.output
    assert "features/wonen/dakopbouwen.feature — Dakopbouwen buiten de wijken van de toekomst (artikel 2.6)" in r.output
    assert ", 0 mislukt." in r.output


def test_regels_scenarios_zelftest_onbekende_zin_en_mislukte_verwachting(tmp_path: Path, in_root: Path) -> None:
    (tmp_path / "proef.feature").write_text('''# language: nl
Functionaliteit: Proef
  Achtergrond:
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "woongebied" buiten "wijken van de toekomst"
    En de activiteit "bouwen van een dakopbouw"

  Scenario: Een zin die niet bestaat
    Gegeven de bouwhoogte is 9 m
    Dan is de hoogte in orde

  Scenario: Een Dan-zin na Gegeven
    Gegeven is het oordeel "past"

  Scenario: Een verkeerde verwachting
    Gegeven de bouwhoogte is 10,5 m
    En de terugligging is 2 m
    Als ik het initiatief toets
    Dan voldoet het initiatief aan artikel 2.6 lid 1

  Scenario: Een verkeerde eenheid
    Gegeven de bouwhoogte is 10 m2
    Als ik het initiatief toets
''', encoding="utf-8")
    r = _cli(str(tmp_path))
    assert r.exit_code == 1
    uit = r.output
    assert "proef.feature:10: onbekende stap: 'Dan is de hoogte in orde'" in uit
    assert "Zie docs/stappen.md" in uit
    assert "hoort bij 'Dan' en niet bij 'Gegeven'" in uit
    assert ("artikel 2.6 lid 1: verwacht 'voldoet', gevonden 'voldoet niet' "
            "(bouwhoogte 10,5 m > maximum bouwhoogte 10 m)") in uit
    assert "proef.feature:23: Als ik het initiatief toets" in uit
    assert "'m2' past daar niet bij (het feit op regel 22)" in uit
    assert "Samenvatting: 4 scenario's, 0 geslaagd, 4 mislukt." in uit


def test_regels_scenarios_zelftest_onleesbaar_bestand_en_foute_invoer(tmp_path: Path, in_root: Path) -> None:
    (tmp_path / "zonder-taal.feature").write_text("Functionaliteit: x\n  Scenario: y\n    Gegeven de peildatum is 2026-09-01\n",
                                                  encoding="utf-8")
    r = _cli(str(tmp_path))
    assert r.exit_code == 1
    assert "kan de feature-bestanden niet lezen" in r.output
    assert "# language: nl" in r.output
    r = _cli("--plan", str(tmp_path / "bestaat-niet"), "features")
    assert r.exit_code == 3
    assert "bestaat niet" in r.output
    (tmp_path / "leeg").mkdir()
    r = _cli("--plan", str(tmp_path / "leeg"), "features")
    assert r.exit_code == 3
    assert "bevat geen .regels-bestanden" in r.output


# --------------------------------------------------------------------------------------------
# De stappentaal en docs/stappen.md lopen gelijk


def test_zelftest_elke_zin_staat_met_voorbeeld_in_docs_stappen() -> None:
    from regels.scenarios import _PATRONEN, STAPPEN_DOC, VOORBEELDEN

    doc = (ROOT / STAPPEN_DOC).read_text(encoding="utf-8")
    soort = {"Gegeven": "given", "Als": "when", "Dan": "then"}
    ontbreekt = [f"{k} {v}" for k, v in VOORBEELDEN if f"`{k} {v}`" not in doc]
    assert not ontbreekt, f"deze voorbeeldzinnen staan niet in {STAPPEN_DOC}: {ontbreekt}"
    for k, v in VOORBEELDEN:  # every example is a sentence the steps understand, under its own keyword
        passend = [t for t, p in _PATRONEN if p.fullmatch(v)]
        assert passend == [soort[k]], f"'{k} {v}' past bij {passend or 'geen enkele stap'}"
    assert len(_PATRONEN) == len({p.pattern for _, p in _PATRONEN})


def test_zelftest_elke_stap_in_features_past_bij_precies_een_zin() -> None:
    import re

    from regels.scenarios import _PATRONEN

    soort = {"Gegeven": "given", "Stel": "given", "Als": "when", "Wanneer": "when", "Dan": "then"}
    fouten = []
    for pad in sorted(FEATURES.rglob("*.feature")):
        regels = pad.read_text(encoding="utf-8").splitlines()
        assert regels[0].strip() == "# language: nl", f"{pad}: regel 1 moet '# language: nl' zijn"
        vorige = None
        in_docstring = False
        for nr, regel in enumerate(regels, 1):
            if regel.strip().startswith(('"""', "```")):
                in_docstring = not in_docstring
                continue
            m = None if in_docstring else re.match(r"\s*(Gegeven|Stel|Als|Wanneer|Dan|En|Maar)\s+(.*)$", regel)
            if not m:
                continue
            woord = soort.get(m.group(1), vorige)
            vorige = woord
            tekst = m.group(2)
            if "<" in tekst:  # an outline step: checked when the scenario runs, with the row filled in
                continue
            passend = [t for t, p in _PATRONEN if p.fullmatch(tekst)]
            if passend != [woord]:
                fouten.append(f"{pad.relative_to(ROOT)}:{nr}: '{tekst}' past bij {passend or 'geen zin'} (verwacht {woord})")
    assert not fouten, "\n".join(fouten)

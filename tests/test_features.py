"""De Nederlandse scenario's in features/ (pytest-bdd), de dekking van het plan, en 'regels scenarios'.

De stappen staan in ``regels/scenarios.py`` (een pytest-plugin) en in ``docs/stappen.md``.
``scenarios(".")`` bindt elk feature-bestand onder ``features/`` (ini: ``bdd_features_base_dir``).

De dekkingstest draait na de scenario's (hij staat onder ``scenarios(".")`` in dit bestand). Hebben
alle scenario's in deze sessie gedraaid, dan gebruikt hij wat de plugin verzamelde; anders (bij
``-k`` of een enkele test) draait hij ze zelf, in een apart proces.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_bdd import scenarios

# The step vocabulary is a pytest plugin. Do not import regels.scenarios at the top of this module:
# pytest imports it as a plugin right after this module (with assertion rewriting); a module that is
# already imported cannot be rewritten (PytestAssertRewriteWarning, an error here). The tests below
# import what they need from it when they run.
pytest_plugins = ["regels.scenarios"]

scenarios(".")

PLAN_ENV = "REGELS_SCENARIO_PLAN"
DEKKING_ENV = "REGELS_SCENARIO_DEKKING"

ROOT = Path(__file__).resolve().parents[1]
FEATURES = ROOT / "features"


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    omgeving = {k: v for k, v in os.environ.items() if k not in (PLAN_ENV, DEKKING_ENV)}
    omgeving.update(env or {})
    return subprocess.run([sys.executable, "-m", "regels.scenarios_cli", *args], cwd=ROOT, env=omgeving,
                          capture_output=True, text=True, timeout=600)


# --------------------------------------------------------------------------------------------
# Dekking: elk artikel met machineregels wordt door ten minste één geslaagd scenario getoetst


_APART: dict[str, dict] = {}


def _dekking(config: pytest.Config, tmp_path: Path) -> dict:
    from regels.scenarios import dekking, laad, plan_map

    d = dekking(config)
    if d.alle and d.alle <= d.gedraaid:
        return d.als_json(laad(plan_map()))
    if "dekking" in _APART:
        return _APART["dekking"]
    uit = tmp_path / "dekking.json"
    env = {DEKKING_ENV: str(uit)}
    if plan_map() is not None:
        env[PLAN_ENV] = str(plan_map())
    r = _cli(str(FEATURES), env=env)
    assert uit.exists(), f"de scenario's draaiden niet:\n{r.stdout}\n{r.stderr}"
    _APART["dekking"] = json.loads(uit.read_text(encoding="utf-8"))
    return _APART["dekking"]


def test_dekking_zelftest_elk_artikel_met_regels(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    data = _dekking(request.config, tmp_path)
    niet = [a for a in data["plan_artikelen"] if a not in data["artikelen"]]
    assert not niet, (
        f"{len(niet)} van de {len(data['plan_artikelen'])} artikelen met machineregels worden door geen geslaagd "
        "scenario getoetst: " + ", ".join(f"artikel {a}" for a in niet)
        + ". Schrijf voor elk een scenario in features/ (zie docs/stappen.md).")


def test_dekking_zelftest_elk_lid_met_regels(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    data = _dekking(request.config, tmp_path)
    niet = [c for c in data["plan_leden"] if c not in data["leden"]]
    assert not niet, "niet getoetst: " + ", ".join(niet)


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


def test_regels_scenarios_zelftest_conceptplan_met_ander_getal(conceptplan: Path) -> None:
    r = _cli("--plan", str(conceptplan), "features/wonen/hoofdgebouwen.feature")
    assert r.returncode == 1, r.stdout + r.stderr
    assert "Scenario's tegen: Omgevingsplan gemeente Zoetermeer (illustratief)" in r.stdout
    assert f"Plan: {conceptplan}" in r.stdout
    assert "geslaagd  Bouwhoogte 10 m tegenover het maximum van 10 m in het woongebied" in r.stdout
    assert "MISLUKT   Bouwhoogte 10,01 m tegenover het maximum van 10 m in het woongebied" in r.stdout
    assert ("artikel 2.2 lid 1: verwacht 'voldoet niet', gevonden 'voldoet' "
            "(bouwhoogte 10,01 m <= maximum bouwhoogte 11 m;") in r.stdout
    assert "features/wonen/hoofdgebouwen.feature:" in r.stdout
    assert "mislukt." in r.stdout.splitlines()[-2]


def test_regels_scenarios_zelftest_meegeleverd_plan_slaagt() -> None:
    r = _cli("features/wonen/dakopbouwen.feature", "features/algemeen/voorbeelden.feature")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "MISLUKT" not in r.stdout
    assert "features/wonen/dakopbouwen.feature — Dakopbouwen buiten de wijken van de toekomst (artikel 2.6)" in r.stdout
    assert ", 0 mislukt." in r.stdout


def test_regels_scenarios_zelftest_onbekende_zin_en_mislukte_verwachting(tmp_path: Path) -> None:
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
    assert r.returncode == 1
    uit = r.stdout
    assert "proef.feature:10: onbekende stap: 'Dan is de hoogte in orde'" in uit
    assert "Zie docs/stappen.md" in uit
    assert "hoort bij 'Dan' en niet bij 'Gegeven'" in uit
    assert ("artikel 2.6 lid 1: verwacht 'voldoet', gevonden 'voldoet niet' "
            "(bouwhoogte 10,5 m > maximum bouwhoogte 10 m)") in uit
    assert "proef.feature:23: Als ik het initiatief toets" in uit
    assert "'m2' past daar niet bij (het feit op regel 22)" in uit
    assert "Samenvatting: 4 scenario's, 0 geslaagd, 4 mislukt." in uit


def test_regels_scenarios_zelftest_onleesbaar_bestand_en_foute_invoer(tmp_path: Path) -> None:
    (tmp_path / "zonder-taal.feature").write_text("Functionaliteit: x\n  Scenario: y\n    Gegeven de peildatum is 2026-09-01\n",
                                                  encoding="utf-8")
    r = _cli(str(tmp_path))
    assert r.returncode == 1
    assert "kan de feature-bestanden niet lezen" in r.stdout
    assert "# language: nl" in r.stdout
    r = _cli("--plan", str(tmp_path / "bestaat-niet"), "features")
    assert r.returncode == 3
    assert "bestaat niet" in r.stderr
    (tmp_path / "leeg").mkdir()
    r = _cli("--plan", str(tmp_path / "leeg"), "features")
    assert r.returncode == 3
    assert "bevat geen .regels-bestanden" in r.stderr

"""The command line as an officer and legal staff use it: output, exit codes, and no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from planhulp import ROOT

VOORBEELDEN = ROOT / "voorbeelden"
SCHEMA = json.loads((ROOT / "schemas" / "uitkomst.schema.json").read_text(encoding="utf-8"))


def regels(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "regels", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


# example → (exit code, words in the output)
VERWACHT = {
    "past-dakopbouw-rokkeveen.json": (0, ["Oordeel: PAST", "artikel 2.6 lid 1", "bouwhoogte 9,2 m <= maximum bouwhoogte 10 m"]),
    "past-niet-hoofdgebouw-noordhove.json": (1, ["PAST NIET", "bouwhoogte 14 m > maximum bouwhoogte 10 m, artikel 2.2 lid 1", "afwijkbaar"]),
    "onvolledig-bijbehorend-bouwwerk.json": (2, ["ONVOLLEDIG", "Nog nodig", "goothoogte [eenheid m]"]),
    "afwijking-knarrenhof-meerzicht.json": (1, ["bouwhoogte 17 m > maximum bouwhoogte toekomstwijken 16 m", "AFWIJKEN MOGELIJK",
                                                "aandeel koopwoningen initiatief >= 50 % (artikel 8.1 lid 7)"]),
    "afwijking-woontoren-entreegebied.json": (1, ["AFWIJKEN NIET MOGELIJK", "trekt naar verwachting sterke huishoudens weg uit Centrum, Meerzicht"]),
    "afwijking-kantoor-naar-woningen-buytenwegh.json": (1, ["AFWIJKEN MOGELIJK", "artikel 7.4 lid 1"]),
    "afwijking-bedrijfsverzamelgebouw-seghwaert.json": (1, ["AFWIJKEN MOGELIJK", "3. samenhang beroepsbevolking en werkgelegenheid"]),
    "afwijking-niet-mogelijk-milieucategorie.json": (1, ["AFWIJKEN NIET MOGELIJK", "van artikel 4.3 lid 1 mag niet worden afgeweken: milieunorm"]),
    "afwijking-onvoldoende-onderbouwd.json": (1, ["ONVOLDOENDE ONDERBOUWD", "de onderbouwing (artikel 8.4)"]),
    "verbod-groepspraktijk-aan-huis.json": (1, ["Conclusie: Verbod", "de activiteit is hier verboden"]),
    "deels-buiten-gemeente.json": (2, ["TER BEOORDELING", "deels buiten"]),
    "buiten-gemeente-den-haag.json": (3, ["fout:", "buiten het regelingsgebied"]),
    "onbekende-activiteit.json": (3, ["activiteiten[0]", "onbekende activiteit 'bouwen van een zwembad'"]),
    "verkeerde-eenheid.json": (3, ["feiten.bouwhoogte.eenheid", "'m2' is een eenheid van oppervlakte"]),
}


def test_every_example_is_covered():
    assert {p.name for p in VOORBEELDEN.glob("*.json")} == set(VERWACHT)


@pytest.mark.parametrize("naam", sorted(VERWACHT))
def test_check_examples(naam):
    code, woorden = VERWACHT[naam]
    r = regels("check", str(VOORBEELDEN / naam))
    uit = r.stdout + r.stderr
    assert r.returncode == code, uit
    for w in woorden:
        assert w in uit, uit
    assert "Traceback" not in uit


@pytest.mark.parametrize("naam", [n for n, (c, _) in VERWACHT.items() if c != 3])
def test_check_json_is_valid_against_the_schema(naam):
    r = regels("check", "--json", str(VOORBEELDEN / naam))
    uitkomst = json.loads(r.stdout)
    jsonschema.validate(uitkomst, SCHEMA)
    assert uitkomst["bon"]["plan_hash"] and uitkomst["bon"]["peildatum"] == "2026-09-01"


def test_check_trace_and_extended_output():
    r = regels("check", "--trace", "--uitgebreid", str(VOORBEELDEN / "past-dakopbouw-rokkeveen.json"))
    assert "Verloop van de toets:" in r.stdout and "[peildatum]" in r.stdout and "│" in r.stdout


def test_peildatum_before_the_plan_is_an_input_error():
    r = regels("check", "--peildatum", "2020-01-01", str(VOORBEELDEN / "past-dakopbouw-rokkeveen.json"))
    assert r.returncode == 3 and "vóór de eerste versie" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("args,woorden", [
    (["check", "bestaat-niet.json"], ["kan bestaat-niet.json niet lezen"]),
    (["check", "--peildatum", "morgen", "x.json"], ["geen datum"]),
    (["check"], ["het argument VOORSTEL ontbreekt"]),
    (["onzin"], ["onbekende opdracht 'onzin'"]),
    (["check", "--peildaum", "2026-01-01", "x.json"], ["onbekende optie --peildaum.", "'--peildatum'"]),
    (["check", "x.json", "y.json"], ["onverwacht extra argument: y.json"]),
    (["check", "x.json", "--peildatum"], ["de optie --peildatum verwacht een waarde"]),
    (["import", "voorbeelden"], ["de optie --uit is verplicht en ontbreekt"]),
])
def test_usage_errors_exit_3(args, woorden):
    r = regels(*args)
    assert r.returncode == 3, r.stderr
    for w in woorden:
        assert w in r.stderr
    assert "Traceback" not in r.stderr


def test_usage_errors_say_nothing_in_english():
    for args in (["check"], ["onzin"], ["check", "--xyz", "x.json"], ["import", "voorbeelden"], ["check", "a", "b"]):
        r = regels(*args)
        for engels in ("Missing", "No such", "Did you mean", "Got unexpected", "requires an argument", "Usage"):
            assert engels not in r.stderr, (args, r.stderr)


def test_help_is_dutch_for_every_command():
    for args in ([], ["check"], ["import"], ["export"], ["dso"], ["dso", "adres"], ["serve"], ["scenarios"]):
        r = regels(*args, "--help")
        assert r.returncode == 0, r.stderr
        assert r.stdout.startswith("Gebruik: regels") and "Toon deze hulp en stop." in r.stdout, (args, r.stdout)
        for engels in ("Usage:", "Options:", "Commands:", "Show this message", "[required]", "[default:", " DIRECTORY"):
            assert engels not in r.stdout, (args, engels)
    assert "[verplicht]" in regels("import", "--help").stdout


def test_malformed_proposal_json(tmp_path):
    p = tmp_path / "v.json"
    p.write_text('{"omschrijving": "x", "locatie": {"type": "Point"}}', encoding="utf-8")
    r = regels("check", str(p))
    assert r.returncode == 3
    assert "locatie: 'coordinates' ontbreekt" in r.stderr and "activiteiten: dit veld ontbreekt" in r.stderr


def test_lint_bundled_plan_is_clean():
    r = regels("lint")
    assert r.returncode == 0 and "geen fouten" in r.stdout


def test_lint_reports_every_error_with_position(tmp_path):
    plan = tmp_path / "plan"
    plan.mkdir()
    (plan / "a.regels").write_text('plan "X"\n  bevoegd gezag "gm1"\nregle "y"\n', encoding="utf-8")
    (plan / "b.regels").write_text('hoofdstuk 1 "h"\n  artikel 1.1 "a"\n    eis x = 1\n', encoding="utf-8")
    r = regels("lint", str(plan))
    assert r.returncode == 1
    assert "a.regels:3:1: fout: onbekende opdracht 'regle'" in r.stderr
    assert "b.regels:3:5: fout: 'eis' hoort direct onder een regel" in r.stderr
    assert r.stderr.count("^") == 2


def test_lint_missing_folder(tmp_path):
    r = regels("lint", str(tmp_path / "nergens"))
    assert r.returncode == 1 and "bestaat niet" in r.stderr


def test_fmt_check_and_write(tmp_path):
    p = tmp_path / "x.regels"
    p.write_text('activiteit   "a"\n', encoding="utf-8")
    assert regels("fmt", "--controleer", str(p)).returncode == 1
    assert regels("fmt", "--schrijf", str(p)).returncode == 0
    assert p.read_text(encoding="utf-8") == 'activiteit "a"\n'
    assert regels("fmt", "--controleer", str(p)).returncode == 0


def test_bundled_plan_is_canonical():
    r = regels("fmt", "--controleer", str(ROOT / "rules" / "zoetermeer"))
    assert r.returncode == 0, r.stderr


def test_show_at_a_location_lists_articles_and_norm_values():
    r = regels("show", "--rd", "93038 450204", "--activiteit", "bouwen van een dakopbouw", "--peildatum", "2026-09-01")
    assert r.returncode == 0, r.stderr
    assert "artikel 2.6 lid 1" in r.stdout and "maximum bouwhoogte: 10 m (in woongebied" in r.stdout


def test_show_lists():
    r = regels("show", "--activiteiten", "--begrippen", "--gebieden")
    assert "bouwen van een hoofdgebouw" in r.stdout and "bouwhoogte [eenheid m]" in r.stdout and "Meerzicht [gebied" in r.stdout


@pytest.mark.parametrize("args,woord", [
    (["show", "--gebied", "Meerzict"], "bedoelt u 'Meerzicht'"),
    (["show", "--rd", "abc"], "twee getallen"),
    (["show", "--gebied", "Meerzicht", "--activiteit", "vliegen"], "onbekende activiteit"),
    (["show"], "geef een locatie"),
])
def test_show_bad_input(args, woord):
    r = regels(*args)
    assert r.returncode == 3 and woord in r.stderr and "Traceback" not in r.stderr


def test_schemas_are_up_to_date():
    r = regels("schemas", "--controleer", "--map", str(ROOT / "schemas"))
    assert r.returncode == 0, r.stderr


def test_schema_drift_is_detected(tmp_path):
    (tmp_path / "voorstel.schema.json").write_text("{}", encoding="utf-8")
    r = regels("schemas", "--controleer", "--map", str(tmp_path))
    assert r.returncode == 1 and "wijkt af" in r.stderr

"""`regels check` with an address (PDOK Locatieserver) and facts from the BAG, against the loopback server."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _regels(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "regels", *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


def _voorstel(tmp_path: Path, locatie: dict, feiten: dict | None = None) -> Path:
    p = tmp_path / "v.json"
    p.write_text(json.dumps({"omschrijving": "dakopbouw", "peildatum": "2026-09-01", "locatie": locatie,
                             "activiteiten": ["bouwen van een dakopbouw"],
                             "feiten": feiten or {"bouwhoogte": {"waarde": 9, "eenheid": "m"}, "terugligging": {"waarde": 2, "eenheid": "m"}}}),
                 encoding="utf-8")
    return p


def test_check_with_an_address_says_which_location_it_used(cli_env, tmp_path):
    r = _regels("check", "--json", str(_voorstel(tmp_path, {"adres": "Meerzichtlaan 12A, Zoetermeer"})))
    assert r.returncode in (0, 2), r.stderr
    u = json.loads(r.stdout)
    assert u["locatie"]["adres"].startswith("Meerzichtlaan 12A, 2716AA Zoetermeer (PDOK Locatieserver; RD 91950.00 452400.00)")
    assert "Meerzicht" in u["locatie"]["gebieden"]
    tekst = _regels("check", str(_voorstel(tmp_path, {"adres": "Meerzichtlaan 12A, Zoetermeer"}))).stdout
    assert "Locatie: Meerzichtlaan 12A" in tekst


def test_address_option_overrides_coordinates(cli_env, tmp_path):
    p = _voorstel(tmp_path, {"type": "Point", "coordinates": [95882, 453814]})
    u = json.loads(_regels("check", "--json", "--adres", "Stadhuisplein 1, Zoetermeer", str(p)).stdout)
    assert u["locatie"]["adres"].startswith("Stadhuisplein 1")


def test_facts_from_the_bag_are_marked(cli_env, tmp_path):
    r = _regels("check", "--json", "--bag", str(_voorstel(tmp_path, {"adres": "Meerzichtlaan 12A, Zoetermeer"})))
    assert r.returncode in (0, 1, 2), r.stderr
    u = json.loads(r.stdout)
    assert u["feiten_herkomst"], "expected facts taken from the BAG"
    assert all(v.startswith("BAG: adres") for v in u["feiten_herkomst"].values())


def test_unknown_address_is_an_input_error(cli_env, tmp_path):
    r = _regels("check", str(_voorstel(tmp_path, {"adres": "Nergensstraat 999, Nergenshuizen"})))
    assert r.returncode == 3 and "fout:" in r.stderr and "Traceback" not in r.stderr


def test_bag_without_a_key_says_how_to_set_one(cli_env, tmp_path, monkeypatch):
    monkeypatch.delenv("REGELS_BAG_API_KEY")
    r = _regels("check", "--bag", str(_voorstel(tmp_path, {"adres": "Meerzichtlaan 12A, Zoetermeer"})))
    assert r.returncode == 3 and "REGELS_BAG_API_KEY" in r.stderr and "Traceback" not in r.stderr


def test_address_only_without_lookup_is_a_clear_error():
    from regels import LocatieFout, evaluate, lees_voorstel, load_plan
    import pytest
    v = lees_voorstel({"omschrijving": "x", "peildatum": "2026-09-01", "locatie": {"adres": "Stadhuisplein 1"},
                       "activiteiten": ["bouwen van een dakopbouw"]})
    with pytest.raises(LocatieFout, match="zoek het eerst op"):
        evaluate(load_plan(), v)

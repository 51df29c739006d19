"""``regels dso …`` as an officer or developer runs it, against the loopback server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from dso_nepserver import BAG, GEOMETRIE_ID, LS, OMGEVINGSPLAN, OZON, Antwoord, NepServer, problem

from regels.dso.cli import EXIT_FOUT, dso


def run(*args: str) -> Result:
    return CliRunner().invoke(dso, list(args))


def fout(result: Result) -> str:
    """The command failed as the CLI promises: exit 3, one Dutch line on stderr, no traceback."""
    assert result.exit_code == EXIT_FOUT, result.output
    assert result.stdout == ""
    regels = result.stderr.strip().splitlines()
    assert len(regels) == 1 and regels[0].startswith("fout: "), result.stderr
    assert "Traceback" not in result.output
    return regels[0]


def test_adres(cli_env: NepServer) -> None:
    r = run("adres", "2711", "EC", "1")
    assert r.exit_code == 0, r.output
    assert "Adres:                Stadhuisplein 1, 2711EC Zoetermeer" in r.stdout
    assert "RD-punt:              93611.42, 452871.65" in r.stdout
    assert "Gemeente:             Zoetermeer (gm0637)" in r.stdout
    assert "Wijk:                 Centrum (WK063700)" in r.stdout
    assert "Buurt:                Stadscentrum (BU06370002)" in r.stdout


def test_adres_json(cli_env: NepServer) -> None:
    r = run("adres", "--json", "Dorpsstraat 45 Zoetermeer")
    data = json.loads(r.stdout)
    assert data["punt"] == {"x": 93702.1, "y": 451988.3}
    assert data["bevoegd_gezag"] == "gm0637" and data["nummeraanduiding_id"] == "0637200000100045"


def test_adres_niet_eenduidig(cli_env: NepServer) -> None:
    regel = fout(run("adres", "1015CJ", "117"))
    assert "niet eenduidig" in regel and "geef de huisletter" in regel


def test_pand_bij_adres(cli_env: NepServer) -> None:
    r = run("pand", "2712AB", "45")
    assert r.exit_code == 0, r.output
    assert "Footprint:              120 m²" in r.stdout
    assert "Bouwjaar:               1932" in r.stdout
    assert "Gebruiksdoel:           woonfunctie, winkelfunctie" in r.stdout
    assert "Bron:                   BAG: adres 0637200000100045, pand 0637100000100045" in r.stdout


def test_pand_bij_id_en_json(cli_env: NepServer) -> None:
    r = run("pand", "1926100000495231")
    assert "Footprint: 1.938,8 m²" in r.stdout
    data = json.loads(run("pand", "--json", "2711EC 1").stdout)
    assert data["feiten"]["bouwjaar"] == 1986 and data["bron"] == "BAG" and data["herkomst"].startswith("BAG:")


def test_pand_zonder_bag_sleutel(cli_env: NepServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REGELS_BAG_API_KEY")
    regel = fout(run("pand", "2711EC", "1"))
    assert "Geen API-sleutel voor BAG" in regel and "REGELS_BAG_API_KEY" in regel and "sleutels.toml" in regel


def test_plannen(cli_env: NepServer) -> None:
    r = run("plannen")
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0] == "Omgevingsplan gemeente Zoetermeer"
    assert "Identificatie:    /akn/nl/act/gm0637/2024/omgevingsplan" in r.stdout
    assert "Geldig vanaf:     15-03-2025" in r.stdout
    assert "Programma" not in r.stdout
    assert "Omgevingsprogramma Gebied Entree" in run("plannen", "--alle").stdout
    assert len(json.loads(run("plannen", "--json", "--gemeente", "0637").stdout)) == 1
    assert run("plannen", "--gemeente", "gm0362").stdout.strip() == "Geen omgevingsplan van gm0362 gevonden."


def test_plannen_zonder_dso_sleutel_in_pre(cli_env: NepServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REGELS_DSO_API_KEY")
    regel = fout(run("--omgeving", "pre", "plannen"))
    assert "(pre-productie)" in regel and "REGELS_DSO_PRE_API_KEY" in regel and "developer.omgevingswet.overheid.nl" in regel


def test_versies(cli_env: NepServer) -> None:
    r = run("versies", OMGEVINGSPLAN)
    assert r.stdout.splitlines() == [
        "Omgevingsplan gemeente Zoetermeer: 3 versies",
        "  geldig vanaf 15-03-2025, in werking vanaf 15-03-2025",
        "  geldig vanaf 01-07-2024 tot 15-03-2025, in werking vanaf 01-07-2024",
        "  geldig vanaf 01-01-2024 tot 01-07-2024, in werking vanaf 01-01-2024",
    ]
    assert "geen regeling-identificatie" in fout(run("versies", "omgevingsplan"))


def test_regels_op_locatie_bij_adres(cli_env: NepServer) -> None:
    r = run("regels-op-locatie", "2711", "EC", "1")
    assert r.exit_code == 0, r.output
    regels = r.stdout.splitlines()
    assert regels[0] == "Gebruikte locatie: Stadhuisplein 1, 2711EC Zoetermeer (RD 93611.42, 452871.65)"
    assert "    - bouwen van een hoofdgebouw: vergunningplicht" in regels
    assert "    - wonen (functie)" in regels
    assert "    - maximum bouwhoogte: 10 m" in regels


def test_regels_op_locatie_bij_punt_met_bestemmingsplannen(cli_env: NepServer) -> None:
    r = run("regels-op-locatie", "--x", "93702.1", "--y", "451988.3", "--bestemmingsplannen")
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("Gebruikte locatie: RD 93702.10, 451988.30\n")
    assert "  enkelbestemming: Wonen, artikel 4" in r.stdout
    assert "  maatvoering maximum bouwhoogte (m): 10" in r.stdout
    data = json.loads(run("regels-op-locatie", "--json", "--x", "93702.1", "--y", "451988.3").stdout)
    assert data["locatie"]["adres"] is None and data["regelingen"][0]["omgevingsnormen"][0]["waarden"][0]["kwantitatief"] == 10


def test_regels_op_locatie_buiten_het_plan(cli_env: NepServer) -> None:
    r = run("regels-op-locatie", "--x", "155000", "--y", "463000")
    assert "Geen omgevingsplan gevonden op deze locatie." in r.stdout


@pytest.mark.parametrize(
    ("args", "tekst"),
    [
        (("regels-op-locatie", "--x", "4.49", "--y", "52.06"), "lengte- en breedtegraden"),
        (("regels-op-locatie", "--x", "93702.1"), "--x en --y samen"),
        (("regels-op-locatie",), "Geef een adres"),
        (("regels-op-locatie", "Dorpsstraat 45", "--x", "1", "--y", "2"), "niet allebei"),
        (("regels-op-locatie", "--peildatum", "gisteren", "2711EC", "1"), "'gisteren' is geen datum"),
        (("regels-op-locatie", "--gemeente", "Zoetermeer", "2711EC", "1"), "geen code van een bevoegd gezag"),
    ],
)
def test_regels_op_locatie_invoerfouten(cli_env: NepServer, args: tuple[str, ...], tekst: str) -> None:
    assert tekst in fout(run(*args))


def test_download(cli_env: NepServer, tmp_path: Path) -> None:
    cli_env.download_status = ["BESCHIKBAAR"]  # the CLI polls every 2 s for real
    r = run("download", OMGEVINGSPLAN, "--naar", str(tmp_path))
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith(f"Opgeslagen: {tmp_path / '_akn_nl_act_gm0637_2024_omgevingsplan.zip'} (")
    assert "groter dan de grens" in fout(run("download", OMGEVINGSPLAN, "--naar", str(tmp_path / "b"), "--max-mb", "0.01"))


def test_geometrie(cli_env: NepServer) -> None:
    assert "Soort:       Polygon" in run("geometrie", GEOMETRIE_ID).stdout
    assert json.loads(run("geometrie", "--json", GEOMETRIE_ID).stdout)["type"] == "Polygon"


def test_dienstfouten_worden_een_regel(cli_env: NepServer) -> None:
    cli_env.storing("GET", LS + "/free", problem(500, "Interne server fout."))
    assert "PDOK Locatieserver gaf een interne fout (500" in fout(run("adres", "2711EC", "1"))
    cli_env.storing("GET", LS + "/free", Antwoord(200, "<html>onderhoud</html>", "text/html"))
    assert "geen JSON maar text/html" in fout(run("adres", "2711EC", "1"))
    cli_env.storing("GET", BAG + "/panden/0637100000100001", Antwoord(503, {"title": "Bronservice is niet beschikbaar."},
                                                                     "application/problem+json", {"Retry-After": "1"}))
    assert "BAG gaf een storing (503" in fout(run("--pogingen", "1", "pand", "0637100000100001"))


def test_time_out_op_de_opdrachtregel(cli_env: NepServer) -> None:
    cli_env.storing("POST", OZON + "/regelingen/_zoek", Antwoord(200, {}, vertraging=0.3))
    regel = fout(run("--timeout", "0.1", "--pogingen", "1", "plannen"))
    assert "antwoordde niet binnen 0.1 seconden" in regel


def test_hulptekst_is_nederlands() -> None:
    r = run("--help")
    assert r.exit_code == 0
    for cmd in ("adres", "pand", "plannen", "versies", "regels-op-locatie", "download", "geometrie", "sleutels"):
        assert cmd in r.stdout
    assert "Adressen, gebouwen en omgevingsplannen" in r.stdout

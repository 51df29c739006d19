"""Keys: where they are found, what is said when they are missing, and that they never show."""

from __future__ import annotations

import logging
import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner
from dso_nepserver import BAG_SLEUTEL, DSO_SLEUTEL, OZON, Antwoord, NepServer

from regels.dso import (
    SERVICES,
    ApiKey,
    BagClient,
    DienstFout,
    Environment,
    LocatieserverClient,
    PresenterenClient,
    SleutelGeweigerd,
    SleutelOntbreekt,
    find_api_key,
)
from regels.dso.cli import dso

DSO = SERVICES["presenteren"]
BAG = SERVICES["bag"]


def test_sleutel_uit_omgevingsvariabele() -> None:
    key = find_api_key(DSO, Environment.PROD, environ={"REGELS_DSO_API_KEY": " abc123 "})
    assert key is not None and key.reveal() == "abc123" and "REGELS_DSO_API_KEY" in key.source


def test_pre_heeft_een_eigen_variabele_en_valt_terug() -> None:
    env = {"REGELS_DSO_API_KEY": "prod-sleutel", "REGELS_DSO_PRE_API_KEY": "pre-sleutel"}
    assert find_api_key(DSO, Environment.PRE, environ=env).reveal() == "pre-sleutel"  # type: ignore[union-attr]
    assert find_api_key(DSO, Environment.PROD, environ=env).reveal() == "prod-sleutel"  # type: ignore[union-attr]
    assert find_api_key(DSO, Environment.PRE, environ={"REGELS_DSO_API_KEY": "beide"}).reveal() == "beide"  # type: ignore[union-attr]


def test_sleutel_uit_sleutelbestand(tmp_path: Path) -> None:
    bestand = tmp_path / "sleutels.toml"
    bestand.write_text('bag = "bag-kort"\n\n[dso]\nsleutel = "algemeen"\npre = "alleen-pre"\n', encoding="utf-8")
    assert find_api_key(DSO, Environment.PRE, environ={}, key_file=bestand).reveal() == "alleen-pre"  # type: ignore[union-attr]
    assert find_api_key(DSO, Environment.PROD, environ={}, key_file=bestand).reveal() == "algemeen"  # type: ignore[union-attr]
    bag = find_api_key(BAG, Environment.PROD, environ={}, key_file=bestand)
    assert bag is not None and bag.reveal() == "bag-kort" and "[bag] sleutel" in bag.source


def test_omgevingsvariabele_gaat_voor_bestand(tmp_path: Path) -> None:
    bestand = tmp_path / "sleutels.toml"
    bestand.write_text('[dso]\nsleutel = "uit-bestand"\n', encoding="utf-8")
    key = find_api_key(DSO, Environment.PROD, environ={"REGELS_DSO_API_KEY": "uit-env"}, key_file=bestand)
    assert key is not None and key.reveal() == "uit-env"


def test_sleutelbestand_via_xdg_en_regels_sleutels(tmp_path: Path) -> None:
    from regels.dso import key_file_path

    assert key_file_path({"XDG_CONFIG_HOME": str(tmp_path)}) == tmp_path / "regels" / "sleutels.toml"
    assert key_file_path({"REGELS_SLEUTELS": str(tmp_path / "x.toml")}) == tmp_path / "x.toml"
    (tmp_path / "regels").mkdir()
    (tmp_path / "regels" / "sleutels.toml").write_text('[bag]\nprod = "xdg"\n', encoding="utf-8")
    assert find_api_key(BAG, Environment.PROD, environ={"XDG_CONFIG_HOME": str(tmp_path)}).reveal() == "xdg"  # type: ignore[union-attr]


def test_ontbrekende_sleutel_zegt_hoe_je_er_een_zet(tmp_path: Path) -> None:
    with pytest.raises(SleutelOntbreekt) as info:
        find_api_key(BAG, Environment.PROD, environ={}, key_file=tmp_path / "sleutels.toml")
    tekst = str(info.value)
    assert "Geen API-sleutel voor BAG (productie)" in tekst
    assert "REGELS_BAG_API_KEY" in tekst and "sleutels.toml" in tekst and "[bag]" in tekst
    assert "formulieren.kadaster.nl" in tekst
    with pytest.raises(SleutelOntbreekt, match="REGELS_DSO_PRE_API_KEY.*pre-productie|pre-productie.*REGELS_DSO_PRE_API_KEY"):
        find_api_key(DSO, Environment.PRE, environ={}, key_file=tmp_path / "sleutels.toml")


def test_kapot_sleutelbestand_toont_geen_inhoud(tmp_path: Path) -> None:
    bestand = tmp_path / "sleutels.toml"
    bestand.write_text('[dso]\nsleutel = "geheim-maar-kapot\n', encoding="utf-8")
    with pytest.raises(SleutelOntbreekt) as info:
        find_api_key(DSO, Environment.PROD, environ={}, key_file=bestand)
    assert "geen geldige TOML (regel 2)" in str(info.value)
    assert "geheim" not in str(info.value)
    bestand.write_text('dso = 12\n', encoding="utf-8")
    with pytest.raises(SleutelOntbreekt, match="moet \\[dso\\] een tabel zijn"):
        find_api_key(DSO, Environment.PROD, environ={}, key_file=bestand)


def test_locatieserver_heeft_geen_sleutel_nodig(nep: NepServer, maak) -> None:
    ls = maak(LocatieserverClient)
    assert ls.api_key is None
    assert ls.find_address("2711 EC 1").postcode == "2711EC"


def test_sleutel_wordt_pas_bij_gebruik_gezocht(nep: NepServer) -> None:
    bag = BagClient(base_url=nep.url + "/lvbag/individuelebevragingen/v2")  # no key anywhere: fine until used
    with pytest.raises(SleutelOntbreekt):
        bag.pand("0637100000100001")
    assert nep.verzoeken == []  # nothing was sent without a key
    bag.close()


# -- never shown ------------------------------------------------------------------------------


def test_apikey_toont_zich_nooit() -> None:
    key = ApiKey("zeer-geheim-123", "test")
    for tekst in (repr(key), str(key), f"{key}", repr([key]), repr({"k": key})):
        assert "zeer-geheim-123" not in tekst
    with pytest.raises(TypeError):
        pickle.dumps(key)


def test_clients_tonen_de_sleutel_niet(nep: NepServer, maak) -> None:
    dso_client = maak(PresenterenClient)
    dso_client.regelingen("gm0637")
    for tekst in (repr(dso_client), str(dso_client), repr(dso_client.api_key), repr(vars(dso_client))):
        assert DSO_SLEUTEL not in tekst


def test_sleutel_niet_in_logs_of_foutmeldingen(nep: NepServer, maak, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)  # every logger: regels.dso, httpx, httpcore
    dso_client = maak(PresenterenClient)
    bag = maak(BagClient)
    dso_client.rules_at_location(__import__("regels.dso", fromlist=["RdPunt"]).RdPunt(x=93611.42, y=452871.65))
    bag.building_facts(postcode="2711EC", huisnummer=1)
    # A server that echoes the key back in its error must not get it into our message.
    echo = Antwoord(403, {"title": "Forbidden", "detail": f"Sleutel {DSO_SLEUTEL} is ongeldig", "status": 403},
                    "application/problem+json")
    nep.storing("POST", OZON + "/regelingen/_zoek", echo)
    with pytest.raises(SleutelGeweigerd) as info:
        dso_client.regelingen("gm0637")
    fouten: list[DienstFout] = [info.value]
    nep.storing("GET", "/lvbag/individuelebevragingen/v2/panden/0637100000100001",
                Antwoord(500, {"title": BAG_SLEUTEL, "detail": [BAG_SLEUTEL]}, "application/problem+json"))
    with pytest.raises(DienstFout) as info2:
        bag.pand("0637100000100001")
    fouten.append(info2.value)
    assert caplog.records, "er is niets gelogd; de test zou dan niets bewijzen"
    for sleutel in (DSO_SLEUTEL, BAG_SLEUTEL):
        assert sleutel not in caplog.text
        for fout in fouten:
            for tekst in (str(fout), repr(fout), repr(fout.probleem), fout.verzoek, repr(fout.args)):
                assert sleutel not in tekst
            assert fout.__cause__ is None and fout.__context__ is None or sleutel not in repr(fout.__context__)
    assert "***" in str(info.value)


def test_cli_toont_de_sleutel_nooit(cli_env: NepServer) -> None:
    runner = CliRunner()
    for args in (["sleutels"], ["plannen"], ["pand", "2711", "EC", "1"], ["--omgeving", "pre", "sleutels"]):
        result = runner.invoke(dso, args)
        assert result.exit_code == 0, result.output
        assert DSO_SLEUTEL not in result.output and BAG_SLEUTEL not in result.output
    result = runner.invoke(dso, ["sleutels"])
    assert "DSO: ingesteld (omgevingsvariabele REGELS_DSO_API_KEY)" in result.output
    assert "PDOK Locatieserver: geen sleutel nodig" in result.output

"""Plans in the (fake) DSO: regelingen, versions, what applies at a point, geometry, download."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import jsonschema
import pytest
from dso_nepserver import (
    APIS,
    DL,
    DSO_SLEUTEL,
    GEOMETRIE_ID,
    OMGEVINGSPLAN,
    OZON,
    Antwoord,
    NepServer,
)

from regels.dso import (
    DownloadenClient,
    DownloadMislukt,
    DownloadTeGroot,
    GeometrieClient,
    NietGevonden,
    OngeldigAntwoord,
    OngeldigVerzoek,
    PresenterenClient,
    RdPunt,
    bevoegd_gezag_code,
    uri_identificatie,
)

HIER = RdPunt(x=93611.42, y=452871.65)  # Stadhuisplein, Zoetermeer
ZOEK = OZON + "/regelingen/_zoek"
ANNOTATIES = OZON + "/regelingen/_akn_nl_act_gm0637_2024_omgevingsplan/regeltekstannotaties/_zoek"


# -- the fake answers follow the official schemas ---------------------------------------------


def _validator(spec: str, schema: str) -> jsonschema.protocols.Validator:
    doc = json.loads((APIS / "bvpelt+ov8" / spec).read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator({"$ref": f"#/components/schemas/{schema}", "components": doc["components"]})


def test_nepantwoorden_volgen_de_ozon_specificatie(nep: NepServer) -> None:
    _validator("ozon-presenteren-v8.0.2.json", "Regeling").validate(nep.data.regeling(OMGEVINGSPLAN, 3, nep.url))
    _validator("ozon-presenteren-v8.0.2.json", "RegeltekstannotatiesVastgesteldAtLocation").validate(nep.data.annotaties(nep.url))
    buurt = nep.beantwoord(
        __import__("dso_nepserver").Verzoek("GET", f"/publiek/omgevingsdocumenten/api/geometrieopvragen/v1/geometrieen/{GEOMETRIE_ID}",
                                            {"crs": ["x"]}, {"x-api-key": DSO_SLEUTEL}, b"")
    )
    _validator("ozon-geometrie-opvragen-v1.1.0.json", "GeoJsonGeometry").validate(buurt.body)


# -- identifiers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("invoer", "uit"),
    [
        ("/akn/nl/act/gm0637/2024/omgevingsplan", "_akn_nl_act_gm0637_2024_omgevingsplan"),
        ("/akn/nl/act/gm0160/2023/Omgevingsplan-HelloDSO", "_akn_nl_act_gm0160_2023_Omgevingsplan_HelloDSO"),
        ("_akn_nl_act_gm0637_2024_omgevingsplan", "_akn_nl_act_gm0637_2024_omgevingsplan"),
    ],
)
def test_uri_identificatie(invoer: str, uit: str) -> None:
    assert uri_identificatie(invoer) == uit


@pytest.mark.parametrize("slecht", ["omgevingsplan", "/akn/nl/act/../../etc", "_akn_x/../y", ""])
def test_ongeldige_regeling_identificatie(slecht: str) -> None:
    with pytest.raises(OngeldigVerzoek, match="geen regeling-identificatie"):
        uri_identificatie(slecht)


@pytest.mark.parametrize(("invoer", "uit"), [("gm0637", "gm0637"), ("GM0637", "gm0637"), ("0637", "gm0637"), ("637", "gm0637"), ("pv28", "pv0028")])
def test_bevoegd_gezag_code(invoer: str, uit: str) -> None:
    assert bevoegd_gezag_code(invoer) == uit


def test_ongeldig_bevoegd_gezag() -> None:
    with pytest.raises(OngeldigVerzoek, match="gm0637"):
        bevoegd_gezag_code("Zoetermeer")


# -- regelingen -------------------------------------------------------------------------------


def test_regelingen_van_zoetermeer(nep: NepServer, maak) -> None:
    regelingen = maak(PresenterenClient).regelingen("gm0637")
    assert [r.type for r in regelingen] == ["Omgevingsplan", "Programma"]
    plan = regelingen[0]
    assert plan.identificatie == OMGEVINGSPLAN and plan.uri_identificatie == "_akn_nl_act_gm0637_2024_omgevingsplan"
    assert plan.bevoegd_gezag == "gm0637" and plan.versie == 3
    assert plan.begin_geldigheid == dt.date(2025, 3, 15) and plan.is_omgevingsplan
    v = nep.verzoeken[-1]
    assert v.json == {"bevoegdGezag": ["gm0637"]} and v.query["size"] == ["100"]


def test_omgevingsplan_van_een_gemeente(nep: NepServer, maak) -> None:
    dso = maak(PresenterenClient)
    assert dso.omgevingsplan("0637").identificatie == OMGEVINGSPLAN
    with pytest.raises(NietGevonden, match="Geen omgevingsplan van gm0362"):
        dso.omgevingsplan("gm0362")


def test_regelingen_op_een_punt(nep: NepServer, maak) -> None:
    dso = maak(PresenterenClient)
    assert len(dso.regelingen(punt=HIER)) == 3
    assert dso.regelingen(punt=RdPunt(x=155000.0, y=463000.0)) == []  # Amersfoort: nothing here
    with pytest.raises(ValueError):
        dso.regelingen()


def test_regeling_op_peildatum(nep: NepServer, maak) -> None:
    dso = maak(PresenterenClient)
    r = dso.regeling(OMGEVINGSPLAN, peildatum=dt.date(2024, 8, 1))
    assert r.versie == 2 and r.eind_geldigheid == dt.date(2025, 3, 15)
    assert nep.verzoeken[-1].query == {"geldigOp": ["2024-08-01"], "inWerkingOp": ["2024-08-01"]}
    with pytest.raises(NietGevonden, match="niet op 01-06-2020"):
        dso.regeling(OMGEVINGSPLAN, peildatum=dt.date(2020, 6, 1))
    with pytest.raises(NietGevonden, match="kent regeling /akn/nl/act/gm9999/2024/omgevingsplan niet"):
        dso.regeling("/akn/nl/act/gm9999/2024/omgevingsplan")


def test_versies_nieuwste_eerst(nep: NepServer, maak) -> None:
    versies = maak(PresenterenClient).versions(OMGEVINGSPLAN)
    assert [v.versie for v in versies] == [3, 2, 1]
    assert [v.begin_geldigheid for v in versies] == [dt.date(2025, 3, 15), dt.date(2024, 7, 1), dt.date(2024, 1, 1)]
    peildata = [v.query.get("geldigOp") for v in nep.verzoeken]
    assert peildata == [None, ["2025-03-14"], ["2024-06-30"], ["2023-12-31"]]


def test_versies_begrensd(nep: NepServer, maak) -> None:
    assert len(maak(PresenterenClient).versions(OMGEVINGSPLAN, max_versions=2)) == 2


def test_onbruikbare_regeling(nep: NepServer, maak) -> None:
    nep.storing("GET", OZON + "/regelingen/_akn_nl_act_gm0637_2024_omgevingsplan",
                Antwoord(200, {"identificatie": "geen akn", "officieleTitel": "x"}, "application/hal+json"))
    with pytest.raises(OngeldigAntwoord, match="onbruikbare regeling"):
        maak(PresenterenClient).regeling(OMGEVINGSPLAN)


# -- what applies at a point ------------------------------------------------------------------


def test_regels_op_locatie(nep: NepServer, maak) -> None:
    [r] = maak(PresenterenClient).rules_at_location(HIER)
    assert r.regeling.identificatie == OMGEVINGSPLAN and r.punt == HIER
    activiteiten = {a.naam: a for a in r.activiteiten}
    assert activiteiten["bouwen van een hoofdgebouw"].kwalificaties == ("vergunningplicht",)
    assert activiteiten["bouwen van een hoofdgebouw"].regelteksten == ("gm0637_1__chp_5__art_5.3",)
    # The "verbod" of the same rule holds elsewhere (another locatie) and is left out here.
    assert activiteiten["bouwen van een bijbehorend bouwwerk"].kwalificaties == ("toegestaan",)
    assert activiteiten["bouwen van een bijbehorend bouwwerk"].bovenliggende_activiteit == (
        "nl.imow-gm0637.activiteit.2024bouwenhoofdgebouw"
    )
    assert [(g.naam, g.type, g.groep) for g in r.gebiedsaanwijzingen] == [("wonen", "functie", "woonfunctie")]
    [norm] = r.omgevingsnormen
    assert (norm.naam, norm.eenheid) == ("maximum bouwhoogte", "m")
    assert [w.kwantitatief for w in norm.waarden] == [10]  # 15 m holds elsewhere
    assert "nl.imow-gm0637.gebied.2024hoogte10" in r.locaties
    v = nep.verzoeken[-1]
    assert v.path == ANNOTATIES and v.json == {"geometrie": {"type": "Point", "coordinates": [93611.42, 452871.65]}}


def test_regels_op_locatie_alle_regelingen_en_peildatum(nep: NepServer, maak) -> None:
    resultaten = maak(PresenterenClient).rules_at_location(HIER, alle_regelingen=True, peildatum=dt.date(2025, 1, 1))
    assert len(resultaten) == 3
    assert all(v.query.get("geldigOp") == ["2025-01-01"] for v in nep.verzoeken)


def test_regels_op_locatie_voor_een_gekozen_regeling(nep: NepServer, maak) -> None:
    [r] = maak(PresenterenClient).rules_at_location(HIER, regeling=OMGEVINGSPLAN)
    assert r.regeling.versie == 3
    assert not any(v.path == ZOEK for v in nep.verzoeken)


def test_regels_buiten_zoetermeer(nep: NepServer, maak) -> None:
    assert maak(PresenterenClient).rules_at_location(RdPunt(x=155000.0, y=463000.0)) == []


def test_annotaties_vastgepind_worden_bewaard(nep: NepServer, maak) -> None:
    dso = maak(PresenterenClient)
    moment = dt.datetime(2025, 6, 1, 12, 0)
    dso.rules_at_location(HIER, regeling=OMGEVINGSPLAN, beschikbaar_op=moment)
    dso.rules_at_location(HIER, regeling=OMGEVINGSPLAN, beschikbaar_op=moment)
    assert nep.aantal(ANNOTATIES) == 1


@pytest.mark.parametrize(
    "kapot",
    [{"activiteiten": {"naam": "x"}}, {"activiteiten": [{"naam": "zonder identificatie"}]}, {"regelteksten": [{"wId": "x"}]}],
    ids=["geen-lijst", "zonder-identificatie", "regeltekst-zonder-id"],
)
def test_onbruikbare_annotaties(nep: NepServer, maak, kapot: dict) -> None:
    nep.storing("POST", ANNOTATIES, Antwoord(200, {**nep.data.annotaties(nep.url), **kapot}, "application/hal+json"))
    with pytest.raises(OngeldigAntwoord, match="onbruikbare annotaties"):
        maak(PresenterenClient).rules_at_location(HIER, regeling=OMGEVINGSPLAN)


def test_annotaties_zonder_crs_header_geeft_422(nep: NepServer, maak) -> None:
    # What Ozon says without (or with the short form of) Content-Crs: its own spec example.
    dso = maak(PresenterenClient)
    with pytest.raises(OngeldigVerzoek, match="422: Niet-ondersteunde CRS"):
        dso.post_json(ANNOTATIES[len(OZON) + 1 :], {"geometrie": HIER.geojson()}, headers={"Content-Crs": "EPSG:28992"})


# -- geometry ---------------------------------------------------------------------------------


def test_geometrie_in_rd(nep: NepServer, maak) -> None:
    g = maak(GeometrieClient).geometry(GEOMETRIE_ID)
    assert g.geojson["type"] == "Polygon" and g.oppervlakte_m2 > 100_000
    with pytest.raises(NietGevonden, match="kent geometrie 0000 niet"):
        maak(GeometrieClient).geometry("0000")
    with pytest.raises(OngeldigVerzoek):
        maak(GeometrieClient).geometry("../regelingen")


def test_geometrie_die_geen_geojson_is(nep: NepServer, maak) -> None:
    pad = f"/publiek/omgevingsdocumenten/api/geometrieopvragen/v1/geometrieen/{GEOMETRIE_ID}"
    nep.storing("GET", pad, Antwoord(200, {"type": "Feature"}), Antwoord(200, {"type": "Polygon", "coordinates": "x"}))
    with pytest.raises(OngeldigAntwoord, match="geen GeoJSON-geometrie"):
        maak(GeometrieClient).geometry(GEOMETRIE_ID)
    with pytest.raises(OngeldigAntwoord, match="onleesbare geometrie"):
        maak(GeometrieClient).geometry(GEOMETRIE_ID)


# -- download ---------------------------------------------------------------------------------


def test_download_van_een_regeling(nep: NepServer, maak, slaap, tmp_path: Path) -> None:
    pad = maak(DownloadenClient).download_regeling(OMGEVINGSPLAN, tmp_path, poll_interval=0.5)
    assert pad == tmp_path / "_akn_nl_act_gm0637_2024_omgevingsplan.zip"
    with zipfile.ZipFile(pad) as zf:
        namen = zf.namelist()
    assert "Regeling/akn_nl_bill_gm0297-3520-01.xml" in namen and any(n.startswith("OW-bestanden/") for n in namen)
    assert slaap.wachttijden == [0.5]  # one poll said IN_BEHANDELING
    assert nep.verzoeken[0].json == {"regelingId": OMGEVINGSPLAN}
    assert nep.verzoeken[-1].headers.get("x-api-key") == DSO_SLEUTEL  # same origin: the key goes along
    assert list(tmp_path.iterdir()) == [pad]


def test_download_naar_een_bestandsnaam(nep: NepServer, maak, tmp_path: Path) -> None:
    pad = maak(DownloadenClient).download_regeling(OMGEVINGSPLAN, tmp_path / "plan.zip", poll_interval=0)
    assert pad.name == "plan.zip" and pad.stat().st_size == len(nep.data.stop_zip)


def test_download_te_groot_volgens_content_length(nep: NepServer, maak, tmp_path: Path) -> None:
    with pytest.raises(DownloadTeGroot, match="groter dan de grens van 0.0 MB"):
        maak(DownloadenClient).download_regeling(OMGEVINGSPLAN, tmp_path, max_bytes=1000, poll_interval=0)
    assert list(tmp_path.iterdir()) == []


def test_download_te_groot_zonder_content_length(nep: NepServer, maak, tmp_path: Path) -> None:
    nep.storing("GET", "/bestanden/verzoek-0637-0001.zip", Antwoord(200, nep.data.stop_zip, "application/zip", zonder_lengte=True))
    with pytest.raises(DownloadTeGroot, match="meer dan 0.0 MB"):
        maak(DownloadenClient).download_regeling(OMGEVINGSPLAN, tmp_path, max_bytes=40_000, poll_interval=0)
    assert list(tmp_path.iterdir()) == []


def test_download_mislukt(nep: NepServer, maak, tmp_path: Path) -> None:
    nep.download_status = ["IN_BEHANDELING", "MISLUKT"]
    with pytest.raises(DownloadMislukt, match="status MISLUKT"):
        maak(DownloadenClient).download_regeling(OMGEVINGSPLAN, tmp_path, poll_interval=0.1)


def test_download_nooit_klaar(nep: NepServer, maak, slaap, tmp_path: Path) -> None:
    nep.download_status = ["IN_BEHANDELING"]
    with pytest.raises(DownloadMislukt, match="na 1 seconden nog niet klaar"):
        maak(DownloadenClient).download_regeling(OMGEVINGSPLAN, tmp_path, poll_interval=0.25, max_wait=1)
    assert slaap.wachttijden == [0.25] * 4


def test_download_die_geen_zip_is(nep: NepServer, maak, tmp_path: Path) -> None:
    nep.storing("GET", "/bestanden/verzoek-0637-0001.zip", Antwoord(200, "<html>fout</html>", "text/html"))
    with pytest.raises(OngeldigAntwoord, match="geen ZIP-bestand"):
        maak(DownloadenClient).download_regeling(OMGEVINGSPLAN, tmp_path, poll_interval=0)
    assert list(tmp_path.iterdir()) == []


def test_download_van_andere_server_krijgt_geen_sleutel(nep: NepServer, maak, tmp_path: Path) -> None:
    andere = NepServer().start()
    try:
        nep.download_url = andere.url + "/bestanden/verzoek-0637-0001.zip"
        maak(DownloadenClient).download_regeling(OMGEVINGSPLAN, tmp_path, poll_interval=0)
        [v] = andere.verzoeken
        assert "x-api-key" not in v.headers
    finally:
        andere.stop()


@pytest.mark.parametrize(
    ("pad", "antwoord", "fout"),
    [
        (DL + "/aanvraag", Antwoord(202, {"iets": "anders"}), "geen bruikbare verzoekIdentificatie"),
        (DL + "/aanvraag", Antwoord(202, {"verzoekIdentificatie": "../../x"}), "geen bruikbare verzoekIdentificatie"),
        (DL + "/download/verzoek-0637-0001", Antwoord(200, {"status": "BESCHIKBAAR"}), "geen download-URL"),
    ],
)
def test_download_met_onbruikbare_antwoorden(nep: NepServer, maak, tmp_path: Path, pad: str, antwoord: Antwoord, fout: str) -> None:
    nep.storing("POST" if pad.endswith("aanvraag") else "GET", pad, antwoord)
    with pytest.raises(OngeldigAntwoord, match=fout):
        maak(DownloadenClient).download_regeling(OMGEVINGSPLAN, tmp_path, poll_interval=0)


def test_download_vraagt_een_akn_identificatie(maak, tmp_path: Path) -> None:
    with pytest.raises(OngeldigVerzoek, match="geen STOP-identificatie"):
        maak(DownloadenClient).download_regeling("_akn_nl_act_gm0637_2024_omgevingsplan", tmp_path)

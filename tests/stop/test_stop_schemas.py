"""The schema store and XSD validation against the official schemas (Schematron: test_stop_schematron.py)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import httpx
import pytest
from lxml import etree

from regels.errors import DienstFout, XmlFout
from regels.stop import schemas
from regels.stop.schemas import SchemaOpslag, gecompileerd_schema, herken_soort, valideer_xsd
from regels.stop.veilig import parse_xml
from stophulp import GEMEENTESTAD, GM9920, GM9920_UITWISSELPAKKET, PZH_SCHEMA, STOP_TPOD, kopie, vereist_shared

pytestmark = vereist_shared

LVBB_TRANSPORT = "https://standaarden.overheid.nl/lvbb/1.2.0/lvbb-transport.xsd"
LVBB_AANLEVERING = "https://standaarden.overheid.nl/lvbb/1.2.0/lvbb-stop-aanlevering.xsd"
IMOW_DEELBESTAND = (
    "https://register.geostandaarden.nl/xmlschema/tpod/v2.0.0/bestanden-ow/deelbestand-ow/IMOW_Deelbestand.xsd"
)
BESLUIT = "akn_nl_bill_gm0297-3520-01.xml"


def xml_bestanden(map_: Path) -> list[Path]:
    return sorted(p for p in map_.iterdir() if p.suffix in (".xml", ".gml"))


# --------------------------------------------------------------------------------------------
# The store
# --------------------------------------------------------------------------------------------


def test_catalogus_wijst_officiele_urls_naar_lokale_bestanden(opslag: SchemaOpslag) -> None:
    assert opslag.offline  # a store with a folder never downloads unless asked to
    assert opslag.bestand(LVBB_AANLEVERING) == PZH_SCHEMA / "lvbb" / "lvbb-stop-aanlevering.xsd"
    assert (
        opslag.bestand("https://standaarden.overheid.nl/stop/1.3.0/imop-tekst.sch")
        == PZH_SCHEMA / "stop" / "1.3.0" / "imop-tekst.sch"
    )
    assert opslag.bestand(IMOW_DEELBESTAND) == (
        PZH_SCHEMA / "geostandaarden" / "bestanden-ow" / "deelbestand-ow" / "IMOW_Deelbestand.xsd"
    )
    # extern-catalog.xml has a DOCTYPE with a PUBLIC id: read without loading it
    assert opslag.bestand("http://www.w3.org/1999/xlink.xsd") == PZH_SCHEMA / "extern" / "w3c" / "xlink.xsd"


def test_url_zonder_catalogus_via_het_einde_van_het_pad(opslag: SchemaOpslag) -> None:
    url = "https://register.geostandaarden.nl/xmlschema/tpod/v3.1.0/IMOW/regels/IMOW_Regel.xsd"
    assert opslag.zoek(url) == STOP_TPOD / "Geonovum+ow-IMOW/xmlschema/v3.1.0/IMOW/regels/IMOW_Regel.xsd"
    stop140 = "https://standaarden.overheid.nl/stop/1.4.0/imop-tekst.xsd"
    assert opslag.zoek(stop140) == STOP_TPOD / "RicharddeGraaf1+schemaTestsRichard/stop/1.4.0/imop-tekst.xsd"
    # only the file name matches (several different files): never guessed
    assert opslag.zoek("https://standaarden.overheid.nl/stop/9.9.9/imop-tekst.xsd") is None


def test_omgevingsvariabele_kiest_de_map(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("REGELS_STOP_SCHEMAS", str(PZH_SCHEMA))
    monkeypatch.setenv("REGELS_STOP_SCHEMA_CACHE", str(tmp_path))
    standaard = SchemaOpslag.standaard()
    assert standaard.map == PZH_SCHEMA.resolve() and standaard.cache == tmp_path and standaard.offline
    assert SchemaOpslag.standaard() is standaard
    monkeypatch.setenv("REGELS_STOP_SCHEMAS", str(tmp_path / "bestaat-niet"))
    with pytest.raises(XmlFout, match="bestaat niet"):
        SchemaOpslag()


def test_offline_zonder_map_weigert_te_downloaden(tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"netwerk gebruikt: {request.url}")

    offline = SchemaOpslag(
        None, cache=tmp_path, offline=True, client=httpx.Client(transport=httpx.MockTransport(handler))
    )
    doc = parse_xml(GEMEENTESTAD / "opdracht.xml")
    with pytest.raises(XmlFout) as fout:
        valideer_xsd(doc, opslag=offline)
    assert "offline" in str(fout.value) and LVBB_TRANSPORT in str(fout.value)


def test_onbekende_versie_in_lokale_map_wordt_niet_gedownload(opslag: SchemaOpslag) -> None:
    doc = parse_xml((GEMEENTESTAD / "Bouwhoogte.gml").read_bytes().replace(b'"1.3.0"', b'"1.1.0"'), "oud.gml")
    with pytest.raises(XmlFout, match=r"offline: 'https://standaarden.overheid.nl/stop/1.1.0/imop-geo.xsd'"):
        valideer_xsd(doc, opslag=opslag)


def officiele_server(opslag: SchemaOpslag, log: list[str]) -> httpx.MockTransport:
    """A fake standaarden.overheid.nl / register.geostandaarden.nl serving the files of the store."""

    def handler(request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        log.append(url)
        pad = opslag.zoek(url)
        if pad is None:
            return httpx.Response(404)
        return httpx.Response(200, content=pad.read_bytes())

    return httpx.MockTransport(handler)


def test_downloaden_naar_cache_en_daarna_offline(opslag: SchemaOpslag, tmp_path: Path) -> None:
    log: list[str] = []
    online = SchemaOpslag(
        None, cache=tmp_path, offline=False, client=httpx.Client(transport=officiele_server(opslag, log))
    )
    doc = parse_xml(GEMEENTESTAD / "owRegeltekst-Gemeentestad.xml")
    assert valideer_xsd(doc, opslag=online) == []
    # The relative imports (../../IMOW/...) were asked for by their official URL, not by cache path.
    assert IMOW_DEELBESTAND in log
    assert "https://register.geostandaarden.nl/xmlschema/tpod/v2.0.0/IMOW/regels/IMOW_Regel.xsd" in log
    assert all(u.startswith("https://register.geostandaarden.nl/") for u in log)
    assert (tmp_path / "register.geostandaarden.nl/xmlschema/tpod/v2.0.0/IMOW/regels/IMOW_Regel.xsd").is_file()

    def geen_netwerk(request: httpx.Request) -> httpx.Response:
        raise AssertionError(f"netwerk gebruikt: {request.url}")

    offline = SchemaOpslag(
        None, cache=tmp_path, offline=True, client=httpx.Client(transport=httpx.MockTransport(geen_netwerk))
    )
    assert valideer_xsd(doc, opslag=offline) == []


def test_schemalocation_van_het_document_wordt_genegeerd(opslag: SchemaOpslag, tmp_path: Path) -> None:
    log: list[str] = []
    online = SchemaOpslag(
        None, cache=tmp_path, offline=False, client=httpx.Client(transport=officiele_server(opslag, log))
    )
    xml = (GEMEENTESTAD / "manifest-ow.xml").read_bytes().replace(
        b"https://register.geostandaarden.nl/xmlschema/tpod/v2.0.0/bestanden-ow/generiek/manifest-ow.xsd",
        b"http://evil.example.org/v2.0.0/manifest-ow.xsd",
    )
    assert valideer_xsd(parse_xml(xml, "manifest-ow.xml"), opslag=online) == []
    assert log and not any("evil" in u for u in log)


def test_alleen_officiele_servers(opslag: SchemaOpslag, tmp_path: Path) -> None:
    kwaad = (
        b'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        b'<xs:import namespace="urn:x" schemaLocation="http://evil.example.org/x.xsd"/></xs:schema>'
    )
    log: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        log.append(str(request.url))
        return httpx.Response(200, content=kwaad)

    online = SchemaOpslag(None, cache=tmp_path, offline=False, client=httpx.Client(transport=httpx.MockTransport(handler)))
    with pytest.raises(XmlFout, match="niet op een officiële schemaserver"):
        gecompileerd_schema("https://standaarden.overheid.nl/test/1.0.0/kwaad.xsd", online)
    assert log == ["https://standaarden.overheid.nl/test/1.0.0/kwaad.xsd"]


def test_mislukte_download_is_een_dienstfout(tmp_path: Path) -> None:
    online = SchemaOpslag(
        None,
        cache=tmp_path,
        offline=False,
        client=httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(503))),
    )
    with pytest.raises(DienstFout, match="HTTP 503"):
        online.bestand(LVBB_TRANSPORT)


def test_lokale_bestanden_buiten_de_opslag_worden_geweigerd(tmp_path: Path) -> None:
    map_ = tmp_path / "schemas"
    map_.mkdir()
    buiten = tmp_path / "buiten.xsd"
    buiten.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:b"/>')
    (map_ / "catalog.xml").write_text(
        '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">'
        '<uri name="https://standaarden.overheid.nl/test/a.xsd" uri="a.xsd"/></catalog>'
    )
    (map_ / "a.xsd").write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">'
        f'<xs:import namespace="urn:b" schemaLocation="{buiten.as_uri()}"/></xs:schema>'
    )
    lokaal = SchemaOpslag(map_, cache=tmp_path / "cache")
    with pytest.raises(XmlFout, match="ligt buiten de schemamap en de cache"):
        gecompileerd_schema("https://standaarden.overheid.nl/test/a.xsd", lokaal)


# --------------------------------------------------------------------------------------------
# XSD validation of the sample deliveries
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("bestand", xml_bestanden(GEMEENTESTAD), ids=lambda p: p.name)
def test_gemeentestad_is_geldig(opslag: SchemaOpslag, bestand: Path) -> None:
    doc = parse_xml(bestand)
    assert herken_soort(doc) is not None
    assert valideer_xsd(doc, opslag=opslag) == []


@pytest.mark.parametrize("bestand", xml_bestanden(GM9920), ids=lambda p: p.name)
def test_gm9920_is_geldig(opslag: SchemaOpslag, bestand: Path) -> None:
    assert valideer_xsd(parse_xml(bestand), opslag=opslag) == []


def test_uitwisselpakket_is_geldig(opslag: SchemaOpslag) -> None:
    for pad in sorted(GM9920_UITWISSELPAKKET.rglob("*")):
        if pad.suffix in (".xml", ".gml"):
            assert valideer_xsd(parse_xml(pad), opslag=opslag) == [], pad


def test_documentsoorten() -> None:
    soorten = {p.name: herken_soort(parse_xml(p)) for p in xml_bestanden(GEMEENTESTAD)}
    assert soorten[BESLUIT].soort == "AanleveringBesluit"  # type: ignore[union-attr]
    assert soorten[BESLUIT].schema_url == LVBB_AANLEVERING  # type: ignore[union-attr]
    assert soorten["GIO001-Bedrijf_categorie_2.xml"].soort == "AanleveringInformatieObject"  # type: ignore[union-attr]
    assert soorten["Bouwhoogte.gml"].schema_url == "https://standaarden.overheid.nl/stop/1.3.0/imop-geo.xsd"  # type: ignore[union-attr]
    assert soorten["opdracht.xml"].soort == "opdracht"  # type: ignore[union-attr]
    assert soorten["manifest.xml"].soort == "manifest"  # type: ignore[union-attr]
    assert soorten["manifest-ow.xml"].soort == "manifest-ow"  # type: ignore[union-attr]
    assert soorten["owKaart.xml"].soort == "owBestand"  # type: ignore[union-attr]
    assert soorten["owKaart.xml"].schema_url == IMOW_DEELBESTAND  # type: ignore[union-attr]
    assert herken_soort(parse_xml(b"<a/>", "a.xml")) is None


def regel_van(pad: Path, tekst: bytes) -> int:
    data = pad.read_bytes()
    return data[: data.index(tekst)].count(b"\n") + 1


def test_kapot_besluit_noemt_het_element(opslag: SchemaOpslag, tmp_path: Path) -> None:
    pad = kopie(
        tmp_path,
        BESLUIT,
        [(b"<FRBRWork>/akn/nl/bill/gm0297/2019/3520</FRBRWork>", b"<FRBRWerk>/akn/nl/bill/gm0297/2019/3520</FRBRWerk>")],
    )
    meldingen = valideer_xsd(parse_xml(pad), opslag=opslag)
    assert len(meldingen) == 1
    m = meldingen[0]
    assert m.ernst == "fout"
    assert m.bericht == "element 'data:FRBRWerk' is hier niet toegestaan; verwacht is: data:FRBRWork"
    assert m.positie is not None and m.positie.bestand == BESLUIT
    assert m.positie.regel == regel_van(pad, b"<FRBRWerk>")
    assert m.pad == (
        f"{BESLUIT}:/lvbba:AanleveringBesluit/lvbba:BesluitVersie/data:ExpressionIdentificatie/data:FRBRWerk"
    )
    assert str(m).startswith(f"{BESLUIT}:{m.positie.regel}:1: fout: element 'data:FRBRWerk'")


def test_kapotte_datum_en_ontbrekend_element(opslag: SchemaOpslag, tmp_path: Path) -> None:
    pad = kopie(
        tmp_path,
        "opdracht.xml",
        [
            (b"<datumBekendmaking>2022-06-25</datumBekendmaking>", b"<datumBekendmaking>25-06-2022</datumBekendmaking>"),
            (b"<publicatie>akn_nl_bill_gm0297-3520-01.xml</publicatie>", b""),
        ],
    )
    berichten = [m.bericht for m in valideer_xsd(parse_xml(pad), opslag=opslag)]
    assert any("lvbb:datumBekendmaking" in b and "verwacht is: lvbb:publicatie" in b for b in berichten), berichten


def test_kapot_ow_bestand_noemt_het_element(opslag: SchemaOpslag, tmp_path: Path) -> None:
    pad = kopie(tmp_path, "owKaart.xml", [(b"<k:naam>", b"<k:titel>"), (b"</k:naam>", b"</k:titel>")])
    meldingen = valideer_xsd(parse_xml(pad), opslag=opslag)
    assert meldingen and "'k:titel'" in meldingen[0].bericht
    assert meldingen[0].pad is not None and meldingen[0].pad.endswith("/k:Kaart/k:titel")


def test_kapotte_gml_noemt_het_element(opslag: SchemaOpslag, tmp_path: Path) -> None:
    pad = kopie(tmp_path, "Bouwhoogte.gml", [(b"srsName=", b"srsNaam=")])
    meldingen = valideer_xsd(parse_xml(pad), opslag=opslag)
    assert meldingen and "het attribuut 'srsNaam' is hier niet toegestaan" in meldingen[0].bericht
    assert "gml:" in meldingen[0].bericht


def test_verkeerde_soort_en_onbekend_document(opslag: SchemaOpslag) -> None:
    opdracht = parse_xml(GEMEENTESTAD / "opdracht.xml")
    assert valideer_xsd(opdracht, "opdracht", opslag=opslag) == []
    assert valideer_xsd(opdracht, "LVBB", opslag=opslag) == []
    [m] = valideer_xsd(opdracht, "AanleveringBesluit", opslag=opslag)
    assert "verwacht een document van soort 'AanleveringBesluit', maar dit is 'opdracht'" in m.bericht
    [m] = valideer_xsd(parse_xml(b"<x xmlns='urn:iets'/>", "x.xml"), opslag=opslag)
    assert "onbekend soort document" in m.bericht and m.pad == "x.xml:/{urn:iets}x"


def test_gecompileerde_schemas_worden_hergebruikt(opslag: SchemaOpslag) -> None:
    begin = time.perf_counter()
    eerste = gecompileerd_schema(LVBB_AANLEVERING, opslag)
    tweede = gecompileerd_schema(LVBB_AANLEVERING, opslag)
    assert eerste is tweede
    assert time.perf_counter() - begin < 5
    assert schemas.compileertijd(LVBB_AANLEVERING, opslag) < 5


def test_catalogus_met_doctype_en_relatieve_paden(tmp_path: Path) -> None:
    shutil.copytree(PZH_SCHEMA / "extern", tmp_path / "extern")
    lokaal = SchemaOpslag(tmp_path, cache=tmp_path / "cache")
    assert lokaal.catalogus().bestanden == [(tmp_path / "extern" / "extern-catalog.xml").resolve()]
    gml = lokaal.bestand("http://schemas.opengis.net/gml/3.2.1/gml.xsd")
    assert gml == (tmp_path / "extern/opengis/gml/3.2.1/gml.xsd").resolve()
    assert isinstance(gecompileerd_schema("http://schemas.opengis.net/gml/3.2.1/gml.xsd", lokaal), etree.XMLSchema)

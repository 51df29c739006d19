"""Reading GeoJSON and GML (STOP GIO) files, and every way they can be wrong."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from regels.errors import GeoFout
from regels.geo import lees_geojson, lees_gml

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GEBIEDEN = REPO / "rules" / "zoetermeer" / "gebieden"
CBS = SHARED / "zoetermeer-data" / "geo"
GIO = SHARED / "stop-tpod" / "Geonovum+xml_omgevingsplan_gemeentestad" / "opdracht"
nodig_cbs = pytest.mark.skipif(not CBS.is_dir(), reason="CBS data not available")
nodig_gio = pytest.mark.skipif(not GIO.is_dir(), reason="STOP/TPOD samples not available")

RD_CRS = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}
VIERKANT = [[[93000, 452000], [93100, 452000], [93100, 452100], [93000, 452100], [93000, 452000]]]


def _feature(naam: Any = "vak", geometry: Any = None) -> dict[str, Any]:
    props = {} if naam is None else {"naam": naam}
    geom = {"type": "Polygon", "coordinates": VIERKANT} if geometry is None else geometry
    return {"type": "Feature", "properties": props, "geometry": geom}


def _fc(*features: Any, crs: Any = RD_CRS) -> dict[str, Any]:
    fc: dict[str, Any] = {"type": "FeatureCollection", "features": list(features)}
    if crs is not None:
        fc["crs"] = crs
    return fc


def _schrijf(tmp_path: Path, data: Any, naam: str = "gebieden.geojson") -> Path:
    pad = tmp_path / naam
    pad.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return pad


# --- GeoJSON -----------------------------------------------------------------------------------


def test_reads_rd_file(tmp_path: Path) -> None:
    gebieden = lees_geojson(_schrijf(tmp_path, _fc(_feature("a"), _feature("b"))))
    assert list(gebieden) == ["a", "b"]
    assert gebieden["a"].area == pytest.approx(10000)


def test_reads_committed_wijken() -> None:
    assert len(lees_geojson(GEBIEDEN / "wijken.geojson")) == 9


@nodig_cbs
def test_wgs84_file_converts_to_rd(tmp_path: Path) -> None:
    """The shared WGS84 copy of the wijken matches the RD original after conversion."""
    bron = json.loads((CBS / "zoetermeer_wijken_2023_wgs84.geojson").read_text(encoding="utf-8"))
    for f in bron["features"]:
        f["properties"]["naam"] = f["properties"]["statnaam"]
    bron.pop("crs", None)  # RFC 7946: no crs member means WGS84
    rd = lees_geojson(GEBIEDEN / "wijken.geojson")
    uit = lees_geojson(_schrijf(tmp_path, bron))
    assert set(uit) == set(rd)
    for naam, g in uit.items():
        assert g.symmetric_difference(rd[naam]).area / rd[naam].area < 1e-4, naam


@pytest.mark.parametrize("crs_naam", ["urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326"])
def test_explicit_wgs84_crs(tmp_path: Path, crs_naam: str) -> None:
    punt = [[[4.49, 52.06], [4.491, 52.06], [4.491, 52.061], [4.49, 52.06]]]
    fc = _fc(_feature("vak", {"type": "Polygon", "coordinates": punt}), crs={"type": "name", "properties": {"name": crs_naam}})
    g = lees_geojson(_schrijf(tmp_path, fc))["vak"]
    assert 93400 < g.bounds[0] < 93500 and 452700 < g.bounds[1] < 452800


@pytest.mark.parametrize(
    ("inhoud", "fout"),
    [
        ("{niet json", r"gebieden\.geojson:1:2: geen geldige JSON"),
        ('{"type": "FeatureCollection", "features": [NaN]}', "NaN is geen geldig JSON-getal"),
        ([1, 2], "verwacht een GeoJSON FeatureCollection"),
        ({"type": "FeatureCollection"}, "'features' moet een lijst zijn"),
        (_fc(_feature(), crs={"type": "name", "properties": {"name": "EPSG:3857"}}), "onbekend coördinatenstelsel 'EPSG:3857'"),
        (_fc(_feature(), crs={"type": "link"}), "'crs'-lid heeft geen properties.name"),
        (_fc("geen object"), "feature 0: verwacht een object met \"type\": \"Feature\""),
        (_fc(_feature(None)), "feature 0: de eigenschap 'naam' ontbreekt"),
        (_fc(_feature("  ")), "feature 0: de eigenschap 'naam' ontbreekt"),
        (_fc(_feature(12)), "feature 0: de eigenschap 'naam' ontbreekt"),
        (_fc(_feature("a"), _feature("a")), r"feature 1 \(naam 'a'\): de naam komt dubbel voor \(ook in feature 0\)"),
        (_fc(_feature("p", {"type": "Point", "coordinates": [93000, 452000]})),
         r"feature 0 \(naam 'p'\): geometrietype 'Point' wordt niet ondersteund; toegestaan: Polygon, MultiPolygon"),
        (_fc(_feature("g", {"type": "GeometryCollection", "geometries": []})), "'GeometryCollection' wordt niet ondersteund"),
        (_fc({"type": "Feature", "properties": {"naam": "x"}, "geometry": None}), "feature 0 \\(naam 'x'\\): .*JSON-object"),
        (_fc(_feature("z", {"type": "Polygon", "coordinates": [[[93000, 452000], [93100, 452100], [93100, 452000],
                                                              [93000, 452100], [93000, 452000]]]})),
         r"feature 0 \(naam 'z'\): ongeldige geometrie: de rand snijdt zichzelf bij \[93050 452050\]"),
        (_fc(_feature("leeg", {"type": "MultiPolygon", "coordinates": []})), "niet-lege lijst van polygonen"),
        (_fc(_feature("o", {"type": "Polygon", "coordinates": [[[93000, 452000], [93100, 452000], [93100, 452100]]]})),
         "minstens 4 posities"),
        (_fc(_feature("ver", {"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [10, 10], [0, 0]]]})),
         r"feature 0 \(naam 'ver'\): coördinaten liggen ver buiten Nederland"),
        (_fc(_feature("rd-als-wgs84"), crs=None), "buiten het bereik van WGS84"),
        (_fc(_feature("x", {"type": "Polygon", "coordinates": [[[93000, "452000"], [93100, 452000], [93100, 452100],
                                                              [93000, 452000]]]})), "geen eindig getal"),
    ],
)
def test_bad_geojson_files(tmp_path: Path, inhoud: Any, fout: str) -> None:
    pad = _schrijf(tmp_path, inhoud)
    with pytest.raises(GeoFout, match=fout) as e:
        lees_geojson(pad)
    assert str(pad) in str(e.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(GeoFout, match="kan het bestand niet lezen"):
        lees_geojson(tmp_path / "bestaat-niet.geojson")


def test_not_utf8(tmp_path: Path) -> None:
    pad = tmp_path / "latin1.geojson"
    pad.write_bytes(b'{"type": "FeatureCollection", "features": [], "x": "caf\xe9"}')
    with pytest.raises(GeoFout, match="geen geldige JSON"):
        lees_geojson(pad)


# --- GML ---------------------------------------------------------------------------------------


@nodig_gio
def test_reads_gio_with_names() -> None:
    gebieden = lees_gml(GIO / "Bouwhoogte.gml")
    assert list(gebieden) == [f"Zuilichem industriegebied {i}" for i in (1, 2, 3, 4)]
    assert gebieden["Zuilichem industriegebied 1"].area == pytest.approx(129218, rel=1e-3)
    centrum = lees_gml(GIO / "Centrumgebied.gml")
    assert list(centrum) == ["Centrumgebied"] and centrum["Centrumgebied"].is_valid


@nodig_gio
def test_reads_every_gio_in_the_sample_plan() -> None:
    for pad in sorted(GIO.glob("*.gml")):
        gebieden = lees_gml(pad)
        assert gebieden and all(g.is_valid and g.area > 0 for g in gebieden.values()), pad.name


GIO_KOP = """<?xml version="1.0" encoding="UTF-8"?>
<geo:GeoInformatieObjectVaststelling xmlns:basisgeo="http://www.geostandaarden.nl/basisgeometrie/1.0"
  xmlns:geo="https://standaarden.overheid.nl/stop/imop/geo/" xmlns:gml="http://www.opengis.net/gml/3.2">
<geo:vastgesteldeVersie><geo:GeoInformatieObjectVersie><geo:locaties>
"""
GIO_STAART = "</geo:locaties></geo:GeoInformatieObjectVersie></geo:vastgesteldeVersie></geo:GeoInformatieObjectVaststelling>\n"
POS = "93000 452000 93100 452000 93100 452100 93000 452100 93000 452000"
GAT = "93040 452040 93060 452040 93060 452060 93040 452040"


def _ring(pos: str) -> str:
    return f"<gml:LinearRing><gml:posList>{pos}</gml:posList></gml:LinearRing>"


def _locatie(geometrie: str, naam: str | None = "vak", ident: str | None = "id-1") -> str:
    n = f"<geo:naam>{naam}</geo:naam>" if naam is not None else ""
    i = f"<basisgeo:id>{ident}</basisgeo:id>" if ident is not None else ""
    return (f"<geo:Locatie>{n}<geo:geometrie><basisgeo:Geometrie>{i}<basisgeo:geometrie>{geometrie}"
            "</basisgeo:geometrie></basisgeo:Geometrie></geo:geometrie></geo:Locatie>\n")


def _gio(tmp_path: Path, *locaties: str) -> Path:
    pad = tmp_path / "gio.gml"
    pad.write_text(GIO_KOP + "".join(locaties) + GIO_STAART, encoding="utf-8")
    return pad


POLYGON = f'<gml:Polygon srsName="urn:ogc:def:crs:EPSG::28992"><gml:exterior>{_ring(POS)}</gml:exterior></gml:Polygon>'


def test_gml_variants(tmp_path: Path) -> None:
    surface = ('<gml:Surface srsName="EPSG:28992" srsDimension="2"><gml:patches><gml:PolygonPatch>'
               f"<gml:exterior>{_ring(POS)}</gml:exterior><gml:interior>{_ring(GAT)}</gml:interior>"
               "</gml:PolygonPatch></gml:patches></gml:Surface>")
    drie_d = " ".join(f"{p} 0" if i % 2 else p for i, p in enumerate(POS.split()))
    multi = ('<gml:MultiSurface srsName="urn:ogc:def:crs:EPSG::28992" srsDimension="3"><gml:surfaceMember>'
             f"<gml:Polygon><gml:exterior>{_ring(drie_d)}</gml:exterior></gml:Polygon>"
             "</gml:surfaceMember></gml:MultiSurface>")
    gebieden = lees_gml(_gio(tmp_path, _locatie(POLYGON, "a"), _locatie(surface, None, "uuid-b"), _locatie(multi, "c")))
    assert list(gebieden) == ["a", "uuid-b", "c"]
    assert gebieden["a"].area == pytest.approx(10000)
    assert gebieden["uuid-b"].area == pytest.approx(10000 - 200)
    assert gebieden["c"].area == pytest.approx(10000)


def test_plain_gml_keyed_by_name_or_id(tmp_path: Path) -> None:
    pad = tmp_path / "plain.gml"
    pad.write_text(
        '<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2">'
        f'<gml:featureMember><gml:MultiSurface gml:id="M1" srsName="EPSG:28992"><gml:name>gemeente X</gml:name>'
        f"<gml:surfaceMember>{POLYGON}</gml:surfaceMember></gml:MultiSurface></gml:featureMember>"
        f'<gml:featureMember><gml:Polygon gml:id="P2"><gml:exterior>{_ring(POS)}</gml:exterior></gml:Polygon>'
        "</gml:featureMember></gml:FeatureCollection>",
        encoding="utf-8",
    )
    assert list(lees_gml(pad)) == ["gemeente X", "P2"]


def test_gml_does_not_expand_entities(tmp_path: Path) -> None:
    geheim = tmp_path / "geheim.txt"
    geheim.write_text("93000", encoding="utf-8")
    pad = tmp_path / "xxe.gml"
    pad.write_text(
        f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file://{geheim}">]>'
        + (GIO_KOP + _locatie(POLYGON.replace("93000 452000 93100", "&e; 452000 93100", 1)) + GIO_STAART).split("?>", 1)[1],
        encoding="utf-8",
    )
    with pytest.raises(GeoFout, match="LinearRing moet gesloten zijn"):  # the entity stays unexpanded
        lees_gml(pad)


@pytest.mark.parametrize(
    ("locaties", "fout"),
    [
        ((_locatie(POLYGON, "a"), _locatie(POLYGON, "a", "id-2")), "naam 'a': de naam komt dubbel voor"),
        ((_locatie(POLYGON, None, None),), "element basisgeo:Geometrie \\(regel \\d+\\): geen geo:naam en geen basisgeo:id"),
        ((_locatie("", "leeg"),), "naam 'leeg': basisgeo:geometrie moet precies één geometrie bevatten"),
        ((_locatie('<gml:Point srsName="EPSG:28992"><gml:pos>93000 452000</gml:pos></gml:Point>', "p"),),
         r"naam 'p': element gml:Point \(regel \d+\) wordt niet ondersteund"),
        ((_locatie(POLYGON.replace("EPSG::28992", "EPSG::4326"), "w"),), "naam 'w': srsName .* wordt niet ondersteund"),
        ((_locatie(POLYGON.replace("93100 452100", "93100 x"), "t"),), "naam 't' \\(regel \\d+\\): de coördinaten bevatten iets anders dan getallen"),
        ((_locatie(POLYGON.replace("93100 452100 ", "93100 "), "n"),), "past niet bij srsDimension 2"),
        ((_locatie(POLYGON.replace("93100 452100", "93100 inf"), "i"),), "niet-eindig getal"),
        ((_locatie(POLYGON.replace(" 93000 452000</", " 93000 452001</"), "o"),), "moet gesloten zijn"),
        ((_locatie("<gml:Polygon><gml:exterior/></gml:Polygon>", "r"),), "zonder gml:LinearRing"),
        ((_locatie("<gml:MultiSurface/>", "m"),), "gml:MultiSurface bevat geen vlakken"),
        ((_locatie(POLYGON.replace(POS, "93000 452000 93100 452100 93100 452000 93000 452100 93000 452000"), "z"),),
         "naam 'z': ongeldige geometrie: de rand snijdt zichzelf"),
        ((_locatie(POLYGON.replace(POS, "0 0 10 0 10 10 0 0"), "v"),), "naam 'v': coördinaten liggen ver buiten Nederland"),
    ],
)
def test_bad_gml(tmp_path: Path, locaties: tuple[str, ...], fout: str) -> None:
    pad = _gio(tmp_path, *locaties)
    with pytest.raises(GeoFout, match=fout) as e:
        lees_gml(pad)
    assert str(pad) in str(e.value)


def test_bad_gml_files(tmp_path: Path) -> None:
    kapot = tmp_path / "kapot.gml"
    kapot.write_text("<a><b></a>", encoding="utf-8")
    with pytest.raises(GeoFout, match=r"kapot\.gml:1: geen geldige XML"):
        lees_gml(kapot)
    leeg = tmp_path / "leeg.gml"
    leeg.write_text('<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml/3.2"/>', encoding="utf-8")
    with pytest.raises(GeoFout, match="geen gml:Polygon, gml:Surface of gml:MultiSurface gevonden"):
        lees_gml(leeg)
    naamloos = tmp_path / "naamloos.gml"
    naamloos.write_text(f'<r xmlns:gml="http://www.opengis.net/gml/3.2">{POLYGON}</r>', encoding="utf-8")
    with pytest.raises(GeoFout, match=r"element gml:Polygon \(regel 1\): geen gml:name en geen gml:id"):
        lees_gml(naamloos)
    with pytest.raises(GeoFout, match="kan het bestand niet lezen"):
        lees_gml(tmp_path / "bestaat-niet.gml")


def test_geometrie_uit_gml_reads_one_parsed_element() -> None:
    from lxml import etree

    from regels.geo import geometrie_uit_gml

    gml = 'xmlns:gml="http://www.opengis.net/gml/3.2"'
    vlak = etree.fromstring(POLYGON.replace("<gml:Polygon ", f"<gml:Polygon {gml} ", 1))
    assert geometrie_uit_gml(vlak, "hier").area == pytest.approx(10000)
    assert geometrie_uit_gml(etree.fromstring(f"<gml:MultiSurface {gml}/>"), "hier") is None  # no surface at all
    vlinder = etree.fromstring(POLYGON.replace("<gml:Polygon ", f"<gml:Polygon {gml} ", 1)
                               .replace(POS, "93000 452000 93100 452100 93100 452000 93000 452100 93000 452000"))
    with pytest.raises(GeoFout, match="^hier: ongeldige geometrie"):
        geometrie_uit_gml(vlinder, "hier")
    assert not geometrie_uit_gml(vlinder, "hier", controleer=False).is_valid  # the caller repairs it
    wgs84 = etree.fromstring(POLYGON.replace("<gml:Polygon ", f"<gml:Polygon {gml} ", 1).replace("EPSG::28992", "EPSG::4326"))
    with pytest.raises(GeoFout, match="^hier: srsName .* wordt niet ondersteund"):
        geometrie_uit_gml(wgs84, "hier", controleer=False)

"""CRS conversion and GeoJSON locations from proposals."""

from __future__ import annotations

from typing import Any

import pytest
from shapely.geometry import Point, box

from regels.errors import LocatieFout
from regels.geo import crs_code, locatie_uit_geojson, naar_rd


@pytest.mark.parametrize("naam", ["EPSG:28992", "urn:ogc:def:crs:EPSG::28992", "epsg:28992"])
def test_rd_names(naam: str) -> None:
    assert crs_code(naam) == "EPSG:28992"
    p = Point(93717, 452755)
    assert naar_rd(p, naam) is p


@pytest.mark.parametrize("naam", ["EPSG:4326", "WGS84", "CRS84", "urn:ogc:def:crs:OGC:1.3:CRS84"])
def test_wgs84_names(naam: str) -> None:
    assert crs_code(naam) == "EPSG:4326"


def test_amersfoort_reference_point() -> None:
    # The RD origin area: Onze Lieve Vrouwetoren, Amersfoort is about (155000, 463000).
    p = naar_rd(Point(5.387206, 52.155174), "WGS84")
    assert p.x == pytest.approx(155000, abs=1.0) and p.y == pytest.approx(463000, abs=1.0)


def test_station_zoetermeer_area_from_wgs84() -> None:
    p = locatie_uit_geojson({"type": "Point", "coordinates": [4.49, 52.06]}, "EPSG:4326")
    assert p.x == pytest.approx(93471, abs=2) and p.y == pytest.approx(452791, abs=2)


def test_polygon_from_wgs84_keeps_shape() -> None:
    vlak = {"type": "Polygon", "coordinates": [[[4.49, 52.06], [4.491, 52.06], [4.491, 52.061], [4.49, 52.061], [4.49, 52.06]]]}
    g = locatie_uit_geojson(vlak, "CRS84")
    assert g.geom_type == "Polygon" and g.is_valid
    assert 7000 < g.area < 8000  # about 68.6 m x 111.2 m


def test_rd_multipolygon_passes_through() -> None:
    mp = {"type": "MultiPolygon", "coordinates": [[[[93000, 452000], [93100, 452000], [93100, 452100], [93000, 452000]]]]}
    assert locatie_uit_geojson(mp, "EPSG:28992").area == pytest.approx(5000)


def test_unknown_crs() -> None:
    with pytest.raises(LocatieFout, match=r"onbekend coördinatenstelsel 'EPSG:3857', gebruik EPSG:28992 \(RD\) of EPSG:4326 \(WGS84\)"):
        naar_rd(Point(1, 1), "EPSG:3857")
    with pytest.raises(LocatieFout, match="onbekend coördinatenstelsel"):
        locatie_uit_geojson({"type": "Point", "coordinates": [1, 1]}, "Amersfoort")


def test_rd_coordinates_given_as_wgs84() -> None:
    with pytest.raises(LocatieFout, match="buiten het bereik van WGS84.*EPSG:28992"):
        naar_rd(box(93000, 452000, 93100, 452100), "WGS84")


RING = [[93000, 452000], [93100, 452000], [93100, 452100], [93000, 452000]]


@pytest.mark.parametrize(
    ("obj", "fout"),
    [
        ([1, 2], "moet een JSON-object zijn"),
        ({"type": "LineString", "coordinates": [[0, 0], [1, 1]]}, "geometrietype 'LineString' wordt niet ondersteund"),
        ({"type": "Feature", "geometry": {}}, "een Feature is geen geometrie"),
        ({"coordinates": [1, 2]}, "geometrietype None wordt niet ondersteund"),
        ({"type": "Point"}, "mist 'coordinates'"),
        ({"type": "Point", "coordinates": [93000]}, "lijst van 2 \\(of 3\\) getallen"),
        ({"type": "Point", "coordinates": ["93000", 452000]}, "'93000' is geen eindig getal"),
        ({"type": "Point", "coordinates": [True, 452000]}, "True is geen eindig getal"),
        ({"type": "Point", "coordinates": [float("nan"), 452000]}, "nan is geen eindig getal"),
        ({"type": "Polygon", "coordinates": []}, "niet-lege lijst van ringen"),
        ({"type": "Polygon", "coordinates": [RING[:3]]}, "minstens 4 posities"),
        ({"type": "Polygon", "coordinates": [RING[:3] + [[93000, 452001]]]}, "niet gesloten"),
        ({"type": "Polygon", "coordinates": [[[0, 0], [10, 10], [10, 0], [0, 10], [0, 0]]]}, "de rand snijdt zichzelf"),
        ({"type": "Polygon", "coordinates": [[[1, 1], [1, 1], [1, 1], [1, 1]]]}, "ongeldige geometrie"),
        ({"type": "MultiPolygon", "coordinates": []}, "niet-lege lijst van polygonen"),
        ({"type": "MultiPolygon", "coordinates": [[RING], 5]}, "MultiPolygon, polygon 1"),
        ({"type": "Point", "coordinates": [500000, 452000]}, "buiten Nederland"),
        ({"type": "Point", "coordinates": [452000, 93000]}, "buiten Nederland.*volgorde x/y"),
    ],
)
def test_malformed_locations(obj: Any, fout: str) -> None:
    with pytest.raises(LocatieFout, match=fout):
        locatie_uit_geojson(obj, "EPSG:28992")

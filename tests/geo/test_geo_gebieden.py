"""The derived werkingsgebieden in rules/zoetermeer/gebieden and the script that makes them."""

from __future__ import annotations

import json
import subprocess
import sys
from itertools import combinations
from pathlib import Path

import pytest
import shapely

from regels.geo import lees_geojson, overlappen

REPO = Path(__file__).resolve().parents[2]
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GEBIEDEN = REPO / "rules" / "zoetermeer" / "gebieden"
BESTANDEN = ("gemeente.geojson", "wijken.geojson", "buurten.geojson", "functies.geojson")
ZONES = ["centrum", "Entreegebied", "bedrijventerrein", "Westerpark", "polderlint Zuidweg", "woongebied"]
# The CBS layers are generalised: wijken and buurten stick out of the gemeente by up to ~460 m.
CBS_TOLERANTIE_M = 500.0


def _lees(naam: str) -> dict[str, shapely.Geometry]:
    return lees_geojson(GEBIEDEN / naam)


@pytest.fixture(scope="module")
def gemeente() -> shapely.Geometry:
    return _lees("gemeente.geojson")["gemeente Zoetermeer"]


@pytest.mark.parametrize("naam", BESTANDEN)
def test_file_exists_with_rd_crs_and_properties(naam: str) -> None:
    data = json.loads((GEBIEDEN / naam).read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    assert data["crs"] == {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}
    for f in data["features"]:
        assert f["properties"]["naam"] and f["properties"]["bron"]
        for x, y in shapely.get_coordinates(shapely.geometry.shape(f["geometry"])):
            assert round(x, 2) == x and round(y, 2) == y


@pytest.mark.parametrize("naam", BESTANDEN)
def test_geometries_are_valid_polygons(naam: str) -> None:
    gebieden = _lees(naam)  # lees_geojson itself rejects invalid or empty geometry
    assert gebieden
    for g in gebieden.values():
        assert g.is_valid and not g.is_empty and g.geom_type in ("Polygon", "MultiPolygon")


def test_wijken_and_buurten_are_the_cbs_2023_layout() -> None:
    wijken = json.loads((GEBIEDEN / "wijken.geojson").read_text(encoding="utf-8"))["features"]
    codes = {f["properties"]["naam"]: f["properties"]["code"] for f in wijken}
    assert len(codes) == 9
    assert codes["Meerzicht"] == "WK063701" and codes["Buitengebied"] == "WK063709"
    assert {"Centrum", "Buytenwegh de Leyens", "Seghwaert", "Industriegebied"} <= set(codes)
    assert all(f["properties"]["bron"].startswith("CBS Wijk- en buurtkaart 2023") for f in wijken)
    buurten = _lees("buurten.geojson")
    assert len(buurten) == 26
    assert {"Buytenwegh", "Driemanspolder", "Palenstein", "Stadscentrum", "Westerpark c.a."} <= set(buurten)


def test_functies_names_and_order() -> None:
    assert list(_lees("functies.geojson")) == ZONES


def test_functies_do_not_overlap() -> None:
    zones = _lees("functies.geojson")
    for (a, ga), (b, gb) in combinations(zones.items(), 2):
        assert not overlappen(ga, gb), f"{a} overlapt {b}"
        assert ga.intersection(gb).area == 0.0, f"{a} overlapt {b}"


def test_functies_lie_inside_the_gemeente(gemeente: shapely.Geometry) -> None:
    for naam, g in _lees("functies.geojson").items():
        assert g.within(gemeente), naam


def test_woongebied_is_residential_wijken_minus_other_zones(gemeente: shapely.Geometry) -> None:
    zones = _lees("functies.geojson")
    wijken = _lees("wijken.geojson")
    woon = shapely.union_all([wijken[n] for n in ("Centrum", "Meerzicht", "Buytenwegh de Leyens", "Seghwaert",
                                                  "Noordhove", "Rokkeveen", "Oosterheem")])
    verwacht = woon.intersection(gemeente).difference(shapely.union_all([g for n, g in zones.items() if n != "woongebied"]))
    assert zones["woongebied"].symmetric_difference(verwacht).area < 50.0  # grid snapping only
    assert zones["bedrijventerrein"].difference(wijken["Industriegebied"]).area < 1.0
    assert zones["Westerpark"].difference(_lees("buurten.geojson")["Westerpark c.a."]).area < 1.0


@pytest.mark.parametrize("laag", ["wijken.geojson", "buurten.geojson"])
def test_cbs_layers_lie_inside_the_gemeente_within_tolerance(laag: str, gemeente: shapely.Geometry) -> None:
    ruim = gemeente.buffer(CBS_TOLERANTIE_M)
    gebieden = _lees(laag)
    for naam, g in gebieden.items():
        assert g.within(ruim), naam
    alles = shapely.union_all(list(gebieden.values()))
    assert alles.intersection(gemeente).area / alles.area > 0.95


@pytest.mark.skipif(not (SHARED / "zoetermeer-data" / "geo").is_dir(), reason="CBS source data not available")
def test_script_is_deterministic(tmp_path: Path) -> None:
    for run in ("a", "b"):
        subprocess.run(
            [sys.executable, str(REPO / "scripts" / "derive_gebieden.py"), "--uit", str(tmp_path / run)],
            check=True, cwd=REPO, capture_output=True,
        )
    for naam in BESTANDEN:
        nieuw = (tmp_path / "a" / naam).read_bytes()
        assert nieuw == (tmp_path / "b" / naam).read_bytes(), naam
        assert nieuw == (GEBIEDEN / naam).read_bytes(), f"{naam} verschilt van de vastgelegde versie"

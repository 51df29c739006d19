"""GebiedenIndex lookups against the Zoetermeer gebieden, and overlappen / gat."""

from __future__ import annotations

from pathlib import Path

import pytest
from shapely.geometry import LineString, MultiPoint, Point, Polygon, box

from regels.errors import GeoFout, LocatieFout
from regels.geo import GebiedenIndex, gat, lees_geojson, overlappen

GEBIEDEN = Path(__file__).resolve().parents[2] / "rules" / "zoetermeer" / "gebieden"


@pytest.fixture(scope="module")
def wijken() -> GebiedenIndex:
    return GebiedenIndex(lees_geojson(GEBIEDEN / "wijken.geojson"))


@pytest.fixture(scope="module")
def buurten() -> GebiedenIndex:
    return GebiedenIndex(lees_geojson(GEBIEDEN / "buurten.geojson"))


@pytest.fixture(scope="module")
def functies() -> GebiedenIndex:
    return GebiedenIndex(lees_geojson(GEBIEDEN / "functies.geojson"))


@pytest.mark.parametrize(
    ("xy", "wijk", "buurt", "zone"),
    [
        ((93717, 452755), "Centrum", "Stadscentrum", "centrum"),  # Stadhuisplein
        ((91900, 452400), "Meerzicht", "Meerzicht-West", "woongebied"),
        ((95000, 453600), "Seghwaert", "Seghwaert-Zuid-West", "woongebied"),
        ((89500, 452300), "Buitengebied", "Westerpark c.a.", "Westerpark"),
        ((93200, 451300), "Rokkeveen", "Rokkeveen-West", "Entreegebied"),
        ((94800, 450500), "Industriegebied", "Lansinghage c.a.", "bedrijventerrein"),
        ((93000, 454495), "Buitengebied", "Meerpolder", "polderlint Zuidweg"),
    ],
)
def test_known_points(xy, wijk, buurt, zone, wijken, buurten, functies) -> None:
    p = Point(xy)
    assert wijken.raakt(p) == {wijk}
    assert buurten.raakt(p) == {buurt}
    assert functies.raakt(p) == {zone}
    assert functies.bedekking(p, zone) == 1.0


def test_point_outside_everything(wijken: GebiedenIndex) -> None:
    assert wijken.raakt(Point(150000, 450000)) == frozenset()


def test_point_on_shared_border_is_in_both(wijken: GebiedenIndex) -> None:
    # Centrum and Industriegebied share the edge (93548 451350)-(94435 451443); its midpoint is exact.
    midden = Point((93548 + 94435) / 2, (451350 + 451443) / 2)
    assert wijken.raakt(midden) == {"Centrum", "Industriegebied"}
    assert wijken.bedekking(midden, "Centrum") == 1.0
    assert wijken.bedekking(midden, "Industriegebied") == 1.0
    # the shared corner of three wijken
    assert wijken.raakt(Point(93548, 451350)) == {"Centrum", "Industriegebied", "Rokkeveen"}


def test_polygon_location_and_bedekking() -> None:
    index = GebiedenIndex({"links": box(0, 0, 10, 10), "rechts": box(10, 0, 20, 10), "ver": box(100, 100, 110, 110)})
    kavel = box(6, 2, 12, 4)  # 4/6 in links, 2/6 in rechts
    assert index.raakt(kavel) == {"links", "rechts"}
    assert index.bedekking(kavel, "links") == pytest.approx(4 / 6)
    assert index.bedekking(kavel, "rechts") == pytest.approx(2 / 6)
    assert index.bedekking(kavel, "ver") == 0.0
    # a polygon that only touches the border raakt (boundary included) but has no coverage
    aanliggend = box(10, 2, 12, 4)
    assert index.raakt(aanliggend) == {"links", "rechts"}
    assert index.bedekking(aanliggend, "links") == 0.0
    assert index.bedekking(LineString([(5, 5), (15, 5)]), "links") == pytest.approx(0.5)
    assert index.bedekking(MultiPoint([(5, 5), (15, 5), (16, 5), (50, 50)]), "rechts") == pytest.approx(0.5)
    assert index.namen == ("links", "rechts", "ver")
    assert len(index) == 3 and "links" in index and "elders" not in index
    assert index.geometrie("ver").equals(box(100, 100, 110, 110))


def test_empty_index() -> None:
    assert GebiedenIndex({}).raakt(Point(1, 1)) == frozenset()


def test_unknown_area_name(functies: GebiedenIndex) -> None:
    with pytest.raises(GeoFout, match="onbekend gebied 'nergens'"):
        functies.bedekking(Point(93717, 452755), "nergens")
    with pytest.raises(GeoFout, match="onbekend gebied"):
        functies.geometrie("nergens")


def test_bad_locations(functies: GebiedenIndex) -> None:
    with pytest.raises(LocatieFout, match="leeg"):
        functies.raakt(Polygon())
    zandloper = Polygon([(0, 0), (10, 10), (10, 0), (0, 10), (0, 0)])
    with pytest.raises(LocatieFout, match="snijdt zichzelf"):
        functies.raakt(zandloper)
    with pytest.raises(LocatieFout, match="geen geometrie"):
        functies.raakt((93717, 452755))  # type: ignore[arg-type]


def test_bad_area_geometry() -> None:
    with pytest.raises(GeoFout, match="gebied 'x'.*leeg"):
        GebiedenIndex({"x": Polygon()})


def test_overlappen() -> None:
    a = box(0, 0, 10, 10)
    assert overlappen(a, box(5, 5, 15, 15))
    assert not overlappen(a, box(10, 0, 20, 10))  # shared edge
    assert not overlappen(a, box(10, 10, 20, 20))  # shared corner
    assert not overlappen(a, box(30, 30, 40, 40))
    assert not overlappen(a, box(9.99, 0, 20, 10), min_oppervlakte=1.0)  # a 0.1 m² sliver
    assert overlappen(a, box(9.99, 0, 20, 10))


def test_gat() -> None:
    gebied = box(0, 0, 10, 10)
    assert gat(gebied, [box(0, 0, 5, 10), box(5, 0, 10, 10)]) == 0.0
    assert gat(gebied, [box(0, 0, 5, 10)]) == pytest.approx(50.0)
    assert gat(gebied, []) == pytest.approx(100.0)


def test_functies_cover_the_woonwijken_without_gaps(functies: GebiedenIndex, wijken: GebiedenIndex) -> None:
    gemeente = lees_geojson(GEBIEDEN / "gemeente.geojson")["gemeente Zoetermeer"]
    seghwaert = wijken.geometrie("Seghwaert").intersection(gemeente)
    assert gat(seghwaert, [functies.geometrie(n) for n in functies.namen]) == pytest.approx(0.0, abs=1.0)

"""Derive the Zoetermeer werkingsgebieden (rules/zoetermeer/gebieden/*.geojson) from CBS boundaries.

Run from the repository root:

    .venv/bin/python scripts/derive_gebieden.py [--bron DIR] [--uit DIR]

Reads the CBS Wijk- en buurtkaart 2023 layers (generalised, via cartomap/nl) that lie in
../shared/zoetermeer-data/geo and writes gemeente, wijken, buurten and the plan's own functional
zones (functies). All output is RD New (EPSG:28992), rounded to 0.01 m, and byte-identical on
every run.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import LineString, MultiPolygon, Polygon, mapping, shape
from shapely.geometry.base import BaseGeometry

ROOT = Path(__file__).resolve().parents[1]
BRON = ROOT.parent / "shared" / "zoetermeer-data" / "geo"
UIT = ROOT / "rules" / "zoetermeer" / "gebieden"

GRID = 0.01  # metres; every coordinate is snapped to this grid
CRS = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}
CBS_BRON = "CBS Wijk- en buurtkaart 2023 (gegeneraliseerd), via cartomap/nl"
GETEKEND = "getekend voor dit illustratieve plan"
GEMEENTE_BRON = f"{CBS_BRON}; knopen toegevoegd waar zonegrenzen de gemeentegrens raken (verschuiving < 1 cm)"

RESIDENTIELE_WIJKEN = (
    "Centrum",
    "Meerzicht",
    "Buytenwegh de Leyens",
    "Seghwaert",
    "Noordhove",
    "Rokkeveen",
    "Oosterheem",
)
BEDRIJFSBUURTEN = ("Rokkehage c.a.", "Lansinghage c.a.", "Zoeterhage c.a.", "Hoornerhage c.a.")

# The coordinates below (RD New, metres) are DRAWN for this illustrative plan. They are not taken
# from an adopted omgevingsplan or bestemmingsplan and only roughly follow the real situation.

# Stadshart: buurt Stadscentrum (CBS 2023) widened a little towards Palenstein and Dorp.
CENTRUM = [
    (92880.0, 452900.0),
    (93550.0, 452520.0),
    (93960.0, 452560.0),
    (94180.0, 452720.0),
    (94260.0, 453250.0),
    (94120.0, 453350.0),
    (93500.0, 453190.0),
    (92910.0, 453010.0),
    (92880.0, 452900.0),
]

# Entreegebied: between the Stadshart and the A12 (the A12 runs along the CBS border between wijk
# Centrum and Rokkeveen, about y = 451350..451480), south-west of the centre, next to Driemanspolder,
# around station Zoetermeer; it straddles the motorway.
ENTREEGEBIED = [
    (92550.0, 451000.0),
    (93250.0, 450950.0),
    (93800.0, 451100.0),
    (93800.0, 451700.0),
    (93300.0, 451800.0),
    (92600.0, 451650.0),
    (92550.0, 451000.0),
]

# Polderlint Zuidweg: an old ribbon along the south side of the Meerpolder (wijk Buitengebied),
# just north of Buytenwegh de Leyens; buffered LINT_BREEDTE m on each side.
ZUIDWEG = [(92150.0, 454200.0), (92700.0, 454390.0), (93300.0, 454600.0), (93900.0, 454790.0), (94500.0, 455000.0)]
LINT_BREEDTE = 50.0


def lees_laag(pad: Path) -> list[tuple[dict[str, Any], BaseGeometry]]:
    """The features of a CBS layer as (properties, geometry snapped to the grid), sorted by statcode."""
    data = json.loads(pad.read_text(encoding="utf-8"))
    naam = data.get("crs", {}).get("properties", {}).get("name")
    if naam != CRS["properties"]["name"]:
        raise SystemExit(f"{pad}: verwacht EPSG:28992, gevonden {naam!r}")
    uit = [(f["properties"], _grid(shape(f["geometry"]))) for f in data["features"]]
    return sorted(uit, key=lambda pg: pg[0]["statcode"])


def _grid(g: BaseGeometry) -> BaseGeometry:
    return shapely.set_precision(g, GRID)


def _vlakken(g: BaseGeometry) -> BaseGeometry:
    """Keep only the polygonal parts of an overlay result, as Polygon or MultiPolygon."""
    delen = [p for p in shapely.get_parts(g) if p.geom_type == "Polygon" and not p.is_empty]
    if not delen:
        raise SystemExit("lege zone na bewerking")
    return delen[0] if len(delen) == 1 else MultiPolygon(sorted(delen, key=lambda p: p.bounds))


def functies(
    gemeente: BaseGeometry, wijken: dict[str, BaseGeometry], buurten: dict[str, BaseGeometry]
) -> tuple[BaseGeometry, list[tuple[str, str, BaseGeometry]]]:
    """The functional zones, clipped to the gemeente, each minus the zones listed before it;
    also the gemeente noded with the zone borders (see _verdeel)."""
    bedrijf = shapely.intersection(
        shapely.union_all([buurten[n] for n in BEDRIJFSBUURTEN], grid_size=GRID),
        wijken["Industriegebied"],
        grid_size=GRID,
    )
    lint = LineString(ZUIDWEG).buffer(LINT_BREEDTE, quad_segs=4)
    woon = shapely.union_all([wijken[n] for n in RESIDENTIELE_WIJKEN], grid_size=GRID)
    ruw = [
        ("centrum", GETEKEND, Polygon(CENTRUM)),
        ("Entreegebied", GETEKEND, Polygon(ENTREEGEBIED)),
        (
            "bedrijventerrein",
            "afgeleid: CBS-buurten Rokkehage c.a., Lansinghage c.a., Zoeterhage c.a. en Hoornerhage c.a. "
            "binnen wijk Industriegebied (2023), zonder centrum en Entreegebied",
            bedrijf,
        ),
        ("Westerpark", "afgeleid: CBS-buurt Westerpark c.a. (2023), zonder de zones hierboven", buurten["Westerpark c.a."]),
        ("polderlint Zuidweg", f"{GETEKEND}: lijn met een buffer van {LINT_BREEDTE:g} m aan weerszijden", lint),
        (
            "woongebied",
            "afgeleid: CBS-wijken " + ", ".join(RESIDENTIELE_WIJKEN) + " (2023), zonder alle andere zones",
            woon,
        ),
    ]
    return _verdeel(gemeente, [(n, b, _grid(g)) for n, b, g in ruw])


def _verdeel(
    gemeente: BaseGeometry, ruw: list[tuple[str, str, BaseGeometry]]
) -> tuple[BaseGeometry, list[tuple[str, str, BaseGeometry]]]:
    """Partition the gemeente: node all boundaries once on the grid, then give each face to the
    first zone that contains it. Zones built from faces of one arrangement share their edges
    exactly, so they cannot overlap, and all lie inside the (noded) gemeente that is returned."""
    lijnen = shapely.union_all([gemeente.boundary] + [g.boundary for _, _, g in ruw], grid_size=GRID)
    vlakken = [f for f in shapely.get_parts(shapely.polygonize(shapely.get_parts(lijnen))) if f.area > 0]
    binnen = [f for f in vlakken if gemeente.contains(f.point_on_surface())]
    per_zone: list[list[BaseGeometry]] = [[] for _ in ruw]
    for f in binnen:
        p = f.point_on_surface()
        for i, (_, _, g) in enumerate(ruw):
            if g.contains(p):
                per_zone[i].append(f)
                break
    zones = [(n, b, _vlakken(shapely.union_all(per_zone[i]))) for i, (n, b, _) in enumerate(ruw)]
    return _vlakken(shapely.union_all(binnen)), zones


def _coords(g: BaseGeometry) -> dict[str, Any]:
    g = shapely.orient_polygons(shapely.normalize(g), exterior_cw=False)  # RFC 7946: outer ring CCW
    m = mapping(g)

    def rond(c: Any) -> Any:
        if isinstance(c[0], (int, float)):
            return [round(float(v), 2) for v in c[:2]]
        return [rond(x) for x in c]

    return {"type": m["type"], "coordinates": rond(m["coordinates"])}


def schrijf(pad: Path, naam: str, features: list[tuple[dict[str, Any], BaseGeometry]]) -> None:
    """Write a FeatureCollection deterministically: sorted keys, one feature per line."""
    for props, g in features:
        if not g.is_valid or g.is_empty:
            raise SystemExit(f"{pad}: ongeldige geometrie voor {props['naam']}: {shapely.is_valid_reason(g)}")
    kop = {"type": "FeatureCollection", "name": naam, "crs": CRS}
    regels = [
        json.dumps({"type": "Feature", "properties": props, "geometry": _coords(g)}, sort_keys=True, ensure_ascii=False)
        for props, g in features
    ]
    tekst = json.dumps(kop, sort_keys=True, ensure_ascii=False)[:-1] + ', "features": [\n'
    tekst += ",\n".join(regels) + "\n]}\n"
    pad.write_text(tekst, encoding="utf-8", newline="\n")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bron", type=Path, default=BRON, help="folder with the CBS *_2023_rd.geojson files")
    ap.add_argument("--uit", type=Path, default=UIT, help="output folder (default rules/zoetermeer/gebieden)")
    args = ap.parse_args(argv)
    args.uit.mkdir(parents=True, exist_ok=True)

    (gem_props, gemeente), = lees_laag(args.bron / "zoetermeer_gemeente_2023_rd.geojson")
    wijken = lees_laag(args.bron / "zoetermeer_wijken_2023_rd.geojson")
    buurten = lees_laag(args.bron / "zoetermeer_buurten_2023_rd.geojson")

    def cbs(lijst: list[tuple[dict[str, Any], BaseGeometry]]) -> list[tuple[dict[str, Any], BaseGeometry]]:
        return [({"naam": p["statnaam"], "code": p["statcode"], "bron": CBS_BRON}, g) for p, g in lijst]

    gemeente, zones = functies(
        gemeente, {p["statnaam"]: g for p, g in wijken}, {p["statnaam"]: g for p, g in buurten}
    )
    schrijf(
        args.uit / "gemeente.geojson",
        "gemeente",
        [({"naam": "gemeente Zoetermeer", "code": gem_props["statcode"], "bron": GEMEENTE_BRON}, gemeente)],
    )
    schrijf(args.uit / "wijken.geojson", "wijken", cbs(wijken))
    schrijf(args.uit / "buurten.geojson", "buurten", cbs(buurten))
    schrijf(args.uit / "functies.geojson", "functies", [({"naam": n, "bron": b}, g) for n, b, g in zones])
    print(f"geschreven naar {args.uit}: gemeente, wijken ({len(wijken)}), buurten ({len(buurten)}), functies ({len(zones)})")


if __name__ == "__main__":
    main()

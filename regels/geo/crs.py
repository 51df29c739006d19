"""Coordinate systems: everything is converted to RD New (EPSG:28992) on the way in."""

from __future__ import annotations

import math
from functools import cache
from typing import Any

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import MultiPolygon, Point, Polygon
from shapely.geometry.base import BaseGeometry

from regels.errors import LocatieFout

RD = "EPSG:28992"
WGS84 = "EPSG:4326"

# Rough extent of the Netherlands in RD; anything outside is a mistake (wrong CRS, swapped axes).
RD_BBOX = (0.0, 289000.0, 300000.0, 629000.0)

_CRS_NAMEN: dict[str, str] = {
    "epsg:28992": RD,
    "urn:ogc:def:crs:epsg::28992": RD,
    "http://www.opengis.net/def/crs/epsg/0/28992": RD,
    "rd": RD,
    "epsg:4326": WGS84,
    "urn:ogc:def:crs:epsg::4326": WGS84,
    "http://www.opengis.net/def/crs/epsg/0/4326": WGS84,
    "wgs84": WGS84,
    "crs84": WGS84,
    "urn:ogc:def:crs:ogc:1.3:crs84": WGS84,
    "urn:ogc:def:crs:ogc::crs84": WGS84,
    "http://www.opengis.net/def/crs/ogc/1.3/crs84": WGS84,
}


def crs_code(crs: str) -> str:
    """Normalise a CRS name to "EPSG:28992" or "EPSG:4326" (WGS84 always lon/lat); else LocatieFout."""
    code = _CRS_NAMEN.get(crs.strip().lower()) if isinstance(crs, str) else None
    if code is None:
        raise LocatieFout(
            f"onbekend coördinatenstelsel {crs!r}, gebruik EPSG:28992 (RD) of EPSG:4326 (WGS84)"
        )
    return code


@cache
def _wgs84_naar_rd() -> Transformer:
    return Transformer.from_crs(WGS84, RD, always_xy=True)


def _transformeer(coords: np.ndarray) -> np.ndarray:
    x, y = _wgs84_naar_rd().transform(coords[:, 0], coords[:, 1])
    return np.column_stack([x, y])


def naar_rd(geom: BaseGeometry, crs: str) -> BaseGeometry:
    """Return ``geom`` in RD; ``crs`` is RD or WGS84 (lon/lat order, as in GeoJSON)."""
    if crs_code(crs) == RD:
        return geom
    xy = shapely.get_coordinates(geom)
    if len(xy) and not (
        np.all(np.abs(xy[:, 0]) <= 180.0) and np.all(np.abs(xy[:, 1]) <= 90.0)
    ):
        raise LocatieFout(
            "coördinaten vallen buiten het bereik van WGS84 (lengtegraad -180..180, breedtegraad "
            "-90..90); zijn het RD-coördinaten? Geef dan EPSG:28992 op"
        )
    rd = shapely.transform(geom, _transformeer)
    if not np.all(np.isfinite(shapely.get_coordinates(rd))):
        raise LocatieFout("coördinaten kunnen niet naar RD (EPSG:28992) worden omgerekend")
    return rd


def buiten_nederland(geom: BaseGeometry) -> bool:
    """True when the RD bounding box of ``geom`` is not inside the rough extent of the Netherlands."""
    x0, y0, x1, y1 = geom.bounds
    return not (RD_BBOX[0] <= x0 and x1 <= RD_BBOX[2] and RD_BBOX[1] <= y0 and y1 <= RD_BBOX[3])


# --- GeoJSON geometry objects -------------------------------------------------------------------


def _positie(p: Any, waar: str) -> tuple[float, float]:
    if not isinstance(p, (list, tuple)) or len(p) not in (2, 3):
        raise ValueError(f"{waar}: een positie moet een lijst van 2 (of 3) getallen zijn, niet {_kort(p)}")
    for v in p:
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
            raise ValueError(f"{waar}: coördinaat {_kort(v)} is geen eindig getal")
    return float(p[0]), float(p[1])


def _ring(r: Any, waar: str) -> list[tuple[float, float]]:
    if not isinstance(r, (list, tuple)):
        raise ValueError(f"{waar}: een ring moet een lijst van posities zijn, niet {_kort(r)}")
    punten = [_positie(p, f"{waar}, positie {i}") for i, p in enumerate(r)]
    if len(punten) < 4:
        raise ValueError(f"{waar}: een ring heeft minstens 4 posities nodig, er zijn er {len(punten)}")
    if punten[0] != punten[-1]:
        raise ValueError(f"{waar}: de ring is niet gesloten (eerste en laatste positie verschillen)")
    return punten


def _vlak(c: Any, waar: str) -> Polygon:
    if not isinstance(c, (list, tuple)) or not c:
        raise ValueError(f"{waar}: een Polygon heeft een niet-lege lijst van ringen nodig")
    ringen = [_ring(r, f"{waar}, ring {i}") for i, r in enumerate(c)]
    return Polygon(ringen[0], ringen[1:])


GEOJSON_TYPEN = ("Point", "Polygon", "MultiPolygon")


def geometrie_uit_geojson(obj: Any, typen: tuple[str, ...] = GEOJSON_TYPEN) -> BaseGeometry:
    """Build a shapely geometry from a GeoJSON geometry dict; ValueError (Dutch) says what is wrong."""
    if not isinstance(obj, dict):
        raise ValueError(f"een geometrie moet een JSON-object zijn, niet {_kort(obj)}")
    soort = obj.get("type")
    if soort not in typen:
        if soort in ("Feature", "FeatureCollection"):
            raise ValueError(f"een {soort} is geen geometrie; geef het object onder 'geometry' mee")
        raise ValueError(
            f"geometrietype {_kort(soort)} wordt niet ondersteund; toegestaan: {', '.join(typen)}"
        )
    if "coordinates" not in obj:
        raise ValueError(f"het {soort}-object mist 'coordinates'")
    c = obj["coordinates"]
    if soort == "Point":
        return Point(_positie(c, "Point"))
    if soort == "Polygon":
        return _vlak(c, "Polygon")
    if not isinstance(c, (list, tuple)) or not c:
        raise ValueError("een MultiPolygon heeft een niet-lege lijst van polygonen nodig")
    return MultiPolygon([_vlak(p, f"MultiPolygon, polygon {i}") for i, p in enumerate(c)])


_REDENEN = {
    "Self-intersection": "de rand snijdt zichzelf",
    "Ring Self-intersection": "een ring raakt of snijdt zichzelf",
    "Too few points": "te weinig punten",
    "Hole lies outside shell": "een gat ligt buiten de buitenrand",
    "Holes are nested": "gaten liggen in elkaar",
    "Interior is disconnected": "het binnengebied valt uiteen",
    "Nested shells": "polygonen liggen in elkaar",
    "Duplicate Rings": "dubbele ringen",
    "Invalid Coordinate": "ongeldige coördinaat",
}


def ongeldig_reden(geom: BaseGeometry) -> str | None:
    """Dutch reason why ``geom`` is empty or invalid, or None when it is usable."""
    if geom.is_empty:
        return "de geometrie is leeg"
    if geom.is_valid:
        return None
    reden = shapely.is_valid_reason(geom)
    soort, _, plek = reden.partition("[")
    tekst = _REDENEN.get(soort.strip(), soort.strip())
    return f"ongeldige geometrie: {tekst}" + (f" bij [{plek}" if plek else "")


def locatie_uit_geojson(obj: dict[str, Any], crs: str) -> BaseGeometry:
    """A proposal's location (GeoJSON Point/Polygon/MultiPolygon in ``crs``) as a valid RD geometry."""
    code = crs_code(crs)
    try:
        geom = geometrie_uit_geojson(obj)
    except ValueError as e:
        raise LocatieFout(f"ongeldige locatie: {e}") from None
    rd = naar_rd(geom, code)
    reden = ongeldig_reden(rd)
    if reden:
        raise LocatieFout(f"ongeldige locatie: {reden}")
    if buiten_nederland(rd):
        raise LocatieFout(
            f"de locatie ligt buiten Nederland (RD-grenzen {tuple(round(v) for v in rd.bounds)}); "
            "klopt het coördinatenstelsel en de volgorde x/y?"
        )
    return rd


def _kort(v: Any) -> str:
    t = repr(v)
    return t if len(t) <= 40 else t[:37] + "..."

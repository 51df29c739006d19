"""Spatial index over the werkingsgebieden: which areas does a location touch, and how much."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from regels.errors import GeoFout, LocatieFout
from regels.geo.crs import ongeldig_reden


class GebiedenIndex:
    """An STRtree over named, prepared areas (RD).

    Boundary rule: op de grens telt als binnen, voor beide gebieden. A location on the shared
    border of two areas lies in both (``intersects``, boundary included).
    """

    def __init__(self, gebieden: Mapping[str, BaseGeometry]) -> None:
        for naam, geom in gebieden.items():
            reden = ongeldig_reden(geom)
            if reden:
                raise GeoFout(f"gebied {naam!r}: {reden}")
        self._namen: tuple[str, ...] = tuple(gebieden)
        self._geoms = np.array([gebieden[n] for n in self._namen], dtype=object)
        self._per_naam = dict(zip(self._namen, self._geoms))
        shapely.prepare(self._geoms)
        self._boom = shapely.STRtree(self._geoms)

    @property
    def namen(self) -> tuple[str, ...]:
        """The area names, in the order given."""
        return self._namen

    def __len__(self) -> int:
        return len(self._namen)

    def __contains__(self, naam: object) -> bool:
        return naam in self._per_naam

    def geometrie(self, naam: str) -> BaseGeometry:
        """The geometry of area ``naam``; GeoFout when there is no such area."""
        try:
            return self._per_naam[naam]
        except KeyError:
            raise GeoFout(f"onbekend gebied {naam!r}") from None

    def raakt(self, geom: BaseGeometry) -> frozenset[str]:
        """Names of the areas that ``geom`` intersects; op de grens telt als binnen, voor beide gebieden."""
        _controleer_locatie(geom)
        kandidaten = self._boom.query(geom)
        if len(kandidaten) == 0:
            return frozenset()
        if geom.geom_type == "Point":
            raak = shapely.intersects_xy(self._geoms[kandidaten], geom.x, geom.y)
        else:
            raak = shapely.intersects(self._geoms[kandidaten], geom)
        return frozenset(self._namen[i] for i in kandidaten[raak])

    def bedekking(self, geom: BaseGeometry, naam: str) -> float:
        """Share (0..1) of ``geom`` inside area ``naam``: by area, by length for lines, by count for points."""
        _controleer_locatie(geom)
        gebied = self.geometrie(naam)
        if geom.geom_type == "Point":
            return 1.0 if shapely.intersects_xy(gebied, geom.x, geom.y) else 0.0
        if not gebied.intersects(geom):
            return 0.0
        dim = shapely.get_dimensions(geom)
        if dim == 0:
            punten = shapely.get_parts(geom)
            return float(np.count_nonzero(shapely.intersects(gebied, punten))) / len(punten)
        deel = gebied.intersection(geom)
        if dim == 1:
            return min(1.0, deel.length / geom.length)
        return min(1.0, deel.area / geom.area)


def _controleer_locatie(geom: BaseGeometry) -> None:
    if not isinstance(geom, BaseGeometry):
        raise LocatieFout(f"de locatie is geen geometrie maar {type(geom).__name__}")
    reden = ongeldig_reden(geom)
    if reden:
        raise LocatieFout(f"ongeldige locatie: {reden}")


def overlappen(a: BaseGeometry, b: BaseGeometry, *, min_oppervlakte: float = 0.0) -> bool:
    """True when ``a`` and ``b`` overlap with positive area (more than ``min_oppervlakte`` m²).

    Shared edges or corners are not an overlap.
    """
    if not shapely.relate_pattern(a, b, "2********"):
        return False
    return min_oppervlakte <= 0.0 or a.intersection(b).area > min_oppervlakte


def gat(gebied_geom: BaseGeometry, dekking_geoms: Iterable[BaseGeometry]) -> float:
    """Area (m²) of ``gebied_geom`` not covered by the union of ``dekking_geoms``."""
    dekking = shapely.union_all(list(dekking_geoms))
    return float(gebied_geom.difference(dekking).area)

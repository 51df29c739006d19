"""Points in RD New (EPSG:28992) and the few geometry helpers the clients share."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict

from regels.errors import LocatieFout

__all__ = ["RD_URI", "RdPunt", "parse_wkt_point"]

RD_URI = "http://www.opengis.net/def/crs/EPSG/0/28992"  # the OGC URI form the DSO APIs require
RD_EPSG = "epsg:28992"  # the short form BAG and Ruimtelijke Plannen use

# The area of use of EPSG:28992 (with a margin): a point outside it is not an RD coordinate.
_RD_X = (-7_000.0, 300_000.0)
_RD_Y = (289_000.0, 629_000.0)

_WKT_POINT = re.compile(
    r"^\s*POINT\s*Z?\s*\(\s*([-+0-9.eE]+)\s+([-+0-9.eE]+)(?:\s+[-+0-9.eE]+)?\s*\)\s*$", re.IGNORECASE
)


class RdPunt(BaseModel):
    """A point in RD New, metres."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    x: float
    y: float

    @classmethod
    def maak(cls, x: float, y: float) -> RdPunt:
        """Check that ``x, y`` lie in the Netherlands in RD; raise :class:`LocatieFout` if not."""
        if not (_RD_X[0] <= x <= _RD_X[1] and _RD_Y[0] <= y <= _RD_Y[1]):
            hint = " Dit lijken lengte- en breedtegraden; geef RD-coördinaten in meters." if abs(x) < 180 and abs(y) < 90 else ""
            raise LocatieFout(
                f"Het punt ({x:g}, {y:g}) ligt niet in Nederland in RD-coördinaten (EPSG:28992).{hint}"
            )
        return cls(x=x, y=y)

    def geojson(self, decimals: int = 3) -> dict[str, Any]:
        """A GeoJSON Point; the DSO wants at most 3 decimals in RD."""
        return {"type": "Point", "coordinates": [round(self.x, decimals), round(self.y, decimals)]}

    def __str__(self) -> str:
        return f"RD {self.x:.2f}, {self.y:.2f}"


def parse_wkt_point(text: str) -> tuple[float, float] | None:
    """``"POINT(x y)"`` → ``(x, y)``; None if it is not a WKT point."""
    match = _WKT_POINT.match(text or "")
    if not match:
        return None
    try:
        return float(match.group(1)), float(match.group(2))
    except ValueError:
        return None

"""Werkingsgebieden as GeoJSON: DSO Geometrie opvragen v1 (key ``REGELS_DSO_API_KEY``).

A geometry is addressed by the ``geometrieIdentificatie`` of a locatie (from
:meth:`~regels.dso.PresenterenClient.rules_at_location` or Ozon's regeltekstannotaties). A new
version of a GIO gets new identifications, so an answer never changes and is cached. The API
requires the ``crs`` query parameter (without it: 422); this client always asks for RD.
"""

from __future__ import annotations

import re
from typing import Any

import shapely.geometry
from pydantic import BaseModel, ConfigDict
from shapely.errors import ShapelyError

from ._geo import RD_URI
from ._http import ServiceClient
from .fouten import OngeldigAntwoord, OngeldigVerzoek

__all__ = ["Geometrie", "GeometrieClient"]

_ID = re.compile(r"^[A-Za-z0-9._-]{1,200}$")
_TYPES = {"Point", "LineString", "Polygon", "MultiPoint", "MultiLineString", "MultiPolygon"}


class Geometrie(BaseModel):
    """A geometry from the DSO in RD, as GeoJSON, with its area in m² (0 for points and lines)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    identificatie: str
    geojson: dict[str, Any]
    oppervlakte_m2: float


class GeometrieClient(ServiceClient):
    """DSO Omgevingsdocumenten Geometrie opvragen v1."""

    service_code = "geometrie"

    def geometry(self, geometrie_identificatie: str) -> Geometrie:
        """One geometry in RD (EPSG:28992)."""
        if not _ID.match(geometrie_identificatie):
            raise OngeldigVerzoek(f"'{geometrie_identificatie}' is geen geometrie-identificatie.")
        path = f"geometrieen/{geometrie_identificatie}"
        data = self.get_json(
            path,
            {"crs": RD_URI},
            cacheable=True,
            not_found=f"Het DSO kent geometrie {geometrie_identificatie} niet.",
        )
        data = self.expect_object(data, f"GET /{path}")
        if data.get("type") not in _TYPES:
            raise self._error(OngeldigAntwoord, f"{self.service.naam} gaf geen GeoJSON-geometrie voor {geometrie_identificatie}.")
        try:
            area = float(shapely.geometry.shape(data).area)
        except (ShapelyError, ValueError, TypeError, KeyError, AttributeError, IndexError):
            raise self._error(
                OngeldigAntwoord, f"{self.service.naam} gaf een onleesbare geometrie voor {geometrie_identificatie}."
            ) from None
        return Geometrie(identificatie=geometrie_identificatie, geojson=data, oppervlakte_m2=round(area, 2))

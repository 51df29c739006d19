"""Geometry of the plan: reading werkingsgebieden, CRS conversion to RD, and the spatial index."""

from regels.geo.crs import RD, WGS84, crs_code, locatie_uit_geojson, naar_rd
from regels.geo.index import GebiedenIndex, gat, overlappen
from regels.geo.load import geometrie_uit_gml, lees_geojson, lees_gml

__all__ = [
    "RD",
    "WGS84",
    "GebiedenIndex",
    "crs_code",
    "gat",
    "geometrie_uit_gml",
    "lees_geojson",
    "lees_gml",
    "locatie_uit_geojson",
    "naar_rd",
    "overlappen",
]

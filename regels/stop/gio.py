"""Read the geometry of GIOs (``geo:GeoInformatieObjectVaststelling``) from untrusted GML.

``lees_gio(doc, naam)`` returns every ``basisgeo:Geometrie`` of one GIO by its ``basisgeo:id``
(the key OW ``l:GeometrieRef`` points at), with the Locatie's ``geo:naam`` and norm values when
present. Only surfaces are supported (the plan model has vlakken only); lines and points are
reported and skipped. A self-intersecting or otherwise invalid polygon is repaired with
``shapely.make_valid`` and reported; one outside the Netherlands or not in RD is skipped and
reported. Nothing fails silently: every problem becomes a finding naming file, line and id.
"""

from __future__ import annotations

from dataclasses import dataclass

import shapely
from lxml import etree
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from regels.errors import GeoFout, LocatieFout
from regels.geo import geometrie_uit_gml
from regels.geo.crs import RD, buiten_nederland, crs_code
from regels.stop.elementen import platte_tekst as _tekst

GML = "http://www.opengis.net/gml/3.2"
BASISGEO = "http://www.geostandaarden.nl/basisgeometrie/1.0"
GEO = "https://standaarden.overheid.nl/stop/imop/geo/"


@dataclass
class GioLocatie:
    id: str  # basisgeo:id as written
    naam: str | None
    geometrie: BaseGeometry
    kwantitatief: str | None = None
    kwalitatief: str | None = None


@dataclass
class Gio:
    bestand: str
    werk: str
    expressie: str
    locaties: list[GioLocatie]


def lees_gio(doc: etree._ElementTree, bestand: str, bevindingen: list[tuple[str, str, str]]) -> Gio:
    """Read one GIO; problems go to ``bevindingen`` as ``(soort, waar, bericht)``."""
    root = doc.getroot()
    werk = _tekst(root.find(f".//{{{GEO}}}FRBRWork"))
    expressie = _tekst(root.find(f".//{{{GEO}}}FRBRExpression"))
    locaties: list[GioLocatie] = []
    for g in root.iter(f"{{{BASISGEO}}}Geometrie"):
        ident = _tekst(g.find(f"{{{BASISGEO}}}id"))
        waar = f"{bestand}:{g.sourceline} basisgeo:Geometrie {ident or '?'}"
        if not ident:
            bevindingen.append(("overgeslagen", waar, "geometrie zonder basisgeo:id: geen OW-locatie kan ernaar verwijzen"))
            continue
        locatie = g.getparent()
        while locatie is not None and locatie.tag != f"{{{GEO}}}Locatie":
            locatie = locatie.getparent()
        naam = _tekst(locatie.find(f"{{{GEO}}}naam")) if locatie is not None else ""
        kwant = _tekst(locatie.find(f"{{{GEO}}}kwantitatieveNormwaarde")) if locatie is not None else ""
        kwal = _tekst(locatie.find(f"{{{GEO}}}kwalitatieveNormwaarde")) if locatie is not None else ""
        houder = g.find(f"{{{BASISGEO}}}geometrie")
        kinderen = [k for k in houder if isinstance(k.tag, str)] if houder is not None else []
        if len(kinderen) != 1:
            bevindingen.append(("overgeslagen", waar, "basisgeo:geometrie moet precies één GML-geometrie bevatten"))
            continue
        try:
            geom = _vlak(kinderen[0], waar, bevindingen)
        except (GeoFout, LocatieFout, ValueError) as e:
            bevindingen.append(("overgeslagen", waar, str(e)))
            continue
        if geom is None:
            continue
        locaties.append(GioLocatie(ident, naam or None, geom, kwant or None, kwal or None))
    if not locaties:
        bevindingen.append(("overgeslagen", bestand, "de GIO bevat geen bruikbare vlakken"))
    return Gio(bestand, werk, expressie, locaties)


def _vlak(el: etree._Element, waar: str, bevindingen: list[tuple[str, str, str]]) -> BaseGeometry | None:
    soort = etree.QName(el).localname
    if soort in ("Point", "MultiPoint", "LineString", "Curve", "MultiCurve", "MultiLineString"):
        bevindingen.append(("overgeslagen", waar, f"gml:{soort}: het plan kent alleen vlakken (gebieden); "
                                                  "punten en lijnen zijn niet ingelezen"))
        return None
    srs = el.get("srsName")  # geometrie_uit_gml checks this too; here the finding names no place (waar is its own field)
    if srs is not None:
        try:
            code = crs_code(srs)
        except LocatieFout:
            code = None
        if code != RD:
            raise GeoFout(f"srsName {srs!r} wordt niet ondersteund; een GIO is in EPSG:28992")
    geom = geometrie_uit_gml(el, waar, controleer=False)  # validity is repaired below, not refused
    if geom is None:
        raise GeoFout(f"gml:{soort} bevat geen vlakken")
    if not geom.is_valid:
        reden = shapely.is_valid_reason(geom)
        hersteld = shapely.make_valid(geom)
        polys = [p for p in getattr(hersteld, "geoms", [hersteld]) if isinstance(p, (Polygon, MultiPolygon))]
        if not polys:
            raise GeoFout(f"ongeldige geometrie ({reden}) die niet te herstellen is tot een vlak")
        geom = shapely.union_all(polys)
        bevindingen.append(("hersteld", waar, f"ongeldige geometrie ({reden}) hersteld met make_valid"))
    if buiten_nederland(geom):
        raise GeoFout("de coördinaten liggen ver buiten Nederland; is het RD (EPSG:28992)?")
    return geom

"""Read werkingsgebieden from GeoJSON and GML (STOP GIO) files; everything comes back in RD."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from lxml import etree
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from regels.errors import GeoFout, LocatieFout
from regels.geo.crs import RD, WGS84, buiten_nederland, crs_code, geometrie_uit_geojson, naar_rd, ongeldig_reden

GML = "http://www.opengis.net/gml/3.2"
BASISGEO = "http://www.geostandaarden.nl/basisgeometrie/1.0"
GEO = "https://standaarden.overheid.nl/stop/imop/geo/"

_VLAKTYPEN = ("Polygon", "MultiPolygon")


def _lees_tekst(pad: Path) -> bytes:
    try:
        return pad.read_bytes()
    except OSError as e:
        raise GeoFout(f"{pad}: kan het bestand niet lezen ({e.strerror or e})") from None


def _controleer(geom: BaseGeometry, waar: str) -> BaseGeometry:
    reden = ongeldig_reden(geom)
    if reden:
        raise GeoFout(f"{waar}: {reden}")
    if buiten_nederland(geom):
        x0, y0, x1, y1 = (round(v) for v in geom.bounds)
        raise GeoFout(
            f"{waar}: coördinaten liggen ver buiten Nederland (RD x {x0}..{x1}, y {y0}..{y1}); "
            "klopt het coördinatenstelsel?"
        )
    return geom


# --- GeoJSON ------------------------------------------------------------------------------------


def _weiger_constante(naam: str) -> float:
    raise ValueError(f"{naam} is geen geldig JSON-getal")


def _geojson_crs(data: dict[str, Any], pad: Path) -> str:
    crs = data.get("crs")
    if crs is None:
        return WGS84  # RFC 7946: no crs member means WGS84 lon/lat
    naam = crs.get("properties", {}).get("name") if isinstance(crs, dict) else None
    if not isinstance(naam, str):
        raise GeoFout(f"{pad}: het 'crs'-lid heeft geen properties.name")
    try:
        return crs_code(naam)
    except LocatieFout as e:
        raise GeoFout(f"{pad}: {e}") from None


def lees_geojson(pad: Path) -> dict[str, BaseGeometry]:
    """Read a FeatureCollection of (Multi)Polygons keyed by property ``naam``, in RD (EPSG:28992).

    A file without a ``crs`` member (or with CRS84/EPSG:4326) is WGS84 lon/lat and is converted.
    Any problem raises GeoFout naming the file and the feature.
    """
    pad = Path(pad)
    try:
        data = json.loads(_lees_tekst(pad), parse_constant=_weiger_constante)
    except json.JSONDecodeError as e:
        raise GeoFout(f"{pad}:{e.lineno}:{e.colno}: geen geldige JSON ({e.msg})") from None
    except (ValueError, UnicodeDecodeError) as e:
        raise GeoFout(f"{pad}: geen geldige JSON ({e})") from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise GeoFout(f"{pad}: verwacht een GeoJSON FeatureCollection")
    features = data.get("features")
    if not isinstance(features, list):
        raise GeoFout(f"{pad}: 'features' moet een lijst zijn")
    crs = _geojson_crs(data, pad)
    uit: dict[str, BaseGeometry] = {}
    eerder: dict[str, int] = {}
    for i, f in enumerate(features):
        naam = _feature_naam(f)
        waar = f"{pad}: feature {i}" + (f" (naam {naam!r})" if naam else "")
        if not isinstance(f, dict) or f.get("type") != "Feature":
            raise GeoFout(f"{waar}: verwacht een object met \"type\": \"Feature\"")
        if naam is None:
            raise GeoFout(f"{waar}: de eigenschap 'naam' ontbreekt of is geen niet-lege tekst")
        if naam in eerder:
            raise GeoFout(f"{waar}: de naam komt dubbel voor (ook in feature {eerder[naam]})")
        try:
            geom = geometrie_uit_geojson(f.get("geometry"), _VLAKTYPEN)
            geom = naar_rd(geom, crs)
        except (ValueError, LocatieFout) as e:
            raise GeoFout(f"{waar}: {e}") from None
        uit[naam] = _controleer(geom, waar)
        eerder[naam] = i
    return uit


def _feature_naam(f: Any) -> str | None:
    props = f.get("properties") if isinstance(f, dict) else None
    naam = props.get("naam") if isinstance(props, dict) else None
    return naam.strip() if isinstance(naam, str) and naam.strip() else None


# --- GML 3.2 (STOP GIO) -------------------------------------------------------------------------


def _q(ns: str, naam: str) -> str:
    return f"{{{ns}}}{naam}"


def _label(el: etree._Element) -> str:
    qn = etree.QName(el)
    prefix = {GML: "gml", BASISGEO: "basisgeo", GEO: "geo"}.get(qn.namespace or "", "")
    return f"{prefix}:{qn.localname}" if prefix else qn.localname


def _elementen(el: etree._Element | None) -> list[etree._Element]:
    return [k for k in (el if el is not None else []) if isinstance(k.tag, str)]


def _posities(el: etree._Element, dim: int, waar: str) -> list[tuple[float, float]]:
    poslist = el.find(_q(GML, "posList"))
    if poslist is not None:
        dim = int(poslist.get("srsDimension", dim))
        teksten = (poslist.text or "").split()
    else:
        teksten = [t for p in el.findall(_q(GML, "pos")) for t in (p.text or "").split()]
    try:
        getallen = [float(t) for t in teksten]
    except ValueError:
        raise GeoFout(f"{waar}: de coördinaten bevatten iets anders dan getallen") from None
    if dim not in (2, 3) or len(getallen) % dim:
        raise GeoFout(f"{waar}: het aantal coördinaten past niet bij srsDimension {dim}")
    if not all(math.isfinite(g) for g in getallen):
        raise GeoFout(f"{waar}: de coördinaten bevatten een niet-eindig getal")
    punten = [(getallen[i], getallen[i + 1]) for i in range(0, len(getallen), dim)]
    if len(punten) < 4 or punten[0] != punten[-1]:
        raise GeoFout(f"{waar}: een LinearRing moet gesloten zijn en minstens 4 posities hebben")
    return punten


def _ring(rand: etree._Element | None, dim: int, waar: str) -> list[tuple[float, float]]:
    ring = rand.find(_q(GML, "LinearRing")) if rand is not None else None
    if ring is None:
        raise GeoFout(f"{waar}: gml:exterior/gml:interior zonder gml:LinearRing")
    return _posities(ring, dim, f"{waar} (regel {ring.sourceline})")


def _polygoon(el: etree._Element, dim: int, waar: str) -> Polygon:
    buiten = _ring(el.find(_q(GML, "exterior")), dim, waar)
    gaten = [_ring(r, dim, waar) for r in el.findall(_q(GML, "interior"))]
    return Polygon(buiten, gaten)


def _vlakken(el: etree._Element, dim: int, waar: str) -> list[Polygon]:
    soort = etree.QName(el).localname if etree.QName(el).namespace == GML else None
    dim = int(el.get("srsDimension", dim))
    if soort in ("Polygon", "PolygonPatch"):
        return [_polygoon(el, dim, waar)]
    if soort == "Surface":
        patches = el.find(_q(GML, "patches"))
        return [v for p in _elementen(patches) for v in _vlakken(p, dim, waar)]
    if soort == "MultiSurface":
        leden = el.findall(_q(GML, "surfaceMember")) + el.findall(_q(GML, "surfaceMembers"))
        return [v for lid in leden for kind in _elementen(lid) for v in _vlakken(kind, dim, waar)]
    raise GeoFout(
        f"{waar}: element {_label(el)} (regel {el.sourceline}) wordt niet ondersteund; "
        "alleen vlakken (gml:Polygon, gml:Surface, gml:MultiSurface)"
    )


def geometrie_uit_gml(el: etree._Element, waar: str, *, controleer: bool = True) -> BaseGeometry | None:
    """The surface of one parsed GML 3.2 geometry element, as a Polygon or MultiPolygon in RD (EPSG:28992).

    ``el`` is a ``gml:Polygon``, ``gml:Surface`` (with ``gml:PolygonPatch``es) or ``gml:MultiSurface``
    (members may be any of these); ``srsName``, when present, must be RD. Returns None when the element
    holds no surface at all (an empty ``gml:MultiSurface``). Raises GeoFout, starting with ``waar``, for
    another CRS, another kind of geometry (points, lines), or malformed coordinates or rings; and, with
    ``controleer`` (the default), for an invalid geometry or one far outside the Netherlands. A caller that
    repairs invalid geometry itself passes ``controleer=False``.
    """
    srs = el.get("srsName")
    if srs is not None:
        try:
            code = crs_code(srs)
        except LocatieFout:
            code = None
        if code != RD:
            raise GeoFout(f"{waar}: srsName {srs!r} wordt niet ondersteund; een GIO is in EPSG:28992")
    vlakken = _vlakken(el, 2, waar)
    if not vlakken:
        return None
    geom = vlakken[0] if len(vlakken) == 1 else MultiPolygon(vlakken)
    return _controleer(geom, waar) if controleer else geom


def _gml_geometrie(el: etree._Element, waar: str) -> BaseGeometry:
    geom = geometrie_uit_gml(el, waar)
    if geom is None:
        raise GeoFout(f"{waar}: {_label(el)} bevat geen vlakken")
    return geom


def _gio_sleutel(geo_el: etree._Element) -> tuple[str | None, str]:
    """The key for a basisgeo:Geometrie: the Locatie's geo:naam, else basisgeo:id."""
    locatie = geo_el.getparent()
    while locatie is not None and locatie.tag != _q(GEO, "Locatie"):
        locatie = locatie.getparent()
    if locatie is not None:
        naam = locatie.findtext(_q(GEO, "naam"))
        if naam and naam.strip():
            return naam.strip(), "naam"
    ident = geo_el.findtext(_q(BASISGEO, "id"))
    return (ident.strip() if ident and ident.strip() else None), "basisgeo:id"


def lees_gml(pad: Path) -> dict[str, BaseGeometry]:
    """Read the polygons of a GML 3.2 file (a STOP GIO), keyed by Locatie ``naam`` or ``basisgeo:id``.

    Without basisgeo:Geometrie elements (plain GML), the outermost gml:Polygon/Surface/MultiSurface
    elements are read, keyed by gml:name or gml:id. Coordinates must be RD (EPSG:28992).
    """
    pad = Path(pad)
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True
    )
    try:
        wortel = etree.fromstring(_lees_tekst(pad), parser)
    except etree.XMLSyntaxError as e:
        raise GeoFout(f"{pad}:{e.lineno}: geen geldige XML ({e.msg})") from None
    uit: dict[str, BaseGeometry] = {}
    geo_els = list(wortel.iter(_q(BASISGEO, "Geometrie")))
    if geo_els:
        paren = []
        for g in geo_els:
            sleutel, soort = _gio_sleutel(g)
            waar = f"{pad}: element basisgeo:Geometrie (regel {g.sourceline})"
            if sleutel is None:
                raise GeoFout(f"{waar}: geen geo:naam en geen basisgeo:id")
            houder = g.find(_q(BASISGEO, "geometrie"))
            kinderen = _elementen(houder)
            if len(kinderen) != 1:
                raise GeoFout(f"{waar}, {soort} {sleutel!r}: basisgeo:geometrie moet precies één geometrie bevatten")
            paren.append((sleutel, kinderen[0], f"{waar}, {soort} {sleutel!r}"))
    else:
        soorten = {_q(GML, s) for s in ("Polygon", "Surface", "MultiSurface")}
        paren = []
        for el in wortel.iter(*soorten):
            if any(a.tag in soorten for a in el.iterancestors()):
                continue
            sleutel = (el.findtext(_q(GML, "name")) or el.get(_q(GML, "id")) or "").strip()
            waar = f"{pad}: element {_label(el)} (regel {el.sourceline})"
            if not sleutel:
                raise GeoFout(f"{waar}: geen gml:name en geen gml:id")
            paren.append((sleutel, el, f"{waar}, naam {sleutel!r}"))
    if not paren:
        raise GeoFout(f"{pad}: geen gml:Polygon, gml:Surface of gml:MultiSurface gevonden")
    for sleutel, el, waar in paren:
        if sleutel in uit:
            raise GeoFout(f"{waar}: de naam komt dubbel voor")
        uit[sleutel] = _gml_geometrie(el, waar)
    return uit

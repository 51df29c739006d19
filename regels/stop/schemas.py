"""The official STOP, LVBB and IMOW schemas: where they come from, and XSD validation.

The project does not carry the official XSDs. A :class:`SchemaOpslag` (schema store) finds them:

1. **A local folder** (argument ``map``, else the environment variable ``REGELS_STOP_SCHEMAS``).
   Every OASIS XML catalog in it (``*catalog*.xml``: ``uri``, ``system``, ``rewriteURI``,
   ``rewriteSystem``, ``uriSuffix``, ``systemSuffix``, ``nextCatalog``, ``group``) maps official
   URLs to files. A URL no catalog knows is looked up by the end of its path: for
   ``https://register.geostandaarden.nl/xmlschema/tpod/v2.0.0/IMOW/regels/IMOW_Regel.xsd`` the file
   whose path ends in the most of ``…/v2.0.0/IMOW/regels/IMOW_Regel.xsd`` (at least the folder and
   the file name; never a tie between different files). A store with a folder is offline unless
   ``offline=False`` is passed.
2. **The user cache** (argument ``cache``, else ``REGELS_STOP_SCHEMA_CACHE``, else
   ``$XDG_CACHE_HOME/regels/schemas`` or ``~/.cache/regels/schemas``): files downloaded earlier,
   stored as ``<host>/<path>``.
3. **Download** with httpx from the official URL, only from the hosts in :data:`OFFICIELE_HOSTS`,
   into the cache; refused when the store is offline (argument ``offline=True`` or
   ``REGELS_STOP_OFFLINE=1``).

:meth:`SchemaOpslag.resolver` is the :class:`lxml.etree.Resolver` that does this for libxml2; it
never lets libxml2 fetch anything itself and refuses local files outside the folder and the cache.

:func:`valideer_xsd` picks the root schema from the document's root element (namespace and name;
the version from ``schemaversie`` or the IMOW schemaLocation) and returns :class:`Melding` objects.
Compiled schemas are kept per process (:func:`gecompileerd_schema`).

:func:`element_pad` names an element in messages (``/lvbba:AanleveringBesluit/…``), with the
prefixes of :data:`NAMESPACES`.

The official Schematron is run by :mod:`regels.stop.schematron` (with Saxon-HE); the names it
exports are still reachable from here (``regels.stop.schemas.valideer_schematron``, …) for code
written before the split.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import httpx
from lxml import etree

from regels.errors import DienstFout, Melding, Positie, RegelsError, XmlFout
from regels.stop.veilig import parse_xml, veilig_pad

__all__ = [
    "NAMESPACES",
    "OFFICIELE_HOSTS",
    "Documentsoort",
    "SchemaOpslag",
    "element_pad",
    "gecompileerd_schema",
    "herken_soort",
    "valideer_xsd",
]

# --------------------------------------------------------------------------------------------
# Namespaces and document kinds
# --------------------------------------------------------------------------------------------

STOP = "https://standaarden.overheid.nl/stop/imop/"
LVBBA = "https://standaarden.overheid.nl/lvbb/stop/aanlevering/"
LVBB = "http://www.overheid.nl/2017/lvbb"
IMOW = "http://www.geostandaarden.nl/imow/"
OW_DEELBESTAND = "http://www.geostandaarden.nl/imow/bestanden/deelbestand"
OW_MANIFEST = "http://www.geostandaarden.nl/bestanden-ow/manifest-ow"
OW_STAND = "http://www.geostandaarden.nl/bestanden-ow/standlevering-generiek"
SE = "http://www.opengis.net/se"

NAMESPACES: dict[str, str] = {
    "lvbba": LVBBA,
    "lvbb": LVBB,
    "tekst": STOP + "tekst/",
    "data": STOP + "data/",
    "geo": STOP + "geo/",
    "gio": STOP + "gio/",
    "uitwisseling": STOP + "uitwisseling/",
    "consolidatie": STOP + "consolidatie/",
    "rsc": STOP + "resources/",
    "schemata": STOP + "schemata/",
    "bedrijfsregels": STOP + "bedrijfsregels/",
    "se": SE,
    "ogc": "http://www.opengis.net/ogc",
    "basisgeo": "http://www.geostandaarden.nl/basisgeometrie/1.0",
    "gml": "http://www.opengis.net/gml/3.2",
    "xlink": "http://www.w3.org/1999/xlink",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "ow-dc": OW_DEELBESTAND,
    "sl": OW_STAND,
    "ow-manifest": OW_MANIFEST,
    "ow": IMOW + "owobject",
    "op": IMOW + "opobject",
    "da": IMOW + "datatypenalgemeen",
    "r": IMOW + "regels",
    "rol": IMOW + "regelsoplocatie",
    "l": IMOW + "locatie",
    "ga": IMOW + "gebiedsaanwijzing",
    "k": IMOW + "kaart",
    "p": IMOW + "pons",
    "rg": IMOW + "regelingsgebied",
    "vt": IMOW + "vrijetekst",
    "s": IMOW + "symbolisatie",
}
"""The usual prefix for each namespace; used to name elements in messages."""

_PREFIX_VAN = {uri: prefix for prefix, uri in NAMESPACES.items()}

_STOP_MODULES = {
    "tekst": "imop-tekst.xsd",
    "data": "imop-data.xsd",
    "geo": "imop-geo.xsd",
    "gio": "imop-gio.xsd",
    "uitwisseling": "imop-uitwisseling.xsd",
    "consolidatie": "imop-consolidatie.xsd",
    "resources": "imop-resources.xsd",
    "schemata": "imop-schemata.xsd",
    "bedrijfsregels": "imop-bedrijfsregels.xsd",
}

STANDAARD_VERSIES = {"STOP": "1.3.0", "LVBB": "1.2.0", "IMOW": "v2.0.0"}
"""The version used when a document does not say (the versions of all real 2022-2025 deliveries)."""

_VERSIE = re.compile(r"^v?\d+\.\d+(\.\d+)?(-[A-Za-z0-9.]+)?$")
_IMOW_VERSIE_IN_URL = re.compile(r"/xmlschema/tpod/(v\d+\.\d+\.\d+(?:-[A-Za-z0-9.]+)?)/")

_LVBB_OPDRACHTEN = {
    "publicatieOpdracht",
    "validatieOpdracht",
    "directeMutatieOpdracht",
    "validatieDirecteMutatieOpdracht",
    "raadpleegOpdracht",
    "breekPublicatieAfOpdracht",
}


@dataclass(frozen=True)
class Documentsoort:
    """What a document is, and which official schema validates it."""

    soort: str
    """``AanleveringBesluit``, ``AanleveringInformatieObject``, ``AanleveringKennisgeving``,
    ``GeoInformatieObjectVaststelling``, ``opdracht``, ``manifest``, ``owBestand``, ``manifest-ow``,
    or for other STOP modules their root element name (``Pakbon``, ``RegelingCompact``, …)."""
    familie: str
    """``STOP``, ``LVBB`` or ``IMOW``."""
    versie: str
    schema_url: str


def _schemaversie(root: etree._Element, familie: str) -> str:
    waarde = (root.get("schemaversie") or "").strip()
    if waarde and _VERSIE.match(waarde):
        return waarde
    return STANDAARD_VERSIES[familie]


def _imow_versie(root: etree._Element) -> str:
    locatie = root.get(f"{{{NAMESPACES['xsi']}}}schemaLocation") or ""
    m = _IMOW_VERSIE_IN_URL.search(locatie)
    return m.group(1) if m else STANDAARD_VERSIES["IMOW"]


def herken_soort(doc: etree._ElementTree | etree._Element) -> Documentsoort | None:
    """The kind of a STOP, LVBB or IMOW document by its root element; None if it is none of these."""
    root = doc.getroot() if isinstance(doc, etree._ElementTree) else doc
    if not isinstance(root.tag, str):
        return None
    qname = etree.QName(root)
    ns, naam = qname.namespace or "", qname.localname
    if ns == LVBBA:
        versie = _schemaversie(root, "LVBB")
        return Documentsoort(
            naam, "LVBB", versie, f"https://standaarden.overheid.nl/lvbb/{versie}/lvbb-stop-aanlevering.xsd"
        )
    if ns == LVBB and (naam in _LVBB_OPDRACHTEN or naam == "manifest"):
        versie = _schemaversie(root, "LVBB")
        soort = "manifest" if naam == "manifest" else "opdracht"
        return Documentsoort(
            soort, "LVBB", versie, f"https://standaarden.overheid.nl/lvbb/{versie}/lvbb-transport.xsd"
        )
    if ns.startswith(STOP):
        module = ns[len(STOP):].strip("/")
        if module in _STOP_MODULES:
            versie = _schemaversie(root, "STOP")
            return Documentsoort(
                naam, "STOP", versie, f"https://standaarden.overheid.nl/stop/{versie}/{_STOP_MODULES[module]}"
            )
        return None
    if ns == SE and naam == "FeatureTypeStyle":
        versie = _schemaversie(root, "STOP")
        return Documentsoort(
            naam, "STOP", versie, f"https://standaarden.overheid.nl/stop/{versie}/se-FeatureStyle-imop.xsd"
        )
    basis = "https://register.geostandaarden.nl/xmlschema/tpod/{v}/bestanden-ow/"
    if ns == OW_DEELBESTAND and naam == "owBestand":
        versie = _imow_versie(root)
        return Documentsoort(
            "owBestand", "IMOW", versie, basis.format(v=versie) + "deelbestand-ow/IMOW_Deelbestand.xsd"
        )
    if ns == OW_MANIFEST and naam == "Aanleveringen":
        versie = _imow_versie(root)
        return Documentsoort("manifest-ow", "IMOW", versie, basis.format(v=versie) + "generiek/manifest-ow.xsd")
    return None


# --------------------------------------------------------------------------------------------
# Readable element names and paths
# --------------------------------------------------------------------------------------------


def _qnaam(ns: str | None, lokaal: str) -> str:
    if not ns:
        return lokaal
    prefix = _PREFIX_VAN.get(ns)
    return f"{prefix}:{lokaal}" if prefix else f"{{{ns}}}{lokaal}"


def _leesbaar(tekst: str) -> str:
    """Replace Clark names ``{ns}local`` in a message by ``prefix:local``."""
    return re.sub(r"\{([^}]*)\}([\w.\-]+)", lambda m: _qnaam(m.group(1), m.group(2)), tekst)


def element_pad(el: etree._Element, cache: dict | None = None) -> str:
    """``/lvbba:AanleveringBesluit/lvbba:BesluitVersie/data:BesluitMetadata[2]`` for an element.

    The children of each ancestor are numbered in one pass, so one path costs time linear in the
    siblings along it. A caller asking for many paths in one document passes the same ``cache``
    (a dict it keeps; it holds the elements): each parent's children are then numbered once, and n
    paths cost O(n + siblings), not O(n × siblings).
    """
    if cache is None:
        return _element_pad_los(el)
    if not isinstance(el.tag, str):  # a comment or processing instruction: the path of its element
        ouder = el.getparent()
        return element_pad(ouder, cache) if ouder is not None else "/"
    ouders: list[etree._Element] = []  # the ancestors whose children are not numbered yet, from el upwards
    huidig = el
    while huidig not in cache:
        ouder = huidig.getparent()
        if ouder is None:  # the root element
            cache[huidig] = "/" + _stap(huidig.tag)
            break
        ouders.append(ouder)
        huidig = ouder
    for ouder in reversed(ouders):
        _nummer_kinderen(ouder, cache)
    return cache[el]


def _element_pad_los(el: etree._Element) -> str:
    """One path without a cache: per ancestor only its own position among the siblings with its tag."""
    delen: list[str] = []
    huidig: etree._Element | None = el
    while huidig is not None:
        tag = huidig.tag
        ouder = huidig.getparent()
        if isinstance(tag, str):
            stap = _stap(tag)
            if ouder is not None:
                voor = sum(1 for _ in huidig.itersiblings(tag, preceding=True))
                if voor or next(huidig.itersiblings(tag), None) is not None:
                    stap += f"[{voor + 1}]"
            delen.append(stap)
        huidig = ouder
    return "/" + "/".join(reversed(delen))


def _stap(tag: str) -> str:
    if tag[:1] == "{":
        ns, _, lokaal = tag[1:].partition("}")
        return _qnaam(ns, lokaal)
    return tag


def _nummer_kinderen(ouder: etree._Element, cache: dict) -> None:
    """Put the path of every child element of ``ouder`` (whose path is in ``cache``) in ``cache``."""
    basis = cache[ouder]
    kinderen = [(k, k.tag) for k in ouder]
    kinderen = [(k, t) for k, t in kinderen if isinstance(t, str)]
    aantal: dict[str, int] = {}
    for _, t in kinderen:
        aantal[t] = aantal.get(t, 0) + 1
    stappen: dict[str, str] = {}
    gezien: dict[str, int] = {}
    for k, t in kinderen:
        stap = stappen.get(t)
        if stap is None:
            stap = stappen[t] = _stap(t)
        if aantal[t] > 1:
            n = gezien[t] = gezien.get(t, 0) + 1
            cache[k] = f"{basis}/{stap}[{n}]"
        else:
            cache[k] = f"{basis}/{stap}"


def _naam_van(doc: etree._ElementTree, naam: str | None) -> str:
    """The name for messages: *naam*, else the name the document was parsed under (parse_xml and
    Pakket.parse set it to the file name or ``<pakket>/<lid>``)."""
    if naam:
        return naam
    return doc.docinfo.URL or "<xml>"


# --------------------------------------------------------------------------------------------
# XML catalogs
# --------------------------------------------------------------------------------------------

CATALOG_NS = "urn:oasis:names:tc:entity:xmlns:xml:catalog"
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


def _vertrouwde_parser() -> etree.XMLParser:
    """For files of the schema store itself: no network, no DTD loading, no entity expansion."""
    return etree.XMLParser(no_network=True, load_dtd=False, resolve_entities=False, huge_tree=False)


@dataclass
class _Catalogus:
    exact: dict[str, Path] = field(default_factory=dict)
    herschrijf: list[tuple[str, Path]] = field(default_factory=list)
    achtervoegsel: list[tuple[str, Path]] = field(default_factory=list)
    bestanden: list[Path] = field(default_factory=list)
    conflicten: list[str] = field(default_factory=list)

    def zoek(self, url: str) -> Path | None:
        if url in self.exact:
            return self.exact[url]
        beste: tuple[int, Path] | None = None
        for begin, doel in self.herschrijf:
            if url.startswith(begin) and (beste is None or len(begin) > beste[0]):
                beste = (len(begin), Path(str(doel) + url[len(begin):]))
        if beste is not None:
            return beste[1]
        for eind, doel in self.achtervoegsel:
            if url.endswith(eind):
                return doel
        return None


def _lees_catalogus(pad: Path, catalogus: _Catalogus, wortel: Path, gezien: set[Path]) -> None:
    pad = pad.resolve()
    if pad in gezien or not pad.is_relative_to(wortel):
        return
    gezien.add(pad)
    try:
        boom = etree.parse(str(pad), _vertrouwde_parser())
    except (etree.XMLSyntaxError, OSError):
        return
    root = boom.getroot()
    if root.tag != f"{{{CATALOG_NS}}}catalog":
        return
    catalogus.bestanden.append(pad)

    def doel(el: etree._Element, attribuut: str) -> Path | None:
        waarde = el.get(attribuut)
        if not waarde:
            return None
        basis = pad.parent
        for voorouder in reversed(list(el.iterancestors())):
            if voorouder.get(_XML_BASE):
                basis = basis / voorouder.get(_XML_BASE, "")
        if el.get(_XML_BASE):
            basis = basis / el.get(_XML_BASE, "")
        if waarde.startswith("file:"):
            waarde = unquote(urlsplit(waarde).path)
        p = (basis / unquote(waarde)).resolve()
        return p if p.is_relative_to(wortel) else None

    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        lokaal = etree.QName(el).localname
        if lokaal in ("uri", "system"):
            naam = el.get("name") if lokaal == "uri" else el.get("systemId")
            p = doel(el, "uri")
            if naam and p is not None:
                eerder = catalogus.exact.get(naam)
                if eerder is None:
                    catalogus.exact[naam] = p
                elif eerder != p and _inhoud(eerder) != _inhoud(p):
                    catalogus.conflicten.append(f"{naam}: {eerder} en {p}")
        elif lokaal in ("rewriteURI", "rewriteSystem"):
            begin = el.get("uriStartString") or el.get("systemIdStartString")
            p = doel(el, "rewritePrefix")
            if begin and p is not None:
                catalogus.herschrijf.append((begin, Path(str(p) + ("/" if begin.endswith("/") else ""))))
        elif lokaal in ("uriSuffix", "systemSuffix"):
            eind = el.get("uriSuffix") or el.get("systemIdSuffix")
            p = doel(el, "uri")
            if eind and p is not None:
                catalogus.achtervoegsel.append((eind, p))
        elif lokaal == "nextCatalog":
            p = doel(el, "catalog")
            if p is not None:
                _lees_catalogus(p, catalogus, wortel, gezien)


def _inhoud(pad: Path) -> str:
    try:
        return hashlib.sha256(pad.read_bytes()).hexdigest()
    except OSError:
        return ""


# --------------------------------------------------------------------------------------------
# The schema store
# --------------------------------------------------------------------------------------------

OFFICIELE_HOSTS = frozenset(
    {
        "standaarden.overheid.nl",
        "register.geostandaarden.nl",
        "schemas.opengis.net",
        "www.w3.org",
    }
)
"""The only hosts a schema is ever downloaded from."""

ENV_MAP = "REGELS_STOP_SCHEMAS"
ENV_CACHE = "REGELS_STOP_SCHEMA_CACHE"
ENV_OFFLINE = "REGELS_STOP_OFFLINE"

_MAX_DOWNLOAD = 20 * 1024 * 1024
_USER_AGENT = "regels/0.1 (schema-opslag voor STOP/TPOD-validatie)"
_SCHEMA_EXTENSIES = (".xsd", ".sch")


def standaard_cache() -> Path:
    """``$REGELS_STOP_SCHEMA_CACHE``, else ``$XDG_CACHE_HOME/regels/schemas``, else ``~/.cache/regels/schemas``."""
    if os.environ.get(ENV_CACHE):
        return Path(os.environ[ENV_CACHE]).expanduser()
    basis = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(basis).expanduser() / "regels" / "schemas"


def _waar(tekst: str | None) -> bool:
    return (tekst or "").strip().lower() in ("1", "true", "ja", "yes", "on")


@dataclass
class _Gevonden:
    pad: Path
    uit_cache: bool


class _OpslagResolver(etree.Resolver):  # type: ignore[misc]
    """Maps every URL libxml2 asks for to a file of the store; never lets libxml2 load anything itself.

    A refusal is recorded in :attr:`fouten` and answered with an empty document (which makes the
    import fail): raising inside a resolver is unreliable in lxml.
    """

    def __init__(self, opslag: SchemaOpslag) -> None:
        super().__init__()
        self.opslag = opslag
        self.fouten: list[RegelsError] = []

    def resolve(self, url: str | None, pubid: str | None, context: object) -> object:
        if not url:
            self.fouten.append(XmlFout(f"Schema-opslag: een bron zonder URL gevraagd (public id {pubid!r})."))
            return self.resolve_string("", context)
        try:
            gevonden = self.opslag._vind(url, ophalen=True)
        except RegelsError as exc:
            self.fouten.append(exc)
            return self.resolve_string("", context)
        if gevonden.uit_cache:
            # Relative imports inside a downloaded schema must resolve against its URL, not the cache.
            return self.resolve_string(gevonden.pad.read_bytes(), context, base_url=url)
        return self.resolve_filename(str(gevonden.pad), context)


class SchemaOpslag:
    """Where the official XSD and Schematron files come from; see the module docstring.

    >>> opslag = SchemaOpslag(Path("../shared/stop-tpod"))      # doctest: +SKIP
    >>> opslag.bestand("https://standaarden.overheid.nl/stop/1.3.0/imop-tekst.xsd")   # doctest: +SKIP
    PosixPath('…/schema/stop/1.3.0/imop-tekst.xsd')
    """

    def __init__(
        self,
        map: Path | str | None = None,
        *,
        cache: Path | str | None = None,
        offline: bool | None = None,
        client: httpx.Client | None = None,
        timeout: float = 30.0,
        max_download: int = _MAX_DOWNLOAD,
    ) -> None:
        if map is None and os.environ.get(ENV_MAP):
            map = os.environ[ENV_MAP]
        self.map = Path(map).expanduser().resolve() if map is not None else None
        if self.map is not None and not self.map.is_dir():
            raise XmlFout(
                f"Schema-opslag: de map '{self.map}' bestaat niet (ingesteld via argument of {ENV_MAP})."
            )
        self.cache = Path(cache).expanduser() if cache is not None else standaard_cache()
        if offline is None:
            offline = _waar(os.environ.get(ENV_OFFLINE)) or self.map is not None
        self.offline = offline
        self._client = client
        self.timeout = timeout
        self.max_download = max_download
        self._catalogus: _Catalogus | None = None
        self._index: dict[str, list[Path]] | None = None
        self._lock = threading.RLock()

    def __repr__(self) -> str:
        return f"SchemaOpslag(map={self.map!r}, cache={self.cache!r}, offline={self.offline})"

    @classmethod
    def standaard(cls) -> SchemaOpslag:
        """The store configured by the environment (one per configuration, per process)."""
        sleutel = (os.environ.get(ENV_MAP), os.environ.get(ENV_CACHE), os.environ.get(ENV_OFFLINE))
        with _CACHE_LOCK:
            opslag = _STANDAARD_OPSLAG.get(sleutel)
            if opslag is None:
                opslag = _STANDAARD_OPSLAG[sleutel] = cls()
            return opslag

    @property
    def sleutel(self) -> tuple[str, str, bool]:
        """Identifies the store's configuration for the per-process caches."""
        return (str(self.map), str(self.cache.resolve()), self.offline)

    # -- local folder ------------------------------------------------------------------------

    def catalogus(self) -> _Catalogus:
        """All OASIS catalogs under the folder (read once)."""
        with self._lock:
            if self._catalogus is None:
                catalogus = _Catalogus()
                if self.map is not None:
                    gezien: set[Path] = set()
                    for pad in sorted(self.map.rglob("*catalog*.xml")):
                        _lees_catalogus(pad, catalogus, self.map, gezien)
                self._catalogus = catalogus
            return self._catalogus

    def _bestandsindex(self) -> dict[str, list[Path]]:
        with self._lock:
            if self._index is None:
                index: dict[str, list[Path]] = {}
                if self.map is not None:
                    for map_, _mappen, bestanden in os.walk(self.map):
                        for b in bestanden:
                            if b.endswith(_SCHEMA_EXTENSIES):
                                index.setdefault(b, []).append(Path(map_) / b)
                self._index = index
            return self._index

    def _zoek_achtervoegsel(self, url: str) -> Path | None:
        """The file whose path ends in the most trailing segments of the URL path (at least 2)."""
        assert self.map is not None
        delen = [d for d in unquote(urlsplit(url).path).split("/") if d]
        if not delen:
            return None
        kandidaten = self._bestandsindex().get(delen[-1], [])
        beste = 0
        gekozen: list[Path] = []
        for kandidaat in kandidaten:
            rel = kandidaat.relative_to(self.map).parts
            n = 0
            while n < min(len(rel), len(delen)) and rel[-1 - n] == delen[-1 - n]:
                n += 1
            if n > beste:
                beste, gekozen = n, [kandidaat]
            elif n == beste:
                gekozen.append(kandidaat)
        if beste < min(2, len(delen)) or not gekozen:
            return None
        if len({_inhoud(p) for p in gekozen}) > 1:
            return None  # a tie between different files: not choosing one silently
        return sorted(gekozen)[0]

    def _cachepad(self, url: str) -> Path:
        delen = urlsplit(url)
        if not delen.hostname or not delen.path.strip("/"):
            raise XmlFout(f"Schema-opslag: '{url}' is geen bruikbare URL voor een schema.")
        pad = veilig_pad(self.cache, f"{delen.hostname}/{unquote(delen.path).lstrip('/')}")
        assert isinstance(pad, Path)
        return pad

    def zoek(self, url: str) -> Path | None:
        """The local file for a URL (catalog, path suffix, cache), or None; never downloads."""
        try:
            return self._vind(url, ophalen=False).pad
        except RegelsError:
            return None

    def bestand(self, url: str) -> Path:
        """The local file for a URL, downloading it into the cache if allowed; else XmlFout/DienstFout."""
        return self._vind(url, ophalen=True).pad

    def _vind(self, url: str, *, ophalen: bool) -> _Gevonden:
        delen = urlsplit(url)
        if delen.scheme in ("", "file") or re.match(r"^[A-Za-z]:[\\/]", url):
            return self._lokaal(unquote(delen.path) if delen.scheme == "file" else url, url)
        if delen.scheme not in ("http", "https"):
            raise XmlFout(f"Schema-opslag: '{url}' is geen http(s)-adres; dat wordt niet geladen.")
        if self.map is not None:
            pad = self.catalogus().zoek(url)
            if pad is not None and pad.is_file():
                return _Gevonden(pad, False)
            pad = self._zoek_achtervoegsel(url)
            if pad is not None:
                return _Gevonden(pad, False)
        cachepad = self._cachepad(url)
        if cachepad.is_file():
            return _Gevonden(cachepad, True)
        if not ophalen:
            raise XmlFout(f"Schema-opslag: '{url}' is niet lokaal aanwezig.")
        if self.offline:
            waar = f"in de map '{self.map}'" if self.map is not None else "lokaal"
            raise XmlFout(
                f"Schema-opslag is offline: '{url}' is niet {waar} of in de cache '{self.cache}' "
                "gevonden en wordt niet gedownload. Zet de officiële schema's in de map "
                f"({ENV_MAP}) of sta downloaden toe (offline=False)."
            )
        self._download(url, cachepad)
        return _Gevonden(cachepad, True)

    def _lokaal(self, pad_tekst: str, url: str) -> _Gevonden:
        pad = Path(pad_tekst)
        if not pad.is_absolute():
            raise XmlFout(f"Schema-opslag: relatief pad '{url}' zonder basis; dat wordt niet geladen.")
        echt = pad.resolve()
        wortels = [w for w in (self.map, self.cache.resolve()) if w is not None]
        if not any(echt.is_relative_to(w) for w in wortels):
            raise XmlFout(
                f"Schema-opslag: '{url}' ligt buiten de schemamap en de cache; dat wordt niet geladen."
            )
        if not echt.is_file():
            raise XmlFout(f"Schema-opslag: het bestand '{url}' bestaat niet.")
        return _Gevonden(echt, False)

    def _download(self, url: str, doel: Path) -> None:
        client = self._client or httpx.Client(timeout=self.timeout, follow_redirects=False)
        try:
            huidige = url
            for _ in range(6):
                host = urlsplit(huidige).hostname or ""
                if urlsplit(huidige).scheme not in ("http", "https") or host not in OFFICIELE_HOSTS:
                    raise XmlFout(
                        f"Schema-opslag: '{huidige}' staat niet op een officiële schemaserver "
                        f"({', '.join(sorted(OFFICIELE_HOSTS))}); niet gedownload."
                    )
                with client.stream(
                    "GET", huidige, follow_redirects=False, headers={"User-Agent": _USER_AGENT}
                ) as antwoord:
                    if antwoord.is_redirect and "location" in antwoord.headers:
                        huidige = urljoin(huidige, antwoord.headers["location"])
                        continue
                    if antwoord.status_code != 200:
                        raise DienstFout(
                            f"Schema '{url}' kon niet gedownload worden: HTTP {antwoord.status_code}."
                        )
                    stukken: list[bytes] = []
                    totaal = 0
                    for stuk in antwoord.iter_bytes():
                        totaal += len(stuk)
                        if totaal > self.max_download:
                            raise XmlFout(
                                f"Schema '{url}' is groter dan {self.max_download} bytes; niet opgeslagen."
                            )
                        stukken.append(stuk)
                    data = b"".join(stukken)
                    break
            else:
                raise DienstFout(f"Schema '{url}': te veel doorverwijzingen.")
        except httpx.HTTPError as exc:
            raise DienstFout(f"Schema '{url}' kon niet gedownload worden: {exc}") from None
        finally:
            if self._client is None:
                client.close()
        # Must be XML; parsed safely (the download is not trusted more than a delivery).
        parse_xml(data, url)
        doel.parent.mkdir(parents=True, exist_ok=True)
        fd, tijdelijk = tempfile.mkstemp(dir=doel.parent, prefix=".download-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tijdelijk, doel)
        except BaseException:
            Path(tijdelijk).unlink(missing_ok=True)
            raise

    # -- lxml ---------------------------------------------------------------------------------

    def resolver(self) -> _OpslagResolver:
        """A fresh :class:`lxml.etree.Resolver` for this store (it collects its own refusals)."""
        return _OpslagResolver(self)

    def parser(self) -> tuple[etree.XMLParser, _OpslagResolver]:
        """A parser for schema files whose external references all go through :meth:`resolver`."""
        parser = _vertrouwde_parser()
        resolver = self.resolver()
        parser.resolvers.add(resolver)
        return parser, resolver

    def laad(self, url: str) -> tuple[etree._ElementTree, _OpslagResolver]:
        """Parse the schema (or Schematron) file for *url*, with imports routed through the store."""
        gevonden = self._vind(url, ophalen=True)
        parser, resolver = self.parser()
        try:
            if gevonden.uit_cache:
                root = etree.fromstring(gevonden.pad.read_bytes(), parser, base_url=url)
                boom = root.getroottree()
            else:
                boom = etree.parse(str(gevonden.pad), parser)
        except etree.XMLSyntaxError as exc:
            raise XmlFout(f"Schema '{url}' ({gevonden.pad}) is geen geldige XML: {exc}") from None
        return boom, resolver


# --------------------------------------------------------------------------------------------
# Per-process caches
# --------------------------------------------------------------------------------------------

_CACHE_LOCK = threading.Lock()
_STANDAARD_OPSLAG: dict[tuple[str | None, str | None, str | None], SchemaOpslag] = {}


@dataclass
class _Schema:
    schema: etree.XMLSchema
    seconden: float
    lock: threading.Lock = field(default_factory=threading.Lock)


_SCHEMAS: dict[tuple[tuple[str, str, bool], str], _Schema] = {}


def gecompileerd_schema(url: str, opslag: SchemaOpslag | None = None) -> etree.XMLSchema:
    """The compiled :class:`lxml.etree.XMLSchema` for a root schema URL, compiled once per process."""
    return _compileer(url, opslag or SchemaOpslag.standaard()).schema


def compileertijd(url: str, opslag: SchemaOpslag | None = None) -> float:
    """Seconds it took to compile the schema for *url* (compiling it now if needed)."""
    return _compileer(url, opslag or SchemaOpslag.standaard()).seconden


def _compileer(url: str, opslag: SchemaOpslag) -> _Schema:
    sleutel = (opslag.sleutel, url)
    with _CACHE_LOCK:
        gevonden = _SCHEMAS.get(sleutel)
    if gevonden is not None:
        return gevonden
    begin = time.perf_counter()
    boom, resolver = opslag.laad(url)
    try:
        schema = etree.XMLSchema(boom)
    except etree.XMLSchemaParseError as exc:
        if resolver.fouten:
            raise resolver.fouten[0] from None
        raise XmlFout(f"Schema '{url}' kan niet gecompileerd worden: {_leesbaar(str(exc))}") from None
    if resolver.fouten:  # an optional import that failed quietly still means an incomplete store
        raise resolver.fouten[0]
    resultaat = _Schema(schema, time.perf_counter() - begin)
    with _CACHE_LOCK:
        return _SCHEMAS.setdefault(sleutel, resultaat)


# --------------------------------------------------------------------------------------------
# XSD validation
# --------------------------------------------------------------------------------------------

_XSD_VERTALINGEN: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^Element '([^']+)': This element is not expected\. Expected is one of \( (.*) \)\.$"),
     r"element '\1' is hier niet toegestaan; verwacht is een van: \2"),
    (re.compile(r"^Element '([^']+)': This element is not expected\. Expected is \( (.*) \)\.$"),
     r"element '\1' is hier niet toegestaan; verwacht is: \2"),
    (re.compile(r"^Element '([^']+)': This element is not expected\.$"),
     r"element '\1' is hier niet toegestaan"),
    (re.compile(r"^Element '([^']+)': Missing child element\(s\)\. Expected is one of \( (.*) \)\.$"),
     r"in element '\1' ontbreekt een verplicht element; verwacht is een van: \2"),
    (re.compile(r"^Element '([^']+)': Missing child element\(s\)\. Expected is \( (.*) \)\.$"),
     r"in element '\1' ontbreekt een verplicht element: \2"),
    (re.compile(r"^Element '([^']+)', attribute '([^']+)': The attribute '[^']+' is not allowed\.$"),
     r"element '\1': het attribuut '\2' is hier niet toegestaan"),
    (re.compile(r"^Element '([^']+)': The attribute '([^']+)' is required but missing\.$"),
     r"element '\1': het verplichte attribuut '\2' ontbreekt"),
    (re.compile(r"^Element '([^']+)'(, attribute '([^']+)')?: \[facet 'enumeration'\] The value '(.*)' is not an element of the set \{(.*)\}\.$"),
     r"element '\1'\2: de waarde '\4' is niet toegestaan; toegestaan zijn: \5"),
    (re.compile(r"^Element '([^']+)'(, attribute '([^']+)')?: \[facet 'pattern'\] The value '(.*)' is not accepted by the pattern '(.*)'\.$"),
     r"element '\1'\2: de waarde '\4' heeft niet de voorgeschreven vorm (patroon '\5')"),
    (re.compile(r"^Element '([^']+)'(, attribute '([^']+)')?: \[facet 'minLength'\] The value has a length of '(\d+)'; this underruns the allowed minimum length of '(\d+)'\.$"),
     r"element '\1'\2: de waarde is te kort (\4 tekens, minimaal \5)"),
    (re.compile(r"^Element '([^']+)'(, attribute '([^']+)')?: \[facet 'maxLength'\] The value has a length of '(\d+)'; this exceeds the allowed maximum length of '(\d+)'\.$"),
     r"element '\1'\2: de waarde is te lang (\4 tekens, maximaal \5)"),
    (re.compile(r"^Element '([^']+)'(, attribute '([^']+)')?: '(.*)' is not a valid value of the (?:local |)(?:atomic|union|list) type '(.*)'\.$"),
     r"element '\1'\2: '\4' is geen geldige waarde van type '\5'"),
    (re.compile(r"^Element '([^']+)'(, attribute '([^']+)')?: '(.*)' is not a valid value of the (?:local |)(?:atomic|union|list) type\.$"),
     r"element '\1'\2: '\4' is geen geldige waarde voor dit element"),
    (re.compile(r"^Element '([^']+)': Character content other than whitespace is not allowed because the content type is 'element-only'\.$"),
     r"element '\1' mag geen tekst bevatten, alleen elementen"),
    (re.compile(r"^Element '([^']+)': Element content is not allowed, because the content type is a simple type definition\.$"),
     r"element '\1' mag alleen tekst bevatten, geen elementen"),
    (re.compile(r"^Element '([^']+)': No matching global declaration available for the validation root\.$"),
     r"het hoofdelement '\1' komt in het schema niet voor"),
    (re.compile(r"^Element '([^']+)': Duplicate key-sequence \[(.*)\] in (?:unique|key) identity-constraint '(.*)'\.$"),
     r"element '\1': de waarde \2 komt dubbel voor (uniciteitsregel '\3')"),
    (re.compile(r"^Element '([^']+)': No match found for key-sequence \[(.*)\] of keyref '(.*)'\.$"),
     r"element '\1': de verwijzing \2 heeft geen doel (verwijzingsregel '\3')"),
    (re.compile(r"^Element '([^']+)': The value '(.*)' is not an element of the set \{(.*)\}\.$"),
     r"element '\1': de waarde '\2' is niet toegestaan; toegestaan zijn: \3"),
]


def _vertaal_xsd(bericht: str) -> str:
    tekst = _leesbaar(bericht.strip())
    for patroon, vervanging in _XSD_VERTALINGEN:
        m = patroon.match(tekst)
        if m is not None:
            uit = m.expand(vervanging)
            return re.sub(r"element '([^']+)', attribute '([^']+)'", r"element '\1', attribuut '\2'", uit)
    return f"voldoet niet aan het schema: {tekst}"


def valideer_xsd(
    doc: etree._ElementTree,
    soort: str | None = None,
    *,
    opslag: SchemaOpslag | None = None,
    naam: str | None = None,
) -> list[Melding]:
    """Validate a STOP, LVBB or IMOW document against its official XSD; an empty list means valid.

    *soort* (optional) is what the caller expects: a :attr:`Documentsoort.soort` such as
    ``"AanleveringBesluit"``, ``"opdracht"``, ``"manifest"``, ``"owBestand"``, ``"manifest-ow"``,
    or a family ``"STOP"``, ``"LVBB"``, ``"IMOW"``; a document of another kind gives one melding.
    Each melding names the file (*naam*, default the document's file name), the line, and the
    element path in :attr:`Melding.pad`. A store that cannot provide the schemas raises
    :class:`XmlFout` (or :class:`DienstFout` for a failed download).
    """
    bestand = _naam_van(doc, naam)
    root = doc.getroot()
    herkend = herken_soort(doc)
    if herkend is None:
        q = etree.QName(root)
        return [
            Melding(
                f"onbekend soort document: hoofdelement '{_qnaam(q.namespace, q.localname)}' is geen "
                "STOP-, LVBB- of IMOW-document",
                positie=Positie(bestand, root.sourceline or 1, 1),
                pad=f"{bestand}:{element_pad(root)}",
            )
        ]
    if soort is not None and soort not in (herkend.soort, herkend.familie):
        return [
            Melding(
                f"verwacht een document van soort '{soort}', maar dit is '{herkend.soort}' ({herkend.familie})",
                positie=Positie(bestand, root.sourceline or 1, 1),
                pad=f"{bestand}:{element_pad(root)}",
            )
        ]
    schema = _compileer(herkend.schema_url, opslag or SchemaOpslag.standaard())
    with schema.lock:
        geldig = schema.schema.validate(doc)
        fouten = list(schema.schema.error_log)
    if geldig:
        return []
    meldingen: list[Melding] = []
    for fout in fouten:
        el: etree._Element | None = None
        if fout.path:
            try:
                gevonden = doc.xpath(fout.path)
                if isinstance(gevonden, list) and gevonden and isinstance(gevonden[0], etree._Element):
                    el = gevonden[0]
            except etree.XPathError:
                el = None
        pad = element_pad(el) if el is not None else (fout.path or "")
        meldingen.append(
            Melding(
                _vertaal_xsd(fout.message),
                positie=Positie(bestand, fout.line or (el.sourceline if el is not None else 0) or 1, 1),
                pad=f"{bestand}:{pad}",
                ernst="fout" if fout.level_name in ("ERROR", "FATAL") else "waarschuwing",
            )
        )
    return meldingen


# --------------------------------------------------------------------------------------------
# The Schematron names that lived here before regels.stop.schematron
# --------------------------------------------------------------------------------------------

_NAAR_SCHEMATRON = frozenset(
    {"SchematronPatroon", "SchematronUitslag", "schematron_dekking", "schematron_voor", "valideer_schematron"}
)


def __getattr__(naam: str) -> object:
    """``from regels.stop.schemas import valideer_schematron`` keeps working (imported lazily:
    :mod:`regels.stop.schematron` itself imports this module)."""
    if naam in _NAAR_SCHEMATRON:
        from regels.stop import schematron

        return getattr(schematron, naam)
    raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")

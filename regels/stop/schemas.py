"""The official STOP, LVBB and IMOW schemas: where they come from, XSD validation, and Schematron.

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

:func:`valideer_schematron` runs the official STOP/LVBB Schematron as far as that is possible
without an XSLT 2 processor: the files declare ``queryBinding="xslt2"`` and lxml/libxslt only do
XSLT 1.0. Each pattern is translated to XSLT 1.0 only if every expression in it is XPath 1.0 or can
be rewritten to an exactly equivalent XPath 1.0 expression; any other pattern is reported as not
run, with the reason. Nothing is reported as passed that was not checked.
"""

from __future__ import annotations

import copy
import hashlib
import os
import re
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
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
    "SchematronPatroon",
    "SchematronUitslag",
    "gecompileerd_schema",
    "herken_soort",
    "schematron_voor",
    "valideer_schematron",
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
# Schematron: the XPath 1.0 subset, compiled to XSLT 1.0
# --------------------------------------------------------------------------------------------

SCH = "http://purl.oclc.org/dsdl/schematron"
XSL = "http://www.w3.org/1999/XSL/Transform"
EXSLT_RE = "http://exslt.org/regular-expressions"
EXSLT_COMMON = "http://exslt.org/common"

_XPATH1_FUNCTIES = frozenset(
    """last position count id local-name namespace-uri name string concat starts-with contains
    substring-before substring-after substring string-length normalize-space translate boolean not
    true false lang number sum floor ceiling round node text comment processing-instruction
    key current generate-id format-number system-property element-available function-available
    unparsed-entity-uri re:test exsl:node-set""".split()
)
"""XPath 1.0 core functions, node tests, the XSLT 1.0 functions (not document()), EXSLT re:test and
exsl:node-set (for navigating a variable that holds a constructed tree, as XSLT 2.0 allows)."""

_OPERATOREN = frozenset({"and", "or", "div", "mod"})
_NUMERIEK = frozenset("count string-length number sum floor ceiling round position last".split())
_ENKELVOUDIG_FUNCTIES = frozenset(
    """string concat substring-before substring-after substring normalize-space translate local-name
    name namespace-uri count string-length number sum boolean not true false position last""".split()
)
_XSL_IN_LET = frozenset("choose when otherwise if value-of text for-each sort variable copy-of".split())


class _NietXPath1(Exception):
    """An expression that is not (and cannot be rewritten into exactly equivalent) XPath 1.0."""


def _masker(expr: str) -> str:
    """The expression with the contents of string literals replaced by ``_`` (same length)."""
    uit = list(expr)
    i = 0
    while i < len(expr):
        c = expr[i]
        if c in "'\"":
            j = expr.find(c, i + 1)
            if j < 0:
                raise _NietXPath1("onafgesloten tekenreeks")
            for k in range(i + 1, j):
                uit[k] = "_"
            i = j + 1
        else:
            i += 1
    return "".join(uit)


def _sluit(masker: str, open_: int) -> int:
    """Index of the ``)`` matching the ``(`` at *open_*."""
    diepte = 0
    for i in range(open_, len(masker)):
        if masker[i] in "([":
            diepte += 1
        elif masker[i] in ")]":
            diepte -= 1
            if diepte == 0:
                return i
    raise _NietXPath1("haakjes sluiten niet")


def _argumenten(expr: str, masker: str, open_: int, sluit: int) -> list[str]:
    args: list[str] = []
    diepte = 0
    begin = open_ + 1
    for i in range(open_ + 1, sluit):
        c = masker[i]
        if c in "([":
            diepte += 1
        elif c in ")]":
            diepte -= 1
        elif c == "," and diepte == 0:
            args.append(expr[begin:i].strip())
            begin = i + 1
    laatste = expr[begin:sluit].strip()
    if laatste or args:
        args.append(laatste)
    return args


_AANROEP = re.compile(r"(?<![\w.\-:$@])([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)\s*\(")
_EENVOUDIG = re.compile(r"^(\$[\w.\-]+|@[\w.\-]+(?::[\w.\-]+)?|\.|'[^']*'|\"[^\"]*\")$")
_PADACHTIG = re.compile(r"^(\.{1,2}/|/|@|\*|[A-Za-z_]|key\s*\()")


def _letterlijk(tekst: str) -> str:
    if "'" not in tekst:
        return f"'{tekst}'"
    if '"' not in tekst:
        return f'"{tekst}"'
    raise _NietXPath1("tekenreeks met beide soorten aanhalingstekens")


def _vertaal_regex(patroon: str, vlaggen: str) -> tuple[str, str]:
    """An XPath 2.0 (XSD-flavoured) regular expression as a Python one, or _NietXPath1."""
    for v in vlaggen:
        if v not in "ism":
            raise _NietXPath1(f"reguliere-expressievlag '{v}'")
    uit: list[str] = []
    in_klasse = False
    i = 0
    while i < len(patroon):
        c = patroon[i]
        if c == "\\":
            if i + 1 >= len(patroon):
                raise _NietXPath1("reguliere expressie eindigt op \\")
            e = patroon[i + 1]
            if e in "pPiIcCwW":
                raise _NietXPath1(f"reguliere expressie gebruikt \\{e} (XSD-tekenklasse, in Python anders)")
            if e == "s":
                uit.append(" \\t\\n\\r" if in_klasse else "[ \\t\\n\\r]")
            elif e == "S":
                if in_klasse:
                    raise _NietXPath1("\\S binnen een tekenklasse")
                uit.append("[^ \\t\\n\\r]")
            else:
                uit.append(c + e)
            i += 2
            continue
        if in_klasse:
            if c == "-" and i + 1 < len(patroon) and patroon[i + 1] == "[":
                raise _NietXPath1("aftrekken van tekenklassen")
            if c == "]":
                in_klasse = False
            if c == "[":
                raise _NietXPath1("geneste tekenklasse")
            uit.append(c)
        elif c == "[":
            in_klasse = True
            uit.append(c)
            if patroon.startswith("^", i + 1):
                uit.append("^")
                i += 1
        elif c == "$" and "m" not in vlaggen:
            uit.append("\\Z")
        elif c == "." and "s" not in vlaggen:
            uit.append("[^\\n\\r]")
        elif c == "(" and patroon.startswith("(?", i):
            raise _NietXPath1("(? in reguliere expressie")
        else:
            uit.append(c)
        i += 1
    inline = "".join(v for v in vlaggen if v in "sm")
    python = (f"(?{inline})" if inline else "") + "".join(uit)
    try:
        re.compile(python)
    except re.error as exc:
        raise _NietXPath1(f"reguliere expressie niet te vertalen ({exc})") from None
    return python, ("i" if "i" in vlaggen else "")


_ENKEL_ARGUMENT = frozenset(
    """string normalize-space starts-with contains substring-before substring-after substring
    string-length translate concat re:test matches ends-with number boolean not""".split()
)
"""Functions whose arguments are single items in XPath 2.0 (a longer sequence is a type error)."""


def _pad_begin(masker: str, eind: int) -> int:
    """Start of the location path that ends just before *eind* (scanning back over steps)."""
    i = eind
    while i > 0:
        c = masker[i - 1]
        if c == "]":
            diepte = 0
            while i > 0:
                i -= 1
                if masker[i] == "]":
                    diepte += 1
                elif masker[i] == "[":
                    diepte -= 1
                    if diepte == 0:
                        break
            continue
        if re.match(r"[\w.\-:@*/]", c):
            i -= 1
            continue
        break
    return i


def _omsluitende_functie(masker: str, begin: int, eind: int) -> str | None:
    """The function of which masker[begin:eind] is one whole argument, or None."""
    links = masker[:begin].rstrip()
    rechts = masker[eind:].lstrip()
    if not links or links[-1] not in "(," or not rechts or rechts[0] not in "),":
        return None
    diepte = 0
    for i in range(len(links) - 1, -1, -1):
        c = links[i]
        if c in ")]":
            diepte += 1
        elif c in "([":
            if diepte == 0:
                if c == "[":
                    return None
                m = re.search(r"([\w.\-]+(?::[\w.\-]+)?)\s*$", links[:i])
                return m.group(1) if m else None
            diepte -= 1
    return None


def _herschrijf(
    expr: str, letterlijk: dict[str, str] | None = None, bomen: frozenset[str] = frozenset()
) -> str:
    """Exactly equivalent XPath 1.0 for a few XPath 2.0 idioms the STOP Schematron uses a lot.

    "Exactly" means: wherever the XPath 2.0 original gives an answer (and does not stop with a
    type error, e.g. for two values where one is allowed), the rewritten expression gives the same.
    *letterlijk* maps variables bound to a string literal (sch:let) to that literal; *bomen* are
    variables bound to constructed content, which XSLT 2.0 navigates as a temporary tree and XSLT 1.0
    only through ``exsl:node-set()``.
    """
    letterlijk = letterlijk or {}
    for naam in bomen:
        for _ in range(200):
            m = re.search(rf"(?<!node-set\()\${re.escape(naam)}(?![\w.\-])(?=\s*[/\[])", _masker(expr))
            if m is None:
                break
            expr = expr[: m.start()] + f"exsl:node-set(${naam})" + expr[m.end():]
    # value comparisons eq ne lt le gt ge -> general comparisons (same for single values)
    for woord, teken in (("eq", "="), ("ne", "!="), ("lt", "<"), ("le", "<="), ("gt", ">"), ("ge", ">=")):
        for _ in range(200):
            m = re.search(rf"(?<=[\w)\]'\"*.])\s+{woord}\s+(?=[^\s=/|)\]])", _masker(expr))
            if m is None:
                break
            expr = expr[: m.start()] + f" {teken} " + expr[m.end():]
    # *:Naam (any namespace) -> *[local-name()='Naam']
    for _ in range(200):
        masker = _masker(expr)
        m = re.search(r"(?<![\w.\-])\*:([A-Za-z_][\w.\-]*)", masker)
        if m is None:
            break
        expr = expr[: m.start()] + f"*[local-name()='{m.group(1)}']" + expr[m.end():]
    # ./string() etc. (the context node always exists) -> string(.)
    for _ in range(200):
        masker = _masker(expr)
        m = re.search(
            r"(?<![\w.\-:$@\])/*])(\.\.|\.)/"
            r"(string|normalize-space|local-name|name|string-length|number)\(\)",
            masker,
        )
        if m is None:
            break
        expr = expr[: m.start()] + f"{m.group(2)}({expr[m.start(1):m.end(1)]})" + expr[m.end():]
    # PATH/string() and PATH/./string(): as a whole single-item function argument -> string(PATH);
    # as one side of = or != -> PATH (XPath 1.0 compares every node's string value, like XPath 2.0)
    for _ in range(200):
        masker = _masker(expr)
        veranderd = False
        for m in re.finditer(r"(?:/\.)?/(string|normalize-space)\(\)", masker):
            begin = _pad_begin(masker, m.start())
            pad = expr[begin : m.start()]
            if not pad or pad.endswith("/"):
                continue
            functie = _omsluitende_functie(masker, begin, m.end())
            if functie in _ENKEL_ARGUMENT:
                expr = expr[:begin] + f"{m.group(1)}({pad})" + expr[m.end():]
                veranderd = True
                break
            links = masker[:begin].rstrip()
            rechts = masker[m.end():].lstrip()
            vergelijking = links.endswith("=") or rechts.startswith(("=", "!="))
            omsloten = (not links or links.endswith(("(", "=", " and", " or"))) and (
                not rechts or rechts.startswith((")", "=", "!=", "and ", "or ", "]"))
            )
            if m.group(1) == "string" and vergelijking and omsloten:
                expr = expr[:begin] + pad + expr[m.end():]
                veranderd = True
                break
        if not veranderd:
            break
    # ends-with, matches, exists, empty
    for _ in range(200):
        masker = _masker(expr)
        veranderd = False
        for m in _AANROEP.finditer(masker):
            naam = m.group(1)
            if naam not in ("ends-with", "matches", "exists", "empty"):
                continue
            open_ = m.end() - 1
            sluit = _sluit(masker, open_)
            args = _argumenten(expr, masker, open_, sluit)
            if naam == "ends-with":
                if len(args) != 2 or not all(_EENVOUDIG.match(a) for a in args):
                    raise _NietXPath1("ends-with() met samengestelde argumenten")
                a, b = args
                nieuw = f"(substring({a}, string-length({a}) - string-length({b}) + 1) = {b})"
            elif naam == "matches":
                if len(args) not in (2, 3):
                    raise _NietXPath1("matches() met onverwacht aantal argumenten")
                args = [letterlijk.get(a[1:], a) if a.startswith("$") else a for a in args]
                constant = [a for a in args[1:] if re.fullmatch(r"'[^']*'|\"[^\"]*\"", a)]
                if len(constant) != len(args) - 1:
                    raise _NietXPath1("matches() met een patroon dat geen letterlijke tekst is")
                python, vlag = _vertaal_regex(args[1][1:-1], args[2][1:-1] if len(args) == 3 else "")
                nieuw = f"re:test({args[0]}, {_letterlijk(python)}" + (f", '{vlag}')" if vlag else ")")
            else:
                if len(args) != 1 or not _PADACHTIG.match(args[0]) or args[0].startswith("$"):
                    raise _NietXPath1(f"{naam}() op iets anders dan een pad")
                nieuw = f"boolean({args[0]})" if naam == "exists" else f"not({args[0]})"
            expr = expr[: m.start()] + nieuw + expr[sluit + 1:]
            veranderd = True
            break
        if not veranderd:
            break
    return expr


def _numeriek_links(masker: str, eind: int) -> bool:
    links = masker[:eind].rstrip()
    if re.search(r"(?<![\w.\-$@:])\d+(\.\d+)?$", links):
        return True
    if links.endswith(")"):
        diepte = 0
        for i in range(len(links) - 1, -1, -1):
            if links[i] == ")":
                diepte += 1
            elif links[i] == "(":
                diepte -= 1
                if diepte == 0:
                    m = re.search(r"([\w.\-]+)\s*$", links[:i])
                    return bool(m and m.group(1) in _NUMERIEK)
    return False


def _numeriek_rechts(masker: str, begin: int) -> bool:
    rechts = masker[begin:].lstrip()
    if re.match(r"-?\d", rechts):
        return True
    m = re.match(r"([\w.\-]+)\s*\(", rechts)
    return bool(m and m.group(1) in _NUMERIEK)


def _controleer_xpath1(
    expr: str,
    ns: dict[str, str],
    letterlijk: dict[str, str] | None = None,
    bomen: frozenset[str] = frozenset(),
) -> str:
    """The expression as XPath 1.0 (rewritten where exactly equivalent), or raise _NietXPath1."""
    expr = _herschrijf(expr, letterlijk, bomen)
    masker = _masker(expr)
    for m in _AANROEP.finditer(masker):
        if m.group(1) not in _XPATH1_FUNCTIES and m.group(1) not in _OPERATOREN:
            raise _NietXPath1(f"functie {m.group(1)}() bestaat niet in XPath 1.0")
    if "document(" in masker.replace(" ", ""):
        raise _NietXPath1("document() is uitgeschakeld")
    for m in re.finditer(r"[<>]=?", masker):
        if not (_numeriek_links(masker, m.start()) or _numeriek_rechts(masker, m.end())):
            raise _NietXPath1(
                f"vergelijking met '{m.group(0)}' tussen mogelijk niet-numerieke waarden "
                "(XPath 1.0 vergelijkt getallen, XPath 2.0 ook tekst)"
            )
    try:
        etree.XPath(expr, namespaces={**ns, "re": EXSLT_RE, "exsl": EXSLT_COMMON})
    except etree.XPathSyntaxError:
        raise _NietXPath1(f"geen geldige XPath 1.0: {expr}") from None
    return expr


def _stappen(masker: str) -> list[tuple[int, int]]:
    """(begin, end) of the top-level steps of a location path (split on / outside brackets)."""
    delen: list[tuple[int, int]] = []
    diepte = 0
    begin = 0
    for i, c in enumerate(masker):
        if c in "([":
            diepte += 1
        elif c in ")]":
            diepte -= 1
        elif c == "/" and diepte == 0:
            delen.append((begin, i))
            begin = i + 1
    delen.append((begin, len(masker)))
    return delen


_ENKELE_STAP = re.compile(
    r"(@[\w.\-]+(?::[\w.\-]+)?|\.|\.\.|(?:parent|self)::[\w.\-:*]+(?:\[.*\])?"
    r"|.*\[1\]|(?:string|normalize-space|local-name|name|string-length)\(\))",
    re.S,
)


def _enkelvoudig(expr: str) -> bool:
    """True if xsl:value-of of *expr* gives the same in XSLT 1.0 (first node) and 2.0 (all nodes).

    That holds for single values: a variable, a literal, a call of a function that returns one
    value, and a path whose every step yields at most one node per input node (``@a``, ``.``,
    ``..``, ``parent::x``, ``self::x``, ``…[1]``, a final ``string()``).
    """
    e = expr.strip()
    if _EENVOUDIG.match(e):
        return True
    masker = _masker(e)
    m = re.match(r"([\w.\-:]+)\s*\(", masker)
    if m and m.group(1) in _ENKELVOUDIG_FUNCTIES and _sluit(masker, m.end() - 1) == len(masker) - 1:
        return True
    stappen = _stappen(masker)
    if not stappen or any(b == eind for b, eind in stappen):
        return False  # a leading // or / makes this more than a relative path
    return all(_ENKELE_STAP.fullmatch(masker[b:eind].strip()) for b, eind in stappen)


@dataclass(frozen=True)
class SchematronPatroon:
    """One pattern of an official Schematron file and whether it runs here."""

    bestand: str
    id: str
    titel: str
    codes: tuple[str, ...]
    uitvoerbaar: bool
    reden: str = ""
    """Why the pattern does not run (XPath 2.0 function, XSLT 2.0 construct, …)."""


@dataclass
class _Regels:
    url: str
    patronen: list[tuple[SchematronPatroon, etree.XSLT | None]]
    seconden: float


@dataclass
class SchematronUitslag:
    """What the Schematron run found, and honestly what it did not check."""

    meldingen: list[Melding] = field(default_factory=list)
    uitgevoerd: list[SchematronPatroon] = field(default_factory=list)
    niet_uitgevoerd: list[SchematronPatroon] = field(default_factory=list)

    @property
    def fouten(self) -> list[Melding]:
        return [m for m in self.meldingen if m.ernst == "fout"]


_SCHEMATRONS: dict[tuple[tuple[str, str, bool], str], _Regels] = {}


def _tekst_van(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _bouw_xslt(
    ns: dict[str, str],
    sleutels: list[etree._Element],
    globaal: list[etree._Element],
    patroon: etree._Element,
) -> etree._ElementTree:
    """An XSLT 1.0 stylesheet for one (checked) pattern; all expressions were made XPath 1.0."""

    def x(naam: str) -> str:
        return f"{{{XSL}}}{naam}"

    nsmap = {
        "xsl": XSL,
        "re": EXSLT_RE,
        "exsl": EXSLT_COMMON,
        **{p: u for p, u in ns.items() if p not in ("xsl", "re", "exsl")},
    }
    stijl = etree.Element(x("stylesheet"), nsmap=nsmap, version="1.0")
    stijl.set("exclude-result-prefixes", " ".join(p for p in nsmap if p != "xsl"))
    etree.SubElement(stijl, x("output"), method="xml")
    for s in sleutels:
        stijl.append(copy.deepcopy(s))
    for g in globaal:
        stijl.append(copy.deepcopy(g))
    wortel = etree.SubElement(stijl, x("template"), match="/")
    uitslag = etree.SubElement(wortel, "uitslag")
    etree.SubElement(uitslag, x("apply-templates"), select="/", mode="M")

    regels = [r for r in patroon if isinstance(r.tag, str) and r.tag == f"{{{SCH}}}rule"]
    for n, regel in enumerate(regels):
        t = etree.SubElement(
            stijl, x("template"), match=regel.get("context", ""), mode="M", priority=str(1000 - n)
        )
        for kind in regel:
            if not isinstance(kind.tag, str):
                continue
            lokaal = etree.QName(kind).localname
            if kind.tag == f"{{{XSL}}}variable":
                t.append(copy.deepcopy(kind))
            elif lokaal in ("assert", "report") and kind.tag.startswith(f"{{{SCH}}}"):
                test = kind.get("test", "")
                als = etree.SubElement(t, x("if"), test=f"not({test})" if lokaal == "assert" else test)
                m = etree.SubElement(
                    als,
                    "melding",
                    id=kind.get("id", ""),
                    rol=kind.get("role", kind.get("flag", "")),
                    soort=lokaal,
                )
                pad = etree.SubElement(m, x("attribute"), name="pad")
                etree.SubElement(pad, x("call-template"), name="pad")
                for deel in kind.xpath("node()"):  # text nodes (tails included) and elements
                    if isinstance(deel, str):
                        tekst = etree.SubElement(m, x("text"))
                        tekst.text = deel
                    elif isinstance(deel.tag, str) and deel.tag == f"{{{SCH}}}value-of":
                        etree.SubElement(m, x("value-of"), select=deel.get("select", "''"))
                    elif isinstance(deel.tag, str) and deel.tag == f"{{{SCH}}}name":
                        etree.SubElement(m, x("value-of"), select=f"name({deel.get('path', '.')})")
                    elif isinstance(deel.tag, str):
                        tekst = etree.SubElement(m, x("text"))
                        tekst.text = _tekst_van(deel)
        etree.SubElement(t, x("apply-templates"), select="@*|*", mode="M")
    etree.SubElement(stijl, x("template"), match="text()", mode="M", priority="-1")
    standaard = etree.SubElement(stijl, x("template"), match="/|@*|node()", mode="M", priority="-2")
    etree.SubElement(standaard, x("apply-templates"), select="@*|*", mode="M")

    # /*[1]/*[3]/@*[local-name()='x' and namespace-uri()='…'] for the context node
    padsjabloon = etree.SubElement(stijl, x("template"), name="pad")
    per = etree.SubElement(padsjabloon, x("for-each"), select="ancestor-or-self::*")
    etree.SubElement(per, x("text")).text = "/*["
    etree.SubElement(per, x("value-of"), select="count(preceding-sibling::*) + 1")
    etree.SubElement(per, x("text")).text = "]"
    attr = etree.SubElement(padsjabloon, x("if"), test="count(. | ../@*) = count(../@*)")
    etree.SubElement(attr, x("text")).text = "/@*[local-name()='"
    etree.SubElement(attr, x("value-of"), select="local-name()")
    etree.SubElement(attr, x("text")).text = "' and namespace-uri()='"
    etree.SubElement(attr, x("value-of"), select="namespace-uri()")
    etree.SubElement(attr, x("text")).text = "']"
    return stijl.getroottree()


_LITERAL = re.compile(r"\s*('[^']*'|\"[^\"]*\")\s*")


@dataclass(frozen=True)
class _Omgeving:
    """What an expression may refer to: namespaces, literal-valued and tree-valued variables."""

    ns: dict[str, str]
    letterlijk: dict[str, str] = field(default_factory=dict)
    bomen: frozenset[str] = frozenset()

    def met(self, lets: list[etree._Element]) -> _Omgeving:
        letterlijk = dict(self.letterlijk)
        bomen = set(self.bomen)
        for let in lets:
            naam = let.get("name", "")
            waarde = let.get("value")
            letterlijk.pop(naam, None)
            bomen.discard(naam)
            if waarde is not None and _LITERAL.fullmatch(waarde):
                letterlijk[naam] = waarde.strip()
            elif waarde is None:
                bomen.add(naam)
        return _Omgeving(self.ns, letterlijk, frozenset(bomen))

    def xpath(self, expr: str) -> str:
        return _controleer_xpath1(expr, self.ns, self.letterlijk, self.bomen)


def _xsl_let(let: etree._Element, omg: _Omgeving) -> etree._Element:
    """A sch:let as an xsl:variable, with every expression checked (and rewritten) as XPath 1.0."""
    variabele = etree.Element(f"{{{XSL}}}variable", name=let.get("name", ""))
    if let.get("value") is not None:
        variabele.set("select", omg.xpath(let.get("value", "")))
        return variabele
    variabele.text = let.text
    for kind in let:
        variabele.append(_xsl_inhoud(kind, omg))
    return variabele


def _xsl_inhoud(el: etree._Element, omg: _Omgeving) -> etree._Element:
    kopie = copy.deepcopy(el)
    for knoop in kopie.iter():
        if not isinstance(knoop.tag, str):
            continue
        q = etree.QName(knoop)
        if q.namespace == XSL:
            if q.localname not in _XSL_IN_LET:
                raise _NietXPath1(f"xsl:{q.localname} in een variabele")
            if q.localname == "value-of" and knoop.get("separator") is not None:
                raise _NietXPath1("xsl:value-of met separator (XSLT 2.0)")
            if q.localname == "value-of" and not _enkelvoudig(knoop.get("select", "")):
                raise _NietXPath1(
                    f"xsl:value-of select=\"{knoop.get('select')}\" kan meer knopen opleveren "
                    "(XSLT 2.0 voegt ze samen, XSLT 1.0 neemt de eerste)"
                )
            for attr in ("select", "test"):
                if knoop.get(attr) is not None:
                    knoop.set(attr, omg.xpath(knoop.get(attr, "")))
        elif q.namespace == SCH:
            raise _NietXPath1(f"sch:{q.localname} binnen een variabele")
    return kopie


def _compileer_schematron(url: str, opslag: SchemaOpslag) -> _Regels:
    sleutel = (opslag.sleutel, url)
    with _CACHE_LOCK:
        gevonden = _SCHEMATRONS.get(sleutel)
    if gevonden is not None:
        return gevonden
    begin = time.perf_counter()
    boom, _ = opslag.laad(url)
    sch = boom.getroot()
    bestand = url.rsplit("/", 1)[-1]
    if sch.tag != f"{{{SCH}}}schema":
        raise XmlFout(f"'{url}' is geen ISO Schematron-bestand.")
    ns = {n.get("prefix", ""): n.get("uri", "") for n in sch.iter(f"{{{SCH}}}ns")}

    # Top level: keys and global lets, each checked on its own; a pattern that uses a broken one
    # is not run.
    globale_lets = sch.findall(f"{{{SCH}}}let")
    omg_globaal = _Omgeving(ns).met(globale_lets)
    sleutels: dict[str, etree._Element] = {}
    kapotte_sleutels: dict[str, str] = {}
    for k in sch.findall(f"{{{XSL}}}key"):
        try:
            kopie = etree.Element(f"{{{XSL}}}key", name=k.get("name", ""))
            kopie.set("match", omg_globaal.xpath(k.get("match", "")))
            kopie.set("use", omg_globaal.xpath(k.get("use", "")))
            sleutels[k.get("name", "")] = kopie
        except _NietXPath1 as exc:
            kapotte_sleutels[k.get("name", "")] = str(exc)
    globaal: dict[str, etree._Element] = {}
    kapot_globaal: dict[str, str] = {}
    for g in globale_lets:
        try:
            globaal[g.get("name", "")] = _xsl_let(g, omg_globaal)
        except _NietXPath1 as exc:
            kapot_globaal[g.get("name", "")] = str(exc)

    patronen: list[tuple[SchematronPatroon, etree.XSLT | None]] = []
    for n, patroon in enumerate(sch.findall(f"{{{SCH}}}pattern")):
        pid = patroon.get("id") or f"patroon-{n + 1}"
        titel_el = patroon.find(f"{{{SCH}}}title")
        titel = _tekst_van(titel_el) if titel_el is not None else ""
        codes = tuple(
            a.get("id", "") for a in patroon.iter(f"{{{SCH}}}assert", f"{{{SCH}}}report") if a.get("id")
        )
        if not codes:
            codes = tuple(r.get("id", "") for r in patroon.iter(f"{{{SCH}}}rule") if r.get("id"))
        xslt: etree.XSLT | None = None
        try:
            if patroon.get("abstract") == "true" or patroon.get("is-a"):
                raise _NietXPath1("abstract patroon (niet ondersteund)")
            kopie = copy.deepcopy(patroon)
            patroon_lets = kopie.findall(f"{{{SCH}}}let")
            omg = omg_globaal.met(patroon_lets)
            patroon_vars = [_xsl_let(let, omg) for let in patroon_lets]
            for regel in kopie.findall(f"{{{SCH}}}rule"):
                if regel.get("abstract") == "true" or regel.find(f"{{{SCH}}}extends") is not None:
                    raise _NietXPath1("abstracte regel of sch:extends (niet ondersteund)")
                regel.set("context", omg.xpath(regel.get("context", "")))
                regel_lets = regel.findall(f"{{{SCH}}}let")
                omg_regel = omg
                for let in regel_lets:  # each let sees the ones before it
                    regel.replace(let, _xsl_let(let, omg_regel))
                    omg_regel = omg_regel.met([let])
                for toets in regel:
                    if not isinstance(toets.tag, str) or toets.tag not in (
                        f"{{{SCH}}}assert",
                        f"{{{SCH}}}report",
                    ):
                        continue
                    toets.set("test", omg_regel.xpath(toets.get("test", "")))
                    for waarde in toets.iter(f"{{{SCH}}}value-of"):
                        try:
                            waarde.set("select", omg_regel.xpath(waarde.get("select", "")))
                        except _NietXPath1:
                            waarde.set("select", "'…'")  # only the message text; the test stays exact
            tekst = etree.tostring(kopie, encoding="unicode")
            ontbrekend = [k for k in re.findall(r"key\(\s*'([^']+)'", tekst) if k not in sleutels]
            if ontbrekend:
                reden = kapotte_sleutels.get(ontbrekend[0], "onbekende sleutel")
                raise _NietXPath1(f"xsl:key '{ontbrekend[0]}': {reden}")
            for naam, reden in kapot_globaal.items():
                if re.search(rf"\${re.escape(naam)}(?![\w.\-])", tekst):
                    raise _NietXPath1(f"globale variabele ${naam}: {reden}")
            xslt_boom = _bouw_xslt(
                ns, list(sleutels.values()), list(globaal.values()) + patroon_vars, kopie
            )
            try:
                xslt = etree.XSLT(xslt_boom, access_control=etree.XSLTAccessControl.DENY_ALL)
            except etree.XSLTParseError as exc:
                raise _NietXPath1(f"XSLT 1.0 kan het patroon niet compileren ({exc})") from None
        except _NietXPath1 as exc:
            patronen.append((SchematronPatroon(bestand, pid, titel, codes, False, str(exc)), None))
            continue
        patronen.append((SchematronPatroon(bestand, pid, titel, codes, True), xslt))
    regels = _Regels(url, patronen, time.perf_counter() - begin)
    with _CACHE_LOCK:
        return _SCHEMATRONS.setdefault(sleutel, regels)


# Which official Schematron files apply, by the (namespace, local name) of module elements
# (from versie.xml of STOP 1.3.0 and LVBB 1.2.0).
_SCH_PER_MODULE: dict[tuple[str, str], tuple[str, ...]] = {
    (SE, "FeatureTypeStyle"): ("stop:imop-se.sch",),
    (STOP + "data/", "ConsolidatieInformatie"): ("stop:imop-aknjoin.sch", "stop:imop-consolidatie.sch"),
    (STOP + "data/", "ExpressionIdentificatie"): ("stop:imop-aknjoin.sch",),
    **{
        (STOP + "data/", n): ("stop:imop-metadata.sch",)
        for n in (
            "BesluitMetadata",
            "KennisgevingMetadata",
            "RegelingMetadata",
            "RegelingVersieMetadata",
            "InformatieObjectMetadata",
            "InformatieObjectVersieMetadata",
            "OfficielePublicatieMetadata",
            "RectificatieMetadata",
        )
    },
    (STOP + "data/", "Procedureverloop"): ("stop:imop-procedure.sch",),
    (STOP + "geo/", "GeoInformatieObjectVaststelling"): ("stop:imop-geo.sch",),
    (STOP + "geo/", "GeoInformatieObjectVersie"): ("stop:imop-geo.sch",),
    **{
        (STOP + "tekst/", n): ("stop:imop-tekst.sch", "stop:imop-tekstmutaties.sch")
        for n in ("BesluitCompact", "BesluitKlassiek", "Rectificatie")
    },
    **{
        (STOP + "tekst/", n): ("stop:imop-tekst.sch",)
        for n in (
            "RegelingCompact",
            "RegelingKlassiek",
            "RegelingVrijetekst",
            "RegelingTijdelijkdeel",
            "OfficielePublicatie",
            "Kennisgeving",
        )
    },
    (STOP + "tekst/", "Tekstrevisie"): ("stop:imop-tekstmutaties.sch",),
    (STOP + "uitwisseling/", "Pakbon"): ("stop:imop-pakbon.sch",),
    (LVBBA, "AanleveringBesluit"): ("lvbb:lvbb-aanlevering.sch",),
    (LVBBA, "AanleveringKennisgeving"): ("lvbb:lvbb-aanlevering.sch",),
    (LVBBA, "AanleveringInformatieObject"): ("lvbb:lvbb-aanlevering-io.sch",),
}


def schematron_voor(doc: etree._ElementTree) -> list[str]:
    """The URLs of the official Schematron files that apply to a document (STOP and LVBB only)."""
    herkend = herken_soort(doc)
    if herkend is None or herkend.familie == "IMOW":
        return []
    stop_versie = STANDAARD_VERSIES["STOP"]
    lvbb_versie = STANDAARD_VERSIES["LVBB"]
    if herkend.familie == "STOP":
        stop_versie = herkend.versie
    else:
        lvbb_versie = herkend.versie
        stop_versie = _stop_versie_binnen(doc) or stop_versie
    urls: list[str] = []
    for el in doc.getroot().iter():
        if not isinstance(el.tag, str):
            continue
        q = etree.QName(el)
        for naam in _SCH_PER_MODULE.get((q.namespace or "", q.localname), ()):
            familie, bestand = naam.split(":", 1)
            url = (
                f"https://standaarden.overheid.nl/stop/{stop_versie}/{bestand}"
                if familie == "stop"
                else f"https://standaarden.overheid.nl/lvbb/{lvbb_versie}/{bestand}"
            )
            if url not in urls:
                urls.append(url)
    return urls


def _stop_versie_binnen(doc: etree._ElementTree) -> str | None:
    """LVBB 1.2.0 delivers STOP 1.3.0; other LVBB versions: the STOP version the LVBB schema imports."""
    herkend = herken_soort(doc)
    if herkend is not None and herkend.familie == "LVBB" and herkend.versie == "1.2.0":
        return "1.3.0"
    return None


def valideer_schematron(
    doc: etree._ElementTree,
    *,
    opslag: SchemaOpslag | None = None,
    naam: str | None = None,
    bestanden: Iterable[str] | None = None,
) -> SchematronUitslag:
    """Run the runnable part of the official Schematron (see the module docstring) on a document.

    *bestanden* are Schematron URLs (default :func:`schematron_voor`). The result lists every
    pattern that ran and every pattern that did not, with the reason; a pattern that fails at run
    time (XSLT 1.0 cannot do what the XSLT 2.0 original does on this document) is moved to
    :attr:`SchematronUitslag.niet_uitgevoerd` and its findings are dropped.
    """
    opslag = opslag or SchemaOpslag.standaard()
    bestand = _naam_van(doc, naam)
    uitslag = SchematronUitslag()
    for url in bestanden if bestanden is not None else schematron_voor(doc):
        regels = _compileer_schematron(url, opslag)
        for patroon, xslt in regels.patronen:
            if xslt is None:
                uitslag.niet_uitgevoerd.append(patroon)
                continue
            try:
                resultaat = xslt(doc)
            except etree.XSLTApplyError as exc:
                uitslag.niet_uitgevoerd.append(
                    SchematronPatroon(
                        patroon.bestand, patroon.id, patroon.titel, patroon.codes, False,
                        f"XSLT 1.0 faalt op dit document ({exc})",
                    )
                )
                continue
            uitslag.uitgevoerd.append(patroon)
            uitslag.meldingen.extend(_meldingen_uit(resultaat, doc, bestand, patroon))
    return uitslag


_MELDING_TEKST = re.compile(r'"melding"\s*:\s*"((?:[^"\\]|\\.)*)"', re.S)


def _meldingen_uit(
    resultaat: etree._XSLTResultTree, doc: etree._ElementTree, bestand: str, patroon: SchematronPatroon
) -> Iterator[Melding]:
    root = resultaat.getroot()
    if root is None:
        return
    for m in root.iter("melding"):
        tekst = " ".join("".join(m.itertext()).split())
        gevonden = _MELDING_TEKST.search(tekst)
        bericht = gevonden.group(1).replace('\\"', '"') if gevonden else tekst.strip(" {},")
        code = m.get("id") or ""
        el: etree._Element | None = None
        padtekst = m.get("pad") or ""
        try:
            knopen = doc.xpath(padtekst) if padtekst else []
        except etree.XPathError:
            knopen = []
        if isinstance(knopen, list) and knopen:
            knoop = knopen[0]
            if isinstance(knoop, etree._Element):
                el = knoop
            elif hasattr(knoop, "getparent"):
                el = knoop.getparent()
        rol = (m.get("rol") or "fout").lower()
        yield Melding(
            f"{code}: {bericht}" if code else bericht,
            positie=Positie(bestand, (el.sourceline if el is not None else None) or 1, 1),
            pad=f"{bestand}:{element_pad(el) if el is not None else padtekst}",
            ernst="fout" if rol in ("fout", "error", "fatal") else "waarschuwing",
        )


def schematron_dekking(url: str, opslag: SchemaOpslag | None = None) -> list[SchematronPatroon]:
    """Every pattern of one Schematron file, with whether it runs here (and why not)."""
    return [p for p, _ in _compileer_schematron(url, opslag or SchemaOpslag.standaard()).patronen]

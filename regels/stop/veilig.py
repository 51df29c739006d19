"""Safe reading of untrusted XML files and zip archives (STOP/LVBB deliveries, DSO downloads).

A delivery comes from outside: a bevoegd gezag, a vendor's tool, a download. Everything here assumes
it may be hostile and refuses, with an :class:`~regels.errors.XmlFout` that names the file (and the
member of the archive) and says in Dutch what is wrong:

* :func:`parse_xml` - one XML document. Entities are never expanded, no DTD is loaded, the network
  and the file system are never touched, libxml2's own limits stay on (``huge_tree=False``: depth
  256, text nodes up to 10 MB). A DOCTYPE that declares entities (billion laughs, external
  entities) or points at an external DTD is refused before libxml2 sees the document.
* :func:`open_pakket` - a folder or a zip as a :class:`Pakket`: member names are checked for path
  traversal (``..``, absolute paths, drive letters), symlinks and encryption are refused, and the
  number of members, the size per member, the total size and the compression ratio are limited
  (zip bombs). Nothing is ever extracted to disk; members are read into memory by name.
* :func:`veilig_pad` - a file reference inside a delivery (a GIO's ``bestandsnaam``) resolved
  against a folder, refused if it would leave the delivery.

All limits are in :class:`Limieten`; :data:`STANDAARD_LIMIETEN` holds the defaults.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePath
from types import TracebackType

from lxml import etree

from regels.errors import Melding, Positie, XmlFout

__all__ = [
    "STANDAARD_LIMIETEN",
    "Limieten",
    "Pakket",
    "open_pakket",
    "parse_xml",
    "veilig_pad",
]

MiB = 1024 * 1024
GiB = 1024 * MiB


@dataclass(frozen=True)
class Limieten:
    """Upper bounds for untrusted input; every refusal names the limit that was hit."""

    max_bestand: int = 256 * MiB
    """Bytes per XML file or per zip member (uncompressed)."""
    max_leden: int = 10_000
    """Members of a zip, or files in a folder (folders in a zip count too)."""
    max_totaal: int = 2 * GiB
    """All members together, uncompressed (and the zip file itself)."""
    max_ratio: float = 100.0
    """Uncompressed size divided by compressed size, per member and for the whole archive."""
    ratio_vanaf: int = 1 * MiB
    """The ratio is only checked for members (and archives) at least this large uncompressed:
    small, very repetitive files compress well and are harmless."""


STANDAARD_LIMIETEN = Limieten()


def _grootte(n: int) -> str:
    if n >= GiB:
        return f"{n / GiB:.1f} GiB"
    if n >= MiB:
        return f"{n / MiB:.1f} MiB"
    if n >= 1024:
        return f"{n / 1024:.1f} KiB"
    return f"{n} bytes"


# --------------------------------------------------------------------------------------------
# XML
# --------------------------------------------------------------------------------------------


class _Weigeraar(etree.Resolver):  # type: ignore[misc]
    """A resolver that loads nothing: every external resource becomes an empty string.

    parse_xml already refuses documents that could ask for one; this is the second lock. (Raising
    inside a resolver is not used: lxml stores the exception and may re-raise it at a later parse.)
    """

    def __init__(self) -> None:
        super().__init__()
        self.gevraagd: list[str] = []

    def resolve(self, url: str | None, pubid: str | None, context: object) -> object:
        self.gevraagd.append(url or pubid or "?")
        return self.resolve_string("", context)


def _veilige_parser(zonder_witruimte: bool = False) -> tuple[etree.XMLParser, _Weigeraar]:
    parser = etree.XMLParser(
        remove_blank_text=zonder_witruimte,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        recover=False,
        remove_pis=False,
        collect_ids=False,
    )
    weigeraar = _Weigeraar()
    parser.resolvers.add(weigeraar)
    return parser, weigeraar


def _scan_tekst(data: bytes) -> str:
    """The document as text for scanning its prolog, whatever its (ASCII-compatible or UTF) encoding."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return data.decode("utf-32", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if data.startswith(b"<\x00?\x00") or data.startswith(b"<\x00!\x00"):
        return data.decode("utf-16-le", errors="replace")
    if data.startswith(b"\x00<\x00?") or data.startswith(b"\x00<\x00!"):
        return data.decode("utf-16-be", errors="replace")
    # latin-1 maps every byte to one character: ASCII markup stays where it is (UTF-8 included).
    return data.decode("latin-1")


_DOCTYPE_EXTERN = re.compile(r"<!DOCTYPE\s+[^\s\[>]+\s+(SYSTEM|PUBLIC)\b")
_ENTITY = re.compile(r"<!ENTITY\s+(%\s+)?([^\s>]+)")


def _regel_van(tekst: str, pos: int) -> int:
    return tekst.count("\n", 0, pos) + 1


_KOP = 1 << 16  # the part of a document whose prolog is scanned first
_BEGIN_ELEMENT = re.compile(r"<[^!?\s<>/]")


def _controleer_prolog(data: bytes, naam: str) -> int:
    """Refuse a DOCTYPE that declares entities or refers to an external DTD, before parsing.

    Returns where the root element starts in the scanned text (-1 if not found); for ASCII-compatible
    encodings that is also the byte offset. The first 64 KiB are scanned first: a prolog without a
    DOCTYPE that ends there, in the start of the root element, needs no copy of the whole
    (multi-megabyte) document. Anything else is scanned in the whole document: a DOCTYPE, a prolog
    that runs to the end of the head (also a construct cut there), and UTF-16/32.
    """
    if len(data) > _KOP:
        wortel = _scan_prolog(data[:_KOP], naam, kop=True)
        if wortel is not None:
            return wortel
    wortel = _scan_prolog(data, naam)
    assert wortel is not None
    return wortel


def _scan_prolog(data: bytes, naam: str, *, kop: bool = False) -> int | None:
    """See :func:`_controleer_prolog`; with ``kop`` (a head of the document), None when the head does not
    settle it: a DOCTYPE, or a prolog that runs past the head."""
    tekst = _scan_tekst(data)
    byte_offsets = len(tekst) == len(data)  # latin-1 view: character index == byte offset
    if kop and not byte_offsets:
        return None  # UTF-16/32: a head cut anywhere settles nothing; the whole document decides
    if byte_offsets and data.startswith(b"\xef\xbb\xbf"):
        i = 3  # the UTF-8 byte order mark, three characters in the latin-1 view
    else:
        i = 1 if tekst.startswith("\ufeff") else 0
    n = len(tekst)
    while i < n:
        while i < n and tekst[i] in " \t\r\n":
            i += 1
        if i >= n:
            break
        if tekst.startswith("<?", i):
            j = tekst.find("?>", i + 2)
            if j < 0:
                return None if kop else -1  # libxml2 reports the broken instruction
            i = j + 2
        elif tekst.startswith("<!--", i):
            j = tekst.find("-->", i + 4)
            if j < 0:
                return None if kop else -1
            i = j + 3
        elif tekst.startswith("<!DOCTYPE", i):
            if kop:
                return None
            regel = _regel_van(tekst, i)
            if _DOCTYPE_EXTERN.match(tekst, i):
                raise XmlFout(
                    f"Bestand '{naam}', regel {regel}: de DOCTYPE verwijst naar een externe DTD. "
                    "Dat is niet toegestaan: een STOP-bestand heeft geen DTD nodig en een externe DTD "
                    "kan bestanden of het netwerk laten lezen. Verwijder de DOCTYPE."
                )
            m = _ENTITY.search(tekst, i)
            if m is not None:
                soort = "parameter-entiteit" if m.group(1) else "entiteit"
                raise XmlFout(
                    f"Bestand '{naam}', regel {_regel_van(tekst, m.start())}: de DOCTYPE declareert "
                    f"een {soort} ('{m.group(2)}'). Entiteitdeclaraties zijn niet toegestaan "
                    "(bescherming tegen 'billion laughs' en externe entiteiten). Verwijder de DOCTYPE."
                )
            einde = tekst.find(">", i)
            if "[" in tekst[i:einde if einde > 0 else n]:
                return -1  # an internal subset without entities: leave the rest to libxml2
            if einde < 0:
                return -1
            i = einde + 1
        else:
            if kop and not _BEGIN_ELEMENT.match(tekst, i):
                return None  # not the start of an element, or cut at the end of the head (a '<', '<!DOC')
            return i if byte_offsets and tekst.startswith("<", i) else -1
    return None if kop else -1


_LIBXML_VERTALINGEN: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)"),
     r"het element <\1> (geopend op regel \2) wordt afgesloten met </\3>"),
    (re.compile(r"Premature end of data in tag (\S+) line (\d+)"),
     r"het bestand houdt op midden in element <\1> (geopend op regel \2)"),
    (re.compile(r"Document is empty"), "het bestand is leeg"),
    (re.compile(r"Start tag expected, '<' not found"), "dit is geen XML: '<' verwacht"),
    (re.compile(r"Extra content at the end of the document"),
     "er staat nog inhoud na het einde van het hoofdelement"),
    (re.compile(r"Entity '([^']+)' not defined"), r"de entiteit '&\1;' is niet gedefinieerd"),
    (re.compile(r"EntityRef: expecting ';'"),
     "ongeldige entiteitsverwijzing (';' verwacht); schrijf een losse & als &amp;"),
    (re.compile(r"xmlns:(\S+): '([^']*)' is not a valid URI"),
     r"de namespace-declaratie xmlns:\1 heeft geen geldige URI ('\2')"),
    (re.compile(r"Namespace prefix (\S+) on (\S+) is not defined"),
     r"de namespace-prefix '\1' van element '\2' is niet gedeclareerd"),
    (re.compile(r"Namespace prefix (\S+) for (\S+) on (\S+) is not defined"),
     r"de namespace-prefix '\1' van attribuut '\2' op element '\3' is niet gedeclareerd"),
    (re.compile(r"Attribute (\S+) redefined"), r"het attribuut '\1' staat twee keer op hetzelfde element"),
    (re.compile(r"Couldn't find end of Start Tag (\S+)"), r"de begintag van element <\1> is niet goed afgesloten"),
    (re.compile(r"Input is not proper UTF-8"),
     "de inhoud is geen geldige UTF-8; controleer de encoding in de XML-declaratie"),
    (re.compile(r"Excessive depth in document"),
     "de elementen zijn te diep genest (de parser staat hoogstens 256 niveaus toe)"),
    (re.compile(r"(huge text node|Huge input lookup|Maximum entity amplification|"
                r"Resource limit exceeded|Memory allocation failed)"),
     r"het bestand overschrijdt een veiligheidslimiet van de XML-parser (\1)"),
    (re.compile(r"AttValue: \" or ' expected"), "een attribuutwaarde moet tussen aanhalingstekens staan"),
    (re.compile(r"StartTag: invalid element name"), "ongeldige elementnaam na '<'"),
]


def _vertaal_libxml(bericht: str) -> str:
    bericht = re.sub(r", line \d+, column \d+$", "", bericht.strip())
    for patroon, vervanging in _LIBXML_VERTALINGEN:
        m = patroon.search(bericht)
        if m is not None:
            return m.expand(vervanging)
    return f"ongeldige XML ({bericht})"


_NEP_SCHEMALOCATION = re.compile(rb"""\sxmlns:schemaLocation\s*=\s*("[^"]*"|'[^']*')""")
_STARTTAG = re.compile(rb"""<[^\s/>]+(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*/?>""")


def _verwijder_nep_schemalocation(
    data: bytes, wortel: int, naam: str, meldingen: list[Melding] | None
) -> bytes:
    """DSO-produced OW files declare ``xmlns:schemaLocation="…"`` (an invalid namespace URI).

    Only on the root element's start tag (which begins at byte *wortel*), the declaration is blanked
    out with spaces of the same length, so line and column numbers stay right, and a warning is
    added to *meldingen*.
    """
    if wortel < 0 or data[wortel : wortel + 1] != b"<":
        return data
    tag = _STARTTAG.match(data, wortel)
    if tag is None:
        return data
    m = _NEP_SCHEMALOCATION.search(data, tag.start(), tag.end())
    if m is None:
        return data
    if meldingen is not None:
        regel = data.count(b"\n", 0, m.start()) + 1
        meldingen.append(
            Melding(
                "ongeldige namespace-declaratie xmlns:schemaLocation genegeerd (bedoeld was "
                "xsi:schemaLocation); dit komt voor in OW-bestanden uit de DSO",
                positie=Positie(naam, regel, 1),
                ernst="waarschuwing",
            )
        )
    return data[: m.start()] + b" " * (m.end() - m.start()) + data[m.end():]


_WORTELNAAM = re.compile(rb"<(?:[A-Za-z_][-.\w]*:)?([A-Za-z_][-.\w]*)")
_GEGEVENSBESTANDEN = frozenset({b"owBestand", b"GeoInformatieObjectVaststelling", b"GeoInformatieObjectVersie",
                                b"FeatureCollectionGeometrie", b"FeatureCollection"})


def _alleen_gegevens(data: bytes, wortel: int) -> bool:
    """Whether the document is one whose schema has no mixed content (OW, GML), judged by its root element;
    such a document is parsed without its whitespace-only text nodes (indentation): fewer nodes to build,
    walk and free, and nothing of meaning lost."""
    m = _WORTELNAAM.match(data, wortel) if wortel >= 0 else None
    return m is not None and m.group(1) in _GEGEVENSBESTANDEN


def parse_xml(
    bron: bytes | Path,
    naam: str | None = None,
    *,
    limieten: Limieten | None = None,
    meldingen: list[Melding] | None = None,
) -> etree._ElementTree:
    """Parse one untrusted XML document; every problem is an :class:`XmlFout` naming file and line.

    *naam* is the name used in messages and becomes the tree's ``docinfo.URL`` (defaults to the
    file name when *bron* is a path). Warnings about things that were repaired (see
    :func:`_verwijder_nep_schemalocation`) are appended to *meldingen* when given.
    """
    lim = limieten or STANDAARD_LIMIETEN
    if isinstance(bron, PurePath):
        pad = Path(bron)
        naam = naam or pad.name
        try:
            grootte = pad.stat().st_size
        except OSError as exc:
            raise XmlFout(f"Bestand '{naam}' kan niet gelezen worden: {exc.strerror or exc}") from None
        if grootte > lim.max_bestand:
            raise XmlFout(
                f"Bestand '{naam}' is te groot ({_grootte(grootte)}); de grens is "
                f"{_grootte(lim.max_bestand)}."
            )
        try:
            data = pad.read_bytes()
        except OSError as exc:
            raise XmlFout(f"Bestand '{naam}' kan niet gelezen worden: {exc.strerror or exc}") from None
    else:
        data = bytes(bron)
        naam = naam or "<xml>"
    if len(data) > lim.max_bestand:
        raise XmlFout(
            f"Bestand '{naam}' is te groot ({_grootte(len(data))}); de grens is {_grootte(lim.max_bestand)}."
        )
    wortel = _controleer_prolog(data, naam)
    data = _verwijder_nep_schemalocation(data, wortel, naam, meldingen)

    parser, weigeraar = _veilige_parser(_alleen_gegevens(data, wortel))
    try:
        root = etree.fromstring(data, parser, base_url=naam)
    except etree.XMLSyntaxError as exc:
        regel, kolom = exc.position if exc.position else (exc.lineno or 0, 0)
        raise XmlFout(
            f"Bestand '{naam}', regel {regel}, kolom {kolom}: {_vertaal_libxml(exc.msg or str(exc))}."
        ) from None
    except ValueError as exc:  # e.g. "can only parse strings" or an unsupported encoding
        raise XmlFout(f"Bestand '{naam}': kan niet als XML gelezen worden ({exc}).") from None
    if root is None:
        raise XmlFout(f"Bestand '{naam}': het bestand is leeg.")
    tree = root.getroottree()

    # Second lock: whatever the prolog scan might have missed (an exotic encoding).
    info = tree.docinfo
    if info.system_url or info.public_id:
        raise XmlFout(
            f"Bestand '{naam}': de DOCTYPE verwijst naar een externe DTD ({info.system_url or info.public_id}); "
            "dat is niet toegestaan."
        )
    dtd = info.internalDTD
    if dtd is not None:
        entiteiten = [e.name for e in dtd.entities()]
        if entiteiten:
            raise XmlFout(
                f"Bestand '{naam}': de DOCTYPE declareert entiteiten ({', '.join(entiteiten)}); "
                "dat is niet toegestaan."
            )
    if weigeraar.gevraagd:
        raise XmlFout(
            f"Bestand '{naam}': het bestand vraagt om een externe bron ({weigeraar.gevraagd[0]}); "
            "die wordt niet geladen."
        )
    return tree


# --------------------------------------------------------------------------------------------
# Member names and references
# --------------------------------------------------------------------------------------------

_SCHEMA_OF_STATION = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")


def _normaliseer_naam(ruw: str) -> tuple[str | None, str | None]:
    """(normalised posix name, None) or (None, Dutch reason for refusing it)."""
    if any(ord(c) < 32 or ord(c) == 127 for c in ruw):
        return None, "bevat stuurtekens"
    naam = ruw.replace("\\", "/")
    if naam.startswith("/"):
        return None, "is een absoluut pad"
    if re.match(r"^[A-Za-z]:", naam):
        return None, "begint met een stationsletter"
    delen = naam.split("/")
    if ".." in delen:
        return None, "verwijst naar een bovenliggende map ('..')"
    delen = [d for d in delen if d not in ("", ".")]
    if not delen:
        return None, "heeft een lege naam"
    return "/".join(delen), None


def veilig_pad(basis: str | PurePath, relatief: str, *, pakket: str | None = None) -> str | Path:
    """Resolve a file reference *relatief* (e.g. a GIO's ``bestandsnaam``) against *basis*, safely.

    * *basis* a :class:`~pathlib.Path`: a folder on disk; returns a Path that (after following
      symlinks) lies inside that folder.
    * *basis* a ``str`` (or PurePosixPath): a folder inside a :class:`Pakket` (``""`` for its root);
      returns the normalised member name, e.g. ``veilig_pad("IO-1", "a.gml") == "IO-1/a.gml"``.

    Refused with :class:`XmlFout` (naming *pakket* when given): absolute paths, drive letters,
    URLs (``http:``, ``file:``), control characters, and anything that leaves *basis* via ``..``.
    """
    wie = f"Pakket '{pakket}': verwijzing" if pakket else "Verwijzing"
    ref = relatief.strip()
    if any(ord(c) < 32 or ord(c) == 127 for c in ref):
        raise XmlFout(f"{wie} '{relatief}' bevat stuurtekens; dat is niet toegestaan.")
    ref = ref.replace("\\", "/")
    if ref.startswith("/"):
        raise XmlFout(f"{wie} '{relatief}' is een absoluut pad; alleen paden binnen het pakket mogen.")
    if _SCHEMA_OF_STATION.match(ref):
        raise XmlFout(
            f"{wie} '{relatief}' is een URL of begint met een stationsletter; alleen paden binnen "
            "het pakket mogen."
        )
    if not ref:
        raise XmlFout(f"{wie} is leeg.")
    if isinstance(basis, Path):
        wortel = basis.resolve()
        doel = (wortel / ref).resolve()
        if not doel.is_relative_to(wortel):
            raise XmlFout(f"{wie} '{relatief}' wijst buiten de map '{basis}'; dat is niet toegestaan.")
        return doel
    map_ = str(basis).replace("\\", "/").strip("/")
    samen = posixpath.normpath(posixpath.join(map_, ref)) if map_ else posixpath.normpath(ref)
    if samen == ".." or samen.startswith("../") or samen.startswith("/"):
        raise XmlFout(f"{wie} '{relatief}' wijst buiten het pakket; dat is niet toegestaan.")
    if samen == ".":
        raise XmlFout(f"{wie} '{relatief}' wijst naar een map, niet naar een bestand.")
    return samen


# --------------------------------------------------------------------------------------------
# Packages: a folder or a zip
# --------------------------------------------------------------------------------------------


class Pakket:
    """A delivery opened for reading: a folder or a zip, with checked member names.

    Use as a context manager (a zip stays open until :meth:`close`). Members are addressed by their
    relative posix name (``"IO-1/Bouwhoogte.gml"``); :meth:`namen` lists the files.
    """

    def __init__(
        self,
        naam: str,
        leden: dict[str, zipfile.ZipInfo | Path],
        limieten: Limieten,
        zip_: zipfile.ZipFile | None = None,
    ) -> None:
        self.naam = naam
        self.limieten = limieten
        self._leden = leden
        self._zip = zip_

    def __repr__(self) -> str:
        soort = "zip" if self._zip is not None else "map"
        return f"Pakket({self.naam!r}, {soort}, {len(self._leden)} bestanden)"

    def __enter__(self) -> Pakket:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    def namen(self) -> list[str]:
        """The files in the package (not folders), sorted."""
        return sorted(self._leden)

    def __iter__(self) -> Iterator[str]:
        return iter(self.namen())

    def __len__(self) -> int:
        return len(self._leden)

    def __contains__(self, naam: object) -> bool:
        if not isinstance(naam, str):
            return False
        genormaliseerd, _ = _normaliseer_naam(naam)
        return genormaliseerd in self._leden

    def grootte(self, naam: str) -> int:
        """Uncompressed size in bytes, as listed (a zip's central directory, a folder's stat)."""
        lid = self._lid(naam)
        return lid.file_size if isinstance(lid, zipfile.ZipInfo) else lid.stat().st_size

    def _lid(self, naam: str) -> zipfile.ZipInfo | Path:
        genormaliseerd, reden = _normaliseer_naam(naam)
        if genormaliseerd is None:
            raise XmlFout(f"Pakket '{self.naam}': de gevraagde naam '{naam}' {reden}.")
        lid = self._leden.get(genormaliseerd)
        if lid is None:
            raise XmlFout(f"Pakket '{self.naam}': bestand '{naam}' komt in het pakket niet voor.")
        return lid

    def lees(self, naam: str) -> bytes:
        """The bytes of one member; refused if larger than the limit or unreadable."""
        lid = self._lid(naam)
        maximum = self.limieten.max_bestand
        if isinstance(lid, Path):
            try:
                if lid.is_symlink():
                    raise XmlFout(f"Pakket '{self.naam}': bestand '{naam}' is een symbolische koppeling.")
                grootte = lid.stat().st_size
                if grootte > maximum:
                    raise XmlFout(
                        f"Pakket '{self.naam}': bestand '{naam}' is te groot ({_grootte(grootte)}); "
                        f"de grens is {_grootte(maximum)}."
                    )
                with lid.open("rb") as f:
                    data = f.read(maximum + 1)
            except OSError as exc:
                raise XmlFout(
                    f"Pakket '{self.naam}': bestand '{naam}' kan niet gelezen worden ({exc.strerror or exc})."
                ) from None
        else:
            if self._zip is None:
                raise XmlFout(f"Pakket '{self.naam}' is al gesloten.")
            try:
                with self._zip.open(lid) as f:
                    # zipfile never returns more than the declared file_size; read at most the limit.
                    data = f.read(min(lid.file_size, maximum) + 1)
            except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
                raise XmlFout(
                    f"Pakket '{self.naam}': bestand '{naam}' is beschadigd en kan niet uitgepakt worden ({exc})."
                ) from None
            except NotImplementedError as exc:
                raise XmlFout(
                    f"Pakket '{self.naam}': bestand '{naam}' gebruikt een niet-ondersteunde compressie ({exc})."
                ) from None
        if len(data) > maximum:
            raise XmlFout(
                f"Pakket '{self.naam}': bestand '{naam}' is groter dan de grens van {_grootte(maximum)}."
            )
        return data

    def parse(self, naam: str, *, meldingen: list[Melding] | None = None, data: bytes | None = None) -> etree._ElementTree:
        """Read and :func:`parse_xml` one member (``data``: its bytes, already read with :meth:`lees`); messages
        name ``<pakket>/<member>``."""
        genormaliseerd, _ = _normaliseer_naam(naam)
        if data is None:
            data = self.lees(naam)
        return parse_xml(
            data, f"{self.naam}/{genormaliseerd or naam}", limieten=self.limieten, meldingen=meldingen
        )

    def verwijzing(self, van: str, naar: str) -> str:
        """The member that *naar* (a relative reference inside member *van*) points at; it must exist."""
        genormaliseerd, reden = _normaliseer_naam(van)
        if genormaliseerd is None:
            raise XmlFout(f"Pakket '{self.naam}': de naam '{van}' {reden}.")
        doel = veilig_pad(posixpath.dirname(genormaliseerd), naar, pakket=self.naam)
        assert isinstance(doel, str)
        if doel not in self._leden:
            raise XmlFout(
                f"Pakket '{self.naam}': '{van}' verwijst naar '{naar}', maar dat bestand zit niet in het pakket."
            )
        return doel


def _open_map(pad: Path, lim: Limieten) -> Pakket:
    naam = pad.name or str(pad)
    leden: dict[str, zipfile.ZipInfo | Path] = {}
    totaal = 0
    for map_, mappen, bestanden in os.walk(pad, followlinks=False):
        huidig = Path(map_)
        for m in list(mappen):
            if (huidig / m).is_symlink():
                rel = (huidig / m).relative_to(pad).as_posix()
                raise XmlFout(
                    f"Pakket '{naam}': '{rel}' is een symbolische koppeling; dat is niet toegestaan."
                )
        mappen.sort()
        for b in sorted(bestanden):
            bestand = huidig / b
            rel = bestand.relative_to(pad).as_posix()
            try:
                info = bestand.lstat()
            except OSError as exc:
                raise XmlFout(f"Pakket '{naam}': '{rel}' kan niet gelezen worden ({exc.strerror}).") from None
            if stat.S_ISLNK(info.st_mode):
                raise XmlFout(
                    f"Pakket '{naam}': '{rel}' is een symbolische koppeling; dat is niet toegestaan."
                )
            if not stat.S_ISREG(info.st_mode):
                raise XmlFout(f"Pakket '{naam}': '{rel}' is geen gewoon bestand.")
            if len(leden) + 1 > lim.max_leden:
                raise XmlFout(
                    f"Pakket '{naam}': meer dan {lim.max_leden} bestanden; dat is meer dan toegestaan."
                )
            if info.st_size > lim.max_bestand:
                raise XmlFout(
                    f"Pakket '{naam}': bestand '{rel}' is te groot ({_grootte(info.st_size)}); "
                    f"de grens is {_grootte(lim.max_bestand)}."
                )
            totaal += info.st_size
            if totaal > lim.max_totaal:
                raise XmlFout(
                    f"Pakket '{naam}': de bestanden zijn samen groter dan {_grootte(lim.max_totaal)} "
                    f"(grens bereikt bij '{rel}')."
                )
            leden[rel] = bestand
    return Pakket(naam, leden, lim)


def _open_zip(pad: Path, lim: Limieten) -> Pakket:
    naam = pad.name
    try:
        archief_grootte = pad.stat().st_size
    except OSError as exc:
        raise XmlFout(f"Pakket '{naam}' kan niet gelezen worden: {exc.strerror or exc}.") from None
    if archief_grootte > lim.max_totaal:
        raise XmlFout(
            f"Pakket '{naam}' is te groot ({_grootte(archief_grootte)}); de grens is {_grootte(lim.max_totaal)}."
        )
    try:
        zf = zipfile.ZipFile(pad)
    except zipfile.BadZipFile:
        raise XmlFout(f"Pakket '{naam}' is geen geldig zip-bestand: de inhoudsopgave van het zip-archief ontbreekt "
                      "of is beschadigd.") from None
    except (OSError, ValueError) as exc:
        raise XmlFout(f"Pakket '{naam}' kan niet als zip-bestand gelezen worden ({exc}).") from None
    try:
        infos = zf.infolist()
        if len(infos) > lim.max_leden:
            raise XmlFout(
                f"Pakket '{naam}' bevat {len(infos)} leden; de grens is {lim.max_leden} (mogelijk een zip-bom)."
            )
        leden: dict[str, zipfile.ZipInfo | Path] = {}
        totaal = 0
        totaal_gecomprimeerd = 0
        for info in infos:
            ruw = info.filename
            genormaliseerd, reden = _normaliseer_naam(ruw)
            if genormaliseerd is None:
                raise XmlFout(f"Pakket '{naam}': lid '{ruw}' {reden}; dat is niet toegestaan.")
            modus = info.external_attr >> 16
            if stat.S_ISLNK(modus):
                raise XmlFout(
                    f"Pakket '{naam}': lid '{ruw}' is een symbolische koppeling; dat is niet toegestaan."
                )
            if info.flag_bits & 0x1:
                raise XmlFout(f"Pakket '{naam}': lid '{ruw}' is versleuteld; dat wordt niet ondersteund.")
            if info.is_dir():
                continue
            if genormaliseerd in leden:
                raise XmlFout(
                    f"Pakket '{naam}': lid '{ruw}' komt twee keer voor (als '{genormaliseerd}'); "
                    "dat is niet toegestaan."
                )
            if info.file_size > lim.max_bestand:
                raise XmlFout(
                    f"Pakket '{naam}': lid '{ruw}' is uitgepakt te groot ({_grootte(info.file_size)}); "
                    f"de grens is {_grootte(lim.max_bestand)}."
                )
            if info.file_size >= lim.ratio_vanaf:
                ratio = info.file_size / max(info.compress_size, 1)
                if ratio > lim.max_ratio:
                    raise XmlFout(
                        f"Pakket '{naam}': lid '{ruw}' is {ratio:.0f} keer gecomprimeerd "
                        f"({_grootte(info.compress_size)} wordt {_grootte(info.file_size)}); "
                        f"de grens is {lim.max_ratio:g} keer (mogelijk een zip-bom)."
                    )
            totaal += info.file_size
            totaal_gecomprimeerd += info.compress_size
            if totaal > lim.max_totaal:
                raise XmlFout(
                    f"Pakket '{naam}': de leden zijn uitgepakt samen groter dan {_grootte(lim.max_totaal)} "
                    f"(grens bereikt bij '{ruw}'; mogelijk een zip-bom)."
                )
            leden[genormaliseerd] = info
        if totaal >= lim.ratio_vanaf:
            ratio = totaal / max(totaal_gecomprimeerd, 1)
            if ratio > lim.max_ratio:
                raise XmlFout(
                    f"Pakket '{naam}': het archief is {ratio:.0f} keer gecomprimeerd; de grens is "
                    f"{lim.max_ratio:g} keer (mogelijk een zip-bom)."
                )
    except BaseException:
        zf.close()
        raise
    return Pakket(naam, leden, lim, zf)


def open_pakket(pad: Path, *, limieten: Limieten | None = None) -> Pakket:
    """Open a delivery, a folder or a ``.zip``, after checking all member names and sizes.

    >>> with open_pakket(Path("levering.zip")) as pakket:      # doctest: +SKIP
    ...     besluit = pakket.parse("besluit.xml")
    """
    lim = limieten or STANDAARD_LIMIETEN
    pad = Path(pad)
    if pad.is_symlink():
        raise XmlFout(f"Pakket '{pad.name}' is een symbolische koppeling; geef het echte pad op.")
    if pad.is_dir():
        return _open_map(pad, lim)
    if pad.is_file():
        return _open_zip(pad, lim)
    raise XmlFout(f"Pakket '{pad}' bestaat niet (verwacht een map of een zip-bestand).")

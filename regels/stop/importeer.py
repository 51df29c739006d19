"""LVBB delivery or DSO/LVBB download (STOP uitwisselpakket) → plan model, with a report of what
could not be made executable.

``importeer(pad)`` reads a folder or zip and returns an :class:`ImportUitslag`: the plan text as
a :class:`~regels.model.regeling.Regeling` (one file with the plan head and the declarations, one
file per hoofdstuk), the geometry per GeoJSON file, the resolved :class:`~regels.plan.Plan` (when
it resolves) and the report. ``ImportUitslag.schrijf_planmap(map)`` writes a plan folder that
``regels lint`` and ``regels check --plan`` accept.

Two routes:

1. **The delivery carries ``regels-machine.xml``** (made by ``regels export``). The plan is read
   from it, exported again, and the result is compared with the delivery: the RegelingCompact, every
   OW object (by identificatie) and every geometry. When all agree, the machine text is the plan,
   exactly (comments, als/eis, geldigheid, afwijkingen, versions). When anything differs, the
   differences are reported and route 2 is taken, with the machine logic put back where the OW
   identifiers still match.
2. **Any other delivery or download**: the text structure from STOP, every OW object from IMOW,
   the geometry from the GIOs. What the plan model can take, comes in; every rule keeps its
   activity, qualification and locations. An ``eis`` is derived only where that is sound: a
   quantitative Omgevingsnorm whose name starts with 'maximum'/'maximale' (``<=``) or
   'minimum'/'minimale' (``>=``) and whose unit is known gives ``eis <fact> <= <norm>`` with
   ``<fact>`` the name without that word (``maximum bouwhoogte`` → ``bouwhoogte``), declared as a
   begrip. Everything else is reported per object: skipped (and why) or prose only.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shapely
from lxml import etree
from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from regels.errors import Melding, PlanFouten, XmlFout
from regels.language.format import format_regeling
from regels.language.grammar import GERESERVEERD
from regels.language.parse import parse_tekst
from regels.language.resolve import resolve
from regels.model.expressie import Naam, Vergelijking
from regels.model.regeling import (
    KWALIFICATIES, SOORTEN_GEBIEDSAANWIJZING, ActiviteitDecl, Afdeling, Alinea, Artikel, Begrip, Bestand, Eigenschap,
    Eis, GebiedDecl, GebiedengroepDecl, GebiedsaanwijzingDecl, Hoofdstuk, JuridischeRegel, Lid, Normwaarde,
    Omgevingsnorm, PlanKop, Regeling, Versie,
)
from regels.model.expressie import Getal
from regels.plan import Plan
from regels.stop import waardelijsten as wl
from regels.stop.elementen import eerste as _eerste
from regels.stop.elementen import lokaal as _lokaal
from regels.stop.elementen import tekst as _t
from regels.stop.elementen import wids as _wids
from regels.stop.gio import Gio, lees_gio
from regels.stop.ids import slug
from regels.stop.machine import lees_machinebestand
from regels.stop.ow import OwModel, is_owbestand, lees_ow
from regels.stop.schemas import LVBBA, NAMESPACES, SchemaOpslag, valideer_xsd
from regels.stop.veilig import Limieten, Pakket, open_pakket
from regels.stop.wijzigingen import Besluit, Gelezen, WijzigingVerslag, lees_besluit, pas_wijzigingen_toe

TEKST = NAMESPACES["tekst"]
DATA = NAMESPACES["data"]
LVBB = NAMESPACES["lvbb"]
GEO = NAMESPACES["geo"]
UITW = NAMESPACES["uitwisseling"]
MANIFEST_OW = NAMESPACES["ow-manifest"]

SOORTEN = ("overgeslagen", "niet uitvoerbaar", "afgeleid", "benaderd", "hersteld", "afwijking", "info")


@dataclass(frozen=True)
class Rapportregel:
    """One line of the import report: what happened to which object, and why."""

    soort: str  # see SOORTEN
    waar: str  # file:line, an OW identificatie, or an article
    bericht: str

    def __str__(self) -> str:
        return f"[{self.soort}] {self.waar}: {self.bericht}"


@dataclass
class ImportUitslag:
    regeling: Regeling
    geometrie: dict[str, dict[str, BaseGeometry]]
    plan: Plan | None
    rapport: list[Rapportregel]
    route: str  # "machinebestand" | "stop+ow"
    fouten: list[Melding] = field(default_factory=list)  # why the plan does not resolve (then plan is None)
    bron: str = ""
    wijzigingen: list[WijzigingVerslag] = field(default_factory=list)  # what each applied wijziging did, in order

    def tel(self) -> dict[str, int]:
        uit: dict[str, int] = {}
        for r in self.rapport:
            uit[r.soort] = uit.get(r.soort, 0) + 1
        return uit

    def rapport_tekst(self) -> str:
        regels = [f"# Importrapport: {self.bron}", "", f"Route: {self.route}.", ""]
        tellingen = self.tel()
        regels.append("Samenvatting: " + (", ".join(f"{n} {s}" for s, n in tellingen.items()) or "niets te melden") + ".")
        if self.wijzigingen:
            regels += ["", f"## Wijzigingen toegepast ({len(self.wijzigingen)})", ""]
            for w in self.wijzigingen:
                regels += [f"- {w.samenvatting()}"] + [f"  - {d}" for d in w.details()]
        if self.fouten:
            regels += ["", "## Het plan laadt niet", ""] + [f"- {m.render()}" for m in self.fouten]
        for soort in SOORTEN:
            lijst = [r for r in self.rapport if r.soort == soort]
            if lijst:
                regels += ["", f"## {soort} ({len(lijst)})", ""] + [f"- {r.waar}: {r.bericht}" for r in lijst]
        return "\n".join(regels) + "\n"

    def schrijf_planmap(self, map_: Path) -> Path:
        """Write ``*.regels``, ``gebieden/*.geojson`` and ``IMPORTRAPPORT.md`` into ``map_``."""
        map_ = Path(map_)
        map_.mkdir(parents=True, exist_ok=True)
        for pad, tekst in format_regeling(self.regeling).items():
            doel = map_ / pad
            doel.parent.mkdir(parents=True, exist_ok=True)
            doel.write_text(tekst, encoding="utf-8")
        for bestand, features in self.geometrie.items():
            doel = map_ / bestand
            doel.parent.mkdir(parents=True, exist_ok=True)
            doel.write_text(geojson_tekst(features), encoding="utf-8")
        (map_ / "IMPORTRAPPORT.md").write_text(self.rapport_tekst(), encoding="utf-8")
        return map_


def geojson_tekst(features: dict[str, BaseGeometry]) -> str:
    """A FeatureCollection in EPSG:28992 with property ``naam`` (coordinates unrounded)."""
    fc = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
        "features": [{"type": "Feature", "properties": {"naam": n}, "geometry": mapping(g)} for n, g in features.items()],
    }
    return json.dumps(fc, ensure_ascii=False, indent=1) + "\n"


# =====================================================================================================
# Reading the package
# =====================================================================================================


def _find(el: etree._Element, ns: str, *pad: str) -> etree._Element | None:
    cur: etree._Element | None = el
    for p in pad:
        if cur is None:
            return None
        cur = cur.find(f"{{{ns}}}{p}")
    return cur


@dataclass
class _Inhoud:
    """What was read from the package, before it becomes a plan."""

    regeling: etree._Element | None = None  # tekst:RegelingCompact
    werk: str = ""
    expressie: str = ""
    titel: str = ""
    datum: dt.date | None = None
    datum_bron: str = ""
    gios: list[Gio] = field(default_factory=list)
    ow: OwModel = field(default_factory=OwModel)
    ow_documenten: list[tuple[str, etree._ElementTree]] = field(default_factory=list)
    machine: Any = None
    soort: str = ""  # "levering" | "uitwisselpakket"


class _Lezer:
    def __init__(self, pakket: Pakket, rapport: list[Rapportregel], opslag: SchemaOpslag | None, valideer: bool,
                 wijziging: bool = False):
        self.p = pakket
        self.wijziging = wijziging  # a wijzigingslevering: its besluit is read into self.besluit, not refused
        self.besluit: Besluit | None = None
        self.rapport = rapport
        self.opslag = opslag
        self.valideer = valideer
        self.gebruikt: set[str] = set()
        self.meldingen: list[Melding] = []
        self.inhoud = _Inhoud()
        self.cache: dict[str, etree._ElementTree] = {}

    def r(self, soort: str, waar: str, bericht: str) -> None:
        self.rapport.append(Rapportregel(soort, waar, bericht))

    def parse(self, naam: str) -> etree._ElementTree:
        if naam not in self.cache:
            doc = self.p.parse(naam, meldingen=self.meldingen)
            self.gebruikt.add(naam)
            if self.valideer and self.opslag is not None:
                for m in valideer_xsd(doc, opslag=self.opslag, naam=naam):
                    self.r("afwijking", f"{naam}:{m.positie.regel if m.positie else '?'}", f"XSD: {m.bericht}")
            self.cache[naam] = doc
        return self.cache[naam]

    def lees(self) -> _Inhoud:
        namen = self.p.namen()
        pakbon = sorted((n for n in namen if n.rsplit("/", 1)[-1].lower() == "pakbon.xml"), key=len)
        opdracht = sorted((n for n in namen if n.rsplit("/", 1)[-1] == "opdracht.xml"), key=len)
        if pakbon:
            self.inhoud.soort = "uitwisselpakket"
            self._uitwisselpakket(pakbon[0])
        elif opdracht:
            self.inhoud.soort = "levering"
            self._levering(opdracht[0])
        else:
            self.inhoud.soort = "levering"
            self._zonder_opdracht()
        self._ow()
        machine = [n for n in namen if n.rsplit("/", 1)[-1] == "regels-machine.xml"]
        if machine:
            self.inhoud.machine = lees_machinebestand(self.parse(machine[0]), machine[0], self.meldingen)
        for m in self.meldingen:
            self.r("hersteld" if m.ernst == "waarschuwing" else "afwijking", m.positie.bestand if m.positie else "", m.bericht)
        for n in namen:
            if n not in self.gebruikt:
                self.r("overgeslagen", n, "bestand niet gebruikt (geen tekst, GIO of OW-bestand van de regeling)")
        return self.inhoud

    # --- LVBB delivery ---------------------------------------------------------------------------
    def _levering(self, opdracht: str) -> None:
        od = self.parse(opdracht).getroot()
        publicatie = _t(_find(od, LVBB, "publicatie"))
        datum = _t(_find(od, LVBB, "datumBekendmaking"))
        if "manifest.xml" in self.p:
            self.parse("manifest.xml")
        besluit = None
        if publicatie:
            try:
                besluit = self.p.verwijzing(opdracht, publicatie)
            except XmlFout as e:
                self.r("afwijking", opdracht, str(e))
        if besluit is None:
            self._zonder_opdracht()
            return
        self._besluit(besluit)
        if self.inhoud.datum is None and datum:
            self._zet_datum(datum, f"{opdracht} (datumBekendmaking)")
        self._gios_levering()

    def _zonder_opdracht(self) -> None:
        for n in self.p.namen():
            if n.endswith(".xml") and n not in self.gebruikt:
                try:
                    doc = self.parse(n)
                except XmlFout as e:
                    self.r("overgeslagen", n, str(e))
                    continue
                if doc.getroot().tag == f"{{{LVBBA}}}AanleveringBesluit":
                    self._besluit(n)
                    break
        else:
            if not self.wijziging:  # a wijziging may be OW only (a directeMutatieOpdracht)
                raise XmlFout(f"Pakket '{self.p.naam}': geen opdracht.xml, pakbon.xml of AanleveringBesluit gevonden; "
                              "is dit een LVBB-levering of een download van een regeling?")
        self._gios_levering()

    def _besluit(self, naam: str) -> None:
        root = self.parse(naam).getroot()
        if root.tag != f"{{{LVBBA}}}AanleveringBesluit":
            raise XmlFout(f"{naam}: verwacht een lvbba:AanleveringBesluit, gevonden {etree.QName(root).localname}")
        if self.wijziging:  # mutations, new regelingen and intrekkingen: regels.stop.wijzigingen applies them
            self.besluit = lees_besluit(root, naam)
            rc = None
        else:
            rc = root.find(f".//{{{TEKST}}}RegelingCompact")
        if rc is None and not self.wijziging:
            mutatie = root.find(f".//{{{TEKST}}}RegelingMutatie")  # only looked for when needed: a scan of the whole besluit
            if mutatie is not None:
                raise XmlFout(f"{naam}: dit is een wijzigingsbesluit (tekst:RegelingMutatie, regel {mutatie.sourceline}); "
                              "lees eerst de regeling zelf in (het initiële besluit of een download) en geef dit besluit "
                              "daarna als wijziging: regels import BASIS --wijziging DEZE_LEVERING")
            raise XmlFout(f"{naam}: het besluit bevat geen tekst:RegelingCompact; alleen een omgevingsplan met "
                          "artikelstructuur kan worden ingelezen (een intrekking of wijziging: geef die als --wijziging "
                          "na de regeling zelf)")
        if rc is not None:
            self.inhoud.regeling = rc
        rvi = root.find(f"{{{LVBBA}}}RegelingVersieInformatie")
        if rvi is not None:
            self._metadata(rvi)
        ts = root.find(f".//{{{DATA}}}Tijdstempel")
        if ts is not None and _t(_find(ts, DATA, "soortTijdstempel")) == "juridischWerkendVanaf":
            self._zet_datum(_t(_find(ts, DATA, "datum")), f"{naam}:{ts.sourceline} (juridischWerkendVanaf)")
        if not self.inhoud.expressie and rc is not None:
            self.inhoud.expressie = rc.get("wordt") or ""
            self.inhoud.werk = self.inhoud.expressie.split("/nld@")[0]

    def _metadata(self, el: etree._Element) -> None:
        ei = el.find(f".//{{{DATA}}}ExpressionIdentificatie") if el.tag != f"{{{DATA}}}ExpressionIdentificatie" else el
        if ei is not None:
            self.inhoud.werk = _t(_find(ei, DATA, "FRBRWork"))
            self.inhoud.expressie = _t(_find(ei, DATA, "FRBRExpression"))
        rm = el.find(f".//{{{DATA}}}RegelingMetadata") if el.tag != f"{{{DATA}}}RegelingMetadata" else el
        if rm is not None:
            cite = rm.find(f".//{{{DATA}}}citeertitel")
            self.inhoud.titel = _t(cite) or _t(_find(rm, DATA, "officieleTitel")) or self.inhoud.titel

    def _zet_datum(self, tekst: str, bron: str) -> None:
        try:
            self.inhoud.datum = dt.date.fromisoformat(tekst[:10])
            self.inhoud.datum_bron = bron
        except ValueError:
            self.r("afwijking", bron, f"{tekst!r} is geen datum")

    def _gios_levering(self) -> None:
        for n in self.p.namen():
            if not n.endswith(".xml") or n in self.gebruikt and n not in self.cache:
                continue
            try:
                doc = self.parse(n) if n not in self.cache else self.cache[n]
            except XmlFout as e:
                self.r("overgeslagen", n, str(e))
                continue
            if doc.getroot().tag != f"{{{LVBBA}}}AanleveringInformatieObject":
                if n not in self.cache or doc.getroot().tag.startswith(f"{{{LVBBA}}}"):
                    pass
                continue
            formaat = _t(doc.getroot().find(f".//{{{DATA}}}formaatInformatieobject"))
            for b in doc.getroot().iter(f"{{{DATA}}}Bestand"):
                bestandsnaam = _t(_find(b, DATA, "bestandsnaam"))
                if not bestandsnaam.lower().endswith(".gml"):
                    self.r("overgeslagen", n, f"informatieobject met bestand {bestandsnaam!r} ({formaat or 'geen formaat'}): "
                                              "geen GIO; niet ingelezen")
                    continue
                try:
                    gml = self.p.verwijzing(n, bestandsnaam)
                except XmlFout as e:
                    self.r("overgeslagen", n, str(e))
                    continue
                self._gml(gml, _t(_find(b, DATA, "hash")))

    def _gml(self, naam: str, hash_: str = "") -> None:
        if hash_:
            import hashlib
            werkelijk = hashlib.sha512(self.p.lees(naam)).hexdigest()
            if werkelijk.lower() != hash_.lower():
                self.r("afwijking", naam, "de SHA-512 van het gml-bestand klopt niet met de hash in de GIO; "
                                          "de geometrie is wel ingelezen")
        bevindingen: list[tuple[str, str, str]] = []
        gio = lees_gio(self.parse(naam), naam, bevindingen)
        for soort, waar, bericht in bevindingen:
            self.r(soort, waar, bericht)
        self.inhoud.gios.append(gio)

    # --- DSO download (uitwisselpakket) -----------------------------------------------------------------
    def _uitwisselpakket(self, pakbon: str) -> None:
        root = self.parse(pakbon).getroot()
        regeling_gevonden = False
        for comp in root.iter(f"{{{UITW}}}Component"):
            soort_work = _t(_find(comp, UITW, "soortWork"))
            modules = {}
            for m in comp.iter(f"{{{UITW}}}Module"):
                modules.setdefault(_t(_find(m, UITW, "localName")), []).append(_t(_find(m, UITW, "bestandsnaam")))
            for b in comp.iter(f"{{{UITW}}}Bestand"):
                naam = _t(_find(b, UITW, "bestandsnaam"))
                self.r("overgeslagen", naam, "bijgevoegd bestand (geen XML-module); niet ingelezen")
                try:
                    self.gebruikt.add(self.p.verwijzing(pakbon, naam))
                except XmlFout:
                    pass

            def bestanden(local: str) -> list[str]:
                uit = []
                for b in modules.get(local, []):
                    try:
                        uit.append(self.p.verwijzing(pakbon, b))
                    except XmlFout as e:
                        self.r("afwijking", pakbon, str(e))
                return uit

            if "RegelingCompact" in modules or soort_work in ("/join/id/stop/work_019", "/join/id/stop/work_021"):
                tekst = bestanden("RegelingCompact")
                if not tekst:
                    andere = [k for k in modules if k.startswith("Regeling")]
                    raise XmlFout(f"{pakbon}: de regeling heeft geen RegelingCompact-module (wel: {', '.join(andere) or 'niets'}); "
                                  "alleen een omgevingsplan met artikelstructuur kan worden ingelezen")
                regeling_gevonden = True
                self.inhoud.regeling = self.parse(tekst[0]).getroot()
                for local in ("ExpressionIdentificatie", "RegelingMetadata"):
                    for b in bestanden(local):
                        self._metadata(self.parse(b).getroot())
                for b in bestanden("Momentopname"):
                    mo = self.parse(b).getroot()
                    gemaakt = _t(_find(mo, DATA, "gemaaktOp"))
                    if gemaakt and self.inhoud.datum is None:
                        self._zet_datum(gemaakt, f"{b} (gemaaktOp; een download zegt niet vanaf wanneer de regeling geldt)")
                for b in bestanden("RegelingVersieMetadata") + bestanden("Toestanden") + bestanden("ConsolidatieInformatie"):
                    doc = self.parse(b).getroot()
                    ts = doc.find(f".//{{{DATA}}}juridischWerkendVanaf")
                    if ts is not None:
                        self._zet_datum(_t(ts), f"{b} (juridischWerkendVanaf)")
            for g in bestanden("GeoInformatieObjectVersie") + bestanden("GeoInformatieObjectVaststelling"):
                self._gml(g)
            for local in ("ExpressionIdentificatie", "InformatieObjectVersieMetadata", "InformatieObjectMetadata",
                          "Momentopname", "Aanleveringen", "RegelingVersieMetadata"):
                for b in bestanden(local):
                    self.gebruikt.add(b)
        if not regeling_gevonden:
            raise XmlFout(f"{pakbon}: de pakbon noemt geen regeling (RegelingCompact); niets om in te lezen")

    # --- OW ----------------------------------------------------------------------------------------------
    def _ow(self) -> None:
        namen = self.p.namen()
        manifest = sorted((n for n in namen if n.rsplit("/", 1)[-1] == "manifest-ow.xml"), key=len)
        genoemd: list[str] = []
        if manifest:
            root = self.parse(manifest[0]).getroot()
            werk = _t(root.find(f".//{{{MANIFEST_OW}}}WorkIDRegeling"))
            if werk and self.inhoud.werk and werk != self.inhoud.werk:
                self.r("afwijking", manifest[0], f"WorkIDRegeling {werk} is niet het werk van de tekst ({self.inhoud.werk})")
            for b in root.iter(f"{{{MANIFEST_OW}}}Bestand"):
                naam = _t(_find(b, MANIFEST_OW, "naam"))
                try:
                    genoemd.append(self.p.verwijzing(manifest[0], naam))
                except XmlFout as e:
                    self.r("afwijking", manifest[0], str(e))
        else:
            self.r("afwijking", self.p.naam, "geen manifest-ow.xml: alle OW-bestanden in het pakket zijn gelezen")
        for n in namen:
            if n in genoemd or not n.endswith(".xml") or n in self.cache and not is_owbestand(self.cache[n]):
                continue
            if n in self.gebruikt and n not in self.cache:
                continue
            try:
                doc = self.parse(n)
            except XmlFout:
                continue
            if is_owbestand(doc):
                genoemd.append(n)
                if manifest:
                    self.r("afwijking", n, "OW-bestand staat niet in manifest-ow.xml; toch ingelezen")
        docs = []
        for n in genoemd:
            try:
                docs.append((n, self.parse(n)))
            except XmlFout as e:
                self.r("overgeslagen", n, str(e))
        self.inhoud.ow_documenten = docs
        self.inhoud.ow = lees_ow(docs)
        for m in self.inhoud.ow.meldingen:
            self.r("afwijking", str(m.positie) if m.positie else "", m.bericht)
        for soort, ident, bron in self.inhoud.ow.beeindigd:
            self.r("overgeslagen", ident, f"{soort} met status beëindigd ({bron}); niet ingelezen")


# =====================================================================================================
# Route 2: STOP + OW → plan model
# =====================================================================================================

_NUMMER_H = re.compile(r"^\d+[a-z]?$")
_NUMMER_AFD = re.compile(r"^\d+[a-z]?(?:\.\d+[a-z]?)+$")
_NUMMER_ART = re.compile(r"^\d+[a-z]?(?:\.\d+[a-z]?)*$")
_NAAM_WOORD = re.compile(rf"^(?!(?:{'|'.join(GERESERVEERD)})$)[^\W\d][\w-]*$")
_VOORVOEGSELS = {"maximum": "<=", "maximale": "<=", "maximaal": "<=", "minimum": ">=", "minimale": ">=", "minimaal": ">="}


def is_expressienaam(naam: str) -> bool:
    """Can ``naam`` be written bare in an ``als``/``eis`` (words of letters, digits and '-', no reserved word)?"""
    woorden = naam.split()
    return bool(woorden) and all(_NAAM_WOORD.match(w) for w in woorden)


_LID = f"{{{TEKST}}}Lid"
_INHOUD = f"{{{TEKST}}}Inhoud"
_LIDNUMMER = f"{{{TEKST}}}LidNummer"
_KOP = f"{{{TEKST}}}Kop"
_NUMMER = f"{{{TEKST}}}Nummer"
_OPSCHRIFT = f"{{{TEKST}}}Opschrift"
_TERM = f"{{{TEKST}}}Term"
_DEFINITIE = f"{{{TEKST}}}Definitie"
_LINUMMER = f"{{{TEKST}}}LiNummer"
_AL = f"{{{TEKST}}}Al"
_VERVALLEN = f"{{{TEKST}}}Vervallen"


@dataclass(slots=True)
class _Houder:
    wid: str
    artikel: dict
    lid: dict | None
    volgorde: int

    @property
    def doel(self) -> dict:
        return self.lid if self.lid is not None else self.artikel

    @property
    def citaat(self) -> str:
        return f"artikel {self.artikel['nummer']}" + (f" lid {self.lid['nummer']}" if self.lid else "")


class _Bouwer:
    def __init__(self, inhoud: _Inhoud, rapport: list[Rapportregel], ambtsgebieden: dict[str, BaseGeometry]):
        self.i = inhoud
        self.ow = inhoud.ow
        self.rapport = rapport
        self.ambtsgebieden = {k.lower(): v for k, v in ambtsgebieden.items()}
        self.hoofdstukken: list[dict] = []
        self.houders: dict[str, _Houder] = {}
        self.alle_wids: dict[str, _Houder] = {}  # every element wId inside an artikel/lid → its houder
        self.namen: set[str] = set()  # every location name in use (one namespace)
        self.loc_naam: dict[str, str] = {}  # OW locatie id → plan name
        self.geometrie: dict[str, dict[str, BaseGeometry]] = {}
        self.gebieden: list[tuple[GebiedDecl, str]] = []
        self.groepen: list[tuple[GebiedengroepDecl, str]] = []
        self.aanwijzingen: dict[str, tuple[GebiedsaanwijzingDecl, str]] = {}
        self.activiteiten: dict[str, ActiviteitDecl] = {}
        self.act_naam: dict[str, str] = {}
        self.act_bron: dict[str, str] = {}
        self.tophaak: str | None = None
        self.tophaak_nodig = False
        self.normen: dict[str, Omgevingsnorm] = {}  # OW id → norm (not yet placed)
        self.norm_naam: dict[str, str] = {}
        self.begrippen: set[str] = set()
        self.geo_index: dict[str, tuple[BaseGeometry, str | None, Gio]] = {}

    def r(self, soort: str, waar: str, bericht: str) -> None:
        self.rapport.append(Rapportregel(soort, waar, bericht))

    # --- text -----------------------------------------------------------------------------------
    def tekst(self) -> None:
        rc = self.i.regeling
        assert rc is not None
        lichaam = rc.find(f"{{{TEKST}}}Lichaam")
        if lichaam is None:
            raise XmlFout("de regeling heeft geen tekst:Lichaam")
        los: list[dict] = []
        for kind in lichaam[:]:
            if not isinstance(kind.tag, str):
                continue
            soort = _lokaal(kind.tag)
            if soort == "Hoofdstuk":
                self._hoofdstuk(kind)
            elif soort in ("Artikel", "Afdeling", "Paragraaf", "Titel", "Deel", "Boek"):
                if soort == "Artikel":
                    los.append(self._artikel(kind))
                else:
                    # no hoofdstuk around it: a hoofdstuk is made, numbered after the others
                    self._hoofdstuk(kind, kunstmatig=True)
            else:
                self.r("overgeslagen", f"{soort} (regel {kind.sourceline})", "onderdeel van het lichaam dat het plan niet kent")
        if los:
            nummer = str(len(self.hoofdstukken) + 1)
            self.hoofdstukken.insert(0, {"nummer": "0" if not any(h["nummer"] == "0" for h in self.hoofdstukken) else nummer,
                                         "titel": "Artikelen buiten een hoofdstuk", "inhoud": los})
            self.r("benaderd", "lichaam", f"{len(los)} artikel(en) staan niet in een hoofdstuk; ze staan in hoofdstuk 0")
        for kind in rc:
            soort = _lokaal(kind.tag)
            if soort and soort not in ("RegelingOpschrift", "Lichaam"):
                kop = _kop(kind)
                if soort == "Bijlage" and "informatieobject" in kop[1].lower():
                    continue  # the list of GIOs (regels export writes one); the GIOs themselves are read
                self.r("overgeslagen", f"{soort} {kop[0]} {kop[1]}".strip(), "bijlagen en toelichtingen zijn geen regels; "
                                                                           "niet in het plan opgenomen")
        self._hernummer()

    def _hoofdstuk(self, el: etree._Element, kunstmatig: bool = False) -> None:
        nummer, titel = _kop(el)
        if kunstmatig:
            self.r("benaderd", f"{etree.QName(el).localname} {nummer}", "staat niet in een hoofdstuk; als hoofdstuk ingelezen")
        h = {"nummer": nummer, "titel": titel or f"Hoofdstuk {nummer}", "inhoud": [], "bron": el.sourceline}
        self.hoofdstukken.append(h)
        huidige_afd: dict | None = None
        for kind in _kinderen_structuur(el):
            soort = _lokaal(kind.tag)
            if soort == "Artikel":
                a = self._artikel(kind)
                if huidige_afd is not None:
                    huidige_afd["artikelen"].append(a)
                    if not huidige_afd.get("_gemeld_na"):
                        pass
                else:
                    h["inhoud"].append(a)
            elif soort in ("Afdeling", "Paragraaf", "Subparagraaf", "Subsubparagraaf", "Titel", "Deel"):
                anummer, atitel = _kop(kind)
                if soort != "Afdeling":
                    self.r("benaderd", f"{soort} {anummer}", "het plan kent alleen afdelingen; als afdeling ingelezen")
                huidige_afd = {"nummer": anummer, "titel": atitel or f"{soort} {anummer}", "artikelen": []}
                h["inhoud"].append(huidige_afd)
                for sub in kind.iter(f"{{{TEKST}}}Artikel"):
                    huidige_afd["artikelen"].append(self._artikel(sub))
                for sub in kind.iter(f"{{{TEKST}}}Paragraaf", f"{{{TEKST}}}Subparagraaf"):
                    if sub is not kind:
                        self.r("benaderd", f"{etree.QName(sub).localname} {_kop(sub)[0]}",
                               f"samengevoegd in afdeling {anummer} (het plan kent geen paragrafen)")
                huidige_afd = huidige_afd if soort == "Afdeling" else huidige_afd
            else:
                self.r("overgeslagen", f"{soort} (regel {kind.sourceline})", f"in hoofdstuk {nummer}: onbekend onderdeel")

    def _artikel(self, el: etree._Element) -> dict:
        nummer, titel = _kop(el)
        wid_a = el.get("wId") or ""
        a: dict = {"nummer": nummer, "titel": titel or f"Artikel {nummer}", "alineas": [], "leden": [],
                   "annotaties": [], "wid": wid_a, "bron": el.sourceline, "commentaar": []}
        leden: list[etree._Element] = []
        inhoud: etree._Element | None = None
        vervallen = False
        for k in el[:]:  # one pass instead of findall(Lid) and find(Inhoud); a slice is cheaper than iterating
            tag = k.tag
            if tag == _LID:
                leden.append(k)
            elif tag == _INHOUD and inhoud is None:
                inhoud = k
            elif tag == _VERVALLEN:
                vervallen = True
        if inhoud is not None:
            a["alineas"] = _alineas(inhoud, self, f"artikel {nummer}")
        if leden:
            if a["alineas"]:
                self.r("benaderd", f"artikel {nummer}", "tekst vóór de leden is als alinea bij lid 1 gezet")
            for i, lel in enumerate(leden, 1):
                lidnummer = linhoud = None
                for k in lel[:]:
                    tag = k.tag
                    if tag == _LIDNUMMER and lidnummer is None:
                        lidnummer = k
                    elif tag == _INHOUD and linhoud is None:
                        linhoud = k
                lnummer = _t(lidnummer).rstrip(".").strip() or str(i)
                teksten = _alineas(linhoud, self, f"artikel {nummer} lid {lnummer}")
                if not teksten:
                    teksten = ["(geen tekst)"]
                    self.r("benaderd", f"artikel {nummer} lid {lnummer}", "lid zonder tekst")
                lid = {"nummer": lnummer, "tekst": teksten[0], "alineas": teksten[1:], "annotaties": [],
                       "wid": lel.get("wId") or "", "commentaar": []}
                if i == 1 and a["alineas"]:
                    lid["alineas"] = a["alineas"] + lid["alineas"]
                    a["alineas"] = []
                a["leden"].append(lid)
                h = _Houder(lid["wid"], a, lid, len(self.houders))
                self.houders[lid["wid"]] = h
                for w in _wids(lel):
                    self.alle_wids[w] = h
            self.alle_wids[wid_a] = self.houders[a["leden"][0]["wid"]]
        else:
            h = _Houder(wid_a, a, None, len(self.houders))
            self.houders[wid_a] = h
            for w in _wids(el):
                self.alle_wids.setdefault(w, h)
            if not a["alineas"] and vervallen:  # a wijziging let it lapse: STOP keeps the number and the heading
                a["alineas"] = ["Vervallen."]
                self.r("info", f"artikel {nummer}", "het artikel is vervallen (tekst:Vervallen); het staat in het plan met "
                                                   "de tekst 'Vervallen.' en zonder regels")
            elif not a["alineas"]:
                a["alineas"] = [a["titel"]]
                self.r("benaderd", f"artikel {nummer}", "artikel zonder tekst; het opschrift is als tekst gebruikt")
        return a

    def _hernummer(self) -> None:
        """Numbers the rule language cannot hold (I, 2.3a.1, …) are replaced; artikelnummers made unique."""
        gezien_h: set[str] = set()
        for i, h in enumerate(self.hoofdstukken, 1):
            if not _NUMMER_H.match(h["nummer"]) or h["nummer"] in gezien_h:
                oud, h["nummer"] = h["nummer"], str(i)
                while h["nummer"] in gezien_h:
                    h["nummer"] += "a"
                self.r("benaderd", f"hoofdstuk {oud!r}", f"nummer niet bruikbaar in de regeltaal; hernummerd tot {h['nummer']}")
            gezien_h.add(h["nummer"])
            for j, d in enumerate(h["inhoud"], 1):
                if "artikelen" in d and not _NUMMER_AFD.match(d["nummer"]):
                    oud, d["nummer"] = d["nummer"], f"{h['nummer']}.{j}"
                    self.r("benaderd", f"afdeling {oud!r}", f"nummer niet bruikbaar in de regeltaal; hernummerd tot {d['nummer']}")
        gezien_a: set[str] = set()
        teller = 0
        for h in self.hoofdstukken:
            for a in _artikelen(h):
                teller += 1
                if not _NUMMER_ART.match(a["nummer"]) or a["nummer"] in gezien_a:
                    oud = a["nummer"]
                    a["nummer"] = f"{h['nummer']}.{teller}"
                    while a["nummer"] in gezien_a:
                        a["nummer"] += "a"
                    self.r("benaderd", f"artikel {oud!r}", f"nummer niet bruikbaar of dubbel; hernummerd tot {a['nummer']}")
                gezien_a.add(a["nummer"])
                gezien_l: set[str] = set()
                for k, lid in enumerate(a["leden"], 1):
                    if not _NUMMER_H.match(lid["nummer"]) or lid["nummer"] in gezien_l:
                        oud, lid["nummer"] = lid["nummer"], str(k)
                        self.r("benaderd", f"artikel {a['nummer']} lid {oud!r}", f"hernummerd tot lid {k}")
                    gezien_l.add(lid["nummer"])

    # --- locations ---------------------------------------------------------------------------------
    def locaties(self) -> None:
        for gio in self.i.gios:
            for loc in gio.locaties:
                self.geo_index[loc.id.lower()] = (loc.geometrie, loc.naam, gio)
        gio_slug: dict[int, str] = {}
        bestanden_gebruikt: set[str] = set()
        for gio in self.i.gios:
            s = slug(gio.werk.rstrip("/").rsplit("/", 1)[-1] if gio.werk else Path(gio.bestand).stem)
            basis, n = s, 2
            while s.lower() in bestanden_gebruikt:
                s, n = f"{basis}-{n}", n + 1
            bestanden_gebruikt.add(s.lower())
            gio_slug[id(gio)] = s
        groepnaam = {loc.id: self._unieke_naam(loc.noemer or _achtervoegsel(loc.id), loc.id, "groep")
                     for loc in self.ow.locaties.values() if loc.soort == "Gebiedengroep"}
        for loc in self.ow.locaties.values():
            if loc.soort in ("Gebied",):
                if loc.geometrie is None or loc.geometrie.lower() not in self.geo_index:
                    self.r("overgeslagen", loc.id, f"Gebied: de geometrie {loc.geometrie!r} staat in geen GIO van het pakket")
                    continue
                geom, gio_naam, gio = self.geo_index[loc.geometrie.lower()]
                naam = self._unieke_naam(loc.noemer or gio_naam or f"{gio_slug[id(gio)]} {_achtervoegsel(loc.id)}", loc.id, "gebied")
                bestand = f"gebieden/{gio_slug[id(gio)]}.geojson"
                self.geometrie.setdefault(bestand, {})[naam] = geom
                self.gebieden.append((GebiedDecl(naam=naam, bestand=bestand), loc.id))
                self.loc_naam[loc.id] = naam
            elif loc.soort == "Ambtsgebied":
                geom = self.ambtsgebieden.get((loc.ambtsgebied or "").lower())
                naam = self._unieke_naam(loc.noemer or f"ambtsgebied {loc.ambtsgebied or _achtervoegsel(loc.id)}", loc.id, "gebied")
                if geom is None:
                    alle = [g for g, _, _ in self.geo_index.values()]
                    if not alle:
                        self.r("overgeslagen", loc.id, "Ambtsgebied zonder geometrie en er is geen GIO om het te benaderen")
                        continue
                    geom = shapely.convex_hull(shapely.union_all(alle)).buffer(0)
                    self.r("benaderd", loc.id, f"het Ambtsgebied {loc.ambtsgebied or ''} heeft geen geometrie in het pakket "
                                               "(het verwijst naar de bestuurlijke grenzen); benaderd met de convexe omhullende "
                                               "van alle GIO's. Geef de echte grens met --ambtsgebied CODE=BESTAND.geojson")
                bestand = "gebieden/ambtsgebied.geojson"
                self.geometrie.setdefault(bestand, {})[naam] = geom
                self.gebieden.append((GebiedDecl(naam=naam, bestand=bestand), loc.id))
                self.loc_naam[loc.id] = naam
            elif loc.soort in ("Lijn", "Punt", "Lijnengroep", "Puntengroep"):
                self.r("overgeslagen", loc.id, f"{loc.soort}: het plan kent alleen gebieden (vlakken)")
        for loc in self.ow.locaties.values():
            if loc.soort != "Gebiedengroep":
                continue
            leden = [self.loc_naam[x] for x in loc.leden if x in self.loc_naam]
            for x in loc.leden:
                if x not in self.loc_naam:
                    self.r("overgeslagen", loc.id, f"groepselement {x} is niet ingelezen (zie daar); de groep is kleiner")
            if not leden:
                self.r("overgeslagen", loc.id, "Gebiedengroep zonder ingelezen gebieden")
                continue
            naam = groepnaam[loc.id]
            self.groepen.append((GebiedengroepDecl(naam=naam, leden=tuple(leden)), loc.id))
            self.loc_naam[loc.id] = naam
        for ga in self.ow.gebiedsaanwijzingen.values():
            gevonden = wl.zoek_uri(ga.type)
            label = gevonden[1] if gevonden else ""
            soort = wl.GEBIEDSAANWIJZING_VAN_LABEL.get(label)
            if soort is None or soort not in SOORTEN_GEBIEDSAANWIJZING:
                self.r("overgeslagen", ga.id, f"Gebiedsaanwijzing {ga.naam!r}: type {ga.type!r} kent de regeltaal niet")
                continue
            locs = [self.loc_naam[x] for x in ga.locaties if x in self.loc_naam]
            if not locs:
                self.r("overgeslagen", ga.id, f"Gebiedsaanwijzing {ga.naam!r} zonder ingelezen locatie")
                continue
            naam = self._unieke_naam(ga.naam, ga.id, "gebiedsaanwijzing")
            self.aanwijzingen[ga.id] = (GebiedsaanwijzingDecl(naam=naam, type=soort, locaties=tuple(locs)), ga.id)

    def _unieke_naam(self, naam: str, ident: str, soort: str = "") -> str:
        naam = " ".join(naam.split()) or _achtervoegsel(ident)
        if naam in self.namen:
            nieuw = f"{naam} ({soort})" if soort else ""
            if not nieuw or nieuw in self.namen:
                nieuw = f"{naam} ({_achtervoegsel(ident)})"
            self.r("info", ident, f"de naam {naam!r} is al in gebruik; dit object heet {nieuw!r}")
            naam = nieuw
        self.namen.add(naam)
        return naam

    # --- activities ------------------------------------------------------------------------------------
    def activiteiten_lezen(self) -> None:
        gebruikt: set[str] = set()
        for act in self.ow.activiteiten.values():
            naam = " ".join(act.naam.split()) or _achtervoegsel(act.id)
            if naam in gebruikt:
                nieuw = f"{naam} ({_achtervoegsel(act.id)})"
                self.r("info", act.id, f"de activiteitnaam {naam!r} komt twee keer voor; deze heet {nieuw!r}")
                naam = nieuw
            gebruikt.add(naam)
            self.act_naam[act.id] = naam
        for act in self.ow.activiteiten.values():
            boven = act.bovenliggend
            if boven and boven not in self.ow.activiteiten:
                if self.tophaak is None and (boven.startswith("nl.imow-mnre") or "ActIn" in boven or "ActiviteitIn" in boven):
                    # the tophaak of this plan: it hangs under the national placeholder
                    pass
                if boven.startswith("nl.imow-mnre"):
                    self.tophaak = self.tophaak or act.id
                    self.activiteiten[act.id] = ActiviteitDecl(naam=self.act_naam[act.id], bovenliggend=None)
                    continue
                # a parent outside the delivery (Gemeentestad: its own tophaak is left out)
                if boven not in self.act_naam:
                    self.act_naam[boven] = "Activiteit gereguleerd in het omgevingsplan" if "Omgevingsplan" in boven \
                        else _achtervoegsel(boven)
                    self.r("benaderd", boven, f"bovenliggende activiteit staat niet in het pakket; aangemaakt als "
                                              f"{self.act_naam[boven]!r} (de tophaak)")
                    self.tophaak = self.tophaak or boven
                    self.activiteiten[boven] = ActiviteitDecl(naam=self.act_naam[boven], bovenliggend=None)
            self.activiteiten[act.id] = ActiviteitDecl(
                naam=self.act_naam[act.id], bovenliggend=self.act_naam.get(boven) if boven else None)
        for act in self.ow.activiteiten.values():
            if act.naam.lower().startswith("activiteit gereguleerd in") and self.tophaak is None:
                self.tophaak = act.id

    def tophaak_naam(self) -> str:
        if self.tophaak is None:
            self.tophaak = "tophaak"
            self.act_naam["tophaak"] = "Activiteit gereguleerd in het omgevingsplan"
            self.activiteiten["tophaak"] = ActiviteitDecl(naam=self.act_naam["tophaak"], bovenliggend=None)
            self.r("benaderd", "activiteiten", "geen tophaak in het pakket; 'Activiteit gereguleerd in het omgevingsplan' aangemaakt")
        self.tophaak_nodig = True
        return self.act_naam[self.tophaak]

    # --- norms and rules -----------------------------------------------------------------------------
    def normen_lezen(self) -> None:
        gebruikt: set[str] = set()
        for n in self.ow.normen.values():
            if n.soort == "Omgevingswaarde":
                self.r("overgeslagen", n.id, f"Omgevingswaarde {n.naam!r}: een omgevingswaarde is geen norm voor een "
                                             "initiatief; niet ingelezen")
                continue
            eenheid_label = (wl.zoek_uri(n.eenheid) or ("", ""))[1] if n.eenheid else ""
            if any(w.kwantitatief is None for w in n.waarden):
                soort = "kwalitatief" if any(w.kwalitatief for w in n.waarden) else "in de regeltekst"
                self.r("niet uitvoerbaar", n.id, f"Omgevingsnorm {n.naam!r}: de waarden zijn {soort}; "
                                                 "het plan kent alleen getallen, de norm is niet ingelezen")
                continue
            if eenheid_label not in wl.EENHEID_VAN_LABEL:
                self.r("niet uitvoerbaar", n.id, f"Omgevingsnorm {n.naam!r}: de eenheid {n.eenheid!r} kent de regeltaal niet; "
                                                 "niet ingelezen")
                continue
            eenheid = wl.EENHEID_VAN_LABEL[eenheid_label]
            waarden: list[Normwaarde] = []
            for w in n.waarden:
                locs = [self.loc_naam[x] for x in w.locaties if x in self.loc_naam]
                try:
                    getal = float((w.kwantitatief or "").replace(",", "."))
                except ValueError:
                    self.r("overgeslagen", w.id or n.id, f"normwaarde {w.kwantitatief!r} is geen getal")
                    continue
                if not locs:
                    self.r("overgeslagen", w.id or n.id, f"normwaarde {w.kwantitatief} van {n.naam!r} zonder ingelezen locatie")
                    continue
                waarden.append(Normwaarde(waarde=Getal(waarde=getal, eenheid=eenheid), locaties=tuple(locs),
                                          commentaar=(f"OW {w.id}",) if w.id else ()))
            if not waarden:
                self.r("overgeslagen", n.id, f"Omgevingsnorm {n.naam!r} zonder bruikbare waarde")
                continue
            naam = " ".join(n.naam.split())
            if naam in gebruikt:
                naam = f"{naam} {_achtervoegsel(n.id)}"
            gebruikt.add(naam)
            self.norm_naam[n.id] = naam
            self.normen[n.id] = Omgevingsnorm(naam=naam, eenheid=eenheid, waarden=tuple(waarden), commentaar=(f"OW {n.id}",))

    def regels_lezen(self) -> None:
        def plek(rid: str) -> tuple[int, str]:
            rvi = self.ow.regels[rid]
            rt = self.ow.regelteksten.get(rvi.regeltekst)
            h = self.alle_wids.get(rt.wid) if rt else None
            return (h.volgorde if h else 10**9, rid)

        geplaatst: set[str] = set()
        volgorde = sorted(self.ow.regels, key=plek)
        # norms go to the rule without activity that names them (its article declares them), else the first user
        for rid in sorted(volgorde, key=lambda x: (bool(self.ow.regels[x].activiteiten), plek(x))):
            rvi = self.ow.regels[rid]
            h = self._houder(rvi)
            if h is None:
                continue
            for nid in rvi.normen:
                if nid in self.normen and nid not in geplaatst:
                    h.doel["annotaties"].append(self.normen[nid])
                    geplaatst.add(nid)
        for nid, n in self.normen.items():
            if nid not in geplaatst:
                self.r("overgeslagen", nid, f"Omgevingsnorm {n.naam!r}: geen juridische regel verwijst ernaar, dus het plan "
                                            "weet niet bij welk artikel ze hoort; niet ingelezen")
                self.norm_naam.pop(nid, None)
        for rid in volgorde:
            rvi = self.ow.regels[rid]
            h = self._houder(rvi, melden=True)
            if h is None:
                continue
            if rvi.soort != "RegelVoorIedereen":
                self.r("overgeslagen", rid, f"{rvi.soort}: geen regel voor een initiatief ({h.citaat}); niet ingelezen")
                continue
            locaties = self._locatienamen(rvi.locaties, rvi.gebiedsaanwijzingen, rid)
            eisen, begrippen = self._afgeleide_eisen(rvi.normen, rid, h)
            if not rvi.activiteiten:
                if eisen and locaties:
                    top = self.tophaak_naam()
                    h.doel["annotaties"] += begrippen
                    h.doel["annotaties"].append(JuridischeRegel(
                        activiteit=top, locaties=tuple(locaties), kwalificatie="gebod", onderdelen=tuple(eisen),
                        commentaar=(f"OW {rid}", "afgeleid: regel zonder activiteit; geldt voor elke activiteit hier")))
                    self.r("afgeleid", rid, f"{h.citaat}: regel zonder activiteit met norm; ingelezen als gebod voor de "
                                            f"tophaak ({top!r}), dus voor elke activiteit ter plaatse: "
                                            + "; ".join(_eis_tekst(e) for e in eisen))
                elif not any(n in self.normen for n in rvi.normen):
                    self.r("niet uitvoerbaar", rid, f"{h.citaat}: juridische regel zonder activiteit en zonder bruikbare norm; "
                                                    "alleen de tekst geldt")
                continue
            for aa in rvi.activiteiten:
                act = self.act_naam.get(aa.activiteit)
                if act is None:
                    self.r("overgeslagen", rid, f"{h.citaat}: activiteit {aa.activiteit} staat niet in het pakket")
                    continue
                if aa.activiteit not in self.activiteiten:
                    self.activiteiten[aa.activiteit] = ActiviteitDecl(naam=act)
                kw_label = (wl.zoek_uri(aa.kwalificatie) or ("", ""))[1]
                kwalificatie = wl.KWALIFICATIE_VAN_LABEL.get(kw_label)
                if kwalificatie is None or kwalificatie not in KWALIFICATIES:
                    self.r("overgeslagen", rid, f"{h.citaat}: activiteitregelkwalificatie {aa.kwalificatie!r} onbekend")
                    continue
                locs = self._locatienamen(aa.locaties, rvi.gebiedsaanwijzingen, rid) if aa.locaties else locaties
                if not locs:
                    self.r("overgeslagen", rid, f"{h.citaat}: regel over {act!r} zonder ingelezen locatie")
                    continue
                commentaar = [f"OW {rid}"]
                if not eisen:
                    commentaar.append("de voorwaarden en eisen van deze regel staan alleen in de tekst")
                    self.r("niet uitvoerbaar", rid, f"{h.citaat}: {act!r} is {kwalificatie} in {', '.join(locs)}; "
                                                    "voorwaarden en eisen staan alleen in de tekst")
                else:
                    self.r("afgeleid", rid, f"{h.citaat}: {act!r} is {kwalificatie}; " + "; ".join(_eis_tekst(e) for e in eisen))
                h.doel["annotaties"] += begrippen
                begrippen = []
                h.doel["annotaties"].append(JuridischeRegel(activiteit=act, locaties=tuple(locs), kwalificatie=kwalificatie,
                                                            onderdelen=tuple(eisen), commentaar=tuple(commentaar)))

    def _houder(self, rvi: Any, melden: bool = False) -> _Houder | None:
        rt = self.ow.regelteksten.get(rvi.regeltekst)
        if rt is None:
            if melden:
                self.r("overgeslagen", rvi.id, f"verwijst naar Regeltekst {rvi.regeltekst!r}, die niet in het pakket staat")
            return None
        h = self.houders.get(rt.wid) or self.alle_wids.get(rt.wid)
        if h is None and melden:
            self.r("overgeslagen", rvi.id, f"de Regeltekst {rt.id} wijst naar wId {rt.wid!r}, die niet in de tekst staat")
        elif h is not None and rt.wid not in self.houders and melden and rt.wid != h.artikel.get("wid"):
            self.r("benaderd", rvi.id, f"wId {rt.wid} is geen artikel of lid; de annotatie hangt aan {h.citaat}")
        return h

    def _locatienamen(self, refs: list[str], aanwijzingen: list[str], waar: str) -> list[str]:
        namen: list[str] = []
        over = list(refs)
        for ga in aanwijzingen:
            if ga in self.aanwijzingen:
                ga_refs = self.ow.gebiedsaanwijzingen[ga].locaties
                if ga_refs and all(x in over for x in ga_refs):
                    over = [x for x in over if x not in ga_refs]
                    namen.append(self.aanwijzingen[ga][0].naam)
        for x in over:
            if x in self.loc_naam:
                if self.loc_naam[x] not in namen:
                    namen.append(self.loc_naam[x])
            else:
                self.r("overgeslagen", waar, f"locatie {x} is niet ingelezen; de regel geldt daar niet")
        return namen

    def _afgeleide_eisen(self, norm_ids: list[str], rid: str, h: _Houder) -> tuple[list[Eis], list[Begrip]]:
        eisen: list[Eis] = []
        begrippen: list[Begrip] = []
        for nid in norm_ids:
            if nid not in self.normen or nid not in self.norm_naam:
                continue
            norm = self.normen[nid]
            woorden = norm.naam.split()
            op = _VOORVOEGSELS.get(woorden[0].lower()) if woorden else None
            feit = " ".join(woorden[1:])
            if op is None or not feit:
                self.r("niet uitvoerbaar", rid, f"norm {norm.naam!r}: de naam begint niet met maximum/minimum, dus niet "
                                                "vast te stellen waaraan een initiatief moet voldoen; geen eis afgeleid")
                continue
            if not is_expressienaam(norm.naam) or not is_expressienaam(feit):
                self.r("niet uitvoerbaar", rid, f"norm {norm.naam!r}: de naam kan niet in een eis staan (woorden als "
                                                "'van', 'en', 'is' of leestekens); geen eis afgeleid")
                continue
            if feit in self.norm_naam.values():
                self.r("niet uitvoerbaar", rid, f"norm {norm.naam!r}: het feit {feit!r} is zelf een norm; geen eis afgeleid")
                continue
            eisen.append(Eis(expressie=Vergelijking(links=Naam(naam=feit), op=op, rechts=Naam(naam=norm.naam)),
                             commentaar=(f"afgeleid uit norm {norm.naam!r}",)))
            if feit not in self.begrippen:
                self.begrippen.add(feit)
                begrippen.append(Begrip(naam=feit, type="eenheid" if norm.eenheid else "aantal", eenheid=norm.eenheid,
                                        commentaar=(f"afgeleid uit de naam van norm {norm.naam!r}",)))
        return eisen, begrippen

    # --- the plan -------------------------------------------------------------------------------------
    def kop(self) -> PlanKop:
        werk = self.i.werk
        m = re.match(r"^/akn/nl/act/([a-z]+\d+)/", werk)
        bg = m.group(1) if m else ""
        if not werk:
            self.r("afwijking", "regeling", "geen FRBRWork gevonden")
        rg_naam = None
        if len(self.ow.regelingsgebieden) != 1:
            self.r("afwijking", "Regelingsgebied", f"{len(self.ow.regelingsgebieden)} Regelingsgebieden (verwacht precies één)")
        for rg in self.ow.regelingsgebieden[:1]:
            namen = [self.loc_naam[x] for x in rg.locaties if x in self.loc_naam]
            if len(namen) == 1:
                rg_naam = namen[0]
            elif namen:
                rg_naam = self._unieke_naam("regelingsgebied", rg.id)
                self.groepen.append((GebiedengroepDecl(naam=rg_naam, leden=tuple(namen)), rg.id))
        if rg_naam is None:
            alle = [g for f in self.geometrie.values() for g in f.values()]
            if not alle:
                raise XmlFout("het pakket bevat geen enkele bruikbare geometrie: geen regelingsgebied te bepalen")
            rg_naam = self._unieke_naam("regelingsgebied", "regelingsgebied")
            self.geometrie.setdefault("gebieden/regelingsgebied.geojson", {})[rg_naam] = shapely.union_all(alle)
            self.gebieden.append((GebiedDecl(naam=rg_naam, bestand="gebieden/regelingsgebied.geojson"), ""))
            self.r("benaderd", "Regelingsgebied", "geen bruikbaar Regelingsgebied; benaderd met de vereniging van alle gebieden")
        datum = self.i.datum
        if datum is None:
            datum = dt.date(1900, 1, 1)
            self.r("benaderd", "versie", "geen datum van inwerkingtreding gevonden; de versie geldt vanaf 1900-01-01")
        elif "gemaaktOp" in self.i.datum_bron:
            self.r("benaderd", "versie", f"de versie geldt vanaf {datum}: {self.i.datum_bron}")
        versie = self.i.expressie.split("@", 1)[1] if "@" in self.i.expressie else "1"
        titel = self.i.titel or _t(self.i.regeling.find(f"{{{TEKST}}}RegelingOpschrift")) or werk or "Geïmporteerd plan"
        return PlanKop(titel=" ".join(titel.split()), regels=(
            Eigenschap(sleutel="bevoegd gezag", waarde=bg or "onbekend"),
            Eigenschap(sleutel="werk", waarde=werk or "onbekend"),
            Eigenschap(sleutel="regelingsgebied", waarde=rg_naam),
            Versie(naam=versie, vanaf=datum),
        ), commentaar=(f"Geïmporteerd uit {self.i.soort} {self.i.expressie}".strip(),
                       "Zie IMPORTRAPPORT.md voor wat niet (uitvoerbaar) is overgenomen."))

    def regeling(self) -> Regeling:
        kop = self.kop()
        items: list[Any] = [kop]
        actief = dict(self.activiteiten)
        if self.tophaak is not None and not self.tophaak_nodig and self.tophaak in actief:
            top = actief.pop(self.tophaak)
            actief = {k: (v.model_copy(update={"bovenliggend": None}) if v.bovenliggend == top.naam else v)
                      for k, v in actief.items()}
        for ident, a in actief.items():
            items.append(a.model_copy(update={"commentaar": (f"OW {ident}",)}))
        for decl, ident in self.gebieden:
            items.append(decl.model_copy(update={"commentaar": (f"OW {ident}",) if ident else ()}))
        for decl, ident in self.groepen:
            items.append(decl.model_copy(update={"commentaar": (f"OW {ident}",)}))
        for decl, ident in self.aanwijzingen.values():
            items.append(decl.model_copy(update={"commentaar": (f"OW {ident}",)}))
        bestanden = [Bestand(pad="00-plan.regels", items=tuple(items))]
        for h in self.hoofdstukken:
            bestanden.append(Bestand(pad=f"hoofdstuk-{h['nummer'].zfill(2)}.regels", items=(_hoofdstuk_model(h),)))
        return Regeling(bestanden=tuple(bestanden))


def _kop(el: etree._Element) -> tuple[str, str]:
    kop = _eerste(el, _KOP)
    if kop is None:
        return "", ""
    nummer = opschrift = None
    for k in kop[:]:
        tag = k.tag
        if tag == _NUMMER and nummer is None:
            nummer = k
        elif tag == _OPSCHRIFT and opschrift is None:
            opschrift = k
    return _t(nummer).rstrip("."), _t(opschrift)


def _kinderen_structuur(el: etree._Element) -> list[etree._Element]:
    return [k for k in el[:] if isinstance(k.tag, str) and _lokaal(k.tag) != "Kop"]


def _alineas(inhoud: etree._Element | None, b: _Bouwer, waar: str) -> list[str]:
    """The paragraphs of an Inhoud as plain texts: Al, list items ('a. …'), Begrip ('term: definitie'), tables."""
    if inhoud is None:
        return []
    uit: list[str] = []
    for kind in inhoud[:]:
        tag = kind.tag
        if tag == _AL:
            soort = "Al"
        elif isinstance(tag, str):
            soort = _lokaal(tag)
        else:
            continue
        if soort == "Al":
            t = _t(kind)
            if t:
                uit.append(t)
        elif soort in ("Lijst", "Begrippenlijst"):
            for li in kind.iter(f"{{{TEKST}}}Li", f"{{{TEKST}}}Begrip", f"{{{TEKST}}}Lijstaanhef", f"{{{TEKST}}}Lijstsluiting"):
                ln = _lokaal(li.tag)
                if ln == "Begrip":
                    t = f"{_t(_eerste(li, _TERM))}: {_t(_eerste(li, _DEFINITIE))}"
                elif ln == "Li":
                    nummer_el = None
                    alineas: list[str] = []
                    for al in li[:]:  # one pass: the first LiNummer and every Al, in order
                        al_tag = al.tag
                        if al_tag == _LINUMMER:
                            if nummer_el is None:
                                nummer_el = al
                        elif al_tag == _AL or _lokaal(al_tag) == "Al":
                            alineas.append(_t(al))
                    nr = _t(nummer_el)
                    eigen = " ".join(alineas)
                    t = f"{nr} {eigen}".strip()
                else:
                    t = _t(li)
                if t.strip(": "):
                    uit.append(t)
        elif soort == "table" or soort == "Tabel":
            rijen = [" | ".join(_t(e) for e in row if isinstance(e.tag, str)) for row in kind.iter(f"{{{TEKST}}}row")]
            uit += [r for r in rijen if r.strip(" |")]
            b.r("benaderd", waar, "tabel als platte tekst ingelezen (één alinea per rij)")
        elif soort in ("Figuur", "Formule"):
            b.r("overgeslagen", waar, f"{soort.lower()} niet ingelezen (het plan kent alleen tekst)")
        elif soort == "Gereserveerd":
            uit.append("(gereserveerd)")
        else:
            t = _t(kind)
            if t:
                uit.append(t)
                b.r("benaderd", waar, f"{soort} als platte tekst ingelezen")
    return uit


def _artikelen(h: dict) -> list[dict]:
    uit: list[dict] = []
    for d in h["inhoud"]:
        uit.extend(d["artikelen"] if "artikelen" in d else [d])
    return uit


def _artikel_gegevens(a: dict) -> dict:
    """An artikel as the input of ``Artikel`` (the annotaties are models already)."""
    leden = [{"soort": "lid", "nummer": lid["nummer"], "tekst": lid["tekst"],
              "alineas": [{"tekst": t} for t in lid["alineas"]], "annotaties": lid["annotaties"]} for lid in a["leden"]]
    return {"soort": "artikel", "nummer": a["nummer"], "titel": a["titel"], "alineas": [{"tekst": t} for t in a["alineas"]],
            "annotaties": a["annotaties"] if not leden else (), "leden": leden}


def _hoofdstuk_model(h: dict) -> Hoofdstuk:
    """One validation of the whole hoofdstuk: pydantic-core builds the nested models in one call, about a
    third faster than building every Alinea, Lid and Artikel in its own call."""
    inhoud: list[dict] = []
    for d in h["inhoud"]:
        if "artikelen" in d:
            inhoud.append({"soort": "afdeling", "nummer": d["nummer"], "titel": d["titel"],
                           "artikelen": [_artikel_gegevens(a) for a in d["artikelen"]]})
        elif inhoud and inhoud[-1]["soort"] == "afdeling":  # the model: artikelen before afdelingen
            inhoud[-1]["artikelen"].append(_artikel_gegevens(d))
        else:
            inhoud.append(_artikel_gegevens(d))
    return Hoofdstuk.model_validate({"nummer": h["nummer"], "titel": h["titel"], "inhoud": inhoud})


def _achtervoegsel(ident: str) -> str:
    return ident.rsplit(".", 1)[-1] if ident else "onbekend"


def _eis_tekst(e: Eis) -> str:
    from regels.language.format import format_expressie
    return f"eis {format_expressie(e.expressie)}"


# =====================================================================================================
# Route 1: the machine file, checked against the delivery
# =====================================================================================================


def _canon(el: etree._Element) -> tuple:
    """A comparable form of an element: tag, attributes, normalised text, children (comments dropped)."""
    kinderen = tuple(_canon(k) for k in el if isinstance(k.tag, str))
    tekst = " ".join((el.text or "").split())
    staart = tuple(" ".join((k.tail or "").split()) for k in el if isinstance(k.tag, str))
    return (el.tag, tuple(sorted((k, v) for k, v in el.attrib.items() if not k.startswith("{http://www.w3.org/2001/XMLSchema-instance}"))),
            tekst, kinderen, staart)


def _ow_objecten(documenten: Iterable[tuple[str, etree._ElementTree]]) -> dict[str, tuple]:
    uit: dict[str, tuple] = {}
    ow_dc = NAMESPACES["ow-dc"]
    for _, doc in documenten:
        for obj in doc.getroot().iter(f"{{{ow_dc}}}owObject"):
            for k in obj:
                if isinstance(k.tag, str):
                    ident = next((_t(x) for x in k if isinstance(x.tag, str) and etree.QName(x).localname == "identificatie"), "")
                    uit[ident] = _canon(k)
    return uit


def _machine_route(inhoud: _Inhoud, rapport: list[Rapportregel]) -> tuple[Regeling, dict, Plan] | None:
    from regels.stop.export import exporteer
    from regels.stop.ids import geometrie_uuid
    from regels.stop.veilig import parse_xml

    m = inhoud.machine
    if m is None:
        return None
    bestanden: list[Bestand] = []
    fouten: list[Melding] = []
    bronnen: dict[str, list[str]] = {}
    for pad, tekst in m.bestanden.items():
        b, f = parse_tekst(tekst, pad)
        bestanden.append(b)
        fouten += f
        bronnen[pad] = tekst.splitlines()
    if fouten:
        rapport.append(Rapportregel("afwijking", "regels-machine.xml", "het machinebestand is geen geldige regeltaal: "
                                    + "; ".join(f.render() for f in fouten[:3])))
        return None
    regeling = Regeling(bestanden=tuple(bestanden))
    geo: dict[str, BaseGeometry] = {loc.id.lower(): loc.geometrie for gio in inhoud.gios for loc in gio.locaties}
    geometrie: dict[str, dict[str, BaseGeometry]] = {}
    for item in regeling.items():
        if isinstance(item, GebiedDecl):
            g = geo.get(geometrie_uuid(m.werk, item.naam).lower())
            if g is None:
                rapport.append(Rapportregel("afwijking", "regels-machine.xml",
                                            f"gebied {item.naam!r} heeft geen GIO in de levering; machinebestand niet gebruikt"))
                return None
            geometrie.setdefault(item.bestand, {})[item.naam] = g
    try:
        plan = resolve(regeling, None, bronnen, geometrie)
    except PlanFouten as e:
        rapport.append(Rapportregel("afwijking", "regels-machine.xml", "het plan uit het machinebestand laadt niet: "
                                    + "; ".join(f.render() for f in e.fouten[:3])))
        return None
    # export it again and compare with what was delivered
    opnieuw = exporteer(plan, machinebestand=False)
    verschillen: list[str] = []
    if inhoud.regeling is not None:
        besluit = parse_xml(opnieuw.bestanden["besluit.xml"], "besluit.xml").getroot()
        rc = besluit.find(f".//{{{TEKST}}}RegelingCompact")
        if rc is None or _canon(rc) != _canon(inhoud.regeling):
            verschillen.append("de tekst (RegelingCompact) wijkt af van wat het machinebestand geeft")
    geleverd = _ow_objecten(inhoud.ow_documenten)
    verwacht = _ow_objecten((n, parse_xml(d, n)) for n, d in opnieuw.bestanden.items()
                            if n.startswith("ow") and n.endswith(".xml"))
    for ident in sorted(set(geleverd) | set(verwacht)):
        if ident not in verwacht:
            verschillen.append(f"OW-object {ident} staat in de levering maar volgt niet uit het machinebestand")
        elif ident not in geleverd:
            verschillen.append(f"OW-object {ident} ontbreekt in de levering")
        elif geleverd[ident] != verwacht[ident]:
            verschillen.append(f"OW-object {ident} wijkt af van wat het machinebestand geeft")
    for naam, features in geometrie.items():
        for n, g in features.items():
            if not g.equals_exact(plan.locaties[n], 0):
                verschillen.append(f"geometrie van {n!r} wijkt af")
    if verschillen:
        for v in verschillen[:50]:
            rapport.append(Rapportregel("afwijking", "regels-machine.xml", v))
        if len(verschillen) > 50:
            rapport.append(Rapportregel("afwijking", "regels-machine.xml", f"en nog {len(verschillen) - 50} verschillen"))
        rapport.append(Rapportregel("info", "regels-machine.xml", "de levering is na de export gewijzigd; de STOP-tekst en de "
                                    "OW-objecten zijn gevolgd en de machinelogica is overgenomen waar de OW-identificaties "
                                    "nog overeenkomen"))
        return None
    return regeling, geometrie, plan


# =====================================================================================================
# Entry point
# =====================================================================================================


@contextmanager
def _cyclische_gc_uit() -> Iterator[None]:
    """Keeps the cyclic garbage collector off while an import builds its objects; one pass afterwards.

    An import of a large delivery allocates some 25,000 container objects that all live on (element
    proxies, OW objects, the plan model). The collector would walk the young ones about 35 times and
    the older ones a few times more, 10-15 % of the import, to find no garbage: reference counting
    frees everything that is dropped. With the collector off during the import and one pass over the
    young generation at the end, every object is looked at once. (Mercurial does the same around its
    bulk loads.) When the caller had the collector off, it stays off and no pass is made. Other
    threads run without the cyclic collector for the duration of the import; nothing is lost by that,
    a cycle they leave behind is collected at the first pass afterwards.
    """
    aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aan:
            gc.enable()
            gc.collect(0)


@_cyclische_gc_uit()
def importeer(pad: Path | str, *, opslag: SchemaOpslag | None = None, limieten: Limieten | None = None,
              ambtsgebieden: dict[str, BaseGeometry] | None = None, valideer: bool = False,
              machine: bool = True, wijzigingen: Sequence[Path | str] = ()) -> ImportUitslag:
    """Read a delivery or download (folder or zip) into the plan model; see the module docstring.

    ``ambtsgebieden`` gives the real geometry of an Ambtsgebied by its code (``{"GM0297": geom}``);
    ``valideer`` also validates every XML file against its XSD (needs the schema store ``opslag``)
    and reports deviations; ``machine=False`` ignores a ``regels-machine.xml``.
    ``wijzigingen`` are wijzigingsleveringen (folders or zips) applied on top of ``pad``, in that
    order (see :mod:`regels.stop.wijzigingen`); what each did is in ``ImportUitslag.wijzigingen``.
    Raises ``XmlFout`` for an unsafe or unreadable package, ``MutatieFout`` for a wijziging that does
    not fit and ``RegelingIngetrokken`` when a wijziging withdraws the regeling; everything else is
    in the report.
    """
    pad = Path(pad)
    rapport: list[Rapportregel] = []
    opslag = opslag or (SchemaOpslag.standaard() if valideer else None)
    with open_pakket(pad, limieten=limieten) as pakket:
        lezer = _Lezer(pakket, rapport, opslag, valideer)
        inhoud = lezer.lees()
    if inhoud.regeling is None:
        raise XmlFout(f"Pakket '{pad.name}': geen regelingtekst gevonden")
    verslagen: list[WijzigingVerslag] = []
    if wijzigingen:
        gelezen = []
        for w in map(Path, wijzigingen):
            w_rapport: list[Rapportregel] = []
            try:
                with open_pakket(w, limieten=limieten) as pakket:
                    w_lezer = _Lezer(pakket, w_rapport, opslag, valideer, wijziging=True)
                    gelezen.append(Gelezen(w.name, w_lezer.lees(), w_lezer.besluit, w_lezer.cache, w_rapport))
            except XmlFout as e:
                raise type(e)(f"wijziging {w.name}: {e}") from None
        verslagen = pas_wijzigingen_toe(inhoud, gelezen, lambda s, w, b: rapport.append(Rapportregel(s, w, b)))
    if not machine:
        inhoud.machine = None
    if inhoud.machine is not None:
        gevonden = _machine_route(inhoud, rapport)
        if gevonden is not None:
            regeling, geometrie, plan = gevonden
            rapport.append(Rapportregel("info", "regels-machine.xml", "het machinebestand klopt met de tekst, alle OW-objecten "
                                        "en de geometrie; het plan is daaruit overgenomen"))
            return ImportUitslag(regeling, geometrie, plan, rapport, "machinebestand", bron=pad.name, wijzigingen=verslagen)
    b = _Bouwer(inhoud, rapport, ambtsgebieden or {})
    b.tekst()
    b.locaties()
    b.activiteiten_lezen()
    b.normen_lezen()
    b.regels_lezen()
    regeling = b.regeling()
    if inhoud.machine is not None:
        regeling = _herstel_machinelogica(regeling, inhoud, rapport)
    # resolve the model as built; only when it does not resolve, format and parse it again so that every
    # error names the file and line of the plan folder that schrijf_planmap writes
    plan: Plan | None = None
    fouten: list[Melding] = []
    try:
        plan = resolve(regeling, None, {}, b.geometrie)
    except PlanFouten:
        teksten = format_regeling(regeling)
        bestanden, bronnen = [], {}
        for p, t in teksten.items():
            bst, f = parse_tekst(t, p)
            bestanden.append(bst)
            fouten += f
            bronnen[p] = t.splitlines()
        if not fouten:
            try:
                resolve(Regeling(bestanden=tuple(bestanden)), None, bronnen, b.geometrie)
            except PlanFouten as e:
                fouten = list(e.fouten)
    return ImportUitslag(regeling, b.geometrie, plan, rapport, "stop+ow", [f for f in fouten if f.ernst == "fout"], pad.name,
                         verslagen)


def _herstel_machinelogica(regeling: Regeling, inhoud: _Inhoud, rapport: list[Rapportregel]) -> Regeling:
    """Route 2 with a machine file that no longer matches the delivery: put back the als/eis/geldig/afwijking of
    every rule whose OW identificatie still matches, and the begrippen of its artikel or lid."""
    from regels.stop.ids import imow_id

    m = inhoud.machine
    try:
        bestanden = []
        for pad, tekst in m.bestanden.items():
            bst, f = parse_tekst(tekst, pad)
            if f:
                raise ValueError("geen geldige regeltaal")
            bestanden.append(bst)
        machine_regeling = Regeling(bestanden=tuple(bestanden))
        bg = m.werk.split("/")[4]
        onderdelen: dict[str, tuple] = {}
        for h in _machine_houders(machine_regeling, bg):
            regels = [a for a in h[2] if isinstance(a, JuridischeRegel)]
            for i, r in enumerate(regels, 1):
                onderdelen[imow_id(bg, "juridischeregel", f"{h[0]}#regel{i}")] = r
    except Exception as e:  # the machine file is a bonus here; it never breaks the import
        rapport.append(Rapportregel("info", "regels-machine.xml", f"machinelogica niet terug te zetten ({e})"))
        return regeling
    begrippen = [a for i in machine_regeling.items() if isinstance(i, Hoofdstuk) for art in i.artikelen()
                 for houder in (art, *art.leden) for a in houder.annotaties if isinstance(a, Begrip)]
    teller = 0

    def houder(h: Any) -> Any:
        nonlocal teller
        nieuw = []
        for ann in h.annotaties:
            if isinstance(ann, JuridischeRegel):
                ow = next((c[3:] for c in ann.commentaar if c.startswith("OW ")), "")
                oud = onderdelen.get(ow)
                if oud is not None and oud.activiteit == ann.activiteit:
                    ann = ann.model_copy(update={"onderdelen": oud.onderdelen, "commentaar": (f"OW {ow}",
                                                 "machinelogica uit regels-machine.xml")})
                    teller += 1
            nieuw.append(ann)
        return h.model_copy(update={"annotaties": tuple(nieuw)})

    nieuwe_bestanden = []
    for bst in regeling.bestanden:
        items = []
        for item in bst.items:
            if isinstance(item, Hoofdstuk):
                inhoud_ = []
                for d in item.inhoud:
                    if isinstance(d, Afdeling):
                        d = d.model_copy(update={"artikelen": tuple(_art(a, houder) for a in d.artikelen)})
                    else:
                        d = _art(d, houder)
                    inhoud_.append(d)
                item = item.model_copy(update={"inhoud": tuple(inhoud_)})
            items.append(item)
        nieuwe_bestanden.append(bst.model_copy(update={"items": tuple(items)}))
    # the begrippen of the machine file: put them in the first artikel/lid, so that the restored eisen resolve
    if begrippen and teller:
        bekend = {a.naam for b_ in nieuwe_bestanden for i in b_.items if isinstance(i, Hoofdstuk) for art in i.artikelen()
                  for h in (art, *art.leden) for a in h.annotaties if isinstance(a, Begrip)}
        nieuw = tuple(b_.model_copy(update={"commentaar": ("uit regels-machine.xml",)}) for b_ in begrippen if b_.naam not in bekend)
        if nieuw:
            nieuwe_bestanden = _begrippen_vooraan(nieuwe_bestanden, nieuw)
    rapport.append(Rapportregel("info", "regels-machine.xml", f"machinelogica van {teller} regel(s) teruggezet op grond van "
                                "hun OW-identificatie"))
    return Regeling(bestanden=tuple(nieuwe_bestanden))


def _art(a: Artikel, houder: Any) -> Artikel:
    if a.leden:
        return a.model_copy(update={"leden": tuple(houder(lid) for lid in a.leden)})
    return houder(a)


def _begrippen_vooraan(bestanden: list[Bestand], begrippen: tuple[Begrip, ...]) -> list[Bestand]:
    for i, bst in enumerate(bestanden):
        for j, item in enumerate(bst.items):
            if isinstance(item, Hoofdstuk) and item.artikelen():
                eerste = item.artikelen()[0]
                doel = eerste.leden[0] if eerste.leden else eerste
                nieuw_doel = doel.model_copy(update={"annotaties": begrippen + doel.annotaties})
                if eerste.leden:
                    nieuw_art = eerste.model_copy(update={"leden": (nieuw_doel, *eerste.leden[1:])})
                else:
                    nieuw_art = nieuw_doel
                inhoud = list(item.inhoud)
                for k, d in enumerate(inhoud):
                    if d is eerste:
                        inhoud[k] = nieuw_art
                    elif isinstance(d, Afdeling) and eerste in d.artikelen:
                        arts = list(d.artikelen)
                        arts[arts.index(eerste)] = nieuw_art
                        inhoud[k] = d.model_copy(update={"artikelen": tuple(arts)})
                items = list(bst.items)
                items[j] = item.model_copy(update={"inhoud": tuple(inhoud)})
                bestanden[i] = bst.model_copy(update={"items": tuple(items)})
                return bestanden
    return bestanden


def _machine_houders(regeling: Regeling, bg: str) -> list[tuple[str, Any, tuple]]:
    """(wId, houder, annotaties) for every artikel without leden and every lid, as the export numbers them."""
    from regels.stop.ids import eid_deel, wid
    uit = []
    for h in (i for i in regeling.items() if isinstance(i, Hoofdstuk)):
        heid = eid_deel("chp", h.nummer)
        for d in h.inhoud:
            if isinstance(d, Afdeling):
                basis = f"{heid}__{eid_deel('subchp', d.nummer)}"
                arts = d.artikelen
            else:
                basis, arts = heid, (d,)
            for a in arts:
                aeid = f"{basis}__{eid_deel('art', a.nummer)}"
                if a.leden:
                    for lid in a.leden:
                        uit.append((wid(bg, f"{aeid}__{eid_deel('para', lid.nummer)}"), lid, lid.annotaties))
                else:
                    uit.append((wid(bg, aeid), a, a.annotaties))
    return uit


__all__ = ["ImportUitslag", "Rapportregel", "geojson_tekst", "importeer", "is_expressienaam"]

"""Reading a delivery or download (a folder or zip) into :class:`Inhoud`: the regeling text element, the
metadata, the GIOs, the OW objects and the machine file, each file parsed once and safely; the first step of
:func:`regels.stop.importeer.importeer`."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from regels.errors import Melding, XmlFout
from regels.stop.elementen import tekst as _t
from regels.stop.gio import Gio, lees_gio
from regels.stop.ids import werk_van
from regels.stop.importrapport import Rapportregel
from regels.stop.machine import lees_machinebestand
from regels.stop.ow import OwModel, is_owbestand, lees_ow
from regels.stop.schemas import LVBBA, NAMESPACES, SchemaOpslag, valideer_xsd
from regels.stop.veilig import Pakket
from regels.stop.wijzigingen import Besluit, bekendmaking_als_datum, lees_besluit

TEKST = NAMESPACES["tekst"]
DATA = NAMESPACES["data"]
LVBB = NAMESPACES["lvbb"]
UITW = NAMESPACES["uitwisseling"]
MANIFEST_OW = NAMESPACES["ow-manifest"]


def _find(el: etree._Element, ns: str, *pad: str) -> etree._Element | None:
    cur: etree._Element | None = el
    for p in pad:
        if cur is None:
            return None
        cur = cur.find(f"{{{ns}}}{p}")
    return cur


@dataclass
class Inhoud:
    """What was read from the package, before it becomes a plan."""

    regeling: etree._Element | None = None  # tekst:RegelingCompact
    werk: str = ""
    expressie: str = ""
    titel: str = ""
    datum: dt.date | None = None  # juridischWerkendVanaf; for a basis without it the bekendmaking (reported)
    datum_bron: str = ""
    bekendmaking: dt.date | None = None  # opdracht.xml datumBekendmaking: not the date of inwerkingtreding
    bekendmaking_bron: str = ""
    gios: list[Gio] = field(default_factory=list)
    ow: OwModel = field(default_factory=OwModel)
    ow_documenten: list[tuple[str, etree._ElementTree]] = field(default_factory=list)
    manifest_werk: str = ""  # WorkIDRegeling of manifest-ow.xml
    machine: Any = None
    soort: str = ""  # "levering" | "uitwisselpakket"


class PakketLezer:
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
        self.inhoud = Inhoud()
        self.cache: dict[str, etree._ElementTree] = {}

    def r(self, soort: str, waar: str, bericht: str) -> None:
        self.rapport.append(Rapportregel(soort, waar, bericht))

    def parse(self, naam: str, data: bytes | None = None) -> etree._ElementTree:
        """The parsed member, once per read (``data``: its bytes, when the caller already read them)."""
        if naam not in self.cache:
            doc = self.p.parse(naam, meldingen=self.meldingen, data=data)
            self.gebruikt.add(naam)
            if self.valideer and self.opslag is not None:
                for m in valideer_xsd(doc, opslag=self.opslag, naam=naam):
                    self.r("afwijking", f"{naam}:{m.positie.regel if m.positie else '?'}", f"XSD: {m.bericht}")
            self.cache[naam] = doc
        return self.cache[naam]

    def lees(self) -> Inhoud:
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
        if datum:
            bron = f"{opdracht} (datumBekendmaking)"
            self.inhoud.bekendmaking = self._datum(datum, bron)
            self.inhoud.bekendmaking_bron = bron
        if self.inhoud.datum is None and self.inhoud.bekendmaking is not None and not self.wijziging:
            # the basis: its version needs a date; a wijziging decides in regels.stop.wijzigingen
            self.inhoud.datum, self.inhoud.datum_bron = self.inhoud.bekendmaking, self.inhoud.bekendmaking_bron
            self.r("benaderd", opdracht, bekendmaking_als_datum(self.inhoud.bekendmaking))
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
        rc = None
        if self.wijziging:  # mutations, new regelingen and intrekkingen: regels.stop.wijzigingen applies them
            self.besluit = lees_besluit(root, naam)
        else:
            rc = root.find(f".//{{{TEKST}}}RegelingCompact")
            if rc is None:
                mutatie = root.find(f".//{{{TEKST}}}RegelingMutatie")  # only looked for when needed: a scan of the whole besluit
                if mutatie is not None:
                    raise XmlFout(f"{naam}: dit is een wijzigingsbesluit (tekst:RegelingMutatie, regel {mutatie.sourceline}); "
                                  "lees eerst de regeling zelf in (het initiële besluit of een download) en geef dit besluit "
                                  "daarna als wijziging: regels import BASIS --wijziging DEZE_LEVERING")
                raise XmlFout(f"{naam}: het besluit bevat geen tekst:RegelingCompact; alleen een omgevingsplan met "
                              "artikelstructuur kan worden ingelezen (een intrekking of wijziging: geef die als --wijziging "
                              "na de regeling zelf)")
            self.inhoud.regeling = rc
        rvi = root.find(f"{{{LVBBA}}}RegelingVersieInformatie")
        if rvi is not None:
            self._metadata(rvi)
        ts = next((ts for ts in root.iter(f"{{{DATA}}}Tijdstempel")
                   if _t(_find(ts, DATA, "soortTijdstempel")) == "juridischWerkendVanaf"), None)
        if ts is not None:
            self._zet_datum(_t(_find(ts, DATA, "datum")), f"{naam}:{ts.sourceline} (juridischWerkendVanaf)")
        if not self.inhoud.expressie and rc is not None:
            self.inhoud.expressie = rc.get("wordt") or ""
            self.inhoud.werk = werk_van(self.inhoud.expressie)

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
        datum = self._datum(tekst, bron)
        if datum is not None:
            self.inhoud.datum, self.inhoud.datum_bron = datum, bron

    def _datum(self, tekst: str, bron: str) -> dt.date | None:
        try:
            return dt.date.fromisoformat(tekst[:10])
        except ValueError:
            self.r("afwijking", bron, f"{tekst!r} is geen datum")
            return None

    def _gios_levering(self) -> None:
        for n in self.p.namen():
            if not n.endswith(".xml") or n in self.gebruikt and n not in self.cache:
                continue
            try:
                doc = self.parse(n)
            except XmlFout as e:
                self.r("overgeslagen", n, str(e))
                continue
            if doc.getroot().tag != f"{{{LVBBA}}}AanleveringInformatieObject":
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
        data = None
        if hash_:
            data = self.p.lees(naam)  # read once: hashed here, parsed below
            if hashlib.sha512(data).hexdigest().lower() != hash_.lower():
                self.r("afwijking", naam, "de SHA-512 van het gml-bestand klopt niet met de hash in de GIO; "
                                          "de geometrie is wel ingelezen")
        bevindingen: list[tuple[str, str, str]] = []
        gio = lees_gio(self.parse(naam, data), naam, bevindingen)
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
            werk = self.inhoud.manifest_werk = _t(root.find(f".//{{{MANIFEST_OW}}}WorkIDRegeling"))
            if werk and self.inhoud.werk and werk != self.inhoud.werk:
                self.r("afwijking", manifest[0], f"WorkIDRegeling {werk} is niet het werk van de tekst ({self.inhoud.werk})")
            for b in root.iter(f"{{{MANIFEST_OW}}}Bestand"):
                naam = _t(_find(b, MANIFEST_OW, "naam"))
                try:
                    genoemd.append(self.p.verwijzing(manifest[0], naam))
                except XmlFout as e:
                    self.r("afwijking", manifest[0], str(e))
        else:
            geen_manifest = len(self.rapport)  # where the line goes; a wijziging of the text only needs no OW at all
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
        if not manifest and not docs and self.wijziging:
            del self.rapport[geen_manifest]  # only the text changes: no OW, so no manifest-ow either
        if self.wijziging:
            # a delta is only read together with the OW it changes: regels.stop.wijzigingen applies it and
            # reads the result once, with its messages (read here too, each message came twice)
            return
        self.inhoud.ow = lees_ow(docs)
        for m in self.inhoud.ow.meldingen:
            self.r("afwijking", str(m.positie) if m.positie else "", m.bericht)
        for soort, ident, bron in self.inhoud.ow.beeindigd:
            self.r("overgeslagen", ident, f"{soort} met status beëindigd ({bron}); niet ingelezen")


__all__ = ["Inhoud", "PakketLezer"]

"""Plan → LVBB publication delivery (STOP 1.3.0 / LVBB 1.2.0 / IMOW v2.0.0), byte for byte stable.

``exporteer(plan)`` returns a :class:`Levering`: every file of the delivery in memory, in manifest
order. ``Levering.schrijf_map`` and ``Levering.schrijf_zip`` write it; the zip has fixed
timestamps and permissions, so the same plan always gives the same bytes.

What is written (see docs/stop.md for the mapping per statement):

* ``opdracht.xml`` (publicatie- or validatieOpdracht) and ``manifest.xml``;
* ``besluit.xml``: an ``AanleveringBesluit`` with a ``BesluitCompact`` whose WijzigBijlage holds the
  ``RegelingCompact`` with the full text: hoofdstuk → Hoofdstuk, afdeling → Afdeling, artikel →
  Artikel, lid → Lid, each ``tekst`` → an ``Al``; every element has its eId and wId. A last Bijlage
  lists the GIOs (ExtIoRef);
* per gebied one GIO: ``GIO-<naam>.xml`` (AanleveringInformatieObject, SHA-512 of the gml) and
  ``GIO-<naam>.gml`` (GeoInformatieObjectVaststelling, one Locatie, RD coordinates unrounded);
* ``manifest-ow.xml`` and the OW files: Regeltekst, RegelVoorIedereen (with
  ActiviteitLocatieaanduiding and activiteitregelkwalificatie), Activiteit (under the tophaak
  'Activiteit gereguleerd in het omgevingsplan gemeente …', which hangs under the national
  placeholder), Gebied and Gebiedengroep, Gebiedsaanwijzing, Omgevingsnorm with Normwaarden, and
  one Regelingsgebied;
* ``regels-machine.xml`` (unless ``machinebestand=False``): the plan in the rule language, so that
  the import gets back what IMOW cannot carry (als/eis, geldigheid, in afwijking van, afwijkbaar,
  begrippen, versions, comments). See docs/stop.md for the trade-off.

Nothing depends on the clock: dates come from the plan (its first version) or the caller.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from regels.errors import Melding, XmlFout
from regels.model.regeling import (
    Artikel, GebiedDecl, GebiedengroepDecl, GebiedsaanwijzingDecl, Hoofdstuk, JuridischeRegel, Lid, Omgevingsnorm,
)
from regels.model.expressie import namen_in
from regels.plan import Plan
from regels.stop import waardelijsten as wl
from regels.stop.ids import eid_deel, geometrie_uuid, imow_id, slug, uniek_slug, wid
from regels.stop.schemas import NAMESPACES
from regels.stop.uitvoermap import bereid_uitvoermap
from regels.units import zoek_eenheid

MACHINEBESTAND = "regels-machine.xml"
MACHINE_NS = "urn:regels:machine:1"
TEST_OIN = "00000001003214345000"
"""The OIN of BZK that the LVBB test chain accepts (see Gemeentestad's opdracht.xml); pass your own."""
PLACEHOLDER_TOPACTIVITEIT = "nl.imow-mnre1034.activiteit.ActInOmgevingsplan"
IMOW_SCHEMA = "https://register.geostandaarden.nl/xmlschema/tpod/v2.0.0"
IMOW_VERSIE = "2.0.2"

NS = dict(NAMESPACES)
NS["rm"] = MACHINE_NS
_GEMEENTERAAD = "/tooi/def/thes/kern/c_2a7d8663"
_ONDERWERP_RO = "/tooi/def/concept/c_9d1917e9"
_RECHTSGEBIED_OMGEVINGSRECHT = "/tooi/def/concept/c_8ad05f6d"
XSI = NS["xsi"]


def q(naam: str) -> str:
    """``"tekst:Al"`` → Clark notation."""
    prefix, lokaal = naam.split(":", 1)
    return f"{{{NS[prefix]}}}{lokaal}"


def sub(ouder: etree._Element, naam: str, tekst: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(ouder, q(naam))
    for k, v in attrs.items():
        el.set(k if ":" not in k else q(k), v)
    if tekst is not None:
        el.text = tekst
    return el


def wortel(naam: str, prefixen: Iterable[str], standaard: str | None = None, **attrs: str) -> etree._Element:
    nsmap: dict[str | None, str] = {p: NS[p] for p in prefixen}
    if standaard:
        nsmap[None] = NS[standaard]
    el = etree.Element(q(naam), nsmap=nsmap)
    for k, v in attrs.items():
        el.set(k if ":" not in k else q(k), v)
    return el


def xml_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


@dataclass
class Levering:
    """A delivery in memory: file name → bytes (manifest order), plus what the export had to report."""

    bestanden: dict[str, bytes]
    meldingen: list[Melding] = field(default_factory=list)
    besluit: str = "besluit.xml"
    ids: dict[str, str] = field(default_factory=dict)  # 'werk', 'expressie', 'doel', 'besluit', …

    @property
    def fouten(self) -> list[Melding]:
        return [m for m in self.meldingen if m.ernst == "fout"]

    def schrijf_map(self, map_: Path) -> Path:
        """Write the delivery's files into ``map_``: a new or empty folder, or an earlier export (it has
        opdracht.xml and manifest.xml), whose XML and GML files are removed first so that no file of an
        older delivery (a GIO the plan no longer has) ends up beside the new manifest."""
        map_ = bereid_uitvoermap(map_, merktekens=("opdracht.xml", "manifest.xml"),
                                 eigen=lambda p: len(p.parts) == 1 and p.suffix in (".xml", ".gml"), wat="LVBB-levering")
        for naam, data in self.bestanden.items():
            (map_ / naam).write_bytes(data)
        return map_

    def zip_bytes(self) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for naam, data in self.bestanden.items():
                info = zipfile.ZipInfo(naam, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o100644 << 16
                info.create_system = 3
                zf.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
        return buf.getvalue()

    def schrijf_zip(self, pad: Path) -> Path:
        pad = Path(pad)
        pad.parent.mkdir(parents=True, exist_ok=True)
        pad.write_bytes(self.zip_bytes())
        return pad


@dataclass
class Houder:
    """An artikel or lid that holds annotations, with its place in the STOP text."""

    artikel: Artikel
    lid: Lid | None
    eid: str
    wid: str

    @property
    def annotaties(self) -> tuple:
        return (self.lid or self.artikel).annotaties


@dataclass
class _Gio:
    naam: str
    slug: str
    werk: str
    expressie: str
    uuid: str
    xml: str
    gml: str
    eid_ref: str = ""


class _Export:
    def __init__(self, plan: Plan, bekendmaking: dt.date | None, oin: str, opdracht: str, machinebestand: bool):
        self.plan = plan
        self.meldingen: list[Melding] = []
        self.bg = plan.bevoegd_gezag
        self.werk = plan.werk
        self.eerste = plan.versies[0].vanaf
        self.bekendmaking = bekendmaking or self.eerste
        self.oin = oin
        self.opdracht = opdracht
        self.machinebestand = machinebestand
        delen = self.werk.strip("/").split("/")
        self.jaar = delen[4] if len(delen) > 4 else str(self.eerste.year)
        self.werknaam = delen[5] if len(delen) > 5 else "omgevingsplan"
        self.expressie = f"{self.werk}/nld@{self.eerste.isoformat()};1"
        self.besluit_werk = f"/akn/nl/bill/{self.bg}/{self.jaar}/{self.werknaam}"
        self.besluit_expressie = f"{self.besluit_werk}/nld@{self.bekendmaking.isoformat()};1"
        self.doel = f"/join/id/proces/{self.bg}/{self.jaar}/instelling-{self.werknaam}"
        self.gemeente = _gemeentenaam(plan)
        self.houders: list[Houder] = []
        self.gios: dict[str, _Gio] = {}
        self.ids: dict[tuple[str, str], str] = {}

    # --- identifiers -----------------------------------------------------------------------------
    def id(self, objecttype: str, sleutel: str) -> str:
        return imow_id(self.bg, objecttype, sleutel)

    def fout(self, bericht: str, ernst: str = "fout") -> None:
        self.meldingen.append(Melding(bericht, ernst=ernst))

    def locatie_id(self, naam: str) -> str:
        soort = self.plan.locatiesoort[naam]
        return self.id("gebied" if soort == "gebied" else "gebiedengroep", naam)

    def gebieden_van(self, naam: str, gezien: frozenset[str] = frozenset()) -> list[str]:
        """The gebied names that make up a location name (groups and aanwijzingen expanded)."""
        soort = self.plan.locatiesoort[naam]
        if soort == "gebied" or naam in gezien:
            return [naam]
        decl = self._decl(naam)
        leden = decl.leden if isinstance(decl, GebiedengroepDecl) else decl.locaties
        uit: list[str] = []
        for lid in leden:
            for g in self.gebieden_van(lid, gezien | {naam}):
                if g not in uit:
                    uit.append(g)
        return uit

    def _decl(self, naam: str):  # noqa: ANN202
        if not hasattr(self, "_decls"):
            self._decls = {i.naam: i for i in self.plan.regeling.items()
                           if isinstance(i, (GebiedDecl, GebiedengroepDecl, GebiedsaanwijzingDecl))}
        return self._decls[naam]

    def locatie_refs(self, namen: Iterable[str]) -> tuple[list[str], list[str]]:
        """OW LocatieRefs for location names, and GebiedsaanwijzingRefs for the aanwijzingen among them."""
        refs: list[str] = []
        aanwijzingen: list[str] = []
        for n in namen:
            soort = self.plan.locatiesoort[n]
            if soort == "gebiedsaanwijzing":
                aanwijzingen.append(self.id("gebiedsaanwijzing", n))
                decl = self._decl(n)
                kandidaten = [r for loc in decl.locaties for r in self.locatie_refs([loc])[0]]
            elif soort == "gebiedengroep" and self._geneste_groep(n):
                kandidaten = [self.id("gebied", g) for g in self.gebieden_van(n)]
            else:
                kandidaten = [self.locatie_id(n)]
            for r in kandidaten:
                if r not in refs:
                    refs.append(r)
        return refs, aanwijzingen

    def _geneste_groep(self, naam: str) -> bool:
        decl = self._decl(naam)
        return isinstance(decl, GebiedengroepDecl) and any(self.plan.locatiesoort[lid] != "gebied" for lid in decl.leden)

    # --- the whole delivery ------------------------------------------------------------------------
    def maak(self) -> Levering:
        if not self.bg or not self.werk.startswith(f"/akn/nl/act/{self.bg}/"):
            raise XmlFout(f"het werk {self.werk!r} past niet bij het bevoegd gezag {self.bg!r}; "
                          f"verwacht /akn/nl/act/{self.bg}/<jaar>/<naam>")
        self._gios()
        regeling = self._regeling_compact()
        ow = self._ow_bestanden()
        bestanden: dict[str, bytes] = {}
        besluit = self._besluit(regeling)
        bestanden["besluit.xml"] = besluit
        for gio in self.gios.values():
            bestanden[gio.gml] = self._gml(gio)
        for gio in self.gios.values():
            bestanden[gio.xml] = self._gio_xml(gio, bestanden[gio.gml])
        bestanden["manifest-ow.xml"] = self._manifest_ow(ow)
        for naam, (data, _) in ow.items():
            bestanden[naam] = data
        if self.machinebestand:
            from regels.stop.machine import machinebestand
            bestanden[MACHINEBESTAND] = machinebestand(self.plan, self.expressie)
        bestanden["opdracht.xml"] = self._opdracht()
        bestanden["manifest.xml"] = self._manifest([*bestanden, "manifest.xml"])
        volgorde = ["opdracht.xml", "manifest.xml"] + [n for n in bestanden if n not in ("opdracht.xml", "manifest.xml")]
        return Levering({n: bestanden[n] for n in volgorde}, self.meldingen, "besluit.xml", {
            "werk": self.werk, "expressie": self.expressie, "besluit": self.besluit_werk, "doel": self.doel,
            "bevoegd_gezag": self.bg,
        })

    # --- GIOs ------------------------------------------------------------------------------------------
    def _gios(self) -> None:
        gebruikt: set[str] = set()
        for item in self.plan.regeling.items():
            if isinstance(item, GebiedDecl):
                s = uniek_slug(item.naam, gebruikt)
                werk = f"/join/id/regdata/{self.bg}/{self.jaar}/{s}"
                self.gios[item.naam] = _Gio(item.naam, s, werk, f"{werk}/nld@{self.eerste.isoformat()};1",
                                            geometrie_uuid(self.werk, item.naam), f"GIO-{s}.xml", f"GIO-{s}.gml")

    def _gml(self, gio: _Gio) -> bytes:
        root = wortel("geo:GeoInformatieObjectVaststelling", ["geo", "gio", "basisgeo", "gml"], schemaversie="1.3.0")
        ctx = sub(sub(root, "geo:context"), "gio:GeografischeContext")
        sub(ctx, "gio:achtergrondVerwijzing", "top10nl")
        sub(ctx, "gio:achtergrondActualiteit", self.eerste.isoformat())
        versie = sub(sub(root, "geo:vastgesteldeVersie"), "geo:GeoInformatieObjectVersie")
        sub(versie, "geo:FRBRWork", gio.werk)
        sub(versie, "geo:FRBRExpression", gio.expressie)
        loc = sub(sub(versie, "geo:locaties"), "geo:Locatie")
        sub(loc, "geo:naam", gio.naam)
        geom = sub(sub(loc, "geo:geometrie"), "basisgeo:Geometrie", **{"gml:id": f"id-{gio.uuid}"})
        sub(geom, "basisgeo:id", gio.uuid)
        houder = sub(geom, "basisgeo:geometrie")
        _gml_multisurface(houder, self.plan.locaties[gio.naam], f"id-{gio.uuid}-0")
        return xml_bytes(root)

    def _gio_xml(self, gio: _Gio, gml: bytes) -> bytes:
        root = wortel("lvbba:AanleveringInformatieObject", ["data"], standaard="lvbba", schemaversie="1.2.0")
        iov = sub(root, "lvbba:InformatieObjectVersie")
        ei = sub(iov, "data:ExpressionIdentificatie")
        sub(ei, "data:FRBRWork", gio.werk)
        sub(ei, "data:FRBRExpression", gio.expressie)
        sub(ei, "data:soortWork", "/join/id/stop/work_010")
        vm = sub(iov, "data:InformatieObjectVersieMetadata")
        b = sub(sub(sub(vm, "data:heeftBestanden"), "data:heeftBestand"), "data:Bestand")
        sub(b, "data:bestandsnaam", gio.gml)
        sub(b, "data:hash", hashlib.sha512(gml).hexdigest())
        sub(vm, "data:heeftGeboorteregeling", self.werk)
        md = sub(iov, "data:InformatieObjectMetadata")
        sub(md, "data:eindverantwoordelijke", f"/tooi/id/gemeente/{self.bg}")
        sub(md, "data:maker", f"/tooi/id/gemeente/{self.bg}")
        sub(md, "data:officieleTitel", gio.werk)
        sub(md, "data:publicatieinstructie", "TeConsolideren")
        sub(md, "data:formaatInformatieobject", "/join/id/stop/informatieobject/gio_002")
        sub(md, "data:naamInformatieObject", gio.naam)
        return xml_bytes(root)

    # --- the text ------------------------------------------------------------------------------------
    def _regeling_compact(self) -> etree._Element:
        rc = etree.Element(q("tekst:RegelingCompact"), nsmap={None: NS["tekst"]})
        rc.set("componentnaam", "main")
        rc.set("wordt", self.expressie)
        opschrift = sub(rc, "tekst:RegelingOpschrift", eId="longTitle", wId="longTitle")
        sub(opschrift, "tekst:Al", self.plan.titel)
        lichaam = sub(rc, "tekst:Lichaam", eId="body", wId="body")
        for h in (i for i in self.plan.regeling.items() if isinstance(i, Hoofdstuk)):
            heid = eid_deel("chp", h.nummer)
            hel = sub(lichaam, "tekst:Hoofdstuk", eId=heid, wId=wid(self.bg, heid))
            _kop(hel, "Hoofdstuk", h.nummer, h.titel)
            for deel in h.inhoud:
                if isinstance(deel, Artikel):
                    self._artikel(hel, deel, heid)
                else:
                    aeid = f"{heid}__{eid_deel('subchp', deel.nummer)}"
                    ael = sub(hel, "tekst:Afdeling", eId=aeid, wId=wid(self.bg, aeid))
                    _kop(ael, "Afdeling", deel.nummer, deel.titel)
                    for a in deel.artikelen:
                        self._artikel(ael, a, aeid)
        self._bijlage_gios(rc)
        return rc

    def _artikel(self, ouder: etree._Element, a: Artikel, ouder_eid: str) -> None:
        aeid = f"{ouder_eid}__{eid_deel('art', a.nummer)}"
        ael = sub(ouder, "tekst:Artikel", eId=aeid, wId=wid(self.bg, aeid))
        _kop(ael, "Artikel", a.nummer, a.titel)
        if a.leden:
            for lid in a.leden:
                leid = f"{aeid}__{eid_deel('para', lid.nummer)}"
                lel = sub(ael, "tekst:Lid", eId=leid, wId=wid(self.bg, leid))
                sub(lel, "tekst:LidNummer", f"{lid.nummer}.")
                inhoud = sub(lel, "tekst:Inhoud")
                for t in [lid.tekst, *(al.tekst for al in lid.alineas)]:
                    sub(inhoud, "tekst:Al", t)
                self.houders.append(Houder(a, lid, leid, wid(self.bg, leid)))
        else:
            inhoud = sub(ael, "tekst:Inhoud")
            for al in a.alineas:
                sub(inhoud, "tekst:Al", al.tekst)
            if not a.alineas:
                sub(inhoud, "tekst:Al", a.titel)
                self.fout(f"artikel {a.nummer} heeft geen tekst; het opschrift is als tekst geschreven", "waarschuwing")
            self.houders.append(Houder(a, None, aeid, wid(self.bg, aeid)))

    def _bijlage_gios(self, rc: etree._Element) -> None:
        if not self.gios:
            return
        beid = "cmp_A"
        bijlage = sub(rc, "tekst:Bijlage", eId=beid, wId=wid(self.bg, beid))
        _kop(bijlage, "Bijlage", "A", "Overzicht van de geografische informatieobjecten")
        deid = f"{beid}__content_1"
        dt_ = sub(bijlage, "tekst:Divisietekst", eId=deid, wId=wid(self.bg, deid))
        inhoud = sub(dt_, "tekst:Inhoud")
        sub(inhoud, "tekst:Al", "Bij deze regeling horen de volgende geografische informatieobjecten:")
        leid = f"{deid}__list_1"
        lijst = sub(inhoud, "tekst:Lijst", eId=leid, wId=wid(self.bg, leid), type="expliciet")
        for i, gio in enumerate(self.gios.values(), 1):
            ieid = f"{leid}__item_{i}"
            li = sub(lijst, "tekst:Li", eId=ieid, wId=wid(self.bg, ieid))
            sub(li, "tekst:LiNummer", f"{i}.")
            al = sub(li, "tekst:Al", f"{gio.naam}: ")
            reid = f"{ieid}__ref_1"
            sub(al, "tekst:ExtIoRef", gio.expressie, eId=reid, wId=wid(self.bg, reid), ref=gio.expressie)
            gio.eid_ref = reid

    def _besluit(self, regeling: etree._Element) -> bytes:
        root = wortel("lvbba:AanleveringBesluit", ["data", "tekst"], standaard="lvbba", schemaversie="1.2.0")
        bv = sub(root, "lvbba:BesluitVersie")
        ei = sub(bv, "data:ExpressionIdentificatie")
        sub(ei, "data:FRBRWork", self.besluit_werk)
        sub(ei, "data:FRBRExpression", self.besluit_expressie)
        sub(ei, "data:soortWork", "/join/id/stop/work_003")
        bm = sub(bv, "data:BesluitMetadata")
        sub(bm, "data:eindverantwoordelijke", f"/tooi/id/gemeente/{self.bg}")
        sub(bm, "data:maker", f"/tooi/id/gemeente/{self.bg}")
        sub(bm, "data:soortBestuursorgaan", _GEMEENTERAAD)
        sub(bm, "data:officieleTitel", f"Besluit tot vaststelling van {self.plan.titel}")
        sub(sub(bm, "data:onderwerpen"), "data:onderwerp", _ONDERWERP_RO)
        sub(sub(bm, "data:rechtsgebieden"), "data:rechtsgebied", _RECHTSGEBIED_OMGEVINGSRECHT)
        sub(bm, "data:soortProcedure", "/join/id/stop/proceduretype_definitief")
        if self.gios:
            refs = sub(bm, "data:informatieobjectRefs")
            for gio in self.gios.values():
                sub(refs, "data:informatieobjectRef", gio.expressie)
        pv = sub(bv, "data:Procedureverloop")
        sub(pv, "data:bekendOp", self.bekendmaking.isoformat())
        stap = sub(sub(pv, "data:procedurestappen"), "data:Procedurestap")
        sub(stap, "data:soortStap", "/join/id/stop/procedure/stap_003")
        sub(stap, "data:voltooidOp", self.bekendmaking.isoformat())
        ci = sub(bv, "data:ConsolidatieInformatie")
        brg = sub(ci, "data:BeoogdeRegelgeving")
        br = sub(brg, "data:BeoogdeRegeling")
        sub(sub(br, "data:doelen"), "data:doel", self.doel)
        sub(br, "data:instrumentVersie", self.expressie)
        sub(br, "data:eId", "art_I")
        for gio in self.gios.values():
            bio = sub(brg, "data:BeoogdInformatieobject")
            sub(sub(bio, "data:doelen"), "data:doel", self.doel)
            sub(bio, "data:instrumentVersie", gio.expressie)
            sub(bio, "data:eId", f"!main#{gio.eid_ref}")
        ts = sub(sub(ci, "data:Tijdstempels"), "data:Tijdstempel")
        sub(ts, "data:doel", self.doel)
        sub(ts, "data:soortTijdstempel", "juridischWerkendVanaf")
        sub(ts, "data:datum", self.eerste.isoformat())
        sub(ts, "data:eId", "art_II")
        bc = sub(bv, "tekst:BesluitCompact")
        sub(sub(bc, "tekst:RegelingOpschrift", eId="longTitle", wId="longTitle"), "tekst:Al",
            f"Besluit tot vaststelling van {self.plan.titel}")
        sub(sub(bc, "tekst:Aanhef", eId="formula_1", wId="formula_1"), "tekst:Al",
            f"De raad van de gemeente {self.gemeente} besluit:")
        lichaam = sub(bc, "tekst:Lichaam", eId="body", wId="body")
        wa = sub(lichaam, "tekst:WijzigArtikel", eId="art_I", wId=wid(self.bg, "art_I"))
        _kop(wa, "Artikel", "I", None)
        wat = sub(wa, "tekst:Wat")
        wat.text = "De regeling wordt vastgesteld zoals is aangegeven in "
        ir = sub(wat, "tekst:IntRef", "Bijlage A", ref="cmp_A")
        ir.tail = "."
        art2 = sub(lichaam, "tekst:Artikel", eId="art_II", wId=wid(self.bg, "art_II"))
        _kop(art2, "Artikel", "II", None)
        sub(sub(art2, "tekst:Inhoud"), "tekst:Al", f"Dit besluit treedt in werking op {_datum_nl(self.eerste)}.")
        sluiting = sub(bc, "tekst:Sluiting", eId="formula_2", wId="formula_2")
        sub(sluiting, "tekst:Al", f"Aldus vastgesteld in de vergadering van de raad van de gemeente {self.gemeente}.")
        sub(sub(sluiting, "tekst:Ondertekening"), "tekst:Al", "De raad voornoemd.")
        wb = sub(bc, "tekst:WijzigBijlage", eId="cmp_A", wId=wid(self.bg, "cmp_A"))
        _kop(wb, "Bijlage", "A", "Bijlage bij artikel I")
        wb.append(regeling)
        rvi = sub(root, "lvbba:RegelingVersieInformatie")
        ei = sub(rvi, "data:ExpressionIdentificatie")
        sub(ei, "data:FRBRWork", self.werk)
        sub(ei, "data:FRBRExpression", self.expressie)
        sub(ei, "data:soortWork", "/join/id/stop/work_019")
        sub(sub(rvi, "data:RegelingVersieMetadata"), "data:versienummer", "1")
        rm = sub(rvi, "data:RegelingMetadata")
        sub(rm, "data:eindverantwoordelijke", f"/tooi/id/gemeente/{self.bg}")
        sub(rm, "data:maker", f"/tooi/id/gemeente/{self.bg}")
        sub(rm, "data:soortBestuursorgaan", _GEMEENTERAAD)
        cti = sub(sub(rm, "data:heeftCiteertitelInformatie"), "data:CiteertitelInformatie")
        sub(cti, "data:citeertitel", self.plan.titel)
        sub(cti, "data:isOfficieel", "true")
        sub(rm, "data:officieleTitel", self.plan.titel)
        sub(sub(rm, "data:onderwerpen"), "data:onderwerp", _ONDERWERP_RO)
        sub(sub(rm, "data:rechtsgebieden"), "data:rechtsgebied", _RECHTSGEBIED_OMGEVINGSRECHT)
        sub(rm, "data:soortRegeling", "/join/id/stop/regelingtype_003")
        return xml_bytes(root)

    def _opdracht(self) -> bytes:
        root = wortel(f"lvbb:{self.opdracht}Opdracht", [], standaard="lvbb")
        sub(root, "lvbb:idLevering", self.leverings_id())
        sub(root, "lvbb:idBevoegdGezag", self.oin)
        sub(root, "lvbb:idAanleveraar", self.oin)
        sub(root, "lvbb:publicatie", "besluit.xml")
        sub(root, "lvbb:datumBekendmaking", self.bekendmaking.isoformat())
        return xml_bytes(root)

    def leverings_id(self) -> str:
        return f"regels-{self.bg}-{self.plan.inhoudshash[:16]}-{self.bekendmaking.strftime('%Y%m%d')}"

    def _manifest(self, namen: list[str]) -> bytes:
        root = wortel("lvbb:manifest", [], standaard="lvbb")
        for naam in ["opdracht.xml", "manifest.xml"] + [n for n in namen if n not in ("opdracht.xml", "manifest.xml")]:
            b = sub(root, "lvbb:bestand")
            sub(b, "lvbb:bestandsnaam", naam)
            sub(b, "lvbb:contentType", "application/gml+xml" if naam.endswith(".gml") else "application/xml")
        return xml_bytes(root)

    # --- OW ----------------------------------------------------------------------------------------------
    def _ow_bestanden(self) -> dict[str, tuple[bytes, list[str]]]:
        objecten: dict[str, list[tuple[str, etree._Element]]] = {}

        def voeg(bestand: str, soort: str, el: etree._Element) -> None:
            objecten.setdefault(bestand, []).append((soort, el))

        # activities: the tophaak first, then the plan's, in declaration order
        top_naam = f"Activiteit gereguleerd in het omgevingsplan gemeente {self.gemeente}"
        top_id = self.id("activiteit", "tophaak")
        voeg("owActiviteiten.xml", "Activiteit", _activiteit(top_id, top_naam, "overig", PLACEHOLDER_TOPACTIVITEIT))
        for naam, decl in self.plan.activiteiten.items():
            boven = self.id("activiteit", decl.bovenliggend) if decl.bovenliggend else top_id
            voeg("owActiviteiten.xml", "Activiteit",
                 _activiteit(self.id("activiteit", naam), naam, wl.activiteitgroep(naam), boven))
        # locations
        for item in self.plan.regeling.items():
            if isinstance(item, GebiedDecl):
                el = _ow("l:Gebied")
                sub(el, "l:identificatie", self.id("gebied", item.naam))
                sub(el, "l:noemer", item.naam)
                sub(sub(el, "l:geometrie"), "l:GeometrieRef", **{"xlink:href": self.gios[item.naam].uuid})
                voeg("owLocaties.xml", "Gebied", el)
            elif isinstance(item, GebiedengroepDecl):
                el = _ow("l:Gebiedengroep")
                sub(el, "l:identificatie", self.id("gebiedengroep", item.naam))
                sub(el, "l:noemer", item.naam)
                ge = sub(el, "l:groepselement")
                if self._geneste_groep(item.naam):
                    self.fout(f"gebiedengroep {item.naam!r} bevat een andere groep; IMOW 2.0 kent alleen groepen van "
                              "gebieden, dus de groep is uitgeschreven tot haar gebieden", "waarschuwing")
                for g in self.gebieden_van(item.naam):
                    sub(ge, "l:GebiedRef", **{"xlink:href": self.id("gebied", g)})
                voeg("owLocaties.xml", "Gebiedengroep", el)
        for item in self.plan.regeling.items():
            if isinstance(item, GebiedsaanwijzingDecl):
                label = wl.GEBIEDSAANWIJZING_LABEL.get(item.type)
                if label is None:
                    self.fout(f"gebiedsaanwijzing {item.naam!r}: de soort {item.type!r} bestaat niet in de IMOW-waardelijst "
                              f"TypeGebiedsaanwijzing {wl.VERSIE}; niet geëxporteerd")
                    continue
                el = _ow("ga:Gebiedsaanwijzing")
                sub(el, "ga:identificatie", self.id("gebiedsaanwijzing", item.naam))
                sub(el, "ga:type", wl.uri("TypeGebiedsaanwijzing", label))
                sub(el, "ga:naam", item.naam)
                lijst = wl.GROEPLIJST[label]
                sub(el, "ga:groep", wl.uri(lijst, wl.kies_label(lijst, item.naam, _standaard_groep(lijst))))
                la = sub(el, "ga:locatieaanduiding")
                for r in self.locatie_refs(item.locaties)[0]:
                    sub(la, "l:LocatieRef", **{"xlink:href": r})
                voeg("owGebiedsaanwijzingen.xml", "Gebiedsaanwijzing", el)
        # norms, rules and the text they annotate
        norm_ids = {naam: self.id("omgevingsnorm", naam) for naam in self.plan.normen}
        for h in self.houders:
            normen = [a for a in h.annotaties if isinstance(a, Omgevingsnorm)]
            regels = [a for a in h.annotaties if isinstance(a, JuridischeRegel)]
            if not normen and not regels:
                continue
            rt_id = self.id("regeltekst", h.wid)
            rt = _ow("r:Regeltekst", wId=h.wid)
            sub(rt, "r:identificatie", rt_id)
            voeg("owRegelteksten.xml", "Regeltekst", rt)
            for n in normen:
                voeg("owOmgevingsnormen.xml", "Omgevingsnorm", self._norm(n, norm_ids[n.naam]))
            if normen:
                refs, _ = self.locatie_refs(dict.fromkeys(loc for n in normen for w in n.waarden for loc in w.locaties))
                voeg("owJuridischeRegels.xml", "RegelVoorIedereen",
                     self._rvi(self.id("juridischeregel", f"{h.wid}#normen"), rt_id, refs, [], None,
                               [norm_ids[n.naam] for n in normen]))
            for i, r in enumerate(regels, 1):
                refs, aanwijzingen = self.locatie_refs(r.locaties)
                gebruikt = [norm_ids[n.naam] for o in (*r.voorwaarden, *r.eisen) for n in namen_in(o.expressie)
                            if n.naam in norm_ids]
                sleutel = f"{h.wid}#regel{i}"
                voeg("owJuridischeRegels.xml", "RegelVoorIedereen",
                     self._rvi(self.id("juridischeregel", sleutel), rt_id, refs, aanwijzingen,
                               (self.id("activiteit", r.activiteit), self.id("activiteitlocatieaanduiding", sleutel),
                                r.kwalificatie), list(dict.fromkeys(gebruikt))))
        # the regelingsgebied
        rg_naam = self.plan.kop.eigenschap("regelingsgebied") or ""
        el = _ow("rg:Regelingsgebied")
        sub(el, "rg:identificatie", self.id("regelingsgebied", "regelingsgebied"))
        la = sub(el, "rg:locatieaanduiding")
        for r in self.locatie_refs([rg_naam])[0]:
            sub(la, "l:LocatieRef", **{"xlink:href": r})
        voeg("owRegelingsgebied.xml", "Regelingsgebied", el)

        volgorde = ["owRegelteksten.xml", "owJuridischeRegels.xml", "owActiviteiten.xml", "owLocaties.xml",
                    "owGebiedsaanwijzingen.xml", "owOmgevingsnormen.xml", "owRegelingsgebied.xml"]
        uit: dict[str, tuple[bytes, list[str]]] = {}
        for bestand in volgorde:
            if bestand not in objecten:
                continue
            soorten = list(dict.fromkeys(s for s, _ in objecten[bestand]))
            uit[bestand] = (self._owbestand(soorten, [el for _, el in objecten[bestand]]), soorten)
        return uit

    def _norm(self, n: Omgevingsnorm, norm_id: str) -> etree._Element:
        el = _ow("rol:Omgevingsnorm")
        sub(el, "rol:identificatie", norm_id)
        sub(el, "rol:naam", n.naam)
        sub(el, "rol:type", wl.uri("TypeNorm", wl.kies_label("TypeNorm", n.naam, "nog toe te voegen")))
        try:
            eenheid_uri, schrijf_in = wl.eenheid_uri(n.eenheid)
        except KeyError as e:
            self.fout(f"norm {n.naam!r}: {e.args[0]}")
            eenheid_uri, schrijf_in = wl.uri("Eenheid", "nog toe te voegen"), n.eenheid
        sub(el, "rol:eenheid", eenheid_uri)
        nw = sub(el, "rol:normwaarde")
        for w in n.waarden:
            waarde = _in_eenheid(w.waarde.waarde, w.waarde.eenheid, schrijf_in)
            v = sub(nw, "rol:Normwaarde")
            sub(v, "rol:identificatie", self.id("normwaarde", f"{n.naam}|{'|'.join(w.locaties)}"))
            sub(v, "rol:kwantitatieveWaarde", _getal(waarde))
            la = sub(v, "rol:locatieaanduiding")
            for r in self.locatie_refs(w.locaties)[0]:
                sub(la, "l:LocatieRef", **{"xlink:href": r})
        groep = wl.kies_label("Omgevingsnormgroep", n.naam, "overig")
        if groep == "overig" and wl.kies_label("TypeNorm", n.naam, "") in _MAATVOERING:
            groep = "maatvoering bouwen"
        sub(el, "rol:groep", wl.uri("Omgevingsnormgroep", groep))
        return el

    def _rvi(self, ident: str, rt_id: str, locaties: list[str], aanwijzingen: list[str],
             activiteit: tuple[str, str, str] | None, normen: list[str]) -> etree._Element:
        el = _ow("r:RegelVoorIedereen")
        sub(el, "r:identificatie", ident)
        sub(el, "r:idealisatie", wl.uri("Idealisatie", "exact"))
        sub(sub(el, "r:artikelOfLid"), "r:RegeltekstRef", **{"xlink:href": rt_id})
        la = sub(el, "r:locatieaanduiding")
        for r in locaties:
            sub(la, "l:LocatieRef", **{"xlink:href": r})
        if aanwijzingen:
            ga = sub(el, "r:gebiedsaanwijzing")
            for a in aanwijzingen:
                sub(ga, "ga:GebiedsaanwijzingRef", **{"xlink:href": a})
        if activiteit is not None:
            act_id, ala_id, kwalificatie = activiteit
            aa = sub(el, "r:activiteitaanduiding")
            sub(aa, "rol:ActiviteitRef", **{"xlink:href": act_id})
            ala = sub(aa, "r:ActiviteitLocatieaanduiding")
            sub(ala, "r:identificatie", ala_id)
            sub(ala, "r:activiteitregelkwalificatie",
                wl.uri("Activiteitregelkwalificatie", wl.KWALIFICATIE_LABEL[kwalificatie]))
            la2 = sub(ala, "r:locatieaanduiding")
            for r in locaties:
                sub(la2, "l:LocatieRef", **{"xlink:href": r})
        if normen:
            on = sub(el, "r:omgevingsnormaanduiding")
            for n in normen:
                sub(on, "rol:OmgevingsnormRef", **{"xlink:href": n})
        return el

    def _owbestand(self, soorten: list[str], objecten: list[etree._Element]) -> bytes:
        root = wortel("ow-dc:owBestand", ["ow-dc", "sl", "r", "rol", "l", "ga", "rg", "xlink", "xsi"])
        root.set(f"{{{XSI}}}schemaLocation",
                 f"{NS['ow-dc']} {IMOW_SCHEMA}/bestanden-ow/deelbestand-ow/IMOW_Deelbestand.xsd")
        sb = sub(root, "sl:standBestand")
        sub(sb, "sl:dataset", self.plan.titel)
        inhoud = sub(sb, "sl:inhoud")
        sub(inhoud, "sl:gebied", self.plan.kop.eigenschap("regelingsgebied") or self.gemeente)
        sub(inhoud, "sl:leveringsId", self.leverings_id())
        ot = sub(inhoud, "sl:objectTypen")
        for s in soorten:
            sub(ot, "sl:objectType", s)
        for obj in objecten:
            sub(sub(sb, "sl:stand"), "ow-dc:owObject").append(obj)
        return xml_bytes(root)

    def _manifest_ow(self, ow: dict[str, tuple[bytes, list[str]]]) -> bytes:
        root = wortel("ow-manifest:Aanleveringen", ["xsi"], standaard="ow-manifest")
        root.set(f"{{{XSI}}}schemaLocation", f"{NS['ow-manifest']} {IMOW_SCHEMA}/bestanden-ow/generiek/manifest-ow.xsd")
        sub(root, "ow-manifest:domein", "omgevingswet")
        sub(root, "ow-manifest:IMOWversie", IMOW_VERSIE)
        a = sub(root, "ow-manifest:Aanlevering")
        sub(a, "ow-manifest:WorkIDRegeling", self.werk)
        sub(a, "ow-manifest:DoelID", self.doel)
        for naam, (_, soorten) in ow.items():
            b = sub(a, "ow-manifest:Bestand")
            sub(b, "ow-manifest:naam", naam)
            for s in soorten:
                sub(b, "ow-manifest:objecttype", s)
        return xml_bytes(root)


_MAATVOERING = {"maximum bouwhoogte", "maximum goothoogte", "maximum aantal bouwlagen", "maximum bebouwingspercentage",
                "maximum oppervlakte", "afstand", "bouwhoogte", "goothoogte", "minimum bouwhoogte", "maximum dakhelling"}


def _standaard_groep(lijst: str) -> str:
    labels = wl.labels(lijst)
    return "overig" if "overig" in labels else labels[0]


def _ow(naam: str, **attrs: str) -> etree._Element:
    el = etree.Element(q(naam))
    for k, v in attrs.items():
        el.set(k, v)
    return el


def _activiteit(ident: str, naam: str, groep: str, boven: str) -> etree._Element:
    el = _ow("rol:Activiteit")
    sub(el, "rol:identificatie", ident)
    sub(el, "rol:naam", naam)
    sub(el, "rol:groep", wl.uri("Activiteitengroep", groep))
    sub(sub(el, "rol:bovenliggendeActiviteit"), "rol:ActiviteitRef", **{"xlink:href": boven})
    return el


def _kop(ouder: etree._Element, label: str, nummer: str, opschrift: str | None) -> None:
    kop = sub(ouder, "tekst:Kop")
    sub(kop, "tekst:Label", label)
    sub(kop, "tekst:Nummer", nummer)
    if opschrift:
        sub(kop, "tekst:Opschrift", opschrift)


def _getal(x: float) -> str:
    return str(int(x)) if x == int(x) and abs(x) < 1e15 else repr(x)


def _in_eenheid(waarde: float, van: str | None, naar: str | None) -> float:
    if van == naar or van is None or naar is None:
        return waarde
    a, b = zoek_eenheid(van), zoek_eenheid(naar)
    if a is None or b is None or a.grootheid != b.grootheid:
        return waarde
    return waarde * a.factor / b.factor


def _posities(coords: Iterable[tuple[float, ...]]) -> str:
    return " ".join(f"{repr(float(c[0]))} {repr(float(c[1]))}" for c in coords)


def _gml_multisurface(ouder: etree._Element, geom: BaseGeometry, gml_id: str) -> None:
    polygonen = list(geom.geoms) if isinstance(geom, MultiPolygon) else [geom]
    ms = sub(ouder, "gml:MultiSurface", **{"gml:id": gml_id, "srsName": "urn:ogc:def:crs:EPSG::28992"})
    for i, p in enumerate(polygonen, 1):
        if not isinstance(p, Polygon):
            raise XmlFout(f"{gml_id}: alleen vlakken kunnen als GIO worden geschreven (gevonden: {p.geom_type})")
        pol = sub(sub(ms, "gml:surfaceMember"), "gml:Polygon", **{"gml:id": f"{gml_id}-{i}"})
        sub(sub(sub(pol, "gml:exterior"), "gml:LinearRing"), "gml:posList", _posities(p.exterior.coords))
        for ring in p.interiors:
            sub(sub(sub(pol, "gml:interior"), "gml:LinearRing"), "gml:posList", _posities(ring.coords))


def _gemeentenaam(plan: Plan) -> str:
    rg = plan.kop.eigenschap("regelingsgebied") or ""
    if rg.lower().startswith("gemeente "):
        return rg[len("gemeente "):]
    titel = plan.titel
    for sleutel in ("gemeente ", "Gemeente "):
        if sleutel in titel:
            return titel.split(sleutel, 1)[1].split("(")[0].strip() or plan.bevoegd_gezag
    return rg or plan.bevoegd_gezag


_MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
            "november", "december")


def _datum_nl(d: dt.date) -> str:
    return f"{d.day} {_MAANDEN[d.month - 1]} {d.year}"


def exporteer(plan: Plan, *, bekendmaking: dt.date | None = None, oin: str = TEST_OIN,
              opdracht: str = "publicatie", machinebestand: bool = True) -> Levering:
    """The LVBB delivery for ``plan`` (in memory; see :class:`Levering` to write it).

    ``bekendmaking``: the publication date (default: the start of the plan's first version, so the
    output does not depend on the day it is made); ``oin``: the OIN of bevoegd gezag and
    aanleveraar; ``opdracht``: ``"publicatie"`` or ``"validatie"``; ``machinebestand``: include
    ``regels-machine.xml`` (see docs/stop.md).
    """
    if opdracht not in ("publicatie", "validatie"):
        raise ValueError("opdracht is 'publicatie' of 'validatie'")
    return _Export(plan, bekendmaking, oin, opdracht, machinebestand).maak()


def houders(plan: Plan) -> list[Houder]:
    """Every artikel (without leden) and lid of the plan with its eId and wId, in text order."""
    e = _Export(plan, None, TEST_OIN, "publicatie", False)
    e._regeling_compact()
    return e.houders


__all__ = ["Houder", "Levering", "MACHINEBESTAND", "TEST_OIN", "exporteer", "houders", "slug"]

"""Apply wijzigingsleveringen, in order, on top of an imported regeling: text, OW, GIOs, intrekking.

Real plans in the DSO are an initial besluit followed by a chain of wijzigingsbesluiten. The import
reads the initial delivery (or a download) as the *basis* and then, per wijziging, in the order given:

* **text**: every ``tekst:RegelingMutatie`` for the regeling is applied with
  :func:`regels.stop.mutaties.pas_mutatie_toe`; its ``was`` must be the current version, so a
  wijziging that is skipped, given twice or out of order is refused (naming both versions);
* **GIOs**: a GIO with the FRBRWork of one already in the plan is a new version and replaces it; a new
  work is added; a GIO named in ``ConsolidatieInformatie/Intrekkingen`` is withdrawn;
* **OW** (a delta): an object with the identificatie of an existing one replaces it, a new one is added,
  one with ``ow:status`` 'beëindigen' removes it (IMOW 2.0, the same element in every object type);
  objects with ``procedurestatus`` 'ontwerp' are not law yet and are not applied;
* **intrekking** of the regeling itself: nothing is left. The import stops with
  :class:`~regels.errors.RegelingIngetrokken` and writes no plan; a wijziging after it is refused.
  *Intrekken en vervangen* (the besluit withdraws the regeling and sets a new one, another work, in
  the same besluit) continues with the new regeling: its text, its GIOs, and the OW delta on top
  of the OW objects so far (IMOW objects live on across the replacement; the delivery only sends
  what changes);
* the version of the plan becomes the last ``wordt``, valid from the latest juridischWerkendVanaf (a
  besluit without one: its date of bekendmaking, the earliest it can take effect, reported as
  'benaderd' and marked in the verslag);
* what is wrong with the OW objects is reported once, from the OW after all wijzigingen.

Refused, with a :class:`~regels.errors.MutatieFout` that names the delivery, file and element: a
mutation of another regeling (another FRBRWork), a ``was`` that is not the current version, a wId that
is not in the text, an ontwerpbesluit (it changes nothing yet), a download given as wijziging, a
delivery with neither besluit nor OW. A wijziging that is refused stops the whole import: there is
never a plan with only part of the wijzigingen.

A geometry that an OW Locatie still points at after all wijzigingen but that is only in an earlier
version of its GIO (the delivery replaced the GIO but did not update the OW reference; Gemeentestad
``opdracht_4b`` does this) is kept from that earlier version and reported: as 'hersteld' when the new
version has the same geometry under another id, else as 'benaderd'. Geometry of a withdrawn GIO is
never brought back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from regels.errors import MutatieFout, RegelingIngetrokken
from regels.stop.elementen import eerste
from regels.stop.elementen import lokaal as _lokaal
from regels.stop.elementen import platte_tekst as _tekst
from regels.stop.gio import Gio
from regels.stop.ids import eerdere_versie, versie_van, werk_van
from regels.stop.mutaties import REGELINGMODELLEN, TEKST, Tekstwijziging, pas_mutaties_toe
from regels.stop.ow import is_beeindigd, lees_ow
from regels.stop.schemas import LVBBA, NAMESPACES

DATA = NAMESPACES["data"]
OW_DC = NAMESPACES["ow-dc"]
MANIFEST_OW = NAMESPACES["ow-manifest"]

Meld = Callable[[str, str, str], None]  # (soort, waar, bericht) → one line of the import report


def bekendmaking_als_datum(datum: dt.date) -> str:
    """The report line for a besluit without juridischWerkendVanaf whose bekendmaking date is used instead."""
    return (f"het besluit noemt geen datum van inwerkingtreding (juridischWerkendVanaf); de datum van bekendmaking "
            f"{datum} (opdracht.xml, datumBekendmaking) is gebruikt. Eerder dan de bekendmaking treedt een besluit niet "
            "in werking, maar de werkelijke datum kan later zijn")


# --- what a wijzigingsbesluit says ------------------------------------------------------------------------


@dataclass
class Besluit:
    """The parts of an AanleveringBesluit that a wijziging needs."""

    bestand: str
    expressie: str = ""  # the besluit's own FRBRExpression
    procedure: str = ""  # soortProcedure (…_definitief, …_ontwerp)
    mutaties: list[etree._Element] = field(default_factory=list)  # tekst:RegelingMutatie, in document order
    regelingen: list[etree._Element] = field(default_factory=list)  # RegelingCompact & co. in a WijzigBijlage: new regelingen
    intrekkingen: list[tuple[str, int]] = field(default_factory=list)  # (instrument, line) from ConsolidatieInformatie


def lees_besluit(root: etree._Element, bestand: str) -> Besluit:
    """Read the mutations, new regelingen and intrekkingen of an ``lvbba:AanleveringBesluit``."""
    b = Besluit(bestand)
    bv = eerste(root, f"{{{LVBBA}}}BesluitVersie")
    if bv is not None:
        ei = bv.find(f"{{{DATA}}}ExpressionIdentificatie")
        b.expressie = _tekst(ei.find(f"{{{DATA}}}FRBRExpression")) if ei is not None else ""
    b.procedure = _tekst(root.find(f".//{{{DATA}}}soortProcedure"))
    for el in root.iter(f"{{{TEKST}}}RegelingMutatie", *(f"{{{TEKST}}}{m}" for m in REGELINGMODELLEN)):
        if el.tag == f"{{{TEKST}}}RegelingMutatie":
            b.mutaties.append(el)
        elif not any(a.tag in (f"{{{TEKST}}}RegelingMutatie", f"{{{TEKST}}}VervangRegeling") for a in el.iterancestors()):
            b.regelingen.append(el)
    for ik in root.iter(f"{{{DATA}}}Intrekking"):
        b.intrekkingen.append((_tekst(ik.find(f"{{{DATA}}}instrument")), ik.sourceline or 0))
    return b


@dataclass
class Gelezen:
    """One wijziging delivery as read by the importer (``regels.stop.pakketlezer.PakketLezer`` in wijziging mode)."""

    naam: str  # the delivery as the officer named it (folder or zip name)
    inhoud: Any  # the reader's Inhoud (regels.stop.pakketlezer): werk, expressie, titel, datum, datum_bron, gios, ow_documenten, soort
    besluit: Besluit | None
    documenten: dict[str, etree._ElementTree]  # every XML file read, by name (manifest-ow, opdracht, …)
    rapport: list[Any]  # the reader's own report lines (Rapportregel: soort, waar, bericht)


# --- the result -------------------------------------------------------------------------------------------


@dataclass
class WijzigingVerslag:
    """What one wijziging did to the plan."""

    naam: str
    soort: str  # wijziging | alleen OW | intrekking | intrekken en vervangen
    besluit: str = ""  # FRBRExpression of the besluit (empty for an OW-only delivery)
    was: str = ""  # regeling expression before
    wordt: str = ""  # regeling expression after ('' when the text did not change)
    datum: dt.date | None = None  # juridischWerkendVanaf
    datum_benaderd: str = ""  # why ``datum`` is not a juridischWerkendVanaf ('' when it is one)
    tekst: list[Tekstwijziging] = field(default_factory=list)
    ow: list[tuple[str, str, str]] = field(default_factory=list)  # (toegevoegd|vervangen|beëindigd, objecttype, id)
    gios: list[tuple[str, str, str]] = field(default_factory=list)  # (nieuw|nieuwe versie|ingetrokken, werk, expressie)

    def samenvatting(self) -> str:
        delen = [f"{self.naam}: {self.soort}"]
        if self.besluit:
            delen[0] += f" (besluit {self.besluit})"
        if self.soort == "intrekking":
            delen.append(f"regeling {self.was or 'onbekende versie'} ingetrokken")
        elif self.was and self.wordt and werk_van(self.was) != werk_van(self.wordt):
            delen.append(f"regeling {self.was} → {self.wordt}")
        elif self.was and self.wordt and self.was != self.wordt:
            delen.append(f"regeling {versie_van(self.was)} → {versie_van(self.wordt)}")
        elif self.was:
            delen.append(f"regeling blijft {versie_van(self.was)}")
        if self.datum:
            delen.append(f"juridisch werkend vanaf {self.datum}" + (f" ({self.datum_benaderd})" if self.datum_benaderd else ""))
        per_actie: dict[str, list[str]] = {}
        for t in self.tekst:
            per_actie.setdefault(t.actie, []).append(t.benoemd)
        delen.append("tekst: " + ("; ".join(f"{a}: {', '.join(v)}" for a, v in per_actie.items()) or "niet gewijzigd"))
        tel: dict[str, int] = {}
        for actie, _, _ in self.ow:
            tel[actie] = tel.get(actie, 0) + 1
        delen.append("OW: " + (", ".join(f"{n} {a}" for a, n in tel.items()) or "geen wijzigingen"))
        delen.append("GIO's: " + ("; ".join(f"{a} {w.rsplit('/', 1)[-1]}" for a, w, _ in self.gios) or "geen wijzigingen"))
        return "; ".join(delen)

    def als_dict(self) -> dict[str, Any]:
        return {
            "naam": self.naam, "soort": self.soort, "besluit": self.besluit, "was": self.was, "wordt": self.wordt,
            "juridisch_werkend_vanaf": self.datum.isoformat() if self.datum else None,
            "juridisch_werkend_vanaf_benaderd": self.datum_benaderd or None,
            "tekst": [{"actie": t.actie, "soort": t.soort, "label": t.label, "wid": t.wid, "was": t.was} for t in self.tekst],
            "ow": [{"actie": a, "objecttype": s, "identificatie": i} for a, s, i in self.ow],
            "gios": [{"actie": a, "werk": w, "expressie": e} for a, w, e in self.gios],
        }

    def details(self) -> list[str]:
        """Every change, one line each (for IMPORTRAPPORT.md)."""
        regels = [f"tekst: {t}" + (f" [{t.wid}]" if t.wid and t.wid != t.label else "") for t in self.tekst]
        regels += [f"OW: {s} {i} {a}" for a, s, i in self.ow]
        regels += [f"GIO: {w} {a} ({e})" for a, w, e in self.gios]
        return regels


# --- applying ---------------------------------------------------------------------------------------------


def _ow_object(owobject: etree._Element) -> tuple[etree._Element | None, str, str, str]:
    """(object, identificatie, status, procedurestatus) of an ow-dc:owObject; local names, as regels.stop.ow reads them."""
    kinderen = [k for k in owobject if isinstance(k.tag, str)]
    if len(kinderen) != 1:
        return None, "", "", ""
    obj = kinderen[0]
    ident = status = procedure = ""
    for k in obj:
        naam = _lokaal(k.tag)
        if naam == "identificatie" and not ident:
            ident = _tekst(k)
        elif naam == "status":
            status = _tekst(k).lower()
        elif naam == "procedurestatus":
            procedure = _tekst(k).lower()
    return obj, ident, status, procedure


@dataclass
class _Oud:
    """A geometry of a GIO version that is no longer current: kept in case the OW still points at it."""

    locatie: Any  # GioLocatie
    gio: Gio
    door: str  # the wijziging that replaced it
    nieuw: Gio | None  # the version that replaced it (None when the regeling was replaced)


class _Toepasser:
    def __init__(self, inhoud: Any, meld: Meld):
        self.i = inhoud
        self.meld = meld
        # OW identificatie → (its ow-dc:owObject, ended): ended objects are kept so that a delta that adds
        # the object again replaces the ended one instead of becoming a duplicate
        self.index: dict[str, tuple[etree._Element, bool]] = {}
        for _, doc in inhoud.ow_documenten:
            for oo in doc.getroot().iter(f"{{{OW_DC}}}owObject"):
                _, ident, status, _ = _ow_object(oo)
                if ident:
                    self.index.setdefault(ident, (oo, is_beeindigd(status)))
        self.basis_documenten = {n for n, _ in inhoud.ow_documenten}
        self.oud: dict[str, _Oud] = {}  # geometry id (lower case) → where it came from
        self.ingetrokken_geo: dict[str, tuple[str, str]] = {}  # geometry id → (GIO werk, by which wijziging)
        self.ingetrokken: str = ""  # the wijziging that withdrew the regeling

    # -- one delivery --
    def een(self, g: Gelezen) -> WijzigingVerslag:
        i, b = self.i, g.besluit
        if self.ingetrokken:
            raise MutatieFout(f"{g.naam}: de regeling {i.werk} is al ingetrokken door {self.ingetrokken}; daarna kan "
                              "geen wijziging meer worden toegepast")
        if g.inhoud.soort == "uitwisselpakket":
            raise MutatieFout(f"{g.naam}: dit is een download van een geconsolideerde regeling (pakbon.xml), geen "
                              "wijzigingsbesluit; lees het in als basis (zonder --wijziging)")
        manifest_werk = g.inhoud.manifest_werk
        if b is None and not g.inhoud.ow_documenten:
            opdracht = next((_lokaal(d.getroot().tag) for n, d in g.documenten.items()
                             if n.rsplit("/", 1)[-1] == "opdracht.xml"), "")
            raise MutatieFout(f"{g.naam}: " + (f"opdracht.xml is een {opdracht}; " if opdracht else "")
                              + "er staat geen wijzigingsbesluit (AanleveringBesluit) en geen OW-bestand in; niets om toe te passen")
        if b is not None and (b.procedure.endswith("_ontwerp") or any(";ontwerp" in (m.get("wordt") or "") for m in b.mutaties)):
            raise MutatieFout(f"{g.naam}/{b.bestand}: dit is een ontwerpbesluit ({b.procedure or 'wordt …;ontwerp'}); een "
                              "ontwerp wijzigt de geldende regeling niet en wordt niet toegepast")
        werk = i.werk
        if not werk:
            raise MutatieFout(f"{g.naam}: de basis noemt het werk van de regeling niet (FRBRWork); een wijziging kan "
                              "dan niet worden gecontroleerd")
        eigen = [m for m in (b.mutaties if b else []) if werk_van(m.get("was") or m.get("wordt") or "") == werk]
        vreemd = [m for m in (b.mutaties if b else []) if m not in eigen]
        intrekt = [(ins, regel) for ins, regel in (b.intrekkingen if b else []) if ins == werk]
        nieuw_rc = [rc for rc in (b.regelingen if b else []) if werk_van(rc.get("wordt") or "") != werk]
        zelfde_rc = [rc for rc in (b.regelingen if b else []) if rc not in nieuw_rc]
        bron = f"{g.naam}/{b.bestand}" if b else g.naam
        if zelfde_rc:
            raise MutatieFout(f"{bron}:{zelfde_rc[0].sourceline}: tekst:{_lokaal(zelfde_rc[0].tag)} wordt="
                              f"\"{zelfde_rc[0].get('wordt')}\": het besluit stelt de regeling {werk} opnieuw vast als "
                              "initiële regeling; een wijziging is een tekst:RegelingMutatie")
        vervanging = bool(intrekt) and bool(nieuw_rc)
        nieuw_werk = werk_van(nieuw_rc[0].get("wordt") or "") if vervanging else ""
        toegestaan = {werk, nieuw_werk} - {""}
        if vreemd and not eigen and not intrekt:
            m = vreemd[0]
            raise MutatieFout(f"{bron}:{m.sourceline}: tekst:RegelingMutatie was=\"{m.get('was')}\": deze wijziging is "
                              f"voor regeling {werk_van(m.get('was') or '')}, maar de ingelezen regeling is {werk}")
        if manifest_werk and manifest_werk not in toegestaan:
            raise MutatieFout(f"{g.naam}/manifest-ow.xml: WorkIDRegeling {manifest_werk}: de OW-wijzigingen zijn voor een "
                              f"andere regeling dan de ingelezen regeling {werk}")
        if g.inhoud.werk and g.inhoud.werk not in toegestaan:
            raise MutatieFout(f"{bron}: RegelingVersieInformatie noemt regeling {g.inhoud.werk}, maar de ingelezen "
                              f"regeling is {werk}")
        if b is not None and not eigen and not intrekt and not self._gio_intrekkingen(b):
            raise MutatieFout(f"{bron}: het besluit wijzigt de ingelezen regeling {werk} niet (geen tekst:RegelingMutatie "
                              "met was voor deze regeling en geen intrekking)")
        if intrekt and eigen:
            raise MutatieFout(f"{bron}:{intrekt[0][1]}: data:Intrekking van {werk} in hetzelfde besluit als een "
                              "tekst:RegelingMutatie van die regeling; dat spreekt elkaar tegen")
        for m in vreemd:
            self.meld("info", f"{bron}:{m.sourceline}", f"het besluit wijzigt ook regeling {werk_van(m.get('was') or '')}; "
                                                       "die is niet ingelezen en de wijziging is niet toegepast")
        for rc in nieuw_rc if not vervanging else nieuw_rc[1:]:
            self.meld("info", f"{bron}:{rc.sourceline}", f"het besluit stelt ook regeling {werk_van(rc.get('wordt') or '')} "
                                                         "vast; lees die apart in als basis")

        soort = ("intrekken en vervangen" if vervanging else "intrekking" if intrekt
                 else "wijziging" if b is not None else "alleen OW")
        verslag = WijzigingVerslag(g.naam, soort, besluit=b.expressie if b else "", was=i.expressie)
        self._rapport_van_lezer(g)
        datum, datum_bron = g.inhoud.datum, g.inhoud.datum_bron
        if datum is None and g.inhoud.bekendmaking is not None and (eigen or vervanging or intrekt):
            # not the date of inwerkingtreding, but the earliest it can be: used, and said so everywhere it shows
            datum, datum_bron = g.inhoud.bekendmaking, g.inhoud.bekendmaking_bron
            verslag.datum_benaderd = "benaderd: datum van bekendmaking, het besluit noemt geen juridischWerkendVanaf"
            self.meld("benaderd", g.naam, bekendmaking_als_datum(datum))
        if intrekt and not vervanging:
            self.ingetrokken = g.naam
            verslag.wordt = ""
            verslag.datum = datum
            return verslag

        # text
        if vervanging:
            rc = nieuw_rc[0]
            if rc.tag != f"{{{TEKST}}}RegelingCompact":
                raise MutatieFout(f"{bron}:{rc.sourceline}: de nieuwe regeling is een {_lokaal(rc.tag)}; alleen een "
                                  "RegelingCompact (artikelstructuur) kan worden ingelezen")
            i.regeling = rc
            i.werk = nieuw_werk
            i.expressie = rc.get("wordt") or g.inhoud.expressie
            verslag.tekst.append(Tekstwijziging("vervangen", "RegelingCompact", f"de hele regeling (door {nieuw_werk})", ""))
        if eigen:
            if not i.expressie:
                self.meld("afwijking", bron, "de versie van de basis is onbekend; was is niet gecontroleerd")
            for m in eigen:
                if eerdere_versie(m.get("wordt") or "", m.get("was") or ""):
                    self.meld("afwijking", f"{bron}:{m.sourceline}",
                              f"wordt ({versie_van(m.get('wordt') or '')}) is een eerdere versie dan was "
                              f"({versie_van(m.get('was') or '')}); de wijziging is toegepast, maar controleer of de "
                              "versies van de regeling goed zijn genummerd")
            i.regeling, gedaan = pas_mutaties_toe(i.regeling, eigen, huidige=i.expressie, bron=bron)
            for t in gedaan:
                if t.afwijking is not None:
                    self.meld("afwijking", *t.afwijking)
            i.expressie = eigen[-1].get("wordt") or i.expressie
            verslag.tekst += gedaan
        if g.inhoud.titel and (eigen or vervanging):
            i.titel = g.inhoud.titel
        verslag.wordt = i.expressie

        # GIOs
        if vervanging:
            for gio in i.gios:
                for loc in gio.locaties:
                    self.oud[loc.id.lower()] = _Oud(loc, gio, g.naam, None)
            i.gios = []
        for ins, regel in (b.intrekkingen if b else []):
            if ins.startswith("/join/id/regdata/"):
                self._trek_gio_in(ins, regel, g, bron, verslag)
        for gio in g.inhoud.gios:
            self._gio(gio, g, verslag)

        # OW
        for naam, doc in g.inhoud.ow_documenten:
            self._ow_document(f"{g.naam}/{naam}", doc, verslag)

        # date
        if datum is not None:
            verslag.datum = datum
            if i.datum is not None and datum < i.datum:
                self.meld("info", g.naam, f"juridisch werkend vanaf {datum}, eerder dan de vorige versie "
                                          f"({i.datum}); de geconsolideerde regeling geldt vanaf {i.datum}")
            else:
                i.datum, i.datum_bron = datum, f"{g.naam}: {datum_bron}"
        elif eigen or vervanging:
            self.meld("afwijking", g.naam, "geen datum van inwerkingtreding (juridischWerkendVanaf) in de wijziging; "
                                           f"de versie geldt vanaf {i.datum}")
        return verslag

    def _gio_intrekkingen(self, b: Besluit) -> bool:
        werken = {gio.werk for gio in self.i.gios}
        return any(ins in werken for ins, _ in b.intrekkingen)

    def _rapport_van_lezer(self, g: Gelezen) -> None:
        """The reader's own report lines, with the delivery's name in front. The reader does not interpret the
        OW delta: what it says about the OW objects comes once, from the OW after all wijzigingen
        (:meth:`afronden`)."""
        for r in g.rapport:
            waar = r.waar if r.waar.startswith(("nl.imow", g.naam)) else f"{g.naam}/{r.waar}" if r.waar else g.naam
            self.meld(r.soort, waar, r.bericht)

    def _trek_gio_in(self, werk: str, regel: int, g: Gelezen, bron: str, verslag: WijzigingVerslag) -> None:
        weg = [gio for gio in self.i.gios if gio.werk == werk]
        if not weg:
            self.meld("afwijking", f"{bron}:{regel}", f"intrekking van GIO {werk}, dat niet in de regeling staat")
            return
        for gio in weg:
            self.i.gios.remove(gio)
            verslag.gios.append(("ingetrokken", werk, gio.expressie))
            for loc in gio.locaties:
                self.ingetrokken_geo[loc.id.lower()] = (werk, g.naam)
                self.oud.pop(loc.id.lower(), None)

    def _gio(self, gio: Gio, g: Gelezen, verslag: WijzigingVerslag) -> None:
        vorige = [x for x in self.i.gios if x.werk and x.werk == gio.werk]
        for v in vorige:
            self.i.gios.remove(v)
            for loc in v.locaties:
                self.oud[loc.id.lower()] = _Oud(loc, v, g.naam, gio)
        for loc in gio.locaties:
            self.oud.pop(loc.id.lower(), None)
            self.ingetrokken_geo.pop(loc.id.lower(), None)
        self.i.gios.append(gio)
        if vorige and vorige[-1].expressie == gio.expressie:
            return  # the same version delivered again
        if vorige:
            verslag.gios.append(("nieuwe versie", gio.werk, f"{vorige[-1].expressie} → {gio.expressie}"))
        else:
            verslag.gios.append(("nieuw", gio.werk, gio.expressie))

    def _ow_document(self, naam: str, doc: etree._ElementTree, verslag: WijzigingVerslag) -> None:
        for oo in list(doc.getroot().iter(f"{{{OW_DC}}}owObject")):
            obj, ident, status, procedure = _ow_object(oo)
            if obj is None or not ident:
                continue
            soort = _lokaal(obj.tag)
            if procedure == "ontwerp":
                self.meld("overgeslagen", ident, f"{soort} met procedurestatus ontwerp ({naam}:{obj.sourceline}): een "
                                                 "ontwerp is nog geen recht; niet toegepast")
                oo.getparent().remove(oo)
                continue
            oud_el, oud_weg = self.index.pop(ident, (None, True))
            if oud_el is not None and oud_el.getparent() is not None:
                oud_el.getparent().remove(oud_el)
            oud = None if oud_weg else oud_el
            if is_beeindigd(status):
                oo.getparent().remove(oo)
                if oud is None:
                    self.meld("afwijking", ident, f"{soort} wordt beëindigd ({naam}:{obj.sourceline}), maar bestaat niet "
                                                  "in de regeling")
                else:
                    verslag.ow.append(("beëindigd", soort, ident))
                continue
            self.index[ident] = (oo, False)
            verslag.ow.append(("vervangen" if oud is not None else "toegevoegd", soort, ident))
        self.i.ow_documenten.append((naam, doc))

    # -- after the last one --
    def afronden(self, verslagen: list[WijzigingVerslag]) -> None:
        i = self.i
        if self.ingetrokken:
            raise RegelingIngetrokken(
                f"{self.ingetrokken}: de regeling {i.werk} is ingetrokken"
                + (f" (juridisch werkend vanaf {verslagen[-1].datum}"
                   + (f"; {verslagen[-1].datum_benaderd}" if verslagen[-1].datum_benaderd else "") + ")"
                   if verslagen and verslagen[-1].datum else "")
                + "; er is geen geldend plan meer, dus er is niets ingelezen en geen plan geschreven", tuple(verslagen))
        i.ow = lees_ow(i.ow_documenten)
        for m in i.ow.meldingen:
            if m.positie is not None and m.positie.bestand not in self.basis_documenten:
                self.meld("afwijking", str(m.positie), m.bericht)
        huidig = {loc.id.lower() for gio in i.gios for loc in gio.locaties}
        terug: dict[int, Gio] = {}
        for loc in i.ow.locaties.values():
            ref = (loc.geometrie or "").lower()
            if not ref or ref in huidig:
                continue
            if ref in self.ingetrokken_geo:
                werk, door = self.ingetrokken_geo[ref]
                self.meld("afwijking", loc.id, f"{loc.soort} verwijst naar geometrie {loc.geometrie} van GIO {werk}, dat is "
                                               f"ingetrokken door {door}; het gebied is niet ingelezen")
                continue
            oud = self.oud.get(ref)
            if oud is None:
                continue  # in no GIO at all: the plan builder reports it
            doel = next((x for x in i.gios if x.werk and x.werk == oud.gio.werk), None)
            if doel is None:
                doel = terug.get(id(oud.gio))
                if doel is None:
                    doel = terug[id(oud.gio)] = Gio(oud.gio.bestand, oud.gio.werk, oud.gio.expressie, [])
                    i.gios.append(doel)
            gelijk = next((x for x in (oud.nieuw.locaties if oud.nieuw else [])
                           if x.geometrie.equals(oud.locatie.geometrie)), None)
            doel.locaties.append(oud.locatie)
            huidig.add(ref)
            if gelijk is not None:
                self.meld("hersteld", loc.id, f"{loc.soort} verwijst naar geometrie {loc.geometrie} uit de vorige versie "
                                              f"van GIO {oud.gio.werk} ({oud.gio.expressie}); {oud.door} levert een nieuwe "
                                              f"versie waarin dezelfde geometrie id {gelijk.id} heeft, maar werkt de "
                                              "OW-verwijzing niet bij. De geometrie is gebruikt (ze is gelijk)")
            else:
                self.meld("benaderd", loc.id, f"{loc.soort} verwijst naar geometrie {loc.geometrie}, die alleen in een eerdere "
                                              f"versie van GIO {oud.gio.werk} ({oud.gio.expressie}) staat; {oud.door} "
                                              "vervangt die versie zonder de OW-verwijzing bij te werken. De geometrie uit "
                                              "de eerdere versie is gebruikt")


def pas_wijzigingen_toe(inhoud: Any, gelezen: Sequence[Gelezen], meld: Meld) -> list[WijzigingVerslag]:
    """Apply every wijziging to ``inhoud`` (the importer's Inhoud of the basis), in order; see the module docstring.

    Changes ``inhoud`` in place (regeling, werk, expressie, titel, datum, gios, ow_documenten, ow) and returns
    what each wijziging did. Raises :class:`MutatieFout` for a wijziging that cannot be applied and
    :class:`RegelingIngetrokken` when the regeling is withdrawn."""
    t = _Toepasser(inhoud, meld)
    verslagen: list[WijzigingVerslag] = []
    for g in gelezen:
        verslagen.append(t.een(g))
    t.afronden(verslagen)
    return verslagen


__all__ = ["Besluit", "Gelezen", "WijzigingVerslag", "lees_besluit", "pas_wijzigingen_toe"]

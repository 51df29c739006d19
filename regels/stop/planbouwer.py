"""Route 2 of the import: what :class:`~regels.stop.pakketlezer.PakketLezer` read (STOP text, OW objects, GIO
geometry) → the plan model, with a report line for everything that could not be taken over as it was."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely
from lxml import etree
from shapely.geometry.base import BaseGeometry

from regels.errors import XmlFout
from regels.language.grammar import GERESERVEERD
from regels.model.expressie import Naam, Vergelijking
from regels.model.regeling import (
    KWALIFICATIES, SOORTEN_GEBIEDSAANWIJZING, ActiviteitDecl, Begrip, Bestand, Eigenschap, Eis, GebiedDecl, GebiedengroepDecl,
    GebiedsaanwijzingDecl, Hoofdstuk, JuridischeRegel, Normwaarde, Omgevingsnorm, PlanKop, Regeling, Versie,
)
from regels.model.expressie import Getal
from regels.stop import waardelijsten as wl
from regels.stop.elementen import eerste as _eerste
from regels.stop.elementen import lokaal as _lokaal
from regels.stop.elementen import tekst as _t
from regels.stop.elementen import wids as _wids
from regels.stop.gio import Gio
from regels.stop.ids import slug
from regels.stop.importrapport import Rapportregel
from regels.stop.pakketlezer import Inhoud
from regels.stop.schemas import NAMESPACES

TEKST = NAMESPACES["tekst"]


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
    artikel: dict
    lid: dict | None
    volgorde: int

    @property
    def doel(self) -> dict:
        return self.lid if self.lid is not None else self.artikel

    @property
    def citaat(self) -> str:
        return f"artikel {self.artikel['nummer']}" + (f" lid {self.lid['nummer']}" if self.lid else "")


class PlanBouwer:
    def __init__(self, inhoud: Inhoud, rapport: list[Rapportregel], ambtsgebieden: dict[str, BaseGeometry]):
        self.i = inhoud
        self.ow = inhoud.ow
        self.rapport = rapport
        self.ambtsgebieden = {k.lower(): v for k, v in ambtsgebieden.items()}
        self.hoofdstukken: list[dict] = []
        self.houders: dict[str, _Houder] = {}
        self.alle_wids: dict[str, _Houder] = {}  # every element wId inside an artikel/lid → its houder
        self._wids_klein: dict[str, str | None] | None = None  # wId in lower case → the text's wId, None if several
        self.hoofdletterverschil: dict[str, tuple[str, str]] = {}  # Regeltekst → (its wId, the text's), by case
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
            self.r("benaderd", f"{_lokaal(el.tag)} {nummer}", "staat niet in een hoofdstuk; als hoofdstuk ingelezen")
        h = {"nummer": nummer, "titel": titel or f"Hoofdstuk {nummer}", "inhoud": [], "bron": el.sourceline}
        self.hoofdstukken.append(h)
        huidige_afd: dict | None = None
        for kind in _kinderen_structuur(el):
            soort = _lokaal(kind.tag)
            if soort == "Artikel":
                a = self._artikel(kind)
                if huidige_afd is not None:
                    huidige_afd["artikelen"].append(a)
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
                        self.r("benaderd", f"{_lokaal(sub.tag)} {_kop(sub)[0]}",
                               f"samengevoegd in afdeling {anummer} (het plan kent geen paragrafen)")
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
                h = _Houder(a, lid, len(self.houders))
                self.houders[lid["wid"]] = h
                for w in _wids(lel):
                    self.alle_wids[w] = h
            self.alle_wids[wid_a] = self.houders[a["leden"][0]["wid"]]
        else:
            h = _Houder(a, None, len(self.houders))
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
                if boven.startswith("nl.imow-mnre"):  # the tophaak of this plan: it hangs under the national placeholder
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
            h = self._zoek_wid(rt.wid)[0] if rt else None
            return (h.volgorde if h else 10**9, rid)

        geplaatst: set[str] = set()
        plekken = {rid: plek(rid) for rid in self.ow.regels}
        volgorde = sorted(self.ow.regels, key=plekken.__getitem__)
        # norms go to the rule without activity that names them (its article declares them), else the first user
        for rid in sorted(volgorde, key=lambda x: (bool(self.ow.regels[x].activiteiten), plekken[x])):
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
            eisen, begrippen = self._afgeleide_eisen(rvi.normen, rid)
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
        self._meld_hoofdletterverschil()

    def _houder(self, rvi: Any, melden: bool = False) -> _Houder | None:
        rt = self.ow.regelteksten.get(rvi.regeltekst)
        if rt is None:
            if melden:
                self.r("overgeslagen", rvi.id, f"verwijst naar Regeltekst {rvi.regeltekst!r}, die niet in het pakket staat")
            return None
        h, wid = self._zoek_wid(rt.wid)
        if h is None and melden:
            self.r("overgeslagen", rvi.id, f"de Regeltekst {rt.id} wijst naar wId {rt.wid!r}, die niet in de tekst staat")
        elif h is not None and melden:
            if wid != rt.wid:
                self.hoofdletterverschil[rt.id] = (rt.wid, wid)
            if wid not in self.houders and wid != h.artikel.get("wid"):
                self.r("benaderd", rvi.id, f"wId {wid} is geen artikel of lid; de annotatie hangt aan {h.citaat}")
        return h

    def _zoek_wid(self, wid: str) -> tuple[_Houder | None, str]:
        """The artikel or lid a Regeltekst's wId points at, and that wId as the text writes it.

        A wId is matched exactly; failing that, regardless of upper and lower case, when that finds exactly
        one: deliveries exist whose OW writes ``pv73_…`` where the text has ``PV73_…``. Such matches are
        reported together (see :meth:`_meld_hoofdletterverschil`)."""
        h = self.houders.get(wid) or self.alle_wids.get(wid)
        if h is not None:
            return h, wid
        if self._wids_klein is None:  # built on the first wId that does not match exactly
            alle = list(dict.fromkeys((*self.houders, *self.alle_wids)))
            klein = [w.lower() for w in alle]
            self._wids_klein = dict(zip(klein, alle))
            if len(self._wids_klein) < len(alle):  # wIds of the text that differ only in case: none of them is chosen
                for k, n in Counter(klein).items():
                    if n > 1:
                        self._wids_klein[k] = None
        tekst_wid = self._wids_klein.get(wid.lower())
        if tekst_wid is None:
            return None, wid
        return self.houders.get(tekst_wid) or self.alle_wids.get(tekst_wid), tekst_wid

    def _meld_hoofdletterverschil(self) -> None:
        if self.hoofdletterverschil:
            ow_wid, tekst_wid = next(iter(self.hoofdletterverschil.values()))
            n = len(self.hoofdletterverschil)
            self.r("benaderd", f"{n} Regeltekst{'en' if n != 1 else ''}",
                   "de wId in het OW-bestand verschilt alleen in hoofd- en kleine letters van die in de tekst "
                   f"(bijvoorbeeld {ow_wid} en {tekst_wid}); de regels zijn aan dat artikel of lid gekoppeld")

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

    def _afgeleide_eisen(self, norm_ids: list[str], rid: str) -> tuple[list[Eis], list[Begrip]]:
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


def _alineas(inhoud: etree._Element | None, b: PlanBouwer, waar: str) -> list[str]:
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


__all__ = ["PlanBouwer", "is_expressienaam"]

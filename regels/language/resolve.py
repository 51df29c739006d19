"""Syntax → ``Plan``: every name declared once and known, units checked, geometry attached.

All errors are collected and raised together as ``PlanFouten``; findings that do not stop a plan
from loading (a norm without a value in part of a rule's area) become warnings on the plan.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

from regels.errors import GeoFout, Melding, PlanFouten, Positie
from regels.geo import GebiedenIndex, gat, lees_geojson, overlappen
from regels.language.format import format_operand
from regels.model.basis import Opdracht
from regels.model.expressie import Deel, En, EenVan, Getal, JaNee, Naam, Niet, Of, Tekst, Vergelijking, namen_in
from regels.model.regeling import (
    ActiviteitDecl, Afwijkingsregel, Artikel, Begrip, GebiedDecl, GebiedengroepDecl, GebiedsaanwijzingDecl, Hoofdstuk,
    JuridischeRegel, Lid, Omgevingsnorm, PlanKop, Regeling,
)
from regels.deviation.indicators import INDICATOREN
from regels.plan import AfwijkingsregelInPlan, Plan, RegelInPlan, Vindplaats
from regels.units import AANTAL, GROOTHEID_NAAM, JANEE, KEUZE, zoek_eenheid

# Area (m²) below which a gap or an overlap is taken as drawing noise.
TOLERANTIE_M2 = 1.0

Type = tuple[str, str]  # ("lengte", "") | ("aantal", "") | ("ja/nee", "") | ("keuze", begrip) | ("tekst", waarde)


def _suggestie(naam: str, bekend: Iterable[str]) -> str:
    s = difflib.get_close_matches(naam, list(bekend), n=1, cutoff=0.6)
    return f"; bedoelt u {s[0]!r}?" if s else ""


class _Resolver:
    def __init__(self, regeling: Regeling, basis: Path | None, bronteksten: dict[str, list[str]],
                 geometrie: dict[str, dict[str, BaseGeometry]] | None) -> None:
        self.regeling = regeling
        self.basis = basis
        self.bronteksten = bronteksten
        self.fouten: list[Melding] = []
        self.waarschuwingen: list[Melding] = []
        self.bestandsgeometrie: dict[str, dict[str, BaseGeometry]] = dict(geometrie or {})
        self._unies: dict[tuple[str, ...], BaseGeometry] = {}
        self._indicatoren = False  # True while checking an afwijkingsregel: its expressions may use indicators
        self._gaten: dict[tuple[tuple[str, ...], str], float] = {}

    def unie(self, namen: tuple[str, ...], locaties: dict[str, BaseGeometry]) -> BaseGeometry:
        """The union of named areas; cached, since many rules share the same areas."""
        if namen not in self._unies:
            self._unies[namen] = locaties[namen[0]] if len(namen) == 1 else shapely.union_all([locaties[n] for n in namen])
        return self._unies[namen]

    # -- reporting
    def _positie(self, o: Opdracht | None, zoek: str | None = None) -> Positie | None:
        """The statement's position; with ``zoek``, the column of that text on the line (e.g. an unknown name)."""
        if o is None or o.bron is None:
            return None
        regels = self.bronteksten.get(o.bron.bestand, [])
        tekst = regels[o.bron.regel - 1] if 0 < o.bron.regel <= len(regels) else ""
        kolom = o.bron.kolom
        if zoek and tekst:
            i = tekst.find(zoek, kolom - 1)
            kolom = i + 1 if i >= 0 else kolom
        return Positie(o.bron.bestand, o.bron.regel, kolom, tekst)

    def fout(self, o: Opdracht | None, bericht: str, zoek: str | None = None) -> None:
        self.fouten.append(Melding(bericht, self._positie(o, zoek)))

    def waarschuw(self, o: Opdracht | None, bericht: str) -> None:
        self.waarschuwingen.append(Melding(bericht, self._positie(o), ernst="waarschuwing"))

    # -- the whole plan
    def resolve(self) -> Plan:
        items = self.regeling.items()
        kop = self._kop([i for i in items if isinstance(i, PlanKop)])
        activiteiten = self._activiteiten([i for i in items if isinstance(i, ActiviteitDecl)])
        locaties, soort = self._locaties(items)
        artikelen, begrippen, normen, regels, afwijkingsregels = self._tekst([i for i in items if isinstance(i, Hoofdstuk)])
        index = GebiedenIndex(locaties) if locaties else GebiedenIndex({})
        if kop is not None:
            rg = kop.eigenschap("regelingsgebied")
            if rg is None:
                self.fout(kop, "het plan noemt geen regelingsgebied; voeg 'regelingsgebied \"…\"' toe onder 'plan'")
            elif rg not in soort:
                self.fout(kop, f"regelingsgebied {rg!r} is geen gedeclareerd gebied{_suggestie(rg, soort)}")
        for naam, (norm, _) in normen.items():
            self._normwaarden(norm, locaties)
        for r in regels:
            self._regel(r, activiteiten, locaties, begrippen, normen, artikelen)
        for a in afwijkingsregels:
            self._afwijkingsregel(a, locaties, begrippen, normen)
        if not self.fouten:
            self._dekking(regels, normen, locaties)
            self._botsende_uitzonderingen(regels, locaties, activiteiten)
        if self.fouten or kop is None:
            volgorde = {b.pad: i for i, b in enumerate(self.regeling.bestanden)}
            self.fouten.sort(key=lambda f: (volgorde.get(f.positie.bestand, -1), f.positie.regel) if f.positie else (-2, 0))
            raise PlanFouten(self.fouten + self.waarschuwingen)
        return Plan(
            regeling=self.regeling,
            kop=kop,
            versies=tuple(sorted(kop.versies, key=lambda v: v.vanaf)),
            activiteiten=activiteiten,
            locaties=locaties,
            locatiesoort=soort,
            index=index,
            begrippen=begrippen,
            normen=normen,
            regels=tuple(regels),
            artikelen=artikelen,
            waarschuwingen=tuple(self.waarschuwingen),
            afwijkingsregels=tuple(afwijkingsregels),
        )

    def _kop(self, koppen: list[PlanKop]) -> PlanKop | None:
        if not koppen:
            self.fouten.append(Melding("het plan heeft geen kop: zet in één bestand 'plan \"<titel>\"' met "
                                       "'bevoegd gezag', 'werk', 'regelingsgebied' en 'versie'"))
            return None
        for extra in koppen[1:]:
            self.fout(extra, f"er staat al een plan-kop in {koppen[0].bron}; een plan heeft er precies één")
        kop = koppen[0]
        for sleutel in ("bevoegd gezag", "werk"):
            if kop.eigenschap(sleutel) is None:
                self.fout(kop, f"de plan-kop mist '{sleutel} \"…\"'")
        versies = sorted(kop.versies, key=lambda v: v.vanaf)
        if not versies:
            self.fout(kop, "de plan-kop heeft geen 'versie \"…\" geldig vanaf JJJJ-MM-DD'")
        namen: set[str] = set()
        for v in versies:
            if v.tot is not None and v.tot < v.vanaf:
                self.fout(v, f"versie {v.naam!r} eindigt ({v.tot}) vóór ze begint ({v.vanaf})")
            if v.naam in namen:
                self.fout(v, f"er is al een versie {v.naam!r}")
            namen.add(v.naam)
        for a, b in zip(versies, versies[1:]):
            if a.tot is None or a.tot >= b.vanaf:
                self.fout(b, f"versie {b.naam!r} (vanaf {b.vanaf}) overlapt met versie {a.naam!r}; "
                             f"geef versie {a.naam!r} een 'tot' vóór {b.vanaf}")
        return kop

    def _activiteiten(self, decls: list[ActiviteitDecl]) -> dict[str, ActiviteitDecl]:
        uit: dict[str, ActiviteitDecl] = {}
        for d in decls:
            if d.naam in uit:
                self.fout(d, f"activiteit {d.naam!r} is al gedeclareerd in {uit[d.naam].bron}")
            else:
                uit[d.naam] = d
        for d in uit.values():
            if d.bovenliggend is not None and d.bovenliggend not in uit:
                self.fout(d, f"onbekende bovenliggende activiteit {d.bovenliggend!r}{_suggestie(d.bovenliggend, uit)}",
                          zoek=f'"{d.bovenliggend}"')
        gemeld: set[str] = set()
        for d in uit.values():
            pad: list[str] = []
            naam: str | None = d.naam
            while naam is not None and naam in uit:
                if naam in pad:
                    kring = pad[pad.index(naam):] + [naam]
                    if not gemeld & set(kring):
                        self.fout(uit[naam], "de activiteitenboom bevat een kring: " + " → ".join(kring))
                        gemeld.update(kring)
                    break
                pad.append(naam)
                naam = uit[naam].bovenliggend
        return uit

    def _geojson(self, bestand: str) -> dict[str, BaseGeometry]:
        if bestand not in self.bestandsgeometrie:
            if self.basis is None:
                raise GeoFout(f"geen planmap bekend om {bestand!r} in te lezen")
            pad = (self.basis / bestand).resolve()
            if self.basis.resolve() not in pad.parents:
                raise GeoFout(f"{bestand!r} ligt buiten de map van het plan")
            if not pad.is_file():
                raise GeoFout(f"het bestand {bestand!r} bestaat niet (gezocht in {self.basis})")
            self.bestandsgeometrie[bestand] = lees_geojson(pad)
        return self.bestandsgeometrie[bestand]

    def _locaties(self, items: list[Any]) -> tuple[dict[str, BaseGeometry], dict[str, str]]:
        geoms: dict[str, BaseGeometry] = {}
        soort: dict[str, str] = {}
        decls: dict[str, Opdracht] = {}

        def declareer(d: Any, s: str) -> bool:
            if d.naam in decls:
                self.fout(d, f"de naam {d.naam!r} is al gebruikt voor een {soort[d.naam]} in {decls[d.naam].bron}")
                return False
            decls[d.naam] = d
            soort[d.naam] = s
            return True

        for d in items:
            if isinstance(d, GebiedDecl) and declareer(d, "gebied"):
                try:
                    features = self._geojson(d.bestand)
                except GeoFout as e:
                    self.fout(d, str(e))
                    continue
                if d.naam not in features:
                    self.fout(d, f"{d.bestand} heeft geen feature met naam {d.naam!r}{_suggestie(d.naam, features)}", zoek=f'"{d.naam}"')
                    continue
                geoms[d.naam] = features[d.naam]
        samengesteld = [d for d in items if isinstance(d, (GebiedengroepDecl, GebiedsaanwijzingDecl))]
        for d in samengesteld:
            declareer(d, "gebiedengroep" if isinstance(d, GebiedengroepDecl) else "gebiedsaanwijzing")
        # groups may refer to groups declared later: resolve until nothing changes
        open_ = [d for d in samengesteld if soort.get(d.naam) and decls[d.naam] is d]
        while open_:
            voortgang = False
            for d in list(open_):
                leden = d.leden if isinstance(d, GebiedengroepDecl) else d.locaties
                onbekend = [n for n in leden if n not in decls]
                if onbekend:
                    for n in onbekend:
                        self.fout(d, f"onbekend gebied {n!r}{_suggestie(n, decls)}", zoek=f'"{n}"')
                    open_.remove(d)
                    continue
                if all(n in geoms for n in leden):
                    geoms[d.naam] = shapely.union_all([geoms[n] for n in leden])
                    open_.remove(d)
                    voortgang = True
            if not voortgang:
                for d in open_:
                    self.fout(d, f"{d.naam!r} verwijst (via andere groepen) naar zichzelf, of naar een gebied met een fout")
                break
        return geoms, soort

    def _tekst(self, hoofdstukken: list[Hoofdstuk]) -> tuple[
        dict[str, Artikel], dict[str, tuple[Begrip, Vindplaats]], dict[str, tuple[Omgevingsnorm, Vindplaats]], list[RegelInPlan],
        list[AfwijkingsregelInPlan],
    ]:
        artikelen: dict[str, Artikel] = {}
        begrippen: dict[str, tuple[Begrip, Vindplaats]] = {}
        normen: dict[str, tuple[Omgevingsnorm, Vindplaats]] = {}
        regels: list[RegelInPlan] = []
        afwijkingsregels: list[AfwijkingsregelInPlan] = []
        hoofdstuknummers: dict[str, Hoofdstuk] = {}
        for h in hoofdstukken:
            if h.nummer in hoofdstuknummers:
                self.fout(h, f"hoofdstuk {h.nummer} bestaat al ({hoofdstuknummers[h.nummer].bron})")
            hoofdstuknummers[h.nummer] = h
            for a in h.artikelen():
                if a.nummer in artikelen:
                    self.fout(a, f"artikel {a.nummer} bestaat al ({artikelen[a.nummer].bron}); artikelnummers zijn uniek in het plan")
                    continue
                artikelen[a.nummer] = a
                leden: set[str] = set()
                for lid in a.leden:
                    if lid.nummer in leden:
                        self.fout(lid, f"artikel {a.nummer} heeft al een lid {lid.nummer}")
                    leden.add(lid.nummer)
                houders: list[tuple[Artikel | Lid, Lid | None]] = [(a, None)] + [(lid, lid) for lid in a.leden]
                for houder, lid in houders:
                    plek = Vindplaats(a, lid)
                    for i, ann in enumerate(houder.annotaties):
                        if isinstance(ann, (Begrip, Omgevingsnorm)):
                            if ann.naam in begrippen or ann.naam in normen:
                                eerder = (begrippen.get(ann.naam) or normen[ann.naam])[0]
                                self.fout(ann, f"de naam {ann.naam!r} is al gedeclareerd ({eerder.bron})")
                                continue
                            if isinstance(ann, Begrip):
                                self._begrip(ann)
                                begrippen[ann.naam] = (ann, plek)
                            else:
                                normen[ann.naam] = (ann, plek)
                        elif isinstance(ann, Afwijkingsregel):
                            nr = sum(1 for x in houder.annotaties[: i + 1] if isinstance(x, Afwijkingsregel))
                            aid = f"art{a.nummer}" + (f"-lid{lid.nummer}" if lid else "") + f"-a{nr}"
                            afwijkingsregels.append(AfwijkingsregelInPlan(aid, ann, plek))
                        else:
                            nr = sum(1 for x in houder.annotaties[: i + 1] if isinstance(x, JuridischeRegel))
                            rid = f"art{a.nummer}" + (f"-lid{lid.nummer}" if lid else "") + f"-r{nr}"
                            regels.append(RegelInPlan(rid, ann, plek))
        return artikelen, begrippen, normen, regels, afwijkingsregels

    def _begrip(self, b: Begrip) -> None:
        if b.type == "keuze" and len(set(b.keuzes)) != len(b.keuzes):
            self.fout(b, f"begrip {b.naam!r} noemt een keuze meer dan eens")

    # -- types
    def type_van_naam(self, n: str, o: Opdracht, begrippen: dict, normen: dict) -> Type | None:
        if n in begrippen:
            b: Begrip = begrippen[n][0]
            if b.type == "eenheid":
                return (zoek_eenheid(b.eenheid or "").grootheid, "")  # type: ignore[union-attr]
            if b.type == "keuze":
                return (KEUZE, n)
            return (AANTAL, "") if b.type == "aantal" else (JANEE, "")
        if n in normen:
            norm: Omgevingsnorm = normen[n][0]
            return (zoek_eenheid(norm.eenheid).grootheid, "") if norm.eenheid else (AANTAL, "")  # type: ignore[union-attr]
        if self._indicatoren and n in INDICATOREN:
            return (INDICATOREN[n][0], "")
        bekend = [*begrippen, *normen, *(INDICATOREN if self._indicatoren else ())]
        if not self._indicatoren and n in INDICATOREN:
            self.fout(o, f"{n!r} is een indicator van de afwijkingsregel; die kan alleen in een 'afwijkingsregel' staan", zoek=n)
            return None
        self.fout(o, f"onbekend begrip, norm of indicator {n!r}{_suggestie(n, bekend)}" if self._indicatoren
                  else f"onbekend begrip of onbekende norm {n!r}{_suggestie(n, bekend)}", zoek=n)
        return None

    def type_van(self, x: Any, o: Opdracht, begrippen: dict, normen: dict) -> Type | None:
        if isinstance(x, Naam):
            return self.type_van_naam(x.naam, o, begrippen, normen)
        if isinstance(x, Getal):
            return (AANTAL, "") if x.eenheid is None else (zoek_eenheid(x.eenheid).grootheid, "")  # type: ignore[union-attr]
        if isinstance(x, JaNee):
            return (JANEE, "")
        if isinstance(x, Tekst):
            return ("tekst", x.waarde)
        if isinstance(x, Deel):
            aandeel = self.type_van(x.aandeel, o, begrippen, normen)
            van = self.type_van(x.van, o, begrippen, normen)
            if aandeel is not None and aandeel[0] != "aandeel":
                self.fout(o, f"in '… van …' moet het deel een percentage zijn (%), niet {_typenaam(aandeel)}")
            return van
        return None

    def expressie(self, e: Any, o: Opdracht, begrippen: dict, normen: dict) -> None:
        if isinstance(e, (En, Of)):
            for a in e.args:
                self.expressie(a, o, begrippen, normen)
        elif isinstance(e, Niet):
            self.expressie(e.arg, o, begrippen, normen)
        elif isinstance(e, EenVan):
            t = self.type_van_naam(e.links.naam, o, begrippen, normen)
            if t is not None and t[0] != KEUZE:
                self.fout(o, f"'is een van' past alleen bij een keuze-begrip; {e.links.naam!r} is {_typenaam(t)}")
            elif t is not None:
                self._keuzes(e.links.naam, e.waarden, o, begrippen)
        elif isinstance(e, Vergelijking):
            links = self.type_van_naam(e.links.naam, o, begrippen, normen)
            rechts = self.type_van(e.rechts, o, begrippen, normen)
            if links is None or rechts is None:
                return
            if links[0] == KEUZE:
                if rechts[0] != "tekst":
                    self.fout(o, f"{e.links.naam!r} is een keuze; vergelijk met een tekst zoals \"wonen\"")
                elif e.op not in ("=", "!="):
                    self.fout(o, f"een keuze vergelijk je alleen met = of !=, niet met {e.op}")
                else:
                    self._keuzes(e.links.naam, (rechts[1],), o, begrippen)
            elif links[0] == JANEE:
                if rechts[0] != JANEE:
                    self.fout(o, f"{e.links.naam!r} is ja/nee; vergelijk met ja of nee")
                elif e.op not in ("=", "!="):
                    self.fout(o, f"ja/nee vergelijk je alleen met = of !=, niet met {e.op}")
            elif rechts[0] != links[0]:
                self.fout(o, f"eenheden passen niet: {e.links.naam!r} is {_typenaam(links)}, "
                             f"maar '{format_operand(e.rechts)}' is {_typenaam(rechts)}", zoek=e.op)

    def _keuzes(self, begrip: str, waarden: Iterable[str], o: Opdracht, begrippen: dict) -> None:
        keuzes = begrippen[begrip][0].keuzes
        for w in waarden:
            if w not in keuzes:
                self.fout(o, f"{w!r} is geen keuze van {begrip!r} (keuzes: {', '.join(keuzes)}){_suggestie(w, keuzes)}")

    # -- rules and norms
    def _normwaarden(self, norm: Omgevingsnorm, locaties: dict[str, BaseGeometry]) -> None:
        grootheid = zoek_eenheid(norm.eenheid).grootheid if norm.eenheid else AANTAL  # type: ignore[union-attr]
        if not norm.waarden:
            self.fout(norm, f"norm {norm.naam!r} heeft geen waarde; voeg 'waarde … in \"…\"' toe")
        geldige: list[tuple[Any, BaseGeometry]] = []
        for w in norm.waarden:
            g = AANTAL if w.waarde.eenheid is None else zoek_eenheid(w.waarde.eenheid).grootheid  # type: ignore[union-attr]
            if g != grootheid:
                self.fout(w, f"de waarde is {GROOTHEID_NAAM[g]}, maar norm {norm.naam!r} is {GROOTHEID_NAAM[grootheid]}",
                          zoek=w.waarde.eenheid or None)
            onbekend = [n for n in w.locaties if n not in locaties]
            for n in onbekend:
                self.fout(w, f"onbekend gebied {n!r}{_suggestie(n, locaties)}", zoek=f'"{n}"')
            if not onbekend:
                geldige.append((w, self.unie(w.locaties, locaties)))
        for i, (a, ga) in enumerate(geldige):
            for b, gb in geldige[i + 1 :]:
                if overlappen(ga, gb, min_oppervlakte=TOLERANTIE_M2):
                    self.fout(b, f"de waarden van norm {norm.naam!r} overlappen: '{', '.join(b.locaties)}' en "
                                 f"'{', '.join(a.locaties)}' ({a.bron}) delen een gebied; een plek mag maar één waarde hebben")

    def _regel(self, r: RegelInPlan, activiteiten: dict, locaties: dict, begrippen: dict, normen: dict,
               artikelen: dict[str, Artikel]) -> None:
        regel = r.regel
        if regel.activiteit not in activiteiten:
            self.fout(regel, f"onbekende activiteit {regel.activiteit!r}{_suggestie(regel.activiteit, activiteiten)}",
                      zoek=f'"{regel.activiteit}"')
        for n in regel.locaties:
            if n not in locaties:
                self.fout(regel, f"onbekend gebied {n!r}{_suggestie(n, locaties)}", zoek=f'"{n}"')
        geldig = [o for o in regel.onderdelen if o.soort == "geldig"]
        for extra in geldig[1:]:
            self.fout(extra, "een regel heeft maar één 'geldig vanaf'")
        if geldig and geldig[0].tot is not None and geldig[0].tot < geldig[0].vanaf:  # type: ignore[union-attr]
            self.fout(geldig[0], "de geldigheid eindigt vóór ze begint")
        markeringen = [o for o in regel.onderdelen if o.soort in ("afwijkbaar", "niet afwijkbaar")]
        if len(markeringen) > 1:
            self.fout(markeringen[1], "een regel is afwijkbaar of niet afwijkbaar, en dat staat er maar één keer")
        for o in regel.voorwaarden + regel.eisen:
            self.expressie(o.expressie, o, begrippen, normen)
        for af in regel.afwijkingen:
            doel = artikelen.get(af.artikel)
            if doel is None:
                self.fout(af, f"artikel {af.artikel} bestaat niet", zoek=af.artikel)
            elif af.lid is not None and af.lid not in {lid.nummer for lid in doel.leden}:
                self.fout(af, f"artikel {af.artikel} heeft geen lid {af.lid}", zoek=f"lid {af.lid}")
            elif af.artikel == r.vindplaats.artikel.nummer and (af.lid is None or r.vindplaats.lid is None or af.lid == r.vindplaats.lid.nummer):
                self.fout(af, "een regel kan niet afwijken van het artikel of lid waarin hij zelf staat")

    def _afwijkingsregel(self, a: AfwijkingsregelInPlan, locaties: dict, begrippen: dict, normen: dict) -> None:
        for n in a.regel.locaties:
            if n not in locaties:
                self.fout(a.regel, f"onbekend gebied {n!r}{_suggestie(n, locaties)}", zoek=f'"{n}"')
        if not a.regel.eisen:
            self.fout(a.regel, "een afwijkingsregel heeft ten minste één 'eis'")
        geldig = [o for o in a.regel.onderdelen if o.soort == "geldig"]
        for extra in geldig[1:]:
            self.fout(extra, "een afwijkingsregel heeft maar één 'geldig vanaf'")
        self._indicatoren = True
        try:
            for o in a.regel.voorwaarden + a.regel.eisen:
                self.expressie(o.expressie, o, begrippen, normen)
        finally:
            self._indicatoren = False

    def _dekking(self, regels: list[RegelInPlan], normen: dict, locaties: dict) -> None:
        """Warn where a rule's area has no value for a norm that the rule's eisen use."""
        for r in regels:
            gebruikt = {n.naam for e in r.regel.eisen + r.regel.voorwaarden for n in namen_in(e.expressie) if n.naam in normen}
            if not gebruikt:
                continue
            for naam in sorted(gebruikt):
                sleutel = (r.regel.locaties, naam)
                if sleutel not in self._gaten:
                    norm: Omgevingsnorm = normen[naam][0]
                    self._gaten[sleutel] = gat(self.unie(r.regel.locaties, locaties),
                                               [locaties[n] for w in norm.waarden for n in w.locaties])
                rest = self._gaten[sleutel]
                if rest > TOLERANTIE_M2:
                    self.waarschuw(r.regel, f"norm {naam!r} heeft geen waarde in {rest:,.0f} m2 van het werkingsgebied "
                                            f"van deze regel ({r.citaat}); daar is de eis onbepaald".replace(",", "."))

    def _botsende_uitzonderingen(self, regels: list[RegelInPlan], locaties: dict, activiteiten: dict) -> None:
        """Two rules that depart from the same article can both apply: an error unless ordered or exclusive."""
        afwijkend = [r for r in regels if r.regel.afwijkingen]
        for i, a in enumerate(afwijkend):
            for b in afwijkend[i + 1 :]:
                if not _zelfde_doel(a, b) or _geordend(a, b):
                    continue
                if not _verwante_activiteiten(a.regel.activiteit, b.regel.activiteit, activiteiten):
                    continue
                if not _overlappende_periode(a.regel, b.regel) or _sluiten_uit(a.regel, b.regel):
                    continue
                if a.regel.kwalificatie == b.regel.kwalificatie and _eisen(a.regel) == _eisen(b.regel):
                    continue
                ga = self.unie(a.regel.locaties, locaties)
                gb = self.unie(b.regel.locaties, locaties)
                if not overlappen(ga, gb, min_oppervlakte=TOLERANTIE_M2):
                    continue
                self.fout(b.regel, f"deze regel ({b.citaat}) en de regel in {a.citaat} wijken allebei af van "
                                   f"{', '.join(str(x) for x in a.regel.afwijkingen)} en kunnen tegelijk gelden "
                                   f"(zelfde activiteit, gebied en periode) met een andere uitkomst; laat de een "
                                   f"uitdrukkelijk afwijken van de ander, of maak hun 'als'-voorwaarden uitsluitend")


# --- helpers for the exception check --------------------------------------------------------------


def _eisen(r: JuridischeRegel) -> list[Any]:
    return [e.model_dump() for e in r.eisen]


def _zelfde_doel(a: RegelInPlan, b: RegelInPlan) -> bool:
    for x in a.regel.afwijkingen:
        for y in b.regel.afwijkingen:
            if x.artikel == y.artikel and (x.lid is None or y.lid is None or x.lid == y.lid):
                return True
    return False


def _geordend(a: RegelInPlan, b: RegelInPlan) -> bool:
    def wijkt_af_van(x: RegelInPlan, y: RegelInPlan) -> bool:
        return any(af.artikel == y.vindplaats.artikel.nummer and (af.lid is None or y.vindplaats.lid is None
                   or af.lid == y.vindplaats.lid.nummer) for af in x.regel.afwijkingen)
    return wijkt_af_van(a, b) or wijkt_af_van(b, a)


def _verwante_activiteiten(a: str, b: str, activiteiten: dict[str, ActiviteitDecl]) -> bool:
    def boven(x: str) -> set[str]:
        uit: set[str] = set()
        while x in activiteiten and x not in uit:
            uit.add(x)
            x = activiteiten[x].bovenliggend or ""
        return uit
    return a in boven(b) or b in boven(a)


def _overlappende_periode(a: JuridischeRegel, b: JuridischeRegel) -> bool:
    ga, gb = a.geldigheid, b.geldigheid
    if ga is None or gb is None:
        return True
    return (ga.tot is None or gb.vanaf <= ga.tot) and (gb.tot is None or ga.vanaf <= gb.tot)


def _beperkingen(r: JuridischeRegel) -> dict[str, Any]:
    """Per begrip, what the top-level 'als' conditions demand: an interval, a set of keuzes or ja/nee."""
    uit: dict[str, Any] = {}
    conj: list[Any] = []
    for v in r.voorwaarden:
        conj.extend(v.expressie.args if isinstance(v.expressie, En) else (v.expressie,))
    for e in conj:
        if isinstance(e, EenVan):
            uit[e.links.naam] = set(e.waarden) & uit.get(e.links.naam, set(e.waarden))
        elif isinstance(e, Vergelijking):
            n = e.links.naam
            if isinstance(e.rechts, Tekst) and e.op == "=":
                uit[n] = {e.rechts.waarde} & uit.get(n, {e.rechts.waarde})
            elif isinstance(e.rechts, JaNee) and e.op in ("=", "!="):
                uit[n] = e.rechts.waarde if e.op == "=" else not e.rechts.waarde
            elif isinstance(e.rechts, Getal) and e.op != "!=":
                e_ = zoek_eenheid(e.rechts.eenheid) if e.rechts.eenheid else None
                w = e.rechts.waarde * (e_.factor if e_ else 1.0)
                lo, lo_in, hi, hi_in = uit.get(n, (float("-inf"), False, float("inf"), False))
                if e.op in (">", ">=", "=") and (w > lo or (w == lo and e.op == ">")):
                    lo, lo_in = w, e.op != ">"
                if e.op in ("<", "<=", "=") and (w < hi or (w == hi and e.op == "<")):
                    hi, hi_in = w, e.op != "<"
                uit[n] = (lo, lo_in, hi, hi_in)
    return uit


def _sluiten_uit(a: JuridischeRegel, b: JuridischeRegel) -> bool:
    ba, bb = _beperkingen(a), _beperkingen(b)
    for n in ba.keys() & bb.keys():
        x, y = ba[n], bb[n]
        if isinstance(x, set) and isinstance(y, set) and not (x & y):
            return True
        if isinstance(x, bool) and isinstance(y, bool) and x != y:
            return True
        if isinstance(x, tuple) and isinstance(y, tuple):
            lo, lo_in = max((x[0], x[1]), (y[0], y[1]), key=lambda t: (t[0], not t[1]))
            hi, hi_in = min((x[2], x[3]), (y[2], y[3]), key=lambda t: (t[0], t[1]))
            if lo > hi or (lo == hi and not (lo_in and hi_in)):
                return True
    return False


def _typenaam(t: Type) -> str:
    if t[0] == "tekst":
        return "een tekst"
    if t[0] == KEUZE:
        return "een keuze"
    return GROOTHEID_NAAM.get(t[0], t[0])


def resolve(regeling: Regeling, basis: Path | None = None, bronteksten: dict[str, list[str]] | None = None,
            geometrie: dict[str, dict[str, BaseGeometry]] | None = None) -> Plan:
    """Check a parsed plan and build its indexes; raises ``PlanFouten`` listing every error.

    ``basis`` is the plan folder (GeoJSON paths are relative to it); ``geometrie`` may hold
    already-read GeoJSON files by path; ``bronteksten`` gives the source lines for messages.
    """
    return _Resolver(regeling, basis, bronteksten or {}, geometrie).resolve()


__all__ = ["resolve", "TOLERANTIE_M2"]

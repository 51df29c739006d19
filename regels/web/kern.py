"""Glue between the web layer and the engine: locations, what applies where, and the questions a check needs.

Nothing here evaluates a rule itself: which rules apply is read from the plan (``regels_voor``,
the spatial index, the validity dates) exactly as ``regels.evaluate`` selects them, and whether a
question is still relevant given the facts already known is decided by ``regels.evaluate`` itself.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable
from typing import Any

from shapely.geometry.base import BaseGeometry

from regels import __version__
from regels.errors import LocatieFout, Melding, VoorstelFout
from regels.evaluate import evaluate, kies_peildatum
from regels.geo import locatie_uit_geojson
from regels.language.format import format_expressie, format_getal
from regels.model.expressie import namen_in
from regels.model.regeling import Artikel, Begrip, JuridischeRegel, Lid, Omgevingsnorm
from regels.model.voorstel import Locatie, Voorstel
from regels.plan import Plan, RegelInPlan, Vindplaats
from regels.units import eenheden_van, zoek_eenheid
from regels.web import modellen as m

# --- numbers as officers type them ---------------------------------------------------------------

_GETAL = re.compile(r"^[+-]?(\d+|\d{1,3}(\.\d{3})+)(,\d+)?$|^[+-]?\d+(\.\d+)?$|^[+-]?\d*[.,]\d+$")


def lees_nl_getal(tekst: str) -> float:
    """A number as typed in a Dutch form: ``12,5``, ``12.5``, ``1.234,5``, ``93 038``; ValueError otherwise.

    A comma is the decimal separator. A point is a thousands separator when a comma follows it or
    when it groups digits in threes before a comma; otherwise (``12.5``) it is a decimal point, as
    in the rule language.
    """
    t = tekst.strip().replace("\u00a0", "").replace(" ", "").replace("\u2212", "-")
    if not t or not _GETAL.match(t):
        raise ValueError(tekst)
    if "," in t:
        t = t.replace(".", "").replace(",", ".")
    return float(t)


_MET_EENHEID = re.compile(r"^\s*(?P<getal>[+\-\u2212]?[\d.,\s\u00a0]*\d)\s*(?P<eenheid>[^\d\s].*?)?\s*$")


def splits_hoeveelheid(tekst: str) -> tuple[float, str | None]:
    """``"12,5 m"`` → ``(12.5, "m")``; ``"350"`` → ``(350.0, None)``; ValueError when it is no number."""
    match = _MET_EENHEID.match(tekst)
    if not match:
        raise ValueError(tekst)
    eenheid = (match["eenheid"] or "").strip() or None
    return lees_nl_getal(match["getal"]), eenheid


# --- locations ------------------------------------------------------------------------------------


def punt_uit_invoer(x: str, y: str, crs: str) -> BaseGeometry:
    """An RD point from two typed coordinates (Dutch commas allowed) in RD or WGS84; LocatieFout otherwise."""
    try:
        xf, yf = lees_nl_getal(x), lees_nl_getal(y)
    except ValueError:
        raise LocatieFout("schrijf de coördinaten als getallen, bv. X 93038 en Y 450204 (RD) of "
                          "lengte 4,49 en breedte 52,06 (WGS84)") from None
    return geometrie_van(Locatie(type="Point", coordinates=[xf, yf], crs=crs))


def geometrie_van(locatie: Locatie) -> BaseGeometry:
    """The RD geometry of a proposal's location (no address lookup here)."""
    if locatie.coordinates is None:
        raise LocatieFout("de locatie is alleen een adres; zoek het eerst op of geef coördinaten")
    return locatie_uit_geojson(locatie.model_dump(include={"type", "coordinates"}), locatie.crs)


def in_plan(plan: Plan, geom: BaseGeometry) -> frozenset[str]:
    """The areas ``geom`` touches; LocatieFout when it lies outside the plan's regelingsgebied."""
    regelingsgebied = plan.kop.eigenschap("regelingsgebied") or ""
    geraakt = plan.index.raakt(geom)
    if regelingsgebied not in geraakt:
        raise LocatieFout(f"de locatie ligt buiten het regelingsgebied {regelingsgebied!r} van {plan.titel}; "
                          "dit plan geldt daar niet")
    return geraakt


def controleer_activiteiten(plan: Plan, activiteiten: Iterable[str], pad: str = "activiteiten") -> None:
    fouten = []
    for i, a in enumerate(activiteiten):
        if a not in plan.activiteiten:
            s = difflib.get_close_matches(a, list(plan.activiteiten), n=3, cutoff=0.5)
            hint = f"; bedoelt u {' of '.join(repr(x) for x in s)}?" if s else ""
            fouten.append(Melding(f"onbekende activiteit {a!r}: het plan kent deze activiteit niet{hint}", pad=f"{pad}[{i}]"
                                  if pad == "activiteiten" else pad))
    if fouten:
        raise VoorstelFout(fouten)


def geldt_op(regel: Any, datum: dt.date) -> bool:
    g = regel.geldigheid
    return g is None or g.omvat(datum)


def regels_hier(plan: Plan, activiteit: str, geraakt: frozenset[str], datum: dt.date) -> list[RegelInPlan]:
    """The rules about ``activiteit`` (or an activity above it) in force on ``datum`` whose area the location touches;
    the same selection as ``regels.evaluate`` makes before it looks at 'als'."""
    return [r for r in plan.regels_voor(activiteit) if geldt_op(r.regel, datum) and geraakt.intersection(r.regel.locaties)]


# --- plan contents as API models ----------------------------------------------------------------------


def regel_info(r: RegelInPlan, raakt: frozenset[str] | None = None) -> m.RegelInfo:
    regel: JuridischeRegel = r.regel
    g = regel.geldigheid
    locaties = [n for n in regel.locaties if raakt is None or n in raakt]
    return m.RegelInfo(
        id=r.id, citaat=r.citaat, artikeltitel=r.vindplaats.artikel.titel, activiteit=regel.activiteit,
        kwalificatie=regel.kwalificatie, locaties=locaties, geldig_vanaf=g.vanaf if g else None, geldig_tot=g.tot if g else None,
        voorwaarden=[format_expressie(v.expressie) for v in regel.voorwaarden],
        eisen=[format_expressie(e.expressie) for e in regel.eisen],
        in_afwijking_van=[str(a) for a in regel.afwijkingen], afwijkbaar=regel.afwijkbaar,
        niet_afwijkbaar=regel.niet_afwijkbaar.reden if regel.niet_afwijkbaar else None,
    )


def begrip_info(naam: str, begrip: Begrip, plek: Vindplaats) -> m.BegripInfo:
    return m.BegripInfo(naam=naam, soort=begrip.type, eenheid=begrip.eenheid, eenheden=toegestane_eenheden(begrip),
                        keuzes=list(begrip.keuzes), definitie=plek.tekst, citaat=plek.citaat)


def toegestane_eenheden(begrip: Begrip) -> list[str]:
    if begrip.type != "eenheid" or not begrip.eenheid:
        return []
    e = zoek_eenheid(begrip.eenheid)
    if e is None:
        return [begrip.eenheid]
    rest = [u for u in eenheden_van(e.grootheid) if u != begrip.eenheid]
    return [begrip.eenheid, *rest]


def norm_info(naam: str, norm: Omgevingsnorm, plek: Vindplaats, geraakt: frozenset[str] | None = None) -> m.NormInfo:
    waarden = [m.Normwaarde(waarde=w.waarde.waarde, eenheid=w.waarde.eenheid, tekst=format_getal(w.waarde),
                            locaties=list(w.locaties))
               for w in norm.waarden if geraakt is None or geraakt.intersection(w.locaties)]
    return m.NormInfo(naam=naam, eenheid=norm.eenheid, citaat=plek.citaat, waarden=waarden)


def plan_info(plan: Plan) -> m.PlanInfo:
    return m.PlanInfo(titel=plan.titel, werk=plan.werk, bevoegd_gezag=plan.bevoegd_gezag,
                      versies=[m.Versie(naam=v.naam, vanaf=v.vanaf, tot=v.tot) for v in plan.versies],
                      plan_hash=plan.inhoudshash, engine_versie=__version__, aantal_artikelen=len(plan.artikelen),
                      aantal_regels=len(plan.regels))


def _annotaties(plan: Plan, annotaties: Iterable[Any]) -> tuple[list[str], list[str], list[m.RegelInfo]]:
    per_regel = {id(r.regel): r for r in plan.regels}
    begrippen, normen, regels = [], [], []
    for a in annotaties:
        if isinstance(a, Begrip):
            begrippen.append(a.naam)
        elif isinstance(a, Omgevingsnorm):
            normen.append(a.naam)
        elif isinstance(a, JuridischeRegel) and id(a) in per_regel:
            regels.append(regel_info(per_regel[id(a)]))
    return begrippen, normen, regels


def artikel_info(plan: Plan, artikel: Artikel) -> m.ArtikelInfo:
    leden = []
    for lid in artikel.leden:
        b, n, r = _annotaties(plan, lid.annotaties)
        leden.append(m.LidInfo(nummer=lid.nummer, tekst=_lidtekst(lid), begrippen=b, normen=n, regels=r))
    b, n, r = _annotaties(plan, artikel.annotaties)
    return m.ArtikelInfo(nummer=artikel.nummer, titel=artikel.titel, tekst=" ".join(a.tekst for a in artikel.alineas),
                         leden=leden, begrippen=b, normen=n, regels=r)


def _lidtekst(lid: Lid) -> str:
    return " ".join([lid.tekst, *(a.tekst for a in lid.alineas)])


# --- what applies at a location ----------------------------------------------------------------------


def activiteiten_hier(plan: Plan, geraakt: frozenset[str], datum: dt.date) -> list[m.ActiviteitHier]:
    """Every activity with at least one rule here on ``datum``, in the plan's order."""
    uit = []
    for naam, decl in plan.activiteiten.items():
        regels = regels_hier(plan, naam, geraakt, datum)
        if regels:
            uit.append(m.ActiviteitHier(naam=naam, bovenliggend=decl.bovenliggend, regels=[regel_info(r, geraakt) for r in regels]))
    return uit


def wat_geldt(plan: Plan, geom: BaseGeometry, datum: dt.date, activiteit: str | None = None,
              adres: str | None = None) -> m.LocatieOverzicht:
    """The areas, the rules per activity and the norm values at a location on ``datum``."""
    versie = kies_peildatum(plan, datum)
    geraakt = in_plan(plan, geom)
    if activiteit is not None:
        controleer_activiteiten(plan, [activiteit], pad="activiteit")
        regels = regels_hier(plan, activiteit, geraakt, datum)
        activiteiten = [m.ActiviteitHier(naam=activiteit, bovenliggend=plan.activiteiten[activiteit].bovenliggend,
                                         regels=[regel_info(r, geraakt) for r in regels])]
    else:
        activiteiten = activiteiten_hier(plan, geraakt, datum)
    normen = [norm_info(n, norm, plek, geraakt) for n, (norm, plek) in plan.normen.items()
              if any(geraakt.intersection(w.locaties) for w in norm.waarden)]
    regelingsgebied = plan.kop.eigenschap("regelingsgebied") or ""
    deels = geom.geom_type != "Point" and plan.index.bedekking(geom, regelingsgebied) < 0.999
    return m.LocatieOverzicht(
        peildatum=datum, plan_versie=versie, rd_wkt=geom.wkt, adres=adres,
        gebieden=[m.GebiedHier(naam=n, soort=plan.locatiesoort.get(n, "gebied")) for n in sorted(geraakt)],
        deels_buiten_plangebied=deels, activiteiten=activiteiten, normen=normen)


# --- the questions ----------------------------------------------------------------------------------------


def vragen(plan: Plan, locatie: Locatie, datum: dt.date, activiteiten: list[str],
           feiten: dict[str, Any] | None = None) -> list[m.Vraag]:
    """The facts the rules here need for ``activiteiten``: every begrip named in an 'als' or 'eis' of a rule that
    applies at the location on ``datum`` (and of the plan's afwijkingsregels there), in the order the rules use them.

    With ``feiten`` the engine evaluates what is known so far; a question only needed by rules that are then
    not applicable (an 'als' fails) or set aside by a special rule gets ``relevant=False`` (unless answered).
    """
    kies_peildatum(plan, datum)
    controleer_activiteiten(plan, activiteiten)
    geom = geometrie_van(locatie)
    geraakt = in_plan(plan, geom)
    feiten = dict(feiten or {})

    buiten_toepassing: set[str] = set()
    if feiten:
        voorstel = Voorstel(omschrijving="vragen", peildatum=datum, locatie=locatie, activiteiten=activiteiten, feiten=feiten)
        uitkomst = evaluate(plan, voorstel, datum)
        buiten_toepassing = {u.id for a in uitkomst.activiteiten for u in a.regels
                             if u.status in ("niet van toepassing", "opzijgezet")}

    nodig: dict[str, list[str]] = {}
    relevant: set[str] = set()
    gezien: set[str] = set()
    for activiteit in activiteiten:
        for r in regels_hier(plan, activiteit, geraakt, datum):
            if r.id in gezien:
                continue
            gezien.add(r.id)
            for o in (*r.regel.voorwaarden, *r.regel.eisen):
                for n in namen_in(o.expressie):
                    if n.naam in plan.begrippen:
                        lijst = nodig.setdefault(n.naam, [])
                        if r.citaat not in lijst:
                            lijst.append(r.citaat)
                        if r.id not in buiten_toepassing:
                            relevant.add(n.naam)
    voor_afwijking: set[str] = set()
    if any(r.regel.afwijkbaar for a in activiteiten for r in regels_hier(plan, a, geraakt, datum)):
        for a in plan.afwijkingsregels:
            if not geraakt.intersection(a.regel.locaties) or not geldt_op(a.regel, datum):
                continue
            for o in (*a.regel.voorwaarden, *a.regel.eisen):
                for n in namen_in(o.expressie):
                    if n.naam in plan.begrippen:
                        if n.naam not in nodig:
                            voor_afwijking.add(n.naam)
                        lijst = nodig.setdefault(n.naam, [])
                        if a.citaat not in lijst:
                            lijst.append(a.citaat)
                        relevant.add(n.naam)
    uit = []
    for naam, citaten in nodig.items():
        begrip, plek = plan.begrippen[naam]
        uit.append(m.Vraag(naam=naam, soort=begrip.type, eenheid=begrip.eenheid, eenheden=toegestane_eenheden(begrip),
                           keuzes=list(begrip.keuzes), definitie=plek.tekst, citaat=plek.citaat, nodig_voor=citaten,
                           alleen_voor_afwijking=naam in voor_afwijking,
                           relevant=naam in relevant or naam in feiten, beantwoord=naam in feiten))
    return uit


def afwijkbaar_hier(plan: Plan, geraakt: frozenset[str], datum: dt.date, activiteiten: list[str]) -> bool:
    """Whether a rule that may be departed from applies here (then the onderbouwing can matter)."""
    return bool(plan.afwijkingsregels) and any(
        r.regel.afwijkbaar for a in activiteiten for r in regels_hier(plan, a, geraakt, datum))


def adres_zoeker(timeout: float = 8.0) -> Callable[[str], Any]:
    """A function that looks up an address in the PDOK Locatieserver (a new client per call, short timeout)."""
    def zoek(tekst: str) -> Any:
        from regels.dso import HttpSettings, LocatieserverClient, RetryPolicy
        with LocatieserverClient(settings=HttpSettings(timeout=timeout, retry=RetryPolicy(attempts=1))) as ls:
            return ls.find_address(tekst)
    return zoek


"""``evaluate(plan, voorstel, peildatum)``: check a proposal against the plan; pure, no I/O.

Steps (each one recorded in the trace):
1. the peildatum: the plan version in force, else ``PeildatumFout``;
2. the location: converted to RD; outside the regelingsgebied is a ``LocatieFout``, partly outside
   gives a warning and at best "ter beoordeling";
3. per activity: the rules about it or an activity above it, in force on the peildatum, whose
   werkingsgebied the location touches (op de grens telt als binnen), whose ``als`` holds;
4. exceptions: a rule that applies sets aside the rules of the article it departs from; two that
   both apply with different outcomes are a conflict, never silently ordered;
5. each ``eis``: voldoet / voldoet niet / onbepaald, against the norm values at the location;
6. the conclusion per activity (the most restrictive qualification) and its oordeel;
7. when a rule is not met: the plan's deviation clause (``regels.deviation``), as advice.
"""

from __future__ import annotations

import datetime as dt
import difflib

from regels import __version__
from regels.deviation.clause import beoordeel
from regels.errors import LocatieFout, Melding, PeildatumFout, VoorstelFout
from regels.evaluate.expressies import Context, Normwaarde, Resultaat, evalueer
from regels.evaluate.feiten import lees_feiten, soort_tekst
from regels.geo import locatie_uit_geojson
from regels.language.format import format_expressie
from regels.model.uitkomst import (
    ActiviteitUitkomst, Bon, Conflict, LocatieInfo, OntbrekendFeit, RegelUitkomst, StapInTrace, Toets, Uitkomst,
)
from regels.model.voorstel import Voorstel
from regels.plan import Plan, RegelInPlan
from regels.units import hoeveelheid

CONCLUSIE_VAN = {
    "toegestaan": "Toestemmingsvrij", "gebod": "Toestemmingsvrij", "zorgplicht": "Toestemmingsvrij",
    "informatieplichtig": "Meldingsplicht", "meldingsplichtig": "Meldingsplicht",
    "vergunningplichtig": "Vergunningplicht", "verboden": "Verbod",
    "anders geduid": "NeemContactOpMet", "maatwerk": "NeemContactOpMet",
}
_ZWAARTE = {"Toestemmingsvrij": 0, "Meldingsplicht": 1, "Vergunningplicht": 2, "NeemContactOpMet": 3, "Verbod": 4}
_OORDEEL_ZWAARTE = {"past": 0, "onvolledig": 1, "ter beoordeling": 2, "past niet": 3}


def _stap(soort: str, tekst: str, stappen: list[StapInTrace] | None = None) -> StapInTrace:
    return StapInTrace(soort=soort, tekst=tekst, stappen=stappen or [])  # type: ignore[arg-type]


def kies_peildatum(plan: Plan, peildatum: dt.date) -> str:
    """The name of the plan version in force on ``peildatum``; ``PeildatumFout`` when there is none."""
    versie = plan.versie_op(peildatum)
    if versie is not None:
        return versie.naam
    eerste, laatste = plan.versies[0], plan.versies[-1]
    if peildatum < eerste.vanaf:
        raise PeildatumFout(f"de peildatum {peildatum} ligt vóór de eerste versie van {plan.titel} "
                            f"(versie {eerste.naam!r}, geldig vanaf {eerste.vanaf}); op die datum gold dit plan nog niet")
    if laatste.tot is not None and peildatum > laatste.tot:
        raise PeildatumFout(f"de peildatum {peildatum} ligt na het einde van de laatste versie van {plan.titel} "
                            f"(versie {laatste.naam!r}, geldig tot en met {laatste.tot})")
    raise PeildatumFout(f"op de peildatum {peildatum} is geen versie van {plan.titel} in werking (de versies laten daar een gat)")


def _controleer_activiteiten(plan: Plan, voorstel: Voorstel) -> None:
    fouten = []
    for i, a in enumerate(voorstel.activiteiten):
        if a not in plan.activiteiten:
            s = difflib.get_close_matches(a, list(plan.activiteiten), n=3, cutoff=0.5)
            hint = f"; bedoelt u {' of '.join(repr(x) for x in s)}?" if s else ""
            fouten.append(Melding(f"onbekende activiteit {a!r}: het plan kent deze activiteit niet{hint} "
                                  "(zie 'regels show --activiteiten')", pad=f"activiteiten[{i}]"))
    dubbel = {a for a in voorstel.activiteiten if voorstel.activiteiten.count(a) > 1}
    for a in sorted(dubbel):
        fouten.append(Melding(f"activiteit {a!r} staat er meer dan eens", pad="activiteiten"))
    if fouten:
        raise VoorstelFout(fouten)


def evaluate(plan: Plan, voorstel: Voorstel, peildatum: dt.date | None = None) -> Uitkomst:
    """Check ``voorstel`` against ``plan`` on ``peildatum`` (else the proposal's, else an error).

    Raises ``VoorstelFout`` (bad facts or activities), ``PeildatumFout`` and ``LocatieFout``.
    """
    datum = peildatum or voorstel.peildatum
    if datum is None:
        raise PeildatumFout("geen peildatum: geef er een in het voorstel of bij de aanroep")
    trace: list[StapInTrace] = []
    versie = kies_peildatum(plan, datum)
    trace.append(_stap("peildatum", f"peildatum {datum}: versie {versie!r} van {plan.titel}"))

    _controleer_activiteiten(plan, voorstel)
    feiten = lees_feiten(plan, voorstel)
    if voorstel.locatie.coordinates is None:
        raise LocatieFout(f"de locatie is alleen een adres ({voorstel.locatie.adres!r}); zoek het eerst op "
                          "(regels check doet dat via de PDOK Locatieserver) of geef coördinaten")
    geom = locatie_uit_geojson(voorstel.locatie.model_dump(include={"type", "coordinates"}), voorstel.locatie.crs)
    regelingsgebied = plan.kop.eigenschap("regelingsgebied") or ""
    geraakt = plan.index.raakt(geom)
    if regelingsgebied not in geraakt:
        raise LocatieFout(f"de locatie ligt buiten het regelingsgebied {regelingsgebied!r} van {plan.titel}; "
                          "dit plan geldt daar niet. Toets aan het omgevingsplan van de gemeente waar de locatie ligt.")
    waarschuwingen: list[str] = []
    deels_buiten = geom.geom_type != "Point" and plan.index.bedekking(geom, regelingsgebied) < 0.999
    if deels_buiten:
        waarschuwingen.append(f"de locatie ligt deels buiten {regelingsgebied!r}: de toets dekt alleen het deel binnen "
                              "het plangebied; het deel erbuiten valt onder het omgevingsplan van een andere gemeente")
    gebieden = sorted(geraakt)
    trace.append(_stap("locatie", f"locatie ({voorstel.locatie.crs}) raakt: {', '.join(gebieden)}"))

    def normwaarden(naam: str) -> list[Normwaarde]:
        norm = plan.normen[naam][0]
        return [Normwaarde(hoeveelheid(w.waarde.waarde, w.waarde.eenheid), tuple(w.locaties))
                for w in norm.waarden if geraakt.intersection(w.locaties)]

    ctx = Context(feiten, normwaarden, set(plan.normen))
    activiteiten = [_activiteit(plan, a, datum, geraakt, ctx, trace) for a in voorstel.activiteiten]

    oordeel = max((a.oordeel for a in activiteiten), key=_OORDEEL_ZWAARTE.__getitem__)
    if deels_buiten and oordeel in ("past", "onvolledig"):
        oordeel = "ter beoordeling"
    ontbrekend = _ontbrekende_feiten(plan, activiteiten)
    afwijking = beoordeel(plan, voorstel, activiteiten, geom, geraakt, datum, ctx)
    if afwijking is not None:
        trace.append(_stap("afwijking", f"afwijkingsregel: {afwijking.samenvatting}",
                           [_stap("mechanisme", f"{m.nummer}. {m.naam} ({m.gebied}): {m.effect} — {m.toelichting}")
                            for m in afwijking.mechanismen + afwijking.mechanismen_buurwijken]))
    return Uitkomst(
        omschrijving=voorstel.omschrijving,
        oordeel=oordeel,
        samenvatting=_samenvatting(oordeel, activiteiten, ontbrekend),
        activiteiten=activiteiten,
        ontbrekende_feiten=ontbrekend,
        waarschuwingen=waarschuwingen,
        afwijking=afwijking,
        feiten_herkomst=dict(voorstel.herkomst),
        locatie=LocatieInfo(adres=voorstel.locatie.adres, crs_invoer=voorstel.locatie.crs, rd_wkt=geom.wkt, gebieden=gebieden,
                            deels_buiten_plangebied=deels_buiten),
        trace=trace,
        bon=Bon(engine_versie=__version__, plan_titel=plan.titel, plan_werk=plan.werk, plan_versie=versie,
                plan_hash=plan.inhoudshash, peildatum=datum),
    )


def _toets(o: object, r: Resultaat) -> Toets:
    status = "onbepaald" if r.waarde is None else ("voldoet" if r.waarde else "voldoet niet")
    return Toets(tekst=format_expressie(o.expressie), status=status, toelichting=r.toelichting,  # type: ignore[attr-defined]
                 ontbrekende_feiten=r.ontbrekend)


def _activiteit(plan: Plan, activiteit: str, datum: dt.date, geraakt: frozenset[str], ctx: Context,
                trace: list[StapInTrace]) -> ActiviteitUitkomst:
    stappen: list[StapInTrace] = []
    kandidaten: list[tuple[RegelInPlan, list[str], list[Toets], bool | None]] = []
    for r in plan.regels_voor(activiteit):
        regel = r.regel
        g = regel.geldigheid
        if g is not None and not g.omvat(datum):
            stappen.append(_stap("regel", f"{r.citaat}: niet in werking op {datum} (geldig {g.vanaf} tot {g.tot or '…'})"))
            continue
        raakt = [n for n in regel.locaties if n in geraakt]
        if not raakt:
            continue
        voorwaarden = [_toets(v, evalueer(v.expressie, ctx)) for v in regel.voorwaarden]
        statussen = [t.status for t in voorwaarden]
        van_toepassing: bool | None = False if "voldoet niet" in statussen else (None if "onbepaald" in statussen else True)
        kandidaten.append((r, raakt, voorwaarden, van_toepassing))

    # exceptions: a rule that surely applies sets aside the rules of the article (lid) it departs from
    opzij: dict[str, str] = {}
    conflicten: list[Conflict] = []
    per_doel: dict[tuple[str, str | None], list[RegelInPlan]] = {}
    for r, _, _, toep in kandidaten:
        if toep is not True:
            continue
        for af in r.regel.afwijkingen:
            per_doel.setdefault((af.artikel, af.lid), []).append(r)
            for t, _, _, _ in kandidaten:
                if t.vindplaats.artikel.nummer == af.artikel and (af.lid is None or (t.vindplaats.lid and t.vindplaats.lid.nummer == af.lid)):
                    if t.id != r.id:
                        opzij[t.id] = r.citaat
                        stappen.append(_stap("uitzondering", f"{r.citaat} wijkt af van {af}: {t.citaat} wordt opzijgezet"))
    for doel, afwijkers in per_doel.items():
        uniek = {x.id: x for x in afwijkers}
        if len(uniek) > 1:
            lijst = list(uniek.values())
            verschillend = len({(x.regel.kwalificatie, tuple(e.model_dump_json() for e in x.regel.eisen)) for x in lijst}) > 1
            geordend = any(x.id in opzij for x in lijst)
            if verschillend and not geordend:
                doeltekst = f"artikel {doel[0]}" + (f" lid {doel[1]}" if doel[1] else "")
                conflicten.append(Conflict(regels=[x.citaat for x in lijst],
                                           toelichting=f"{' en '.join(x.citaat for x in lijst)} wijken allebei af van {doeltekst}, "
                                                       "gelden hier allebei en geven een andere uitkomst; het plan bepaalt niet welke voorgaat"))

    uitkomsten: list[RegelUitkomst] = []
    onzeker: set[str] = {r.id for r, _, _, toep in kandidaten if toep is None}
    for r, raakt, voorwaarden, toep in kandidaten:
        regel = r.regel
        eisen = [_toets(e, evalueer(e.expressie, ctx)) for e in regel.eisen]
        ontbrekend = list(dict.fromkeys(m for t in voorwaarden + eisen for m in t.ontbrekende_feiten))
        if toep is False:
            status, toelichting = "niet van toepassing", "een voorwaarde ('als') is niet vervuld"
            ontbrekend = []
        elif r.id in opzij:
            status, toelichting = "opzijgezet", f"opzijgezet door {opzij[r.id]} (bijzondere regel gaat voor)"
            ontbrekend = []
        else:
            es = [t.status for t in eisen]
            if regel.kwalificatie == "verboden" and toep is True:  # the proposal does what the rule forbids
                status, toelichting = "voldoet niet", "de activiteit is hier verboden"
            elif toep is None:  # failing eisen prove nothing while it is unknown whether the rule applies
                status = "onbepaald"
            elif "voldoet niet" in es:
                status = "voldoet niet"
            elif "onbepaald" in es:
                status = "onbepaald"
            else:
                status = "voldoet"
            if regel.kwalificatie != "verboden" or toep is not True:
                toelichting = "of de regel van toepassing is, hangt af van ontbrekende feiten" if toep is None else ""
        uitkomsten.append(RegelUitkomst(
            id=r.id, citaat=r.citaat, artikeltitel=r.vindplaats.artikel.titel, activiteit=regel.activiteit,
            kwalificatie=regel.kwalificatie, locaties=raakt, status=status, voorwaarden=voorwaarden, eisen=eisen,
            ontbrekende_feiten=ontbrekend, afwijkbaar=regel.afwijkbaar, opzijgezet_door=opzij.get(r.id),
            toelichting=toelichting, juridische_tekst=r.vindplaats.tekst,
        ))
        stappen.append(_stap("regel", f"{r.citaat} ({regel.kwalificatie}, in {', '.join(raakt)}): {status}",
                             [_stap("voorwaarde", f"als {t.tekst}: {t.status} — {t.toelichting}") for t in voorwaarden]
                             + [_stap("eis", f"eis {t.tekst}: {t.status} — {t.toelichting}") for t in eisen]))

    geldend = [u for u in uitkomsten if u.status not in ("niet van toepassing", "opzijgezet")]
    # The conclusion is the most restrictive qualification among the rules that apply or may apply; a rule
    # that only may apply (missing facts) leaves the oordeel "onvolledig", so the conclusion is then provisional.
    conclusie = max((CONCLUSIE_VAN[u.kwalificatie] for u in geldend), key=_ZWAARTE.__getitem__, default="Toestemmingsvrij")
    if conflicten and conclusie != "Verbod":
        conclusie = "NeemContactOpMet"
    statussen = [u.status for u in geldend]
    aan_officier = any(CONCLUSIE_VAN[u.kwalificatie] == "NeemContactOpMet" and u.id not in onzeker for u in geldend)
    if "voldoet niet" in statussen:  # includes a prohibition that surely applies
        oordeel = "past niet"
    elif conflicten or aan_officier:
        oordeel = "ter beoordeling"
    elif "onbepaald" in statussen:
        oordeel = "onvolledig"
    else:
        oordeel = "past"
    ontbrekend = list(dict.fromkeys(m for u in geldend for m in u.ontbrekende_feiten))
    toelichting = _activiteit_toelichting(conclusie, oordeel, geldend, conflicten)
    stappen.append(_stap("conclusie", f"{conclusie}; {oordeel}"))
    trace.append(_stap("activiteit", activiteit, stappen))
    return ActiviteitUitkomst(activiteit=activiteit, conclusie=conclusie, oordeel=oordeel, toelichting=toelichting,  # type: ignore[arg-type]
                              regels=uitkomsten, ontbrekende_feiten=ontbrekend, conflicten=conflicten)


def _activiteit_toelichting(conclusie: str, oordeel: str, geldend: list[RegelUitkomst], conflicten: list[Conflict]) -> str:
    if not geldend:
        return "geen regel van dit plan is hier van toepassing op deze activiteit"
    if conflicten:
        return conflicten[0].toelichting
    if oordeel == "past niet":
        niet = [u for u in geldend if u.status == "voldoet niet" or u.kwalificatie == "verboden"]
        return "voldoet niet aan " + ", ".join(dict.fromkeys(u.citaat for u in niet))
    if oordeel == "onvolledig":
        return "er ontbreken feiten om alle regels te beoordelen; de conclusie is voorlopig"
    if oordeel == "ter beoordeling":
        return "het plan laat het oordeel hier aan het bevoegd gezag (" + ", ".join(
            u.citaat for u in geldend if CONCLUSIE_VAN[u.kwalificatie] == "NeemContactOpMet") + ")"
    return "voldoet aan alle regels die hier gelden"


def _ontbrekende_feiten(plan: Plan, activiteiten: list[ActiviteitUitkomst]) -> list[OntbrekendFeit]:
    nodig: dict[str, list[str]] = {}
    for a in activiteiten:
        for u in a.regels:
            for m in u.ontbrekende_feiten:
                nodig.setdefault(m, [])
                if u.citaat not in nodig[m]:
                    nodig[m].append(u.citaat)
    uit = []
    for naam, citaten in nodig.items():
        if naam in plan.begrippen:
            b, plek = plan.begrippen[naam]
            uit.append(OntbrekendFeit(naam=naam, soort=soort_tekst(b), keuzes=list(b.keuzes), definitie=plek.tekst, nodig_voor=citaten))
        else:  # a norm without a value at this location
            uit.append(OntbrekendFeit(naam=naam, soort="norm zonder waarde op deze locatie",
                                      definitie="het plan geeft hier geen waarde voor deze norm; neem contact op met het bevoegd gezag",
                                      nodig_voor=citaten))
    return uit


def _samenvatting(oordeel: str, activiteiten: list[ActiviteitUitkomst], ontbrekend: list[OntbrekendFeit]) -> str:
    if oordeel == "past":
        return "Het initiatief past binnen het omgevingsplan."
    if oordeel == "past niet":
        return "Het initiatief past niet binnen het omgevingsplan."
    if oordeel == "onvolledig":
        n = len(ontbrekend)
        return f"Het initiatief kan nog niet volledig worden beoordeeld: er {'ontbreekt 1 feit' if n == 1 else f'ontbreken {n} feiten'}."
    return "Het initiatief vraagt een beoordeling door het bevoegd gezag."


__all__ = ["evaluate", "kies_peildatum", "CONCLUSIE_VAN"]

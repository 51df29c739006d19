"""The deviation clause applied to one check: "afwijken mogelijk, mits …", "niet mogelijk, omdat …" or
"onvoldoende onderbouwd, want … ontbreekt". An advice for the officer, never a decision.

Order of reasoning (each step recorded in the result):
1. which rules the initiative does not meet, and for each whether the plan lets it be departed from;
2. the five mechanisms in the wijk and its neighbouring wijken (``indicators.meet``);
3. the plan's afwijkingsregels that hold here, their ``eis`` lines evaluated over facts, norms and
   indicators;
4. the verdict: a rule that may never be departed from → niet mogelijk; missing evidence →
   onvoldoende onderbouwd; an unmet eis → niet mogelijk; otherwise mogelijk, mits the conditions hold.
"""

from __future__ import annotations

import datetime as dt

from shapely.geometry.base import BaseGeometry

from regels.deviation.indicators import INDICATOREN, meet
from regels.evaluate.expressies import Context, evalueer
from regels.language.format import format_expressie
from regels.model.expressie import namen_in
from regels.model.uitkomst import ActiviteitUitkomst, Afwijkingsbeoordeling, RegelAfwijkbaarheid, Toets
from regels.model.voorstel import Voorstel
from regels.plan import Plan
from regels.units import Hoeveelheid

_EENHEID = {"aandeel": "%", "aantal": None}
# Indicators that state the outcome of the assessment itself; an eis over only these is no condition to secure.
UITKOMSTEN = {"aantal verbeterde mechanismen", "aantal verslechterde mechanismen", "aantal verslechterde mechanismen buurwijken",
              "aantal gediende hoofdlijnen", "effect woonaantrekkelijkheid", "effect sociaaleconomische kracht",
              "effect werkgelegenheid", "effect verschillen tussen wijken", "effect adaptief vermogen"}


def _toets(o, ctx: Context, citaat: str) -> Toets:  # type: ignore[no-untyped-def]
    r = evalueer(o.expressie, ctx)
    status = "onbepaald" if r.waarde is None else ("voldoet" if r.waarde else "voldoet niet")
    return Toets(tekst=f"{format_expressie(o.expressie)} ({citaat})", status=status, toelichting=r.toelichting,
                 ontbrekende_feiten=r.ontbrekend)


def beoordeel(plan: Plan, voorstel: Voorstel, activiteiten: list[ActiviteitUitkomst], geom: BaseGeometry,
              geraakt: frozenset[str], datum: dt.date, ctx: Context) -> Afwijkingsbeoordeling | None:
    """Apply the plan's deviation clause; None when every rule is met (nothing to depart from)."""
    index = {r.id: r for r in plan.regels}
    niet_gehaald = [u for a in activiteiten for u in a.regels if u.status == "voldoet niet"]
    if not niet_gehaald:
        return None
    regels: list[RegelAfwijkbaarheid] = []
    for u in niet_gehaald:
        regel = index[u.id].regel
        if regel.afwijkbaar:
            reden = "als afwijkbaar aangeduid in het plan"
        elif regel.niet_afwijkbaar is not None:
            reden = regel.niet_afwijkbaar.reden
        else:
            reden = "niet als afwijkbaar aangeduid (artikel 8.5: alleen afwijkbare regels)"
        regels.append(RegelAfwijkbaarheid(citaat=u.citaat, activiteit=u.activiteit, afwijkbaar=regel.afwijkbaar, reden=reden))

    aantal = voorstel.feiten.get("aantal woningen")
    meting = meet(plan.wijkcijfers, geom, voorstel.onderbouwing,
                  float(aantal) if isinstance(aantal, (int, float)) and not isinstance(aantal, bool) else None, geraakt)
    indicatoren = {n: None if meting.waarden.get(n) is None
                   else Hoeveelheid(round(meting.waarden[n], 2), _EENHEID[INDICATOREN[n][0]])  # type: ignore[arg-type]
                   for n in INDICATOREN}
    ctx_af = Context(ctx.feiten, ctx.normwaarden, ctx.normen, indicatoren)
    gelden = [a for a in plan.afwijkingsregels
              if geraakt.intersection(a.regel.locaties) and (a.regel.geldigheid is None or a.regel.geldigheid.omvat(datum))]
    voorwaarden: list[Toets] = []
    inhoudelijk: set[str] = set()  # eisen about the initiative itself, as opposed to the mechanism counts
    van_toepassing: list[str] = []
    for a in gelden:
        als = [_toets(v, ctx_af, a.citaat) for v in a.regel.voorwaarden]
        if any(t.status == "voldoet niet" for t in als):
            continue
        van_toepassing.append(f"{a.citaat} ({a.regel.naam})")
        voorwaarden += [t for t in als if t.status == "onbepaald"]
        for e in a.regel.eisen:
            t = _toets(e, ctx_af, a.citaat)
            voorwaarden.append(t)
            if any(n.naam not in UITKOMSTEN for n in namen_in(e.expressie)):
                inhoudelijk.add(t.tekst)

    wijk = meting.wijk.naam if meting.wijk else None
    basis = dict(regels=regels, wijk=wijk, buurwijken=[b.naam for b in meting.buren], mechanismen=meting.mechanismen,
                 mechanismen_buurwijken=meting.buurmechanismen, hoofdlijnen=meting.hoofdlijnen, voorwaarden=voorwaarden,
                 afwijkingsregels=van_toepassing)

    nooit = [r for r in regels if not r.afwijkbaar]
    if nooit:
        omdat = [f"van {r.citaat} mag niet worden afgeweken: {r.reden}" for r in nooit]
        return Afwijkingsbeoordeling(verdict="afwijken niet mogelijk", samenvatting="afwijken niet mogelijk, omdat " + "; ".join(omdat),
                                     omdat=omdat, **basis)
    if not van_toepassing:
        omdat = ["het plan heeft hier geen afwijkingsregel die van toepassing is"]
        return Afwijkingsbeoordeling(verdict="afwijken niet mogelijk", samenvatting="afwijken niet mogelijk, omdat " + omdat[0],
                                     omdat=omdat, **basis)
    ontbreekt = list(meting.ontbreekt)
    for t in voorwaarden:
        if t.status == "onbepaald":
            for m in t.ontbrekende_feiten:
                tekst = f"{m} (nodig voor {t.tekst})" if m not in INDICATOREN else None
                if tekst and tekst not in ontbreekt:
                    ontbreekt.append(tekst)
    if any(t.status == "onbepaald" for t in voorwaarden) or (ontbreekt and not any(t.status == "voldoet niet" for t in voorwaarden)):
        if not ontbreekt:
            ontbreekt = [f"gegevens voor: {t.tekst}" for t in voorwaarden if t.status == "onbepaald"]
        return Afwijkingsbeoordeling(verdict="onvoldoende onderbouwd",
                                     samenvatting="onvoldoende onderbouwd, want " + "; ".join(ontbreekt) + " ontbreekt",
                                     ontbreekt=ontbreekt, **basis)
    niet = [t for t in voorwaarden if t.status == "voldoet niet"]
    if niet:
        omdat = [f"{t.tekst}: {t.toelichting}" for t in niet]
        omdat += [f"mechanisme {m.nummer} ({m.naam}) gaat omlaag ({m.gebied}): {m.toelichting}"
                  for m in meting.mechanismen + meting.buurmechanismen if m.effect == "−"]
        return Afwijkingsbeoordeling(verdict="afwijken niet mogelijk", samenvatting="afwijken niet mogelijk, omdat " + "; ".join(omdat),
                                     omdat=omdat, **basis)
    # conditions to secure in the permit: the clause's eisen about what the initiative is (not the outcome
    # counts), and the contribution to each mechanism that goes up
    mits = [f"{t.tekst}, nu: {t.toelichting}" for t in voorwaarden if t.status == "voldoet" and t.tekst in inhoudelijk]
    plus = [m for m in meting.mechanismen if m.effect == "+"]
    if plus:
        mits.append("de bijdrage aan " + ", ".join(f"{m.nummer}. {m.naam}" for m in plus)
                    + " wordt met voorschriften in de vergunning verzekerd (artikel 8.1 lid 5)")
    afgeweken = ", ".join(dict.fromkeys(r.citaat for r in regels))
    return Afwijkingsbeoordeling(verdict="afwijken mogelijk",
                                 samenvatting=f"afwijken van {afgeweken} mogelijk, mits " + "; ".join(mits), mits=mits, **basis)

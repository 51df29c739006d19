"""What the plan says: its activity tree, begrippen, gebieden, and what applies at a location."""

from __future__ import annotations

import datetime as dt

from shapely.geometry.base import BaseGeometry

from regels.evaluate.feiten import soort_tekst
from regels.language.format import format_expressie, format_getal
from regels.model.expressie import namen_in
from regels.plan import Plan


def toon_activiteiten(plan: Plan) -> str:
    regels = ["Activiteiten:"]

    def tak(naam: str, diepte: int) -> None:
        n = len([r for r in plan.regels if r.regel.activiteit == naam])
        regels.append("  " * (diepte + 1) + f"- {naam}" + (f"  ({n} regel{'s' if n != 1 else ''})" if n else ""))
        for kind in plan.onderliggende(naam):
            tak(kind, diepte + 1)

    for naam, d in plan.activiteiten.items():
        if d.bovenliggend is None:
            tak(naam, 0)
    return "\n".join(regels) + "\n"


def toon_begrippen(plan: Plan) -> str:
    regels = ["Begrippen (de feiten van een voorstel):"]
    for naam, (b, plek) in sorted(plan.begrippen.items()):
        soort = soort_tekst(b) + (f": {', '.join(b.keuzes)}" if b.keuzes else "")
        regels.append(f"  - {naam} [{soort}] ({plek.citaat})")
    return "\n".join(regels) + "\n"


def toon_indicatoren() -> str:
    from regels.deviation.indicators import INDICATOREN
    regels = ["Indicatoren (alleen in een afwijkingsregel; zie docs/afwijken.md):"]
    for naam, (grootheid, definitie) in INDICATOREN.items():
        regels.append(f"  - {naam} [{grootheid}]: {definitie}")
    return "\n".join(regels) + "\n"


def toon_gebieden(plan: Plan) -> str:
    regels = ["Gebieden:"]
    for naam in sorted(plan.locaties):
        opp = plan.locaties[naam].area / 10_000
        regels.append(f"  - {naam} [{plan.locatiesoort[naam]}, {opp:,.1f} ha]".replace(",", " ").replace(".", ","))
    return "\n".join(regels) + "\n"


def toon_locatie(plan: Plan, punt: BaseGeometry, activiteit: str | None, peildatum: dt.date) -> str:
    """Rules in force at ``punt`` on ``peildatum``, per activity, with the norms and their values there."""
    geraakt = plan.index.raakt(punt)
    regels = [f"Locatie {punt.wkt} (RD), peildatum {peildatum}", f"  in: {', '.join(sorted(geraakt)) or '(buiten het plan)'}"]
    if activiteit:
        kandidaten = plan.regels_voor(activiteit)
    else:
        kandidaten = list(plan.regels)
    per_activiteit: dict[str, list[str]] = {}
    normen: dict[str, list[str]] = {}
    for r in kandidaten:
        g = r.regel.geldigheid
        if g is not None and not g.omvat(peildatum):
            continue
        if not geraakt.intersection(r.regel.locaties):
            continue
        delen = [f"{r.citaat} ({r.vindplaats.artikel.titel}): {r.regel.kwalificatie}"]
        for v in r.regel.voorwaarden:
            delen.append(f"als {format_expressie(v.expressie)}")
        for e in r.regel.eisen:
            delen.append(f"eis {format_expressie(e.expressie)}")
            for n in namen_in(e.expressie):
                if n.naam in plan.normen and n.naam not in normen:
                    norm, plek = plan.normen[n.naam]
                    normen[n.naam] = [f"{format_getal(w.waarde)} (in {', '.join(w.locaties)}; {plek.citaat})"
                                      for w in norm.waarden if geraakt.intersection(w.locaties)] or ["geen waarde hier"]
        for af in r.regel.afwijkingen:
            delen.append(f"in afwijking van {af}")
        if r.regel.afwijkbaar:
            delen.append("afwijkbaar")
        elif r.regel.niet_afwijkbaar is not None:
            delen.append(f"niet afwijkbaar: {r.regel.niet_afwijkbaar.reden}")
        per_activiteit.setdefault(r.regel.activiteit, []).append("\n      ".join(delen))
    if not per_activiteit:
        regels.append("  Geen regels van toepassing" + (f" voor {activiteit!r}" if activiteit else "") + ".")
    for act, lijst in per_activiteit.items():
        regels.append(f"\n  Activiteit: {act}")
        regels.extend(f"    - {x}" for x in lijst)
    if normen:
        regels.append("\n  Normen hier:")
        for naam, waarden in normen.items():
            regels.append(f"    - {naam}: {'; '.join(waarden)}")
    return "\n".join(regels) + "\n"

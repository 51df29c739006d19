"""An ``Uitkomst`` as a Dutch text report for the terminal. No evaluation here: it only reads."""

from __future__ import annotations

import textwrap

from regels.units import formatteer_getal

from regels.model.uitkomst import (
    ActiviteitUitkomst, Afwijkingsbeoordeling, MechanismeEffect, RegelUitkomst, StapInTrace, Toets, Uitkomst,
)

_TEKEN = {"voldoet": "✓", "voldoet niet": "✗", "onbepaald": "?", "niet van toepassing": "–", "opzijgezet": "↷"}
_OORDEEL = {"past": "PAST", "past niet": "PAST NIET", "onvolledig": "ONVOLLEDIG", "ter beoordeling": "TER BEOORDELING"}


def _toets(t: Toets, citaat: str) -> str:
    regel = f"{_TEKEN[t.status]} {t.toelichting}"
    if t.status == "voldoet niet":
        regel += f", {citaat}"
    return regel


def _regel(u: RegelUitkomst, uitgebreid: bool) -> list[str]:
    kop = (f"  {_TEKEN[u.status]} {u.citaat} ({u.artikeltitel}): {u.kwalificatie} in {', '.join(u.locaties)} "
           f"— {u.status}")
    regels = [kop]
    if u.status == "niet van toepassing":
        niet = [t for t in u.voorwaarden if t.status == "voldoet niet"]
        if niet:
            regels.append(f"      want: {niet[0].toelichting}")
        return regels
    if u.status == "opzijgezet" or (u.kwalificatie == "verboden" and u.toelichting):
        regels.append(f"      {u.toelichting}")
        if u.status == "opzijgezet":
            return regels
    for t in u.voorwaarden:
        if uitgebreid or t.status != "voldoet":
            regels.append(f"      als: {_toets(t, u.citaat)}")
    for t in u.eisen:
        regels.append(f"      {_toets(t, u.citaat)}")
    if u.ontbrekende_feiten:
        regels.append(f"      ontbreekt: {', '.join(u.ontbrekende_feiten)}")
    if u.status == "voldoet niet" and u.afwijkbaar:
        regels.append("      afwijkbaar: van deze regel kan worden afgeweken met de afwijkingsregel van het plan")
    if uitgebreid and u.juridische_tekst:
        for lijn in textwrap.wrap(u.juridische_tekst, 90):
            regels.append(f"      │ {lijn}")
    return regels


def _activiteit(a: ActiviteitUitkomst, uitgebreid: bool) -> list[str]:
    regels = [f"Activiteit: {a.activiteit}", f"  Conclusie: {a.conclusie} — {a.oordeel}: {a.toelichting}"]
    for c in a.conflicten:
        regels.append(f"  ! conflict: {c.toelichting}")
    volgorde = {"voldoet niet": 0, "onbepaald": 1, "voldoet": 2, "opzijgezet": 3, "niet van toepassing": 4}
    for u in sorted(a.regels, key=lambda u: volgorde[u.status]):
        if u.status == "niet van toepassing" and not uitgebreid:
            continue
        regels.extend(_regel(u, uitgebreid))
    verborgen = sum(1 for u in a.regels if u.status == "niet van toepassing")
    if verborgen and not uitgebreid:
        regels.append(f"  ({verborgen} regel(s) niet van toepassing; toon ze met --uitgebreid)")
    return regels


_VERDICT = {"afwijken mogelijk": "AFWIJKEN MOGELIJK", "afwijken niet mogelijk": "AFWIJKEN NIET MOGELIJK",
            "onvoldoende onderbouwd": "ONVOLDOENDE ONDERBOUWD"}


def _mechanisme(m: MechanismeEffect, uitgebreid: bool) -> list[str]:
    regels = [f"    {m.effect} {m.nummer}. {m.naam}: {m.toelichting}"]
    if uitgebreid:
        for i in m.indicatoren:
            waarden = "" if i.voor is None and i.na is None else f" (voor {_getal(i.voor)}, na {_getal(i.na)} {i.eenheid})"
            regels.append(f"        · {i.naam}{waarden}: {i.richting}")
            regels.extend("            " + lijn for lijn in textwrap.wrap(f"definitie: {i.definitie}", 84))
            for b in i.bronnen:
                regels.append(f"            bron: {b}")
    return regels


def _getal(x: float | None) -> str:
    return "–" if x is None else formatteer_getal(x)


def _afwijking(a: Afwijkingsbeoordeling, uitgebreid: bool) -> list[str]:
    regels = ["", "Afwijkingsregel (het nieuwe ja, mits) — advies; de beslissing blijft bij het bevoegd gezag",
              f"  {_VERDICT[a.verdict]}: {a.samenvatting}"]
    regels.append("  Regels die het initiatief niet haalt:")
    for r in a.regels:
        regels.append(f"    {'✓ afwijkbaar' if r.afwijkbaar else '✗ niet afwijkbaar'}: {r.citaat} ({r.activiteit}) — {r.reden}")
    if a.wijk:
        regels.append(f"  Mechanismen in {a.wijk}:")
        for m in a.mechanismen:
            regels.extend(_mechanisme(m, uitgebreid))
        regels.append(f"  Aangrenzende wijken ({', '.join(a.buurwijken) or 'geen'}):")
        for m in a.mechanismen_buurwijken:
            regels.extend(_mechanisme(m, uitgebreid))
    if a.hoofdlijnen:
        regels.append("  Hoofdlijnen van het toekomstbeeld 2040:")
        for h in a.hoofdlijnen:
            if h.gediend or h.grond == "aanvrager" or uitgebreid:
                regels.append(f"    {'✓' if h.gediend else '–'} {h.hoofdlijn}: {h.toelichting}")
    if a.voorwaarden:
        regels.append("  Eisen van de afwijkingsregels:")
        for t in a.voorwaarden:
            regels.append(f"    {_TEKEN[t.status]} {t.tekst}: {t.toelichting}")
    for kop, lijst in (("Mits", a.mits), ("Omdat", a.omdat), ("Nog nodig", a.ontbreekt)):
        if lijst:
            regels.append(f"  {kop}:")
            regels.extend(f"    - {x}" for x in lijst)
    regels.append(f"  {a.besluit}")
    return regels


def _trace(stappen: list[StapInTrace], diepte: int = 0) -> list[str]:
    uit = []
    for s in stappen:
        uit.append("  " * diepte + f"- [{s.soort}] {s.tekst}")
        uit.extend(_trace(s.stappen, diepte + 1))
    return uit


def rapport(u: Uitkomst, *, uitgebreid: bool = False, trace: bool = False) -> str:
    """The Dutch text report of a check."""
    b = u.bon
    regels = [
        f"Toets: {u.omschrijving}",
        f"Plan: {b.plan_titel}, versie {b.plan_versie!r}, peildatum {b.peildatum}",
        f"Locatie: {u.locatie.adres}" if u.locatie.adres else
        f"Locatie: {u.locatie.rd_wkt if len(u.locatie.rd_wkt) < 80 else u.locatie.rd_wkt[:77] + '...'} (RD)",
        f"  in: {', '.join(u.locatie.gebieden)}",
        "",
        f"Oordeel: {_OORDEEL[u.oordeel]} — {u.samenvatting}",
    ]
    for w in u.waarschuwingen:
        regels.append(f"Let op: {w}")
    for feit, bron in u.feiten_herkomst.items():
        regels.append(f"Feit {feit!r} komt niet van de aanvrager maar uit: {bron}")
    for a in u.activiteiten:
        regels.append("")
        regels.extend(_activiteit(a, uitgebreid))
    if u.ontbrekende_feiten:
        regels += ["", "Nog nodig (voeg toe aan 'feiten' in het voorstel):"]
        for f in u.ontbrekende_feiten:
            soort = f.soort + (f" ({', '.join(f.keuzes)})" if f.keuzes else "")
            regels.append(f"  - {f.naam} [{soort}] — nodig voor {', '.join(f.nodig_voor)}")
            if f.definitie:
                regels.extend("      " + lijn for lijn in textwrap.wrap(f.definitie, 88))
    if u.afwijking is not None:
        regels.extend(_afwijking(u.afwijking, uitgebreid))
    if trace:
        regels += ["", "Verloop van de toets:"] + _trace(u.trace, 1)
    regels += ["", f"Bon: {b.engine} {b.engine_versie} · {b.plan_werk} · plan-hash {b.plan_hash[:16]}… · peildatum {b.peildatum}"]
    return "\n".join(regels) + "\n"

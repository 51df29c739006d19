"""An ``Uitkomst`` as a Dutch text report for the terminal. No evaluation here: it only reads."""

from __future__ import annotations

import textwrap

from regels.model.uitkomst import ActiviteitUitkomst, RegelUitkomst, StapInTrace, Toets, Uitkomst

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
        f"Locatie: {u.locatie.rd_wkt if len(u.locatie.rd_wkt) < 80 else u.locatie.rd_wkt[:77] + '...'} (RD)",
        f"  in: {', '.join(u.locatie.gebieden)}",
        "",
        f"Oordeel: {_OORDEEL[u.oordeel]} — {u.samenvatting}",
    ]
    for w in u.waarschuwingen:
        regels.append(f"Let op: {w}")
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
    if trace:
        regels += ["", "Verloop van de toets:"] + _trace(u.trace, 1)
    regels += ["", f"Bon: {b.engine} {b.engine_versie} · {b.plan_werk} · plan-hash {b.plan_hash[:16]}… · peildatum {b.peildatum}"]
    return "\n".join(regels) + "\n"

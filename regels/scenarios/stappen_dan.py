"""The Dan-steps: what the check must conclude, per activity, per article, about missing facts, the
advice on deviating, and errors. A failed expectation raises ``ScenarioFout`` with the compared values.
Each sentence is in ``docs/stappen.md``.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from regels.model.uitkomst import RegelUitkomst, Uitkomst
from regels.scenarios.context import Initiatief, _artikel_citaat
from regels.scenarios.fouten import ScenarioFout, StapFout, _fout_tekst
from regels.scenarios.stappen import ARTIKEL, VOOR, _lid, _stap

# -- De uitkomst per artikel, in woorden (voor de meldingen)

_STATUS_VOLGORDE = ["voldoet niet", "onbepaald", "voldoet", "opzijgezet", "niet van toepassing"]
GELDEND = ("voldoet", "voldoet niet", "onbepaald")


def samengestelde_status(regels: list[RegelUitkomst]) -> str | None:
    """One status for several rules of an article: the first of voldoet niet, onbepaald, voldoet,
    opzijgezet, niet van toepassing that occurs; None when the article has no rule here."""
    statussen = {r.status for r in regels}
    return next((s for s in _STATUS_VOLGORDE if s in statussen), None)


def toelichting(regels: list[RegelUitkomst], status: str | None) -> str:
    """Why the rules came out as they did: the compared values of the eisen (or voorwaarden) that decide it."""
    delen: list[str] = []
    for r in regels:
        if status is not None and r.status != status:
            continue
        if r.status == "niet van toepassing":
            delen += [f"als {t.toelichting or t.tekst}: niet vervuld" for t in r.voorwaarden if t.status == "voldoet niet"]
        elif r.status == "opzijgezet":
            delen.append(f"opzijgezet door {r.opzijgezet_door}")
        elif r.kwalificatie == "verboden" and r.status == "voldoet niet" and not r.eisen:
            delen.append(f"de activiteit is hier verboden ({r.activiteit} in {', '.join(r.locaties)})")
        else:
            kies = [t for t in r.eisen if t.status == r.status] or r.eisen
            delen += [t.toelichting or t.tekst for t in kies]
            if r.status == "onbepaald":
                ontbrekend = r.ontbrekende_feiten or [m for t in r.voorwaarden + r.eisen for m in t.ontbrekende_feiten]
                if ontbrekend:
                    delen.append("ontbrekende feiten: " + ", ".join(dict.fromkeys(ontbrekend)))
                if r.toelichting:
                    delen.append(r.toelichting)
    return "; ".join(dict.fromkeys(d for d in delen if d))


def _geldende_regels_tekst(u: Uitkomst, activiteit: str | None = None) -> str:
    acts = [a for a in u.activiteiten if activiteit is None or a.activiteit == activiteit]
    delen = [f"{r.citaat} ({r.kwalificatie}): {r.status}" for a in acts for r in a.regels if r.status in GELDEND + ("opzijgezet",)]
    return "; ".join(dict.fromkeys(delen)) or "geen regel van het plan geldt hier"


# -- Dan: oordeel en conclusie

_OORDELEN = ("past", "past niet", "onvolledig", "ter beoordeling")
_CONCLUSIES = {"toestemmingsvrij": "Toestemmingsvrij", "meldingsplicht": "Meldingsplicht",
               "vergunningplicht": "Vergunningplicht", "verbod": "Verbod", "neemcontactopmet": "NeemContactOpMet",
               "neem contact op met": "NeemContactOpMet", "neem contact op": "NeemContactOpMet"}


def _oordeel_naam(tekst: str) -> str:
    if tekst.lower() not in _OORDELEN:
        raise StapFout(f"onbekend oordeel {tekst!r}; kies uit {', '.join(repr(o) for o in _OORDELEN)}")
    return tekst.lower()


def _conclusie_naam(tekst: str) -> str:
    c = _CONCLUSIES.get(tekst.lower())
    if c is None:
        raise StapFout(f"onbekende conclusie {tekst!r}; kies uit Toestemmingsvrij, Meldingsplicht, Vergunningplicht, "
                       f"Verbod of NeemContactOpMet")
    return c


def _beweer_activiteiten(initiatief: Initiatief, namen: Iterable[str]) -> None:
    initiatief.beweerde_activiteiten.update(namen)


@_stap("then", r'is het oordeel "(?P<oordeel>[^"]+)"', 'is het oordeel "past niet"')
def _oordeel(initiatief: Initiatief, oordeel: str) -> None:
    verwacht = _oordeel_naam(oordeel)
    u = initiatief.uitkomst()
    _beweer_activiteiten(initiatief, (a.activiteit for a in u.activiteiten))
    if u.oordeel != verwacht:
        waarom = "; ".join(f"{a.activiteit}: {a.oordeel}, {a.toelichting}" for a in u.activiteiten)
        if u.ontbrekende_feiten:
            waarom += "; ontbrekende feiten: " + ", ".join(f.naam for f in u.ontbrekende_feiten)
        raise ScenarioFout(f"oordeel: verwacht '{verwacht}', gevonden '{u.oordeel}' ({waarom})")


@_stap("then", r'is het oordeel voor "(?P<activiteit>[^"]+)" "(?P<oordeel>[^"]+)"',
       'is het oordeel voor "bouwen van een dakopbouw" "past"')
def _oordeel_voor(initiatief: Initiatief, activiteit: str, oordeel: str) -> None:
    verwacht = _oordeel_naam(oordeel)
    a = initiatief.activiteit(activiteit)
    _beweer_activiteiten(initiatief, [a.activiteit])
    if a.oordeel != verwacht:
        waarom = a.toelichting + ("; ontbrekende feiten: " + ", ".join(a.ontbrekende_feiten) if a.ontbrekende_feiten else "")
        raise ScenarioFout(f"oordeel voor {a.activiteit!r}: verwacht '{verwacht}', gevonden '{a.oordeel}' ({waarom})")


@_stap("then", r'is de conclusie(?: voor "(?P<activiteit>[^"]+)")? "(?P<conclusie>[^"]+)"',
       'is de conclusie "Vergunningplicht"', 'is de conclusie voor "bouwen van een dakopbouw" "Meldingsplicht"')
def _conclusie(initiatief: Initiatief, activiteit: str | None, conclusie: str) -> None:
    verwacht = _conclusie_naam(conclusie)
    a = initiatief.activiteit(activiteit)
    _beweer_activiteiten(initiatief, [a.activiteit])
    if a.conclusie != verwacht:
        raise ScenarioFout(f"conclusie voor {a.activiteit!r}: verwacht '{verwacht}', gevonden '{a.conclusie}' "
                           f"({_geldende_regels_tekst(initiatief.uitkomst(), a.activiteit)})")


# -- Dan: per artikel


def _beweer_artikel(initiatief: Initiatief, artikel: str, regels: list[RegelUitkomst]) -> None:
    if regels:
        initiatief.beweerde_artikelen.add(artikel)


def afwijkingseisen(u: Uitkomst, artikel: str, lid: str | None) -> list[Any]:
    """The eisen of the plan's afwijkingsregels in artikel (lid), as the deviation clause tested them."""
    if u.afwijking is None:
        return []
    citaat = _artikel_citaat(artikel, lid)
    return [t for t in u.afwijking.voorwaarden
            if t.tekst.endswith(f"({citaat})") or (lid is None and f"({citaat} lid " in t.tekst)]


def _vergelijk_afwijkingsregel(initiatief: Initiatief, artikel: str, lid: str | None, verwacht: str) -> bool:
    """Compare against the afwijkingsregels of artikel (lid); False when it has none in this outcome."""
    toetsen = afwijkingseisen(initiatief.uitkomst(), artikel, lid)
    if not toetsen:
        return False
    initiatief.beweerde_artikelen.add(artikel)
    statussen = {t.status for t in toetsen}
    gevonden = next(s for s in ("voldoet niet", "onbepaald", "voldoet") if s in statussen)
    if gevonden != verwacht:
        waarom = "; ".join(f"{t.tekst}: {t.toelichting}" for t in toetsen if t.status == gevonden)
        raise ScenarioFout(f"{_artikel_citaat(artikel, lid)} (afwijkingsregel): verwacht '{verwacht}', "
                           f"gevonden '{gevonden}' ({waarom})")
    return True


def _vergelijk_artikel(initiatief: Initiatief, artikel: str, lid: str | None, activiteit: str | None,
                       verwacht: str, zeg: str | None = None) -> None:
    regels = initiatief.regels_van(artikel, lid, activiteit)
    _beweer_artikel(initiatief, artikel, regels)
    gevonden = samengestelde_status(regels)
    citaat = _artikel_citaat(artikel, lid)
    if gevonden == verwacht:
        return
    if gevonden is None and activiteit is None and _vergelijk_afwijkingsregel(initiatief, artikel, lid, verwacht):
        return
    if gevonden is None:
        waar = f" voor {activiteit!r}" if activiteit else ""
        raise ScenarioFout(f"{citaat}: verwacht '{zeg or verwacht}', maar het artikel geldt hier niet{waar} "
                           f"(geen regel van {citaat} voor deze activiteit, locatie en peildatum; "
                           f"wel: {_geldende_regels_tekst(initiatief.uitkomst(), activiteit)})")
    raise ScenarioFout(f"{citaat}: verwacht '{zeg or verwacht}', gevonden '{gevonden}' ({toelichting(regels, gevonden)})")


@_stap("then", rf"voldoet het initiatief (?P<niet>niet )?aan {ARTIKEL}{VOOR}",
       "voldoet het initiatief aan artikel 2.6 lid 1", "voldoet het initiatief niet aan artikel 2.2 lid 1",
       "voldoet het initiatief niet aan artikel 2.2, eerste lid")
def _voldoet(initiatief: Initiatief, niet: str | None, artikel: str, lid: str | None, rang: str | None,
             activiteit: str | None) -> None:
    _vergelijk_artikel(initiatief, artikel, _lid(lid, rang), activiteit, "voldoet niet" if niet else "voldoet")


_STATUSSEN = ("voldoet", "voldoet niet", "onbepaald", "niet van toepassing", "opzijgezet")


@_stap("then", rf'is {ARTIKEL}{VOOR} "(?P<status>[^"]+)"', 'is artikel 5.2 lid 1 "onbepaald"',
       'is artikel 2.6 lid 1 "opzijgezet"', 'is artikel 5.3 lid 2 "niet van toepassing"')
def _status(initiatief: Initiatief, artikel: str, lid: str | None, rang: str | None, activiteit: str | None,
            status: str) -> None:
    if status.lower() not in _STATUSSEN:
        raise StapFout(f"onbekende uitkomst {status!r}; kies uit {', '.join(repr(s) for s in _STATUSSEN)}")
    _vergelijk_artikel(initiatief, artikel, _lid(lid, rang), activiteit, status.lower())


@_stap("then", rf"geldt {ARTIKEL}{VOOR}(?P<niet> niet)?", "geldt artikel 5.3 lid 1", "geldt artikel 2.6 niet")
def _geldt(initiatief: Initiatief, artikel: str, lid: str | None, rang: str | None, activiteit: str | None,
           niet: str | None) -> None:
    lid = _lid(lid, rang)
    regels = initiatief.regels_van(artikel, lid, activiteit)
    _beweer_artikel(initiatief, artikel, regels)
    geldend = [r for r in regels if r.status in GELDEND]
    citaat = _artikel_citaat(artikel, lid)
    if niet and geldend:
        raise ScenarioFout(f"{citaat}: verwacht dat het hier niet geldt, maar het geldt: "
                           + "; ".join(f"{r.citaat} ({r.kwalificatie} in {', '.join(r.locaties)}): {r.status}" for r in geldend))
    if not niet and not geldend:
        status = samengestelde_status(regels)
        reden = f"'{status}' ({toelichting(regels, status)})" if status else "geen regel van dit artikel voor deze activiteit, locatie en peildatum"
        raise ScenarioFout(f"{citaat}: verwacht dat het hier geldt, gevonden {reden}; "
                           f"wel: {_geldende_regels_tekst(initiatief.uitkomst(), activiteit)}")


@_stap("then", rf'staat bij {ARTIKEL}{VOOR} "(?P<tekst>[^"]+)"', 'staat bij artikel 4.7 lid 1 "maximum bouwhoogte 60 m"')
def _staat_bij(initiatief: Initiatief, artikel: str, lid: str | None, rang: str | None, activiteit: str | None,
               tekst: str) -> None:
    lid = _lid(lid, rang)
    regels = initiatief.regels_van(artikel, lid, activiteit)
    _beweer_artikel(initiatief, artikel, regels)
    citaat = _artikel_citaat(artikel, lid)
    teksten = [t.toelichting for r in regels for t in r.voorwaarden + r.eisen] + [r.toelichting for r in regels]
    if not any(tekst in t for t in teksten):
        gevonden = "; ".join(t for t in teksten if t) or "geen toelichting (het artikel geldt hier niet)"
        raise ScenarioFout(f"{citaat}: verwacht de tekst {tekst!r} in de toelichting, gevonden: {gevonden}")


# -- Dan: ontbrekende feiten


def _namen(tekst: str) -> list[str]:
    delen = re.split(r",\s*|\s+en\s+", tekst.strip())
    return [d.strip().strip('"') for d in delen if d.strip()]


@_stap("then", r"ontbreken de feiten:? (?P<namen>.+)", "ontbreken de feiten: goothoogte, diepte")
def _ontbreken(initiatief: Initiatief, namen: str) -> None:
    u = initiatief.uitkomst()
    _beweer_activiteiten(initiatief, (a.activiteit for a in u.activiteiten))
    verwacht = set(_namen(namen))
    gevonden = [f.naam for f in u.ontbrekende_feiten]
    if set(gevonden) != verwacht:
        te_veel, te_weinig = set(gevonden) - verwacht, verwacht - set(gevonden)
        extra = []
        if te_weinig:
            extra.append("deze ontbreken niet: " + ", ".join(sorted(te_weinig)))
        if te_veel:
            extra.append("deze ontbreken ook: " + ", ".join(f for f in gevonden if f in te_veel))
        raise ScenarioFout(f"ontbrekende feiten: verwacht {', '.join(sorted(verwacht))}; {'; '.join(extra)}")


@_stap("then", r'ontbreekt het feit "(?P<naam>[^"]+)"', 'ontbreekt het feit "diepte"')
def _ontbreekt(initiatief: Initiatief, naam: str) -> None:
    u = initiatief.uitkomst()
    _beweer_activiteiten(initiatief, (a.activiteit for a in u.activiteiten))
    gevonden = [f.naam for f in u.ontbrekende_feiten]
    if naam not in gevonden:
        raise ScenarioFout(f"ontbrekende feiten: verwacht dat {naam!r} ontbreekt, gevonden: {', '.join(gevonden) or 'geen'}")


@_stap("then", r"ontbreken geen feiten", "ontbreken geen feiten")
def _geen_ontbrekend(initiatief: Initiatief) -> None:
    u = initiatief.uitkomst()
    _beweer_activiteiten(initiatief, (a.activiteit for a in u.activiteiten))
    if u.ontbrekende_feiten:
        raise ScenarioFout("ontbrekende feiten: verwacht geen, gevonden "
                           + ", ".join(f"{f.naam} (nodig voor {', '.join(f.nodig_voor)})" for f in u.ontbrekende_feiten))

# -- Dan: het advies over afwijken en het effect per mechanisme

_VERDICTEN = ("afwijken mogelijk", "afwijken niet mogelijk", "onvoldoende onderbouwd")
_EFFECTEN = {"+": "+", "plus": "+", "positief": "+", "omhoog": "+", "0": "0", "nul": "0", "geen": "0",
             "neutraal": "0", "−": "−", "-": "−", "min": "−", "negatief": "−", "omlaag": "−", "?": "?",
             "onbekend": "?"}


def _advies(initiatief: Initiatief) -> Any:
    u = initiatief.uitkomst()
    initiatief.afwijking_beweerd = True
    if u.afwijking is None:
        raise ScenarioFout("er is geen advies over afwijken: het initiatief haalt elke regel die hier geldt "
                           f"(oordeel '{u.oordeel}')")
    return u.afwijking


@_stap("then", r'is het afwijkingsadvies "(?P<verdict>[^"]+)"', 'is het afwijkingsadvies "afwijken mogelijk"',
       'is het afwijkingsadvies "onvoldoende onderbouwd"')
def _verdict(initiatief: Initiatief, verdict: str) -> None:
    if verdict.lower() not in _VERDICTEN:
        raise StapFout(f"onbekend advies {verdict!r}; kies uit {', '.join(repr(v) for v in _VERDICTEN)}")
    af = _advies(initiatief)
    if af.verdict != verdict.lower():
        raise ScenarioFout(f"afwijkingsadvies: verwacht '{verdict.lower()}', gevonden '{af.verdict}' ({af.samenvatting})")


@_stap("then", r"is er geen afwijkingsadvies", "is er geen afwijkingsadvies")
def _geen_advies(initiatief: Initiatief) -> None:
    u = initiatief.uitkomst()
    initiatief.afwijking_beweerd = True
    if u.afwijking is not None:
        raise ScenarioFout(f"verwacht geen advies over afwijken, gevonden '{u.afwijking.verdict}' ({u.afwijking.samenvatting})")


@_stap("then", r'noemt het afwijkingsadvies "(?P<tekst>[^"]+)"', 'noemt het afwijkingsadvies "milieunorm"')
def _advies_noemt(initiatief: Initiatief, tekst: str) -> None:
    af = _advies(initiatief)
    teksten = [af.samenvatting, *af.mits, *af.omdat, *af.ontbreekt]
    if not any(tekst.lower() in t.lower() for t in teksten):
        raise ScenarioFout(f"afwijkingsadvies: verwacht de tekst {tekst!r}, gevonden: {af.samenvatting}")


@_stap("then", rf"mag van {ARTIKEL} (?P<niet>niet )?worden afgeweken", "mag van artikel 2.2 lid 1 worden afgeweken",
       "mag van artikel 4.3 lid 1 niet worden afgeweken")
def _afwijkbaar(initiatief: Initiatief, artikel: str, lid: str | None, rang: str | None, niet: str | None) -> None:
    lid = _lid(lid, rang)
    citaat = _artikel_citaat(artikel, lid)
    af = _advies(initiatief)
    regels = [r for r in af.regels if r.citaat == citaat or (lid is None and r.citaat.startswith(citaat + " lid "))]
    initiatief.beweerde_artikelen.add(artikel)
    if not regels:
        raise ScenarioFout(f"{citaat}: het initiatief haalt dit artikel (of het geldt hier niet), dus er hoeft niet van te "
                           f"worden afgeweken; het advies gaat over: {', '.join(r.citaat for r in af.regels)}")
    for r in regels:
        if r.afwijkbaar == bool(niet):
            verwacht = "niet afwijkbaar" if niet else "afwijkbaar"
            gevonden = "afwijkbaar" if r.afwijkbaar else "niet afwijkbaar"
            raise ScenarioFout(f"{r.citaat}: verwacht '{verwacht}', gevonden '{gevonden}' ({r.reden})")


def _mechanisme(nr: str | None, naam: str | None) -> int:
    from regels.deviation.indicators import MECHANISMEN

    if nr is not None:
        if int(nr) not in MECHANISMEN:
            raise StapFout(f"er zijn vijf mechanismen (1 tot en met 5), niet {nr}")
        return int(nr)
    for k, v in MECHANISMEN.items():
        if v.lower() == (naam or "").lower():
            return k
    raise StapFout(f"onbekend mechanisme {naam!r}; kies uit "
                   + ", ".join(f"{k}. {v!r}" for k, v in MECHANISMEN.items()))


@_stap("then", r'is het effect op (?:mechanisme (?P<nr>\d+)|"(?P<naam>[^"]+)")(?P<buren> in de aangrenzende wijken)? '
       r'"(?P<effect>[^"]+)"', 'is het effect op "sociaaleconomische kracht" "+"', 'is het effect op mechanisme 3 "0"',
       'is het effect op "verschillen tussen wijken en buurten" in de aangrenzende wijken "−"')
def _effect(initiatief: Initiatief, nr: str | None, naam: str | None, buren: str | None, effect: str) -> None:
    nummer = _mechanisme(nr, naam)
    verwacht = _EFFECTEN.get(effect.strip().lower())
    if verwacht is None:
        raise StapFout(f"onbekend effect {effect!r}; schrijf +, 0, − of ? (of positief, geen, negatief, onbekend)")
    af = _advies(initiatief)
    lijst = af.mechanismen_buurwijken if buren else af.mechanismen
    m = next((x for x in lijst if x.nummer == nummer), None)
    waar = "de aangrenzende wijken" if buren else (af.wijk or "de wijk")
    if m is None:
        raise ScenarioFout(f"mechanisme {nummer}: de toets geeft hiervoor geen effect in {waar}")
    if m.effect != verwacht:
        raise ScenarioFout(f"mechanisme {nummer} ({m.naam}) in {m.gebied}: verwacht '{verwacht}', gevonden '{m.effect}' "
                           f"({m.toelichting})")


@_stap("then", r'is de hoofdlijn "(?P<hoofdlijn>[^"]+)" (?P<niet>niet )?gediend',
       'is de hoofdlijn "Zoetermeer is mijn thuis" gediend', 'is de hoofdlijn "Zoetermeer regiostad" niet gediend')
def _hoofdlijn_gediend(initiatief: Initiatief, hoofdlijn: str, niet: str | None) -> None:
    af = _advies(initiatief)
    h = next((x for x in af.hoofdlijnen if x.hoofdlijn.lower() == hoofdlijn.lower()), None)
    gediend = h is not None and h.gediend
    if gediend == bool(niet):
        gevonden = h.toelichting if h is not None else "de toets noemt deze hoofdlijn niet"
        raise ScenarioFout(f"hoofdlijn {hoofdlijn!r}: verwacht '{'niet gediend' if niet else 'gediend'}', "
                           f"gevonden '{'gediend' if gediend else 'niet gediend'}' ({gevonden})")


@_stap("then", r'ligt het initiatief in de wijk "(?P<wijk>[^"]+)"', 'ligt het initiatief in de wijk "Meerzicht"')
def _wijk(initiatief: Initiatief, wijk: str) -> None:
    af = _advies(initiatief)
    if (af.wijk or "") != wijk:
        raise ScenarioFout(f"wijk: verwacht {wijk!r}, gevonden {af.wijk or 'geen wijk met cijfers'!r}")


# -- Dan: fouten en waarschuwingen


@_stap("then", r'geeft de toets de fout "(?P<tekst>[^"]+)"', 'geeft de toets de fout "buiten het regelingsgebied"')
def _fout(initiatief: Initiatief, tekst: str) -> None:
    fout = initiatief.fout()
    if fout is None:
        u = initiatief.uitkomst()
        raise ScenarioFout(f"verwacht de fout {tekst!r}, maar de toets gaf geen fout (oordeel '{u.oordeel}')")
    if tekst.lower() not in _fout_tekst(fout).lower():
        raise ScenarioFout(f"verwacht de fout {tekst!r}, gevonden: {_fout_tekst(fout)}")


@_stap("then", r'waarschuwt de toets "(?P<tekst>[^"]+)"', 'waarschuwt de toets "deels buiten"')
def _waarschuwing(initiatief: Initiatief, tekst: str) -> None:
    u = initiatief.uitkomst()
    if not any(tekst.lower() in w.lower() for w in u.waarschuwingen):
        raise ScenarioFout(f"verwacht de waarschuwing {tekst!r}, gevonden: {'; '.join(u.waarschuwingen) or 'geen'}")


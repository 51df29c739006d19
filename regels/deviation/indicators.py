"""The five Zoetermeer mechanisms, measured for one initiative (omgevingsvisie §2.2, §3.2, §3.3).

Every indicator has a definition (below and in docs/afwijken.md), a value before and after the
initiative, a direction and the data it used, with source and reference date. Inputs are the
proposal's ``onderbouwing`` (what it adds and removes), its facts, and the plan's wijk figures.
Missing inputs make a mechanism "?" with what to provide; nothing is guessed.

Directions: "+" the mechanism turns upward, "−" downward, "0" no measurable effect. A mechanism
with several indicators takes the sign of their sum of signs (a tie is "0", and the report shows
both). Constants that classify (what counts as measurable, a vulnerable wijk, a large expensive
programme) are defined here, once; the plan's afwijkingsregels decide what is required.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from regels.deviation.wijkdata import Wijk, Wijkcijfers
from regels.model.uitkomst import Effect, HoofdlijnUitkomst, IndicatorWaarde, MechanismeEffect
from regels.model.voorstel import Onderbouwing, Woningen

MECHANISMEN = {
    1: "concurrerende woonaantrekkelijkheid",
    2: "sociaaleconomische kracht",
    3: "samenhang beroepsbevolking en werkgelegenheid",
    4: "verschillen tussen wijken en buurten",
    5: "adaptief vermogen",
}
HOOFDLIJNEN = ("Zoetermeer is mijn thuis", "duurzame stad in en tussen de parken", "palet van wijken en buurten",
               "doorlopende ontplooiingskansen", "stad van toegepaste innovatie", "Zoetermeer regiostad")

MEETBAAR_INDEX = 0.0001  # a change in a diversity index (0..1) smaller than this is not measurable
MEETBAAR_PROCENTPUNT = 0.01  # a change in a share smaller than 0.01 procentpunt is not measurable
KERNSECTOREN = {"ICT": 1.5, "Health": 1.5, "Logistiek & Handel": 1.5, "Bouw & Installatie": 1.5, "overig": 1.0}
KWETSBAAR_ONDER = 0.95  # a wijk whose position index is below 95% of the city average is vulnerable
GROOT_DUUR_PROGRAMMA = 50  # at least this many expensive dwellings …
AANDEEL_DUUR = 50.0  # … forming at least this share (%) of the programme can draw households from other wijken
HUUR = {"sociale huur", "middenhuur", "dure huur"}
MIDDEN_HOOG = {"middenhuur", "dure huur", "middeldure koop", "dure koop"}
DUUR = {"dure huur", "dure koop"}
BIJZONDER = {"knarrenhof", "tiny house", "woon-werkwoning", "zorgwoning"}
CBS_WONINGTYPE = "woonvorm volgens CBS: eengezins of meergezins; bijzondere woonvormen zijn in de voorraad niet apart geteld (0 voor)"


@dataclass
class Meting:
    """Everything the clause can refer to, by indicator name, plus the report parts."""

    wijk: Wijk | None
    buren: list[Wijk]
    mechanismen: list[MechanismeEffect]
    buurmechanismen: list[MechanismeEffect]
    hoofdlijnen: list[HoofdlijnUitkomst]
    waarden: dict[str, float | None] = field(default_factory=dict)
    ontbreekt: list[str] = field(default_factory=list)


# Names a plan's afwijkingsregel can use, with their grootheid (as units.py names it) and definition.
INDICATOREN: dict[str, tuple[str, str]] = {
    "aantal verbeterde mechanismen": ("aantal", "het aantal mechanismen met effect + in de wijk van het initiatief"),
    "aantal verslechterde mechanismen": ("aantal", "het aantal mechanismen met effect − in de wijk van het initiatief"),
    "aantal verslechterde mechanismen buurwijken": ("aantal", "het aantal mechanismen met effect − in de aangrenzende wijken"),
    "aantal gediende hoofdlijnen": ("aantal", "het aantal hoofdlijnen van het toekomstbeeld 2040 waaraan het initiatief aantoonbaar bijdraagt (vastgesteld door de toets)"),
    "effect woonaantrekkelijkheid": ("aantal", "het effect op mechanisme 1: 1 (+), 0 of -1 (−)"),
    "effect sociaaleconomische kracht": ("aantal", "het effect op mechanisme 2: 1, 0 of -1"),
    "effect werkgelegenheid": ("aantal", "het effect op mechanisme 3: 1, 0 of -1"),
    "effect verschillen tussen wijken": ("aantal", "het effect op mechanisme 4 in de wijk: 1, 0 of -1"),
    "effect adaptief vermogen": ("aantal", "het effect op mechanisme 5: 1, 0 of -1"),
    "huuraandeel wijk": ("aandeel", "het aandeel huurwoningen in de wijk vóór het initiatief (CBS)"),
    "koopaandeel wijk": ("aandeel", "het aandeel koopwoningen in de wijk vóór het initiatief (CBS)"),
    "huuroverschot wijk": ("aandeel", "het huuraandeel van de wijk min dat van de stad, in procentpunten (positief: meer huur dan gemiddeld)"),
    "aandeel koopwoningen initiatief": ("aandeel", "het aandeel koopwoningen in de woningen die het initiatief toevoegt"),
    "aandeel dure woningen initiatief": ("aandeel", "het aandeel dure huur- en koopwoningen in de woningen die het initiatief toevoegt"),
    "toegevoegde woningen": ("aantal", "woningen erbij min woningen eraf"),
}
_EFFECTNAAM = {1: "effect woonaantrekkelijkheid", 2: "effect sociaaleconomische kracht", 3: "effect werkgelegenheid",
               4: "effect verschillen tussen wijken", 5: "effect adaptief vermogen"}


def _teken(delta: float, drempel: float) -> Effect:
    return "+" if delta >= drempel else ("−" if delta <= -drempel else "0")


def _samen(tekens: Iterable[Effect]) -> Effect:
    tekens = list(tekens)
    if "?" in tekens:
        return "?"
    som = sum(1 if t == "+" else -1 if t == "−" else 0 for t in tekens)
    return "+" if som > 0 else "−" if som < 0 else "0"


def _pct(x: float) -> str:
    return f"{x:.1f}".replace(".", ",") + " %"


def _simpson(aantallen: Iterable[float]) -> float:
    a = [max(x, 0.0) for x in aantallen]
    n = sum(a)
    return 1.0 - sum((x / n) ** 2 for x in a) if n else 0.0


def _bron(w: Wijk, *namen: str) -> list[str]:
    return [f"{w.naam}: {n} — {w.cijfers[n].bronvermelding}" for n in namen if n in w.cijfers]


def _som(woningen: list[Woningen], pred=lambda w: True) -> int:  # type: ignore[no-untyped-def]
    return sum(w.aantal for w in woningen if pred(w))


class _Meter:
    def __init__(self, cijfers: Wijkcijfers | None, wijk: Wijk | None, o: Onderbouwing | None, aantal_woningen: float | None) -> None:
        self.cijfers, self.wijk, self.o = cijfers, wijk, o
        self.aantal_woningen = aantal_woningen
        self.waarden: dict[str, float | None] = {}

    def onbekend(self, nr: int, gebied: str, ontbreekt: list[str]) -> MechanismeEffect:
        return MechanismeEffect(nummer=nr, naam=MECHANISMEN[nr], gebied=gebied, effect="?",
                                toelichting="niet te beoordelen: " + "; ".join(ontbreekt), ontbreekt=ontbreekt)

    def woningen_ontbreken(self) -> list[str]:
        """Inconsistencies between the facts and the onderbouwing about dwellings."""
        assert self.o is not None
        erbij = _som(self.o.woningen_erbij)
        if self.aantal_woningen and erbij == 0:
            return [f"de onderbouwing noemt de {self.aantal_woningen:.0f} woningen niet naar segment en woonvorm (woningen_erbij)"]
        if self.aantal_woningen is not None and erbij and abs(erbij - self.aantal_woningen) > 0.5:
            return [f"de onderbouwing noemt {erbij} woningen, de feiten {self.aantal_woningen:.0f} (aantal woningen); maak ze gelijk"]
        return []

    # -- 1
    def woonaantrekkelijkheid(self) -> MechanismeEffect:
        w, o = self.wijk, self.o
        assert w is not None and o is not None
        voorraad, koop, eengezins = w.cijfer("woningvoorraad"), w.cijfer("koopwoningen"), w.cijfer("eengezinswoningen")
        if voorraad is None or koop is None or eengezins is None:
            return self.onbekend(1, w.naam, [f"CBS-cijfers over de woningvoorraad van {w.naam}"])
        v = voorraad.waarde or 0.0
        eig_voor = [v * koop.waarde / 100, v * (1 - koop.waarde / 100)]  # type: ignore[operator]
        vorm_voor = [v * eengezins.waarde / 100, v * (1 - eengezins.waarde / 100), 0.0]  # type: ignore[operator]
        eig_na, vorm_na = list(eig_voor), list(vorm_voor)
        for lijst, teken in ((o.woningen_erbij, 1), (o.woningen_eraf, -1)):
            for x in lijst:
                eig_na[1 if x.segment in HUUR else 0] += teken * x.aantal
                vorm_na[2 if x.woonvorm in BIJZONDER else 0 if x.woonvorm == "eengezinswoning" else 1] += teken * x.aantal
        voor = (_simpson(eig_voor) + _simpson(vorm_voor)) / 2
        na = (_simpson(eig_na) + _simpson(vorm_na)) / 2
        div = IndicatorWaarde(
            naam="diversiteit woningvoorraad", eenheid="index 0–1",
            definitie="gemiddelde van de Simpson-diversiteit (1 − Σ aandeel²) van de woningvoorraad van de wijk naar "
                      "eigendom (koop, huur) en naar woonvorm (eengezins, meergezins, bijzondere woonvorm); " + CBS_WONINGTYPE,
            voor=round(voor, 5), na=round(na, 5), richting=_teken(na - voor, MEETBAAR_INDEX),
            toelichting=f"diversiteit {voor:.4f} → {na:.4f}".replace(".", ","),
            bronnen=_bron(w, "woningvoorraad", "koopwoningen", "eengezinswoningen") + ["initiatief: onderbouwing.woningen_erbij/eraf"])
        groen = o.groen_erbij_m2 - o.groen_eraf_m2
        gr = IndicatorWaarde(naam="groen", eenheid="m2", definitie="openbaar of gemeenschappelijk groen erbij min groen eraf",
                             voor=0.0, na=groen, richting=_teken(groen, 1.0),
                             toelichting=f"{groen:+.0f} m2 groen".replace(".", ","), bronnen=["initiatief: onderbouwing.groen_erbij_m2/groen_eraf_m2"])
        effect = _samen([div.richting, gr.richting])
        return MechanismeEffect(nummer=1, naam=MECHANISMEN[1], gebied=w.naam, effect=effect,
                                toelichting=f"{div.toelichting}; {gr.toelichting}", indicatoren=[div, gr])

    # -- 2
    def sociaaleconomische_kracht(self) -> MechanismeEffect:
        w, o, c = self.wijk, self.o, self.cijfers
        assert w is not None and o is not None and c is not None
        voorraad, koop = w.cijfer("woningvoorraad"), w.cijfer("koopwoningen")
        stad_huur = c.gemiddelde("huurwoningen")
        if voorraad is None or koop is None or stad_huur is None:
            return self.onbekend(2, w.naam, [f"CBS-cijfers over eigendom van de woningen in {w.naam}"])
        v = voorraad.waarde or 0.0
        koop_voor = v * koop.waarde / 100  # type: ignore[operator]
        erbij, eraf = o.woningen_erbij, o.woningen_eraf
        koop_na = koop_voor + _som(erbij, lambda x: x.segment not in HUUR) - _som(eraf, lambda x: x.segment not in HUUR)
        v_na = v + _som(erbij) - _som(eraf)
        aandeel_voor, aandeel_na = 100 * koop_voor / v, 100 * koop_na / v_na if v_na else 0.0
        overschot = (100 - koop.waarde) - stad_huur  # type: ignore[operator]
        nieuw = _som(erbij)
        midhoog = 100 * _som(erbij, lambda x: x.segment in MIDDEN_HOOG) / nieuw if nieuw else None
        self.waarden.update({"huuraandeel wijk": 100 - koop.waarde, "koopaandeel wijk": koop.waarde,  # type: ignore[operator]
                             "huuroverschot wijk": overschot})
        ki = IndicatorWaarde(
            naam="koopaandeel wijk", eenheid="%", voor=round(aandeel_voor, 3), na=round(aandeel_na, 3),
            definitie="aandeel koopwoningen in de woningvoorraad van de wijk; telt als kracht waar de wijk meer huur heeft dan de stad",
            richting=_teken(aandeel_na - aandeel_voor, MEETBAAR_PROCENTPUNT) if overschot > 0 else "0",
            toelichting=f"koopaandeel {_pct(aandeel_voor)} → {_pct(aandeel_na)}; huuraandeel wijk {_pct(100 - koop.waarde)} "  # type: ignore[operator]
                        f"tegen {_pct(stad_huur)} in de stad ({'huuroverschot' if overschot > 0 else 'geen huuroverschot'})",
            bronnen=_bron(w, "woningvoorraad", "koopwoningen") + ["stad: gewogen gemiddelde van de wijken (CBS KWB 2022)"])
        mh = IndicatorWaarde(
            naam="midden- en hoge segmenten", eenheid="%", voor=None, na=None if midhoog is None else round(midhoog, 2),
            definitie="aandeel middenhuur, dure huur, middeldure koop en dure koop in de woningen die het initiatief toevoegt; "
                      "+ vanaf 50 %",
            richting="0" if midhoog is None else ("+" if midhoog >= 50 else "0"),
            toelichting="geen woningen erbij" if midhoog is None else f"{_pct(midhoog)} van de nieuwe woningen in midden- en hoge segmenten",
            bronnen=["initiatief: onderbouwing.woningen_erbij"])
        effect = _samen([ki.richting, mh.richting])
        return MechanismeEffect(nummer=2, naam=MECHANISMEN[2], gebied=w.naam, effect=effect,
                                toelichting=f"{ki.toelichting}; {mh.toelichting}", indicatoren=[ki, mh])

    # -- 3
    def werkgelegenheid(self) -> MechanismeEffect:
        o = self.o
        assert o is not None
        plus = sum(x.m2 * KERNSECTOREN[x.sector] for x in o.werkruimte_erbij)
        min_ = sum(x.m2 * KERNSECTOREN[x.sector] for x in o.werkruimte_eraf if not x.leegstaand)
        leeg = sum(x.m2 for x in o.werkruimte_eraf if x.leegstaand)
        netto = plus - min_
        wr = IndicatorWaarde(
            naam="gewogen werkruimte", eenheid="m2 (gewogen)", voor=0.0, na=round(netto, 1), richting=_teken(netto, 1.0),
            definitie="m2 werkruimte erbij min m2 in gebruik eraf, gewogen 1,5 voor de kernsectoren ICT, Health, Logistiek & Handel "
                      "en Bouw & Installatie en 1 voor overige; leegstaande ruimte die verdwijnt telt niet",
            toelichting=f"{netto:+.0f} gewogen m2 werkruimte".replace(".", ",") + (f" ({leeg:.0f} m2 leegstand omgezet)" if leeg else ""),
            bronnen=["initiatief: onderbouwing.werkruimte_erbij/werkruimte_eraf"])
        menging = bool(o.werkruimte_erbij) and bool(o.woningen_erbij)
        fm = IndicatorWaarde(naam="functiemenging", eenheid="ja/nee", voor=None, na=1.0 if menging else 0.0,
                             definitie="het initiatief voegt zowel woningen als werkruimte toe", richting="+" if menging else "0",
                             toelichting="wonen en werken gemengd" if menging else "geen menging van wonen en werken",
                             bronnen=["initiatief: onderbouwing"])
        effect = "−" if wr.richting == "−" else _samen([wr.richting, fm.richting])
        return MechanismeEffect(nummer=3, naam=MECHANISMEN[3], gebied=self.wijk.naam if self.wijk else "initiatief", effect=effect,
                                toelichting=f"{wr.toelichting}; {fm.toelichting}", indicatoren=[wr, fm])

    # -- 4
    def positie(self, w: Wijk) -> tuple[float | None, list[str]]:
        """Position index of a wijk: mean of income, WOZ value and labour participation relative to the city."""
        c = self.cijfers
        assert c is not None
        delen, bronnen = [], []
        for naam, gewicht in (("gemiddeld inkomen per inwoner", "inwoners"), ("gemiddelde WOZ-waarde", "woningvoorraad"),
                              ("netto arbeidsparticipatie", "inwoners")):
            x, gem = w.cijfer(naam), c.gemiddelde(naam, gewicht)
            if x is not None and gem:
                delen.append(x.waarde / gem)  # type: ignore[operator]
                bronnen += _bron(w, naam)
        return (sum(delen) / len(delen) if delen else None), bronnen

    def verschillen(self, buren: list[Wijk]) -> tuple[MechanismeEffect, MechanismeEffect]:
        w, o = self.wijk, self.o
        assert w is not None and o is not None
        index, bronnen = self.positie(w)
        nieuw = _som(o.woningen_erbij)
        duur = _som(o.woningen_erbij, lambda x: x.segment in DUUR)
        midhoog = _som(o.woningen_erbij, lambda x: x.segment in MIDDEN_HOOG)
        aandeel_duur = 100 * duur / nieuw if nieuw else 0.0
        if index is None:
            eigen = self.onbekend(4, w.naam, [f"CBS-cijfers over inkomen, WOZ-waarde of arbeidsparticipatie van {w.naam}"])
        else:
            kwetsbaar = index < KWETSBAAR_ONDER
            richting: Effect = "+" if kwetsbaar and midhoog > 0 else "0"
            pos = IndicatorWaarde(
                naam="positie wijk", eenheid="index (stad = 1)", voor=round(index, 3), na=None, richting=richting,
                definitie="gemiddelde van inkomen per inwoner, WOZ-waarde en netto arbeidsparticipatie van de wijk, elk gedeeld door "
                          f"het gewogen stadsgemiddelde; onder {str(KWETSBAAR_ONDER).replace('.', ',')} is de wijk kwetsbaar. "
                          "+ als het initiatief in een kwetsbare wijk midden- of hoge segmenten toevoegt",
                toelichting=f"positie {w.naam} {index:.2f}".replace(".", ",") + (" (kwetsbaar)" if kwetsbaar else ""), bronnen=bronnen)
            eigen = MechanismeEffect(nummer=4, naam=MECHANISMEN[4], gebied=w.naam, effect=richting, toelichting=pos.toelichting,
                                     indicatoren=[pos])
        # neighbouring wijken: does a large expensive programme draw the strongest households out of vulnerable neighbours?
        posities = [(b, *self.positie(b)) for b in buren]
        kwetsbare = [(b, i) for b, i, _ in posities if i is not None and i < KWETSBAAR_ONDER]
        groot_duur = duur >= GROOT_DUUR_PROGRAMMA and aandeel_duur >= AANDEEL_DUUR
        risico = groot_duur and bool(kwetsbare)
        namen = ", ".join(f"{b.naam} ({i:.2f})".replace(".", ",") for b, i in kwetsbare) or "geen"
        ui = IndicatorWaarde(
            naam="uitstraling naar buurwijken", eenheid="woningen", voor=None, na=float(duur), richting="−" if risico else "0",
            definitie=f"een programma van ten minste {GROOT_DUUR_PROGRAMMA} dure woningen dat ten minste {AANDEEL_DUUR:.0f} % "
                      "van het initiatief is, naast kwetsbare aangrenzende wijken, trekt de sterkste huishoudens uit die wijken "
                      "weg (omgevingsvisie §3.3)",
            toelichting=f"{duur} dure woningen ({_pct(aandeel_duur)}); kwetsbare buurwijken: {namen}",
            bronnen=[x for _, _, br in posities for x in br])
        buur = MechanismeEffect(nummer=4, naam=MECHANISMEN[4], gebied="aangrenzende wijken: " + (", ".join(b.naam for b in buren) or "geen"),
                                effect="−" if risico else "0",
                                toelichting=("trekt naar verwachting sterke huishoudens weg uit " + ", ".join(b.naam for b, _ in kwetsbare))
                                if risico else ui.toelichting, indicatoren=[ui])
        self.waarden["aandeel dure woningen initiatief"] = aandeel_duur if nieuw else 0.0
        return eigen, buur

    # -- 5
    def adaptief(self) -> MechanismeEffect:
        o = self.o
        assert o is not None
        maatregelen = sorted(set(o.maatregelen))
        nieuwe_vormen = _som(o.woningen_erbij, lambda x: x.woonvorm in BIJZONDER)
        compenseert = {"waterberging", "klimaatadaptief ontwerp", "groen dak"} & set(maatregelen)
        groenverlies = o.groen_eraf_m2 > o.groen_erbij_m2 and not compenseert
        ma = IndicatorWaarde(naam="duurzaamheidsmaatregelen", eenheid="aantal", voor=None, na=float(len(maatregelen)),
                             definitie="aantal verschillende maatregelen voor duurzaamheid, klimaatadaptatie en natuurinclusief bouwen",
                             richting="+" if maatregelen else "0",
                             toelichting=", ".join(maatregelen) or "geen maatregelen", bronnen=["initiatief: onderbouwing.maatregelen"])
        nv = IndicatorWaarde(naam="nieuwe woonvormen", eenheid="woningen", voor=None, na=float(nieuwe_vormen),
                             definitie="woningen in een nieuwe woonvorm: knarrenhof, tiny house, woon-werkwoning, zorgwoning",
                             richting="+" if nieuwe_vormen else "0", toelichting=f"{nieuwe_vormen} woningen in een nieuwe woonvorm",
                             bronnen=["initiatief: onderbouwing.woningen_erbij"])
        gv = IndicatorWaarde(naam="groenverlies zonder compensatie", eenheid="ja/nee", voor=None, na=1.0 if groenverlies else 0.0,
                             definitie="er verdwijnt meer groen dan erbij komt, zonder waterberging, groen dak of klimaatadaptief ontwerp",
                             richting="−" if groenverlies else "0",
                             toelichting="groen verdwijnt zonder compensatie" if groenverlies else "geen ongecompenseerd groenverlies",
                             bronnen=["initiatief: onderbouwing"])
        tekens = [ma.richting, nv.richting, gv.richting]
        effect: Effect = "−" if gv.richting == "−" and "+" not in tekens[:2] else ("+" if "+" in tekens[:2] else "0")
        return MechanismeEffect(nummer=5, naam=MECHANISMEN[5], gebied=self.wijk.naam if self.wijk else "initiatief", effect=effect,
                                toelichting=f"{ma.toelichting}; {nv.toelichting}; {gv.toelichting}", indicatoren=[ma, nv, gv])


def _hoofdlijnen(o: Onderbouwing, mech: dict[int, MechanismeEffect], gebieden: frozenset[str]) -> list[HoofdlijnUitkomst]:
    erbij = _som(o.woningen_erbij)
    groene = {"groen dak", "natuurinclusief bouwen", "waterberging", "klimaatadaptief ontwerp"} & set(o.maatregelen)
    kern = {x.sector for x in o.werkruimte_erbij} - {"overig"}
    gronden = {
        "Zoetermeer is mijn thuis": (erbij > 0, f"{erbij} woningen erbij voor Zoetermeerders"),
        "duurzame stad in en tussen de parken": (o.groen_erbij_m2 > o.groen_eraf_m2 or bool(groene),
                                                 "groen erbij of maatregelen: " + (", ".join(sorted(groene)) or "geen")),
        "palet van wijken en buurten": (mech.get(1) is not None and mech[1].effect == "+", "de woningvoorraad van de wijk wordt diverser"),
        "doorlopende ontplooiingskansen": ("Health" in kern or "ICT" in kern, "werkruimte in " + (", ".join(sorted(kern)) or "geen kernsector")),
        "stad van toegepaste innovatie": (bool({"ICT"} & kern) or bool({"energieneutraal", "circulair bouwen"} & set(o.maatregelen)),
                                          "ICT-werkruimte, energieneutraal of circulair bouwen"),
        "Zoetermeer regiostad": (bool({"centrum", "Entreegebied"} & gebieden) and (erbij >= 100 or bool(o.werkruimte_erbij)),
                                 "een regionale functie in het Stadshart of het Entreegebied"),
    }
    gesteld = {h.hoofdlijn: h.toelichting for h in o.hoofdlijnen}
    uit = []
    for h in HOOFDLIJNEN:
        ja, grond = gronden[h]
        if ja:
            uit.append(HoofdlijnUitkomst(hoofdlijn=h, gediend=True, grond="toets", toelichting=grond))
        elif h in gesteld:
            uit.append(HoofdlijnUitkomst(hoofdlijn=h, gediend=False, grond="aanvrager",
                                         toelichting=f"gesteld door de aanvrager, niet vastgesteld door de toets: {gesteld[h]}"))
        else:
            uit.append(HoofdlijnUitkomst(hoofdlijn=h, gediend=False, grond="geen", toelichting="geen bijdrage gevonden"))
    return uit


def meet(cijfers: Wijkcijfers | None, geom, onderbouwing: Onderbouwing | None, aantal_woningen: float | None,  # type: ignore[no-untyped-def]
         gebieden: frozenset[str]) -> Meting:
    """Measure the five mechanisms for an initiative at ``geom`` (RD)."""
    wijk = cijfers.wijk_van(geom) if cijfers is not None else None
    buren = cijfers.buren(wijk) if cijfers is not None and wijk is not None else []
    m = _Meter(cijfers, wijk, onderbouwing, aantal_woningen)
    gebied = wijk.naam if wijk else "onbekende wijk"
    ontbreekt: list[str] = []
    if onderbouwing is None:
        ontbreekt.append("de onderbouwing (artikel 8.4): woningen erbij en eraf naar segment en woonvorm, werkruimte naar sector, "
                         "groen erbij en eraf, maatregelen en hoofdlijnen ('onderbouwing' in het voorstel)")
    if cijfers is None:
        ontbreekt.append("wijkcijfers in het plan (data/wijkcijfers.json)")
    elif wijk is None:
        ontbreekt.append("een wijk met cijfers op deze locatie")
    if ontbreekt:
        kort = ["zie 'nog nodig'"]
        mech = [m.onbekend(n, gebied, kort) for n in MECHANISMEN]
        buur = [m.onbekend(4, "aangrenzende wijken", kort)]
        return Meting(wijk, buren, mech, buur, [], {k: None for k in INDICATOREN}, ontbreekt)
    assert onderbouwing is not None
    woning_fout = m.woningen_ontbreken()
    per: dict[int, MechanismeEffect] = {}
    if woning_fout:
        per[1] = m.onbekend(1, gebied, woning_fout)
        per[2] = m.onbekend(2, gebied, woning_fout)
        eigen4, buur4 = m.onbekend(4, gebied, woning_fout), m.onbekend(4, "aangrenzende wijken", woning_fout)
        ontbreekt += woning_fout
    else:
        per[1] = m.woonaantrekkelijkheid()
        per[2] = m.sociaaleconomische_kracht()
        eigen4, buur4 = m.verschillen(buren)
    per[3] = m.werkgelegenheid()
    per[4] = eigen4
    per[5] = m.adaptief()
    mech = [per[n] for n in sorted(per)]
    for x in mech + [buur4]:
        ontbreekt += [o for o in x.ontbreekt if o not in ontbreekt]
    hoofdlijnen = _hoofdlijnen(onderbouwing, per, gebieden)
    bekend = all(x.effect != "?" for x in mech) and buur4.effect != "?"
    nieuw = _som(onderbouwing.woningen_erbij)
    waarden: dict[str, float | None] = {k: None for k in INDICATOREN}
    waarden.update(m.waarden)
    waarden.update({
        "aantal verbeterde mechanismen": float(sum(x.effect == "+" for x in mech)) if bekend else None,
        "aantal verslechterde mechanismen": float(sum(x.effect == "−" for x in mech)) if bekend else None,
        "aantal verslechterde mechanismen buurwijken": float(buur4.effect == "−") if bekend else None,
        "aantal gediende hoofdlijnen": float(sum(h.gediend for h in hoofdlijnen)),
        "aandeel koopwoningen initiatief": 100 * _som(onderbouwing.woningen_erbij, lambda x: x.segment not in HUUR) / nieuw if nieuw else 0.0,
        "toegevoegde woningen": float(nieuw - _som(onderbouwing.woningen_eraf)),
    })
    for nr, naam in _EFFECTNAAM.items():
        e = per[nr].effect
        waarden[naam] = None if e == "?" else (1.0 if e == "+" else -1.0 if e == "−" else 0.0)
    return Meting(wijk, buren, mech, [buur4], hoofdlijnen, waarden, ontbreekt)

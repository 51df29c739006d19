"""The resolver: every plan error is found when the plan loads, all at once, with its position."""

from __future__ import annotations

import pytest

from planhulp import GEBIEDEN, MINI_PLAN
from regels import PlanFouten, plan_uit_tekst


def _fouten(tekst: str) -> list[str]:
    with pytest.raises(PlanFouten) as e:
        plan_uit_tekst(tekst, GEBIEDEN, "t.regels")
    return [f.render() for f in e.value.fouten if f.ernst == "fout"]


def _vervang(oud: str, nieuw: str) -> str:
    assert oud in MINI_PLAN, oud
    return MINI_PLAN.replace(oud, nieuw, 1)


def test_mini_plan_loads(mini_plan):
    assert mini_plan.titel == "Testplan" and len(mini_plan.regels) == 6
    assert mini_plan.voorouders("bouwen van een hoofdgebouw") == ["bouwen van een hoofdgebouw", "bouwen"]
    assert [r.id for r in mini_plan.regels_voor("bouwen van een hoofdgebouw")][:2] == ["art2.1-lid1-r1", "art2.4-r1"]


CASES = [
    ("onbekende activiteit", _vervang('regel "bouwen van een hoofdgebouw" in "woonwijken"', 'regel "bouwen van een hoofdgebow" in "woonwijken"'),
     ["onbekende activiteit 'bouwen van een hoofdgebow'", "bedoelt u 'bouwen van een hoofdgebouw'"]),
    ("onbekend gebied", _vervang('in "woonwijken" is vergunningplichtig\n        eis bouwhoogte', 'in "woonwijk" is vergunningplichtig\n        eis bouwhoogte'),
     ["onbekend gebied 'woonwijk'", "bedoelt u 'woonwijken'"]),
    ("onbekend begrip", _vervang("eis bouwlagen <= 3", "eis bouwlaag <= 3"), ["onbekend begrip of onbekende norm 'bouwlaag'", "'bouwlagen'"]),
    ("eenheid m tegen m2", _vervang("eis bouwhoogte <= maximum bouwhoogte", "eis bouwhoogte <= 50 m2"),
     ["eenheden passen niet", "lengte (m)", "oppervlakte (m2)"]),
    ("eenheid aantal tegen m", _vervang("eis bouwlagen <= 3", "eis bouwlagen <= 3 m"), ["eenheden passen niet", "aantal"]),
    ("normwaarde met verkeerde eenheid", _vervang("waarde 15 m in", "waarde 15 m2 in"), ["de waarde is oppervlakte (m2)", "lengte (m)"]),
    ("deel geen percentage", _vervang("50 % van perceeloppervlak", "50 m van perceeloppervlak"), ["moet het deel een percentage zijn"]),
    ("keuze bestaat niet", _vervang('als functie = "kantoor"', 'als functie = "kantoren"'), ["'kantoren' is geen keuze van 'functie'", "bedoelt u 'kantoor'"]),
    ("keuze met <", _vervang('als functie = "kantoor"', 'als functie < "kantoor"'), ["een keuze vergelijk je alleen met = of !="]),
    ("ja/nee met getal", _vervang("eis groen dak = ja", "eis groen dak = 1"), ["is ja/nee; vergelijk met ja of nee"]),
    ("dubbel artikel", _vervang('artikel 2.3 "Kern"', 'artikel 2.2 "Kern"'), ["artikel 2.2 bestaat al", "t.regels:"]),
    ("dubbel lid", _vervang('lid 2 "Bebouwing', 'lid 1 "Bebouwing'), ["heeft al een lid 1"]),
    ("dubbel begrip", _vervang('begrip "bebouwd oppervlak" eenheid m2', 'begrip "bouwhoogte" eenheid m2'), ["'bouwhoogte' is al gedeclareerd"]),
    ("dubbele activiteit", _vervang('activiteit "gebruiken"', 'activiteit "bouwen"'), ["activiteit 'bouwen' is al gedeclareerd"]),
    ("dubbel gebied", _vervang('gebied "kern" uit', 'gebiedengroep "west" bestaat uit "oost"\ngebied "kern" uit'), ["de naam 'west' is al gebruikt"]),
    ("kring in activiteiten", _vervang('activiteit "bouwen"\n', 'activiteit "bouwen" valt onder "bouwen van een hoofdgebouw"\n'),
     ["de activiteitenboom bevat een kring", "→"]),
    ("onbekende bovenliggende", _vervang('activiteit "gebruiken"', 'activiteit "gebruiken" valt onder "gebruik"'), ["onbekende bovenliggende activiteit 'gebruik'"]),
    ("afwijking naar onbekend artikel", _vervang("in afwijking van artikel 2.1 lid 2", "in afwijking van artikel 9.9"), ["artikel 9.9 bestaat niet"]),
    ("afwijking naar onbekend lid", _vervang("in afwijking van artikel 2.1 lid 2", "in afwijking van artikel 2.1 lid 7"), ["heeft geen lid 7"]),
    ("overlappende normwaarden", _vervang('waarde 15 m in "oost"', 'waarde 15 m in "gemeente"'), ["de waarden van norm 'maximum bouwhoogte' overlappen"]),
    ("gebied niet in bestand", _vervang('gebied "kern" uit "gebieden.geojson"', 'gebied "kernen" uit "gebieden.geojson"\ngebied "kern" uit "gebieden.geojson"'),
     ["heeft geen feature met naam 'kernen'"]),
    ("overlappende versies", _vervang('versie "1" geldig vanaf 2024-01-01 tot 2025-12-31', 'versie "1" geldig vanaf 2024-01-01 tot 2026-01-01'),
     ["overlapt met versie '1'"]),
    ("geen regelingsgebied", _vervang('  regelingsgebied "gemeente"\n', ""), ["noemt geen regelingsgebied"]),
    ("twee keer geldig", _vervang("      geldig vanaf 2026-01-01\n", "      geldig vanaf 2026-01-01\n      geldig vanaf 2027-01-01\n"),
     ["maar één 'geldig vanaf'"]),
    ("afwijken van zichzelf", _vervang("in afwijking van artikel 2.1 lid 2", "in afwijking van artikel 2.2"), ["kan niet afwijken van het artikel"]),
]


@pytest.mark.parametrize("naam,tekst,woorden", CASES, ids=[c[0] for c in CASES])
def test_plan_errors(naam, tekst, woorden):
    fouten = _fouten(tekst)
    assert fouten, naam
    alles = "\n".join(fouten)
    for w in woorden:
        assert w in alles, alles
    assert all(":" in f.splitlines()[0] for f in fouten)


def test_all_resolver_errors_come_together():
    tekst = _vervang("eis bouwlagen <= 3", "eis bouwlaag <= 3 m2")
    tekst = tekst.replace('regel "gebruiken" in "oost"', 'regel "gebruik" in "oosten"')
    fouten = _fouten(tekst)
    assert len(fouten) == 3


def test_error_shows_source_line_and_caret():
    f = _fouten(_vervang("eis bouwlagen <= 3", "eis bouwlaag <= 3"))[0]
    regel1, regel2, regel3 = f.splitlines()
    assert regel1.startswith("t.regels:") and "eis bouwlaag <= 3" in regel2 and regel3.strip() == "^"


BOTSING = MINI_PLAN + '''
  artikel 2.6 "Tweede uitzondering"
    regel "bouwen van een bijbehorend bouwwerk" in "woonwijken" is meldingsplichtig
      in afwijking van artikel 2.1 lid 2
'''


def test_exceptions_that_can_conflict_are_an_error_at_load():
    fouten = _fouten(BOTSING)
    assert any("wijken allebei af van artikel 2.1 lid 2" in f and "kunnen tegelijk gelden" in f for f in fouten)


def test_exceptions_with_exclusive_conditions_are_fine():
    tekst = BOTSING.replace('is meldingsplichtig\n      in afwijking', 'is meldingsplichtig\n      als bouwhoogte > 3 m\n      in afwijking')
    assert plan_uit_tekst(tekst, GEBIEDEN, "t.regels")


def test_exceptions_ordered_explicitly_are_fine():
    tekst = BOTSING.replace("      in afwijking van artikel 2.1 lid 2\n'''", "")
    tekst = tekst.rstrip("\n") + "\n      in afwijking van artikel 2.2\n"
    assert plan_uit_tekst(tekst, GEBIEDEN, "t.regels")


def test_exceptions_in_separate_areas_are_fine():
    tekst = BOTSING.replace('"bouwen van een bijbehorend bouwwerk" in "woonwijken" is meldingsplichtig', '"bouwen van een bijbehorend bouwwerk" in "oost" is meldingsplichtig')
    assert plan_uit_tekst(tekst, GEBIEDEN, "t.regels")


def test_exceptions_in_separate_periods_are_fine():
    tekst = MINI_PLAN.replace("      als bouwhoogte <= 3 m\n      in afwijking", "      geldig vanaf 2024-01-01 tot 2025-12-31\n      in afwijking")
    tekst += '''
  artikel 2.6 "Later"
    regel "bouwen van een bijbehorend bouwwerk" in "west" is meldingsplichtig
      geldig vanaf 2026-01-01
      in afwijking van artikel 2.1 lid 2
'''
    assert plan_uit_tekst(tekst, GEBIEDEN, "t.regels")


def test_norm_gap_is_a_warning_not_an_error():
    tekst = MINI_PLAN.replace('        waarde 15 m in "oost"\n', "")
    plan = plan_uit_tekst(tekst, GEBIEDEN, "t.regels")
    assert any("heeft geen waarde in" in w.bericht and w.ernst == "waarschuwing" for w in plan.waarschuwingen)


def test_content_hash_changes_with_text_and_not_with_layout(mini_plan):
    zelfde = plan_uit_tekst(MINI_PLAN.replace("  ", "    "), GEBIEDEN, "mini.regels")
    ander = plan_uit_tekst(MINI_PLAN.replace("waarde 10 m", "waarde 11 m"), GEBIEDEN, "mini.regels")
    assert zelfde.inhoudshash == mini_plan.inhoudshash != ander.inhoudshash

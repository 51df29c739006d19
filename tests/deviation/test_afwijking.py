"""The deviation clause on the bundled plan: verdicts and their evidence for the issue's cases."""

from __future__ import annotations

import copy
import json

import pytest

from planhulp import ROOT
from regels import evaluate, lees_voorstel, load_plan

VOORBEELDEN = ROOT / "voorbeelden"


@pytest.fixture(scope="module")
def plan():
    return load_plan()


def laad(naam: str) -> dict:
    return json.loads((VOORBEELDEN / naam).read_text(encoding="utf-8"))


def toets(plan, data):
    return evaluate(plan, lees_voorstel(data))


def effecten(a) -> dict[int, str]:
    return {m.nummer: m.effect for m in a.mechanismen}


def test_knarrenhof_in_meerzicht_above_the_height_limit_may_deviate(plan):
    u = toets(plan, laad("afwijking-knarrenhof-meerzicht.json"))
    a = u.afwijking
    assert u.oordeel == "past niet" and a.verdict == "afwijken mogelijk"
    assert {r.citaat for r in a.regels} == {"artikel 3.3 lid 1", "artikel 5.2 lid 1"} and all(r.afwijkbaar for r in a.regels)
    assert a.wijk == "Meerzicht" and "Centrum" in a.buurwijken
    assert effecten(a) == {1: "+", 2: "+", 3: "0", 4: "+", 5: "+"}
    assert a.mechanismen_buurwijken[0].effect == "0"
    assert any("aandeel koopwoningen initiatief >= 50 %" in m for m in a.mits)
    assert a.samenvatting.startswith("afwijken van artikel 3.3 lid 1, artikel 5.2 lid 1 mogelijk, mits")
    # the evidence: definitions, values before and after, and the data with source and year
    div = a.mechanismen[0].indicatoren[0]
    assert div.naam == "diversiteit woningvoorraad" and div.voor < div.na
    assert any("CBS, Kerncijfers wijken en buurten 2022" in b and "peildatum 2022-01-01" in b for b in div.bronnen)
    koop = a.mechanismen[1].indicatoren[0]
    assert koop.voor == 45.0 and koop.na > 45.0 and "huuroverschot" in koop.toelichting


def test_tower_of_expensive_flats_in_the_entreegebied_draws_households_from_neighbours(plan):
    a = toets(plan, laad("afwijking-woontoren-entreegebied.json")).afwijking
    assert a.verdict == "afwijken niet mogelijk"
    assert a.mechanismen_buurwijken[0].effect == "−"
    assert "Meerzicht" in a.mechanismen_buurwijken[0].toelichting
    assert any("aantal verslechterde mechanismen buurwijken = 0" in x for x in a.omdat)
    assert all(r.afwijkbaar for r in a.regels)  # the rules could be departed from; the mechanisms say no


def test_smaller_expensive_programme_does_not_draw_households_away(plan):
    data = laad("afwijking-woontoren-entreegebied.json")
    data["onderbouwing"]["woningen_erbij"] = [{"segment": "dure koop", "woonvorm": "appartement", "aantal": 40},
                                              {"segment": "middenhuur", "woonvorm": "appartement", "aantal": 100},
                                              {"segment": "sociale huur", "woonvorm": "appartement", "aantal": 100}]
    a = toets(plan, data).afwijking
    assert a.mechanismen_buurwijken[0].effect == "0"


def test_office_turned_into_mixed_homes_in_buytenwegh(plan):
    a = toets(plan, laad("afwijking-kantoor-naar-woningen-buytenwegh.json")).afwijking
    assert a.verdict == "afwijken mogelijk" and a.wijk == "Buytenwegh de Leyens"
    werk = a.mechanismen[2]
    assert werk.effect == "+" and "4200 m2 leegstand omgezet" in werk.toelichting


def test_office_conversion_that_removes_used_office_space_worsens_employment(plan):
    data = laad("afwijking-kantoor-naar-woningen-buytenwegh.json")
    data["onderbouwing"]["werkruimte_eraf"][0]["leegstaand"] = False
    a = toets(plan, data).afwijking
    assert a.mechanismen[2].effect == "−" and a.verdict == "afwijken niet mogelijk"


def test_bedrijfsverzamelgebouw_in_a_woonwijk(plan):
    a = toets(plan, laad("afwijking-bedrijfsverzamelgebouw-seghwaert.json")).afwijking
    assert a.verdict == "afwijken mogelijk" and [r.citaat for r in a.regels] == ["artikel 4.3 lid 2"]
    assert effecten(a)[3] == "+"


def test_rule_that_may_never_be_departed_from(plan):
    a = toets(plan, laad("afwijking-niet-mogelijk-milieucategorie.json")).afwijking
    assert a.verdict == "afwijken niet mogelijk"
    nooit = [r for r in a.regels if not r.afwijkbaar]
    assert [r.citaat for r in nooit] == ["artikel 4.3 lid 1"] and "milieunorm" in nooit[0].reden


def test_missing_onderbouwing_is_insufficiently_substantiated_never_a_guess(plan):
    a = toets(plan, laad("afwijking-onvoldoende-onderbouwd.json")).afwijking
    assert a.verdict == "onvoldoende onderbouwd" and "de onderbouwing (artikel 8.4)" in a.ontbreekt[0]
    assert all(m.effect == "?" for m in a.mechanismen)


def test_dwellings_in_facts_but_not_in_onderbouwing(plan):
    data = laad("afwijking-knarrenhof-meerzicht.json")
    data["onderbouwing"]["woningen_erbij"] = data["onderbouwing"]["woningen_erbij"][:1]  # 8 of the 24
    a = toets(plan, data).afwijking
    assert a.verdict == "onvoldoende onderbouwd"
    assert any("de onderbouwing noemt 8 woningen, de feiten 24" in x for x in a.ontbreekt)


def test_too_few_owner_occupied_homes_in_a_wijk_with_a_rental_surplus(plan):
    data = laad("afwijking-knarrenhof-meerzicht.json")
    data["onderbouwing"]["woningen_erbij"] = [{"segment": "sociale huur", "woonvorm": "knarrenhof", "aantal": 16},
                                              {"segment": "middeldure koop", "woonvorm": "knarrenhof", "aantal": 8}]
    a = toets(plan, data).afwijking
    assert a.verdict == "afwijken niet mogelijk"
    assert any("aandeel koopwoningen initiatief >= 50 %" in x for x in a.omdat)


def test_no_assessment_when_every_rule_is_met(plan):
    assert toets(plan, laad("past-dakopbouw-rokkeveen.json")).afwijking is None


def test_thresholds_live_in_the_plan_text(plan, tmp_path):
    """Legal staff change a threshold by editing the plan: no code."""
    import shutil
    kopie = tmp_path / "plan"
    shutil.copytree(ROOT / "rules" / "zoetermeer", kopie)
    pad = kopie / "08-afwijken.regels"
    pad.write_text(pad.read_text(encoding="utf-8").replace("eis aandeel koopwoningen initiatief >= 50 %",
                                                           "eis aandeel koopwoningen initiatief >= 70 %"), encoding="utf-8")
    a = evaluate(load_plan(kopie), lees_voorstel(laad("afwijking-knarrenhof-meerzicht.json"))).afwijking
    assert a.verdict == "afwijken niet mogelijk" and any(">= 70 %" in x for x in a.omdat)


def test_indicators_outside_an_afwijkingsregel_are_an_error(tmp_path):
    import shutil
    from regels import PlanFouten
    kopie = tmp_path / "plan"
    shutil.copytree(ROOT / "rules" / "zoetermeer", kopie)
    pad = kopie / "02-wonen.regels"
    pad.write_text(pad.read_text(encoding="utf-8").replace("eis terugligging >= 1 m", "eis aantal gediende hoofdlijnen >= 1"), encoding="utf-8")
    with pytest.raises(PlanFouten, match="kan alleen in een 'afwijkingsregel' staan"):
        load_plan(kopie)


def test_unknown_indicator_in_an_afwijkingsregel(tmp_path):
    import shutil
    from regels import PlanFouten
    kopie = tmp_path / "plan"
    shutil.copytree(ROOT / "rules" / "zoetermeer", kopie)
    pad = kopie / "08-afwijken.regels"
    pad.write_text(pad.read_text(encoding="utf-8").replace("eis aantal verbeterde mechanismen >= 1", "eis aantal betere mechanismen >= 1"), encoding="utf-8")
    with pytest.raises(PlanFouten, match="onbekend begrip, norm of indicator 'aantal betere mechanismen'; bedoelt u 'aantal verbeterde mechanismen'"):
        load_plan(kopie)


@pytest.mark.parametrize("pad,waarde,woord", [
    (("onderbouwing", "woningen_erbij", 0, "segment"), "luxe", "verwacht een van"),
    (("onderbouwing", "groen_erbij_m2"), -5, "moet minstens 0 zijn"),
    (("onderbouwing", "hoofdlijnen", 0, "toelichting"), "kort", "moet minstens 10 teken(s) lang zijn"),
])
def test_bad_onderbouwing_names_the_json_path(plan, pad, waarde, woord):
    from regels import VoorstelFout
    data = copy.deepcopy(laad("afwijking-knarrenhof-meerzicht.json"))
    d = data
    for p in pad[:-1]:
        d = d[p]
    d[pad[-1]] = waarde
    with pytest.raises(VoorstelFout) as e:
        lees_voorstel(data)
    f = e.value.fouten[0]
    assert f.pad == ".".join(str(p) for p in pad).replace(".0.", "[0].") and woord in f.bericht

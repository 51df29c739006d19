"""The evaluator on the small test plan: applicability, outcomes, conclusions and every input failure."""

from __future__ import annotations

import datetime as dt

import pytest

from planhulp import GEBIEDEN, MINI_PLAN, X0, Y0, m, voorstel
from regels import LocatieFout, PeildatumFout, VoorstelFout, evaluate, lees_voorstel, plan_uit_tekst

HOOFDGEBOUW = "bouwen van een hoofdgebouw"
BIJGEBOUW = "bouwen van een bijbehorend bouwwerk"
OOST = (X0 + 750, Y0 + 500)
GRENS = (X0 + 500, Y0 + 500)
KERN = (X0 + 150, Y0 + 150)
VOLLEDIG = {"functie": "wonen", "bouwhoogte": m(9), "bouwlagen": 2, "bebouwd oppervlak": m(40, "m2"), "perceeloppervlak": m(100, "m2")}


def check(plan, *args, op=None, **kw):
    """Evaluate a proposal built by ``planhulp.voorstel``; ``op`` is the peildatum given to evaluate()."""
    return evaluate(plan, lees_voorstel(voorstel(*args, **kw)), op)


def regel(uitkomst, citaat):
    return next(r for a in uitkomst.activiteiten for r in a.regels if r.citaat == citaat)


def test_fits(mini_plan):
    u = check(mini_plan, [HOOFDGEBOUW], VOLLEDIG)
    a = u.activiteiten[0]
    assert (u.oordeel, a.conclusie, a.oordeel) == ("past", "Vergunningplicht", "past")
    assert {r.citaat: r.status for r in a.regels} == {"artikel 2.1 lid 1": "voldoet", "artikel 2.1 lid 2": "voldoet"}
    assert regel(u, "artikel 2.1 lid 1").eisen[0].toelichting == "bouwhoogte 9 m <= maximum bouwhoogte 10 m"


def test_does_not_fit_cites_values_and_article(mini_plan):
    u = check(mini_plan, [HOOFDGEBOUW], {**VOLLEDIG, "bouwhoogte": m(11)})
    assert u.oordeel == "past niet"
    r = regel(u, "artikel 2.1 lid 1")
    assert r.status == "voldoet niet" and r.afwijkbaar
    assert r.eisen[0].toelichting == "bouwhoogte 11 m > maximum bouwhoogte 10 m"
    assert "artikel 2.1 lid 1" in u.activiteiten[0].toelichting


def test_norm_value_depends_on_location(mini_plan):
    assert check(mini_plan, [HOOFDGEBOUW], {**VOLLEDIG, "bouwhoogte": m(14)}, punt=OOST).oordeel == "past"


def test_units_are_converted(mini_plan):
    u = check(mini_plan, [HOOFDGEBOUW], {**VOLLEDIG, "bouwhoogte": m(950, "cm"), "perceeloppervlak": m(0.01, "ha")})
    assert u.oordeel == "past"


def test_boundary_point_lies_in_both_areas_and_must_meet_both_norms(mini_plan):
    u = check(mini_plan, [HOOFDGEBOUW], {**VOLLEDIG, "bouwhoogte": m(12)}, punt=GRENS)
    assert {"west", "oost"} <= set(u.locatie.gebieden)
    t = regel(u, "artikel 2.1 lid 1").eisen[0]
    assert t.status == "voldoet niet"
    assert "maximum bouwhoogte 10 m (in west)" in t.toelichting and "maximum bouwhoogte 15 m (in oost)" in t.toelichting


def test_incomplete_lists_missing_facts_with_definition(mini_plan):
    u = check(mini_plan, [HOOFDGEBOUW], {"bouwhoogte": m(9)})
    assert u.oordeel == "onvolledig" and u.activiteiten[0].oordeel == "onvolledig"
    namen = {f.naam: f for f in u.ontbrekende_feiten}
    assert set(namen) == {"bouwlagen", "bebouwd oppervlak", "perceeloppervlak"}
    assert namen["bouwlagen"].soort == "aantal" and namen["bouwlagen"].nodig_voor == ["artikel 2.1 lid 1"]
    assert "aantal bouwlagen" in namen["bouwlagen"].definitie


def test_rule_on_parent_activity_applies_to_child(mini_plan):
    u = check(mini_plan, [HOOFDGEBOUW], VOLLEDIG)
    assert regel(u, "artikel 2.1 lid 2").activiteit == "bouwen"


def test_rule_on_sibling_activity_does_not_apply(mini_plan):
    u = check(mini_plan, [BIJGEBOUW], {"bouwhoogte": m(2.5)})
    assert all(r.activiteit != HOOFDGEBOUW for r in u.activiteiten[0].regels)


def test_exception_sets_general_rule_aside(mini_plan):
    u = check(mini_plan, [BIJGEBOUW], {"bouwhoogte": m(2.5)})
    a = u.activiteiten[0]
    assert (a.conclusie, a.oordeel) == ("Toestemmingsvrij", "past")
    algemeen = regel(u, "artikel 2.1 lid 2")
    assert algemeen.status == "opzijgezet" and algemeen.opzijgezet_door == "artikel 2.2"


def test_exception_that_does_not_apply_leaves_general_rule(mini_plan):
    u = check(mini_plan, [BIJGEBOUW], {"bouwhoogte": m(4), "bebouwd oppervlak": m(60, "m2"), "perceeloppervlak": m(100, "m2")})
    assert regel(u, "artikel 2.2").status == "niet van toepassing"
    assert regel(u, "artikel 2.1 lid 2").status == "voldoet niet"
    assert regel(u, "artikel 2.1 lid 2").eisen[0].toelichting == "bebouwd oppervlak 60 m2 > 50 % van perceeloppervlak 100 m2 = 50 m2"
    assert u.activiteiten[0].conclusie == "Vergunningplicht"


def test_exception_with_unknown_condition_is_undetermined(mini_plan):
    u = check(mini_plan, [BIJGEBOUW], {"bebouwd oppervlak": m(20, "m2"), "perceeloppervlak": m(100, "m2")})
    assert regel(u, "artikel 2.2").status == "onbepaald"
    assert u.oordeel == "onvolledig" and [f.naam for f in u.ontbrekende_feiten] == ["bouwhoogte"]


def test_rule_validity_dates(mini_plan):
    voor = check(mini_plan, [BIJGEBOUW], {"bouwhoogte": m(2)}, punt=KERN, peildatum="2025-12-31")
    na = check(mini_plan, [BIJGEBOUW], {"bouwhoogte": m(2)}, punt=KERN, peildatum="2026-01-01")
    assert voor.oordeel == "past"
    assert (na.oordeel, na.activiteiten[0].conclusie) == ("past niet", "Verbod")
    assert na.bon.plan_versie == "2" and voor.bon.plan_versie == "1"


def test_peildatum_argument_overrides_proposal(mini_plan):
    u = check(mini_plan, [BIJGEBOUW], {"bouwhoogte": m(2)}, punt=KERN, op=dt.date(2026, 5, 1))
    assert u.bon.peildatum == dt.date(2026, 5, 1) and u.activiteiten[0].conclusie == "Verbod"


def test_peildatum_before_first_version_is_an_error(mini_plan):
    with pytest.raises(PeildatumFout, match="vóór de eerste versie"):
        check(mini_plan, [HOOFDGEBOUW], VOLLEDIG, peildatum="2023-12-31")


def test_condition_on_a_choice(mini_plan):
    kantoor = check(mini_plan, [HOOFDGEBOUW], {**VOLLEDIG, "functie": "kantoor", "groen dak": False}, punt=OOST)
    assert regel(kantoor, "artikel 2.4").status == "voldoet niet"
    assert regel(kantoor, "artikel 2.4").eisen[0].toelichting == "groen dak nee != ja"
    wonen = check(mini_plan, [HOOFDGEBOUW], {**VOLLEDIG, "functie": "wonen"}, punt=OOST)
    assert regel(wonen, "artikel 2.4").status == "niet van toepassing" and wonen.oordeel == "past"


def test_plan_leaves_it_to_the_officer(mini_plan):
    u = check(mini_plan, ["gebruiken"], {}, punt=OOST)
    assert (u.activiteiten[0].conclusie, u.oordeel) == ("NeemContactOpMet", "ter beoordeling")


def test_no_rules_means_toestemmingsvrij(mini_plan):
    u = check(mini_plan, ["gebruiken"], {})
    assert u.activiteiten[0].conclusie == "Toestemmingsvrij" and u.activiteiten[0].regels == []


def test_conflicting_exceptions_that_both_apply_are_reported():
    tekst = MINI_PLAN + '''
  artikel 2.6 "Uitzondering oost"
    regel "bouwen van een bijbehorend bouwwerk" in "oost" is meldingsplichtig
      in afwijking van artikel 2.1 lid 2
'''
    plan = plan_uit_tekst(tekst, GEBIEDEN, "t.regels")  # areas only touch: loads
    u = evaluate(plan, lees_voorstel(voorstel([BIJGEBOUW], {"bouwhoogte": m(2)}, punt=GRENS)))
    a = u.activiteiten[0]
    assert a.conflicten and set(a.conflicten[0].regels) == {"artikel 2.2", "artikel 2.6"}
    assert (a.conclusie, a.oordeel) == ("NeemContactOpMet", "ter beoordeling")


def test_location_outside_the_plan_is_an_error(mini_plan):
    with pytest.raises(LocatieFout, match="buiten het regelingsgebied"):
        check(mini_plan, [HOOFDGEBOUW], VOLLEDIG, punt=(X0 + 5000, Y0))


def test_location_partly_outside_is_flagged(mini_plan):
    vlak = {"type": "Polygon", "coordinates": [[[X0 - 10, Y0 + 10], [X0 + 10, Y0 + 10], [X0 + 10, Y0 + 30], [X0 - 10, Y0 + 30], [X0 - 10, Y0 + 10]]]}
    d = voorstel([HOOFDGEBOUW], VOLLEDIG)
    d["locatie"] = vlak
    u = evaluate(mini_plan, lees_voorstel(d))
    assert u.locatie.deels_buiten_plangebied and u.oordeel == "ter beoordeling"
    assert "deels buiten" in u.waarschuwingen[0]


def test_wgs84_location(mini_plan):
    from pyproj import Transformer
    lon, lat = Transformer.from_crs("EPSG:28992", "EPSG:4326", always_xy=True).transform(*OOST)
    d = voorstel([HOOFDGEBOUW], {**VOLLEDIG, "bouwhoogte": m(14)})
    d["locatie"] = {"type": "Point", "coordinates": [lon, lat], "crs": "EPSG:4326"}
    assert evaluate(mini_plan, lees_voorstel(d)).oordeel == "past"


@pytest.mark.parametrize("activiteiten,feiten,pad,woorden", [
    (["bouwen van een hoofdgebow"], {}, "activiteiten[0]", ["onbekende activiteit", "bedoelt u"]),
    ([HOOFDGEBOUW, HOOFDGEBOUW], {}, "activiteiten", ["meer dan eens"]),
    ([HOOFDGEBOUW], {"bouwhogte": m(3)}, "feiten.bouwhogte", ["onbekend begrip", "bedoelt u 'bouwhoogte'"]),
    ([HOOFDGEBOUW], {"bouwhoogte": m(3, "m2")}, "feiten.bouwhoogte.eenheid", ["'m2' is een eenheid van oppervlakte", "toegestaan: m, cm, mm, km"]),
    ([HOOFDGEBOUW], {"bouwhoogte": m(3, "voet")}, "feiten.bouwhoogte.eenheid", ["onbekende eenheid 'voet'"]),
    ([HOOFDGEBOUW], {"bouwhoogte": 3}, "feiten.bouwhoogte", ["heeft een eenheid"]),
    ([HOOFDGEBOUW], {"bouwlagen": m(3, "m")}, "feiten.bouwlagen", ["is een aantal"]),
    ([HOOFDGEBOUW], {"functie": "hotel"}, "feiten.functie", ["is een keuze", "'wonen'"]),
    ([HOOFDGEBOUW], {"groen dak": "ja"}, "feiten.groen dak", ["true of false"]),
    ([HOOFDGEBOUW], {"bouwhoogte": m(-3)}, "feiten.bouwhoogte.waarde", ["niet negatief"]),
])
def test_bad_proposal_facts_name_the_json_path(mini_plan, activiteiten, feiten, pad, woorden):
    with pytest.raises(VoorstelFout) as e:
        check(mini_plan, activiteiten, feiten)
    f = e.value.fouten[0]
    assert f.pad == pad
    for w in woorden:
        assert w in f.bericht, f.bericht


def test_receipt(mini_plan):
    u = check(mini_plan, [HOOFDGEBOUW], VOLLEDIG)
    assert u.bon.plan_hash == mini_plan.inhoudshash and u.bon.plan_werk == "/akn/nl/act/gm9999/2024/omgevingsplan"
    assert u.bon.peildatum == dt.date(2025, 6, 1)


def test_trace_records_each_step(mini_plan):
    u = check(mini_plan, [BIJGEBOUW], {"bouwhoogte": m(2.5)})
    soorten = [s.soort for s in u.trace]
    assert soorten == ["peildatum", "locatie", "activiteit"]
    stappen = u.trace[2].stappen
    assert any(s.soort == "uitzondering" and "wordt opzijgezet" in s.tekst for s in stappen)
    assert stappen[-1].soort == "conclusie"


def test_evaluate_is_pure(mini_plan):
    v = lees_voorstel(voorstel([HOOFDGEBOUW], VOLLEDIG))
    assert evaluate(mini_plan, v).model_dump() == evaluate(mini_plan, v).model_dump()

"""`regels import BASIS --wijziging …`: the Gemeentestad chain of wijzigingsbesluiten end to end, the other
samples under ../shared, and every refusal (wrong version, other regeling, unknown wId, ontwerp, intrekking)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from stophulp import GEMEENTESTAD, GM9920_UITWISSELPAKKET, STOP_TPOD, vereist_shared

from regels import load_plan
from regels.errors import MutatieFout, RegelingIngetrokken, XmlFout
from regels.evaluate import evaluate
from regels.model.regeling import Hoofdstuk, PlanKop, Versie
from regels.model.voorstel import lees_voorstel
from regels.stop.importeer import importeer

pytestmark = vereist_shared

GS = GEMEENTESTAD.parent
KETEN = ["opdracht_2", "opdracht_3a", "opdracht_3b", "opdracht_3c", "opdracht_3d", "opdracht_4a", "opdracht_4b",
         "opdracht_4c", "opdracht_10"]
LVBB_TEST = STOP_TPOD / "Geonovum+LVBB-test-repository"
SANITY = LVBB_TEST / "Sanity-check-testeiland"
TBO13 = LVBB_TEST / "TBO_Testeiland13"
INTREKKING_TRD = LVBB_TEST / "Intrekking_TijdelijkRegelingDeel"
Z3 = (138400.32, 424548.86)  # in 'Zuilichem industriegebied 3'


def _keten(tot: str | None = None) -> list[Path]:
    namen = KETEN if tot is None else KETEN[:KETEN.index(tot) + 1]
    return [GS / n for n in namen]


@pytest.fixture(scope="module")
def tot_4a():
    return importeer(GEMEENTESTAD, wijzigingen=_keten("opdracht_4a"))


@pytest.fixture(scope="module")
def tot_4b():
    return importeer(GEMEENTESTAD, wijzigingen=_keten("opdracht_4b"))


@pytest.fixture(scope="module")
def volledig():
    return importeer(GEMEENTESTAD, wijzigingen=_keten())


def _artikelen(uitslag) -> dict[str, tuple[str, object]]:
    """artikelnummer → (hoofdstuknummer, artikel)"""
    return {a.nummer: (h.nummer, a) for h in uitslag.regeling.items() if isinstance(h, Hoofdstuk) for a in h.artikelen()}


def _tekst(artikel) -> str:
    return " ".join([a.tekst for a in artikel.alineas] + [x for lid in artikel.leden for x in (lid.tekst, *(a.tekst for a in lid.alineas))])


def _voorstel(hoogte: float, peildatum: str = "2024-01-01"):
    return lees_voorstel({"omschrijving": "bedrijfsgebouw", "peildatum": peildatum,
                          "locatie": {"type": "Point", "coordinates": list(Z3)},
                          "activiteiten": ["bouwen van een bijgebouw"],
                          "feiten": {"bouwhoogte bedrijfsgebouw": {"waarde": hoogte, "eenheid": "m"}}})


# --- the chain ---------------------------------------------------------------------------------------------------


def test_the_gemeentestad_chain_applies_in_order(volledig):
    assert volledig.plan is not None, [f.render() for f in volledig.fouten]
    stappen = [(w.naam, w.soort, w.was.rsplit("@", 1)[-1], w.wordt.rsplit("@", 1)[-1]) for w in volledig.wijzigingen]
    assert stappen == [("opdracht_2", "wijziging", "1", "2"), ("opdracht_3a", "wijziging", "2", "3"),
                       ("opdracht_3b", "wijziging", "3", "4"), ("opdracht_3c", "wijziging", "4", "5"),
                       ("opdracht_3d", "wijziging", "5", "6"), ("opdracht_4a", "wijziging", "6", "7"),
                       ("opdracht_4b", "wijziging", "7", "8"), ("opdracht_4c", "wijziging", "8", "9"),
                       ("opdracht_10", "alleen OW", "9", "9")]
    # the plan is the regeling as it is now: version 9, in force from the last juridischWerkendVanaf
    kop = next(i for i in volledig.regeling.items() if isinstance(i, PlanKop))
    versie = next(r for r in kop.regels if isinstance(r, Versie))
    assert (versie.naam, versie.vanaf) == ("9", dt.date(2021, 1, 26))
    rapport = volledig.rapport_tekst()
    assert "## Wijzigingen toegepast (9)" in rapport and "opdracht_4c: wijziging" in rapport


def test_the_gemeentestad_versions_are_in_order(volledig):
    assert not any("eerdere versie" in r.bericht for r in volledig.rapport)


def test_opdracht_2_adds_renumbers_replaces_and_removes_articles():
    voor, na = importeer(GEMEENTESTAD), importeer(GEMEENTESTAD, wijzigingen=[GS / "opdracht_2"])
    a_voor, a_na = _artikelen(voor), _artikelen(na)
    # the new 2.5 is the melding article; the old 2.5 (the verbod) is renumbered to 2.6; the old 2.6 is gone
    assert a_voor["2.5"][1].titel == a_na["2.6"][1].titel == "Gebruiksactiviteiten die verboden zijn"
    assert a_na["2.5"][1].titel == "Gebruiksactiviteiten die zijn toegelaten na voorafgaande melding"
    # article 2.7: lid 2 removed, lid 3 renumbered to 2
    assert [lid.tekst for lid in a_voor["2.7"][1].leden] == ["Vergunningplichtige gebruiksactiviteiten", "Indieningsvereisten "
                                                             "aanvraag omgevingsvergunning", "Beoordelingsregels aanvraag "
                                                             "omgevingsvergunning"]
    assert [(lid.nummer, lid.tekst) for lid in a_na["2.7"][1].leden] == [
        ("1", "Vergunningplichtige gebruiksactiviteiten"), ("2", "Beoordelingsregels aanvraag omgevingsvergunning")]
    # article 10.1 removed from hoofdstuk 10 and a new text added after 7.2
    assert a_voor["10.1"][0] == "10" and a_na["10.1"][0] == "7"
    assert "nieuw toegevoegde versie" not in _tekst(a_voor["10.1"][1])
    assert _tekst(a_na["10.1"][1]).startswith("Dit is de nieuw toegevoegde versie n.a.v. mutatie 2e.")
    w = na.wijzigingen[0]
    assert [(t.actie, t.label) for t in w.tekst] == [
        ("toegevoegd", "artikel 2.5"), ("vervangen", "artikel 2.6"), ("verwijderd", "artikel 2.6"),
        ("vervangen", "artikel 2.7"), ("verwijderd", "artikel 10.1"), ("toegevoegd", "artikel 10.1")]
    assert w.tekst[1].was == "artikel 2.5"
    assert w.ow == [("vervangen", "Regeltekst", "nl.imow-gm0297.regeltekst.2019000004")]
    assert w.datum == dt.date(2020, 4, 7)
    assert na.plan is not None


def test_opdracht_3d_removes_an_article_with_its_gio():
    voor = importeer(GEMEENTESTAD, wijzigingen=_keten("opdracht_3c"))
    na = importeer(GEMEENTESTAD, wijzigingen=_keten("opdracht_3d"))
    assert "stikstofdioxide geldt in 'Zuilichem'" in _tekst(_artikelen(voor)["2.12"][1])
    assert _tekst(_artikelen(na)["2.12"][1]) == "Vervallen."  # the number and heading stay, the text lapses
    assert ("info", "artikel 2.12") in [(r.soort, r.waar) for r in na.rapport]
    w = na.wijzigingen[-1]
    assert ("vervallen", "artikel 2.12") in [(t.actie, t.label) for t in w.tekst]
    assert w.gios == [("ingetrokken", "/join/id/regdata/gm0297/2019/Zuilichem",
                       "/join/id/regdata/gm0297/2019/Zuilichem/nld@2019-06-18;3520")]
    assert ("beëindigd", "Gebiedengroep", "nl.imow-gm0297.gebiedengroep.zuilichem") in w.ow
    assert "gebieden/Zuilichem.geojson" in voor.geometrie and "gebieden/Zuilichem.geojson" not in na.geometrie
    assert "Zuilichem" in voor.plan.locaties and "Zuilichem" not in na.plan.locaties


def test_opdracht_4a_a_new_gio_version_moves_the_speelhal_area(tot_4a):
    voor = importeer(GEMEENTESTAD, wijzigingen=_keten("opdracht_3d"))
    assert round(voor.plan.locaties["exploiteren speelautomatenhal"].area) == 535573
    assert round(tot_4a.plan.locaties["exploiteren speelautomatenhal"].area) == 362598
    assert tot_4a.wijzigingen[-1].gios[0][:2] == ("nieuwe versie", "/join/id/regdata/gm0297/2019/Speelhal")


def test_opdracht_4b_sets_bouwhoogte_15_in_zuilichem_industriegebied_3(tot_4a, tot_4b):
    def waarde(uitslag) -> float:
        norm = uitslag.plan.normen["maximum bouwhoogte bedrijfsgebouw"]
        norm = norm[0] if isinstance(norm, tuple) else norm
        return next(w.waarde.waarde for w in norm.waarden if "Zuilichem industriegebied 3" in w.locaties)

    assert waarde(tot_4a) == 13 and waarde(tot_4b) == 15
    # a check of a proposal picks it up: 15 m does not fit before, fits after; 16 m never
    assert evaluate(tot_4a.plan, _voorstel(15)).oordeel == "past niet"
    assert evaluate(tot_4b.plan, _voorstel(15)).oordeel == "past"
    assert evaluate(tot_4b.plan, _voorstel(16)).oordeel == "past niet"
    # opdracht_4b gives Z3 a new geometry id in the GIO but leaves the OW Gebied on the old one: said so
    hersteld = [r for r in tot_4b.rapport if r.soort == "hersteld"]
    assert [r.waar for r in hersteld] == ["nl.imow-gm0297.gebied.2019000010"]
    assert "954BA8CC-6E90-4698-BEEC-005A65C63E98" in hersteld[0].bericht and "16BFFFFE" in hersteld[0].bericht


def test_opdracht_10_changes_only_ow(volledig):
    voor = importeer(GEMEENTESTAD, wijzigingen=_keten("opdracht_4c"))
    w = volledig.wijzigingen[-1]
    assert (w.soort, w.tekst, w.gios) == ("alleen OW", [], [])
    assert ("beëindigd", "Activiteit", "nl.imow-gm0297.activiteit.2019000760") in w.ow
    assert "opslaan van motorbrandstoffen niet zijnde lpg" in voor.plan.activiteiten
    assert "opslaan van motorbrandstoffen niet zijnde lpg" not in volledig.plan.activiteiten


def test_the_written_plan_loads_and_a_check_uses_the_changed_norm(tot_4b, tmp_path):
    tot_4b.schrijf_planmap(tmp_path / "gs")
    plan = load_plan(tmp_path / "gs")
    assert evaluate(plan, _voorstel(15)).oordeel == "past"
    assert "## Wijzigingen toegepast (7)" in (tmp_path / "gs" / "IMPORTRAPPORT.md").read_text(encoding="utf-8")


def test_a_wijziging_may_be_a_zip(tmp_path):
    z = tmp_path / "opdracht_2.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for p in (GS / "opdracht_2").iterdir():
            zf.write(p, p.name)
    uit_zip = importeer(GEMEENTESTAD, wijzigingen=[z])
    uit_map = importeer(GEMEENTESTAD, wijzigingen=[GS / "opdracht_2"])
    assert uit_zip.regeling == uit_map.regeling
    assert uit_zip.wijzigingen[0].naam == "opdracht_2.zip"


def test_intrekken_en_vervangen_continues_with_the_new_regeling():
    uit = importeer(GEMEENTESTAD, wijzigingen=[GS / "opdracht_0"])
    w = uit.wijzigingen[0]
    assert w.soort == "intrekken en vervangen"
    assert (w.was, w.wordt) == ("/akn/nl/act/gm0297/2019/reg456/nld@1", "/akn/nl/act/gm0297/2020/reg789/nld@2")
    kop = next(i for i in uit.regeling.items() if isinstance(i, PlanKop))
    assert ("werk", "/akn/nl/act/gm0297/2020/reg789") in [(getattr(r, "sleutel", ""), getattr(r, "waarde", "")) for r in kop.regels]
    assert ("nieuw", "/join/id/regdata/gm0297/2020/Bouwhoogte") in [g[:2] for g in w.gios]
    assert uit.plan is not None


def test_ow_only_delivery_of_another_sample():
    uit = importeer(TBO13 / "1_Initieel_Besluit", wijzigingen=[TBO13 / "3_DirecteMutatie"])
    assert uit.wijzigingen[0].soort == "alleen OW" and len(uit.wijzigingen[0].ow) == 2
    assert uit.plan is not None


def test_an_ow_delta_that_ends_an_unknown_object_or_holds_a_draft_is_reported(tmp_path):
    w = tmp_path / "opdracht_10"
    shutil.copytree(GS / "opdracht_10", w)
    f = w / "owActiviteiten-Gemeentestad.xml"
    tekst = f.read_text(encoding="utf-8")
    assert "nl.imow-gm0297.activiteit.2019000760<" in tekst
    tekst = tekst.replace("nl.imow-gm0297.activiteit.2019000760<", "nl.imow-gm0297.activiteit.bestaatniet<", 1)
    tekst = tekst.replace("<rol:Activiteit>", "<rol:Activiteit><ow:procedurestatus>ontwerp</ow:procedurestatus>", 1)
    f.write_text(tekst, encoding="utf-8")
    uit = importeer(GEMEENTESTAD, wijzigingen=_keten("opdracht_4c")[:-1] + [GS / "opdracht_4c", w])
    regels = {(r.soort, r.waar): r.bericht for r in uit.rapport}
    assert "bestaat niet in de regeling" in regels[("afwijking", "nl.imow-gm0297.activiteit.bestaatniet")]
    assert any(s == "overgeslagen" and "procedurestatus ontwerp" in b for (s, _), b in regels.items())
    assert uit.plan is not None


def test_an_ow_message_of_a_wijziging_is_reported_once(tmp_path):
    w = _opdracht_2_met(tmp_path, '<r:Regeltekst wId="gm0297_2__chp_2__subchp_2.2__art_2.5__para_1">', "<r:Regeltekst>",
                        "owRegeltekst.xml")
    uit = importeer(GEMEENTESTAD, wijzigingen=[w])
    regels = [(r.soort, r.waar) for r in uit.rapport if "Regeltekst zonder attribuut wId" in r.bericht]
    assert regels == [("afwijking", "opdracht_2/owRegeltekst.xml:25:1")]


# --- refusals -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("wijzigingen, fout, melding", [
    (["opdracht_3a"], MutatieFout,
     r"opdracht_3a/Wijzigingsbesluit-4527-1.xml:\d+: tekst:RegelingMutatie was=\"/akn/nl/act/gm0297/2019/reg456/nld@2\".*"
     r"gemaakt op versie nld@2 .*maar de ingelezen regeling is versie nld@1"),
    (["opdracht_2", "opdracht_2"], MutatieFout, r"opdracht_2/.*gemaakt op versie nld@1 .*ingelezen regeling is versie nld@2"),
    (KETEN + ["opdracht_11_Toekomst_2024"], MutatieFout,
     r"opdracht_11_Toekomst_2024/besluit.xml:\d+: .*versie nld@10 .*ingelezen regeling is versie nld@9"),
    (["opdracht_12_ontwerp"], MutatieFout, r"opdracht_12_ontwerp/besluit.xml: dit is een ontwerpbesluit"),
    (["opdracht"], MutatieFout, r"opdracht/akn_nl_bill_gm0297-3520-01.xml:\d+: tekst:RegelingCompact .*opnieuw vast"),
    (["opdracht_intrekking", "opdracht_2"], MutatieFout,
     r"opdracht_2: de regeling /akn/nl/act/gm0297/2019/reg456 is al ingetrokken door opdracht_intrekking"),
])
def test_gemeentestad_wijzigingen_that_do_not_fit_are_refused(wijzigingen, fout, melding):
    with pytest.raises(fout, match=melding):
        importeer(GEMEENTESTAD, wijzigingen=[GS / w for w in wijzigingen])


@pytest.mark.parametrize("basis, wijziging, melding", [
    # TBO_Testeiland13's wijzigingsbesluit changes gm9920, not the gm9913 of its own initial besluit
    (TBO13 / "1_Initieel_Besluit", TBO13 / "2_Wijzigingsbesluit",
     r"tekst:RegelingMutatie was=\"/akn/nl/act/gm9920/2021/TestReeksNummer1/nld@1\": deze wijziging is voor regeling "
     r"/akn/nl/act/gm9920/2021/TestReeksNummer1, maar de ingelezen regeling is /akn/nl/act/gm9913/2021/TestReeksNummer1"),
    (SANITY / "1_Initieel_Besluit", SANITY / "7_DirecteMutatie",
     r"7_DirecteMutatie/manifest-ow.xml: WorkIDRegeling /akn/nl/act/gm0297/2019/reg456: .*andere regeling"),
    # the Sanity-check wijziging points at wIds that its initial besluit does not have
    (SANITY / "1_Initieel_Besluit", SANITY / "2_Wijzigingsbesluit",
     r"2_Wijzigingsbesluit/Wijzigingsbesluit.xml:\d+: tekst:Vervang wat=\"gm9920_1__h_1__art_1-1\": de te vervangen wId "
     r"\"gm9920_1__h_1__art_1-1\" staat niet in de regeling"),
    (SANITY / "1_Initieel_Besluit", SANITY / "8_Afbreken", r"8_Afbreken: opdracht.xml is een breekPublicatieAfOpdracht"),
    (GEMEENTESTAD, GM9920_UITWISSELPAKKET, r"download van een geconsolideerde regeling"),
])
def test_wijzigingen_of_other_samples_that_do_not_fit_are_refused(basis, wijziging, melding):
    with pytest.raises(MutatieFout, match=melding):
        importeer(basis, wijzigingen=[wijziging])


def _kopie_met(tmp_path: Path, naam: str, *vervangingen: tuple[str, str, str]) -> Path:
    """A copy of the Gemeentestad delivery ``naam`` with, per (bestand, oud, nieuw), ``oud`` (a regular
    expression) replaced once by ``nieuw`` in ``bestand``."""
    w = tmp_path / naam
    shutil.copytree(GS / naam, w)
    for bestand, oud, nieuw in vervangingen:
        tekst = (w / bestand).read_text(encoding="utf-8")
        tekst, n = re.subn(oud, lambda _, nieuw=nieuw: nieuw, tekst, count=1, flags=re.DOTALL)
        assert n == 1, oud
        (w / bestand).write_text(tekst, encoding="utf-8")
    return w


def _opdracht_2_met(tmp_path: Path, oud: str, nieuw: str, bestand: str = "Mutatie_besluit_eerstewijziging.xml") -> Path:
    """A copy of Gemeentestad opdracht_2 with ``oud`` replaced once by ``nieuw`` in ``bestand``."""
    return _kopie_met(tmp_path, "opdracht_2", (bestand, re.escape(oud), nieuw))


ZONDER_TIJDSTEMPEL = r"<Tijdstempels>.*?</Tijdstempels>"


def test_a_wijziging_without_juridischwerkendvanaf_uses_the_bekendmaking_and_says_so(tmp_path):
    w = _kopie_met(tmp_path, "opdracht_2", ("Mutatie_besluit_eerstewijziging.xml", ZONDER_TIJDSTEMPEL, ""))
    uit = importeer(GEMEENTESTAD, wijzigingen=[w])
    v = uit.wijzigingen[0]
    # the bekendmaking (opdracht.xml) is the earliest the besluit can take effect, not its inwerkingtreding: used, reported
    assert (v.datum, v.datum_benaderd) == (dt.date(2022, 6, 24), "benaderd: datum van bekendmaking, het besluit noemt geen "
                                                                 "juridischWerkendVanaf")
    assert "juridisch werkend vanaf 2022-06-24 (benaderd: datum van bekendmaking" in v.samenvatting()
    assert v.als_dict()["juridisch_werkend_vanaf_benaderd"] == v.datum_benaderd
    benaderd = [r.bericht for r in uit.rapport if (r.soort, r.waar) == ("benaderd", "opdracht_2")]
    assert len(benaderd) == 1 and "geen datum van inwerkingtreding (juridischWerkendVanaf); de datum van bekendmaking " \
                                  "2022-06-24 (opdracht.xml, datumBekendmaking) is gebruikt" in benaderd[0]
    # without a bekendmaking either, the version keeps the date of the one before, with a warning
    w2 = _kopie_met(tmp_path / "zonder", "opdracht_2", ("Mutatie_besluit_eerstewijziging.xml", ZONDER_TIJDSTEMPEL, ""),
                    ("opdracht.xml", r"<datumBekendmaking>.*?</datumBekendmaking>", ""))
    uit2 = importeer(GEMEENTESTAD, wijzigingen=[w2])
    assert uit2.wijzigingen[0].datum is None
    assert any(r.soort == "afwijking" and "geen datum van inwerkingtreding" in r.bericht and "2020-01-14" in r.bericht
               for r in uit2.rapport)


def test_an_intrekking_without_juridischwerkendvanaf_says_its_date_is_the_bekendmaking(tmp_path):
    w = _kopie_met(tmp_path, "opdracht_intrekking", ("akn_nl_bill_gm0297-intrekking.xml", ZONDER_TIJDSTEMPEL, ""))
    with pytest.raises(RegelingIngetrokken, match=r"is ingetrokken \(juridisch werkend vanaf 2021-11-10; benaderd: datum "
                                                  r"van bekendmaking, het besluit noemt geen juridischWerkendVanaf\)"):
        importeer(GEMEENTESTAD, wijzigingen=[w])


def test_a_basis_without_juridischwerkendvanaf_reports_the_bekendmaking_it_uses(tmp_path):
    basis = _kopie_met(tmp_path, "opdracht", ("akn_nl_bill_gm0297-3520-01.xml", ZONDER_TIJDSTEMPEL, ""))
    uit = importeer(basis)
    kop = next(i for i in uit.regeling.items() if isinstance(i, PlanKop))
    assert next(r for r in kop.regels if isinstance(r, Versie)).vanaf == dt.date(2022, 6, 25)
    assert [(r.soort, r.waar) for r in uit.rapport if "datum van bekendmaking 2022-06-25" in r.bericht] == [
        ("benaderd", "opdracht.xml")]


def test_a_move_next_to_its_own_lid_is_refused_with_file_line_and_element(tmp_path):
    # artikel 2.7 moved after its own lid 1: an lxml ValueError (a traceback, exit 1) before
    w = _opdracht_2_met(tmp_path, '<Vervang wat="gm0297_1__chp_2__subchp_2.2__art_2.7">',
                        '<Vervang wat="gm0297_1__chp_2__subchp_2.2__art_2.7" positie="volgtOp" '
                        'context="gm0297_1__chp_2__subchp_2.2__art_2.7__para_1">')
    with pytest.raises(MutatieFout, match=r'opdracht_2/Mutatie_besluit_eerstewijziging.xml:204: tekst:Vervang '
                                          r'wat="gm0297_1__chp_2__subchp_2.2__art_2.7" .*ligt binnen artikel 2.7 zelf'):
        importeer(GEMEENTESTAD, wijzigingen=[w])
    from regels.stop.cli import import_
    r = CliRunner().invoke(import_, [str(GEMEENTESTAD), "--wijziging", str(w), "--uit", str(tmp_path / "gs")])
    assert r.exit_code == 3, r.output
    assert "ligt binnen artikel 2.7 zelf" in r.output and "Traceback" not in r.output
    assert not (tmp_path / "gs").exists()


def test_a_kennisgeving_is_no_wijziging():
    with pytest.raises(XmlFout, match="wijziging 5_KennisgevingOpWijzigingsbesluit: Kennisgeving01.xml: verwacht een "
                                      "lvbba:AanleveringBesluit, gevonden AanleveringKennisgeving"):
        importeer(SANITY / "1_Initieel_Besluit", wijzigingen=[SANITY / "5_KennisgevingOpWijzigingsbesluit"])


@pytest.mark.parametrize("basis, intrekking, datum", [
    (GEMEENTESTAD, GS / "opdracht_intrekking", dt.date(2021, 11, 14)),
    (INTREKKING_TRD / "001a_initieel_JWV verleden", INTREKKING_TRD / "001b_intrekking_JWV verleden", dt.date(2020, 4, 1)),
])
def test_an_intrekking_leaves_no_plan(basis, intrekking, datum):
    with pytest.raises(RegelingIngetrokken, match=rf"{intrekking.name}: de regeling .* is ingetrokken \(juridisch werkend "
                                                  rf"vanaf {datum}\).*geen plan geschreven") as e:
        importeer(basis, wijzigingen=[intrekking])
    assert [(v.naam, v.soort, v.datum) for v in e.value.verslagen] == [(intrekking.name, "intrekking", datum)]


def test_the_basis_itself_may_not_be_a_wijzigingsbesluit():
    with pytest.raises(XmlFout, match="wijzigingsbesluit .*--wijziging"):
        importeer(GS / "opdracht_2")


# --- the command line ---------------------------------------------------------------------------------------------


def test_cli_import_with_wijzigingen_then_check(tmp_path):
    from regels.cli import main
    from regels.stop.cli import import_
    args = [str(GEMEENTESTAD)]
    for w in _keten("opdracht_4b"):
        args += ["--wijziging", str(w)]
    r = CliRunner().invoke(import_, args + ["--uit", str(tmp_path / "gs")])
    assert r.exit_code == 0, r.output
    assert "Wijziging 1: opdracht_2: wijziging (besluit /akn/nl/bill/gm0297/2020/4508/nld@2020); regeling nld@1 → nld@2; " \
           "juridisch werkend vanaf 2020-04-07; tekst: toegevoegd: artikel 2.5, artikel 10.1; vervangen: artikel 2.6 " \
           "(was artikel 2.5), artikel 2.7; verwijderd: artikel 2.6, artikel 10.1; OW: 1 vervangen" in r.output
    assert "Wijziging 7: opdracht_4b: wijziging" in r.output and "regeling nld@7 → nld@8" in r.output
    assert "GIO's: nieuwe versie Bouwhoogte" in r.output
    assert "Het plan laadt" in r.output
    voorstel = tmp_path / "v.json"
    voorstel.write_text('{"omschrijving": "x", "peildatum": "2024-01-01", "locatie": {"type": "Point", '
                        f'"coordinates": [{Z3[0]}, {Z3[1]}]}}, "activiteiten": ["bouwen van een bijgebouw"], '
                        '"feiten": {"bouwhoogte bedrijfsgebouw": {"waarde": 15, "eenheid": "m"}}}', encoding="utf-8")
    check = CliRunner().invoke(main, ["check", str(voorstel), "--plan", str(tmp_path / "gs")])
    assert check.exit_code == 0, check.output  # past: the maximum is 15 m there since opdracht_4b
    lint = CliRunner().invoke(main, ["lint", str(tmp_path / "gs")])
    assert lint.exit_code == 0, lint.output


def test_cli_refuses_a_wijziging_out_of_order_and_writes_nothing(tmp_path):
    from regels.stop.cli import import_
    r = CliRunner().invoke(import_, [str(GEMEENTESTAD), "--wijziging", str(GS / "opdracht_3a"), "--uit", str(tmp_path / "gs")])
    assert r.exit_code == 3
    assert "fout: opdracht_3a/Wijzigingsbesluit-4527-1.xml" in r.output and "versie nld@2" in r.output
    assert "Traceback" not in r.output
    assert not (tmp_path / "gs").exists()


def test_cli_intrekking_says_so_and_writes_nothing(tmp_path):
    from regels.stop.cli import import_
    r = CliRunner().invoke(import_, [str(GEMEENTESTAD), "--wijziging", str(GS / "opdracht_2"), "--wijziging",
                                     str(GS / "opdracht_intrekking"), "--uit", str(tmp_path / "gs")])
    assert r.exit_code == 1
    assert "Wijziging 1: opdracht_2: wijziging" in r.output
    assert "Wijziging 2: opdracht_intrekking: intrekking (besluit /akn/nl/bill/gm0297/2021/intrekking/nld@2021); regeling " \
           "/akn/nl/act/gm0297/2019/reg456/nld@2 ingetrokken; juridisch werkend vanaf 2021-11-14" in r.output
    assert "is ingetrokken" in r.output and "geen plan geschreven" in r.output
    assert not (tmp_path / "gs").exists()
    j = CliRunner().invoke(import_, [str(GEMEENTESTAD), "--wijziging", str(GS / "opdracht_intrekking"),
                                     "--uit", str(tmp_path / "gs"), "--json"])
    assert j.exit_code == 1 and '"ingetrokken": true' in j.output


def test_cli_json_lists_the_wijzigingen(tmp_path):
    import json

    from regels.stop.cli import import_
    r = CliRunner().invoke(import_, [str(GEMEENTESTAD), "--wijziging", str(GS / "opdracht_2"), "--uit", str(tmp_path / "gs"),
                                     "--json"])
    assert r.exit_code == 0, r.output
    uit = json.loads(r.output)
    w = uit["wijzigingen"][0]
    assert (w["naam"], w["was"], w["wordt"], w["juridisch_werkend_vanaf"]) == (
        "opdracht_2", "/akn/nl/act/gm0297/2019/reg456/nld@1", "/akn/nl/act/gm0297/2019/reg456/nld@2", "2020-04-07")
    assert {"actie": "verwijderd", "soort": "Artikel", "label": "artikel 10.1",
            "wid": "gm0297_1__chp_10__subchp_10.1__art_10.1", "was": ""} in w["tekst"]


# --- a wijziging of the own export (the delivery with regels-machine.xml) -----------------------------------------


def _wijzigingsbesluit(map_: Path, was: str, wordt: str, mutaties: str, datum: str = "2025-01-01") -> Path:
    """A minimal LVBB wijziging delivery: only an AanleveringBesluit with one RegelingMutatie."""
    werk = wordt.split("/nld@")[0]
    map_.mkdir(parents=True)
    (map_ / "besluit.xml").write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<AanleveringBesluit xmlns="https://standaarden.overheid.nl/lvbb/stop/aanlevering/" schemaversie="1.2.0">
  <BesluitVersie>
    <ExpressionIdentificatie xmlns="https://standaarden.overheid.nl/stop/imop/data/">
      <FRBRWork>/akn/nl/bill/gm0637/2025/wijziging1</FRBRWork>
      <FRBRExpression>/akn/nl/bill/gm0637/2025/wijziging1/nld@2025</FRBRExpression>
      <soortWork>/join/id/stop/work_003</soortWork>
    </ExpressionIdentificatie>
    <ConsolidatieInformatie xmlns="https://standaarden.overheid.nl/stop/imop/data/">
      <Tijdstempels><Tijdstempel><doel>/join/id/proces/gm0637/2025/w1</doel>
        <soortTijdstempel>juridischWerkendVanaf</soortTijdstempel><datum>{datum}</datum><eId>art_II</eId></Tijdstempel></Tijdstempels>
    </ConsolidatieInformatie>
    <BesluitCompact xmlns="https://standaarden.overheid.nl/stop/imop/tekst/">
      <WijzigBijlage eId="cmp_A" wId="gm0637_1__cmp_A"><Kop><Label>Bijlage</Label><Nummer>A</Nummer></Kop>
        <RegelingMutatie componentnaam="w1" was="{was}" wordt="{wordt}">{mutaties}</RegelingMutatie>
      </WijzigBijlage>
    </BesluitCompact>
  </BesluitVersie>
  <RegelingVersieInformatie>
    <ExpressionIdentificatie xmlns="https://standaarden.overheid.nl/stop/imop/data/">
      <FRBRWork>{werk}</FRBRWork><FRBRExpression>{wordt}</FRBRExpression><soortWork>/join/id/stop/work_019</soortWork>
    </ExpressionIdentificatie>
  </RegelingVersieInformatie>
</AanleveringBesluit>
""", encoding="utf-8")
    return map_


EIGEN = "/akn/nl/act/gm0637/2024/omgevingsplan"
LID = "gm0637_1__chp_1__subchp_1.1__art_1.2__para_1"


def test_a_wijziging_of_the_own_export_goes_through_route_2_and_keeps_the_machine_logic(tmp_path):
    from regels.stop.export import exporteer
    plan = load_plan()
    exporteer(plan).schrijf_map(tmp_path / "levering")
    w = _wijzigingsbesluit(tmp_path / "w1", f"{EIGEN}/nld@2024-01-01;1", f"{EIGEN}/nld@2025-01-01;2", f"""
        <Vervang wat="{LID}" xmlns="https://standaarden.overheid.nl/stop/imop/tekst/">
          <Lid eId="x" wId="{LID}"><LidNummer>1.</LidNummer><Inhoud><Al>aantal woningen: het aantal
            <VerwijderdeTekst>zelfstandige </VerwijderdeTekst>woningen<NieuweTekst>, zelfstandig of niet,</NieuweTekst>
            dat het initiatief na uitvoering omvat.</Al></Inhoud></Lid>
        </Vervang>""")
    alleen = importeer(tmp_path / "levering")
    assert alleen.route == "machinebestand"
    uit = importeer(tmp_path / "levering", wijzigingen=[w])
    assert uit.route == "stop+ow" and uit.plan is not None, [f.render() for f in uit.fouten]
    assert uit.wijzigingen[0].tekst[0].label == "lid 1"
    lid = next(lid for h in uit.regeling.items() if isinstance(h, Hoofdstuk) for a in h.artikelen() if a.nummer == "1.2"
               for lid in a.leden if lid.nummer == "1")
    assert lid.tekst == "aantal woningen: het aantal woningen, zelfstandig of niet, dat het initiatief na uitvoering omvat."
    # every rule of the machine file gets its logic back (the OW identificaties did not change)
    assert f"machinelogica van {len(alleen.plan.regels)} regel(s) teruggezet" in " ".join(r.bericht for r in uit.rapport)
    kop = next(i for i in uit.regeling.items() if isinstance(i, PlanKop))
    assert next(r for r in kop.regels if isinstance(r, Versie)).vanaf == dt.date(2025, 1, 1)


def test_a_hand_made_wijziging_with_an_unknown_wid_names_file_line_and_element(tmp_path):
    from regels.stop.export import exporteer
    exporteer(load_plan()).schrijf_map(tmp_path / "levering")
    w = _wijzigingsbesluit(tmp_path / "w1", f"{EIGEN}/nld@2024-01-01;1", f"{EIGEN}/nld@2025-01-01;2",
                           '<Verwijder xmlns="https://standaarden.overheid.nl/stop/imop/tekst/" wat="gm0637_1__art_99"/>')
    with pytest.raises(MutatieFout, match=r'^w1/besluit.xml:\d+: tekst:Verwijder wat="gm0637_1__art_99": de te verwijderen '
                                          r'wId "gm0637_1__art_99" staat niet in de regeling'):
        importeer(tmp_path / "levering", wijzigingen=[w])


def _lid_verwijderd_zonder_kopie(tmp_path: Path, wordt: str = f"{EIGEN}/nld@2025-01-01;2"):
    """The own export with a wijziging (made on its version) that removes LID without a copy of it."""
    from regels.stop.export import exporteer
    exporteer(load_plan()).schrijf_map(tmp_path / "levering")
    w = _wijzigingsbesluit(tmp_path / "w1", f"{EIGEN}/nld@2024-01-01;1", wordt,
                           f'<Verwijder xmlns="https://standaarden.overheid.nl/stop/imop/tekst/" wat="{LID}"/>')
    return importeer(tmp_path / "levering", wijzigingen=[w])


def test_a_wordt_that_is_an_earlier_version_than_was_is_applied_and_reported(tmp_path):
    uit = _lid_verwijderd_zonder_kopie(tmp_path, wordt=f"{EIGEN}/nld@2023-06-01;2")
    (regel,) = [r for r in uit.rapport if "eerdere versie" in r.bericht]
    assert regel.soort == "afwijking" and regel.waar.startswith("w1/besluit.xml:")
    assert "wordt (nld@2023-06-01;2) is een eerdere versie dan was (nld@2024-01-01;1)" in regel.bericht
    assert uit.wijzigingen[0].tekst[0].actie == "verwijderd"


@pytest.mark.parametrize("wordt, was, eerder", [
    ("/a/nld@2021-04-19;1", "/a/nld@2021-04-19;2", True),
    ("/a/nld@2021-04-19;2", "/a/nld@2021-04-19;1", False),
    ("/a/nld@2020-12-31", "/a/nld@2021-01-01", True),
    ("/a/nld@2021-11-17;v1", "/a/nld@2021-11-17;v2", True),
    ("/a/nld@3", "/a/nld@11", True),  # numbers, not text: 3 < 11
    ("/a/nld@11", "/a/nld@3", False),
    ("/a/nld@2", "/a/nld@2021-01-01;1", False),  # different forms: no order
    ("/a/nld@2021-01-01", "/a/nld@2021-01-01;1", False),  # only one with a volgnummer
    ("/a/nld@12;ontwerp", "/a/nld@13", False),  # not a number
    ("/a/nld@2020-01-01;3", "/a/nld@2021-01-01", True),  # the dates decide, with or without volgnummer
    ("/a/nld@3;1", "/a/nld@11", True),
    ("/a/nld@\u0663", "/a/nld@4", False),  # an Arabic-Indic digit is no version number
    ("/b/nld@1", "/a/nld@2", False),  # another work
])
def test_the_order_of_two_expression_versions(wordt, was, eerder):
    from regels.stop.ids import eerdere_versie
    assert eerdere_versie(wordt, was) is eerder


def test_a_verwijder_without_the_copy_the_xsd_asks_for_is_applied_and_reported(tmp_path):
    uit = _lid_verwijderd_zonder_kopie(tmp_path)
    (regel,) = [r for r in uit.rapport if "kopie" in r.bericht]
    assert regel.soort == "afwijking" and re.fullmatch(r"w1/besluit\.xml:\d+", regel.waar)
    assert regel.bericht.startswith(f'tekst:Verwijder wat="{LID}": zonder het te verwijderen element erin')
    assert uit.wijzigingen[0].tekst[0].actie == "verwijderd"


def test_a_verwijder_whose_copy_is_another_kind_of_element_is_refused(tmp_path):
    from regels.stop.export import exporteer
    exporteer(load_plan()).schrijf_map(tmp_path / "levering")
    w = _wijzigingsbesluit(tmp_path / "w1", f"{EIGEN}/nld@2024-01-01;1", f"{EIGEN}/nld@2025-01-01;2", f"""
        <Verwijder xmlns="https://standaarden.overheid.nl/stop/imop/tekst/" wat="{LID}">
          <Artikel eId="x" wId="{LID}"><Kop><Nummer>1.2</Nummer></Kop><Inhoud><Al>x</Al></Inhoud></Artikel>
        </Verwijder>""")
    with pytest.raises(MutatieFout, match=r'^w1/besluit.xml:\d+: tekst:Verwijder wat="[^"]+": het element in de Verwijder '
                                          r"is een tekst:Artikel, maar wId \"[^\"]+\" is een tekst:Lid in de regeling"):
        importeer(tmp_path / "levering", wijzigingen=[w])


@pytest.mark.parametrize("kopie, fout", [
    ('<Artikel eId="x"><Kop><Nummer>1.2</Nummer></Kop></Artikel>', "is een tekst:Artikel, maar wId"),  # no wId: the type counts
    ('<Lid eId="x"><LidNummer>1.</LidNummer></Lid>', None),  # no wId, the right type: fine, nothing to report
])
def test_a_verwijder_copy_without_wid_is_checked_by_its_type(tmp_path, kopie, fout):
    from regels.stop.export import exporteer
    exporteer(load_plan()).schrijf_map(tmp_path / "levering")
    w = _wijzigingsbesluit(tmp_path / "w1", f"{EIGEN}/nld@2024-01-01;1", f"{EIGEN}/nld@2025-01-01;2",
                           f'<Verwijder xmlns="https://standaarden.overheid.nl/stop/imop/tekst/" wat="{LID}">{kopie}</Verwijder>')
    if fout:
        with pytest.raises(MutatieFout, match=fout):
            importeer(tmp_path / "levering", wijzigingen=[w])
    else:
        uit = importeer(tmp_path / "levering", wijzigingen=[w])
        assert uit.wijzigingen[0].tekst[0].actie == "verwijderd"
        assert not any("kopie" in r.bericht for r in uit.rapport)


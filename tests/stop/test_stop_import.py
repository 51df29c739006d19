"""`regels import`: round trip of the bundled plan, foreign plans (Gemeentestad, DSO downloads), and untrusted input."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from stophulp import GEMEENTESTAD, GM9920_UITWISSELPAKKET, STOP_TPOD, vereist_shared

from regels import load_plan
from regels.errors import XmlFout
from regels.evaluate import evaluate
from regels.language.format import format_regeling
from regels.model.regeling import Hoofdstuk, JuridischeRegel
from regels.model.voorstel import lees_voorstel
from regels.stop.export import exporteer
from regels.stop.importeer import importeer
from regels.stop.veilig import Limieten

pytestmark = vereist_shared

PV30 = STOP_TPOD / "RicharddeGraaf1+OmgevingswetTestSuiteTool/unzipped/InputVoorbeeld__pv30__pv30"
HELLO_INTREKKING = STOP_TPOD / "RicharddeGraaf1+OmgevingswetTestSuiteTool/src/test/resources/intrekkingvalidatie/expected/helloDSO_output"
GEMEENTESTAD_MUTATIE = STOP_TPOD / "Geonovum+xml_omgevingsplan_gemeentestad/opdracht_2"


@pytest.fixture(scope="module")
def plan():
    return load_plan()


@pytest.fixture(scope="module")
def levering_map(plan, tmp_path_factory):
    lev = exporteer(plan)
    d = tmp_path_factory.mktemp("export")
    lev.schrijf_map(d / "levering")
    lev.schrijf_zip(d / "levering.zip")
    return d


@pytest.fixture(scope="module")
def gemeentestad():
    return importeer(GEMEENTESTAD)


def _regels(regeling):
    return [a for i in regeling.items() if isinstance(i, Hoofdstuk) for art in i.artikelen()
            for h in (art, *art.leden) for a in h.annotaties if isinstance(a, JuridischeRegel)]


# --- round trip ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("naam", ["levering", "levering.zip"])
def test_round_trip_gives_the_same_plan(plan, levering_map, naam):
    uit = importeer(levering_map / naam)
    assert uit.route == "machinebestand"
    assert uit.plan is not None
    assert format_regeling(uit.plan.regeling) == format_regeling(plan.regeling)
    assert set(uit.plan.locaties) == set(plan.locaties)
    for n, g in plan.locaties.items():
        assert uit.plan.locaties[n].equals_exact(g, 0), n
    assert uit.plan.inhoudshash == plan.inhoudshash


def test_import_export_import_is_stable(plan, levering_map):
    eerste = importeer(levering_map / "levering.zip")
    opnieuw = exporteer(eerste.plan)
    assert opnieuw.zip_bytes() == (levering_map / "levering.zip").read_bytes()


def test_foreign_plan_round_trip_is_stable(gemeentestad, tmp_path):
    assert gemeentestad.plan is not None
    exporteer(gemeentestad.plan).schrijf_map(tmp_path / "gs")
    tweede = importeer(tmp_path / "gs")
    assert tweede.route == "machinebestand"
    assert format_regeling(tweede.plan.regeling) == format_regeling(gemeentestad.plan.regeling)
    assert tweede.plan.inhoudshash == gemeentestad.plan.inhoudshash


def test_without_machine_file_the_imow_content_still_loads(levering_map):
    uit = importeer(levering_map / "levering", machine=False)
    assert uit.route == "stop+ow" and uit.plan is not None
    tel = uit.tel()
    assert tel["afgeleid"] > 0 and tel["niet uitvoerbaar"] > 0
    # the IMOW part survives: the same activities, areas, norms and one rule per RegelVoorIedereen with an activity
    p = load_plan()
    assert set(p.activiteiten) <= set(uit.plan.activiteiten)
    assert set(p.normen) == set(uit.plan.normen)
    assert {n for n, s in p.locatiesoort.items() if s == "gebied"} <= set(uit.plan.locaties)


def test_changed_delivery_follows_ow_and_keeps_matching_machine_logic(levering_map, tmp_path):
    kopie = tmp_path / "gewijzigd"
    shutil.copytree(levering_map / "levering", kopie)
    normen = kopie / "owOmgevingsnormen.xml"
    tekst = normen.read_text(encoding="utf-8")
    assert "<rol:kwantitatieveWaarde>10</rol:kwantitatieveWaarde>" in tekst
    normen.write_text(tekst.replace("<rol:kwantitatieveWaarde>10</rol:kwantitatieveWaarde>",
                                    "<rol:kwantitatieveWaarde>11</rol:kwantitatieveWaarde>", 1), encoding="utf-8")
    uit = importeer(kopie)
    assert uit.route == "stop+ow"
    afwijkingen = [r for r in uit.rapport if r.soort == "afwijking"]
    assert any("omgevingsnorm" in r.bericht and "wijkt af" in r.bericht for r in afwijkingen)
    assert any("teruggezet" in r.bericht for r in uit.rapport)
    assert uit.plan is not None, [f.render() for f in uit.fouten]
    waarden = {w.waarde.waarde for w in uit.plan.normen["maximum bouwhoogte"][0].waarden}
    assert 11 in waarden and 10 not in waarden
    # the machine logic came back: eisen with a share ('30 % van …'), which IMOW cannot carry
    from regels.model.expressie import Deel
    def delen(regeling):
        return sum(1 for r in _regels(regeling) for e in r.eisen if isinstance(getattr(e.expressie, "rechts", None), Deel))
    assert delen(uit.plan.regeling) > 0 and delen(uit.plan.regeling) == delen(load_plan().regeling)


def test_wid_that_differs_only_in_case_is_matched_and_reported_once(levering_map, tmp_path):
    import re
    kopie = tmp_path / "hoofdletters"
    shutil.copytree(levering_map / "levering", kopie)
    ow = kopie / "owRegelteksten.xml"
    tekst, n = re.subn(r'wId="([^"]+)"', lambda m: f'wId="{m.group(1).upper()}"', ow.read_text(encoding="utf-8"))
    assert n > 10
    ow.write_text(tekst, encoding="utf-8")
    uit = importeer(kopie, machine=False)
    gewoon = importeer(levering_map / "levering", machine=False)
    assert format_regeling(uit.regeling) == format_regeling(gewoon.regeling)  # every rule in the same place
    regels = [r for r in uit.rapport if "hoofd- en kleine letters" in r.bericht]
    assert len(regels) == 1 and regels[0].soort == "benaderd" and regels[0].waar == f"{n} Regelteksten"
    assert not any("niet in de tekst staat" in r.bericht for r in uit.rapport)


def test_wid_matching_two_text_wids_regardless_of_case_is_not_guessed(levering_map, tmp_path):
    import re
    kopie = tmp_path / "dubbelzinnig"
    shutil.copytree(levering_map / "levering", kopie)
    ow = kopie / "owRegelteksten.xml"
    owtekst = ow.read_text(encoding="utf-8")
    wid = re.search(r'wId="([^"]+__art_2\.2__para_1)"', owtekst).group(1)  # artikel 2.2 lid 1 holds rules
    # the text gets a second element whose wId differs from that one only in case; the OW wId matches both
    besluit = kopie / "besluit.xml"
    voor, _, na = besluit.read_text(encoding="utf-8").rpartition("</tekst:Lichaam>")  # the regeling's, not the besluit's
    besluit.write_text(voor + f'<tekst:Artikel eId="art_x" wId="{wid.upper()}"><tekst:Kop><tekst:Nummer>99</tekst:Nummer>'
                       "</tekst:Kop><tekst:Inhoud><tekst:Al>x</tekst:Al></tekst:Inhoud></tekst:Artikel></tekst:Lichaam>" + na,
                       encoding="utf-8")
    ow.write_text(owtekst.replace(f'wId="{wid}"', f'wId="{wid.capitalize()}"'), encoding="utf-8")
    uit = importeer(kopie, machine=False)
    assert any(f"wId {wid.capitalize()!r}, die niet in de tekst staat" in r.bericht for r in uit.rapport)
    assert not any("hoofd- en kleine letters" in r.bericht for r in uit.rapport)


def test_tampered_machine_file_is_not_used(levering_map, tmp_path):
    kopie = tmp_path / "machine"
    shutil.copytree(levering_map / "levering", kopie)
    m = kopie / "regels-machine.xml"
    m.write_text(m.read_text(encoding="utf-8").replace("eis bouwhoogte &lt;= maximum bouwhoogte",
                                                       "eis bouwhoogte &lt;= 99 m", 1), encoding="utf-8")
    uit = importeer(kopie)
    assert uit.route == "stop+ow"
    assert any("sha256" in r.bericht for r in uit.rapport)


# --- a foreign plan: Gemeentestad ----------------------------------------------------------------------------------


def _voorstel(x: float, y: float, hoogte: float) -> object:
    return lees_voorstel({"omschrijving": "bedrijfsgebouw", "peildatum": "2024-01-01",
                          "locatie": {"type": "Point", "coordinates": [x, y]},
                          "activiteiten": ["bouwen van een bijgebouw"],
                          "feiten": {"bouwhoogte bedrijfsgebouw": {"waarde": hoogte, "eenheid": "m"}}})


def test_gemeentestad_norm_based_check_end_to_end(gemeentestad, tmp_path):
    gemeentestad.schrijf_planmap(tmp_path / "gs")
    plan = load_plan(tmp_path / "gs")  # the written folder loads like any plan
    assert "maximum bouwhoogte bedrijfsgebouw" in plan.normen
    # Zuilichem industriegebied 3: maximum 13 m; industriegebied 1: maximum 7 m
    assert evaluate(plan, _voorstel(138400.32, 424548.86, 15)).oordeel == "past niet"
    assert evaluate(plan, _voorstel(138400.32, 424548.86, 12)).oordeel == "past"
    laag = evaluate(plan, _voorstel(138246.66, 423829.32, 8))
    assert laag.oordeel == "past niet"
    eis = next(e for a in laag.activiteiten for r in a.regels for e in r.eisen)
    assert eis.status == "voldoet niet" and "7 m" in eis.toelichting


def test_gemeentestad_report_says_what_stays_prose(gemeentestad, tmp_path):
    tel = gemeentestad.tel()
    assert tel["afgeleid"] == 1 and tel["niet uitvoerbaar"] >= 20
    rapport = "\n".join(map(str, gemeentestad.rapport))
    assert "welstandsniveau" in rapport and "kwalitatief" in rapport
    assert "Omgevingswaarde 'fijnstof'" in rapport
    assert "convexe omhullende" in rapport  # the Ambtsgebied has no geometry in the delivery
    assert "Regdata.pdf" in rapport
    gemeentestad.schrijf_planmap(tmp_path / "gs")
    tekst = (tmp_path / "gs" / "IMPORTRAPPORT.md").read_text(encoding="utf-8")
    assert "## niet uitvoerbaar" in tekst
    assert "voorwaarden en eisen van deze regel staan alleen in de tekst" in \
        (tmp_path / "gs" / "hoofdstuk-02.regels").read_text(encoding="utf-8")


def test_gemeentestad_every_rule_keeps_its_annotations(gemeentestad):
    regels = _regels(gemeentestad.regeling)
    kwalificaties = {r.kwalificatie for r in regels}
    assert {"toegestaan", "verboden", "meldingsplichtig", "vergunningplichtig"} <= kwalificaties
    assert all(r.locaties for r in regels)
    assert any(r.activiteit == "uitoefenen van bedrijfstypen van categorie 2" for r in regels)


def test_real_ambtsgebied_geometry_can_be_given():
    from shapely.geometry import box
    uit = importeer(GEMEENTESTAD, ambtsgebieden={"GM0297": box(130000, 415000, 150000, 430000)})
    assert not any("convexe omhullende" in r.bericht for r in uit.rapport)
    assert uit.plan.locaties["ambtsgebied GM0297"].bounds == (130000, 415000, 150000, 430000)


def test_cli_import_then_check(tmp_path):
    from regels.cli import main
    from regels.stop.cli import import_
    r = CliRunner().invoke(import_, [str(GEMEENTESTAD), "--uit", str(tmp_path / "gs")])
    assert r.exit_code == 0, r.output
    assert "Het plan laadt" in r.output
    voorstel = tmp_path / "v.json"
    voorstel.write_text('{"omschrijving": "x", "peildatum": "2024-01-01", "locatie": {"type": "Point", '
                        '"coordinates": [138400.32, 424548.86]}, "activiteiten": ["bouwen van een bijgebouw"], '
                        '"feiten": {"bouwhoogte bedrijfsgebouw": {"waarde": 15, "eenheid": "m"}}}', encoding="utf-8")
    check = CliRunner().invoke(main, ["check", str(voorstel), "--plan", str(tmp_path / "gs")])
    assert check.exit_code == 1, check.output  # past niet
    lint = CliRunner().invoke(main, ["lint", str(tmp_path / "gs")])
    assert lint.exit_code == 0, lint.output


def test_cli_import_json_and_input_error(tmp_path):
    from regels.stop.cli import import_
    r = CliRunner().invoke(import_, [str(GEMEENTESTAD), "--uit", str(tmp_path / "gs"), "--json"])
    assert r.exit_code == 0
    assert '"route": "stop+ow"' in r.output
    (tmp_path / "leeg").mkdir()
    r = CliRunner().invoke(import_, [str(tmp_path / "leeg"), "--uit", str(tmp_path / "x")])
    assert r.exit_code == 3 and "geen opdracht.xml" in r.output


# --- DSO downloads (uitwisselpakket) and other deliveries -------------------------------------------------------------


def test_dso_download_uitwisselpakket(tmp_path):
    uit = importeer(GM9920_UITWISSELPAKKET)
    assert uit.plan is not None
    assert uit.plan.werk == "/akn/nl/act/gm9920/2025/R_2025031919_4952649"
    rapport = "\n".join(map(str, uit.rapport))
    assert "schemaLocation" in rapport  # the DSO's invalid xmlns:schemaLocation, repaired and reported
    assert "zonder activiteit en zonder bruikbare norm" in rapport
    assert "gemaaktOp" in rapport  # a download does not say when the regeling took effect
    # zipped, the same
    z = tmp_path / "download.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for p in GM9920_UITWISSELPAKKET.rglob("*"):
            if p.is_file():
                zf.write(p, p.relative_to(GM9920_UITWISSELPAKKET).as_posix())
    assert format_regeling(importeer(z).regeling) == format_regeling(uit.regeling)


def test_largest_sample_provincial_ordinance_imports_robustly():
    uit = importeer(PV30)
    assert uit.plan is not None, [f.render() for f in uit.fouten]
    tel = uit.tel()
    assert tel["niet uitvoerbaar"] > 50 and tel["overgeslagen"] > 0
    assert any("Lijn" in r.bericht or "tabel" in r.bericht or "figuur" in r.bericht for r in uit.rapport)


def test_provincial_test_delivery_whose_ow_wids_differ_in_case_keeps_its_rules():
    # TBO_UtrechtTest writes 'pv73_…' in the OW files and 'PV73_…' in the text
    uit = importeer(STOP_TPOD / "Geonovum+LVBB-test-repository/TBO_UtrechtTest")
    assert uit.plan is not None, [f.render() for f in uit.fouten]
    assert not any("niet in de tekst staat" in r.bericht for r in uit.rapport)
    (regel,) = [r for r in uit.rapport if "hoofd- en kleine letters" in r.bericht]
    assert regel.waar == "739 Regelteksten" and "PV73_1__chp_1" in regel.bericht
    assert uit.tel()["niet uitvoerbaar"] > 100


def test_withdrawal_and_amendment_are_refused_clearly():
    with pytest.raises(XmlFout, match="intrekkingsbesluit.xml.*RegelingCompact"):
        importeer(HELLO_INTREKKING)
    with pytest.raises(XmlFout, match="RegelingMutatie"):
        importeer(GEMEENTESTAD_MUTATIE)


# --- untrusted input ----------------------------------------------------------------------------------------------


def _zip(pad: Path, leden: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(pad, "w") as zf:
        for naam, data in leden.items():
            zf.writestr(naam, data)
    return pad


def _levering_leden(levering_map: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (levering_map / "levering").iterdir()}


def test_zip_entry_path_traversal_is_refused(levering_map, tmp_path):
    leden = _levering_leden(levering_map)
    leden["../../buiten.xml"] = b"<x/>"
    with pytest.raises(XmlFout, match=r"buiten\.xml.*bovenliggende map"):
        importeer(_zip(tmp_path / "boos.zip", leden))


def test_entity_expansion_is_refused_naming_file(levering_map, tmp_path):
    leden = _levering_leden(levering_map)
    leden["besluit.xml"] = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
                            b"<x>&b;</x>")
    with pytest.raises(XmlFout, match=r"besluit\.xml.*entiteit"):
        importeer(_zip(tmp_path / "bom.zip", leden))


def test_no_network_access_for_external_dtd(levering_map, tmp_path):
    leden = _levering_leden(levering_map)
    leden["opdracht.xml"] = b'<?xml version="1.0"?><!DOCTYPE x SYSTEM "http://voorbeeld.invalid/x.dtd"><x/>'
    with pytest.raises(XmlFout, match=r"opdracht\.xml.*(externe DTD|DOCTYPE)"):
        importeer(_zip(tmp_path / "dtd.zip", leden))


def test_gio_reference_outside_the_package_is_not_followed(levering_map, tmp_path):
    leden = _levering_leden(levering_map)
    leden["GIO-centrum.xml"] = leden["GIO-centrum.xml"].replace(b"<data:bestandsnaam>GIO-centrum.gml",
                                                                b"<data:bestandsnaam>../../etc/passwd.gml")
    uit = importeer(_zip(tmp_path / "ref.zip", leden), machine=False)
    assert any("passwd" in r.bericht and "buiten het pakket" in r.bericht for r in uit.rapport)
    assert any("GIO-centrum.gml" in r.waar and "niet gebruikt" in r.bericht for r in uit.rapport)


def test_size_and_count_limits(levering_map, tmp_path):
    z = _zip(tmp_path / "groot.zip", _levering_leden(levering_map))
    with pytest.raises(XmlFout, match="te groot|groter dan"):
        importeer(z, limieten=Limieten(max_bestand=50_000))
    with pytest.raises(XmlFout, match="leden"):
        importeer(z, limieten=Limieten(max_leden=5))


def test_machine_file_with_path_traversal_is_not_used(levering_map, tmp_path):
    kopie = tmp_path / "pad"
    shutil.copytree(levering_map / "levering", kopie)
    m = kopie / "regels-machine.xml"
    m.write_text(m.read_text(encoding="utf-8").replace('pad="00-plan.regels"', 'pad="../00-plan.regels"'), encoding="utf-8")
    uit = importeer(kopie)
    assert uit.route == "stop+ow"
    assert any("ongeldig pad" in r.bericht for r in uit.rapport)


def test_broken_xml_names_file_and_line(levering_map, tmp_path):
    leden = _levering_leden(levering_map)
    # a broken OW file is skipped, and the report says which file and line
    leden["owGebiedsaanwijzingen.xml"] = leden["owGebiedsaanwijzingen.xml"][:300]
    uit = importeer(_zip(tmp_path / "kapot-ow.zip", leden), machine=False)
    assert uit.plan is not None
    assert any(r.soort == "overgeslagen" and "owGebiedsaanwijzingen.xml" in r.bericht and "regel" in r.bericht
               for r in uit.rapport)
    # without the text there is nothing to import: a clear error with file and line
    leden["besluit.xml"] = leden["besluit.xml"][:500]
    with pytest.raises(XmlFout, match=r"besluit\.xml.*regel \d+"):
        importeer(_zip(tmp_path / "kapot.zip", leden))


def test_version_date_comes_from_the_delivery(levering_map):
    uit = importeer(levering_map / "levering", machine=False)
    assert uit.plan.versies[0].vanaf == dt.date(2024, 1, 1)

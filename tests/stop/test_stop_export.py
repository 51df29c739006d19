"""`regels export`: the LVBB delivery of a plan validates and is byte-for-byte stable."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile

import pytest
from click.testing import CliRunner
from lxml import etree

from stophulp import STOP_TPOD, vereist_shared

from regels import load_plan, plan_uit_tekst
from regels.stop.export import MACHINEBESTAND, exporteer, houders
from regels.stop.ids import IMOW_ID, geometrie_uuid, imow_id
from regels.stop.schemas import NAMESPACES
from regels.stop.veilig import parse_xml

pytestmark = vereist_shared


@pytest.fixture(scope="module")
def plan():
    return load_plan()


@pytest.fixture(scope="module")
def levering(plan):
    return exporteer(plan)


@pytest.fixture(scope="module")
def validatie(levering, opslag):
    from regels.stop.tpod import controleer
    return controleer(levering, opslag=opslag)


def test_every_file_is_written_and_listed(levering):
    namen = list(levering.bestanden)
    assert namen[:2] == ["opdracht.xml", "manifest.xml"]
    for verplicht in ("besluit.xml", "manifest-ow.xml", "owRegelteksten.xml", "owJuridischeRegels.xml", "owActiviteiten.xml",
                      "owLocaties.xml", "owGebiedsaanwijzingen.xml", "owOmgevingsnormen.xml", "owRegelingsgebied.xml",
                      MACHINEBESTAND):
        assert verplicht in namen
    manifest = parse_xml(levering.bestanden["manifest.xml"], "manifest.xml").getroot()
    genoemd = [e.text for e in manifest.iter(f"{{{NAMESPACES['lvbb']}}}bestandsnaam")]
    assert sorted(genoemd) == sorted(namen)
    assert not levering.meldingen


def test_one_gio_per_gebied_with_sha512(plan, levering):
    gebieden = [n for n, s in plan.locatiesoort.items() if s == "gebied"]
    gmls = [n for n in levering.bestanden if n.endswith(".gml")]
    assert len(gmls) == len(gebieden)
    data = NAMESPACES["data"]
    for gml in gmls:
        io_xml = parse_xml(levering.bestanden[gml[:-4] + ".xml"], "gio").getroot()
        assert io_xml.findtext(f".//{{{data}}}bestandsnaam") == gml
        assert io_xml.findtext(f".//{{{data}}}hash") == hashlib.sha512(levering.bestanden[gml]).hexdigest()


def test_xsd_all_files_valid(validatie):
    assert validatie.gevalideerd == validatie.bestanden - 1  # all but regels-machine.xml (no official schema)
    assert validatie.xsd == []


def test_schematron_passes(levering, validatie, opslag):
    """Every pattern of every official Schematron file that applies runs on the export (Saxon), none finds anything."""
    from regels.stop.schematron import schematron_dekking, schematron_voor

    verwacht = 0
    for naam, data in levering.bestanden.items():
        if naam.endswith((".xml", ".gml")) and naam != MACHINEBESTAND:
            verwacht += sum(len(schematron_dekking(url, opslag)) for url in schematron_voor(parse_xml(data, naam)))
    assert verwacht > 300
    assert len(validatie.schematron.uitgevoerd) == verwacht
    assert validatie.schematron.niet_uitgevoerd == []
    assert validatie.schematron.meldingen == []
    assert "konden niet worden uitgevoerd" not in validatie.samenvatting()


def test_own_tpod_checks_pass(validatie):
    assert validatie.tpod == []
    assert validatie.geldig


def test_same_plan_twice_gives_identical_bytes(plan, levering, tmp_path):
    tweede = exporteer(load_plan())
    assert tweede.bestanden == levering.bestanden
    assert tweede.zip_bytes() == levering.zip_bytes()
    a = levering.schrijf_zip(tmp_path / "a.zip").read_bytes()
    b = tweede.schrijf_zip(tmp_path / "b.zip").read_bytes()
    assert a == b
    with zipfile.ZipFile(io.BytesIO(a)) as zf:
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_identifiers_are_stable_and_follow_tpod1892(plan, levering):
    ow = b"".join(d for n, d in levering.bestanden.items() if n.startswith("ow"))
    ids = set(re.findall(rb"<[a-z]+:identificatie>([^<]+)<", ow))
    assert ids and all(IMOW_ID.match(i.decode()) for i in ids)
    assert imow_id("gm0637", "activiteit", "bouwen van een hoofdgebouw").encode() in ids
    assert geometrie_uuid(plan.werk, "woongebied").encode() in levering.bestanden["owLocaties.xml"]


def test_wid_of_every_annotated_lid(plan, levering):
    wids = [h.wid for h in houders(plan)]
    assert "gm0637_1__chp_2__art_2.2__para_1" in wids
    rt = levering.bestanden["owRegelteksten.xml"].decode()
    assert 'wId="gm0637_1__chp_2__art_2.2__para_1"' in rt
    besluit = levering.bestanden["besluit.xml"].decode()
    assert 'eId="chp_2__art_2.2__para_1" wId="gm0637_1__chp_2__art_2.2__para_1"' in besluit
    assert 'eId="chp_1__subchp_1.1__art_1.1__para_1"' in besluit


def test_rule_carries_activity_qualification_and_norm(levering):
    rvi = parse_xml(levering.bestanden["owJuridischeRegels.xml"], "r").getroot()
    r = NAMESPACES["r"]
    kwalificaties = {e.text.rsplit("/", 1)[-1] for e in rvi.iter(f"{{{r}}}activiteitregelkwalificatie")}
    assert {"Vergunningplicht", "Toegestaan", "Verbod", "Meldingsplicht"} <= kwalificaties
    assert rvi.find(f".//{{{r}}}omgevingsnormaanduiding") is not None
    act = parse_xml(levering.bestanden["owActiviteiten.xml"], "a").getroot()
    namen = [e.text for e in act.iter(f"{{{NAMESPACES['rol']}}}naam")]
    assert "Activiteit gereguleerd in het omgevingsplan gemeente Zoetermeer" in namen
    assert b"nl.imow-mnre1034.activiteit.ActInOmgevingsplan" in levering.bestanden["owActiviteiten.xml"]


def test_norm_values_from_the_value_lists(levering):
    normen = levering.bestanden["owOmgevingsnormen.xml"].decode()
    assert "http://standaarden.omgevingswet.overheid.nl/eenheid/id/concept/Meter" in normen
    assert "http://standaarden.omgevingswet.overheid.nl/typenorm/id/concept/MaximumBouwhoogte" in normen
    assert "<rol:kwantitatieveWaarde>10</rol:kwantitatieveWaarde>" in normen


def test_without_machine_file(plan):
    lev = exporteer(plan, machinebestand=False)
    assert MACHINEBESTAND not in lev.bestanden
    assert MACHINEBESTAND.encode() not in lev.bestanden["manifest.xml"]


def test_validatieopdracht_and_dates(plan):
    import datetime as dt
    lev = exporteer(plan, opdracht="validatie", bekendmaking=dt.date(2024, 2, 1), oin="00000001001234567000")
    od = lev.bestanden["opdracht.xml"].decode()
    assert "validatieOpdracht" in od and "2024-02-01" in od and "00000001001234567000" in od
    assert "juridischWerkendVanaf" in lev.bestanden["besluit.xml"].decode()


MINI = '''
plan "Mini"
  bevoegd gezag "gm9999"
  werk "/akn/nl/act/gm9999/2024/omgevingsplan"
  regelingsgebied "gemeente"
  versie "1" geldig vanaf 2024-01-01

activiteit "bouwen"

gebied "gemeente" uit "g.geojson"
gebied "west" uit "g.geojson"
gebiedengroep "groep" bestaat uit "west"
gebiedengroep "groep van groepen" bestaat uit "groep"
gebiedsaanwijzing "Lawaai" soort geluid in "west"

hoofdstuk 1 "Een"
  artikel 1.1 "Een"
    tekst "Bouwen mag."
    regel "bouwen" in "groep van groepen" is toegestaan
'''


def test_what_imow_cannot_hold_is_reported():
    from shapely.geometry import box
    plan = plan_uit_tekst(MINI, {"g.geojson": {"gemeente": box(100000, 450000, 101000, 451000),
                                               "west": box(100000, 450000, 100500, 451000)}})
    lev = exporteer(plan)
    berichten = " ".join(m.bericht for m in lev.meldingen)
    # every kind of gebiedsaanwijzing the language accepts is on the IMOW value list (4.3.0)
    assert "groep van groepen" in berichten  # flattened: IMOW 2.0 groups hold gebieden only
    groepen = parse_xml(lev.bestanden["owLocaties.xml"], "l").getroot()
    assert len(list(groepen.iter(f"{{{NAMESPACES['l']}}}GebiedRef"))) == 2


def test_cli_export_writes_folder_and_zip_and_validates(tmp_path):
    from regels.stop.cli import export
    uit = tmp_path / "levering"
    r = CliRunner().invoke(export, [str(uit), "--controleer", "--schemas", str(STOP_TPOD)])
    assert r.exit_code == 0, r.output
    assert (uit / "besluit.xml").is_file() and (tmp_path / "levering.zip").is_file()
    assert "0 fouten" in r.output


def test_cli_export_bad_plan_is_input_error(tmp_path):
    from regels.stop.cli import export
    r = CliRunner().invoke(export, [str(tmp_path / "x"), "--plan", str(tmp_path / "bestaat-niet")])
    assert r.exit_code == 3


def test_gml_keeps_coordinates_exactly(plan, levering):
    gml = parse_xml(levering.bestanden["GIO-woongebied.gml"], "g").getroot()
    poslist = gml.findtext(f".//{{{NAMESPACES['gml']}}}posList")
    eerste = tuple(float(x) for x in poslist.split()[:2])
    assert eerste == tuple(plan.locaties["woongebied"].geoms[0].exterior.coords[0]) \
        if plan.locaties["woongebied"].geom_type == "MultiPolygon" else tuple(plan.locaties["woongebied"].exterior.coords[0])


def test_besluit_structure(levering):
    besluit = parse_xml(levering.bestanden["besluit.xml"], "besluit.xml").getroot()
    t = NAMESPACES["tekst"]
    rc = besluit.find(f".//{{{t}}}RegelingCompact")
    assert rc.get("wordt") == "/akn/nl/act/gm0637/2024/omgevingsplan/nld@2024-01-01;1"
    assert len(rc.findall(f".//{{{t}}}Artikel")) == len(load_plan().artikelen)
    refs = [e.get("ref") for e in rc.iter(f"{{{t}}}ExtIoRef")]
    assert all(r == e.text for r, e in zip(refs, rc.iter(f"{{{t}}}ExtIoRef")))
    assert etree.QName(besluit).localname == "AanleveringBesluit"

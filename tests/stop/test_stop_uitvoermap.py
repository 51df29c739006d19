"""`regels import` and `regels export` write into a folder without leaving files of an earlier run, and
never delete what they did not write."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from stophulp import GEMEENTESTAD, vereist_shared

from regels import load_plan
from regels.errors import UitvoermapFout
from regels.stop.cli import export, import_
from regels.stop.export import exporteer
from regels.stop.importeer import importeer

pytestmark = vereist_shared


@pytest.fixture(scope="module")
def gemeentestad():
    return importeer(GEMEENTESTAD)


def test_a_new_import_over_an_earlier_one_leaves_nothing_of_it(gemeentestad, tmp_path) -> None:
    map_ = gemeentestad.schrijf_planmap(tmp_path / "gs")
    # what an older state of the plan had and the new one has not
    (map_ / "hoofdstuk-99.regels").write_text('hoofdstuk 99 "Vervallen"\n', encoding="utf-8")
    (map_ / "gebieden" / "ingetrokken-gio.geojson").write_text("{}", encoding="utf-8")
    (map_ / "notities.txt").write_text("van de jurist", encoding="utf-8")  # not written by an import
    gemeentestad.schrijf_planmap(map_)
    assert not (map_ / "hoofdstuk-99.regels").exists()
    assert not (map_ / "gebieden" / "ingetrokken-gio.geojson").exists()
    assert (map_ / "notities.txt").read_text(encoding="utf-8") == "van de jurist"
    assert (map_ / "IMPORTRAPPORT.md").is_file() and (map_ / "00-plan.regels").is_file()
    assert load_plan(map_) is not None


def test_a_folder_that_is_not_an_earlier_import_is_refused_and_left_alone(gemeentestad, tmp_path) -> None:
    map_ = tmp_path / "eigen-plan"
    map_.mkdir()
    (map_ / "00-plan.regels").write_text('plan "Eigen"\n', encoding="utf-8")
    with pytest.raises(UitvoermapFout, match="bestaat al en bevat geen eerder geschreven geïmporteerd plan"):
        gemeentestad.schrijf_planmap(map_)
    assert (map_ / "00-plan.regels").read_text(encoding="utf-8") == 'plan "Eigen"\n'
    assert [p.name for p in map_.iterdir()] == ["00-plan.regels"]


def test_an_empty_folder_is_fine_and_a_file_in_the_way_is_refused(gemeentestad, tmp_path) -> None:
    (tmp_path / "leeg").mkdir()
    assert (gemeentestad.schrijf_planmap(tmp_path / "leeg") / "IMPORTRAPPORT.md").is_file()
    (tmp_path / "bestand").write_text("x", encoding="utf-8")
    with pytest.raises(UitvoermapFout, match="is geen map"):
        gemeentestad.schrijf_planmap(tmp_path / "bestand")


def test_an_export_over_an_earlier_one_removes_its_old_files_only(tmp_path) -> None:
    levering = exporteer(load_plan())
    map_ = levering.schrijf_map(tmp_path / "lev")
    (map_ / "GIO-oud.gml").write_text("<oud/>", encoding="utf-8")
    (map_ / "LEESMIJ.txt").write_text("eigen", encoding="utf-8")
    levering.schrijf_map(map_)
    assert not (map_ / "GIO-oud.gml").exists()
    assert (map_ / "LEESMIJ.txt").is_file()
    assert sorted(p.name for p in map_.iterdir() if p.suffix in (".xml", ".gml")) == sorted(levering.bestanden)


def test_the_cli_says_in_dutch_what_is_in_the_way(tmp_path) -> None:
    map_ = tmp_path / "plannen"
    map_.mkdir()
    (map_ / "belangrijk.docx").write_bytes(b"...")
    r = CliRunner().invoke(import_, [str(GEMEENTESTAD), "--uit", str(map_)])
    assert r.exit_code == 3, r.output
    assert "bestaat al en bevat geen eerder geschreven geïmporteerd plan (belangrijk.docx)" in r.output
    assert "Kies een nieuwe of lege map" in r.output
    assert [p.name for p in map_.iterdir()] == ["belangrijk.docx"]
    r = CliRunner().invoke(export, [str(map_), "--geen-zip"])
    assert r.exit_code == 3 and "geen eerder geschreven LVBB-levering" in r.output
    assert [p.name for p in map_.iterdir()] == ["belangrijk.docx"]
    # the same import twice into the same folder is fine
    assert CliRunner().invoke(import_, [str(GEMEENTESTAD), "--uit", str(tmp_path / "gs"), "--json"]).exit_code == 0
    r = CliRunner().invoke(import_, [str(GEMEENTESTAD), "--uit", str(tmp_path / "gs"), "--json"])
    assert r.exit_code == 0 and json.loads(r.output)["plan_laadt"] is True

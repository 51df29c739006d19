"""Paths to the official schemas and samples under ../shared/stop-tpod, for the STOP tests."""

from __future__ import annotations

from pathlib import Path

import pytest

# resolved, because the schema store answers with resolved paths (../shared may be a symbolic link)
SHARED = (Path(__file__).resolve().parents[2].parent / "shared").resolve()
STOP_TPOD = SHARED / "stop-tpod"
GEMEENTESTAD = STOP_TPOD / "Geonovum+xml_omgevingsplan_gemeentestad" / "opdracht"
GM9920 = (
    STOP_TPOD
    / "RicharddeGraaf1+OmgevingswetTestSuiteTool/src/test/resources/publicatie/expected/gm9920_output"
)
GM9920_UITWISSELPAKKET = (
    STOP_TPOD
    / "RicharddeGraaf1+OmgevingswetTestSuiteTool/unzipped/src__test__resources__publicatie__input__gm9920_input"
)
PZH_SCHEMA = STOP_TPOD / "Provincie-Zuid-Holland+Omgevingsbeleid-DSO/tools/validation/data/schema"

vereist_shared = pytest.mark.skipif(
    not STOP_TPOD.is_dir(), reason=f"de officiële schema's en voorbeelden ontbreken: {STOP_TPOD}"
)


def kopie(tmp_path: Path, naam: str, vervang: list[tuple[bytes, bytes]], bron: Path = GEMEENTESTAD) -> Path:
    """A copy of a sample file in *tmp_path* with each (old, new) replaced once; each old must occur."""
    data = (bron / naam).read_bytes()
    for oud, nieuw in vervang:
        assert oud in data, oud
        data = data.replace(oud, nieuw, 1)
    doel = tmp_path / naam
    doel.write_bytes(data)
    return doel

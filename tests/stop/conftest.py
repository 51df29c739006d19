"""Fixtures for the STOP tests: the schema store on the official schemas under ../shared."""

from __future__ import annotations

import pytest

from stophulp import STOP_TPOD


@pytest.fixture(scope="session")
def opslag(tmp_path_factory: pytest.TempPathFactory):
    """The schema store on ../shared/stop-tpod: offline (a folder store never downloads), with an
    empty cache of its own so the user's ~/.cache plays no part."""
    if not STOP_TPOD.is_dir():
        pytest.skip(f"de officiële schema's ontbreken: {STOP_TPOD}")
    from regels.stop.schemas import SchemaOpslag

    return SchemaOpslag(STOP_TPOD, cache=tmp_path_factory.mktemp("schemacache"))

"""Shared fixtures for the whole suite."""

from __future__ import annotations

import pytest

from planhulp import GEBIEDEN, MINI_PLAN
from regels import plan_uit_tekst


@pytest.fixture(scope="session")
def mini_plan():
    """The small test plan of ``planhulp.MINI_PLAN`` over in-memory squares."""
    return plan_uit_tekst(MINI_PLAN, GEBIEDEN, "mini.regels")

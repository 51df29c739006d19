"""De Nederlandse scenario's in features/ (pytest-bdd), de dekking van het plan, en 'regels scenarios'."""

from __future__ import annotations

from pytest_bdd import scenarios

pytest_plugins = ["regels.scenarios"]

scenarios(".")

"""The plugin's hooks for Dutch reports: an unknown sentence points to ``docs/stappen.md`` (or to the
right keyword), and a failed expectation or a step that cannot be carried out is reported with its
feature file and line instead of a Python traceback.
"""

from __future__ import annotations

import difflib
import os
from typing import Any

import pytest

from regels.errors import RegelsError
from regels.scenarios.context import _INITIATIEF, _SCENARIO, _STAP, CONCEPT_BESTAND
from regels.scenarios.dekking import _is_scenario, noteer
from regels.scenarios.fouten import ScenarioFout, StapFout, _fout_tekst
from regels.scenarios.stappen import _PATRONEN, STAPPEN_DOC, VOORBEELDEN


def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
    request.node.stash[_SCENARIO] = (feature.filename, scenario.name, scenario.line_number)
    request.node.user_properties.append(("regels_scenario", (feature.filename, feature.name, scenario.name, scenario.line_number)))


def pytest_bdd_before_step(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any, step_func: Any) -> None:
    request.node.stash[_STAP] = step


def _plaats(bestand: str, regel: int) -> str:
    try:
        bestand = os.path.relpath(bestand)
    except ValueError:
        pass
    return f"{bestand}:{regel}"


def _suggestie(zin: str) -> str:
    zinnen = [f"{k} {v}" for k, v in VOORBEELDEN]
    kaal = [v for _, v in VOORBEELDEN]
    s = difflib.get_close_matches(zin, kaal, n=2, cutoff=0.45)
    return "; ".join(repr(next(z for z in zinnen if z.endswith(" " + x))) for x in s)


def pytest_bdd_step_func_lookup_error(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any,
                                      exception: Exception) -> None:
    soort = {"given": "Gegeven", "when": "Als", "then": "Dan"}
    ander = [t for t, p in _PATRONEN if p.fullmatch(step.name) and t != step.type]
    regels = [f"{_plaats(feature.filename, step.line_number)}: onbekende stap: '{step.keyword} {step.name}'"]
    if ander:
        regels.append(f"  Deze zin bestaat wel, maar hoort bij '{soort[ander[0]]}' en niet bij "
                      f"'{soort.get(step.type, step.type)}' (na 'En'/'Maar' telt het woord van de stap ervoor).")
    else:
        regels.append(f"  Deze zin staat niet in de stappentaal. Zie {STAPPEN_DOC} voor alle zinnen, elk met een voorbeeld.")
        s = _suggestie(step.name)
        if s:
            regels.append(f"  Bedoelt u: {s}?")
    pytest.fail("\n".join(regels), pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    rapport = yield
    if call.when != "call" or not _is_scenario(item):
        return rapport
    ini = item.stash.get(_INITIATIEF, None)
    noteer(item, rapport.passed, ini)
    if call.excinfo is not None and isinstance(call.excinfo.value, (ScenarioFout, StapFout, RegelsError)):
        stap = item.stash.get(_STAP, None)
        info = item.stash.get(_SCENARIO, None)
        kop = ""
        if stap is not None and info is not None:
            kop = f"{_plaats(info[0], stap.line_number)}: {stap.keyword} {stap.name}\n"
        tekst = _fout_tekst(call.excinfo.value)
        if isinstance(call.excinfo.value, StapFout):
            tekst = f"deze stap kan niet worden uitgevoerd: {tekst}"
        elif isinstance(call.excinfo.value, RegelsError):
            tekst = f"de toets is niet uitgevoerd: {tekst}"
        if ini is not None and ini.concepten and "conceptregels.regels" in tekst:
            tekst += f"\n  ({CONCEPT_BESTAND} is de tekst van de conceptregel(s) van dit scenario)"
        rapport.longrepr = kop + "  " + tekst.replace("\n", "\n  ")
    return rapport


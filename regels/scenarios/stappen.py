"""How a step is declared: its sentence (a regex), its example sentences, and its registration.

``@_stap`` records a step; ``registreer()`` hands every recorded step to pytest-bdd. pytest-bdd
defines a step's fixture in the namespace of the module that applies its decorator, and pytest
only finds the fixtures of a module it loaded as a plugin (``regels.scenarios``). So the step
modules (``stappen_gegeven``, ``stappen_dan``) only record their steps, and the package
``__init__`` calls ``registreer()`` at its top level, which puts all step fixtures there.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from pytest_bdd import given, parsers, then, when

from regels.scenarios.waarden import _RANG

STAPPEN_DOC = "docs/stappen.md"

# Elke stap heeft een voorbeeldzin: die staat ook in docs/stappen.md en dient als suggestie bij een
# onbekende zin.

VOORBEELDEN: list[tuple[str, str]] = []  # (keyword, example sentence)
_PATRONEN: list[tuple[str, re.Pattern[str]]] = []  # (type, regex) of every step, to tell a keyword mix-up
_STAPPEN: list[tuple[str, str, Callable[..., Any]]] = []  # (type, regex, step function), in declaration order


def _stap(soort: str, patroon: str, *voorbeelden: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    sleutel = {"given": "Gegeven", "when": "Als", "then": "Dan"}[soort]
    for v in voorbeelden:
        VOORBEELDEN.append((sleutel, v))
    patroon += r"\s*"  # an empty cell at the end of an outline line leaves a trailing space
    _PATRONEN.append((soort, re.compile(patroon)))

    def neem_op(functie: Callable[..., Any]) -> Callable[..., Any]:
        _STAPPEN.append((soort, patroon, functie))
        return functie

    return neem_op


def registreer() -> None:
    """Register every recorded step with pytest-bdd, in the namespace of the module that calls this.

    Call it once, at the top level of the plugin module: pytest-bdd puts each step fixture in the
    module-level namespace of its caller's caller (``stacklevel=2``: the frame above this function).
    """
    decorator = {"given": given, "when": when, "then": then}
    for soort, patroon, functie in _STAPPEN:
        decorator[soort](parsers.re(patroon), stacklevel=2)(functie)


ARTIKEL = (r"artikel (?P<artikel>\d+[a-z]?(?:\.\d+[a-z]?)*)"
           r"(?:(?: lid (?P<lid>\d+[a-z]?))|(?:, (?P<rang>eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende) lid))?")
VOOR = r'(?: voor "(?P<activiteit>[^"]+)")?'


def _lid(lid: str | None, rang: str | None) -> str | None:
    return lid or (_RANG[rang] if rang else None)


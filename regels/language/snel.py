"""A fast path for the most common statements, checked against the grammar.

pyparsing costs about 0.4 ms per line; a plan of 2,000 articles has some 20,000 lines. The lines
that make up most of a plan (artikel, lid, tekst, regel, simple eisen) are matched here with one
regular expression each. Anything these do not match exactly, including every line with an error,
goes to the full grammar, so messages stay the same. A test compares both paths on every line
of the bundled plan and on generated plans (tests/language/test_snel.py).
"""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any

from regels.language.grammar import EENHEID_RE, GERESERVEERD
from regels.model.regeling import KWALIFICATIES

_TEKST = r'"((?:[^"\\]|\\.)+)"'
_NUM = r"(\d+[a-z]?(?:\.\d+[a-z]?)*)"
_WOORD = rf"(?!(?:{'|'.join(GERESERVEERD)})\b)[^\W\d][\w-]*"
_NAAM = rf"({_WOORD}(?:[ \t]+{_WOORD})*)"
_GETAL = r"(-?\d+(?:[.,]\d+)?)"
_KWAL = "(" + "|".join(re.escape(k) for k in sorted(KWALIFICATIES, key=len, reverse=True)) + ")"
_LIJST = rf'({_TEKST}(?:[ \t]*,[ \t]*{_TEKST})*)'
_ESCAPE = re.compile(r"\\(.)")
_IN_LIJST = re.compile(_TEKST)

_PATRONEN = {
    "hoofdstuk": re.compile(rf"[ \t]*hoofdstuk[ \t]+(\d+[a-z]?)[ \t]+{_TEKST}[ \t]*"),
    "afdeling": re.compile(rf"[ \t]*afdeling[ \t]+(\d+[a-z]?(?:\.\d+[a-z]?)+)[ \t]+{_TEKST}[ \t]*"),
    "artikel": re.compile(rf"[ \t]*artikel[ \t]+{_NUM}[ \t]+{_TEKST}[ \t]*"),
    "lid": re.compile(rf"[ \t]*lid[ \t]+(\d+[a-z]?)[ \t]+{_TEKST}[ \t]*"),
    "tekst": re.compile(rf"[ \t]*tekst[ \t]+{_TEKST}[ \t]*"),
    "regel": re.compile(rf"[ \t]*regel[ \t]+{_TEKST}[ \t]+in[ \t]+{_LIJST}[ \t]+is[ \t]+{_KWAL}[ \t]*"),
    "eis": re.compile(rf"[ \t]*eis[ \t]+{_NAAM}[ \t]*(<=|>=|!=|<|>|=)[ \t]*(?:{_GETAL}(?:[ \t]+({EENHEID_RE}))?|{_NAAM})[ \t]*"),
    "als": re.compile(rf"[ \t]*als[ \t]+{_NAAM}[ \t]*(<=|>=|!=|<|>|=)[ \t]*(?:{_GETAL}(?:[ \t]+({EENHEID_RE}))?|{_NAAM})[ \t]*"),
    "afwijkbaar": re.compile(r"[ \t]*afwijkbaar[ \t]*"),
}


def _tekst(s: str) -> str:
    return _ESCAPE.sub(r"\1", s)


def _lijst(s: str) -> list[str]:
    return [_tekst(x) for x in _IN_LIJST.findall(s)]


def snel(soort: str, inhoud: str) -> Any | None:
    """The parse result of a common statement, shaped like the grammar's, or None to use the grammar."""
    patroon = _PATRONEN.get(soort)
    if patroon is None:
        return None
    m = patroon.fullmatch(inhoud)
    if m is None:
        return None
    g = m.groups()
    if soort in ("hoofdstuk", "afdeling", "artikel"):
        return SimpleNamespace(nummer=g[0], titel=_tekst(g[1]))
    if soort == "lid":
        return SimpleNamespace(nummer=g[0], tekst=_tekst(g[1]))
    if soort == "tekst":
        return SimpleNamespace(tekst=_tekst(g[0]))
    if soort == "regel":
        return SimpleNamespace(activiteit=_tekst(g[0]), locaties=_lijst(g[1]), kwalificatie=g[-1])
    if soort in ("eis", "als"):
        links, op, getal, eenheid, naam = g
        if naam is not None and naam.split()[-1] in ("m", "m2", "m3", "cm", "mm", "km", "km2", "ha", "graden", "dB", "jaar", "maanden"):
            return None  # e.g. "x = maximum 12 m": leave odd cases to the grammar
        if naam is not None:
            rechts: dict[str, Any] = {"soort": "naam", "naam": " ".join(naam.split())}
        else:
            rechts = {"soort": "getal", "waarde": float(getal.replace(",", ".")), "eenheid": eenheid}
        return SimpleNamespace(expressie={"soort": "vergelijking", "links": {"soort": "naam", "naam": " ".join(links.split())},
                                          "op": op, "rechts": rechts})
    return SimpleNamespace()

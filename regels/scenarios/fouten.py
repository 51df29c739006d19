"""The two ways a scenario step goes wrong, each with a Dutch message (turned into a report by ``meldingen``)."""

from __future__ import annotations


class ScenarioFout(AssertionError):
    """A Dan-step whose expectation did not come true; the message is Dutch and complete."""


class StapFout(Exception):
    """A step that cannot be carried out as written (unknown begrip, bad number, …); Dutch message."""


def _fout_tekst(e: BaseException) -> str:
    tekst = str(e).strip()
    return tekst

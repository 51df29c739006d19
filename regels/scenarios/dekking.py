"""The coverage: which articles (and leden) with machine rules a passing scenario exercised, per session.

Kept in the pytest config's stash; ``tests/test_features.py`` and ``draai`` read it afterwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pytest

from regels.plan import Plan
from regels.scenarios.context import Initiatief, artikelen_met_regels, leden_met_regels

BESLIST = ("voldoet", "voldoet niet")


@dataclass
class Dekking:
    """Per session: which articles (and leden) with rules were exercised by a passing scenario."""

    artikelen: dict[str, set[str]] = field(default_factory=dict)  # artikelnummer → scenario's
    leden: dict[str, set[str]] = field(default_factory=dict)  # citaat → scenario's
    alle: set[str] = field(default_factory=set)  # node ids of all scenario items collected (before -k/-m)
    gedraaid: set[str] = field(default_factory=set)  # node ids of scenario items that ran

    def compleet(self) -> bool:
        """Whether every scenario collected in this session ran (none deselected with -k/-m)."""
        return bool(self.alle) and self.alle <= self.gedraaid

    def niet_gedekt(self, plan: Plan) -> tuple[list[str], list[str]]:
        """The articles and the leden of ``plan`` with rules that no passing scenario exercised."""
        return ([a for a in artikelen_met_regels(plan) if a not in self.artikelen],
                [c for c in leden_met_regels(plan) if c not in self.leden])


DEKKING = pytest.StashKey[Dekking]()


def dekking(config: pytest.Config) -> Dekking:
    """The coverage collected in this session."""
    if DEKKING not in config.stash:
        config.stash[DEKKING] = Dekking()
    return config.stash[DEKKING]


def _is_scenario(item: pytest.Item) -> bool:
    return "_pytest_bdd_example" in getattr(item, "fixturenames", ())


def gedekte_artikelen(ini: Initiatief) -> tuple[set[str], set[str]]:
    """The articles and leden a passing scenario exercised.

    An article counts when a Dan-step asserted on it and it had a rule in the outcome (in force, at
    the location), or when a Dan-step asserted the conclusion, oordeel or missing facts of an
    activity to which a rule of the article applied with a decided outcome (voldoet or voldoet niet).
    """
    if ini._uitkomst is None:
        return set(), set()
    artikelen: set[str] = set()
    leden: set[str] = set()
    for a in ini._uitkomst.activiteiten:
        for r in a.regels:
            nummer = r.citaat.split()[1]
            if nummer in ini.beweerde_artikelen or (a.activiteit in ini.beweerde_activiteiten and r.status in BESLIST):
                artikelen.add(nummer)
                leden.add(r.citaat)
    af = ini._uitkomst.afwijking
    if af is not None:  # the afwijkingsregels: asserted on, or deciding an asserted verdict
        for t in af.voorwaarden:
            m = re.search(r"\((artikel (\S+)(?: lid \S+)?)\)$", t.tekst)
            if m and (m.group(2) in ini.beweerde_artikelen or (ini.afwijking_beweerd and t.status in BESLIST)):
                artikelen.add(m.group(2))
                leden.add(m.group(1))
    return artikelen, leden


def pytest_configure(config: pytest.Config) -> None:
    dekking(config)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    # before -k/-m deselect: remember every scenario, so the coverage test knows whether all of them ran
    dekking(config).alle.update(i.nodeid for i in items if _is_scenario(i))


def noteer(item: pytest.Item, geslaagd: bool, ini: Initiatief | None) -> None:
    """Record that the scenario ``item`` ran, and what it exercised when it passed."""
    d = dekking(item.config)
    d.gedraaid.add(item.nodeid)
    if geslaagd and ini is not None:
        artikelen, leden = gedekte_artikelen(ini)
        for a in artikelen:
            d.artikelen.setdefault(a, set()).add(item.nodeid)
        for c in leden:
            d.leden.setdefault(c, set()).add(item.nodeid)

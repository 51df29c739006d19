"""Running feature files against a (concept) plan, with a readable Dutch report: the engine of 'regels scenarios'."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pytest

from regels.scenarios.context import PLAN_ENV, artikelen_met_regels, laad, leden_met_regels
from regels.scenarios.dekking import dekking
from regels.scenarios.meldingen import _plaats

@dataclass
class ScenarioUitslag:
    """One scenario (or one row of Voorbeelden) and how it went."""

    bestand: str
    functionaliteit: str
    naam: str
    regel: int
    geslaagd: bool
    melding: str = ""


@dataclass
class Verslag:
    """The result of running feature files against a plan."""

    plan_titel: str
    plan_map: str
    uitslagen: list[ScenarioUitslag] = field(default_factory=list)
    fouten: list[str] = field(default_factory=list)  # feature files that could not be read
    niet_gedekt: list[str] = field(default_factory=list)  # articles with rules that no passing scenario exercised
    n_artikelen: int = 0
    niet_gedekte_leden: list[str] = field(default_factory=list)  # the same per lid ('artikel 2.2 lid 1')
    n_leden: int = 0

    @property
    def geslaagd(self) -> bool:
        return not self.fouten and bool(self.uitslagen) and all(u.geslaagd for u in self.uitslagen)


class _Verzamelaar:
    """A pytest plugin object that keeps every scenario's outcome for the report."""

    def __init__(self) -> None:
        self.uitslagen: dict[str, ScenarioUitslag] = {}
        self.fouten: list[str] = []
        self.config: pytest.Config | None = None

    def pytest_configure(self, config: pytest.Config) -> None:
        self.config = config

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.fouten.append(str(report.longrepr).strip())

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if report.when == "call" or report.failed:
            info = next((v for k, v in report.user_properties if k == "regels_scenario"), None)
            bestand, functionaliteit, naam, regel = info if info else ("", "", report.nodeid, 0)
            vorige = self.uitslagen.get(report.nodeid)
            if vorige is not None and not vorige.geslaagd:
                return  # keep the first failure (a teardown error after a failed call adds nothing)
            self.uitslagen[report.nodeid] = ScenarioUitslag(
                bestand=bestand, functionaliteit=functionaliteit, naam=naam, regel=regel,
                geslaagd=report.passed, melding="" if report.passed else str(report.longrepr).strip())


_TESTMODULE = """from pytest_bdd import scenarios
scenarios(*{paden!r}, features_base_dir={basis!r})
"""


def draai(paden: Iterable[Path], plan: Path | None = None) -> Verslag:
    """Run the feature files (or folders) ``paden`` against the plan in ``plan`` (None: bundled).

    Raises ``RegelsError`` when the plan itself cannot be loaded. Runs pytest in this process with
    a generated test module in a temporary folder, so that no project configuration is needed.
    """
    import contextlib
    import io
    import tempfile

    p = laad(plan)
    abs_paden = [str(Path(x).resolve()) for x in paden]
    verzamelaar = _Verzamelaar()
    oud = os.environ.get(PLAN_ENV)
    with tempfile.TemporaryDirectory(prefix="regels-scenarios-") as tmp:
        module = Path(tmp) / f"test_regels_scenarios_{Path(tmp).name.replace('-', '_')}.py"  # unique: may run again in-process
        module.write_text(_TESTMODULE.format(paden=abs_paden, basis=tmp), encoding="utf-8")
        ini = Path(tmp) / "pytest.ini"
        ini.write_text("[pytest]\n", encoding="utf-8")
        uit = io.StringIO()
        try:
            if plan is not None:
                os.environ[PLAN_ENV] = str(Path(plan).resolve())
            else:
                os.environ.pop(PLAN_ENV, None)
            with contextlib.redirect_stdout(uit), contextlib.redirect_stderr(uit):
                pytest.main([str(module), "-c", str(ini), "--rootdir", tmp, "-p", "no:cacheprovider", "-q", "--assert=plain", "--import-mode=importlib",
                             "-W", "ignore::pytest.PytestUnknownMarkWarning"],
                            plugins=[sys.modules["regels.scenarios"], verzamelaar])  # the steps: the package, as a plugin
        finally:
            if oud is None:
                os.environ.pop(PLAN_ENV, None)
            else:
                os.environ[PLAN_ENV] = oud
    verslag = Verslag(plan_titel=p.titel, plan_map=str(plan) if plan else "meegeleverd plan (rules/zoetermeer)",
                      uitslagen=list(verzamelaar.uitslagen.values()))
    for f in verzamelaar.fouten:
        hint = ""
        if "language" in f or "expected:" in f:
            hint = "\n  Staat '# language: nl' op de eerste regel, en begint elk scenario met 'Scenario:' of 'Voorbeeld:'?"
        verslag.fouten.append(f"kan de feature-bestanden niet lezen:\n  {f.replace(chr(10), chr(10) + '  ')}{hint}")
    if verzamelaar.config is not None:
        d = dekking(verzamelaar.config)
        doel = artikelen_met_regels(p)
        verslag.n_artikelen = len(doel)
        verslag.n_leden = len(leden_met_regels(p))
        verslag.niet_gedekt, verslag.niet_gedekte_leden = d.niet_gedekt(p)
    return verslag


def verslag_tekst(v: Verslag, alleen_mislukt: bool = False, dekking_lijst: bool = False) -> str:
    """The report in Dutch, per feature file, per scenario: geslaagd or MISLUKT with the message."""
    regels = [f"Scenario's tegen: {v.plan_titel}", f"Plan: {v.plan_map}", ""]
    for f in v.fouten:
        regels += [f, ""]
    per_bestand: dict[str, list[ScenarioUitslag]] = {}
    for u in v.uitslagen:
        per_bestand.setdefault(u.bestand, []).append(u)
    for bestand, uitslagen in per_bestand.items():
        toon = [u for u in uitslagen if not (alleen_mislukt and u.geslaagd)]
        if not toon:
            continue
        naam = uitslagen[0].functionaliteit
        regels.append(f"{_plaats(bestand, 0).rsplit(':', 1)[0]}" + (f" — {naam}" if naam else ""))
        for u in toon:
            regels.append(f"  {'geslaagd' if u.geslaagd else 'MISLUKT '}  {u.naam} (regel {u.regel})")
            if not u.geslaagd:
                regels += ["      " + r for r in u.melding.splitlines()]
        regels.append("")
    n = len(v.uitslagen)
    mislukt = sum(not u.geslaagd for u in v.uitslagen)
    regels.append(f"Samenvatting: {n} scenario{'' if n == 1 else chr(39) + 's'}, {n - mislukt} geslaagd, {mislukt} mislukt"
                  + (f", {len(v.fouten)} bestand(en) onleesbaar" if v.fouten else "") + ".")
    if v.n_artikelen:
        gedekt = v.n_artikelen - len(v.niet_gedekt)
        regel = (f"Dekking: {gedekt} van de {v.n_artikelen} artikelen met regels getoetst door een geslaagd scenario "
                 f"({v.n_leden - len(v.niet_gedekte_leden)} van de {v.n_leden} leden)")
        if v.niet_gedekt and (dekking_lijst or len(v.niet_gedekt) <= 10):
            regel += "; niet getoetst: " + ", ".join(f"artikel {a}" for a in v.niet_gedekt)
        elif v.niet_gedekt:
            regel += "; toon de artikelen die niet getoetst zijn met --dekking"
        regels.append(regel + ".")
        if dekking_lijst and v.niet_gedekte_leden:
            regels.append("Leden met regels die niet getoetst zijn: " + ", ".join(v.niet_gedekte_leden) + ".")
    return "\n".join(regels) + "\n"

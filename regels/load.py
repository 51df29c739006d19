"""Read a plan folder (``*.regels`` + GeoJSON) into a checked ``Plan``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from shapely.geometry.base import BaseGeometry

from regels.deviation.wijkdata import Wijkcijfers
from regels.errors import Melding, PlanFouten, Positie
from regels.language.parse import parse_bestand, parse_tekst, parse_teksten
from regels.language.resolve import resolve
from regels.model.regeling import Bestand, Regeling
from regels.plan import Plan

WIJKCIJFERS = "data/wijkcijfers.json"  # CBS figures per wijk for the deviation clause, when a plan carries them
BUNDLED = Path(__file__).resolve().parent.parent / "rules" / "zoetermeer"


def bundled_plan_dir() -> Path:
    """The folder of the bundled (illustrative) Zoetermeer plan."""
    return BUNDLED


def lees_map(map_: Path) -> tuple[list[Bestand], list[Melding], dict[str, list[str]]]:
    """Parse every ``.regels`` file under ``map_`` (sorted by path); errors of all files together."""
    if not map_.is_dir():
        raise PlanFouten([Melding(f"de planmap {map_} bestaat niet of is geen map")])
    paden = sorted(map_.rglob("*.regels"))
    if not paden:
        raise PlanFouten([Melding(f"de planmap {map_} bevat geen .regels-bestanden")])
    bestanden: list[Bestand] = []
    fouten: list[Melding] = []
    bronnen: dict[str, list[str]] = {}
    for pad in paden:
        b, f = parse_bestand(pad, map_)
        bestanden.append(b)
        fouten.extend(f)
        try:
            bronnen[b.pad] = pad.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            bronnen[b.pad] = []
    return bestanden, fouten, bronnen


def load_plan(map_: Path | str | None = None, *, extra: dict[str, str] | None = None) -> Plan:
    """Load and check the plan in ``map_`` (default: the bundled Zoetermeer plan).

    ``extra`` adds files given as text (name → text), e.g. a draft rule from a feature file; their
    statements join the plan as if they were files in the folder. Raises ``PlanFouten`` with every
    error of every file at once.
    """
    map_ = Path(map_) if map_ is not None else BUNDLED
    bestanden, fouten, bronnen = lees_map(map_)
    extra_bestanden, extra_fouten, extra_bronnen = parse_teksten(extra or {})
    bestanden += extra_bestanden
    fouten += extra_fouten
    bronnen.update(extra_bronnen)
    if fouten:
        raise PlanFouten(fouten)
    plan = resolve(Regeling(bestanden=tuple(bestanden)), map_, bronnen)
    cijfers = map_ / WIJKCIJFERS
    if cijfers.is_file():
        plan = replace(plan, wijkcijfers=Wijkcijfers.lees(cijfers, map_))
    return plan


def plan_uit_tekst(tekst: str, geometrie: dict[str, dict[str, BaseGeometry]], naam: str = "plan.regels") -> Plan:
    """A plan from one text and in-memory geometry (file name → feature name → RD geometry); for tests."""
    b, f = parse_tekst(tekst, naam)
    if f:
        raise PlanFouten(f)
    return resolve(Regeling(bestanden=(b,)), None, {naam: tekst.splitlines()}, geometrie)


__all__ = ["bundled_plan_dir", "load_plan", "plan_uit_tekst", "Positie"]

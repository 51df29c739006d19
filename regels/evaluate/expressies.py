"""Three-valued evaluation of conditions and requirements, with the values compared spelled out.

A result is ``True`` (voldoet), ``False`` (voldoet niet) or ``None`` (onbepaald: a fact is
missing, or a norm has no value at the location). ``en``/``of``/``niet`` follow Kleene's logic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from regels.evaluate.feiten import Waarde
from regels.model.expressie import Deel, En, EenVan, Getal, JaNee, Naam, Niet, Of, Tekst, Vergelijking
from regels.units import Hoeveelheid, formatteer_getal, hoeveelheid

_OPS: dict[str, Callable[[Any, Any], bool]] = {
    "<": lambda a, b: a < b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b, "=": lambda a, b: a == b, "!=": lambda a, b: a != b,
}
_TEGENDEEL = {"<": ">=", "<=": ">", ">": "<=", ">=": "<", "=": "!=", "!=": "="}
_EPS = 1e-9


@dataclass
class Resultaat:
    waarde: bool | None
    toelichting: str
    ontbrekend: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Normwaarde:
    """The value of a norm at the location, and the areas it holds for."""

    waarde: Hoeveelheid
    gebieden: tuple[str, ...]


class Context:
    """What an expression can look up: the proposal's facts and the norms' values at the location."""

    def __init__(self, feiten: dict[str, Waarde], normwaarden: Callable[[str], list[Normwaarde]], normen: set[str],
                 indicatoren: dict[str, Hoeveelheid | None] | None = None) -> None:
        self.feiten = feiten
        self.normwaarden = normwaarden
        self.normen = normen
        self.indicatoren = indicatoren or {}  # the deviation clause's mechanism indicators; None = not known


def _tekst(w: Waarde) -> str:
    if isinstance(w, bool):
        return "ja" if w else "nee"
    if isinstance(w, str):
        return f'"{w}"'
    return str(w)


def _opties(naam: str, ctx: Context) -> list[tuple[Waarde, str]] | None:
    """The value(s) a name stands for, each with how to show it; None when unknown."""
    if naam in ctx.normen:
        waarden = ctx.normwaarden(naam)
        if not waarden:
            return None
        return [(w.waarde, f"{naam} {w.waarde}" + (f" (in {', '.join(w.gebieden)})" if len(waarden) > 1 else "")) for w in waarden]
    if naam in ctx.feiten:
        return [(ctx.feiten[naam], f"{naam} {_tekst(ctx.feiten[naam])}")]
    waarde = ctx.indicatoren.get(naam)
    if waarde is not None:
        return [(waarde, f"{naam} {waarde}")]
    return None


def _operand(o: Any, ctx: Context) -> tuple[list[tuple[Waarde, str]] | None, list[str]]:
    if isinstance(o, Getal):
        q = hoeveelheid(o.waarde, o.eenheid)
        return [(q, str(Hoeveelheid(o.waarde, o.eenheid)) if o.eenheid else formatteer_getal(o.waarde))], []
    if isinstance(o, JaNee):
        return [(o.waarde, "ja" if o.waarde else "nee")], []
    if isinstance(o, Tekst):
        return [(o.waarde, f'"{o.waarde}"')], []
    if isinstance(o, Naam):
        opties = _opties(o.naam, ctx)
        return opties, ([] if opties is not None else [o.naam])
    if isinstance(o, Deel):
        a, ma = _operand(o.aandeel, ctx)
        v, mv = _operand(o.van, ctx)
        if a is None or v is None:
            return None, ma + mv
        uit = []
        for (pa, ta) in a:
            for (pv, tv) in v:
                assert isinstance(pa, Hoeveelheid) and isinstance(pv, Hoeveelheid)
                q = Hoeveelheid(pa.waarde / 100.0 * pv.waarde, pv.eenheid)
                uit.append((q, f"{ta} van {tv} = {q}"))
        return uit, []
    raise TypeError(o)


def _vergelijk(a: Waarde, op: str, b: Waarde) -> bool:
    if isinstance(a, Hoeveelheid) and isinstance(b, Hoeveelheid):
        x, y = a.waarde, b.waarde
        if op in ("=", "!="):
            gelijk = abs(x - y) <= _EPS * max(1.0, abs(x), abs(y))
            return gelijk if op == "=" else not gelijk
        if op in ("<=", ">="):
            return _OPS[op](x, y) or abs(x - y) <= _EPS * max(1.0, abs(x), abs(y))
        return _OPS[op](x, y)
    return _OPS[op](a, b)


def evalueer(e: Any, ctx: Context) -> Resultaat:
    """Evaluate a condition or requirement in ``ctx``."""
    if isinstance(e, Vergelijking):
        links, ml = _operand(e.links, ctx)
        rechts, mr = _operand(e.rechts, ctx)
        if links is None or rechts is None:
            ontbrekend = ml + mr
            return Resultaat(None, f"onbepaald: {', '.join(ontbrekend)} onbekend", ontbrekend)
        delen, alles = [], True
        for (wa, ta) in links:
            for (wb, tb) in rechts:
                ok = _vergelijk(wa, e.op, wb)
                alles = alles and ok
                delen.append(f"{ta} {e.op if ok else _TEGENDEEL[e.op]} {tb}")
        return Resultaat(alles, "; ".join(delen))
    if isinstance(e, EenVan):
        opties, m = _operand(e.links, ctx)
        if opties is None:
            return Resultaat(None, f"onbepaald: {e.links.naam} onbekend", m)
        w, t = opties[0]
        ok = w in e.waarden
        lijst = ", ".join(f'"{x}"' for x in e.waarden)
        return Resultaat(ok, f"{t} is {'een' if ok else 'geen'} van {lijst}")
    if isinstance(e, Niet):
        r = evalueer(e.arg, ctx)
        return Resultaat(None if r.waarde is None else not r.waarde, f"niet ({r.toelichting})", r.ontbrekend)
    if isinstance(e, (En, Of)):
        delen = [evalueer(a, ctx) for a in e.args]
        waarden = [d.waarde for d in delen]
        beslissend = False if isinstance(e, En) else True
        if beslissend in waarden:
            waarde: bool | None = beslissend
        elif None in waarden:
            waarde = None
        else:
            waarde = not beslissend
        ontbrekend = [] if waarde is not None else [m for d in delen for m in d.ontbrekend]
        return Resultaat(waarde, f" {e.soort} ".join(f"({d.toelichting})" if len(delen) > 1 else d.toelichting for d in delen),
                         list(dict.fromkeys(ontbrekend)))
    raise TypeError(e)

"""Numbers, dates, facts and locations as a jurist writes them in a feature file, read into plan terms.

Every function raises ``StapFout`` with a Dutch message when the text cannot be read.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from typing import Any

from regels.plan import Plan
from regels.scenarios.fouten import StapFout
from regels.units import zoek_eenheid

_MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
            "oktober", "november", "december"]
_RANG = {"eerste": "1", "tweede": "2", "derde": "3", "vierde": "4", "vijfde": "5", "zesde": "6",
         "zevende": "7", "achtste": "8", "negende": "9", "tiende": "10"}
_GETAL = re.compile(r"-?\d+(?:[.,]\d+)?")


def lees_datum(tekst: str) -> dt.date:
    """'2026-09-01' or '1 september 2026' → a date; StapFout otherwise."""
    t = tekst.strip().strip('"')
    try:
        return dt.date.fromisoformat(t)
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{1,2}) ([a-z]+) (\d{4})", t.lower())
    if m and m.group(2) in _MAANDEN:
        try:
            return dt.date(int(m.group(3)), _MAANDEN.index(m.group(2)) + 1, int(m.group(1)))
        except ValueError:
            pass
    raise StapFout(f"{tekst!r} is geen datum; schrijf 2026-09-01 of 1 september 2026")


def lees_getal(tekst: str, wat: str) -> float:
    """A Dutch number: '12,5' or '12.5' (no thousands separator); StapFout otherwise."""
    t = tekst.strip()
    if re.fullmatch(r"-?\d{1,3}(?:\.\d{3})+", t):
        raise StapFout(f"{wat}: {t!r} is dubbelzinnig (duizendtal of decimaal?); schrijf {t.replace('.', '')} "
                       f"zonder punt, en een decimaal met een komma (12,5)")
    if not _GETAL.fullmatch(t):
        raise StapFout(f"{wat}: {t!r} is geen getal; schrijf bijvoorbeeld 12 of 12,5")
    return float(t.replace(",", "."))


def _geheel(x: float) -> int | float:
    return int(x) if x == int(x) else x


LEEG = {"", "onbekend", "-", "(onbekend)"}


def begripnaam(plan: Plan, naam: str) -> str:
    """The begrip meant by ``naam``; 'aantal bouwlagen' reads as the begrip 'bouwlagen' (an aantal)."""
    if naam not in plan.begrippen and naam.startswith("aantal "):
        kort = naam[len("aantal "):]
        if kort in plan.begrippen and plan.begrippen[kort][0].type == "aantal":
            return kort
    return naam


def feit_naar_json(plan: Plan, naam: str, tekst: str) -> Any:
    """A fact as written ('12,5 m', 'ja', '"wonen"', '24') → its proposal JSON form, by the begrip's kind.

    Returns None for 'onbekend' (the fact is left out). Raises StapFout with a Dutch message.
    """
    if naam not in plan.begrippen:
        s = difflib.get_close_matches(naam, list(plan.begrippen), n=1, cutoff=0.6)
        hint = f"; bedoelt u {s[0]!r}?" if s else ""
        raise StapFout(f"onbekend begrip {naam!r}{hint} (zie 'regels show --begrippen' voor de begrippen van het plan)")
    begrip = plan.begrippen[naam][0]
    t = tekst.strip()
    if t.lower() in LEEG:
        return None
    if begrip.type == "ja/nee":
        if t.lower() in ("ja", "nee"):
            return t.lower() == "ja"
        raise StapFout(f"{naam!r} is ja/nee: schrijf ja of nee, niet {t!r}")
    if begrip.type == "keuze":
        waarde = t[1:-1] if len(t) >= 2 and t[0] == t[-1] == '"' else t
        for k in begrip.keuzes:
            if k.lower() == waarde.lower():
                return k
        raise StapFout(f"{naam!r} is een keuze: verwacht een van {', '.join(repr(k) for k in begrip.keuzes)}, "
                       f"niet {waarde!r}")
    if begrip.type == "aantal":
        return _geheel(lees_getal(t, repr(naam)))
    # a quantity with a unit
    m = re.fullmatch(r"(-?\d[\d.,]*)\s*(.*)", t)
    getal, eenheid = (m.group(1), m.group(2).strip()) if m else (t.split()[0] if t.split() else t, " ".join(t.split()[1:]))
    waarde = lees_getal(getal, repr(naam))
    verwacht = zoek_eenheid(begrip.eenheid)
    if not eenheid:
        raise StapFout(f"{naam!r} heeft een eenheid: schrijf bijvoorbeeld '{tekst.strip()} {begrip.eenheid}'")
    e = zoek_eenheid(eenheid)
    if e is None or verwacht is None or e.grootheid != verwacht.grootheid:
        raise StapFout(f"{naam!r} wordt gemeten in {begrip.eenheid} ({verwacht.grootheid if verwacht else '?'}); "
                       f"{eenheid!r} past daar niet bij")
    return {"waarde": _geheel(waarde), "eenheid": eenheid}


@dataclass(frozen=True)
class Plek:
    """Where the initiative lies, as written: a point (RD or WGS84) or an expression over plan areas."""

    punt: tuple[float, float] | None = None
    crs: str = "EPSG:28992"
    gebieden: tuple[tuple[str, str], ...] = ()  # (("in", "Meerzicht"), ("en in", "woongebied"), ("buiten", "…"))

    def beschrijving(self) -> str:
        if self.punt is not None:
            return f"{'RD' if self.crs == 'EPSG:28992' else 'WGS84'} {self.punt[0]:g} {self.punt[1]:g}"
        return " ".join(f'{op} "{naam}"' for op, naam in self.gebieden)


def lees_plek(tekst: str) -> Plek:
    """'RD 93038 450204', 'WGS84 4,49 52,06', 'Meerzicht', '"woongebied" buiten "wijken van de toekomst"'."""
    t = tekst.strip()
    m = re.fullmatch(r"(?i)(rd|wgs84)\s+(\S+?)[\s;]+(\S+)", t)
    if m:
        crs = "EPSG:28992" if m.group(1).lower() == "rd" else "EPSG:4326"
        return Plek(punt=(lees_getal(m.group(2), "coördinaat"), lees_getal(m.group(3), "coördinaat")), crs=crs)
    if t.lower().startswith("in "):
        t = t[3:].strip()
    if '"' not in t:
        return Plek(gebieden=(("in", t),))
    delen = re.findall(r'(in|en in|en niet in|buiten)?\s*"([^"]+)"', t)
    rest = re.sub(r'(in|en in|en niet in|buiten)?\s*"([^"]+)"', "", t).strip()
    if not delen or rest:
        raise StapFout(f'locatie {tekst!r} niet begrepen; schrijf bijvoorbeeld "Meerzicht", '
                       f'"woongebied" buiten "wijken van de toekomst", of RD 93038 450204')
    uit = []
    for i, (op, naam) in enumerate(delen):
        op = op or ("in" if i == 0 else "en in")
        uit.append(("buiten" if op == "en niet in" else op, naam))
    return Plek(gebieden=tuple(uit))


VOORKEURSGEBIED = "woongebied"


def punt_in_plan(plan: Plan, plek: Plek) -> tuple[float, float]:
    """A point (RD) for a place written as plan areas, from the plan's own geometry.

    One area: its representative point; if the area is partly in ``woongebied`` (a wijk such as
    Meerzicht) and that point is not, a point in the part that is. Several: the representative
    point of the intersection (``en in``) minus the areas after ``buiten``.
    """
    geom = None
    for op, naam in plek.gebieden:
        if naam not in plan.locaties:
            s = difflib.get_close_matches(naam, list(plan.locaties), n=1)
            raise StapFout(f"onbekend gebied {naam!r}" + (f"; bedoelt u {s[0]!r}?" if s else "")
                           + " (zie 'regels show --gebieden')")
        g = plan.locaties[naam]
        geom = g if geom is None else (geom.difference(g) if op == "buiten" else geom.intersection(g))
    assert geom is not None
    if geom.is_empty or geom.area <= 0:
        raise StapFout(f"er is geen plek {plek.beschrijving()} (de gebieden overlappen niet)")
    punt = geom.representative_point()
    if len(plek.gebieden) == 1 and VOORKEURSGEBIED in plan.locaties and plek.gebieden[0][1] != VOORKEURSGEBIED:
        voorkeur = plan.locaties[VOORKEURSGEBIED]
        if not voorkeur.contains(punt):
            deel = geom.intersection(voorkeur)
            if not deel.is_empty and deel.area > 0.01 * geom.area:
                punt = deel.representative_point()
    return (round(punt.x, 3), round(punt.y, 3))

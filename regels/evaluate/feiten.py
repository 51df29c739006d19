"""Check a proposal's facts against the plan's begrippen and turn them into typed values.

Unknown names, a value of the wrong kind and a unit of the wrong grootheid are input errors
(``VoorstelFout`` with the JSON path), never guessed at.
"""

from __future__ import annotations

import difflib
from typing import Any, Union

from regels.errors import Melding, VoorstelFout
from regels.model.voorstel import Hoeveelheidsfeit, Voorstel
from regels.plan import Plan
from regels.units import Hoeveelheid, eenheden_van, hoeveelheid, zoek_eenheid

Waarde = Union[Hoeveelheid, bool, str]


def soort_tekst(begrip: Any) -> str:
    """How a begrip's kind reads in a report: 'eenheid m', 'aantal', 'ja/nee', 'keuze'."""
    return f"eenheid {begrip.eenheid}" if begrip.type == "eenheid" else begrip.type


def lees_feiten(plan: Plan, voorstel: Voorstel) -> dict[str, Waarde]:
    """The proposal's facts as typed values; raises ``VoorstelFout`` listing every bad fact."""
    fouten: list[Melding] = []
    uit: dict[str, Waarde] = {}
    for naam, ruw in voorstel.feiten.items():
        pad = f"feiten.{naam}"
        if naam not in plan.begrippen:
            s = difflib.get_close_matches(naam, list(plan.begrippen), n=1, cutoff=0.6)
            hint = f"; bedoelt u {s[0]!r}?" if s else "; zie 'regels show --begrippen' voor de begrippen van het plan"
            fouten.append(Melding(f"onbekend begrip {naam!r}{hint}", pad=pad))
            continue
        begrip = plan.begrippen[naam][0]
        try:
            uit[naam] = _waarde(begrip, ruw, pad)
        except _Fout as e:
            fouten.append(Melding(str(e), pad=e.pad))
    if fouten:
        raise VoorstelFout(fouten)
    return uit


class _Fout(Exception):
    def __init__(self, bericht: str, pad: str) -> None:
        super().__init__(bericht)
        self.pad = pad


def _waarde(begrip: Any, ruw: Any, pad: str) -> Waarde:
    if begrip.type == "ja/nee":
        if not isinstance(ruw, bool):
            raise _Fout(f"{begrip.naam!r} is ja/nee: verwacht true of false", pad)
        return ruw
    if begrip.type == "keuze":
        if not isinstance(ruw, str) or ruw not in begrip.keuzes:
            raise _Fout(f"{begrip.naam!r} is een keuze: verwacht een van {', '.join(repr(k) for k in begrip.keuzes)}", pad)
        return ruw
    if begrip.type == "aantal":
        if isinstance(ruw, bool) or not isinstance(ruw, (int, float)):
            raise _Fout(f"{begrip.naam!r} is een aantal: verwacht een getal zonder eenheid", pad)
        if ruw < 0:
            raise _Fout(f"{begrip.naam!r} kan niet negatief zijn", pad)
        return Hoeveelheid(float(ruw), None)
    # a quantity with a unit
    verwacht = zoek_eenheid(begrip.eenheid)
    assert verwacht is not None
    toegestaan = ", ".join(eenheden_van(verwacht.grootheid))
    if not isinstance(ruw, Hoeveelheidsfeit):
        raise _Fout(f"{begrip.naam!r} heeft een eenheid: schrijf {{\"waarde\": …, \"eenheid\": \"{begrip.eenheid}\"}} "
                    f"(toegestaan: {toegestaan})", pad)
    e = zoek_eenheid(ruw.eenheid)
    if e is None:
        raise _Fout(f"onbekende eenheid {ruw.eenheid!r}; voor {begrip.naam!r} is toegestaan: {toegestaan}", pad + ".eenheid")
    if e.grootheid != verwacht.grootheid:
        raise _Fout(f"{ruw.eenheid!r} is een eenheid van {e.grootheid}, maar {begrip.naam!r} is een {verwacht.grootheid}; "
                    f"toegestaan: {toegestaan}", pad + ".eenheid")
    if ruw.waarde < 0:
        raise _Fout(f"{begrip.naam!r} kan niet negatief zijn", pad + ".waarde")
    return hoeveelheid(ruw.waarde, ruw.eenheid)

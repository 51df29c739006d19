"""The neighbourhood figures a plan carries (``data/wijkcijfers.json``) and the wijk geometry.

Read when the plan loads; afterwards only looked up. Which wijk a location lies in: the wijk that
holds the largest part of it (for a point: the wijk that contains it; on a border the first by name).
Neighbouring wijken: wijken whose boundary touches or overlaps the wijk's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from shapely.geometry.base import BaseGeometry

from regels.errors import GeoFout, Melding, PlanFouten
from regels.geo import GebiedenIndex, lees_geojson


@dataclass(frozen=True)
class Cijfer:
    waarde: float | None
    eenheid: str
    bron: str
    peildatum: str

    @property
    def bronvermelding(self) -> str:
        return f"{self.bron}, peildatum {self.peildatum}"


@dataclass(frozen=True)
class Wijk:
    code: str
    naam: str
    cijfers: dict[str, Cijfer]
    geometrie: BaseGeometry = field(repr=False, compare=False)

    def cijfer(self, naam: str) -> Cijfer | None:
        c = self.cijfers.get(naam)
        return c if c is not None and c.waarde is not None else None


class Wijkcijfers:
    """All wijken with their figures, a spatial index over them, and city-wide averages."""

    def __init__(self, wijken: list[Wijk], bestand: str) -> None:
        self.bestand = bestand
        self.wijken = {w.naam: w for w in wijken}
        self.index = GebiedenIndex({w.naam: w.geometrie for w in wijken})

    def wijk_van(self, geom: BaseGeometry) -> Wijk | None:
        geraakt = sorted(self.index.raakt(geom))
        if not geraakt:
            return None
        if geom.geom_type == "Point" or len(geraakt) == 1:
            return self.wijken[geraakt[0]]
        return self.wijken[max(geraakt, key=lambda n: (self.index.bedekking(geom, n), n))]

    def buren(self, wijk: Wijk) -> list[Wijk]:
        return [self.wijken[n] for n in sorted(self.index.raakt(wijk.geometrie)) if n != wijk.naam]

    def gemiddelde(self, cijfer: str, gewicht: str = "woningvoorraad") -> float | None:
        """City average of a figure, weighted by another figure of each wijk (dwellings by default)."""
        teller = noemer = 0.0
        for w in self.wijken.values():
            c, g = w.cijfer(cijfer), w.cijfer(gewicht)
            if c is not None and g is not None:
                teller += c.waarde * g.waarde  # type: ignore[operator]
                noemer += g.waarde  # type: ignore[operator]
        return teller / noemer if noemer else None

    @classmethod
    def lees(cls, pad: Path, basis: Path) -> "Wijkcijfers":
        """Read ``data/wijkcijfers.json`` of a plan folder; ``PlanFouten`` naming the file and wijk on bad data."""
        naam = str(pad.relative_to(basis))
        try:
            data = json.loads(pad.read_text(encoding="utf-8"))
            geobestand = data["geometrie"]
            geometrie = lees_geojson(basis / geobestand)
            wijken = []
            for i, w in enumerate(data["wijken"]):
                waar = f"wijken[{i}]"
                if w["naam"] not in geometrie:
                    raise PlanFouten([Melding(f"wijk {w['naam']!r} staat niet in {geobestand}", pad=f"{naam}: {waar}.naam")])
                cijfers = {k: Cijfer(None if v["waarde"] is None else float(v["waarde"]), str(v["eenheid"]), str(v["bron"]),
                                     str(v["peildatum"])) for k, v in w["cijfers"].items()}
                wijken.append(Wijk(str(w["code"]), str(w["naam"]), cijfers, geometrie[w["naam"]]))
        except PlanFouten:
            raise
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise PlanFouten([Melding(f"de wijkcijfers kunnen niet gelezen worden: {e}", pad=naam)]) from None
        except (KeyError, TypeError, ValueError) as e:
            raise PlanFouten([Melding(f"de wijkcijfers missen een veld of hebben een ongeldige waarde ({e})", pad=naam)]) from None
        except GeoFout as e:
            raise PlanFouten([Melding(str(e), pad=naam)]) from None
        return cls(wijken, naam)

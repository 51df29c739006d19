"""LVBB delivery or DSO/LVBB download (STOP uitwisselpakket) → plan model, with a report of what
could not be made executable.

``importeer(pad)`` reads a folder or zip and returns an :class:`ImportUitslag`: the plan text as
a :class:`~regels.model.regeling.Regeling` (one file with the plan head and the declarations, one
file per hoofdstuk), the geometry per GeoJSON file, the resolved :class:`~regels.plan.Plan` (when
it resolves) and the report. ``ImportUitslag.schrijf_planmap(map)`` writes a plan folder that
``regels lint`` and ``regels check --plan`` accept.

Two routes:

1. **The delivery carries ``regels-machine.xml``** (made by ``regels export``). The plan is read
   from it, exported again, and the result is compared with the delivery: the RegelingCompact, every
   OW object (by identificatie) and every geometry. When all agree, the machine text is the plan,
   exactly (comments, als/eis, geldigheid, afwijkingen, versions). When anything differs, the
   differences are reported and route 2 is taken, with the machine logic put back where the OW
   identifiers still match.
2. **Any other delivery or download**: the text structure from STOP, every OW object from IMOW,
   the geometry from the GIOs. What the plan model can take, comes in; every rule keeps its
   activity, qualification and locations. An ``eis`` is derived only where that is sound: a
   quantitative Omgevingsnorm whose name starts with 'maximum'/'maximale' (``<=``) or
   'minimum'/'minimale' (``>=``) and whose unit is known gives ``eis <fact> <= <norm>`` with
   ``<fact>`` the name without that word (``maximum bouwhoogte`` → ``bouwhoogte``), declared as a
   begrip. Everything else is reported per object: skipped (and why) or prose only.

The steps live in their own modules: reading the package (:mod:`regels.stop.pakketlezer`), applying
wijzigingsbesluiten (:mod:`regels.stop.wijzigingen`), route 1 (:mod:`regels.stop.machineroute`), route 2
(:mod:`regels.stop.planbouwer`) and the report lines (:mod:`regels.stop.importrapport`). This module
ties them together and holds the result.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from shapely.geometry import mapping
from shapely.geometry.base import BaseGeometry

from regels.errors import Melding, PlanFouten, XmlFout
from regels.language.format import format_regeling
from regels.language.parse import parse_teksten
from regels.language.resolve import resolve
from regels.model.regeling import (
    Regeling,
)
from regels.plan import Plan
from regels.stop.importrapport import SOORTEN, Rapportregel
from regels.stop.machineroute import herstel_machinelogica, machine_route
from regels.stop.pakketlezer import PakketLezer
from regels.stop.planbouwer import PlanBouwer
from regels.stop.uitvoermap import bereid_uitvoermap
from regels.stop.schemas import SchemaOpslag
from regels.stop.veilig import Limieten, open_pakket
from regels.stop.wijzigingen import Gelezen, WijzigingVerslag, pas_wijzigingen_toe



@dataclass
class ImportUitslag:
    regeling: Regeling
    geometrie: dict[str, dict[str, BaseGeometry]]
    plan: Plan | None
    rapport: list[Rapportregel]
    route: str  # "machinebestand" | "stop+ow"
    fouten: list[Melding] = field(default_factory=list)  # why the plan does not resolve (then plan is None)
    bron: str = ""
    wijzigingen: list[WijzigingVerslag] = field(default_factory=list)  # what each applied wijziging did, in order

    def tel(self) -> dict[str, int]:
        uit: dict[str, int] = {}
        for r in self.rapport:
            uit[r.soort] = uit.get(r.soort, 0) + 1
        return uit

    def rapport_tekst(self) -> str:
        regels = [f"# Importrapport: {self.bron}", "", f"Route: {self.route}.", ""]
        tellingen = self.tel()
        regels.append("Samenvatting: " + (", ".join(f"{n} {s}" for s, n in tellingen.items()) or "niets te melden") + ".")
        if self.wijzigingen:
            regels += ["", f"## Wijzigingen toegepast ({len(self.wijzigingen)})", ""]
            for w in self.wijzigingen:
                regels += [f"- {w.samenvatting()}"] + [f"  - {d}" for d in w.details()]
        if self.fouten:
            regels += ["", "## Het plan laadt niet", ""] + [f"- {m.render()}" for m in self.fouten]
        for soort in SOORTEN:
            lijst = [r for r in self.rapport if r.soort == soort]
            if lijst:
                regels += ["", f"## {soort} ({len(lijst)})", ""] + [f"- {r.waar}: {r.bericht}" for r in lijst]
        return "\n".join(regels) + "\n"

    def schrijf_planmap(self, map_: Path) -> Path:
        """Write ``*.regels``, ``gebieden/*.geojson`` and ``IMPORTRAPPORT.md`` into ``map_``.

        ``map_`` must be new, empty, or an earlier import (it has an IMPORTRAPPORT.md); the files of that
        earlier import are removed first, so no hoofdstuk or area of an older state stays behind
        (:func:`regels.stop.uitvoermap.bereid_uitvoermap`). Other folders raise ``UitvoermapFout``.
        """
        map_ = bereid_uitvoermap(map_, merktekens=("IMPORTRAPPORT.md",), eigen=_eigen_aan_import, wat="geïmporteerd plan")
        for pad, tekst in format_regeling(self.regeling).items():
            doel = map_ / pad
            doel.parent.mkdir(parents=True, exist_ok=True)
            doel.write_text(tekst, encoding="utf-8")
        for bestand, features in self.geometrie.items():
            doel = map_ / bestand
            doel.parent.mkdir(parents=True, exist_ok=True)
            doel.write_text(geojson_tekst(features), encoding="utf-8")
        (map_ / "IMPORTRAPPORT.md").write_text(self.rapport_tekst(), encoding="utf-8")
        return map_


def _eigen_aan_import(p: Path) -> bool:
    """The files an import writes (relative to the plan folder)."""
    if len(p.parts) == 1:
        return p.suffix == ".regels" or p.name == "IMPORTRAPPORT.md"
    return len(p.parts) == 2 and p.parts[0] == "gebieden" and p.suffix == ".geojson"


def geojson_tekst(features: dict[str, BaseGeometry]) -> str:
    """A FeatureCollection in EPSG:28992 with property ``naam`` (coordinates unrounded)."""
    fc = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}},
        "features": [{"type": "Feature", "properties": {"naam": n}, "geometry": mapping(g)} for n, g in features.items()],
    }
    return json.dumps(fc, ensure_ascii=False, indent=1) + "\n"


@contextmanager
def _cyclische_gc_uit() -> Iterator[None]:
    """Keeps the cyclic garbage collector off while an import builds its objects; one pass afterwards.

    An import of a large delivery allocates some 25,000 container objects that all live on (element
    proxies, OW objects, the plan model). The collector would walk the young ones about 35 times and
    the older ones a few times more, 10-15 % of the import, to find no garbage: reference counting
    frees everything that is dropped. With the collector off during the import and one pass over the
    young generation at the end, every object is looked at once. (Mercurial does the same around its
    bulk loads.) When the caller had the collector off, it stays off and no pass is made. Other
    threads run without the cyclic collector for the duration of the import; nothing is lost by that,
    a cycle they leave behind is collected at the first pass afterwards.
    """
    aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aan:
            gc.enable()
            gc.collect(0)


@_cyclische_gc_uit()
def importeer(pad: Path | str, *, opslag: SchemaOpslag | None = None, limieten: Limieten | None = None,
              ambtsgebieden: dict[str, BaseGeometry] | None = None, valideer: bool = False,
              machine: bool = True, wijzigingen: Sequence[Path | str] = ()) -> ImportUitslag:
    """Read a delivery or download (folder or zip) into the plan model; see the module docstring.

    ``ambtsgebieden`` gives the real geometry of an Ambtsgebied by its code (``{"GM0297": geom}``);
    ``valideer`` also validates every XML file against its XSD (needs the schema store ``opslag``)
    and reports deviations; ``machine=False`` ignores a ``regels-machine.xml``.
    ``wijzigingen`` are wijzigingsleveringen (folders or zips) applied on top of ``pad``, in that
    order (see :mod:`regels.stop.wijzigingen`); what each did is in ``ImportUitslag.wijzigingen``.
    Raises ``XmlFout`` for an unsafe or unreadable package, ``MutatieFout`` for a wijziging that does
    not fit and ``RegelingIngetrokken`` when a wijziging withdraws the regeling; everything else is
    in the report.
    """
    pad = Path(pad)
    rapport: list[Rapportregel] = []
    opslag = opslag or (SchemaOpslag.standaard() if valideer else None)
    with open_pakket(pad, limieten=limieten) as pakket:
        lezer = PakketLezer(pakket, rapport, opslag, valideer)
        inhoud = lezer.lees()
    if inhoud.regeling is None:
        raise XmlFout(f"Pakket '{pad.name}': geen regelingtekst gevonden")
    verslagen: list[WijzigingVerslag] = []
    if wijzigingen:
        gelezen = []
        for w in map(Path, wijzigingen):
            w_rapport: list[Rapportregel] = []
            try:
                with open_pakket(w, limieten=limieten) as pakket:
                    w_lezer = PakketLezer(pakket, w_rapport, opslag, valideer, wijziging=True)
                    gelezen.append(Gelezen(w.name, w_lezer.lees(), w_lezer.besluit, w_lezer.cache, w_rapport))
            except XmlFout as e:
                raise type(e)(f"wijziging {w.name}: {e}") from None
        verslagen = pas_wijzigingen_toe(inhoud, gelezen, lambda s, w, b: rapport.append(Rapportregel(s, w, b)))
    if not machine:
        inhoud.machine = None
    if inhoud.machine is not None:
        gevonden = machine_route(inhoud, rapport)
        if gevonden is not None:
            regeling, geometrie, plan = gevonden
            rapport.append(Rapportregel("info", "regels-machine.xml", "het machinebestand klopt met de tekst, alle OW-objecten "
                                        "en de geometrie; het plan is daaruit overgenomen"))
            return ImportUitslag(regeling, geometrie, plan, rapport, "machinebestand", bron=pad.name, wijzigingen=verslagen)
    b = PlanBouwer(inhoud, rapport, ambtsgebieden or {})
    b.tekst()
    b.locaties()
    b.activiteiten_lezen()
    b.normen_lezen()
    b.regels_lezen()
    regeling = b.regeling()
    if inhoud.machine is not None:
        regeling = herstel_machinelogica(regeling, inhoud, rapport)
    # resolve the model as built; only when it does not resolve, format and parse it again so that every
    # error names the file and line of the plan folder that schrijf_planmap writes
    plan: Plan | None = None
    fouten: list[Melding] = []
    try:
        plan = resolve(regeling, None, {}, b.geometrie)
    except PlanFouten:
        bestanden, fouten, bronnen = parse_teksten(format_regeling(regeling))
        if not fouten:
            try:
                resolve(Regeling(bestanden=tuple(bestanden)), None, bronnen, b.geometrie)
            except PlanFouten as e:
                fouten = list(e.fouten)
    return ImportUitslag(regeling, b.geometrie, plan, rapport, "stop+ow", [f for f in fouten if f.ernst == "fout"], pad.name,
                         verslagen)


__all__ = ["ImportUitslag", "Rapportregel", "geojson_tekst", "importeer"]

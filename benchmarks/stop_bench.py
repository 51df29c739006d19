"""Benchmark of the STOP export and import (issue 5).

Prints:
1. export of the bundled plan, and its validation (XSD, the official Schematron with Saxon, TPOD rules);
2. import of the largest sample in ../shared/stop-tpod (route 2: STOP + OW, no machine file), next to
   plain lxml parsing of the same XML/GML files; target: import within 3x plain parsing;
3. import of the bundled plan's own delivery (route 1: machine file, checked by re-export).

The import and the plain parsing are timed in turns (median of at least 7 each), so that the ratio does
not depend on how busy the machine was during one of them.

Run: .venv/bin/python benchmarks/stop_bench.py [--herhaal N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
STOP_TPOD = ROOT.parent / "shared" / "stop-tpod"


def _tijd(f, n: int) -> float:  # noqa: ANN001
    tijden = []
    for _ in range(n):
        t = time.perf_counter()
        f()
        tijden.append(time.perf_counter() - t)
    return statistics.median(tijden)


def _tijden_om_en_om(fs: dict, n: int) -> dict[str, list[float]]:  # noqa: ANN001
    """The times of each function, measured in turns (a, b, a, b, …) so that a change in the load of a
    shared machine falls on all of them alike; a ratio of two medians is then much steadier."""
    tijden: dict[str, list[float]] = {k: [] for k in fs}
    for _ in range(n):
        for k, f in fs.items():
            t = time.perf_counter()
            f()
            tijden[k].append(time.perf_counter() - t)
    return tijden


def xml_bestanden(bron: Path) -> list[Path]:
    """The XML and GML files of a sample: what the plain parsing reads."""
    return [f for f in bron.rglob("*") if f.is_file() and f.suffix in (".xml", ".gml")]


def kaal_parsen(bestanden: list[Path]) -> None:
    """Plain lxml parsing of the files: the baseline of the import."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    for f in bestanden:
        etree.fromstring(f.read_bytes(), parser)


def grootste_voorbeeld() -> Path:
    kandidaten = [p for p in STOP_TPOD.rglob("*") if p.is_dir() and
                  ((p / "pakbon.xml").is_file() or (p / "opdracht.xml").is_file())]
    return max(kandidaten, key=lambda p: sum(f.stat().st_size for f in p.rglob("*") if f.is_file()))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--herhaal", type=int, default=5)
    n = ap.parse_args().herhaal
    if not STOP_TPOD.is_dir():
        print(f"../shared/stop-tpod ontbreekt ({STOP_TPOD})", file=sys.stderr)
        return 1
    from regels import load_plan
    from regels.stop.export import exporteer
    from regels.stop.importeer import importeer
    from regels.stop.schemas import SchemaOpslag
    from regels.stop.tpod import controleer

    plan = load_plan()
    opslag = SchemaOpslag(STOP_TPOD, cache=Path(tempfile.mkdtemp()))
    levering = exporteer(plan)
    t0 = time.perf_counter()
    eerste = controleer(levering, opslag=opslag)  # includes compiling the schemas and Schematron once
    t_eerste = time.perf_counter() - t0
    t_export = _tijd(lambda: exporteer(plan), n)
    t_val = _tijd(lambda: controleer(levering, opslag=opslag), n)
    t_tpod = _tijd(lambda: controleer(levering, opslag=opslag, schematron=False), n)
    print(f"Export van het meegeleverde plan ({len(plan.artikelen)} artikelen, {len(plan.regels)} regels, "
          f"{len(levering.bestanden)} bestanden, {sum(map(len, levering.bestanden.values())) / 1024:.0f} KiB)")
    print(f"  export                          {t_export * 1000:8.1f} ms")
    print(f"  validatie XSD + Schematron + TPOD {t_val * 1000:6.1f} ms  (eerste keer, met compileren: {t_eerste * 1000:.0f} ms)")
    print(f"  validatie XSD + TPOD            {t_tpod * 1000:8.1f} ms")
    print(f"  {eerste.samenvatting()}")

    bron = grootste_voorbeeld()
    bestanden = xml_bestanden(bron)
    grootte = sum(f.stat().st_size for f in bestanden)

    uit = importeer(bron)  # also the warm-up
    gemeten = _tijden_om_en_om({"parse": lambda: kaal_parsen(bestanden), "import": lambda: importeer(bron)}, max(n, 7))
    t_parse, t_import = statistics.median(gemeten["parse"]), statistics.median(gemeten["import"])
    beste = min(gemeten["import"]) / min(gemeten["parse"])  # the least disturbed run of each
    print(f"\nImport van het grootste voorbeeld: {bron.relative_to(STOP_TPOD)}")
    print(f"  {len(bestanden)} XML/GML-bestanden, {grootte / 1024:.0f} KiB; plan laadt: {uit.plan is not None}; {uit.tel()}")
    print(f"  kaal lxml-parsen                {t_parse * 1000:8.1f} ms")
    print(f"  import (STOP + OW → Plan)       {t_import * 1000:8.1f} ms  = {t_import / t_parse:.1f} x parsen (doel: <= 3 x; "
          f"beste van {len(gemeten['import'])}: {beste:.1f} x)")

    with tempfile.TemporaryDirectory() as d:
        levering.schrijf_zip(Path(d) / "z.zip")
        t_rond = _tijd(lambda: importeer(Path(d) / "z.zip"), n)
    print(f"\nImport van de eigen levering (machinebestand, gecontroleerd door opnieuw te exporteren): {t_rond * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

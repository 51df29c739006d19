"""Instructions per import of the largest STOP sample, next to plain lxml parsing (issue 5).

The clock on a shared machine swings by ±30 %; valgrind's callgrind counts instructions, which do not
depend on what else runs. Each figure is the difference between a run with 3 and a run with 1
repetition (after a warm-up), divided by 2, so the start of Python and the imports do not count.

Needs valgrind (Debian: apt-get install valgrind). Takes about five minutes.

Run: .venv/bin/python benchmarks/stop_instructies.py
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from stop_bench import grootste_voorbeeld, kaal_parsen, xml_bestanden  # noqa: E402


def _kind(soort: str, herhaal: int) -> None:
    """The measured program: warm up once, then ``herhaal`` imports or plain parses."""
    from regels.stop.importeer import importeer

    bron = grootste_voorbeeld()
    bestanden = xml_bestanden(bron)
    doe = (lambda: importeer(bron)) if soort == "import" else (lambda: kaal_parsen(bestanden))
    doe()
    for _ in range(herhaal):
        doe()


def _instructies(soort: str, herhaal: int) -> int:
    uit = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__, "--kind", soort,
         str(herhaal)], capture_output=True, text=True, check=True, cwd=ROOT)
    m = re.search(r"Collected : (\d+)", uit.stderr)
    if m is None:
        raise SystemExit(f"valgrind gaf geen telling:\n{uit.stderr[-2000:]}")
    return int(m.group(1))


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--kind":
        _kind(sys.argv[2], int(sys.argv[3]))
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind ontbreekt (Debian: apt-get install valgrind)", file=sys.stderr)
        return 1
    per = {}
    for soort in ("kaal", "import"):
        per[soort] = (_instructies(soort, 3) - _instructies(soort, 1)) / 2
        print(f"{soort:7s} {per[soort] / 1e6:7.0f} M instructies per keer")
    print(f"import / kaal parsen = {per['import'] / per['kaal']:.2f} (doel: <= 3)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

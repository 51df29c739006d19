"""Speed of the core: load of the bundled plan, one check, and a generated plan of 2,000 articles.

Run: .venv/bin/python benchmarks/kern_bench.py
Targets (issue 2): bundled load < 0.5 s, one check < 5 ms; generated plan load < 3 s, check < 10 ms.
Each figure is the median of several runs in one process (imports excluded; printed separately).
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

t0 = time.perf_counter()
import regels  # noqa: E402

IMPORT_S = time.perf_counter() - t0

ZONES = ["woongebied", "centrum", "Entreegebied", "bedrijventerrein", "Westerpark", "polderlint Zuidweg"]


def mediaan(f, n: int) -> float:
    tijden = []
    for _ in range(n):
        t = time.perf_counter()
        f()
        tijden.append(time.perf_counter() - t)
    return statistics.median(tijden)


def letters(i: int) -> str:
    """0 → 'a', 25 → 'z', 26 → 'ba': names in the rule language have words that start with a letter."""
    uit = ""
    while True:
        uit = "abcdefghijklmnopqrstuvwxyz"[i % 26] + uit
        i //= 26
        if i == 0:
            return uit


def genereer_plan(map_: Path, artikelen: int = 2000, seed: int = 7) -> None:
    """A plan folder with ``artikelen`` articles, each with two leden and one or two rules."""
    rnd = random.Random(seed)
    (map_ / "gebieden").mkdir(parents=True)
    for f in (ROOT / "rules" / "zoetermeer" / "gebieden").glob("*.geojson"):
        (map_ / "gebieden" / f.name).write_bytes(f.read_bytes())
    kop = ['plan "Gegenereerd plan"', '  bevoegd gezag "gm0637"', '  werk "/akn/nl/act/gm0637/2030/gegenereerd"',
           '  regelingsgebied "gemeente Zoetermeer"', '  versie "1" geldig vanaf 2024-01-01', "",
           'gebied "gemeente Zoetermeer" uit "gebieden/gemeente.geojson"']
    kop += [f'gebied "{z}" uit "gebieden/functies.geojson"' for z in ZONES]
    kop.append('activiteit "bouwen"')
    activiteiten = [f"bouwen soort {i}" for i in range(60)]
    kop += [f'activiteit "{a}" valt onder "bouwen"' for a in activiteiten]
    (map_ / "00-plan.regels").write_text("\n".join(kop) + "\n", encoding="utf-8")
    begrippen = [f"maat {letters(i)}" for i in range(40)]
    tekst = ['hoofdstuk 1 "Begrippen"', '  artikel 1.1 "Begrippen"']
    for i, b in enumerate(begrippen, 1):
        tekst += [f'    lid {i} "{b}: een maat van het bouwwerk, gemeten zoals in de meetbepalingen staat."', f'      begrip "{b}" eenheid m']
    normen = [f"maximum maat {letters(i)}" for i in range(40)]
    tekst += ['  artikel 1.2 "Normen"']
    for i, n in enumerate(normen, 1):
        tekst += [f'    lid {i} "De {n} is per gebied vastgesteld."', f'      norm "{n}" eenheid m']
        tekst += [f'        waarde {rnd.randint(3, 60)} m in "{z}"' for z in ZONES]
    nummer = 0
    for h in range(2, 2 + artikelen // 100):
        tekst.append(f'hoofdstuk {h} "Hoofdstuk {h}"')
        for a in range(1, 101):
            nummer += 1
            if nummer > artikelen:
                break
            act = rnd.choice(activiteiten)
            zone = rnd.choice(ZONES)
            b1, b2 = rnd.sample(range(40), 2)
            tekst += [f'  artikel {h}.{a} "Regels {h}.{a}"',
                      f'    lid 1 "Het is verboden zonder omgevingsvergunning te {act} in {zone}, tenzij aan de eisen wordt voldaan."',
                      f'      regel "{act}" in "{zone}" is vergunningplichtig',
                      f"        eis maat {letters(b1)} <= maximum maat {letters(b1)}",
                      f"        eis maat {letters(b2)} <= {rnd.randint(2, 40)} m",
                      f'    lid 2 "Van lid 1 kan worden afgeweken als de maat {b2} ten hoogste 2 meter meer bedraagt."',
                      f'      regel "{act}" in "{zone}" is toegestaan',
                      f"        als maat {letters(b2)} <= {rnd.randint(2, 10)} m",
                      "        afwijkbaar"]
    (map_ / "01-regels.regels").write_text("\n".join(tekst) + "\n", encoding="utf-8")


def voorstel(plan: regels.Plan, activiteit: str) -> regels.Voorstel:
    punt = plan.locaties["woongebied"].representative_point()
    return regels.lees_voorstel({
        "omschrijving": "benchmark", "peildatum": "2026-09-01",
        "locatie": {"type": "Point", "coordinates": [punt.x, punt.y]},
        "activiteiten": [activiteit],
        "feiten": {f"maat {letters(i)}": {"waarde": 5, "eenheid": "m"} for i in range(40)} if activiteit.startswith("bouwen soort") else {},
    })


def main() -> None:
    print(f"import regels: {IMPORT_S * 1000:.0f} ms")
    koud = subprocess.run([sys.executable, "-c", "import time; t=time.perf_counter(); import regels; regels.load_plan(); print(time.perf_counter()-t)"],
                          capture_output=True, text=True, cwd=ROOT)
    print(f"bundled plan, new process (import + load): {float(koud.stdout) * 1000:.0f} ms")
    plan = regels.load_plan()
    print(f"bundled plan: {len(plan.artikelen)} artikelen, {len(plan.regels)} regels")
    print(f"  load (parse, resolve, index): {mediaan(regels.load_plan, 5) * 1000:.0f} ms   (target < 500 ms)")
    v = regels.lees_voorstel((ROOT / "voorbeelden" / "afwijking-knarrenhof-meerzicht.json").read_text(encoding="utf-8"))
    print(f"  one check (knarrenhof, {len(v.feiten)} feiten): {mediaan(lambda: regels.evaluate(plan, v), 50) * 1000:.2f} ms   (target < 5 ms)")
    with tempfile.TemporaryDirectory() as tmp:
        map_ = Path(tmp) / "plan"
        genereer_plan(map_)
        groot = regels.load_plan(map_)
        print(f"generated plan: {len(groot.artikelen)} artikelen, {len(groot.regels)} regels")
        print(f"  load (parse, resolve, index): {mediaan(lambda: regels.load_plan(map_), 3) * 1000:.0f} ms   (target < 3000 ms)")
        vg = voorstel(groot, "bouwen soort 7")
        u = regels.evaluate(groot, vg)
        print(f"  one check ({sum(len(a.regels) for a in u.activiteiten)} regels geraakt): "
              f"{mediaan(lambda: regels.evaluate(groot, vg), 50) * 1000:.2f} ms   (target < 10 ms)")


if __name__ == "__main__":
    main()

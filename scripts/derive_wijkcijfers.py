"""Derive the plan's neighbourhood figures (rules/zoetermeer/data/wijkcijfers.json) from the CBS tables.

Reads ../shared/zoetermeer-data/stats (CBS Kerncijfers wijken en buurten 2022 and 2024, wijk layout of
2023, the same codes as rules/zoetermeer/gebieden/wijken.geojson) and writes, per wijk, the figures the
deviation clause uses, each with its source and reference year. Run from the repository root:

    .venv/bin/python scripts/derive_wijkcijfers.py [--bron DIR] [--uit FILE]

The output is deterministic (sorted keys), so running it again gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BRON = ROOT.parent / "shared" / "zoetermeer-data" / "stats"
UIT = ROOT / "rules" / "zoetermeer" / "data" / "wijkcijfers.json"

KWB2022 = "CBS, Kerncijfers wijken en buurten 2022 (PDOK wijkenbuurten 2022)"
KWB2024 = "CBS, Kerncijfers wijken en buurten 2024 (tabel 85984NED)"

# field in the CSV → (name in the data file, unit, source, reference year as CBS states it)
VELDEN_2022 = {
    "woningvoorraad": ("woningvoorraad", "woningen", KWB2022, "2022-01-01"),
    "pct_koopwoningen": ("koopwoningen", "%", KWB2022, "2022-01-01"),
    "pct_huurwoningen": ("huurwoningen", "%", KWB2022, "2022-01-01"),
    "pct_eengezinswoningen": ("eengezinswoningen", "%", KWB2022, "2022-01-01"),
    "gem_woz_waarde_x1000eur": ("gemiddelde WOZ-waarde", "x 1.000 euro", KWB2022, "2021 (WOZ-peiljaar van de KWB 2022)"),
    "gem_inkomen_per_inwoner_x1000eur": ("gemiddeld inkomen per inwoner", "x 1.000 euro", KWB2022, "circa 2019 (inkomen loopt twee jaar achter)"),
    "netto_arbeidsparticipatie_pct": ("netto arbeidsparticipatie", "%", KWB2022, "2021"),
    "bedrijfsvestigingen": ("bedrijfsvestigingen", "aantal", KWB2022, "2021"),
    "aantal_inwoners": ("inwoners", "personen", KWB2022, "2022-01-01"),
}


def getal(tekst: str) -> float | None:
    tekst = tekst.strip()
    return float(tekst) if tekst else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--bron", type=Path, default=BRON)
    ap.add_argument("--uit", type=Path, default=UIT)
    args = ap.parse_args()
    wijken: dict[str, dict] = {}
    with open(args.bron / "zoetermeer_wijken_kwb2022.csv", encoding="utf-8") as f:
        for rij in csv.DictReader(f):
            cijfers = {}
            for veld, (naam, eenheid, bron, jaar) in VELDEN_2022.items():
                cijfers[naam] = {"waarde": getal(rij[veld]), "eenheid": eenheid, "bron": bron, "peildatum": jaar}
            wijken[rij["wijkcode"]] = {"code": rij["wijkcode"], "naam": rij["wijknaam"], "cijfers": cijfers}
    with open(args.bron / "zoetermeer_wijken_kwb2024.csv", encoding="utf-8") as f:
        for rij in csv.DictReader(f):
            if rij["soort"] == "wijk" and rij["regiocode"] in wijken:
                wijken[rij["regiocode"]]["cijfers"]["woningvoorraad 2024"] = {
                    "waarde": getal(rij["woningvoorraad"]), "eenheid": "woningen", "bron": KWB2024, "peildatum": "2024-01-01"}
    data = {
        "toelichting": "Cijfers per wijk (CBS-indeling 2023) voor de afwijkingsregel; afgeleid door scripts/derive_wijkcijfers.py "
                       "uit ../shared/zoetermeer-data/stats. Lege waarden: CBS publiceert ze niet voor die wijk.",
        "geometrie": "gebieden/wijken.geojson",
        "wijken": [wijken[k] for k in sorted(wijken)],
    }
    args.uit.parent.mkdir(parents=True, exist_ok=True)
    args.uit.write_text(json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"geschreven: {args.uit} ({len(wijken)} wijken)")


if __name__ == "__main__":
    main()

"""Speed of applying a wijzigingsbesluit in renvooi (``regels.stop.mutaties``) on a large renvooi.

One ``tekst:Vervang`` of an article whose single ``Al`` holds n ``VerwijderdeTekst`` markers, and one
with n ``NieuweTekst`` markers (n = 10,000 and 40,000). Resolving the renvooi must take time linear in
n: 4x the markers, about 4x the time (quadratic would be 16x).

Figures (one run each, this machine; see docs/stop.md, "Wijzigingsbesluiten"):

    n        VerwijderdeTekst  NieuweTekst
    10,000   1.26 s → 0.11 s   2.78 s → 0.12 s
    40,000   26.4 s → 0.31 s   44.4 s → 0.52 s

(before → after making the renvooi linear; before, each marker appended to a string that grew with
the text before it).

Run: .venv/bin/python benchmarks/stop_mutatie_bench.py [N ...]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lxml import etree  # noqa: E402

from regels.stop.mutaties import pas_mutatie_toe  # noqa: E402

T = "https://standaarden.overheid.nl/stop/imop/tekst/"
WERK = "/akn/nl/act/gm9999/2024/plan"
WID = "gm9999_1__chp_1__art_1.1"

REGELING = f"""<RegelingCompact xmlns="{T}" componentnaam="plan" wordt="{WERK}/nld@1">
  <RegelingOpschrift eId="longTitle" wId="longTitle"><Al>Plan</Al></RegelingOpschrift>
  <Lichaam eId="body" wId="body">
    <Artikel eId="art_1.1" wId="{WID}"><Kop><Label>Artikel</Label><Nummer>1.1</Nummer></Kop>
      <Inhoud><Al>Tekst een.</Al></Inhoud></Artikel>
  </Lichaam>
</RegelingCompact>"""


def _mutatie(marker: str, n: int) -> etree._Element:
    al = "".join(f"woord{i} <{marker}>x</{marker}>" for i in range(n))
    return etree.fromstring(
        f'<RegelingMutatie xmlns="{T}" componentnaam="w" was="{WERK}/nld@1" wordt="{WERK}/nld@2">'
        f'<Vervang wat="{WID}"><Artikel eId="art_1.1" wId="{WID}"><Kop><Nummer>1.1</Nummer></Kop>'
        f"<Inhoud><Al>{al}</Al></Inhoud></Artikel></Vervang></RegelingMutatie>")


def main(aantallen: list[int]) -> None:
    regeling = etree.fromstring(REGELING)
    print(f"{'n':>8} {'VerwijderdeTekst':>18} {'NieuweTekst':>13}")
    for n in aantallen:
        tijden = []
        for marker in ("VerwijderdeTekst", "NieuweTekst"):
            mutatie = _mutatie(marker, n)
            t = time.perf_counter()
            pas_mutatie_toe(regeling, mutatie, huidige=f"{WERK}/nld@1", bron="bench")
            tijden.append(time.perf_counter() - t)
        print(f"{n:>8} {tijden[0]:>17.3f}s {tijden[1]:>12.3f}s")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [10_000, 40_000])

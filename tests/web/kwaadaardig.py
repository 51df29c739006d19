"""A plan whose texts and names carry markup: rule text is untrusted input for the web page."""

from __future__ import annotations

from shapely.geometry import box

from regels import plan_uit_tekst

X0, Y0 = 100_000, 450_000
WIJK = "wijk <svg onload=window.__xss=3>"
ACTIVITEIT = "bouwen <img src=x onerror=window.__xss=2>"
KEUZE = "<b onmouseover=window.__xss=6>kantoor</b>"
LIDTEKST = "Tekst <script>window.__xss=8</script> met <img src=z onerror=window.__xss=9>"

TEKST = f'''
plan "Plan <script>window.__xss=1</script>"
  bevoegd gezag "gm9999"
  werk "/akn/nl/act/gm9999/2024/<b>x</b>"
  regelingsgebied "gemeente"
  versie "1" geldig vanaf 2024-01-01

activiteit "{ACTIVITEIT}"
gebied "gemeente" uit "gebieden.geojson"
gebied "{WIJK}" uit "gebieden.geojson"

hoofdstuk 1 "Algemeen"
  artikel 1.1 "Begrippen <script>window.__xss=4</script>"
    lid 1 "functie: <img src=y onerror=window.__xss=5>"
      begrip "functie" keuze "wonen", "{KEUZE}"
    lid 2 "bouwhoogte: de hoogte"
      begrip "bouwhoogte" eenheid m
hoofdstuk 2 "Bouwen"
  artikel 2.1 "Bouwen </title><script>window.__xss=7</script>"
    lid 1 "{LIDTEKST}"
      norm "maximum bouwhoogte" eenheid m
        waarde 10 m in "{WIJK}"
      regel "{ACTIVITEIT}" in "{WIJK}" is vergunningplichtig
        als functie = "{KEUZE}"
        eis bouwhoogte <= maximum bouwhoogte
        afwijkbaar
'''

GEBIEDEN = {"gebieden.geojson": {"gemeente": box(X0, Y0, X0 + 1000, Y0 + 1000), WIJK: box(X0, Y0, X0 + 500, Y0 + 1000)}}
PUNT = (X0 + 250, Y0 + 500)


def kwaadaardig_plan():
    return plan_uit_tekst(TEKST, GEBIEDEN, "kwaad.regels")

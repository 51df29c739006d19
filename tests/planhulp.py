"""Helpers shared by tests: a small plan over simple squares (RD), and proposal builders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from shapely.geometry import box

from regels import plan_uit_tekst

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

# A 1 km square municipality split into west (A) and east (B); C is a small square inside A.
X0, Y0 = 100_000, 450_000
GEBIEDEN = {
    "gebieden.geojson": {
        "gemeente": box(X0, Y0, X0 + 1000, Y0 + 1000),
        "west": box(X0, Y0, X0 + 500, Y0 + 1000),
        "oost": box(X0 + 500, Y0, X0 + 1000, Y0 + 1000),
        "kern": box(X0 + 100, Y0 + 100, X0 + 200, Y0 + 200),
    }
}

MINI_PLAN = '''
plan "Testplan"
  bevoegd gezag "gm9999"
  werk "/akn/nl/act/gm9999/2024/omgevingsplan"
  regelingsgebied "gemeente"
  versie "1" geldig vanaf 2024-01-01 tot 2025-12-31
  versie "2" geldig vanaf 2026-01-01

activiteit "bouwen"
activiteit "bouwen van een hoofdgebouw" valt onder "bouwen"
activiteit "bouwen van een bijbehorend bouwwerk" valt onder "bouwen"
activiteit "gebruiken"

gebied "gemeente" uit "gebieden.geojson"
gebied "west" uit "gebieden.geojson"
gebied "oost" uit "gebieden.geojson"
gebied "kern" uit "gebieden.geojson"
gebiedengroep "woonwijken" bestaat uit "west", "oost"
gebiedsaanwijzing "Wonen" soort functie in "west"

hoofdstuk 1 "Algemeen"
  artikel 1.1 "Begrippen"
    lid 1 "bouwhoogte: de afstand van peil tot het hoogste punt."
      begrip "bouwhoogte" eenheid m
    lid 2 "bebouwd oppervlak: de oppervlakte die een bouwwerk beslaat."
      begrip "bebouwd oppervlak" eenheid m2
    lid 3 "perceeloppervlak: de oppervlakte van het perceel."
      begrip "perceeloppervlak" eenheid m2
    lid 4 "functie: het gebruik."
      begrip "functie" keuze "wonen", "kantoor", "bedrijf"
    lid 5 "groen dak: een dak met vegetatie."
      begrip "groen dak" ja/nee
    lid 6 "bouwlagen: het aantal bouwlagen."
      begrip "bouwlagen" aantal

hoofdstuk 2 "Bouwen"
  artikel 2.1 "Hoofdgebouw"
    lid 1 "De bouwhoogte bedraagt niet meer dan de maximum bouwhoogte."
      norm "maximum bouwhoogte" eenheid m
        waarde 10 m in "west"
        waarde 15 m in "oost"
      regel "bouwen van een hoofdgebouw" in "woonwijken" is vergunningplichtig
        eis bouwhoogte <= maximum bouwhoogte
        eis bouwlagen <= 3
        afwijkbaar
    lid 2 "Bebouwing ten hoogste 50 procent van het perceel."
      regel "bouwen" in "woonwijken" is vergunningplichtig
        eis bebouwd oppervlak <= 50 % van perceeloppervlak
  artikel 2.2 "Bijbehorend bouwwerk vergunningvrij"
    regel "bouwen van een bijbehorend bouwwerk" in "west" is toegestaan
      als bouwhoogte <= 3 m
      in afwijking van artikel 2.1 lid 2
  artikel 2.3 "Kern"
    regel "bouwen" in "kern" is verboden
      geldig vanaf 2026-01-01
  artikel 2.4 "Groene daken"
    regel "bouwen van een hoofdgebouw" in "oost" is meldingsplichtig
      als functie = "kantoor"
      eis groen dak = ja
  artikel 2.5 "Maatwerk"
    regel "gebruiken" in "oost" is maatwerk
'''


def voorstel(activiteiten, feiten=None, punt=(X0 + 250, Y0 + 500), peildatum="2025-06-01", **extra):
    """A proposal dict at a point (default: in 'west')."""
    d = {
        "omschrijving": "test",
        "peildatum": peildatum,
        "locatie": {"type": "Point", "coordinates": list(punt)},
        "activiteiten": activiteiten,
        "feiten": feiten or {},
    }
    d.update(extra)
    return d


def m(waarde, eenheid="m"):
    return {"waarde": waarde, "eenheid": eenheid}


DATUM = dt.date(2025, 6, 1)

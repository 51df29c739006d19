"""Units and quantities: the single source of unit rules for the resolver and the evaluator.

A quantity is a number in a canonical unit per grootheid (dimension). Other spellings that the rule
language and proposals accept (cm, ha, …) are converted on reading. Comparing two quantities of
different grootheden is an error, caught when a plan loads (see ``regels.language.resolve``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Eenheid:
    """A unit as written, its grootheid, and the factor to the canonical unit of that grootheid."""

    teken: str
    grootheid: str
    factor: float
    canoniek: str


_EENHEDEN = [
    Eenheid("m", "lengte", 1.0, "m"),
    Eenheid("cm", "lengte", 0.01, "m"),
    Eenheid("mm", "lengte", 0.001, "m"),
    Eenheid("km", "lengte", 1000.0, "m"),
    Eenheid("m2", "oppervlakte", 1.0, "m2"),
    Eenheid("ha", "oppervlakte", 10000.0, "m2"),
    Eenheid("km2", "oppervlakte", 1_000_000.0, "m2"),
    Eenheid("m3", "inhoud", 1.0, "m3"),
    Eenheid("%", "aandeel", 1.0, "%"),
    Eenheid("graden", "hoek", 1.0, "graden"),
    Eenheid("dB", "geluid", 1.0, "dB"),
    Eenheid("jaar", "duur", 1.0, "jaar"),
    Eenheid("maanden", "duur", 1 / 12, "jaar"),
]
EENHEDEN: dict[str, Eenheid] = {e.teken: e for e in _EENHEDEN}
# Spellings a proposal may use for the same unit (JSON from other systems): m², m^2, meter …
_SYNONIEMEN = {"m²": "m2", "m^2": "m2", "m³": "m3", "m^3": "m3", "meter": "m", "procent": "%",
               "jaren": "jaar", "maand": "maanden", "km²": "km2", "°": "graden", "db": "dB", "dB(A)": "dB"}

# The grootheid of a plain count (no unit) and of the other value kinds.
AANTAL = "aantal"
JANEE = "ja/nee"
KEUZE = "keuze"

GROOTHEID_NAAM = {
    "lengte": "lengte (m)",
    "oppervlakte": "oppervlakte (m2)",
    "inhoud": "inhoud (m3)",
    "aandeel": "aandeel (%)",
    "hoek": "hoek (graden)",
    "geluid": "geluid (dB)",
    "duur": "duur (jaar)",
    AANTAL: "aantal (zonder eenheid)",
    JANEE: "ja/nee",
    KEUZE: "keuze (tekst)",
}


def zoek_eenheid(teken: str) -> Eenheid | None:
    """The unit written as ``teken`` (also common synonyms), or None."""
    teken = teken.strip()
    return EENHEDEN.get(teken) or EENHEDEN.get(_SYNONIEMEN.get(teken, ""))


def eenheden_van(grootheid: str) -> list[str]:
    """The unit spellings accepted for a grootheid, canonical first."""
    return [e.teken for e in _EENHEDEN if e.grootheid == grootheid]


def formatteer_getal(waarde: float) -> str:
    """A number in Dutch notation: decimal comma, no trailing zeros (12 / 12,5)."""
    if waarde == int(waarde) and abs(waarde) < 1e15:
        return str(int(waarde))
    tekst = f"{waarde:.6f}".rstrip("0").rstrip(".")
    return tekst.replace(".", ",")


def lees_getal(tekst: str) -> float:
    """A number written with a decimal comma or point."""
    return float(tekst.replace(",", "."))


@dataclass(frozen=True)
class Hoeveelheid:
    """A value with a unit, held in the canonical unit of its grootheid."""

    waarde: float
    eenheid: str | None  # canonical unit, None for a plain count

    @property
    def grootheid(self) -> str:
        return AANTAL if self.eenheid is None else EENHEDEN[self.eenheid].grootheid

    def __str__(self) -> str:
        getal = formatteer_getal(self.waarde)
        return getal if self.eenheid is None else f"{getal} {self.eenheid}"


def hoeveelheid(waarde: float, eenheid: str | None) -> Hoeveelheid:
    """Build a quantity from a value in any accepted unit; raises ValueError for an unknown unit."""
    if eenheid is None or eenheid == "":
        return Hoeveelheid(waarde, None)
    e = zoek_eenheid(eenheid)
    if e is None:
        raise ValueError(eenheid)
    return Hoeveelheid(waarde * e.factor, e.canoniek)

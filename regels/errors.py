"""Every error that `regels` raises on purpose.

The tree, with what a caller would catch::

    RegelsError                      anything regels raises about its input or environment
    ├── PlanFouten                   a plan (rule files, geometry) has one or more errors; .fouten lists them all
    ├── VoorstelFout                 a proposal (JSON) is malformed or names unknown things; .fouten with JSON paths
    ├── PeildatumFout                no plan version or rule set is in force on the peildatum
    ├── LocatieFout                  a location cannot be used (bad geometry, CRS, outside the plan area)
    ├── GeoFout                      a geometry file (GeoJSON, GML) cannot be read
    ├── XmlFout                      an XML or zip delivery is unsafe or malformed (file and element named)
    │   └── MutatieFout              a wijziging (RegelingMutatie, OW or GIO delta) cannot be applied to the regeling
    ├── RegelingIngetrokken          the regeling was withdrawn by a wijziging: there is no plan to import
    └── DienstFout                   a web service (DSO, PDOK, BAG) failed or answered wrongly

Messages are Dutch: they are read by permit officers and legal staff. Each error renders itself
completely with ``str(error)``; the command line prints that and nothing else (no traceback).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Positie:
    """A place in a source file: 1-based line and column."""

    bestand: str
    regel: int
    kolom: int
    tekst: str = ""  # the whole source line, for showing a caret under the column

    def __str__(self) -> str:
        return f"{self.bestand}:{self.regel}:{self.kolom}"


@dataclass(frozen=True)
class Melding:
    """One finding about input: where it is, what is wrong (Dutch), and how bad."""

    bericht: str
    positie: Positie | None = None
    pad: str | None = None  # JSON path or XML element path, where the input is not a text file
    ernst: str = "fout"  # "fout" or "waarschuwing"

    def render(self) -> str:
        kop = "fout" if self.ernst == "fout" else "waarschuwing"
        if self.positie is None:
            plaats = f"{self.pad}: " if self.pad else ""
            return f"{kop}: {plaats}{self.bericht}"
        lines = [f"{self.positie}: {kop}: {self.bericht}"]
        if self.positie.tekst:
            regel = self.positie.tekst.rstrip("\n")
            lines.append(f"    {regel}")
            lines.append("    " + " " * max(self.positie.kolom - 1, 0) + "^")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.render()


class RegelsError(Exception):
    """Base of all errors about input or environment; ``str()`` is a complete Dutch message."""


class _MeldingenError(RegelsError):
    """An error that carries a list of findings, all reported at once."""

    kop = "Er zijn fouten gevonden"

    def __init__(self, fouten: list[Melding] | tuple[Melding, ...], kop: str | None = None) -> None:
        self.fouten = tuple(fouten)
        if kop is not None:
            self.kop = kop
        super().__init__(self.render())

    def render(self) -> str:
        n = sum(1 for f in self.fouten if f.ernst == "fout")
        lines = [f"{self.kop} ({n} {'fout' if n == 1 else 'fouten'}):"]
        lines += [f.render() for f in self.fouten]
        return "\n".join(lines)


class PlanFouten(_MeldingenError):
    """The plan cannot be loaded; ``fouten`` holds every error found, each with its position."""

    kop = "Het plan bevat fouten"


class VoorstelFout(_MeldingenError):
    """The proposal is malformed; each finding names its JSON path and what was expected."""

    kop = "Het initiatief (voorstel) bevat fouten"


class PeildatumFout(RegelsError):
    """No version of the plan is in force on the requested peildatum."""


class LocatieFout(RegelsError):
    """A location is unusable: invalid geometry, unknown CRS, or outside the plan area."""


class GeoFout(RegelsError):
    """A geometry file (GeoJSON, GML) cannot be read; the message names the file and feature."""


class XmlFout(RegelsError):
    """An XML document or zip archive is unsafe or malformed; the message names file and element."""


class MutatieFout(XmlFout):
    """A wijzigingsbesluit cannot be applied: wrong version (``was``), another regeling, an unknown wId, …;
    the message names the delivery, the file, the line and the element."""


class RegelingIngetrokken(RegelsError):
    """A wijziging withdraws the regeling (an intrekking): nothing is left to import.

    ``verslagen`` holds what the wijzigingen before it did (``regels.stop.wijzigingen.WijzigingVerslag``)."""

    def __init__(self, bericht: str, verslagen: tuple = ()) -> None:
        self.verslagen = tuple(verslagen)
        super().__init__(bericht)


class UitvoermapFout(RegelsError):
    """The folder to write into holds something that is not an earlier output of the same command."""


class DienstFout(RegelsError):
    """A web service failed or answered with something unusable."""

"""One line of the import report, and the kinds of lines (in the order the report lists them)."""

from __future__ import annotations

from dataclasses import dataclass

SOORTEN = ("overgeslagen", "niet uitvoerbaar", "afgeleid", "benaderd", "hersteld", "afwijking", "info")


@dataclass(frozen=True)
class Rapportregel:
    """One line of the import report: what happened to which object, and why."""

    soort: str  # see SOORTEN
    waar: str  # file:line, an OW identificatie, or an article
    bericht: str

    def __str__(self) -> str:
        return f"[{self.soort}] {self.waar}: {self.bericht}"


__all__ = ["SOORTEN", "Rapportregel"]

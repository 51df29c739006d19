"""Click's own words in Dutch: the help headings, the help of --help/--version and the usage errors.

Click writes its texts in English through ``gettext``; switching the process's gettext domain would also
change the texts of any other library in a program that embeds ``regels``. So the CLI translates what it
shows instead: help through its own context and formatter classes (set on every command by
:func:`nederlands`), usage errors through :func:`vertaal_gebruiksfout`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import click

_KOPPEN = {"Options": "Opties", "Commands": "Opdrachten", "Arguments": "Argumenten"}

_HULPTEKSTEN: list[tuple[str, str]] = [
    ("Show this message and exit.", "Toon deze hulp en stop."),
    ("Show the version and exit.", "Toon de versie en stop."),
    ("[required]", "[verplicht]"),
    ("[default: ", "[standaard: "),
]

# click's names for the type of an option's value, as shown after the option in the help
_TYPENAMEN = {"DIRECTORY": "MAP", "FILE": "BESTAND", "PATH": "PAD", "TEXT": "TEKST", "INTEGER": "GETAL", "FLOAT": "GETAL"}
_TYPEN = re.compile(r"\b(" + "|".join(_TYPENAMEN) + r")\b")

_FOUTEN: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^Missing argument '([^']+)'\.?"), r"het argument \1 ontbreekt."),
    (re.compile(r"^Missing option '([^']+)'\.?"), r"de optie \1 is verplicht en ontbreekt."),
    (re.compile(r"^Missing parameter: (\S+)"), r"\1 ontbreekt."),
    (re.compile(r"^No such command '([^']+)'\.?"), r"onbekende opdracht '\1'."),
    (re.compile(r"^No such option:? '?([^'\s]+?)'?\.?(?=\s|$)"), r"onbekende optie \1."),
    (re.compile(r"\(Did you mean one of: (.*)\?\)"), r"Bedoelt u een van: \1?"),
    (re.compile(r"\(?Did you mean (.*?)\?\)?$"), r"Bedoelt u \1?"),
    (re.compile(r"\(Possible options: ([^)]*)\)"), r"(mogelijke opties: \1)"),
    (re.compile(r"^Option '([^']+)' requires an argument\.?"), r"de optie \1 verwacht een waarde."),
    (re.compile(r"^Option '([^']+)' requires (\d+) arguments\.?"), r"de optie \1 verwacht \2 waarden."),
    (re.compile(r"^Got unexpected extra arguments? \(([^)]*)\)"), r"onverwacht extra argument: \1"),
    (re.compile(r"Invalid value for"), "ongeldige waarde voor"),
    (re.compile(r"'([^']*)' is not one of (.*)\.$"), r"'\1' is niet een van \2."),
    (re.compile(r"Path '([^']*)' does not exist\."), r"het pad '\1' bestaat niet."),
    (re.compile(r"File '([^']*)' is a directory\."), r"'\1' is een map, geen bestand."),
    (re.compile(r"Directory '([^']*)' is a file\."), r"'\1' is een bestand, geen map."),
    (re.compile(r"'([^']*)' is not a valid (integer|float)(?: range)?\."), r"'\1' is geen geldig getal."),
    (re.compile(r"'([^']*)' is not a valid boolean\."), r"'\1' is geen ja/nee-waarde."),
]


def vertaal_gebruiksfout(bericht: str) -> str:
    """A click usage error in Dutch (what is not recognised stays as it is)."""
    for patroon, vervanging in _FOUTEN:
        bericht = patroon.sub(vervanging, bericht)
    return bericht


def _hulp(tekst: str) -> str:
    for en, nl in _HULPTEKSTEN:
        tekst = tekst.replace(en, nl)
    return tekst


class NederlandseOpmaak(click.HelpFormatter):
    """Click's help layout with Dutch headings and texts."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args.replace("[OPTIONS]", "[OPTIES]").replace("COMMAND [ARGS]...", "OPDRACHT [ARGS]..."),
                            "Gebruik: " if prefix is None else prefix)

    def section(self, name: str):  # noqa: ANN201 - click's context manager
        return super().section(_KOPPEN.get(name, name))

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        super().write_dl([(_TYPEN.sub(lambda m: _TYPENAMEN[m.group(0)], term), _hulp(uitleg)) for term, uitleg in rows],
                         col_max, col_spacing)


class NederlandseContext(click.Context):
    formatter_class = NederlandseOpmaak


def nederlands(opdrachten: Iterable[click.Command]) -> None:
    """Give these commands, and every sub-command of a group among them, the Dutch help."""
    for cmd in opdrachten:
        cmd.context_class = NederlandseContext
        if isinstance(cmd, click.Group):
            nederlands(cmd.commands.values())


__all__ = ["NederlandseContext", "NederlandseOpmaak", "nederlands", "vertaal_gebruiksfout"]

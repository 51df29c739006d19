"""Text → plan model (``Bestand``), one line at a time, collecting every error with its position.

Each non-empty line is one statement; its first word says which (see ``grammar.OPDRACHTEN``).
Where a statement belongs follows from its kind, not from its indentation: a ``lid`` belongs to
the last ``artikel``, an ``eis`` to the last ``regel``, a ``waarde`` to the last ``norm``.
Comment lines attach to the statement below them; a comment at the end of a line to that line.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyparsing as pp

from regels.errors import Melding, PlanFouten, Positie
from regels.language.grammar import OPDRACHTEN
from regels.language.snel import snel
from regels.model.regeling import Bestand
from regels.units import lees_getal

_KEYWORD = re.compile(r"[ \t]*([^\s\"]+)(?:[ \t]+([^\s\"]+))?(?:[ \t]+([^\s\"]+))?")
_MEERWOORDIG = {"bevoegd": "bevoegd gezag", "in": "in afwijking van", "niet": "niet afwijkbaar"}
_TOP = ("plan", "activiteit", "gebied", "gebiedengroep", "gebiedsaanwijzing", "hoofdstuk")
_PLANREGELS = ("bevoegd gezag", "werk", "regelingsgebied", "versie")
_REGELDELEN = ("geldig", "als", "eis", "in afwijking van", "afwijkbaar")


def splits_commentaar(regel: str) -> tuple[str, str | None]:
    """Split a line into its statement and its trailing comment (a ``#`` outside quotes)."""
    if "#" not in regel:
        return regel.rstrip(), None
    in_tekst = False
    i = 0
    while i < len(regel):
        c = regel[i]
        if c == "\\" and in_tekst:
            i += 2
            continue
        if c == '"':
            in_tekst = not in_tekst
        elif c == "#" and not in_tekst:
            return regel[:i].rstrip(), regel[i + 1 :].strip()
        i += 1
    return regel.rstrip(), None


def _vertaal(e: pp.ParseBaseException) -> str:
    """pyparsing's "Expected X, found Y" in Dutch."""
    msg = str(e.msg)
    if msg.startswith("Expected "):
        msg = "verwacht " + msg[len("Expected ") :]
    msg = msg.replace("end of text", "het einde van de regel")
    if msg.startswith("Unbalanced parentheses"):
        msg = "de haakjes kloppen niet, of de voorwaarde is onvolledig"
    if e.loc >= len(e.pstr):
        gevonden = "het einde van de regel"
    else:
        rest = e.pstr[e.loc :].split()
        gevonden = f"'{rest[0]}'" if rest else "het einde van de regel"
    if "verwacht" in msg and "gevonden" not in msg:
        msg = f"{msg}, gevonden {gevonden}"
    return msg


class _Bouwer:
    """Builds the nested dicts of one file while lines come in; errors are collected, not raised."""

    def __init__(self, pad: str, regels: list[str]) -> None:
        self.pad = pad
        self.regels = regels
        self.items: list[dict[str, Any]] = []
        self.fouten: list[Melding] = []
        self.commentaar: list[str] = []
        self.plan: dict[str, Any] | None = None
        self.hoofdstuk: dict[str, Any] | None = None
        self.afdeling: dict[str, Any] | None = None
        self.artikel: dict[str, Any] | None = None
        self.lid: dict[str, Any] | None = None
        self.laatste_annotatie: dict[str, Any] | None = None

    # -- helpers
    def fout(self, nr: int, kolom: int, bericht: str) -> None:
        self.fouten.append(Melding(bericht, Positie(self.pad, nr, kolom, self.regels[nr - 1])))

    def basis(self, soort: str, nr: int, kolom: int, nacommentaar: str | None) -> dict[str, Any]:
        d: dict[str, Any] = {"soort": soort, "bron": {"bestand": self.pad, "regel": nr, "kolom": kolom}}
        if self.commentaar:
            d["commentaar"] = tuple(self.commentaar)
            self.commentaar = []
        if nacommentaar is not None:
            d["nacommentaar"] = nacommentaar
        return d

    def houder(self) -> dict[str, Any] | None:
        """Where text and annotations go now: the current lid, else the current artikel."""
        return self.lid if self.lid is not None else self.artikel

    # -- one line
    def regel(self, nr: int, lijn: str) -> None:
        inhoud, nacommentaar = splits_commentaar(lijn)
        if not inhoud.strip():
            if nacommentaar is not None:
                self.commentaar.append(nacommentaar)
            return
        m = _KEYWORD.match(inhoud)
        assert m is not None
        kolom = m.start(1) + 1
        eerste = m.group(1)
        soort = _MEERWOORDIG.get(eerste, eerste)
        element = OPDRACHTEN.get(soort)
        if element is None:
            bekend = sorted(OPDRACHTEN)
            suggestie = difflib.get_close_matches(eerste, bekend, n=1)
            hint = f"; bedoelt u '{suggestie[0]}'?" if suggestie else ""
            self.fout(nr, kolom, f"onbekende opdracht '{eerste}'{hint} Verwacht een van: {', '.join(bekend)}")
            self.commentaar = []
            return
        r = snel(soort, inhoud)
        try:
            if r is None:
                r = element.parse_string(inhoud)  # each element ends in StringEnd itself
        except pp.ParseBaseException as e:
            loc = e.loc
            while loc < len(inhoud) and inhoud[loc] in " \t":
                loc += 1
            self.fout(nr, loc + 1, _vertaal(e))
            self.commentaar = []
            return
        try:
            getattr(self, "_" + soort.replace(" ", "_"))(r, self.basis(_SOORT.get(soort, soort), nr, kolom, nacommentaar), nr, kolom)
        except _Plaatsfout as e:
            self.fout(nr, kolom, str(e))
        except ValueError as e:  # a date such as 2024-02-30
            self.fout(nr, kolom, str(e))

    # -- plan header
    def _plan(self, r: pp.ParseResults, d: dict[str, Any], nr: int, kolom: int) -> None:
        d.update(titel=r.titel, regels=[])
        self._sluit_tekst()
        self.plan = d
        self.items.append(d)

    def _planregel(self, d: dict[str, Any]) -> None:
        if self.plan is None:
            wat = d["sleutel"] if d["soort"] == "eigenschap" else d["soort"]
            raise _Plaatsfout(f"'{wat}' hoort direct onder 'plan \"…\"' (de kop van het plan)")
        self.plan["regels"].append(d)

    def _eigenschap(self, sleutel: str, r: pp.ParseResults, d: dict[str, Any]) -> None:
        d.update(soort="eigenschap", sleutel=sleutel, waarde=r.waarde)
        self._planregel(d)

    def _bevoegd_gezag(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        self._eigenschap("bevoegd gezag", r, d)

    def _werk(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        self._eigenschap("werk", r, d)

    def _regelingsgebied(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        self._eigenschap("regelingsgebied", r, d)

    def _versie(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        d.update(naam=r.naam, vanaf=_datum(r.vanaf), tot=_datum(r.tot) if r.tot else None)
        self._planregel(d)

    # -- declarations
    def _top(self, d: dict[str, Any]) -> None:
        self._sluit_tekst()
        self.items.append(d)

    def _activiteit(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        d.update(naam=r.naam, bovenliggend=r.bovenliggend or None)
        self._top(d)

    def _gebied(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        d.update(naam=r.naam, bestand=r.bestand)
        self._top(d)

    def _gebiedengroep(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        d.update(naam=r.naam, leden=tuple(r.leden))
        self._top(d)

    def _gebiedsaanwijzing(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        d.update(naam=r.naam, type=" ".join(r.type.split()), locaties=tuple(r.locaties))
        self._top(d)

    # -- text structure
    def _sluit_tekst(self) -> None:
        self.plan = None
        self.hoofdstuk = self.afdeling = self.artikel = self.lid = None
        self.laatste_annotatie = None

    def _hoofdstuk(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        self._sluit_tekst()
        d.update(nummer=r.nummer, titel=r.titel, inhoud=[])
        self.hoofdstuk = d
        self.items.append(d)

    def _afdeling(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        if self.hoofdstuk is None:
            raise _Plaatsfout("een afdeling hoort onder een hoofdstuk; zet er 'hoofdstuk …' boven")
        d.update(nummer=r.nummer, titel=r.titel, artikelen=[])
        self.hoofdstuk["inhoud"].append(d)
        self.afdeling, self.artikel, self.lid, self.laatste_annotatie = d, None, None, None

    def _artikel(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        if self.hoofdstuk is None:
            raise _Plaatsfout("een artikel hoort onder een hoofdstuk; zet er 'hoofdstuk …' boven")
        d.update(nummer=r.nummer, titel=r.titel, alineas=[], annotaties=[], leden=[])
        (self.afdeling["artikelen"] if self.afdeling is not None else self.hoofdstuk["inhoud"]).append(d)
        self.artikel, self.lid, self.laatste_annotatie = d, None, None

    def _lid(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        if self.artikel is None:
            raise _Plaatsfout("een lid hoort onder een artikel; zet er 'artikel …' boven")
        if self.artikel["annotaties"]:
            raise _Plaatsfout(
                f"artikel {self.artikel['nummer']} heeft al regels, begrippen of normen zonder lid; "
                "zet die onder een lid (in een artikel met leden staat alles in de leden)"
            )
        d.update(nummer=r.nummer, tekst=r.tekst, alineas=[], annotaties=[])
        self.artikel["leden"].append(d)
        self.lid, self.laatste_annotatie = d, None

    def _tekst(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        houder = self.houder()
        if houder is None:
            raise _Plaatsfout("tekst hoort onder een artikel of lid")
        d.update(tekst=r.tekst)
        houder["alineas"].append(d)

    # -- annotations
    def _annotatie(self, d: dict[str, Any], wat: str) -> None:
        houder = self.houder()
        if houder is None:
            raise _Plaatsfout(f"{wat} hoort onder een artikel of lid")
        houder["annotaties"].append(d)
        self.laatste_annotatie = d

    def _begrip(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        d.update(naam=r.naam, type=r.type, eenheid=r.eenheid or None, keuzes=tuple(r.keuzes) if r.keuzes else ())
        self._annotatie(d, "een begrip")

    def _norm(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        d.update(naam=r.naam, eenheid=r.eenheid or None, waarden=[])
        self._annotatie(d, "een norm")

    def _waarde(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        if self.laatste_annotatie is None or self.laatste_annotatie["soort"] != "norm":
            raise _Plaatsfout("een waarde hoort direct onder een norm ('norm \"…\" eenheid …')")
        d.update(waarde=_getal(r.waarde), locaties=tuple(r.locaties))
        self.laatste_annotatie["waarden"].append(d)

    def _regel(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        d.update(activiteit=r.activiteit, locaties=tuple(r.locaties), kwalificatie=" ".join(r.kwalificatie.split()), onderdelen=[])
        self._annotatie(d, "een regel")

    def _afwijkingsregel(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        d.update(naam=r.naam, locaties=tuple(r.locaties), onderdelen=[])
        self._annotatie(d, "een afwijkingsregel")

    def _regeldeel(self, d: dict[str, Any], woord: str, ook_afwijkingsregel: bool = False) -> None:
        toegestaan = ("regel", "afwijkingsregel") if ook_afwijkingsregel else ("regel",)
        if self.laatste_annotatie is None or self.laatste_annotatie["soort"] not in toegestaan:
            waar = "een regel of afwijkingsregel" if ook_afwijkingsregel else "een regel ('regel \"…\" in \"…\" is …')"
            raise _Plaatsfout(f"'{woord}' hoort direct onder {waar}")
        self.laatste_annotatie["onderdelen"].append(d)

    def _geldig(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        d.update(vanaf=_datum(r.vanaf), tot=_datum(r.tot) if r.tot else None)
        self._regeldeel(d, "geldig vanaf", ook_afwijkingsregel=True)

    def _als(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        d.update(expressie=_expressie(r.expressie))
        self._regeldeel(d, "als", ook_afwijkingsregel=True)

    def _eis(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        d.update(expressie=_expressie(r.expressie))
        self._regeldeel(d, "eis", ook_afwijkingsregel=True)

    def _in_afwijking_van(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        d.update(artikel=r.artikel, lid=r.lid or None)
        self._regeldeel(d, "in afwijking van")

    def _afwijkbaar(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        self._regeldeel(d, "afwijkbaar")

    def _niet_afwijkbaar(self, r, d, nr, kolom):  # type: ignore[no-untyped-def]
        d.update(reden=r.reden)
        self._regeldeel(d, "niet afwijkbaar")


_SOORT = {"in afwijking van": "afwijking", "bevoegd gezag": "eigenschap", "werk": "eigenschap",
          "regelingsgebied": "eigenschap"}


class _Plaatsfout(Exception):
    """A statement that is well-formed but stands in the wrong place."""


def _datum(tekst: str) -> dt.date:
    try:
        return dt.date.fromisoformat(tekst)
    except ValueError:
        raise ValueError(f"'{tekst}' is geen bestaande datum") from None


def _getal(r: pp.ParseResults) -> dict[str, Any]:
    return {"soort": "getal", "waarde": lees_getal(r.waarde), "eenheid": r.eenheid or None}


def _operand(r: pp.ParseResults) -> dict[str, Any]:
    if "deel" in r:
        d = r.deel
        return {"soort": "deel", "aandeel": _operand(d.aandeel), "van": _operand(d.van)}
    if "getal" in r:
        g = r.getal
        return _getal(g[0] if isinstance(g[0], pp.ParseResults) else g)
    if "janee" in r:
        return {"soort": "janee", "waarde": bool(r.janee)}
    if "tekst" in r:
        return {"soort": "tekst", "waarde": r.tekst}
    return {"soort": "naam", "naam": r.naam}


def _expressie(r: Any) -> dict[str, Any]:
    """Fold pyparsing's infix_notation output ([a, 'en', b, 'en', c], ['niet', x]) into model dicts."""
    if isinstance(r, dict):  # already built by the fast path
        return r
    if isinstance(r, pp.ParseResults) and r.get("soort") == "vergelijking":
        return {"soort": "vergelijking", "links": {"soort": "naam", "naam": r.links}, "op": r.op,
                "rechts": _operand(r.rechts)}
    if isinstance(r, pp.ParseResults) and r.get("soort") == "eenvan":
        return {"soort": "eenvan", "links": {"soort": "naam", "naam": r.links}, "waarden": tuple(r.waarden)}
    delen = list(r)
    if len(delen) == 1:
        return _expressie(delen[0])
    if len(delen) == 2 and delen[0] == "niet":
        return {"soort": "niet", "arg": _expressie(delen[1])}
    op = delen[1]
    return {"soort": op, "args": tuple(_expressie(x) for x in delen[0::2])}


def parse_tekst(tekst: str, pad: str = "<tekst>") -> tuple[Bestand, list[Melding]]:
    """Parse one file's text. Returns the file model (without the bad lines) and every error found."""
    regels = tekst.splitlines()
    b = _Bouwer(pad, regels)
    for nr, lijn in enumerate(regels, 1):
        b.regel(nr, lijn)
    bestand = Bestand.model_validate({"pad": pad, "items": b.items, "slotcommentaar": tuple(b.commentaar)})
    return bestand, b.fouten


def parse_teksten(teksten: Mapping[str, str]) -> tuple[list[Bestand], list[Melding], dict[str, list[str]]]:
    """Parse files given as text (name → text): the file models, every error of every file, and the lines of
    each file by name (the ``bronnen`` that resolve quotes in its messages)."""
    bestanden: list[Bestand] = []
    fouten: list[Melding] = []
    for pad, tekst in teksten.items():
        bestand, f = parse_tekst(tekst, pad)
        bestanden.append(bestand)
        fouten += f
    return bestanden, fouten, {pad: tekst.splitlines() for pad, tekst in teksten.items()}


def parse_bestand(pad: Path, basis: Path | None = None) -> tuple[Bestand, list[Melding]]:
    """Parse a ``.regels`` file; its name in messages is relative to ``basis`` when given."""
    naam = str(pad.relative_to(basis)) if basis is not None else str(pad)
    try:
        tekst = pad.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        return Bestand(pad=naam), [Melding(f"het bestand is geen geldige UTF-8-tekst (byte {e.start})", Positie(naam, 1, 1))]
    except OSError as e:
        return Bestand(pad=naam), [Melding(f"het bestand kan niet gelezen worden: {e.strerror}", Positie(naam, 1, 1))]
    return parse_tekst(tekst, naam)


def parse_of_fout(tekst: str, pad: str = "<tekst>") -> Bestand:
    """Parse text and raise ``PlanFouten`` with every error if there is any."""
    bestand, fouten = parse_tekst(tekst, pad)
    if fouten:
        raise PlanFouten(fouten)
    return bestand

"""Plan model → canonical text: one ``format_<soort>`` per statement kind (found by name).

Canonical means: two spaces of indentation per level, one statement per line, comments kept,
decimal commas, a blank line before each plan, hoofdstuk, afdeling and artikel. For every
parsed file ``parse(format(b)) == b`` (compared without source positions).
"""

from __future__ import annotations

from typing import Any, Callable

from regels.model.basis import Opdracht
from regels.model.expressie import Deel, En, EenVan, Getal, JaNee, Naam, Niet, Of, Tekst, Vergelijking
from regels.model.regeling import (
    ActiviteitDecl, Afdeling, Afwijkbaar, Afwijkingsregel, AfwijkingVan, NietAfwijkbaar, Alinea, Artikel, Begrip, Bestand, Eigenschap, Eis,
    GebiedDecl, GebiedengroepDecl, GebiedsaanwijzingDecl, Geldigheid, Hoofdstuk, JuridischeRegel, Lid,
    Normwaarde, Omgevingsnorm, PlanKop, Regeling, Versie, Voorwaarde,
)
from regels.units import formatteer_getal

INSPRING = "  "


def q(tekst: str) -> str:
    """A text between quotes, with ``"`` and ``\\`` escaped."""
    return '"' + tekst.replace("\\", "\\\\").replace('"', '\\"') + '"'


def qs(teksten: tuple[str, ...]) -> str:
    return ", ".join(q(t) for t in teksten)


# --- expressions ------------------------------------------------------------------------------------

_RANG = {"of": 1, "en": 2, "niet": 3}


def format_getal(g: Getal) -> str:
    getal = formatteer_getal(g.waarde)
    return getal if g.eenheid is None else f"{getal} {g.eenheid}"


def format_operand(o: Any) -> str:
    if isinstance(o, Getal):
        return format_getal(o)
    if isinstance(o, Naam):
        return o.naam
    if isinstance(o, JaNee):
        return "ja" if o.waarde else "nee"
    if isinstance(o, Tekst):
        return q(o.waarde)
    if isinstance(o, Deel):
        return f"{format_operand(o.aandeel)} van {format_operand(o.van)}"
    raise TypeError(f"geen operand: {o!r}")


def format_expressie(e: Any) -> str:
    if isinstance(e, Vergelijking):
        return f"{e.links.naam} {e.op} {format_operand(e.rechts)}"
    if isinstance(e, EenVan):
        return f"{e.links.naam} is een van {qs(e.waarden)}"
    if isinstance(e, Niet):
        binnen = format_expressie(e.arg)
        return f"niet ({binnen})" if isinstance(e.arg, (En, Of)) else f"niet {binnen}"
    if isinstance(e, (En, Of)):
        delen = []
        for a in e.args:
            tekst = format_expressie(a)
            # parenthesise every compound child: needed where it binds no tighter (so the tree survives),
            # and kept for 'en' inside 'of' because legal staff read "(a en b) of c" more easily
            if isinstance(a, (En, Of)):
                tekst = f"({tekst})"
            delen.append(tekst)
        return f" {e.soort} ".join(delen)
    raise TypeError(f"geen expressie: {e!r}")


# --- statements ----------------------------------------------------------------------------------------


def format_plan(o: PlanKop) -> str:
    return f"plan {q(o.titel)}"


def format_eigenschap(o: Eigenschap) -> str:
    return f"{o.sleutel} {q(o.waarde)}"


def _periode(vanaf: Any, tot: Any) -> str:
    return f"geldig vanaf {vanaf.isoformat()}" + (f" tot {tot.isoformat()}" if tot else "")


def format_versie(o: Versie) -> str:
    return f"versie {q(o.naam)} {_periode(o.vanaf, o.tot)}"


def format_activiteit(o: ActiviteitDecl) -> str:
    return f"activiteit {q(o.naam)}" + (f" valt onder {q(o.bovenliggend)}" if o.bovenliggend else "")


def format_gebied(o: GebiedDecl) -> str:
    return f"gebied {q(o.naam)} uit {q(o.bestand)}"


def format_gebiedengroep(o: GebiedengroepDecl) -> str:
    return f"gebiedengroep {q(o.naam)} bestaat uit {qs(o.leden)}"


def format_gebiedsaanwijzing(o: GebiedsaanwijzingDecl) -> str:
    return f"gebiedsaanwijzing {q(o.naam)} soort {o.type} in {qs(o.locaties)}"


def format_hoofdstuk(o: Hoofdstuk) -> str:
    return f"hoofdstuk {o.nummer} {q(o.titel)}"


def format_afdeling(o: Afdeling) -> str:
    return f"afdeling {o.nummer} {q(o.titel)}"


def format_artikel(o: Artikel) -> str:
    return f"artikel {o.nummer} {q(o.titel)}"


def format_lid(o: Lid) -> str:
    return f"lid {o.nummer} {q(o.tekst)}"


def format_tekst(o: Alinea) -> str:
    return f"tekst {q(o.tekst)}"


def format_begrip(o: Begrip) -> str:
    soort = {"eenheid": f"eenheid {o.eenheid}", "aantal": "aantal", "ja/nee": "ja/nee", "keuze": f"keuze {qs(o.keuzes)}"}
    return f"begrip {q(o.naam)} {soort[o.type]}"


def format_norm(o: Omgevingsnorm) -> str:
    return f"norm {q(o.naam)} " + (f"eenheid {o.eenheid}" if o.eenheid else "aantal")


def format_waarde(o: Normwaarde) -> str:
    return f"waarde {format_getal(o.waarde)} in {qs(o.locaties)}"


def format_regel(o: JuridischeRegel) -> str:
    return f"regel {q(o.activiteit)} in {qs(o.locaties)} is {o.kwalificatie}"


def format_geldig(o: Geldigheid) -> str:
    return _periode(o.vanaf, o.tot)


def format_als(o: Voorwaarde) -> str:
    return f"als {format_expressie(o.expressie)}"


def format_eis(o: Eis) -> str:
    return f"eis {format_expressie(o.expressie)}"


def format_afwijking(o: AfwijkingVan) -> str:
    return f"in afwijking van {o}"


def format_afwijkbaar(o: Afwijkbaar) -> str:
    return "afwijkbaar"


def format_niet_afwijkbaar(o: NietAfwijkbaar) -> str:
    return f"niet afwijkbaar {q(o.reden)}"


def format_afwijkingsregel(o: Afwijkingsregel) -> str:
    return f"afwijkingsregel {q(o.naam)} in {qs(o.locaties)}"


FORMATTERS: dict[str, Callable[[Any], str]] = {
    naam[len("format_"):].replace("_", " "): f for naam, f in list(globals().items()) if naam.startswith("format_") and callable(f)
}


def format_opdracht(o: Opdracht) -> str:
    """The text of one statement, without indentation or comments."""
    return FORMATTERS[o.soort](o)  # type: ignore[attr-defined]


# --- layout --------------------------------------------------------------------------------------------


class _Schrijver:
    def __init__(self) -> None:
        self.regels: list[str] = []

    def schrijf(self, o: Opdracht, diepte: int, witregel: bool = False) -> None:
        if witregel and self.regels:
            self.regels.append("")
        inspring = INSPRING * diepte
        self.regels.extend(f"{inspring}#{' ' + c if c else ''}" for c in o.commentaar)
        tekst = inspring + format_opdracht(o)
        if o.nacommentaar is not None:
            tekst += f"  # {o.nacommentaar}" if o.nacommentaar else "  #"
        self.regels.append(tekst)

    def annotaties(self, houder: Artikel | Lid, diepte: int) -> None:
        for al in houder.alineas:
            self.schrijf(al, diepte)
        for a in houder.annotaties:
            self.schrijf(a, diepte)
            if isinstance(a, Omgevingsnorm):
                for w in a.waarden:
                    self.schrijf(w, diepte + 1)
            elif isinstance(a, (JuridischeRegel, Afwijkingsregel)):
                for d in a.onderdelen:
                    self.schrijf(d, diepte + 1)

    def artikel(self, a: Artikel, diepte: int) -> None:
        self.schrijf(a, diepte, witregel=True)
        self.annotaties(a, diepte + 1)
        for lid in a.leden:
            self.schrijf(lid, diepte + 1)
            self.annotaties(lid, diepte + 2)


def format_bestand(b: Bestand) -> str:
    """The canonical text of one file."""
    s = _Schrijver()
    vorige = None
    for item in b.items:
        if isinstance(item, PlanKop):
            s.schrijf(item, 0, witregel=True)
            for r in item.regels:
                s.schrijf(r, 1)
        elif isinstance(item, Hoofdstuk):
            s.schrijf(item, 0, witregel=True)
            for deel in item.inhoud:
                if isinstance(deel, Afdeling):
                    s.schrijf(deel, 1, witregel=True)
                    for a in deel.artikelen:
                        s.artikel(a, 2)
                else:
                    s.artikel(deel, 1)
        else:
            s.schrijf(item, 0, witregel=vorige != item.soort)
        vorige = item.soort
    if b.slotcommentaar:
        s.regels.append("")
        s.regels.extend(f"#{' ' + c if c else ''}" for c in b.slotcommentaar)
    return "\n".join(s.regels) + "\n"


def format_regeling(r: Regeling) -> dict[str, str]:
    """The canonical text of every file of a plan, by path."""
    return {b.pad: format_bestand(b) for b in r.bestanden}

"""Conditions (``als``) and requirements (``eis``): a small expression tree over begrippen and normen.

Operands are numbers with units, names (a begrip or an omgevingsnorm, decided when the plan is
resolved), ja/nee, texts (keuze values) and shares ("30 % van aantal woningen").
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field

from regels.model.basis import Node

Operator = Literal["<", "<=", ">", ">=", "=", "!="]


class Getal(Node):
    """A number as written, with its unit as written (``None`` for a count)."""

    soort: Literal["getal"] = "getal"
    waarde: float
    eenheid: str | None = None


class Naam(Node):
    """A reference to a begrip (a fact of the proposal) or an omgevingsnorm."""

    soort: Literal["naam"] = "naam"
    naam: str


class JaNee(Node):
    soort: Literal["janee"] = "janee"
    waarde: bool


class Tekst(Node):
    """A keuze value such as ``"wonen"``."""

    soort: Literal["tekst"] = "tekst"
    waarde: str


class Deel(Node):
    """``P van X``: the share P (a percentage, or a name whose unit is %) of the quantity X."""

    soort: Literal["deel"] = "deel"
    aandeel: Getal | Naam
    van: Naam | Getal


Operand = Annotated[Union[Getal, Naam, JaNee, Tekst, Deel], Field(discriminator="soort")]


class Vergelijking(Node):
    soort: Literal["vergelijking"] = "vergelijking"
    links: Naam
    op: Operator
    rechts: Operand


class EenVan(Node):
    """``functie is een van "wonen", "kantoor"``."""

    soort: Literal["eenvan"] = "eenvan"
    links: Naam
    waarden: tuple[str, ...] = Field(min_length=1)


class Niet(Node):
    soort: Literal["niet"] = "niet"
    arg: "Expressie"


class En(Node):
    soort: Literal["en"] = "en"
    args: tuple["Expressie", ...] = Field(min_length=2)


class Of(Node):
    soort: Literal["of"] = "of"
    args: tuple["Expressie", ...] = Field(min_length=2)


Expressie = Annotated[Union[Vergelijking, EenVan, Niet, En, Of], Field(discriminator="soort")]

for _model in (Niet, En, Of):
    _model.model_rebuild()


def namen_in(expr: Expressie | Operand) -> list[Naam]:
    """Every name referred to in an expression, in order of appearance."""
    if isinstance(expr, Naam):
        return [expr]
    if isinstance(expr, Vergelijking):
        return [expr.links, *namen_in(expr.rechts)]
    if isinstance(expr, EenVan):
        return [expr.links]
    if isinstance(expr, Niet):
        return namen_in(expr.arg)
    if isinstance(expr, (En, Of)):
        return [n for a in expr.args for n in namen_in(a)]
    if isinstance(expr, Deel):
        return namen_in(expr.aandeel) + namen_in(expr.van)
    return []

"""The base of every model: frozen, no extra fields, and the source position of a statement."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Node(BaseModel):
    """Immutable, strict base model."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Bron(Node):
    """Where a statement was written: file (relative to the plan folder), line and column (1-based)."""

    bestand: str
    regel: int
    kolom: int = 1

    def __str__(self) -> str:
        return f"{self.bestand}:{self.regel}:{self.kolom}"


class Opdracht(Node):
    """One statement (one line) of the rule language, with its comments and source position.

    ``bron`` is left out of dumps, so two plans that differ only in layout dump equal.
    """

    bron: Bron | None = Field(default=None, exclude=True, repr=False)
    commentaar: tuple[str, ...] = ()  # whole comment lines just above the statement, without '#'
    nacommentaar: str | None = None  # the comment at the end of the statement's line

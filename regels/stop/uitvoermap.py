"""Preparing the folder an export or import writes into, so that nothing of an earlier run stays behind.

Writing a plan or a delivery into a folder that already holds an older one would leave the files the new
one no longer has (a hoofdstuk a wijziging removed, the GeoJSON of a withdrawn GIO, a GIO the plan no longer
uses): the folder would then hold a plan or delivery that was never made. So a folder is only written into
when it is new, empty, or holds an earlier output of the same command (recognised by its marker files);
then exactly the files that command writes are removed first. Any other folder is refused with a message
that names what is in the way: the command never deletes what it did not write.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from regels.errors import UitvoermapFout


def bereid_uitvoermap(map_: Path, *, merktekens: tuple[str, ...], eigen: Callable[[Path], bool], wat: str) -> Path:
    """Make ``map_`` ready for a fresh write and return it.

    ``merktekens``: files (relative to ``map_``) that together show an earlier output of this command;
    ``eigen(p)``: whether the file ``p`` (relative to ``map_``) is one this command writes; ``wat``: what
    the command writes, in Dutch, for the message ("een geïmporteerd plan", "een LVBB-levering").
    """
    map_ = Path(map_)
    if map_.exists() and not map_.is_dir():
        raise UitvoermapFout(f"'{map_}' bestaat al en is geen map; kies een (nieuwe) map voor {wat}.")
    if not map_.exists():
        map_.mkdir(parents=True)
        return map_
    inhoud = sorted(p.relative_to(map_) for p in map_.rglob("*") if p.is_file() or p.is_symlink())
    if not inhoud:
        return map_
    if not all((map_ / m).is_file() for m in merktekens):
        voorbeelden = ", ".join(str(p) for p in inhoud[:3]) + (f" en nog {len(inhoud) - 3}" if len(inhoud) > 3 else "")
        raise UitvoermapFout(
            f"De map '{map_}' bestaat al en bevat geen eerder geschreven {wat} ({voorbeelden}). "
            "Kies een nieuwe of lege map; bestaande bestanden worden niet overschreven of verwijderd.")
    for p in inhoud:
        if eigen(p):
            (map_ / p).unlink()
    return map_


__all__ = ["bereid_uitvoermap"]

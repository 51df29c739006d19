"""Identifiers of a delivery: AKN/JOIN work and expression IDs, eId/wId, IMOW identifiers, GIO UUIDs.

Every identifier is a pure function of the plan (its bevoegd gezag, work, and the name or text
path of the object), never of the clock or of a counter over the whole plan: exporting the same
plan twice gives the same identifiers, and adding an article does not renumber the others.

* IMOW (TPOD1892): ``nl.imow-<bg>.<objecttype>.<hash>``; ``<hash>`` is the first 24 hex digits of
  SHA-256 over ``<objecttype>|<key>``, where the key is the object's name (activiteit, gebied,
  norm, …) or its place in the text (regeltekst: the wId; juridische regel: wId + index).
* eId/wId (STOP): ``chp_2__subchp_2.1__art_2.2__para_1``; the wId adds ``<bg>_1__`` in front.
* GIO geometry: a UUID-5 over the work ID and the gebied name (``basisgeo:id``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid

IMOW_ID = re.compile(
    r"^nl\.imow-(gm|pv|ws|mn|mnre)[0-9]{1,6}\."
    r"(regeltekst|gebied|gebiedengroep|lijn|lijnengroep|punt|puntengroep|activiteit|gebiedsaanwijzing|"
    r"omgevingswaarde|omgevingsnorm|pons|kaart|tekstdeel|hoofdlijn|divisie|kaartlaag|juridischeregel|"
    r"activiteitlocatieaanduiding|normwaarde|regelingsgebied|ambtsgebied|divisietekst)\.[A-Za-z0-9]{1,32}$"
)
"""TPOD1892, exactly as in the validation catalogue (anchored)."""

BEVOEGD_GEZAG = re.compile(r"^(gm|pv|ws|mn|mnre)[0-9]{1,6}$")


def imow_id(bg: str, objecttype: str, sleutel: str) -> str:
    """A stable IMOW identifier for an object of ``objecttype`` (lower case) with ``sleutel``."""
    h = hashlib.sha256(f"{objecttype}|{sleutel}".encode()).hexdigest()[:24]
    return f"nl.imow-{bg}.{objecttype}.{h}"


def objecttype_van(identificatie: str) -> str | None:
    """The object type part of an IMOW identifier (``gebied`` of ``nl.imow-gm0637.gebied.x``)."""
    delen = identificatie.split(".")
    return delen[2].lower() if len(delen) >= 4 and delen[0] == "nl" else None


def geometrie_uuid(werk: str, naam: str) -> str:
    """The ``basisgeo:id`` of a gebied's geometry: a UUID-5, stable per work and name."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{werk}#gebied/{naam}"))


def slug(tekst: str, max_lengte: int = 60) -> str:
    """ASCII letters, digits, '_' and '-' only (AKN/JOIN naming; no '.'), for file and work names."""
    ascii_ = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode()
    s = re.sub(r"[^A-Za-z0-9_-]+", "-", ascii_).strip("-_")
    return (s or "x")[:max_lengte].rstrip("-_") or "x"


def uniek_slug(tekst: str, gebruikt: set[str]) -> str:
    """``slug(tekst)``, made unique against ``gebruikt`` with a short hash; adds it to ``gebruikt``."""
    s = slug(tekst)
    if s.lower() in gebruikt:
        s = f"{s[:50]}-{hashlib.sha256(tekst.encode()).hexdigest()[:8]}"
    gebruikt.add(s.lower())
    return s


def eid_deel(soort: str, nummer: str) -> str:
    """One eId step: ``chp_2``, ``subchp_2.1``, ``art_2.2``, ``para_1`` (numbers may hold '.')."""
    nummer = re.sub(r"[^A-Za-z0-9.]+", "", nummer) or "o"
    return f"{soort}_{nummer}"


def wid(bg: str, eid: str) -> str:
    """The wId of a text element: ``gm0637_1__`` + eId."""
    return f"{bg}_1__{eid}"


def bg_uit_wid(w: str) -> str | None:
    m = re.match(r"^((?:gm|pv|ws|mn|mnre)[0-9]{1,6})_", w)
    return m.group(1) if m else None


def werk_van(expressie: str) -> str:
    """The work of an AKN/JOIN expression: ``/akn/nl/act/gm0297/2019/reg456/nld@2`` → ``…/reg456``."""
    return expressie.split("@", 1)[0].rsplit("/", 1)[0] if "@" in expressie else expressie


def versie_van(expressie: str) -> str:
    """The version part of an expression: ``…/nld@2`` → ``nld@2`` (the whole id when it has none)."""
    return expressie.rsplit("/", 1)[-1] if "@" in expressie else expressie


_VERSIE = re.compile(r"^(?:([0-9]{4})-([0-9]{2})-([0-9]{2})|([0-9]+))(?:;v?([0-9]+))?$")


def versievolgorde(expressie: str) -> tuple[str, tuple[int, ...], int | None] | None:
    """The version of an expression as something to order by: its form, the date or number, and the
    volgnummer after ``;`` (or ``;v``) if any. ``…/nld@2021-04-19;2`` → ``("datum", (2021, 4, 19), 2)``,
    ``…/nld@3`` → ``("nummer", (3,), None)``. None for a version that is neither a date nor a number with
    an optional volgnummer: STOP does not prescribe one form, so such versions have no order."""
    if "@" not in expressie:
        return None
    m = _VERSIE.match(expressie.rsplit("@", 1)[1])
    if m is None:
        return None
    volgnummer = int(m.group(5)) if m.group(5) is not None else None
    if m.group(4) is not None:
        return "nummer", (int(m.group(4)),), volgnummer
    return "datum", (int(m.group(1)), int(m.group(2)), int(m.group(3))), volgnummer


def eerdere_versie(wordt: str, was: str) -> bool:
    """Whether ``wordt`` is, by the form of both versions, an earlier version of the same work than ``was``.
    Dates (or numbers) decide; on the same date the volgnummers, when both have one. False when the
    versions cannot be compared: another work, another form, or the same date with one volgnummer."""
    a, b = versievolgorde(wordt), versievolgorde(was)
    if a is None or b is None or a[0] != b[0] or werk_van(wordt) != werk_van(was):
        return False
    if a[1] != b[1]:
        return a[1] < b[1]
    return a[2] is not None and b[2] is not None and a[2] < b[2]

"""``regels-machine.xml``: the plan in the rule language, carried inside a delivery.

IMOW carries activities, locations, qualifications and norms, but not the machine logic of a
rule (``als``/``eis``), ``geldig vanaf``, ``in afwijking van``, ``afwijkbaar``, the types of
begrippen, the plan's versions or its comments. The export therefore adds one file with the
canonical text of every ``.regels`` file (``format_regeling``), each with its SHA-256::

    <rm:RegelsMachine xmlns:rm="urn:regels:machine:1" versie="1" werk="/akn/…" expressie="/akn/…/nld@…">
      <rm:bestand pad="00-plan.regels" sha256="…">plan "…"
      …</rm:bestand>
    </rm:RegelsMachine>

The import never trusts this file blindly: it exports the plan read from it again and compares
the text, the OW objects and the geometry with the delivery (see ``regels.stop.importeer``). Only
when they agree is the file used as is.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from lxml import etree

from regels.errors import Melding, Positie
from regels.language.format import format_regeling
from regels.plan import Plan

MACHINE_NS = "urn:regels:machine:1"
VERSIE = "1"


def machinebestand(plan: Plan, expressie: str) -> bytes:
    """The bytes of ``regels-machine.xml`` for ``plan``."""
    root = etree.Element(f"{{{MACHINE_NS}}}RegelsMachine", nsmap={"rm": MACHINE_NS})
    root.set("versie", VERSIE)
    root.set("werk", plan.werk)
    root.set("expressie", expressie)
    for pad, tekst in format_regeling(plan.regeling).items():
        b = etree.SubElement(root, f"{{{MACHINE_NS}}}bestand")
        b.set("pad", pad)
        b.set("sha256", hashlib.sha256(tekst.encode()).hexdigest())
        b.text = tekst
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@dataclass
class Machinetekst:
    werk: str
    expressie: str
    bestanden: dict[str, str]


def lees_machinebestand(doc: etree._ElementTree, naam: str, meldingen: list[Melding]) -> Machinetekst | None:
    """The texts in a machine file; None (with a melding) when it is not one or is damaged."""
    root = doc.getroot()
    if root.tag != f"{{{MACHINE_NS}}}RegelsMachine":
        meldingen.append(Melding(f"{naam} is geen regels-machinebestand", Positie(naam, 1, 1), ernst="waarschuwing"))
        return None
    if root.get("versie") != VERSIE:
        meldingen.append(Melding(f"{naam}: versie {root.get('versie')!r} van het machinebestand wordt niet ondersteund "
                                 f"(verwacht {VERSIE}); het bestand is niet gebruikt", Positie(naam, 1, 1), ernst="waarschuwing"))
        return None
    bestanden: dict[str, str] = {}
    for b in root:
        if not isinstance(b.tag, str):
            continue
        pad = b.get("pad") or ""
        tekst = b.text or ""
        onveilig = pad.startswith("/") or "\\" in pad or ".." in pad.split("/") or ":" in pad
        if b.tag != f"{{{MACHINE_NS}}}bestand" or not pad.endswith(".regels") or onveilig:
            meldingen.append(Melding(f"{naam}: onbekend element of ongeldig pad {pad!r}; het machinebestand is niet gebruikt",
                                     Positie(naam, b.sourceline or 1, 1), ernst="waarschuwing"))
            return None
        if hashlib.sha256(tekst.encode()).hexdigest() != b.get("sha256"):
            meldingen.append(Melding(f"{naam}: de tekst van {pad} klopt niet met zijn sha256 (na de export gewijzigd?); "
                                     "het machinebestand is niet gebruikt", Positie(naam, b.sourceline or 1, 1),
                                     ernst="waarschuwing"))
            return None
        bestanden[pad] = tekst
    return Machinetekst(root.get("werk") or "", root.get("expressie") or "", bestanden)

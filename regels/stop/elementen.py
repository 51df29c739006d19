"""Small, fast readers of lxml elements shared by the STOP and OW readers.

They are called tens of thousands of times per import, so each does its work in as few Python steps
as possible and leaves the rest to libxml2 (``tostring(method="text")``, a compiled XPath).
"""

from __future__ import annotations

from lxml import etree

_WIDS = etree.XPath("descendant-or-self::*/@wId", smart_strings=False)


def tekst(el: etree._Element | None) -> str:
    """The text of ``el`` and its descendants (comments and processing instructions left out), with
    whitespace collapsed to single spaces; ``""`` for None."""
    if el is None:
        return ""
    # for mixed content, serialising to text in libxml2 is about 3x faster than joining itertext()
    t = el.text if len(el) == 0 else etree.tostring(el, method="text", encoding=str, with_tail=False)
    if not t:
        return ""
    return t.strip() if "  " not in t and "\n" not in t and "\t" not in t else " ".join(t.split())


def platte_tekst(el: etree._Element | None) -> str:
    """The text of ``el`` and its descendants with all whitespace (also non-breaking spaces) collapsed to
    single spaces: for identifiers, names and messages. ``""`` for None."""
    if el is None:
        return ""
    return " ".join(etree.tostring(el, method="text", encoding=str, with_tail=False).split())


def lokaal(tag: object) -> str:
    """The local name of an element's tag (what ``etree.QName(el).localname`` gives, without the object);
    ``""`` for a comment or processing instruction, whose tag is a function."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def eerste(el: etree._Element | None, tag: str) -> etree._Element | None:
    """The first child with this tag (Clark notation): ``el.find(tag)`` without the ElementPath machinery."""
    if el is not None:
        for k in el[:]:  # a slice is built in C, about 4x cheaper than iterating the element
            if k.tag == tag:
                return k
    return None


def wids(el: etree._Element) -> list[str]:
    """Every wId on ``el`` and its descendant elements, in document order."""
    return _WIDS(el)


__all__ = ["eerste", "lokaal", "platte_tekst", "tekst", "wids"]

"""The official STOP/LVBB Schematron, run completely with an XSLT 3.0 processor (Saxon-HE).

All STOP 1.3.0 and LVBB 1.2.0 Schematron files declare ``queryBinding="xslt2"``. This module
compiles each file once per process into one XSLT 3.0 stylesheet (its own small Schematron
compiler: the files only use ``ns``, ``let``, ``pattern``, ``rule``, ``assert``, ``report``,
``value-of``, ``name``, ``title``, ``p`` and top-level ``xsl:key``), compiles that with Saxon-HE
(``saxonche``) and runs it on each document. Every pattern runs.

The stylesheet follows the ISO skeleton for XSLT 2 (``iso_schematron_skeleton_for_saxon.xsl``),
which is what the official pipeline uses:

- one mode per pattern; the document is walked from ``/`` once per pattern, and each node fires
  at most the first rule of the pattern whose context matches it (rule priority in document
  order); text nodes are never contexts; attributes (and comments and processing instructions)
  are visited only when a rule context of the pattern could match one;
- a ``sch:let`` of the schema or of a pattern is a global variable (its context is the document
  node), a ``sch:let`` of a rule is a local variable of that rule; a ``sch:let`` without
  ``@value`` holds the constructed tree of its XSLT content;
- ``sch:value-of`` is ``xsl:value-of`` (XSLT 2.0+: a sequence is joined with spaces) and
  ``sch:name`` is ``name()``.

Each pattern runs inside ``xsl:try``: a pattern that raises a dynamic error on a document (the
official Schematron meeting input it was not written for) is reported in
:attr:`SchematronUitslag.niet_uitgevoerd` *and* as a ``fout`` melding, so a delivery is never
called valid when one of its checks did not run; the other patterns are not affected.

Untrusted input. Documents are parsed by :mod:`regels.stop.veilig` (no DTD, no entities); Saxon
gets the lxml tree serialised from its root element, so without a DOCTYPE. Saxon itself is
closed off:

- ``http://saxon.sf.net/feature/allowedProtocols`` is set to ``""`` on the one processor of the
  process: every access to an external resource is refused (``doc``, ``document``,
  ``unparsed-text*``, ``collection``, ``uri-collection``, ``json-doc``, ``transform``,
  ``xsl:source-document``, and DTDs and external entities in Saxon's own XML parser; measured
  with SaxonC-HE 13.1, see ``tests/stop/test_stop_schematron.py``);
- ``http://saxon.sf.net/feature/allow-external-functions`` is ``false``: Saxon then refuses
  ``xsl:result-document`` and extension instructions, and answers ``environment-variable()``,
  ``available-environment-variables()`` and ``system-property()`` for Java's properties
  (``user.home``, ``user.dir``, …) with nothing (also measured, same tests);
- that is Saxon's behaviour, not a promise of an API, so the compiler does not rely on it. It
  reads every XPath of the file as XPath 3.1 tokens (:mod:`regels.stop.schematron_controle`: string
  literals, nested comments, ``Q{uri}name``, whatever whitespace or comments stand between a name and
  its ``(`` or ``#``) and accepts a function call or ``name#arity`` reference only for a function on
  the allow-list ``TOEGESTANE_FUNCTIES`` (``fn``) or in the ``math``, ``map``, ``array`` and ``xs``
  namespaces; anything else (a ``VERBODEN_FUNCTIES`` one, an extension function, a function
  outside the list, a character XPath 3.1 does not use, an unclosed literal or comment) refuses
  the file. A dynamic call (``$f(…)``) can only call a function item that was named, and so
  checked, somewhere in the file, since ``function-lookup`` is refused;
- XSLT content (in a ``sch:let``, and a top-level ``xsl:key``) may only hold the instructions and
  attributes of ``schematron_controle._XSLT_ATTRIBUTEN``; it is checked where it ends up in the stylesheet, with
  the namespaces Saxon will see there. Each XPath, pattern and sequence type is checked, and each
  attribute value template (on literal result elements, and e.g. ``xsl:element/@name``) is read
  the way XSLT 3.0 reads it (``{{``, ``}}``, nested braces, braces in literals). Not allowed:
  ``xsl:result-document``, ``xsl:evaluate``, ``xsl:import``, …, and the attributes ``use-when``
  and shadow attributes (``_select``: evaluated while compiling), ``expand-text`` (text value
  templates), ``extension-element-prefixes``, attributes in other namespaces;
- result documents are captured in memory, never written; the stylesheet's static base URI is
  ``file:///``, not the working directory.

Findings keep the form of the rest of :mod:`regels.stop`: a :class:`~regels.errors.Melding` per
failed assert or successful report, text ``<code>: <melding>`` (the ``"melding"`` part of the
official JSON-like message), the file, the line of the element and its path
(:func:`regels.stop.schemas.element_pad`); ``role="fout"`` (or error, fatal) is a ``fout``,
anything else (``waarschuwing``, ``ontraden``, …) a ``waarschuwing``. What Saxon hands back is
bounded: a message is cut off after :data:`MAX_TEKENS_PER_MELDING` characters (the melding says
how long it was), and after :data:`MAX_MELDINGEN_PER_PATROON` findings of one pattern one more
melding says how many more there are ("en nog N meldingen (waarvan F fouten) …", a ``fout`` when
F > 0, so hidden errors still make the document invalid).
"""

from __future__ import annotations

import copy
import re
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from regels.errors import Melding, Positie, RegelsError, XmlFout
from regels.stop.elementen import lokaal, platte_tekst
from regels.stop.schematron_controle import (
    SCH, VASTE_PREFIXEN, XS, XSL, Weigering, controleer_xpath, controleer_xslt, getoonde_naam, xpath_tokens,
)
from regels.stop.schemas import (
    LVBBA,
    SE,
    STANDAARD_VERSIES,
    STOP,
    SchemaOpslag,
    _naam_van,
    _stap,
    element_pad,
    herken_soort,
)

__all__ = [
    "SchematronPatroon",
    "SchematronUitslag",
    "schematron_dekking",
    "schematron_voor",
    "schematron_xslt",
    "valideer_schematron",
]

_ERR = "http://www.w3.org/2005/xqt-errors"
_EIGEN = "urn:regels:stop:schematron"
"""Namespace of the compiler's own function (the path of a context node)."""

_QUERY_BINDINGS = frozenset({"xslt2", "xslt3", "xpath2", "xpath3", "xpath31"})

MAX_TEKENS_PER_MELDING = 2000
"""A message longer than this (after collapsing whitespace) is cut off by Saxon, and the melding
says how long it was; the official messages are at most about 400 characters plus the values they
quote."""
MAX_MELDINGEN_PER_PATROON = 1000
"""After this many findings of one pattern on one document, one more melding gives the number (and
the number of fouten) of the rest. Together with :data:`MAX_TEKENS_PER_MELDING` this bounds what
Saxon hands back (lxml reads at most 10 MB per text node, and the user reads less)."""

# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SchematronPatroon:
    """One pattern of an official Schematron file."""

    bestand: str
    id: str
    titel: str
    codes: tuple[str, ...]
    uitvoerbaar: bool = True
    reden: str = ""
    """Why the pattern did not run on a document (a dynamic error in Saxon), else empty."""


@dataclass
class SchematronUitslag:
    """What the Schematron run found, which patterns ran, and which did not (with the reason)."""

    meldingen: list[Melding] = field(default_factory=list)
    uitgevoerd: list[SchematronPatroon] = field(default_factory=list)
    niet_uitgevoerd: list[SchematronPatroon] = field(default_factory=list)

    @property
    def fouten(self) -> list[Melding]:
        return [m for m in self.meldingen if m.ernst == "fout"]


# --------------------------------------------------------------------------------------------
# Schematron -> XSLT 3.0
# --------------------------------------------------------------------------------------------


def _x(naam: str) -> str:
    return f"{{{XSL}}}{naam}"


def _s(naam: str) -> str:
    return f"{{{SCH}}}{naam}"


def _letterlijk_attribuut(waarde: str) -> str:
    """A literal value for an attribute of a literal result element (no attribute value template)."""
    return waarde.replace("{", "{{").replace("}", "}}")


_ZONDER_PREDICATEN = re.compile(r"\[[^\[\]]*\]")


def _bezoek(contexten: list[str], waar: str) -> str:
    """What the walk of one pattern visits below each node: elements, and attributes, comments or
    processing instructions only if one of the rule contexts could match one (outside its
    predicates the context names the attribute axis, or a comment or PI test). Visiting more would
    give the same result, slower."""
    attributen = overig = False
    for context in contexten:
        # the context without whitespace, comments and the content of string literals
        tekst = "".join("''" if t.soort == "tekst" else t.tekst for t in xpath_tokens(context, waar)[0])
        vorige = None
        while vorige != tekst:  # strip predicates, innermost first
            vorige, tekst = tekst, _ZONDER_PREDICATEN.sub("", tekst)
        if "@" in tekst or "attribute" in tekst:
            attributen = True
        if "comment(" in tekst or "processing-instruction(" in tekst or "node(" in tekst:
            overig = True
    delen = (["@*"] if attributen else []) + ["*"] + (["comment()", "processing-instruction()"] if overig else [])
    return "|".join(delen)


@dataclass(frozen=True)
class _Vertaling:
    """A Schematron file as one XSLT 3.0 stylesheet, and its patterns in order."""

    xslt: str
    patronen: tuple[SchematronPatroon, ...]


def vertaal(sch: etree._Element, bestand: str, url: str | None = None) -> _Vertaling:
    """Compile a Schematron schema element to an XSLT 3.0 stylesheet (see the module docstring).

    *bestand* names the file in :class:`SchematronPatroon`, *url* (default *bestand*) in errors.

    Raises :class:`~regels.errors.XmlFout` (Dutch) for a file that is not ISO Schematron, uses a
    query binding other than XSLT 2/3, uses a Schematron feature this compiler does not support
    (abstract patterns, includes, diagnostics, phases with a default phase), or that reaches for
    files, network or environment.
    """
    try:
        return _vertaal(sch, bestand)
    except Weigering as exc:
        raise XmlFout(f"Schematron '{url or bestand}' wordt niet uitgevoerd: {exc}") from None


def _vertaal(sch: etree._Element, bestand: str) -> _Vertaling:
    if sch.tag != _s("schema"):
        raise Weigering("dit is geen ISO Schematron-bestand (verwacht sch:schema)")
    binding = (sch.get("queryBinding") or "").strip().lower()
    if binding not in _QUERY_BINDINGS:
        raise Weigering(
            f"queryBinding '{sch.get('queryBinding') or ''}' wordt niet ondersteund "
            f"(wel: {', '.join(sorted(_QUERY_BINDINGS))})"
        )
    if sch.get("defaultPhase"):
        raise Weigering("een standaardfase (defaultPhase) wordt niet ondersteund; alle patronen lopen altijd")

    ns = {n.get("prefix", ""): n.get("uri", "") for n in sch.iter(_s("ns"))}
    nsmap: dict[str | None, str] = {
        p: u for p, u in sch.nsmap.items() if p and u not in (SCH, XSL) and p not in ("xsl", "rs-eigen", "rs-err")
    }
    nsmap.update({p: u for p, u in ns.items() if p not in ("xsl", "rs-eigen", "rs-err")})
    for p, u in (("xs", XS), ("xsd", XS)):
        nsmap.setdefault(p, u)
    nsmap.update({"xsl": XSL, "rs-eigen": _EIGEN, "rs-err": _ERR})
    prefixen = {**VASTE_PREFIXEN, **{p: u for p, u in nsmap.items() if p}}

    stijl = etree.Element(_x("stylesheet"), nsmap=nsmap, version="3.0")
    stijl.set("exclude-result-prefixes", "#all")
    uitvoer = etree.SubElement(stijl, _x("output"), method="xml", encoding="UTF-8", indent="no")
    uitvoer.set("omit-xml-declaration", "yes")
    _hulpfuncties(stijl)

    globale_namen: set[str] = set()
    # XSLT content copied from the file, checked once the whole stylesheet stands (see controleer_xslt)
    nazien: list[tuple[etree._Element, str]] = []

    def globale_let(let: etree._Element, waar: str) -> None:
        naam = let.get("name", "")
        if naam in globale_namen:
            raise Weigering(f"{waar}: de variabele ${naam} is al gedeclareerd")
        globale_namen.add(naam)
        stijl.append(_let(let, prefixen, waar, nazien))

    patronen: list[etree._Element] = []
    sleutels: list[etree._Element] = []
    for kind in sch:
        if not isinstance(kind.tag, str):
            continue
        if kind.tag in (_s("ns"), _s("title"), _s("p"), _s("phase")):
            continue
        if kind.tag == _s("let"):
            globale_let(kind, f"sch:let ${kind.get('name', '')}")
        elif kind.tag == _s("pattern"):
            patronen.append(kind)
        elif kind.tag == _x("key"):
            sleutel = _kopie_in_context(kind)
            stijl.append(sleutel)
            sleutels.append(sleutel)
        else:
            raise Weigering(f"{getoonde_naam(kind.tag)} wordt niet ondersteund")

    hoofd = etree.SubElement(stijl, _x("template"), match="/")
    uitslag = etree.SubElement(hoofd, "uitslag")
    resultaat: list[SchematronPatroon] = []
    for n, patroon in enumerate(patronen):
        pid = patroon.get("id") or f"patroon-{n + 1}"
        waar = f"patroon '{pid}'"
        if patroon.get("abstract") == "true" or patroon.get("is-a"):
            raise Weigering(f"{waar}: abstracte patronen worden niet ondersteund")
        if patroon.get("documents"):
            raise Weigering(f"{waar}: @documents (andere documenten lezen) is niet toegestaan")
        titel_el = patroon.find(_s("title"))
        codes = tuple(a.get("id", "") for a in patroon.iter(_s("assert"), _s("report")) if a.get("id"))
        if not codes:
            codes = tuple(r.get("id", "") for r in patroon.iter(_s("rule")) if r.get("id"))
        resultaat.append(
            SchematronPatroon(bestand, pid, platte_tekst(titel_el) if titel_el is not None else "", codes)
        )

        modus = f"M{n}"
        regels: list[etree._Element] = []
        for kind in patroon:
            if not isinstance(kind.tag, str):
                continue
            if kind.tag in (_s("title"), _s("p")):
                continue
            if kind.tag == _s("let"):
                globale_let(kind, f"{waar}, sch:let ${kind.get('name', '')}")
            elif kind.tag == _s("rule"):
                regels.append(kind)
            else:
                raise Weigering(f"{waar}: {getoonde_naam(kind.tag)} wordt niet ondersteund")
        for i, regel in enumerate(regels):
            controleer_xpath(regel.get("context") or "", prefixen, f"{waar}, regel {i + 1}")
        bezoek = _bezoek([r.get("context", "") for r in regels], waar)
        for i, regel in enumerate(regels):
            stijl.append(
                _regel(regel, modus, 1000 + len(regels) - i, bezoek, prefixen, f"{waar}, regel {i + 1}", nazien)
            )
        etree.SubElement(stijl, _x("template"), match="text()", mode=modus, priority="-1")
        standaard = etree.SubElement(stijl, _x("template"), match="@*|node()", mode=modus, priority="-2")
        etree.SubElement(standaard, _x("apply-templates"), select=bezoek, mode=modus)

        # the pattern runs on its own: a dynamic error leaves only this pattern out
        # and hands back at most MAX_MELDINGEN_PER_PATROON findings, then how many more (rs-eigen:begrens)
        p = etree.SubElement(uitslag, "p", n=str(n))
        poging = etree.SubElement(p, _x("try"))
        gevonden = etree.SubElement(poging, _x("variable"), name="rs-eigen:m")
        etree.SubElement(gevonden, _x("apply-templates"), select="/", mode=modus)
        etree.SubElement(poging, _x("sequence"), select="rs-eigen:begrens($rs-eigen:m/m)")
        vang = etree.SubElement(poging, _x("catch"))
        fout = etree.SubElement(vang, "fout", code="{$rs-err:code}")
        etree.SubElement(fout, _x("value-of"), select=f"substring($rs-err:description, 1, {MAX_TEKENS_PER_MELDING})")

    # now that every copy stands where Saxon will read it, with the namespaces Saxon will see
    for sleutel in sleutels:
        controleer_xslt(sleutel, f"xsl:key '{sleutel.get('name', '')}'", sleutel=True)
    for inhoud, waar in nazien:
        controleer_xslt(inhoud, waar)
    xslt = etree.tostring(stijl, encoding="unicode")
    return _Vertaling(xslt, tuple(resultaat))


def _hulpfuncties(stijl: etree._Element) -> None:
    """The compiler's own functions (once per stylesheet, which compiles faster than the same
    instructions per assert or pattern): :func:`_plek_functie`, and

    - ``rs-eigen:kort(delen)``: the text of a message with its whitespace collapsed, cut off after
      :data:`MAX_TEKENS_PER_MELDING` characters, preceded by a ``lengte`` attribute if it was;
    - ``rs-eigen:begrens(m*)``: the first :data:`MAX_MELDINGEN_PER_PATROON` findings of a pattern,
      and then ``<meer n="…" fouten="…"/>`` with the number of the rest and of the fouten among them.
    """
    _plek_functie(stijl)
    xs_string = f"Q{{{XS}}}string"
    kort = etree.SubElement(stijl, _x("function"), {"name": "rs-eigen:kort", "as": "item()*"})
    etree.SubElement(kort, _x("param"), {"name": "delen", "as": "node()"})
    etree.SubElement(kort, _x("variable"), {"name": "tekst", "as": xs_string, "select": "normalize-space($delen)"})
    te_lang = etree.SubElement(kort, _x("if"), test=f"string-length($tekst) gt {MAX_TEKENS_PER_MELDING}")
    etree.SubElement(te_lang, _x("attribute"), name="lengte", select="string-length($tekst)")
    etree.SubElement(kort, _x("value-of"), select=f"substring($tekst, 1, {MAX_TEKENS_PER_MELDING})")

    begrens = etree.SubElement(stijl, _x("function"), {"name": "rs-eigen:begrens", "as": "element()*"})
    etree.SubElement(begrens, _x("param"), {"name": "m", "as": "element()*"})
    etree.SubElement(begrens, _x("sequence"), select=f"$m[position() le {MAX_MELDINGEN_PER_PATROON}]")
    meer = etree.SubElement(begrens, _x("if"), test=f"count($m) gt {MAX_MELDINGEN_PER_PATROON}")
    rest = f"$m[position() gt {MAX_MELDINGEN_PER_PATROON}]"
    etree.SubElement(
        meer,
        "meer",
        n=f"{{count({rest})}}",
        fouten=f"{{count({rest}[lower-case(@rol) = ('', 'fout', 'error', 'fatal')])}}",
    )


def _plek_functie(stijl: etree._Element) -> None:
    """``rs-eigen:plek(node)``: where a finding is, as the number of its element in document order
    (``12``; the element of an attribute, comment, PI or text; empty for the document node),
    followed for an attribute by its name in Clark notation (``12 {urn:x}n``). Python finds the
    element back in its own list of the document's elements, so a finding costs O(1): counting
    ``preceding-sibling::*`` per finding was quadratic among many siblings.

    The numbers come from an accumulator, which Saxon computes in one pass over the document the
    first time it is asked (and only then), for the unnamed mode the stylesheet starts in."""
    etree.SubElement(stijl, _x("mode"), {"use-accumulators": "rs-eigen:n"})
    teller = etree.SubElement(
        stijl, _x("accumulator"), {"name": "rs-eigen:n", "initial-value": "0", "as": f"Q{{{XS}}}integer"}
    )
    etree.SubElement(teller, _x("accumulator-rule"), match="*", select="$value + 1")
    functie = etree.SubElement(stijl, _x("function"), {"name": "rs-eigen:plek", "as": f"Q{{{XS}}}string"})
    etree.SubElement(functie, _x("param"), {"name": "knoop", "as": "node()"})
    etree.SubElement(
        functie,
        _x("sequence"),
        select=(
            "string-join(($knoop/ancestor-or-self::*[1]!string(accumulator-before('rs-eigen:n')), "
            "if ($knoop instance of attribute()) then (if (namespace-uri($knoop)) then "
            "concat('{', namespace-uri($knoop), '}', local-name($knoop)) else local-name($knoop)) else ()), ' ')"
        ),
    )


def _let(
    let: etree._Element, prefixen: dict[str, str], waar: str, nazien: list[tuple[etree._Element, str]]
) -> etree._Element:
    """A sch:let as an xsl:variable (``@value``, or the constructed tree of its XSLT content; each
    copied element is added to *nazien*, to be checked where it ends up)."""
    variabele = etree.Element(_x("variable"), name=let.get("name", ""))
    waarde = let.get("value")
    if waarde is not None:
        controleer_xpath(waarde, prefixen, waar)
        variabele.set("select", waarde)
        return variabele
    variabele.text = let.text
    for kind in let:
        kopie = _kopie_in_context(kind) if isinstance(kind.tag, str) else copy.deepcopy(kind)
        variabele.append(kopie)
        if isinstance(kind.tag, str):
            nazien.append((kopie, waar))
    return variabele


def _kopie_in_context(el: etree._Element) -> etree._Element:
    """A deep copy of ``el`` that declares every namespace in scope where it stood (``el.nsmap``): a prefix
    declared on the sch:pattern or sch:rule may be used only inside an XPath of the content, and a copy
    keeps only the declarations its own names need."""
    kopie = etree.Element(el.tag, attrib=dict(el.attrib), nsmap=el.nsmap)
    kopie.text = el.text
    for kind in el:
        kopie.append(copy.deepcopy(kind))
    kopie.tail = el.tail
    return kopie


def _regel(
    regel: etree._Element,
    modus: str,
    prioriteit: int,
    bezoek: str,
    prefixen: dict[str, str],
    waar: str,
    nazien: list[tuple[etree._Element, str]],
) -> etree._Element:
    if regel.get("abstract") == "true":
        raise Weigering(f"{waar}: abstracte regels worden niet ondersteund")
    context = regel.get("context")
    if not context:
        raise Weigering(f"{waar}: de regel heeft geen context")
    sjabloon = etree.Element(_x("template"), match=context, mode=modus, priority=str(prioriteit))
    for kind in regel:
        if not isinstance(kind.tag, str):
            continue
        if kind.tag in (_s("title"), _s("p")):
            continue
        if kind.tag == _s("let"):
            sjabloon.append(_let(kind, prefixen, f"{waar}, sch:let ${kind.get('name', '')}", nazien))
        elif kind.tag in (_s("assert"), _s("report")):
            sjabloon.append(_toets(kind, lokaal(kind.tag), prefixen, waar))
        else:
            raise Weigering(f"{waar}: {getoonde_naam(kind.tag)} wordt niet ondersteund")
    etree.SubElement(sjabloon, _x("apply-templates"), select=bezoek, mode=modus)
    return sjabloon


def _toets(toets: etree._Element, soort: str, prefixen: dict[str, str], waar: str) -> etree._Element:
    """An assert (fires when the test is false; ``xsl:choose``, as the skeleton, so the test is used
    as written) or a report (fires when true; ``xsl:if``) that writes
    ``<m r="code" rol="role" s="assert" plek="…">message</m>``: the message with its whitespace
    collapsed and cut off after :data:`MAX_TEKENS_PER_MELDING` characters (``lengte`` then gives its
    length; ``rs-eigen:kort``)."""
    test = toets.get("test")
    if test is None:
        raise Weigering(f"{waar}: sch:{soort} zonder test")
    waar = f"{waar}, {toets.get('id') or 'sch:' + soort}"
    controleer_xpath(test, prefixen, waar)
    if toets.get("diagnostics"):
        raise Weigering(f"{waar}: diagnostics worden niet ondersteund")
    if soort == "assert":
        uit = etree.Element(_x("choose"))
        etree.SubElement(uit, _x("when"), test=test)
        als = etree.SubElement(uit, _x("otherwise"))
    else:
        uit = als = etree.Element(_x("if"), test=test)
    delen = etree.SubElement(als, _x("variable"), name="rs-eigen:delen")
    m = etree.SubElement(
        als,
        "m",
        r=_letterlijk_attribuut(toets.get("id", "")),
        rol=_letterlijk_attribuut(toets.get("role", toets.get("flag", ""))),
        s=soort,
        plek="{rs-eigen:plek(.)}",
    )
    etree.SubElement(m, _x("sequence"), select="rs-eigen:kort($rs-eigen:delen)")

    def tekst(t: str | None) -> None:
        if t:
            etree.SubElement(delen, _x("text")).text = t

    tekst(toets.text)
    for deel in toets:
        if isinstance(deel.tag, str):
            if deel.tag == _s("value-of"):
                select = deel.get("select", ".")
                controleer_xpath(select, prefixen, waar)
                etree.SubElement(delen, _x("value-of"), select=select)
            elif deel.tag == _s("name"):
                select = f"name({deel.get('path', '.')})"
                controleer_xpath(select, prefixen, waar)
                tekst(" ")
                etree.SubElement(delen, _x("value-of"), select=select)
                tekst(" ")
            else:  # sch:emph, sch:span, sch:dir, foreign markup: its text
                tekst(platte_tekst(deel))
        tekst(deel.tail)
    return uit


# --------------------------------------------------------------------------------------------
# Saxon-HE: one processor per process, closed off from files and network
# --------------------------------------------------------------------------------------------

ALLOWED_PROTOCOLS = "http://saxon.sf.net/feature/allowedProtocols"
ALLOW_EXTERNAL_FUNCTIONS = "http://saxon.sf.net/feature/allow-external-functions"

_SAXON_LOCK = threading.RLock()
"""Saxon objects are not thread-safe (a compiled stylesheet may not run twice at once); every call
into Saxon holds this lock. saxonche keeps the GIL during a call anyway."""


class _Saxon:
    """The process's Saxon-HE processor, with ``allowedProtocols=""`` and
    ``allow-external-functions=false``."""

    _enige: _Saxon | None = None

    def __init__(self) -> None:
        try:
            from saxonche import PySaxonApiError, PySaxonProcessor
        except ImportError:  # pragma: no cover - saxonche is a dependency
            raise RegelsError(
                "De Schematron-controle heeft Saxon-HE nodig: installeer het pakket 'saxonche' "
                "(pip install saxonche)."
            ) from None
        self.fout_type: type[Exception] = PySaxonApiError
        self.processor = PySaxonProcessor(license=False)
        self.processor.set_configuration_property(ALLOWED_PROTOCOLS, "")
        # and no environment variables, Java system properties or extension instructions: a second
        # wall behind the compiler's own check, which refuses the functions that would read them
        self.processor.set_configuration_property(ALLOW_EXTERNAL_FUNCTIONS, "false")
        self.xslt = self.processor.new_xslt30_processor()
        # the static base URI of a stylesheet compiled from text is the working directory, which
        # static-base-uri(), resolve-uri('x') and base-uri() of a constructed node would show
        self.xslt.set_cwd("/")
        self.bouwer = self.processor.new_document_builder()
        self.bouwer.set_dtd_validation(False)

    @classmethod
    def enige(cls) -> _Saxon:
        with _SAXON_LOCK:
            if cls._enige is None:
                cls._enige = cls()
            return cls._enige

    def compileer(self, xslt: str) -> Any:
        with _SAXON_LOCK:
            uitvoerbaar = self.xslt.compile_stylesheet(stylesheet_text=xslt, encoding="UTF-8")
            uitvoerbaar.set_capture_result_documents(True)  # never written, should one appear
            return uitvoerbaar

    def document(self, doc: etree._ElementTree) -> Any:
        """The document for Saxon: the lxml tree serialised from its root element (no DOCTYPE)."""
        tekst = etree.tostring(doc.getroot(), encoding="unicode")
        with _SAXON_LOCK:
            return self.bouwer.parse_xml(xml_text=tekst, encoding="UTF-8")

    def voer_uit(self, uitvoerbaar: Any, document: Any) -> str:
        with _SAXON_LOCK:
            return uitvoerbaar.transform_to_string(xdm_node=document)


def _saxon_bericht(exc: Exception) -> str:
    tekst = " ".join(str(exc).split())
    if len(tekst) > MAX_TEKENS_PER_MELDING:
        tekst = f"{tekst[:MAX_TEKENS_PER_MELDING]} … (ingekort)"
    return tekst or exc.__class__.__name__


# --------------------------------------------------------------------------------------------
# Compiled once per process
# --------------------------------------------------------------------------------------------


@dataclass
class _Regels:
    url: str
    vertaling: _Vertaling
    uitvoerbaar: Any
    seconden: float

    @property
    def patronen(self) -> tuple[SchematronPatroon, ...]:
        return self.vertaling.patronen


_CACHE_LOCK = threading.Lock()
_SCHEMATRONS: dict[tuple[tuple[str, str, bool], str], _Regels] = {}


def _compileer_schematron(url: str, opslag: SchemaOpslag) -> _Regels:
    sleutel = (opslag.sleutel, url)
    with _CACHE_LOCK:
        gevonden = _SCHEMATRONS.get(sleutel)
    if gevonden is not None:
        return gevonden
    begin = time.perf_counter()
    boom, _ = opslag.laad(url)
    bestand = url.rsplit("/", 1)[-1]
    vertaling = vertaal(boom.getroot(), bestand, url)
    saxon = _Saxon.enige()
    try:
        uitvoerbaar = saxon.compileer(vertaling.xslt)
    except saxon.fout_type as exc:
        raise XmlFout(
            f"Schematron '{url}' kan niet worden gecompileerd (Saxon: {_saxon_bericht(exc)})"
        ) from None
    regels = _Regels(url, vertaling, uitvoerbaar, time.perf_counter() - begin)
    with _CACHE_LOCK:
        return _SCHEMATRONS.setdefault(sleutel, regels)


def schematron_xslt(url: str, opslag: SchemaOpslag | None = None) -> str:
    """The XSLT 3.0 stylesheet that one Schematron file was compiled to (for inspection)."""
    return _compileer_schematron(url, opslag or SchemaOpslag.standaard()).vertaling.xslt


def schematron_dekking(url: str, opslag: SchemaOpslag | None = None) -> list[SchematronPatroon]:
    """Every pattern of one Schematron file (all of them run)."""
    return list(_compileer_schematron(url, opslag or SchemaOpslag.standaard()).patronen)


def compileertijd(url: str, opslag: SchemaOpslag | None = None) -> float:
    """Seconds it took to translate and compile one Schematron file (compiling it now if needed)."""
    return _compileer_schematron(url, opslag or SchemaOpslag.standaard()).seconden


# --------------------------------------------------------------------------------------------
# Which files apply, and running them
# --------------------------------------------------------------------------------------------

# Which official Schematron files apply, by the (namespace, local name) of module elements
# (from versie.xml of STOP 1.3.0 and LVBB 1.2.0).
_SCH_PER_MODULE: dict[tuple[str, str], tuple[str, ...]] = {
    (SE, "FeatureTypeStyle"): ("stop:imop-se.sch",),
    (STOP + "data/", "ConsolidatieInformatie"): ("stop:imop-aknjoin.sch", "stop:imop-consolidatie.sch"),
    (STOP + "data/", "ExpressionIdentificatie"): ("stop:imop-aknjoin.sch",),
    **{
        (STOP + "data/", n): ("stop:imop-metadata.sch",)
        for n in (
            "BesluitMetadata",
            "KennisgevingMetadata",
            "RegelingMetadata",
            "RegelingVersieMetadata",
            "InformatieObjectMetadata",
            "InformatieObjectVersieMetadata",
            "OfficielePublicatieMetadata",
            "RectificatieMetadata",
        )
    },
    (STOP + "data/", "Procedureverloop"): ("stop:imop-procedure.sch",),
    (STOP + "geo/", "GeoInformatieObjectVaststelling"): ("stop:imop-geo.sch",),
    (STOP + "geo/", "GeoInformatieObjectVersie"): ("stop:imop-geo.sch",),
    **{
        (STOP + "tekst/", n): ("stop:imop-tekst.sch", "stop:imop-tekstmutaties.sch")
        for n in ("BesluitCompact", "BesluitKlassiek", "Rectificatie")
    },
    **{
        (STOP + "tekst/", n): ("stop:imop-tekst.sch",)
        for n in (
            "RegelingCompact",
            "RegelingKlassiek",
            "RegelingVrijetekst",
            "RegelingTijdelijkdeel",
            "OfficielePublicatie",
            "Kennisgeving",
        )
    },
    (STOP + "tekst/", "Tekstrevisie"): ("stop:imop-tekstmutaties.sch",),
    (STOP + "uitwisseling/", "Pakbon"): ("stop:imop-pakbon.sch",),
    (LVBBA, "AanleveringBesluit"): ("lvbb:lvbb-aanlevering.sch",),
    (LVBBA, "AanleveringKennisgeving"): ("lvbb:lvbb-aanlevering.sch",),
    (LVBBA, "AanleveringInformatieObject"): ("lvbb:lvbb-aanlevering-io.sch",),
}


def schematron_voor(doc: etree._ElementTree) -> list[str]:
    """The URLs of the official Schematron files that apply to a document (STOP and LVBB only)."""
    herkend = herken_soort(doc)
    if herkend is None or herkend.familie == "IMOW":
        return []
    stop_versie = STANDAARD_VERSIES["STOP"]
    lvbb_versie = STANDAARD_VERSIES["LVBB"]
    if herkend.familie == "STOP":
        stop_versie = herkend.versie
    else:
        lvbb_versie = herkend.versie
        if herkend.familie == "LVBB" and herkend.versie == "1.2.0":
            stop_versie = "1.3.0"  # LVBB 1.2.0 delivers STOP 1.3.0
    urls: list[str] = []
    for el in doc.getroot().iter():
        if not isinstance(el.tag, str):
            continue
        q = etree.QName(el)
        for naam in _SCH_PER_MODULE.get((q.namespace or "", q.localname), ()):
            familie, bestand = naam.split(":", 1)
            url = (
                f"https://standaarden.overheid.nl/stop/{stop_versie}/{bestand}"
                if familie == "stop"
                else f"https://standaarden.overheid.nl/lvbb/{lvbb_versie}/{bestand}"
            )
            if url not in urls:
                urls.append(url)
    return urls


def valideer_schematron(
    doc: etree._ElementTree,
    *,
    opslag: SchemaOpslag | None = None,
    naam: str | None = None,
    bestanden: Iterable[str] | None = None,
) -> SchematronUitslag:
    """Run the official Schematron on a document: every pattern of every file that applies.

    *bestanden* are Schematron URLs (default :func:`schematron_voor`). A Schematron file that cannot
    be found, translated or compiled raises :class:`~regels.errors.XmlFout`; a pattern that fails on
    this document is listed in :attr:`SchematronUitslag.niet_uitgevoerd` with Saxon's reason and
    gives a ``fout`` melding.
    """
    opslag = opslag or SchemaOpslag.standaard()
    bestand = _naam_van(doc, naam)
    uitslag = SchematronUitslag()
    urls = list(bestanden if bestanden is not None else schematron_voor(doc))
    if not urls:
        return uitslag
    alle = [_compileer_schematron(url, opslag) for url in urls]
    saxon = _Saxon.enige()
    try:
        document = saxon.document(doc)
    except saxon.fout_type as exc:  # lxml accepted it, so this would be a Saxon limit
        raise XmlFout(f"{bestand}: Saxon kan het document niet lezen: {_saxon_bericht(exc)}") from None
    plekken = _Plekken(doc)
    for regels in alle:
        try:
            uit = saxon.voer_uit(regels.uitvoerbaar, document)
        except saxon.fout_type as exc:  # outside every xsl:try: the whole file did not run
            reden = f"Saxon faalde op dit document: {_saxon_bericht(exc)}"
            for patroon in regels.patronen:
                _niet_uitgevoerd(uitslag, patroon, reden, doc, bestand)
            continue
        try:
            resultaat = etree.fromstring(uit, etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError as exc:  # bounded by MAX_*, so this would be a bug; no traceback
            raise XmlFout(f"{bestand}: de uitkomst van Schematron '{regels.url}' is niet te lezen: {exc}") from None
        for p in resultaat.iter("p"):
            patroon = regels.patronen[int(p.get("n", "0"))]
            fout = p.find("fout")
            if fout is not None:
                reden = f"Saxon faalde op dit document: {fout.get('code', '')} {platte_tekst(fout)}".rstrip()
                _niet_uitgevoerd(uitslag, patroon, reden, doc, bestand)
                continue
            uitslag.uitgevoerd.append(patroon)
            uitslag.meldingen.extend(_meldingen_uit(p, plekken, bestand))
            meer = p.find("meer")
            if meer is not None:
                uitslag.meldingen.append(_en_nog(patroon, int(meer.get("n", "0")), int(meer.get("fouten", "0")), plekken, bestand))
    return uitslag


def _niet_uitgevoerd(
    uitslag: SchematronUitslag, patroon: SchematronPatroon, reden: str, doc: etree._ElementTree, bestand: str
) -> None:
    uitslag.niet_uitgevoerd.append(
        SchematronPatroon(patroon.bestand, patroon.id, patroon.titel, patroon.codes, False, reden)
    )
    codes = f", {', '.join(patroon.codes)}" if patroon.codes else ""
    root = doc.getroot()
    uitslag.meldingen.append(
        Melding(
            f"Schematron-patroon '{patroon.id}' ({patroon.bestand}{codes}) kon op dit document niet "
            f"worden uitgevoerd, dus is niet gecontroleerd: {reden}",
            positie=Positie(bestand, root.sourceline or 1, 1),
            pad=f"{bestand}:{element_pad(root)}",
        )
    )


_MELDING_TEKST = re.compile(r'"melding"\s*:\s*"((?:[^"\\]|\\.)*)(?:"|$)', re.S)
"""The "melding" of the official JSON-like message (to its end, if the message was cut off)."""


def _en_nog(patroon: SchematronPatroon, aantal: int, fouten: int, plekken: _Plekken, bestand: str) -> Melding:
    codes = f", {', '.join(patroon.codes)}" if patroon.codes else ""
    waarvan = f" (waarvan {fouten} {'fout' if fouten == 1 else 'fouten'})" if fouten else ""
    return Melding(
        f"Schematron-patroon '{patroon.id}' ({patroon.bestand}{codes}): en nog {aantal} "
        f"{'melding' if aantal == 1 else 'meldingen'}{waarvan} die niet afzonderlijk "
        f"{'wordt' if aantal == 1 else 'worden'} getoond; alleen de eerste {MAX_MELDINGEN_PER_PATROON} staan hierboven",
        positie=Positie(bestand, plekken.root.sourceline or 1, 1),
        pad=f"{bestand}:{plekken.pad(plekken.root)}",
        ernst="fout" if fouten else "waarschuwing",
    )


class _Plekken:
    """The elements of one document in document order (made once, when the first finding needs it),
    and the paths already made (:func:`~regels.stop.schemas.element_pad` with one shared cache)."""

    def __init__(self, doc: etree._ElementTree) -> None:
        self.root = doc.getroot()
        self._elementen: list[etree._Element] | None = None
        self.paden: dict = {}

    def element(self, nummer: str) -> etree._Element:
        if self._elementen is None:
            self._elementen = list(self.root.iter(etree.Element))
        n = int(nummer) if nummer.isascii() and nummer.isdigit() else 0
        # 0: the document node (or, never, something else than a number from Saxon)
        return self._elementen[n - 1] if 0 < n <= len(self._elementen) else self.root

    def pad(self, el: etree._Element) -> str:
        return element_pad(el, self.paden)


def _meldingen_uit(p: etree._Element, plekken: _Plekken, bestand: str) -> Iterator[Melding]:
    for m in p.iter("m"):
        tekst = platte_tekst(m)
        gevonden = _MELDING_TEKST.search(tekst)
        bericht = gevonden.group(1).replace('\\"', '"') if gevonden else tekst.strip(" {},")
        if m.get("lengte"):
            bericht = f"{bericht} … (ingekort: de melding telt {m.get('lengte')} tekens)"
        code = m.get("r") or ""
        nummer, _, attribuut = (m.get("plek") or "").partition(" ")
        el = plekken.element(nummer)
        rol = (m.get("rol") or "fout").lower()
        yield Melding(
            f"{code}: {bericht}" if code else bericht,
            positie=Positie(bestand, el.sourceline or 1, 1),
            pad=f"{bestand}:{plekken.pad(el)}{'/@' + _stap(attribuut) if attribuut else ''}",
            ernst="fout" if rol in ("fout", "error", "fatal") else "waarschuwing",
        )

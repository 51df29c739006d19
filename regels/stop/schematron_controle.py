"""What an untrusted Schematron file may contain: the XSLT instructions and attributes, and the XPath
functions it may call (an allow-list), checked on the file's XPath read as XPath 3.1 tokens.

Schematron files can come from a folder the user chooses (``--schemas``, ``REGELS_STOP_SCHEMAS``) or from
a download, and :mod:`regels.stop.schematron` compiles them into an XSLT 3.0 stylesheet that Saxon runs.
Saxon is closed off on its own (no protocols, no external functions, output kept in memory), and this
module is the second wall: anything that could read a file, the network, the environment or the
process's properties, or anything it does not recognise, is refused with :class:`Weigering` before
Saxon sees it. Tokens, not regular expressions: a comment or whitespace between a function name and
its ``(``, a ``Q{uri}name``, a nested brace in an attribute value template cannot hide a call.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from lxml import etree

from regels.stop.elementen import lokaal

SCH = "http://purl.oclc.org/dsdl/schematron"
XSL = "http://www.w3.org/1999/XSL/Transform"
XS = "http://www.w3.org/2001/XMLSchema"

class Weigering(Exception):
    """Something in a Schematron file this compiler does not (or may not) translate."""


def namespace_van(tag: str) -> str:
    return tag[1 : tag.index("}")] if tag[:1] == "{" else ""


def getoonde_naam(tag: str, nsmap: dict | None = None) -> str:
    """``sch:rule``, ``xsl:key``, ``saxon:x`` or a local name: how a tag is named in a refusal."""
    ns = namespace_van(tag)
    if ns in (SCH, XSL):
        return f"{'sch' if ns == SCH else 'xsl'}:{lokaal(tag)}"
    prefix = next((p for p, u in (nsmap or {}).items() if p and u == ns), None) if ns else None
    return f"{prefix}:{lokaal(tag)}" if prefix else lokaal(tag)


_FN = "http://www.w3.org/2005/xpath-functions"

_XSLT_ATTRIBUTEN: dict[str, dict[str, str]] = {
    "choose": {},
    "when": {"test": "xpath"},
    "otherwise": {},
    "if": {"test": "xpath"},
    "value-of": {"select": "xpath", "separator": "avt"},
    "text": {},
    "for-each": {"select": "xpath"},
    "for-each-group": {
        "select": "xpath",
        "group-by": "xpath",
        "group-adjacent": "xpath",
        "group-starting-with": "patroon",
        "group-ending-with": "patroon",
        "composite": "waarde",
        "collation": "avt",
    },
    "sort": {
        "select": "xpath",
        "lang": "avt",
        "order": "avt",
        "collation": "avt",
        "stable": "avt",
        "case-order": "avt",
        "data-type": "avt",
    },
    "variable": {"name": "waarde", "select": "xpath", "as": "type"},
    "copy-of": {"select": "xpath", "copy-namespaces": "waarde"},
    "sequence": {"select": "xpath"},
    "element": {"name": "avt", "namespace": "avt", "inherit-namespaces": "waarde"},
    "attribute": {"name": "avt", "namespace": "avt", "select": "xpath", "separator": "avt"},
    "perform-sort": {"select": "xpath"},
    "key": {"name": "waarde", "match": "patroon", "use": "xpath", "composite": "waarde", "collation": "waarde"},
}
"""Every XSLT instruction a Schematron file may contain, with every attribute it may carry and what
that attribute holds: an XPath expression, a pattern, a sequence type, an attribute value template
or a plain value. Any other attribute is refused: ``use-when`` and shadow attributes (``_select``,
evaluated when compiling), ``expand-text`` (text value templates), ``extension-element-prefixes``,
``version``, attributes in other namespaces, …."""

_XSLT_ALGEMEEN = {"exclude-result-prefixes": "waarde", "xpath-default-namespace": "waarde"}
"""The standard attributes allowed on every XSLT instruction (and as ``xsl:…`` on a literal result
element); neither is evaluated."""


TOEGESTANE_FUNCTIES = frozenset(
    """abs adjust-date-to-timezone adjust-dateTime-to-timezone adjust-time-to-timezone
    analyze-string apply avg base-uri boolean ceiling codepoint-equal codepoints-to-string
    collation-key compare concat contains contains-token copy-of count current current-date
    current-dateTime current-group current-grouping-key current-time data dateTime
    day-from-date day-from-dateTime days-from-duration deep-equal default-collation
    default-language distinct-values document-uri element-available element-with-id empty
    encode-for-uri ends-with error escape-html-uri exactly-one exists false filter floor
    fold-left fold-right for-each for-each-pair format-date format-dateTime format-integer
    format-number format-time function-arity function-available function-name generate-id
    has-children head hours-from-dateTime hours-from-duration hours-from-time id idref
    implicit-timezone in-scope-prefixes index-of innermost insert-before iri-to-uri
    json-to-xml key lang last local-name local-name-from-QName lower-case matches max min
    minutes-from-dateTime minutes-from-duration minutes-from-time month-from-date
    month-from-dateTime months-from-duration name namespace-uri namespace-uri-for-prefix
    namespace-uri-from-QName nilled node-name normalize-space normalize-unicode not number
    one-or-more outermost parse-ietf-date parse-json path position prefix-from-QName QName
    random-number-generator regex-group remove replace resolve-QName resolve-uri reverse root
    round round-half-to-even seconds-from-dateTime seconds-from-duration seconds-from-time
    serialize snapshot sort starts-with string string-join string-length string-to-codepoints
    subsequence substring substring-after substring-before sum tail timezone-from-date
    timezone-from-dateTime timezone-from-time tokenize translate true type-available unordered
    upper-case xml-to-json year-from-date year-from-dateTime years-from-duration
    zero-or-one""".split()
)
"""The functions of the ``fn`` namespace a Schematron file may call or name (``name#arity``): those
of XPath 3.1 and XSLT 3.0 that compute on the document and their arguments only. Left out are the
:data:`VERBODEN_FUNCTIES` and some that Schematron has no use for (``trace`` writes to stderr,
``parse-xml`` could ask for a DTD, ``unparsed-entity-uri``, ``accumulator-before``, the
``xsl:merge`` functions). An allow-list rather than a block-list, so that a function a later Saxon
adds to the ``fn`` namespace is refused until someone looks at it. Functions in the ``math``,
``map``, ``array`` and ``xs`` namespaces (W3C's own, computing only) are all allowed."""

VERBODEN_FUNCTIES = frozenset(
    """doc document doc-available unparsed-text unparsed-text-lines unparsed-text-available
    collection uri-collection json-doc transform load-xquery-module function-lookup
    environment-variable available-environment-variables system-property
    available-system-properties static-base-uri current-output-uri stream-available""".split()
)
"""Functions that read files, the network, the environment or Java's system properties
(``system-property('user.home')``), show where the process runs, or reach other functions by name
at run time (``function-lookup``, ``load-xquery-module``, ``transform``); they are named in the
refusal."""

_ANDERE_FUNCTIE_NAMESPACES = frozenset(
    {
        "http://www.w3.org/2005/xpath-functions/math",
        "http://www.w3.org/2005/xpath-functions/map",
        "http://www.w3.org/2005/xpath-functions/array",
        XS,
    }
)
VASTE_PREFIXEN = {
    "fn": _FN,
    "math": "http://www.w3.org/2005/xpath-functions/math",
    "map": "http://www.w3.org/2005/xpath-functions/map",
    "array": "http://www.w3.org/2005/xpath-functions/array",
    "xs": XS,
    "xsd": XS,
}

_SLEUTELWOORDEN = frozenset(
    """attribute comment document-node element empty-sequence function if item map array
    namespace-node node processing-instruction schema-attribute schema-element switch text
    typeswitch and or div idiv mod eq ne lt le gt ge is to union intersect except instance of
    treat as castable cast return satisfies then else in some every for let""".split()
)
"""Unprefixed names that may stand before ``(`` without being a function call: the reserved names
of XPath 3.1 (kind tests, ``if``, ``function``, ``map``, …) and its operators and keywords
(``a and (b)``). None of them is a function that reads anything."""


class _Token(NamedTuple):
    soort: str
    """``naam`` (a QName, NCName or URIQualifiedName), ``tekst`` (a string literal), ``getal`` or
    ``teken``; whitespace and comments give no token."""
    tekst: str
    prefix: str | None = None
    uri: str | None = None
    """The braced URI of ``Q{uri}naam``."""
    naam: str = ""
    """The local part of a name."""


_NCNAME = r"[^\W\d][\w.\-]*"
_XPATH_TOKEN = re.compile(
    r"(?P<ws>[ \t\r\n]+)"
    r"|(?P<tekst>'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\")"
    rf"|Q\{{(?P<uri>[^{{}}]*)\}}(?P<eqnaam>{_NCNAME}|\*)?"
    rf"|(?P<prefix>{_NCNAME}):(?P<lokaal>{_NCNAME})"
    rf"|(?P<naam>{_NCNAME})"
    r"|(?P<getal>(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)"
    r"|(?P<teken>\.\.|//|::|:=|!=|<=|>=|<<|>>|\|\||=>|[()\[\]{},./@:=<>+\-*|?#$!])"
)


def xpath_tokens(expr: str, waar: str, begin: int = 0, in_avt: bool = False) -> tuple[list[_Token], int]:
    """The tokens of an XPath 3.1 expression (or pattern, or sequence type), and where it ends.

    Comments nest and are skipped like whitespace, so ``f(::)(x)`` is the name ``f`` before ``(``.
    Whatever is not XPath 3.1 is refused rather than guessed at: an unclosed string literal or
    comment, and any character XPath does not use (the backquote of an XPath 4.0 string template,
    ``;``, ``%``, …). In an attribute value template (*in_avt*) the expression ends at the first
    ``}`` outside a literal, comment or nested braces; the index after it is returned.
    """
    tokens: list[_Token] = []
    i, diepte, n = begin, 0, len(expr)
    while i < n:
        if expr.startswith("(:", i):  # a comment; comments nest
            genest, i = 1, i + 2
            while genest:
                if i >= n:
                    raise Weigering(f"{waar}: een commentaar (: … :) is niet afgesloten")
                if expr.startswith("(:", i):
                    genest, i = genest + 1, i + 2
                elif expr.startswith(":)", i):
                    genest, i = genest - 1, i + 2
                else:
                    i += 1
            continue
        m = _XPATH_TOKEN.match(expr, i)
        if m is None:
            if expr[i] in "'\"":
                raise Weigering(f"{waar}: een tekst tussen aanhalingstekens is niet afgesloten")
            raise Weigering(f"{waar}: het teken {expr[i]!r} hoort niet in XPath 3.1")
        i = m.end()
        soort = m.lastgroup or ""
        if soort == "ws":
            continue
        if soort in ("uri", "eqnaam"):
            tokens.append(_Token("naam", m.group(), uri=m.group("uri"), naam=m.group("eqnaam") or ""))
        elif soort == "lokaal":
            tokens.append(_Token("naam", m.group(), prefix=m.group("prefix"), naam=m.group("lokaal")))
        elif soort == "naam":
            tokens.append(_Token("naam", m.group(), naam=m.group()))
        else:
            tokens.append(_Token(soort, m.group()))
            if in_avt and soort == "teken" and m.group() in "{}":
                if m.group() == "{":
                    diepte += 1
                elif diepte == 0:
                    tokens.pop()
                    return tokens, i
                else:
                    diepte -= 1
    if in_avt:
        raise Weigering(f"{waar}: een attribuutwaardesjabloon {{…}} is niet afgesloten")
    return tokens, i


def _avt_expressies(waarde: str, waar: str) -> Iterator[list[_Token]]:
    """The tokens of each expression in an attribute value template, read as XSLT 3.0 does:
    ``{{`` and ``}}`` are literal braces, and an expression may hold braces of its own
    (``{map{}?x}``) and literals with braces (``{'}'}``)."""
    i, n = 0, len(waarde)
    while i < n:
        teken = waarde[i]
        if teken in "{}" and waarde.startswith(teken * 2, i):
            i += 2
        elif teken == "{":
            tokens, i = xpath_tokens(waarde, waar, i + 1, in_avt=True)
            yield tokens
        elif teken == "}":
            raise Weigering(f"{waar}: een losse '}}' in een attribuutwaardesjabloon (schrijf '}}}}')")
        else:
            i += 1


def _aanroepen(tokens: list[_Token]) -> Iterator[_Token]:
    """The names that are called, ``f(…)``, or referred to, ``f#1``: a name before ``(`` or ``#``
    (comments and whitespace in between are already gone), except a variable (``$f(…)`` calls a
    function item, which can only have come from a name that is checked here as well)."""
    for i, token in enumerate(tokens[:-1]):
        volgende = tokens[i + 1]
        if token.soort == "naam" and volgende.soort == "teken" and volgende.tekst in ("(", "#"):
            if i == 0 or tokens[i - 1].tekst != "$":
                yield token


def _controleer_aanroepen(tokens: list[_Token], prefixen: dict[str, str], waar: str) -> None:
    for token in _aanroepen(tokens):
        if token.uri is not None:
            uri = " ".join(token.uri.split())  # XPath trims the braced URI
        elif token.prefix is not None:
            uri = prefixen.get(token.prefix, "")
        elif token.naam in _SLEUTELWOORDEN:
            continue
        else:
            uri = _FN  # an unprefixed function name is always in fn (XSLT 3.0)
        if uri == _FN:
            if token.naam in TOEGESTANE_FUNCTIES:
                continue
            if token.naam in VERBODEN_FUNCTIES:
                raise Weigering(
                    f"{waar}: de functie {token.naam}() is niet toegestaan: een Schematron-controle mag geen "
                    "bestanden, netwerk, omgevingsvariabelen of systeemeigenschappen lezen"
                )
            raise Weigering(
                f"{waar}: de functie {token.naam}() is niet toegestaan: een Schematron-controle mag alleen de "
                "standaardfuncties van XPath en XSLT gebruiken die niets buiten het document lezen"
            )
        if uri not in _ANDERE_FUNCTIE_NAMESPACES:
            raise Weigering(
                f"{waar}: de extensiefunctie {token.tekst}() is niet toegestaan "
                "(alleen de standaardfuncties van XPath en XSLT)"
            )


def controleer_xpath(expr: str, prefixen: dict[str, str], waar: str) -> None:
    """Refuse an XPath expression (or pattern, or sequence type) that calls or names a function
    outside :data:`TOEGESTANE_FUNCTIES` and the ``math``, ``map``, ``array`` and ``xs`` namespaces,
    or that is not plain XPath 3.1. *prefixen* are the namespaces in scope where Saxon reads it."""
    _controleer_aanroepen(xpath_tokens(expr, waar)[0], prefixen, waar)


def controleer_avt(waarde: str, prefixen: dict[str, str], waar: str) -> None:
    for tokens in _avt_expressies(waarde, waar):
        _controleer_aanroepen(tokens, prefixen, waar)


def controleer_xslt(top: etree._Element, waar: str, *, sleutel: bool = False) -> None:
    """Check XSLT content of a Schematron file (a child of a sch:let, or a top-level xsl:key when
    *sleutel*) where it stands in the generated stylesheet, so with the namespaces Saxon will see:
    only the instructions and attributes of :data:`_XSLT_ATTRIBUTEN`, every XPath, pattern, type and
    attribute value template checked; on literal result elements every attribute is an attribute
    value template and only the ``xsl:`` attributes of :data:`_XSLT_ALGEMEEN` are allowed. Text is
    never evaluated (``expand-text`` is refused)."""
    for knoop in top.iter():
        if not isinstance(knoop.tag, str):
            continue
        prefixen = {**VASTE_PREFIXEN, **{p: u for p, u in knoop.nsmap.items() if p}}
        ns, naam = namespace_van(knoop.tag), lokaal(knoop.tag)
        if ns == SCH:
            raise Weigering(f"{waar}: sch:{naam} hoort niet binnen XSLT-inhoud")
        if ns == XSL:
            toegestaan = _XSLT_ATTRIBUTEN.get(naam) if (naam == "key") == (sleutel and knoop is top) else None
            if toegestaan is None:
                raise Weigering(f"{waar}: xsl:{naam} is niet toegestaan in een Schematron-bestand")
            for attribuut, waarde in knoop.attrib.items():
                soort = toegestaan.get(attribuut) or _XSLT_ALGEMEEN.get(attribuut)
                if soort is None:
                    raise Weigering(
                        f"{waar}: het attribuut {getoonde_naam(attribuut, knoop.nsmap)} is niet toegestaan op xsl:{naam}"
                    )
                plek = f"{waar}, xsl:{naam}/@{attribuut}"
                if soort == "avt":
                    controleer_avt(waarde, prefixen, plek)
                elif soort != "waarde":  # xpath, patroon, type
                    controleer_xpath(waarde, prefixen, plek)
            continue
        for attribuut, waarde in knoop.attrib.items():  # a literal result element
            getoond = getoonde_naam(attribuut, knoop.nsmap)
            if namespace_van(attribuut) == XSL:
                if lokaal(attribuut) not in _XSLT_ALGEMEEN:
                    raise Weigering(f"{waar}: het attribuut xsl:{lokaal(attribuut)} is niet toegestaan op {naam}")
                continue
            controleer_avt(waarde, prefixen, f"{waar}, {naam}/@{getoond}")

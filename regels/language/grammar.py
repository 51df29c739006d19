"""The pyparsing grammar of the rule language: one element per kind of statement (line).

Every element has a Dutch name (``set_name``), so a parse error reads "verwacht <naam>". The
``-`` operator stops backtracking after a statement's keyword, which keeps an error at its real
place. Packrat stays off: pyparsing 3.3.3's ``infix_notation`` does not need it (see
../shared/notes/python-libs.md and docs/adr/0002-pyparsing.md).
"""

from __future__ import annotations

import re

import pyparsing as pp

from regels.model.regeling import KWALIFICATIES, SOORTEN_GEBIEDSAANWIJZING

# Words that cannot be part of a bare name in an expression.
GERESERVEERD = ("en", "of", "niet", "is", "ja", "nee", "van")




def K(woorden: str) -> pp.ParserElement:
    """A keyword of one or more words, matched as whole words."""
    delen = [pp.Keyword(w) for w in woorden.split()]
    el = delen[0] if len(delen) == 1 else pp.And(delen)
    return pp.Suppress(el).set_name(f"'{woorden}'")


_ESCAPE = re.compile(r"\\(.)")
# A regex instead of QuotedString: the legal texts are long, and QuotedString unescapes char by char.
tekst = pp.Regex(r'"((?:[^"\\]|\\.)*)"').set_name('tekst tussen "aanhalingstekens"')
tekst.set_parse_action(lambda t: _ESCAPE.sub(r"\1", t[0][1:-1]))
tekst.add_condition(lambda t: bool(t[0].strip()), message="lege tekst", fatal=True)
namen = pp.Group(pp.DelimitedList(tekst)).set_name('een of meer namen tussen "…", gescheiden door komma\'s')
datum = pp.Regex(r"\d{4}-\d{2}-\d{2}").set_name("een datum (JJJJ-MM-DD)")
getal = pp.Regex(r"-?\d+(?:[.,]\d+)?").set_name("een getal")
EENHEID_RE = r"(?:km2|km|cm|mm|m2|m3|m|ha|%|graden|dB|jaar|maanden)(?![\w%])"
eenheid = pp.Regex(EENHEID_RE).set_name("een eenheid (m, m2, m3, %, …)")
hoeveelheid = pp.Group(getal("waarde") + pp.Opt(eenheid)("eenheid")).set_name("een getal met eenheid")

_woord = rf"(?!(?:{'|'.join(GERESERVEERD)})\b)[^\W\d][\w-]*"
naam = pp.Regex(rf"{_woord}(?:[ \t]+{_woord})*").set_name("de naam van een begrip of norm")

hoofdstuknummer = pp.Regex(r"\d+[a-z]?").set_name("een hoofdstuknummer")
afdelingnummer = pp.Regex(r"\d+[a-z]?(?:\.\d+[a-z]?)+").set_name("een afdelingsnummer zoals 5.1")
artikelnummer = pp.Regex(r"\d+[a-z]?(?:\.\d+[a-z]?)*").set_name("een artikelnummer zoals 5.3")
lidnummer = pp.Regex(r"\d+[a-z]?").set_name("een lidnummer")

# --- expressions ----------------------------------------------------------------------------------
JA = pp.Keyword("ja").set_parse_action(lambda: True)
NEE = pp.Keyword("nee").set_parse_action(lambda: False)
janee = (JA | NEE).set_name("ja of nee")
aandeel_operand = pp.Group(hoeveelheid("getal") | naam("naam")).set_name("een percentage of naam")
deel = pp.Group(aandeel_operand("aandeel") + K("van") - aandeel_operand("van")).set_name("een deel ('30 % van …')")
operand = (
    deel("deel") | pp.Group(hoeveelheid)("getal") | janee("janee") | tekst("tekst") | naam("naam")
).set_name("een waarde (getal met eenheid, naam, ja/nee of tekst)")
vergelijker = pp.Regex(r"<=|>=|!=|<|>|=").set_name("een vergelijking (<, <=, >, >=, =, !=)")
vergelijking = pp.Group(pp.Tag("soort", "vergelijking") + naam("links") + vergelijker("op") - pp.Group(operand)("rechts"))
een_van = pp.Group(
    pp.Tag("soort", "eenvan") + naam("links") + K("is een van") - pp.Group(pp.DelimitedList(tekst))("waarden")
)
atoom = (een_van | vergelijking).set_name("een vergelijking zoals 'bouwhoogte <= 12 m'")
NIET, EN, OF = pp.Keyword("niet"), pp.Keyword("en"), pp.Keyword("of")
expressie = pp.infix_notation(
    atoom, [(NIET, 1, pp.OpAssoc.RIGHT), (EN, 2, pp.OpAssoc.LEFT), (OF, 2, pp.OpAssoc.LEFT)]
).set_name("een voorwaarde")

kwalificatie = pp.MatchFirst([pp.Regex(k.replace(" ", r"[ \t]+") + r"(?!\w)") for k in KWALIFICATIES]).set_name(
    "een kwalificatie (" + ", ".join(KWALIFICATIES) + ")"
)
soort_aanwijzing = pp.MatchFirst(
    [pp.Regex(s.replace(" ", r"[ \t]+") + r"(?!\w)") for s in sorted(SOORTEN_GEBIEDSAANWIJZING, key=len, reverse=True)]
).set_name("een soort gebiedsaanwijzing (functie, beperkingengebied, …)")
begripsoort = (
    (pp.Keyword("eenheid")("type") - eenheid("eenheid"))
    | pp.Keyword("aantal")("type")
    | pp.Literal("ja/nee")("type")
    | (pp.Keyword("keuze")("type") - pp.Group(pp.DelimitedList(tekst))("keuzes"))
).set_name("het soort begrip (eenheid …, aantal, ja/nee of keuze …)")
normsoort = ((pp.Keyword("eenheid")("type") - eenheid("eenheid")) | pp.Keyword("aantal")("type")).set_name(
    "'eenheid …' of 'aantal'"
)

_einde = pp.StringEnd().set_name("het einde van de regel")


def _stmt(*delen: pp.ParserElement) -> pp.ParserElement:
    el = delen[0]
    for d in delen[1:]:
        el = el - d
    return el - _einde


# One element per statement kind; the key is the statement's keyword as matched at line start.
OPDRACHTEN: dict[str, pp.ParserElement] = {
    "plan": _stmt(K("plan"), tekst("titel")),
    "bevoegd gezag": _stmt(K("bevoegd gezag"), tekst("waarde")),
    "werk": _stmt(K("werk"), tekst("waarde")),
    "regelingsgebied": _stmt(K("regelingsgebied"), tekst("waarde")),
    "versie": _stmt(K("versie"), tekst("naam"), K("geldig vanaf"), datum("vanaf"), pp.Opt(K("tot") - datum("tot"))),
    "activiteit": _stmt(K("activiteit"), tekst("naam"), pp.Opt(K("valt onder") - tekst("bovenliggend"))),
    "gebied": _stmt(K("gebied"), tekst("naam"), K("uit"), tekst("bestand")),
    "gebiedengroep": _stmt(K("gebiedengroep"), tekst("naam"), K("bestaat uit"), namen("leden")),
    "gebiedsaanwijzing": _stmt(K("gebiedsaanwijzing"), tekst("naam"), K("soort"), soort_aanwijzing("type"), K("in"), namen("locaties")),
    "hoofdstuk": _stmt(K("hoofdstuk"), hoofdstuknummer("nummer"), tekst("titel")),
    "afdeling": _stmt(K("afdeling"), afdelingnummer("nummer"), tekst("titel")),
    "artikel": _stmt(K("artikel"), artikelnummer("nummer"), tekst("titel")),
    "lid": _stmt(K("lid"), lidnummer("nummer"), tekst("tekst")),
    "tekst": _stmt(K("tekst"), tekst("tekst")),
    "begrip": _stmt(K("begrip"), tekst("naam"), begripsoort),
    "norm": _stmt(K("norm"), tekst("naam"), normsoort),
    "waarde": _stmt(K("waarde"), hoeveelheid("waarde"), K("in"), namen("locaties")),
    "regel": _stmt(K("regel"), tekst("activiteit"), K("in"), namen("locaties"), K("is"), kwalificatie("kwalificatie")),
    "geldig": _stmt(K("geldig vanaf"), datum("vanaf"), pp.Opt(K("tot") - datum("tot"))),
    "als": _stmt(K("als"), expressie("expressie")),
    "eis": _stmt(K("eis"), expressie("expressie")),
    "in afwijking van": _stmt(K("in afwijking van"), K("artikel"), artikelnummer("artikel"), pp.Opt(K("lid") - lidnummer("lid"))),
    "afwijkbaar": _stmt(K("afwijkbaar")),
    "niet afwijkbaar": _stmt(K("niet afwijkbaar"), tekst("reden")),
    "afwijkingsregel": _stmt(K("afwijkingsregel"), tekst("naam"), K("in"), namen("locaties")),
}

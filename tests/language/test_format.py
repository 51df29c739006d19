"""The formatter: canonical text, and parse → format → parse as the identity (also over generated plans)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from planhulp import MINI_PLAN
from regels import format_bestand, parse_tekst
from regels.language import format as fmt
from regels.language.grammar import OPDRACHTEN
from regelgenerator import bestand


def _rond(tekst: str) -> str:
    b, f = parse_tekst(tekst, "x.regels")
    assert f == []
    return format_bestand(b)


def test_every_statement_kind_has_a_formatter():
    soorten = {"plan", "eigenschap", "versie", "activiteit", "gebied", "gebiedengroep", "gebiedsaanwijzing", "hoofdstuk",
               "afdeling", "artikel", "lid", "tekst", "begrip", "norm", "waarde", "regel", "geldig", "als", "eis",
               "afwijking", "afwijkbaar", "niet afwijkbaar", "afwijkingsregel"}
    assert soorten <= set(fmt.FORMATTERS)
    assert len(OPDRACHTEN) == len(soorten) + 2  # 'bevoegd gezag', 'werk', 'regelingsgebied' share 'eigenschap'


def test_canonical_text_is_a_fixed_point():
    eens = _rond(MINI_PLAN)
    assert _rond(eens) == eens


def test_layout_is_normalised():
    rommelig = 'hoofdstuk 1   "H"\n      artikel 1.1 "A"\nregel   "x" in "y","z" is   vergunningplichtig\n eis a<=12.50 m\n'
    assert _rond(rommelig) == (
        '\nhoofdstuk 1 "H"\n\n  artikel 1.1 "A"\n    regel "x" in "y", "z" is vergunningplichtig\n      eis a <= 12,5 m\n'
    ).lstrip("\n")


def test_parentheses_are_kept_where_the_tree_needs_them():
    assert "(a = 1 of b = 2) en c = 3" in _rond('hoofdstuk 1 "h"\nartikel 1 "a"\nregel "x" in "y" is toegestaan\neis (a = 1 of b = 2) en c = 3\n')
    assert "(a = 1 en b = 2) of c = 3" in _rond('hoofdstuk 1 "h"\nartikel 1 "a"\nregel "x" in "y" is toegestaan\neis a = 1 en b = 2 of c = 3\n')
    assert "a = 1 en (b = 2 en c = 3)" in _rond('hoofdstuk 1 "h"\nartikel 1 "a"\nregel "x" in "y" is toegestaan\neis a = 1 en (b = 2 en c = 3)\n')


def test_comments_survive_formatting():
    tekst = '# kop\nactiviteit "x"  # waarom\n\n# einde\n'
    assert _rond(tekst) == tekst


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bestand)
def test_parse_format_parse_is_the_identity_over_generated_plans(b):
    tekst = format_bestand(b)
    terug, fouten = parse_tekst(tekst, "gen.regels")
    assert fouten == [], (tekst, [str(f) for f in fouten])
    assert terug.model_dump() == b.model_dump()
    assert format_bestand(terug) == tekst

"""The parser: every statement kind, and every syntax error with its position and Dutch message."""

from __future__ import annotations

import pytest

from regels import PlanFouten, parse_tekst
from regels.language.parse import parse_of_fout, splits_commentaar
from regels.model.expressie import Deel, En, EenVan, Getal, JaNee, Naam, Niet, Of, Tekst, Vergelijking
from planhulp import MINI_PLAN


def test_mini_plan_parses_without_errors():
    bestand, fouten = parse_tekst(MINI_PLAN, "mini.regels")
    assert fouten == []
    soorten = [i.soort for i in bestand.items]
    assert soorten[0] == "plan" and soorten.count("hoofdstuk") == 2


def _eis(tekst):
    b = parse_of_fout(f'hoofdstuk 1 "h"\nartikel 1.1 "a"\nregel "x" in "y" is toegestaan\n  eis {tekst}\n')
    return b.items[0].inhoud[0].annotaties[0].eisen[0].expressie


def test_comparison_with_unit_and_decimal_comma():
    e = _eis("bouwhoogte <= 12,5 m")
    assert e == Vergelijking(links=Naam(naam="bouwhoogte"), op="<=", rechts=Getal(waarde=12.5, eenheid="m"))


def test_multiword_names_on_both_sides():
    e = _eis("afstand tot zijdelingse perceelgrens >= minimale afstand")
    assert e.links.naam == "afstand tot zijdelingse perceelgrens" and e.rechts == Naam(naam="minimale afstand")


@pytest.mark.parametrize("tekst,soort", [("groen dak = ja", JaNee), ('functie = "wonen"', Tekst), ("bouwlagen < 3", Getal)])
def test_operands(tekst, soort):
    assert isinstance(_eis(tekst).rechts, soort)


def test_share_of_a_quantity():
    e = _eis("aantal koopwoningen >= 30 % van aantal woningen")
    assert e.rechts == Deel(aandeel=Getal(waarde=30, eenheid="%"), van=Naam(naam="aantal woningen"))


def test_one_of():
    assert _eis('functie is een van "wonen", "kantoor"') == EenVan(links=Naam(naam="functie"), waarden=("wonen", "kantoor"))


def test_precedence_niet_en_of():
    e = _eis("a = 1 of b = 2 en niet c = 3")
    assert isinstance(e, Of) and isinstance(e.args[1], En) and isinstance(e.args[1].args[1], Niet)


def test_parentheses_and_flat_conjunction():
    e = _eis("(a = 1 of b = 2) en c = 3 en d = 4")
    assert isinstance(e, En) and len(e.args) == 3 and isinstance(e.args[0], Of)


def test_comments_are_kept_on_statements():
    b, f = parse_tekst('# boven\nactiviteit "x"  # achter\n# slot\n')
    assert f == []
    a = b.items[0]
    assert a.commentaar == ("boven",) and a.nacommentaar == "achter" and b.slotcommentaar == ("slot",)


def test_hash_inside_text_is_not_a_comment():
    assert splits_commentaar('lid 1 "nummer #3"  # echt') == ('lid 1 "nummer #3"', "echt")


def test_escaped_quote_in_text():
    b = parse_of_fout('hoofdstuk 1 "h"\nartikel 1.1 "a"\nlid 1 "het \\"peil\\" is de hoogte"\n')
    assert b.items[0].inhoud[0].leden[0].tekst == 'het "peil" is de hoogte'


def test_statement_order_not_indentation_decides_nesting():
    b = parse_of_fout('hoofdstuk 1 "h"\nafdeling 1.1 "af"\nartikel 1.1 "a"\nlid 1 "t"\nregel "x" in "y" is toegestaan\neis a = 1\n')
    lid = b.items[0].inhoud[0].artikelen[0].leden[0]
    assert lid.annotaties[0].eisen[0].expressie.links.naam == "a"


# Each bad line gives (line, column, words the Dutch message must contain).
FOUTEN = [
    ('regle "x"', 1, 1, ["onbekende opdracht", "bedoelt u 'regel'"]),
    ('hoofdstuk 1 "h"\nartikel x.3 "t"', 2, 9, ["verwacht een artikelnummer"]),
    ('hoofdstuk 1 "h"\nartikel 1.1 "t"\nregel "a" in "b" is toegestaan\n  eis bouwhoogte <=', 4, 20, ["verwacht een waarde", "einde van de regel"]),
    ('hoofdstuk 1 "h"\nartikel 1.1 "t"\nregel "a" in "b" is misschien', 3, 21, ["verwacht een kwalificatie"]),
    ('hoofdstuk 1 "h"\nartikel 1.1 "t"\nregel "a" in "b" is toegestaan\neis foo', 4, 5, ["verwacht een vergelijking"]),
    ('hoofdstuk 1 "h"\nartikel 1.1 "t"\nregel "a" in "b" is toegestaan\neis x = 12 meter', 4, 12, ["einde van de regel"]),
    ('lid 1 "zonder artikel"', 1, 1, ["hoort onder een artikel"]),
    ('artikel 1.1 "zonder hoofdstuk"', 1, 1, ["hoort onder een hoofdstuk"]),
    ('hoofdstuk 1 "h"\nartikel 1.1 "t"\neis a = 1', 3, 1, ["hoort direct onder een regel"]),
    ('hoofdstuk 1 "h"\nartikel 1.1 "t"\nwaarde 3 m in "x"', 3, 1, ["hoort direct onder een norm"]),
    ('bevoegd gezag "gm1"', 1, 1, ["hoort direct onder 'plan"]),
    ('plan "p"\n  versie "1" geldig vanaf 2024-02-30', 2, 3, ["geen bestaande datum"]),
    ('plan "p"\n  versie "1" geldig vanaf 24-01-01', 2, 27, ["verwacht een datum"]),
    ('activiteit "x" valt onder', 1, 26, ["verwacht tekst tussen"]),
    ('activiteit ""', 1, 12, ["lege tekst"]),
    ('hoofdstuk 1 "h"\nartikel 1.1 "t"\nbegrip "x" eenheid meter', 3, 20, ["verwacht een eenheid"]),
    ('gebiedsaanwijzing "x" soort vlek in "a"', 1, 29, ["soort gebiedsaanwijzing"]),
    ('hoofdstuk 1 "h"\nartikel 1.1 "t"\nregel "a" in "b" is toegestaan\neis (x = 1', 4, 11, ["haakjes kloppen niet"]),
    ('hoofdstuk 1 "h"\nartikel 1.1 "t"\nregel "a" in "b" is toegestaan\nin afwijking van 2.1', 4, 18, ["'artikel'"]),
    ('hoofdstuk 1 "h"\nartikel 1.1 "t"\nbegrip "x" eenheid m\nlid 1 "l"', 4, 1, ["zet die onder een lid"]),
]


@pytest.mark.parametrize("tekst,regel,kolom,woorden", FOUTEN, ids=[f[0].split("\n")[-1][:30] for f in FOUTEN])
def test_syntax_errors_have_position_and_dutch_message(tekst, regel, kolom, woorden):
    _, fouten = parse_tekst(tekst, "f.regels")
    assert fouten, "expected an error"
    f = fouten[0]
    assert (f.positie.bestand, f.positie.regel, f.positie.kolom) == ("f.regels", regel, kolom)
    for w in woorden:
        assert w in f.bericht, f.bericht
    rendered = f.render()
    assert f"f.regels:{regel}:{kolom}: fout:" in rendered and rendered.splitlines()[-1].endswith("^")


def test_all_errors_of_a_file_are_reported_at_once():
    tekst = 'regle "x"\nactiviteit\nhoofdstuk 1 "h"\nartikel 1.1 "t"\nregel "a" in "b" is toegestaan\neis foo\n'
    _, fouten = parse_tekst(tekst, "f.regels")
    assert [f.positie.regel for f in fouten] == [1, 2, 6]


def test_parse_of_fout_raises_plan_errors_with_all_messages():
    with pytest.raises(PlanFouten) as e:
        parse_of_fout('regle "x"\nregle "y"\n', "f.regels")
    assert len(e.value.fouten) == 2 and "2 fouten" in str(e.value)

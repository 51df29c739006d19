"""The fast path for common lines gives exactly what the grammar gives."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings

from planhulp import MINI_PLAN, ROOT
from regelgenerator import bestand
from regels import format_bestand, parse_tekst
from regels.language import parse as parse_module


def _zonder_snel(tekst: str, monkeypatch) -> dict:
    with monkeypatch.context() as m:
        m.setattr(parse_module, "snel", lambda soort, inhoud: None)
        b, f = parse_tekst(tekst, "x.regels")
    return b.model_dump(), [str(x) for x in f]


def _met_snel(tekst: str) -> dict:
    b, f = parse_tekst(tekst, "x.regels")
    return b.model_dump(), [str(x) for x in f]


def test_bundled_plan_parses_the_same_with_and_without_the_fast_path(monkeypatch):
    for pad in sorted((ROOT / "rules" / "zoetermeer").glob("*.regels")):
        tekst = pad.read_text(encoding="utf-8")
        assert _met_snel(tekst) == _zonder_snel(tekst, monkeypatch), pad.name


def test_fast_path_is_used_for_common_lines():
    from regels.language.snel import snel
    assert snel("lid", 'lid 1 "De bouwhoogte \\"telt\\"."').tekst == 'De bouwhoogte "telt".'
    assert snel("eis", "eis bouwhoogte <= maximum bouwhoogte").expressie["rechts"] == {"soort": "naam", "naam": "maximum bouwhoogte"}
    assert snel("eis", "eis bouwhoogte <= 12,5 m").expressie["rechts"]["waarde"] == 12.5
    assert snel("eis", "eis a = 1 en b = 2") is None  # compound: the grammar does it
    assert snel("lid", 'lid 1 ""') is None  # an error: the grammar reports it


def test_odd_spacing_and_errors_give_the_same_result(monkeypatch):
    tekst = MINI_PLAN + '\n  artikel 9.1   "x"\n    regel "a" in "b" ,"c" is  toegestaan\n      eis  x<=3m\n      eis y = 3 meter\n      als z = maximum 12 m\n'
    assert _met_snel(tekst) == _zonder_snel(tekst, monkeypatch)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(bestand)
def test_generated_plans_parse_the_same_with_and_without_the_fast_path(monkeypatch, b):
    tekst = format_bestand(b)
    assert _met_snel(tekst) == _zonder_snel(tekst, monkeypatch)

"""Hypothesis strategies that generate plan files (``Bestand`` models) of every statement kind."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from regels.language.grammar import GERESERVEERD
from regels.model import expressie as ex
from regels.model import regeling as rg

_woord = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéë", min_size=1, max_size=8).filter(lambda w: w not in GERESERVEERD)
naam = st.lists(_woord, min_size=1, max_size=3).map(" ".join)
tekst = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30).filter(lambda t: t.strip() != "")
commentaar = st.lists(st.text(alphabet="abc xyz:,.", max_size=15).map(str.strip), max_size=2).map(tuple)
nacommentaar = st.one_of(st.none(), st.text(alphabet="abc xyz", max_size=10).map(str.strip))
datum = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2099, 12, 31))
eenheid = st.sampled_from(["m", "cm", "m2", "ha", "m3", "%", "graden", "dB", "jaar", "maanden"])
getal = st.builds(ex.Getal, waarde=st.decimals(min_value=0, max_value=10_000, places=2).map(float),
                  eenheid=st.one_of(st.none(), eenheid))
nummer = st.integers(1, 99).map(str)


def _opdracht(cls, **kw):
    return st.builds(cls, commentaar=commentaar, nacommentaar=nacommentaar, **kw)


operand = st.one_of(getal, st.builds(ex.Naam, naam=naam), st.builds(ex.JaNee, waarde=st.booleans()),
                    st.builds(ex.Tekst, waarde=tekst),
                    st.builds(ex.Deel, aandeel=getal, van=st.builds(ex.Naam, naam=naam)))
atoom = st.one_of(
    st.builds(ex.Vergelijking, links=st.builds(ex.Naam, naam=naam), op=st.sampled_from(["<", "<=", ">", ">=", "=", "!="]), rechts=operand),
    st.builds(ex.EenVan, links=st.builds(ex.Naam, naam=naam), waarden=st.lists(tekst, min_size=1, max_size=3).map(tuple)),
)
expressie = st.recursive(atoom, lambda kind: st.one_of(
    st.builds(ex.Niet, arg=kind),
    st.builds(ex.En, args=st.lists(kind, min_size=2, max_size=3).map(tuple)),
    st.builds(ex.Of, args=st.lists(kind, min_size=2, max_size=3).map(tuple)),
), max_leaves=6)
onderdeel = st.one_of(
    _opdracht(rg.Geldigheid, vanaf=datum, tot=st.one_of(st.none(), datum)),
    _opdracht(rg.Voorwaarde, expressie=expressie),
    _opdracht(rg.Eis, expressie=expressie),
    _opdracht(rg.AfwijkingVan, artikel=st.sampled_from(["1.1", "2.3a", "10"]), lid=st.one_of(st.none(), nummer)),
    _opdracht(rg.Afwijkbaar),
    _opdracht(rg.NietAfwijkbaar, reden=tekst),
)
annotatie = st.one_of(
    _opdracht(rg.Begrip, naam=tekst, type=st.just("eenheid"), eenheid=eenheid),
    _opdracht(rg.Begrip, naam=tekst, type=st.sampled_from(["aantal", "ja/nee"])),
    _opdracht(rg.Begrip, naam=tekst, type=st.just("keuze"), keuzes=st.lists(tekst, min_size=1, max_size=3).map(tuple)),
    _opdracht(rg.Omgevingsnorm, naam=tekst, eenheid=st.one_of(st.none(), eenheid),
              waarden=st.lists(_opdracht(rg.Normwaarde, waarde=getal, locaties=st.lists(tekst, min_size=1, max_size=2).map(tuple)), max_size=2).map(tuple)),
    _opdracht(rg.Afwijkingsregel, naam=tekst, locaties=st.lists(tekst, min_size=1, max_size=2).map(tuple),
              onderdelen=st.lists(st.one_of(_opdracht(rg.Voorwaarde, expressie=expressie), _opdracht(rg.Eis, expressie=expressie)),
                                  max_size=3).map(tuple)),
    _opdracht(rg.JuridischeRegel, activiteit=tekst, locaties=st.lists(tekst, min_size=1, max_size=2).map(tuple),
              kwalificatie=st.sampled_from(rg.KWALIFICATIES), onderdelen=st.lists(onderdeel, max_size=4).map(tuple)),
)
alineas = st.lists(_opdracht(rg.Alinea, tekst=tekst), max_size=2).map(tuple)
lid = _opdracht(rg.Lid, nummer=nummer, tekst=tekst, alineas=alineas, annotaties=st.lists(annotatie, max_size=2).map(tuple))
artikel = st.one_of(
    _opdracht(rg.Artikel, nummer=st.sampled_from(["1", "1.1", "5.3", "12.4b"]), titel=tekst, alineas=alineas,
              annotaties=st.lists(annotatie, max_size=2).map(tuple)),
    _opdracht(rg.Artikel, nummer=st.sampled_from(["2.1", "7"]), titel=tekst, alineas=alineas,
              leden=st.lists(lid, min_size=1, max_size=2).map(tuple)),
)
afdeling = _opdracht(rg.Afdeling, nummer=st.sampled_from(["1.1", "5.2"]), titel=tekst, artikelen=st.lists(artikel, max_size=2).map(tuple))
# artikelen directly under a hoofdstuk come before its afdelingen (as in the text)
hoofdstuk = _opdracht(rg.Hoofdstuk, nummer=nummer, titel=tekst, inhoud=st.tuples(
    st.lists(artikel, max_size=2), st.lists(afdeling, max_size=2)).map(lambda t: tuple(t[0] + t[1])))
plankop = _opdracht(rg.PlanKop, titel=tekst, regels=st.lists(st.one_of(
    _opdracht(rg.Eigenschap, sleutel=st.sampled_from(["bevoegd gezag", "werk", "regelingsgebied"]), waarde=tekst),
    _opdracht(rg.Versie, naam=tekst, vanaf=datum, tot=st.one_of(st.none(), datum)),
), max_size=3).map(tuple))
item = st.one_of(
    plankop,
    _opdracht(rg.ActiviteitDecl, naam=tekst, bovenliggend=st.one_of(st.none(), tekst)),
    _opdracht(rg.GebiedDecl, naam=tekst, bestand=tekst),
    _opdracht(rg.GebiedengroepDecl, naam=tekst, leden=st.lists(tekst, min_size=1, max_size=3).map(tuple)),
    _opdracht(rg.GebiedsaanwijzingDecl, naam=tekst, type=st.sampled_from(rg.SOORTEN_GEBIEDSAANWIJZING),
              locaties=st.lists(tekst, min_size=1, max_size=2).map(tuple)),
    hoofdstuk,
)
bestand = st.builds(rg.Bestand, pad=st.just("gen.regels"), items=st.lists(item, max_size=4).map(tuple),
                    slotcommentaar=commentaar)



"""regels.stop.mutaties: each STOP renvooi operation on small hand-made texts, and every refusal."""

from __future__ import annotations

import pytest
from lxml import etree

from regels.errors import MutatieFout
from regels.stop.mutaties import label, los_renvooi_op, pas_mutatie_toe, pas_mutaties_toe, versie_van, werk_van

T = "https://standaarden.overheid.nl/stop/imop/tekst/"
WERK = "/akn/nl/act/gm9999/2024/plan"

REGELING = f"""<RegelingCompact xmlns="{T}" componentnaam="plan" wordt="{WERK}/nld@1">
  <RegelingOpschrift eId="longTitle" wId="longTitle"><Al>Plan</Al></RegelingOpschrift>
  <Lichaam eId="body" wId="body">
    <Hoofdstuk eId="chp_1" wId="gm9999_1__chp_1">
      <Kop><Label>Hoofdstuk</Label><Nummer>1</Nummer><Opschrift>Algemeen</Opschrift></Kop>
      <Artikel eId="chp_1__art_1.1" wId="gm9999_1__chp_1__art_1.1">
        <Kop><Label>Artikel</Label><Nummer>1.1</Nummer><Opschrift>Begrippen</Opschrift></Kop>
        <Inhoud><Al>Tekst een.</Al></Inhoud>
      </Artikel>
      <Artikel eId="chp_1__art_1.2" wId="gm9999_1__chp_1__art_1.2">
        <Kop><Label>Artikel</Label><Nummer>1.2</Nummer><Opschrift>Bouwen</Opschrift></Kop>
        <Lid eId="chp_1__art_1.2__para_1" wId="gm9999_1__chp_1__art_1.2__para_1">
          <LidNummer>1.</LidNummer><Inhoud><Al>Lid een.</Al></Inhoud>
        </Lid>
        <Lid eId="chp_1__art_1.2__para_2" wId="gm9999_1__chp_1__art_1.2__para_2">
          <LidNummer>2.</LidNummer><Inhoud><Al>Lid twee.</Al></Inhoud>
        </Lid>
      </Artikel>
    </Hoofdstuk>
    <Hoofdstuk eId="chp_2" wId="gm9999_1__chp_2">
      <Kop><Label>Hoofdstuk</Label><Nummer>2</Nummer><Opschrift>Slot</Opschrift></Kop>
    </Hoofdstuk>
  </Lichaam>
</RegelingCompact>"""


def _regeling() -> etree._Element:
    return etree.fromstring(REGELING)


def _mutatie(ops: str, was: str = f"{WERK}/nld@1", wordt: str = f"{WERK}/nld@2") -> etree._Element:
    return etree.fromstring(f'<RegelingMutatie xmlns="{T}" componentnaam="w" was="{was}" wordt="{wordt}">{ops}</RegelingMutatie>')


def _artikel(nummer: str, wid: str, tekst: str) -> str:
    return (f'<Artikel eId="art_{nummer}" wId="{wid}"><Kop><Label>Artikel</Label><Nummer>{nummer}</Nummer></Kop>'
            f"<Inhoud><Al>{tekst}</Al></Inhoud></Artikel>")


def _toepassen(ops: str, **kw: str) -> tuple[etree._Element, list]:
    return pas_mutatie_toe(_regeling(), _mutatie(ops, **kw), huidige=f"{WERK}/nld@1", bron="w/besluit.xml")


def _wids(root: etree._Element, soort: str = "Artikel") -> list[str]:
    return [e.get("wId") for e in root.iter(f"{{{T}}}{soort}")]


def _al(root: etree._Element, wid: str) -> str:
    el = next(e for e in root.iter() if e.get("wId") == wid)
    return " | ".join(" ".join("".join(a.itertext()).split()) for a in el.iter(f"{{{T}}}Al"))


# --- VoegToe ---------------------------------------------------------------------------------------------


def test_voegtoe_volgtop_inserts_after_the_context():
    nieuw, gedaan = _toepassen('<VoegToe positie="volgtOp" context="gm9999_1__chp_1__art_1.1"><Nummer>A</Nummer>'
                               '<Wat>Na artikel 1.1 wordt ingevoegd:</Wat>'
                               + _artikel("1.1a", "gm9999_2__art_1.1a", "Nieuw.") + "</VoegToe>")
    assert _wids(nieuw) == ["gm9999_1__chp_1__art_1.1", "gm9999_2__art_1.1a", "gm9999_1__chp_1__art_1.2"]
    assert [(t.actie, t.label, t.wid) for t in gedaan] == [("toegevoegd", "artikel 1.1a", "gm9999_2__art_1.1a")]
    # Nummer and Wat describe the operation; they are not regeling text
    assert not any(e.text == "Na artikel 1.1 wordt ingevoegd:" for e in nieuw.iter())


def test_voegtoe_komtvoor_inserts_before_and_keeps_the_order_of_several_elements():
    nieuw, gedaan = _toepassen('<VoegToe positie="komtVoor" context="gm9999_1__chp_1__art_1.1">'
                               + _artikel("0.1", "gm9999_2__art_0.1", "Een.") + _artikel("0.2", "gm9999_2__art_0.2", "Twee.")
                               + "</VoegToe>")
    assert _wids(nieuw)[:3] == ["gm9999_2__art_0.1", "gm9999_2__art_0.2", "gm9999_1__chp_1__art_1.1"]
    assert [t.label for t in gedaan] == ["artikel 0.1", "artikel 0.2"]


def test_voegtoe_eerstekind_goes_before_the_first_child_with_a_wid_after_the_kop():
    nieuw, _ = _toepassen('<VoegToe positie="eersteKind" context="gm9999_1__chp_1">'
                          + _artikel("1.0", "gm9999_2__art_1.0", "Eerst.") + "</VoegToe>")
    hoofdstuk = next(e for e in nieuw.iter(f"{{{T}}}Hoofdstuk"))
    assert [etree.QName(k).localname for k in hoofdstuk][:2] == ["Kop", "Artikel"]
    assert hoofdstuk[1].get("wId") == "gm9999_2__art_1.0"
    # an empty container: the element becomes its only child
    leeg, _ = _toepassen('<VoegToe positie="eersteKind" context="gm9999_1__chp_2">'
                         + _artikel("2.1", "gm9999_2__art_2.1", "Slot.") + "</VoegToe>")
    assert _wids(next(e for e in leeg.iter(f"{{{T}}}Hoofdstuk") if e.get("wId") == "gm9999_1__chp_2")) == ["gm9999_2__art_2.1"]


def test_voegtoe_refusals_name_file_line_and_wid():
    with pytest.raises(MutatieFout, match=r'w/besluit.xml:1: tekst:VoegToe positie="volgtOp" context="gm9999_1__bestaat_niet": de '
                                          r'context wId "gm9999_1__bestaat_niet" staat niet in de regeling'):
        _toepassen('<VoegToe positie="volgtOp" context="gm9999_1__bestaat_niet">'
                   + _artikel("9", "gm9999_2__art_9", "x") + "</VoegToe>")
    with pytest.raises(MutatieFout, match='wId "gm9999_1__chp_1__art_1.1" staat al in de regeling'):
        _toepassen('<VoegToe positie="volgtOp" context="gm9999_1__chp_1__art_1.2">'
                   + _artikel("1.1", "gm9999_1__chp_1__art_1.1", "dubbel") + "</VoegToe>")
    with pytest.raises(MutatieFout, match="kindVan.*STOP 2.0"):
        _toepassen('<VoegToe positie="kindVan" context="gm9999_1__chp_2">' + _artikel("2.1", "gm9999_2__a", "x") + "</VoegToe>")
    with pytest.raises(MutatieFout, match="onbekende positie 'achter'"):
        _toepassen('<VoegToe positie="achter" context="gm9999_1__chp_2">' + _artikel("2.1", "gm9999_2__a", "x") + "</VoegToe>")
    with pytest.raises(MutatieFout, match="VoegToe zonder tekst"):
        _toepassen('<VoegToe positie="volgtOp" context="gm9999_1__chp_2"><Wat>niets</Wat></VoegToe>')


@pytest.mark.parametrize("positie", ["volgtOp", "komtVoor", "eersteKind"])
@pytest.mark.parametrize("context", ["gm9999_2__art_9", "gm9999_2__art_9__para_1"])
def test_voegtoe_relative_to_its_own_content_is_refused(positie, context):
    # the context must already be in the regeling: the new article itself, or a lid in it, is not
    # (this was an lxml ValueError 'cannot add ancestor as sibling', or 'na het hoofdelement')
    with pytest.raises(MutatieFout, match=rf'w/besluit.xml:1: tekst:VoegToe positie="{positie}" context="{context}": de '
                                          rf'context wId "{context}" is die van \(een deel van\) de tekst die wordt toegevoegd'):
        _toepassen(f'<VoegToe positie="{positie}" context="{context}"><Artikel eId="a9" wId="gm9999_2__art_9">'
                   '<Kop><Nummer>9</Nummer></Kop><Lid eId="a9_1" wId="gm9999_2__art_9__para_1"><Inhoud><Al>x</Al></Inhoud>'
                   "</Lid></Artikel></VoegToe>")


# --- Vervang and renvooi -------------------------------------------------------------------------------------


def test_vervang_resolves_renvooi_to_the_new_text():
    nieuw, gedaan = _toepassen(
        '<Vervang wat="gm9999_1__chp_1__art_1.2"><Wat>Artikel 1.2 wordt:</Wat>'
        '<Artikel eId="chp_1__art_1.3" wId="gm9999_1__chp_1__art_1.2">'
        '<Kop><Label>Artikel</Label><Nummer><VerwijderdeTekst>1.2</VerwijderdeTekst><NieuweTekst>1.3</NieuweTekst></Nummer></Kop>'
        '<Lid eId="p1" wId="gm9999_1__chp_1__art_1.2__para_1"><LidNummer>1.</LidNummer>'
        '<Inhoud><Al>Lid <VerwijderdeTekst>een</VerwijderdeTekst><NieuweTekst>één, <i>nieuw</i></NieuweTekst>.</Al></Inhoud></Lid>'
        '<Lid eId="p2" wId="gm9999_1__chp_1__art_1.2__para_2" wijzigactie="verwijder"><LidNummer>2.</LidNummer>'
        '<Inhoud><Al>Lid twee.</Al></Inhoud></Lid>'
        '<Lid eId="p3" wId="gm9999_2__chp_1__art_1.2__para_3" wijzigactie="voegtoe"><LidNummer>2.</LidNummer>'
        '<Inhoud><Groep wijzigactie="verwijderContainer"><Al>Uit de groep.</Al></Groep>'
        '<Groep wijzigactie="nieuweContainer"><Al>In een nieuwe groep.</Al></Groep></Inhoud></Lid>'
        "</Artikel></Vervang>")
    assert _al(nieuw, "gm9999_1__chp_1__art_1.2__para_1") == "Lid één, nieuw."
    assert "gm9999_1__chp_1__art_1.2__para_2" not in {e.get("wId") for e in nieuw.iter()}
    lid3 = next(e for e in nieuw.iter() if e.get("wId") == "gm9999_2__chp_1__art_1.2__para_3")
    assert lid3.get("wijzigactie") is None
    inhoud = lid3.find(f"{{{T}}}Inhoud")
    assert [etree.QName(k).localname for k in inhoud] == ["Al", "Groep"]  # verwijderContainer unwrapped, nieuweContainer kept
    assert inhoud[1].get("wijzigactie") is None
    assert not list(nieuw.iter(f"{{{T}}}NieuweTekst", f"{{{T}}}VerwijderdeTekst"))
    assert [(t.actie, t.label, t.was) for t in gedaan] == [("vervangen", "artikel 1.3", "artikel 1.2")]


def test_vervang_with_revisie_and_a_verplaatsing():
    nieuw, gedaan = _toepassen('<Vervang wat="gm9999_1__chp_1__art_1.1" revisie="1" positie="volgtOp" '
                               'context="gm9999_1__chp_1__art_1.2">'
                               + _artikel("1.1", "gm9999_1__chp_1__art_1.1", "Tekst een, gecorrigeerd.") + "</Vervang>")
    assert _wids(nieuw) == ["gm9999_1__chp_1__art_1.2", "gm9999_1__chp_1__art_1.1"]
    assert _al(nieuw, "gm9999_1__chp_1__art_1.1") == "Tekst een, gecorrigeerd."
    assert [t.actie for t in gedaan] == ["vervangen", "verplaatst"]


@pytest.mark.parametrize("positie", ["volgtOp", "komtVoor", "eersteKind"])
def test_vervang_may_not_move_an_element_next_to_or_into_its_own_part(positie):
    with pytest.raises(MutatieFout, match=rf'tekst:Vervang wat="gm9999_1__chp_1" positie="{positie}" context='
                                          r'"gm9999_1__chp_1__art_1.1": de context "gm9999_1__chp_1__art_1.1" \(artikel 1.1\) '
                                          r"ligt binnen hoofdstuk 1 zelf"):
        _toepassen(f'<Vervang wat="gm9999_1__chp_1" positie="{positie}" context="gm9999_1__chp_1__art_1.1">'
                   '<Hoofdstuk eId="chp_1" wId="gm9999_1__chp_1"><Kop><Label>Hoofdstuk</Label><Nummer>1</Nummer></Kop>'
                   + _artikel("1.1", "gm9999_1__chp_1__art_1.1", "x") + "</Hoofdstuk></Vervang>")


def test_vervang_to_vervallen_is_reported_as_such():
    _, gedaan = _toepassen('<Vervang wat="gm9999_1__chp_1__art_1.1"><Artikel eId="a" wId="gm9999_1__chp_1__art_1.1">'
                           '<Kop><Label>Artikel</Label><Nummer>1.1</Nummer></Kop><Vervallen wijzigactie="voegtoe"/>'
                           '<Inhoud wijzigactie="verwijder"><Al>Tekst een.</Al></Inhoud></Artikel></Vervang>')
    assert [(t.actie, t.label) for t in gedaan] == [("vervallen", "artikel 1.1")]


def test_vervang_refusals():
    with pytest.raises(MutatieFout, match=r'heeft wId "gm9999_1__anders", niet de wId "gm9999_1__chp_1__art_1.1".*STOP0077'):
        _toepassen('<Vervang wat="gm9999_1__chp_1__art_1.1">' + _artikel("1.1", "gm9999_1__anders", "x") + "</Vervang>")
    with pytest.raises(MutatieFout, match='de te vervangen wId "gm9999_1__art_9" staat niet in de regeling'):
        _toepassen('<Vervang wat="gm9999_1__art_9">' + _artikel("9", "gm9999_1__art_9", "x") + "</Vervang>")
    with pytest.raises(MutatieFout, match="is een Hoofdstuk in de regeling, maar wordt vervangen door een Artikel"):
        _toepassen('<Vervang wat="gm9999_1__chp_2">' + _artikel("2", "gm9999_1__chp_2", "x") + "</Vervang>")
    with pytest.raises(MutatieFout, match="precies één element, gevonden 2"):
        _toepassen('<Vervang wat="gm9999_1__chp_1__art_1.1">' + _artikel("1.1", "gm9999_1__chp_1__art_1.1", "x")
                   + _artikel("1.1", "gm9999_1__chp_1__art_1.1", "y") + "</Vervang>")


# --- VervangKop, Verwijder, VervangRegeling ------------------------------------------------------------------


def test_vervangkop_replaces_only_the_kop_and_the_eid():
    nieuw, gedaan = _toepassen('<VervangKop wat="gm9999_1__chp_2" eId-wordt="chp_3"><Kop><Label>Hoofdstuk</Label>'
                               '<Nummer><VerwijderdeTekst>2</VerwijderdeTekst><NieuweTekst>3</NieuweTekst></Nummer>'
                               "<Opschrift>Overgangsrecht</Opschrift></Kop></VervangKop>")
    h = next(e for e in nieuw.iter() if e.get("wId") == "gm9999_1__chp_2")
    assert h.get("eId") == "chp_3" and label(h) == "hoofdstuk 3"
    assert h.find(f"{{{T}}}Kop/{{{T}}}Opschrift").text == "Overgangsrecht"
    assert len(h.findall(f"{{{T}}}Kop")) == 1
    assert [(t.actie, t.label, t.was) for t in gedaan] == [("kop vervangen", "hoofdstuk 3", "hoofdstuk 2")]


def test_vervangkop_only_where_stop_has_a_kop():
    # a Lid has a LidNummer, no Kop: a VervangKop would put a heading in it that STOP does not know
    with pytest.raises(MutatieFout, match=r'tekst:VervangKop wat="gm9999_1__chp_1__art_1.2__para_1": lid 1 is een tekst:Lid; '
                                          r"dat element heeft in STOP geen tekst:Kop"):
        _toepassen('<VervangKop wat="gm9999_1__chp_1__art_1.2__para_1"><Kop><Nummer>9</Nummer></Kop></VervangKop>')
    # a Divisietekst may have a Kop: one without gets it, and that is reported as added, not replaced
    regeling = etree.fromstring(REGELING.replace(
        "</Lichaam>", '<Divisietekst eId="dt" wId="gm9999_1__dt"><Inhoud><Al>Los.</Al></Inhoud></Divisietekst></Lichaam>'))
    nieuw, gedaan = pas_mutatie_toe(regeling, _mutatie('<VervangKop wat="gm9999_1__dt"><Kop><Opschrift>Kop</Opschrift></Kop>'
                                                       "</VervangKop>"), huidige=f"{WERK}/nld@1", bron="b")
    dt = next(e for e in nieuw.iter(f"{{{T}}}Divisietekst"))
    assert [etree.QName(k).localname for k in dt] == ["Kop", "Inhoud"]
    assert [(t.actie, t.soort) for t in gedaan] == [("kop toegevoegd", "Divisietekst")]


def test_verwijder_removes_the_element_and_keeps_its_neighbours():
    nieuw, gedaan = _toepassen('<Verwijder wat="gm9999_1__chp_1__art_1.2__para_1"><Wat>Lid 1 vervalt.</Wat>'
                               '<Lid eId="x" wId="gm9999_1__chp_1__art_1.2__para_1"><LidNummer>1.</LidNummer></Lid></Verwijder>')
    assert _wids(nieuw, "Lid") == ["gm9999_1__chp_1__art_1.2__para_2"]
    assert _al(nieuw, "gm9999_1__chp_1__art_1.2") == "Lid twee."
    assert [(t.actie, t.soort, t.label) for t in gedaan] == [("verwijderd", "Lid", "lid 1")]
    with pytest.raises(MutatieFout, match='de te verwijderen wId "gm9999_1__weg" staat niet in de regeling'):
        _toepassen('<Verwijder wat="gm9999_1__weg"/>')
    with pytest.raises(MutatieFout, match='heeft wId "gm9999_1__chp_2", niet de wId "gm9999_1__chp_1"'):
        _toepassen('<Verwijder wat="gm9999_1__chp_1"><Hoofdstuk eId="c" wId="gm9999_1__chp_2"/></Verwijder>')


def test_vervangregeling_replaces_the_whole_text_but_only_with_a_regelingcompact():
    nieuw, gedaan = _toepassen('<VervangRegeling><RegelingCompact componentnaam="n"><Lichaam eId="body" wId="body">'
                               + _artikel("1", "gm9999_3__art_1", "Alles nieuw.") + "</Lichaam></RegelingCompact></VervangRegeling>")
    assert _wids(nieuw) == ["gm9999_3__art_1"]
    assert (gedaan[0].actie, gedaan[0].label) == ("vervangen", "de hele regeling")
    assert str(gedaan[0]) == "de hele regeling vervangen"
    # the new text is version wordt of the regeling (its own attributes are optional and were dropped)
    assert (nieuw.get("wordt"), nieuw.get("componentnaam")) == (f"{WERK}/nld@2", "n")
    zonder, _ = _toepassen('<VervangRegeling><RegelingCompact><Lichaam eId="body" wId="body"/></RegelingCompact>'
                           "</VervangRegeling>")
    assert (zonder.get("wordt"), zonder.get("componentnaam")) == (f"{WERK}/nld@2", "plan")
    with pytest.raises(MutatieFout, match="RegelingVrijetekst; alleen een RegelingCompact"):
        _toepassen("<VervangRegeling><RegelingVrijetekst componentnaam='n'/></VervangRegeling>")


def test_operations_apply_in_order_and_may_use_what_an_earlier_one_added():
    nieuw, gedaan = _toepassen(
        '<VoegToe positie="volgtOp" context="gm9999_1__chp_1__art_1.2">' + _artikel("1.3", "gm9999_2__art_1.3", "Drie.")
        + '</VoegToe><VoegToe positie="volgtOp" context="gm9999_2__art_1.3">' + _artikel("1.4", "gm9999_2__art_1.4", "Vier.")
        + '</VoegToe><Verwijder wat="gm9999_1__chp_1__art_1.1"/>')
    assert _wids(nieuw) == ["gm9999_1__chp_1__art_1.2", "gm9999_2__art_1.3", "gm9999_2__art_1.4"]
    assert [t.actie for t in gedaan] == ["toegevoegd", "toegevoegd", "verwijderd"]
    assert nieuw.get("wordt") == f"{WERK}/nld@2"


# --- versions and atomicity ----------------------------------------------------------------------------------


def test_was_must_be_the_current_version_of_the_same_regeling():
    ops = '<Verwijder wat="gm9999_1__chp_1__art_1.1"/>'
    with pytest.raises(MutatieFout, match=r"gemaakt op versie nld@3 .*maar de ingelezen regeling is versie nld@1"):
        _toepassen(ops, was=f"{WERK}/nld@3", wordt=f"{WERK}/nld@4")
    with pytest.raises(MutatieFout, match=r"voor regeling /akn/nl/act/gm9999/2024/ander, maar de ingelezen regeling is "
                                          r"/akn/nl/act/gm9999/2024/plan"):
        _toepassen(ops, was="/akn/nl/act/gm9999/2024/ander/nld@1", wordt="/akn/nl/act/gm9999/2024/ander/nld@2")
    with pytest.raises(MutatieFout, match="STOP0066"):
        _toepassen(ops, wordt="/akn/nl/act/gm9999/2024/ander/nld@2")
    with pytest.raises(MutatieFout, match="onbekende wijzigingsopdracht"):
        _toepassen("<Hernoem wat='x'/>")


def test_elements_of_another_namespace_are_not_stop_text():
    # an operation in another namespace is no tekst:Vervang, even with the same local name
    with pytest.raises(MutatieFout, match=r'Vervang \(namespace urn:x\) wat="gm9999_1__chp_1__art_1.1": onbekende '
                                          "wijzigingsopdracht"):
        _toepassen('<x:Vervang xmlns:x="urn:x" wat="gm9999_1__chp_1__art_1.1">'
                   + _artikel("1.1", "gm9999_1__chp_1__art_1.1", "x") + "</x:Vervang>")
    # an x:Artikel is no tekst:Artikel: it is not put into the regeling
    with pytest.raises(MutatieFout, match=r"het element Artikel \(namespace urn:x\) \(regel 1\) hoort niet tot de STOP-tekst"):
        _toepassen('<VoegToe positie="volgtOp" context="gm9999_1__chp_1__art_1.1">'
                   '<x:Artikel xmlns:x="urn:x" eId="q" wId="gm9999_2__q"/></VoegToe>')
    # nor does an x:Nummer describe the operation
    with pytest.raises(MutatieFout, match=r"het element Nummer \(namespace urn:x\)"):
        _toepassen('<Verwijder wat="gm9999_1__chp_1__art_1.1"><x:Nummer xmlns:x="urn:x">A</x:Nummer></Verwijder>')
    with pytest.raises(MutatieFout, match=r"verwacht tekst:RegelingMutatie, gevonden RegelingMutatie \(namespace urn:x\)"):
        pas_mutatie_toe(_regeling(), etree.fromstring(f'<RegelingMutatie xmlns="urn:x" was="{WERK}/nld@1" wordt="{WERK}/nld@2"/>'),
                        huidige=f"{WERK}/nld@1", bron="b")


@pytest.mark.parametrize("ops", ["", "<!-- niets -->", "<?pi niets?>"])
def test_an_empty_mutation_is_refused(ops):
    # the XSD requires at least one operation; an empty one would make a new version that changes nothing
    with pytest.raises(MutatieFout, match=r'tekst:RegelingMutatie was=".*nld@1" wordt=".*nld@2": de mutatie bevat geen '
                                          r"enkele wijzigingsopdracht"):
        _toepassen(ops)


def test_a_mutation_must_make_a_new_version():
    with pytest.raises(MutatieFout, match=r'wordt="/akn/nl/act/gm9999/2024/plan/nld@1": was en wordt zijn dezelfde versie'):
        _toepassen('<Verwijder wat="gm9999_1__chp_1__art_1.1"/>', wordt=f"{WERK}/nld@1")


def test_the_input_text_is_never_changed():
    regeling = _regeling()
    voor = etree.tostring(regeling)
    pas_mutatie_toe(regeling, _mutatie('<Verwijder wat="gm9999_1__chp_1__art_1.1"/>'), huidige=f"{WERK}/nld@1", bron="b")
    with pytest.raises(MutatieFout):  # the first operation succeeds, the second fails: nothing of it stays
        pas_mutatie_toe(regeling, _mutatie('<Verwijder wat="gm9999_1__chp_1__art_1.1"/><Verwijder wat="gm9999_1__weg"/>'),
                        huidige=f"{WERK}/nld@1", bron="b")
    assert etree.tostring(regeling) == voor


def test_the_mutations_of_one_besluit_apply_in_a_chain_on_one_copy():
    regeling = _regeling()
    voor = etree.tostring(regeling)
    een = _mutatie('<Verwijder wat="gm9999_1__chp_1__art_1.1"/>')
    twee = _mutatie('<VoegToe positie="volgtOp" context="gm9999_1__chp_1__art_1.2">' + _artikel("1.3", "gm9999_3__art_1.3", "x")
                    + "</VoegToe>", was=f"{WERK}/nld@2", wordt=f"{WERK}/nld@3")
    nieuw, gedaan = pas_mutaties_toe(regeling, [een, twee], huidige=f"{WERK}/nld@1", bron="b")
    assert _wids(nieuw) == ["gm9999_1__chp_1__art_1.2", "gm9999_3__art_1.3"]
    assert [t.actie for t in gedaan] == ["verwijderd", "toegevoegd"]
    assert nieuw.get("wordt") == f"{WERK}/nld@3"
    assert etree.tostring(regeling) == voor
    # the second must be made on the version the first made
    with pytest.raises(MutatieFout, match=r"gemaakt op versie nld@1 .*ingelezen regeling is versie nld@2"):
        pas_mutaties_toe(regeling, [een, een], huidige=f"{WERK}/nld@1", bron="b")


def test_renvooi_keeps_the_text_around_removed_and_added_parts():
    al = etree.fromstring(f'<Al xmlns="{T}">a <VerwijderdeTekst>b</VerwijderdeTekst>c<NieuweTekst>d<b>e</b>f</NieuweTekst>g</Al>')
    los_renvooi_op(al)
    assert etree.tostring(al, encoding="unicode", method="text") == "a cdefg"
    assert [etree.QName(k).localname for k in al] == ["b"]


class _Teller(etree.ElementBase):
    """An element that counts the characters written to its text and tail (the cost of resolving renvooi)."""

    geschreven = 0

    @property
    def text(self):
        return etree.ElementBase.text.__get__(self)

    @text.setter
    def text(self, waarde):
        _Teller.geschreven += len(waarde or "")
        etree.ElementBase.text.__set__(self, waarde)

    @property
    def tail(self):
        return etree.ElementBase.tail.__get__(self)

    @tail.setter
    def tail(self, waarde):
        _Teller.geschreven += len(waarde or "")
        etree.ElementBase.tail.__set__(self, waarde)


@pytest.mark.parametrize("marker", ["VerwijderdeTekst", "NieuweTekst"])
def test_renvooi_is_resolved_with_work_linear_in_the_text(marker):
    # every removed or unwrapped marker used to append to a string that grows with the text before it:
    # quadratic (40,000 markers in one Al took 49 s). Count the characters written to text and tail:
    # linear means a small multiple of the text, whatever the number of markers.
    parser = etree.XMLParser()
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(element=_Teller))
    n = 2000
    bron = f'<Al xmlns="{T}">' + "".join(f"woord{i} <{marker}>x</{marker}>" for i in range(n)) + "</Al>"
    al = etree.fromstring(bron, parser)
    lengte = len(etree.tostring(al, method="text", encoding=str))
    _Teller.geschreven = 0
    los_renvooi_op(al)
    assert _Teller.geschreven <= 2 * lengte, f"{_Teller.geschreven} tekens geschreven voor een tekst van {lengte}"
    assert len(al) == 0
    verwacht = "".join(f"woord{i} " + ("x" if marker == "NieuweTekst" else "") for i in range(n))
    assert al.text == verwacht


def test_a_large_renvooi_is_resolved_correctly():
    n = 20_000
    # long runs of text between the markers (where the text used to grow quadratically), and inline
    # elements inside NieuweTekst that must come out in place
    al = "".join(f"w{i} <VerwijderdeTekst>oud{i}</VerwijderdeTekst><NieuweTekst>nieuw"
                 + (f"<b>{i}</b>" if i % 100 == 0 else f"{i}") + "</NieuweTekst>. " for i in range(n))
    nieuw, gedaan = _toepassen('<Vervang wat="gm9999_1__chp_1__art_1.1"><Artikel eId="a" wId="gm9999_1__chp_1__art_1.1">'
                               f"<Kop><Nummer>1.1</Nummer></Kop><Inhoud><Al>{al}</Al></Inhoud></Artikel></Vervang>")
    assert _al(nieuw, "gm9999_1__chp_1__art_1.1") == " ".join(f"w{i} nieuw{i}." for i in range(n))
    assert [b.text for b in nieuw.iter(f"{{{T}}}b")] == [str(i) for i in range(0, n, 100)]
    assert not list(nieuw.iter(f"{{{T}}}NieuweTekst", f"{{{T}}}VerwijderdeTekst"))
    assert [t.actie for t in gedaan] == ["vervangen"]


def test_werk_and_versie_of_an_expression():
    assert werk_van("/akn/nl/act/gm0297/2019/reg456/nld@2") == "/akn/nl/act/gm0297/2019/reg456"
    assert werk_van("/join/id/regdata/gm0297/2019/Bouwhoogte/nld@2020-11-13;4540") == "/join/id/regdata/gm0297/2019/Bouwhoogte"
    assert versie_van("/akn/nl/act/gm0297/2019/reg456/nld@12;ontwerp") == "nld@12;ontwerp"

"""The IMOW reader (regels.stop.ow) on awkward but possible input, and regels.stop.schemas.element_pad.

The reader reads each OW object in one pass over its children; these tests pin down what it reads when
the input is not the usual shape: comments between the children, a first identificatie that is empty,
identificatie and status in two namespaces, unknown children, a group of refs with a comment in it.
"""

from __future__ import annotations

import time

from lxml import etree

from regels.stop.ow import lees_ow
from regels.stop.schemas import element_pad
from regels.stop.veilig import parse_xml

NS = (
    'xmlns:ow-dc="http://www.geostandaarden.nl/imow/bestanden/deelbestand" '
    'xmlns:r="http://www.geostandaarden.nl/imow/regels" '
    'xmlns:rol="http://www.geostandaarden.nl/imow/regelsoplocatie" '
    'xmlns:l="http://www.geostandaarden.nl/imow/locatie" '
    'xmlns:sl="http://www.geostandaarden.nl/bestanden-ow/standlevering-generiek" '
    'xmlns:x="urn:x" xmlns:xlink="http://www.w3.org/1999/xlink"'
)


def _ow(*objecten: str) -> etree._ElementTree:
    stand = "".join(f"<sl:stand><ow-dc:owObject>{o}</ow-dc:owObject></sl:stand>\n" for o in objecten)
    return parse_xml(f"<ow-dc:owBestand {NS}>\n{stand}</ow-dc:owBestand>".encode(), "ow.xml")


def test_regel_read_in_one_pass_keeps_every_detail() -> None:
    model = lees_ow([("ow.xml", _ow(
        "<r:RegelVoorIedereen><r:identificatie>r1</r:identificatie><r:raar/>"
        "<r:artikelOfLid><!--c--><r:RegeltekstRef xlink:href=' rt1 '/><r:RegeltekstRef xlink:href='rt2'/></r:artikelOfLid>"
        "<r:artikelOfLid><r:RegeltekstRef xlink:href='rt3'/></r:artikelOfLid>"
        "<r:thema>a</r:thema><x:ook/><r:thema> b \n c </r:thema>"
        "<r:activiteitaanduiding><rol:ActiviteitRef xlink:href='a1'/><r:ActiviteitLocatieaanduiding>"
        "<r:identificatie>ala</r:identificatie><r:activiteitregelkwalificatie>k</r:activiteitregelkwalificatie>"
        "<r:locatieaanduiding><l:LocatieRef xlink:href='L1'/></r:locatieaanduiding>"
        "</r:ActiviteitLocatieaanduiding></r:activiteitaanduiding>"
        "<r:activiteitaanduiding><rol:ActiviteitRef xlink:href='a2'/></r:activiteitaanduiding>"
        "<r:raar/></r:RegelVoorIedereen>",
    ))])
    r = model.regels["r1"]
    assert r.regeltekst == "rt1"  # the first ref of the first artikelOfLid
    assert r.themas == ["a", "b c"]
    assert [(a.activiteit, a.id, a.kwalificatie, a.locaties) for a in r.activiteiten] == [
        ("a1", "ala", "k", ["L1"]), ("a2", "", "", [])]  # without ActiviteitLocatieaanduiding: kept, and reported
    assert r.overig == ["raar", "ook", "raar"]  # document order, every occurrence
    assert [m.bericht for m in model.meldingen] == ["RegelVoorIedereen r1: activiteitaanduiding zonder r:ActiviteitLocatieaanduiding"]


def test_identificatie_and_status_in_any_namespace_in_document_order() -> None:
    model = lees_ow([("ow.xml", _ow(
        # an empty first identificatie: the next one counts; the last status counts
        "<r:Regeltekst wId='w1'><r:identificatie/><!--c--><r:identificatie>rt1</r:identificatie>"
        "<r:status>beëindigd</r:status><r:status>actief</r:status></r:Regeltekst>",
        # the same in two namespaces: document order decides
        "<r:Regeltekst wId='w2'><x:identificatie></x:identificatie><r:identificatie>rt2</r:identificatie>"
        "<x:status>actief</x:status><r:status>Beëindigd</r:status></r:Regeltekst>",
        "<r:Regeltekst wId='w3'><x:identificatie>rt3</x:identificatie><r:identificatie>niet</r:identificatie></r:Regeltekst>",
    ))])
    assert model.regelteksten["rt1"].wid == "w1"
    assert [(s, i) for s, i, _ in model.beeindigd] == [("Regeltekst", "rt2")]
    assert "rt3" in model.regelteksten and "niet" not in model.alle_ids


def test_element_pad_numbers_same_tag_siblings_with_and_without_cache() -> None:
    doc = etree.fromstring(
        "<a xmlns:p='urn:p'><!--c--><b/><p:b><c/><?pi x?><c/></p:b><b/><p:b/><d/></a>"
    )

    def naief(el: etree._Element) -> str:  # the definition: [n] only when a parent has several children with the tag
        delen = []
        while el is not None:
            if isinstance(el.tag, str):
                q = etree.QName(el)
                stap = f"{{{q.namespace}}}{q.localname}" if q.namespace else q.localname
                ouder = el.getparent()
                if ouder is not None:
                    gelijk = [k for k in ouder if k.tag == el.tag]
                    if len(gelijk) > 1:
                        stap += f"[{gelijk.index(el) + 1}]"
                delen.append(stap)
            el = el.getparent()
        return "/" + "/".join(reversed(delen))

    cache: dict = {}
    for el in doc.iter():
        assert element_pad(el) == element_pad(el, cache) == naief(el)
    assert element_pad(doc[2][0]) == "/a/{urn:p}b[1]/c[1]"
    assert element_pad(doc[2][1]) == "/a/{urn:p}b[1]"  # a processing instruction: the path of its element


def test_element_pad_with_a_cache_is_linear_in_the_number_of_siblings() -> None:
    n = 20_000  # the old per-path sibling list made this 4e8 steps (minutes); with the cache it is 2e4
    doc = etree.fromstring(("<a>" + "<b><c/></b>" * n + "</a>").encode())
    cache: dict = {}
    t = time.perf_counter()
    paden = [element_pad(b[0], cache) for b in doc]
    assert time.perf_counter() - t < 5
    assert paden[0] == "/a/b[1]/c" and paden[-1] == f"/a/b[{n}]/c"

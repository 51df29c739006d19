"""The official STOP/LVBB Schematron, run completely with Saxon-HE (regels.stop.schematron)."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from lxml import etree

from regels.errors import XmlFout
from regels.stop import schematron, schematron_controle
from regels.stop.schemas import SchemaOpslag
from regels.stop.schematron import (
    SchematronUitslag,
    schematron_dekking,
    schematron_voor,
    schematron_xslt,
    valideer_schematron,
)
from regels.stop.veilig import open_pakket, parse_xml
from stophulp import GEMEENTESTAD, GM9920, GM9920_UITWISSELPAKKET, STOP_TPOD, kopie, vereist_shared

pytestmark = vereist_shared

BESLUIT = "akn_nl_bill_gm0297-3520-01.xml"
STOP_SCH = "https://standaarden.overheid.nl/stop/1.3.0/imop-{}.sch"
LVBB_SCH = "https://standaarden.overheid.nl/lvbb/1.2.0/{}.sch"
OFFICIEEL = [STOP_SCH.format(n) for n in "aknjoin consolidatie geo metadata pakbon procedure se tekst tekstmutaties".split()] + [
    LVBB_SCH.format(n) for n in ("lvbb-aanlevering", "lvbb-aanlevering-io")
]
TEST_SCH = "https://standaarden.overheid.nl/test/test.sch"


def codes(uitslag: SchematronUitslag) -> set[str]:
    return {m.bericht.split(":", 1)[0] for m in uitslag.meldingen}


def xml_bestanden(map_: Path) -> list[Path]:
    return sorted(p for p in map_.iterdir() if p.suffix in (".xml", ".gml"))


def eigen_schematron(tmp_path: Path, sch: str) -> SchemaOpslag:
    """A store with one Schematron file of our own, test.sch, at :data:`TEST_SCH`."""
    (tmp_path / "test.sch").write_text(sch, encoding="utf-8")
    (tmp_path / "catalog.xml").write_text(
        '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">'
        f'<uri name="{TEST_SCH}" uri="test.sch"/></catalog>'
    )
    return SchemaOpslag(tmp_path, cache=tmp_path / "cache")


def schema(*patronen: str, kop: str = "") -> str:
    return (
        '<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" '
        'xmlns:xsl="http://www.w3.org/1999/XSL/Transform" queryBinding="xslt2">'
        + kop
        + "".join(patronen)
        + "</sch:schema>"
    )


def patroon(pid: str, context: str, *toetsen: str) -> str:
    return f'<sch:pattern id="{pid}"><sch:rule context="{context}">{"".join(toetsen)}</sch:rule></sch:pattern>'


# --------------------------------------------------------------------------------------------
# Every pattern of the official files runs
# --------------------------------------------------------------------------------------------


def test_schematron_bestanden_per_document() -> None:
    besluit = parse_xml(GEMEENTESTAD / BESLUIT)
    urls = schematron_voor(besluit)
    assert LVBB_SCH.format("lvbb-aanlevering") in urls
    assert STOP_SCH.format("tekst") in urls
    assert STOP_SCH.format("aknjoin") in urls
    assert schematron_voor(parse_xml(GEMEENTESTAD / "Bouwhoogte.gml")) == [STOP_SCH.format("geo")]
    assert schematron_voor(parse_xml(GEMEENTESTAD / "owKaart.xml")) == []


def test_oude_namen_in_schemas_werken_nog() -> None:
    from regels.stop import schemas
    from regels.stop.schemas import SchematronUitslag as oud, valideer_schematron as oude_functie

    assert oude_functie is valideer_schematron and oud is SchematronUitslag
    assert schemas.schematron_voor is schematron_voor and schemas.schematron_dekking is schematron_dekking
    with pytest.raises(AttributeError):
        schemas._controleer_xpath1  # noqa: B018 - the XSLT 1.0 translator is gone


def test_alle_patronen_van_de_officiele_bestanden_lopen(opslag: SchemaOpslag) -> None:
    patronen = [p for url in OFFICIEEL for p in schematron_dekking(url, opslag)]
    assert len(patronen) == 132
    assert all(p.uitvoerbaar and not p.reden for p in patronen)
    # the stylesheet is XSLT 3.0 with one mode per pattern
    xslt = etree.fromstring(schematron_xslt(STOP_SCH.format("tekst"), opslag).encode())
    assert xslt.get("version") == "3.0"
    modi = {t.get("mode") for t in xslt.iter("{http://www.w3.org/1999/XSL/Transform}template")}
    assert len(modi - {None}) == 33


def test_schematron_gemeentestad_besluit(opslag: SchemaOpslag) -> None:
    uitslag = valideer_schematron(parse_xml(GEMEENTESTAD / BESLUIT), opslag=opslag)
    assert len(uitslag.uitgevoerd) == 95  # every pattern of the 7 files that apply
    assert uitslag.niet_uitgevoerd == []
    assert uitslag.fouten == []
    # the official XSLT 2.0 pipeline (Saxon) reports the same advice (SUMMARY.md section 7)
    [advies] = uitslag.meldingen
    assert advies.ernst == "waarschuwing"
    assert advies.bericht.startswith("STOP0082: De Toelichting met eId artrecital_o_1 heeft een structuur")
    assert advies.pad is not None and advies.pad.endswith("/tekst:RegelingCompact/tekst:ArtikelgewijzeToelichting")
    assert advies.positie is not None and advies.positie.regel > 1


@pytest.mark.parametrize(
    "bestand",
    [p for p in xml_bestanden(GEMEENTESTAD) if p.name != BESLUIT] + xml_bestanden(GM9920),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_voorbeelden_zonder_meldingen(opslag: SchemaOpslag, bestand: Path) -> None:
    uitslag = valideer_schematron(parse_xml(bestand), opslag=opslag)
    assert uitslag.meldingen == []
    assert uitslag.niet_uitgevoerd == []


def test_uitwisselpakket_zonder_meldingen(opslag: SchemaOpslag) -> None:
    gelopen = 0
    with open_pakket(GM9920_UITWISSELPAKKET) as pakket:
        for naam in pakket.namen():
            if naam.endswith((".xml", ".gml")):
                uitslag = valideer_schematron(pakket.parse(naam), opslag=opslag, naam=naam)
                assert uitslag.meldingen == [] and uitslag.niet_uitgevoerd == []
                gelopen += len(uitslag.uitgevoerd)
    assert gelopen > 0


def test_nieuw_lopend_patroon_vindt_echte_fout_in_voorbeeld(opslag: SchemaOpslag) -> None:
    """BHKV1028 (xs:string(): did not run without XSLT 2.0): in this provincial sample a
    RegelingTijdelijkdeel inside a VervangRegeling has no @wordt, which the official rule rejects."""
    map_ = STOP_TPOD / "Geonovum+xml_voorbereidingsbesluit_provincie/wijzigingOpUtrechtVoorbeschermingsregels"
    uitslag = valideer_schematron(parse_xml(map_ / "VBPU0001.xml"), opslag=opslag)
    assert uitslag.niet_uitgevoerd == []
    assert len(uitslag.fouten) == 2
    assert all(
        m.bericht.startswith('BHKV1028: Het besluit heeft tekst:RegelingTijdelijkdeel met attribuut wordt="", maar')
        for m in uitslag.fouten
    )
    assert all((m.pad or "").endswith("/tekst:VervangRegeling/tekst:RegelingTijdelijkdeel") for m in uitslag.fouten)


# --------------------------------------------------------------------------------------------
# Findings, also of patterns that need XSLT 2.0
# --------------------------------------------------------------------------------------------


def test_schematron_vindt_fouten_in_kapot_besluit(opslag: SchemaOpslag, tmp_path: Path) -> None:
    boom = parse_xml(GEMEENTESTAD / BESLUIT)
    tekst = "{https://standaarden.overheid.nl/stop/imop/tekst/}"
    data_ns = "{https://standaarden.overheid.nl/stop/imop/data/}"
    artikelen = list(boom.iter(f"{tekst}Artikel"))
    artikelen[1].set("eId", artikelen[0].get("eId", ""))  # STOP0020: duplicate eId
    extioref = next(boom.iter(f"{tekst}ExtIoRef"))
    extioref.text = "/join/id/regdata/gm0297/2019/Anders/nld@2019"  # STOP0012: text != @ref
    expressie = next(boom.iter(f"{data_ns}FRBRExpression"))
    expressie.text = "/akn/nl/bill/gm0297/2019/9999/nld@2019"  # STOP1001: not the work + '/'
    refs = next(boom.iter(f"{data_ns}informatieobjectRefs"))
    refs.append(etree.fromstring(etree.tostring(refs[0])))  # STOP1018: distinct-values(), XSLT 2.0 only
    pad = tmp_path / BESLUIT
    boom.write(str(pad), xml_declaration=True, encoding="utf-8")
    uitslag = valideer_schematron(parse_xml(pad), opslag=opslag)
    assert {"STOP0020", "STOP0012", "STOP1001", "STOP1018"} <= codes(uitslag)
    assert uitslag.niet_uitgevoerd == []
    [dubbel] = [m for m in uitslag.meldingen if m.bericht.startswith("STOP0020")][:1]
    assert dubbel.positie is not None and dubbel.positie.regel > 1
    assert "tekst:Artikel" in (dubbel.pad or "")
    [uniek] = [m for m in uitslag.meldingen if m.bericht.startswith("STOP1018")]
    assert uniek.bericht == "STOP1018: Alle referenties binnen informatieobjectRefs moeten uniek zijn. Pas dit aan."
    assert uniek.ernst == "fout" and (uniek.pad or "").endswith("/data:BesluitMetadata/data:informatieobjectRefs")


def test_join_identificatie_met_verkeerde_collectie(opslag: SchemaOpslag, tmp_path: Path) -> None:
    """STOP1004 (pattern sch_data_005: tokenize(), ./string(); did not run without XSLT 2.0)."""
    pad = kopie(
        tmp_path,
        "GIO005-Speelhal.xml",
        [(b"<FRBRWork>/join/id/regdata/gm0297/2019/Speelhal</FRBRWork>",
          b"<FRBRWork>/join/id/anders/gm0297/2019/Speelhal</FRBRWork>")],
    )
    uitslag = valideer_schematron(parse_xml(pad), opslag=opslag)
    [m] = [m for m in uitslag.meldingen if m.bericht.startswith("STOP1004")]
    assert m.bericht == (
        "STOP1004: Derde deel JOIN-identificatie /join/id/anders/gm0297/2019/Speelhal moet gelijk zijn aan "
        "regdata, pubdata, of infodata. Pas dit aan."
    )
    assert m.pad == "GIO005-Speelhal.xml:/lvbba:AanleveringInformatieObject/lvbba:InformatieObjectVersie/data:ExpressionIdentificatie"
    assert m.positie is not None and m.positie.regel == 9


def test_gio_met_twee_srsnames(opslag: SchemaOpslag, tmp_path: Path) -> None:
    """STOP3021 (distinct-values(): did not run without XSLT 2.0)."""
    data = (GEMEENTESTAD / "Bouwhoogte.gml").read_bytes()
    eerste = data.index(b'srsName="urn:ogc:def:crs:EPSG::28992"')
    tweede = data.index(b'srsName="urn:ogc:def:crs:EPSG::28992"', eerste + 1)
    data = data[:tweede] + b'srsName="urn:ogc:def:crs:EPSG::4258"' + data[tweede + 37:]
    (tmp_path / "Bouwhoogte.gml").write_bytes(data)
    assert "STOP3021" in codes(valideer_schematron(parse_xml(tmp_path / "Bouwhoogte.gml"), opslag=opslag))


def test_schematron_vindt_lege_geometrie_in_gio(opslag: SchemaOpslag, tmp_path: Path) -> None:
    boom = parse_xml(GEMEENTESTAD / "Speelhal.gml")
    for poslist in list(boom.iter("{http://www.opengis.net/gml/3.2}posList")):
        poslist.text = ""
    pad = tmp_path / "Speelhal.gml"
    boom.write(str(pad), xml_declaration=True, encoding="utf-8")
    assert "STOP3019" in codes(valideer_schematron(parse_xml(pad), opslag=opslag))


def test_identificatie_met_punt(opslag: SchemaOpslag, tmp_path: Path) -> None:
    pad = kopie(
        tmp_path,
        "GIO005-Speelhal.xml",
        [(b"<FRBRWork>/join/id/regdata/gm0297/2019/Speelhal</FRBRWork>",
          b"<FRBRWork>/join/id/regdata/gm0297/2019/Speel.hal</FRBRWork>")],
    )
    gevonden = codes(valideer_schematron(parse_xml(pad), opslag=opslag))
    assert "STOP1000" in gevonden  # contains(., '.')
    assert "STOP1001" in gevonden  # expression no longer starts with the work


# --------------------------------------------------------------------------------------------
# The compiler's semantics on small schemas of our own
# --------------------------------------------------------------------------------------------


def test_iso_semantiek_van_regels_en_lets(tmp_path: Path) -> None:
    sch = schema(
        # only the first matching rule of a pattern fires on a node
        '<sch:pattern id="eerste"><sch:rule context="a[@x]"><sch:report id="R1" test="true()">x</sch:report></sch:rule>'
        '<sch:rule context="a"><sch:report id="R2" test="true()">a</sch:report></sch:rule></sch:pattern>',
        # a pattern let is global (context: the document); a rule let is local and sees the ones before it
        '<sch:pattern id="lets"><sch:let name="aantal" value="count(//a)"/><sch:rule context="a">'
        '<sch:let name="n" value="count(preceding::a) + 1"/><sch:let name="tekst" value="concat($n, \'/\', $aantal)"/>'
        '<sch:report id="R3" test="$n = $aantal">laatste a: <sch:value-of select="$tekst"/></sch:report></sch:rule></sch:pattern>',
        # a let without @value holds the tree its XSLT builds; value-of joins a sequence with spaces
        '<sch:pattern id="boom"><sch:rule context="r"><sch:let name="w">'
        '<xsl:for-each select="a"><w><xsl:value-of select="@x"/></w></xsl:for-each></sch:let>'
        '<sch:report id="R4" test="count($w/w) = 3">waarden: <sch:value-of select="$w/w[string()]"/></sch:report>'
        "</sch:rule></sch:pattern>",
        # an attribute context, and sch:name
        patroon("attr", "a/@x", '<sch:assert id="R5" test=". != \'2\'" role="waarschuwing"><sch:name/> is 2</sch:assert>'),
        # a test is used as written: here a sequence (its effective boolean value)
        patroon("reeks", "r", '<sch:assert id="R6" test="z, y">geen z of y</sch:assert>',
                '<sch:assert id="R7" test="a, y">geen a of y</sch:assert>'),
    )
    opslag = eigen_schematron(tmp_path, sch)
    uitslag = valideer_schematron(
        parse_xml(b'<r>\n<a x="1"/>\n<a/>\n<a x="2"/>\n</r>', "t.xml"), opslag=opslag, bestanden=[TEST_SCH]
    )
    assert [p.id for p in uitslag.uitgevoerd] == ["eerste", "lets", "boom", "attr", "reeks"]
    assert [(m.bericht, m.pad, m.positie.regel if m.positie else 0, m.ernst) for m in uitslag.meldingen] == [
        ("R1: x", "t.xml:/r/a[1]", 2, "fout"),
        ("R2: a", "t.xml:/r/a[2]", 3, "fout"),
        ("R1: x", "t.xml:/r/a[3]", 4, "fout"),
        ("R3: laatste a: 3/3", "t.xml:/r/a[3]", 4, "fout"),
        ("R4: waarden: 1 2", "t.xml:/r", 1, "fout"),
        ("R5: x is 2", "t.xml:/r/a[3]/@x", 4, "waarschuwing"),
        ("R6: geen z of y", "t.xml:/r", 1, "fout"),
    ]


def test_let_inhoud_houdt_de_prefixen_van_patroon_en_regel(tmp_path: Path) -> None:
    # a prefix used only inside an XPath of copied XSLT content, declared on the pattern or the rule
    sch = schema(
        '<sch:pattern id="p" xmlns:q="urn:q"><sch:let name="alle"><xsl:value-of select="count(//q:a)"/></sch:let>'
        '<sch:rule context="r" xmlns:z="urn:z"><sch:let name="hier"><xsl:value-of select="count(z:b)"/></sch:let>'
        '<sch:report id="T" test="true()"><sch:value-of select="$alle"/> en <sch:value-of select="$hier"/></sch:report>'
        "</sch:rule></sch:pattern>"
    )
    opslag = eigen_schematron(tmp_path, sch)
    doc = parse_xml(b'<r xmlns:q="urn:q" xmlns:z="urn:z"><q:a/><q:a/><z:b/></r>', "t.xml")
    uitslag = valideer_schematron(doc, opslag=opslag, bestanden=[TEST_SCH])
    assert [m.bericht for m in uitslag.meldingen] == ["T: 2 en 1"]


def test_patroon_met_dynamische_fout_wordt_eerlijk_gemeld(tmp_path: Path) -> None:
    sch = schema(
        patroon("p1", "a", '<sch:assert id="T1" test="b" role="fout">{"code": "T1", "melding": "a mist b", "ernst": "fout"},</sch:assert>'),
        patroon("p2", "a", '<sch:report id="T2" test="xs:integer(@n) gt 3" role="fout">te groot</sch:report>'),
        patroon("p3", "a", '<sch:report id="T3" test="tokenize(@n, \' \')[2]" role="waarschuwing">twee woorden</sch:report>'),
    )
    opslag = eigen_schematron(tmp_path, sch)
    uitslag = valideer_schematron(
        parse_xml(b'<r><a n="vier of vijf"/><a n="2"><b/></a></r>', "t.xml"), opslag=opslag, bestanden=[TEST_SCH]
    )
    assert [p.id for p in uitslag.uitgevoerd] == ["p1", "p3"]
    [niet] = uitslag.niet_uitgevoerd
    assert niet.id == "p2" and not niet.uitvoerbaar and "FORG0001" in niet.reden
    assert [m.bericht for m in uitslag.meldingen if m.bericht.startswith("T")] == ["T1: a mist b", "T3: twee woorden"]
    [fout] = [m for m in uitslag.fouten if m.bericht.startswith("Schematron-patroon")]
    assert fout.bericht.startswith(
        "Schematron-patroon 'p2' (test.sch, T2) kon op dit document niet worden uitgevoerd, dus is niet gecontroleerd"
    )


def test_plek_van_elke_melding(tmp_path: Path) -> None:
    """Each finding names its context: an element, an attribute (also in a namespace), the element of
    a comment or processing instruction, the root for the document node."""
    sch = schema(
        patroon("el", "b", '<sch:report id="E" test="true()">b</sch:report>'),
        patroon("at", "@x:n", '<sch:report id="A" test="true()">n</sch:report>'),
        patroon("ov", "comment()|processing-instruction()", '<sch:report id="O" test="true()">c</sch:report>'),
        patroon("doc", "/", '<sch:report id="D" test="true()">d</sch:report>'),
        kop='<sch:ns prefix="x" uri="urn:x"/>',
    )
    doc = parse_xml(b'<r xmlns:x="urn:x">\n<a/>\n<a><b/>\n<b x:n="1"/><!--c--></a>\n<?p q?><b/></r>', "t.xml")
    uitslag = valideer_schematron(doc, opslag=eigen_schematron(tmp_path, sch), bestanden=[TEST_SCH])
    assert [(m.bericht, m.pad, m.positie.regel if m.positie else 0) for m in uitslag.meldingen] == [
        ("E: b", "t.xml:/r/a[2]/b[1]", 3),
        ("E: b", "t.xml:/r/a[2]/b[2]", 4),
        ("E: b", "t.xml:/r/b", 5),
        ("A: n", "t.xml:/r/a[2]/b[2]/@{urn:x}n", 4),
        ("O: c", "t.xml:/r/a[2]", 3),
        ("O: c", "t.xml:/r", 1),
        ("D: d", "t.xml:/r", 1),
    ]


def test_veel_meldingen_tussen_broers_kosten_lineaire_tijd(tmp_path: Path) -> None:
    """The path of each finding took count(preceding-sibling::*): 30,000 findings among siblings took
    about 30 s. Now each element is numbered once per document. (Only the first
    MAX_MELDINGEN_PER_PATROON reach Python, but Saxon places every finding.)"""
    sch = schema(patroon("p", "a", '<sch:report id="T" test="true()">x</sch:report>'))
    opslag = eigen_schematron(tmp_path, sch)
    doc = parse_xml(("<r>" + "<a/>" * 30_000 + "</r>").encode(), "t.xml")
    valideer_schematron(parse_xml(b"<r><a/></r>", "t.xml"), opslag=opslag, bestanden=[TEST_SCH])  # compiled
    begin = time.perf_counter()
    uitslag = valideer_schematron(doc, opslag=opslag, bestanden=[TEST_SCH])
    duur = time.perf_counter() - begin
    maximum = schematron.MAX_MELDINGEN_PER_PATROON
    assert uitslag.meldingen[maximum - 1].pad == f"t.xml:/r/a[{maximum}]"
    assert "en nog 29000 meldingen" in uitslag.meldingen[maximum].bericht
    assert duur < 8, duur


def test_lange_melding_wordt_ingekort(tmp_path: Path) -> None:
    """A message of 12 million characters (value-of on mixed content) was more than lxml reads from
    Saxon's output (10 MB per text node): an XMLSyntaxError with a traceback. Now it is cut off."""
    sch = schema(patroon("p", "r", '<sch:report id="T" test="true()">tekst: <sch:value-of select="string(.)"/></sch:report>'))
    doc = parse_xml(("<r>" + ("<a>" + "x" * 1_000_000 + "</a>") * 12 + "</r>").encode(), "t.xml")
    uitslag = valideer_schematron(doc, opslag=eigen_schematron(tmp_path, sch), bestanden=[TEST_SCH])
    [melding] = uitslag.meldingen
    maximum = schematron.MAX_TEKENS_PER_MELDING
    assert melding.bericht == (
        "T: tekst: " + "x" * (maximum - len("tekst: ")) + " … (ingekort: de melding telt 12000007 tekens)"
    )
    # the "melding" of an official message that was cut off is still taken out of it
    sch = schema(patroon("p", "r", '<sch:report id="T" test="true()">{"code": "T", "melding": "a <sch:value-of select="string(.)"/>"}</sch:report>'))
    (tmp_path / "json").mkdir()
    uitslag = valideer_schematron(parse_xml(f"<r>{'y' * (maximum + 5)}</r>".encode(), "t.xml"),
                                  opslag=eigen_schematron(tmp_path / "json", sch), bestanden=[TEST_SCH])
    [melding] = uitslag.meldingen
    lengte = len('{"code": "T", "melding": "a ') + maximum + 5 + len('"}')
    assert melding.bericht == "T: a " + "y" * (maximum - 28) + f" … (ingekort: de melding telt {lengte} tekens)"


def test_lange_foutmelding_van_saxon_wordt_ingekort(tmp_path: Path) -> None:
    """error() lets a pattern choose its own error description, as long as the document allows."""
    sch = schema(patroon("p", "r", '<sch:report id="T" test="error(QName(\'urn:x\', \'x\'), string(.))">x</sch:report>'))
    doc = parse_xml(("<r>" + ("<a>" + "x" * 1_000_000 + "</a>") * 11 + "</r>").encode(), "t.xml")
    uitslag = valideer_schematron(doc, opslag=eigen_schematron(tmp_path, sch), bestanden=[TEST_SCH])
    [niet] = uitslag.niet_uitgevoerd
    assert niet.reden == "Saxon faalde op dit document: x " + "x" * schematron.MAX_TEKENS_PER_MELDING


def test_aantal_meldingen_per_patroon_is_begrensd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After the first MAX_MELDINGEN_PER_PATROON findings of a pattern one melding says how many more
    there are, and is a fout when one of those is: a delivery with hidden errors is never valid."""
    sch = schema(
        '<sch:pattern id="p"><sch:rule context="a[@f]"><sch:report id="F" test="true()" role="fout">f</sch:report></sch:rule>'
        '<sch:rule context="a"><sch:report id="W" test="true()" role="waarschuwing">w</sch:report></sch:rule></sch:pattern>',
        patroon("q", "r", '<sch:report id="R" test="true()">r</sch:report>'),
    )
    opslag = eigen_schematron(tmp_path, sch)
    maximum = schematron.MAX_MELDINGEN_PER_PATROON
    doc = parse_xml(("<r>" + "<a/>" * (maximum + 10) + '<a f="1"/>' * 5 + "</r>").encode(), "t.xml")
    uitslag = valideer_schematron(doc, opslag=opslag, bestanden=[TEST_SCH])
    assert len(uitslag.meldingen) == maximum + 2
    assert {m.bericht for m in uitslag.meldingen[:maximum]} == {"W: w"}
    meer, r = uitslag.meldingen[maximum:]
    assert meer.bericht == (
        f"Schematron-patroon 'p' (test.sch, F, W): en nog 15 meldingen (waarvan 5 fouten) die niet afzonderlijk "
        f"worden getoond; alleen de eerste {maximum} staan hierboven"
    )
    assert meer.ernst == "fout" and meer.pad == "t.xml:/r"
    assert r.bericht == "R: r"
    assert uitslag.fouten == [meer, r]
    # only warnings left out: the extra melding is a warning too
    doc = parse_xml(("<r>" + "<a/>" * (maximum + 1) + "</r>").encode(), "t.xml")
    [meer] = [m for m in valideer_schematron(doc, opslag=opslag, bestanden=[TEST_SCH]).meldingen if "en nog" in m.bericht]
    assert meer.ernst == "waarschuwing" and "en nog 1 melding die niet afzonderlijk wordt getoond" in meer.bericht


def test_onleesbare_saxon_uitvoer_geeft_een_nette_fout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Should Saxon's output ever be more than lxml reads, the user gets a Dutch XmlFout, no traceback."""
    sch = schema(patroon("p", "r", '<sch:report id="T" test="true()">x</sch:report>'))
    opslag = eigen_schematron(tmp_path, sch)
    doc = parse_xml(b"<r/>", "t.xml")
    valideer_schematron(doc, opslag=opslag, bestanden=[TEST_SCH])
    saxon = schematron._Saxon.enige()
    monkeypatch.setattr(saxon, "voer_uit", lambda *_: "<uitslag><p n='0'><m>" + "x" * 11_000_000 + "</m></p></uitslag>")
    with pytest.raises(XmlFout, match=r"^t\.xml: de uitkomst van Schematron 'https://standaarden\.overheid\.nl/test/test\.sch' "
                                      r"is niet te lezen: "):
        valideer_schematron(doc, opslag=opslag, bestanden=[TEST_SCH])


def test_niet_ascii_in_meldingen_ook_zonder_utf8_locale(tmp_path: Path) -> None:
    """saxonche encodes text with the platform encoding unless told otherwise: it is told UTF-8."""
    sch = schema(patroon("p", "a", '<sch:report id="T" test="true()">é € 𝄞 <sch:value-of select="."/></sch:report>'))
    eigen_schematron(tmp_path, sch)
    script = tmp_path / "draai.py"
    script.write_text(
        "import sys\n"
        "from pathlib import Path\n"
        "from regels.stop.schemas import SchemaOpslag\n"
        "from regels.stop.schematron import valideer_schematron\n"
        "from regels.stop.veilig import parse_xml\n"
        "map_ = Path(sys.argv[1])\n"
        "opslag = SchemaOpslag(map_, cache=map_ / 'cache')\n"
        "doc = parse_xml('<a>ä ß ☃</a>'.encode('utf-8'), 'a.xml')\n"
        f"uitslag = valideer_schematron(doc, opslag=opslag, bestanden=[{TEST_SCH!r}])\n"
        "print(ascii(uitslag.meldingen[0].bericht), sys.getfilesystemencoding(), sys.flags.utf8_mode)\n",
        encoding="utf-8",
    )
    uit = subprocess.run(
        [sys.executable, str(script), str(tmp_path)], capture_output=True, text=True, timeout=120,
        env={"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0", "PATH": "/usr/bin:/bin"},
    )
    assert uit.returncode == 0, uit.stderr
    assert uit.stdout.rsplit(maxsplit=2) == [ascii("T: é € 𝄞 ä ß ☃"), "ascii", "0"]


# --------------------------------------------------------------------------------------------
# Compiled once per process
# --------------------------------------------------------------------------------------------


def test_schematron_wordt_eenmaal_gecompileerd(opslag: SchemaOpslag, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    eigen = eigen_schematron(tmp_path, schema(patroon("p", "a", '<sch:report id="T" test="true()">a</sch:report>')))
    saxon = schematron._Saxon.enige()
    gecompileerd: list[str] = []
    echt = saxon.compileer

    def tel(xslt: str):  # noqa: ANN202
        gecompileerd.append(xslt)
        return echt(xslt)

    monkeypatch.setattr(saxon, "compileer", tel)
    doc = parse_xml(b"<r><a/></r>", "t.xml")
    for _ in range(3):
        assert codes(valideer_schematron(doc, opslag=eigen, bestanden=[TEST_SCH])) == {"T"}
    assert len(gecompileerd) == 1
    assert schematron._compileer_schematron(TEST_SCH, eigen) is schematron._compileer_schematron(TEST_SCH, eigen)
    assert schematron.compileertijd(TEST_SCH, eigen) > 0
    # the official files: compiled by earlier tests or now, and never again
    valideer_schematron(parse_xml(GEMEENTESTAD / BESLUIT), opslag=opslag)
    aantal = len(gecompileerd)
    valideer_schematron(parse_xml(GEMEENTESTAD / BESLUIT), opslag=opslag)
    assert len(gecompileerd) == aantal


def test_gelijktijdig_vanuit_threads(opslag: SchemaOpslag) -> None:
    doc = parse_xml(GEMEENTESTAD / BESLUIT)
    verwacht = [m.bericht for m in valideer_schematron(doc, opslag=opslag).meldingen]
    uitkomsten: list[list[str]] = []

    def draai() -> None:
        uitkomsten.append([m.bericht for m in valideer_schematron(doc, opslag=opslag).meldingen])

    threads = [threading.Thread(target=draai) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert uitkomsten == [verwacht] * 4


# --------------------------------------------------------------------------------------------
# No files, no network, no environment
# --------------------------------------------------------------------------------------------

SERVER = r"""
import http.server, sys
log = sys.argv[1]
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        with open(log, "a") as f:
            f.write(self.path + "\n")
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"<x>van de server</x>")
    def log_message(self, *a):
        pass
s = http.server.HTTPServer(("127.0.0.1", 0), H)
print(s.server_address[1], flush=True)
s.serve_forever()
"""


@pytest.fixture
def server(tmp_path: Path):  # noqa: ANN201
    """A web server on the loopback address in its own process (saxonche keeps the GIL during a call,
    so a server thread in this process could never answer); yields (url, log of requested paths)."""
    log = tmp_path / "verzoeken.log"
    log.write_text("")
    with subprocess.Popen([sys.executable, "-c", SERVER, str(log)], stdout=subprocess.PIPE, text=True) as proces:
        try:
            assert proces.stdout is not None
            poort = int(proces.stdout.readline())
            yield f"http://127.0.0.1:{poort}", log
        finally:
            proces.kill()


def _stijl(inhoud: str) -> str:
    return (
        '<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="3.0">'
        f'<xsl:template match="/"><r>{inhoud}</r></xsl:template></xsl:stylesheet>'
    )


@pytest.mark.parametrize(
    "expr",
    [
        "doc('{url}/doc')",
        "document('{url}/document')",
        "doc-available('{url}/doc') or doc-available('{geheim}')",
        "unparsed-text('{url}/tekst')",
        "unparsed-text('{geheim}')",
        "unparsed-text-lines('{geheim}')",
        "unparsed-text-available('{geheim}')",
        "count(collection('{map}'))",
        "count(uri-collection('{map}'))",
        "json-doc('{url}/json')",
    ],
)
def test_saxon_zelf_haalt_niets_op(server: tuple[str, Path], tmp_path: Path, expr: str) -> None:
    """Below the compiler (which refuses these functions anyway): Saxon itself is closed off."""
    url, log = server
    geheim = tmp_path / "geheim.txt"
    geheim.write_text("GEHEIM")
    saxon = schematron._Saxon.enige()
    select = expr.format(url=url, geheim=geheim.as_uri(), map=tmp_path.as_uri())
    uitvoerbaar = saxon.compileer(_stijl(f'<xsl:value-of select="{select}"/>'))
    document = saxon.document(parse_xml(b"<a/>", "a.xml"))
    try:
        uit = saxon.voer_uit(uitvoerbaar, document)
    except saxon.fout_type as exc:
        assert "prohibited" in str(exc) or "disallowed" in str(exc)
    else:  # the *-available functions answer false instead of failing
        assert uit.endswith("<r>false</r>")
    assert log.read_text() == ""


@pytest.mark.parametrize(
    "expr",
    ["environment-variable('HOME')", "available-environment-variables()", "system-property('user.home')",
     "system-property('user.dir')"],
)
def test_saxon_zelf_leest_de_omgeving_niet(expr: str) -> None:
    """Below the compiler (which refuses these functions anyway): Saxon runs with
    allow-external-functions=false, so it answers nothing about the environment."""
    saxon = schematron._Saxon.enige()
    uitvoerbaar = saxon.compileer(_stijl(f'<xsl:value-of select="{expr}"/>'))
    assert saxon.voer_uit(uitvoerbaar, saxon.document(parse_xml(b"<a/>", "a.xml"))).endswith("<r/>")


def test_saxon_schrijft_geen_bestanden_en_leest_geen_dtd(server: tuple[str, Path], tmp_path: Path) -> None:
    url, log = server
    geheim = tmp_path / "geheim.txt"
    geheim.write_text("GEHEIM")
    saxon = schematron._Saxon.enige()
    uit = tmp_path / "uit.xml"
    # with allow-external-functions=false Saxon refuses xsl:result-document; were it ever
    # compiled, its result documents would be captured in memory
    with pytest.raises(saxon.fout_type, match="xsl:result-document is disabled"):
        saxon.compileer(_stijl(f'<xsl:result-document href="{uit.as_uri()}"><q/></xsl:result-document>'))
    assert not uit.exists()
    # Saxon's own XML parser loads no DTD and no external entity either
    for xml in (f'<!DOCTYPE a SYSTEM "{url}/dtd"><a/>', f'<!DOCTYPE a [<!ENTITY e SYSTEM "{geheim.as_uri()}">]><a>&e;</a>'):
        with pytest.raises(saxon.fout_type, match="prohibited"):
            saxon.bouwer.parse_xml(xml_text=xml, encoding="UTF-8")
    assert log.read_text() == ""


@pytest.mark.parametrize(
    ("toets", "reden"),
    [
        ("doc('{url}/x')", "de functie doc() is niet toegestaan"),
        ("fn:doc('{url}/x')", "de functie doc() is niet toegestaan"),
        ("exists(doc#1)", "de functie doc() is niet toegestaan"),
        ("unparsed-text('file:///etc/hostname')", "de functie unparsed-text() is niet toegestaan"),
        ("environment-variable('HOME')", "de functie environment-variable() is niet toegestaan"),
        ("function-lookup(xs:QName('fn:doc'), 1)('{url}/x')", "de functie function-lookup() is niet toegestaan"),
        ("saxon:evaluate('1')", "de extensiefunctie saxon:evaluate() is niet toegestaan"),
        ("Q{{http://saxon.sf.net/}}evaluate('1')", "de extensiefunctie Q{http://saxon.sf.net/}evaluate() is niet toegestaan"),
    ],
)
def test_schematron_die_iets_ophaalt_wordt_geweigerd(server: tuple[str, Path], tmp_path: Path, toets: str, reden: str) -> None:
    url, log = server
    sch = schema(
        patroon("haal", "a", f'<sch:report id="T" test="{toets.format(url=url)}">opgehaald</sch:report>'),
        kop='<sch:ns prefix="saxon" uri="http://saxon.sf.net/"/>',
    )
    opslag = eigen_schematron(tmp_path, sch)
    with pytest.raises(XmlFout, match=r"^Schematron '\S+/test\.sch' wordt niet uitgevoerd: patroon 'haal', regel 1, T: ") as fout:
        valideer_schematron(parse_xml(b"<a/>", "a.xml"), opslag=opslag, bestanden=[TEST_SCH])
    assert reden in str(fout.value)
    assert log.read_text() == ""


def _attr(tekst: str) -> str:
    return tekst.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _weigering(tmp_path: Path, sch: str) -> str:
    """The XmlFout for a Schematron file the compiler must refuse (Saxon never sees it)."""
    opslag = eigen_schematron(tmp_path, sch)
    with pytest.raises(XmlFout, match=r"^Schematron '\S+/test\.sch' wordt niet uitgevoerd: ") as fout:
        valideer_schematron(parse_xml(b"<a/>", "a.xml"), opslag=opslag, bestanden=[TEST_SCH])
    return str(fout.value)


_OMGEVING = "de functie environment-variable() is niet toegestaan"


@pytest.mark.parametrize(
    ("toets", "reden"),
    [
        # a comment or whitespace between a function name and its arguments (the name is still called)
        ("environment-variable(::)('HOME')", _OMGEVING),
        ("environment-variable (: x :) ('HOME')", _OMGEVING),
        ("environment-variable (: (: genest :) :)('HOME')", _OMGEVING),
        ("environment-variable\n\t('HOME')", _OMGEVING),
        ("available-environment-variables(::)()", "de functie available-environment-variables() is niet toegestaan"),
        # other spellings of the same function
        ("fn:environment-variable('HOME')", _OMGEVING),
        ("Q{http://www.w3.org/2005/xpath-functions}environment-variable('HOME')", _OMGEVING),
        ("Q{ http://www.w3.org/2005/xpath-functions }environment-variable('HOME')", _OMGEVING),
        ("exists(environment-variable (::) #1)", _OMGEVING),
        ("let $f := environment-variable#1 return $f('HOME')", _OMGEVING),
        ("function-lookup(xs:QName('fn:environment-variable'), 1)('HOME')", "de functie function-lookup() is niet toegestaan"),
        # Java system properties and the working directory are the environment too
        ("system-property('user.home')", "de functie system-property() is niet toegestaan"),
        ("static-base-uri()", "de functie static-base-uri() is niet toegestaan"),
        # an allow-list: a function that is not on it is refused, also when it is harmless
        ("trace(., 'x')", "de functie trace() is niet toegestaan"),
        # what is not XPath 3.1 is refused, not guessed at (XPath 4.0 string templates, unclosed text)
        ("`{environment-variable('HOME')}`", "het teken '`' hoort niet in XPath 3.1"),
        ("'a' || environment-variable('HOME", "een tekst tussen aanhalingstekens is niet afgesloten"),
        ("true() (: environment-variable('HOME')", "een commentaar (: … :) is niet afgesloten"),
    ],
)
def test_omweg_naar_de_omgeving_wordt_geweigerd(tmp_path: Path, toets: str, reden: str) -> None:
    sch = schema(patroon("p", "a", f'<sch:report id="T" test="{_attr(toets)}">lek: <sch:value-of select="{_attr(toets)}"/></sch:report>'))
    melding = _weigering(tmp_path, sch)
    assert "patroon 'p', regel 1, T: " in melding
    assert reden in melding


_LEK = "environment-variable('HOME')"


@pytest.mark.parametrize(
    ("inhoud", "reden"),
    [
        # attribute value templates are scanned as XSLT does: nested braces, quotes, doubled braces
        (f'<e a="{{(map{{}}, {_LEK})[2]}}"/>', f"e/@a: {_OMGEVING}"),
        (f"<e a=\"{{'}}', {_LEK}}}\"/>", f"e/@a: {_OMGEVING}"),
        (f'<e a="{{{{letterlijk}}}} {{{_LEK}}}"/>', f"e/@a: {_OMGEVING}"),
        (f'<xsl:element name="e{{{_LEK}}}"/>', f"xsl:element/@name: {_OMGEVING}"),
        ('<e a="{1 + "/>', "e/@a: een attribuutwaardesjabloon {…} is niet afgesloten"),
        # a prefix bound on the XSLT content itself is the one Saxon uses
        ('<xsl:value-of xmlns:fn="http://saxon.sf.net/" select="fn:system-id()"/>',
         "de extensiefunctie fn:system-id() is niet toegestaan"),
        # attributes that are XPath, or change how XPath or text is read, that Schematron does not need
        (f'<e xsl:use-when="{_LEK} = \'/root\'"/>', "het attribuut xsl:use-when is niet toegestaan op e"),
        (f'<xsl:value-of select="1" use-when="{_LEK}(::) = \'/root\'"/>',
         "het attribuut use-when is niet toegestaan op xsl:value-of"),
        ("<xsl:value-of _select=\"{'.'}\"/>", "het attribuut _select is niet toegestaan op xsl:value-of"),
        (f'<xsl:variable name="v" expand-text="yes"><xsl:text>{{{_LEK}}}</xsl:text></xsl:variable>',
         "het attribuut expand-text is niet toegestaan op xsl:variable"),
        (f'<e xsl:expand-text="yes">{{{_LEK}}}</e>', "het attribuut xsl:expand-text is niet toegestaan op e"),
        ('<saxon:x xmlns:saxon="http://saxon.sf.net/" xsl:extension-element-prefixes="saxon"/>',
         "het attribuut xsl:extension-element-prefixes is niet toegestaan op x"),
        ('<xsl:value-of select="1" saxon:x="1" xmlns:saxon="http://saxon.sf.net/"/>',
         "het attribuut saxon:x is niet toegestaan op xsl:value-of"),
    ],
)
def test_xslt_inhoud_wordt_volledig_gecontroleerd(tmp_path: Path, inhoud: str, reden: str) -> None:
    sch = schema(patroon("p", "a", f'<sch:let name="x">{inhoud}</sch:let>', '<sch:report id="T" test="true()"><sch:value-of select="$x"/></sch:report>'))
    melding = _weigering(tmp_path, sch)
    assert "patroon 'p', regel 1, sch:let $x" in melding
    assert reden in melding


def test_gewone_xpath_met_commentaar_en_sleutelwoorden_mag(tmp_path: Path) -> None:
    """The check knows XPath: keywords before '(' are no calls, comments and literals are no code."""
    toetsen = [
        "if (a) then (: twee? :) count(a) = 2 else false()",
        "a and (b) or (a)",
        "every $x in a satisfies ($x/@n != '')",
        "map{'k': count(a)}?k = 2 and array{1, 2}(2) = 2",
        "let $f := count#1 return $f(a) = 2",
        "a instance of element()+ and a[1] instance of element(a)",
        "Q{http://www.w3.org/2005/xpath-functions}count(a) = 2",
        "string-join(for $x in a return string($x/@n), '') = '12'",
        "(: environment-variable('HOME') :) 'environment-variable(' = \"environment-variable(\"",
        "math:pi() > 3 and xs:integer(a[2]/@n) = 2 and array:size([1]) = 1",
        "a[1]/@n castable as xs:integer and not(a[1] is a[2])",
    ]
    sch = schema(
        *(patroon(f"p{i}", "r", f'<sch:report id="T{i}" test="{_attr(t)}">ja</sch:report>') for i, t in enumerate(toetsen)),
        patroon("avt", "r", '<sch:let name="e"><e a="[{{x}}] {count(a)} {map{\'k\': 1}?k} {\'}\'}."/></sch:let>',
                '<sch:report id="A" test="true()"><sch:value-of select="$e/e/@a"/></sch:report>'),
        kop='<sch:ns prefix="math" uri="http://www.w3.org/2005/xpath-functions/math"/>'
            '<sch:ns prefix="array" uri="http://www.w3.org/2005/xpath-functions/array"/>',
    )
    uitslag = valideer_schematron(
        parse_xml(b'<r><a n="1"/><a n="2"><b/></a></r>', "t.xml"), opslag=eigen_schematron(tmp_path, sch), bestanden=[TEST_SCH]
    )
    assert uitslag.niet_uitgevoerd == []
    assert [m.bericht for m in uitslag.meldingen] == [f"T{i}: ja" for i in range(len(toetsen))] + ["A: [{x}] 2 1 }."]


def test_toegestane_functies_bestaan_in_saxon() -> None:
    """The allow-list names real functions (no typos), and none of the refused ones."""
    assert not schematron_controle.TOEGESTANE_FUNCTIES & schematron_controle.VERBODEN_FUNCTIES
    saxon = schematron._Saxon.enige()
    namen = " ".join(sorted(schematron_controle.TOEGESTANE_FUNCTIES))
    uitvoerbaar = saxon.compileer(_stijl(
        f'<xsl:value-of select="tokenize(\'{namen}\')[not(function-available(.))]"/>'
    ))
    assert saxon.voer_uit(uitvoerbaar, saxon.document(parse_xml(b"<a/>", "a.xml"))).endswith("<r/>")


def test_saxon_ziet_de_werkmap_niet(tmp_path: Path) -> None:
    """The static base URI is not the process's working directory (resolve-uri, base-uri would show it)."""
    sch = schema(patroon("p", "r", '<sch:let name="v"><q/></sch:let>',
                         '<sch:report id="T" test="true()"><sch:value-of select="resolve-uri(\'x\'), base-uri($v/q)"/></sch:report>'))
    uitslag = valideer_schematron(parse_xml(b"<r/>", "t.xml"), opslag=eigen_schematron(tmp_path, sch), bestanden=[TEST_SCH])
    [melding] = uitslag.meldingen
    assert melding.bericht == "T: file:/x file:///"
    assert str(Path.cwd().resolve()) not in melding.bericht


def test_tekst_die_op_een_functie_lijkt_mag(tmp_path: Path) -> None:
    sch = schema(patroon("p", "a", "<sch:report id=\"T\" test=\". = 'doc(x)' or contains(., 'unparsed-text(')\">lijkt</sch:report>"))
    uitslag = valideer_schematron(
        parse_xml(b"<r><a>doc(x)</a></r>", "t.xml"), opslag=eigen_schematron(tmp_path, sch), bestanden=[TEST_SCH]
    )
    assert codes(uitslag) == {"T"}


def test_document_dat_iets_wil_ophalen_haalt_niets_op(server: tuple[str, Path], tmp_path: Path) -> None:
    """A delivery cannot make Saxon fetch anything: no DOCTYPE reaches it, and XInclude, xml-stylesheet
    and schemaLocation are data."""
    url, log = server
    sch = schema(patroon("p", "a", '<sch:report id="T" test="true()"><sch:value-of select="string(.)"/></sch:report>'))
    doc = parse_xml(
        (
            f'<?xml-stylesheet href="{url}/stijl.xsl"?>'
            f'<r xmlns:xi="http://www.w3.org/2001/XInclude" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            f'xsi:schemaLocation="urn:x {url}/schema.xsd"><a>tekst<xi:include href="{url}/inc.xml"/></a></r>'
        ).encode(),
        "t.xml",
    )
    uitslag = valideer_schematron(doc, opslag=eigen_schematron(tmp_path, sch), bestanden=[TEST_SCH])
    assert [m.bericht for m in uitslag.meldingen] == ["T: tekst"]
    assert log.read_text() == ""


# --------------------------------------------------------------------------------------------
# Clear Dutch errors
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sch", "melding"),
    [
        ("<schema/>", "dit is geen ISO Schematron-bestand (verwacht sch:schema)"),
        (schema().replace('queryBinding="xslt2"', 'queryBinding="xslt"'), "queryBinding 'xslt' wordt niet ondersteund"),
        (schema(kop='<sch:include href="ander.sch"/>'), "sch:include wordt niet ondersteund"),
        (schema(kop='<sch:diagnostics/>'), "sch:diagnostics wordt niet ondersteund"),
        (schema('<sch:pattern abstract="true" id="a"/>'), "patroon 'a': abstracte patronen worden niet ondersteund"),
        (schema(patroon("p", "a", '<sch:let name="x"><xsl:result-document href="uit.xml"/></sch:let>')),
         "patroon 'p', regel 1, sch:let $x: xsl:result-document is niet toegestaan in een Schematron-bestand"),
        (schema(patroon("p", "a", '<sch:let name="x"><xsl:evaluate xpath="@code"/></sch:let>')),
         "xsl:evaluate is niet toegestaan"),
        (schema(patroon("p", "a", '<sch:let name="x"><w v="{doc(\'x\')}"/></sch:let>')),
         "w/@v: de functie doc() is niet toegestaan"),
        (schema('<sch:pattern id="p"><sch:let name="x" value="1"/><sch:let name="x" value="2"/></sch:pattern>'),
         "patroon 'p', sch:let $x: de variabele $x is al gedeclareerd"),
        (schema(patroon("p", "a", "<sch:assert id=\"T\">zonder test</sch:assert>")), "sch:assert zonder test"),
    ],
)
def test_duidelijke_fout_bij_niet_ondersteunde_schematron(tmp_path: Path, sch: str, melding: str) -> None:
    opslag = eigen_schematron(tmp_path, sch)
    with pytest.raises(XmlFout) as fout:
        valideer_schematron(parse_xml(b"<a/>", "a.xml"), opslag=opslag, bestanden=[TEST_SCH])
    assert str(fout.value).startswith(f"Schematron '{TEST_SCH}' wordt niet uitgevoerd: ")
    assert melding in str(fout.value)


def test_duidelijke_fout_als_saxon_niet_kan_compileren(tmp_path: Path) -> None:
    opslag = eigen_schematron(tmp_path, schema(patroon("p", "a", '<sch:report id="T" test="count((">x</sch:report>')))
    with pytest.raises(XmlFout, match=r"^Schematron 'https://standaarden\.overheid\.nl/test/test\.sch' kan niet worden "
                                      r"gecompileerd \(Saxon: .*\)$"):
        valideer_schematron(parse_xml(b"<a/>", "a.xml"), opslag=opslag, bestanden=[TEST_SCH])


def test_ontbrekend_schematron_bestand(tmp_path: Path) -> None:
    opslag = eigen_schematron(tmp_path, schema())
    with pytest.raises(XmlFout, match="offline"):
        valideer_schematron(parse_xml(b"<a/>", "a.xml"), opslag=opslag,
                            bestanden=["https://standaarden.overheid.nl/test/bestaat-niet.sch"])

"""Untrusted XML and zip input: every protection has a case that must be refused."""

from __future__ import annotations

import os
import stat
import time
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from regels.errors import Melding, XmlFout
from regels.stop.veilig import Limieten, Pakket, open_pakket, parse_xml, veilig_pad

from stophulp import GEMEENTESTAD, GM9920_UITWISSELPAKKET, vereist_shared

# --------------------------------------------------------------------------------------------
# parse_xml
# --------------------------------------------------------------------------------------------


def test_parse_gewoon_bestand_geeft_boom_met_naam() -> None:
    boom = parse_xml(b"<a><b>tekst</b></a>", "x.xml")
    assert boom.getroot().findtext("b") == "tekst"
    assert boom.docinfo.URL == "x.xml"


@vereist_shared
def test_parse_pad_gebruikt_bestandsnaam() -> None:
    boom = parse_xml(GEMEENTESTAD / "opdracht.xml")
    assert boom.docinfo.URL == "opdracht.xml"
    assert boom.getroot().tag == "{http://www.overheid.nl/2017/lvbb}publicatieOpdracht"


def test_kapotte_xml_noemt_bestand_regel_en_wat_er_mis_is() -> None:
    with pytest.raises(XmlFout) as fout:
        parse_xml(b"<a>\n  <b>\n</a>", "besluit.xml")
    tekst = str(fout.value)
    assert "besluit.xml" in tekst and "regel 3" in tekst
    assert "het element <b> (geopend op regel 2) wordt afgesloten met </a>" in tekst


def test_leeg_bestand() -> None:
    with pytest.raises(XmlFout, match="leeg"):
        parse_xml(b"", "leeg.xml")


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<lolz a="&lol9;">&lol9;</lolz>"""


def test_entiteitexpansie_billion_laughs_wordt_geweigerd() -> None:
    begin = time.perf_counter()
    with pytest.raises(XmlFout) as fout:
        parse_xml(BILLION_LAUGHS, "bom.xml")
    assert time.perf_counter() - begin < 1.0
    tekst = str(fout.value)
    assert "bom.xml" in tekst and "regel 3" in tekst
    assert "entiteit ('lol')" in tekst and "billion laughs" in tekst


def test_billion_laughs_in_utf16_wordt_ook_geweigerd() -> None:
    data = BILLION_LAUGHS.decode("ascii").replace('version="1.0"?>', 'version="1.0" encoding="UTF-16"?>')
    with pytest.raises(XmlFout, match="entiteit"):
        parse_xml(data.encode("utf-16"), "bom16.xml")


def test_externe_entiteit_wordt_geweigerd_en_nooit_gelezen(tmp_path: Path) -> None:
    geheim = tmp_path / "geheim.txt"
    geheim.write_text("GEHEIM")
    xml = f'<!DOCTYPE x [<!ENTITY e SYSTEM "{geheim.as_uri()}">]><x>&e;</x>'.encode()
    with pytest.raises(XmlFout) as fout:
        parse_xml(xml, "xxe.xml")
    assert "entiteit ('e')" in str(fout.value)
    assert "GEHEIM" not in str(fout.value)


def test_parameter_entiteit_wordt_geweigerd() -> None:
    xml = b'<!DOCTYPE x [<!ENTITY % p SYSTEM "http://example.org/evil.dtd"> %p;]><x/>'
    with pytest.raises(XmlFout, match="parameter-entiteit"):
        parse_xml(xml, "pe.xml")


def test_externe_dtd_via_netwerk_wordt_geweigerd() -> None:
    xml = b'<?xml version="1.0"?>\n<!DOCTYPE x SYSTEM "http://example.org/x.dtd">\n<x/>'
    with pytest.raises(XmlFout) as fout:
        parse_xml(xml, "dtd.xml")
    assert "dtd.xml" in str(fout.value) and "regel 2" in str(fout.value)
    assert "externe DTD" in str(fout.value)


def test_publieke_externe_dtd_wordt_geweigerd() -> None:
    xml = b'<!DOCTYPE x PUBLIC "-//X//DTD X//EN" "file:///etc/passwd"><x/>'
    with pytest.raises(XmlFout, match="externe DTD"):
        parse_xml(xml, "dtd.xml")


def test_kale_doctype_zonder_entiteiten_mag() -> None:
    assert parse_xml(b"<!-- c --><!DOCTYPE x><x/>", "x.xml").getroot().tag == "x"


def test_ongedefinieerde_entiteit_is_een_fout() -> None:
    with pytest.raises(XmlFout, match="de entiteit '&x;' is niet gedefinieerd"):
        parse_xml(b"<a>&x;</a>", "x.xml")


def test_xinclude_wordt_niet_uitgevoerd(tmp_path: Path) -> None:
    geheim = tmp_path / "geheim.txt"
    geheim.write_text("GEHEIM")
    xml = (
        '<a xmlns:xi="http://www.w3.org/2001/XInclude">'
        f'<xi:include href="{geheim.as_uri()}" parse="text"/></a>'
    ).encode()
    boom = parse_xml(xml, "xi.xml")
    assert b"GEHEIM" not in etree.tostring(boom)


def test_te_groot_bestand_wordt_geweigerd(tmp_path: Path) -> None:
    limiet = Limieten(max_bestand=100)
    data = b"<a>" + b"x" * 200 + b"</a>"
    with pytest.raises(XmlFout, match=r"te groot \(207 bytes\); de grens is 100 bytes"):
        parse_xml(data, "groot.xml", limieten=limiet)
    pad = tmp_path / "groot.xml"
    pad.write_bytes(data)
    with pytest.raises(XmlFout, match="Bestand 'groot.xml' is te groot"):
        parse_xml(pad, limieten=limiet)


def test_entiteit_achter_een_lange_kop_wordt_ook_geweigerd() -> None:
    # the prolog is first scanned in the first 64 KiB; a DOCTYPE after a long comment must still be seen
    lang = b"<!--" + b"x" * 70_000 + b"-->\n"
    with pytest.raises(XmlFout) as fout:
        parse_xml(lang + BILLION_LAUGHS.split(b"?>", 1)[1], "bom.xml")
    assert "entiteit ('lol')" in str(fout.value) and "regel 4" in str(fout.value)  # the line of the first ENTITY
    kort = b'<?xml version="1.0"?>\n<!DOCTYPE x [' + b" " * 70_000 + b'<!ENTITY e "e">]><x>&e;</x>'
    with pytest.raises(XmlFout, match="entiteit \\('e'\\)"):
        parse_xml(kort, "lang.xml")
    groot = b'<?xml version="1.0"?>\n<x>' + b"<y>tekst</y>" * 10_000 + b"</x>"
    assert len(parse_xml(groot, "groot.xml").getroot()) == 10_000


_ENTITEIT = b'<!DOCTYPE x [<!ENTITY e "boo">]><x>&e;</x>'


@pytest.mark.parametrize("opvulling", [0, 1, 2, 3, 5, 9, 10, 11, 20])
def test_entiteit_op_de_grens_van_de_kop_wordt_voor_het_parsen_geweigerd(opvulling: int) -> None:
    # whatever is cut at the end of the first 64 KiB (whitespace, a comment, '<', '<!DOC'), the
    # check before parsing still sees the DOCTYPE: its message names the line
    kop = b'<?xml version="1.0"?>'
    for data in (kop + b" " * (65536 - len(kop) - opvulling) + _ENTITEIT,
                 kop + b"<!--" + b"x" * (65536 - len(kop) - 7 - opvulling) + b"-->" + _ENTITEIT):
        with pytest.raises(XmlFout, match=r"regel 1: de DOCTYPE declareert een entiteit \('e'\)"):
            parse_xml(data, "grens.xml")


def test_entiteit_na_een_lange_kop_in_utf16_en_na_een_utf8_bom_wordt_voor_het_parsen_geweigerd() -> None:
    utf16 = ('<?xml version="1.0" encoding="UTF-16"?><!--' + "x" * 40_000 + "-->" + _ENTITEIT.decode()).encode("utf-16")
    with pytest.raises(XmlFout, match=r"regel 1: de DOCTYPE declareert een entiteit"):
        parse_xml(utf16, "utf16.xml")
    with pytest.raises(XmlFout, match=r"regel 2: de DOCTYPE declareert een entiteit"):
        parse_xml(b'\xef\xbb\xbf<?xml version="1.0"?>\n' + _ENTITEIT, "bom.xml")


OW_KOP = (b'<ow-dc:owBestand xmlns:ow-dc="http://www.geostandaarden.nl/imow/bestanden/deelbestand" '
          b'xmlns:r="http://www.geostandaarden.nl/imow/regels">\n')


def test_ow_bestand_zonder_inspringing_maar_met_alle_tekst() -> None:
    # OW and GML have no mixed content: their indentation is not kept as text nodes, their values are
    boom = parse_xml(OW_KOP + b"  <r:a>\n    <r:b> waarde </r:b>\n    <r:c> </r:c>\n  </r:a>\n</ow-dc:owBestand>", "ow.xml")
    a = boom.getroot()[0]
    assert a.text is None and a[0].tail is None and a.sourceline == 2 and a[1].sourceline == 4
    assert a[0].text == " waarde " and a[1].text == " "


def test_stop_tekst_houdt_de_spatie_tussen_twee_elementen() -> None:
    # mixed content: the space between two inline elements is text and must stay
    xml = (b'<tekst:Al xmlns:tekst="https://standaarden.overheid.nl/stop/imop/tekst/">'
           b"<tekst:i>een</tekst:i> <tekst:b>twee</tekst:b></tekst:Al>")
    al = parse_xml(xml, "tekst.xml").getroot()
    assert al[0].tail == " " and "".join(al.itertext()) == "een twee"


def test_te_diepe_nesting_wordt_geweigerd() -> None:
    data = b"<a>" * 300 + b"</a>" * 300
    with pytest.raises(XmlFout, match="te diep genest"):
        parse_xml(data, "diep.xml")


def test_ongeldige_xmlns_schemalocation_uit_de_dso_wordt_hersteld_met_waarschuwing() -> None:
    xml = b'<a xmlns:schemaLocation="http://x a.xsd"\n   b="1">\n<c>\n</d></a>'
    meldingen: list[Melding] = []
    with pytest.raises(XmlFout, match="regel 4"):  # line numbers are unchanged by the repair
        parse_xml(xml, "ow.xml", meldingen=meldingen)
    assert meldingen and meldingen[0].ernst == "waarschuwing"
    assert "xmlns:schemaLocation" in meldingen[0].bericht
    boom = parse_xml(b'<a xmlns:schemaLocation="http://x a.xsd"><b/></a>', "ow.xml")
    assert boom.getroot().find("b") is not None


# --------------------------------------------------------------------------------------------
# open_pakket: zips
# --------------------------------------------------------------------------------------------


def maak_zip(pad: Path, leden: dict[str, bytes], **zipopties: object) -> Path:
    with zipfile.ZipFile(pad, "w", compression=zipfile.ZIP_DEFLATED, **zipopties) as zf:  # type: ignore[arg-type]
        for naam, data in leden.items():
            zf.writestr(naam, data)
    return pad


def test_zip_lezen_en_parsen(tmp_path: Path) -> None:
    zp = maak_zip(tmp_path / "levering.zip", {"opdracht.xml": b"<o/>", "IO-1/a.gml": b"<g/>", "leeg/": b""})
    with open_pakket(zp) as pakket:
        assert pakket.namen() == ["IO-1/a.gml", "opdracht.xml"]
        assert "opdracht.xml" in pakket and "IO-1/a.gml" in pakket
        assert pakket.lees("opdracht.xml") == b"<o/>"
        boom = pakket.parse("IO-1/a.gml")
        assert boom.docinfo.URL == "levering.zip/IO-1/a.gml"
        assert pakket.verwijzing("IO-1/io.xml", "a.gml") == "IO-1/a.gml"
        with pytest.raises(XmlFout, match="komt in het pakket niet voor"):
            pakket.lees("bestaat-niet.xml")
        with pytest.raises(XmlFout, match="levering.zip.*bovenliggende map"):
            pakket.lees("../opdracht.xml")


def test_kapotte_xml_in_zip_noemt_pakket_en_lid(tmp_path: Path) -> None:
    zp = maak_zip(tmp_path / "levering.zip", {"IO-1/io.xml": b"<a>\n<b></a>"})
    with open_pakket(zp) as pakket, pytest.raises(XmlFout, match=r"levering.zip/IO-1/io.xml', regel 2"):
        pakket.parse("IO-1/io.xml")


@pytest.mark.parametrize(
    ("naam", "reden"),
    [
        ("../evil.xml", "verwijst naar een bovenliggende map"),
        ("a/../../evil.xml", "verwijst naar een bovenliggende map"),
        ("..\\evil.xml", "verwijst naar een bovenliggende map"),
        ("/etc/passwd", "is een absoluut pad"),
        ("\\\\server\\share\\x.xml", "is een absoluut pad"),
        ("C:/Windows/evil.xml", "begint met een stationsletter"),
        ("c:evil.xml", "begint met een stationsletter"),
        ("a\x01b.xml", "bevat stuurtekens"),
    ],
)
def test_zip_met_gevaarlijke_ledennaam_wordt_geweigerd(tmp_path: Path, naam: str, reden: str) -> None:
    zp = maak_zip(tmp_path / "kwaad.zip", {"opdracht.xml": b"<o/>", naam: b"<x/>"})
    with pytest.raises(XmlFout) as fout:
        open_pakket(zp)
    assert "Pakket 'kwaad.zip'" in str(fout.value)
    assert reden in str(fout.value)


def test_symlink_in_zip_wordt_geweigerd(tmp_path: Path) -> None:
    zp = tmp_path / "link.zip"
    with zipfile.ZipFile(zp, "w") as zf:
        info = zipfile.ZipInfo("opdracht.xml")
        info.create_system = 3
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")
    with pytest.raises(XmlFout, match="link.zip': lid 'opdracht.xml' is een symbolische koppeling"):
        open_pakket(zp)


def test_zip_bom_compressieverhouding_wordt_geweigerd(tmp_path: Path) -> None:
    zp = maak_zip(tmp_path / "bom.zip", {"opdracht.xml": b"<o/>", "bom.xml": b"\0" * (4 * 1024 * 1024)})
    with pytest.raises(XmlFout) as fout:
        open_pakket(zp)
    assert "lid 'bom.xml'" in str(fout.value) and "zip-bom" in str(fout.value)
    assert "keer gecomprimeerd" in str(fout.value)


def test_klein_en_sterk_comprimeerbaar_bestand_mag(tmp_path: Path) -> None:
    zp = maak_zip(tmp_path / "klein.zip", {"a.xml": b"<a>" + b" " * 50_000 + b"</a>"})
    with open_pakket(zp) as pakket:
        assert pakket.parse("a.xml").getroot().tag == "a"


def test_te_veel_leden_wordt_geweigerd(tmp_path: Path) -> None:
    zp = maak_zip(tmp_path / "veel.zip", {f"f{i}.xml": b"<a/>" for i in range(6)})
    with pytest.raises(XmlFout, match="Pakket 'veel.zip' bevat 6 leden; de grens is 5"):
        open_pakket(zp, limieten=Limieten(max_leden=5))


def test_te_groot_lid_wordt_geweigerd(tmp_path: Path) -> None:
    zp = maak_zip(tmp_path / "groot.zip", {"groot.xml": os.urandom(3000)})
    with pytest.raises(XmlFout, match="lid 'groot.xml' is uitgepakt te groot"):
        open_pakket(zp, limieten=Limieten(max_bestand=1000))


def test_te_groot_totaal_wordt_geweigerd(tmp_path: Path) -> None:
    zp = maak_zip(tmp_path / "totaal.zip", {f"f{i}.xml": b"<a>" + b"x" * 800 + b"</a>" for i in range(3)})
    with pytest.raises(XmlFout, match="samen groter dan 2.0 KiB"):
        open_pakket(zp, limieten=Limieten(max_totaal=2048))


def test_leugenachtige_grootte_in_zip_wordt_niet_geloofd(tmp_path: Path) -> None:
    """A member whose header claims a small size but decompresses to more is refused on reading."""
    zp = maak_zip(tmp_path / "leugen.zip", {"a.xml": b"<a>" + b"x" * 5000 + b"</a>"})
    data = bytearray(zp.read_bytes())
    # Patch the uncompressed size in the central directory and the local header to 10 bytes.
    for handtekening, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        i = data.find(handtekening)
        data[i + offset : i + offset + 4] = (10).to_bytes(4, "little")
    zp.write_bytes(bytes(data))
    with open_pakket(zp) as pakket, pytest.raises(XmlFout, match="leugen.zip': bestand 'a.xml' is beschadigd"):
        pakket.lees("a.xml")


def test_dubbele_naam_wordt_geweigerd(tmp_path: Path) -> None:
    zp = tmp_path / "dubbel.zip"
    with zipfile.ZipFile(zp, "w") as zf:
        zf.writestr("a.xml", b"<a/>")
        zf.writestr("./a.xml", b"<b/>")
    with pytest.raises(XmlFout, match="komt twee keer voor"):
        open_pakket(zp)


def test_versleuteld_lid_wordt_geweigerd(tmp_path: Path) -> None:
    zp = tmp_path / "geheim.zip"
    with zipfile.ZipFile(zp, "w") as zf:
        zf.writestr("a.xml", b"<a/>")
    data = bytearray(zp.read_bytes())
    for handtekening, offset in ((b"PK\x01\x02", 8), (b"PK\x03\x04", 6)):
        i = data.find(handtekening)
        data[i + offset] |= 0x1
    zp.write_bytes(bytes(data))
    with pytest.raises(XmlFout, match="versleuteld"):
        open_pakket(zp)


def test_geen_zip(tmp_path: Path) -> None:
    pad = tmp_path / "niet.zip"
    pad.write_bytes(b"dit is geen zip")
    with pytest.raises(XmlFout, match="Pakket 'niet.zip' is geen geldig zip-bestand"):
        open_pakket(pad)
    with pytest.raises(XmlFout, match="bestaat niet"):
        open_pakket(tmp_path / "weg.zip")


# --------------------------------------------------------------------------------------------
# open_pakket: folders
# --------------------------------------------------------------------------------------------


def test_map_lezen(tmp_path: Path) -> None:
    (tmp_path / "IO-1").mkdir()
    (tmp_path / "IO-1" / "a.gml").write_bytes(b"<g/>")
    (tmp_path / "opdracht.xml").write_bytes(b"<o/>")
    with open_pakket(tmp_path) as pakket:
        assert isinstance(pakket, Pakket)
        assert pakket.namen() == ["IO-1/a.gml", "opdracht.xml"]
        assert pakket.grootte("opdracht.xml") == 4
        assert pakket.parse("IO-1/a.gml").getroot().tag == "g"


def test_symlink_in_map_wordt_geweigerd(tmp_path: Path) -> None:
    (tmp_path / "levering").mkdir()
    (tmp_path / "levering" / "opdracht.xml").symlink_to("/etc/passwd")
    with pytest.raises(XmlFout, match="'opdracht.xml' is een symbolische koppeling"):
        open_pakket(tmp_path / "levering")


def test_map_met_te_veel_of_te_grote_bestanden(tmp_path: Path) -> None:
    for i in range(4):
        (tmp_path / f"f{i}.xml").write_bytes(b"<a>" + b"x" * 100 + b"</a>")
    with pytest.raises(XmlFout, match="meer dan 3 bestanden"):
        open_pakket(tmp_path, limieten=Limieten(max_leden=3))
    with pytest.raises(XmlFout, match="bestand 'f0.xml' is te groot"):
        open_pakket(tmp_path, limieten=Limieten(max_bestand=50))


@vereist_shared
def test_uitwisselpakket_als_map() -> None:
    with open_pakket(GM9920_UITWISSELPAKKET) as pakket:
        assert "pakbon.xml" in pakket
        assert "Regeling/Tekst.xml" in pakket
        meldingen: list[Melding] = []
        boom = pakket.parse("OW-bestanden/regelteksten.xml", meldingen=meldingen)
        assert boom.getroot().tag.endswith("owBestand")
        assert [m.ernst for m in meldingen] == ["waarschuwing"]  # the DSO's xmlns:schemaLocation


@vereist_shared
def test_echte_levering_als_zip(tmp_path: Path) -> None:
    zp = maak_zip(tmp_path / "gemeentestad.zip", {p.name: p.read_bytes() for p in GEMEENTESTAD.iterdir()})
    with open_pakket(zp) as pakket:
        assert len(pakket) == len(list(GEMEENTESTAD.iterdir()))
        for naam in pakket:
            assert pakket.parse(naam).getroot() is not None


# --------------------------------------------------------------------------------------------
# veilig_pad
# --------------------------------------------------------------------------------------------


def test_veilig_pad_binnen_pakket() -> None:
    assert veilig_pad("", "Bouwhoogte.gml") == "Bouwhoogte.gml"
    assert veilig_pad("IO-1", "a.gml") == "IO-1/a.gml"
    assert veilig_pad("IO-1", "./sub/../a.gml") == "IO-1/a.gml"
    assert veilig_pad("IO-1", "../IO-2/b.gml") == "IO-2/b.gml"  # stays inside the package


@pytest.mark.parametrize(
    ("relatief", "reden"),
    [
        ("../a.gml", "wijst buiten het pakket"),
        ("../../a.gml", "wijst buiten het pakket"),
        ("/etc/passwd", "absoluut pad"),
        ("http://example.org/a.gml", "URL"),
        ("file:///etc/passwd", "URL"),
        ("C:\\a.gml", "stationsletter"),
        ("a\x00.gml", "stuurtekens"),
        ("", "leeg"),
    ],
)
def test_veilig_pad_weigert(relatief: str, reden: str) -> None:
    with pytest.raises(XmlFout) as fout:
        veilig_pad("IO-1" if relatief != "../a.gml" else "", relatief, pakket="levering.zip")
    assert "levering.zip" in str(fout.value)
    assert reden in str(fout.value)


def test_veilig_pad_op_schijf(tmp_path: Path) -> None:
    (tmp_path / "a.gml").write_bytes(b"<g/>")
    assert veilig_pad(tmp_path, "a.gml") == (tmp_path / "a.gml").resolve()
    (tmp_path / "uit").symlink_to("/etc")
    with pytest.raises(XmlFout, match="wijst buiten de map"):
        veilig_pad(tmp_path, "uit/passwd")
    with pytest.raises(XmlFout, match="wijst buiten de map"):
        veilig_pad(tmp_path, "../x.gml")

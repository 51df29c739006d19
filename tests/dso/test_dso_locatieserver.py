"""Address to location with the (fake) PDOK Locatieserver."""

from __future__ import annotations

import pytest
from dso_nepserver import LS, Antwoord, NepServer

from regels.dso import (
    AdresNietEenduidig,
    AdresNietGevonden,
    LocatieserverClient,
    OngeldigAntwoord,
    OngeldigVerzoek,
    RdPunt,
)
from regels.dso.locatieserver import parse_postcode_address
from regels.errors import LocatieFout

FREE = LS + "/free"


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("2711EC 1", ("2711EC", 1, None, None)),
        ("2711 ec 1", ("2711EC", 1, None, None)),
        ("2711EC, 10a", ("2711EC", 10, "A", None)),
        ("2711EC 10 A", ("2711EC", 10, "A", None)),
        ("2711EC10B", ("2711EC", 10, "B", None)),
        ("2711EC 10-2", ("2711EC", 10, None, "2")),
        ("2711EC 10 bis", ("2711EC", 10, None, "bis")),
        ("2711EC 10A-3", ("2711EC", 10, "A", "3")),
        ("Stadhuisplein 1 Zoetermeer", None),
        ("0711EC 1", None),
        ("2711EC", None),
    ],
)
def test_postcode_met_huisnummer_herkennen(tekst: str, verwacht: tuple | None) -> None:
    assert parse_postcode_address(tekst) == verwacht


def test_postcode_en_huisnummer_geven_punt_bag_ids_wijk_en_buurt(nep: NepServer, maak) -> None:
    adres = maak(LocatieserverClient).find_address("2711 EC 1")
    assert adres.weergavenaam == "Stadhuisplein 1, 2711EC Zoetermeer"
    assert adres.punt == RdPunt(x=93611.42, y=452871.65)
    assert adres.nummeraanduiding_id == "0637200000100001"
    assert adres.adresseerbaarobject_id == "0637010000100001"
    assert (adres.gemeentecode, adres.gemeentenaam, adres.bevoegd_gezag) == ("0637", "Zoetermeer", "gm0637")
    # Wijk and buurt come from the CBS 2023 boundaries in ../shared/zoetermeer-data.
    assert (adres.wijkcode, adres.wijknaam) == ("WK063700", "Centrum")
    assert (adres.buurtcode, adres.buurtnaam) == ("BU06370002", "Stadscentrum")
    assert adres.lengte_breedte == (4.49, 52.06)
    v = nep.verzoeken[-1]
    assert v.query["fq"] == ["type:adres", "postcode:2711EC", "huisnummer:1"]
    assert "centroide_rd" in v.query["fl"][0].split()


def test_vrije_tekst(nep: NepServer, maak) -> None:
    adres = maak(LocatieserverClient).find_address("Dorpsstraat 45 Zoetermeer")
    assert adres.postcode == "2712AB" and adres.buurtnaam == "Dorp"
    assert nep.verzoeken[-1].query["fq"] == ["type:adres"]


def test_meerdere_huisletters_is_niet_eenduidig(nep: NepServer, maak) -> None:
    # 1015CJ 117 has the letters A-E (the real BAG answer in ../shared).
    with pytest.raises(AdresNietEenduidig) as info:
        maak(LocatieserverClient).find_address("1015CJ 117")
    assert len(info.value.kandidaten) == 5
    assert "geef de huisletter of toevoeging op" in str(info.value)
    assert "Keizersgracht 117A, 1015CJ Amsterdam" in str(info.value)


def test_met_huisletter_het_juiste_adres(nep: NepServer, maak) -> None:
    adres = maak(LocatieserverClient).find_address("1015 cj 117 b")
    assert adres.huisletter == "B" and adres.nummeraanduiding_id == "0363200000502031"


def test_onbekende_huisletter_noemt_wat_er_wel_is(nep: NepServer, maak) -> None:
    with pytest.raises(AdresNietGevonden, match="bij 2716AA 12 bestaan: Meerzichtlaan 12A.*12B"):
        maak(LocatieserverClient).find_address("2716AA 12 C")


def test_geen_resultaat(nep: NepServer, maak) -> None:
    ls = maak(LocatieserverClient)
    with pytest.raises(AdresNietGevonden, match="postcode 9999ZZ huisnummer 1"):
        ls.find_address("9999ZZ 1")
    with pytest.raises(AdresNietGevonden, match="Geen adres gevonden voor 'Nergensweg 7'"):
        ls.find_address("Nergensweg 7")
    with pytest.raises(AdresNietGevonden, match="Geef een adres op"):
        ls.find_address("   ")


def test_dichtstbijzijnde_adres_bij_een_punt(nep: NepServer, maak) -> None:
    ls = maak(LocatieserverClient)
    adres = ls.address_at_point(RdPunt(x=93700.0, y=451990.0))
    assert adres.straatnaam == "Dorpsstraat"
    assert nep.verzoeken[-1].query["X"] == ["93700.000"]
    with pytest.raises(AdresNietGevonden, match="Geen adres binnen 50 m"):
        ls.address_at_point(RdPunt(x=100000.0, y=400000.0))


def test_lookup(nep: NepServer, maak) -> None:
    ls = maak(LocatieserverClient)
    assert ls.lookup("adr-0637200000100045").huisnummer == 45
    with pytest.raises(AdresNietGevonden):
        ls.lookup("adr-bestaat-niet")


def test_pagineren_met_start_en_rows(nep: NepServer, maak) -> None:
    docs = [dict(nep.data.ls_docs[0], id=f"adr-{i}") for i in range(150)]
    nep.storing(
        "GET", FREE,
        Antwoord(200, {"response": {"numFound": 150, "start": 0, "docs": docs[:100]}}),
        Antwoord(200, {"response": {"numFound": 150, "start": 100, "docs": docs[100:]}}),
    )
    gevonden = maak(LocatieserverClient).search_addresses("Stadhuisplein", limit=150)
    assert len(gevonden) == 150
    assert [v.query["start"] for v in nep.verzoeken] == [["0"], ["100"]]
    assert [v.query["rows"] for v in nep.verzoeken] == [["100"], ["50"]]


def test_lege_pagina_stopt_het_bladeren(nep: NepServer, maak) -> None:
    nep.storing("GET", FREE, Antwoord(200, {"response": {"numFound": 500, "start": 0, "docs": []}}))
    assert maak(LocatieserverClient).search_addresses("Stadhuisplein", limit=200) == []
    assert len(nep.verzoeken) == 1


@pytest.mark.parametrize(
    "body",
    [
        {"responseHeader": {}},
        {"response": {"numFound": 1, "docs": "geen lijst"}},
        {"response": {"numFound": "een", "docs": []}},
        {"response": {"numFound": 1, "docs": [["geen object"]]}},
    ],
    ids=["zonder-response", "docs-geen-lijst", "numFound-tekst", "doc-geen-object"],
)
def test_kapotte_solr_pagina(nep: NepServer, maak, body: dict) -> None:
    nep.storing("GET", FREE, Antwoord(200, body))
    with pytest.raises(OngeldigAntwoord):
        maak(LocatieserverClient).find_address("Stadhuisplein 1 Zoetermeer")


def test_adres_zonder_bruikbaar_punt(nep: NepServer, maak) -> None:
    doc = dict(nep.data.ls_docs[0], centroide_rd="POINT(kapot)")
    nep.storing("GET", FREE, Antwoord(200, {"response": {"numFound": 1, "start": 0, "docs": [doc]}}))
    with pytest.raises(OngeldigAntwoord, match="geen bruikbaar 'centroide_rd'"):
        maak(LocatieserverClient).find_address("Stadhuisplein 1 Zoetermeer")


def test_adres_met_onbruikbaar_huisnummer(nep: NepServer, maak) -> None:
    doc = dict(nep.data.ls_docs[0], huisnummer="een")
    nep.storing("GET", FREE, Antwoord(200, {"response": {"numFound": 1, "start": 0, "docs": [doc]}}))
    with pytest.raises(OngeldigAntwoord, match="onbruikbaar adres"):
        maak(LocatieserverClient).find_address("Stadhuisplein 1 Zoetermeer")


def test_locatieserver_foutformaat(nep: NepServer, maak) -> None:
    nep.storing("GET", FREE, Antwoord(400, {"error": {"code": 400, "msg": "undefined field foo", "metadata": ["error-class"]}}))
    with pytest.raises(OngeldigVerzoek, match="400: undefined field foo"):
        maak(LocatieserverClient).find_address("Stadhuisplein 1 Zoetermeer")
    nep.storing("GET", FREE, Antwoord(400, "parameter rows in query has an error: value 500: maximum", "text/plain"))
    with pytest.raises(OngeldigVerzoek, match="parameter rows in query has an error"):
        maak(LocatieserverClient).find_address("Stadhuisplein 1 Zoetermeer")


def test_rd_punt_controle() -> None:
    assert RdPunt.maak(93611.42, 452871.65).geojson() == {"type": "Point", "coordinates": [93611.42, 452871.65]}
    assert RdPunt.maak(93611.42381, 452871.6549).geojson()["coordinates"] == [93611.424, 452871.655]
    with pytest.raises(LocatieFout, match="lengte- en breedtegraden"):
        RdPunt.maak(4.49, 52.06)
    with pytest.raises(LocatieFout, match="niet in Nederland"):
        RdPunt.maak(500000.0, 452871.0)

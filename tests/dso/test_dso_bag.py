"""Building facts from the (fake) BAG."""

from __future__ import annotations

import shapely.geometry
from dso_nepserver import BAG, Antwoord, NepServer, problem
import pytest

from regels.dso import BagClient, GebouwFeiten, NietGevonden, OngeldigAntwoord, OngeldigVerzoek, RdPunt
from regels.errors import LocatieFout


def test_gebouwfeiten_bij_een_nummeraanduiding(nep: NepServer, maak) -> None:
    feiten = maak(BagClient).building_facts(nummeraanduiding_id="0637200000100045")
    assert isinstance(feiten, GebouwFeiten)
    assert feiten.adres.weergavenaam == "Dorpsstraat 45, 2712AB Zoetermeer"
    assert feiten.feiten() == {
        "footprint_m2": 120.0,  # 12.5 m × 9.6 m, from the pand outline (3D coordinates)
        "bouwjaar": 1932,
        "gebruiksdoelen": ["woonfunctie", "winkelfunctie"],
        "gebruiksoppervlakte_m2": 134,
        "pand_status": "Pand in gebruik",
    }
    assert feiten.bron == "BAG"
    assert feiten.herkomst().startswith("BAG: adres 0637200000100045, pand 0637100000100045, opgehaald ")
    assert [v.path for v in nep.verzoeken] == [BAG + "/adressenuitgebreid/0637200000100045", BAG + "/panden/0637100000100045"]


def test_gebouwfeiten_bij_postcode_en_huisnummer(nep: NepServer, maak) -> None:
    feiten = maak(BagClient).building_facts(postcode="2711 ec", huisnummer=1)
    assert feiten.pand is not None and feiten.pand.footprint_m2 == 2700.0
    assert nep.verzoeken[0].query == {"postcode": ["2711EC"], "huisnummer": ["1"], "exacteMatch": ["true"]}


def test_echt_bag_adres_uit_de_gedeelde_voorbeelden(nep: NepServer, maak) -> None:
    adres = maak(BagClient).address("1015CJ", 117, huisletter="A")
    assert adres.nummeraanduiding_id == "0363200000502030"
    assert adres.adresseerbaarobject_id == "0363010001020097"
    assert adres.pand_ids == ("0363100012167700",)
    assert adres.weergavenaam == "Keizersgracht 117A, 1015CJ Amsterdam"


def test_footprint_van_echt_pand_met_binnenplaats(nep: NepServer, maak) -> None:
    # Pand 1926100000495231 from locatie-zoeken.feature: an outline with a courtyard cut out.
    pand = maak(BagClient).pand("1926100000495231")
    verwacht = shapely.geometry.shape(nep.data.pand_polygonen["1926100000495231"]).area
    buiten = shapely.geometry.Polygon(nep.data.pand_polygonen["1926100000495231"]["coordinates"][0]).area
    assert pand.footprint_m2 == pytest.approx(verwacht, abs=0.01) and pand.footprint_m2 < buiten
    assert pand.bouwjaar == 1995 and pand.status == "Pand in gebruik" and pand.geconstateerd is False


def test_panden_op_een_punt(nep: NepServer, maak) -> None:
    bag = maak(BagClient)
    # The corner case of the feature: on the outline counts as inside.
    panden = bag.panden_at_point(RdPunt(x=118315.606, y=404844.967))
    assert [p.identificatie for p in panden] == ["0826100000036343"]
    assert bag.panden_at_point(RdPunt(x=90270.0, y=446910.0)) == []  # inside the courtyard
    v = nep.verzoeken[-1]
    assert v.query["locatie"] == ["90270.000,446910.000"] and v.headers["content-crs"] == "epsg:28992"


def test_verblijfsobjecten_over_drie_paginas(nep: NepServer, maak) -> None:
    vbos = maak(BagClient).verblijfsobjecten_in_pand("0268100000021458")
    assert len(vbos) == 25 and len({v.identificatie for v in vbos}) == 25
    assert vbos[0].gebruiksdoelen == ("woonfunctie",) and vbos[0].oppervlakte_m2 == 48
    assert [v.query.get("page") for v in nep.verzoeken] == [None, ["2"], ["3"]]


def test_onbekend_pand_en_ongeldige_id(nep: NepServer, maak) -> None:
    bag = maak(BagClient)
    with pytest.raises(NietGevonden, match="De BAG kent pand 0637100000999999 niet."):
        bag.pand("0637100000999999")
    with pytest.raises(LocatieFout, match="geen geldige BAG-pandidentificatie"):
        bag.pand("12345")
    with pytest.raises(LocatieFout, match="nummeraanduidingidentificatie"):
        bag.address_by_id("0637100000100045")  # a pand id, not a nummeraanduiding
    assert len(nep.verzoeken) == 1


def test_onbekend_adres(nep: NepServer, maak) -> None:
    with pytest.raises(NietGevonden, match="De BAG kent geen adres 2711EC 99"):
        maak(BagClient).address("2711EC", 99)


def test_zonder_accept_crs_weigert_de_bag(nep: NepServer, maak) -> None:
    # The fake enforces BAG v2.0's rule; the client always sends Accept-Crs, so this only
    # shows what would happen if it did not (412 is not retried).
    nep.storing("GET", BAG + "/panden/0637100000100001",
                problem(412, "Gewenste coördinatenstelsel voor geometrie moet worden opgegeven.", code="acceptCrsMissing"))
    with pytest.raises(OngeldigVerzoek, match="412: Gewenste coördinatenstelsel"):
        maak(BagClient).pand("0637100000100001")


@pytest.mark.parametrize(
    "pand",
    [
        {"pand": {"identificatie": "0637100000100001", "geometrie": {"type": "Polygon", "coordinates": []}}},
        {"pand": {"identificatie": "0637100000100001", "status": "Pand in gebruik", "oorspronkelijkBouwjaar": "ooit"}},
        {"pand": {"identificatie": "0637100000100001", "status": "Pand in gebruik",
                  "geometrie": {"type": "Polygon", "coordinates": [[[0, 0], [1, 1]]]}}},
        {"pand": {"identificatie": "0637100000100001", "status": "Pand in gebruik",
                  "geometrie": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [2, 0], [0, 0]]]}}},
        {"pand": "kapot"},
    ],
    ids=["zonder-status", "bouwjaar-tekst", "te-weinig-punten", "zonder-oppervlakte", "geen-object"],
)
def test_onbruikbaar_pand(nep: NepServer, maak, pand: dict) -> None:
    nep.storing("GET", BAG + "/panden/0637100000100001", Antwoord(200, pand, "application/hal+json"))
    with pytest.raises(OngeldigAntwoord, match="De BAG gaf een|geometrie"):
        maak(BagClient).pand("0637100000100001")


def test_onbruikbaar_adres(nep: NepServer, maak) -> None:
    nep.storing("GET", BAG + "/adressenuitgebreid/0637200000100001",
                Antwoord(200, {"postcode": "2711EC", "oorspronkelijkBouwjaar": ["x"]}, "application/hal+json"))
    with pytest.raises(OngeldigAntwoord, match="onbruikbaar adres"):
        maak(BagClient).address_by_id("0637200000100001")


def test_building_facts_vraagt_een_adres(maak) -> None:
    with pytest.raises(ValueError):
        maak(BagClient).building_facts()

"""The tijdelijk deel: bestemmingsplannen from the (fake) Ruimtelijke Plannen API, with real fixtures."""

from __future__ import annotations

import datetime as dt

import pytest
from dso_nepserver import RP, Antwoord, NepServer

from regels.dso import NietGevonden, OngeldigAntwoord, OngeldigVerzoek, RdPunt, RuimtelijkePlannenClient

HIER = RdPunt(x=93702.10, y=451988.30)


def test_plannen_op_een_punt(nep: NepServer, maak) -> None:
    [plan] = maak(RuimtelijkePlannenClient).plans_at_point(HIER)
    assert plan.id == "NL.IMRO.0268.FBPGeluidzoneWink-VG01"  # the real plan-02.json
    assert plan.regelstatus == "geldend" and plan.planstatus is not None
    assert isinstance(plan.planstatus_datum, dt.date)
    v = nep.verzoeken[-1]
    assert v.json == {"_geo": {"intersects": {"type": "Point", "coordinates": [93702.1, 451988.3]}}}
    assert v.headers["content-crs"] == "epsg:28992" and v.headers["accept-crs"] == "epsg:28992"
    assert v.query == {"pageSize": ["100"], "regelStatus": ["geldend"]}


def test_bestemmingen_en_maatvoeringen(nep: NepServer, maak) -> None:
    rp = maak(RuimtelijkePlannenClient)
    bestemmingen = rp.bestemmingen_at_point("NL.IMRO.0268.FBPGeluidzoneWink-VG01", HIER)
    assert [(b.type, b.naam, b.artikelnummer) for b in bestemmingen] == [
        ("dubbelbestemming", "Waarde - Archeologie 5", "6"),
        ("enkelbestemming", "Wonen", "4"),
    ]
    [m] = rp.maatvoeringen_at_point("NL.IMRO.0268.FBPGeluidzoneWink-VG01", HIER)
    assert dict(m.waarden) == {"maximum goothoogte (m)": "6", "maximum bouwhoogte (m)": "10"}


def test_ongeldige_plan_id(maak) -> None:
    with pytest.raises(OngeldigVerzoek, match="IMRO-planidentificatie"):
        maak(RuimtelijkePlannenClient).bestemmingen_at_point("../plannen", HIER)


def test_onbekend_plan(nep: NepServer, maak) -> None:
    rp = maak(RuimtelijkePlannenClient)
    with pytest.raises(NietGevonden, match="kent plan NL.IMRO.0637.BESTAATNIET niet"):
        rp.plan("NL.IMRO.0637.BESTAATNIET")
    nep.storing("POST", RP + "/plannen/NL.IMRO.0637.X/bestemmingsvlakken/_zoek",
                Antwoord(404, {"title": "Not Found", "status": 404, "detail": "HTTP 404 Not Found"}, "application/problem+json"))
    with pytest.raises(NietGevonden, match="kent plan NL.IMRO.0637.X niet"):
        rp.bestemmingen_at_point("NL.IMRO.0637.X", HIER)


def test_onbruikbaar_plan(nep: NepServer, maak) -> None:
    nep.storing("POST", RP + "/plannen/_zoek", Antwoord(200, {"_embedded": {"plannen": [{"naam": "zonder id"}]}}, "application/hal+json"))
    with pytest.raises(OngeldigAntwoord, match="onbruikbaar plan"):
        maak(RuimtelijkePlannenClient).plans_at_point(HIER)


def test_altijd_productie(monkeypatch: pytest.MonkeyPatch) -> None:
    from regels.dso import Environment, find_api_key

    rp = RuimtelijkePlannenClient(environment="pre")
    assert rp.environment is Environment.PROD
    assert rp.base_url == "https://ruimte.omgevingswet.overheid.nl/ruimtelijke-plannen/api/opvragen/v4"
    monkeypatch.setenv("REGELS_DSO_API_KEY", "prod-sleutel")
    monkeypatch.setenv("REGELS_DSO_PRE_API_KEY", "pre-sleutel")
    assert rp.api_key is not None and rp.api_key.reveal() == "prod-sleutel"
    assert find_api_key(rp.service, Environment.PRE) is not None

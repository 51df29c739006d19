"""The public face of ``regels.dso``, and that no library exception escapes it untranslated."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from dso_nepserver import BAG, DL, LS, OMGEVINGSPLAN, OZON, RP, Antwoord, NepServer

import regels.dso
from regels.dso import (
    BagClient,
    DienstFout,
    DownloadenClient,
    GeometrieClient,
    LocatieserverClient,
    PresenterenClient,
    RdPunt,
    RuimtelijkePlannenClient,
)

PUBLIEK = [
    "Activiteit", "Adres", "AdresNietEenduidig", "AdresNietGevonden", "ApiKey", "BagAdres", "BagClient",
    "Bestemmingsvlak", "DienstFout", "DienstOnbereikbaar", "DownloadMislukt", "DownloadTeGroot", "DownloadenClient",
    "Environment", "GebouwFeiten", "Gebiedsaanwijzing", "Geometrie", "GeometrieClient", "HttpSettings",
    "LocatieserverClient", "Maatvoering", "NietGevonden", "Normwaarde", "Omgevingsnorm", "OngeldigAntwoord",
    "OngeldigVerzoek", "Pand", "PresenterenClient", "RdPunt", "Regeling", "RegelsOpLocatie", "ResponseCache",
    "RetryPolicy", "RuimtelijkPlan", "RuimtelijkePlannenClient", "SERVICES", "ServiceClient", "SleutelGeweigerd",
    "SleutelOntbreekt", "TeVeelResultaten", "TeVeelVerzoeken", "TijdOverschreden", "Verblijfsobject",
    "bevoegd_gezag_code", "find_api_key", "key_file_path", "uri_identificatie",
]


def test_publieke_namen_liggen_vast() -> None:
    assert regels.dso.__all__ == sorted(PUBLIEK)
    for name in regels.dso.__all__:
        assert getattr(regels.dso, name) is not None


HIER = RdPunt(x=93611.42, y=452871.65)

# (path the fake answers on, method, call)
AANROEPEN: list[tuple[str, str, Callable[[Any], Any]]] = [
    (LS + "/free", "GET", lambda m: m(LocatieserverClient).find_address("2711EC 1")),
    (LS + "/free", "GET", lambda m: m(LocatieserverClient).search_addresses("Stadhuisplein")),
    (BAG + "/adressenuitgebreid/0637200000100001", "GET", lambda m: m(BagClient).building_facts(nummeraanduiding_id="0637200000100001")),
    (BAG + "/panden/0637100000100001", "GET", lambda m: m(BagClient).pand("0637100000100001")),
    (BAG + "/verblijfsobjecten", "GET", lambda m: m(BagClient).verblijfsobjecten_in_pand("0268100000021458")),
    (OZON + "/regelingen/_zoek", "POST", lambda m: m(PresenterenClient).regelingen("gm0637")),
    (OZON + "/regelingen/_akn_nl_act_gm0637_2024_omgevingsplan", "GET", lambda m: m(PresenterenClient).versions(OMGEVINGSPLAN)),
    (OZON + "/regelingen/_akn_nl_act_gm0637_2024_omgevingsplan/regeltekstannotaties/_zoek", "POST",
     lambda m: m(PresenterenClient).rules_at_location(HIER, regeling=OMGEVINGSPLAN)),
    ("/publiek/omgevingsdocumenten/api/geometrieopvragen/v1/geometrieen/5e1f6a0c-0637-4c1b-9a52-0000000000a1", "GET",
     lambda m: m(GeometrieClient).geometry("5e1f6a0c-0637-4c1b-9a52-0000000000a1")),
    (DL + "/status/verzoek-0637-0001", "GET",
     lambda m: m(DownloadenClient).download_regeling(OMGEVINGSPLAN, Path("/nonexistent-dir/x.zip"), poll_interval=0, max_wait=0)),
    (RP + "/plannen/_zoek", "POST", lambda m: m(RuimtelijkePlannenClient).plans_at_point(HIER)),
]

ONZIN = [
    Antwoord(200, None),
    Antwoord(200, "null"),
    Antwoord(200, "42"),
    Antwoord(200, '"tekst"'),
    Antwoord(200, []),
    Antwoord(200, {}),
    Antwoord(200, {"_embedded": 5, "_links": {"next": {"href": 7}}}),
    Antwoord(200, {"_embedded": {"regelingen": [{}], "adressen": [{}], "panden": [{}], "verblijfsobjecten": [{}], "plannen": [{}]}}),
    Antwoord(200, {"response": {"numFound": 1, "docs": [{}]}}),
    Antwoord(200, {"pand": {"geometrie": {"type": "Polygon", "coordinates": [[["a", "b"]]]}}}),
    Antwoord(200, {"type": "Polygon", "coordinates": [[[0, 0]]]}),
    Antwoord(200, {"status": 5, "url": ["x"], "verzoekIdentificatie": 3}),
    Antwoord(200, b"\xff\xfe\x00 niet utf-8"),
    Antwoord(200, {"x": 1}, "application/xml"),
    Antwoord(418, {"title": None, "invalid-params": "geen lijst"}, "application/problem+json"),
    Antwoord(404, b"\x00\x01", "application/problem+json"),
    Antwoord(302, None),  # a redirect without Location
    Antwoord(200, {"_links": {"next": {"href": "javascript:alert(1)"}}, "_embedded": {}}),
]


@pytest.mark.parametrize("onzin", ONZIN, ids=[f"onzin{i}" for i in range(len(ONZIN))])
@pytest.mark.parametrize("pad,methode,aanroep", AANROEPEN, ids=[a[0].rsplit("/", 2)[-2] + "/" + a[0].rsplit("/", 1)[-1] for a in AANROEPEN])
def test_onzin_geeft_alleen_dienstfouten(nep: NepServer, maak, pad: str, methode: str, aanroep: Callable[[Any], Any], onzin: Antwoord) -> None:
    """Whatever a service answers, a caller sees a result or a DienstFout, never a library error."""
    nep.storing(methode, pad, onzin, onzin, onzin)
    try:
        aanroep(maak)
    except DienstFout:
        pass

"""The shared base: retries, Retry-After, error mapping, content checks, paging, cache, redirects."""

from __future__ import annotations

import email.utils
import time
from pathlib import Path

import httpx
import pytest
from dso_nepserver import BAG, BAG_SLEUTEL, GEOMETRIE_ID, LS, OZON, Antwoord, NepServer, problem

from regels.dso import (
    BagClient,
    DienstFout,
    DienstOnbereikbaar,
    GeometrieClient,
    HttpSettings,
    LocatieserverClient,
    NietGevonden,
    OngeldigAntwoord,
    OngeldigVerzoek,
    PresenterenClient,
    RdPunt,
    ResponseCache,
    RetryPolicy,
    SleutelGeweigerd,
    TeVeelResultaten,
    TeVeelVerzoeken,
    TijdOverschreden,
)
from regels.dso._http import parse_retry_after

FREE = LS + "/free"
PAND = BAG + "/panden/0637100000100001"
ZOEK = OZON + "/regelingen/_zoek"


def _ok_pand(bag: BagClient) -> None:
    assert bag.pand("0637100000100001").bouwjaar == 1986


# -- retries ----------------------------------------------------------------------------------


def test_503_wordt_herhaald_met_exponentiele_wachttijd(nep: NepServer, maak, slaap) -> None:
    nep.storing("GET", PAND, problem(503, "Bronservice is niet beschikbaar."), problem(503, "Bronservice is niet beschikbaar."))
    _ok_pand(maak(BagClient))
    assert nep.aantal(PAND) == 3
    assert slaap.wachttijden == [0.01, 0.02]


def test_429_volgt_retry_after_in_seconden(nep: NepServer, maak, slaap) -> None:
    nep.storing("GET", PAND, Antwoord(429, {"title": "Too Many Requests", "status": 429}, "application/problem+json", {"Retry-After": "2"}))
    _ok_pand(maak(BagClient))
    assert slaap.wachttijden == [2.0]
    assert nep.aantal(PAND) == 2


def test_429_volgt_retry_after_als_http_datum(nep: NepServer, maak, slaap) -> None:
    datum = email.utils.formatdate(time.time() + 4, usegmt=True)
    nep.storing("GET", PAND, Antwoord(503, {"title": "x"}, "application/problem+json", {"Retry-After": datum}))
    _ok_pand(maak(BagClient))
    assert len(slaap.wachttijden) == 1 and 2.0 <= slaap.wachttijden[0] <= 4.0


def test_429_zonder_retry_after_gebruikt_ratelimit_reset(nep: NepServer, maak, slaap) -> None:
    nep.storing("GET", PAND, Antwoord(429, {"title": "Too Many Requests"}, "application/problem+json", {"RateLimit-Reset": "1"}))
    _ok_pand(maak(BagClient))
    assert slaap.wachttijden == [1.0]


def test_blijvend_429_geeft_te_veel_verzoeken(nep: NepServer, maak, slaap) -> None:
    te_veel = Antwoord(429, {"title": "Too Many Requests", "detail": "You have exceeded your quota", "status": 429},
                       "application/problem+json", {"Retry-After": "1"})
    nep.storing("GET", PAND, te_veel, te_veel, te_veel)
    with pytest.raises(TeVeelVerzoeken) as info:
        maak(BagClient).pand("0637100000100001")
    assert nep.aantal(PAND) == 3
    assert slaap.wachttijden == [1.0, 1.0]
    assert info.value.status == 429 and info.value.wacht_seconden == 1.0
    assert "te veel verzoeken" in str(info.value) and "Probeer het over 1 seconden opnieuw" in str(info.value)


def test_te_lange_retry_after_wordt_niet_afgewacht(nep: NepServer, maak, slaap) -> None:
    nep.storing("GET", PAND, Antwoord(429, {"title": "Too Many Requests"}, "application/problem+json", {"Retry-After": "120"}))
    with pytest.raises(TeVeelVerzoeken, match="over 2 minuten"):
        maak(BagClient).pand("0637100000100001")
    assert slaap.wachttijden == [] and nep.aantal(PAND) == 1


def test_bag_daglimiet_bereikt(nep: NepServer, maak, slaap) -> None:
    headers = {"Kadaster-RateLimit-DayLimit": "50000", "Kadaster-RateLimit-DayLimit-Remaining": "0",
               "Kadaster-RateLimit-DayLimit-Reset": "36000"}
    nep.storing("GET", PAND, Antwoord(429, {"title": "Too Many Requests"}, "application/problem+json", headers))
    with pytest.raises(TeVeelVerzoeken, match="10 uur"):
        maak(BagClient).pand("0637100000100001")
    assert slaap.wachttijden == []


def test_503_met_lange_retry_after_na_laatste_poging(nep: NepServer, maak, slaap) -> None:
    storing = problem(503, "Bronservice is niet beschikbaar.")
    nep.storing("GET", PAND, storing, storing, storing)
    with pytest.raises(DienstOnbereikbaar, match="een storing \\(503"):
        maak(BagClient).pand("0637100000100001")
    assert nep.aantal(PAND) == 3


@pytest.mark.parametrize("status", [500])
def test_500_wordt_niet_herhaald(nep: NepServer, maak, slaap, status: int) -> None:
    nep.storing("GET", PAND, problem(status, "Interne server fout.", code="serverError"))
    with pytest.raises(DienstOnbereikbaar) as info:
        maak(BagClient).pand("0637100000100001")
    assert nep.aantal(PAND) == 1 and slaap.wachttijden == []
    assert "interne fout (500: Interne server fout.)" in str(info.value)
    assert info.value.status == 500 and info.value.probleem["code"] == "serverError"


@pytest.mark.parametrize("status", [400, 405, 406, 409, 412, 415, 422])
def test_andere_4xx_worden_niet_herhaald(nep: NepServer, maak, slaap, status: int) -> None:
    nep.storing("GET", PAND, problem(status, "Een of meerdere parameters zijn niet correct."))
    with pytest.raises(OngeldigVerzoek) as info:
        maak(BagClient).pand("0637100000100001")
    assert nep.aantal(PAND) == 1 and slaap.wachttijden == []
    assert f"({status}: Een of meerdere parameters zijn niet correct.)" in str(info.value)


def test_ongeldige_parameters_in_beide_spellingen(nep: NepServer, maak) -> None:
    nep.storing(
        "GET", PAND,
        problem(400, "Een of meerdere parameters zijn niet correct.",
                **{"invalid-params": [{"name": "pageSize", "code": "maximum", "reason": "Waarde is hoger dan maximum 100."}]}),
        problem(400, "Een of meerdere parameters zijn niet correct.",
                invalidParams=[{"name": "page", "code": "page", "reason": "De opgegeven pagina bestaat niet."}]),
    )
    bag = maak(BagClient)
    with pytest.raises(OngeldigVerzoek) as eerste:
        bag.pand("0637100000100001")
    assert eerste.value.ongeldige_parameters == [("pageSize", "Waarde is hoger dan maximum 100.")]
    assert "Ongeldige parameters: pageSize: Waarde is hoger dan maximum 100." in str(eerste.value)
    with pytest.raises(OngeldigVerzoek) as tweede:
        bag.pand("0637100000100001")
    assert tweede.value.ongeldige_parameters == [("page", "De opgegeven pagina bestaat niet.")]


def test_404_is_niet_gevonden_met_eigen_bericht(nep: NepServer, maak) -> None:
    with pytest.raises(NietGevonden, match="De BAG kent pand 0637100000999999 niet."):
        maak(BagClient).pand("0637100000999999")


def test_401_en_403_zijn_sleutel_geweigerd(nep: NepServer, maak) -> None:
    with pytest.raises(SleutelGeweigerd) as info:
        maak(PresenterenClient, api_key="verkeerde-sleutel").regelingen("gm0637")
    assert info.value.status == 403
    assert "pre-productie en productie" in str(info.value)
    nep.storing("POST", ZOEK, Antwoord(401, {"title": "Inloggegevens ontbreken"}, "application/problem+json"))
    with pytest.raises(SleutelGeweigerd, match="401: Inloggegevens ontbreken"):
        maak(PresenterenClient).regelingen("gm0637")


def test_locatieserver_403_is_geen_sleutelfout(nep: NepServer, maak) -> None:
    nep.storing("GET", FREE, Antwoord(403, "Forbidden", "text/plain"))
    with pytest.raises(OngeldigVerzoek, match="403: Forbidden"):
        maak(LocatieserverClient).find_address("Stadhuisplein 1 Zoetermeer")


# -- answers that cannot be used --------------------------------------------------------------


def test_onleesbare_json(nep: NepServer, maak) -> None:
    nep.storing("GET", FREE, Antwoord(200, b'{"response": {"numFound": 1, "docs": [{"id": '))
    with pytest.raises(OngeldigAntwoord, match="onleesbare JSON"):
        maak(LocatieserverClient).find_address("Stadhuisplein 1 Zoetermeer")


def test_verkeerd_inhoudstype(nep: NepServer, maak) -> None:
    nep.storing("GET", PAND, Antwoord(200, "<html><body>Gepland onderhoud</body></html>", "text/html; charset=utf-8"))
    with pytest.raises(OngeldigAntwoord, match="geen JSON maar text/html"):
        maak(BagClient).pand("0637100000100001")


def test_leeg_antwoord(nep: NepServer, maak) -> None:
    nep.storing("GET", PAND, Antwoord(200, b"", "application/hal+json"))
    with pytest.raises(OngeldigAntwoord, match="leeg antwoord"):
        maak(BagClient).pand("0637100000100001")


def test_json_dat_geen_object_is(nep: NepServer, maak) -> None:
    nep.storing("GET", PAND, Antwoord(200, [1, 2, 3], "application/hal+json"))
    with pytest.raises(OngeldigAntwoord, match="geen JSON-object"):
        maak(BagClient).pand("0637100000100001")


def test_foutantwoord_in_html_wordt_niet_geciteerd(nep: NepServer, maak) -> None:
    nep.storing("GET", PAND, Antwoord(502, "<html><h1>502 Bad Gateway</h1></html>", "text/html"),
                Antwoord(502, "<html/>", "text/html"), Antwoord(502, "<html/>", "text/html"))
    with pytest.raises(DienstOnbereikbaar) as info:
        maak(BagClient).pand("0637100000100001")
    assert "<" not in str(info.value) and "(502)" in str(info.value)


# -- timeouts and broken connections ----------------------------------------------------------


def test_traag_maar_op_tijd(nep: NepServer, maak) -> None:
    nep.storing("GET", PAND, Antwoord(200, nep.data.bag_pand("0637100000100001", nep.url), "application/hal+json", vertraging=0.05))
    _ok_pand(maak(BagClient, settings=HttpSettings(timeout=1.0)))


def test_time_out_na_alle_pogingen(nep: NepServer, maak, slaap) -> None:
    traag = Antwoord(200, {}, vertraging=0.4)
    nep.storing("GET", PAND, traag, traag, traag)
    start = time.monotonic()
    with pytest.raises(TijdOverschreden) as info:
        maak(BagClient).pand("0637100000100001")
    assert time.monotonic() - start < 1.5
    assert nep.aantal(PAND) == 3 and len(slaap.wachttijden) == 2
    assert "antwoordde niet binnen 0.15 seconden" in str(info.value) and "3 pogingen" in str(info.value)
    assert isinstance(info.value, DienstOnbereikbaar)


def test_time_out_daarna_succes(nep: NepServer, maak) -> None:
    nep.storing("GET", PAND, Antwoord(200, {}, vertraging=0.4))
    _ok_pand(maak(BagClient))
    assert nep.aantal(PAND) == 2


def test_verbroken_verbinding(nep: NepServer, maak) -> None:
    nep.storing("GET", PAND, Antwoord(afbreken=True), Antwoord(afbreken=True), Antwoord(afbreken=True))
    with pytest.raises(DienstOnbereikbaar, match="zonder antwoord verbroken"):
        maak(BagClient).pand("0637100000100001")
    assert nep.aantal(PAND) == 3


def test_geweigerde_verbinding(maak) -> None:
    with pytest.raises(DienstOnbereikbaar, match="niet bereikbaar"):
        maak(LocatieserverClient, base_url="http://127.0.0.1:9").find_address("Stadhuisplein 1")


def test_niet_idempotent_verzoek_wordt_bij_time_out_niet_herhaald(nep: NepServer, maak) -> None:
    from regels.dso import DownloadenClient

    aanvraag = "/publiek/omgevingsdocumenten/api/downloaden/v1/aanvraag"
    nep.storing("POST", aanvraag, Antwoord(202, {}, vertraging=0.4))
    with pytest.raises(TijdOverschreden, match="1 poging"):
        maak(DownloadenClient).download_regeling("/akn/nl/act/gm0637/2024/omgevingsplan", Path("."))
    assert nep.aantal(aanvraag) == 1


# -- paging -----------------------------------------------------------------------------------


def _pagina(nep: NepServer, items: list, next_href: str | None = None, embedded: object = None) -> Antwoord:
    data: dict = {"_links": {"self": {"href": nep.url + ZOEK}}, "page": {"size": 1, "totalElements": 3, "totalPages": 3, "number": 1}}
    if next_href is not None:
        data["_links"]["next"] = {"href": next_href}
    data["_embedded"] = embedded if embedded is not None else {"regelingen": items}
    return Antwoord(200, data, "application/hal+json")


def test_paginering_volgt_next_en_stuurt_de_zoekvraag_opnieuw(nep: NepServer, maak) -> None:
    regelingen = maak(PresenterenClient).regelingen("gm0637", page_size=1)
    assert [r.identificatie for r in regelingen] == ["/akn/nl/act/gm0637/2024/omgevingsplan", "/akn/nl/act/gm0637/2025/programmaentree"]
    zoek = [v for v in nep.verzoeken if v.path == ZOEK]
    assert [v.query.get("page") for v in zoek] == [None, ["2"]]
    assert all(v.json == {"bevoegdGezag": ["gm0637"]} for v in zoek)


def test_lege_pagina_zonder_embedded(nep: NepServer, maak) -> None:
    nep.storing("POST", ZOEK, Antwoord(200, {"_links": {"self": {"href": nep.url + ZOEK}},
                                           "page": {"size": 20, "totalElements": 0, "totalPages": 0, "number": 1}},
                                     "application/hal+json"))
    assert maak(PresenterenClient).regelingen("gm0637") == []


def test_lege_tussenpagina_wordt_overgeslagen(nep: NepServer, maak) -> None:
    regeling = nep.data.regeling("/akn/nl/act/gm0637/2024/omgevingsplan", 3, nep.url)
    nep.storing("POST", ZOEK, _pagina(nep, [], nep.url + ZOEK + "?page=2"), _pagina(nep, [regeling]))
    assert len(maak(PresenterenClient).regelingen("gm0637")) == 1


@pytest.mark.parametrize(
    "embedded",
    [{"regelingen": {"identificatie": "x"}}, {"regelingen": ["geen object"]}, ["lijst"]],
    ids=["object-in-plaats-van-lijst", "lijst-van-tekst", "embedded-is-lijst"],
)
def test_kapotte_pagina(nep: NepServer, maak, embedded: object) -> None:
    nep.storing("POST", ZOEK, _pagina(nep, [], embedded=embedded))
    with pytest.raises(OngeldigAntwoord, match="kapotte pagina"):
        maak(PresenterenClient).regelingen("gm0637")


def test_kapotte_tweede_pagina(nep: NepServer, maak) -> None:
    regeling = nep.data.regeling("/akn/nl/act/gm0637/2024/omgevingsplan", 3, nep.url)
    nep.storing("POST", ZOEK, _pagina(nep, [regeling], nep.url + ZOEK + "?page=2"),
                Antwoord(200, b'{"_embedded": {"regelingen": [', "application/hal+json"))
    with pytest.raises(OngeldigAntwoord, match="onleesbare JSON"):
        maak(PresenterenClient).regelingen("gm0637")


def test_paginering_in_een_kring(nep: NepServer, maak) -> None:
    regeling = nep.data.regeling("/akn/nl/act/gm0637/2024/omgevingsplan", 3, nep.url)
    p2 = nep.url + ZOEK + "?page=2"
    nep.storing("POST", ZOEK, _pagina(nep, [regeling], p2), _pagina(nep, [regeling], p2))
    with pytest.raises(OngeldigAntwoord, match="in een kring"):
        maak(PresenterenClient).regelingen("gm0637")
    assert nep.aantal(ZOEK) == 2


def test_volgende_pagina_op_andere_server_wordt_niet_gevolgd(nep: NepServer, maak) -> None:
    regeling = nep.data.regeling("/akn/nl/act/gm0637/2024/omgevingsplan", 3, nep.url)
    nep.storing("POST", ZOEK, _pagina(nep, [regeling], "https://elders.example/regelingen/_zoek?page=2"))
    with pytest.raises(OngeldigAntwoord, match="andere server \\(elders.example\\)"):
        maak(PresenterenClient).regelingen("gm0637")


def test_te_veel_paginas(nep: NepServer, maak, snel: HttpSettings) -> None:
    regeling = nep.data.regeling("/akn/nl/act/gm0637/2024/omgevingsplan", 3, nep.url)
    nep.storing("POST", ZOEK, *[_pagina(nep, [regeling], nep.url + ZOEK + f"?page={i + 2}") for i in range(3)])
    settings = HttpSettings(timeout=1.0, max_pages=3, retry=snel.retry, sleep=snel.sleep)
    with pytest.raises(TeVeelResultaten, match="meer dan 3 pagina's"):
        maak(PresenterenClient, settings=settings).regelingen("gm0637")


def test_relatieve_next_link(nep: NepServer, maak) -> None:
    regeling = nep.data.regeling("/akn/nl/act/gm0637/2024/omgevingsplan", 3, nep.url)
    nep.storing("POST", ZOEK, _pagina(nep, [regeling], "_zoek?page=2"), _pagina(nep, [regeling]))
    assert len(maak(PresenterenClient).regelingen("gm0637")) == 2
    assert nep.verzoeken[-1].query == {"page": ["2"]}


# -- cache ------------------------------------------------------------------------------------


def test_geometrie_komt_de_tweede_keer_uit_het_geheugen(nep: NepServer, maak) -> None:
    geo = maak(GeometrieClient)
    a = geo.geometry(GEOMETRIE_ID)
    b = geo.geometry(GEOMETRIE_ID)
    assert a == b and nep.aantal(f"/publiek/omgevingsdocumenten/api/geometrieopvragen/v1/geometrieen/{GEOMETRIE_ID}") == 1


def test_schijfcache_overleeft_een_nieuwe_client(nep: NepServer, maak, tmp_path: Path) -> None:
    pad = f"/publiek/omgevingsdocumenten/api/geometrieopvragen/v1/geometrieen/{GEOMETRIE_ID}"
    maak(GeometrieClient, cache=ResponseCache(tmp_path)).geometry(GEOMETRIE_ID)
    tweede = maak(GeometrieClient, cache=ResponseCache(tmp_path))
    tweede.geometry(GEOMETRIE_ID)
    assert nep.aantal(pad) == 1 and tweede.cache.hits == 1
    assert all(".tmp" not in p.name for p in tmp_path.iterdir())
    for p in tmp_path.iterdir():
        p.write_text("{kapot", encoding="utf-8")
    maak(GeometrieClient, cache=ResponseCache(tmp_path)).geometry(GEOMETRIE_ID)
    assert nep.aantal(pad) == 2


def test_alleen_vastgepinde_regelingen_worden_bewaard(nep: NepServer, maak) -> None:
    import datetime as dt

    dso = maak(PresenterenClient)
    pad = OZON + "/regelingen/_akn_nl_act_gm0637_2024_omgevingsplan"
    dso.regeling("/akn/nl/act/gm0637/2024/omgevingsplan")
    dso.regeling("/akn/nl/act/gm0637/2024/omgevingsplan")
    assert nep.aantal(pad) == 2
    moment = dt.datetime(2025, 6, 1, 12, 0, tzinfo=dt.timezone.utc)
    dso.regeling("/akn/nl/act/gm0637/2024/omgevingsplan", beschikbaar_op=moment)
    dso.regeling("/akn/nl/act/gm0637/2024/omgevingsplan", beschikbaar_op=moment)
    assert nep.aantal(pad) == 3
    assert nep.verzoeken[-1].query["beschikbaarOp"] == ["2025-06-01T12:00:00Z"]


def test_foutantwoorden_worden_niet_bewaard(nep: NepServer, maak) -> None:
    pad = f"/publiek/omgevingsdocumenten/api/geometrieopvragen/v1/geometrieen/{GEOMETRIE_ID}"
    nep.storing("GET", pad, problem(500, "Interne server fout."))
    geo = maak(GeometrieClient)
    with pytest.raises(DienstOnbereikbaar):
        geo.geometry(GEOMETRIE_ID)
    geo.geometry(GEOMETRIE_ID)
    assert nep.aantal(pad) == 2


# -- redirects and the key --------------------------------------------------------------------


def test_doorverwijzing_binnen_dezelfde_server(nep: NepServer, maak) -> None:
    nep.storing("GET", BAG + "/panden/0637100000100009", Antwoord(301, None, headers={"Location": PAND}))
    assert maak(BagClient).pand("0637100000100009").identificatie == "0637100000100001"
    assert nep.verzoeken[-1].headers["x-api-key"] == BAG_SLEUTEL


def test_doorverwijzing_naar_andere_server_krijgt_geen_sleutel(nep: NepServer, maak) -> None:
    andere = NepServer().start()
    try:
        nep.storing("GET", PAND, Antwoord(307, None, headers={"Location": andere.url + PAND}))
        with pytest.raises(SleutelGeweigerd):  # the other server wants a key it must not get
            maak(BagClient).pand("0637100000100001")
        assert andere.verzoeken and "x-api-key" not in andere.verzoeken[0].headers
    finally:
        andere.stop()


def test_te_veel_doorverwijzingen(nep: NepServer, maak) -> None:
    nep.storing("GET", PAND, *[Antwoord(302, None, headers={"Location": PAND}) for _ in range(6)])
    with pytest.raises(OngeldigAntwoord, match="te vaak door"):
        maak(BagClient).pand("0637100000100001")


# -- headers ----------------------------------------------------------------------------------


def test_crs_headers_per_dienst(nep: NepServer, maak) -> None:
    punt = RdPunt(x=93611.42, y=452871.65)
    maak(PresenterenClient).rules_at_location(punt)
    maak(BagClient).panden_at_point(punt)
    maak(GeometrieClient).geometry(GEOMETRIE_ID)
    maak(LocatieserverClient).find_address("2711 EC 1")
    per_pad = {v.path: v for v in nep.verzoeken}
    ozon = per_pad[ZOEK]
    assert ozon.headers["content-crs"] == "http://www.opengis.net/def/crs/EPSG/0/28992"
    assert ozon.json["geometrie"] == {"type": "Point", "coordinates": [93611.42, 452871.65]}
    bag = per_pad[BAG + "/panden"]
    assert bag.headers["accept-crs"] == "epsg:28992" and bag.headers["content-crs"] == "epsg:28992"
    geo = per_pad[f"/publiek/omgevingsdocumenten/api/geometrieopvragen/v1/geometrieen/{GEOMETRIE_ID}"]
    assert geo.query["crs"] == ["http://www.opengis.net/def/crs/EPSG/0/28992"]
    ls = per_pad[FREE]
    assert "x-api-key" not in ls.headers and "content-crs" not in ls.headers
    assert all(v.headers["user-agent"].startswith("regels") for v in nep.verzoeken)


# -- the client object ------------------------------------------------------------------------


def test_meegegeven_httpx_client_wordt_niet_gesloten(nep: NepServer) -> None:
    with httpx.Client() as eigen:
        bag = BagClient(base_url=nep.url + BAG, api_key=BAG_SLEUTEL, client=eigen)
        bag.close()
        assert not eigen.is_closed
        assert bag.pand("0637100000100001").bouwjaar == 1986


def test_eigen_httpx_client_wordt_gesloten(nep: NepServer) -> None:
    with BagClient(base_url=nep.url + BAG, api_key=BAG_SLEUTEL) as bag:
        bag.pand("0637100000100001")
        eigen = bag._client
    assert eigen.is_closed


def test_mock_transport_kan_ook(nep: NepServer) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"response": {"numFound": 0, "start": 0, "docs": []}})

    with httpx.Client(transport=httpx.MockTransport(handler)) as c:
        from regels.dso import AdresNietGevonden

        with pytest.raises(AdresNietGevonden, match="Geen adres gevonden voor 'Nergensstraat 1'"):
            LocatieserverClient(client=c).find_address("Nergensstraat 1")


def test_basis_url_per_omgeving_en_override(monkeypatch: pytest.MonkeyPatch) -> None:
    assert PresenterenClient(environment="pre").base_url.startswith("https://service.pre.omgevingswet.overheid.nl/publiek/")
    assert PresenterenClient(environment="prod").base_url.startswith("https://service.omgevingswet.overheid.nl/publiek/")
    assert BagClient(environment="pre").base_url == "https://api.bag.acceptatie.kadaster.nl/lvbag/individuelebevragingen/v2"
    monkeypatch.setenv("REGELS_OMGEVING", "pre")
    assert PresenterenClient().environment.value == "pre"
    monkeypatch.setenv("REGELS_DSO_URL", "http://proxy.local/publiek/")
    assert GeometrieClient().base_url == "http://proxy.local/publiek/omgevingsdocumenten/api/geometrieopvragen/v1"
    with pytest.raises(ValueError, match="onbekende omgeving"):
        PresenterenClient(environment="test")


def test_elke_fout_is_een_dienstfout() -> None:
    import regels.dso.fouten as f

    for name in f.__all__:
        cls = getattr(f, name)
        assert issubclass(cls, DienstFout) and cls.__doc__, name


# -- Retry-After parsing ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [("3", 3.0), (" 1.5 ", 1.5), ("0", 0.0), ("-4", 0.0), ("", None), ("morgen", None), (None, None), ("nan", None)],
)
def test_parse_retry_after_seconden(waarde: str | None, verwacht: float | None) -> None:
    assert parse_retry_after(waarde) == verwacht


def test_parse_retry_after_datum() -> None:
    nu = 1_800_000_000.0
    assert parse_retry_after(email.utils.formatdate(nu + 30, usegmt=True), now=nu) == pytest.approx(30.0)
    assert parse_retry_after(email.utils.formatdate(nu - 30, usegmt=True), now=nu) == 0.0
    assert parse_retry_after("Sun, 28 Nov 2017 16:41:41 GMT", now=nu) == 0.0


def test_backoff_met_plafond_en_jitter() -> None:
    p = RetryPolicy(backoff=1.0, factor=2.0, max_backoff=3.0, jitter=0.0)
    assert [p.delay(n) for n in (1, 2, 3, 4)] == [1.0, 2.0, 3.0, 3.0]
    met = RetryPolicy(backoff=1.0, jitter=0.5)
    assert all(1.0 <= met.delay(1) <= 1.5 for _ in range(20))


@pytest.mark.parametrize("basis", ["niet-een-url", "ftp://127.0.0.1/x", "http://[::1"])
def test_onbruikbare_basis_url(basis: str, snel: HttpSettings) -> None:
    with pytest.raises(DienstOnbereikbaar, match="onbruikbaar|niet bereikbaar"):
        LocatieserverClient(base_url=basis, settings=snel).find_address("2711EC 1")


def test_ongeldige_doorverwijzing_en_next_link(nep: NepServer, maak) -> None:
    nep.storing("GET", PAND, Antwoord(302, None, headers={"Location": "http://[::1"}))
    with pytest.raises(OngeldigAntwoord, match="ongeldig adres"):
        maak(BagClient).pand("0637100000100001")
    regeling = nep.data.regeling("/akn/nl/act/gm0637/2024/omgevingsplan", 3, nep.url)
    nep.storing("POST", ZOEK, _pagina(nep, [regeling], "http://[::1/x"))
    with pytest.raises(OngeldigAntwoord, match="andere server"):
        maak(PresenterenClient).regelingen("gm0637")

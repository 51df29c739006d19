"""The HTTP API against a real server on 127.0.0.1: every endpoint, good and bad input, problem+json, limits."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from webhulp import Server, voorbeeld

import regels
from regels.web import create_app

PROBLEEM = "application/problem+json"
MEERZICHT = {"type": "Point", "coordinates": [92025, 452515], "crs": "EPSG:28992"}


def probleem(r: httpx.Response, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith(PROBLEEM)
    p = r.json()
    assert p["status"] == status and p["title"]
    for tekst in (r.text,):
        assert "Traceback" not in tekst and 'File "' not in tekst
    return p


def paden(p: dict[str, Any]) -> dict[str, str]:
    return {f["pad"]: f["bericht"] for f in p["fouten"]}


# --- POST /api/v1/toets ------------------------------------------------------------------------------


def test_toets_geeft_dezelfde_uitkomst_als_de_engine(http: httpx.Client, plan: regels.Plan) -> None:
    v = voorbeeld("afwijking-knarrenhof-meerzicht.json")
    r = http.post("/api/v1/toets", json=v)
    assert r.status_code == 200, r.text
    u = r.json()
    verwacht = regels.evaluate(plan, regels.lees_voorstel(v))
    assert u == json.loads(verwacht.model_dump_json())
    assert u["oordeel"] == "past niet"
    assert u["afwijking"]["verdict"] == "afwijken mogelijk"
    assert u["bon"]["plan_hash"] == plan.inhoudshash and u["bon"]["engine_versie"] == regels.__version__
    regel = next(x for a in u["activiteiten"] for x in a["regels"] if x["citaat"] == "artikel 3.3 lid 1")
    assert regel["status"] == "voldoet niet" and "bouwlagen 4 > 2" in " ".join(t["toelichting"] for t in regel["eisen"])


def test_toets_peildatum_in_de_query_gaat_voor(http: httpx.Client) -> None:
    v = voorbeeld("past-dakopbouw-rokkeveen.json")
    r = http.post("/api/v1/toets", params={"peildatum": "2025-01-01"}, json=v)
    assert r.status_code == 200
    assert r.json()["bon"]["peildatum"] == "2025-01-01"
    assert r.json()["oordeel"] == "past"


def test_toets_met_alleen_een_adres_zoekt_het_op(http: httpx.Client) -> None:
    v = voorbeeld("past-dakopbouw-rokkeveen.json")
    v["locatie"] = {"adres": "Meerzichtlaan 1, Zoetermeer"}
    r = http.post("/api/v1/toets", json=v)
    assert r.status_code == 200, r.text
    assert "Meerzicht" in r.json()["locatie"]["gebieden"]
    assert r.json()["locatie"]["adres"].startswith("Meerzichtlaan 1")


@pytest.mark.parametrize("body, pad, woord", [
    (b"{niet json", "(hele document)", "geen geldige JSON"),
    (b"[1, 2]", "(hele document)", "JSON-object"),
    (b"", "(hele document)", "body ontbreekt"),
])
def test_toets_onleesbare_body(http: httpx.Client, body: bytes, pad: str, woord: str) -> None:
    p = probleem(http.post("/api/v1/toets", content=body, headers={"content-type": "application/json"}), 422)
    assert pad in paden(p) and woord in paden(p)[pad]


def test_toets_ontbrekende_en_foute_velden_met_pad(http: httpx.Client) -> None:
    v = voorbeeld("past-dakopbouw-rokkeveen.json")
    del v["omschrijving"]
    v["peildatum"] = "1 september"
    v["feiten"]["bouwhoogte"] = [9.2]
    v["onbekend"] = 1
    f = paden(probleem(http.post("/api/v1/toets", json=v), 422))
    assert f["omschrijving"] == "dit veld ontbreekt"
    assert "JJJJ-MM-DD" in f["peildatum"]
    assert "eenheid" in f["feiten.bouwhoogte"]
    assert f["onbekend"] == "onbekend veld"


def test_toets_verkeerde_eenheid_onbekende_activiteit_buiten_het_plan(http: httpx.Client) -> None:
    f = paden(probleem(http.post("/api/v1/toets", json=voorbeeld("verkeerde-eenheid.json")), 422))
    assert "lengte" in f["feiten.bouwhoogte.eenheid"] and "m2" in f["feiten.bouwhoogte.eenheid"]
    f = paden(probleem(http.post("/api/v1/toets", json=voorbeeld("onbekende-activiteit.json")), 422))
    assert "onbekende activiteit" in f["activiteiten[0]"]
    p = probleem(http.post("/api/v1/toets", json=voorbeeld("buiten-gemeente-den-haag.json")), 422)
    assert "buiten het regelingsgebied" in paden(p)["locatie"]
    v = voorbeeld("past-dakopbouw-rokkeveen.json")
    v["peildatum"] = "1990-01-01"
    assert "vóór de eerste versie" in paden(probleem(http.post("/api/v1/toets", json=v), 422))["peildatum"]


def test_toets_adres_niet_eenduidig_en_locatieserver_onbereikbaar(http: httpx.Client) -> None:
    v = voorbeeld("past-dakopbouw-rokkeveen.json")
    v["locatie"] = {"adres": "2715 AA 2"}
    p = probleem(http.post("/api/v1/toets", json=v), 422)
    assert len(p["kandidaten"]) == 2 and "locatie.adres" in paden(p)
    v["locatie"] = {"adres": "offline"}
    p = probleem(http.post("/api/v1/toets", json=v), 503)
    assert "niet bereikbaar" in p["title"] and "coördinaten" in p["detail"]


def test_toets_verkeerde_methode_en_mediatype(http: httpx.Client) -> None:
    p = probleem(http.get("/api/v1/toets"), 405)
    assert p["title"] == "Methode niet toegestaan"
    p = probleem(http.get("/api/v1/bestaat-niet"), 404)
    assert p["title"] == "Niet gevonden"


# --- limits and the absence of stack traces ----------------------------------------------------------


def test_body_te_groot_met_content_length(http: httpx.Client) -> None:
    v = voorbeeld("past-dakopbouw-rokkeveen.json")
    v["omschrijving"] = "x" * 300_000
    p = probleem(http.post("/api/v1/toets", json=v), 413)
    assert "groter dan 200 kB" in p["detail"]


def test_body_te_groot_zonder_content_length(http: httpx.Client) -> None:
    def stukken() -> Iterator[bytes]:
        yield b'{"omschrijving": "'
        for _ in range(50):
            yield b"y" * 10_000
        yield b'"}'
    r = http.post("/api/v1/toets", content=stukken(), headers={"content-type": "application/json"})
    assert "content-length" not in {k.lower() for k in r.request.headers}
    probleem(r, 413)


def test_body_te_groot_op_een_formulier_is_een_html_pagina(http: httpx.Client) -> None:
    r = http.post("/rapport", content=b"omschrijving=" + b"z" * 300_000, headers={"content-type": "application/x-www-form-urlencoded"})
    assert r.status_code == 413 and r.headers["content-type"].startswith("text/html")
    assert "Verzoek te groot" in r.text


@pytest.fixture(scope="module")
def kapotte_server(plan: regels.Plan) -> Iterator[Server]:
    """A second app whose extra routes raise an unexpected error (a bug), to prove nothing leaks."""
    app = create_app(plan)

    @app.get("/api/v1/kapot")
    def kapot() -> None:
        raise RuntimeError("geheime interne details /etc/wachtwoord")

    @app.get("/kapot")
    def kapot_html() -> None:
        raise KeyError("geheime interne details")

    s = Server(app).start()
    yield s
    s.stop()


def test_geen_stacktrace_bij_een_onverwachte_fout(kapotte_server: Server) -> None:
    with httpx.Client(base_url=kapotte_server.url) as c:
        r = c.get("/api/v1/kapot")
        p = probleem(r, 500)
        assert "geheim" not in r.text and "RuntimeError" not in r.text
        assert p["title"] == "Interne fout" and "gelogd" in p["detail"]
        r = c.get("/kapot")
        assert r.status_code == 500 and r.headers["content-type"].startswith("text/html")
        assert "geheim" not in r.text and "KeyError" not in r.text and "Traceback" not in r.text


def test_beveiligingskoppen(http: httpx.Client) -> None:
    for pad in ("/", "/api/v1/plan", "/static/app.js", "/api/v1/bestaat-niet"):
        r = http.get(pad)
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"


# --- what applies at a location ---------------------------------------------------------------------------


def test_locatie_get_rd(http: httpx.Client) -> None:
    r = http.get("/api/v1/locatie", params={"x": 92025, "y": 452515, "peildatum": "2026-09-01"})
    assert r.status_code == 200, r.text
    o = r.json()
    assert {"Meerzicht", "woongebied", "wijken van de toekomst"} <= {g["naam"] for g in o["gebieden"]}
    namen = [a["naam"] for a in o["activiteiten"]]
    assert "bouwen van een knarrenhof" in namen and "bouwen van een hoofdgebouw" in namen
    knarrenhof = next(a for a in o["activiteiten"] if a["naam"] == "bouwen van een knarrenhof")
    assert any(r["citaat"] == "artikel 3.3 lid 1" and r["afwijkbaar"] for r in knarrenhof["regels"])
    norm = next(n for n in o["normen"] if n["naam"] == "maximum bouwhoogte")
    assert [w["tekst"] for w in norm["waarden"]] == ["10 m"]  # only the value that holds here
    assert o["plan_versie"] == "2026-1"


def test_locatie_get_wgs84_en_een_activiteit(http: httpx.Client) -> None:
    r = http.get("/api/v1/locatie", params={"x": 4.48416, "y": 52.03670, "crs": "EPSG:4326",
                                            "activiteit": "bouwen van een dakopbouw", "peildatum": "2026-09-01"})
    assert r.status_code == 200, r.text
    o = r.json()
    assert [a["naam"] for a in o["activiteiten"]] == ["bouwen van een dakopbouw"]
    assert any(x["citaat"].startswith("artikel 2.6") for x in o["activiteiten"][0]["regels"])


def test_locatie_post_vlak_en_adres(http: httpx.Client) -> None:
    vlak = voorbeeld("afwijking-knarrenhof-meerzicht.json")["locatie"]
    r = http.post("/api/v1/locatie", json={"locatie": vlak, "peildatum": "2026-09-01"})
    assert r.status_code == 200 and r.json()["rd_wkt"].startswith("POLYGON")
    r = http.post("/api/v1/locatie", json={"locatie": {"adres": "2715 AA 1"}})
    assert r.status_code == 200 and r.json()["adres"].startswith("Meerzichtlaan 1")


def test_locatie_foute_invoer(http: httpx.Client) -> None:
    assert paden(probleem(http.get("/api/v1/locatie", params={"x": "abc", "y": 1}), 422))["query:x"] == "verwacht een getal"
    assert "y" in str(paden(probleem(http.get("/api/v1/locatie", params={"x": 1}), 422)))
    probleem(http.get("/api/v1/locatie", params={"x": 80000, "y": 455000}), 422)  # Den Haag: outside the plan
    p = probleem(http.get("/api/v1/locatie", params={"x": 92025, "y": 452515, "activiteit": "zwemmen"}), 422)
    assert "onbekende activiteit" in paden(p)["activiteit"]
    p = probleem(http.get("/api/v1/locatie", params={"x": 92025, "y": 452515, "crs": "EPSG:3857"}), 422)
    assert "coördinatenstelsel" in p["detail"]
    f = paden(probleem(http.post("/api/v1/locatie", json={"locatie": {"type": "Point"}}), 422))
    assert "locatie" in f


# --- the questions ---------------------------------------------------------------------------------------------


def test_vragen_zijn_de_begrippen_van_de_regels_hier(http: httpx.Client, plan: regels.Plan) -> None:
    r = http.post("/api/v1/vragen", json={"locatie": MEERZICHT, "peildatum": "2026-09-01",
                                          "activiteiten": ["bouwen van een knarrenhof"]})
    assert r.status_code == 200, r.text
    vragen = {v["naam"]: v for v in r.json()["vragen"]}
    assert {"bouwlagen", "bouwhoogte", "aantal woningen", "gemeenschappelijke tuin", "functie"} <= set(vragen)
    assert all(n in plan.begrippen for n in vragen)  # never a norm
    assert vragen["bouwhoogte"]["soort"] == "eenheid" and vragen["bouwhoogte"]["eenheid"] == "m"
    assert vragen["bouwhoogte"]["eenheden"][0] == "m" and "cm" in vragen["bouwhoogte"]["eenheden"]
    assert vragen["functie"]["keuzes"] and vragen["functie"]["definitie"]
    assert "artikel 3.3 lid 1" in vragen["bouwlagen"]["nodig_voor"]
    # the engine, given no facts, never misses a fact that was not asked
    v = voorbeeld("afwijking-knarrenhof-meerzicht.json")
    v["feiten"] = {}
    u = regels.evaluate(plan, regels.lees_voorstel(v))
    assert {o.naam for o in u.ontbrekende_feiten} <= set(vragen)
    # and nothing is asked that no rule here uses: the milieucategorie belongs to business use
    assert "milieucategorie" not in vragen


def test_vragen_die_door_de_antwoorden_niet_meer_nodig_zijn(http: httpx.Client) -> None:
    verzoek = {"locatie": MEERZICHT, "peildatum": "2026-09-01", "activiteiten": ["bouwen van een hoofdgebouw"]}
    alle = {v["naam"]: v for v in http.post("/api/v1/vragen", json=verzoek).json()["vragen"]}
    assert all(v["relevant"] for v in alle.values())
    r = http.post("/api/v1/vragen", json={**verzoek, "feiten": {"functie": "kantoor", "aantal woningen": 0}})
    na = {v["naam"]: v for v in r.json()["vragen"]}
    assert na["functie"]["beantwoord"] and na["functie"]["relevant"]
    niet_meer = {n for n, v in na.items() if not v["relevant"]}
    assert "parkeerplaatsen" in niet_meer  # only rules with 'als functie = "wonen"' use it
    assert "bouwhoogte" not in niet_meer


def test_vragen_foute_invoer(http: httpx.Client) -> None:
    f = paden(probleem(http.post("/api/v1/vragen", json={"locatie": MEERZICHT, "activiteiten": []}), 422))
    assert "activiteiten" in f
    f = paden(probleem(http.post("/api/v1/vragen", json={"locatie": MEERZICHT, "activiteiten": ["zwemmen"]}), 422))
    assert "activiteiten[0]" in f
    f = paden(probleem(http.post("/api/v1/vragen", json={"locatie": MEERZICHT, "activiteiten": ["bouwen van een hoofdgebouw"],
                                                         "feiten": {"bouwhoogte": {"waarde": 9, "eenheid": "m2"}}}), 422))
    assert "feiten.bouwhoogte.eenheid" in f


# --- the plan ------------------------------------------------------------------------------------------------------


def test_plan_activiteiten_begrippen(http: httpx.Client, plan: regels.Plan) -> None:
    p = http.get("/api/v1/plan").json()
    assert p["plan_hash"] == plan.inhoudshash and p["werk"] == plan.werk and p["versies"]
    acts = http.get("/api/v1/activiteiten").json()
    assert {a["naam"] for a in acts} == set(plan.activiteiten)
    b = {x["naam"]: x for x in http.get("/api/v1/begrippen").json()}
    assert set(b) == set(plan.begrippen) and b["bouwhoogte"]["citaat"].startswith("artikel 1")


def test_artikelen_en_normen(http: httpx.Client, plan: regels.Plan) -> None:
    lijst = http.get("/api/v1/artikelen").json()
    assert len(lijst) == len(plan.artikelen)
    a = http.get("/api/v1/artikelen/3.3").json()
    assert a["titel"] == "Knarrenhofjes"
    lid = a["leden"][0]
    assert "knarrenhof" in lid["tekst"] and lid["regels"][0]["eisen"] and lid["regels"][0]["afwijkbaar"]
    assert "99.9" in probleem(http.get("/api/v1/artikelen/99.9"), 404)["detail"]
    normen = http.get("/api/v1/normen").json()
    assert {n["naam"] for n in normen} == set(plan.normen)
    n = http.get("/api/v1/normen/maximum bouwhoogte").json()
    assert n["eenheid"] == "m" and len(n["waarden"]) >= 2
    assert "geen norm" in probleem(http.get("/api/v1/normen/bestaat niet"), 404)["detail"]


def test_adres(http: httpx.Client) -> None:
    a = http.get("/api/v1/adres", params={"q": "2715 AA 1"}).json()
    assert a["x"] == 92025.0 and a["weergavenaam"].startswith("Meerzichtlaan")
    assert "query:q" in paden(probleem(http.get("/api/v1/adres"), 422))
    assert "niet gevonden" in probleem(http.get("/api/v1/adres", params={"q": "nergens 99"}), 422)["title"].lower()
    probleem(http.get("/api/v1/adres", params={"q": "offline"}), 503)


# --- the OpenAPI description ----------------------------------------------------------------------------------------


def test_openapi_uit_dezelfde_modellen(http: httpx.Client) -> None:
    o = http.get("/api/v1/openapi.json").json()
    paths = o["paths"]
    for pad in ("/api/v1/toets", "/api/v1/locatie", "/api/v1/vragen", "/api/v1/plan", "/api/v1/activiteiten",
                "/api/v1/begrippen", "/api/v1/artikelen", "/api/v1/artikelen/{nummer}", "/api/v1/normen",
                "/api/v1/normen/{naam}", "/api/v1/adres"):
        assert pad in paths, pad
    assert not any(p.startswith("/rapport") or p == "/" for p in paths)  # the pages are not API
    body = paths["/api/v1/toets"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body["$ref"].endswith("/Voorstel")
    ok = paths["/api/v1/toets"]["post"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok["$ref"].endswith("/Uitkomst")
    fout = paths["/api/v1/toets"]["post"]["responses"]["422"]["content"]
    assert fout[PROBLEEM]["schema"]["$ref"].endswith("/Probleem")
    schemas = o["components"]["schemas"]
    assert set(schemas["Uitkomst"]["properties"]) == set(regels.Uitkomst.model_fields)
    assert set(schemas["Voorstel"]["properties"]) == set(regels.Voorstel.model_fields)
    assert "afwijking" in schemas["Uitkomst"]["properties"]

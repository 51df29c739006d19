"""The pages without a browser: the form → the proposal, messages at the field, labels, escaping, downloads."""

from __future__ import annotations

import json
import re
import socket
from html.parser import HTMLParser
from typing import Any

import httpx
import pytest
from kwaadaardig import LIDTEKST, PUNT, WIJK, kwaadaardig_plan
from webhulp import FORM, Server, formulier, voorbeeld

import regels
from regels.web import create_app
from regels.web.formulier import Formulier, formulier_uit_voorstel, lees_formulier
from regels.web.kern import lees_nl_getal, splits_hoeveelheid

MEERZICHT = [("x", "92025"), ("y", "452515"), ("crs", "EPSG:28992")]


# --- numbers and units as typed -----------------------------------------------------------------------


@pytest.mark.parametrize("tekst, getal", [("12,5", 12.5), ("12.5", 12.5), ("1.234,5", 1234.5), ("93 038", 93038.0),
                                          ("0,06", 0.06), ("-3", -3.0), (",5", 0.5), ("450204", 450204.0)])
def test_nederlandse_getallen(tekst: str, getal: float) -> None:
    assert lees_nl_getal(tekst) == getal


@pytest.mark.parametrize("tekst", ["", "abc", "12,5,3", "1.2.3", "12 m", "1e5"])
def test_geen_getal(tekst: str) -> None:
    with pytest.raises(ValueError):
        lees_nl_getal(tekst)


@pytest.mark.parametrize("tekst, uit", [("12,5 m", (12.5, "m")), ("350cm", (350.0, "cm")), ("0,5 ha", (0.5, "ha")),
                                        ("7", (7.0, None)), ("12,5 m2", (12.5, "m2"))])
def test_getal_met_eenheid(tekst: str, uit: tuple[float, str | None]) -> None:
    assert splits_hoeveelheid(tekst) == uit


def test_formulier_wordt_het_json_van_een_voorstel(plan: regels.Plan) -> None:
    f = Formulier([*MEERZICHT, ("peildatum", "2026-09-01"), ("omschrijving", "Woning"), ("activiteit", "bouwen van een hoofdgebouw"),
                   ("feit.bouwhoogte", "12,5"), ("eenheid.bouwhoogte", "m"), ("feit.perceeloppervlak", "0,05 ha"),
                   ("eenheid.perceeloppervlak", "m2"), ("feit.bouwlagen", "3"), ("feit.plat dak", "nee"),
                   ("feit.functie", "wonen"), ("feit.goothoogte", ""), ("feit.aantal woningen", "")])
    o = lees_formulier(plan, f)
    assert o.fouten == {} and o.algemeen == []
    assert o.voorstel["feiten"] == {"bouwhoogte": {"waarde": 12.5, "eenheid": "m"},
                                    "perceeloppervlak": {"waarde": 0.05, "eenheid": "ha"},
                                    "bouwlagen": 3, "plat dak": False, "functie": "wonen"}
    assert o.voorstel["locatie"] == {"type": "Point", "coordinates": [92025.0, 452515.0], "crs": "EPSG:28992"}
    assert "onderbouwing" not in o.voorstel
    v = regels.lees_voorstel(o.voorstel)
    assert regels.evaluate(plan, v).oordeel in ("past", "onvolledig", "past niet")


def test_formulier_fouten_horen_bij_hun_veld(plan: regels.Plan) -> None:
    f = Formulier([*MEERZICHT, ("omschrijving", "x"), ("activiteit", "bouwen van een hoofdgebouw"),
                   ("feit.bouwhoogte", "twaalf"), ("feit.bouwlagen", "3 m"), ("feit.plat dak", "misschien"),
                   ("ob.we.0.segment", "middenhuur"), ("ob.groen_erbij_m2", "veel")])
    o = lees_formulier(plan, f)
    assert "geen getal" in o.fouten["feit-bouwhoogte"][0]
    assert "zonder eenheid" in o.fouten["feit-bouwlagen"][0]
    assert o.fouten["feit-plat-dak"] == ["kies ja of nee"]
    assert "vul het aantal in" in o.fouten["ob-we-0-aantal"][0]
    assert "geen getal" in o.fouten["ob-groen-erbij"][0]


def test_onderbouwing_uit_het_formulier_is_die_van_het_voorbeeld(plan: regels.Plan) -> None:
    v = voorbeeld("afwijking-knarrenhof-meerzicht.json")
    o = lees_formulier(plan, Formulier([*MEERZICHT, *formulier_uit_voorstel(v)]))
    assert o.fouten == {}
    ob = dict(v["onderbouwing"])
    assert o.voorstel["onderbouwing"] == ob
    assert o.voorstel["feiten"] == v["feiten"]


# --- the pages ------------------------------------------------------------------------------------------------


class Velden(HTMLParser):
    """Collects form fields, labels and fieldsets of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.velden: list[dict[str, Any]] = []
        self.labels: set[str] = set()
        self.in_label = 0
        self.scripts: list[dict[str, Any]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "label":
            self.in_label += 1
            if a.get("for"):
                self.labels.add(a["for"] or "")
        if tag in ("input", "select", "textarea") and a.get("type") != "hidden":
            self.velden.append({**a, "_in_label": self.in_label > 0})
        if tag == "script":
            self.scripts.append(a)

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.in_label -= 1


def ontleed(html: str) -> Velden:
    p = Velden()
    p.feed(html)
    return p


def zonder_label(html: str) -> list[str]:
    p = ontleed(html)
    return [v.get("id") or v.get("name") or "?" for v in p.velden if not v["_in_label"] and v.get("id") not in p.labels]


def test_elke_pagina_heeft_labels_en_geen_inline_script(http: httpx.Client) -> None:
    vragen_url = "/vragen?" + formulier([*MEERZICHT, ("peildatum", "2026-09-01"), ("activiteit", "bouwen van een knarrenhof")])
    for url in ("/", "/activiteiten?x=92025&y=452515&peildatum=2026-09-01", vragen_url):
        r = http.get(url)
        assert r.status_code == 200, url
        assert '<html lang="nl">' in r.text
        assert zonder_label(r.text) == [], url
        assert all(s.get("src") == "/static/app.js" for s in ontleed(r.text).scripts)  # no inline script
        assert "cdn" not in r.text.lower() and "https://" not in r.text


def test_adres_zoeken_stuurt_door_naar_de_activiteiten(http: httpx.Client) -> None:
    r = http.get("/", params={"zoek": "Meerzichtlaan 1, Zoetermeer", "peildatum": "2026-09-01"})
    assert r.status_code == 303
    assert r.headers["location"].startswith("/activiteiten?x=92025.00&y=452515.00")
    r = http.get(r.headers["location"])
    assert "Meerzichtlaan 1, 2715AA Zoetermeer" in r.text and "bouwen van een knarrenhof" in r.text


def test_adres_niet_eenduidig_onbereikbaar_niet_gevonden(http: httpx.Client) -> None:
    r = http.get("/", params={"zoek": "2715 AA 2"})
    assert r.status_code == 422 and "Meerzichtlaan 2B" in r.text and "Bedoelt u" in r.text
    r = http.get("/", params={"zoek": "offline"})
    assert r.status_code == 422 and "niet bereikbaar" in r.text and "Typ de coördinaten" in r.text
    r = http.get("/", params={"zoek": "Nergensweg 1"})
    assert r.status_code == 422 and "Geen adres gevonden" in r.text


@pytest.mark.parametrize("params, woord", [
    ({"x": "abc", "y": "1"}, "schrijf de coördinaten als getallen"),
    ({"x": "80000", "y": "455000"}, "buiten het regelingsgebied"),
    ({"x": "4,49", "y": "52,06"}, "buiten Nederland"),
    ({"x": "", "y": ""}, "vul beide coördinaten in"),
    ({"x": "92025", "y": "452515", "peildatum": "1990-01-01"}, "vóór de eerste versie"),
    ({"gebied": "Atlantis"}, "onbekend gebied"),
])
def test_foute_locatie_terug_naar_stap_1(http: httpx.Client, params: dict[str, str], woord: str) -> None:
    r = http.get("/activiteiten", params=params)
    assert r.status_code == 422 and woord in r.text
    assert 'id="locatie-fout"' in r.text


def test_wgs84_met_komma_en_gebied(http: httpx.Client) -> None:
    r = http.get("/activiteiten", params={"x": "4,48416", "y": "52,0367", "crs": "EPSG:4326", "peildatum": "2026-09-01"})
    assert r.status_code == 200 and "woongebied" in r.text
    r = http.get("/activiteiten", params={"gebied": "Seghwaert", "peildatum": "2026-09-01"})
    assert r.status_code == 200 and "gebied Seghwaert" in r.text


def test_vragen_zonder_activiteit_gaat_terug(http: httpx.Client) -> None:
    r = http.get("/vragen?" + formulier([*MEERZICHT, ("peildatum", "2026-09-01")]))
    assert r.status_code == 303 and "fout=" in r.headers["location"]
    r = http.get(r.headers["location"])
    assert "Kies ten minste één activiteit." in r.text


def test_onderbouwing_alleen_als_er_een_afwijkbare_regel_geldt(http: httpx.Client) -> None:
    basis = [*MEERZICHT, ("peildatum", "2026-09-01")]
    assert "Onderbouwing voor de afwijkingsregel" in http.get("/vragen?" + formulier([*basis, ("activiteit", "bouwen van een knarrenhof")])).text
    assert "Onderbouwing voor de afwijkingsregel" not in http.get("/vragen?" + formulier([*basis, ("activiteit", "aanleggen van een uitrit")])).text


def test_rapport_en_downloads(http: httpx.Client, plan: regels.Plan) -> None:
    v = voorbeeld("afwijking-knarrenhof-meerzicht.json")
    r = http.post("/rapport", content=formulier([*MEERZICHT, *formulier_uit_voorstel(v)]), headers=FORM)
    assert r.status_code == 200
    for tekst in ("PAST NIET", "AFWIJKEN MOGELIJK", plan.inhoudshash, plan.werk, "2026-09-01", regels.__version__,
                  "artikel 3.3 lid 1", "Juridische tekst van artikel 3.3 lid 1", "Mechanismen in Meerzicht"):
        assert tekst in r.text, tekst
    voorstel = re.search(r'name="voorstel" value="([^"]*)"', r.text)
    assert voorstel
    import html
    tekst = html.unescape(voorstel.group(1))
    d = http.post("/download", content=formulier([("voorstel", tekst), ("soort", "uitkomst")]), headers=FORM)
    assert d.status_code == 200 and d.headers["content-disposition"].startswith('attachment; filename="uitkomst-')
    u = d.json()
    direct = regels.evaluate(plan, regels.lees_voorstel(tekst))
    assert u == json.loads(direct.model_dump_json())
    d = http.post("/download", content=formulier([("voorstel", tekst), ("soort", "voorstel")]), headers=FORM)
    assert regels.lees_voorstel(d.content).feiten == regels.lees_voorstel(v).feiten
    d = http.post("/download", content=formulier([("voorstel", "{kapot"), ("soort", "uitkomst")]), headers=FORM)
    assert d.status_code == 422 and "geen geldige JSON" in d.text


def test_rapport_met_een_fout_geeft_het_formulier_terug(http: httpx.Client) -> None:
    velden = [*MEERZICHT, ("peildatum", "2026-09-01"), ("activiteit", "bouwen van een hoofdgebouw"), ("omschrijving", ""),
              ("feit.bouwhoogte", "12"), ("eenheid.bouwhoogte", "m2"), ("feit.functie", "villa")]
    r = http.post("/rapport", content=formulier(velden), headers=FORM)
    assert r.status_code == 422
    assert 'id="foutoverzicht"' in r.text
    assert re.search(r'id="feit-bouwhoogte-fout" role="status">[^<]*lengte', r.text)
    assert re.search(r'id="feit-functie-fout" role="status">[^<]*keuze', r.text)
    assert re.search(r'id="omschrijving-fout">[^<]*teken', r.text)


def test_relevante_vragen_voor_het_script(http: httpx.Client) -> None:
    basis = [*MEERZICHT, ("peildatum", "2026-09-01"), ("activiteit", "bouwen van een hoofdgebouw"), ("omschrijving", "x")]
    r = http.post("/vragen/relevant", content=formulier([*basis, ("feit.functie", "kantoor"), ("feit.bouwhoogte", "")]), headers=FORM)
    d = r.json()
    assert "feit-parkeerplaatsen" in d["verborgen"] and "feit-bouwhoogte" in d["relevant"]
    r = http.post("/vragen/relevant", content=formulier([*basis, ("feit.bouwhoogte", "hoog")]), headers=FORM)
    assert "geen getal" in r.json()["fouten"]["feit-bouwhoogte"][0]


# --- untrusted text, without a browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def kwaad() -> Any:
    s = Server(create_app(kwaadaardig_plan())).start()
    with httpx.Client(base_url=s.url) as c:
        yield c
    s.stop()


def test_regeltekst_wordt_ge_escaped(kwaad: httpx.Client) -> None:
    pagina = [kwaad.get("/").text,
              kwaad.get("/activiteiten", params={"gebied": WIJK}).text,
              kwaad.get("/vragen", params={"x": PUNT[0], "y": PUNT[1], "activiteit": "bouwen <img src=x onerror=window.__xss=2>"}).text]
    r = kwaad.post("/rapport", content=formulier([("x", str(PUNT[0])), ("y", str(PUNT[1])), ("omschrijving", "<i>x</i>"),
                                                  ("activiteit", "bouwen <img src=x onerror=window.__xss=2>"),
                                                  ("feit.bouwhoogte", "12"), ("eenheid.bouwhoogte", "m")]), headers=FORM)
    assert r.status_code == 200
    pagina.append(r.text)
    for html in pagina:
        assert "<script>window" not in html and "<img src" not in html and "<svg onload" not in html and "<b " not in html
        assert "<i>x</i>" not in html
    assert "&lt;script&gt;window.__xss=8&lt;/script&gt;" in r.text  # the lid text, as text
    assert LIDTEKST


def test_echte_locatieserver_onbereikbaar(plan: regels.Plan, monkeypatch: pytest.MonkeyPatch) -> None:
    """The default address lookup (the real PDOK client) against a closed port: a clear Dutch message, no wait."""
    from regels.dso import DienstOnbereikbaar
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dicht = s.getsockname()[1]  # closed again when this block ends
    monkeypatch.setenv("REGELS_LOCATIESERVER_URL", f"http://127.0.0.1:{dicht}")
    app = create_app(plan)
    with pytest.raises(DienstOnbereikbaar):
        app.state.zoek_adres("2711 EC 1")
    server = Server(app).start()
    try:
        r = httpx.get(server.url + "/", params={"zoek": "2711 EC 1"}, timeout=30)
        assert r.status_code == 422 and "niet bereikbaar" in r.text
        r = httpx.get(server.url + "/api/v1/adres", params={"q": "2711 EC 1"}, timeout=30)
        assert r.status_code == 503 and r.headers["content-type"].startswith("application/problem+json")
    finally:
        server.stop()


def test_veld_ids_zijn_uniek_per_begrip() -> None:
    from regels.web.formulier import feit_id
    namen = ["bouw hoogte", "bouw-hoogte", "Bouw hoogte", "bouw  hoogte", "bouw_hoogte", "bouwhoogte"]
    ids = [feit_id(n) for n in namen]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"feit-[a-z0-9_-]+", i) for i in ids)

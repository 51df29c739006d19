"""An officer at the web page, in a real headless Chromium (Debian's chromium, driven by Playwright).

Each test goes from the location to the report the way a person would: typing, clicking the map,
using the keyboard. The deviation case writes a screenshot of its report to ``out/web/``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from kwaadaardig import ACTIVITEIT, KEUZE, LIDTEKST, PUNT, WIJK, kwaadaardig_plan
from webhulp import UIT, Server, voorbeeld

import regels
from regels.web import create_app
from regels.web.formulier import feit_id

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")


def rustig(page: Any) -> None:
    """Wait until app.js has shown its answer to the latest change (which questions are still needed)."""
    page.wait_for_function("!document.getElementById('vragen-form') || document.getElementById('vragen-form').dataset.bezig !== '1'")


def vul_feiten_in(page: Any, feiten: dict[str, Any], plan: regels.Plan) -> tuple[set[str], set[str]]:
    """Answer the questions as an officer types them: Dutch decimal commas, ja/nee radios, keuze lists.

    Returns the facts the form did not ask (no rule here needs them), and those it hid while answering
    (the answers so far make every rule that uses them inapplicable or set aside)."""
    niet_gevraagd, verborgen = set(), set()
    for naam, w in feiten.items():
        veld = "#" + feit_id(naam)
        rustig(page)
        if page.locator(veld).count() == 0:
            niet_gevraagd.add(naam)
            continue
        if not page.is_visible("#vraag-" + feit_id(naam)):
            verborgen.add(naam)
            continue
        if isinstance(w, bool):
            page.check(veld if w else veld + "-nee")
        elif isinstance(w, dict):
            page.fill(veld, str(w["waarde"]).replace(".", ","))
            page.select_option("#" + feit_id(naam).replace("feit-", "eenheid-"), w["eenheid"])
        elif isinstance(w, (int, float)):
            page.fill(veld, str(w).replace(".", ","))
            page.dispatch_event(veld, "change")
        else:
            page.select_option(veld, w)
    rustig(page)
    return niet_gevraagd, verborgen


def tab_tot(page: Any, tekst: str, max_stappen: int = 80) -> None:
    """Press Tab until the focused element's text is ``tekst``."""
    for _ in range(max_stappen):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.textContent.trim()") == tekst:
            return
    raise AssertionError(f"met Tab niet bij {tekst!r} gekomen")


def test_dakopbouw_met_het_toetsenbord_van_locatie_tot_uitkomst(page: Any, plan: regels.Plan) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Naar de inhoud"
    # RD coordinates with a Dutch decimal comma, typed, and the peildatum
    page.focus("#x")
    page.keyboard.type("93038,0")
    page.keyboard.press("Tab")
    page.keyboard.type("450204")
    page.fill("#peildatum", "2026-09-01")
    page.focus("#y")
    page.keyboard.press("Enter")
    page.wait_for_url("**/activiteiten?**")
    assert "woongebied" in page.inner_text("#gebieden")
    # the activity with the keyboard: focus, space, then Tab to the button and Enter
    page.focus("input[value='bouwen van een dakopbouw']")
    page.keyboard.press("Space")
    assert page.is_checked("input[value='bouwen van een dakopbouw']")
    tab_tot(page, "Verder naar de vragen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/vragen?**")
    # only the questions the rules here need, the same as the API's
    gevraagd = set(page.eval_on_selector_all(".vraag[data-veld]", "els => els.map(e => e.dataset.veld)"))
    api = httpx.post(page.url.split("/vragen")[0] + "/api/v1/vragen", json={
        "locatie": {"type": "Point", "coordinates": [93038, 450204]}, "peildatum": "2026-09-01",
        "activiteiten": ["bouwen van een dakopbouw"]}).json()
    assert gevraagd == {feit_id(v["naam"]) for v in api["vragen"]}
    assert "feit-milieucategorie" not in gevraagd
    # every visible form field has a label
    zonder = page.evaluate("""() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
        .filter(e => !(e.labels && e.labels.length)).map(e => e.id || e.name)""")
    assert zonder == []
    v = voorbeeld("past-dakopbouw-rokkeveen.json")
    feiten = dict(v["feiten"])
    del feiten["terugligging"]
    niet_gevraagd, _ = vul_feiten_in(page, feiten, plan)
    assert niet_gevraagd == {n for n in feiten if feit_id(n) not in gevraagd}
    page.fill("#feit-terugligging", "150 cm")  # a unit typed in the field is converted
    page.fill("#omschrijving", v["omschrijving"])
    page.click("text=Toets het initiatief")
    page.wait_for_url("**/rapport")
    assert "PAST" == page.inner_text("#oordeel .oordeel-tekst").strip()
    assert "Conclusie: Vergunningplicht" in page.inner_text("main")
    assert "terugligging 1,5 m >= 1 m" in page.inner_text("main")
    assert page.js_fouten == []


def test_knarrenhof_met_afwijking_van_adres_tot_rapport(page: Any, plan: regels.Plan) -> None:
    v = voorbeeld("afwijking-knarrenhof-meerzicht.json")
    page.goto("/")
    page.fill("#zoek", "Meerzichtlaan 1, Zoetermeer")
    page.press("#zoek", "Enter")
    page.wait_for_url("**/activiteiten?**")
    assert "Meerzicht" in page.inner_text("#gebieden")
    assert "Meerzichtlaan 1" in page.inner_text("main")
    page.fill("#peildatum-wijzig", "2026-09-01")
    page.click("text=Toon wat dan geldt")
    page.wait_for_url("**peildatum=2026-09-01**")
    page.get_by_label("bouwen van een knarrenhof", exact=True).check()
    page.click("text=Verder naar de vragen")
    page.wait_for_url("**/vragen?**")
    assert page.is_visible("#kop-ob")  # a rule here may be departed from: the onderbouwing is asked

    niet_gevraagd, verborgen = vul_feiten_in(page, v["feiten"], plan)
    assert niet_gevraagd == set()  # every fact of the example is asked
    assert verborgen == {"goothoogte", "aantal sociale huurwoningen", "aantal dure woningen"}  # only for set-aside rules
    page.fill("#omschrijving", v["omschrijving"])
    ob = v["onderbouwing"]
    for i, rij in enumerate(ob["woningen_erbij"]):
        page.select_option(f"#ob-we-{i}-segment", rij["segment"])
        page.select_option(f"#ob-we-{i}-woonvorm", rij["woonvorm"])
        page.fill(f"#ob-we-{i}-aantal", str(rij["aantal"]))
    page.fill("#ob-groen-erbij", str(ob["groen_erbij_m2"]))
    page.fill("#ob-groen-eraf", str(ob["groen_eraf_m2"]))
    for mr in ob["maatregelen"]:
        page.get_by_label(mr, exact=True).check()
    page.fill("#ob-hl-0", ob["hoofdlijnen"][0]["toelichting"])
    page.click("text=Toets het initiatief")
    page.wait_for_url("**/rapport")

    hoofd = page.inner_text("main")
    assert page.inner_text("#oordeel .oordeel-tekst").strip() == "PAST NIET"
    assert page.inner_text("#afwijking .verdict").strip() == "AFWIJKEN MOGELIJK"
    assert "artikel 3.3 lid 1" in hoofd and "bouwlagen 4 > 2" in hoofd
    assert "bouwhoogte 17 m > maximum bouwhoogte toekomstwijken 16 m" in hoofd
    assert "1. concurrerende woonaantrekkelijkheid" in page.inner_text("#afwijking")
    assert "Mits" in page.inner_text("#afwijking") and "aandeel koopwoningen initiatief" in page.inner_text("#afwijking")
    bon = page.inner_text("#bon")
    assert plan.inhoudshash in bon and plan.werk in bon and "2026-09-01" in bon and regels.__version__ in bon
    # the legal text on demand
    juridisch = page.locator("details.juridisch", has_text="Juridische tekst van artikel 3.3 lid 1").first
    assert not juridisch.locator("blockquote").is_visible()
    juridisch.locator("summary").click()
    assert "knarrenhof" in juridisch.locator("blockquote").inner_text()
    # the evidence per mechanism
    page.locator("details.bewijs summary").first.click()
    assert "CBS" in page.locator("details.bewijs").first.inner_text()

    UIT.mkdir(parents=True, exist_ok=True)
    schot = UIT / "rapport-afwijking-knarrenhof.png"
    page.screenshot(path=str(schot), full_page=True)
    assert schot.stat().st_size > 20_000

    # print-friendly: the buttons go, the receipt stays
    page.emulate_media(media="print")
    assert not page.is_visible("#afdrukken") and page.is_visible("#bon")
    page.pdf(path=str(UIT / "rapport-afwijking-knarrenhof.pdf"))
    page.emulate_media(media="screen")

    # the JSON for the dossier: the engine's own result for the same proposal
    with page.expect_download() as d:
        page.click("#download-uitkomst")
    u = json.loads(Path(d.value.path()).read_text(encoding="utf-8"))
    assert d.value.suggested_filename.startswith("uitkomst-") and d.value.suggested_filename.endswith(".json")
    direct = regels.evaluate(plan, regels.lees_voorstel(v))
    assert u["oordeel"] == direct.oordeel and u["afwijking"]["verdict"] == direct.afwijking.verdict
    assert [(r["citaat"], r["status"]) for a in u["activiteiten"] for r in a["regels"]] == \
        [(r.citaat, r.status) for a in direct.activiteiten for r in a.regels]
    assert u["bon"]["plan_hash"] == plan.inhoudshash
    with page.expect_download() as d:
        page.click("#download-voorstel")
    voorstel = json.loads(Path(d.value.path()).read_text(encoding="utf-8"))
    assert voorstel["feiten"]["waterbergend vermogen"] == {"waarde": 0.06, "eenheid": "m"}  # typed as 0,06
    assert voorstel["onderbouwing"]["woningen_erbij"] == ob["woningen_erbij"]
    assert set(voorstel["feiten"]) == set(v["feiten"]) - verborgen
    assert u == json.loads(regels.evaluate(plan, regels.lees_voorstel(voorstel)).model_dump_json())
    # and back to the answers, kept
    page.click("#aanpassen")
    page.wait_for_url("**/vragen")
    assert page.input_value("#feit-waterbergend-vermogen") == "0,06"
    assert page.js_fouten == []


def test_klik_op_de_kaart_kiest_de_locatie(page: Any, app: Any, plan: regels.Plan) -> None:
    page.goto("/")
    p = plan.locaties["Meerzicht"].representative_point()
    sx, sy = app.state.kaart.naar_svg(p.x, p.y)
    doos = page.locator("#kaart").bounding_box()
    schaal = doos["width"] / 1000.0
    page.mouse.click(doos["x"] + sx * schaal, doos["y"] + sy * schaal)
    assert "Gekozen punt (RD)" in page.inner_text("#kaart-keuze")
    x = float(page.input_value("#x").replace(",", "."))
    y = float(page.input_value("#y").replace(",", "."))
    assert abs(x - p.x) < 20 and abs(y - p.y) < 20  # within a pixel or two of the map
    assert page.is_visible("#kaart .markering")
    page.fill("#peildatum", "2026-09-01")
    page.click("text=Verder naar de activiteiten")
    page.wait_for_url("**/activiteiten?**")
    assert "Meerzicht" in page.inner_text("#gebieden")


def test_vragen_verdwijnen_als_de_antwoorden_ze_overbodig_maken(page: Any) -> None:
    page.goto("/vragen?x=92025&y=452515&crs=EPSG:28992&peildatum=2026-09-01&activiteit=bouwen+van+een+hoofdgebouw")
    assert page.is_visible("#vraag-feit-parkeerplaatsen")
    page.select_option("#feit-functie", "kantoor")
    page.wait_for_selector("#vraag-feit-parkeerplaatsen", state="hidden")
    assert "niet nodig en" in page.inner_text("#verborgen-melding")
    assert page.is_visible("#vraag-feit-bouwhoogte")
    # a number the server cannot read is flagged next to its field while typing
    page.fill("#feit-bouwhoogte", "twaalf")
    page.press("#feit-bouwhoogte", "Tab")
    page.wait_for_selector("#feit-bouwhoogte-fout:not([hidden])")
    assert "geen getal" in page.inner_text("#feit-bouwhoogte-fout")
    assert page.get_attribute("#feit-bouwhoogte", "aria-invalid") == "true"


def test_verkeerde_eenheid_komt_terug_bij_het_veld(page: Any) -> None:
    page.goto("/vragen?x=92025&y=452515&crs=EPSG:28992&peildatum=2026-09-01&activiteit=bouwen+van+een+hoofdgebouw")
    page.fill("#feit-bouwhoogte", "12,5 m2")
    page.click("text=Toets het initiatief")
    page.wait_for_selector("#foutoverzicht")
    assert page.evaluate("document.activeElement.id") == "foutoverzicht"
    assert "oppervlakte" in page.inner_text("#feit-bouwhoogte-fout") and "lengte" in page.inner_text("#feit-bouwhoogte-fout")
    assert page.input_value("#feit-bouwhoogte") == "12,5 m2"  # the answer is kept


def test_adreszoeker_onbereikbaar_en_niet_eenduidig(page: Any) -> None:
    page.goto("/")
    page.fill("#zoek", "offline")
    page.press("#zoek", "Enter")
    page.wait_for_selector("#adres-fout")
    assert "niet bereikbaar" in page.inner_text("#adres-fout") and "coördinaten" in page.inner_text("#adres-fout")
    page.fill("#zoek", "2715 AA 2")
    page.press("#zoek", "Enter")
    page.wait_for_selector("#adres-fout a")
    page.click("text=Meerzichtlaan 2A, 2715AA Zoetermeer")
    page.wait_for_selector("#adres-fout")  # the fake knows no 2A: a clear 'niet gevonden'
    assert "Geen adres gevonden" in page.inner_text("#adres-fout")


# --- untrusted text ------------------------------------------------------------------------------------------

AANVAL = '<script>window.__xss="omschrijving"</script><img src=x onerror="window.__xss=\'img\'">'


def test_opmaak_in_het_voorstel_is_tekst(page: Any) -> None:
    page.goto("/vragen?x=92025&y=452515&crs=EPSG:28992&peildatum=2026-09-01&activiteit=bouwen+van+een+dakopbouw")
    page.fill("#omschrijving", AANVAL)
    page.click("text=Toets het initiatief")
    page.wait_for_url("**/rapport")
    page.wait_for_timeout(200)
    assert page.inner_text("#omschrijving") == AANVAL
    assert page.evaluate("window.__xss") is None
    assert page.locator("main img").count() == 0 and page.locator("main script").count() == 0
    page.click("#aanpassen")
    page.wait_for_url("**/vragen")
    assert page.input_value("#omschrijving") == AANVAL
    assert page.evaluate("window.__xss") is None


@pytest.fixture(scope="module")
def kwaad_server() -> Iterator[Server]:
    s = Server(create_app(kwaadaardig_plan())).start()
    yield s
    s.stop()


def test_opmaak_in_de_regeltekst_is_tekst(browser: Any, kwaad_server: Server) -> None:
    context = browser.new_context(base_url=kwaad_server.url, bypass_csp=True)  # escaping must hold on its own
    page = context.new_page()
    dialogen: list[str] = []
    page.on("dialog", lambda d: (dialogen.append(d.message), d.dismiss()))

    def schoon() -> None:
        page.wait_for_timeout(100)
        assert page.evaluate("window.__xss") is None
        assert page.locator("main img, main script, main b, main svg:not(.kaart)").count() == 0

    page.goto("/")
    assert "Plan <script>window.__xss=1</script>" in page.inner_text(".plannaam")
    assert "<b>x</b>" in page.inner_text("footer")
    schoon()
    page.select_option("#gebied", WIJK)
    page.click("text=Kies dit gebied")
    page.wait_for_url("**/activiteiten?**")
    assert WIJK in page.inner_text("#gebieden")
    page.get_by_label(ACTIVITEIT, exact=True).check()
    schoon()
    page.click("text=Verder naar de vragen")
    page.wait_for_url("**/vragen?**")
    page.locator("details.definitie summary").first.click()
    assert "<img src=y onerror=window.__xss=5>" in page.inner_text("main")
    page.select_option("#feit-functie", KEUZE)
    page.fill("#feit-bouwhoogte", "12")
    schoon()
    page.click("text=Toets het initiatief")
    page.wait_for_url("**/rapport")
    page.locator("details.juridisch summary").first.click()
    assert LIDTEKST in page.inner_text("details.juridisch blockquote")
    assert f'functie "{KEUZE}" = "{KEUZE}"' in page.inner_text("main")
    assert "Bouwen </title><script>window.__xss=7</script>" in page.inner_text("main")
    schoon()
    assert dialogen == []
    context.close()
    # the API gives the same text back as data, unchanged
    r = httpx.get(kwaad_server.url + "/api/v1/artikelen/2.1")
    assert r.json()["leden"][0]["tekst"] == LIDTEKST
    assert PUNT

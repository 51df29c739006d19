"""The officer's pages, rendered on the server (Jinja2, autoescaped), in four steps:

1. ``/`` — the location: an address (PDOK Locatieserver), RD or WGS84 coordinates, an area, or a click on the map;
2. ``/activiteiten`` — what applies there, and the choice of activities;
3. ``/vragen`` — only the questions the applicable rules need (with units, Dutch commas accepted), and the
   onderbouwing for the deviation clause when a rule there may be departed from;
4. ``/rapport`` — the result, printable for the dossier with its receipt, and the JSON to download.

Every page works without JavaScript; ``static/app.js`` adds the map click and hides questions that the
answers so far make unnecessary.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import parse_qsl, urlencode

from fastapi import APIRouter, Request
from markupsafe import Markup
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from regels import __version__
from regels.dso import AdresNietEenduidig
from regels.errors import DienstFout, LocatieFout, PeildatumFout, RegelsError, VoorstelFout
from regels.evaluate import evaluate, kies_peildatum
from regels.model.voorstel import Locatie, lees_voorstel
from regels.plan import Plan
from regels.units import formatteer_getal
from regels.web import kern
from regels.web.app import json_bijlage
from regels.web.formulier import (
    HOOFDLIJNEN, MAATREGELEN, RIJEN, SECTOREN, SEGMENTEN, WOONVORMEN, Formulier, Omzetting, eenheid_id, feit_id,
    lees_formulier,
)
from regels.web.modellen import Probleem

router = APIRouter(include_in_schema=False)

_VELDEN_LOCATIE = ("x", "y", "crs", "peildatum", "adres")


def _plan(request: Request) -> Plan:
    return request.app.state.plan  # type: ignore[no-any-return]


def _render(request: Request, sjabloon: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    plan = _plan(request)
    env = request.app.state.templates
    html = env.get_template(sjabloon).render(plan_titel=plan.titel, plan_werk=plan.werk, plan_hash=plan.inhoudshash,
                                             vandaag=dt.date.today().isoformat(), **ctx)
    return HTMLResponse(html, status_code=status)


def foutpagina(request: Request, p: Probleem) -> str:
    env = request.app.state.templates
    plan = _plan(request)
    return env.get_template("fout.html").render(probleem=p, plan_titel=plan.titel, plan_werk=plan.werk,
                                                plan_hash=plan.inhoudshash, vandaag=dt.date.today().isoformat())


async def _formulier(request: Request) -> Formulier:
    soort = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if soort not in ("application/x-www-form-urlencoded", ""):
        raise LocatieFout("dit formulier verwacht application/x-www-form-urlencoded")
    body = await request.body()
    try:
        tekst = body.decode("utf-8")
    except UnicodeDecodeError:
        tekst = body.decode("latin-1")
    return Formulier(parse_qsl(tekst, keep_blank_values=True))


def _query(request: Request) -> Formulier:
    return Formulier(list(request.query_params.multi_items()))


# --- step 1: the location -------------------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
async def start(request: Request) -> Response:
    q = _query(request)
    zoek = q.waarde("zoek").strip()
    fout: str | None = None
    kandidaten: list[str] = []
    if zoek:
        try:
            adres = await run_in_threadpool(request.app.state.zoek_adres, zoek)
        except AdresNietEenduidig as e:
            fout, kandidaten = str(e), list(e.kandidaten)
        except DienstFout as e:
            fout = _dienstfout(e)
        else:
            params = {"x": f"{adres.punt.x:.2f}", "y": f"{adres.punt.y:.2f}", "crs": "EPSG:28992",
                      "adres": adres.weergavenaam, "peildatum": q.waarde("peildatum") or dt.date.today().isoformat()}
            return RedirectResponse("/activiteiten?" + urlencode(params), status_code=303)
    return _start(request, q, fout=fout, kandidaten=kandidaten, status=200 if fout is None else 422)


def _dienstfout(e: DienstFout) -> str:
    from regels.dso import AdresNietGevonden, DienstOnbereikbaar
    if isinstance(e, AdresNietGevonden):
        return f"{e} Controleer het adres, of geef de locatie als coördinaten of met een klik op de kaart."
    if isinstance(e, DienstOnbereikbaar):
        return ("De adreszoeker (PDOK Locatieserver) is nu niet bereikbaar. Typ de coördinaten (RD of WGS84), "
                "kies een gebied of klik op de kaart.")
    return f"De adreszoeker (PDOK Locatieserver) gaf een fout: {e} Typ de coördinaten of klik op de kaart."


def _start(request: Request, q: Formulier, *, fout: str | None = None, kandidaten: list[str] | None = None,
           status: int = 200, veldfout: str | None = None) -> HTMLResponse:
    plan = _plan(request)
    gebieden = sorted(n for n, s in plan.locatiesoort.items() if s == "gebied")
    return _render(request, "start.html", status=status, q=q, fout=fout, veldfout=veldfout, kandidaten=kandidaten or [],
                   gebieden=gebieden, legenda=Markup(request.app.state.kaart.legenda_html()), kaart=Markup(request.app.state.kaart.svg(titel="Kaart van de werkingsgebieden van het plan")))


def _locatie(request: Request, q: Formulier) -> tuple[Locatie, Any, frozenset[str], dt.date, str]:
    """The location and peildatum of the query (point or area name); errors as LocatieFout/PeildatumFout."""
    plan = _plan(request)
    peil = q.waarde("peildatum").strip()
    try:
        datum = dt.date.fromisoformat(peil) if peil else dt.date.today()
    except ValueError:
        raise PeildatumFout(f"{peil!r} is geen datum; schrijf JJJJ-MM-DD") from None
    versie = kies_peildatum(plan, datum)
    gebied = q.waarde("gebied").strip()
    if gebied and not q.waarde("x"):
        if gebied not in plan.locaties:
            raise LocatieFout(f"onbekend gebied {gebied!r}")
        p = plan.locaties[gebied].representative_point()
        locatie = Locatie(type="Point", coordinates=[round(p.x, 2), round(p.y, 2)], crs="EPSG:28992")
    else:
        crs = q.waarde("crs", "EPSG:28992") or "EPSG:28992"
        if not q.waarde("x").strip() or not q.waarde("y").strip():
            raise LocatieFout("vul beide coördinaten in (X en Y), zoek een adres, kies een gebied of klik op de kaart")
        kern.punt_uit_invoer(q.waarde("x"), q.waarde("y"), crs)
        locatie = Locatie(type="Point", coordinates=[kern.lees_nl_getal(q.waarde("x")), kern.lees_nl_getal(q.waarde("y"))], crs=crs)
    geom = kern.geometrie_van(locatie)
    geraakt = kern.in_plan(plan, geom)
    return locatie, geom, geraakt, datum, versie


def _locatie_velden(locatie: Locatie, datum: dt.date, adres: str) -> dict[str, str]:
    x, y = locatie.coordinates or [0, 0]
    return {"x": formatteer_getal(float(x)), "y": formatteer_getal(float(y)), "crs": locatie.crs,
            "peildatum": datum.isoformat(), "adres": adres}


# --- step 2: what applies, and the activities ------------------------------------------------------------


@router.get("/activiteiten", response_class=HTMLResponse)
async def activiteiten(request: Request) -> Response:
    q = _query(request)
    try:
        locatie, geom, geraakt, datum, versie = _locatie(request, q)
    except (LocatieFout, PeildatumFout) as e:
        return _start(request, q, veldfout=str(e), status=422)
    plan = _plan(request)
    adres = q.waarde("adres") or (f"gebied {q.waarde('gebied')}" if q.waarde("gebied") and not q.waarde("x") else "")
    overzicht = kern.wat_geldt(plan, geom, datum, adres=adres or None)
    return _render(request, "activiteiten.html", overzicht=overzicht, versie=versie,
                   velden=_locatie_velden(locatie, datum, adres), gekozen=set(q.alle("activiteit")),
                   fout=q.waarde("fout"), legenda=Markup(request.app.state.kaart.legenda_html()), kaart=Markup(request.app.state.kaart.svg(geom, titel="Kaart met de gekozen locatie")))


# --- step 3: the questions --------------------------------------------------------------------------------


@router.get("/vragen", response_class=HTMLResponse)
async def vragen_get(request: Request) -> Response:
    return await _vragen(request, _query(request))


@router.post("/vragen", response_class=HTMLResponse)
async def vragen_post(request: Request) -> Response:
    return await _vragen(request, await _formulier(request))


async def _vragen(request: Request, f: Formulier, omzetting: Omzetting | None = None, status: int = 200) -> Response:
    plan = _plan(request)
    try:
        locatie, geom, geraakt, datum, _ = _locatie(request, f)
    except (LocatieFout, PeildatumFout) as e:
        return _start(request, f, veldfout=str(e), status=422)
    gekozen = [a for a in f.alle("activiteit") if a]
    terug = "/activiteiten?" + urlencode({k: f.waarde(k) for k in _VELDEN_LOCATIE if f.waarde(k)})
    if not gekozen:
        return RedirectResponse(terug + "&" + urlencode({"fout": "Kies ten minste één activiteit."}), status_code=303)
    try:
        lijst = kern.vragen(plan, locatie, datum, gekozen)
    except VoorstelFout as e:
        return RedirectResponse(terug + "&" + urlencode({"fout": "; ".join(x.bericht for x in e.fouten)}), status_code=303)
    adres = f.waarde("adres")
    omschrijving = f.waarde("omschrijving") if "omschrijving" in f else (
        f"{', '.join(gekozen)[:1].upper()}{', '.join(gekozen)[1:]}" + (f" op {adres}" if adres else ""))
    return _render(request, "vragen.html", status=status, vragen=lijst, f=f, omschrijving=omschrijving,
                   velden=_locatie_velden(locatie, datum, adres), activiteiten=gekozen, terug=terug + "&" + urlencode(
                       [("activiteit", a) for a in gekozen]),
                   afwijkbaar=kern.afwijkbaar_hier(plan, geraakt, datum, gekozen), fouten=(omzetting.fouten if omzetting else {}),
                   algemeen=(omzetting.algemeen if omzetting else []), feit_id=feit_id, eenheid_id=eenheid_id,
                   segmenten=SEGMENTEN, woonvormen=WOONVORMEN, sectoren=SECTOREN, maatregelen=MAATREGELEN,
                   hoofdlijnen=HOOFDLIJNEN, rijen=RIJEN, gebieden=sorted(geraakt))


@router.post("/vragen/relevant")
async def relevant(request: Request) -> Response:
    """For app.js: which questions the answers so far still need, and the problems per field (JSON)."""
    plan = _plan(request)
    f = await _formulier(request)
    o = lees_formulier(plan, f)
    if o.algemeen or "locatie" not in o.voorstel:
        return JSONResponse({"relevant": None, "fouten": o.fouten})
    v = o.voorstel
    feiten = {k: w for k, w in v["feiten"].items() if feit_id(k) not in o.fouten}
    try:
        locatie = Locatie.model_validate(v["locatie"])
        datum = dt.date.fromisoformat(v["peildatum"]) if v.get("peildatum") else dt.date.today()
        lijst = await run_in_threadpool(kern.vragen, plan, locatie, datum, v["activiteiten"], feiten)
    except VoorstelFout as e:
        for m in e.fouten:
            o.fout(o.veld_van_pad(m.pad), m.bericht)
        return JSONResponse({"relevant": None, "fouten": o.fouten})
    except (RegelsError, ValueError):
        return JSONResponse({"relevant": None, "fouten": o.fouten})
    return JSONResponse({"relevant": [feit_id(x.naam) for x in lijst if x.relevant],
                         "verborgen": [feit_id(x.naam) for x in lijst if not x.relevant], "fouten": o.fouten})


# --- step 4: the report -------------------------------------------------------------------------------------


@router.post("/rapport", response_class=HTMLResponse)
async def rapport(request: Request) -> Response:
    plan = _plan(request)
    f = await _formulier(request)
    o = lees_formulier(plan, f)
    if o.fouten or o.algemeen:
        return await _vragen(request, f, o, status=422)
    try:
        voorstel = lees_voorstel(o.voorstel)
        datum = voorstel.peildatum or dt.date.today()
        uitkomst = await run_in_threadpool(evaluate, plan, voorstel, datum)
    except VoorstelFout as e:
        for m in e.fouten:
            o.fout(o.veld_van_pad(m.pad), m.bericht)
        if not any((m.pad or "").startswith("feiten") for m in e.fouten):
            _feitfouten(plan, o)  # all problems at once: the facts too, not only after the rest is fixed
        return await _vragen(request, f, o, status=422)
    except (LocatieFout, PeildatumFout) as e:
        o.fout(None, str(e))
        return await _vragen(request, f, o, status=422)
    geom = kern.geometrie_van(voorstel.locatie)
    feiten = [(naam, _feit_tekst(w), uitkomst.feiten_herkomst.get(naam, "")) for naam, w in voorstel.feiten.items()]
    voorstel_json = voorstel.model_dump_json(indent=2, exclude_none=True)
    return _render(request, "rapport.html", u=uitkomst, voorstel=voorstel, feiten=feiten, voorstel_json=voorstel_json,
                   paren=[(k, w) for k, w in f.paren if k not in ("zoek",)],
                   kaart=Markup(request.app.state.kaart.svg(geom, id_="kaart-rapport", titel="Kaart met de locatie van het initiatief")),
                   tijdstip=dt.datetime.now().strftime("%Y-%m-%d %H:%M"), engine=__version__)


def _feitfouten(plan: Plan, o: Omzetting) -> None:
    """The engine's messages about the facts alone (with a stand-in for the other fields)."""
    from regels.evaluate.feiten import lees_feiten
    try:
        v = lees_voorstel({**o.voorstel, "omschrijving": "-", "peildatum": None})
        lees_feiten(plan, v)
    except VoorstelFout as e:
        for m in e.fouten:
            if (m.pad or "").startswith("feiten"):
                o.fout(o.veld_van_pad(m.pad), m.bericht)


def _feit_tekst(w: Any) -> str:
    if isinstance(w, bool):
        return "ja" if w else "nee"
    if isinstance(w, (int, float)):
        return formatteer_getal(float(w))
    if hasattr(w, "waarde"):
        return f"{formatteer_getal(w.waarde)} {w.eenheid}"
    return str(w)


@router.post("/download")
async def download(request: Request) -> Response:
    """The proposal or the result of the report as a JSON file (the result is computed again: same plan, same answer)."""
    plan = _plan(request)
    f = await _formulier(request)
    voorstel = lees_voorstel(f.waarde("voorstel"), bron="voorstel")
    soort = f.waarde("soort", "uitkomst")
    stam = re.sub(r"[^a-z0-9]+", "-", voorstel.omschrijving.lower())[:40].strip("-") or "toets"
    if soort == "voorstel":
        return json_bijlage(voorstel.model_dump_json(indent=2, exclude_none=True), f"voorstel-{stam}.json")
    datum = voorstel.peildatum or dt.date.today()
    uitkomst = await run_in_threadpool(evaluate, plan, voorstel, datum)
    return json_bijlage(uitkomst.model_dump_json(indent=2), f"uitkomst-{stam}.json")

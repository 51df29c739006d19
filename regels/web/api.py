"""The JSON API (``/api/v1``): check a proposal, what applies at a location, the questions, the plan's text.

Every endpoint reuses the engine: ``evaluate`` for a check, the plan's own lookups for the rest.
Request and answer bodies are the pydantic models of ``regels.model`` and ``regels.web.modellen``,
so the OpenAPI description is generated from the same models the engine uses.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from regels.aanvullen import met_adres
from regels.evaluate import evaluate
from regels.model.uitkomst import Uitkomst
from regels.model.voorstel import Locatie, Voorstel
from regels.plan import Plan
from regels.web import kern
from regels.web import modellen as m
from regels.web.fouten import PROBLEM_JSON, WebFout

_PJ = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Probleem"}}}

FOUTEN: dict[int | str, dict[str, Any]] = {
    422: {"model": m.Probleem, "description": "ongeldige invoer; `fouten` noemt elk JSON-pad",
          "content": _PJ},
    413: {"model": m.Probleem, "description": "de body is te groot", "content": _PJ},
}
NIET_GEVONDEN: dict[int | str, dict[str, Any]] = {404: {"model": m.Probleem, "content": _PJ}}
DIENST: dict[int | str, dict[str, Any]] = {
    503: {"model": m.Probleem, "description": "de Locatieserver is niet bereikbaar", "content": _PJ},
    502: {"model": m.Probleem, "description": "de Locatieserver gaf een fout", "content": _PJ},
}

router = APIRouter(prefix="/api/v1", tags=["vergunningcheck"])


def _plan(request: Request) -> Plan:
    return request.app.state.plan  # type: ignore[no-any-return]


def _json(model: Any) -> Response:
    """Answer with the model's own JSON (no second validation round: the engine built it)."""
    return Response(model.model_dump_json(), media_type="application/json")


def _geocodeer(request: Request, locatie: Locatie) -> tuple[Locatie, str | None]:
    """An address-only location looked up in the Locatieserver (as ``regels check`` does)."""
    if locatie.coordinates is not None:
        return locatie, locatie.adres
    adres = request.app.state.zoek_adres(locatie.adres or "")
    v = met_adres(Voorstel(omschrijving="-", locatie=locatie, activiteiten=["-"]), adres)
    return v.locatie, v.locatie.adres


async def _geocodeer_async(request: Request, locatie: Locatie) -> tuple[Locatie, str | None]:
    if locatie.coordinates is not None:
        return locatie, locatie.adres
    return await run_in_threadpool(_geocodeer, request, locatie)  # network I/O: off the event loop


@router.post("/toets", response_model=Uitkomst, responses={**FOUTEN, **DIENST},
             summary="Toets een initiatief aan het plan")
async def toets(request: Request, voorstel: Voorstel,
                peildatum: Annotated[dt.date | None, Query(description="overschrijft de peildatum van het voorstel")] = None
                ) -> Response:
    """Het initiatief (hetzelfde JSON als `regels check` leest) → de uitkomst met bon.

    Een locatie met alleen een adres wordt eerst opgezocht in de PDOK Locatieserver.
    """
    plan = _plan(request)
    if voorstel.locatie.coordinates is None:  # network I/O: off the event loop
        locatie, _ = await _geocodeer_async(request, voorstel.locatie)
        voorstel = voorstel.model_copy(update={"locatie": locatie})
    datum = peildatum or voorstel.peildatum or dt.date.today()
    # the check itself is pure and takes milliseconds: run it on the event loop, which under many concurrent
    # checks is faster than handing each to a thread that then waits for the GIL
    return _json(evaluate(plan, voorstel, datum))


async def _overzicht(request: Request, verzoek: m.LocatieVerzoek) -> Response:
    plan = _plan(request)
    locatie, adres = await _geocodeer_async(request, verzoek.locatie)
    geom = kern.geometrie_van(locatie)
    return _json(kern.wat_geldt(plan, geom, verzoek.peildatum or dt.date.today(), verzoek.activiteit, adres))


@router.post("/locatie", response_model=m.LocatieOverzicht, responses={**FOUTEN, **DIENST},
             summary="Wat geldt op een locatie (punt, vlak of adres)")
async def locatie_post(request: Request, verzoek: m.LocatieVerzoek) -> Response:
    """De gebieden, per activiteit de regels die er op de peildatum gelden, en de normwaarden daar."""
    return await _overzicht(request, verzoek)


@router.get("/locatie", response_model=m.LocatieOverzicht, responses=FOUTEN, summary="Wat geldt op een punt")
async def locatie_get(request: Request,
                x: Annotated[float, Query(description="RD x, of lengtegraad bij crs=EPSG:4326")],
                y: Annotated[float, Query(description="RD y, of breedtegraad bij crs=EPSG:4326")],
                crs: Annotated[str, Query(description="EPSG:28992 (RD) of EPSG:4326 (WGS84)")] = "EPSG:28992",
                peildatum: dt.date | None = None, activiteit: str | None = None) -> Response:
    """Als `POST /locatie`, voor een punt in de query."""
    return await _overzicht(request, m.LocatieVerzoek(locatie=Locatie(type="Point", coordinates=[x, y], crs=crs),
                                                peildatum=peildatum, activiteit=activiteit))


@router.post("/vragen", response_model=m.VragenAntwoord, responses={**FOUTEN, **DIENST},
             summary="De feiten die een toets nodig heeft")
async def vragen(request: Request, verzoek: m.VragenVerzoek) -> Response:
    """De begrippen die de regels op deze locatie voor deze activiteiten gebruiken (in `als` en `eis`), met soort,
    eenheid, keuzes en definitie. Met `feiten` krijgen vragen die daardoor niet meer nodig zijn `relevant: false`."""
    plan = _plan(request)
    locatie, _ = await _geocodeer_async(request, verzoek.locatie)
    datum = verzoek.peildatum or dt.date.today()
    lijst = kern.vragen(plan, locatie, datum, verzoek.activiteiten, dict(verzoek.feiten))
    return _json(m.VragenAntwoord(peildatum=datum, activiteiten=verzoek.activiteiten, vragen=lijst))


@router.get("/plan", response_model=m.PlanInfo, summary="Het plan: titel, versies, hash")
async def plan_info(request: Request) -> Response:
    return _json(kern.plan_info(_plan(request)))


@router.get("/activiteiten", response_model=list[m.ActiviteitInfo], summary="De activiteiten van het plan")
async def activiteiten(request: Request) -> list[m.ActiviteitInfo]:
    plan = _plan(request)
    tel: dict[str, int] = {}
    for r in plan.regels:
        tel[r.regel.activiteit] = tel.get(r.regel.activiteit, 0) + 1
    return [m.ActiviteitInfo(naam=n, bovenliggend=d.bovenliggend, aantal_regels=tel.get(n, 0)) for n, d in plan.activiteiten.items()]


@router.get("/begrippen", response_model=list[m.BegripInfo], summary="De begrippen (feiten van een voorstel)")
async def begrippen(request: Request) -> list[m.BegripInfo]:
    return [kern.begrip_info(n, b, p) for n, (b, p) in _plan(request).begrippen.items()]


@router.get("/artikelen", response_model=list[m.ArtikelKort], summary="De artikelen van het plan")
async def artikelen(request: Request) -> list[m.ArtikelKort]:
    return [m.ArtikelKort(nummer=a.nummer, titel=a.titel) for a in _plan(request).artikelen.values()]


@router.get("/artikelen/{nummer}", response_model=m.ArtikelInfo, responses=NIET_GEVONDEN, summary="Eén artikel met leden en regels")
async def artikel(request: Request, nummer: str) -> m.ArtikelInfo:
    plan = _plan(request)
    if nummer not in plan.artikelen:
        raise WebFout(404, detail=f"het plan heeft geen artikel {nummer}")
    return kern.artikel_info(plan, plan.artikelen[nummer])


@router.get("/normen", response_model=list[m.NormInfo], summary="De omgevingsnormen en hun waarden per gebied")
async def normen(request: Request) -> list[m.NormInfo]:
    return [kern.norm_info(n, norm, p) for n, (norm, p) in _plan(request).normen.items()]


@router.get("/normen/{naam}", response_model=m.NormInfo, responses=NIET_GEVONDEN, summary="Eén norm")
async def norm(request: Request, naam: str) -> m.NormInfo:
    plan = _plan(request)
    if naam not in plan.normen:
        raise WebFout(404, detail=f"het plan heeft geen norm {naam!r}")
    n, p = plan.normen[naam]
    return kern.norm_info(naam, n, p)


@router.get("/adres", response_model=m.AdresAntwoord, responses={**FOUTEN, **DIENST},
            summary="Zoek een adres op (PDOK Locatieserver)")
def adres(request: Request, q: Annotated[str, Query(min_length=1, max_length=200, description="adres of postcode met huisnummer")]) -> m.AdresAntwoord:
    a = request.app.state.zoek_adres(q)
    return m.AdresAntwoord(weergavenaam=a.weergavenaam, x=a.punt.x, y=a.punt.y, wijk=a.wijknaam, buurt=a.buurtnaam, bron=a.bron)

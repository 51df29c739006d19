"""The ASGI app: the officer's pages, the JSON API, static assets, and the guards around them.

``create_app(plan)`` builds it; ``regels serve`` runs it with uvicorn. Guards:

* a limit on request bodies (``max_body`` bytes, default 1 MB): larger requests get 413 before the
  body is read into memory, also when they are sent chunked without a Content-Length;
* security headers on every answer: a Content-Security-Policy that allows only the app's own
  scripts and styles (no inline script), ``nosniff``, no framing, no referrer;
* errors: problem+json under ``/api/``, a Dutch HTML page elsewhere; an unexpected exception is
  logged and answered with a bare 500, never with a traceback.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from regels import __version__
from regels.errors import RegelsError
from regels.plan import Plan
from regels.units import formatteer_getal
from regels.web.fouten import PROBLEM_JSON, TITELS, WebFout, probleem_van, validatie_meldingen
from regels.web.kaart import maak_kaart
from regels.web.modellen import Probleem

log = logging.getLogger("regels.web")

HIER = Path(__file__).parent
MAX_BODY = 1_000_000

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class TeGroot(Exception):
    """The request body is larger than the limit."""

    def __init__(self, limiet: int) -> None:
        super().__init__(limiet)
        self.limiet = limiet


class BodyLimiet:
    """ASGI middleware: refuse bodies over ``limiet`` bytes (by Content-Length, or while reading a chunked body)."""

    def __init__(self, app: Any, limiet: int) -> None:
        self.app = app
        self.limiet = limiet

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for k, v in scope.get("headers", []):
            if k == b"content-length":
                try:
                    lengte = int(v)
                except ValueError:
                    lengte = -1
                if lengte > self.limiet or lengte < 0:
                    await _stuur_te_groot(scope, send, self.limiet)
                    return
        gelezen = 0
        afgewezen = False

        async def ontvang() -> dict:
            nonlocal gelezen, afgewezen
            bericht = await receive()
            if bericht["type"] == "http.request":
                gelezen += len(bericht.get("body", b""))
                if gelezen > self.limiet:
                    if not afgewezen:
                        afgewezen = True
                        await _stuur_te_groot(scope, send, self.limiet)
                    raise TeGroot(self.limiet)
            return bericht

        async def zend(bericht: dict) -> None:
            if not afgewezen:  # after the 413, whatever the app makes of the broken body is dropped
                await send(bericht)

        try:
            await self.app(scope, ontvang, zend)
        except TeGroot:
            if not afgewezen:
                await _stuur_te_groot(scope, send, self.limiet)


async def _stuur_te_groot(scope: dict, send: Callable, limiet: int) -> None:
    p = _te_groot(limiet)
    is_api = scope.get("path", "").startswith("/api/")
    body = p.model_dump_json().encode() if is_api else _html_fout_tekst(p).encode()
    soort = PROBLEM_JSON if is_api else "text/html; charset=utf-8"
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", soort.encode()), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close"), *_beveiliging()]})
    await send({"type": "http.response.body", "body": body})


def _te_groot(limiet: int) -> Probleem:
    return Probleem(title=TITELS[413], status=413,
                    detail=f"de body van het verzoek is groter dan {formatteer_getal(limiet / 1000)} kB; stuur minder gegevens")


def _beveiliging() -> list[tuple[bytes, bytes]]:
    return [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"), (b"referrer-policy", b"no-referrer")]


class Vangnet:
    """ASGI middleware: an unexpected exception is logged and answered with a bare 500 (problem+json under /api/,
    a Dutch HTML page elsewhere); the traceback never reaches the client, and the connection stays usable."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        begonnen = False

        async def zend(bericht: dict) -> None:
            nonlocal begonnen
            if bericht["type"] == "http.response.start":
                begonnen = True
            await send(bericht)

        try:
            await self.app(scope, receive, zend)
        except Exception:
            log.exception("onverwachte fout bij %s %s", scope.get("method"), scope.get("path"))
            if begonnen:
                return
            p = probleem_van(RuntimeError())
            is_api = scope.get("path", "").startswith("/api/")
            body = p.model_dump_json().encode() if is_api else _html_fout_tekst(p).encode()
            soort = PROBLEM_JSON if is_api else "text/html; charset=utf-8"
            await send({"type": "http.response.start", "status": 500,
                        "headers": [(b"content-type", soort.encode()), (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})


class Beveiliging:
    """ASGI middleware: security headers on every response."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def zend(bericht: dict) -> None:
            if bericht["type"] == "http.response.start":
                namen = {k.lower() for k, _ in bericht.get("headers", [])}
                bericht = {**bericht, "headers": [*bericht.get("headers", []),
                                                  *(h for h in _beveiliging() if h[0] not in namen)]}
            await send(bericht)

        await self.app(scope, receive, zend)


def _html_fout_tekst(p: Probleem) -> str:
    from html import escape
    return (f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{escape(p.title)}</title>'
            f'<link rel="stylesheet" href="/static/app.css"></head><body><main id="inhoud"><h1>{escape(p.title)}</h1>'
            f'<p>{escape(p.detail)}</p><p><a href="/">Naar het begin</a></p></main></body></html>')


def _getal(waarde: Any) -> str:
    if waarde is None:
        return "–"
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if isinstance(waarde, (int, float)):
        return formatteer_getal(float(waarde))
    return str(waarde)


def templates() -> Environment:
    env = Environment(loader=FileSystemLoader(HIER / "templates"), autoescape=select_autoescape(["html", "svg"], default=True),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["getal"] = _getal
    env.globals["engine_versie"] = __version__
    return env


def create_app(plan: Plan | None = None, *, plan_map: Path | str | None = None, max_body: int = MAX_BODY,
               zoek_adres: Callable[[str], Any] | None = None) -> FastAPI:
    """The web app over ``plan`` (default: ``load_plan(plan_map)``).

    ``zoek_adres`` turns an address text into a ``regels.dso.Adres``; default the PDOK Locatieserver
    (``REGELS_LOCATIESERVER_URL`` points it elsewhere).
    """
    from regels.load import load_plan
    from regels.web import api, pages
    from regels.web.kern import adres_zoeker

    if plan is None:
        plan = load_plan(plan_map)
    app = FastAPI(
        title="regels — vergunningcheck omgevingsplan",
        version=__version__,
        description=("Toets een initiatief aan het omgevingsplan, vraag op wat op een locatie geldt en welke feiten "
                     "een toets nodig heeft, en lees artikelen en normen. Fouten zijn problem+json met Nederlandse "
                     "meldingen en het JSON-pad van de foute invoer."),
        openapi_url="/api/v1/openapi.json", docs_url=None, redoc_url=None,
    )
    app.state.plan = plan
    app.state.kaart = maak_kaart(plan)
    app.state.zoek_adres = zoek_adres or adres_zoeker()
    app.state.templates = templates()
    app.state.max_body = max_body

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HIER / "static"), name="static")

    def antwoord(request: Request, p: Probleem, headers: dict[str, str] | None = None) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse(p.model_dump(mode="json"), status_code=p.status, media_type=PROBLEM_JSON, headers=headers)
        return HTMLResponse(pages.foutpagina(request, p), status_code=p.status, headers=headers)

    @app.exception_handler(RegelsError)
    async def _regels_fout(request: Request, e: RegelsError) -> Response:
        return antwoord(request, probleem_van(e))

    @app.exception_handler(RequestValidationError)
    async def _validatie(request: Request, e: RequestValidationError) -> Response:
        fouten = validatie_meldingen(list(e.errors()))
        return antwoord(request, Probleem(title=TITELS[422], status=422,
                                          detail="; ".join(f"{f.pad}: {f.bericht}" for f in fouten[:5]), fouten=fouten))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, e: StarletteHTTPException) -> Response:
        titel = TITELS.get(e.status_code, "Fout")
        if isinstance(e, WebFout):  # our own, in Dutch
            detail = str(e.detail)
        else:  # the framework's own are English: say it in Dutch
            detail = {400: "het verzoek kan niet worden gelezen (controleer de body en het Content-Type)",
                      404: f"het adres {request.url.path} bestaat niet",
                      405: f"{request.method} is hier niet toegestaan"}.get(e.status_code, titel)
        return antwoord(request, Probleem(title=titel, status=e.status_code, detail=detail), headers=getattr(e, "headers", None))

    app.add_middleware(BodyLimiet, limiet=max_body)  # type: ignore[arg-type]
    app.add_middleware(Vangnet)  # type: ignore[arg-type]
    app.add_middleware(Beveiliging)  # type: ignore[arg-type]
    return app


def json_bijlage(data: Any, naam: str) -> Response:
    tekst = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, indent=2)
    return Response(tekst, media_type="application/json",
                    headers={"content-disposition": f'attachment; filename="{naam}"'})

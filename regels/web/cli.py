"""``regels serve``: the web page and HTTP API on localhost (a click command, wired into ``regels``)."""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command("serve")
@click.option("--plan", "plan_map", type=click.Path(path_type=Path, file_okay=False),
              help="map van het plan (standaard: het meegeleverde plan van Zoetermeer)")
@click.option("--host", default="127.0.0.1", show_default=True, help="adres om op te luisteren (alleen deze machine: 127.0.0.1)")
@click.option("--port", "--poort", "port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="poort")
@click.option("--max-body", default=1_000_000, show_default=True, type=click.IntRange(1_000, 100_000_000),
              help="grootste toegestane body van een verzoek, in bytes")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]), help="hoeveel de server logt")
def serve(plan_map: Path | None, host: str, port: int, max_body: int, log_level: str) -> None:
    """Start de webpagina en de HTTP-API (vergunningcheck) op deze machine.

    \b
    regels serve                      http://127.0.0.1:8000/
    regels serve --port 8080 --plan rules/zoetermeer
    API-beschrijving (OpenAPI): /api/v1/openapi.json
    """
    import uvicorn

    from regels.errors import RegelsError
    from regels.web.app import create_app

    try:
        app = create_app(plan_map=plan_map, max_body=max_body)
    except RegelsError as e:
        click.echo(str(e) if hasattr(e, "fouten") else f"fout: {e}", err=True)
        sys.exit(3)
    click.echo(f"Vergunningcheck: http://{'[' + host + ']' if ':' in host else host}:{port}/  (stoppen: Ctrl+C)")
    # one process: the engine is quick (ms per check), and uvicorn's multi-process supervisor restarts a worker
    # that is too busy to answer its health check, dropping its connections (seen under 200 concurrent checks)
    uvicorn.run(app, host=host, port=port, log_level=log_level, server_header=False, proxy_headers=False,
                timeout_keep_alive=30)

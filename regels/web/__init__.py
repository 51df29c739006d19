"""The officer's desk: a web page and an HTTP API over the same engine (``regels serve``).

``create_app(plan)`` builds the ASGI app (FastAPI); ``regels.web.cli.serve`` runs it with uvicorn.
See ``docs/web.md``.
"""

from regels.web.app import create_app

__all__ = ["create_app"]

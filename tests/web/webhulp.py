"""Helpers for the web tests: a uvicorn server on loopback in a thread, the form fields of an example, Chromium."""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import uvicorn

ROOT = Path(__file__).resolve().parents[2]
VOORBEELDEN = ROOT / "voorbeelden"
UIT = ROOT / "out" / "web"
CHROMIUM = os.environ.get("REGELS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FORM = {"content-type": "application/x-www-form-urlencoded"}


class Server:
    """An ASGI app served by uvicorn on 127.0.0.1 (a free port) in a daemon thread."""

    def __init__(self, app: Any) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def start(self) -> "Server":
        self.thread.start()
        t0 = time.monotonic()
        while not self.server.started:
            if time.monotonic() - t0 > 20 or not self.thread.is_alive():
                raise RuntimeError("de testserver start niet")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


def voorbeeld(naam: str) -> dict[str, Any]:
    return json.loads((VOORBEELDEN / naam).read_text(encoding="utf-8"))


def formulier(paren: list[tuple[str, str]]) -> str:
    return urlencode(paren)


def chromium_aanwezig() -> bool:
    return Path(CHROMIUM).is_file() or shutil.which(CHROMIUM) is not None

"""``regels serve`` (``regels.web.cli.serve``): help in Dutch, a bad plan folder is an input error before any server starts."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
from click.testing import CliRunner

from regels.web.cli import serve


def test_help() -> None:
    r = CliRunner().invoke(serve, ["--help"])
    assert r.exit_code == 0
    for optie in ("--plan", "--host", "--port", "--max-body", "openapi.json"):
        assert optie in r.output


def test_foute_planmap_is_een_invoerfout(tmp_path: Path) -> None:
    r = CliRunner().invoke(serve, ["--plan", str(tmp_path)])
    assert r.exit_code == 3
    assert "geen .regels-bestanden" in r.output


def test_python_m_regels_web_start_en_antwoordt(tmp_path: Path) -> None:
    """The real command in a subprocess on a free loopback port, stopped again by its own pid."""
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        poort = s.getsockname()[1]
    log = (tmp_path / "server.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "regels.web", "--port", str(poort), "--log-level", "warning"],
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        t0 = time.monotonic()
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{poort}/api/v1/plan", timeout=2)
                break
            except httpx.HTTPError:
                assert proc.poll() is None, (tmp_path / "server.log").read_text()
                assert time.monotonic() - t0 < 60, "de server start niet"
                time.sleep(0.1)
        assert r.status_code == 200 and r.json()["titel"]
        assert "server" not in {k.lower() for k in r.headers}  # no server banner
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        log.close()

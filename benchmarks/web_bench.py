"""Load on the web server: 200 concurrent checks (POST /api/v1/toets) on loopback, throughput and latency.

Run: .venv/bin/python benchmarks/web_bench.py [--url http://127.0.0.1:8000] [--gelijktijdig 200] [--rondes 5]

Without --url it starts ``regels serve`` itself (a subprocess, uvicorn, one worker) on a free port of
127.0.0.1 and stops it afterwards. Each round sends ``--gelijktijdig`` requests at once, each with one of
the example proposals of ``voorbeelden/`` that the engine can check (past, past niet, onvolledig, afwijking).
It prints throughput and p50/p95/p99 latency, and fails (exit 1) on any error or unexpected answer.
Only loopback addresses are accepted as a target; the number of requests and the run time are bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse

import httpx

ROOT = Path(__file__).resolve().parents[1]
VOORBEELDEN = ["past-dakopbouw-rokkeveen.json", "past-niet-hoofdgebouw-noordhove.json", "onvolledig-bijbehorend-bouwwerk.json",
               "afwijking-knarrenhof-meerzicht.json", "afwijking-woontoren-entreegebied.json",
               "afwijking-onvoldoende-onderbouwd.json", "verbod-groepspraktijk-aan-huis.json"]
MAX_VERZOEKEN = 10_000
MAX_DUUR_S = 300


def loopback(url: str) -> bool:
    host = urlparse(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server() -> tuple[subprocess.Popen[bytes], str]:
    poort = vrije_poort()
    log = tempfile.NamedTemporaryFile(prefix="web_bench-", suffix=".log", delete=False)
    proc = subprocess.Popen([sys.executable, "-m", "regels.web", "--port", str(poort), "--log-level", "warning"],
                            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    proc.logbestand = log.name  # type: ignore[attr-defined]
    url = f"http://127.0.0.1:{poort}"
    t0 = time.monotonic()
    while time.monotonic() - t0 < 60:
        if proc.poll() is not None:
            raise SystemExit(f"de server stopte: {Path(log.name).read_text(errors='replace')}")
        try:
            if httpx.get(url + "/api/v1/plan", timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.terminate()
    raise SystemExit("de server startte niet binnen 60 s")


def percentiel(waarden: list[float], p: float) -> float:
    s = sorted(waarden)
    k = (len(s) - 1) * p / 100
    onder = int(k)
    boven = min(onder + 1, len(s) - 1)
    return s[onder] + (s[boven] - s[onder]) * (k - onder)


async def ronde(client: httpx.AsyncClient, url: str, voorstellen: list[tuple[dict, str]], n: int,
                latenties: list[float], fouten: list[str]) -> None:
    async def een(i: int) -> None:
        body, verwacht = voorstellen[i % len(voorstellen)]
        t = time.perf_counter()
        try:
            r = await client.post(url + "/api/v1/toets", json=body)
        except httpx.HTTPError as e:
            fouten.append(f"{type(e).__name__}: {e}")
            return
        latenties.append(time.perf_counter() - t)
        if r.status_code != 200:
            fouten.append(f"status {r.status_code}: {r.text[:200]}")
        elif r.json().get("oordeel") != verwacht:
            fouten.append(f"oordeel {r.json().get('oordeel')!r}, verwacht {verwacht!r}")

    await asyncio.gather(*(een(i) for i in range(n)))


async def meet(url: str, gelijktijdig: int, rondes: int, eigen: bool) -> int:
    import regels
    plan = regels.load_plan()
    voorstellen = []
    for naam in VOORBEELDEN:
        data = json.loads((ROOT / "voorbeelden" / naam).read_text(encoding="utf-8"))
        voorstellen.append((data, regels.evaluate(plan, regels.lees_voorstel(data)).oordeel))
    limits = httpx.Limits(max_connections=gelijktijdig, max_keepalive_connections=gelijktijdig)
    latenties: list[float] = []
    fouten: list[str] = []
    async with httpx.AsyncClient(limits=limits, timeout=120) as client:
        await ronde(client, url, voorstellen, min(gelijktijdig, 20), [], fouten)  # warm-up, not counted
        t0 = time.perf_counter()
        for _ in range(rondes):
            if time.perf_counter() - t0 > MAX_DUUR_S:
                break
            await ronde(client, url, voorstellen, gelijktijdig, latenties, fouten)
        duur = time.perf_counter() - t0
    n = len(latenties)
    print(f"server:        {url} (uvicorn, {'regels serve, 1 proces' if eigen else 'extern'}, loopback; {os.cpu_count()} kernen, "
          "client op dezelfde machine)")
    print(f"verzoeken:     {n} toetsen in {rondes} rondes van {gelijktijdig} tegelijk ({len(VOORBEELDEN)} voorbeelden)")
    print(f"doorvoer:      {n / duur:,.0f} toetsen/s over {duur:.2f} s".replace(",", "."))
    if latenties:
        ms = [x * 1000 for x in latenties]
        print(f"latentie (ms): p50 {percentiel(ms, 50):.0f} · p95 {percentiel(ms, 95):.0f} · p99 {percentiel(ms, 99):.0f}"
              f" · max {max(ms):.0f} · gemiddeld {statistics.mean(ms):.0f}")
    print(f"fouten:        {len(fouten)}")
    for f in fouten[:5]:
        print(f"  - {f}")
    return 1 if fouten or not latenties else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--url", help="een draaiende server (alleen loopback); zonder: start er zelf een")
    ap.add_argument("--gelijktijdig", type=int, default=200)
    ap.add_argument("--rondes", type=int, default=5)
    args = ap.parse_args()
    if args.gelijktijdig * args.rondes > MAX_VERZOEKEN:
        raise SystemExit(f"te veel verzoeken (hoogstens {MAX_VERZOEKEN})")
    proc = None
    url = args.url
    if url and not loopback(url):
        raise SystemExit("alleen een server op loopback (127.0.0.0/8, ::1, localhost) mag het doel zijn")
    if not url:
        proc, url = start_server()
    try:
        code = asyncio.run(meet(url.rstrip("/"), args.gelijktijdig, args.rondes, not args.url))
    finally:
        if proc is not None and proc.poll() is not None:
            print(f"de server is gestopt met code {proc.returncode}; log: {proc.logbestand}")  # type: ignore[attr-defined]
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
    sys.exit(code)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()

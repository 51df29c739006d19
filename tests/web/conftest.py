"""Fixtures for the web tests: the bundled plan, one server for the whole session, and headless Chromium.

Browser tests need Debian's chromium (``/usr/bin/chromium``, installed by ``.ci/run``). Without it
they are skipped with the reason, except in CI (``CI=true``), where a missing browser fails them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from webhulp import CHROMIUM, CHROMIUM_ARGS, Server, chromium_aanwezig  # noqa: E402

import regels  # noqa: E402
from regels.web import create_app  # noqa: E402


class NepAdres:
    """Stands in for the PDOK Locatieserver: a few known addresses, one ambiguous, one 'offline'."""

    def __call__(self, tekst: str) -> Any:
        from regels.dso import Adres, AdresNietEenduidig, AdresNietGevonden, DienstOnbereikbaar, RdPunt
        t = " ".join(tekst.split()).lower()
        if t in ("meerzichtlaan 1, zoetermeer", "2715 aa 1"):
            return Adres(weergavenaam="Meerzichtlaan 1, 2715AA Zoetermeer", punt=RdPunt(x=92025.0, y=452515.0),
                         wijknaam="Meerzicht")
        if t.startswith("2715 aa 2"):
            raise AdresNietEenduidig("Postcode 2715AA met huisnummer 2 heeft meer adressen; geef de huisletter.",
                                     kandidaten=["Meerzichtlaan 2A, 2715AA Zoetermeer", "Meerzichtlaan 2B, 2715AA Zoetermeer"],
                                     dienst="PDOK Locatieserver")
        if t == "offline":
            raise DienstOnbereikbaar("De PDOK Locatieserver is niet bereikbaar (verbinding geweigerd).", dienst="PDOK Locatieserver")
        raise AdresNietGevonden(f"Geen adres gevonden voor '{tekst}'.", dienst="PDOK Locatieserver")


@pytest.fixture(scope="session")
def plan() -> regels.Plan:
    return regels.load_plan()


@pytest.fixture(scope="session")
def app(plan: regels.Plan) -> Any:
    return create_app(plan, zoek_adres=NepAdres(), max_body=200_000)


@pytest.fixture(scope="session")
def server(app: Any) -> Iterator[Server]:
    """The one server of the session, on 127.0.0.1."""
    s = Server(app).start()
    yield s
    s.stop()


@pytest.fixture(scope="session")
def http(server: Server) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30, follow_redirects=False) as c:
        yield c


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not chromium_aanwezig():
        reden = f"Chromium ontbreekt ({CHROMIUM}); installeer het met 'apt-get install -y chromium'"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reden} — in CI moet de browser er zijn (.ci/run installeert hem)", pytrace=False)
        pytest.skip(reden)
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any, server: Server) -> Iterator[Any]:
    context = browser.new_context(base_url=server.url, locale="nl-NL", viewport={"width": 1280, "height": 900},
                                  accept_downloads=True,
                                  bypass_csp=True)  # the tests prove escaping, not only the CSP
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    fouten: list[str] = []
    pg.on("pageerror", lambda e: fouten.append(str(e)))
    pg.js_fouten = fouten  # type: ignore[attr-defined]
    yield pg
    context.close()

"""Fixtures for the DSO client tests: the loopback server, fast settings, and a clean environment."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).parent))

from dso_nepserver import BAG, BAG_SLEUTEL, DSO_SLEUTEL, LS, RP, SHARED, NepServer  # noqa: E402

from regels.dso import HttpSettings, RetryPolicy, ServiceClient  # noqa: E402

C = TypeVar("C", bound=ServiceClient)

if not (SHARED / "apis").is_dir():  # pragma: no cover
    raise RuntimeError(f"de tests van regels.dso lezen {SHARED}; die map ontbreekt")


@pytest.fixture(scope="session")
def _server() -> Iterator[NepServer]:
    server = NepServer().start()
    yield server
    server.stop()


@pytest.fixture
def nep(_server: NepServer) -> NepServer:
    """The fake services, with no queued faults and an empty request log."""
    _server.reset()
    return _server


@pytest.fixture(autouse=True)
def _schone_omgeving(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No developer keys, key file or URL overrides may leak into a test."""
    import os

    for name in list(os.environ):
        if name.startswith("REGELS_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("REGELS_SLEUTELS", str(tmp_path / "geen-sleutels.toml"))


class Slaap:
    """A ``sleep`` that records instead of waiting."""

    def __init__(self) -> None:
        self.wachttijden: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.wachttijden.append(seconds)


@pytest.fixture
def slaap() -> Slaap:
    return Slaap()


@pytest.fixture
def snel(slaap: Slaap) -> HttpSettings:
    """Small timeouts, three attempts, and waits that are recorded, not slept."""
    return HttpSettings(
        timeout=0.15,
        retry=RetryPolicy(attempts=3, backoff=0.01, factor=2.0, max_backoff=0.05, max_retry_after=10.0, jitter=0.0),
        sleep=slaap,
    )


BASIS = {
    "locatieserver": LS,
    "bag": BAG,
    "presenteren": "/publiek/omgevingsdocumenten/api/presenteren/v8",
    "geometrie": "/publiek/omgevingsdocumenten/api/geometrieopvragen/v1",
    "downloaden": "/publiek/omgevingsdocumenten/api/downloaden/v1",
    "ruimtelijke_plannen": RP,
}


@pytest.fixture(scope="session")
def _http() -> Iterator[httpx.Client]:
    """One connection pool for the whole run (making an ``httpx.Client`` costs ~50 ms)."""
    with httpx.Client() as client:
        yield client


@pytest.fixture
def maak(nep: NepServer, snel: HttpSettings, _http: httpx.Client) -> Iterator[Callable[..., Any]]:
    """``maak(BagClient)`` → a client aimed at the fake server with the right test key."""
    made: list[ServiceClient] = []

    def factory(cls: type[C], **kwargs: Any) -> C:
        code = cls.service_code
        kwargs.setdefault("client", _http)
        kwargs.setdefault("base_url", nep.url + BASIS[code])
        kwargs.setdefault("settings", snel)
        if code in ("presenteren", "geometrie", "downloaden", "ruimtelijke_plannen"):
            kwargs.setdefault("api_key", DSO_SLEUTEL)
        elif code == "bag":
            kwargs.setdefault("api_key", BAG_SLEUTEL)
        client = cls(**kwargs)
        made.append(client)
        return client

    yield factory
    for c in made:
        c.close()


@pytest.fixture
def cli_env(nep: NepServer, monkeypatch: pytest.MonkeyPatch) -> NepServer:
    """Environment variables that aim ``regels dso`` at the fake server, with both keys set."""
    monkeypatch.setenv("REGELS_LOCATIESERVER_URL", nep.url + LS)
    monkeypatch.setenv("REGELS_BAG_URL", nep.url + BAG)
    monkeypatch.setenv("REGELS_DSO_URL", nep.url + "/publiek")
    monkeypatch.setenv("REGELS_RP_URL", nep.url + RP)
    monkeypatch.setenv("REGELS_DSO_API_KEY", DSO_SLEUTEL)
    monkeypatch.setenv("REGELS_BAG_API_KEY", BAG_SLEUTEL)
    return nep

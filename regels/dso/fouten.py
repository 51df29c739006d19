"""Errors of the DSO, PDOK and BAG clients, all under :class:`regels.errors.DienstFout`.

The tree, with what a caller would catch::

    DienstFout                      (regels.errors) a web service failed or answered wrongly
    ├── SleutelOntbreekt            no API key configured; the message says how to set one
    ├── SleutelGeweigerd            401/403: the service refuses the key (or its environment)
    ├── NietGevonden                404, or a search without results
    │   └── AdresNietGevonden       the Locatieserver knows no such address
    ├── AdresNietEenduidig          an address matches several addresses; .kandidaten lists them
    ├── OngeldigVerzoek             any other 4xx: the request was wrong; .ongeldige_parameters
    ├── TeVeelVerzoeken             429 still after the retries, or a Retry-After too long to wait
    ├── DienstOnbereikbaar          no connection, 5xx still after the retries
    │   └── TijdOverschreden        the service did not answer within the timeout
    ├── OngeldigAntwoord            malformed JSON, wrong content type, empty or broken pages
    ├── TeVeelResultaten            paging went past the page limit; narrow the question
    ├── DownloadMislukt             the download service reports a failed or stuck job
    └── DownloadTeGroot             a download exceeds the size limit (the partial file is removed)

Every message is Dutch, names the service and what was asked, and never contains an API key:
the base class scrubs the key from the text even when a server echoes it back.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from regels.errors import DienstFout

__all__ = [
    "AdresNietEenduidig",
    "AdresNietGevonden",
    "DienstFout",
    "DienstOnbereikbaar",
    "DownloadMislukt",
    "DownloadTeGroot",
    "NietGevonden",
    "OngeldigAntwoord",
    "OngeldigVerzoek",
    "SleutelGeweigerd",
    "SleutelOntbreekt",
    "TeVeelResultaten",
    "TeVeelVerzoeken",
    "TijdOverschreden",
]

_MASKER = "***"


def _schoon(tekst: str, geheimen: Iterable[str]) -> str:
    """Replace every secret in ``tekst`` by a mask (keys shorter than 4 characters are not keys)."""
    for geheim in geheimen:
        if geheim and len(geheim) >= 4:
            tekst = tekst.replace(geheim, _MASKER)
    return tekst


class _DienstFout(DienstFout):
    """Common base: carries the service name, HTTP status, request and problem details."""

    def __init__(
        self,
        bericht: str,
        *,
        dienst: str = "",
        status: int | None = None,
        verzoek: str = "",
        probleem: Mapping[str, Any] | None = None,
        geheimen: Iterable[str] = (),
    ) -> None:
        geheimen = tuple(geheimen)
        self.dienst = dienst
        self.status = status
        self.verzoek = _schoon(verzoek, geheimen)  # "GET /panden/…", never with a key
        self.probleem: dict[str, Any] = _schoon_probleem(dict(probleem or {}), geheimen)
        super().__init__(_schoon(bericht, geheimen))


def _schoon_probleem(probleem: dict[str, Any], geheimen: tuple[str, ...]) -> dict[str, Any]:
    uit: dict[str, Any] = {}
    for k, v in probleem.items():
        if isinstance(v, str):
            uit[k] = _schoon(v, geheimen)
        elif isinstance(v, dict):
            uit[k] = _schoon_probleem(v, geheimen)
        elif isinstance(v, list):
            uit[k] = [
                _schoon_probleem(x, geheimen)
                if isinstance(x, dict)
                else _schoon(x, geheimen)
                if isinstance(x, str)
                else x
                for x in v
            ]
        else:
            uit[k] = v
    return uit


class SleutelOntbreekt(_DienstFout):
    """No API key is configured for the service; the message says where to put one."""


class SleutelGeweigerd(_DienstFout):
    """The service answered 401 or 403: the key is wrong, expired, or for another environment."""


class NietGevonden(_DienstFout):
    """The service knows no such object (404), or a search found nothing."""


class AdresNietGevonden(NietGevonden):
    """The Locatieserver found no address for the text given."""


class AdresNietEenduidig(_DienstFout):
    """An address text matches several addresses; ``kandidaten`` holds their display names."""

    def __init__(self, bericht: str, *, kandidaten: Iterable[str] = (), **kwargs: Any) -> None:
        self.kandidaten = tuple(kandidaten)
        super().__init__(bericht, **kwargs)


class OngeldigVerzoek(_DienstFout):
    """A 4xx other than 401, 403, 404 and 429: the request itself was wrong; not retried."""

    @property
    def ongeldige_parameters(self) -> list[tuple[str, str]]:
        """``(name, reason)`` pairs from ``invalid-params`` / ``invalidParams``, if the service sent them."""
        return _ongeldige_parameters(self.probleem)


class TeVeelVerzoeken(_DienstFout):
    """429 Too Many Requests, still after the retries; ``wacht_seconden`` is the advised wait."""

    def __init__(self, bericht: str, *, wacht_seconden: float | None = None, **kwargs: Any) -> None:
        self.wacht_seconden = wacht_seconden
        super().__init__(bericht, **kwargs)


class DienstOnbereikbaar(_DienstFout):
    """No connection, the connection broke, or a 5xx answer, still after the retries."""


class TijdOverschreden(DienstOnbereikbaar):
    """The service did not answer within the timeout."""


class OngeldigAntwoord(_DienstFout):
    """The answer cannot be used: not JSON, wrong content type, empty, or a broken page."""


class TeVeelResultaten(_DienstFout):
    """Following the pages went past the page limit; the question must be narrowed."""


class DownloadMislukt(_DienstFout):
    """The download service reports that preparing the package failed, or it took too long."""


class DownloadTeGroot(_DienstFout):
    """A download is larger than the limit; nothing is left on disk."""


def _ongeldige_parameters(probleem: Mapping[str, Any]) -> list[tuple[str, str]]:
    # The BAG spec says "invalid-params", its feature files say "invalidParams": read both.
    ruw = probleem.get("invalid-params")
    if ruw is None:
        ruw = probleem.get("invalidParams")
    uit: list[tuple[str, str]] = []
    if isinstance(ruw, list):
        for p in ruw:
            if isinstance(p, dict):
                uit.append((str(p.get("name", "?")), str(p.get("reason", p.get("code", "")))))
    return uit

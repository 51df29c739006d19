"""The shared base of every service client: one place for sending, retrying, paging and errors.

A :class:`ServiceClient` takes an optional ``httpx.Client`` and builds one only if none is given
(and then closes it in :meth:`ServiceClient.close`). It

* resolves the base URL per :class:`~regels.dso.Environment` (or an override variable);
* looks the API key up lazily, on the first request that needs it, and sends it only to the
  service's own origin: not to another host named in a page link, a redirect or a download URL;
* sends ``Accept``, ``User-Agent`` and the service's fixed headers (``Accept-Crs`` where needed);
* retries 429, 502, 503 and 504 (and, for idempotent requests, lost connections and timeouts)
  with exponential backoff, honouring ``Retry-After`` in seconds or as an HTTP date; a wait
  longer than :attr:`RetryPolicy.max_retry_after` is not waited for but reported;
* never retries any other 4xx, and turns every failure into a typed, Dutch
  :mod:`~regels.dso.fouten` error that does not contain the key;
* decodes JSON only from JSON content types, and follows HAL ``_links.next`` pages;
* caches answers the caller marks as immutable in a :class:`~regels.dso.ResponseCache`.
"""

from __future__ import annotations

import datetime
import email.utils
import json as jsonlib
import logging
import random
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlsplit

import httpx

from ._cache import ResponseCache
from ._config import SERVICES, ApiKey, Environment, Service, base_url, find_api_key
from .fouten import (
    DienstOnbereikbaar,
    DownloadTeGroot,
    NietGevonden,
    OngeldigAntwoord,
    OngeldigVerzoek,
    SleutelGeweigerd,
    TeVeelResultaten,
    TeVeelVerzoeken,
    TijdOverschreden,
    _DienstFout,
    _ongeldige_parameters,
)

__all__ = ["HttpSettings", "RetryPolicy", "ServiceClient", "parse_retry_after"]

log = logging.getLogger("regels.dso")

try:
    from importlib.metadata import version as _version

    _USER_AGENT = f"regels/{_version('regels')} (omgevingsplan-regelchecker)"
except Exception:  # pragma: no cover - running from a bare checkout
    _USER_AGENT = "regels (omgevingsplan-regelchecker)"

_ACCEPT = "application/hal+json, application/json;q=0.9, application/problem+json;q=0.8"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_MAX_REDIRECTS = 5


@dataclass(frozen=True)
class RetryPolicy:
    """When and how long to wait before trying again.

    ``attempts`` counts every try (1 means no retry). The n-th wait is
    ``backoff * factor**(n-1)``, capped at ``max_backoff``, plus up to ``jitter`` of itself at
    random; a ``Retry-After`` (or ``RateLimit-Reset`` on a 429) replaces it. A server that asks
    for more than ``max_retry_after`` seconds is not waited for: the error says when to retry.
    """

    attempts: int = 3
    backoff: float = 0.5
    factor: float = 2.0
    max_backoff: float = 8.0
    max_retry_after: float = 30.0
    jitter: float = 0.1
    statuses: frozenset[int] = frozenset({429, 502, 503, 504})

    def delay(self, attempt: int) -> float:
        base = min(self.backoff * self.factor ** (attempt - 1), self.max_backoff)
        return base + (random.uniform(0, base * self.jitter) if self.jitter else 0.0)


@dataclass(frozen=True)
class HttpSettings:
    """Timeouts, retries and limits; tests pass small numbers and a recording ``sleep``."""

    timeout: float = 20.0  # seconds to wait for each read; connecting gets at most 10 s
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    max_pages: int = 50
    sleep: Callable[[float], None] = time.sleep
    user_agent: str = _USER_AGENT

    def httpx_timeout(self) -> httpx.Timeout:
        return httpx.Timeout(self.timeout, connect=min(self.timeout, 10.0))


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value: delta-seconds or an HTTP date; None if unusable."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when is None:
            return None
        if when.tzinfo is None:  # "-0000": treat as UTC
            seconds = when.replace(tzinfo=datetime.timezone.utc).timestamp()
        else:
            seconds = when.timestamp()
        seconds -= time.time() if now is None else now
    if seconds != seconds or seconds in (float("inf"), float("-inf")):  # NaN, inf
        return None
    return max(seconds, 0.0)


def _origin(url: str | httpx.URL) -> tuple[str, str, int | None]:
    try:
        u = httpx.URL(str(url))
    except httpx.InvalidURL:
        return ("", "", None)  # matches no service origin, so it never gets the key
    port = u.port or {"http": 80, "https": 443}.get(u.scheme)
    return (u.scheme, u.host, port)


def _is_json(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


def _kort(tekst: str, n: int = 240) -> str:
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= n else tekst[: n - 1] + "…"


class ServiceClient:
    """Base of the service clients. Subclasses set ``service_code`` and add typed methods.

    Parameters shared by every client:

    ``environment``  ``"prod"`` (default, or ``REGELS_OMGEVING``) or ``"pre"``.
    ``api_key``      the key as a string or :class:`ApiKey`; default: :func:`find_api_key`.
    ``base_url``     override the base URL (default: the environment's, or ``REGELS_*_URL``).
    ``client``       an ``httpx.Client`` to use (for a transport, proxy or tests); not closed here.
    ``settings``     :class:`HttpSettings`: timeout, retries, page limit.
    ``cache``        a :class:`ResponseCache` (default: a fresh in-memory one).
    ``key_file``     a key file other than ``~/.config/regels/sleutels.toml``.
    """

    service_code: ClassVar[str] = ""

    def __init__(
        self,
        *,
        environment: str | Environment | None = None,
        api_key: str | ApiKey | None = None,
        base_url: str | None = None,
        client: httpx.Client | None = None,
        settings: HttpSettings | None = None,
        cache: ResponseCache | None = None,
        key_file: Path | None = None,
    ) -> None:
        self.service: Service = SERVICES[self.service_code]
        self.environment = Environment.PROD if self.service.production_only else Environment.parse(environment)
        self.base_url = (base_url or _default_base_url(self.service, self.environment)).rstrip("/")
        self.settings = settings or HttpSettings()
        self.cache = cache if cache is not None else ResponseCache()
        self._key: ApiKey | None = (
            api_key if isinstance(api_key, ApiKey) else ApiKey(api_key, "parameter api_key")
        ) if api_key else None
        self._key_file = key_file
        self._given_client = client
        self._own_client: httpx.Client | None = None

    # -- lifecycle -------------------------------------------------------------------------

    @property
    def _client(self) -> httpx.Client:
        """The given ``httpx.Client``, or one made on first use."""
        if self._given_client is not None:
            return self._given_client
        if self._own_client is None:
            self._own_client = httpx.Client(timeout=self.settings.httpx_timeout())
        return self._own_client

    def close(self) -> None:
        """Close the ``httpx.Client`` if this object made it."""
        if self._own_client is not None:
            self._own_client.close()

    def __enter__(self) -> ServiceClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}(omgeving={self.environment.value!r}, basis_url={self.base_url!r})"

    # -- keys ------------------------------------------------------------------------------

    @property
    def api_key(self) -> ApiKey | None:
        """The key this client sends; looked up on first use (raises :class:`SleutelOntbreekt`)."""
        if self._key is None and self.service.key_name is not None:
            self._key = find_api_key(self.service, self.environment, key_file=self._key_file)
        return self._key

    def _secrets(self) -> tuple[str, ...]:
        return (self._key.reveal(),) if self._key is not None else ()

    def _error(self, cls: type[_DienstFout], bericht: str, **kwargs: Any) -> _DienstFout:
        kwargs.setdefault("dienst", self.service.naam)
        return cls(bericht, geheimen=self._secrets(), **kwargs)

    # -- URLs ------------------------------------------------------------------------------

    def _url(self, path_or_url: str) -> str:
        if path_or_url.startswith(("http://", "https://")):
            return path_or_url
        return self.base_url + "/" + path_or_url.lstrip("/")

    def _same_origin(self, url: str | httpx.URL) -> bool:
        return _origin(url) == _origin(self.base_url)

    def _describe(self, method: str, url: str | httpx.URL) -> str:
        """``GET /panden/…?x=y``: the request relative to the base URL, for messages."""
        u = httpx.URL(str(url))
        base_path = urlsplit(self.base_url).path.rstrip("/")
        path = u.path
        if self._same_origin(u) and path.startswith(base_path):
            path = path[len(base_path) :] or "/"
        elif not self._same_origin(u):
            path = f"{u.scheme}://{u.host}{path}"
        query = u.query.decode("ascii", "replace") if u.query else ""
        return f"{method} {path}" + (f"?{_kort(query, 80)}" if query else "")

    # -- sending ---------------------------------------------------------------------------

    def _headers(self, url: str | httpx.URL, extra: Mapping[str, str] | None) -> dict[str, str]:
        headers = {"Accept": _ACCEPT, "User-Agent": self.settings.user_agent}
        headers.update(self.service.headers)
        if extra:
            headers.update(extra)
        if self.service.key_header and self._same_origin(url):
            key = self.api_key
            if key is not None:
                headers[self.service.key_header] = key.reveal()
        return headers

    def _send(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | list[tuple[str, Any]] | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        idempotent: bool = True,
        stream: bool = False,
    ) -> httpx.Response:
        """Send with retries and same-origin-only redirects; return a response with status < 400."""
        request_url: str | httpx.URL = url
        redirects = 0
        attempt = 0
        policy = self.settings.retry
        while True:
            attempt += 1
            try:
                request = self._client.build_request(
                    method,
                    request_url,
                    params=params,
                    json=json,
                    headers=self._headers(request_url, headers),
                    timeout=self.settings.httpx_timeout(),
                )
            except (httpx.InvalidURL, httpx.HTTPError) as exc:
                raise self._error(
                    DienstOnbereikbaar,
                    f"{self.service.naam}: het adres {_kort(str(request_url), 120)} is onbruikbaar ({type(exc).__name__}).",
                ) from None
            what = self._describe(method, request.url)
            log.debug("%s: %s (poging %d)", self.service.naam, what, attempt)
            try:
                response = self._client.send(request, stream=stream, follow_redirects=False)
            except httpx.TimeoutException as exc:
                if idempotent and attempt < policy.attempts:
                    self._wait(policy.delay(attempt), f"geen antwoord binnen {self.settings.timeout:g} s", attempt)
                    continue
                raise self._error(
                    TijdOverschreden,
                    f"{self.service.naam} antwoordde niet binnen {self.settings.timeout:g} seconden "
                    f"op {what} ({attempt} {'poging' if attempt == 1 else 'pogingen'}).",
                    verzoek=what,
                ) from None
            except httpx.TransportError as exc:
                if "location header" in str(exc).lower():  # httpx checks redirects even when not following
                    raise self._error(
                        OngeldigAntwoord, f"{self.service.naam} stuurt door naar een ongeldig adres bij {what}.", verzoek=what
                    ) from None
                if idempotent and attempt < policy.attempts:
                    self._wait(policy.delay(attempt), "verbinding mislukt", attempt)
                    continue
                log.debug("%s: %s mislukt: %s", self.service.naam, what, type(exc).__name__)
                raise self._error(
                    DienstOnbereikbaar,
                    f"{self.service.naam} is niet bereikbaar ({_transport_reden(exc)}) bij {what}.",
                    verzoek=what,
                ) from None
            except (httpx.HTTPError, httpx.InvalidURL) as exc:  # UnsupportedProtocol, …
                raise self._error(
                    DienstOnbereikbaar,
                    f"{self.service.naam}: het adres van de dienst is onbruikbaar ({type(exc).__name__}).",
                    verzoek=what,
                ) from None
            log.debug("%s: %s -> %d", self.service.naam, what, response.status_code)

            if response.status_code in _REDIRECTS and "location" in response.headers:
                response.close()
                redirects += 1
                if redirects > _MAX_REDIRECTS:
                    raise self._error(
                        OngeldigAntwoord, f"{self.service.naam} stuurt te vaak door bij {what}.", verzoek=what
                    )
                request_url = response.url.join(response.headers["location"])  # httpx has checked it
                params = None  # the Location carries its own query
                if response.status_code == 303:
                    method, json = "GET", None
                attempt -= 1
                continue

            if response.status_code in policy.statuses and attempt < policy.attempts:
                wait = self._advised_wait(response)
                if wait is not None and wait > policy.max_retry_after:
                    self._raise_for_status(response, what, wait=wait)
                response.close()
                self._wait(wait if wait is not None else policy.delay(attempt), f"status {response.status_code}", attempt)
                continue

            if response.status_code >= 400:
                wait = self._advised_wait(response) if response.status_code in policy.statuses else None
                self._raise_for_status(response, what, wait=wait)
            return response

    def _wait(self, seconds: float, reden: str, attempt: int) -> None:
        log.info(
            "%s: %s; nieuwe poging over %.2f s (poging %d van %d)",
            self.service.naam, reden, seconds, attempt + 1, self.settings.retry.attempts,
        )
        self.settings.sleep(seconds)

    @staticmethod
    def _advised_wait(response: httpx.Response) -> float | None:
        wait = parse_retry_after(response.headers.get("retry-after"))
        if wait is None and response.status_code == 429:
            if response.headers.get("kadaster-ratelimit-daylimit-remaining", "").strip() == "0":
                wait = parse_retry_after(response.headers.get("kadaster-ratelimit-daylimit-reset"))
            if wait is None:
                wait = parse_retry_after(response.headers.get("ratelimit-reset"))
        return wait

    # -- errors ----------------------------------------------------------------------------

    def _problem(self, response: httpx.Response) -> tuple[dict[str, Any], str]:
        """The problem+json document (or Locatieserver ``error``) and a short Dutch-ready summary."""
        try:
            body = response.read()
        except httpx.HTTPError:
            body = b""
        text = body[:20_000].decode("utf-8", "replace")
        probleem: dict[str, Any] = {}
        if _is_json(response.headers.get("content-type", "")) or text.lstrip().startswith("{"):
            try:
                parsed = jsonlib.loads(text)
            except ValueError:
                parsed = None
            if isinstance(parsed, dict):
                probleem = parsed.get("error") if isinstance(parsed.get("error"), dict) else parsed
        parts: list[str] = []
        for key in ("title", "detail", "msg"):
            value = probleem.get(key)
            if isinstance(value, str) and value.strip() and value.strip() not in parts:
                parts.append(value.strip())
        if not probleem and text.strip() and not text.lstrip().startswith("<"):
            parts.append(text.strip())
        samenvatting = _kort(" - ".join(parts)) if parts else ""
        return probleem, samenvatting

    def _raise_for_status(self, response: httpx.Response, what: str, *, wait: float | None = None) -> None:
        status = response.status_code
        probleem, uitleg = self._problem(response)
        response.close()
        naam = self.service.naam
        extra = f": {uitleg}" if uitleg else ""
        kw: dict[str, Any] = {"status": status, "verzoek": what, "probleem": probleem}
        if status in (401, 403) and self.service.key_name:
            bron = f" (uit {self._key.source})" if self._key is not None and self._key.source else ""
            raise self._error(
                SleutelGeweigerd,
                f"{naam} weigert de API-sleutel{bron} ({status}{extra}). Controleer de sleutel; "
                f"sleutels voor pre-productie en productie zijn verschillend (omgeving nu: "
                f"{self.environment.label}).",
                **kw,
            )
        if status == 404:
            raise self._error(NietGevonden, f"{naam} kent het gevraagde niet (404) bij {what}.", **kw)
        if status == 429:
            wanneer = f" Probeer het over {_duur(wait)} opnieuw." if wait is not None else ""
            raise self._error(
                TeVeelVerzoeken,
                f"{naam} meldt te veel verzoeken (429){extra}.{wanneer}",
                wacht_seconden=wait,
                **kw,
            )
        if 400 <= status < 500:
            params = _ongeldige_parameters(probleem)
            details = "; ".join(f"{n}: {r}" if r else n for n, r in params)
            details = f" Ongeldige parameters: {details}." if details else ""
            raise self._error(
                OngeldigVerzoek, f"{naam} wijst het verzoek {what} af ({status}{extra}).{details}", **kw
            )
        if status >= 500:
            soort = "een interne fout" if status == 500 else "een storing"
            wanneer = f" Probeer het over {_duur(wait)} opnieuw." if wait is not None else ""
            raise self._error(
                DienstOnbereikbaar,
                f"{naam} gaf {soort} ({status}{extra}) bij {what}.{wanneer}",
                **kw,
            )
        raise self._error(OngeldigAntwoord, f"{naam} gaf een onverwacht antwoord ({status}) bij {what}.", **kw)

    # -- JSON ------------------------------------------------------------------------------

    def _decode(self, response: httpx.Response, what: str) -> Any:
        content_type = response.headers.get("content-type", "")
        body = response.content
        naam = self.service.naam
        if not body.strip():
            raise self._error(OngeldigAntwoord, f"{naam} gaf een leeg antwoord op {what}.", verzoek=what, status=response.status_code)
        if not _is_json(content_type):
            soort = content_type.split(";", 1)[0].strip() or "geen inhoudstype"
            raise self._error(
                OngeldigAntwoord,
                f"{naam} gaf geen JSON maar {soort} op {what}; mogelijk onderhoud of een proxy ertussen.",
                verzoek=what,
                status=response.status_code,
            )
        try:
            return response.json()
        except ValueError:
            raise self._error(
                OngeldigAntwoord,
                f"{naam} gaf onleesbare JSON op {what}.",
                verzoek=what,
                status=response.status_code,
            ) from None

    def _json(
        self,
        method: str,
        path_or_url: str,
        *,
        params: Mapping[str, Any] | list[tuple[str, Any]] | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        cacheable: bool = False,
        idempotent: bool = True,
        not_found: str | None = None,
    ) -> Any:
        """Send and decode a JSON answer; ``cacheable`` answers come from and go to the cache."""
        url = self._url(path_or_url)
        key = None
        if cacheable:
            full = str(httpx.URL(url, params=params)) if params else url
            key = ResponseCache.key(method, full, json)
            hit = self.cache.get(key)
            if hit is not None:
                log.debug("%s: %s uit de cache", self.service.naam, self._describe(method, full))
                return hit
        try:
            response = self._send(method, url, params=params, json=json, headers=headers, idempotent=idempotent)
        except NietGevonden as exc:
            if not_found is None:
                raise
            raise self._error(
                NietGevonden, not_found, status=exc.status, verzoek=exc.verzoek, probleem=exc.probleem
            ) from None
        data = self._decode(response, self._describe(method, response.request.url))
        if key is not None:
            self.cache.put(key, data)
        return data

    def get_json(self, path: str, params: Mapping[str, Any] | list[tuple[str, Any]] | None = None, **kw: Any) -> Any:
        return self._json("GET", path, params=params, **kw)

    def post_json(self, path: str, body: Any, params: Mapping[str, Any] | None = None, **kw: Any) -> Any:
        return self._json("POST", path, params=params, json=body, **kw)

    def expect_object(self, data: Any, what: str) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise self._error(
                OngeldigAntwoord, f"{self.service.naam} gaf geen JSON-object op {what}.", verzoek=what
            )
        return data

    # -- paging ----------------------------------------------------------------------------

    def iter_hal(
        self,
        method: str,
        path: str,
        items: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        max_pages: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Yield the objects in ``_embedded[items]`` of every page, following ``_links.next``.

        A POST search is sent again, with the same body, to each next link. A page without
        ``_embedded`` counts as empty. A next link to another origin, a link already followed,
        or a page that is not a HAL collection raises :class:`OngeldigAntwoord`; more than
        ``max_pages`` pages raise :class:`TeVeelResultaten`.
        """
        limit = max_pages or self.settings.max_pages
        url: str = self._url(path)
        seen: set[str] = set()
        naam = self.service.naam
        for number in range(1, limit + 1):
            current = str(httpx.URL(url, params=params)) if params else url
            seen.add(current)
            data = self._json(method, url, params=params, json=json, headers=headers)
            what = self._describe(method, current)
            if not isinstance(data, dict):
                raise self._error(OngeldigAntwoord, f"{naam} gaf een kapotte pagina ({number}) op {what}.", verzoek=what)
            embedded = data.get("_embedded", {})
            found = embedded.get(items, []) if isinstance(embedded, dict) else None
            if not isinstance(found, list) or not all(isinstance(x, dict) for x in found):
                raise self._error(
                    OngeldigAntwoord,
                    f"{naam} gaf een kapotte pagina ({number}) op {what}: '_embedded.{items}' is geen lijst van objecten.",
                    verzoek=what,
                )
            yield from found
            links = data.get("_links", {})
            nxt = links.get("next") if isinstance(links, dict) else None
            href = nxt.get("href") if isinstance(nxt, dict) else None
            if not href:
                return
            if not isinstance(href, str):
                raise self._error(OngeldigAntwoord, f"{naam} gaf een ongeldige volgende-paginalink op {what}.", verzoek=what)
            try:
                next_url = str(httpx.URL(url).join(href))
            except httpx.InvalidURL:
                next_url = href
            if not self._same_origin(next_url):
                raise self._error(
                    OngeldigAntwoord,
                    f"{naam} verwijst voor de volgende pagina naar een andere server ({_origin(next_url)[1]}); "
                    "die link wordt niet gevolgd.",
                    verzoek=what,
                )
            if next_url in seen:
                raise self._error(
                    OngeldigAntwoord, f"{naam} gaf een paginering die in een kring loopt op {what}.", verzoek=what
                )
            url, params = next_url, None  # the next link carries the query
        raise self._error(
            TeVeelResultaten,
            f"{naam} gaf meer dan {limit} pagina's resultaten; maak de vraag specifieker.",
        )

    # -- downloads -------------------------------------------------------------------------

    def download(self, url: str, target: Path, *, max_bytes: int, chunk: int = 1 << 16) -> Path:
        """Stream ``url`` to ``target`` (via a temporary file); stop at ``max_bytes``.

        The key is sent only if ``url`` is on the service's own origin.
        """
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        response = self._send("GET", self._url(url), stream=True)
        what = self._describe("GET", response.request.url)
        tmp = target.with_name(f".{target.name}.deel")
        try:
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise self._too_big(int(declared), max_bytes, what)
            size = 0
            with tmp.open("wb") as fh:
                try:
                    for part in response.iter_bytes(chunk):
                        size += len(part)
                        if size > max_bytes:
                            raise self._too_big(size, max_bytes, what, at_least=True)
                        fh.write(part)
                except httpx.TimeoutException:
                    raise self._error(
                        TijdOverschreden, f"{self.service.naam}: de download stokte bij {what}.", verzoek=what
                    ) from None
                except httpx.TransportError as exc:
                    raise self._error(
                        DienstOnbereikbaar,
                        f"{self.service.naam}: de download brak af ({_transport_reden(exc)}) bij {what}.",
                        verzoek=what,
                    ) from None
            tmp.replace(target)
            return target
        finally:
            response.close()
            tmp.unlink(missing_ok=True)

    def _too_big(self, size: int, limit: int, what: str, at_least: bool = False) -> DownloadTeGroot:
        hoeveel = f"meer dan {_mb(limit)}" if at_least else _mb(size)
        return self._error(  # type: ignore[return-value]
            DownloadTeGroot,
            f"De download bij {what} is {hoeveel}, groter dan de grens van {_mb(limit)}; "
            "verhoog de grens als dit klopt.",
            verzoek=what,
        )


def _default_base_url(service: Service, environment: Environment) -> str:
    return base_url(service, environment)


def _transport_reden(exc: httpx.TransportError) -> str:
    if isinstance(exc, httpx.ConnectError):
        return "verbinding geweigerd of adres onbekend"
    if isinstance(exc, httpx.RemoteProtocolError):
        return "de verbinding werd zonder antwoord verbroken"
    if isinstance(exc, httpx.ProxyError):
        return "proxyfout"
    return "netwerkfout"


def _duur(seconds: float | None) -> str:
    if seconds is None:
        return "even"
    if seconds < 90:
        return f"{max(1, round(seconds))} seconden"
    if seconds < 5400:
        return f"{round(seconds / 60)} minuten"
    return f"{round(seconds / 3600)} uur"


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"

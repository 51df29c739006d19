"""Address to location with the PDOK Locatieserver (no key needed).

``LocatieserverClient().find_address("2711 CJ 10")`` gives an :class:`Adres`: the RD point
(``centroide_rd``), the BAG ids (nummeraanduiding, adresseerbaar object), the gemeente and its
bevoegd-gezag code (``gm0637``), and the CBS wijk and buurt.

A postcode with house number is looked up exactly (``fq=postcode:…&fq=huisnummer:…``); any
other text goes through the free geocoder and the best address wins. The Solr-shaped answer
``response.{numFound,start,docs}`` is paged with ``start``/``rows`` (at most 100 rows, start at
most 10,000).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict

from ._geo import RdPunt, parse_wkt_point
from ._http import ServiceClient
from .fouten import AdresNietEenduidig, AdresNietGevonden, OngeldigAntwoord

__all__ = ["Adres", "LocatieserverClient", "parse_postcode_address"]

_FIELDS = (
    "id type weergavenaam straatnaam huisnummer huisletter huisnummertoevoeging postcode "
    "woonplaatsnaam gemeentecode gemeentenaam provincienaam centroide_rd centroide_ll "
    "nummeraanduiding_id adresseerbaarobject_id wijkcode wijknaam buurtcode buurtnaam score"
)
_MAX_ROWS = 100
_MAX_START = 10_000

_POSTCODE_ADDRESS = re.compile(
    r"""^\s*(?P<pc>[1-9][0-9]{3})\s?(?P<letters>[A-Za-z]{2})\s*,?\s*
        (?P<nr>[0-9]{1,5})\s*
        (?:[-\s]?(?P<letter>[A-Za-z])(?![A-Za-z0-9]))?\s*
        (?:[-\s]?(?P<toev>[A-Za-z0-9]{1,4}))?\s*$""",
    re.VERBOSE,
)


def parse_postcode_address(text: str) -> tuple[str, int, str | None, str | None] | None:
    """``"2711 CJ 10-2"`` → ``("2711CJ", 10, None, "2")``; None if the text is not of that form."""
    match = _POSTCODE_ADDRESS.match(text)
    if not match:
        return None
    postcode = match["pc"] + match["letters"].upper()
    letter = match["letter"].upper() if match["letter"] else None
    return postcode, int(match["nr"]), letter, match["toev"] or None


class Adres(BaseModel):
    """One address with its RD point, BAG ids, gemeente, wijk and buurt."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    weergavenaam: str
    punt: RdPunt
    straatnaam: str | None = None
    huisnummer: int | None = None
    huisletter: str | None = None
    huisnummertoevoeging: str | None = None
    postcode: str | None = None
    woonplaats: str | None = None
    gemeentecode: str | None = None  # CBS code, four digits: "0637"
    gemeentenaam: str | None = None
    nummeraanduiding_id: str | None = None
    adresseerbaarobject_id: str | None = None
    wijkcode: str | None = None
    wijknaam: str | None = None
    buurtcode: str | None = None
    buurtnaam: str | None = None
    lengte_breedte: tuple[float, float] | None = None  # (lon, lat) from centroide_ll
    locatieserver_id: str | None = None
    bron: str = "PDOK Locatieserver"

    @property
    def bevoegd_gezag(self) -> str | None:
        """The DSO bevoegd-gezag code of the gemeente, e.g. ``gm0637``."""
        return f"gm{self.gemeentecode}" if self.gemeentecode else None

    def __str__(self) -> str:
        return self.weergavenaam


class LocatieserverClient(ServiceClient):
    """PDOK Locatieserver v3.1: ``free``, ``lookup`` and ``reverse`` for addresses."""

    service_code = "locatieserver"

    def find_address(self, text: str) -> Adres:
        """The one address meant by ``text`` (postcode + number, or free text).

        Raises :class:`AdresNietGevonden` when there is none, and :class:`AdresNietEenduidig`
        when a postcode and number have several addresses (say the huisletter or toevoeging).
        """
        text = " ".join(text.split())
        if not text:
            raise self._error(AdresNietGevonden, "Geef een adres op, bijvoorbeeld '2711 CJ 10' of 'Markt 10, Zoetermeer'.")
        exact = parse_postcode_address(text)
        if exact is not None:
            return self._exact(text, *exact)
        docs = list(self._docs("free", [("q", text), ("fq", "type:adres")], limit=5))
        if not docs:
            raise self._error(AdresNietGevonden, f"Geen adres gevonden voor '{text}'.")
        return self._adres(docs[0])

    def search_addresses(self, text: str, limit: int = 10) -> list[Adres]:
        """Up to ``limit`` addresses for free text, best first."""
        return [self._adres(d) for d in self._docs("free", [("q", text), ("fq", "type:adres")], limit=limit)]

    def lookup(self, locatieserver_id: str) -> Adres:
        """The full record of a Locatieserver id (from ``suggest`` or an earlier answer)."""
        docs = list(self._docs("lookup", [("id", locatieserver_id)], limit=1))
        if not docs:
            raise self._error(AdresNietGevonden, f"De Locatieserver kent id '{locatieserver_id}' niet.")
        return self._adres(docs[0])

    def address_at_point(self, punt: RdPunt, max_distance: float = 50.0) -> Adres:
        """The nearest address within ``max_distance`` metres of an RD point."""
        params = [
            ("X", f"{punt.x:.3f}"),
            ("Y", f"{punt.y:.3f}"),
            ("type", "adres"),
            ("distance", f"{max_distance:g}"),
        ]
        docs = list(self._docs("reverse", params, limit=1))
        if not docs:
            raise self._error(AdresNietGevonden, f"Geen adres binnen {max_distance:g} m van {punt}.")
        return self._adres(docs[0])

    # -- internals -------------------------------------------------------------------------

    def _exact(self, text: str, postcode: str, nummer: int, letter: str | None, toev: str | None) -> Adres:
        params = [("q", f"{postcode} {nummer}"), ("fq", "type:adres"), ("fq", f"postcode:{postcode}"), ("fq", f"huisnummer:{nummer}")]
        adressen = [self._adres(d) for d in self._docs("free", params, limit=100)]
        if not adressen:
            raise self._error(AdresNietGevonden, f"Geen adres gevonden voor postcode {postcode} huisnummer {nummer}.")

        def past(a: Adres) -> bool:
            return (a.huisletter or "").upper() == (letter or "") and (a.huisnummertoevoeging or "").upper() == (
                toev or ""
            ).upper()

        passend = [a for a in adressen if past(a)]
        if len(passend) == 1:
            return passend[0]
        if not passend and letter is None and toev is None and len(adressen) == 1:
            return adressen[0]
        namen = sorted(a.weergavenaam for a in adressen)
        if not passend and (letter or toev):
            raise self._error(
                AdresNietGevonden,
                f"Geen adres '{text}'; bij {postcode} {nummer} bestaan: {_opsomming(namen)}.",
            )
        raise self._error(
            AdresNietEenduidig,
            f"'{text}' is niet eenduidig: er zijn {len(namen)} adressen ({_opsomming(namen)}); "
            "geef de huisletter of toevoeging op.",
            kandidaten=namen,
        )

    def _docs(self, endpoint: str, params: list[tuple[str, Any]], limit: int) -> Iterator[dict[str, Any]]:
        """Yield up to ``limit`` Solr docs, paging with start/rows."""
        start = 0
        given = 0
        pages = 0
        while given < limit and start <= _MAX_START:
            rows = min(_MAX_ROWS, limit - given)
            page = [*params, ("fl", _FIELDS), ("rows", rows), ("start", start)]
            data = self.expect_object(self.get_json(endpoint, page), f"GET /{endpoint}")
            response = data.get("response")
            if not isinstance(response, dict) or not isinstance(response.get("docs"), list):
                raise self._error(OngeldigAntwoord, f"{self.service.naam} gaf geen 'response.docs' op GET /{endpoint}.")
            docs = response["docs"]
            found = response.get("numFound", len(docs))
            if not isinstance(found, int) or not all(isinstance(d, dict) for d in docs):
                raise self._error(OngeldigAntwoord, f"{self.service.naam} gaf een kapotte pagina op GET /{endpoint}.")
            for doc in docs[: limit - given]:
                yield doc
                given += 1
            pages += 1
            start += len(docs)
            if not docs or start >= found or pages >= self.settings.max_pages:
                return

    def _adres(self, doc: dict[str, Any]) -> Adres:
        rd = parse_wkt_point(str(doc.get("centroide_rd", "")))
        if rd is None:
            raise self._error(
                OngeldigAntwoord,
                f"{self.service.naam} gaf voor '{doc.get('weergavenaam', '?')}' geen bruikbaar 'centroide_rd'.",
            )
        ll = parse_wkt_point(str(doc.get("centroide_ll", "")))

        def tekst(key: str) -> str | None:
            value = doc.get(key)
            if isinstance(value, list):  # some fields come as single-element lists
                value = value[0] if value else None
            return str(value) if value not in (None, "") else None

        huisnummer = doc.get("huisnummer")
        try:
            return Adres(
                weergavenaam=tekst("weergavenaam") or f"{rd[0]:.0f}, {rd[1]:.0f}",
                punt=RdPunt(x=rd[0], y=rd[1]),
                straatnaam=tekst("straatnaam"),
                huisnummer=int(huisnummer) if huisnummer not in (None, "") else None,
                huisletter=tekst("huisletter"),
                huisnummertoevoeging=tekst("huisnummertoevoeging"),
                postcode=tekst("postcode"),
                woonplaats=tekst("woonplaatsnaam"),
                gemeentecode=tekst("gemeentecode"),
                gemeentenaam=tekst("gemeentenaam"),
                nummeraanduiding_id=tekst("nummeraanduiding_id"),
                adresseerbaarobject_id=tekst("adresseerbaarobject_id"),
                wijkcode=tekst("wijkcode"),
                wijknaam=tekst("wijknaam"),
                buurtcode=tekst("buurtcode"),
                buurtnaam=tekst("buurtnaam"),
                lengte_breedte=ll,
                locatieserver_id=tekst("id"),
            )
        except (ValueError, TypeError) as exc:  # pydantic's ValidationError is a ValueError
            raise self._error(
                OngeldigAntwoord, f"{self.service.naam} gaf een onbruikbaar adres: {_eerste_regel(exc)}"
            ) from None


def _opsomming(namen: list[str], n: int = 5) -> str:
    return ", ".join(namen[:n]) + (f" en {len(namen) - n} meer" if len(namen) > n else "")


def _eerste_regel(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__

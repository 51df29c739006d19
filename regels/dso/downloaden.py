"""A regeling's STOP/TPOD package: DSO Omgevingsdocumenten Downloaden v1 (key ``REGELS_DSO_API_KEY``).

:meth:`DownloadenClient.download_regeling` returns the path of a ZIP with the regeling's STOP
text (``Regeling/Tekst.xml``), its OW files and its GIOs, ready for the STOP importer.

The flow is asynchronous. No official specification of this API was available, so the
contract below follows the one public description found (see ``../shared/apis/SUMMARY.md``
§2.D) and is kept in the ``_PATHS`` table so it is easy to correct:

1. ``POST /aanvraag {"regelingId": "/akn/nl/act/…"}`` → ``{"verzoekIdentificatie": …}``;
2. ``GET /status/{id}`` until ``BESCHIKBAAR`` (or ``MISLUKT``);
3. ``GET /download/{id}`` → ``{"url": …}``;
4. stream that URL to disk, stopping at the size limit. The API key goes along only if the URL
   is on the service's own origin.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from ._http import ServiceClient
from .fouten import DownloadMislukt, OngeldigAntwoord, OngeldigVerzoek
from .presenteren import uri_identificatie

__all__ = ["DownloadenClient"]

_PATHS = {"aanvraag": "aanvraag", "status": "status/{id}", "download": "download/{id}"}
_KLAAR = "BESCHIKBAAR"
_MISLUKT = {"MISLUKT", "FOUT", "GEWEIGERD"}
DEFAULT_MAX_BYTES = 500_000_000


class DownloadenClient(ServiceClient):
    """DSO Omgevingsdocumenten Downloaden v1."""

    service_code = "downloaden"

    def download_regeling(
        self,
        regeling: str,
        target: Path | str,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        poll_interval: float = 2.0,
        max_wait: float = 600.0,
    ) -> Path:
        """Download the STOP/TPOD ZIP of ``regeling`` (an AKN work or expression id).

        ``target`` is a folder (the file is named after the regeling) or a file path. Raises
        :class:`DownloadTeGroot` above ``max_bytes`` (nothing stays on disk),
        :class:`DownloadMislukt` when the service reports failure or is not ready in
        ``max_wait`` seconds, and :class:`OngeldigAntwoord` if the result is not a ZIP.
        """
        if not regeling.strip().startswith("/akn/"):
            raise OngeldigVerzoek(
                f"'{regeling}' is geen STOP-identificatie; verwacht bijvoorbeeld '/akn/nl/act/gm0637/2024/omgevingsplan'."
            )
        regeling = regeling.strip()
        target = Path(target)
        if target.is_dir() or not target.suffix:
            target = target / f"{uri_identificatie(regeling)}.zip"

        aanvraag = self.expect_object(
            self.post_json(_PATHS["aanvraag"], {"regelingId": regeling}, idempotent=False), "POST /aanvraag"
        )
        verzoek = aanvraag.get("verzoekIdentificatie")
        if not isinstance(verzoek, str) or not verzoek.strip() or "/" in verzoek:
            raise self._error(OngeldigAntwoord, f"{self.service.naam} gaf geen bruikbare verzoekIdentificatie.")

        self._wait_until_ready(verzoek, regeling, poll_interval, max_wait)

        antwoord = self.expect_object(self.get_json(_PATHS["download"].format(id=verzoek)), "GET /download")
        url = _download_url(antwoord)
        if url is None:
            raise self._error(OngeldigAntwoord, f"{self.service.naam} gaf geen download-URL voor {regeling}.")
        path = self.download(url, target, max_bytes=max_bytes)
        with path.open("rb") as fh:
            if fh.read(4) != b"PK\x03\x04":
                path.unlink(missing_ok=True)
                raise self._error(OngeldigAntwoord, f"{self.service.naam} leverde voor {regeling} geen ZIP-bestand.")
        return path

    def _wait_until_ready(self, verzoek: str, regeling: str, poll_interval: float, max_wait: float) -> None:
        polls = max(1, math.ceil(max_wait / poll_interval)) if poll_interval > 0 else 1
        status = "?"
        for poll in range(polls + 1):
            data = self.expect_object(self.get_json(_PATHS["status"].format(id=verzoek)), "GET /status")
            status = str(data.get("status", "")).strip().upper()
            if status == _KLAAR:
                return
            if status in _MISLUKT:
                reden = data.get("melding") or data.get("detail") or ""
                raise self._error(
                    DownloadMislukt,
                    f"{self.service.naam} kon {regeling} niet klaarzetten (status {status})"
                    + (f": {str(reden)[:200]}" if reden else "."),
                )
            if poll < polls:
                self.settings.sleep(poll_interval)
        raise self._error(
            DownloadMislukt,
            f"{self.service.naam} had {regeling} na {max_wait:g} seconden nog niet klaar (status {status}); "
            "probeer het later opnieuw.",
        )


def _download_url(data: dict[str, Any]) -> str | None:
    url = data.get("url")
    if isinstance(url, str) and url:
        return url
    links = data.get("_links")
    if isinstance(links, dict):
        link = links.get("download")
        if isinstance(link, dict) and isinstance(link.get("href"), str):
            return str(link["href"])
    return None

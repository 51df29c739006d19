"""The old bestemmingsplannen: Ruimtelijke Plannen Opvragen v4 (production only; the DSO key).

Since 1 January 2024 a gemeente's bestemmingsplannen form the *tijdelijk deel* of its
omgevingsplan, and they live only here, not in Ozon. A complete "what applies here" needs both
:meth:`~regels.dso.PresenterenClient.rules_at_location` and this client.

Geometry goes in RD and comes back in RD: ``Content-Crs`` and ``Accept-Crs`` are both
``epsg:28992`` (the API defaults to ``epsg:4258`` otherwise). Pages follow ``_links.next``;
``pageSize`` is one of 10, 20, 50 and 100.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from pydantic import BaseModel, ConfigDict

from ._geo import RD_EPSG, RdPunt
from ._http import ServiceClient
from .fouten import NietGevonden, OngeldigAntwoord, OngeldigVerzoek

__all__ = ["Bestemmingsvlak", "Maatvoering", "RuimtelijkPlan", "RuimtelijkePlannenClient"]

_GEO_HEADERS = {"Content-Crs": RD_EPSG}
_PLAN_ID = re.compile(r"^NL\.IMRO\.[A-Za-z0-9._-]{1,80}$")


class RuimtelijkPlan(BaseModel):
    """An IMRO plan (bestemmingsplan, wijzigingsplan, …)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str  # "NL.IMRO.0637.BP00017-0004"
    naam: str
    type: str
    planstatus: str | None = None
    planstatus_datum: dt.date | None = None
    regelstatus: str | None = None  # "geldend", "in ontwikkeling", …
    bevoegd_gezag: str | None = None
    verwijzing_naar_regels: str | None = None


class Bestemmingsvlak(BaseModel):
    """An enkel- or dubbelbestemming at a point."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    type: str  # "enkelbestemming" or "dubbelbestemming"
    naam: str
    hoofdgroep: str | None = None
    artikelnummer: str | None = None
    teksten: tuple[str, ...] = ()


class Maatvoering(BaseModel):
    """A dimension at a point, e.g. ``maximum bouwhoogte (m)`` = ``12``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    naam: str
    waarden: tuple[tuple[str, str], ...] = ()  # (naam, waarde) pairs as the plan states them


class RuimtelijkePlannenClient(ServiceClient):
    """Ruimtelijke Plannen Opvragen v4."""

    service_code = "ruimtelijke_plannen"

    def plans_at_point(self, punt: RdPunt, *, alleen_geldend: bool = True) -> list[RuimtelijkPlan]:
        """The plans whose area contains ``punt`` (by default only those in force)."""
        params: dict[str, Any] = {"pageSize": 100}
        if alleen_geldend:
            params["regelStatus"] = "geldend"
        body = {"_geo": {"intersects": punt.geojson()}}
        items = self.iter_hal("POST", "plannen/_zoek", "plannen", params=params, json=body, headers=_GEO_HEADERS)
        return [self._plan(p) for p in items]

    def plan(self, plan_id: str) -> RuimtelijkPlan:
        """One plan by its IMRO id."""
        self._check(plan_id)
        data = self.get_json(f"plannen/{plan_id}", not_found=f"Ruimtelijke Plannen kent plan {plan_id} niet.")
        return self._plan(self.expect_object(data, f"GET /plannen/{plan_id}"))

    def bestemmingen_at_point(self, plan_id: str, punt: RdPunt) -> list[Bestemmingsvlak]:
        """The bestemmingsvlakken of a plan at ``punt``."""
        self._check(plan_id)
        items = self._zoek(plan_id, "bestemmingsvlakken", punt)
        try:
            return [
                Bestemmingsvlak(
                    id=b["id"],
                    type=b["type"],
                    naam=b["naam"],
                    hoofdgroep=b.get("bestemmingshoofdgroep"),
                    artikelnummer=b.get("artikelnummer"),
                    teksten=tuple(b.get("verwijzingNaarTekst") or ()),
                )
                for b in items
            ]
        except (KeyError, TypeError, ValueError):
            raise self._error(OngeldigAntwoord, f"Ruimtelijke Plannen gaf een onbruikbaar bestemmingsvlak in {plan_id}.") from None

    def maatvoeringen_at_point(self, plan_id: str, punt: RdPunt) -> list[Maatvoering]:
        """The maatvoeringen (heights, percentages, …) of a plan at ``punt``."""
        self._check(plan_id)
        items = self._zoek(plan_id, "maatvoeringen", punt)
        try:
            return [
                Maatvoering(
                    id=m["id"],
                    naam=m["naam"],
                    waarden=tuple((str(o["naam"]), str(o["waarde"])) for o in m.get("omvang") or ()),
                )
                for m in items
            ]
        except (KeyError, TypeError, ValueError):
            raise self._error(OngeldigAntwoord, f"Ruimtelijke Plannen gaf een onbruikbare maatvoering in {plan_id}.") from None

    def _zoek(self, plan_id: str, soort: str, punt: RdPunt) -> list[dict[str, Any]]:
        body = {"_geo": {"intersects": punt.geojson()}}
        try:
            return list(
                self.iter_hal(
                    "POST", f"plannen/{plan_id}/{soort}/_zoek", soort, params={"pageSize": 100}, json=body, headers=_GEO_HEADERS
                )
            )
        except NietGevonden:
            raise self._error(NietGevonden, f"Ruimtelijke Plannen kent plan {plan_id} niet.") from None

    @staticmethod
    def _check(plan_id: str) -> None:
        if not _PLAN_ID.match(plan_id):
            raise OngeldigVerzoek(f"'{plan_id}' is geen IMRO-planidentificatie (NL.IMRO.…).")

    def _plan(self, p: dict[str, Any]) -> RuimtelijkPlan:
        try:
            status = p.get("planstatusInfo") or {}
            bg = p.get("publicerendBevoegdGezag") or p.get("beleidsmatigVerantwoordelijkeOverheid") or {}
            regels = p.get("verwijzingNaarVaststellingsbesluit")
            return RuimtelijkPlan(
                id=p["id"],
                naam=p["naam"],
                type=p["type"],
                planstatus=status.get("planstatus"),
                planstatus_datum=status.get("datum") or None,
                regelstatus=p.get("regelStatus"),
                bevoegd_gezag=bg.get("naam"),
                verwijzing_naar_regels=regels if isinstance(regels, str) else None,
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            raise self._error(OngeldigAntwoord, "Ruimtelijke Plannen gaf een onbruikbaar plan.") from None

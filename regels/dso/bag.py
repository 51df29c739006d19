"""Building facts from the BAG API Individuele Bevragingen v2 (key: ``REGELS_BAG_API_KEY``).

:meth:`BagClient.building_facts` answers "which building stands at this address": the pand (or
panden) with footprint area, oorspronkelijk bouwjaar and status, and the verblijfsobject with its
gebruiksdoelen and gebruiksoppervlakte. The result, :class:`GebouwFeiten`, says where each fact
came from, so a report can mark facts as taken from the BAG rather than given by the user.

Geometry is asked and sent in RD: ``Accept-Crs: epsg:28992`` on every request, and
``Content-Crs: epsg:28992`` with a ``locatie`` or ``bbox`` in the query.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import shapely.geometry
from pydantic import BaseModel, ConfigDict, Field
from shapely.errors import ShapelyError

from regels.errors import LocatieFout

from ._geo import RD_EPSG, RdPunt
from ._http import ServiceClient
from .fouten import NietGevonden, OngeldigAntwoord

__all__ = ["BagAdres", "BagClient", "GebouwFeiten", "Pand", "Verblijfsobject"]

_PAND_ID = re.compile(r"^[0-9]{4}10[0-9]{10}$")
_NUMMERAANDUIDING_ID = re.compile(r"^[0-9]{4}20[0-9]{10}$")
_GEO_HEADERS = {"Content-Crs": RD_EPSG}


class Pand(BaseModel):
    """A BAG pand: footprint, bouwjaar, status."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    identificatie: str
    status: str
    bouwjaar: int | None = None  # oorspronkelijkBouwjaar
    footprint_m2: float | None = None  # area of the pand's 2D outline in RD, holes excluded
    geometrie: dict[str, Any] | None = None  # GeoJSON Polygon in RD
    geconstateerd: bool | None = None
    in_onderzoek: tuple[str, ...] = ()  # kenmerken under investigation: "geometrie", "status", …


class Verblijfsobject(BaseModel):
    """A BAG verblijfsobject: what it is used for and how large it is."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    identificatie: str
    gebruiksdoelen: tuple[str, ...] = ()
    oppervlakte_m2: int | None = None  # gebruiksoppervlakte
    status: str | None = None
    pand_ids: tuple[str, ...] = ()


class BagAdres(BaseModel):
    """An address as the BAG ``adressenuitgebreid`` knows it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    nummeraanduiding_id: str
    weergavenaam: str
    postcode: str | None = None
    huisnummer: int | None = None
    huisletter: str | None = None
    huisnummertoevoeging: str | None = None
    woonplaats: str | None = None
    adresseerbaarobject_id: str | None = None
    type_adresseerbaar_object: str | None = None
    adresseerbaarobject_status: str | None = None
    gebruiksdoelen: tuple[str, ...] = ()
    oppervlakte_m2: int | None = None
    bouwjaren: tuple[int, ...] = ()
    pand_ids: tuple[str, ...] = ()


class GebouwFeiten(BaseModel):
    """The facts about the building at an address, each traceable to the BAG."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    adres: BagAdres
    panden: tuple[Pand, ...]
    bron: str = "BAG"
    opgehaald_op: dt.datetime = Field(default_factory=lambda: dt.datetime.now(dt.timezone.utc))

    @property
    def pand(self) -> Pand | None:
        """The (first) pand the address lies in."""
        return self.panden[0] if self.panden else None

    def feiten(self) -> dict[str, Any]:
        """Plain facts for a proposal; names are stable, values None when the BAG has none.

        ``footprint_m2`` is the sum over the panden of the address, ``bouwjaar`` the oldest.
        """
        voetafdrukken = [p.footprint_m2 for p in self.panden if p.footprint_m2 is not None]
        bouwjaren = [p.bouwjaar for p in self.panden if p.bouwjaar is not None] or list(self.adres.bouwjaren)
        return {
            "footprint_m2": round(sum(voetafdrukken), 2) if voetafdrukken else None,
            "bouwjaar": min(bouwjaren) if bouwjaren else None,
            "gebruiksdoelen": list(self.adres.gebruiksdoelen),
            "gebruiksoppervlakte_m2": self.adres.oppervlakte_m2,
            "pand_status": self.pand.status if self.pand else None,
        }

    def herkomst(self) -> str:
        """One line for a report: which BAG objects, fetched when."""
        panden = ", ".join(p.identificatie for p in self.panden) or "geen pand"
        return (
            f"BAG: adres {self.adres.nummeraanduiding_id}, pand {panden}, "
            f"opgehaald {self.opgehaald_op.astimezone().strftime('%Y-%m-%d %H:%M')}"
        )


class BagClient(ServiceClient):
    """BAG API Individuele Bevragingen v2 (Kadaster)."""

    service_code = "bag"

    def address(
        self,
        postcode: str,
        huisnummer: int,
        huisletter: str | None = None,
        toevoeging: str | None = None,
    ) -> BagAdres:
        """The address with exactly this postcode, number, letter and addition."""
        params: dict[str, Any] = {
            "postcode": postcode.replace(" ", "").upper(),
            "huisnummer": huisnummer,
            "exacteMatch": "true",
        }
        if huisletter:
            params["huisletter"] = huisletter
        if toevoeging:
            params["huisnummertoevoeging"] = toevoeging
        found = [self._adres(a) for a in self.iter_hal("GET", "adressenuitgebreid", "adressen", params=params)]
        label = f"{params['postcode']} {huisnummer}{huisletter or ''}{'-' + toevoeging if toevoeging else ''}"
        if not found:
            raise self._error(NietGevonden, f"De BAG kent geen adres {label}.")
        return found[0]

    def address_by_id(self, nummeraanduiding_id: str) -> BagAdres:
        """The address of a nummeraanduiding (as the Locatieserver gives it)."""
        self._check_id(nummeraanduiding_id, _NUMMERAANDUIDING_ID, "nummeraanduiding")
        data = self.get_json(
            f"adressenuitgebreid/{nummeraanduiding_id}",
            not_found=f"De BAG kent nummeraanduiding {nummeraanduiding_id} niet.",
        )
        return self._adres(self.expect_object(data, "GET /adressenuitgebreid"))

    def pand(self, pand_id: str) -> Pand:
        """One pand by its 16-digit identification."""
        self._check_id(pand_id, _PAND_ID, "pand")
        data = self.get_json(f"panden/{pand_id}", not_found=f"De BAG kent pand {pand_id} niet.")
        return self._pand(self.expect_object(data, f"GET /panden/{pand_id}"))

    def panden_at_point(self, punt: RdPunt) -> list[Pand]:
        """The panden whose outline contains an RD point."""
        params = {"locatie": f"{punt.x:.3f},{punt.y:.3f}"}
        return [self._pand(p) for p in self.iter_hal("GET", "panden", "panden", params=params, headers=_GEO_HEADERS)]

    def verblijfsobjecten_in_pand(self, pand_id: str) -> list[Verblijfsobject]:
        """Every verblijfsobject in a pand (paged)."""
        self._check_id(pand_id, _PAND_ID, "pand")
        items = self.iter_hal("GET", "verblijfsobjecten", "verblijfsobjecten", params={"pandIdentificatie": pand_id})
        return [self._verblijfsobject(v) for v in items]

    def building_facts(
        self,
        *,
        nummeraanduiding_id: str | None = None,
        postcode: str | None = None,
        huisnummer: int | None = None,
        huisletter: str | None = None,
        toevoeging: str | None = None,
    ) -> GebouwFeiten:
        """Footprint, bouwjaar, gebruiksdoel and status of the building at an address.

        Give ``nummeraanduiding_id`` (from :class:`~regels.dso.Adres`), or postcode and number.
        """
        if nummeraanduiding_id:
            adres = self.address_by_id(nummeraanduiding_id)
        elif postcode and huisnummer is not None:
            adres = self.address(postcode, huisnummer, huisletter, toevoeging)
        else:
            raise ValueError("geef nummeraanduiding_id, of postcode en huisnummer")
        panden = tuple(self.pand(pid) for pid in adres.pand_ids)
        return GebouwFeiten(adres=adres, panden=panden)

    # -- parsing ---------------------------------------------------------------------------

    def _check_id(self, value: str, pattern: re.Pattern[str], soort: str) -> None:
        if not pattern.match(value):
            raise LocatieFout(f"'{value}' is geen geldige BAG-{soort}identificatie (16 cijfers).")

    def _invalid(self, what: str) -> OngeldigAntwoord:
        return self._error(OngeldigAntwoord, f"De BAG gaf een onbruikbaar {what}.")  # type: ignore[return-value]

    def _adres(self, a: dict[str, Any]) -> BagAdres:
        try:
            regel = " ".join(
                str(x)
                for x in (
                    a.get("openbareRuimteNaam") or a.get("korteNaam"),
                    f"{a.get('huisnummer', '')}{a.get('huisletter') or ''}"
                    + (f"-{a['huisnummertoevoeging']}" if a.get("huisnummertoevoeging") else ""),
                )
                if x
            )
            plaats = " ".join(str(x) for x in (a.get("postcode"), a.get("woonplaatsNaam")) if x)
            return BagAdres(
                nummeraanduiding_id=a["nummeraanduidingIdentificatie"],
                weergavenaam=", ".join(x for x in (regel, plaats) if x),
                postcode=a.get("postcode"),
                huisnummer=a.get("huisnummer"),
                huisletter=a.get("huisletter"),
                huisnummertoevoeging=a.get("huisnummertoevoeging"),
                woonplaats=a.get("woonplaatsNaam"),
                adresseerbaarobject_id=a.get("adresseerbaarObjectIdentificatie"),
                type_adresseerbaar_object=a.get("typeAdresseerbaarObject"),
                adresseerbaarobject_status=a.get("adresseerbaarObjectStatus"),
                gebruiksdoelen=tuple(a.get("gebruiksdoelen") or ()),
                oppervlakte_m2=a.get("oppervlakte"),
                bouwjaren=tuple(int(j) for j in a.get("oorspronkelijkBouwjaar") or ()),
                pand_ids=tuple(a.get("pandIdentificaties") or ()),
            )
        except (KeyError, TypeError, ValueError):
            raise self._invalid("adres") from None

    def _pand(self, wrapper: dict[str, Any]) -> Pand:
        p = wrapper.get("pand", wrapper)
        if not isinstance(p, dict):
            raise self._invalid("pand")
        try:
            geometrie = p.get("geometrie")
            bouwjaar = p.get("oorspronkelijkBouwjaar")
            onderzoek = tuple(
                str(k["kenmerk"])
                for k in wrapper.get("inonderzoek") or ()
                if isinstance(k, dict) and k.get("inOnderzoek", "J") == "J" and "kenmerk" in k
            )
            return Pand(
                identificatie=p["identificatie"],
                status=p["status"],
                bouwjaar=int(bouwjaar) if bouwjaar not in (None, "") else None,
                footprint_m2=self._area(geometrie, p["identificatie"]) if geometrie else None,
                geometrie=geometrie,
                geconstateerd={"J": True, "N": False}.get(str(p.get("geconstateerd"))),
                in_onderzoek=onderzoek,
            )
        except (KeyError, TypeError, ValueError):
            raise self._invalid("pand") from None

    def _area(self, geometrie: Any, pand_id: str) -> float:
        try:
            shape = shapely.geometry.shape(geometrie)
            if not shape.is_valid:
                shape = shapely.make_valid(shape)
            area = float(shape.area)
        except (ShapelyError, ValueError, TypeError, KeyError, AttributeError, IndexError):
            raise self._error(OngeldigAntwoord, f"De BAG gaf een onleesbare geometrie voor pand {pand_id}.") from None
        if area <= 0:
            raise self._error(OngeldigAntwoord, f"De BAG gaf een geometrie zonder oppervlakte voor pand {pand_id}.")
        return round(area, 2)

    def _verblijfsobject(self, wrapper: dict[str, Any]) -> Verblijfsobject:
        v = wrapper.get("verblijfsobject", wrapper)
        try:
            return Verblijfsobject(
                identificatie=v["identificatie"],
                gebruiksdoelen=tuple(v.get("gebruiksdoelen") or ()),
                oppervlakte_m2=v.get("oppervlakte"),
                status=v.get("status"),
                pand_ids=tuple(v.get("maaktDeelUitVan") or ()),
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            raise self._invalid("verblijfsobject") from None

"""Plans in the DSO: Omgevingsdocumenten Presenteren v8 (Ozon; key ``REGELS_DSO_API_KEY``).

* :meth:`PresenterenClient.regelingen` - the regelingen of a bevoegd gezag (``gm0637``) or at a point;
  :meth:`~PresenterenClient.omgevingsplan` picks the gemeente's omgevingsplan.
* :meth:`~PresenterenClient.regeling` - one regeling, optionally as it was on a peildatum.
* :meth:`~PresenterenClient.versions` - its versions, newest first. Ozon v8 has no list of versions;
  this walks back along the validity time line (``geldigOp``/``inWerkingOp`` the day before each
  version began) until nothing older is found.
* :meth:`~PresenterenClient.rules_at_location` - what applies at an RD point: activities with their
  qualification (toegestaan, vergunningplicht, …), gebiedsaanwijzingen, omgevingsnormen and
  omgevingswaarden with the values that hold there, and the regelteksten (``wId``) to cite.

Geometry goes in RD with ``Content-Crs: http://www.opengis.net/def/crs/EPSG/0/28992`` (the only
form Ozon accepts). An answer asked with a ``beschikbaar_op`` moment in the past cannot change
and is cached.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from pydantic import BaseModel, ConfigDict

from ._geo import RD_URI, RdPunt
from ._http import ServiceClient
from .fouten import NietGevonden, OngeldigAntwoord, OngeldigVerzoek

__all__ = [
    "Activiteit",
    "Gebiedsaanwijzing",
    "Normwaarde",
    "Omgevingsnorm",
    "PresenterenClient",
    "Regeling",
    "RegelsOpLocatie",
    "bevoegd_gezag_code",
    "uri_identificatie",
]

_GEO_HEADERS = {"Content-Crs": RD_URI}
_BG_CODE = re.compile(r"^(gm|pv|ws|mnre)[0-9]{4}$")
_URI = re.compile(r"^_akn_[A-Za-z0-9_.]+$")


def uri_identificatie(regeling: str) -> str:
    """``/akn/nl/act/gm0637/2024/omgevingsplan`` → ``_akn_nl_act_gm0637_2024_omgevingsplan``.

    Ozon's path form of a STOP work id: slashes and hyphens become underscores. A value already in
    that form is returned unchanged; anything else raises :class:`OngeldigVerzoek`.
    """
    value = regeling.strip()
    if value.startswith("/akn/"):
        value = value.replace("/", "_").replace("-", "_")
    if not _URI.match(value) or ".." in value:
        raise OngeldigVerzoek(
            f"'{regeling}' is geen regeling-identificatie; verwacht bijvoorbeeld "
            "'/akn/nl/act/gm0637/2024/omgevingsplan'."
        )
    return value


def bevoegd_gezag_code(value: str) -> str:
    """``gm0637``, ``GM0637``, ``0637`` or ``637`` → ``gm0637``; also ``pv28``-style codes padded."""
    v = value.strip().lower()
    if v.isdigit() and len(v) <= 4:
        v = "gm" + v.zfill(4)
    m = re.match(r"^(gm|pv|ws|mnre)([0-9]{1,4})$", v)
    if m:
        v = m.group(1) + m.group(2).zfill(4)
    if not _BG_CODE.match(v):
        raise OngeldigVerzoek(
            f"'{value}' is geen code van een bevoegd gezag; verwacht bijvoorbeeld 'gm0637' (Zoetermeer)."
        )
    return v


class Regeling(BaseModel):
    """One regeling (version) as Ozon presents it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    identificatie: str  # the STOP work id, "/akn/nl/act/gm0637/…"
    uri_identificatie: str
    titel: str
    citeertitel: str | None = None
    type: str | None = None  # "Omgevingsplan", "Omgevingsverordening", …
    bevoegd_gezag: str | None = None  # "gm0637"
    bevoegd_gezag_naam: str | None = None
    versie: float | None = None
    begin_geldigheid: dt.date | None = None
    begin_inwerking: dt.date | None = None
    eind_geldigheid: dt.date | None = None
    tijdstip_registratie: dt.datetime | None = None
    is_tijdelijk_deel: bool = False

    @property
    def is_omgevingsplan(self) -> bool:
        return (self.type or "").strip().lower() == "omgevingsplan"


class Activiteit(BaseModel):
    """An activity that a rule at the location is about, with how the rule qualifies it."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    identificatie: str
    naam: str
    groep: str | None = None
    bovenliggende_activiteit: str | None = None  # identificatie of the parent activity
    kwalificaties: tuple[str, ...] = ()  # "vergunningplicht", "toegestaan", …
    regelteksten: tuple[str, ...] = ()  # wIds of the articles/leden that regulate it here


class Gebiedsaanwijzing(BaseModel):
    """A named designation of the area at the location, e.g. functie 'wonen'."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    identificatie: str
    naam: str
    type: str | None = None  # "functie", "beperkingengebied", …
    groep: str | None = None


class Normwaarde(BaseModel):
    """One value of a norm; ``locaties`` are the locatie ids where it holds."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    identificatie: str
    kwantitatief: float | None = None
    kwalitatief: str | None = None
    in_regeltekst: str | None = None
    locaties: tuple[str, ...] = ()


class Omgevingsnorm(BaseModel):
    """A typed quantity (maximum bouwhoogte …) with the values that hold at the location."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    identificatie: str
    naam: str
    type: str | None = None
    eenheid: str | None = None
    groep: str | None = None
    waarden: tuple[Normwaarde, ...] = ()


class RegelsOpLocatie(BaseModel):
    """What one regeling says about one point."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    regeling: Regeling
    punt: RdPunt
    peildatum: dt.date | None = None
    activiteiten: tuple[Activiteit, ...] = ()
    gebiedsaanwijzingen: tuple[Gebiedsaanwijzing, ...] = ()
    omgevingsnormen: tuple[Omgevingsnorm, ...] = ()
    omgevingswaarden: tuple[Omgevingsnorm, ...] = ()
    regelteksten: tuple[str, ...] = ()  # wIds of every regeltekst that applies here
    locaties: tuple[str, ...] = ()  # the locatie ids that contain the point


class PresenterenClient(ServiceClient):
    """DSO Omgevingsdocumenten Presenteren v8."""

    service_code = "presenteren"

    def regelingen(
        self,
        bevoegd_gezag: str | None = None,
        *,
        punt: RdPunt | None = None,
        peildatum: dt.date | None = None,
        beschikbaar_op: dt.datetime | None = None,
        page_size: int = 100,
    ) -> list[Regeling]:
        """The regelingen of a bevoegd gezag, or those that apply at a point, or both filters."""
        body: dict[str, Any] = {}
        if bevoegd_gezag:
            body["bevoegdGezag"] = [bevoegd_gezag_code(bevoegd_gezag)]
        if punt is not None:
            body["geometrie"] = punt.geojson()
        if not body:
            raise ValueError("geef een bevoegd gezag of een punt")
        params = {**_tijdreis(peildatum, beschikbaar_op), "size": page_size}
        items = self.iter_hal(
            "POST", "regelingen/_zoek", "regelingen", params=params, json=body, headers=_GEO_HEADERS
        )
        return [self._regeling(r) for r in items]

    def omgevingsplan(self, bevoegd_gezag: str, *, peildatum: dt.date | None = None) -> Regeling:
        """The omgevingsplan of a gemeente (its main regeling, not a tijdelijk deel)."""
        code = bevoegd_gezag_code(bevoegd_gezag)
        plannen = [r for r in self.regelingen(code, peildatum=peildatum) if r.is_omgevingsplan]
        if not plannen:
            raise self._error(NietGevonden, f"Geen omgevingsplan van {code} gevonden in het DSO.")
        plannen.sort(key=lambda r: (r.is_tijdelijk_deel, r.identificatie))
        return plannen[0]

    def regeling(
        self,
        regeling: str,
        *,
        peildatum: dt.date | None = None,
        beschikbaar_op: dt.datetime | None = None,
    ) -> Regeling:
        """One regeling by work id; with ``peildatum``, the version that was juridisch geldig then."""
        uri = uri_identificatie(regeling)
        data = self.get_json(
            f"regelingen/{uri}",
            _tijdreis(peildatum, beschikbaar_op),
            cacheable=_vast(beschikbaar_op),
            not_found=f"Het DSO kent regeling {regeling} niet"
            + (f" op {peildatum:%d-%m-%Y}." if peildatum else "."),
        )
        return self._regeling(self.expect_object(data, f"GET /regelingen/{uri}"))

    def versions(self, regeling: str, *, max_versions: int = 25) -> list[Regeling]:
        """The versions of a regeling, newest first (see the module docstring for how)."""
        found = [self.regeling(regeling)]
        while len(found) < max_versions:
            begin = found[-1].begin_geldigheid
            if begin is None:
                break
            try:
                older = self.regeling(regeling, peildatum=begin - dt.timedelta(days=1))
            except NietGevonden:
                break
            if older.begin_geldigheid is None or older.begin_geldigheid >= begin:
                break
            found.append(older)
        return found

    def rules_at_location(
        self,
        punt: RdPunt,
        *,
        regeling: str | None = None,
        bevoegd_gezag: str | None = None,
        alle_regelingen: bool = False,
        peildatum: dt.date | None = None,
        beschikbaar_op: dt.datetime | None = None,
    ) -> list[RegelsOpLocatie]:
        """What applies at ``punt``, per regeling.

        Without ``regeling``, the regelingen at the point are found first (only omgevingsplannen,
        unless ``alle_regelingen``), optionally only those of ``bevoegd_gezag``.
        """
        if regeling:
            gekozen = [self.regeling(regeling, peildatum=peildatum, beschikbaar_op=beschikbaar_op)]
        else:
            gekozen = [
                r
                for r in self.regelingen(bevoegd_gezag, punt=punt, peildatum=peildatum, beschikbaar_op=beschikbaar_op)
                if alle_regelingen or r.is_omgevingsplan
            ]
        return [self._annotaties(r, punt, peildatum, beschikbaar_op) for r in gekozen]

    # -- internals -------------------------------------------------------------------------

    def _annotaties(
        self,
        regeling: Regeling,
        punt: RdPunt,
        peildatum: dt.date | None,
        beschikbaar_op: dt.datetime | None,
    ) -> RegelsOpLocatie:
        path = f"regelingen/{regeling.uri_identificatie}/regeltekstannotaties/_zoek"
        data = self.post_json(
            path,
            {"geometrie": punt.geojson()},
            _tijdreis(peildatum, beschikbaar_op),
            headers=_GEO_HEADERS,
            cacheable=_vast(beschikbaar_op),
        )
        data = self.expect_object(data, f"POST /{path}")
        try:
            return _annotaties(data, regeling, punt, peildatum)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise self._error(
                OngeldigAntwoord,
                f"{self.service.naam} gaf onbruikbare annotaties voor {regeling.identificatie}.",
                verzoek=f"POST /{path}",
            ) from None

    def _regeling(self, r: dict[str, Any]) -> Regeling:
        try:
            identificatie = r["identificatie"]
            reg = r.get("geregistreerdMet") or {}
            bg = r.get("aangeleverdDoorEen") or {}
            links = r.get("_links") or {}
            return Regeling(
                identificatie=identificatie,
                uri_identificatie=uri_identificatie(identificatie),
                titel=r.get("officieleTitel") or r.get("citeerTitel") or identificatie,
                citeertitel=r.get("citeerTitel"),
                type=(r.get("type") or {}).get("waarde"),
                bevoegd_gezag=bg.get("code"),
                bevoegd_gezag_naam=bg.get("naam"),
                versie=reg.get("versie"),
                begin_geldigheid=reg.get("beginGeldigheid"),
                begin_inwerking=reg.get("beginInwerking"),
                eind_geldigheid=reg.get("eindGeldigheid") or r.get("geldigTot"),
                tijdstip_registratie=reg.get("tijdstipRegistratie"),
                is_tijdelijk_deel="tijdelijkDeelVan" in links,
            )
        except (KeyError, TypeError, ValueError, AttributeError, OngeldigVerzoek):
            raise self._error(
                OngeldigAntwoord,
                f"{self.service.naam} gaf een onbruikbare regeling ({str(r.get('identificatie', '?'))[:80]}).",
            ) from None


def _tijdreis(peildatum: dt.date | None, beschikbaar_op: dt.datetime | None) -> dict[str, str]:
    params: dict[str, str] = {}
    if peildatum is not None:
        params["geldigOp"] = params["inWerkingOp"] = peildatum.isoformat()
    if beschikbaar_op is not None:
        moment = beschikbaar_op if beschikbaar_op.tzinfo else beschikbaar_op.replace(tzinfo=dt.timezone.utc)
        params["beschikbaarOp"] = moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return params


def _vast(beschikbaar_op: dt.datetime | None) -> bool:
    """An answer pinned to a past availability moment cannot change: it may be cached."""
    if beschikbaar_op is None:
        return False
    moment = beschikbaar_op if beschikbaar_op.tzinfo else beschikbaar_op.replace(tzinfo=dt.timezone.utc)
    return moment < dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=5)


def _waarde(obj: Any) -> str | None:
    return obj.get("waarde") if isinstance(obj, dict) else None


def _lijst(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(x, dict) for x in value):
        raise ValueError(key)
    return value


def _uniek(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _annotaties(
    data: dict[str, Any], regeling: Regeling, punt: RdPunt, peildatum: dt.date | None
) -> RegelsOpLocatie:
    wids = {t["identificatie"]: t["wId"] for t in _lijst(data, "regelteksten")}
    hier = set(data.get("geselecteerdeLocatieRefs") or ())

    kwalificaties: dict[str, list[str]] = {}
    teksten: dict[str, list[str]] = {}
    for regel in _lijst(data, "regelsVoorIedereen"):
        wid = wids.get(regel["regeltekstRef"], regel["regeltekstRef"])
        for ala in regel.get("activiteitLocatieaanduidingen") or ():
            if hier and ala.get("locatieRefs") and not hier.intersection(ala["locatieRefs"]):
                continue
            ref = ala["activiteitRef"]
            kwal = _waarde(ala.get("activiteitregelkwalificatie"))
            if kwal:
                kwalificaties.setdefault(ref, []).append(kwal)
            teksten.setdefault(ref, []).append(wid)

    activiteiten = tuple(
        Activiteit(
            identificatie=a["identificatie"],
            naam=a["naam"],
            groep=_waarde(a.get("groep")),
            bovenliggende_activiteit=a.get("bovenliggendeActiviteitRef"),
            kwalificaties=_uniek(kwalificaties.get(a["identificatie"], ())),
            regelteksten=_uniek(teksten.get(a["identificatie"], ())),
        )
        for a in _lijst(data, "activiteiten")
    )
    gebiedsaanwijzingen = tuple(
        Gebiedsaanwijzing(
            identificatie=g["identificatie"],
            naam=g["naam"],
            type=_waarde(g.get("type")),
            groep=_waarde(g.get("groep")),
        )
        for g in _lijst(data, "gebiedsaanwijzingen")
    )

    def normen(key: str) -> tuple[Omgevingsnorm, ...]:
        uit = []
        for n in _lijst(data, key):
            waarden = tuple(
                Normwaarde(
                    identificatie=w["identificatie"],
                    kwantitatief=w.get("kwantitatieveWaarde"),
                    kwalitatief=w.get("kwalitatieveWaarde"),
                    in_regeltekst=w.get("waardeInRegeltekst"),
                    locaties=tuple(w.get("locatieRefs") or ()),
                )
                for w in n.get("normwaarden") or ()
                # keep the values that hold at the point (all of them if Ozon did not say where)
                if not hier or not w.get("locatieRefs") or hier.intersection(w["locatieRefs"])
            )
            uit.append(
                Omgevingsnorm(
                    identificatie=n["identificatie"],
                    naam=n["naam"],
                    type=_waarde(n.get("type")),
                    eenheid=_waarde(n.get("eenheid")),
                    groep=_waarde(n.get("groep")),
                    waarden=waarden,
                )
            )
        return tuple(uit)

    return RegelsOpLocatie(
        regeling=regeling,
        punt=punt,
        peildatum=peildatum,
        activiteiten=activiteiten,
        gebiedsaanwijzingen=gebiedsaanwijzingen,
        omgevingsnormen=normen("omgevingsnormen"),
        omgevingswaarden=normen("omgevingswaarden"),
        regelteksten=_uniek(wids.values()),
        locaties=tuple(sorted(hier)),
    )

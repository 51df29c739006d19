"""``regels dso …``: the services from the command line, for officers and developers.

The group is attached to the main command with ``main.add_command(dso)``. Every sub-command
prints Dutch text, or JSON with ``--json``; on an input or service error it prints one Dutch
line on stderr and exits with code 3, without a traceback.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import click
import httpx
from pydantic import BaseModel

from regels.errors import RegelsError

from ._cache import ResponseCache
from ._config import SERVICES, Environment, find_api_key, key_file_path
from ._geo import RdPunt
from ._http import HttpSettings, RetryPolicy, ServiceClient
from .bag import BagClient, GebouwFeiten, Pand
from .downloaden import DEFAULT_MAX_BYTES, DownloadenClient
from .fouten import SleutelOntbreekt
from .geometrie import GeometrieClient
from .locatieserver import Adres, LocatieserverClient
from .presenteren import PresenterenClient, RegelsOpLocatie, bevoegd_gezag_code
from .ruimtelijke_plannen import RuimtelijkePlannenClient

__all__ = ["dso"]

EXIT_FOUT = 3
_C = TypeVar("_C", bound=ServiceClient)
_F = TypeVar("_F", bound=Callable[..., Any])


class OngeldigeInvoer(RegelsError):
    """An argument on the command line cannot be used."""


@dataclass
class _Sessie:
    """The options of ``regels dso`` and the clients made from them; closed when the command ends."""

    omgeving: Environment
    timeout: float
    pogingen: int
    cache: ResponseCache
    _http: httpx.Client | None = None
    _clients: dict[type[ServiceClient], ServiceClient] = field(default_factory=dict)

    def client(self, cls: type[_C]) -> _C:
        if cls not in self._clients:
            settings = HttpSettings(timeout=self.timeout, retry=RetryPolicy(attempts=max(1, self.pogingen)))
            if self._http is None:
                self._http = httpx.Client(timeout=settings.httpx_timeout())
            self._clients[cls] = cls(environment=self.omgeving, client=self._http, settings=settings, cache=self.cache)
        return self._clients[cls]  # type: ignore[return-value]

    def close(self) -> None:
        if self._http is not None:
            self._http.close()


def _sessie() -> _Sessie:
    ctx = click.get_current_context()
    sessie = ctx.meta.get("regels.dso")
    if sessie is None:  # a sub-command invoked on its own (tests, other groups)
        sessie = _maak_sessie(ctx, None, 20.0, 3, None)
    return sessie  # type: ignore[no-any-return]


def _maak_sessie(ctx: click.Context, omgeving: str | None, timeout: float, pogingen: int, cache: Path | None) -> _Sessie:
    sessie = _Sessie(
        omgeving=Environment.parse(omgeving),
        timeout=timeout,
        pogingen=pogingen,
        cache=ResponseCache(cache),
    )
    ctx.meta["regels.dso"] = sessie
    ctx.call_on_close(sessie.close)
    return sessie


def _afhandelen(func: _F) -> _F:
    """Turn every regels error into one Dutch line on stderr and exit code 3."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except RegelsError as exc:
            regel = " ".join(str(exc).split())
            click.echo(f"fout: {regel}", err=True)
            raise click.exceptions.Exit(EXIT_FOUT) from None
        except ValueError as exc:  # e.g. an unknown environment name
            click.echo(f"fout: {' '.join(str(exc).split())}", err=True)
            raise click.exceptions.Exit(EXIT_FOUT) from None

    return wrapper  # type: ignore[return-value]


def _json(data: Any) -> None:
    def prepare(x: Any) -> Any:
        if isinstance(x, BaseModel):
            return x.model_dump(mode="json")
        if isinstance(x, (list, tuple)):
            return [prepare(i) for i in x]
        if isinstance(x, dict):
            return {k: prepare(v) for k, v in x.items()}
        return x

    click.echo(json.dumps(prepare(data), indent=2, ensure_ascii=False))


def _regels(rijen: list[tuple[str, Any]]) -> None:
    rijen = [(k, v) for k, v in rijen if v not in (None, "", [], ())]
    breedte = max((len(k) for k, _ in rijen), default=0) + 1
    for k, v in rijen:
        click.echo(f"{(k + ':').ljust(breedte + 1)}{v}")


def _peildatum(tekst: str | None) -> dt.date | None:
    if tekst is None:
        return None
    for fmt in ("%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(tekst.strip(), fmt).date()
        except ValueError:
            continue
    raise OngeldigeInvoer(f"'{tekst}' is geen datum; schrijf bijvoorbeeld 2026-01-31 of 31-01-2026.")


def _locatie(sessie: _Sessie, tekst: tuple[str, ...], x: float | None, y: float | None) -> tuple[RdPunt, Adres | None]:
    if x is not None or y is not None:
        if x is None or y is None or tekst:
            raise OngeldigeInvoer("Geef een adres, of --x en --y samen (RD-coördinaten in meters), niet allebei.")
        return RdPunt.maak(x, y), None
    if not tekst:
        raise OngeldigeInvoer("Geef een adres (bijvoorbeeld '2711 CJ 10') of --x en --y.")
    adres = sessie.client(LocatieserverClient).find_address(" ".join(tekst))
    return adres.punt, adres


# -- the group -------------------------------------------------------------------------------


@click.group(name="dso")
@click.option(
    "--omgeving",
    type=click.Choice(["prod", "pre"]),
    default=None,
    help="DSO-omgeving: prod of pre (standaard: $REGELS_OMGEVING, anders prod).",
)
@click.option("--timeout", type=click.FloatRange(min=0.01), default=20.0, show_default=True, help="Seconden wachten op een antwoord.")
@click.option("--pogingen", type=click.IntRange(min=1, max=10), default=3, show_default=True, help="Pogingen bij 429/503 of time-out.")
@click.option(
    "--cache",
    "cache_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Map om onveranderlijke antwoorden (geometrieën, vastgepinde versies) te bewaren.",
)
@click.pass_context
def dso(ctx: click.Context, omgeving: str | None, timeout: float, pogingen: int, cache_dir: Path | None) -> None:
    """Adressen, gebouwen en omgevingsplannen opvragen bij PDOK, BAG en het DSO."""
    try:
        _maak_sessie(ctx, omgeving, timeout, pogingen, cache_dir)
    except ValueError as exc:
        click.echo(f"fout: {exc}", err=True)
        ctx.exit(EXIT_FOUT)


@dso.command("adres")
@click.argument("tekst", nargs=-1, required=True)
@click.option("--json", "als_json", is_flag=True, help="Uitvoer als JSON.")
@_afhandelen
def adres_cmd(tekst: tuple[str, ...], als_json: bool) -> None:
    """Zoek een adres op: RD-punt, BAG-ids, gemeente, wijk en buurt.

    TEKST is een postcode met huisnummer ('2711 CJ 10') of een vrij adres ('Markt 10 Zoetermeer').
    """
    adres = _sessie().client(LocatieserverClient).find_address(" ".join(tekst))
    if als_json:
        _json({**adres.model_dump(mode="json"), "bevoegd_gezag": adres.bevoegd_gezag})
        return
    _toon_adres(adres)


def _toon_adres(adres: Adres) -> None:
    _regels(
        [
            ("Adres", adres.weergavenaam),
            ("RD-punt", f"{adres.punt.x:.2f}, {adres.punt.y:.2f}"),
            ("Gemeente", f"{adres.gemeentenaam} ({adres.bevoegd_gezag})" if adres.gemeentenaam else None),
            ("Wijk", _met_code(adres.wijknaam, adres.wijkcode)),
            ("Buurt", _met_code(adres.buurtnaam, adres.buurtcode)),
            ("Nummeraanduiding", adres.nummeraanduiding_id),
            ("Adresseerbaar object", adres.adresseerbaarobject_id),
            ("Bron", adres.bron),
        ]
    )


def _met_code(naam: str | None, code: str | None) -> str | None:
    if not naam:
        return code
    return f"{naam} ({code})" if code else naam


@dso.command("pand")
@click.argument("adres_of_pand", nargs=-1, required=True)
@click.option("--json", "als_json", is_flag=True, help="Uitvoer als JSON.")
@_afhandelen
def pand_cmd(adres_of_pand: tuple[str, ...], als_json: bool) -> None:
    """Gebouwgegevens uit de BAG: footprint, bouwjaar, gebruiksdoel en status.

    Geef een adres ('2711 CJ 10') of een pand-id van 16 cijfers.
    """
    sessie = _sessie()
    tekst = " ".join(adres_of_pand).strip()
    bag = sessie.client(BagClient)
    if re.fullmatch(r"[0-9]{4}10[0-9]{10}", tekst):
        pand = bag.pand(tekst)
        if als_json:
            _json(pand)
        else:
            _toon_pand(pand)
        return
    adres = sessie.client(LocatieserverClient).find_address(tekst)
    if adres.nummeraanduiding_id:
        feiten = bag.building_facts(nummeraanduiding_id=adres.nummeraanduiding_id)
    elif adres.postcode and adres.huisnummer is not None:
        feiten = bag.building_facts(
            postcode=adres.postcode,
            huisnummer=adres.huisnummer,
            huisletter=adres.huisletter,
            toevoeging=adres.huisnummertoevoeging,
        )
    else:
        raise OngeldigeInvoer(f"De Locatieserver gaf voor '{adres.weergavenaam}' geen BAG-adres.")
    if als_json:
        _json({**feiten.model_dump(mode="json"), "feiten": feiten.feiten(), "herkomst": feiten.herkomst()})
        return
    _toon_feiten(feiten)


def _m2(waarde: float | None) -> str | None:
    """``2700.5`` → ``2.700,5 m²`` (Dutch notation)."""
    if waarde is None:
        return None
    tekst = f"{waarde:,.1f}" if waarde % 1 else f"{waarde:,.0f}"
    return tekst.replace(",", "_").replace(".", ",").replace("_", ".") + " m²"


def _toon_pand(pand: Pand) -> None:
    _regels(
        [
            ("Pand", f"{pand.identificatie} ({pand.status})"),
            ("Bouwjaar", pand.bouwjaar),
            ("Footprint", _m2(pand.footprint_m2)),
            ("In onderzoek", ", ".join(pand.in_onderzoek)),
            ("Bron", "BAG"),
        ]
    )


def _toon_feiten(feiten: GebouwFeiten) -> None:
    f = feiten.feiten()
    _regels(
        [
            ("Adres", feiten.adres.weergavenaam),
            ("Panden", ", ".join(f"{p.identificatie} ({p.status})" for p in feiten.panden) or "geen"),
            ("Bouwjaar", f["bouwjaar"]),
            ("Footprint", _m2(f["footprint_m2"])),
            ("Gebruiksdoel", ", ".join(f["gebruiksdoelen"])),
            ("Gebruiksoppervlakte", _m2(f["gebruiksoppervlakte_m2"])),
            ("Status verblijfsobject", feiten.adres.adresseerbaarobject_status),
            ("Bron", feiten.herkomst()),
        ]
    )


@dso.command("plannen")
@click.option("--gemeente", default="gm0637", show_default=True, help="Bevoegd gezag, bijvoorbeeld gm0637 of 0637.")
@click.option("--peildatum", default=None, help="Datum waarop de regelingen gelden (JJJJ-MM-DD).")
@click.option("--alle", is_flag=True, help="Alle regelingen, niet alleen omgevingsplannen.")
@click.option("--json", "als_json", is_flag=True, help="Uitvoer als JSON.")
@_afhandelen
def plannen_cmd(gemeente: str, peildatum: str | None, alle: bool, als_json: bool) -> None:
    """De omgevingsplannen (en met --alle alle regelingen) van een gemeente in het DSO."""
    code = bevoegd_gezag_code(gemeente)
    regelingen = _sessie().client(PresenterenClient).regelingen(code, peildatum=_peildatum(peildatum))
    if not alle:
        regelingen = [r for r in regelingen if r.is_omgevingsplan]
    if als_json:
        _json(regelingen)
        return
    if not regelingen:
        click.echo(f"Geen {'regelingen' if alle else 'omgevingsplan'} van {code} gevonden.")
        return
    for r in regelingen:
        deel = " (tijdelijk deel)" if r.is_tijdelijk_deel else ""
        click.echo(f"{r.titel}{deel}")
        _regels(
            [
                ("  Identificatie", r.identificatie),
                ("  Soort", r.type),
                ("  Geldig vanaf", _datum(r.begin_geldigheid)),
                ("  In werking vanaf", _datum(r.begin_inwerking)),
            ]
        )


def _datum(d: dt.date | None) -> str | None:
    return d.strftime("%d-%m-%Y") if d else None


@dso.command("versies")
@click.argument("regeling")
@click.option("--max", "maximum", type=click.IntRange(min=1, max=200), default=25, show_default=True)
@click.option("--json", "als_json", is_flag=True, help="Uitvoer als JSON.")
@_afhandelen
def versies_cmd(regeling: str, maximum: int, als_json: bool) -> None:
    """De versies van een regeling, nieuwste eerst (REGELING: /akn/nl/act/…)."""
    versies = _sessie().client(PresenterenClient).versions(regeling, max_versions=maximum)
    if als_json:
        _json(versies)
        return
    click.echo(f"{versies[0].titel}: {len(versies)} {'versie' if len(versies) == 1 else 'versies'}")
    for v in versies:
        tot = f" tot {_datum(v.eind_geldigheid)}" if v.eind_geldigheid else ""
        click.echo(f"  geldig vanaf {_datum(v.begin_geldigheid) or '?'}{tot}, in werking vanaf {_datum(v.begin_inwerking) or '?'}")


@dso.command("regels-op-locatie")
@click.argument("adres", nargs=-1)
@click.option("--x", type=float, default=None, help="RD x in meters (met --y, in plaats van een adres).")
@click.option("--y", type=float, default=None, help="RD y in meters.")
@click.option("--regeling", default=None, help="Alleen deze regeling (/akn/nl/act/…).")
@click.option("--gemeente", default=None, help="Alleen regelingen van dit bevoegd gezag (gm0637).")
@click.option("--alle-regelingen", is_flag=True, help="Ook provinciale, waterschaps- en rijksregels.")
@click.option("--peildatum", default=None, help="Datum waarop de regels gelden (JJJJ-MM-DD).")
@click.option("--bestemmingsplannen", is_flag=True, help="Ook het tijdelijk deel (bestemmingsplannen uit Ruimtelijke Plannen).")
@click.option("--json", "als_json", is_flag=True, help="Uitvoer als JSON.")
@_afhandelen
def regels_op_locatie_cmd(
    adres: tuple[str, ...],
    x: float | None,
    y: float | None,
    regeling: str | None,
    gemeente: str | None,
    alle_regelingen: bool,
    peildatum: str | None,
    bestemmingsplannen: bool,
    als_json: bool,
) -> None:
    """Wat geldt er op een adres of punt: activiteiten, gebiedsaanwijzingen en normen."""
    sessie = _sessie()
    punt, gevonden = _locatie(sessie, adres, x, y)
    datum = _peildatum(peildatum)
    resultaten = sessie.client(PresenterenClient).rules_at_location(
        punt,
        regeling=regeling,
        bevoegd_gezag=bevoegd_gezag_code(gemeente) if gemeente else None,
        alle_regelingen=alle_regelingen,
        peildatum=datum,
    )
    tijdelijk: list[dict[str, Any]] = []
    if bestemmingsplannen:
        rp = sessie.client(RuimtelijkePlannenClient)
        for plan in rp.plans_at_point(punt):
            tijdelijk.append(
                {
                    "plan": plan,
                    "bestemmingen": rp.bestemmingen_at_point(plan.id, punt),
                    "maatvoeringen": rp.maatvoeringen_at_point(plan.id, punt),
                }
            )
    if als_json:
        _json({"locatie": {"punt": punt, "adres": gevonden}, "regelingen": resultaten, "bestemmingsplannen": tijdelijk})
        return
    if gevonden is not None:
        click.echo(f"Gebruikte locatie: {gevonden.weergavenaam} ({punt})")
    else:
        click.echo(f"Gebruikte locatie: {punt}")
    if not resultaten:
        click.echo("Geen omgevingsplan gevonden op deze locatie." if not alle_regelingen else "Geen regelingen gevonden op deze locatie.")
    for r in resultaten:
        _toon_regels(r)
    for t in tijdelijk:
        plan = t["plan"]
        click.echo(f"\n{plan.naam} ({plan.id}, {plan.planstatus or plan.type})")
        for b in t["bestemmingen"]:
            artikel = f", artikel {b.artikelnummer}" if b.artikelnummer else ""
            click.echo(f"  {b.type}: {b.naam}{artikel}")
        for m in t["maatvoeringen"]:
            for naam, waarde in m.waarden or ((m.naam, ""),):
                click.echo(f"  maatvoering {naam}: {waarde}".rstrip(": "))


def _toon_regels(r: RegelsOpLocatie) -> None:
    click.echo(f"\n{r.regeling.titel} ({r.regeling.identificatie})")
    if r.activiteiten:
        click.echo("  Activiteiten:")
        for a in r.activiteiten:
            kw = f": {', '.join(a.kwalificaties)}" if a.kwalificaties else ""
            click.echo(f"    - {a.naam}{kw}")
    if r.gebiedsaanwijzingen:
        click.echo("  Gebiedsaanwijzingen:")
        for g in r.gebiedsaanwijzingen:
            soort = f" ({g.type})" if g.type else ""
            click.echo(f"    - {g.naam}{soort}")
    for kop, normen in (("Omgevingsnormen", r.omgevingsnormen), ("Omgevingswaarden", r.omgevingswaarden)):
        if normen:
            click.echo(f"  {kop}:")
            for n in normen:
                waarden = "; ".join(_normwaarde(w.kwantitatief, w.kwalitatief, n.eenheid) for w in n.waarden) or "geen waarde hier"
                click.echo(f"    - {n.naam}: {waarden}")
    if not (r.activiteiten or r.gebiedsaanwijzingen or r.omgevingsnormen or r.omgevingswaarden):
        click.echo("  Geen annotaties op dit punt.")


def _normwaarde(kwantitatief: float | None, kwalitatief: str | None, eenheid: str | None) -> str:
    if kwantitatief is not None:
        getal = f"{kwantitatief:g}".replace(".", ",")
        return f"{getal} {eenheid}" if eenheid else getal
    return kwalitatief or "?"


@dso.command("download")
@click.argument("regeling")
@click.option("--naar", type=click.Path(path_type=Path), default=Path("."), show_default=True, help="Map of bestand.")
@click.option("--max-mb", type=click.FloatRange(min=0.001), default=DEFAULT_MAX_BYTES / 1e6, show_default=True)
@_afhandelen
def download_cmd(regeling: str, naar: Path, max_mb: float) -> None:
    """Download het STOP/TPOD-pakket (ZIP) van een regeling (REGELING: /akn/nl/act/…)."""
    pad = _sessie().client(DownloadenClient).download_regeling(regeling, naar, max_bytes=int(max_mb * 1e6))
    mb = f"{pad.stat().st_size / 1e6:.1f}".replace(".", ",")
    click.echo(f"Opgeslagen: {pad} ({mb} MB)")


@dso.command("geometrie")
@click.argument("identificatie")
@click.option("--json", "als_json", is_flag=True, help="De geometrie als GeoJSON.")
@_afhandelen
def geometrie_cmd(identificatie: str, als_json: bool) -> None:
    """Een werkingsgebied uit het DSO, in RD (EPSG:28992)."""
    g = _sessie().client(GeometrieClient).geometry(identificatie)
    if als_json:
        _json(g.geojson)
        return
    _regels([("Geometrie", g.identificatie), ("Soort", g.geojson.get("type")), ("Oppervlakte", _m2(g.oppervlakte_m2))])


@dso.command("sleutels")
@_afhandelen
def sleutels_cmd() -> None:
    """Laat zien welke API-sleutels zijn ingesteld (nooit de sleutels zelf)."""
    sessie = _sessie()
    click.echo(f"Omgeving: {sessie.omgeving.label}; sleutelbestand: {key_file_path()}")
    for code, naam in (("presenteren", "DSO"), ("bag", "BAG")):
        try:
            key = find_api_key(SERVICES[code], sessie.omgeving)
            click.echo(f"{naam}: ingesteld ({key.source if key else 'niet nodig'})")
        except SleutelOntbreekt as exc:
            click.echo(f"{naam}: ontbreekt. {exc}")
    click.echo("PDOK Locatieserver: geen sleutel nodig")

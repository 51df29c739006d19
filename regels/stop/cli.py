"""``regels export`` and ``regels import``: the STOP/TPOD commands (wired into the main command by regels.cli).

Exit codes: 0 done (and valid, with ``--controleer``); 1 the delivery does not validate, or the
imported plan does not load (the folder is written anyway, with the report), or a ``--wijziging``
withdraws the regeling (nothing is written); 3 input error (also a wijziging that does not fit).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

import click

from regels.errors import RegelingIngetrokken, RegelsError

KLAAR, ONGELDIG, INVOERFOUT = 0, 1, 3


def _datum(ctx: click.Context, param: click.Parameter, waarde: str | None) -> dt.date | None:
    if waarde is None:
        return None
    try:
        return dt.date.fromisoformat(waarde)
    except ValueError:
        raise click.BadParameter(f"{waarde!r} is geen datum; schrijf JJJJ-MM-DD") from None


def _opslag(schemas: Path | None, offline: bool) -> Any:
    from regels.stop.schemas import SchemaOpslag
    if schemas is None and not offline:
        return SchemaOpslag.standaard()
    return SchemaOpslag(schemas, offline=True if offline else None)


def _stop(e: RegelsError) -> None:
    click.echo(str(e) if hasattr(e, "fouten") else f"fout: {e}", err=True)
    sys.exit(INVOERFOUT)


schemas_optie = click.option("--schemas", type=click.Path(path_type=Path, file_okay=False, exists=True),
                             help="map met de officiële XSD's en Schematron (standaard: REGELS_STOP_SCHEMAS, "
                                  "anders de cache, anders downloaden)")
offline_optie = click.option("--offline", is_flag=True, help="nooit schema's downloaden")


@click.command(name="export")
@click.argument("uit", type=click.Path(path_type=Path))
@click.option("--plan", "plan_map", type=click.Path(path_type=Path, file_okay=False),
              help="map van het plan (standaard: het meegeleverde plan van Zoetermeer)")
@click.option("--bekendmaking", callback=_datum, help="datum van bekendmaking JJJJ-MM-DD (standaard: begin eerste versie)")
@click.option("--oin", default=None, help="OIN van bevoegd gezag en aanleveraar (standaard: de OIN voor de testketen)")
@click.option("--validatie", "validatieopdracht", is_flag=True, help="maak een validatieOpdracht in plaats van een publicatieOpdracht")
@click.option("--zonder-machinebestand", is_flag=True,
              help="laat regels-machine.xml weg (alleen officiële bestanden; de machinelogica gaat dan verloren)")
@click.option("--geen-zip", is_flag=True, help="schrijf alleen de map, geen zip")
@click.option("--controleer", is_flag=True, help="valideer de levering: XSD, Schematron en de TPOD-regels")
@schemas_optie
@offline_optie
def export(uit: Path, plan_map: Path | None, bekendmaking: dt.date | None, oin: str | None, validatieopdracht: bool,
           zonder_machinebestand: bool, geen_zip: bool, controleer: bool, schemas: Path | None, offline: bool) -> None:
    """Schrijf een LVBB-levering (STOP/TPOD) van het plan naar de map UIT en UIT.zip.

    \b
    regels export uit/zoetermeer                    map uit/zoetermeer en uit/zoetermeer.zip
    regels export uit/z --controleer --schemas ../shared/stop-tpod
    """
    try:
        from regels.load import load_plan
        from regels.stop.export import TEST_OIN, exporteer
        plan = load_plan(plan_map)
        levering = exporteer(plan, bekendmaking=bekendmaking, oin=oin or TEST_OIN,
                             opdracht="validatie" if validatieopdracht else "publicatie",
                             machinebestand=not zonder_machinebestand)
        for m in levering.meldingen:
            click.echo(m.render(), err=True)
        if levering.fouten:
            sys.exit(ONGELDIG)
        levering.schrijf_map(uit)
        click.echo(f"{len(levering.bestanden)} bestanden geschreven in {uit}/")
        if not geen_zip:
            zip_pad = uit.with_name(uit.name + ".zip")
            levering.schrijf_zip(zip_pad)
            click.echo(f"zip geschreven: {zip_pad}")
        if controleer:
            from regels.stop.tpod import controleer as valideer
            uitslag = valideer(levering, opslag=_opslag(schemas, offline))
            for m in uitslag.xsd + uitslag.schematron.meldingen + uitslag.tpod:
                click.echo(m.render())
            click.echo(uitslag.samenvatting())
            sys.exit(KLAAR if uitslag.geldig else ONGELDIG)
    except RegelsError as e:
        _stop(e)


def _ambtsgebied(ctx: click.Context, param: click.Parameter, waarden: tuple[str, ...]) -> dict[str, Any]:
    from regels.geo import lees_geojson
    uit: dict[str, Any] = {}
    for w in waarden:
        if "=" not in w:
            raise click.BadParameter(f"{w!r}: schrijf CODE=BESTAND.geojson, bv. GM0297=zaltbommel.geojson")
        code, pad = w.split("=", 1)
        try:
            features = lees_geojson(Path(pad))
        except RegelsError as e:
            raise click.BadParameter(str(e)) from None
        import shapely
        uit[code.strip()] = shapely.union_all(list(features.values()))
    return uit


@click.command(name="import")
@click.argument("pakket", type=click.Path(path_type=Path, exists=True))
@click.option("--uit", "uit", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="map waarin het plan (.regels, gebieden/*.geojson, IMPORTRAPPORT.md) wordt geschreven")
@click.option("--ambtsgebied", multiple=True, callback=_ambtsgebied, metavar="CODE=BESTAND",
              help="de echte grens van een Ambtsgebied (GeoJSON), bv. GM0297=zaltbommel.geojson")
@click.option("--zonder-machinebestand", is_flag=True, help="negeer regels-machine.xml (lees alleen STOP en IMOW)")
@click.option("--wijziging", "wijzigingen", multiple=True, type=click.Path(path_type=Path, exists=True),
              metavar="LEVERING", help="een wijzigingsbesluit (LVBB-levering, map of zip) dat op de regeling wordt "
                                       "toegepast; herhaal de optie voor elke wijziging, in volgorde")
@click.option("--controleer", is_flag=True, help="valideer ook elk XML-bestand tegen zijn XSD en meld afwijkingen")
@click.option("--json", "als_json", is_flag=True, help="druk de samenvatting en het rapport af als JSON")
@schemas_optie
@offline_optie
def import_(pakket: Path, uit: Path, ambtsgebied: dict[str, Any], zonder_machinebestand: bool,
            wijzigingen: tuple[Path, ...], controleer: bool, als_json: bool, schemas: Path | None, offline: bool) -> None:
    """Lees een LVBB-levering of een download van DSO/LVBB (map of zip) in als plan in de map --uit.

    \b
    regels import download.zip --uit plannen/gemeentestad
    regels import opdracht --wijziging opdracht_2 --wijziging opdracht_3a --uit plannen/gemeentestad
    regels lint plannen/gemeentestad
    regels check initiatief.json --plan plannen/gemeentestad
    """
    try:
        from regels.stop.importeer import importeer
        uitslag = importeer(pakket, opslag=_opslag(schemas, offline) if controleer else None,
                            ambtsgebieden=ambtsgebied, valideer=controleer, machine=not zonder_machinebestand,
                            wijzigingen=wijzigingen)
        uitslag.schrijf_planmap(uit)
    except RegelingIngetrokken as e:
        if als_json:
            click.echo(json.dumps({"ingetrokken": True, "plan_laadt": False, "bericht": str(e),
                                   "wijzigingen": [v.als_dict() for v in e.verslagen]}, ensure_ascii=False, indent=2))
        else:
            _toon_wijzigingen(e.verslagen)
            click.echo(f"{e}", err=True)
        sys.exit(ONGELDIG)
    except RegelsError as e:
        _stop(e)
        return
    tel = uitslag.tel()
    if als_json:
        click.echo(json.dumps({
            "route": uitslag.route, "plan_laadt": uitslag.plan is not None, "map": str(uit), "telling": tel,
            "wijzigingen": [v.als_dict() for v in uitslag.wijzigingen],
            "fouten": [m.render() for m in uitslag.fouten],
            "rapport": [{"soort": r.soort, "waar": r.waar, "bericht": r.bericht} for r in uitslag.rapport],
        }, ensure_ascii=False, indent=2))
    else:
        for r in uitslag.rapport:
            if r.soort in ("overgeslagen", "afwijking", "benaderd", "hersteld"):
                click.echo(str(r))
        _toon_wijzigingen(uitslag.wijzigingen)
        click.echo(f"Plan geschreven in {uit}/ (route: {uitslag.route}). "
                   + ", ".join(f"{n} {s}" for s, n in tel.items()) + "; zie IMPORTRAPPORT.md.")
        for m in uitslag.fouten:
            click.echo(m.render(), err=True)
        if uitslag.plan is not None:
            p = uitslag.plan
            click.echo(f"Het plan laadt: {len(p.regels)} regels, {len(p.normen)} normen, {len(p.activiteiten)} activiteiten, "
                       f"{len(p.locaties)} locaties.")
    sys.exit(KLAAR if uitslag.plan is not None else ONGELDIG)


def _toon_wijzigingen(verslagen: Any) -> None:
    """One line per applied wijziging, in order."""
    for i, v in enumerate(verslagen, 1):
        click.echo(f"Wijziging {i}: {v.samenvatting()}")


__all__ = ["export", "import_"]

"""The ``regels`` command: thin wiring of the public API to the terminal.

Exit codes of ``regels check``: 0 past, 1 past niet, 2 onvolledig of ter beoordeling, 3 invoerfout.
Every input error prints a Dutch message without a traceback.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, Callable

import click

from regels.clitaal import nederlands, vertaal_gebruiksfout
from regels.errors import RegelsError

PAST, PAST_NIET, ONVOLLEDIG, INVOERFOUT = 0, 1, 2, 3
EXIT = {"past": PAST, "past niet": PAST_NIET, "onvolledig": ONVOLLEDIG, "ter beoordeling": ONVOLLEDIG}


def _datum(ctx: click.Context, param: click.Parameter, waarde: str | None) -> dt.date | None:
    if waarde is None:
        return None
    try:
        return dt.date.fromisoformat(waarde)
    except ValueError:
        raise click.BadParameter(f"{waarde!r} is geen datum; schrijf JJJJ-MM-DD") from None


def _fout(e: RegelsError) -> None:
    tekst = str(e)
    click.echo(tekst if hasattr(e, "fouten") else f"fout: {tekst}", err=True)
    sys.exit(INVOERFOUT)


def _plan(map_: Path | None) -> Any:
    from regels.load import load_plan
    return load_plan(map_)


plan_optie = click.option("--plan", "plan_map", type=click.Path(path_type=Path, file_okay=False),
                          help="map van het plan (standaard: het meegeleverde plan van Zoetermeer)")


class _Groep(click.Group):
    """Turns click's usage errors into exit code 3 (invoerfout) with a Dutch hint."""

    def main(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        kwargs.setdefault("standalone_mode", False)
        try:
            return super().main(*args, **kwargs)
        except click.exceptions.NoArgsIsHelpError as e:
            click.echo(e.ctx.get_help() if e.ctx else str(e))
            sys.exit(0)
        except click.UsageError as e:
            click.echo(f"fout: {vertaal_gebruiksfout(e.format_message())}", err=True)
            if e.ctx is not None:
                click.echo(f"Zie '{e.ctx.command_path} --help'.", err=True)
            sys.exit(INVOERFOUT)
        except click.exceptions.Abort:
            sys.exit(130)
        except click.exceptions.Exit as e:
            sys.exit(e.exit_code)
        except RegelsError as e:
            _fout(e)


@click.group(cls=_Groep, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="regels", message="regels %(version)s")
def main() -> None:
    """regels: toets initiatieven aan het omgevingsplan (Zoetermeer).

    \b
    regels check voorbeelden/past.json     toets een initiatief
    regels lint rules/zoetermeer           controleer een plan
    regels fmt rules/zoetermeer            toon de canonieke tekst
    regels show --gebied Meerzicht         wat geldt waar
    """


@main.command()
@click.argument("voorstel", type=click.Path(path_type=Path, dir_okay=False))
@plan_optie
@click.option("--peildatum", callback=_datum, help="JJJJ-MM-DD; standaard die in het voorstel, anders vandaag")
@click.option("--json", "als_json", is_flag=True, help="druk de uitkomst af als JSON (schemas/uitkomst.schema.json)")
@click.option("--uitgebreid", is_flag=True, help="toon ook voldane voorwaarden, regels die niet gelden en de juridische tekst")
@click.option("--trace", is_flag=True, help="toon het verloop van de toets")
@click.option("--adres", help="zoek de locatie op bij dit adres (PDOK Locatieserver), bv. 'Stadhuisplein 1, Zoetermeer'")
@click.option("--bag", "met_bag", is_flag=True, help="vul ontbrekende feiten aan uit de BAG (sleutel nodig: REGELS_BAG_API_KEY)")
def check(voorstel: Path, plan_map: Path | None, peildatum: dt.date | None, als_json: bool, uitgebreid: bool, trace: bool,
          adres: str | None, met_bag: bool) -> None:
    """Toets een initiatief (JSON) aan het plan.

    Exitcode: 0 past, 1 past niet, 2 onvolledig of ter beoordeling, 3 invoerfout.
    """
    from regels.evaluate import evaluate
    from regels.model.voorstel import lees_voorstel
    from regels.report.text import rapport

    try:
        data = voorstel.read_bytes()
    except OSError as e:
        raise click.UsageError(f"kan {voorstel} niet lezen: {e.strerror}") from None
    v = lees_voorstel(data, bron=str(voorstel))
    plan = _plan(plan_map)
    tekst = adres or (v.locatie.adres if v.locatie.coordinates is None else None)
    if tekst or met_bag:
        from regels.aanvullen import met_adres, vul_aan_uit_bag, zoek_adres

        if not tekst:
            raise click.UsageError("--bag heeft een adres nodig: geef --adres of zet 'adres' in de locatie van het voorstel")
        gevonden = zoek_adres(tekst)
        v = met_adres(v, gevonden)
        if met_bag:
            v = vul_aan_uit_bag(plan, v, gevonden)
    datum = peildatum or v.peildatum or dt.date.today()
    u = evaluate(plan, v, datum)
    if als_json:
        click.echo(u.model_dump_json(indent=2))
    else:
        click.echo(rapport(u, uitgebreid=uitgebreid, trace=trace), nl=False)
    sys.exit(EXIT[u.oordeel])


@main.command()
@click.argument("map_", metavar="[PLANMAP]", required=False, type=click.Path(path_type=Path, file_okay=False))
def lint(map_: Path | None) -> None:
    """Controleer een plan en meld alle fouten tegelijk (bestand:regel:kolom)."""
    from regels.errors import PlanFouten
    from regels.load import load_plan

    try:
        plan = load_plan(map_)
    except PlanFouten as e:
        click.echo(e.render(), err=True)
        sys.exit(1)
    for w in plan.waarschuwingen:
        click.echo(w.render(), err=True)
    n_art = len(plan.artikelen)
    click.echo(f"{plan.titel}: geen fouten ({n_art} artikelen, {len(plan.regels)} juridische regels, "
               f"{len(plan.waarschuwingen)} waarschuwingen)")


@main.command()
@click.argument("paden", nargs=-1, type=click.Path(path_type=Path))
@click.option("--schrijf", is_flag=True, help="schrijf de canonieke tekst terug in de bestanden")
@click.option("--controleer", is_flag=True, help="alleen controleren: exitcode 1 als een bestand niet canoniek is")
def fmt(paden: tuple[Path, ...], schrijf: bool, controleer: bool) -> None:
    """Druk .regels-bestanden af in canonieke vorm (of herschrijf ze met --schrijf)."""
    from regels.errors import PlanFouten
    from regels.language.format import format_bestand
    from regels.language.parse import parse_bestand
    from regels.load import bundled_plan_dir

    bestanden: list[Path] = []
    for p in paden or (bundled_plan_dir(),):
        bestanden.extend(sorted(p.rglob("*.regels")) if p.is_dir() else [p])
    fouten, afwijkend = [], []
    for pad in bestanden:
        b, f = parse_bestand(pad)
        if f:
            fouten.extend(f)
            continue
        tekst = format_bestand(b)
        if controleer or schrijf:
            if pad.read_text(encoding="utf-8") != tekst:
                afwijkend.append(pad)
                if schrijf:
                    pad.write_text(tekst, encoding="utf-8")
        else:
            if len(bestanden) > 1:
                click.echo(f"# ---- {pad}")
            click.echo(tekst, nl=False)
    if fouten:
        click.echo(PlanFouten(fouten).render(), err=True)
        sys.exit(1)
    for pad in afwijkend:
        click.echo(f"{'herschreven' if schrijf else 'niet canoniek'}: {pad}", err=True)
    if controleer and afwijkend:
        sys.exit(1)


def _punt(waarde: str, crs: str) -> Any:
    from shapely.geometry import Point
    from regels.geo import naar_rd
    try:
        x, y = (float(d.strip().replace(",", ".")) for d in waarde.replace(";", " ").split())
    except ValueError:
        raise click.BadParameter(f"{waarde!r}: schrijf twee getallen, gescheiden door een spatie, bv. '93000 452000'") from None
    return naar_rd(Point(x, y), crs)


@main.command()
@plan_optie
@click.option("--rd", "rd", metavar="'X Y'", help="locatie in RD (EPSG:28992), bv. '93000 452000'")
@click.option("--wgs84", metavar="'LON LAT'", help="locatie in WGS84, bv. '4.49 52.06'")
@click.option("--gebied", help="een gebied van het plan, bv. Meerzicht (een punt binnen dat gebied)")
@click.option("--activiteit", help="alleen deze activiteit (en wat erboven valt)")
@click.option("--peildatum", callback=_datum, help="JJJJ-MM-DD; standaard vandaag")
@click.option("--activiteiten", "lijst_activiteiten", is_flag=True, help="toon de activiteitenboom")
@click.option("--begrippen", "lijst_begrippen", is_flag=True, help="toon de begrippen (feiten van een voorstel)")
@click.option("--gebieden", "lijst_gebieden", is_flag=True, help="toon de gebieden")
@click.option("--indicatoren", "lijst_indicatoren", is_flag=True, help="toon de indicatoren voor de afwijkingsregel")
def show(plan_map: Path | None, rd: str | None, wgs84: str | None, gebied: str | None, activiteit: str | None,
         peildatum: dt.date | None, lijst_activiteiten: bool, lijst_begrippen: bool, lijst_gebieden: bool,
         lijst_indicatoren: bool) -> None:
    """Toon wat op een locatie en voor een activiteit geldt: artikelen, normen en hun waarden."""
    from regels.report.show import toon_activiteiten, toon_begrippen, toon_gebieden, toon_indicatoren, toon_locatie

    plan = _plan(plan_map)
    if lijst_activiteiten:
        click.echo(toon_activiteiten(plan), nl=False)
    if lijst_begrippen:
        click.echo(toon_begrippen(plan), nl=False)
    if lijst_gebieden:
        click.echo(toon_gebieden(plan), nl=False)
    if lijst_indicatoren:
        click.echo(toon_indicatoren(), nl=False)
    if rd or wgs84 or gebied:
        if sum(x is not None for x in (rd, wgs84, gebied)) > 1:
            raise click.UsageError("geef één locatie: --rd, --wgs84 of --gebied")
        if gebied is not None:
            if gebied not in plan.locaties:
                import difflib
                s = difflib.get_close_matches(gebied, list(plan.locaties), n=1)
                raise click.BadParameter(f"onbekend gebied {gebied!r}" + (f"; bedoelt u {s[0]!r}?" if s else ""),
                                         param_hint="--gebied")
            punt = plan.locaties[gebied].representative_point()
        else:
            punt = _punt(rd, "EPSG:28992") if rd else _punt(wgs84 or "", "EPSG:4326")
        if activiteit is not None and activiteit not in plan.activiteiten:
            raise click.BadParameter(f"onbekende activiteit {activiteit!r} (zie 'regels show --activiteiten')",
                                     param_hint="--activiteit")
        click.echo(toon_locatie(plan, punt, activiteit, peildatum or dt.date.today()), nl=False)
    elif not (lijst_activiteiten or lijst_begrippen or lijst_gebieden or lijst_indicatoren):
        raise click.UsageError("geef een locatie (--rd, --wgs84 of --gebied) of een lijst (--activiteiten, --begrippen, --gebieden)")


@main.command()
@click.option("--map", "map_", type=click.Path(path_type=Path, file_okay=False), default=Path("schemas"), show_default=True)
@click.option("--controleer", is_flag=True, help="alleen controleren of de schema's gelijk zijn aan de modellen")
def schemas(map_: Path, controleer: bool) -> None:
    """Schrijf de JSON Schema's van voorstel en uitkomst (gegenereerd uit de modellen)."""
    from regels.schemas import SCHEMAS, schema_tekst

    verschil = []
    for naam in SCHEMAS:
        pad = map_ / naam
        tekst = schema_tekst(naam)
        if controleer:
            if not pad.exists() or pad.read_text(encoding="utf-8") != tekst:
                verschil.append(pad)
        else:
            map_.mkdir(parents=True, exist_ok=True)
            pad.write_text(tekst, encoding="utf-8")
            click.echo(f"geschreven: {pad}")
    if verschil:
        click.echo("schema wijkt af van de modellen: " + ", ".join(map(str, verschil)) + " (draai 'regels schemas')", err=True)
        sys.exit(1)


def _voeg_toe(naam: str, laad: Callable[[], click.Command]) -> None:
    """Add a sub-command; if its module cannot be imported, add a stand-in that says why (never hide it)."""
    try:
        main.add_command(laad(), naam)
    except ImportError as e:
        reden = str(e)

        @click.command(naam, context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
                       help=f"(niet beschikbaar: {reden})")
        def ontbreekt() -> None:
            click.echo(f"fout: 'regels {naam}' is niet beschikbaar: {reden}. Installeer regels opnieuw met "
                       "'pip install -e .' zodat alle afhankelijkheden er zijn.", err=True)
            sys.exit(INVOERFOUT)

        main.add_command(ontbreekt, naam)


def _dso() -> click.Command:
    from regels.dso.cli import dso
    return dso


def _export() -> click.Command:
    from regels.stop.cli import export
    return export


def _import() -> click.Command:
    from regels.stop.cli import import_
    return import_


def _scenarios() -> click.Command:
    from regels.scenarios_cli import scenarios
    return scenarios


def _serve() -> click.Command:
    from regels.web.cli import serve
    return serve


_voeg_toe("dso", _dso)
_voeg_toe("export", _export)
_voeg_toe("import", _import)
_voeg_toe("scenarios", _scenarios)
_voeg_toe("serve", _serve)
nederlands([main])

if __name__ == "__main__":  # pragma: no cover
    main()

"""``regels scenarios``: run the Dutch feature files against a (draft) plan and print a report per scenario.

Needs pytest and pytest-bdd (the ``test`` extra). Exit code: 0 every scenario passed, 1 a scenario
failed or a feature file could not be read, 3 the plan or the arguments are wrong.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command("scenarios")
@click.argument("features", nargs=-1, type=click.Path(path_type=Path))
@click.option("--plan", "plan_map", type=click.Path(path_type=Path, file_okay=False),
              help="map van het (concept)plan; standaard het meegeleverde plan van Zoetermeer")
@click.option("--mislukt", "alleen_mislukt", is_flag=True, help="toon alleen de scenario's die mislukken")
@click.option("--dekking", "dekking_lijst", is_flag=True,
              help="noem alle artikelen en leden met regels die geen geslaagd scenario toetst")
def scenarios(features: tuple[Path, ...], plan_map: Path | None, alleen_mislukt: bool, dekking_lijst: bool) -> None:
    """Draai de scenario's (feature-bestanden) tegen een plan en toon per scenario of het slaagt.

    \b
    FEATURES: feature-bestanden of mappen (standaard: features/ in de huidige map).
    Voorbeeld: regels scenarios --plan ../concept-plan features/wonen
    De zinnen die een scenario mag gebruiken staan in docs/stappen.md.
    """
    try:
        from regels.scenarios import draai, verslag_tekst
    except ImportError as e:  # pragma: no cover - only without the test extra
        click.echo(f"fout: 'regels scenarios' heeft pytest en pytest-bdd nodig ({e}); "
                   "installeer ze met: pip install 'regels[test]'", err=True)
        sys.exit(3)
    from regels.errors import RegelsError

    paden = list(features) or [Path("features")]
    for p in paden:
        if not p.exists():
            click.echo(f"fout: {p} bestaat niet; geef feature-bestanden of mappen met feature-bestanden", err=True)
            sys.exit(3)
    if plan_map is not None and not plan_map.is_dir():
        click.echo(f"fout: de planmap {plan_map} bestaat niet of is geen map", err=True)
        sys.exit(3)
    try:
        verslag = draai(paden, plan_map)
    except RegelsError as e:
        click.echo(str(e), err=True)
        sys.exit(3)
    click.echo(verslag_tekst(verslag, alleen_mislukt=alleen_mislukt, dekking_lijst=dekking_lijst), nl=False)
    sys.exit(0 if verslag.geslaagd else 1)


if __name__ == "__main__":  # pragma: no cover
    scenarios()

"""De stappentaal voor Nederlandse feature-bestanden (pytest-bdd): scenario's die het plan bewijzen.

Juridisch medewerkers schrijven in ``features/**/*.feature`` (``# language: nl``) voorbeelden die
laten zien dat de regels betekenen wat de juridische tekst zegt. Dit pakket is de pytest-plugin
met alle stappen; elke zin staat met een voorbeeld in ``docs/stappen.md``. Een test-module zet
haar aan met ``pytest_plugins = ["regels.scenarios"]`` (zie ``tests/test_features.py``);
``regels scenarios`` (``regels/scenarios_cli.py``) draait dezelfde stappen tegen een conceptplan.

Opbouw (één taak per module):

- ``fouten``: ``ScenarioFout`` (een verwachting kwam niet uit) en ``StapFout`` (een stap is niet
  uit te voeren), elk met een Nederlandse melding;
- ``waarden``: getallen, datums, feiten en locaties zoals een jurist ze schrijft;
- ``context``: ``Initiatief``, wat een scenario opbouwt (peildatum, locatie, activiteiten, feiten,
  conceptregels) en de uitkomst van de toets, en het plan, één keer per sessie geladen;
- ``stappen``: hoe een stap wordt gedeclareerd (zin, voorbeeldzinnen) en geregistreerd;
- ``stappen_gegeven``, ``stappen_dan``: de stappen (``Gegeven``/``Als`` en ``Dan``);
- ``dekking``: welke artikelen met regels door een geslaagd scenario zijn getoetst, per sessie;
- ``meldingen``: de hooks voor Nederlandse meldingen, met bestand en regel;
- ``draaien``: ``draai()`` en het verslag, de motor van ``regels scenarios``.

De plugin is dit pakket zelf (``regels.scenarios``): pytest vindt alleen de fixtures en hooks in
de namespace van een module die het als plugin laadt. Daarom staan hieronder de hooks en de
fixture ``initiatief``, en registreert ``registreer()`` hier, op het hoogste niveau van deze
module, elke stap bij pytest-bdd (pytest-bdd zet de fixture van een stap in de module die de
decorator toepast; de stapmodules noteren hun stappen alleen).

Welk plan: ``REGELS_SCENARIO_PLAN`` (een planmap), anders het meegeleverde plan van Zoetermeer.
Het plan wordt één keer per sessie geladen (per map en conceptregels).
"""

from __future__ import annotations

# The step modules: importing them records their steps for registreer() (Gegeven and Als, then Dan).
from regels.scenarios import stappen_gegeven  # noqa: F401  # isort: skip
from regels.scenarios import stappen_dan  # noqa: F401  # isort: skip
from regels.scenarios.context import (
    _INITIATIEF, _SCENARIO, _STAP, CONCEPT_BESTAND, CONCEPT_HOOFDSTUK, PLAN_ENV, Initiatief,
    artikelen_met_regels, initiatief, laad, leden_met_regels, plan_map,
)  # initiatief: the fixture of every step
from regels.scenarios.dekking import BESLIST, DEKKING, Dekking, dekking, gedekte_artikelen
from regels.scenarios.dekking import pytest_collection_modifyitems, pytest_configure  # noqa: F401  (plugin hooks)
from regels.scenarios.draaien import ScenarioUitslag, Verslag, draai, verslag_tekst
from regels.scenarios.fouten import ScenarioFout, StapFout
from regels.scenarios.meldingen import (  # noqa: F401  (plugin hooks)
    pytest_bdd_before_scenario, pytest_bdd_before_step, pytest_bdd_step_func_lookup_error, pytest_runtest_makereport,
)
from regels.scenarios.stappen import _PATRONEN, ARTIKEL, STAPPEN_DOC, VOOR, VOORBEELDEN, registreer
from regels.scenarios.stappen_dan import GELDEND, afwijkingseisen, samengestelde_status, toelichting
from regels.scenarios.waarden import (
    LEEG, VOORKEURSGEBIED, Plek, begripnaam, feit_naar_json, lees_datum, lees_getal, lees_plek, punt_in_plan,
)

# Every step's pytest-bdd fixture goes into this module's namespace, where pytest finds it.
registreer()

__all__ = ["Initiatief", "ScenarioFout", "StapFout", "Dekking", "dekking", "laad", "plan_map", "feit_naar_json",
           "lees_plek", "punt_in_plan", "artikelen_met_regels", "leden_met_regels", "VOORBEELDEN", "STAPPEN_DOC",
           "PLAN_ENV", "draai", "verslag_tekst", "Verslag", "ScenarioUitslag"]

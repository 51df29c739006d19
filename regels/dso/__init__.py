"""Clients for the services a permit officer works with: PDOK Locatieserver, BAG and the DSO.

One client per service, all on one base (:class:`ServiceClient`): environment-specific base
URLs, API keys from environment variables or ``~/.config/regels/sleutels.toml`` (never logged),
the right CRS headers, HAL paging, retries with backoff on 429/503, typed Dutch errors, and a
cache for answers that cannot change. Every client takes an optional ``httpx.Client``.

Example::

    from regels.dso import LocatieserverClient, BagClient, PresenterenClient

    with LocatieserverClient() as ls:
        adres = ls.find_address("2711 CJ 10")          # RD point, BAG ids, wijk, buurt
    with BagClient() as bag:                            # needs REGELS_BAG_API_KEY
        feiten = bag.building_facts(nummeraanduiding_id=adres.nummeraanduiding_id)
    with PresenterenClient(environment="pre") as dso:   # needs REGELS_DSO_API_KEY
        for r in dso.rules_at_location(adres.punt, bevoegd_gezag=adres.bevoegd_gezag):
            print(r.regeling.titel, [a.naam for a in r.activiteiten])

See ``docs/dso.md`` for configuration and the ``regels dso`` commands.
"""

from ._cache import ResponseCache
from ._config import SERVICES, ApiKey, Environment, find_api_key, key_file_path
from ._geo import RdPunt
from ._http import HttpSettings, RetryPolicy, ServiceClient
from .bag import BagAdres, BagClient, GebouwFeiten, Pand, Verblijfsobject
from .downloaden import DownloadenClient
from .fouten import (
    AdresNietEenduidig,
    AdresNietGevonden,
    DienstFout,
    DienstOnbereikbaar,
    DownloadMislukt,
    DownloadTeGroot,
    NietGevonden,
    OngeldigAntwoord,
    OngeldigVerzoek,
    SleutelGeweigerd,
    SleutelOntbreekt,
    TeVeelResultaten,
    TeVeelVerzoeken,
    TijdOverschreden,
)
from .geometrie import Geometrie, GeometrieClient
from .locatieserver import Adres, LocatieserverClient
from .presenteren import (
    Activiteit,
    Gebiedsaanwijzing,
    Normwaarde,
    Omgevingsnorm,
    PresenterenClient,
    Regeling,
    RegelsOpLocatie,
    bevoegd_gezag_code,
    uri_identificatie,
)
from .ruimtelijke_plannen import Bestemmingsvlak, Maatvoering, RuimtelijkePlannenClient, RuimtelijkPlan

__all__ = [
    "Activiteit",
    "Adres",
    "AdresNietEenduidig",
    "AdresNietGevonden",
    "ApiKey",
    "BagAdres",
    "BagClient",
    "Bestemmingsvlak",
    "DienstFout",
    "DienstOnbereikbaar",
    "DownloadMislukt",
    "DownloadTeGroot",
    "DownloadenClient",
    "Environment",
    "Gebiedsaanwijzing",
    "GebouwFeiten",
    "Geometrie",
    "GeometrieClient",
    "HttpSettings",
    "LocatieserverClient",
    "Maatvoering",
    "NietGevonden",
    "Normwaarde",
    "Omgevingsnorm",
    "OngeldigAntwoord",
    "OngeldigVerzoek",
    "Pand",
    "PresenterenClient",
    "RdPunt",
    "Regeling",
    "RegelsOpLocatie",
    "ResponseCache",
    "RetryPolicy",
    "RuimtelijkPlan",
    "RuimtelijkePlannenClient",
    "SERVICES",
    "ServiceClient",
    "SleutelGeweigerd",
    "SleutelOntbreekt",
    "TeVeelResultaten",
    "TeVeelVerzoeken",
    "TijdOverschreden",
    "Verblijfsobject",
    "bevoegd_gezag_code",
    "find_api_key",
    "key_file_path",
    "uri_identificatie",
]

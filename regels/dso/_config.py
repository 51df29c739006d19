"""Where the services live and which key each one needs.

* :class:`Environment` - ``prod`` or ``pre`` (the DSO pre-production; for the BAG: its acceptance
  environment). Chosen by argument, else ``REGELS_OMGEVING``, else ``prod``.
* :data:`SERVICES` - one :class:`Service` per API: base URL per environment, the key it needs, the
  key header, and the variable that overrides the base URL (tests and proxies).
* :class:`ApiKey` - a key that does not show itself: ``repr``/``str`` print a mask.
* :func:`find_api_key` - the key for a service and environment, from environment variables or
  the key file ``~/.config/regels/sleutels.toml``; :class:`SleutelOntbreekt` says how to set one.
"""

from __future__ import annotations

import enum
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .fouten import SleutelOntbreekt

__all__ = [
    "ApiKey",
    "Environment",
    "SERVICES",
    "Service",
    "base_url",
    "find_api_key",
    "key_file_path",
]


class Environment(str, enum.Enum):
    """A DSO environment: production or pre-production (BAG: acceptance)."""

    PROD = "prod"
    PRE = "pre"

    @classmethod
    def parse(cls, waarde: str | Environment | None) -> Environment:
        """``prod``/``productie``/``pre``/``preproductie``/``acceptatie``; None reads ``REGELS_OMGEVING``."""
        if isinstance(waarde, Environment):
            return waarde
        if waarde is None:
            waarde = os.environ.get("REGELS_OMGEVING", "prod")
        w = waarde.strip().lower().replace("-", "")
        if w in ("prod", "productie", "production"):
            return cls.PROD
        if w in ("pre", "preprod", "preproductie", "acceptatie", "acc"):
            return cls.PRE
        raise ValueError(f"onbekende omgeving {waarde!r}: kies 'prod' of 'pre'")

    @property
    def label(self) -> str:
        return "productie" if self is Environment.PROD else "pre-productie"


_DSO = {
    Environment.PROD: "https://service.omgevingswet.overheid.nl/publiek",
    Environment.PRE: "https://service.pre.omgevingswet.overheid.nl/publiek",
}

KEY_FORM_DSO = "https://developer.omgevingswet.overheid.nl/formulieren/api-key-aanvragen-0/"
KEY_FORM_BAG = "https://formulieren.kadaster.nl/aanvraag_bag_api_individuele_bevragingen_productie"


@dataclass(frozen=True)
class Service:
    """One API: its name for messages, base URLs, key and headers."""

    code: str  # "presenteren", "bag", …
    naam: str  # shown in Dutch messages
    urls: Mapping[Environment, str]
    key_name: str | None = None  # which key set: "dso" or "bag"; None: no key needed
    key_header: str | None = None
    url_variable: str = ""  # environment variable that overrides the base URL
    url_suffix: str = ""  # appended to the override (the DSO services share one root)
    key_form: str = ""
    headers: Mapping[str, str] = field(default_factory=dict)  # sent on every request
    production_only: bool = False  # one environment: always the production URL and key


def _dso(code: str, naam: str, pad: str) -> Service:
    return Service(
        code=code,
        naam=naam,
        urls={env: root + pad for env, root in _DSO.items()},
        key_name="dso",
        key_header="x-api-key",
        url_variable="REGELS_DSO_URL",
        url_suffix=pad,
        key_form=KEY_FORM_DSO,
    )


SERVICES: dict[str, Service] = {
    s.code: s
    for s in (
        _dso("presenteren", "DSO Omgevingsdocumenten Presenteren", "/omgevingsdocumenten/api/presenteren/v8"),
        _dso("geometrie", "DSO Geometrie opvragen", "/omgevingsdocumenten/api/geometrieopvragen/v1"),
        _dso("downloaden", "DSO Omgevingsdocumenten Downloaden", "/omgevingsdocumenten/api/downloaden/v1"),
        Service(
            code="ruimtelijke_plannen",
            naam="Ruimtelijke Plannen",
            # Production only; the same key as the DSO APIs.
            urls={
                env: "https://ruimte.omgevingswet.overheid.nl/ruimtelijke-plannen/api/opvragen/v4"
                for env in Environment
            },
            key_name="dso",
            key_header="X-Api-Key",
            url_variable="REGELS_RP_URL",
            key_form=KEY_FORM_DSO,
            headers={"Accept-Crs": "epsg:28992"},
            production_only=True,
        ),
        Service(
            code="bag",
            naam="BAG",
            urls={
                Environment.PROD: "https://api.bag.kadaster.nl/lvbag/individuelebevragingen/v2",
                Environment.PRE: "https://api.bag.acceptatie.kadaster.nl/lvbag/individuelebevragingen/v2",
            },
            key_name="bag",
            key_header="X-Api-Key",
            url_variable="REGELS_BAG_URL",
            key_form=KEY_FORM_BAG,
            # BAG v2.0 answers 412 without Accept-Crs on anything with geometry; later versions ignore it.
            headers={"Accept-Crs": "epsg:28992"},
        ),
        Service(
            code="locatieserver",
            naam="PDOK Locatieserver",
            urls={env: "https://api.pdok.nl/bzk/locatieserver/search/v3_1" for env in Environment},
            url_variable="REGELS_LOCATIESERVER_URL",
        ),
    )
}


def base_url(service: Service, environment: Environment, environ: Mapping[str, str] | None = None) -> str:
    """The base URL: the override variable if set (plus the service's path), else the official one."""
    environ = os.environ if environ is None else environ
    override = environ.get(service.url_variable, "").strip() if service.url_variable else ""
    if override:
        return override.rstrip("/") + service.url_suffix
    return service.urls[environment]


class ApiKey:
    """An API key. ``repr()`` and ``str()`` never show it; call :meth:`reveal` to send it."""

    __slots__ = ("_value", "source")

    def __init__(self, value: str, source: str = "") -> None:
        self._value = value.strip()
        self.source = source  # where it came from, e.g. "omgevingsvariabele REGELS_DSO_API_KEY"

    def reveal(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return f"ApiKey(***, bron={self.source!r})" if self.source else "ApiKey(***)"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ApiKey) and other._value == self._value

    def __hash__(self) -> int:
        return hash(("ApiKey", self._value))

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("een API-sleutel wordt niet geserialiseerd")


def key_file_path(environ: Mapping[str, str] | None = None) -> Path:
    """``$REGELS_SLEUTELS``, else ``$XDG_CONFIG_HOME/regels/sleutels.toml``, else ``~/.config/…``."""
    environ = os.environ if environ is None else environ
    if environ.get("REGELS_SLEUTELS"):
        return Path(environ["REGELS_SLEUTELS"]).expanduser()
    root = environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(root) / "regels" / "sleutels.toml"


def _variables(key_name: str, environment: Environment) -> list[str]:
    base = f"REGELS_{key_name.upper()}_API_KEY"
    if environment is Environment.PRE:
        return [f"REGELS_{key_name.upper()}_PRE_API_KEY", base]
    return [base]


def find_api_key(
    service: Service,
    environment: Environment,
    environ: Mapping[str, str] | None = None,
    key_file: Path | None = None,
) -> ApiKey | None:
    """The key for ``service`` in ``environment``, or None if the service needs none.

    Looks, in order, at ``REGELS_<SET>_PRE_API_KEY`` (pre only), ``REGELS_<SET>_API_KEY``, then
    the key file's ``[<set>]`` table: ``pre``/``prod`` first, then ``sleutel``. Raises
    :class:`SleutelOntbreekt` if none is found, with a message that says how to set one.
    """
    if service.key_name is None:
        return None
    environ = os.environ if environ is None else environ
    names = _variables(service.key_name, environment)
    for name in names:
        value = environ.get(name, "").strip()
        if value:
            return ApiKey(value, f"omgevingsvariabele {name}")
    path = key_file if key_file is not None else key_file_path(environ)
    table = _read_key_file(path, service)
    if table is not None:
        for entry in (environment.value, "sleutel"):
            value = table.get(entry)
            if isinstance(value, str) and value.strip():
                return ApiKey(value, f"{path} [{service.key_name}] {entry}")
    raise SleutelOntbreekt(
        f"Geen API-sleutel voor {service.naam} ({environment.label}). "
        f"Zet de omgevingsvariabele {names[0]}, of zet in {path} onder [{service.key_name}] "
        f'de regel {environment.value} = "<sleutel>". '
        f"Een sleutel vraag je gratis aan via {service.key_form}",
        dienst=service.naam,
    )


def _read_key_file(path: Path, service: Service) -> Mapping[str, object] | None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SleutelOntbreekt(
            f"Het sleutelbestand {path} is niet te lezen ({exc.strerror}).", dienst=service.naam
        ) from None
    try:
        parsed = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        # The TOML error quotes no values, only positions; still, name only the file and the line.
        m = re.search(r"line (\d+)", str(exc))
        waar = f" (regel {m.group(1)})" if m else ""
        raise SleutelOntbreekt(
            f"Het sleutelbestand {path} is geen geldige TOML{waar}.", dienst=service.naam
        ) from None
    table = parsed.get(service.key_name or "")
    if table is None:
        return None
    if isinstance(table, str):  # dso = "…" is accepted as shorthand for [dso] sleutel = "…"
        return {"sleutel": table}
    if not isinstance(table, dict):
        raise SleutelOntbreekt(
            f"In {path} moet [{service.key_name}] een tabel zijn.", dienst=service.naam
        )
    return table

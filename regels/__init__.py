"""regels: an omgevingsplan rule engine and permit checker (Zoetermeer first).

The public API::

    import regels
    plan = regels.load_plan()                      # the bundled Zoetermeer plan, or load_plan("map/")
    voorstel = regels.lees_voorstel(open("voorstel.json").read())
    uitkomst = regels.evaluate(plan, voorstel, peildatum)
    uitkomst.oordeel, uitkomst.activiteiten[0].conclusie

Everything not listed in ``__all__`` is internal.
"""

__version__ = "0.1.0"

from regels.errors import (  # noqa: E402
    GeoFout, LocatieFout, Melding, PeildatumFout, PlanFouten, Positie, RegelsError, VoorstelFout, XmlFout, DienstFout,
)
from regels.evaluate import evaluate  # noqa: E402
from regels.language.format import format_bestand, format_regeling  # noqa: E402
from regels.language.parse import parse_tekst  # noqa: E402
from regels.load import bundled_plan_dir, load_plan, plan_uit_tekst  # noqa: E402
from regels.model.uitkomst import Uitkomst  # noqa: E402
from regels.model.voorstel import Voorstel, lees_voorstel  # noqa: E402
from regels.plan import Plan  # noqa: E402

__all__ = [
    "DienstFout", "GeoFout", "LocatieFout", "Melding", "PeildatumFout", "Plan", "PlanFouten", "Positie",
    "RegelsError", "Uitkomst", "Voorstel", "VoorstelFout", "XmlFout", "__version__", "bundled_plan_dir",
    "evaluate", "format_bestand", "format_regeling", "lees_voorstel", "load_plan", "parse_tekst", "plan_uit_tekst",
]

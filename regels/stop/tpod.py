"""TPOD and OZON rules of the DSO validation catalogue, as this project's own checks, and the complete
validation of a delivery (XSD + the official STOP/LVBB Schematron + these rules).

No official, current Schematron exists for the TPOD/OZON rules (``../shared/stop-tpod/SUMMARY.md``
§7), so the rules that apply to what ``regels export`` writes are implemented here, each with its
code from ``Geonovum+dso-validatiematrix/06-Validaties-TPOD.md`` (TPOD…) or
``OZON-ValidationMatrix.md`` (OZON…), and LVBB manifest rules from ``04-Validaties-LVBB-STOP-BHKV.md``.
:data:`REGELS` lists them; ``docs/stop.md`` says which are covered and which are not.

``controleer(pakket_of_levering)`` returns a :class:`Validatie` with every finding; every finding
is a :class:`~regels.errors.Melding` whose text starts with the rule code.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import shapely
from lxml import etree
from shapely.geometry.base import BaseGeometry

from regels.errors import Melding, Positie, XmlFout
from regels.stop import waardelijsten as wl
from regels.stop.gio import lees_gio
from regels.stop.ids import IMOW_ID, objecttype_van, werk_van
from regels.stop.ow import Bron, OwModel, is_owbestand, lees_ow
from regels.stop.schemas import LVBBA, NAMESPACES, SchemaOpslag, valideer_xsd
from regels.stop.schematron import SchematronUitslag, valideer_schematron
from regels.stop.veilig import open_pakket, parse_xml

TEKST = NAMESPACES["tekst"]
DATA = NAMESPACES["data"]
LVBB = NAMESPACES["lvbb"]
MANIFEST_OW = NAMESPACES["ow-manifest"]
GEO = NAMESPACES["geo"]
BASISGEO = NAMESPACES["basisgeo"]

PLACEHOLDER_OMGEVINGSPLAN = "nl.imow-mnre1034.activiteit.ActInOmgevingsplan"
TOPHAAK_NAAM = re.compile(r"^Activiteit gereguleerd in het omgevingsplan gemeente \S.*$")

# OW object type → the objecttype part of its identificatie (TPOD1890)
ID_SOORT = {
    "Regeltekst": "regeltekst", "RegelVoorIedereen": "juridischeregel", "Instructieregel": "juridischeregel",
    "Omgevingswaarderegel": "juridischeregel", "Activiteit": "activiteit", "Omgevingsnorm": "omgevingsnorm",
    "Omgevingswaarde": "omgevingswaarde", "Gebied": "gebied", "Gebiedengroep": "gebiedengroep", "Lijn": "lijn",
    "Lijnengroep": "lijnengroep", "Punt": "punt", "Puntengroep": "puntengroep", "Ambtsgebied": "ambtsgebied",
    "Gebiedsaanwijzing": "gebiedsaanwijzing", "Regelingsgebied": "regelingsgebied", "Pons": "pons", "Kaart": "kaart",
    "Kaartlaag": "kaartlaag", "Divisie": "divisie", "Divisietekst": "divisietekst", "Tekstdeel": "tekstdeel",
    "Hoofdlijn": "hoofdlijn",
}
# TPOD2487: object types allowed in an omgevingsplan (the OW part of the list; Geometrie is the GIO)
OMGEVINGSPLAN_OBJECTTYPEN = frozenset({
    "Regelingsgebied", "Ambtsgebied", "Pons", "Regeltekst", "RegelVoorIedereen", "Omgevingswaarderegel",
    "Gebiedsaanwijzing", "Omgevingsnorm", "Omgevingswaarde", "Activiteit", "ActiviteitLocatieaanduiding", "Punt", "Lijn",
    "Gebied", "Puntengroep", "Lijnengroep", "Gebiedengroep", "Geometrie", "Kaart", "Kaartlaag", "SymbolisatieItem",
})
# TPOD2502: TypeGebiedsaanwijzing labels allowed in an omgevingsplan
OMGEVINGSPLAN_GEBIEDSAANWIJZINGEN = frozenset({
    "beperkingengebied", "bodem", "bouw", "defensie", "energievoorziening", "erfgoed", "externe veiligheid", "functie",
    "geluid", "geur", "landschap", "leiding", "lucht", "mijnbouw", "natuur", "recreatie", "ruimtelijk gebruik",
    "verkeer", "water en watersysteem",
})
# RD bounding box of the Netherlands including the EEZ, generously (TPOD2700, a coarse check)
NEDERLAND_EEZ = (-100_000.0, 250_000.0, 350_000.0, 950_000.0)


@dataclass
class TekstElement:
    soort: str  # Artikel | Lid | other local name
    inhoud: bool  # has a tekst:Inhoud child
    leden: bool  # an Artikel with Lid children
    bijlage: bool  # inside a Bijlage (not the Lichaam)
    regel: int


@dataclass
class Context:
    """What the rules look at, read from a delivery."""

    naam: str
    ow: OwModel
    tekst: dict[str, TekstElement]  # wId → element
    werk: str
    soort_regeling: str
    geometrie: dict[str, tuple[BaseGeometry, str, str]]  # basisgeo:id (lower) → (geometry, gml type, file)
    manifest_ow: tuple[str, str, list[tuple[str, list[str]]]] | None  # (WorkIDRegeling, DoelID, [(naam, objecttypen)])
    manifest: list[str] | None  # manifest.xml bestandsnamen
    bestanden: set[str]
    gemeente: str = ""
    gio_fouten: list[tuple[str, str, str]] = field(default_factory=list)


def _m(code: str, bericht: str, bron: Bron | None = None, ernst: str = "fout", bestand: str = "") -> Melding:
    if bron is not None:
        return Melding(f"{code}: {bericht}", Positie(bron.bestand, bron.regel, 1), pad=bron.pad, ernst=ernst)
    return Melding(f"{code}: {bericht}", Positie(bestand, 1, 1) if bestand else None, ernst=ernst)


# --- the rules --------------------------------------------------------------------------------------------------


def _objecten(ctx: Context) -> Iterable[tuple[str, str, Bron]]:
    for ident, (soort, bron) in ctx.ow.alle_ids.items():
        yield ident, soort, bron


def tpod1892(ctx: Context) -> list[Melding]:
    """De identificatie van een OW-object voldoet aan de reguliere expressie van TPOD1892."""
    uit = []
    for ident, soort, bron in _objecten(ctx):
        if not IMOW_ID.match(ident):
            uit.append(_m("TPOD1892", f"de identificatie {ident!r} van {soort} voldoet niet aan "
                                      "nl.imow-<bg><code>.<objecttype>.<1-32 letters/cijfers>", bron))
    for r in ctx.ow.regels.values():
        for aa in r.activiteiten:
            if aa.id and not IMOW_ID.match(aa.id):
                uit.append(_m("TPOD1892", f"de identificatie {aa.id!r} van een ActiviteitLocatieaanduiding is ongeldig", r.bron))
    for n in ctx.ow.normen.values():
        for w in n.waarden:
            if w.id and not IMOW_ID.match(w.id):
                uit.append(_m("TPOD1892", f"de identificatie {w.id!r} van een Normwaarde is ongeldig", n.bron))
    return uit


def tpod1890(ctx: Context) -> list[Melding]:
    """De identificatie van een OW-object moet overeenkomen met het type OW-object."""
    uit = []
    for ident, soort, bron in _objecten(ctx):
        verwacht = ID_SOORT.get(soort)
        gevonden = objecttype_van(ident)
        if verwacht and gevonden and gevonden != verwacht:
            uit.append(_m("TPOD1890", f"{soort} heeft identificatie {ident!r}; het objecttype daarin moet {verwacht!r} zijn", bron))
    return uit


def tpod2000(ctx: Context) -> list[Melding]:
    """Het wId van een Regeltekst moet verwijzen naar een bestaande wId van een Artikel of Lid in de Regeling."""
    uit = []
    for rt in ctx.ow.regelteksten.values():
        el = ctx.tekst.get(rt.wid)
        if el is None:
            uit.append(_m("TPOD2000", f"Regeltekst {rt.id}: wId {rt.wid!r} bestaat niet in de regelingtekst", rt.bron))
        elif el.soort not in ("Artikel", "Lid"):
            uit.append(_m("TPOD2000", f"Regeltekst {rt.id}: wId {rt.wid!r} is een {el.soort}, geen Artikel of Lid", rt.bron))
    return uit


def tpod2061(ctx: Context) -> list[Melding]:
    """Alleen bij een Lid of Artikel met Inhoud is een Regeltekst toegestaan, en dan precies één (ook TPOD2050/2051)."""
    uit = []
    per_wid: dict[str, list[str]] = {}
    for rt in ctx.ow.regelteksten.values():
        per_wid.setdefault(rt.wid, []).append(rt.id)
        el = ctx.tekst.get(rt.wid)
        if el is not None and el.soort in ("Artikel", "Lid") and not el.inhoud:
            uit.append(_m("TPOD2061", f"Regeltekst {rt.id}: {el.soort} {rt.wid} heeft geen Inhoud", rt.bron))
    for w, ids in per_wid.items():
        if len(ids) > 1:
            rt = ctx.ow.regelteksten[ids[1]]
            uit.append(_m("TPOD2061", f"{len(ids)} Regelteksten verwijzen naar {w} ({', '.join(ids)}); er mag er één zijn", rt.bron))
    return uit


def tpod2060(ctx: Context) -> list[Melding]:
    """Indien een Artikel is onderverdeeld in Leden zijn annotaties alleen toegestaan op Leden."""
    return [_m("TPOD2060", f"Regeltekst {rt.id} annoteert artikel {rt.wid}, dat leden heeft; annoteer de leden", rt.bron)
            for rt in ctx.ow.regelteksten.values() if (el := ctx.tekst.get(rt.wid)) is not None and el.leden]


def tpod1110(ctx: Context) -> list[Melding]:
    """Annotatie met OW-objecten is alleen toegestaan in het Lichaam, niet in een Bijlage."""
    return [_m("TPOD1110", f"Regeltekst {rt.id} annoteert {rt.wid} in een bijlage", rt.bron)
            for rt in ctx.ow.regelteksten.values() if (el := ctx.tekst.get(rt.wid)) is not None and el.bijlage]


def tpod2180(ctx: Context) -> list[Melding]:
    """Een OW-aanlevering moet resulteren in een Regeling met precies één Regelingsgebied."""
    n = len(ctx.ow.regelingsgebieden)
    if n == 1:
        return []
    bron = ctx.ow.regelingsgebieden[1].bron if n > 1 else None
    return [_m("TPOD2180", f"de levering heeft {n} Regelingsgebieden; er moet er precies één zijn", bron, bestand=ctx.naam)]


def tpod0110(ctx: Context) -> list[Melding]:
    """Een OW-aanlevering moet resulteren in een Regeling met maximaal één Pons-object."""
    if len(ctx.ow.pons) <= 1:
        return []
    return [_m("TPOD0110", f"de levering heeft {len(ctx.ow.pons)} Pons-objecten; er mag er één zijn", ctx.ow.pons[1].bron)]


def tpod1951(ctx: Context) -> list[Melding]:
    """Precies één tophaak: de meest bovenliggende Activiteit, met de naam 'Activiteit gereguleerd in het omgevingsplan
    gemeente <naam>' (TPOD1951), die verwijst naar de placeholder-activiteit (TPOD1953); andere activiteiten
    verwijzen alleen naar activiteiten van dezelfde regeling (TPOD1952)."""
    acts = ctx.ow.activiteiten
    if not acts:
        return []
    uit = []
    top = [a for a in acts.values() if a.bovenliggend not in acts]
    tophaken = [a for a in top if TOPHAAK_NAAM.match(a.naam)]
    if len(tophaken) != 1:
        namen = ", ".join(repr(a.naam) for a in top) or "geen"
        uit.append(_m("TPOD1951", f"er moet precies één tophaak 'Activiteit gereguleerd in het omgevingsplan gemeente …' "
                                  f"zijn; de bovenste activiteiten zijn: {namen}", top[0].bron if top else None, bestand=ctx.naam))
    for a in tophaken:
        if ctx.gemeente and not a.naam.endswith(ctx.gemeente):
            uit.append(_m("TPOD1951", f"de tophaak heet {a.naam!r}; verwacht '… gemeente {ctx.gemeente}'", a.bron,
                          ernst="waarschuwing"))
        if a.bovenliggend != PLACEHOLDER_OMGEVINGSPLAN:
            uit.append(_m("TPOD1953", f"de tophaak {a.id} moet onder {PLACEHOLDER_OMGEVINGSPLAN} hangen, niet onder "
                                      f"{a.bovenliggend!r}", a.bron))
    for a in top:
        if a not in tophaken and a.bovenliggend is not None:
            uit.append(_m("TPOD1952", f"activiteit {a.naam!r} verwijst naar bovenliggende activiteit {a.bovenliggend}, "
                                      "die niet in deze regeling staat; alleen de tophaak mag buiten de regeling verwijzen", a.bron))
    return uit


def tpod1650(ctx: Context) -> list[Melding]:
    """Van kwalitatieveWaarde, kwantitatieveWaarde en waardeInRegeltekst moet er precies één voorkomen."""
    uit = []
    for n in ctx.ow.normen.values():
        for w in n.waarden:
            aantal = sum(x is not None for x in (w.kwantitatief, w.kwalitatief, w.in_regeltekst))
            if aantal != 1:
                uit.append(_m("TPOD1650", f"normwaarde {w.id} van {n.naam!r} heeft {aantal} soorten waarde; precies één", n.bron))
    return uit


def tpod2090(ctx: Context) -> list[Melding]:
    """Binnen een Omgevingsnorm of Omgevingswaarde zijn alle normwaarden van hetzelfde type."""
    uit = []
    for n in ctx.ow.normen.values():
        soorten = {("kwantitatief" if w.kwantitatief is not None else "kwalitatief" if w.kwalitatief is not None
                    else "in regeltekst") for w in n.waarden}
        if len(soorten) > 1:
            uit.append(_m("TPOD2090", f"{n.soort} {n.naam!r} mengt normwaarden: {', '.join(sorted(soorten))}", n.bron))
    return uit


def tpod2100(ctx: Context) -> list[Melding]:
    """Eenheid mag alleen voorkomen als de Normwaarde een kwantitatieveWaarde heeft, en is dan verplicht."""
    uit = []
    for n in ctx.ow.normen.values():
        kwant = any(w.kwantitatief is not None for w in n.waarden)
        if kwant and not n.eenheid:
            uit.append(_m("TPOD2100", f"{n.soort} {n.naam!r} heeft kwantitatieve waarden maar geen eenheid", n.bron))
        if n.eenheid and not kwant:
            uit.append(_m("TPOD2100", f"{n.soort} {n.naam!r} heeft een eenheid maar geen kwantitatieve waarde", n.bron))
    return uit


def _locatie_geometrie(ctx: Context, ident: str, gezien: frozenset[str] = frozenset()) -> BaseGeometry | None:
    loc = ctx.ow.locaties.get(ident)
    if loc is None or ident in gezien:
        return None
    if loc.geometrie is not None:
        g = ctx.geometrie.get(loc.geometrie.lower())
        return g[0] if g else None
    delen = [_locatie_geometrie(ctx, x, gezien | {ident}) for x in loc.leden]
    delen = [d for d in delen if d is not None]
    return shapely.union_all(delen) if delen else None


def tpod2102(ctx: Context) -> list[Melding]:
    """Locaties van een Norm mogen elkaar niet geheel of gedeeltelijk overlappen (ook TPOD2101)."""
    uit = []
    for n in ctx.ow.normen.values():
        vlakken = []
        for w in n.waarden:
            delen = [g for x in w.locaties if (g := _locatie_geometrie(ctx, x)) is not None]
            if delen:
                vlakken.append((w, shapely.union_all(delen)))
        for i, (a, ga) in enumerate(vlakken):
            for b, gb in vlakken[i + 1:]:
                overlap = ga.intersection(gb).area
                if overlap > 1.0:  # m²; touching borders and drawing noise are no overlap
                    uit.append(_m("TPOD2102", f"{n.soort} {n.naam!r}: de locaties van normwaarden {a.id} en {b.id} "
                                              f"overlappen ({overlap:,.0f} m2)".replace(",", "."), n.bron))
    return uit


def tpod1850(ctx: Context) -> list[Melding]:
    """Alle Juridische regels die naar dezelfde Regeltekst verwijzen zijn van hetzelfde type (en TPOD2027: dezelfde idealisatie)."""
    uit = []
    per_rt: dict[str, list] = {}
    for r in ctx.ow.regels.values():
        per_rt.setdefault(r.regeltekst, []).append(r)
    for rt, regels in per_rt.items():
        if len({r.soort for r in regels}) > 1:
            uit.append(_m("TPOD1850", f"de juridische regels van Regeltekst {rt} zijn van verschillend type "
                                      f"({', '.join(sorted({r.soort for r in regels}))})", regels[-1].bron))
        if len({r.idealisatie for r in regels}) > 1:
            uit.append(_m("TPOD2027", f"de juridische regels van Regeltekst {rt} hebben verschillende idealisatie", regels[-1].bron))
    return uit


def _waarden(ctx: Context) -> Iterable[tuple[str, str, Bron, tuple[str, ...]]]:
    """(value, what, where, allowed lists) for every value-list attribute."""
    for r in ctx.ow.regels.values():
        yield r.idealisatie, "idealisatie", r.bron, ("Idealisatie",)
        for aa in r.activiteiten:
            yield aa.kwalificatie, "activiteitregelkwalificatie", r.bron, ("Activiteitregelkwalificatie",)
    for a in ctx.ow.activiteiten.values():
        yield a.groep, "groep van Activiteit", a.bron, ("Activiteitengroep",)
    for n in ctx.ow.normen.values():
        yield n.type, f"type van {n.soort}", n.bron, ("TypeNorm",)
        yield n.groep, f"groep van {n.soort}", n.bron, ("Omgevingsnormgroep" if n.soort == "Omgevingsnorm" else "Omgevingswaardegroep",)
        if n.eenheid:
            yield n.eenheid, f"eenheid van {n.soort}", n.bron, ("Eenheid",)
    for g in ctx.ow.gebiedsaanwijzingen.values():
        yield g.type, "type van Gebiedsaanwijzing", g.bron, ("TypeGebiedsaanwijzing",)
        gevonden = wl.zoek_uri(g.type)
        lijst = wl.GROEPLIJST.get(gevonden[1]) if gevonden else None
        yield g.groep, "groep van Gebiedsaanwijzing", g.bron, (lijst,) if lijst else tuple(wl.GROEPLIJST.values())


def tpod1300(ctx: Context) -> list[Melding]:
    """Een waardelijst-attribuut bevat de URI van een waarde uit de juiste IMOW-waardelijst."""
    uit = []
    for waarde, wat, bron, lijsten in _waarden(ctx):
        gevonden = wl.zoek_uri(waarde) if waarde else None
        if gevonden is None or gevonden[0] not in lijsten:
            uit.append(_m("TPOD1300", f"{wat}: {waarde!r} is geen waarde uit de waardelijst {' of '.join(lijsten)} "
                                      f"(IMOW-waardelijsten {wl.VERSIE})", bron))
    return uit


def tpod2502(ctx: Context) -> list[Melding]:
    """In een omgevingsplan zijn alleen bepaalde typen Gebiedsaanwijzing toegestaan."""
    uit = []
    for g in ctx.ow.gebiedsaanwijzingen.values():
        gevonden = wl.zoek_uri(g.type)
        if gevonden and gevonden[1] not in OMGEVINGSPLAN_GEBIEDSAANWIJZINGEN:
            uit.append(_m("TPOD2502", f"Gebiedsaanwijzing {g.naam!r}: type {gevonden[1]!r} is in een omgevingsplan niet toegestaan", g.bron))
    return uit


def tpod2487(ctx: Context) -> list[Melding]:
    """In een omgevingsplan komen alleen de objecttypen van TPOD2487 voor (TPOD2420)."""
    uit = []
    for ident, soort, bron in _objecten(ctx):
        if soort not in OMGEVINGSPLAN_OBJECTTYPEN:
            uit.append(_m("TPOD2487", f"{soort} {ident} is in een omgevingsplan niet toegestaan", bron))
    return uit


def tpod2230(ctx: Context) -> list[Melding]:
    """Aan iedere Geometrie in een regeling moet een OW-Locatie gekoppeld zijn."""
    gekoppeld = {loc.geometrie.lower() for loc in ctx.ow.locaties.values() if loc.geometrie}
    return [_m("TPOD2230", f"geometrie {gid} in {bestand} heeft geen OW-Locatie (Gebied, Lijn of Punt)", bestand=bestand)
            for gid, (_, _, bestand) in ctx.geometrie.items() if gid not in gekoppeld]


def tpod1980(ctx: Context) -> list[Melding]:
    """Een Gebied verwijst naar een vlak (GM_Surface of GM_MultiSurface); ook: de geometrie moet bestaan (OZON0109)."""
    uit = []
    for loc in ctx.ow.locaties.values():
        if loc.soort != "Gebied" or loc.geometrie is None:
            continue
        g = ctx.geometrie.get(loc.geometrie.lower())
        if g is None:
            uit.append(_m("OZON0109", f"Gebied {loc.id} verwijst naar geometrie {loc.geometrie}, die in geen GIO staat", loc.bron))
        elif g[1] not in ("Surface", "MultiSurface", "Polygon"):
            uit.append(_m("TPOD1980", f"Gebied {loc.id} verwijst naar een gml:{g[1]}; een Gebied moet een vlak zijn", loc.bron))
    return uit


def tpod2700(ctx: Context) -> list[Melding]:
    """Alle geometrieën liggen binnen Nederland met de EEZ (grof: binnen het RD-bereik daarvan)."""
    x0, y0, x1, y1 = NEDERLAND_EEZ
    uit = []
    for gid, (g, _, bestand) in ctx.geometrie.items():
        a, b, c, d = g.bounds
        if a < x0 or b < y0 or c > x1 or d > y1:
            uit.append(_m("TPOD2700", f"geometrie {gid} ligt (deels) buiten Nederland en de EEZ", bestand=bestand))
    for soort, waar, bericht in ctx.gio_fouten:  # refused while reading: far outside the Netherlands
        if "buiten Nederland" in bericht:
            uit.append(_m("TPOD2700", f"{waar}: {bericht}", bestand=waar.split(":")[0]))
    return uit


def ozon0102(ctx: Context) -> list[Melding]:
    """Een Regeltekst moet verwijzen naar één of meer Juridische Regels (geen wees-Regelteksten)."""
    gebruikt = {r.regeltekst for r in ctx.ow.regels.values()}
    return [_m("OZON0102", f"Regeltekst {rt.id} ({rt.wid}) heeft geen juridische regel", rt.bron)
            for rt in ctx.ow.regelteksten.values() if rt.id not in gebruikt]


def ozon0109(ctx: Context) -> list[Melding]:
    """OW-informatie waarnaar verwezen wordt, moet bestaan, en van de goede soort zijn (OZON0045, 0053, 0082, 0096,
    0101, 0121, 0124)."""
    uit = []
    ids = ctx.ow.alle_ids
    locatie = set(ctx.ow.locaties)

    def moet(ref: str, soorten: set[str] | None, wat: str, bron: Bron, code: str = "OZON0109") -> None:
        if ref not in ids:
            uit.append(_m(code, f"{wat} verwijst naar {ref!r}, dat niet bestaat", bron))
        elif soorten is not None and ids[ref][0] not in soorten:
            uit.append(_m(code, f"{wat} verwijst naar {ref!r}, een {ids[ref][0]} (verwacht {' of '.join(sorted(soorten))})", bron))

    loc_soorten = {"Gebied", "Gebiedengroep", "Lijn", "Lijnengroep", "Punt", "Puntengroep", "Ambtsgebied"}
    for r in ctx.ow.regels.values():
        moet(r.regeltekst, {"Regeltekst"}, f"{r.soort} {r.id}", r.bron)
        if not r.locaties:
            uit.append(_m("OZON0045", f"{r.soort} {r.id} heeft geen locatie", r.bron))
        for x in r.locaties:
            moet(x, loc_soorten, f"{r.soort} {r.id}", r.bron, "OZON0045")
        for x in r.gebiedsaanwijzingen:
            moet(x, {"Gebiedsaanwijzing"}, f"{r.soort} {r.id}", r.bron)
        for x in r.normen:
            moet(x, {"Omgevingsnorm", "Omgevingswaarde"}, f"{r.soort} {r.id}", r.bron)
        for aa in r.activiteiten:
            if aa.activiteit not in ids and not aa.activiteit.startswith("nl.imow-mnre"):
                uit.append(_m("OZON0109", f"{r.soort} {r.id} verwijst naar activiteit {aa.activiteit!r}, die niet bestaat", r.bron))
            for x in aa.locaties:
                moet(x, loc_soorten, f"ActiviteitLocatieaanduiding {aa.id}", r.bron, "OZON0121")
    for a in ctx.ow.activiteiten.values():
        if a.bovenliggend and a.bovenliggend not in ids and not a.bovenliggend.startswith("nl.imow-mnre"):
            uit.append(_m("OZON0082", f"activiteit {a.naam!r} verwijst naar bovenliggende activiteit {a.bovenliggend!r}, "
                                      "die niet in de levering staat", a.bron))
    for loc in ctx.ow.locaties.values():
        for x in loc.leden:
            moet(x, {"Gebied"} if loc.soort == "Gebiedengroep" else None, f"{loc.soort} {loc.id}", loc.bron, "OZON0053")
    for g in ctx.ow.gebiedsaanwijzingen.values():
        for x in g.locaties:
            moet(x, loc_soorten, f"Gebiedsaanwijzing {g.id}", g.bron, "OZON0096")
    for n in ctx.ow.normen.values():
        for w in n.waarden:
            for x in w.locaties:
                moet(x, loc_soorten, f"Normwaarde {w.id}", n.bron, "OZON0101")
    for rg in ctx.ow.regelingsgebieden + ctx.ow.pons:
        for x in rg.locaties:
            moet(x, loc_soorten, f"{rg.soort} {rg.id}", rg.bron, "OZON0124")
    _ = locatie
    return uit


def wezen(ctx: Context) -> list[Melding]:
    """Geen wezen: een Activiteit waar geen regel naar verwijst (ook niet naar een onderliggende), een Gebiedsaanwijzing
    of Omgevingsnorm zonder juridische regel. Een waarschuwing: de DSO toont ze dan nergens (TPOD0104-geest, OZON0102)."""
    uit = []
    gebruikt_act = {aa.activiteit for r in ctx.ow.regels.values() for aa in r.activiteiten}
    ouder = {a.id: a.bovenliggend for a in ctx.ow.activiteiten.values()}
    nodig: set[str] = set()
    for a in gebruikt_act:
        while a and a not in nodig:
            nodig.add(a)
            a = ouder.get(a)
    for a in ctx.ow.activiteiten.values():
        if a.id not in nodig and not TOPHAAK_NAAM.match(a.naam):
            uit.append(_m("WEES", f"activiteit {a.naam!r} ({a.id}): geen juridische regel gaat erover", a.bron, "waarschuwing"))
    gebruikt_norm = {n for r in ctx.ow.regels.values() for n in r.normen}
    for n in ctx.ow.normen.values():
        if n.id not in gebruikt_norm:
            uit.append(_m("WEES", f"{n.soort} {n.naam!r} ({n.id}): geen juridische regel verwijst ernaar", n.bron, "waarschuwing"))
    return uit


def lvbb_manifest(ctx: Context) -> list[Melding]:
    """manifest.xml en manifest-ow.xml: alles genoemd is aanwezig (LVBB1009, LVBB1016/TPOD1161) en alles aanwezig is genoemd
    (LVBB1010); geen .gml in manifest-ow (LVBB1026); het WorkIDRegeling is het werk van de regeling (TPOD2140);
    uniek (LVBB1575)."""
    uit = []
    if ctx.manifest is not None:
        for n in ctx.manifest:
            if n not in ctx.bestanden:
                uit.append(_m("LVBB1009", f"manifest.xml noemt {n!r}, dat niet in de levering zit", bestand="manifest.xml"))
        for n in sorted(ctx.bestanden - set(ctx.manifest)):
            uit.append(_m("LVBB1010", f"{n!r} zit in de levering maar staat niet in manifest.xml", bestand="manifest.xml"))
        if len(set(ctx.manifest)) != len(ctx.manifest):
            uit.append(_m("LVBB1575", "manifest.xml noemt een bestand meer dan eens", bestand="manifest.xml"))
    if ctx.manifest_ow is not None:
        werk, doel, bestanden = ctx.manifest_ow
        for naam, _ in bestanden:
            if naam.lower().endswith(".gml"):
                uit.append(_m("LVBB1026", f"manifest-ow.xml noemt het gml-bestand {naam!r}", bestand="manifest-ow.xml"))
            elif naam not in ctx.bestanden:
                uit.append(_m("TPOD1161", f"manifest-ow.xml noemt {naam!r}, dat niet in de levering zit", bestand="manifest-ow.xml"))
        if ctx.werk and werk != ctx.werk:
            uit.append(_m("TPOD2140", f"WorkIDRegeling {werk!r} is niet het FRBRWork van de regeling ({ctx.werk!r})",
                          bestand="manifest-ow.xml"))
        if not doel:
            uit.append(_m("LVBB2502", "manifest-ow.xml heeft geen DoelID", bestand="manifest-ow.xml"))
    return uit


Regel = Callable[[Context], list[Melding]]

REGELS: dict[str, tuple[str, Regel]] = {
    "TPOD1892": ("identificatie volgens het patroon nl.imow-<bg>.<objecttype>.<id>", tpod1892),
    "TPOD1890": ("objecttype in de identificatie past bij het OW-object", tpod1890),
    "TPOD2000": ("wId van een Regeltekst verwijst naar een Artikel of Lid", tpod2000),
    "TPOD2061": ("Regeltekst alleen bij Artikel/Lid met Inhoud, precies één (TPOD2050, TPOD2051)", tpod2061),
    "TPOD2060": ("bij een artikel met leden alleen annotaties op de leden", tpod2060),
    "TPOD1110": ("annotaties alleen in het lichaam, niet in bijlagen", tpod1110),
    "TPOD2180": ("precies één Regelingsgebied", tpod2180),
    "TPOD0110": ("hoogstens één Pons", tpod0110),
    "TPOD1951": ("één tophaak met de voorgeschreven naam (TPOD1952, TPOD1953)", tpod1951),
    "TPOD1650": ("normwaarde heeft precies één soort waarde", tpod1650),
    "TPOD2090": ("alle normwaarden van een norm van hetzelfde type", tpod2090),
    "TPOD2100": ("eenheid alleen en altijd bij kwantitatieve waarden", tpod2100),
    "TPOD2102": ("locaties van de normwaarden van een norm overlappen niet (TPOD2101)", tpod2102),
    "TPOD1850": ("juridische regels bij één Regeltekst van één type en één idealisatie (TPOD2027)", tpod1850),
    "TPOD1300": ("waarden uit de IMOW-waardelijsten", tpod1300),
    "TPOD2502": ("toegestane typen Gebiedsaanwijzing in een omgevingsplan", tpod2502),
    "TPOD2487": ("toegestane OW-objecttypen in een omgevingsplan (TPOD2420)", tpod2487),
    "TPOD2230": ("elke geometrie heeft een OW-Locatie", tpod2230),
    "TPOD1980": ("een Gebied verwijst naar een bestaand vlak", tpod1980),
    "TPOD2700": ("geometrie binnen Nederland en de EEZ", tpod2700),
    "OZON0102": ("geen Regeltekst zonder juridische regel", ozon0102),
    "OZON0109": ("verwijzingen naar bestaande objecten van de goede soort (OZON0045, 0053, 0082, 0096, 0101, 0121, 0124)", ozon0109),
    "WEES": ("geen activiteit of norm zonder regel (waarschuwing)", wezen),
    "LVBB-manifest": ("manifest.xml en manifest-ow.xml kloppen met de levering (LVBB1009, 1010, 1026, 1575, TPOD1161, TPOD2140)",
                      lvbb_manifest),
}


def controleer_tpod(ctx: Context, regels: Iterable[str] | None = None) -> list[Melding]:
    """Run the rules (all, or the codes given) on a context; the findings, in rule order."""
    uit: list[Melding] = []
    for code in (regels or REGELS):
        uit.extend(REGELS[code][1](ctx))
    return uit


# --- reading a delivery into a Context, and the full validation -----------------------------------------------------


class _Bron:
    """A delivery as name → bytes: a folder, a zip, or a Levering in memory."""

    def __init__(self, bestanden: dict[str, bytes] | None = None, pakket=None):  # noqa: ANN001
        self.bestanden = bestanden
        self.pakket = pakket

    def namen(self) -> list[str]:
        return list(self.bestanden) if self.bestanden is not None else self.pakket.namen()

    def lees(self, naam: str) -> bytes:
        return self.bestanden[naam] if self.bestanden is not None else self.pakket.lees(naam)


def _tekst_elementen(rc: etree._Element) -> dict[str, TekstElement]:
    uit: dict[str, TekstElement] = {}
    for el in rc.iter():
        if not isinstance(el.tag, str) or not el.get("wId"):
            continue
        lokaal = etree.QName(el).localname
        bijlage = any(etree.QName(a).localname in ("Bijlage", "Toelichting", "ArtikelgewijzeToelichting")
                      for a in el.iterancestors() if isinstance(a.tag, str))
        uit[el.get("wId")] = TekstElement(lokaal, el.find(f"{{{TEKST}}}Inhoud") is not None,
                                          el.find(f"{{{TEKST}}}Lid") is not None, bijlage, el.sourceline or 0)
    return uit


def lees_context(bron: _Bron, naam: str) -> tuple[Context, dict[str, etree._ElementTree]]:
    docs: dict[str, etree._ElementTree] = {}
    for n in bron.namen():
        if n.endswith((".xml", ".gml")):
            try:
                docs[n] = parse_xml(bron.lees(n), n)
            except XmlFout:
                continue  # reported by the XSD step
    rc = None
    werk = ""
    gemeente = ""
    for n, d in docs.items():
        r = d.getroot()
        if r.tag == f"{{{LVBBA}}}AanleveringBesluit" or r.tag == f"{{{TEKST}}}RegelingCompact":
            rc = r if r.tag == f"{{{TEKST}}}RegelingCompact" else r.find(f".//{{{TEKST}}}RegelingCompact")
            rvi = r.find(f".//{{{LVBBA}}}RegelingVersieInformatie")
            if rvi is not None:
                werk = " ".join((rvi.findtext(f".//{{{DATA}}}FRBRWork") or "").split())
            aanhef = r.find(f".//{{{TEKST}}}Aanhef")
            m = re.search(r"gemeente (.+?) besluit", " ".join(aanhef.itertext())) if aanhef is not None else None
            gemeente = m.group(1) if m else ""
        if rc is not None and not werk and rc.get("wordt"):
            werk = werk_van(rc.get("wordt"))
    ow_docs = [(n, d) for n, d in docs.items() if is_owbestand(d)]
    ow = lees_ow(ow_docs)
    geometrie: dict[str, tuple[BaseGeometry, str, str]] = {}
    gio_fouten: list[tuple[str, str, str]] = []
    for n, d in docs.items():
        if d.getroot().tag == f"{{{GEO}}}GeoInformatieObjectVaststelling":
            soorten = {}
            for g in d.getroot().iter(f"{{{BASISGEO}}}Geometrie"):
                kinderen = [k for k in g.iter() if isinstance(k.tag, str) and k.tag.startswith("{http://www.opengis.net/gml/3.2}")]
                soorten[(g.findtext(f"{{{BASISGEO}}}id") or "").strip().lower()] = \
                    etree.QName(kinderen[0]).localname if kinderen else "?"
            gio = lees_gio(d, n, gio_fouten)
            for loc in gio.locaties:
                geometrie[loc.id.lower()] = (loc.geometrie, soorten.get(loc.id.lower(), "?"), n)
            for gid, soort in soorten.items():
                if gid and gid not in geometrie and soort in ("Point", "MultiPoint", "LineString", "MultiCurve", "Curve"):
                    geometrie[gid] = (shapely.Point(0, 0), soort, n)
    manifest_ow = None
    manifest = None
    for n, d in docs.items():
        r = d.getroot()
        if r.tag == f"{{{MANIFEST_OW}}}Aanleveringen":
            bestanden = [((b.findtext(f"{{{MANIFEST_OW}}}naam") or "").strip(),
                          [(o.text or "").strip() for o in b.findall(f"{{{MANIFEST_OW}}}objecttype")])
                         for b in r.iter(f"{{{MANIFEST_OW}}}Bestand")]
            manifest_ow = ((r.findtext(f".//{{{MANIFEST_OW}}}WorkIDRegeling") or "").strip(),
                           (r.findtext(f".//{{{MANIFEST_OW}}}DoelID") or "").strip(), bestanden)
        elif r.tag == f"{{{LVBB}}}manifest":
            manifest = [(b.findtext(f"{{{LVBB}}}bestandsnaam") or "").strip() for b in r.iter(f"{{{LVBB}}}bestand")]
    tekst = _tekst_elementen(rc) if rc is not None else {}
    ctx = Context(naam, ow, tekst, werk, "omgevingsplan", geometrie, manifest_ow, manifest, set(bron.namen()), gemeente,
                  gio_fouten)
    return ctx, docs


@dataclass
class Validatie:
    """Everything found about a delivery: XSD, Schematron (what ran and what did not), TPOD."""

    xsd: list[Melding] = field(default_factory=list)
    schematron: SchematronUitslag = field(default_factory=SchematronUitslag)
    tpod: list[Melding] = field(default_factory=list)
    bestanden: int = 0
    gevalideerd: int = 0

    @property
    def fouten(self) -> list[Melding]:
        return [m for m in self.xsd + self.schematron.meldingen + self.tpod if m.ernst == "fout"]

    @property
    def geldig(self) -> bool:
        return not self.fouten

    def samenvatting(self) -> str:
        sch_fouten = len(self.schematron.fouten)
        tpod_fouten = sum(1 for m in self.tpod if m.ernst == "fout")
        niet = len(self.schematron.niet_uitgevoerd)
        return (f"XSD: {self.gevalideerd} van {self.bestanden} bestanden gevalideerd, {len(self.xsd)} fouten; "
                f"Schematron: {len(self.schematron.uitgevoerd)} patronen uitgevoerd"
                f"{f' ({niet} konden niet worden uitgevoerd)' if niet else ''}, {sch_fouten} fouten; "
                f"TPOD/OZON: {len(REGELS)} regels, {tpod_fouten} fouten, "
                f"{sum(1 for m in self.tpod if m.ernst != 'fout')} waarschuwingen")


def controleer(levering, *, opslag: SchemaOpslag | None = None, schematron: bool = True) -> Validatie:  # noqa: ANN001
    """Validate a delivery: a :class:`~regels.stop.export.Levering`, or a folder or zip path."""
    opslag = opslag or SchemaOpslag.standaard()
    if isinstance(levering, (str, Path)):
        with open_pakket(Path(levering)) as pakket:
            return _controleer(_Bron(pakket=pakket), Path(levering).name, opslag, schematron)
    return _controleer(_Bron(bestanden=levering.bestanden), "levering", opslag, schematron)


def _controleer(bron: _Bron, naam: str, opslag: SchemaOpslag, schematron: bool) -> Validatie:
    uitslag = Validatie()
    for n in bron.namen():
        if not n.endswith((".xml", ".gml")):
            continue
        uitslag.bestanden += 1
        try:
            doc = parse_xml(bron.lees(n), n)
        except XmlFout as e:
            uitslag.xsd.append(Melding(str(e), Positie(n, 1, 1)))
            continue
        if n.rsplit("/", 1)[-1] == "regels-machine.xml":
            continue  # regels' own file: no official schema (docs/stop.md)
        uitslag.gevalideerd += 1
        uitslag.xsd.extend(valideer_xsd(doc, opslag=opslag, naam=n))
        if schematron:
            s = valideer_schematron(doc, opslag=opslag, naam=n)
            uitslag.schematron.meldingen.extend(s.meldingen)
            uitslag.schematron.uitgevoerd.extend(s.uitgevoerd)
            uitslag.schematron.niet_uitgevoerd.extend(s.niet_uitgevoerd)
    ctx, _ = lees_context(bron, naam)
    uitslag.tpod = controleer_tpod(ctx) + list(ctx.ow.meldingen) + [
        Melding(f"GIO: {waar}: {bericht}", Positie(waar.split(":")[0], 1, 1), ernst="waarschuwing")
        for soort, waar, bericht in ctx.gio_fouten if "buiten Nederland" not in bericht]
    return uitslag


__all__ = ["Context", "REGELS", "Validatie", "controleer", "controleer_tpod", "lees_context"]

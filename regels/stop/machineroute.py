"""Route 1 of the import: a delivery that carries ``regels-machine.xml`` (made by ``regels export``).

The plan is read from the machine file, exported again and compared with the delivery (the RegelingCompact,
every OW object, every geometry); when everything agrees, the machine text is the plan. When not, route 2 runs
and :func:`herstel_machinelogica` puts the machine logic back where the OW identifiers still match."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from lxml import etree
from shapely.geometry.base import BaseGeometry

from regels.errors import PlanFouten
from regels.language.parse import parse_teksten
from regels.language.resolve import resolve
from regels.model.regeling import (
    Afdeling, Artikel, Begrip, Bestand, GebiedDecl, Hoofdstuk, JuridischeRegel, Regeling,
)
from regels.plan import Plan
from regels.stop.elementen import lokaal as _lokaal
from regels.stop.elementen import tekst as _t
from regels.stop.importrapport import Rapportregel
from regels.stop.pakketlezer import Inhoud
from regels.stop.schemas import NAMESPACES

TEKST = NAMESPACES["tekst"]


def _canon(el: etree._Element) -> tuple:
    """A comparable form of an element: tag, attributes, normalised text, children (comments dropped)."""
    kinderen = tuple(_canon(k) for k in el if isinstance(k.tag, str))
    tekst = " ".join((el.text or "").split())
    staart = tuple(" ".join((k.tail or "").split()) for k in el if isinstance(k.tag, str))
    return (el.tag, tuple(sorted((k, v) for k, v in el.attrib.items() if not k.startswith("{http://www.w3.org/2001/XMLSchema-instance}"))),
            tekst, kinderen, staart)


def _ow_objecten(documenten: Iterable[tuple[str, etree._ElementTree]]) -> dict[str, tuple]:
    uit: dict[str, tuple] = {}
    ow_dc = NAMESPACES["ow-dc"]
    for _, doc in documenten:
        for obj in doc.getroot().iter(f"{{{ow_dc}}}owObject"):
            for k in obj:
                if isinstance(k.tag, str):
                    ident = next((_t(x) for x in k if _lokaal(x.tag) == "identificatie"), "")
                    uit[ident] = _canon(k)
    return uit


def machine_route(inhoud: Inhoud, rapport: list[Rapportregel]) -> tuple[Regeling, dict, Plan] | None:
    from regels.stop.export import exporteer
    from regels.stop.ids import geometrie_uuid
    from regels.stop.veilig import parse_xml

    m = inhoud.machine
    if m is None:
        return None
    bestanden, fouten, bronnen = parse_teksten(m.bestanden)
    if fouten:
        rapport.append(Rapportregel("afwijking", "regels-machine.xml", "het machinebestand is geen geldige regeltaal: "
                                    + "; ".join(f.render() for f in fouten[:3])))
        return None
    regeling = Regeling(bestanden=tuple(bestanden))
    geo: dict[str, BaseGeometry] = {loc.id.lower(): loc.geometrie for gio in inhoud.gios for loc in gio.locaties}
    geometrie: dict[str, dict[str, BaseGeometry]] = {}
    for item in regeling.items():
        if isinstance(item, GebiedDecl):
            g = geo.get(geometrie_uuid(m.werk, item.naam).lower())
            if g is None:
                rapport.append(Rapportregel("afwijking", "regels-machine.xml",
                                            f"gebied {item.naam!r} heeft geen GIO in de levering; machinebestand niet gebruikt"))
                return None
            geometrie.setdefault(item.bestand, {})[item.naam] = g
    try:
        plan = resolve(regeling, None, bronnen, geometrie)
    except PlanFouten as e:
        rapport.append(Rapportregel("afwijking", "regels-machine.xml", "het plan uit het machinebestand laadt niet: "
                                    + "; ".join(f.render() for f in e.fouten[:3])))
        return None
    # export it again and compare with what was delivered
    opnieuw = exporteer(plan, machinebestand=False)
    verschillen: list[str] = []
    if inhoud.regeling is not None:
        besluit = parse_xml(opnieuw.bestanden["besluit.xml"], "besluit.xml").getroot()
        rc = besluit.find(f".//{{{TEKST}}}RegelingCompact")
        if rc is None or _canon(rc) != _canon(inhoud.regeling):
            verschillen.append("de tekst (RegelingCompact) wijkt af van wat het machinebestand geeft")
    geleverd = _ow_objecten(inhoud.ow_documenten)
    verwacht = _ow_objecten((n, parse_xml(d, n)) for n, d in opnieuw.bestanden.items()
                            if n.startswith("ow") and n.endswith(".xml"))
    for ident in sorted(set(geleverd) | set(verwacht)):
        if ident not in verwacht:
            verschillen.append(f"OW-object {ident} staat in de levering maar volgt niet uit het machinebestand")
        elif ident not in geleverd:
            verschillen.append(f"OW-object {ident} ontbreekt in de levering")
        elif geleverd[ident] != verwacht[ident]:
            verschillen.append(f"OW-object {ident} wijkt af van wat het machinebestand geeft")
    for naam, features in geometrie.items():
        for n, g in features.items():
            if not g.equals_exact(plan.locaties[n], 0):
                verschillen.append(f"geometrie van {n!r} wijkt af")
    if verschillen:
        for v in verschillen[:50]:
            rapport.append(Rapportregel("afwijking", "regels-machine.xml", v))
        if len(verschillen) > 50:
            rapport.append(Rapportregel("afwijking", "regels-machine.xml", f"en nog {len(verschillen) - 50} verschillen"))
        rapport.append(Rapportregel("info", "regels-machine.xml", "de levering is na de export gewijzigd; de STOP-tekst en de "
                                    "OW-objecten zijn gevolgd en de machinelogica is overgenomen waar de OW-identificaties "
                                    "nog overeenkomen"))
        return None
    return regeling, geometrie, plan


def herstel_machinelogica(regeling: Regeling, inhoud: Inhoud, rapport: list[Rapportregel]) -> Regeling:
    """Route 2 with a machine file that no longer matches the delivery: put back the als/eis/geldig/afwijking of
    every rule whose OW identificatie still matches, and the begrippen of its artikel or lid."""
    from regels.stop.ids import imow_id

    m = inhoud.machine
    try:
        bestanden, fouten, _ = parse_teksten(m.bestanden)
        if fouten:
            raise ValueError("geen geldige regeltaal")
        machine_regeling = Regeling(bestanden=tuple(bestanden))
        bg = m.werk.split("/")[4]
        onderdelen: dict[str, tuple] = {}
        for h in _machine_houders(machine_regeling, bg):
            regels = [a for a in h[2] if isinstance(a, JuridischeRegel)]
            for i, r in enumerate(regels, 1):
                onderdelen[imow_id(bg, "juridischeregel", f"{h[0]}#regel{i}")] = r
    except Exception as e:  # the machine file is a bonus here; it never breaks the import
        rapport.append(Rapportregel("info", "regels-machine.xml", f"machinelogica niet terug te zetten ({e})"))
        return regeling
    begrippen = [a for i in machine_regeling.items() if isinstance(i, Hoofdstuk) for art in i.artikelen()
                 for houder in (art, *art.leden) for a in houder.annotaties if isinstance(a, Begrip)]
    teller = 0

    def houder(h: Any) -> Any:
        nonlocal teller
        nieuw = []
        for ann in h.annotaties:
            if isinstance(ann, JuridischeRegel):
                ow = next((c[3:] for c in ann.commentaar if c.startswith("OW ")), "")
                oud = onderdelen.get(ow)
                if oud is not None and oud.activiteit == ann.activiteit:
                    ann = ann.model_copy(update={"onderdelen": oud.onderdelen, "commentaar": (f"OW {ow}",
                                                 "machinelogica uit regels-machine.xml")})
                    teller += 1
            nieuw.append(ann)
        return h.model_copy(update={"annotaties": tuple(nieuw)})

    nieuwe_bestanden = []
    for bst in regeling.bestanden:
        items = []
        for item in bst.items:
            if isinstance(item, Hoofdstuk):
                inhoud_ = []
                for d in item.inhoud:
                    if isinstance(d, Afdeling):
                        d = d.model_copy(update={"artikelen": tuple(_art(a, houder) for a in d.artikelen)})
                    else:
                        d = _art(d, houder)
                    inhoud_.append(d)
                item = item.model_copy(update={"inhoud": tuple(inhoud_)})
            items.append(item)
        nieuwe_bestanden.append(bst.model_copy(update={"items": tuple(items)}))
    # the begrippen of the machine file: put them in the first artikel/lid, so that the restored eisen resolve
    if begrippen and teller:
        bekend = {a.naam for b_ in nieuwe_bestanden for i in b_.items if isinstance(i, Hoofdstuk) for art in i.artikelen()
                  for h in (art, *art.leden) for a in h.annotaties if isinstance(a, Begrip)}
        nieuw = tuple(b_.model_copy(update={"commentaar": ("uit regels-machine.xml",)}) for b_ in begrippen if b_.naam not in bekend)
        if nieuw:
            nieuwe_bestanden = _begrippen_vooraan(nieuwe_bestanden, nieuw)
    rapport.append(Rapportregel("info", "regels-machine.xml", f"machinelogica van {teller} regel(s) teruggezet op grond van "
                                "hun OW-identificatie"))
    return Regeling(bestanden=tuple(nieuwe_bestanden))


def _art(a: Artikel, houder: Any) -> Artikel:
    if a.leden:
        return a.model_copy(update={"leden": tuple(houder(lid) for lid in a.leden)})
    return houder(a)


def _begrippen_vooraan(bestanden: list[Bestand], begrippen: tuple[Begrip, ...]) -> list[Bestand]:
    for i, bst in enumerate(bestanden):
        for j, item in enumerate(bst.items):
            if isinstance(item, Hoofdstuk) and item.artikelen():
                eerste = item.artikelen()[0]
                doel = eerste.leden[0] if eerste.leden else eerste
                nieuw_doel = doel.model_copy(update={"annotaties": begrippen + doel.annotaties})
                if eerste.leden:
                    nieuw_art = eerste.model_copy(update={"leden": (nieuw_doel, *eerste.leden[1:])})
                else:
                    nieuw_art = nieuw_doel
                inhoud = list(item.inhoud)
                for k, d in enumerate(inhoud):
                    if d is eerste:
                        inhoud[k] = nieuw_art
                    elif isinstance(d, Afdeling) and eerste in d.artikelen:
                        arts = list(d.artikelen)
                        arts[arts.index(eerste)] = nieuw_art
                        inhoud[k] = d.model_copy(update={"artikelen": tuple(arts)})
                items = list(bst.items)
                items[j] = item.model_copy(update={"inhoud": tuple(inhoud)})
                bestanden[i] = bst.model_copy(update={"items": tuple(items)})
                return bestanden
    return bestanden


def _machine_houders(regeling: Regeling, bg: str) -> list[tuple[str, Any, tuple]]:
    """(wId, houder, annotaties) for every artikel without leden and every lid, as the export numbers them."""
    from regels.stop.ids import eid_deel, wid
    uit = []
    for h in (i for i in regeling.items() if isinstance(i, Hoofdstuk)):
        heid = eid_deel("chp", h.nummer)
        for d in h.inhoud:
            if isinstance(d, Afdeling):
                basis = f"{heid}__{eid_deel('subchp', d.nummer)}"
                arts = d.artikelen
            else:
                basis, arts = heid, (d,)
            for a in arts:
                aeid = f"{basis}__{eid_deel('art', a.nummer)}"
                if a.leden:
                    for lid in a.leden:
                        uit.append((wid(bg, f"{aeid}__{eid_deel('para', lid.nummer)}"), lid, lid.annotaties))
                else:
                    uit.append((wid(bg, aeid), a, a.annotaties))
    return uit


__all__ = ["herstel_machinelogica", "machine_route"]

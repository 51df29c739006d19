"""Read IMOW (OW) files into plain objects: the model that the import and the TPOD checks share.

``lees_ow(documenten)`` takes parsed ``ow-dc:owBestand`` documents (any IMOW v2.0.0 file, from a
LVBB delivery or a DSO download) and returns an :class:`OwModel`: every object by identificatie,
with its references as identificaties. Nothing is resolved or judged here: unknown references,
missing parts and object types the plan model does not know are kept (``overige``) or reported
as :class:`~regels.errors.Melding` with file, line and element, so the caller can say what it
skipped and why.

Objects with ``ow:status`` 'beëindigen'/'beëindigd' are kept apart (``beeindigd``): in a delta
delivery they end an object; a plan import does not take them in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from lxml import etree

from regels.errors import Melding, Positie
from regels.stop.elementen import tekst as _tekst
from regels.stop.schemas import IMOW, NAMESPACES, element_pad

R = IMOW + "regels"
ROL = IMOW + "regelsoplocatie"
L = IMOW + "locatie"
GA = IMOW + "gebiedsaanwijzing"
RG = IMOW + "regelingsgebied"
P = IMOW + "pons"
OWO = IMOW + "owobject"
XLINK = "http://www.w3.org/1999/xlink"
HREF = f"{{{XLINK}}}href"
OW_DC = NAMESPACES["ow-dc"]
SL = NAMESPACES["sl"]

LOCATIESOORTEN = ("Gebied", "Gebiedengroep", "Lijn", "Lijnengroep", "Punt", "Puntengroep", "Ambtsgebied")
REGELSOORTEN = ("RegelVoorIedereen", "Instructieregel", "Omgevingswaarderegel")


class Bron:
    """Where an OW object is: file and line; the element path is computed only when a message needs it."""

    __slots__ = ("bestand", "regel", "_el", "_pad", "_cache")

    def __init__(self, bestand: str, regel: int, el: etree._Element | None = None, pad: str | None = None,
                 cache: dict | None = None) -> None:
        self.bestand = bestand
        self.regel = regel
        self._el = el
        self._pad = pad
        self._cache = cache  # an element_pad cache shared by the Bronnen of one read: n paths in linear time

    @property
    def pad(self) -> str:
        if self._pad is None:
            self._pad = element_pad(self._el, self._cache) if self._el is not None else ""
        return self._pad

    def __repr__(self) -> str:
        return f"Bron({self.bestand!r}, {self.regel})"

    def __str__(self) -> str:
        return f"{self.bestand}:{self.regel}"


@dataclass(slots=True)
class Regeltekst:
    id: str
    wid: str
    bron: Bron


@dataclass(slots=True)
class ActiviteitAanduiding:
    activiteit: str
    id: str
    kwalificatie: str  # URI
    locaties: list[str]


@dataclass(slots=True)
class JuridischeRegelOw:
    id: str
    soort: str  # RegelVoorIedereen | Instructieregel | Omgevingswaarderegel
    idealisatie: str
    regeltekst: str
    locaties: list[str]
    gebiedsaanwijzingen: list[str]
    kaarten: list[str]
    themas: list[str]
    activiteiten: list[ActiviteitAanduiding]
    normen: list[str]  # Omgevingsnorm refs (and Omgevingswaarde refs for an Omgevingswaarderegel)
    bron: Bron
    overig: list[str] = field(default_factory=list)  # child elements this reader does not know


@dataclass(slots=True)
class ActiviteitOw:
    id: str
    naam: str
    groep: str
    bovenliggend: str | None
    gerelateerd: list[str]
    bron: Bron


@dataclass(slots=True)
class NormwaardeOw:
    id: str
    kwantitatief: str | None
    kwalitatief: str | None
    in_regeltekst: str | None
    locaties: list[str]


@dataclass(slots=True)
class NormOw:
    id: str
    soort: str  # Omgevingsnorm | Omgevingswaarde
    naam: str
    type: str
    eenheid: str | None
    groep: str
    waarden: list[NormwaardeOw]
    bron: Bron


@dataclass(slots=True)
class LocatieOw:
    id: str
    soort: str  # Gebied | Gebiedengroep | Lijn | … | Ambtsgebied
    noemer: str | None
    geometrie: str | None  # GeometrieRef (basisgeo:id) for Gebied/Lijn/Punt
    leden: list[str]  # for the groups
    ambtsgebied: str | None  # bestuurlijkeGrenzenID
    bron: Bron


@dataclass(slots=True)
class GebiedsaanwijzingOw:
    id: str
    type: str
    naam: str
    groep: str
    locaties: list[str]
    bron: Bron


@dataclass(slots=True)
class VerwijzendObject:
    """Regelingsgebied and Pons: an identificatie and locations."""

    id: str
    soort: str
    locaties: list[str]
    bron: Bron


@dataclass
class OwModel:
    regelteksten: dict[str, Regeltekst] = field(default_factory=dict)
    regels: dict[str, JuridischeRegelOw] = field(default_factory=dict)
    activiteiten: dict[str, ActiviteitOw] = field(default_factory=dict)
    normen: dict[str, NormOw] = field(default_factory=dict)
    locaties: dict[str, LocatieOw] = field(default_factory=dict)
    gebiedsaanwijzingen: dict[str, GebiedsaanwijzingOw] = field(default_factory=dict)
    regelingsgebieden: list[VerwijzendObject] = field(default_factory=list)
    pons: list[VerwijzendObject] = field(default_factory=list)
    overige: dict[str, list[tuple[str, Bron]]] = field(default_factory=dict)  # objecttype → [(id, bron)]
    beeindigd: list[tuple[str, str, Bron]] = field(default_factory=list)  # (objecttype, id, bron)
    meldingen: list[Melding] = field(default_factory=list)
    alle_ids: dict[str, tuple[str, Bron]] = field(default_factory=dict)  # id → (objecttype, bron)

    def objecttype(self, identificatie: str) -> str | None:
        gevonden = self.alle_ids.get(identificatie)
        return gevonden[0] if gevonden else None


Kinderen = dict[str, list[etree._Element]]  # tag (Clark notation) → the child elements with that tag, in order


def _kinderen(el: etree._Element) -> Kinderen:
    """The child elements of ``el`` by tag, in one pass (instead of one ``find`` per child asked for)."""
    uit: Kinderen = {}
    for k in el[:]:  # a slice is built in C, about 4x cheaper than iterating the element
        tag = k.tag
        if isinstance(tag, str):  # comments and processing instructions have a function as tag
            lijst = uit.get(tag)
            if lijst is None:
                uit[tag] = [k]
            else:
                lijst.append(k)
    return uit


def _kind(kinderen: Kinderen, tag: str) -> etree._Element | None:
    """The first child with this tag (what ``el.find(tag)`` gives)."""
    lijst = kinderen.get(tag)
    return lijst[0] if lijst else None


def _kindtekst(kinderen: Kinderen, tag: str) -> str:
    lijst = kinderen.get(tag)
    return _tekst(lijst[0]) if lijst else ""


def _refs(el: etree._Element | None) -> list[str]:
    """The xlink:href of every child element that has one (the ...Ref elements of a reference)."""
    if el is None:
        return []
    uit: list[str] = []
    for r in el[:]:
        if isinstance(r.tag, str):
            href = r.get(HREF)
            if href is not None:
                uit.append(href.strip())
    return uit


def _kindrefs(kinderen: Kinderen, tag: str) -> list[str]:
    lijst = kinderen.get(tag)
    return _refs(lijst[0]) if lijst else []


def _q(ns: str, naam: str) -> str:
    return f"{{{ns}}}{naam}"


# the tags read from every juridische regel (about 20 000 lookups in a large delivery: made once)
_R_ARTIKELOFLID = _q(R, "artikelOfLid")
_R_ACTIVITEITAANDUIDING = _q(R, "activiteitaanduiding")
_R_ALA = _q(R, "ActiviteitLocatieaanduiding")
_R_IDENTIFICATIE = _q(R, "identificatie")
_R_KWALIFICATIE = _q(R, "activiteitregelkwalificatie")
_R_LOCATIEAANDUIDING = _q(R, "locatieaanduiding")
_R_GEBIEDSAANWIJZING = _q(R, "gebiedsaanwijzing")
_R_KAARTAANDUIDING = _q(R, "kaartaanduiding")
_R_THEMA = _q(R, "thema")
_R_IDEALISATIE = _q(R, "idealisatie")
_R_NORMAANDUIDING = _q(R, "omgevingsnormaanduiding")
_R_WAARDEAANDUIDING = _q(R, "omgevingswaardeaanduiding")

# the children of a juridische regel this reader knows; anything else is kept in JuridischeRegelOw.overig
_REGEL_BEKEND = frozenset({
    "identificatie", "idealisatie", "artikelOfLid", "thema", "locatieaanduiding", "gebiedsaanwijzing", "kaartaanduiding",
    "activiteitaanduiding", "omgevingsnormaanduiding", "omgevingswaardeaanduiding", "status", "procedurestatus",
})


# what a child element is to its OW object (by its local name, in any namespace)
_ROL_IDENT, _ROL_STATUS, _ROL_BEKEND, _ROL_ONBEKEND = range(4)


class _Lezer:
    """Reads every OW object in one pass over its children (a dict by tag, with the identificatie and status
    found on the way), not with a ``find`` per attribute."""

    def __init__(self) -> None:
        self.model = OwModel()
        self.paden: dict = {}  # element_pad cache shared by every Bron of this read (see Bron.pad)
        self.lokale_namen: dict[str, str] = {}  # tag → local name, for the tags met in this read
        self.rollen: dict[str, int] = {}  # tag → what a child with that tag is to its object (_ROL_…)

    def lokaal(self, tag: str) -> str:
        naam = self.lokale_namen.get(tag)
        if naam is None:
            naam = self.lokale_namen[tag] = tag.rpartition("}")[2]
        return naam

    def bron(self, el: etree._Element, bestand: str) -> Bron:
        return Bron(bestand, el.sourceline or 0, el, cache=self.paden)

    def meld(self, bron: Bron, bericht: str, ernst: str = "fout") -> None:
        self.model.meldingen.append(Melding(bericht, Positie(bron.bestand, bron.regel, 1), pad=bron.pad, ernst=ernst))

    def verplicht(self, kinderen: Kinderen, ns: str, naam: str, bron: Bron, wat: str) -> str:
        waarde = _kindtekst(kinderen, _q(ns, naam))
        if not waarde:
            prefix = {R: "r", ROL: "rol", L: "l", GA: "ga", RG: "rg", P: "p"}.get(ns, "")
            self.meld(bron, f"{wat} mist het verplichte element {prefix}:{naam}")
        return waarde

    def document(self, doc: etree._ElementTree, bestand: str) -> None:
        root = doc.getroot()
        if root.tag != f"{{{OW_DC}}}owBestand":
            self.meld(self.bron(root, bestand), f"het bestand is geen ow-dc:owBestand maar {etree.QName(root).localname}")
            return
        for obj in root.iter(f"{{{OW_DC}}}owObject"):
            kinderen = [k for k in obj[:] if isinstance(k.tag, str)]
            if len(kinderen) != 1:
                self.meld(self.bron(obj, bestand), "een ow-dc:owObject moet precies één OW-object bevatten")
                continue
            self.object(kinderen[0], bestand)

    def rol(self, tag: str) -> int:
        """What a child with this tag is to the object (see the _ROL_ constants); looked up once per tag."""
        naam = self.lokaal(tag)
        rol = _ROL_IDENT if naam == "identificatie" else _ROL_STATUS if naam == "status" else \
            _ROL_BEKEND if naam in _REGEL_BEKEND else _ROL_ONBEKEND
        self.rollen[tag] = rol
        return rol

    def object(self, el: etree._Element, bestand: str) -> None:
        ns, _, soort = el.tag.partition("}")
        ns = ns[1:]
        bron = Bron(bestand, el.sourceline or 0, el, None, self.paden)
        # one pass over the children: by tag, and the identificatie and status in any namespace (the first
        # non-empty identificatie and the last status, in document order)
        k: Kinderen = {}
        rollen = self.rollen
        ident = ""
        status_el = None
        onbekend = False
        for c in el[:]:  # a slice is built in C, about 4x cheaper than iterating the element
            tag = c.tag
            if not isinstance(tag, str):  # comments and processing instructions have a function as tag
                continue
            lijst = k.get(tag)
            if lijst is None:
                k[tag] = [c]
            else:
                lijst.append(c)
            rol = rollen.get(tag)
            if rol is None:
                rol = self.rol(tag)
            if rol == _ROL_IDENT:
                if not ident:
                    ident = _tekst(c)
            elif rol == _ROL_STATUS:
                status_el = c
            elif rol == _ROL_ONBEKEND:
                onbekend = True
        if not ident:
            if soort in ("SymbolisatieItem", "Kaartlaag"):  # no identificatie of its own in IMOW 2.0
                self.model.overige.setdefault(soort, []).append(("", bron))
                return
            self.meld(bron, f"{soort} zonder identificatie; overgeslagen")
            return
        if ident in self.model.alle_ids:
            eerder = self.model.alle_ids[ident][1]
            self.meld(bron, f"de identificatie {ident} komt twee keer voor (ook in {eerder}); de tweede is overgeslagen")
            return
        self.model.alle_ids[ident] = (soort, bron)
        if status_el is not None:
            status = _tekst(status_el).lower()
            if is_beeindigd(status):
                self.model.beeindigd.append((soort, ident, bron))
                return
        if ns == R and soort == "Regeltekst":
            wid = (el.get("wId") or "").strip()
            if not wid:
                self.meld(bron, "Regeltekst zonder attribuut wId")
            self.model.regelteksten[ident] = Regeltekst(ident, wid, bron)
        elif ns == R and soort in REGELSOORTEN:
            overig = [self.lokale_namen[c.tag] for c in el[:] if rollen.get(c.tag) == _ROL_ONBEKEND] if onbekend else []
            self.regel(k, soort, ident, bron, overig)
        elif ns == ROL and soort == "Activiteit":
            naam = self.verplicht(k, ROL, "naam", bron, "Activiteit")
            boven = _kindrefs(k, _q(ROL, "bovenliggendeActiviteit"))
            self.model.activiteiten[ident] = ActiviteitOw(
                ident, naam, _kindtekst(k, _q(ROL, "groep")), boven[0] if boven else None,
                _kindrefs(k, _q(ROL, "gerelateerdeActiviteit")), bron)
        elif ns == ROL and soort in ("Omgevingsnorm", "Omgevingswaarde"):
            self.norm(el, k, soort, ident, bron)
        elif ns == L and soort in LOCATIESOORTEN:
            geo = _kindrefs(k, _q(L, "geometrie"))
            leden = _kindrefs(k, _q(L, "groepselement"))
            ambt = None
            if soort == "Ambtsgebied":
                bgv = el.find(f".//{{{L}}}bestuurlijkeGrenzenID")
                ambt = _tekst(bgv) or None
            if soort in ("Gebied", "Lijn", "Punt") and not geo:
                self.meld(bron, f"{soort} {ident} heeft geen l:geometrie/l:GeometrieRef")
            self.model.locaties[ident] = LocatieOw(ident, soort, _kindtekst(k, _q(L, "noemer")) or None,
                                                   geo[0] if geo else None, leden, ambt, bron)
        elif ns == GA and soort == "Gebiedsaanwijzing":
            self.model.gebiedsaanwijzingen[ident] = GebiedsaanwijzingOw(
                ident, self.verplicht(k, GA, "type", bron, "Gebiedsaanwijzing"),
                self.verplicht(k, GA, "naam", bron, "Gebiedsaanwijzing"), _kindtekst(k, _q(GA, "groep")),
                _kindrefs(k, _q(GA, "locatieaanduiding")), bron)
        elif ns == RG and soort == "Regelingsgebied":
            self.model.regelingsgebieden.append(VerwijzendObject(ident, soort, _kindrefs(k, _q(RG, "locatieaanduiding")), bron))
        elif ns == P and soort == "Pons":
            self.model.pons.append(VerwijzendObject(ident, soort, _kindrefs(k, _q(P, "locatieaanduiding")), bron))
        else:
            self.model.overige.setdefault(soort, []).append((ident, bron))

    def regel(self, k: Kinderen, soort: str, ident: str, bron: Bron, overig: list[str]) -> None:
        """A juridische regel; ``overig`` are the local names of the children this reader does not know."""
        rt = _kindrefs(k, _R_ARTIKELOFLID)
        if not rt:
            self.meld(bron, f"{soort} {ident} verwijst niet naar een Regeltekst (r:artikelOfLid)")
        activiteiten: list[ActiviteitAanduiding] = []
        for aa in k.get(_R_ACTIVITEITAANDUIDING, ()):
            act: list[str] = []
            ala = None
            for x in aa[:]:
                tag = x.tag
                if not isinstance(tag, str):
                    continue
                href = x.get(HREF)
                if href is not None:
                    act.append(href.strip())
                if ala is None and tag == _R_ALA:
                    ala = x
            if not act:
                self.meld(bron, f"{soort} {ident}: activiteitaanduiding zonder rol:ActiviteitRef")
                continue
            if ala is None:
                self.meld(bron, f"{soort} {ident}: activiteitaanduiding zonder r:ActiviteitLocatieaanduiding")
                activiteiten.append(ActiviteitAanduiding(act[0], "", "", []))
                continue
            ak = _kinderen(ala)
            activiteiten.append(ActiviteitAanduiding(
                act[0], _kindtekst(ak, _R_IDENTIFICATIE), _kindtekst(ak, _R_KWALIFICATIE), _kindrefs(ak, _R_LOCATIEAANDUIDING)))
        normen = _kindrefs(k, _R_NORMAANDUIDING) + _kindrefs(k, _R_WAARDEAANDUIDING)
        themas = k.get(_R_THEMA)
        self.model.regels[ident] = JuridischeRegelOw(
            ident, soort, _kindtekst(k, _R_IDEALISATIE), rt[0] if rt else "",
            _kindrefs(k, _R_LOCATIEAANDUIDING), _kindrefs(k, _R_GEBIEDSAANWIJZING), _kindrefs(k, _R_KAARTAANDUIDING),
            [_tekst(t) for t in themas] if themas else [], activiteiten, normen, bron, overig)

    def norm(self, el: etree._Element, k: Kinderen, soort: str, ident: str, bron: Bron) -> None:
        waarden: list[NormwaardeOw] = []
        for nw in el.iter(f"{{{ROL}}}Normwaarde"):
            nk = _kinderen(nw)

            def opt(naam: str) -> str | None:
                x = _kind(nk, _q(ROL, naam))
                return _tekst(x) if x is not None else None
            waarden.append(NormwaardeOw(_kindtekst(nk, _q(ROL, "identificatie")), opt("kwantitatieveWaarde"),
                                        opt("kwalitatieveWaarde"), opt("waardeInRegeltekst"),
                                        _kindrefs(nk, _q(ROL, "locatieaanduiding"))))
        self.model.normen[ident] = NormOw(
            ident, soort, self.verplicht(k, ROL, "naam", bron, soort), _kindtekst(k, _q(ROL, "type")),
            _kindtekst(k, _q(ROL, "eenheid")) or None, _kindtekst(k, _q(ROL, "groep")), waarden, bron)


def lees_ow(documenten: Iterable[tuple[str, etree._ElementTree]]) -> OwModel:
    """Read OW documents ``(bestandsnaam, tree)`` into one :class:`OwModel` (in the given order)."""
    lezer = _Lezer()
    for naam, doc in documenten:
        lezer.document(doc, naam)
    return lezer.model


def is_beeindigd(status: str) -> bool:
    """Whether an ``ow:status`` (in lower case) ends the object: 'beëindigen', 'beëindigd' (also without diaeresis)."""
    return status.startswith(("beëindig", "beeindig"))


def is_owbestand(doc: etree._ElementTree) -> bool:
    return doc.getroot().tag == f"{{{OW_DC}}}owBestand"


__all__ = [
    "ActiviteitAanduiding", "ActiviteitOw", "Bron", "GebiedsaanwijzingOw", "JuridischeRegelOw", "LocatieOw",
    "NormOw", "NormwaardeOw", "OwModel", "Regeltekst", "VerwijzendObject", "is_beeindigd", "is_owbestand",
    "lees_ow",
]

"""Apply a STOP ``tekst:RegelingMutatie`` (a wijzigingsbesluit in renvooi) to the text of a regeling.

``pas_mutatie_toe(regeling, mutatie, huidige=…, bron=…)`` takes the current ``tekst:RegelingCompact``
and one ``tekst:RegelingMutatie`` and returns the new text, with a list of what changed;
``pas_mutaties_toe`` does the same for the mutations of one besluit in a chain, on one copy. The input
tree is never touched: the work is done on a copy, so a mutation that fails leaves nothing half done.
Elements are matched by namespace and name: only STOP tekst elements count.

What STOP 1.3.0 defines (``imop-tekst.xsd``), and what happens here:

* ``was``/``wordt`` on the RegelingMutatie: ``was`` must be the version being changed (the current
  expression), and ``was`` and ``wordt`` must be different versions of the same work (STOP0066).
  Anything else is refused, naming both versions; so is a mutation without any operation (the XSD
  requires one).
* The operations are applied in document order; ``wat`` and ``context`` are wIds.

  - ``VoegToe positie="volgtOp|komtVoor" context=wId``: the element(s) in it are inserted after /
    before the context element. (STOP 1.4 adds ``eersteKind``: as first child of the context, before
    its first child with a wId; STOP 2.0-rc's ``kindVan`` has no published meaning yet and is refused.)
    A new wId that is already in the regeling is refused, and so is a context inside the added text.
  - ``Vervang wat=wId [revisie] [positie context]``: the element with that wId is replaced by the one
    in the Vervang, whose wId must be ``wat`` (STOP0077); with ``positie``/``context`` it also moves
    (not next to or into one of its own parts).
  - ``VervangKop wat=wId [eId-wordt]``: only the Kop of that element is replaced (and its eId); an
    element that STOP gives no Kop (a Lid) is refused, one whose Kop is optional gets one.
  - ``Verwijder wat=wId``: the element is removed. The copy of it that the XSD asks for must have that wId and
    that element type; a Verwijder without it is applied and reported (``Tekstwijziging.afwijking``).
  - ``VervangRegeling``: the whole text is replaced (only a RegelingCompact can be read); it keeps the
    componentnaam of the text it replaces when it has none.
  - ``Nummer`` and ``Wat`` in an operation are the besluit's own description; they are not regeling text.

* Renvooi inside the new text is resolved to the new version: ``NieuweTekst`` is kept (unwrapped),
  ``VerwijderdeTekst`` is dropped, an element with ``wijzigactie="verwijder"`` is dropped,
  ``"verwijderContainer"`` drops the element but keeps its content, ``"voegtoe"``,
  ``"nieuweContainer"`` and ``"geen"`` keep the element (the attribute goes). In time linear in the text.
* After the operations the text gets ``wordt`` as its version.

Every refusal is a :class:`~regels.errors.MutatieFout` naming the file, line and operation.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from regels.errors import MutatieFout
from regels.stop.elementen import lokaal as _lokaal
from regels.stop.elementen import eerste, platte_tekst, wids
from regels.stop.ids import versie_van, werk_van
from regels.stop.schemas import NAMESPACES

TEKST = NAMESPACES["tekst"]
REGELINGMODELLEN = ("RegelingCompact", "RegelingVrijetekst", "RegelingTijdelijkdeel", "RegelingKlassiek")


def _t(naam: str) -> str:
    """The Clark tag of a STOP tekst element: an element of another namespace with the same local name is another element."""
    return f"{{{TEKST}}}{naam}"


_OMSCHRIJVING = (_t("Nummer"), _t("Wat"))  # the besluit's numbering and description of an operation
_MODELLEN = tuple(map(_t, REGELINGMODELLEN))
_KOP, _NUMMER, _LICHAAM, _VERVALLEN = _t("Kop"), _t("Nummer"), _t("Lichaam"), _t("Vervallen")
_VERWIJDERD, _NIEUW = _t("VerwijderdeTekst"), _t("NieuweTekst")
# the elements that have a tekst:Kop in imop-tekst.xsd (STOP 1.3.0, 1.4 and 2.0-rc; required or optional): only
# these can get one with VervangKop
_MET_KOP = frozenset(map(_t, (
    "Afdeling", "AlgemeneToelichting", "Artikel", "ArtikelgewijzeToelichting", "Bijlage", "Boek", "Deel", "Divisie",
    "Divisietekst", "Hoofdstuk", "Inhoudsopgave", "InleidendeTekst", "InwerkingtredingArtikel", "Kadertekst",
    "Mededelingtekst", "Motivering", "Paragraaf", "Rectificatietekst", "Subparagraaf", "Subsubparagraaf", "Titel",
    "Toelichting", "WijzigArtikel", "WijzigBijlage")))


def _naam(el: etree._Element) -> str:
    """An element's name in a message: 'tekst:Artikel', or 'Artikel (namespace urn:x)' for another namespace."""
    q = etree.QName(el)
    return f"tekst:{q.localname}" if q.namespace == TEKST else f"{q.localname} (namespace {q.namespace or 'geen'})"


@dataclass(frozen=True)
class Tekstwijziging:
    """One change to the text: what happened to which element."""

    actie: str  # toegevoegd | vervangen | verwijderd | verplaatst | kop vervangen | kop toegevoegd | vervallen
    soort: str  # local name of the element: Artikel, Lid, Hoofdstuk, Bijlage, Divisietekst, …
    label: str  # "artikel 2.5", "bijlage I", or the wId when the element has no number
    wid: str
    was: str = ""  # the label before the change, when it differs (renumbering)
    afwijking: tuple[str, str] | None = None  # (where, what): applied, but not as STOP asks; for the report

    @property
    def benoemd(self) -> str:
        """The label, with the label before the change when it differs: 'artikel 2.6 (was artikel 2.5)'."""
        return self.label + (f" (was {self.was})" if self.was and self.was != self.label else "")

    def __str__(self) -> str:
        return f"{self.benoemd} {self.actie}"


def label(el: etree._Element) -> str:
    """How an officer names an element: 'artikel 2.5', 'lid 2', 'hoofdstuk 3', else its wId."""
    soort = _lokaal(el.tag)
    nummer = ""
    for k in el:
        if k.tag == _KOP:
            nummer = platte_tekst(eerste(k, _NUMMER))
            break
        if k.tag in (_t("LidNummer"), _t("LiNummer")):
            nummer = platte_tekst(k)
            break
    nummer = nummer.rstrip(".")
    if nummer:
        return f"{soort.lower()} {nummer}"
    return f"{soort.lower()} {el.get('wId') or ''}".strip()


# --- renvooi ------------------------------------------------------------------------------------------


def _plak_voor(el: etree._Element, tekst: str | None) -> None:
    """Put ``tekst`` in the document just before ``el`` (after its previous sibling, or at the start of its parent)."""
    if not tekst:
        return
    vorige = el.getprevious()
    if vorige is not None:
        vorige.tail = (vorige.tail or "") + tekst
    else:
        ouder = el.getparent()
        ouder.text = (ouder.text or "") + tekst


def _weg(el: etree._Element) -> None:
    """Remove ``el`` and what is in it, keeping the text that follows it."""
    _plak_voor(el, el.tail)
    el.tail = None
    el.getparent().remove(el)


def los_renvooi_op(el: etree._Element) -> None:
    """Turn the renvooi inside ``el`` into the new version of the text (in place); see the module docstring.

    Linear in the size of ``el``: the text around a removed or unwrapped element is collected per place
    (``el.text`` or the tail of the element before it) and written once, instead of being appended to a
    string that grows with every marker (40,000 markers in one Al took 49 s that way)."""
    kinderen = list(el)
    if not any(isinstance(k.tag, str) and (k.tag in (_VERWIJDERD, _NIEUW)
                                           or k.get("wijzigactie") in ("verwijder", "verwijderContainer"))
               for k in kinderen):
        for k in kinderen:  # nothing goes or is unwrapped here: the text stays where it is
            if isinstance(k.tag, str):
                los_renvooi_op(k)
                if k.get("wijzigactie") is not None:
                    del k.attrib["wijzigactie"]
        return
    # ``doel`` is where the text collected in ``stukken`` belongs: None for el.text, else that node's tail
    doel: etree._Element | None = None
    stukken: list[str] = [el.text or ""]

    def schrijf() -> None:
        if len(stukken) > 1:  # only a place that received text is written
            tekst = "".join(stukken) or None
            if doel is None:
                el.text = tekst
            else:
                doel.tail = tekst

    for k in kinderen:
        if isinstance(k.tag, str):
            actie = k.get("wijzigactie")
            if k.tag == _VERWIJDERD or actie == "verwijder":
                stukken.append(k.tail or "")
                el.remove(k)  # its tail goes with it; it is in stukken
                continue
            los_renvooi_op(k)
            if k.tag == _NIEUW or actie == "verwijderContainer":
                stukken.append(k.text or "")
                for c in list(k):
                    schrijf()
                    k.addprevious(c)  # its tail moves with it
                    doel, stukken = c, [c.tail or ""]
                stukken.append(k.tail or "")
                el.remove(k)
                continue
            if actie is not None:
                del k.attrib["wijzigactie"]
        schrijf()  # k stays (an element, comment or processing instruction): the text after it is its tail
        doel, stukken = k, [k.tail or ""]
    schrijf()


def _nieuwe_tekst(el: etree._Element, waar: str) -> etree._Element:
    """A copy of ``el`` with its renvooi resolved; ``el`` itself may not be marked as removed."""
    actie = el.get("wijzigactie")
    if actie in ("verwijder", "verwijderContainer"):
        raise MutatieFout(f"{waar}: het element {_naam(el)} zelf is gemarkeerd met wijzigactie=\"{actie}\"; "
                          "gebruik tekst:Verwijder om een element te verwijderen")
    uit = copy.deepcopy(el)
    uit.tail = None
    if actie is not None:
        del uit.attrib["wijzigactie"]
    los_renvooi_op(uit)
    return uit


# --- applying the operations ----------------------------------------------------------------------------


class _Tekst:
    """The regeling being changed, with an index wId → element kept up to date."""

    def __init__(self, root: etree._Element, bron: str):
        self.root = root
        self.bron = bron
        self.index: dict[str, etree._Element] = {}
        for e in root.iter(etree.Element):
            w = e.get("wId")
            if w is not None:
                self.index.setdefault(w, e)

    def waar(self, op: etree._Element) -> str:
        """``bestand:regel: tekst:Operatie wat="…"``, the start of every message about an operation."""
        plek, wat = self.plek(op)
        return f"{plek}: {wat}"

    def plek(self, op: etree._Element) -> tuple[str, str]:
        """Where the operation is (``bestand:regel``) and which it is (``tekst:Verwijder wat="…"``)."""
        attrs = " ".join(f'{k}="{v}"' for k, v in op.attrib.items() if k in ("wat", "context", "positie", "revisie"))
        return f"{self.bron}:{op.sourceline or '?'}", _naam(op) + (f" {attrs}" if attrs else "")

    def zoek(self, wid: str, op: etree._Element, rol: str) -> etree._Element:
        el = self.index.get(wid)
        if el is None:
            raise MutatieFout(f"{self.waar(op)}: {rol} wId \"{wid}\" staat niet in de regeling (ook niet na de eerdere "
                              "wijzigingen in dit besluit); de mutatie hoort bij een andere versie of een andere regeling")
        return el

    def vergeet(self, el: etree._Element) -> None:
        for e in el.iter(etree.Element):
            w = e.get("wId")
            if w is not None and self.index.get(w) is e:
                del self.index[w]

    def onthoud(self, el: etree._Element, op: etree._Element) -> None:
        nieuw: dict[str, etree._Element] = {}
        for e in el.iter(etree.Element):
            w = e.get("wId")
            if w is None:
                continue
            if w in self.index or w in nieuw:
                raise MutatieFout(f"{self.waar(op)}: de wId \"{w}\" staat al in de regeling; een wId moet uniek zijn "
                                  "(STOP0028) en een nieuw element heeft een nieuwe wId")
            nieuw[w] = e
        self.index.update(nieuw)

    def bevat(self, el: etree._Element) -> bool:
        """Whether ``el`` is (still) in the regeling, not in a part that was replaced, removed or is still apart."""
        return el.getroottree().getroot() is self.root

    def plaats(self, nieuw: list[etree._Element], positie: str | None, ctx: etree._Element, op: etree._Element) -> None:
        """Put the detached elements ``nieuw`` at ``positie`` relative to ``ctx`` (an element in the regeling)."""
        if not self.bevat(ctx) or any(el is ctx or el in ctx.iterancestors() for el in nieuw):
            # the callers refuse this with a precise message first; this keeps lxml from failing on a cycle
            raise MutatieFout(f"{self.waar(op)}: de context staat niet (meer) in de regeling of ligt in het element dat "
                              "wordt geplaatst")
        if positie == "volgtOp":
            if ctx.getparent() is None:
                raise MutatieFout(f"{self.waar(op)}: na het hoofdelement van de regeling kan niets worden toegevoegd")
            for el in reversed(nieuw):
                el.tail = ctx.tail
                ctx.addnext(el)
        elif positie == "komtVoor":
            if ctx.getparent() is None:
                raise MutatieFout(f"{self.waar(op)}: vóór het hoofdelement van de regeling kan niets worden toegevoegd")
            for el in nieuw:
                el.tail = ctx.tail
                ctx.addprevious(el)
        elif positie == "eersteKind":  # STOP 1.4
            eerste_kind = next((k for k in ctx if isinstance(k.tag, str) and k.get("wId") is not None), None)
            for el in nieuw:
                if eerste_kind is not None:
                    el.tail = eerste_kind.tail
                    eerste_kind.addprevious(el)
                else:
                    ctx.append(el)
        elif positie == "kindVan":
            raise MutatieFout(f"{self.waar(op)}: positie \"kindVan\" komt uit STOP 2.0 (release candidate) en heeft nog "
                              "geen vastgestelde betekenis; alleen volgtOp, komtVoor (STOP 1.3) en eersteKind (STOP 1.4) "
                              "worden toegepast")
        else:
            raise MutatieFout(f"{self.waar(op)}: onbekende positie {positie!r}; STOP kent volgtOp, komtVoor en eersteKind")


def _inhoud(tekst: _Tekst, op: etree._Element) -> list[etree._Element]:
    """The text elements in an operation: everything but its Nummer and Wat (and comments); an element of
    another namespace than STOP tekst is no regeling text and is refused."""
    uit = []
    for k in op:
        if not isinstance(k.tag, str) or k.tag in _OMSCHRIJVING:
            continue
        if not k.tag.startswith(f"{{{TEKST}}}"):
            raise MutatieFout(f"{tekst.waar(op)}: het element {_naam(k)} (regel {k.sourceline or '?'}) hoort niet tot de "
                              f"STOP-tekst (namespace {TEKST}); het wordt niet in de regeling opgenomen")
        uit.append(k)
    return uit


def pas_mutatie_toe(regeling: etree._Element, mutatie: etree._Element, *, huidige: str, bron: str
                    ) -> tuple[etree._Element, list[Tekstwijziging]]:
    """Apply ``mutatie`` (a tekst:RegelingMutatie) to a copy of ``regeling`` (the current RegelingCompact).

    ``huidige`` is the expression id of the current text (``…/nld@1``); ``bron`` names the file in
    messages. Returns the new text and what changed; raises :class:`MutatieFout` when the mutation
    does not fit this text (nothing is changed then)."""
    return pas_mutaties_toe(regeling, [mutatie], huidige=huidige, bron=bron)


def pas_mutaties_toe(regeling: etree._Element, mutaties: Sequence[etree._Element], *, huidige: str, bron: str
                     ) -> tuple[etree._Element, list[Tekstwijziging]]:
    """Apply the RegelingMutaties of one besluit in order, each on the version the one before made
    (its ``was`` must be the ``wordt`` of the one before): like :func:`pas_mutatie_toe`, with one copy
    of the text and one wId index for the whole besluit."""
    tekst: _Tekst | None = None
    wijzigingen: list[Tekstwijziging] = []
    for mutatie in mutaties:
        kop, wordt = _controleer_versies(mutatie, huidige, bron)
        if tekst is None:
            tekst = _Tekst(copy.deepcopy(regeling), bron)
        for op in mutatie:
            if not isinstance(op.tag, str):
                continue
            doe = _OPERATIES.get(op.tag)
            if doe is None:
                raise MutatieFout(f"{tekst.waar(op)}: onbekende wijzigingsopdracht; STOP kent tekst:VoegToe, tekst:Vervang, "
                                  "tekst:VervangKop, tekst:Verwijder en tekst:VervangRegeling")
            wijzigingen += doe(tekst, op)
        if eerste(tekst.root, _LICHAAM) is None:
            raise MutatieFout(f"{kop}: na de wijziging heeft de regeling geen tekst:Lichaam meer")
        tekst.root.set("wordt", wordt)  # the text is now that version
        huidige = wordt
    if tekst is None:
        return regeling, wijzigingen
    return tekst.root, wijzigingen


def _controleer_versies(mutatie: etree._Element, huidige: str, bron: str) -> tuple[str, str]:
    """Refuse a mutation that is not made on ``huidige`` (of the same work); returns (how to name it, wordt)."""
    if mutatie.tag != _t("RegelingMutatie"):
        raise MutatieFout(f"{bron}:{mutatie.sourceline}: verwacht tekst:RegelingMutatie, gevonden {_naam(mutatie)}")
    was, wordt = mutatie.get("was") or "", mutatie.get("wordt") or ""
    kop = f"{bron}:{mutatie.sourceline}: tekst:RegelingMutatie was=\"{was}\" wordt=\"{wordt}\""
    if not was or not wordt:
        raise MutatieFout(f"{kop}: was en wordt zijn verplicht; zonder was is niet te controleren op welke versie "
                          "de wijziging is gemaakt")
    if werk_van(was) != werk_van(wordt):
        raise MutatieFout(f"{kop}: was en wordt zijn versies van verschillende regelingen (STOP0066)")
    if was == wordt:
        raise MutatieFout(f"{kop}: was en wordt zijn dezelfde versie; een wijziging maakt een nieuwe versie van de regeling")
    if not any(isinstance(op.tag, str) for op in mutatie):
        raise MutatieFout(f"{kop}: de mutatie bevat geen enkele wijzigingsopdracht (VoegToe, Vervang, VervangKop, Verwijder "
                          "of VervangRegeling); een lege RegelingMutatie is in STOP niet toegestaan (imop-tekst.xsd)")
    if huidige and werk_van(was) != werk_van(huidige):
        raise MutatieFout(f"{kop}: deze wijziging is voor regeling {werk_van(was)}, maar de ingelezen regeling is "
                          f"{werk_van(huidige)}")
    if huidige and was != huidige:
        raise MutatieFout(f"{kop}: deze wijziging is gemaakt op versie {versie_van(was)} ({was}), maar de ingelezen "
                          f"regeling is versie {versie_van(huidige)} ({huidige}); geef de wijzigingen in volgorde op, "
                          "zonder er een over te slaan")
    return kop, wordt


def _voeg_toe(tekst: _Tekst, op: etree._Element) -> list[Tekstwijziging]:
    context = op.get("context")
    if not context:
        raise MutatieFout(f"{tekst.waar(op)}: context (de wId waar het nieuwe element komt) ontbreekt")
    nieuw = [_nieuwe_tekst(el, tekst.waar(op)) for el in _inhoud(tekst, op)]
    if not nieuw:
        raise MutatieFout(f"{tekst.waar(op)}: VoegToe zonder tekst om toe te voegen")
    if context not in tekst.index and any(context in wids(el) for el in nieuw):
        raise MutatieFout(f"{tekst.waar(op)}: de context wId \"{context}\" is die van (een deel van) de tekst die wordt "
                          "toegevoegd; de context moet een element zijn dat al in de regeling staat")
    ctx = tekst.zoek(context, op, "de context")  # before the new wIds are known: the context is never one of them
    for el in nieuw:
        tekst.onthoud(el, op)
    tekst.plaats(nieuw, op.get("positie"), ctx, op)
    return [Tekstwijziging("toegevoegd", _lokaal(el.tag), label(el), el.get("wId") or "") for el in nieuw]


def _vervang(tekst: _Tekst, op: etree._Element) -> list[Tekstwijziging]:
    wat = op.get("wat") or ""
    inhoud = _inhoud(tekst, op)
    if len(inhoud) != 1:
        raise MutatieFout(f"{tekst.waar(op)}: een Vervang bevat precies één element, gevonden {len(inhoud)}")
    if inhoud[0].get("wId") != wat:
        raise MutatieFout(f"{tekst.waar(op)}: het element in de Vervang heeft wId \"{inhoud[0].get('wId')}\", niet de "
                          f"wId \"{wat}\" die vervangen wordt (STOP0077)")
    oud = tekst.zoek(wat, op, "de te vervangen")
    oud_label = label(oud)
    nieuw = _nieuwe_tekst(inhoud[0], tekst.waar(op))
    if nieuw.tag != oud.tag:
        raise MutatieFout(f"{tekst.waar(op)}: de wId \"{wat}\" is een {_lokaal(oud.tag)} in de regeling, maar wordt "
                          f"vervangen door een {_lokaal(nieuw.tag)}")
    tekst.vergeet(oud)
    tekst.onthoud(nieuw, op)
    if oud.getparent() is None:
        tekst.root = nieuw
    else:
        nieuw.tail = oud.tail
        oud.addnext(nieuw)
        oud.tail = None
        oud.getparent().remove(oud)
    uit = [Tekstwijziging("vervallen" if any(k.tag == _VERVALLEN for k in nieuw) else "vervangen",
                          _lokaal(nieuw.tag), label(nieuw), wat, oud_label)]
    if op.get("positie") or op.get("context"):
        if not (op.get("positie") and op.get("context")):
            raise MutatieFout(f"{tekst.waar(op)}: voor een verplaatsing zijn positie én context nodig")
        context = op.get("context") or ""
        if context == wat:
            raise MutatieFout(f"{tekst.waar(op)}: een element kan niet ten opzichte van zichzelf worden verplaatst")
        if nieuw.getparent() is None:
            raise MutatieFout(f"{tekst.waar(op)}: het hoofdelement van de regeling kan niet worden verplaatst")
        ctx = tekst.zoek(context, op, "de context")
        if nieuw in ctx.iterancestors():
            raise MutatieFout(f"{tekst.waar(op)}: de context \"{context}\" ({label(ctx)}) ligt binnen {label(nieuw)} zelf; "
                              "een element kan niet naast of in een van zijn eigen onderdelen worden geplaatst")
        _weg(nieuw)
        tekst.plaats([nieuw], op.get("positie"), ctx, op)
        uit.append(Tekstwijziging("verplaatst", _lokaal(nieuw.tag), label(nieuw), wat))
    return uit


def _vervang_kop(tekst: _Tekst, op: etree._Element) -> list[Tekstwijziging]:
    wat = op.get("wat") or ""
    koppen = [k for k in _inhoud(tekst, op) if k.tag == _KOP]
    if len(koppen) != 1:
        raise MutatieFout(f"{tekst.waar(op)}: een VervangKop bevat precies één tekst:Kop")
    el = tekst.zoek(wat, op, "de")
    oud_label = label(el)
    nieuw = _nieuwe_tekst(koppen[0], tekst.waar(op))
    oud = eerste(el, _KOP)
    if oud is None and el.tag not in _MET_KOP:
        raise MutatieFout(f"{tekst.waar(op)}: {oud_label} is een {_naam(el)}; dat element heeft in STOP geen tekst:Kop, "
                          "dus een VervangKop kan er niets vervangen (een nummer of tekst wijzigt met tekst:Vervang)")
    if oud is not None:
        tekst.vergeet(oud)  # a wId in the old Kop is gone with it; one in the new Kop can be a context later
    tekst.onthoud(nieuw, op)
    if oud is not None:
        nieuw.tail = oud.tail
        oud.addnext(nieuw)
        oud.tail = None
        el.remove(oud)
    else:  # the Kop is optional here, or missing: it comes first, as in every STOP element with a Kop
        nieuw.tail = el.text
        el.text = None
        el.insert(0, nieuw)
    if op.get("eId-wordt"):
        el.set("eId", op.get("eId-wordt") or "")
    return [Tekstwijziging("kop vervangen" if oud is not None else "kop toegevoegd", _lokaal(el.tag), label(el), wat,
                           oud_label)]


def _verwijder(tekst: _Tekst, op: etree._Element) -> list[Tekstwijziging]:
    wat = op.get("wat") or ""
    inhoud = _inhoud(tekst, op)
    kopie = inhoud[0] if inhoud else None  # the copy of the element that goes (imop-tekst.xsd)
    if kopie is not None and kopie.get("wId") not in (None, wat):
        raise MutatieFout(f"{tekst.waar(op)}: het element in de Verwijder heeft wId \"{kopie.get('wId')}\", niet de "
                          f"wId \"{wat}\" die verwijderd wordt")
    el = tekst.zoek(wat, op, "de te verwijderen")
    if el.getparent() is None:
        raise MutatieFout(f"{tekst.waar(op)}: de hele regeling kan niet met Verwijder worden verwijderd; dat is een intrekking")
    if kopie is not None and kopie.tag != el.tag:
        raise MutatieFout(f"{tekst.waar(op)}: het element in de Verwijder is een {_naam(kopie)}, maar wId \"{wat}\" is "
                          f"een {_naam(el)} in de regeling; de mutatie hoort bij een andere versie")
    afwijking = None
    if kopie is None:
        plek, wat_op = tekst.plek(op)
        afwijking = (plek, f"{wat_op}: zonder het te verwijderen element erin (imop-tekst.xsd vraagt een kopie, waarmee "
                           "te controleren is dat het juiste element weggaat); het element met die wId is toch verwijderd")
    uit = [Tekstwijziging("verwijderd", _lokaal(el.tag), label(el), wat, afwijking=afwijking)]
    tekst.vergeet(el)
    _weg(el)
    return uit


def _vervang_regeling(tekst: _Tekst, op: etree._Element) -> list[Tekstwijziging]:
    modellen = [k for k in _inhoud(tekst, op) if k.tag in _MODELLEN]
    if len(modellen) != 1:
        raise MutatieFout(f"{tekst.waar(op)}: VervangRegeling bevat precies één regeling")
    if modellen[0].tag != _t("RegelingCompact"):
        raise MutatieFout(f"{tekst.waar(op)}: de nieuwe tekst is een {_lokaal(modellen[0].tag)}; alleen een "
                          "RegelingCompact (artikelstructuur) kan worden ingelezen")
    nieuw = _nieuwe_tekst(modellen[0], tekst.waar(op))
    for naam, waarde in tekst.root.attrib.items():  # componentnaam and schemaversie are optional in the new one:
        if nieuw.get(naam) is None:                  # it is the same component; wordt is set after the mutation
            nieuw.set(naam, waarde)
    tekst.root = nieuw
    tekst.index = {}
    tekst.onthoud(nieuw, op)
    return [Tekstwijziging("vervangen", "RegelingCompact", "de hele regeling", "")]


_OPERATIES = {_t("VoegToe"): _voeg_toe, _t("Vervang"): _vervang, _t("VervangKop"): _vervang_kop,
              _t("Verwijder"): _verwijder, _t("VervangRegeling"): _vervang_regeling}


__all__ = ["REGELINGMODELLEN", "TEKST", "Tekstwijziging", "label", "los_renvooi_op", "pas_mutatie_toe", "pas_mutaties_toe"]

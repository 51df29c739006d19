"""The officer's form → a proposal (the same JSON as ``regels check`` reads), with every problem tied to its field.

Numbers may be typed with a Dutch decimal comma (``12,5``) and with a unit (``350 cm``); a quantity
becomes ``{"waarde": 12.5, "eenheid": "m"}``. Whether the unit fits the begrip is left to the
engine (``regels.evaluate``), whose message comes back next to the field.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, get_args

from regels.model.voorstel import Hoofdlijn, Maatregel, Sector, Segment, Woonvorm
from regels.plan import Plan
from regels.units import formatteer_getal
from regels.web.kern import lees_nl_getal, splits_hoeveelheid

SEGMENTEN: tuple[str, ...] = get_args(Segment)
WOONVORMEN: tuple[str, ...] = get_args(Woonvorm)
SECTOREN: tuple[str, ...] = get_args(Sector)
MAATREGELEN: tuple[str, ...] = get_args(Maatregel)
HOOFDLIJNEN: tuple[str, ...] = get_args(Hoofdlijn)

# rows of the onderbouwing tables on the form
RIJEN = {"we": 4, "wa": 2, "ke": 3, "ka": 3}
_LIJST = {"we": "woningen_erbij", "wa": "woningen_eraf", "ke": "werkruimte_erbij", "ka": "werkruimte_eraf"}


def slug(naam: str) -> str:
    """A name as an HTML id, one to one: a-z and 0-9 stay, a space becomes '-', anything else '_<hex>_'
    ('bouw hoogte' → 'bouw-hoogte', 'bouw-hoogte' → 'bouw_2d_hoogte'), so two begrippen never share a field."""
    return "".join(c if ("a" <= c <= "z" or "0" <= c <= "9") else "-" if c == " " else f"_{ord(c):x}_" for c in naam) or "_"


def feit_id(naam: str) -> str:
    return "feit-" + slug(naam)


def eenheid_id(naam: str) -> str:
    return "eenheid-" + slug(naam)


class Formulier:
    """The posted form as a multi-dict: ``waarde(k)`` for one value, ``alle(k)`` for repeated keys."""

    def __init__(self, paren: list[tuple[str, str]]) -> None:
        self.paren = paren
        self._d: dict[str, list[str]] = {}
        for k, v in paren:
            self._d.setdefault(k, []).append(v)

    def waarde(self, k: str, standaard: str = "") -> str:
        return self._d.get(k, [standaard])[0]

    def alle(self, k: str) -> list[str]:
        return list(self._d.get(k, []))

    def __contains__(self, k: str) -> bool:
        return k in self._d


@dataclass
class Omzetting:
    """The result of reading the form: the proposal as JSON data, and the problems per field id."""

    voorstel: dict[str, Any]
    fouten: dict[str, list[str]] = field(default_factory=dict)  # field id → messages
    algemeen: list[str] = field(default_factory=list)  # problems without a field
    paden: dict[str, str] = field(default_factory=dict)  # JSON path → field id

    def fout(self, veld: str | None, bericht: str) -> None:
        if veld is None:
            self.algemeen.append(bericht)
        else:
            self.fouten.setdefault(veld, []).append(bericht)

    def veld_van_pad(self, pad: str | None) -> str | None:
        """The field id for an engine message's JSON path (``feiten.bouwhoogte.eenheid`` → ``eenheid-bouwhoogte``)."""
        if not pad:
            return None
        if pad in self.paden:
            return self.paden[pad]
        basis = pad
        while basis:
            if basis in self.paden:
                return self.paden[basis]
            basis = re.sub(r"(\.[^.\[\]]*|\[\d+\])$", "", basis) if re.search(r"(\.[^.\[\]]*|\[\d+\])$", basis) else ""
        return None


def locatie_uit_formulier(f: Formulier) -> dict[str, Any]:
    """The location fields (hidden on the question page) as a proposal ``locatie``; coordinates as typed numbers."""
    crs = f.waarde("crs", "EPSG:28992") or "EPSG:28992"
    locatie: dict[str, Any] = {"type": "Point", "coordinates": [lees_nl_getal(f.waarde("x")), lees_nl_getal(f.waarde("y"))],
                               "crs": crs}
    if f.waarde("adres"):
        locatie["adres"] = f.waarde("adres")
    return locatie


def lees_formulier(plan: Plan, f: Formulier) -> Omzetting:
    """Turn the posted question form into proposal data; problems with a number or unit are tied to the field."""
    o = Omzetting(voorstel={})
    o.paden.update({"omschrijving": "omschrijving", "peildatum": "peildatum"})
    v = o.voorstel
    v["omschrijving"] = f.waarde("omschrijving").strip()
    peil = f.waarde("peildatum").strip()
    if peil:
        try:
            v["peildatum"] = dt.date.fromisoformat(peil).isoformat()
        except ValueError:
            o.fout("peildatum", "schrijf de peildatum als JJJJ-MM-DD")
    try:
        v["locatie"] = locatie_uit_formulier(f)
    except ValueError:
        o.fout(None, "de locatie ontbreekt of is onleesbaar; kies de locatie opnieuw")
    v["activiteiten"] = f.alle("activiteit")
    if not v["activiteiten"]:
        o.fout(None, "kies ten minste één activiteit")

    feiten: dict[str, Any] = {}
    for naam, (begrip, _) in plan.begrippen.items():
        sleutel = f"feit.{naam}"
        if sleutel not in f:
            continue
        ruw = f.waarde(sleutel).strip()
        veld = feit_id(naam)
        o.paden[f"feiten.{naam}"] = veld
        if begrip.type == "eenheid":
            o.paden[f"feiten.{naam}.eenheid"] = eenheid_id(naam)
            o.paden[f"feiten.{naam}.waarde"] = veld
        if not ruw:
            continue
        if begrip.type == "ja/nee":
            if ruw not in ("ja", "nee"):
                o.fout(veld, "kies ja of nee")
                continue
            feiten[naam] = ruw == "ja"
        elif begrip.type == "keuze":
            feiten[naam] = ruw  # the engine checks it against the keuzes
        elif begrip.type == "aantal":
            try:
                getal, eenheid = splits_hoeveelheid(ruw)
            except ValueError:
                o.fout(veld, f"{ruw!r} is geen getal; schrijf bv. 3 of 2,5")
                continue
            if eenheid is not None:
                o.fout(veld, f"{naam!r} is een aantal: schrijf een getal zonder eenheid")
                continue
            feiten[naam] = int(getal) if getal == int(getal) else getal
        else:
            try:
                getal, getypt = splits_hoeveelheid(ruw)
            except ValueError:
                o.fout(veld, f"{ruw!r} is geen getal; schrijf bv. 12,5")
                continue
            eenheid = getypt or f.waarde(f"eenheid.{naam}") or begrip.eenheid or ""
            feiten[naam] = {"waarde": getal, "eenheid": eenheid}
    v["feiten"] = feiten

    onderbouwing = _onderbouwing(f, o)
    if onderbouwing is not None:
        v["onderbouwing"] = onderbouwing
    return o


def _getal_veld(f: Formulier, o: Omzetting, sleutel: str, veld: str, geheel: bool = False) -> float | int | None:
    ruw = f.waarde(sleutel).strip()
    if not ruw:
        return None
    try:
        getal, eenheid = splits_hoeveelheid(ruw)
    except ValueError:
        o.fout(veld, f"{ruw!r} is geen getal")
        return None
    if eenheid not in (None, "m2", "m²"):
        o.fout(veld, f"verwacht een getal{' in m2' if not geheel else ''}, niet {eenheid!r}")
        return None
    if geheel:
        if getal != int(getal):
            o.fout(veld, "verwacht een geheel aantal")
            return None
        return int(getal)
    return getal


def _onderbouwing(f: Formulier, o: Omzetting) -> dict[str, Any] | None:
    """The onderbouwing, when any of its fields is filled in; rows count when their number is filled in."""
    ob: dict[str, Any] = {}
    ingevuld = False
    for soort, n in RIJEN.items():
        lijst = []
        for i in range(n):
            basis = f"ob.{soort}.{i}"
            veld = f"ob-{soort}-{i}"
            woning = soort in ("we", "wa")
            hoeveel = _getal_veld(f, o, f"{basis}.{'aantal' if woning else 'm2'}", f"{veld}-{'aantal' if woning else 'm2'}", geheel=woning)
            if hoeveel is None:
                if any(f.waarde(f"{basis}.{k}") for k in ("segment", "woonvorm", "sector")):
                    o.fout(f"{veld}-{'aantal' if woning else 'm2'}",
                           "vul het aantal in, of laat de rij helemaal leeg" if woning else "vul de m2 in, of laat de rij helemaal leeg")
                    ingevuld = True
                continue
            ingevuld = True
            pad = f"onderbouwing.{_LIJST[soort]}[{len(lijst)}]"
            if woning:
                rij = {"segment": f.waarde(f"{basis}.segment"), "woonvorm": f.waarde(f"{basis}.woonvorm"), "aantal": hoeveel}
                o.paden.update({pad: f"{veld}-aantal", f"{pad}.segment": f"{veld}-segment", f"{pad}.woonvorm": f"{veld}-woonvorm",
                                f"{pad}.aantal": f"{veld}-aantal"})
            else:
                rij = {"sector": f.waarde(f"{basis}.sector"), "m2": hoeveel}
                if soort == "ka":
                    rij["leegstaand"] = f.waarde(f"{basis}.leegstaand") == "ja"
                o.paden.update({pad: f"{veld}-m2", f"{pad}.sector": f"{veld}-sector", f"{pad}.m2": f"{veld}-m2"})
            for k in ("segment", "woonvorm", "sector"):
                if k in rij and not rij[k]:
                    o.fout(f"{veld}-{k}", f"kies een {k}")
            lijst.append(rij)
        ob[_LIJST[soort]] = lijst
    for k, veld in (("groen_erbij_m2", "ob-groen-erbij"), ("groen_eraf_m2", "ob-groen-eraf")):
        o.paden[f"onderbouwing.{k}"] = veld
        g = _getal_veld(f, o, f"ob.{k}", veld)
        if g is not None:
            ob[k] = g
            ingevuld = True
    maatregelen = [x for x in f.alle("ob.maatregel") if x]
    ob["maatregelen"] = maatregelen
    o.paden["onderbouwing.maatregelen"] = "ob-maatregelen"
    hoofdlijnen = []
    for j, h in enumerate(HOOFDLIJNEN):
        toelichting = f.waarde(f"ob.hl.{j}").strip()
        if toelichting:
            o.paden[f"onderbouwing.hoofdlijnen[{len(hoofdlijnen)}]"] = f"ob-hl-{j}"
            o.paden[f"onderbouwing.hoofdlijnen[{len(hoofdlijnen)}].toelichting"] = f"ob-hl-{j}"
            hoofdlijnen.append({"hoofdlijn": h, "toelichting": toelichting})
    ob["hoofdlijnen"] = hoofdlijnen
    if not (ingevuld or maatregelen or hoofdlijnen):
        return None
    o.paden["onderbouwing"] = "ob-groen-erbij"
    return ob


def formulier_uit_voorstel(voorstel: dict[str, Any]) -> list[tuple[str, str]]:
    """The form fields that reproduce a proposal (the reverse of ``lees_formulier``), e.g. to edit an example."""
    paren: list[tuple[str, str]] = [("omschrijving", voorstel.get("omschrijving", ""))]
    if voorstel.get("peildatum"):
        paren.append(("peildatum", str(voorstel["peildatum"])))
    for a in voorstel.get("activiteiten", []):
        paren.append(("activiteit", a))
    for naam, w in (voorstel.get("feiten") or {}).items():
        if isinstance(w, bool):
            paren.append((f"feit.{naam}", "ja" if w else "nee"))
        elif isinstance(w, dict):
            paren += [(f"feit.{naam}", formatteer_getal(float(w["waarde"]))), (f"eenheid.{naam}", w["eenheid"])]
        elif isinstance(w, (int, float)):
            paren.append((f"feit.{naam}", formatteer_getal(float(w))))
        else:
            paren.append((f"feit.{naam}", str(w)))
    ob = voorstel.get("onderbouwing")
    if ob:
        for soort, lijst in _LIJST.items():
            for i, rij in enumerate(ob.get(lijst, [])[:RIJEN[soort]]):
                for k, w in rij.items():
                    if k == "leegstaand":
                        if w:
                            paren.append((f"ob.{soort}.{i}.leegstaand", "ja"))
                    else:
                        paren.append((f"ob.{soort}.{i}.{k}", formatteer_getal(float(w)) if isinstance(w, (int, float)) else str(w)))
        for k in ("groen_erbij_m2", "groen_eraf_m2"):
            if k in ob:
                paren.append((f"ob.{k}", formatteer_getal(float(ob[k]))))
        paren += [("ob.maatregel", x) for x in ob.get("maatregelen", [])]
        for h in ob.get("hoofdlijnen", []):
            if h["hoofdlijn"] in HOOFDLIJNEN:
                paren.append((f"ob.hl.{HOOFDLIJNEN.index(h['hoofdlijn'])}", h["toelichting"]))
    return paren

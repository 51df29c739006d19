"""A real HTTP server on 127.0.0.1 that plays PDOK Locatieserver, BAG, DSO and Ruimtelijke Plannen.

Answers are built from the material in ``../shared`` (read at runtime, never copied):

* BAG: the real ``/adressen`` answer for 1015CJ 117 (open-forms fixture), the real pand outlines
  of ``locatie-zoeken.feature``, the verblijfsobject of ``Getting_started.md``; error bodies
  follow ``foutafhandeling.feature``; Zoetermeer addresses are constructed in the same shape.
* Locatieserver: Solr documents with the fields of the v3.1 spec; wijk and buurt are looked up in
  the CBS 2023 wijk/buurt boundaries of Zoetermeer.
* Ozon (Presenteren v8, Geometrie v1): constructed objects in the schema of the OpenAPI files
  (a test validates them); problem bodies are the spec's own examples; geometries are the CBS
  buurt polygons; the download is a ZIP of the Gemeentestad STOP/TPOD sample.
* Ruimtelijke Plannen: the real fixtures ``plan-02.json`` and ``bestemmingsvlak-0x.json``.

The server also enforces what the real services enforce: the key header, the CRS headers and
the ``crs`` parameter. Faults are queued per request with :meth:`NepServer.storing`.
"""

from __future__ import annotations

import copy
import io
import json
import re
import threading
import time
import zipfile
from collections import deque
from dataclasses import dataclass, field
from functools import cached_property
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import shapely.geometry

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
APIS = SHARED / "apis"

LS = "/bzk/locatieserver/search/v3_1"
BAG = "/lvbag/individuelebevragingen/v2"
OZON = "/publiek/omgevingsdocumenten/api/presenteren/v8"
GEO = "/publiek/omgevingsdocumenten/api/geometrieopvragen/v1"
DL = "/publiek/omgevingsdocumenten/api/downloaden/v1"
RP = "/ruimtelijke-plannen/api/opvragen/v4"

DSO_SLEUTEL = "dso-TEST-4f1c2b9e7a"
BAG_SLEUTEL = "bag-TEST-93d0c6e1f2"
RD_URI = "http://www.opengis.net/def/crs/EPSG/0/28992"

OMGEVINGSPLAN = "/akn/nl/act/gm0637/2024/omgevingsplan"
PROGRAMMA = "/akn/nl/act/gm0637/2025/programmaentree"
VERORDENING = "/akn/nl/act/pv28/2023/omgevingsverordening"
GEOMETRIE_ID = "5e1f6a0c-0637-4c1b-9a52-0000000000a1"


@dataclass
class Antwoord:
    """One scripted answer."""

    status: int = 200
    body: Any = None  # dict/list → JSON; str/bytes sent as is
    content_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)
    vertraging: float = 0.0  # seconds before answering
    afbreken: bool = False  # close the connection without an answer
    zonder_lengte: bool = False  # no Content-Length: the body ends when the connection closes

    def bytes(self) -> bytes:
        if self.body is None:
            return b""
        if isinstance(self.body, bytes):
            return self.body
        if isinstance(self.body, str):
            return self.body.encode("utf-8")
        return json.dumps(self.body, ensure_ascii=False).encode("utf-8")


@dataclass
class Verzoek:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


def problem(status: int, title: str, detail: str = "", **extra: Any) -> Antwoord:
    body = {"type": f"https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#/{status}", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    body.update(extra)
    return Antwoord(status, body, "application/problem+json")


# -- the data --------------------------------------------------------------------------------


def _geojson(name: str) -> dict[str, Any]:
    return json.loads((SHARED / "zoetermeer-data" / "geo" / name).read_text(encoding="utf-8"))


def _rect(x: float, y: float, w: float, h: float, z: bool = False) -> dict[str, Any]:
    pts = [[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]
    if z:
        pts = [[*p, 0.0] for p in pts]
    return {"type": "Polygon", "coordinates": [pts]}


# Constructed Zoetermeer addresses (shape of the real services; ids are made up).
ZOETERMEER = [
    dict(
        straat="Stadhuisplein", nr=1, letter=None, toev=None, postcode="2711EC", x=93611.42, y=452871.65,
        na="0637200000100001", vbo="0637010000100001", pand="0637100000100001", doelen=["kantoorfunctie"],
        opp=21450, bouwjaar=1986, pand_geo=_rect(93581.0, 452841.0, 60.0, 45.0), status="Pand in gebruik",
    ),
    dict(
        straat="Dorpsstraat", nr=45, letter=None, toev=None, postcode="2712AB", x=93702.10, y=451988.30,
        na="0637200000100045", vbo="0637010000100045", pand="0637100000100045", doelen=["woonfunctie", "winkelfunctie"],
        opp=134, bouwjaar=1932, pand_geo=_rect(93695.0, 451981.0, 12.5, 9.6, z=True), status="Pand in gebruik",
    ),
    dict(
        straat="Meerzichtlaan", nr=12, letter="A", toev=None, postcode="2716AA", x=91950.0, y=452400.0,
        na="0637200000120012", vbo="0637010000120012", pand="0637100000120012", doelen=["woonfunctie"],
        opp=88, bouwjaar=1971, pand_geo=_rect(91940.0, 452390.0, 20.0, 10.0), status="Pand in gebruik",
    ),
    dict(
        straat="Meerzichtlaan", nr=12, letter="B", toev=None, postcode="2716AA", x=91951.0, y=452401.0,
        na="0637200000120013", vbo="0637010000120013", pand="0637100000120012", doelen=["woonfunctie"],
        opp=91, bouwjaar=1971, pand_geo=_rect(91940.0, 452390.0, 20.0, 10.0), status="Pand in gebruik",
    ),
]


class Data:
    """Everything the fake services know, built once from ``../shared``."""

    @cached_property
    def buurten(self) -> list[tuple[Any, dict[str, Any]]]:
        return [(shapely.geometry.shape(f["geometry"]), f["properties"]) for f in _geojson("zoetermeer_buurten_2023_rd.geojson")["features"]]

    @cached_property
    def wijken(self) -> list[tuple[Any, dict[str, Any]]]:
        return [(shapely.geometry.shape(f["geometry"]), f["properties"]) for f in _geojson("zoetermeer_wijken_2023_rd.geojson")["features"]]

    @cached_property
    def gemeente(self) -> Any:
        return shapely.geometry.shape(_geojson("zoetermeer_gemeente_2023_rd.geojson")["features"][0]["geometry"])

    @cached_property
    def keizersgracht(self) -> dict[str, Any]:
        return json.loads(
            (APIS / "open-formulieren+open-forms" / "fixtures" / "bag-v2-adressen-postcode1015CJ-huisnummer117.json").read_text()
        )

    @cached_property
    def pand_polygonen(self) -> dict[str, dict[str, Any]]:
        """The two real pand outlines of ``locatie-zoeken.feature`` (one with an inner courtyard)."""
        tekst = (APIS / "lvbag+BAG-API" / "features" / "locatie-zoeken.feature").read_text(encoding="utf-8")
        uit: dict[str, dict[str, Any]] = {}
        for blok in re.finditer(r'identificatie "(\d{16})" heeft de volgende geometrie.*?\n((?:\s*\|.*\n)+)', tekst):
            pid = blok.group(1)
            if pid in uit:
                continue
            ringen = [json.loads(r) for r in re.findall(r"\|\s*(\[ \[.*?\] \])\s*\|", blok.group(2))]
            uit[pid] = {"type": "Polygon", "coordinates": ringen}
        return uit

    def wijk_buurt(self, x: float, y: float) -> dict[str, str]:
        p = shapely.geometry.Point(x, y)
        uit: dict[str, str] = {}
        for shape, props in self.wijken:
            if shape.covers(p):
                uit.update(wijkcode=props["statcode"], wijknaam=props["statnaam"])
        for shape, props in self.buurten:
            if shape.covers(p):
                uit.update(buurtcode=props["statcode"], buurtnaam=props["statnaam"])
        return uit

    def in_zoetermeer(self, x: float, y: float) -> bool:
        return bool(self.gemeente.covers(shapely.geometry.Point(x, y)))

    @cached_property
    def ls_docs(self) -> list[dict[str, Any]]:
        docs = []
        for a in ZOETERMEER:
            docs.append(self._doc(a, "Zoetermeer", "0637", "Zoetermeer", "1806"))
        for a in self.keizersgracht["_embedded"]["adressen"]:
            docs.append(
                self._doc(
                    dict(
                        straat=a["openbareRuimteNaam"], nr=a["huisnummer"], letter=a.get("huisletter"), toev=None,
                        postcode=a["postcode"], x=121012.0, y=487832.0, na=a["nummeraanduidingIdentificatie"],
                        vbo=a["adresseerbaarObjectIdentificatie"],
                    ),
                    "Amsterdam", "0363", "Amsterdam", "3594",
                )
            )
        return docs

    def _doc(self, a: dict[str, Any], plaats: str, gmcode: str, gmnaam: str, wpcode: str) -> dict[str, Any]:
        huis = f"{a['nr']}{a['letter'] or ''}" + (f"-{a['toev']}" if a.get("toev") else "")
        doc = {
            "bron": "BAG/NWB/CBS",
            "type": "adres",
            "id": f"adr-{a['na']}",
            "identificatie": f"{a['vbo']}-{a['na']}",
            "weergavenaam": f"{a['straat']} {huis}, {a['postcode']} {plaats}",
            "straatnaam": a["straat"],
            "huisnummer": a["nr"],
            "huis_nlt": huis,
            "postcode": a["postcode"],
            "woonplaatsnaam": plaats,
            "woonplaatscode": wpcode,
            "gemeentecode": gmcode,
            "gemeentenaam": gmnaam,
            "provincienaam": "Zuid-Holland" if gmcode == "0637" else "Noord-Holland",
            "centroide_rd": f"POINT({a['x']} {a['y']})",
            "centroide_ll": "POINT(4.49 52.06)" if gmcode == "0637" else "POINT(4.8867 52.3765)",
            "nummeraanduiding_id": a["na"],
            "adresseerbaarobject_id": a["vbo"],
            "score": 12.5,
        }
        if a.get("letter"):
            doc["huisletter"] = a["letter"]
        doc.update(self.wijk_buurt(a["x"], a["y"]))
        return doc

    # BAG

    def bag_adres(self, a: dict[str, Any], base: str) -> dict[str, Any]:
        return {
            "openbareRuimteNaam": a["straat"],
            "korteNaam": a["straat"],
            "huisnummer": a["nr"],
            **({"huisletter": a["letter"]} if a.get("letter") else {}),
            "postcode": a["postcode"],
            "woonplaatsNaam": "Zoetermeer",
            "nummeraanduidingIdentificatie": a["na"],
            "openbareRuimteIdentificatie": "0637300000100000",
            "woonplaatsIdentificatie": "1806",
            "adresseerbaarObjectIdentificatie": a["vbo"],
            "pandIdentificaties": [a["pand"]],
            "typeAdresseerbaarObject": "Verblijfsobject",
            "adresseerbaarObjectGeometrie": {"punt": {"type": "Point", "coordinates": [a["x"], a["y"], 0.0]}},
            "adresseerbaarObjectStatus": "Verblijfsobject in gebruik",
            "gebruiksdoelen": a["doelen"],
            "oppervlakte": a["opp"],
            "oorspronkelijkBouwjaar": [str(a["bouwjaar"])],
            "_links": {"self": {"href": f"{base}{BAG}/adressenuitgebreid/{a['na']}"}},
        }

    def bag_adressen(self, base: str) -> list[dict[str, Any]]:
        uit = [self.bag_adres(a, base) for a in ZOETERMEER]
        for a in copy.deepcopy(self.keizersgracht["_embedded"]["adressen"]):  # the real /adressen answer, extended
            a.update(
                typeAdresseerbaarObject="Verblijfsobject",
                adresseerbaarObjectStatus="Verblijfsobject in gebruik",
                gebruiksdoelen=["woonfunctie"],
                oppervlakte=62,
                oorspronkelijkBouwjaar=["1615"],
            )
            uit.append(a)
        return uit

    def bag_pand(self, pid: str, base: str) -> dict[str, Any] | None:
        geo = None
        bouwjaar, status = "1900", "Pand in gebruik"
        for a in ZOETERMEER:
            if a["pand"] == pid:
                geo, bouwjaar, status = a["pand_geo"], str(a["bouwjaar"]), a["status"]
        if pid in self.pand_polygonen:
            geo, bouwjaar = self.pand_polygonen[pid], "1995"
        if pid == "0363100012167700":
            geo, bouwjaar = _rect(121000.0, 487820.0, 9.0, 24.0), "1615"
        if geo is None:
            return None
        return {
            "pand": {
                "identificatie": pid,
                "domein": "NL.IMBAG.Pand",
                "geometrie": geo,
                "oorspronkelijkBouwjaar": bouwjaar,
                "status": status,
                "geconstateerd": "N",
                "documentdatum": "2010-03-16",
                "documentnummer": "CB 16-03-2010",
                "voorkomen": {
                    "tijdstipRegistratie": "2010-12-10T02:45:55",
                    "versie": 1,
                    "beginGeldigheid": "2010-03-16",
                    "tijdstipRegistratieLV": "2010-12-10T03:01:55.973",
                },
            },
            "_links": {"self": {"href": f"{base}{BAG}/panden/{pid}"}},
        }

    @cached_property
    def verblijfsobject_voorbeeld(self) -> dict[str, Any]:
        """The verblijfsobject of Getting_started.md (its JSON block there is cut off; rebuilt here)."""
        tekst = (APIS / "lvbag+BAG-API" / "docs" / "Getting_started.md").read_text(encoding="utf-8")
        vid = re.search(r'"identificatie": "(0268010000036826)"', tekst)
        assert vid, "Getting_started.md changed"
        return {
            "verblijfsobject": {
                "type": "Verblijfsobject",
                "heeftAlsHoofdAdres": "0268200000041560",
                "identificatie": vid.group(1),
                "domein": "NL.IMBAG.Verblijfsobject",
                "geometrie": {"punt": {"type": "Point", "coordinates": [183003.794, 425425.693, 0]}},
                "gebruiksdoelen": ["woonfunctie"],
                "oppervlakte": 48,
                "status": "Verblijfsobject in gebruik",
                "geconstateerd": "N",
                "maaktDeelUitVan": ["0268100000021458"],
            }
        }

    # Ozon

    def regeling(self, work: str, versie: int, base: str) -> dict[str, Any]:
        uri = work.replace("/", "_").replace("-", "_")
        soort, titel, bg, bgnaam = {
            OMGEVINGSPLAN: ("Omgevingsplan", "Omgevingsplan gemeente Zoetermeer", "gm0637", "Zoetermeer"),
            PROGRAMMA: ("Programma", "Omgevingsprogramma Gebied Entree", "gm0637", "Zoetermeer"),
            VERORDENING: ("Omgevingsverordening", "Omgevingsverordening Zuid-Holland", "pv28", "Zuid-Holland"),
        }[work]
        data = {
            "identificatie": work,
            "officieleTitel": titel,
            "citeerTitel": titel,
            "aangeleverdDoorEen": {"naam": bgnaam, "bestuurslaag": "gemeente" if bg.startswith("gm") else "provincie", "code": bg},
            "type": {"code": "/join/id/stop/regelingtype_003" if soort == "Omgevingsplan" else "/join/id/stop/regelingtype_000", "waarde": soort},
            "heeftBijlagen": False,
            "heeftToelichtingen": True,
            "_links": {
                "self": {"href": f"{base}{OZON}/regelingen/{uri}"},
                "documentstructuur": {"href": f"{base}{OZON}/regelingen/{uri}/documentstructuur"},
            },
        }
        begin = VERSIES[versie - 1] if work == OMGEVINGSPLAN else "2024-01-01"
        reg = {"versie": versie, "beginInwerking": begin, "beginGeldigheid": begin, "tijdstipRegistratie": begin + "T09:00:00Z"}
        if work == OMGEVINGSPLAN and versie < len(VERSIES):
            reg["eindGeldigheid"] = VERSIES[versie]
        data["geregistreerdMet"] = reg
        return data

    def annotaties(self, base: str) -> dict[str, Any]:
        loc_hier, loc_elders, loc_gemeente = "nl.imow-gm0637.gebied.2024hoogte10", "nl.imow-gm0637.gebied.2024hoogte15", "nl.imow-gm0637.ambtsgebied"
        uri = OMGEVINGSPLAN.replace("/", "_")
        return {
            "_links": {"regeling": {"href": f"{base}{OZON}/regelingen/{uri}"}},
            "regelteksten": [
                {"identificatie": "nl.imow-gm0637.regeltekst.2024art5.3", "wId": "gm0637_1__chp_5__art_5.3"},
                {"identificatie": "nl.imow-gm0637.regeltekst.2024art5.4", "wId": "gm0637_1__chp_5__art_5.4"},
            ],
            "regelsVoorIedereen": [
                {
                    "identificatie": "nl.imow-gm0637.juridischeregel.2024bouwen1",
                    "idealisatie": {"code": "http://standaarden.omgevingswet.overheid.nl/idealisatie/id/concept/Exact", "waarde": "exact"},
                    "regeltekstRef": "nl.imow-gm0637.regeltekst.2024art5.3",
                    "activiteitLocatieaanduidingen": [
                        {
                            "identificatie": "nl.imow-gm0637.activiteitlocatieaanduiding.2024bouwen1",
                            "activiteitRef": "nl.imow-gm0637.activiteit.2024bouwenhoofdgebouw",
                            "activiteitregelkwalificatie": {
                                "code": "http://standaarden.omgevingswet.overheid.nl/activiteitregelkwalificatie/id/concept/Vergunningplicht",
                                "waarde": "vergunningplicht",
                            },
                            "locatieRefs": [loc_hier],
                        },
                        {
                            "identificatie": "nl.imow-gm0637.activiteitlocatieaanduiding.2024bouwen2",
                            "activiteitRef": "nl.imow-gm0637.activiteit.2024bouwenbijbehorend",
                            "activiteitregelkwalificatie": {
                                "code": "http://standaarden.omgevingswet.overheid.nl/activiteitregelkwalificatie/id/concept/Toegestaan",
                                "waarde": "toegestaan",
                            },
                            "locatieRefs": [loc_gemeente],
                        },
                        {
                            "identificatie": "nl.imow-gm0637.activiteitlocatieaanduiding.2024bouwen3",
                            "activiteitRef": "nl.imow-gm0637.activiteit.2024bouwenbijbehorend",
                            "activiteitregelkwalificatie": {
                                "code": "http://standaarden.omgevingswet.overheid.nl/activiteitregelkwalificatie/id/concept/Verbod",
                                "waarde": "verbod",
                            },
                            "locatieRefs": [loc_elders],  # elsewhere: must not show here
                        },
                    ],
                    "locatieRefs": [loc_hier, loc_gemeente],
                    "gebiedsaanwijzingRefs": ["nl.imow-gm0637.gebiedsaanwijzing.2024wonen"],
                    "omgevingsnormRefs": ["nl.imow-gm0637.omgevingsnorm.2024bouwhoogte"],
                }
            ],
            "activiteiten": [
                {
                    "identificatie": "nl.imow-gm0637.activiteit.2024bouwenhoofdgebouw",
                    "naam": "bouwen van een hoofdgebouw",
                    "groep": {"code": "http://standaarden.omgevingswet.overheid.nl/activiteit/id/concept/BouwactiviteitRuimtelijk", "waarde": "bouwactiviteit (ruimtelijk)"},
                    "symboolcodes": {},
                    "bovenliggendeActiviteitRef": "nl.imow-mnre1034.activiteit.BouwactiviteitRuimtelijk",
                },
                {
                    "identificatie": "nl.imow-gm0637.activiteit.2024bouwenbijbehorend",
                    "naam": "bouwen van een bijbehorend bouwwerk",
                    "groep": {"code": "http://standaarden.omgevingswet.overheid.nl/activiteit/id/concept/BouwactiviteitRuimtelijk", "waarde": "bouwactiviteit (ruimtelijk)"},
                    "symboolcodes": {},
                    "bovenliggendeActiviteitRef": "nl.imow-gm0637.activiteit.2024bouwenhoofdgebouw",
                },
            ],
            "gebiedsaanwijzingen": [
                {
                    "identificatie": "nl.imow-gm0637.gebiedsaanwijzing.2024wonen",
                    "naam": "wonen",
                    "groep": {"code": "http://standaarden.omgevingswet.overheid.nl/functie/id/concept/Woonfunctie", "waarde": "woonfunctie"},
                    "type": {"code": "http://standaarden.omgevingswet.overheid.nl/typegebiedsaanwijzing/id/concept/Functie", "waarde": "functie"},
                    "symboolcodes": {"vlak": "vag000"},
                    "locatieRefs": [loc_hier],
                }
            ],
            "omgevingsnormen": [
                {
                    "identificatie": "nl.imow-gm0637.omgevingsnorm.2024bouwhoogte",
                    "naam": "maximum bouwhoogte",
                    "type": {"code": "http://standaarden.omgevingswet.overheid.nl/typenorm/id/concept/MaximumBouwhoogte", "waarde": "maximum bouwhoogte"},
                    "eenheid": {"code": "http://standaarden.omgevingswet.overheid.nl/eenheid/id/concept/Meter", "waarde": "m"},
                    "groep": {"code": "http://standaarden.omgevingswet.overheid.nl/omgevingsnormgroep/id/concept/Bouwhoogte", "waarde": "bouwhoogte"},
                    "normwaarden": [
                        {"identificatie": "nl.imow-gm0637.normwaarde.2024h10", "kwantitatieveWaarde": 10, "locatieRefs": [loc_hier]},
                        {"identificatie": "nl.imow-gm0637.normwaarde.2024h15", "kwantitatieveWaarde": 15, "locatieRefs": [loc_elders]},
                    ],
                    "symboolcodes": {},
                }
            ],
            "locaties": [
                {"identificatie": loc_hier, "noemer": "bouwhoogte 10 m", "locatieType": "Gebied", "geometrieIdentificatie": GEOMETRIE_ID},
                {"identificatie": loc_gemeente, "noemer": "gemeente Zoetermeer", "locatieType": "Ambtsgebied"},
            ],
            "geselecteerdeLocatieRefs": [loc_hier, loc_gemeente],
        }

    @cached_property
    def stop_zip(self) -> bytes:
        buf = io.BytesIO()
        bron = SHARED / "stop-tpod" / "Geonovum+xml_omgevingsplan_gemeentestad" / "opdracht"
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for f in sorted(bron.iterdir()):
                map_ = "OW-bestanden" if f.name.startswith("ow") else "Regeling" if f.name.startswith("akn") else "GIO"
                zf.write(f, f"{map_}/{f.name}")
        return buf.getvalue()


VERSIES = ["2024-01-01", "2024-07-01", "2025-03-15"]


def _spec_example(spec: str, response: str) -> dict[str, Any]:
    data = json.loads((APIS / "bvpelt+ov8" / spec).read_text(encoding="utf-8"))
    content = data["components"]["responses"][response]["content"]
    return next(iter(content.values()))["examples"]["servererror"]["value"]


# -- the server ------------------------------------------------------------------------------


class NepServer:
    """Start with :meth:`start`; ``url`` is ``http://127.0.0.1:<port>``."""

    def __init__(self) -> None:
        self.data = Data()
        self.verzoeken: list[Verzoek] = []
        self._storingen: dict[tuple[str, str], deque[Antwoord]] = {}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._download_polls: dict[str, int] = {}
        self.download_status: list[str] = ["IN_BEHANDELING", "BESCHIKBAAR"]
        self.download_url: str | None = None  # override the URL /download answers with
        self.httpd: ThreadingHTTPServer | None = None

    # lifecycle

    def start(self) -> NepServer:
        server = self

        class Handler(_Handler):
            nep = server

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self._thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()
            self._thread.join(2)

    @property
    def url(self) -> str:
        assert self.httpd is not None
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def reset(self) -> None:
        with self._lock:
            self.verzoeken.clear()
            self._storingen.clear()
            self._download_polls.clear()
        self.download_status = ["IN_BEHANDELING", "BESCHIKBAAR"]
        self.download_url = None

    # faults

    def storing(self, method: str, path: str, *antwoorden: Antwoord) -> None:
        """Answer the next requests to ``method path`` with these answers, in order."""
        with self._lock:
            self._storingen.setdefault((method.upper(), path), deque()).extend(antwoorden)

    def _volgende_storing(self, method: str, path: str) -> Antwoord | None:
        with self._lock:
            q = self._storingen.get((method, path))
            return q.popleft() if q else None

    def aantal(self, path: str, method: str | None = None) -> int:
        return sum(1 for v in self.verzoeken if v.path == path and (method is None or v.method == method))

    def wacht(self, seconds: float) -> None:
        self._stop.wait(seconds)

    # routing

    def beantwoord(self, v: Verzoek) -> Antwoord:
        storing = self._volgende_storing(v.method, v.path)
        if storing is not None:
            return storing
        p = v.path
        try:
            if p.startswith(LS + "/"):
                return self._locatieserver(v, p[len(LS) :])
            if p.startswith(BAG + "/"):
                return self._bag(v, p[len(BAG) :])
            if p.startswith(OZON + "/"):
                return self._ozon(v, p[len(OZON) :])
            if p.startswith(GEO + "/"):
                return self._geometrie(v, p[len(GEO) :])
            if p.startswith(DL + "/"):
                return self._downloaden(v, p[len(DL) :])
            if p.startswith(RP + "/"):
                return self._rp(v, p[len(RP) :])
            if p.startswith("/bestanden/"):
                return Antwoord(200, self.data.stop_zip, "application/zip")
        except _Fout as fout:
            return fout.antwoord
        return problem(404, "Not Found", f"Onbekend pad {p}")

    # Locatieserver

    def _locatieserver(self, v: Verzoek, p: str) -> Antwoord:
        q = v.query
        docs = self.data.ls_docs
        if p == "/free":
            fq = q.get("fq", [])
            for f in fq:
                veld, _, waarde = f.partition(":")
                if veld == "type":
                    docs = [d for d in docs if d["type"] == waarde]
                elif veld in ("postcode", "huisnummer"):
                    docs = [d for d in docs if str(d[veld]) == waarde]
                else:
                    return Antwoord(400, {"error": {"code": 400, "msg": f"undefined field {veld}", "metadata": ["error-class"]}})
            tekst = (q.get("q") or [""])[0].lower()
            if not any(f.startswith(("postcode:", "huisnummer:")) for f in fq):
                woorden = [w for w in re.split(r"[\s,]+", tekst) if w]
                docs = [d for d in docs if all(w in d["weergavenaam"].lower().replace(",", "") for w in woorden)]
        elif p == "/lookup":
            docs = [d for d in docs if d["id"] == (q.get("id") or [""])[0]]
        elif p == "/reverse":
            try:
                x, y = float(q["X"][0]), float(q["Y"][0])
            except (KeyError, ValueError):
                return Antwoord(400, "parameter X in query has an error: value is required", "text/plain")
            afstand = float((q.get("distance") or ["1000"])[0])
            met = sorted(
                ((shapely.geometry.Point(x, y).distance(_punt(d)), d) for d in docs), key=lambda t: t[0]
            )
            docs = [d for dist, d in met if dist <= afstand]
        else:
            return Antwoord(404, "404 page not found", "text/plain")
        start = int((q.get("start") or ["0"])[0])
        rows = int((q.get("rows") or ["10"])[0])
        if rows > 100:
            return Antwoord(400, {"error": {"code": 400, "msg": "rows: maximum is 100", "metadata": []}})
        fl = (q.get("fl") or [""])[0].split()
        page = [{k: val for k, val in d.items() if not fl or k in fl} for d in docs[start : start + rows]]
        return Antwoord(200, {"response": {"numFound": len(docs), "start": start, "maxScore": 12.5, "numFoundExact": True, "docs": page}})

    # BAG

    def _bag_auth(self, v: Verzoek) -> None:
        key = v.headers.get("x-api-key")
        if not key:
            raise _Fout(problem(401, "Niet correct geauthenticeerd.", code="authentication"))
        if key != BAG_SLEUTEL:
            raise _Fout(problem(403, "U bent niet geautoriseerd voor deze operatie.", code="autorisation"))

    def _bag(self, v: Verzoek, p: str) -> Antwoord:
        self._bag_auth(v)
        base = self.url
        q = {k: vals[0] for k, vals in v.query.items()}
        hal = "application/hal+json"
        if p == "/adressenuitgebreid":
            gevonden = [
                a
                for a in self.data.bag_adressen(base)
                if a["postcode"] == q.get("postcode")
                and str(a["huisnummer"]) == q.get("huisnummer")
                and (q.get("huisletter") is None or (a.get("huisletter") or "").upper() == q["huisletter"].upper())
            ]
            if q.get("exacteMatch") == "true" and "huisletter" not in q:
                gevonden = [a for a in gevonden if not a.get("huisletter")] or gevonden
            return Antwoord(200, {"_embedded": {"adressen": gevonden}, "_links": {"self": {"href": f"{base}{BAG}{p}"}}}, hal)
        m = re.fullmatch(r"/adressenuitgebreid/(\d{16})", p)
        if m:
            for a in self.data.bag_adressen(base):
                if a["nummeraanduidingIdentificatie"] == m.group(1):
                    return Antwoord(200, a, hal)
            return problem(404, "Opgevraagde resource bestaat niet.", code="notFound")
        m = re.fullmatch(r"/panden/(\d+)", p)
        if m or p == "/panden":
            if v.headers.get("accept-crs") != "epsg:28992":
                return problem(412, "Gewenste coördinatenstelsel voor geometrie moet worden opgegeven.", code="acceptCrsMissing")
        if m:
            pand = self.data.bag_pand(m.group(1), base)
            return Antwoord(200, pand, hal) if pand else problem(404, "Opgevraagde resource bestaat niet.", code="notFound")
        if p == "/panden":
            if "locatie" in q and v.headers.get("content-crs") != "epsg:28992":
                return problem(412, "Coördinatenstelsel van gestuurde geometrie moet worden opgegeven.", code="contentCrsMissing")
            x, y = (float(c) for c in q["locatie"].split(","))
            punt = shapely.geometry.Point(x, y)
            panden = []
            for pid in [a["pand"] for a in ZOETERMEER] + list(self.data.pand_polygonen):
                pand = self.data.bag_pand(pid, base)
                if pand and shapely.geometry.shape(pand["pand"]["geometrie"]).buffer(0.0005).covers(punt):
                    if pand not in panden:
                        panden.append(pand)
            return Antwoord(200, {"_embedded": {"panden": panden}, "_links": {"self": {"href": f"{base}{BAG}{p}"}}}, hal)
        if p == "/verblijfsobjecten":
            # Three pages of ten (page size fixed here), with HAL first/previous/next/last links.
            totaal, size = 25, 10
            page = int(q.get("page", "1"))
            if page > 3:
                return problem(
                    400, "Een of meerdere parameters zijn niet correct.",
                    invalidParams=[{"name": "page", "code": "page", "reason": "De opgegeven pagina bestaat niet."}],
                )
            items = []
            for i in range((page - 1) * size, min(page * size, totaal)):
                vo = copy.deepcopy(self.data.verblijfsobject_voorbeeld)
                vo["verblijfsobject"]["identificatie"] = f"02680100000{36826 + i:05d}"
                items.append(vo)
            link = f"{base}{BAG}/verblijfsobjecten?pandIdentificatie={q.get('pandIdentificatie')}&page="
            links: dict[str, Any] = {"self": {"href": link + str(page)}}
            if page > 1:
                links["first"] = {"href": link + "1"}
                links["previous"] = {"href": link + str(page - 1)}
            if page < 3:
                links["next"] = {"href": link + str(page + 1)}
                links["last"] = {"href": link + "3"}
            return Antwoord(200, {"_embedded": {"verblijfsobjecten": items}, "_links": links}, hal)
        return problem(404, "Opgevraagde resource bestaat niet.", code="notFound")

    # DSO

    def _dso_auth(self, v: Verzoek) -> None:
        key = v.headers.get("x-api-key")
        if not key:
            raise _Fout(Antwoord(401, {"title": "Inloggegevens ontbreken"}, "application/problem+json"))
        if key != DSO_SLEUTEL:
            raise _Fout(problem(403, "Forbidden", "Ongeldige API-key"))

    def _content_crs(self, v: Verzoek) -> None:
        if v.headers.get("content-crs") != RD_URI:
            raise _Fout(Antwoord(422, _spec_example("ozon-presenteren-v8.0.2.json", "UnprocessableContent"), "application/problem+json"))

    def _ozon(self, v: Verzoek, p: str) -> Antwoord:
        self._dso_auth(v)
        base = self.url
        hal = "application/hal+json"
        q = {k: vals[0] for k, vals in v.query.items()}
        if p == "/regelingen/_zoek" and v.method == "POST":
            body = v.json or {}
            if "geometrie" in body:
                self._content_crs(v)
            werken = [OMGEVINGSPLAN, PROGRAMMA, VERORDENING]
            if "bevoegdGezag" in body:
                werken = [w for w in werken if w.split("/")[4] in body["bevoegdGezag"]]
            if "geometrie" in body:
                x, y = body["geometrie"]["coordinates"]
                werken = werken if self.data.in_zoetermeer(x, y) else []
            size = int(q.get("size", "20"))
            page = int(q.get("page", "1"))
            items = [self.data.regeling(w, len(VERSIES), base) for w in werken][(page - 1) * size : page * size]
            total_pages = max(1, -(-len(werken) // size))
            link = f"{base}{OZON}/regelingen/_zoek?size={size}&page="
            links: dict[str, Any] = {"self": {"href": link + str(page)}}
            if page < total_pages:
                links["next"] = {"href": link + str(page + 1)}
            data: dict[str, Any] = {
                "_links": links,
                "page": {"size": size, "totalElements": len(werken), "totalPages": total_pages, "number": page},
            }
            if items:
                data["_embedded"] = {"regelingen": items}
            else:
                data["_embedded"] = {"regelingen": []}
            return Antwoord(200, data, hal)
        m = re.fullmatch(r"/regelingen/(_akn_[A-Za-z0-9_.]+)(/regeltekstannotaties/_zoek)?", p)
        if m:
            work = {w.replace("/", "_").replace("-", "_"): w for w in (OMGEVINGSPLAN, PROGRAMMA, VERORDENING)}.get(m.group(1))
            if work is None:
                return Antwoord(404, _spec_example("ozon-presenteren-v8.0.2.json", "NotFound"), "application/problem+json")
            if m.group(2):
                self._content_crs(v)
                return Antwoord(200, self.data.annotaties(base), hal)
            versie = len(VERSIES)
            if "geldigOp" in q:
                geldige = [i + 1 for i, begin in enumerate(VERSIES) if begin <= q["geldigOp"]]
                if not geldige:
                    return Antwoord(404, _spec_example("ozon-presenteren-v8.0.2.json", "NotFound"), "application/problem+json")
                versie = geldige[-1]
            return Antwoord(200, self.data.regeling(work, versie, base), hal)
        return Antwoord(404, _spec_example("ozon-presenteren-v8.0.2.json", "NotFound"), "application/problem+json")

    def _geometrie(self, v: Verzoek, p: str) -> Antwoord:
        self._dso_auth(v)
        m = re.fullmatch(r"/geometrieen/([^/]+)", p)
        if not m:
            return problem(404, "Not Found")
        if "crs" not in v.query:
            return problem(422, "Unprocessable Content", "CRS84 wordt niet ondersteund; geef de parameter crs mee.")
        if m.group(1) != GEOMETRIE_ID:
            return problem(404, "Not Found", "Geometrie niet gevonden")
        buurt = next(f for f in _geojson("zoetermeer_buurten_2023_rd.geojson")["features"] if f["properties"]["statcode"] == "BU06370002")
        return Antwoord(200, buurt["geometry"], "application/json", {"Content-Crs": RD_URI})

    def _downloaden(self, v: Verzoek, p: str) -> Antwoord:
        self._dso_auth(v)
        if p == "/aanvraag" and v.method == "POST":
            regeling = (v.json or {}).get("regelingId", "")
            if not regeling.startswith("/akn/"):
                return problem(400, "Ongeldig verzoek", "regelingId ontbreekt")
            return Antwoord(202, {"verzoekIdentificatie": "verzoek-0637-0001"})
        m = re.fullmatch(r"/(status|download)/([A-Za-z0-9-]+)", p)
        if not m:
            return problem(404, "Not Found")
        if m.group(1) == "status":
            n = self._download_polls.get(m.group(2), 0)
            self._download_polls[m.group(2)] = n + 1
            return Antwoord(200, {"verzoekIdentificatie": m.group(2), "status": self.download_status[min(n, len(self.download_status) - 1)]})
        return Antwoord(200, {"url": self.download_url or f"{self.url}/bestanden/{m.group(2)}.zip"})

    # Ruimtelijke Plannen

    def _rp(self, v: Verzoek, p: str) -> Antwoord:
        key = v.headers.get("x-api-key")
        if key != DSO_SLEUTEL:
            return Antwoord(401, {"title": "Unauthorized", "status": 401, "detail": "API key ontbreekt"}, "application/problem+json")
        if v.headers.get("accept-crs") != "epsg:28992":
            return Antwoord(406, {"title": "Not Acceptable", "status": 406, "detail": "Accept-Crs", "acceptable": ["epsg:28992"]}, "application/problem+json")
        fixtures = APIS / "bvpelt+ihr" / "fixtures"
        hal = "application/hal+json"
        if v.method == "POST" and v.headers.get("content-crs") != "epsg:28992":
            return Antwoord(400, {"title": "Bad Request", "status": 400, "detail": "Content-Crs ontbreekt"}, "application/problem+json")
        if p == "/plannen/_zoek":
            plan = json.loads((fixtures / "plan-02.json").read_text())
            return Antwoord(200, {"_embedded": {"plannen": [plan]}, "_links": {"self": {"href": f"{self.url}{RP}{p}"}, "next": None}}, hal)
        m = re.fullmatch(r"/plannen/([^/]+)/(bestemmingsvlakken|maatvoeringen)/_zoek", p)
        if m:
            if m.group(2) == "bestemmingsvlakken":
                items = [json.loads((fixtures / f"bestemmingsvlak-0{i}.json").read_text()) for i in (1, 2)]
            else:
                items = [
                    {"id": "NL.IMRO.MV0001", "naam": "maximum goothoogte (m), maximum bouwhoogte (m)",
                     "omvang": [{"naam": "maximum goothoogte (m)", "waarde": "6"}, {"naam": "maximum bouwhoogte (m)", "waarde": "10"}],
                     "verwijzingNaarTekst": None, "styleId": None, "_links": {}}
                ]
            return Antwoord(200, {"_embedded": {m.group(2): items}, "_links": {"self": {"href": f"{self.url}{RP}{p}"}}}, hal)
        return Antwoord(404, {"title": "Not Found", "status": 404, "detail": "HTTP 404 Not Found"}, "application/problem+json")


def _punt(doc: dict[str, Any]) -> Any:
    x, y = re.findall(r"[-0-9.]+", doc["centroide_rd"])
    return shapely.geometry.Point(float(x), float(y))


class _Fout(Exception):
    def __init__(self, antwoord: Antwoord) -> None:
        self.antwoord = antwoord


class _Handler(BaseHTTPRequestHandler):
    nep: NepServer
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in two writes; no 40 ms delayed-ACK stall

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _handle(self) -> None:
        parts = urlsplit(self.path)
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length) if length else b""
        v = Verzoek(
            method=self.command,
            path=parts.path,
            query=parse_qs(parts.query, keep_blank_values=True),
            headers={k.lower(): val for k, val in self.headers.items()},
            body=body,
        )
        with self.nep._lock:
            self.nep.verzoeken.append(v)
        antwoord = self.nep.beantwoord(v)
        if antwoord.vertraging:
            self.nep.wacht(antwoord.vertraging)
        if antwoord.afbreken:
            self.close_connection = True
            return
        data = antwoord.bytes()
        try:
            self.send_response(antwoord.status)
            self.send_header("Content-Type", antwoord.content_type)
            if antwoord.zonder_lengte:
                self.send_header("Connection", "close")
                self.close_connection = True
            elif not any(k.lower() == "content-length" for k in antwoord.headers):
                self.send_header("Content-Length", str(len(data)))
            for k, val in antwoord.headers.items():
                self.send_header(k, val)
            self.end_headers()
            self.wfile.write(data)
        except OSError:  # the client gave up (timeout tests)
            self.close_connection = True

    do_GET = _handle
    do_POST = _handle

    def handle(self) -> None:
        try:
            super().handle()
        except OSError:
            pass


def wacht_tot(voorwaarde: Any, timeout: float = 1.0) -> bool:
    eind = time.monotonic() + timeout
    while time.monotonic() < eind:
        if voorwaarde():
            return True
        time.sleep(0.01)
    return False

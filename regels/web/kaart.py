"""The plan's werkingsgebieden as an inline SVG map: RD coordinates projected to SVG by a plain scale.

No tiles, no external library: x grows to the east, SVG y = (max RD y − RD y) × scale. The SVG
carries ``data-minx``, ``data-maxy`` and ``data-schaal`` so ``app.js`` can turn a click back into
RD. Every name is escaped (``html.escape``): names and titles come from the plan text.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from regels.model.regeling import GebiedDecl
from regels.plan import Plan

BREEDTE = 1000.0
_KLEUREN = ["#e8c9a0", "#c7dca7", "#f2b8b8", "#b9d3ee", "#d9c2e9", "#f5e39a", "#b5e0d6", "#e0c0a0", "#cfcfcf"]


@dataclass(frozen=True)
class Kaart:
    minx: float
    maxy: float
    schaal: float
    hoogte: float
    lagen: str  # SVG groups of the areas, escaped
    legenda: tuple[tuple[str, str], ...] = ()  # (area name, fill colour) of the filled areas

    def legenda_html(self) -> str:
        """A legend of the filled areas (swatches as tiny SVGs: no inline style, so the CSP holds)."""
        regels = "".join(f'<li><svg class="staal" viewBox="0 0 14 14" aria-hidden="true"><rect width="14" height="14" '
                         f'fill="{kleur}"/></svg> {escape(naam)}</li>' for naam, kleur in self.legenda)
        return f'<ul class="legenda" aria-label="Legenda van de kaart">{regels}<li><svg class="staal" viewBox="0 0 14 14" ' \
               f'aria-hidden="true"><rect width="14" height="14" fill="none" stroke="#333" stroke-dasharray="3 2"/></svg> ' \
               f'wijken en buurten (gestippeld)</li></ul>' if regels else ""

    def naar_svg(self, x: float, y: float) -> tuple[float, float]:
        return (x - self.minx) * self.schaal, (self.maxy - y) * self.schaal

    def svg(self, markering: BaseGeometry | None = None, *, id_: str = "kaart", titel: str = "Kaart") -> str:
        """The map, optionally with the chosen location marked (a point as a circle, an area as an outline)."""
        merk = ""
        if markering is not None and not markering.is_empty:
            if markering.geom_type == "Point":
                sx, sy = self.naar_svg(markering.x, markering.y)
                merk = f'<circle class="markering" cx="{sx:.1f}" cy="{sy:.1f}" r="9"/>'
            else:
                merk = f'<path class="markering-vlak" d="{self._pad(markering)}"/>'
        else:
            merk = '<circle class="markering" cx="-100" cy="-100" r="9" hidden/>'
        return (f'<svg id="{escape(id_)}" class="kaart" viewBox="0 0 {BREEDTE:.0f} {self.hoogte:.0f}" '
                f'role="img" aria-labelledby="{escape(id_)}-titel" data-minx="{self.minx:.3f}" data-maxy="{self.maxy:.3f}" '
                f'data-schaal="{self.schaal:.8f}" xmlns="http://www.w3.org/2000/svg">'
                f'<title id="{escape(id_)}-titel">{escape(titel)}</title>{self.lagen}'
                f'<g class="merk">{merk}</g></svg>')

    def _pad(self, geom: BaseGeometry) -> str:
        delen = []
        vlakken = geom.geoms if isinstance(geom, MultiPolygon) else [geom] if isinstance(geom, Polygon) else []
        for vlak in vlakken:
            for ring in (vlak.exterior, *vlak.interiors):
                punten = [self.naar_svg(x, y) for x, y in ring.coords]
                delen.append("M" + " L".join(f"{a:.1f} {b:.1f}" for a, b in punten) + " Z")
        return " ".join(delen)


def maak_kaart(plan: Plan) -> Kaart:
    """The base map of a plan: one layer per GeoJSON file of its gebieden, largest areas first."""
    regelingsgebied = plan.regelingsgebied
    x0, y0, x1, y1 = regelingsgebied.bounds
    for naam, soort in plan.locatiesoort.items():
        if soort == "gebied":
            a, b, c, d = plan.locaties[naam].bounds
            x0, y0, x1, y1 = min(x0, a), min(y0, b), max(x1, c), max(y1, d)
    marge = 0.02 * max(x1 - x0, y1 - y0, 1.0)
    x0, y0, x1, y1 = x0 - marge, y0 - marge, x1 + marge, y1 + marge
    schaal = BREEDTE / (x1 - x0)
    kaart = Kaart(minx=x0, maxy=y1, schaal=schaal, hoogte=(y1 - y0) * schaal, lagen="")

    bestand_van = {d.naam: d.bestand for d in plan.regeling.items() if isinstance(d, GebiedDecl)}
    lagen: dict[str, list[str]] = {}
    for naam, soort in plan.locatiesoort.items():
        if soort == "gebied":
            lagen.setdefault(bestand_van.get(naam, "gebieden"), []).append(naam)
    regelingsnaam = plan.kop.eigenschap("regelingsgebied") or ""
    groepen = []
    legenda: list[tuple[str, str]] = []
    kleur = 0
    for bestand, namen in sorted(lagen.items(), key=lambda kv: -max(plan.locaties[n].area for n in kv[1])):
        laagnaam = bestand.rsplit("/", 1)[-1].removesuffix(".geojson")
        omtrek = any(n == regelingsnaam for n in namen) or laagnaam in ("wijken", "buurten")
        stukken = []
        for naam in sorted(namen, key=lambda n: -plan.locaties[n].area):
            geom = plan.locaties[naam]
            if naam == regelingsnaam:
                stijl = 'class="gebied regelingsgebied"'
            elif omtrek:
                stijl = 'class="gebied omtrek"'
            else:
                stijl = f'class="gebied" fill="{_KLEUREN[kleur % len(_KLEUREN)]}"'
                legenda.append((naam, _KLEUREN[kleur % len(_KLEUREN)]))
                kleur += 1
            stukken.append(f'<path {stijl} data-naam="{escape(naam)}" d="{kaart._pad(geom)}"><title>{escape(naam)}</title></path>')
            if omtrek and naam != regelingsnaam:
                p = geom.representative_point()
                sx, sy = kaart.naar_svg(p.x, p.y)
                stukken.append(f'<text class="label" x="{sx:.1f}" y="{sy:.1f}">{escape(naam)}</text>')
        groepen.append(f'<g class="laag laag-{escape(laagnaam)}" data-laag="{escape(laagnaam)}">{"".join(stukken)}</g>')
    return Kaart(minx=kaart.minx, maxy=kaart.maxy, schaal=kaart.schaal, hoogte=kaart.hoogte, lagen="".join(groepen),
                 legenda=tuple(legenda))

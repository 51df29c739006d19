"""Complete a proposal from public registers before the check: an address becomes a location (PDOK
Locatieserver), and facts the applicant did not give come from the BAG, each marked with its source.

This module does I/O (HTTP through ``regels.dso``); ``evaluate`` itself stays pure.
"""

from __future__ import annotations

from regels.dso import Adres, BagClient, LocatieserverClient
from regels.model.voorstel import Locatie, Voorstel
from regels.plan import Plan

# BAG gebruiksdoel → the plan's keuze for "functie" (only where the meaning is the same)
FUNCTIE_VAN_GEBRUIKSDOEL = {
    "woonfunctie": "wonen", "kantoorfunctie": "kantoor", "industriefunctie": "bedrijf", "winkelfunctie": "detailhandel",
    "gezondheidszorgfunctie": "maatschappelijk", "onderwijsfunctie": "maatschappelijk", "sportfunctie": "recreatie",
}


def zoek_adres(tekst: str, client: LocatieserverClient | None = None) -> Adres:
    """The address ``tekst`` in the PDOK Locatieserver; ``DienstFout`` subclasses when not found or ambiguous."""
    eigen = client is None
    client = client or LocatieserverClient()
    try:
        return client.find_address(tekst)
    finally:
        if eigen:
            client.close()


def met_adres(voorstel: Voorstel, adres: Adres) -> Voorstel:
    """The proposal located at the address's RD point (the address is kept for the report)."""
    locatie = Locatie(type="Point", coordinates=[adres.punt.x, adres.punt.y], crs="EPSG:28992",
                      adres=f"{adres.weergavenaam} (PDOK Locatieserver; RD {adres.punt.x:.2f} {adres.punt.y:.2f})")
    return voorstel.model_copy(update={"locatie": locatie})


def vul_aan_uit_bag(plan: Plan, voorstel: Voorstel, adres: Adres, client: BagClient | None = None) -> Voorstel:
    """Add facts from the BAG that the applicant did not give, marking each one's source."""
    eigen = client is None
    client = client or BagClient()
    try:
        gebouw = client.building_facts(nummeraanduiding_id=adres.nummeraanduiding_id) if adres.nummeraanduiding_id \
            else client.building_facts(postcode=adres.postcode, huisnummer=adres.huisnummer, huisletter=adres.huisletter,
                                       toevoeging=adres.huisnummertoevoeging)
    finally:
        if eigen:
            client.close()
    feiten = dict(voorstel.feiten)
    herkomst = dict(voorstel.herkomst)
    bag = gebouw.feiten()
    bron = gebouw.herkomst()
    doelen = bag.get("gebruiksdoelen") or []
    functie = plan.begrippen.get("functie")
    if "functie" not in feiten and functie is not None and len(doelen) == 1:
        waarde = FUNCTIE_VAN_GEBRUIKSDOEL.get(doelen[0])
        if waarde in functie[0].keuzes:
            feiten["functie"] = waarde
            herkomst["functie"] = f"{bron} (gebruiksdoel {doelen[0]})"
    oppervlakte = bag.get("gebruiksoppervlakte_m2")
    if "gebruiksoppervlakte woning" not in feiten and "gebruiksoppervlakte woning" in plan.begrippen \
            and oppervlakte is not None and doelen == ["woonfunctie"]:
        feiten["gebruiksoppervlakte woning"] = {"waarde": float(oppervlakte), "eenheid": "m2"}
        herkomst["gebruiksoppervlakte woning"] = f"{bron} (gebruiksoppervlakte verblijfsobject)"
    return Voorstel.model_validate({**voorstel.model_dump(), "feiten": feiten, "herkomst": herkomst})

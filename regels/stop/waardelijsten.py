"""The IMOW value lists (waardelijsten) that the export writes and the import reads.

The URIs are those of the official lists **IMOW waardelijsten v4.3.0** (Geonovum, repository
``Geonovum/TPOD``, file ``Waardelijsten/waardelijsten_IMOW_v4.3.0.json``; a copy is in
``../shared/stop-tpod/Geonovum+TPOD/Waardelijsten``). They are embedded here (label → term, per
list) so that the export needs no file at run time; deprecated values are left out. The test
``tests/stop/test_stop_tpod.py`` checks every embedded URI against that official file.

The mapping from the rule language to the lists (kwalificatie, soort gebiedsaanwijzing, eenheid)
is here too, in both directions.
"""

from __future__ import annotations

import re

from regels.model.regeling import SOORTEN_GEBIEDSAANWIJZING
from regels.units import zoek_eenheid

VERSIE = "4.3.0"

_LIJSTEN: dict[str, tuple[str, dict[str, str]]] = {
    'Activiteitengroep': ('http://standaarden.omgevingswet.overheid.nl/activiteit/id/concept/', {
        'aansluitactiviteit': 'Aansluitactiviteit',
        'agrarische activiteit': 'AgrarischeActiviteit',
        'alarminstallatieactiviteit': 'Alarminstallatieactiviteit',
        'beperkingengebiedactiviteit': 'Beperkingengebiedactiviteit',
        'beperkingengebiedactiviteit m.b.t. een bergingsgebied': 'BeperkingengebiedactiviteitMBTEenBergingsgebied',
        'beperkingengebiedactiviteit m.b.t. een installatie in een waterstaatswerk': 'BeperkingengebiedactiviteitMBTEenInstallatieInEenWaterstaatswerk',
        'beperkingengebiedactiviteit m.b.t. een leiding': 'BeperkingengebiedactiviteitMBTEenLeiding',
        'beperkingengebiedactiviteit m.b.t. een luchthaven': 'BeperkingengebiedactiviteitMBTEenLuchthaven',
        'beperkingengebiedactiviteit m.b.t. een oppervlaktewaterlichaam': 'BeperkingengebiedactiviteitMBTEenOppervlaktewaterlichaam',
        'beperkingengebiedactiviteit m.b.t. een spoorweg': 'BeperkingengebiedactiviteitMBTEenSpoorweg',
        'beperkingengebiedactiviteit m.b.t. een waterkering': 'BeperkingengebiedactiviteitMBTEenWaterkering',
        'beperkingengebiedactiviteit m.b.t. een waterstaatswerk': 'BeperkingengebiedactiviteitMBTEenWaterstaatswerk',
        'beperkingengebiedactiviteit m.b.t. een weg': 'BeperkingengebiedactiviteitMBTEenWeg',
        'beperkingengebiedactiviteit m.b.t. een zuiveringtechnisch werk': 'BeperkingengebiedactiviteitMBTEenZuiveringtechnischWerk',
        'beperkingengebiedactiviteit m.b.t. grondwater': 'BeperkingengebiedactiviteitMBTGrondwater',
        'beperkingengebiedactiviteit m.b.t. zeegebied': 'BeperkingengebiedactiviteitMBTZeegebied',
        'bodemactiviteit': 'Bodemactiviteit',
        'bouwactiviteit ruimtelijk': 'BouwactiviteitRuimtelijk',
        'bouwactiviteit technisch': 'BouwactiviteitTechnisch',
        'cultureel-erfgoedactiviteit': 'CultureelErfgoedactiviteit',
        'cultuuractiviteit': 'Cultuuractiviteit',
        'dienstverleningsactiviteit': 'Dienstverleningsactiviteit',
        'dierenactiviteit': 'Dierenactiviteit',
        'evenementactiviteit': 'Evenementactiviteit',
        'exploitatieactiviteit bedrijf': 'ExploitatieactiviteitBedrijf',
        'exploitatieactiviteit detailhandel': 'ExploitatieactiviteitDetailhandel',
        'exploitatieactiviteit horeca': 'ExploitatieactiviteitHoreca',
        'exploitatieactiviteit kantoor': 'ExploitatieactiviteitKantoor',
        'festiviteitactiviteit': 'Festiviteitactiviteit',
        'flora- en fauna-activiteit': 'FloraEnFaunaActiviteit',
        'gebruiken-van-bouwwerkenactiviteit': 'GebruikenVanBouwwerkenactiviteit',
        'gelegenheid-tot-zwemmen-en-baden-biedenactiviteit': 'GelegenheidTotZwemmenEnBadenBiedenactiviteit',
        'grafactiviteit': 'Grafactiviteit',
        'grondwateractiviteit': 'Grondwateractiviteit',
        'hemelwateractiviteit': 'Hemelwateractiviteit',
        'herstructureringsactiviteit': 'Herstructureringsactiviteit',
        'in-stand-houden-van-bouwwerkenactiviteit': 'InStandHoudenVanBouwwerkenactiviteit',
        'jachtgeweeractiviteit': 'Jachtgeweeractiviteit',
        'kampeeractiviteit': 'Kampeeractiviteit',
        'kapactiviteit': 'Kapactiviteit',
        'landinrichtingsactiviteit': 'Landinrichtingsactiviteit',
        'ligplaatsactiviteit': 'Ligplaatsactiviteit',
        'lozingsactiviteit': 'Lozingsactiviteit',
        'maatschappelijke activiteit': 'MaatschappelijkeActiviteit',
        'mijnbouwlocatieactiviteit': 'Mijnbouwlocatieactiviteit',
        'milieubelastende activiteit': 'MilieubelastendeActiviteit',
        'milieubelastende activiteit met beperkt effect': 'MilieubelastendeActiviteitMetBeperktEffect',
        'milieubelastende activiteit overig': 'MilieubelastendeActiviteitOverig',
        'moderniseringsactiviteit': 'Moderniseringsactiviteit',
        'monumentenactiviteit': 'Monumentenactiviteit',
        'natura 2000-activiteit': 'Natura2000Activiteit',
        'natuuractiviteit': 'Natuuractiviteit',
        'noordzee-activiteit': 'NoordzeeActiviteit',
        'ontgrondingsactiviteit': 'Ontgrondingsactiviteit',
        'ontspanningsactiviteit': 'Ontspanningsactiviteit',
        'opslagactiviteit': 'Opslagactiviteit',
        'overig': 'Overig',
        'parkeeractiviteit': 'Parkeeractiviteit',
        'planologische gebruiksactiviteit': 'PlanologischeGebruiksactiviteit',
        'reclameactiviteit': 'Reclameactiviteit',
        'recreatieactiviteit': 'Recreatieactiviteit',
        'rijksmonumentenactiviteit': 'Rijksmonumentenactiviteit',
        'sloopactiviteit': 'Sloopactiviteit',
        'sportactiviteit': 'Sportactiviteit',
        'standplaatsactiviteit': 'Standplaatsactiviteit',
        'stortingsactiviteit': 'Stortingsactiviteit',
        'toegangsactiviteit': 'Toegangsactiviteit',
        'uitritactiviteit': 'Uitritactiviteit',
        'valkeniersactiviteit': 'Valkeniersactiviteit',
        'verrichten-van-werken-en-werkzaamhedenactiviteit': 'VerrichtenVanWerkenEnWerkzaamhedenactiviteit',
        'wateronttrekkingsactiviteit': 'Wateronttrekkingsactiviteit',
        'waterstaatswerkenactiviteit': 'Waterstaatswerkenactiviteit',
        'wegactiviteit': 'Wegactiviteit',
        'werelderfgoedactiviteit': 'Werelderfgoedactiviteit',
        'woonactiviteit': 'Woonactiviteit',
    }),
    'Activiteitregelkwalificatie': ('http://standaarden.omgevingswet.overheid.nl/activiteitregelkwalificatie/id/concept/', {
        'anders geduid': 'AndersGeduid',
        'gebod': 'Gebod',
        'informatieplicht': 'Informatieplicht',
        'maatwerkvoorschriftbevoegdheid': 'Maatwerkvoorschriftbevoegdheid',
        'meldingsplicht': 'Meldingsplicht',
        'toegestaan': 'Toegestaan',
        'verbod': 'Verbod',
        'vergunningplicht': 'Vergunningplicht',
        'zorgplicht': 'Zorgplicht',
    }),
    'Beperkingengebiedgroep': ('http://standaarden.omgevingswet.overheid.nl/beperkingengebied/id/concept/', {
        'installatie in waterstaatswerk': 'InstallatieInWaterstaatswerk',
        'kabel': 'Kabel',
        'leiding': 'Leiding',
        'luchthaven': 'Luchthaven',
        'molen': 'Molen',
        'overig': 'Overig',
        'spoorweg': 'Spoorweg',
        'waterstaatswerk': 'Waterstaatswerk',
        'weg': 'Weg',
    }),
    'Bodemgroep': ('http://standaarden.omgevingswet.overheid.nl/bodem/id/concept/', {
        'bodembeheergebied': 'Bodembeheergebied',
        'bodemdalingsgebied': 'Bodemdalingsgebied',
        'maatregelengebied': 'Maatregelengebied',
        'mijnsteengebied': 'Mijnsteengebied',
        'ontgrondingsgebied': 'Ontgrondingsgebied',
        'stortplaats (gesloten)': 'StortplaatsGesloten',
        'stortplaats (open)': 'StortplaatsOpen',
        'zandwinningsgebied': 'Zandwinningsgebied',
    }),
    'Bouwgroep': ('http://standaarden.omgevingswet.overheid.nl/bouw/id/concept/', {
        'bouwvlak': 'Bouwvlak',
        'niet-geluidgevoelige gevel': 'NietGeluidgevoeligeGevel',
        'rooilijn': 'Rooilijn',
    }),
    'Defensiegroep': ('http://standaarden.omgevingswet.overheid.nl/defensie/id/concept/', {
        'maatregelengebied': 'Maatregelengebied',
        'militair terrein': 'MilitairTerrein',
        'militaire laagvliegroute': 'MilitaireLaagvliegroute',
        'radarverstoringsgebied': 'Radarverstoringsgebied',
        'verstoringsgebied militaire zend- en ontvangstinstallatie': 'VerstoringsgebiedMilitaireZendEnOntvangstinstallatie',
    }),
    'Eenheid': ('http://standaarden.omgevingswet.overheid.nl/eenheid/id/concept/', {
        'a-gewogen gemiddelde geluidsniveau': 'AGewogenGemiddeldeGeluidsniveau',
        'a-gewogen gemiddelde geluidsniveau avondperiode': 'AGewogenGemiddeldeGeluidsniveauAvondperiode',
        'a-gewogen gemiddelde geluidsniveau dagperiode': 'AGewogenGemiddeldeGeluidsniveauDagperiode',
        'a-gewogen gemiddelde geluidsniveau nachtperiode': 'AGewogenGemiddeldeGeluidsniveauNachtperiode',
        'aantal': 'Aantal',
        'aantal per hectare': 'AantalPerHectare',
        'bouwlaag': 'Bouwlaag',
        'centimeter': 'Centimeter',
        'dagen': 'Dagen',
        'decibel': 'Decibel',
        'decibel met a-weging': 'DecibelMetAWeging',
        'gemiddeld geluidsniveau over het etmaal': 'GemiddeldGeluidsniveauOverHetEtmaal',
        'graad (hoek)': 'GraadHoek',
        'graad celsius': 'GraadCelsius',
        'jaren': 'Jaren',
        'kilogram': 'Kilogram',
        'kilometer': 'Kilometer',
        'kilopascal': 'Kilopascal',
        'kilovolt': 'Kilovolt',
        'kubieke meter': 'KubiekeMeter',
        'kubieke meter per uur': 'KubiekeMeterPerUur',
        'liter': 'Liter',
        'maanden': 'Maanden',
        'meter': 'Meter',
        'microgram per kilogram': 'MicrogramPerKilogram',
        'microgram per kubieke meter': 'MicrogramPerKubiekeMeter',
        'microgram per liter': 'MicrogramPerLiter',
        'milligram': 'Milligram',
        'milligram per liter': 'MilligramPerLiter',
        'millimeter': 'Millimeter',
        'minuut': 'Minuut',
        'mol': 'Mol',
        'nog toe te voegen': 'NogToeTeVoegen',
        'odour unit': 'OdourUnit',
        'procent': 'Procent',
        'seconde': 'Seconde',
        'uur': 'Uur',
        'vierkante kilometer': 'VierkanteKilometer',
        'vierkante meter': 'VierkanteMeter',
        'watt': 'Watt',
        'weken': 'Weken',
    }),
    'Energievoorzieninggroep': ('http://standaarden.omgevingswet.overheid.nl/energievoorziening/id/concept/', {
        'bodemenergiegebied': 'Bodemenergiegebied',
        'elektrolyse': 'Elektrolyse',
        'energieproductiegebied': 'Energieproductiegebied',
        'grootschalige elektriciteitsopwekking': 'GrootschaligeElektriciteitsopwekking',
        'hoogspanningsverbinding': 'Hoogspanningsverbinding',
        'kernenergiegebied': 'Kernenergiegebied',
        'maatregelengebied': 'Maatregelengebied',
        'toegedacht warmtetransitiegebied': 'ToegedachtWarmtetransitiegebied',
        'waterstofopslag': 'Waterstofopslag',
        'windturbinegebied': 'Windturbinegebied',
        'zonne-energiegebied': 'ZonneEnergiegebied',
    }),
    'Erfgoedgroep': ('http://standaarden.omgevingswet.overheid.nl/erfgoed/id/concept/', {
        'aardkundig waardevol gebied': 'AardkundigWaardevolGebied',
        'archeologie': 'Archeologie',
        'beschermd monument': 'BeschermdMonument',
        'buitenplaats': 'Buitenplaats',
        'cultureel erfgoed': 'CultureelErfgoed',
        'cultuurhistorisch beschermd landschap': 'CultuurhistorischBeschermdLandschap',
        'cultuurhistorisch waardevol gebied': 'CultuurhistorischWaardevolGebied',
        'linie': 'Linie',
        'maatregelengebied': 'Maatregelengebied',
        'werelderfgoed': 'Werelderfgoed',
    }),
    'ExterneVeiligheidgroep': ('http://standaarden.omgevingswet.overheid.nl/externeveiligheid/id/concept/', {
        'aandachtsgebied externe veiligheid': 'AandachtsgebiedExterneVeiligheid',
        'belemmeringengebied buisleidingen': 'BelemmeringengebiedBuisleidingen',
        'gebied met ontplofbare stoffen en explosieven': 'GebiedMetOntplofbareStoffenEnExplosieven',
        'maatregelengebied': 'Maatregelengebied',
        'plaatsgebonden risico': 'PlaatsgebondenRisico',
        'risicogebied': 'Risicogebied',
        'voorschriftengebied': 'Voorschriftengebied',
    }),
    'Functiegroep': ('http://standaarden.omgevingswet.overheid.nl/functie/id/concept/', {
        'aandachtsgebied': 'Aandachtsgebied',
        'aandachtsgebied externe veiligheid': 'AandachtsgebiedExterneVeiligheid',
        'aandachtsgebied geluid': 'AandachtsgebiedGeluid',
        'aandachtsgebied luchtkwaliteit': 'AandachtsgebiedLuchtkwaliteit',
        'aardkundige waarde': 'AardkundigeWaarde',
        'aardwarmtewinningsgebied': 'Aardwarmtewinningsgebied',
        'agrarisch': 'Agrarisch',
        'archeologie': 'Archeologie',
        'bebouwingscontour': 'Bebouwingscontour',
        'bebouwingscontour geur': 'BebouwingscontourGeur',
        'bebouwingscontour houtkap': 'BebouwingscontourHoutkap',
        'bebouwingscontour jacht': 'BebouwingscontourJacht',
        'bedrijf': 'Bedrijf',
        'bedrijventerrein': 'Bedrijventerrein',
        'belemmeringengebied': 'Belemmeringengebied',
        'bergingsgebied': 'Bergingsgebied',
        'beschermd gezicht': 'BeschermdGezicht',
        'beschermd landschap': 'BeschermdLandschap',
        'beschermd monument': 'BeschermdMonument',
        'beschermde boom': 'BeschermdeBoom',
        'bodembeheergebied': 'Bodembeheergebied',
        'bodemdalingsgebied': 'Bodemdalingsgebied',
        'bodemenergiegebied': 'Bodemenergiegebied',
        'bodemfunctieklasse industrie': 'BodemfunctieklasseIndustrie',
        'bodemfunctieklasse landbouw/natuur': 'BodemfunctieklasseLandbouw_natuur',
        'bodemfunctieklasse wonen': 'BodemfunctieklasseWonen',
        'buitenplaats': 'Buitenplaats',
        'centrumgebied': 'Centrumgebied',
        'concentratiegebied': 'Concentratiegebied',
        'cultuur': 'Cultuur',
        'cultuurhistorisch beschermd landschap': 'CultuurhistorischBeschermdLandschap',
        'cultuurhistorisch waardevol gebied': 'CultuurhistorischWaardevolGebied',
        'dagrecreatie': 'Dagrecreatie',
        'detailhandel': 'Detailhandel',
        'dienstverlening': 'Dienstverlening',
        'duingebied': 'Duingebied',
        'duinwatergebied': 'Duinwatergebied',
        'elektrolyse': 'Elektrolyse',
        'energieproductiegebied': 'Energieproductiegebied',
        'erfgoed': 'Erfgoed',
        'gaswinning': 'Gaswinning',
        'gesloten stortplaats': 'GeslotenStortplaats',
        'glastuinbouw': 'Glastuinbouw',
        'groen': 'Groen',
        'grondwaterbeschermingsgebied': 'Grondwaterbeschermingsgebied',
        'grootschalige elektriciteitsopwekking': 'GrootschaligeElektriciteitsopwekking',
        'herstructureringsgebied': 'Herstructureringsgebied',
        'hoogspanningsverbinding': 'Hoogspanningsverbinding',
        'horeca': 'Horeca',
        'industrie': 'Industrie',
        'industrieterrein': 'Industrieterrein',
        'infrastructuur': 'Infrastructuur',
        'intrekgebied': 'Intrekgebied',
        'kantoor': 'Kantoor',
        'kantoorlocatie': 'Kantoorlocatie',
        'kernenergiegebied': 'Kernenergiegebied',
        'kostenverhaalsgebied': 'Kostenverhaalsgebied',
        'landbouw': 'Landbouw',
        'landelijk gebied': 'LandelijkGebied',
        'ligplaats': 'Ligplaats',
        'luchthaven': 'Luchthaven',
        'luchtvaart': 'Luchtvaart',
        'maatschappelijk': 'Maatschappelijk',
        'mergelwinning': 'Mergelwinning',
        'mijnbouwgebied': 'Mijnbouwgebied',
        'militair terrein': 'MilitairTerrein',
        'militaire laagvliegroute': 'MilitaireLaagvliegroute',
        'moderniseringslocatie': 'Moderniseringslocatie',
        'molen': 'Molen',
        'natuur': 'Natuur',
        'oliewinning': 'Oliewinning',
        'ontgrondingsgebied': 'Ontgrondingsgebied',
        'ontspanning': 'Ontspanning',
        'ontwikkeling landelijke functies': 'OntwikkelingLandelijkeFuncties',
        'ontwikkeling stedelijke functies': 'OntwikkelingStedelijkeFuncties',
        'open landschap': 'OpenLandschap',
        'open stortplaats': 'OpenStortplaats',
        'openbaar gebied': 'OpenbaarGebied',
        'overig': 'Overig',
        'radarverstoringsgebied': 'Radarverstoringsgebied',
        'recreatie': 'Recreatie',
        'recreatief routenetwerk': 'RecreatiefRoutenetwerk',
        'reserveringsgebied': 'Reserveringsgebied',
        'risicogebied externe veiligheid': 'RisicogebiedExterneVeiligheid',
        'schaliegaswinning': 'Schaliegaswinning',
        'spoorweg': 'Spoorweg',
        'sport': 'Sport',
        'spuitzone': 'Spuitzone',
        'stedelijk gebied': 'StedelijkGebied',
        'stedelijk gebied-buiten centrum': 'StedelijkGebiedBuitenCentrum',
        'stedelijk gebied-centrum dorps': 'StedelijkGebiedCentrumDorps',
        'stedelijk gebied-centrum stedelijk': 'StedelijkGebiedCentrumStedelijk',
        'stedelijk gebied-groen stedelijk': 'StedelijkGebiedGroenStedelijk',
        'stedelijk uitloopgebied': 'StedelijkUitloopgebied',
        'stil gebied': 'StilGebied',
        'toepassingsgebied mijnsteen': 'ToepassingsgebiedMijnsteen',
        'transformatiegebied': 'Transformatiegebied',
        'tuinbouw': 'Tuinbouw',
        'veehouderij': 'Veehouderij',
        'verblijfsgebied': 'Verblijfsgebied',
        'verblijfsrecreatie': 'Verblijfsrecreatie',
        'verkeer': 'Verkeer',
        'verstoringsgebied militaire zend- en ontvangstinstallatie': 'VerstoringsgebiedMilitaireZendEnOntvangstinstallatie',
        'voorschriftengebied': 'Voorschriftengebied',
        'waarde': 'Waarde',
        'warmtetransitiegebied': 'Warmtetransitiegebied',
        'water': 'Water',
        'waterberging': 'Waterberging',
        'waterkering': 'Waterkering',
        'waterstaatswerk': 'Waterstaatswerk',
        'waterstofopslag': 'Waterstofopslag',
        'waterwingebied': 'Waterwingebied',
        'werelderfgoed': 'Werelderfgoed',
        'windturbine': 'Windturbine',
        'wonen': 'Wonen',
        'woongebied': 'Woongebied',
        'zandwinning': 'Zandwinning',
        'zonne-energiegebied': 'ZonneEnergiegebied',
        'zoutwinning': 'Zoutwinning',
        'zuiveringtechnisch werk': 'ZuiveringtechnischWerk',
    }),
    'Geluidgroep': ('http://standaarden.omgevingswet.overheid.nl/geluid/id/concept/', {
        'aandachtsgebied geluid': 'AandachtsgebiedGeluid',
        'agglomeratie richtlijn omgevingslawaai': 'AgglomeratieRichtlijnOmgevingslawaai',
        'maatregelengebied': 'Maatregelengebied',
        'stiltegebied': 'Stiltegebied',
    }),
    'Geurgroep': ('http://standaarden.omgevingswet.overheid.nl/geur/id/concept/', {
        'bebouwingscontour': 'Bebouwingscontour',
        'concentratiegebied': 'Concentratiegebied',
        'maatregelengebied': 'Maatregelengebied',
    }),
    'Idealisatie': ('http://standaarden.omgevingswet.overheid.nl/idealisatie/id/concept/', {
        'exact': 'Exact',
        'indicatief': 'Indicatief',
    }),
    'Landschapgroep': ('http://standaarden.omgevingswet.overheid.nl/landschap/id/concept/', {
        'bijzonder provinciaal landschap': 'BijzonderProvinciaalLandschap',
        'maatregelengebied': 'Maatregelengebied',
        'nationaal landschap': 'NationaalLandschap',
        'open landschap': 'OpenLandschap',
        'specifiek benoemd landschap': 'SpecifiekBenoemdLandschap',
    }),
    'Leidinggroep': ('http://standaarden.omgevingswet.overheid.nl/leiding/id/concept/', {
        'buisleiding': 'Buisleiding',
        'maatregelengebied': 'Maatregelengebied',
        'reserveringsgebied': 'Reserveringsgebied',
        'tracé hoogspanning': 'TraceHoogspanning',
    }),
    'Luchtgroep': ('http://standaarden.omgevingswet.overheid.nl/lucht/id/concept/', {
        'aandachtsgebied luchtkwaliteit': 'AandachtsgebiedLuchtkwaliteit',
        'locatie uitgezonderd van nibm': 'LocatieUitgezonderdVanNibm',
        'maatregelengebied': 'Maatregelengebied',
        'varend ontgassen': 'VarendOntgassen',
    }),
    'Mijnbouwgroep': ('http://standaarden.omgevingswet.overheid.nl/mijnbouw/id/concept/', {
        'aardwarmtewinning': 'Aardwarmtewinning',
        'algemeen': 'Algemeen',
        'gaswinning': 'Gaswinning',
        'maatregelengebied': 'Maatregelengebied',
        'mergelwinning': 'Mergelwinning',
        'oliewinning': 'Oliewinning',
        'schaliegaswinning': 'Schaliegaswinning',
        'zoutwinning': 'Zoutwinning',
    }),
    'Natuurgroep': ('http://standaarden.omgevingswet.overheid.nl/natuur/id/concept/', {
        'bebouwingscontour houtkap': 'BebouwingscontourHoutkap',
        'bebouwingscontour jacht': 'BebouwingscontourJacht',
        'bijzonder nationaal natuurgebied': 'BijzonderNationaalNatuurgebied',
        'bijzonder provinciaal natuurgebied': 'BijzonderProvinciaalNatuurgebied',
        'habitatrichtlijngebied': 'Habitatrichtlijngebied',
        'houtopstand': 'Houtopstand',
        'maatregelengebied': 'Maatregelengebied',
        'nationaal park': 'NationaalPark',
        'natura 2000-gebied': 'Natura2000Gebied',
        'natuurbeheergebied': 'Natuurbeheergebied',
        'natuurnetwerk nederland': 'NatuurnetwerkNederland',
        'toegangsbeperkingsgebied': 'Toegangsbeperkingsgebied',
        'vogelrichtlijngebied': 'Vogelrichtlijngebied',
        'zorggebied wildbeheereenheid': 'ZorggebiedWildbeheereenheid',
    }),
    'Omgevingsnormgroep': ('http://standaarden.omgevingswet.overheid.nl/omgevingsnorm/id/concept/', {
        'bedrijvigheid': 'Bedrijvigheid',
        'bodem': 'Bodem',
        'bouwaanduiding': 'Bouwaanduiding',
        'externe veiligheid': 'ExterneVeiligheid',
        'geluid': 'Geluid',
        'geur': 'Geur',
        'groen': 'Groen',
        'licht': 'Licht',
        'luchtkwaliteit': 'Luchtkwaliteit',
        'maatvoering bouwen': 'MaatvoeringBouwen',
        'maatvoering gebruik': 'MaatvoeringGebruik',
        'maatvoering infrastructuur': 'MaatvoeringInfrastructuur',
        'maatvoering kabel of leiding': 'MaatvoeringKabelOfLeiding',
        'natuur': 'Natuur',
        'overig': 'Overig',
        'parkeren': 'Parkeren',
        'trilling': 'Trilling',
        'veiligheid waterkering': 'VeiligheidWaterkering',
        'water': 'Water',
        'waterkwaliteit': 'Waterkwaliteit',
        'wateroverlast': 'Wateroverlast',
        'zwemwaterkwaliteit': 'Zwemwaterkwaliteit',
    }),
    'Omgevingswaardegroep': ('http://standaarden.omgevingswet.overheid.nl/omgevingswaarde/id/concept/', {
        'energie': 'Energie',
        'geluid': 'Geluid',
        'luchtkwaliteit': 'Luchtkwaliteit',
        'overig': 'Overig',
        'stikstofdepositie': 'Stikstofdepositie',
        'veiligheid waterkering': 'VeiligheidWaterkering',
        'waterkwaliteit': 'Waterkwaliteit',
        'wateroverlast': 'Wateroverlast',
        'zwemwaterkwaliteit': 'Zwemwaterkwaliteit',
    }),
    'Recreatiegroep': ('http://standaarden.omgevingswet.overheid.nl/recreatie/id/concept/', {
        'dagrecreatie': 'Dagrecreatie',
        'kleinschalige voorzieningen': 'KleinschaligeVoorzieningen',
        'maatregelengebied': 'Maatregelengebied',
        'verblijfsrecreatie': 'Verblijfsrecreatie',
    }),
    'RuimtelijkGebruikgroep': ('http://standaarden.omgevingswet.overheid.nl/ruimtelijkgebruik/id/concept/', {
        'afvalstoffen': 'Afvalstoffen',
        'bebouwingscontour': 'Bebouwingscontour',
        'bedrijventerrein': 'Bedrijventerrein',
        'detailhandel': 'Detailhandel',
        'glastuinbouw': 'Glastuinbouw',
        'industrieterrein': 'Industrieterrein',
        'infrastructuur': 'Infrastructuur',
        'kantoorlocatie': 'Kantoorlocatie',
        'landbouw': 'Landbouw',
        'landelijk gebied': 'LandelijkGebied',
        'landelijk gebied-agrarisch': 'LandelijkGebiedAgrarisch',
        'landelijk gebied-hoofdfunctie landschap': 'LandelijkGebiedHoofdfunctieLandschap',
        'landelijk gebied-hoofdfunctie natuur': 'LandelijkGebiedHoofdfunctieNatuur',
        'landelijk gebied-stedelijk uitloopgebied': 'LandelijkGebiedStedelijkUitloopgebied',
        'landelijk gebied-verweving van functies': 'LandelijkGebiedVerwevingVanFuncties',
        'maatregelengebied': 'Maatregelengebied',
        'ontwikkeling landelijke functies': 'OntwikkelingLandelijkeFuncties',
        'ontwikkeling stedelijke functies': 'OntwikkelingStedelijkeFuncties',
        'overig': 'Overig',
        'specifiek teeltgebied': 'SpecifiekTeeltgebied',
        'stedelijk gebied': 'StedelijkGebied',
        'stedelijk gebied-buiten centrum': 'StedelijkGebiedBuitenCentrum',
        'stedelijk gebied-centrum dorps': 'StedelijkGebiedCentrumDorps',
        'stedelijk gebied-centrum stedelijk': 'StedelijkGebiedCentrumStedelijk',
        'stedelijk gebied-groen stedelijk': 'StedelijkGebiedGroenStedelijk',
        'veehouderij': 'Veehouderij',
        'water': 'Water',
        'woonlocatie': 'Woonlocatie',
    }),
    'TypeGebiedsaanwijzing': ('http://standaarden.omgevingswet.overheid.nl/typegebiedsaanwijzing/id/concept/', {
        'beperkingengebied': 'Beperkingengebied',
        'bodem': 'Bodem',
        'bouw': 'Bouw',
        'defensie': 'Defensie',
        'energievoorziening': 'Energievoorziening',
        'erfgoed': 'Erfgoed',
        'externe veiligheid': 'ExterneVeiligheid',
        'functie': 'Functie',
        'geluid': 'Geluid',
        'geur': 'Geur',
        'landschap': 'Landschap',
        'leiding': 'Leiding',
        'lucht': 'Lucht',
        'mijnbouw': 'Mijnbouw',
        'natuur': 'Natuur',
        'recreatie': 'Recreatie',
        'ruimtelijk gebruik': 'RuimtelijkGebruik',
        'verkeer': 'Verkeer',
        'water en watersysteem': 'WaterEnWatersysteem',
    }),
    'TypeNorm': ('http://standaarden.omgevingswet.overheid.nl/typenorm/id/concept/', {
        'aandeel sociale huur': 'AandeelSocialeHuur',
        'aaneengebouwd': 'Aaneengebouwd',
        'aantal': 'Aantal',
        'aantal aaneen te bouwen woningen': 'AantalAaneenTeBouwenWoningen',
        'aantal aaneen te bouwen wooneenheden': 'AantalAaneenTeBouwenWooneenheden',
        'aantal bedrijfswoningen': 'AantalBedrijfswoningen',
        'aantal bedrijven': 'AantalBedrijven',
        'aantal bezoekers': 'AantalBezoekers',
        'aantal bouwlagen': 'AantalBouwlagen',
        'aantal gebouwen': 'AantalGebouwen',
        'aantal gebouwen met functionele binding': 'AantalGebouwenMetFunctioneleBinding',
        'aantal parkeerplaatsen': 'AantalParkeerplaatsen',
        'aantal rijstroken': 'AantalRijstroken',
        'aantal sporen': 'AantalSporen',
        'aantal staanplaatsen': 'AantalStaanplaatsen',
        'aantal standplaatsen': 'AantalStandplaatsen',
        'aantal winkels': 'AantalWinkels',
        'aantal woningen': 'AantalWoningen',
        'aantal wooneenheden': 'AantalWooneenheden',
        'afstand': 'Afstand',
        'antennemast': 'Antennemast',
        'bebouwde oppervlakte': 'BebouwdeOppervlakte',
        'bebouwingspercentage': 'Bebouwingspercentage',
        'bijgebouwen': 'Bijgebouwen',
        'bouwhoogte': 'Bouwhoogte',
        'bouwlaag': 'Bouwlaag',
        'breedte': 'Breedte',
        'concentratie': 'Concentratie',
        'dakhelling': 'Dakhelling',
        'depositie': 'Depositie',
        'diepte': 'Diepte',
        'elektrische spanning': 'ElektrischeSpanning',
        'geluidbelasting': 'Geluidbelasting',
        'geluidemissie': 'Geluidemissie',
        'gestapeld': 'Gestapeld',
        'geurbelasting': 'Geurbelasting',
        'gezamenlijk geluid': 'GezamenlijkGeluid',
        'goothoogte': 'Goothoogte',
        'hoeveelheid': 'Hoeveelheid',
        'hoogte': 'Hoogte',
        'kans per jaar': 'KansPerJaar',
        'kap': 'Kap',
        'karakteristiek': 'Karakteristiek',
        'lengte': 'Lengte',
        'maatvoering': 'Maatvoering',
        'maximum aantal aaneen te bouwen woningen': 'MaximumAantalAaneenTeBouwenWoningen',
        'maximum aantal aaneen te bouwen wooneenheden': 'MaximumAantalAaneenTeBouwenWooneenheden',
        'maximum aantal bedrijfswoningen': 'MaximumAantalBedrijfswoningen',
        'maximum aantal bedrijven': 'MaximumAantalBedrijven',
        'maximum aantal bezoekers': 'MaximumAantalBezoekers',
        'maximum aantal bouwlagen': 'MaximumAantalBouwlagen',
        'maximum aantal gebouwen': 'MaximumAantalGebouwen',
        'maximum aantal gebouwen met functionele binding': 'MaximumAantalGebouwenMetFunctioneleBinding',
        'maximum aantal parkeerplaatsen': 'MaximumAantalParkeerplaatsen',
        'maximum aantal rijstroken': 'MaximumAantalRijstroken',
        'maximum aantal sporen': 'MaximumAantalSporen',
        'maximum aantal winkels': 'MaximumAantalWinkels',
        'maximum aantal woningen': 'MaximumAantalWoningen',
        'maximum aantal wooneenheden': 'MaximumAantalWooneenheden',
        'maximum bebouwde oppervlakte': 'MaximumBebouwdeOppervlakte',
        'maximum bebouwingspercentage': 'MaximumBebouwingspercentage',
        'maximum bouwhoogte': 'MaximumBouwhoogte',
        'maximum breedte': 'MaximumBreedte',
        'maximum dakhelling': 'MaximumDakhelling',
        'maximum diepte': 'MaximumDiepte',
        'maximum goothoogte': 'MaximumGoothoogte',
        'maximum hoogte': 'MaximumHoogte',
        'maximum lengte': 'MaximumLengte',
        'maximum oppervlakte': 'MaximumOppervlakte',
        'maximum verticale bouwdiepte': 'MaximumVerticaleBouwdiepte',
        'maximum vloeroppervlakte': 'MaximumVloeroppervlakte',
        'maximum vloeroppervlakte bruto': 'MaximumVloeroppervlakteBruto',
        'maximum vloeroppervlakte netto': 'MaximumVloeroppervlakteNetto',
        'maximum volume': 'MaximumVolume',
        'minimum aantal aaneen te bouwen woningen': 'MinimumAantalAaneenTeBouwenWoningen',
        'minimum aantal aaneen te bouwen wooneenheden': 'MinimumAantalAaneenTeBouwenWooneenheden',
        'minimum aantal bedrijfswoningen': 'MinimumAantalBedrijfswoningen',
        'minimum aantal bedrijven': 'MinimumAantalBedrijven',
        'minimum aantal bezoekers': 'MinimumAantalBezoekers',
        'minimum aantal bouwlagen': 'MinimumAantalBouwlagen',
        'minimum aantal gebouwen': 'MinimumAantalGebouwen',
        'minimum aantal gebouwen met functionele binding': 'MinimumAantalGebouwenMetFunctioneleBinding',
        'minimum aantal parkeerplaatsen': 'MinimumAantalParkeerplaatsen',
        'minimum aantal rijstroken': 'MinimumAantalRijstroken',
        'minimum aantal sporen': 'MinimumAantalSporen',
        'minimum aantal winkels': 'MinimumAantalWinkels',
        'minimum aantal woningen': 'MinimumAantalWoningen',
        'minimum aantal wooneenheden': 'MinimumAantalWooneenheden',
        'minimum bebouwde oppervlakte': 'MinimumBebouwdeOppervlakte',
        'minimum bebouwingspercentage': 'MinimumBebouwingspercentage',
        'minimum bouwhoogte': 'MinimumBouwhoogte',
        'minimum breedte': 'MinimumBreedte',
        'minimum dakhelling': 'MinimumDakhelling',
        'minimum diepte': 'MinimumDiepte',
        'minimum goothoogte': 'MinimumGoothoogte',
        'minimum hoogte': 'MinimumHoogte',
        'minimum lengte': 'MinimumLengte',
        'minimum oppervlakte': 'MinimumOppervlakte',
        'minimum verticale bouwdiepte': 'MinimumVerticaleBouwdiepte',
        'minimum vloeroppervlakte': 'MinimumVloeroppervlakte',
        'minimum vloeroppervlakte bruto': 'MinimumVloeroppervlakteBruto',
        'minimum vloeroppervlakte netto': 'MinimumVloeroppervlakteNetto',
        'minimum volume': 'MinimumVolume',
        'nog toe te voegen': 'NogToeTeVoegen',
        'nokrichting': 'Nokrichting',
        'onderdoorgang': 'Onderdoorgang',
        'oppervlakte': 'Oppervlakte',
        'periode': 'Periode',
        'plat dak': 'PlatDak',
        'tijdsduur': 'Tijdsduur',
        'twee-aaneen': 'TweeAaneen',
        'verticale bouwdiepte': 'VerticaleBouwdiepte',
        'vloeroppervlakte': 'Vloeroppervlakte',
        'vloeroppervlakte bruto': 'VloeroppervlakteBruto',
        'vloeroppervlakte netto': 'VloeroppervlakteNetto',
        'volume': 'Volume',
        'vrijstaand': 'Vrijstaand',
        'welstandsniveau': 'Welstandsniveau',
        'woningtype': 'Woningtype',
    }),
    'Verkeergroep': ('http://standaarden.omgevingswet.overheid.nl/verkeer/id/concept/', {
        'fietsroute': 'Fietsroute',
        'luchtvaart': 'Luchtvaart',
        'maatregelengebied': 'Maatregelengebied',
        'recreatieve routenetwerken': 'RecreatieveRoutenetwerken',
        'reserveringsgebied': 'Reserveringsgebied',
        'spoorweg': 'Spoorweg',
        'vaarweg': 'Vaarweg',
        'wandelroute': 'Wandelroute',
        'weg': 'Weg',
    }),
    'WaterEnWatersysteemgroep': ('http://standaarden.omgevingswet.overheid.nl/waterenwatersysteem/id/concept/', {
        'bergingsgebied': 'Bergingsgebied',
        'beschermde gebieden': 'BeschermdeGebieden',
        'boringsvrije zone': 'BoringsvrijeZone',
        'compartimentskering': 'Compartimentskering',
        'contour beregeningsbeleid': 'ContourBeregeningsbeleid',
        'duingebied': 'Duingebied',
        'duinwatergebied': 'Duinwatergebied',
        'gebiedsnorm wateroverlast': 'GebiedsnormWateroverlast',
        'grondwaterbeschermingsgebied': 'Grondwaterbeschermingsgebied',
        'grondwaterdeelgebied': 'Grondwaterdeelgebied',
        'intrekgebied': 'Intrekgebied',
        'kade': 'Kade',
        'kustfundament': 'Kustfundament',
        'maatregelengebied': 'Maatregelengebied',
        'natuurbeek': 'Natuurbeek',
        'onderhoudspad': 'Onderhoudspad',
        'oppervaktewaterbeschermingsgebied': 'Oppervaktewaterbeschermingsgebied',
        'oppervlaktewaterbeheergebied': 'Oppervlaktewaterbeheergebied',
        'oppervlaktewaterlichaam': 'Oppervlaktewaterlichaam',
        'oppervlaktewaterlichaam primair': 'OppervlaktewaterlichaamPrimair',
        'oppervlaktewaterlichaam profiel van vrije ruimte': 'OppervlaktewaterlichaamProfielVanVrijeRuimte',
        'oppervlaktewaterlichaam secundair': 'OppervlaktewaterlichaamSecundair',
        'oppervlaktewaterlichaam tertiair': 'OppervlaktewaterlichaamTertiair',
        'overige gebieden': 'OverigeGebieden',
        'peilgebied': 'Peilgebied',
        'projectgebied': 'Projectgebied',
        'reserveringsgebied': 'Reserveringsgebied',
        'specifiek benoemd gebied': 'SpecifiekBenoemdGebied',
        'vaarweg': 'Vaarweg',
        'waterberging': 'Waterberging',
        'waterkering': 'Waterkering',
        'waterkering overig': 'WaterkeringOverig',
        'waterkering primair': 'WaterkeringPrimair',
        'waterkering profiel van vrije ruimte': 'WaterkeringProfielVanVrijeRuimte',
        'waterkering regionaal': 'WaterkeringRegionaal',
        'waterstaatswerk': 'Waterstaatswerk',
        'watersysteem': 'Watersysteem',
        'waterwingebied': 'Waterwingebied',
        'zuiveringtechnisch werk': 'ZuiveringtechnischWerk',
        'zwemlocatie': 'Zwemlocatie',
    }),
}


def uri(lijst: str, label: str) -> str:
    """The URI of ``label`` in the value list ``lijst`` (e.g. ``uri("Eenheid", "meter")``)."""
    prefix, waarden = _LIJSTEN[lijst]
    try:
        return prefix + waarden[label]
    except KeyError:
        raise KeyError(f"{label!r} staat niet in de IMOW-waardelijst {lijst} (v{VERSIE})") from None


def labels(lijst: str) -> list[str]:
    """Every (non-deprecated) label of a value list."""
    return list(_LIJSTEN[lijst][1])


_URI_INDEX: dict[str, tuple[str, str]] | None = None  # URI → (lijst, label), the first in list order


def zoek_uri(waarde: str) -> tuple[str, str] | None:
    """``(lijst, label)`` for a value-list URI, or None when it is in none of the embedded lists."""
    global _URI_INDEX
    index = _URI_INDEX
    if index is None:  # built whole before it is shared, so another thread never sees half of it
        index = {}
        for lijst, (prefix, waarden) in _LIJSTEN.items():
            for label, term in waarden.items():
                index.setdefault(prefix + term, (lijst, label))
        _URI_INDEX = index
    return index.get(waarde.strip())


def alle_uris() -> dict[str, set[str]]:
    """Every embedded URI, per list (for the test against the official file)."""
    return {lijst: {prefix + t for t in waarden.values()} for lijst, (prefix, waarden) in _LIJSTEN.items()}


# --- the rule language ↔ the value lists -------------------------------------------------------------

KWALIFICATIE_LABEL: dict[str, str] = {
    "toegestaan": "toegestaan",
    "meldingsplichtig": "meldingsplicht",
    "informatieplichtig": "informatieplicht",
    "vergunningplichtig": "vergunningplicht",
    "verboden": "verbod",
    "gebod": "gebod",
    "zorgplicht": "zorgplicht",
    "anders geduid": "anders geduid",
    "maatwerk": "maatwerkvoorschriftbevoegdheid",
}
KWALIFICATIE_VAN_LABEL = {v: k for k, v in KWALIFICATIE_LABEL.items()}

# soort gebiedsaanwijzing (rule language) → label in TypeGebiedsaanwijzing: the language uses the list's labels
GEBIEDSAANWIJZING_LABEL: dict[str, str | None] = {s: s for s in SOORTEN_GEBIEDSAANWIJZING}
GEBIEDSAANWIJZING_VAN_LABEL = {v: k for k, v in GEBIEDSAANWIJZING_LABEL.items() if v}

# TypeGebiedsaanwijzing label → the value list of its 'groep'
GROEPLIJST: dict[str, str] = {
    "functie": "Functiegroep", "beperkingengebied": "Beperkingengebiedgroep", "bodem": "Bodemgroep",
    "bouw": "Bouwgroep", "defensie": "Defensiegroep", "energievoorziening": "Energievoorzieninggroep",
    "erfgoed": "Erfgoedgroep", "externe veiligheid": "ExterneVeiligheidgroep", "geluid": "Geluidgroep",
    "geur": "Geurgroep", "landschap": "Landschapgroep", "leiding": "Leidinggroep", "lucht": "Luchtgroep",
    "mijnbouw": "Mijnbouwgroep", "natuur": "Natuurgroep", "recreatie": "Recreatiegroep",
    "ruimtelijk gebruik": "RuimtelijkGebruikgroep", "verkeer": "Verkeergroep",
    "water en watersysteem": "WaterEnWatersysteemgroep",
}

# unit of the rule language → label in Eenheid (None: a count → 'aantal')
EENHEID_LABEL: dict[str | None, str] = {
    None: "aantal", "m": "meter", "cm": "centimeter", "mm": "millimeter", "km": "kilometer",
    "m2": "vierkante meter", "km2": "vierkante kilometer", "m3": "kubieke meter", "%": "procent",
    "graden": "graad (hoek)", "dB": "decibel", "jaar": "jaren", "maanden": "maanden",
}
# Eenheid label → unit of the rule language (counts: None); units without a counterpart are absent
EENHEID_VAN_LABEL: dict[str, str | None] = {
    "meter": "m", "centimeter": "cm", "millimeter": "mm", "kilometer": "km", "vierkante meter": "m2",
    "vierkante kilometer": "km2", "kubieke meter": "m3", "procent": "%", "graad (hoek)": "graden",
    "decibel": "dB", "decibel met a-weging": "dB", "jaren": "jaar", "maanden": "maanden",
    "aantal": None, "bouwlaag": None,
}


def eenheid_uri(eenheid: str | None) -> tuple[str, str | None]:
    """The Eenheid URI for a unit of the rule language, and the unit the values must be written in.

    ``ha`` has no IMOW counterpart: its values are written in m2 (the second element says so).
    """
    if eenheid in EENHEID_LABEL:
        return uri("Eenheid", EENHEID_LABEL[eenheid]), eenheid
    e = zoek_eenheid(eenheid or "")
    if e is not None and e.canoniek in EENHEID_LABEL:
        return uri("Eenheid", EENHEID_LABEL[e.canoniek]), e.canoniek
    raise KeyError(f"de eenheid {eenheid!r} heeft geen waarde in de IMOW-waardelijst Eenheid")


_STOPWOORDEN = frozenset("maximum minimum maximale minimale aantal van een de het tot en met in op voor".split())


def _woorden(tekst: str) -> list[str]:
    return re.findall(r"[a-zà-ÿ0-9]+", tekst.lower())


def _past(labelwoord: str, naamwoorden: list[str]) -> bool:
    stam = labelwoord[:6] if len(labelwoord) > 6 else labelwoord
    return any(n.startswith(stam) or labelwoord.startswith(n) and len(n) >= 5 for n in naamwoorden)


def kies_label(lijst: str, naam: str, standaard: str) -> str:
    """The label of ``lijst`` that matches a free name, else ``standaard``.

    An exact label wins; otherwise a label qualifies when every significant word of it (not
    'maximum', 'aantal', 'van', …) occurs in the name (a word of the name starting with the first
    six letters counts), and the best is the one with the most such words, then the most words in
    common (ties: list order). Used for values the rule language does not hold: the 'groep' of an
    Activiteit, Gebiedsaanwijzing or Omgevingsnorm, and the 'type' of an Omgevingsnorm.
    """
    kandidaten = labels(lijst)
    laag = " ".join(naam.lower().split())
    if laag in kandidaten:
        return laag
    naamwoorden = _woorden(naam)
    best, score = standaard, (0, 0)
    for label in kandidaten:
        lw = _woorden(label)
        belangrijk = [w for w in lw if w not in _STOPWOORDEN]
        if not belangrijk or not all(_past(w, naamwoorden) for w in belangrijk):
            continue
        s = (len(belangrijk), sum(1 for w in lw if w in naamwoorden))
        if s > score:
            best, score = label, s
    return best


_ACTIVITEITGROEP = (
    (("kappen", "vellen"), "kapactiviteit"),
    (("slopen",), "sloopactiviteit"),
    (("bouwen", "plaatsen", "bouwactiviteit", "oprichten"), "bouwactiviteit ruimtelijk"),
    (("aanleggen", "aanlegactiviteit", "dempen", "verharden", "graven", "ophogen"),
     "verrichten-van-werken-en-werkzaamhedenactiviteit"),
    (("organiseren",), "evenementactiviteit"),
    (("gebruiken", "splitsen", "transformeren", "wonen", "bewonen"), "planologische gebruiksactiviteit"),
)


def activiteitgroep(naam: str) -> str:
    """The Activiteitengroep label for an activity name (the rule language does not hold one)."""
    woorden = _woorden(naam)
    gekozen = kies_label("Activiteitengroep", naam, "")
    if gekozen:
        return gekozen
    for sleutels, label in _ACTIVITEITGROEP:
        if any(w in sleutels for w in woorden[:1]) or any(w in sleutels for w in woorden):
            return label
    return "overig"


TYPENORM_VOORVOEGSELS = ("maximum ", "minimum ")

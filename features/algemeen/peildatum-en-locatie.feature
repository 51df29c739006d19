# language: nl
Functionaliteit: Peildatum, locatie en meer activiteiten tegelijk
  Het plan geldt van 1 januari 2024 (versie 2024-1) en vanaf 1 juli 2026 (versie 2026-1), in de
  gemeente Zoetermeer. Een locatie kan een gebied van het plan zijn (dan toetst de stap op een punt
  binnen dat gebied) of een punt in RD- of WGS84-coördinaten.

  Achtergrond:
    Gegeven de activiteit "bouwen van een dakopbouw"
    En de feiten:
      | bouwhoogte                | 9 m   |
      | terugligging              | 1,5 m |
      | toename verhard oppervlak | 0 m2  |

  Abstract Scenario: Op <peildatum> <wat>
    Gegeven de peildatum is <peildatum>
    En de locatie ligt in "woongebied"
    Als ik het initiatief toets
    Dan geeft de toets de fout "<fout>"

    Voorbeelden:
      | peildatum       | wat                       | fout                                     |
      | 2023-12-31      | gold het plan nog niet    | vóór de eerste versie                    |
      | 31 maart 2020   | gold het plan nog niet    | op die datum gold dit plan nog niet      |

  Abstract Scenario: Op <peildatum> geldt versie <versie> en past de dakopbouw
    Gegeven de peildatum is <peildatum>
    En de locatie ligt in "woongebied"
    Als ik het initiatief toets
    Dan is het oordeel "past"

    Voorbeelden:
      | peildatum       | versie |
      | 1 januari 2024  | 2024-1 |
      | 2026-06-30      | 2024-1 |
      | 1 juli 2026     | 2026-1 |

  Scenario: Een punt buiten Zoetermeer kan niet worden getoetst
    Gegeven de peildatum is 2026-09-01
    En de locatie is RD 80000 450000
    Als ik het initiatief toets
    Dan geeft de toets de fout "buiten het regelingsgebied"

  Scenario: Een punt in WGS84 in het Stadshart
    Gegeven de peildatum is 2026-09-01
    En de locatie is WGS84 4,4935 52,0584
    En de activiteit "gebruiken voor horeca"
    Als ik het initiatief toets
    Dan voldoet het initiatief aan artikel 4.5 lid 2 voor "gebruiken voor horeca"

  Scenario: Een wijk als locatie ligt ook in het woongebied
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "Meerzicht"
    Als ik het initiatief toets
    Dan geldt artikel 5.3 lid 1
    En is artikel 2.6 lid 1 "opzijgezet"

  Scenario: Een plek in twee gebieden tegelijk
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "wijken van de toekomst" en in "woongebied"
    Als ik het initiatief toets
    Dan is de conclusie "Meldingsplicht"

  Scenario: Twee activiteiten tegelijk: per activiteit een conclusie, samen één oordeel
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "woongebied" buiten "wijken van de toekomst"
    En de activiteiten "gebruiken als woning" en "gebruiken voor horeca"
    Als ik het initiatief toets
    Dan is de conclusie voor "bouwen van een dakopbouw" "Vergunningplicht"
    En is de conclusie voor "gebruiken als woning" "Toestemmingsvrij"
    En is de conclusie voor "gebruiken voor horeca" "Verbod"
    En is het oordeel voor "bouwen van een dakopbouw" "past"
    En is het oordeel voor "gebruiken voor horeca" "past niet"
    En is het oordeel "past niet"
    En voldoet het initiatief niet aan artikel 4.3 lid 4 voor "gebruiken voor horeca"

  Scenario: Een initiatief als tabel
    Gegeven het initiatief:
      | omschrijving | Dakopbouw op een rijwoning in Rokkeveen |
      | peildatum    | 2026-09-01                              |
      | locatie      | RD 93038 450204                         |
      | activiteit   | bouwen van een dakopbouw                |
      | bouwhoogte   | 9,5 m                                   |
      | terugligging | 1,2 m                                   |
    Als ik het initiatief toets
    Dan is het oordeel "past"
    En voldoet het initiatief aan artikel 2.6, eerste lid

  Scenario: Een initiatief deels buiten de gemeente vraagt een beoordeling
    Gegeven het initiatief uit "voorbeelden/deels-buiten-gemeente.json"
    Als ik het initiatief toets
    Dan waarschuwt de toets "deels buiten"
    En is het oordeel "ter beoordeling"

# language: nl
Functionaliteit: Een nieuwe regel uitproberen in een scenario (conceptregels)
  Met 'Gegeven de conceptregel:' komt een regel in de regeltaal (docs/taal.md) voor dit ene scenario
  bij het plan, alsof hij in een extra bestand stond. Zo kan een jurist een nieuwe regel toetsen
  voordat hij in rules/ komt. Een conceptregel die met 'regel' begint, krijgt het artikelnummer
  99.1 (de tweede 99.2, enzovoort).

  Achtergrond:
    Gegeven de peildatum is 2026-09-01

  Scenario: Een conceptverbod op erfafscheidingen in het Westerpark
    Gegeven de locatie ligt in "Westerpark"
    En de activiteit "bouwen van een erfafscheiding"
    En de toename verhard oppervlak is 0 m2
    En de conceptregel:
      """
      regel "bouwen van een erfafscheiding" in "Westerpark" is verboden
      """
    Als ik het initiatief toets
    Dan is de conclusie "Verbod"
    En voldoet het initiatief niet aan artikel 99.1

  Scenario: Zonder de conceptregel is een erfafscheiding in het Westerpark vrij
    Gegeven de locatie ligt in "Westerpark"
    En de activiteit "bouwen van een erfafscheiding"
    En de toename verhard oppervlak is 0 m2
    Als ik het initiatief toets
    Dan is de conclusie "Toestemmingsvrij"
    En geldt artikel 99.1 niet

  Abstract Scenario: Een nieuw artikel met een eigen activiteit, begrip en norm: <panelen> zonnepanelen
    Gegeven de locatie ligt in "Seghwaert"
    En de conceptregel:
      """
      activiteit "plaatsen van zonnepanelen" valt onder "bouwactiviteit (omgevingsplan)"

      hoofdstuk 10 "Concept: zonne-energie"
        artikel 10.1 "Zonnepanelen op daken"
          lid 1 "aantal zonnepanelen: het aantal panelen dat het initiatief op het dak plaatst."
            begrip "aantal zonnepanelen" aantal
          lid 2 "Het is toegestaan zonnepanelen te plaatsen tot het maximum aantal zonnepanelen."
            regel "plaatsen van zonnepanelen" in "woongebied" is toegestaan
              eis aantal zonnepanelen <= maximum aantal zonnepanelen
            norm "maximum aantal zonnepanelen" aantal
              waarde 30 in "woongebied"
      """
    En de activiteit "plaatsen van zonnepanelen"
    En het aantal zonnepanelen is <panelen>
    En de toename verhard oppervlak is 0 m2
    Als ik het initiatief toets
    Dan is artikel 10.1 lid 2 "<uitkomst>"
    En is het oordeel "<oordeel>"

    Voorbeelden:
      | panelen | uitkomst     | oordeel   |
      | 30      | voldoet      | past      |
      | 31      | voldoet niet | past niet |

  Scenario: Een conceptregel die net als artikel 5.3 van artikel 2.6 afwijkt, botst bij het laden
    Gegeven de locatie ligt in "Meerzicht"
    En de activiteit "bouwen van een dakopbouw"
    En de conceptregel:
      """
      artikel 2.13 "Dakterrassen"
        regel "bouwen van een dakopbouw" in "woongebied" is toegestaan
          als bouwhoogte <= 8 m
          eis terugligging >= 2 m
          in afwijking van artikel 2.6
      """
    Als ik het initiatief toets
    Dan geeft de toets de fout "wijken allebei af van artikel 2.6"

  Scenario: Een fout in een conceptregel noemt de plek in de conceptregel
    Gegeven de locatie ligt in "woongebied"
    En de activiteit "bouwen van een dakopbouw"
    En de conceptregel:
      """
      regel "bouwen van een dakopbouw" in "woongebied" is toegestaan
        eis bouwhoogte <= 12 x
      """
    Als ik het initiatief toets
    Dan geeft de toets de fout "verwacht het einde van de regel, gevonden 'x'"

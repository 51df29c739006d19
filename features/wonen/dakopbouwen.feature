# language: nl
Functionaliteit: Dakopbouwen buiten de wijken van de toekomst (artikel 2.6)
  Het is verboden zonder omgevingsvergunning een dakopbouw te bouwen. De vergunning wordt alleen
  verleend als de bouwhoogte na het bouwen niet meer bedraagt dan de maximum bouwhoogte (woongebied
  10 m) en de dakopbouw ten minste 1 meter terugligt ten opzichte van de voorgevel.
  In de wijken van de toekomst geldt artikel 5.3 (zie features/wijken-van-de-toekomst).

  Achtergrond:
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "woongebied" buiten "wijken van de toekomst"
    En de activiteit "bouwen van een dakopbouw"
    En de toename verhard oppervlak is 0 m2

  Abstract Scenario: Dakopbouw tot <bouwhoogte> hoog, <terugligging> teruggelegd
    Gegeven de bouwhoogte is <bouwhoogte>
    En de terugligging is <terugligging>
    Als ik het initiatief toets
    Dan is de conclusie "Vergunningplicht"
    En voldoet het initiatief <uitkomst> artikel 2.6 lid 1
    En is het oordeel "<oordeel>"

    Voorbeelden: de grens van de bouwhoogte
      | bouwhoogte | terugligging | uitkomst | oordeel   |
      | 9,99 m     | 1,5 m        | aan      | past      |
      | 10 m       | 1,5 m        | aan      | past      |
      | 10,01 m    | 1,5 m        | niet aan | past niet |

    Voorbeelden: de grens van de terugligging
      | bouwhoogte | terugligging | uitkomst | oordeel   |
      | 9 m        | 1,01 m       | aan      | past      |
      | 9 m        | 1 m          | aan      | past      |
      | 9 m        | 0,99 m       | niet aan | past niet |
      | 9 m        | 99 cm        | niet aan | past niet |

  Scenario: Het voorbeeld uit Rokkeveen (RD-coördinaten) past
    Gegeven de locatie is RD 93038 450204
    En de bouwhoogte is 9,5 m
    En de terugligging is 1,5 m
    Als ik het initiatief toets
    Dan is het oordeel "past"
    En geldt artikel 5.3 niet

# language: nl
Functionaliteit: Splitsen van woningen (artikel 2.8)
  Het is verboden zonder omgevingsvergunning een woning te splitsen. De vergunning wordt alleen
  verleend als elke nieuwe woning een gebruiksoppervlakte van ten minste 50 m2 heeft en er
  parkeerplaatsen worden aangelegd volgens de parkeernorm woningen (woonwijken 140 %, Stadshart en
  Entreegebied 70 % van het aantal woningen). In de wijken van de toekomst geldt artikel 5.8.

  Achtergrond:
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "woongebied" buiten "wijken van de toekomst"
    En de activiteit "splitsen van een woning"
    En de gebruiksoppervlakte kleinste woning is 55 m2

  Abstract Scenario: <woningen> woningen met <parkeerplaatsen> parkeerplaatsen in een woonwijk (norm 140 %)
    Gegeven het aantal woningen is <woningen>
    En het aantal parkeerplaatsen is <parkeerplaatsen>
    Als ik het initiatief toets
    Dan is de conclusie "Vergunningplicht"
    En is artikel 2.8 lid 1 "<uitkomst>"

    Voorbeelden:
      | woningen | parkeerplaatsen | uitkomst     |
      | 2        | 3               | voldoet      |
      | 2        | 2               | voldoet niet |
      | 5        | 7               | voldoet      |
      | 5        | 6               | voldoet niet |

  Abstract Scenario: Kleinste woning van <oppervlakte>
    Gegeven het aantal woningen is 2
    En het aantal parkeerplaatsen is 3
    En de gebruiksoppervlakte kleinste woning is <oppervlakte>
    Als ik het initiatief toets
    Dan is artikel 2.8 lid 1 "<uitkomst>"
    En is het oordeel "<oordeel>"

    Voorbeelden:
      | oppervlakte | uitkomst     | oordeel   |
      | 50 m2       | voldoet      | past      |
      | 49,9 m2     | voldoet niet | past niet |
      | 51 m2       | voldoet      | past      |

  Scenario: In het centrum is de parkeernorm lager
    Gegeven de locatie ligt in "centrum"
    En het aantal woningen is 10
    En het aantal parkeerplaatsen is 7
    Als ik het initiatief toets
    Dan voldoet het initiatief aan artikel 2.8 lid 1
    En staat bij artikel 2.8 lid 1 "parkeernorm woningen 70 %"

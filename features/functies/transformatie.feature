# language: nl
Functionaliteit: Transformatie van kantoorgebouwen naar woningen (artikel 4.22)
  Lid 1: in het woongebied of het centrum is een omgevingsvergunning nodig; die wordt alleen verleend
  als elke woning een gebruiksoppervlakte van ten minste 40 m2 heeft.
  Lid 2: bij ten minste 20 woningen is ten minste 30 procent sociale huur en 30 procent middelduur.
  (In het Entreegebied geldt artikel 4.11, in de wijken van de toekomst artikel 5.5.)

  Achtergrond:
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "centrum"
    En de activiteit "transformeren van een kantoorgebouw naar woningen"
    En de feiten:
      | gebruiksoppervlakte kleinste woning | 45 m2 |
      | aantal woningen                     | 10    |
      | parkeerplaatsen                     | 7     |
      | fietsparkeerplaatsen                | 20    |

  Scenario: Een kleine transformatie in het centrum past, met een vergunning
    Als ik het initiatief toets
    Dan is de conclusie "Vergunningplicht"
    En is het oordeel "past"
    En voldoet het initiatief aan artikel 4.22 lid 1
    En is artikel 4.22 lid 2 "niet van toepassing"

  Abstract Scenario: De kleinste woning is <oppervlakte>
    Gegeven de gebruiksoppervlakte kleinste woning is <oppervlakte>
    Als ik het initiatief toets
    Dan is artikel 4.22 lid 1 "<uitkomst>"

    Voorbeelden:
      | oppervlakte | uitkomst     |
      | 39,9 m2     | voldoet niet |
      | 40 m2       | voldoet      |
      | 40,1 m2     | voldoet      |

  Abstract Scenario: <sociaal> sociale huur en <midden> middeldure van 20 woningen
    Gegeven de feiten:
      | aantal woningen             | 20        |
      | aantal sociale huurwoningen | <sociaal> |
      | aantal middeldure woningen  | <midden>  |
      | parkeerplaatsen             | 14        |
      | fietsparkeerplaatsen        | 40        |
    Als ik het initiatief toets
    Dan is artikel 4.22 lid 2 "<uitkomst>"

    Voorbeelden:
      | sociaal | midden | uitkomst     |
      | 6       | 6      | voldoet      |
      | 5       | 6      | voldoet niet |
      | 6       | 5      | voldoet niet |

  Scenario: Ook in het woongebied buiten de wijken van de toekomst is een vergunning nodig
    Gegeven de locatie ligt in "woongebied" buiten "wijken van de toekomst"
    En het aantal parkeerplaatsen is 14
    Als ik het initiatief toets
    Dan is de conclusie "Vergunningplicht"
    En voldoet het initiatief aan artikel 4.22 lid 1
    En geldt artikel 5.5 niet

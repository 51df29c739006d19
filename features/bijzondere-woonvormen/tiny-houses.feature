# language: nl
Functionaliteit: Tiny houses (artikel 3.2, tijdelijke regeling tot en met 2034)
  Lid 1: het is verboden zonder omgevingsvergunning in het woongebied een tiny house te plaatsen. De
  vergunning wordt alleen verleend voor een instandhoudingstermijn van ten hoogste tien jaar, een
  bebouwd oppervlak van ten hoogste 50 m2, een bouwhoogte van ten hoogste 4,5 meter en één bouwlaag.
  Artikel 9.5: artikel 3.2, eerste lid, geldt tot en met 31 december 2034.
  Lid 2 en 3: een tiny house op het bedrijventerrein of in het Westerpark is verboden.

  Achtergrond:
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "woongebied"
    En de activiteit "plaatsen van een tiny house"
    En de feiten:
      | instandhoudingstermijn    | 10 jaar |
      | bebouwd oppervlak         | 40 m2   |
      | bouwhoogte                | 4 m     |
      | bouwlagen                 | 1       |
      | toename verhard oppervlak | 40 m2   |

  Scenario: Een tiny house voor tien jaar past, met een vergunning
    Als ik het initiatief toets
    Dan is de conclusie "Vergunningplicht"
    En is het oordeel "past"
    En voldoet het initiatief aan artikel 3.2 lid 1

  Abstract Scenario: Tiny house: <wat>
    Gegeven het feit "<feit>" is <waarde>
    Als ik het initiatief toets
    Dan is artikel 3.2 lid 1 "<uitkomst>"

    Voorbeelden:
      | wat                  | feit                   | waarde     | uitkomst     |
      | 120 maanden          | instandhoudingstermijn | 120 maanden | voldoet     |
      | 121 maanden          | instandhoudingstermijn | 121 maanden | voldoet niet |
      | 11 jaar              | instandhoudingstermijn | 11 jaar    | voldoet niet |
      | 50 m2                | bebouwd oppervlak      | 50 m2      | voldoet      |
      | 50,1 m2              | bebouwd oppervlak      | 50,1 m2    | voldoet niet |
      | 4,5 m hoog           | bouwhoogte             | 4,5 m      | voldoet      |
      | 4,6 m hoog           | bouwhoogte             | 4,6 m      | voldoet niet |
      | twee bouwlagen       | bouwlagen              | 2          | voldoet niet |

  Abstract Scenario: De tijdelijke regeling op <peildatum>
    Gegeven de peildatum is <peildatum>
    Als ik het initiatief toets
    Dan geldt artikel 3.2 lid 1 <niet>

    Voorbeelden: de eerste dag, de laatste dag en de dag erna
      | peildatum        | niet |
      | 2024-01-01       |      |
      | 30 december 2034 |      |
      | 31 december 2034 |      |
      | 2035-01-01       | niet |

  Abstract Scenario: Een tiny house <waar> is verboden
    Gegeven de locatie ligt in "<gebied>"
    Als ik het initiatief toets
    Dan is de conclusie "Verbod"
    En voldoet het initiatief niet aan artikel 3.2 lid <lid>
    En geldt artikel 3.2 lid 1 niet

    Voorbeelden:
      | waar                  | gebied           | lid |
      | op het bedrijventerrein | bedrijventerrein | 2   |
      | in het Westerpark     | Westerpark       | 3   |

# language: nl
Functionaliteit: Mantelzorgwoningen (artikel 2.7)
  Het is verboden zonder voorafgaande melding een mantelzorgwoning te bouwen. Een mantelzorgwoning
  ligt in het achtererfgebied, heeft een bebouwd oppervlak van ten hoogste 75 m2 en een bouwhoogte
  van ten hoogste 5 meter, en er bestaat een mantelzorgrelatie.

  Achtergrond:
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "woongebied"
    En de activiteit "bouwen van een mantelzorgwoning"
    En de feiten:
      | achtererfgebied           | ja    |
      | bebouwd oppervlak         | 60 m2 |
      | bouwhoogte                | 4 m   |
      | mantelzorgrelatie         | ja    |
      | toename verhard oppervlak | 45 m2 |

  Scenario: Een mantelzorgwoning in de achtertuin is meldingsplichtig en past
    Als ik het initiatief toets
    Dan is de conclusie "Meldingsplicht"
    En is het oordeel "past"
    En voldoet het initiatief aan artikel 2.7 lid 1

  Abstract Scenario: Mantelzorgwoning: <wat>
    Gegeven het feit "<feit>" is <waarde>
    Als ik het initiatief toets
    Dan is artikel 2.7 lid 1 "<uitkomst>"

    Voorbeelden:
      | wat                     | feit              | waarde  | uitkomst     |
      | 75 m2                   | bebouwd oppervlak | 75 m2   | voldoet      |
      | 75,5 m2                 | bebouwd oppervlak | 75,5 m2 | voldoet niet |
      | 5 m hoog                | bouwhoogte        | 5 m     | voldoet      |
      | 5,1 m hoog              | bouwhoogte        | 5,1 m   | voldoet niet |
      | in de voortuin          | achtererfgebied   | nee     | voldoet niet |
      | zonder mantelzorgrelatie | mantelzorgrelatie | nee     | voldoet niet |

  Scenario: Ook in het polderlint Zuidweg is een mantelzorgwoning meldingsplichtig
    Gegeven de locatie ligt in "polderlint Zuidweg"
    Als ik het initiatief toets
    Dan is de conclusie "Meldingsplicht"
    En voldoet het initiatief aan artikel 2.7 lid 1

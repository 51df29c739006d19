# language: nl
Functionaliteit: Kamerverhuur (artikel 2.11)
  Het is verboden zonder omgevingsvergunning een woning te gebruiken voor kamerverhuur aan meer dan
  vier bewoners. De vergunning wordt alleen verleend als niet meer dan acht bewoners de woning bewonen.
  Kamerverhuur is een vorm van 'gebruiken als woning': in het woongebied is dat toegestaan (artikel 4.2).

  Achtergrond:
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "woongebied"
    En de activiteit "gebruiken voor kamerverhuur"

  Abstract Scenario: Kamerverhuur aan <bewoners> bewoners
    Gegeven het aantal bewoners is <bewoners>
    Als ik het initiatief toets
    Dan is de conclusie "<conclusie>"
    En is artikel 2.11 lid 1 "<uitkomst>"
    En is het oordeel "<oordeel>"
    En voldoet het initiatief aan artikel 4.2 lid 1

    Voorbeelden:
      | bewoners | conclusie        | uitkomst            | oordeel   |
      | 4        | Toestemmingsvrij | niet van toepassing | past      |
      | 5        | Vergunningplicht | voldoet             | past      |
      | 8        | Vergunningplicht | voldoet             | past      |
      | 9        | Vergunningplicht | voldoet niet        | past niet |

  Scenario: Zonder het aantal bewoners is niet te zeggen of een vergunning nodig is
    Als ik het initiatief toets
    Dan is artikel 2.11 lid 1 "onbepaald"
    En ontbreken de feiten: aantal bewoners
    En is het oordeel "onvolledig"

# language: nl
Functionaliteit: Hoofdgebouwen in het woongebied (artikel 2.2)
  Het is verboden zonder omgevingsvergunning een hoofdgebouw te bouwen. De omgevingsvergunning
  wordt alleen verleend als de bouwhoogte, de goothoogte en het aantal bouwlagen binnen de
  maxima van artikel 1.11 blijven (woongebied: 10 m, 7 m, 3 bouwlagen).

  Achtergrond:
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "woongebied" buiten "wijken van de toekomst"
    En de activiteit "bouwen van een hoofdgebouw"

  Abstract Scenario: Bouwhoogte <bouwhoogte> tegenover het maximum van 10 m
    Gegeven de bouwhoogte is <bouwhoogte>
    En de goothoogte is 6 m
    En het aantal bouwlagen is 3
    Als ik het initiatief toets
    Dan voldoet het initiatief <uitkomst> artikel 2.2 lid 1
    En is de conclusie "Vergunningplicht"

    Voorbeelden:
      | bouwhoogte | uitkomst |
      | 10 m       | aan      |
      | 9,99 m     | aan      |
      | 10,01 m    | niet aan |

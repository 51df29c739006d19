# language: nl
Functionaliteit: Afwijken: het nieuwe ja, mits (artikel 8.1)
  Haalt een initiatief een regel niet, dan geeft de toets een advies over afwijken (docs/afwijken.md):
  'afwijken mogelijk' (met de voorwaarden, 'mits'), 'afwijken niet mogelijk' (met de reden, 'omdat')
  of 'onvoldoende onderbouwd' (met wat ontbreekt). Het advies kijkt naar de vijf Zoetermeerse
  mechanismen in de wijk en de aangrenzende wijken en toetst de afwijkingsregels van artikel 8.1:
  lid 1 ten minste één mechanisme gaat omhoog; lid 2 geen mechanisme gaat omlaag, ook niet in de
  aangrenzende wijken; lid 3 het initiatief dient een hoofdlijn; lid 6 in een wijk met meer huur dan
  gemiddeld is ten minste 30 procent van de nieuwe woningen koop; lid 7 in de wijken van de toekomst
  neemt de sociaaleconomische kracht niet af en is ten minste de helft van de nieuwe woningen koop.
  Van een regel die niet afwijkbaar is (artikel 8.5), kan nooit worden afgeweken.

  Regel: Een woongebouw dat hoger is dan artikel 5.2 toelaat, in Meerzicht

    Achtergrond:
      Gegeven de peildatum is 2026-09-01
      En de locatie ligt in "Meerzicht"
      En de activiteit "bouwen van een hoofdgebouw"
      En de feiten:
        | functie         | wonen |
        | aantal woningen | 10    |
        | bouwhoogte      | 17 m  |
        | bouwlagen       | 5     |
      En er komt 200 m2 groen bij
      En er verdwijnt 0 m2 groen
      En de maatregelen "groen dak" en "natuurinclusief bouwen"
      En het initiatief draagt bij aan de hoofdlijn "palet van wijken en buurten" want "koopwoningen in een wijk met veel huur"

    Abstract Scenario: <koop> van de 10 nieuwe woningen zijn koopwoningen
      Gegeven de woningen erbij:
        | segment         | woonvorm    | aantal |
        | middeldure koop | appartement | <koop> |
        | sociale huur    | appartement | <huur> |
      Als ik het initiatief toets
      Dan voldoet het initiatief niet aan artikel 5.2 lid 1
      En mag van artikel 5.2 lid 1 worden afgeweken
      En is het afwijkingsadvies "<advies>"
      En is artikel 8.1 lid 7 "<lid 7>"
      En is artikel 8.1 lid 6 "<lid 6>"

      Voorbeelden: de helft koop (lid 7) en 30 procent koop (lid 6)
        | koop | huur | advies                 | lid 7        | lid 6        |
        | 6    | 4    | afwijken mogelijk      | voldoet      | voldoet      |
        | 5    | 5    | afwijken mogelijk      | voldoet      | voldoet      |
        | 4    | 6    | afwijken niet mogelijk | voldoet niet | voldoet      |
        | 3    | 7    | afwijken niet mogelijk | voldoet niet | voldoet      |
        | 2    | 8    | afwijken niet mogelijk | voldoet niet | voldoet niet |

    Scenario: Met de helft koop gaan de sociaaleconomische kracht en het adaptief vermogen van Meerzicht omhoog
      Gegeven de woningen erbij:
        | segment         | woonvorm    | aantal |
        | middeldure koop | appartement | 5      |
        | sociale huur    | appartement | 5      |
      Als ik het initiatief toets
      Dan ligt het initiatief in de wijk "Meerzicht"
      En is het effect op "concurrerende woonaantrekkelijkheid" "0"
      En is het effect op "sociaaleconomische kracht" "+"
      En is het effect op mechanisme 3 "0"
      En is het effect op "adaptief vermogen" "positief"
      En is het effect op "verschillen tussen wijken en buurten" in de aangrenzende wijken "0"
      En is de hoofdlijn "Zoetermeer is mijn thuis" gediend
      En is de hoofdlijn "Zoetermeer regiostad" niet gediend
      En voldoet het initiatief aan artikel 8.1 lid 1
      En voldoet het initiatief aan artikel 8.1 lid 2
      En voldoet het initiatief aan artikel 8.1 lid 3
      En noemt het afwijkingsadvies "aandeel koopwoningen initiatief >= 50 % (artikel 8.1 lid 7)"
      En is het effect op "verschillen tussen wijken en buurten" "+"

    Scenario: Met 30 procent koop gaat de sociaaleconomische kracht van Meerzicht omlaag
      Gegeven de woningen erbij:
        | segment         | woonvorm    | aantal |
        | middeldure koop | appartement | 3      |
        | sociale huur    | appartement | 7      |
      Als ik het initiatief toets
      Dan is het effect op "sociaaleconomische kracht" "−"
      En voldoet het initiatief niet aan artikel 8.1 lid 2
      En noemt het afwijkingsadvies "mechanisme 2 (sociaaleconomische kracht) gaat omlaag"

    Scenario: Zonder onderbouwing is het advies 'onvoldoende onderbouwd'
      Gegeven geen onderbouwing
      Als ik het initiatief toets
      Dan is het afwijkingsadvies "onvoldoende onderbouwd"
      En noemt het afwijkingsadvies "de onderbouwing (artikel 8.4)"
      En is het effect op "sociaaleconomische kracht" "?"
      En is artikel 8.1 lid 1 "onbepaald"

  Regel: Een woongebouw boven de maximum bouwhoogte in De Leyens (een wijk met meer huur dan gemiddeld)

    Abstract Scenario: <koop> van de 10 nieuwe woningen zijn koopwoningen in De Leyens
      Gegeven de peildatum is 2026-09-01
      En de locatie is RD 93622 454041
      En de activiteit "bouwen van een hoofdgebouw"
      En de feiten:
        | functie         | wonen |
        | aantal woningen | 10    |
        | bouwhoogte      | 11 m  |
      En de woningen erbij:
        | segment         | woonvorm        | aantal |
        | middeldure koop | eengezinswoning | <koop> |
        | middenhuur      | eengezinswoning | <huur> |
      En er verandert niets aan het groen
      En de maatregel "groen dak"
      Als ik het initiatief toets
      Dan ligt het initiatief in de wijk "Buytenwegh de Leyens"
      En voldoet het initiatief niet aan artikel 2.2 lid 1
      En is artikel 8.1 lid 6 "<lid 6>"
      En is het afwijkingsadvies "<advies>"

      Voorbeelden: ten minste 30 procent koop
        | koop | huur | lid 6        | advies                 |
        | 3    | 7    | voldoet      | afwijken mogelijk      |
        | 2    | 8    | voldoet niet | afwijken niet mogelijk |

  Regel: Wat nooit kan, en wat niet nodig is

    Scenario: Van een milieunorm kan niet worden afgeweken
      Gegeven het initiatief uit "voorbeelden/afwijking-niet-mogelijk-milieucategorie.json"
      Als ik het initiatief toets
      Dan voldoet het initiatief niet aan artikel 4.3 lid 1
      En mag van artikel 4.3 lid 1 niet worden afgeweken
      En is het afwijkingsadvies "afwijken niet mogelijk"
      En noemt het afwijkingsadvies "milieunorm: milieucategorie"

    Scenario: Een woontoren in het Entreegebied trekt sterke huishoudens weg uit de buurwijken
      Gegeven het initiatief uit "voorbeelden/afwijking-woontoren-entreegebied.json"
      Als ik het initiatief toets
      Dan is het afwijkingsadvies "afwijken niet mogelijk"
      En is het effect op "verschillen tussen wijken en buurten" in de aangrenzende wijken "−"
      En voldoet het initiatief niet aan artikel 8.1 lid 2
      En mag van artikel 4.10 lid 1 worden afgeweken

    Scenario: Een initiatief dat elke regel haalt, vraagt geen afwijking
      Gegeven het initiatief uit "voorbeelden/past-dakopbouw-rokkeveen.json"
      Als ik het initiatief toets
      Dan is het oordeel "past"
      En is er geen afwijkingsadvies

  Regel: De voorbeelden van afwijken

    Abstract Scenario: Het voorbeeld <bestand> geeft het advies '<advies>'
      Gegeven het initiatief uit "voorbeelden/<bestand>.json"
      Als ik het initiatief toets
      Dan is het oordeel "past niet"
      En is het afwijkingsadvies "<advies>"

      Voorbeelden:
        | bestand                                   | advies                 |
        | afwijking-knarrenhof-meerzicht            | afwijken mogelijk      |
        | afwijking-kantoor-naar-woningen-buytenwegh | afwijken mogelijk      |
        | afwijking-bedrijfsverzamelgebouw-seghwaert | afwijken mogelijk      |
        | afwijking-niet-mogelijk-milieucategorie   | afwijken niet mogelijk |
        | afwijking-onvoldoende-onderbouwd          | onvoldoende onderbouwd |
        | afwijking-woontoren-entreegebied          | afwijken niet mogelijk |

# language: nl
Functionaliteit: Bouwen en gebruik in het Westerpark (artikelen 4.17 en 4.18)
  Artikel 4.17: een hoofdgebouw is verboden; in afwijking daarvan is een paviljoen voor horeca,
  recreatie of een maatschappelijke voorziening tot 150 m2 vergunningplichtig, tot de maximum
  bouwhoogte (6 m). Bijbehorende bouwwerken en dakopbouwen zijn verboden.
  Artikel 4.18: wonen is verboden; horeca in een paviljoen tot 150 m2 is toegestaan; evenementen
  regelt de APV.

  Achtergrond:
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "Westerpark"

  Scenario: Een kantoorgebouw in het park is verboden
    Gegeven de activiteit "bouwen van een hoofdgebouw"
    En de functie is "kantoor"
    Als ik het initiatief toets
    Dan is de conclusie "Verbod"
    En voldoet het initiatief niet aan artikel 4.17 lid 1
    En is artikel 4.17 lid 2 "niet van toepassing"

  Abstract Scenario: Een paviljoen voor <functie> van <oppervlak> en <bouwhoogte> hoog
    Gegeven de activiteit "bouwen van een hoofdgebouw"
    En de feiten:
      | functie                  | <functie>    |
      | bebouwd oppervlak        | <oppervlak>  |
      | bouwhoogte               | <bouwhoogte> |
      | aantal nestvoorzieningen | 1            |
    Als ik het initiatief toets
    Dan is de conclusie "<conclusie>"
    En is artikel 4.17 lid 2 "<lid 2>"
    En is artikel 4.17 lid 1 "<lid 1>"

    Voorbeelden:
      | functie         | oppervlak | bouwhoogte | conclusie        | lid 2               | lid 1        |
      | horeca          | 150 m2    | 6 m        | Vergunningplicht | voldoet             | opzijgezet   |
      | recreatie       | 100 m2    | 6,1 m      | Vergunningplicht | voldoet niet        | opzijgezet   |
      | maatschappelijk | 150 m2    | 5 m        | Vergunningplicht | voldoet             | opzijgezet   |
      | horeca          | 150,5 m2  | 5 m        | Verbod           | niet van toepassing | voldoet niet |
      | kantoor         | 100 m2    | 5 m        | Verbod           | niet van toepassing | voldoet niet |

  Abstract Scenario: <activiteit> in het Westerpark is verboden
    Gegeven de activiteit "<activiteit>"
    Als ik het initiatief toets
    Dan is de conclusie "Verbod"
    En voldoet het initiatief niet aan artikel 4.17 lid 3

    Voorbeelden:
      | activiteit                          |
      | bouwen van een bijbehorend bouwwerk |
      | bouwen van een dakopbouw            |

  Scenario: Wonen in het Westerpark is verboden
    Gegeven de activiteit "gebruiken als woning"
    Als ik het initiatief toets
    Dan is de conclusie "Verbod"
    En voldoet het initiatief niet aan artikel 4.18 lid 1

  Abstract Scenario: Horeca in een paviljoen van <oppervlak>
    Gegeven de activiteit "gebruiken voor horeca"
    En het bruto vloeroppervlak is <oppervlak>
    Als ik het initiatief toets
    Dan is de conclusie "Toestemmingsvrij"
    En is artikel 4.18 lid 2 "<uitkomst>"

    Voorbeelden:
      | oppervlak | uitkomst     |
      | 150 m2    | voldoet      |
      | 151 m2    | voldoet niet |

  Scenario: Een evenement in het park regelt de APV
    Gegeven de activiteit "organiseren van een evenement"
    Als ik het initiatief toets
    Dan is de conclusie "NeemContactOpMet"
    En geldt artikel 4.18 lid 3

# language: nl
Functionaliteit: Bijbehorende bouwwerken (artikelen 2.4 en 2.5)
  Artikel 2.4: het is verboden zonder omgevingsvergunning een bijbehorend bouwwerk te bouwen; de
  vergunning wordt alleen verleend als de bijbehorende bouwwerken samen niet groter zijn dan de
  maximum oppervlakte (woongebied 50 m2, polderlint Zuidweg 75 m2), de bouwhoogte niet meer dan 5 m,
  de goothoogte niet meer dan 3,5 m en de diepte niet meer dan 5 m bedraagt.
  Artikel 2.5: in afwijking van artikel 2.4 is een bijbehorend bouwwerk in het achtererfgebied van
  het woongebied vergunningvrij als het niet groter is dan 30 m2, niet hoger dan 3 m en niet dieper
  dan 4 m.

  Achtergrond:
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "woongebied" buiten "wijken van de toekomst"
    En de activiteit "bouwen van een bijbehorend bouwwerk"
    En de feiten:
      | achtererfgebied           | ja     |
      | bebouwd oppervlak         | 30 m2  |
      | bouwhoogte                | 3 m    |
      | goothoogte                | 3 m    |
      | diepte                    | 4 m    |
      | toename verhard oppervlak | 30 m2  |

  Scenario: Een kleine aanbouw in de achtertuin is vergunningvrij
    Als ik het initiatief toets
    Dan is de conclusie "Toestemmingsvrij"
    En is het oordeel "past"
    En voldoet het initiatief aan artikel 2.5 lid 1
    En is artikel 2.4 lid 1 "opzijgezet"

  Abstract Scenario: Vergunningvrij of niet: <wat>
    Gegeven het feit "<feit>" is <waarde>
    Als ik het initiatief toets
    Dan is de conclusie "<conclusie>"
    En is artikel 2.5 lid 1 "<artikel 2.5>"
    En is artikel 2.4 lid 1 "<artikel 2.4>"

    Voorbeelden: precies op en net over de grenzen van artikel 2.5
      | wat                  | feit              | waarde  | conclusie        | artikel 2.5         | artikel 2.4 |
      | 30 m2                | bebouwd oppervlak | 30 m2   | Toestemmingsvrij | voldoet             | opzijgezet  |
      | 29,9 m2              | bebouwd oppervlak | 29,9 m2 | Toestemmingsvrij | voldoet             | opzijgezet  |
      | 30,1 m2              | bebouwd oppervlak | 30,1 m2 | Vergunningplicht | niet van toepassing | voldoet     |
      | 3 m hoog             | bouwhoogte        | 3 m     | Toestemmingsvrij | voldoet             | opzijgezet  |
      | 3,1 m hoog           | bouwhoogte        | 3,1 m   | Vergunningplicht | niet van toepassing | voldoet     |
      | 4 m diep             | diepte            | 4 m     | Toestemmingsvrij | voldoet             | opzijgezet  |
      | 4,1 m diep           | diepte            | 4,1 m   | Vergunningplicht | niet van toepassing | voldoet     |
      | in de voortuin       | achtererfgebied   | nee     | Vergunningplicht | niet van toepassing | voldoet     |

  Abstract Scenario: Vergunningplichtig bijbehorend bouwwerk: <wat>
    Gegeven het initiatief:
      | achtererfgebied   | nee           |
      | bebouwd oppervlak | <oppervlak>   |
      | bouwhoogte        | <bouwhoogte>  |
      | goothoogte        | <goothoogte>  |
      | diepte            | <diepte>      |
    Als ik het initiatief toets
    Dan is de conclusie "Vergunningplicht"
    En is artikel 2.4 lid 1 "<uitkomst>"

    Voorbeelden: precies op en net over de grenzen van artikel 2.4
      | wat                | oppervlak | bouwhoogte | goothoogte | diepte | uitkomst     |
      | alles op de grens  | 50 m2     | 5 m        | 3,5 m      | 5 m    | voldoet      |
      | 50,5 m2            | 50,5 m2   | 5 m        | 3,5 m      | 5 m    | voldoet niet |
      | 5,01 m hoog        | 50 m2     | 5,01 m     | 3,5 m      | 5 m    | voldoet niet |
      | goothoogte 3,51 m  | 50 m2     | 5 m        | 3,51 m     | 5 m    | voldoet niet |
      | 5,01 m diep        | 50 m2     | 5 m        | 3,5 m      | 5,01 m | voldoet niet |

  Scenario: Zonder diepte en goothoogte is het oordeel onvolledig
    Gegeven de feiten:
      | achtererfgebied   | nee      |
      | bebouwd oppervlak | 40 m2    |
      | diepte            | onbekend |
      | goothoogte        | onbekend |
    Als ik het initiatief toets
    Dan is het oordeel "onvolledig"
    En is artikel 2.4 lid 1 "onbepaald"
    En ontbreken de feiten: goothoogte, diepte

  Scenario: In het polderlint Zuidweg is een bijbehorend bouwwerk altijd vergunningplichtig, tot 75 m2
    Gegeven de locatie ligt in "polderlint Zuidweg"
    En het bebouwd oppervlak is 75 m2
    Als ik het initiatief toets
    Dan is de conclusie "Vergunningplicht"
    En geldt artikel 2.5 niet
    En voldoet het initiatief aan artikel 2.4 lid 1


# language: nl
Functionaliteit: Hoofdgebouwen in het woongebied en het polderlint (artikel 2.2)
  Artikel 2.2: het is verboden zonder omgevingsvergunning een hoofdgebouw te bouwen. De vergunning
  wordt alleen verleend als de bouwhoogte, de goothoogte en het aantal bouwlagen niet meer bedragen
  dan de maxima van artikel 1.11 (woongebied: 10 m, 7 m en 3 bouwlagen; polderlint Zuidweg: 9 m,
  4 m en 2 bouwlagen), het bebouwd oppervlak niet meer dan het maximum bebouwingspercentage van het
  perceel (60 % en 40 %) en een vrijstaand hoofdgebouw de minimale afstand tot de zijdelingse
  perceelgrens aanhoudt (2,5 m en 3 m).

  Achtergrond:
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "woongebied" buiten "wijken van de toekomst"
    En de activiteit "bouwen van een hoofdgebouw"
    En de feiten:
      | feit                                 | waarde |
      | functie                              | wonen  |
      | aantal woningen                      | 1      |
      | bouwhoogte                           | 9 m    |
      | goothoogte                           | 6 m    |
      | bouwlagen                            | 3      |
      | bebouwd oppervlak                    | 120 m2 |
      | perceeloppervlak                     | 400 m2 |
      | aaneengebouwd                        | nee    |
      | afstand tot zijdelingse perceelgrens | 3 m    |
      | plat dak                             | nee    |
      | aantal nestvoorzieningen             | 1      |
      | parkeerplaatsen                      | 2      |
      | fietsparkeerplaatsen                 | 2      |
      | toename verhard oppervlak            | 40 m2  |

  Scenario: Een woning binnen alle maten past, met een vergunning
    Als ik het initiatief toets
    Dan is de conclusie "Vergunningplicht"
    En is het oordeel "past"
    En voldoet het initiatief aan artikel 2.2 lid 1
    En voldoet het initiatief aan artikel 2.2 lid 2
    En voldoet het initiatief aan artikel 2.2 lid 3
    En ontbreken geen feiten

  Abstract Scenario: Bouwhoogte <bouwhoogte> tegenover het maximum van 10 m in het woongebied
    Gegeven de bouwhoogte is <bouwhoogte>
    Als ik het initiatief toets
    Dan voldoet het initiatief <uitkomst> artikel 2.2 lid 1
    En is het oordeel "<oordeel>"

    Voorbeelden:
      | bouwhoogte | uitkomst | oordeel   |
      | 9,99 m     | aan      | past      |
      | 10 m       | aan      | past      |
      | 10,01 m    | niet aan | past niet |

  Abstract Scenario: Goothoogte <goothoogte> tegenover het maximum van 7 m
    Gegeven de goothoogte is <goothoogte>
    Als ik het initiatief toets
    Dan is artikel 2.2 lid 1 "<uitkomst>"

    Voorbeelden:
      | goothoogte | uitkomst     |
      | 6,99 m     | voldoet      |
      | 7 m        | voldoet      |
      | 7,01 m     | voldoet niet |

  Abstract Scenario: <bouwlagen> bouwlagen tegenover het maximum van 3
    Gegeven het aantal bouwlagen is <bouwlagen>
    Als ik het initiatief toets
    Dan is artikel 2.2 lid 1 "<uitkomst>"

    Voorbeelden:
      | bouwlagen | uitkomst     |
      | 2         | voldoet      |
      | 3         | voldoet      |
      | 4         | voldoet niet |

  Abstract Scenario: Bebouwd oppervlak <oppervlak> op een perceel van 400 m2 (maximum 60 % = 240 m2)
    Gegeven het bebouwd oppervlak is <oppervlak>
    Als ik het initiatief toets
    Dan is artikel 2.2, tweede lid "<uitkomst>"

    Voorbeelden:
      | oppervlak | uitkomst     |
      | 239 m2    | voldoet      |
      | 240 m2    | voldoet      |
      | 240,5 m2  | voldoet niet |

  Abstract Scenario: Een vrijstaande woning op <afstand> van de zijdelingse perceelgrens (minimaal 2,5 m)
    Gegeven de afstand tot zijdelingse perceelgrens is <afstand>
    Als ik het initiatief toets
    Dan is artikel 2.2 lid 3 "<uitkomst>"

    Voorbeelden:
      | afstand | uitkomst     |
      | 2,49 m  | voldoet niet |
      | 2,5 m   | voldoet      |
      | 2,51 m  | voldoet      |

  Scenario: Voor een aaneengebouwde woning geldt de afstand tot de perceelgrens niet
    Gegeven het feit "aaneengebouwd" is ja
    En de afstand tot zijdelingse perceelgrens is 0 m
    Als ik het initiatief toets
    Dan is artikel 2.2 lid 3 "niet van toepassing"
    En is het oordeel "past"

  Scenario: Zonder goothoogte en bouwlagen is het oordeel nog onvolledig
    Gegeven de goothoogte is onbekend
    En de bouwlagen is onbekend
    Als ik het initiatief toets
    Dan is artikel 2.2 lid 1 "onbepaald"
    En is het oordeel "onvolledig"
    En ontbreken de feiten: goothoogte, bouwlagen

  Abstract Scenario: In het polderlint Zuidweg gelden strengere maten (<wat>)
    Gegeven de locatie ligt in "polderlint Zuidweg"
    En de feiten:
      | goothoogte | 4 m       |
      | bouwlagen  | 2         |
      | kap        | ja        |
      | dakhelling | 45 graden |
    En het feit "<feit>" is <waarde>
    Als ik het initiatief toets
    Dan is <artikel> "<uitkomst>"

    Voorbeelden: op de grens van het polderlint
      | wat                         | feit                                 | waarde | artikel            | uitkomst     |
      | bouwhoogte precies 9 m      | bouwhoogte                           | 9 m    | artikel 2.2 lid 1  | voldoet      |
      | bouwhoogte 9,5 m            | bouwhoogte                           | 9,5 m  | artikel 2.2 lid 1  | voldoet niet |
      | goothoogte precies 4 m      | goothoogte                           | 4 m    | artikel 2.2 lid 1  | voldoet      |
      | goothoogte 4,1 m            | goothoogte                           | 4,1 m  | artikel 2.2 lid 1  | voldoet niet |
      | 3 bouwlagen                 | bouwlagen                            | 3      | artikel 2.2 lid 1  | voldoet niet |
      | 160 m2 bebouwd (40 %)       | bebouwd oppervlak                    | 160 m2 | artikel 2.2 lid 2  | voldoet      |
      | 161 m2 bebouwd              | bebouwd oppervlak                    | 161 m2 | artikel 2.2 lid 2  | voldoet niet |
      | 2,9 m tot de perceelgrens   | afstand tot zijdelingse perceelgrens | 2,9 m  | artikel 2.2 lid 3  | voldoet niet |
      | 3 m tot de perceelgrens     | afstand tot zijdelingse perceelgrens | 3 m    | artikel 2.2 lid 3  | voldoet      |

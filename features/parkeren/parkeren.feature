# language: nl
Functionaliteit: Parkeren voor woningen, fietsparkeren en uitritten (artikelen 7.2, 7.3, 7.4 en 7.6)
  Artikel 7.2: bij het bouwen van een hoofdgebouw met woningen en bij de transformatie van een kantoor
  naar woningen wordt ten minste de parkeernorm woningen maal het aantal woningen aangelegd:
  70 % in de parkeerzone Stadshart-Entreegebied, 140 % in de woonwijken en 170 % op overige locaties.
  Artikel 7.3 (vanaf 1 juli 2026): ten minste twee fietsparkeerplaatsen per woning.
  Artikel 7.4: in afwijking van artikel 7.2, tweede lid, volstaat bij transformatie in de wijken van de
  toekomst 80 %.
  Artikel 7.6: een uitrit is vergunningplichtig en ten hoogste 4,5 m breed.

  Regel: Parkeernormen bij het bouwen van woningen (artikelen 7.2 lid 1 en 7.3 lid 1)

    Achtergrond:
      Gegeven de peildatum is 2026-09-01
      En de activiteit "bouwen van een hoofdgebouw"
      En de functie is "wonen"
      En het aantal woningen is 10
      En het aantal fietsparkeerplaatsen is 20

    Abstract Scenario: 10 woningen met <parkeerplaatsen> parkeerplaatsen in <zone>
      Gegeven de locatie ligt in <gebied>
      En het aantal parkeerplaatsen is <parkeerplaatsen>
      Als ik het initiatief toets
      Dan is artikel 7.2 lid 1 "<uitkomst>"
      En staat bij artikel 7.2 lid 1 "parkeernorm woningen <norm>"

      Voorbeelden:
        | zone                               | gebied                                             | parkeerplaatsen | uitkomst     | norm  |
        | het Stadshart                      | "centrum"                                          | 7               | voldoet      | 70 %  |
        | het Stadshart                      | "centrum"                                          | 6               | voldoet niet | 70 %  |
        | het Entreegebied                   | "Entreegebied"                                     | 7               | voldoet      | 70 %  |
        | een woonwijk                       | "woongebied" buiten "wijken van de toekomst"      | 14              | voldoet      | 140 % |
        | een woonwijk                       | "woongebied" buiten "wijken van de toekomst"      | 13              | voldoet niet | 140 % |
        | het polderlint (overige locaties)  | "polderlint Zuidweg"                               | 17              | voldoet      | 170 % |
        | het polderlint (overige locaties)  | "polderlint Zuidweg"                               | 16              | voldoet niet | 170 % |

    Abstract Scenario: 10 woningen met <fiets> fietsparkeerplaatsen op <peildatum>
      Gegeven de locatie ligt in "centrum"
      En de feiten:
        | parkeerplaatsen           | 7    |
        | bouwhoogte                | 20 m |
        | plat dak                  | nee  |
        | aantal nestvoorzieningen  | 1    |
        | toename verhard oppervlak | 0 m2 |
      En de peildatum is <peildatum>
      En het aantal fietsparkeerplaatsen is <fiets>
      Als ik het initiatief toets
      Dan geldt artikel 7.3 lid 1 <niet>
      En is het oordeel "<oordeel>"

      Voorbeelden:
        | peildatum  | fiets | niet | oordeel   |
        | 2026-09-01 | 20    |      | past      |
        | 2026-09-01 | 19    |      | past niet |
        | 2026-06-30 | 0     | niet | past      |

    Scenario: Te weinig fietsparkeerplaatsen is in strijd met artikel 7.3
      Gegeven de locatie ligt in "centrum"
      En het aantal parkeerplaatsen is 7
      En het aantal fietsparkeerplaatsen is 19
      Als ik het initiatief toets
      Dan voldoet het initiatief niet aan artikel 7.3 lid 1
      En staat bij artikel 7.3 lid 1 "fietsparkeerplaatsen 19 < 200 % van aantal woningen 10 = 20"

  Regel: Parkeren bij transformatie van kantoren (artikelen 7.2 lid 2, 7.3 lid 2 en 7.4)

    Achtergrond:
      Gegeven de peildatum is 2026-09-01
      En de activiteit "transformeren van een kantoorgebouw naar woningen"
      En de feiten:
        | aantal woningen                     | 10      |
        | gebruiksoppervlakte kleinste woning | 50 m2   |
        | fietsparkeerplaatsen                | 20      |

    Abstract Scenario: Transformatie naar 10 woningen met <parkeerplaatsen> parkeerplaatsen in <gebied>
      Gegeven de locatie ligt in <gebied>
      En het aantal parkeerplaatsen is <parkeerplaatsen>
      Als ik het initiatief toets
      Dan is artikel 7.2 lid 2 "<artikel 7.2>"
      En voldoet het initiatief aan artikel 7.3 lid 2

      Voorbeelden:
        | gebied                                        | parkeerplaatsen | artikel 7.2  |
        | "centrum"                                     | 7               | voldoet      |
        | "centrum"                                     | 6               | voldoet niet |
        | "woongebied" buiten "wijken van de toekomst" | 14              | voldoet      |
        | "woongebied" buiten "wijken van de toekomst" | 13              | voldoet niet |

    Abstract Scenario: Transformatie naar 10 woningen in Seghwaert met <parkeerplaatsen> parkeerplaatsen
      Gegeven de locatie ligt in "Seghwaert"
      En het bruto vloeroppervlak is 1800 m2
      En het aantal koopwoningen is 3
      En het aantal parkeerplaatsen is <parkeerplaatsen>
      Als ik het initiatief toets
      Dan is artikel 7.4 lid 1 "<uitkomst>"
      En is artikel 7.2 lid 2 "opzijgezet"
      En is de conclusie "Meldingsplicht"

      Voorbeelden: norm 80 procent
        | parkeerplaatsen | uitkomst     |
        | 8               | voldoet      |
        | 7               | voldoet niet |

    Abstract Scenario: Transformatie met <fiets> fietsparkeerplaatsen voor 10 woningen
      Gegeven de locatie ligt in "centrum"
      En het aantal parkeerplaatsen is 7
      En het aantal fietsparkeerplaatsen is <fiets>
      Als ik het initiatief toets
      Dan is artikel 7.3 lid 2 "<uitkomst>"

      Voorbeelden:
        | fiets | uitkomst     |
        | 20    | voldoet      |
        | 19    | voldoet niet |

  Regel: Uitritten (artikel 7.6)

    Abstract Scenario: Een uitrit van <breedte> breed in het <gebied>
      Gegeven de peildatum is 2026-09-01
      En de locatie ligt in "<gebied>"
      En de activiteit "aanleggen van een uitrit"
      En de breedte uitrit is <breedte>
      En de toename verhard oppervlak is 15 m2
      Als ik het initiatief toets
      Dan is de conclusie "Vergunningplicht"
      En is artikel 7.6 lid 1 "<uitkomst>"

      Voorbeelden:
        | gebied             | breedte | uitkomst     |
        | woongebied         | 4,5 m   | voldoet      |
        | woongebied         | 4,51 m  | voldoet niet |
        | woongebied         | 450 cm  | voldoet      |
        | polderlint Zuidweg | 4,6 m   | voldoet niet |

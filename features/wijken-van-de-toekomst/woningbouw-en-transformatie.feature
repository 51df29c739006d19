# language: nl
Functionaliteit: Woningbouwprogramma, transformatie en splitsen in de wijken van de toekomst (artikelen 5.4, 5.5 en 5.8)
  Artikel 5.4: in afwijking van artikel 2.3 is bij ten minste 20 woningen ten minste 50 procent een
  koopwoning en ten minste 30 procent middelduur.
  Artikel 5.5 (vanaf 1 juli 2026): in afwijking van artikel 4.22 is de transformatie van een kantoor
  tot 2.500 m2 meldingsplichtig; elke woning heeft ten minste 40 m2 en ten minste 30 procent is een
  koopwoning.
  Artikel 5.8: in afwijking van artikel 2.8 is het splitsen in ten hoogste twee woningen
  meldingsplichtig; elke woning heeft ten minste 40 m2.

  Regel: Woningbouwprogramma (artikel 5.4)

    Achtergrond:
      Gegeven de peildatum is 2026-09-01
      En de locatie ligt in "Seghwaert"
      En de activiteit "bouwen van een hoofdgebouw"
      En de functie is "wonen"
      En het aantal woningen is 20

    Abstract Scenario: <koop> koopwoningen en <midden> middeldure van 20 woningen in Seghwaert
      Gegeven het aantal koopwoningen is <koop>
      En het aantal middeldure woningen is <midden>
      Als ik het initiatief toets
      Dan is artikel 5.4 lid 1 "<uitkomst>"
      En is artikel 2.3 lid 1 "opzijgezet"

      Voorbeelden:
        | koop | midden | uitkomst     |
        | 10   | 6      | voldoet      |
        | 9    | 6      | voldoet niet |
        | 10   | 5      | voldoet niet |
        | 20   | 20     | voldoet      |

    Scenario: Bij 19 woningen geldt geen woningbouwprogramma
      Gegeven het aantal woningen is 19
      Als ik het initiatief toets
      Dan is artikel 5.4 lid 1 "niet van toepassing"
      En is artikel 2.3 lid 1 "niet van toepassing"

  Regel: Kleinschalige transformatie (artikel 5.5)

    Achtergrond:
      Gegeven de peildatum is 2026-09-01
      En de locatie ligt in "Buytenwegh"
      En de activiteit "transformeren van een kantoorgebouw naar woningen"
      En de feiten:
        | bruto vloeroppervlak                | 2000 m2 |
        | gebruiksoppervlakte kleinste woning | 45 m2   |
        | aantal woningen                     | 30      |
        | aantal koopwoningen                 | 9       |
        | aantal sociale huurwoningen         | 9       |
        | aantal middeldure woningen          | 9       |
        | parkeerplaatsen                     | 24      |
        | fietsparkeerplaatsen                | 60      |

    Scenario: Een kantoor van 2.000 m2 in Buytenwegh: een melding volstaat
      Als ik het initiatief toets
      Dan is de conclusie "Meldingsplicht"
      En is het oordeel "past"
      En voldoet het initiatief aan artikel 5.5 lid 1
      En is artikel 4.22 lid 1 "opzijgezet"

    Abstract Scenario: Transformatie in Buytenwegh: <wat>
      Gegeven het feit "<feit>" is <waarde>
      Als ik het initiatief toets
      Dan is de conclusie "<conclusie>"
      En is artikel 5.5 lid 1 "<artikel 5.5>"

      Voorbeelden:
        | wat                          | feit                                | waarde  | conclusie        | artikel 5.5         |
        | kantoor van precies 2.500 m2 | bruto vloeroppervlak                | 2500 m2 | Meldingsplicht   | voldoet             |
        | kantoor van 2.501 m2         | bruto vloeroppervlak                | 2501 m2 | Vergunningplicht | niet van toepassing |
        | kleinste woning 40 m2        | gebruiksoppervlakte kleinste woning | 40 m2   | Meldingsplicht   | voldoet             |
        | kleinste woning 39 m2        | gebruiksoppervlakte kleinste woning | 39 m2   | Meldingsplicht   | voldoet niet        |
        | 8 koopwoningen van 30        | aantal koopwoningen                 | 8       | Meldingsplicht   | voldoet niet        |

    Scenario: Vóór 1 juli 2026 is een vergunning nodig (artikel 4.22)
      Gegeven de peildatum is 2026-06-30
      Als ik het initiatief toets
      Dan is de conclusie "Vergunningplicht"
      En geldt artikel 5.5 niet
      En voldoet het initiatief aan artikel 4.22 lid 1

  Regel: Splitsen (artikel 5.8)

    Achtergrond:
      Gegeven de peildatum is 2026-09-01
      En de locatie ligt in "Meerzicht"
      En de activiteit "splitsen van een woning"
      En het aantal parkeerplaatsen is 0

    Abstract Scenario: Splitsen in <woningen> woningen, de kleinste van <oppervlakte>
      Gegeven het aantal woningen is <woningen>
      En de gebruiksoppervlakte kleinste woning is <oppervlakte>
      Als ik het initiatief toets
      Dan is de conclusie "<conclusie>"
      En is artikel 5.8 lid 1 "<artikel 5.8>"
      En is artikel 2.8 lid 1 "<artikel 2.8>"

      Voorbeelden:
        | woningen | oppervlakte | conclusie        | artikel 5.8         | artikel 2.8  |
        | 2        | 40 m2       | Meldingsplicht   | voldoet             | opzijgezet   |
        | 2        | 39,5 m2     | Meldingsplicht   | voldoet niet        | opzijgezet   |
        | 3        | 55 m2       | Vergunningplicht | niet van toepassing | voldoet niet |

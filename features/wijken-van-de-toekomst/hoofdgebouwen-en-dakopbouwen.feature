# language: nl
Functionaliteit: Hogere hoofdgebouwen en dakopbouwen in de wijken van de toekomst (artikelen 5.2 en 5.3)
  Artikel 5.2: in afwijking van artikel 2.2, eerste lid, mag een hoofdgebouw in Meerzicht, Buytenwegh
  en Seghwaert hoger zijn dan de maximum bouwhoogte, tot de maximum bouwhoogte toekomstwijken (16 m)
  en vijf bouwlagen (tot en met 2040).
  Artikel 5.3: in afwijking van artikel 2.6 is een dakopbouw waarna de bouwhoogte niet meer dan 10 m
  is meldingsplichtig; daarboven vergunningplichtig tot 16 m. De dakopbouw ligt ten minste 1 m terug.

  Regel: Hogere hoofdgebouwen (artikel 5.2)

    Achtergrond:
      Gegeven de peildatum is 2026-09-01
      En de activiteit "bouwen van een hoofdgebouw"
      En de feiten:
        | functie         | wonen |
        | aantal woningen | 12    |
        | goothoogte      | 6 m   |
        | bouwlagen       | 3     |

    Abstract Scenario: Een hoofdgebouw van <bouwhoogte> en <bouwlagen> bouwlagen in <wijk>
      Gegeven de locatie ligt in "<wijk>"
      En de bouwhoogte is <bouwhoogte>
      En het aantal bouwlagen is <bouwlagen>
      Als ik het initiatief toets
      Dan is artikel 5.2 lid 1 "<artikel 5.2>"
      En is artikel 2.2 lid 1 "<artikel 2.2>"

      Voorbeelden: tot de gewone maximum bouwhoogte gelden de gewone regels
        | wijk       | bouwhoogte | bouwlagen | artikel 5.2         | artikel 2.2 |
        | Meerzicht  | 10 m       | 3         | niet van toepassing | voldoet     |

      Voorbeelden: daarboven gaat artikel 5.2 voor, tot 16 m en vijf bouwlagen
        | wijk       | bouwhoogte | bouwlagen | artikel 5.2  | artikel 2.2 |
        | Meerzicht  | 10,01 m    | 4         | voldoet      | opzijgezet  |
        | Buytenwegh | 16 m       | 5         | voldoet      | opzijgezet  |
        | Seghwaert  | 15,99 m    | 5         | voldoet      | opzijgezet  |
        | Seghwaert  | 16,01 m    | 5         | voldoet niet | opzijgezet  |
        | Meerzicht  | 14 m       | 6         | voldoet niet | opzijgezet  |

    Scenario: Buiten de wijken van de toekomst blijft de maximum bouwhoogte 10 m
      Gegeven de locatie ligt in "woongebied" buiten "wijken van de toekomst"
      En de bouwhoogte is 14 m
      Als ik het initiatief toets
      Dan voldoet het initiatief niet aan artikel 2.2 lid 1
      En geldt artikel 5.2 niet

    Abstract Scenario: De verruiming geldt tot en met 2040 (peildatum <peildatum>)
      Gegeven de locatie ligt in "Meerzicht"
      En de peildatum is <peildatum>
      En de bouwhoogte is 14 m
      Als ik het initiatief toets
      Dan is artikel 2.2 lid 1 "<artikel 2.2>"
      En geldt artikel 5.2 lid 1 <niet>

      Voorbeelden:
        | peildatum  | artikel 2.2  | niet |
        | 2040-12-31 | opzijgezet   |      |
        | 2041-01-01 | voldoet niet | niet |

  Regel: Dakopbouwen (artikel 5.3)

    Achtergrond:
      Gegeven de peildatum is 2026-09-01
      En de locatie ligt in "Meerzicht"
      En de activiteit "bouwen van een dakopbouw"
      En de toename verhard oppervlak is 0 m2

    Abstract Scenario: Een dakopbouw tot <bouwhoogte>, <terugligging> teruggelegd
      Gegeven de bouwhoogte is <bouwhoogte>
      En de terugligging is <terugligging>
      Als ik het initiatief toets
      Dan is de conclusie "<conclusie>"
      En is artikel 5.3 lid 1 "<lid 1>"
      En is artikel 5.3 lid 2 "<lid 2>"
      En is artikel 2.6 lid 1 "opzijgezet"

      Voorbeelden: tot 10 m: een melding
        | bouwhoogte | terugligging | conclusie        | lid 1        | lid 2               |
        | 10 m       | 1 m          | Meldingsplicht   | voldoet      | niet van toepassing |
        | 9 m        | 0,9 m        | Meldingsplicht   | voldoet niet | niet van toepassing |

      Voorbeelden: boven 10 m: een vergunning, tot 16 m
        | bouwhoogte | terugligging | conclusie        | lid 1               | lid 2        |
        | 10,01 m    | 1 m          | Vergunningplicht | niet van toepassing | voldoet      |
        | 16 m       | 1 m          | Vergunningplicht | niet van toepassing | voldoet      |
        | 16,01 m    | 1 m          | Vergunningplicht | niet van toepassing | voldoet niet |
        | 12 m       | 0,5 m        | Vergunningplicht | niet van toepassing | voldoet niet |

    Scenario: Zonder bouwhoogte is niet te zeggen of een melding volstaat
      Gegeven de terugligging is 2 m
      Als ik het initiatief toets
      Dan is het oordeel "onvolledig"
      En ontbreken de feiten: bouwhoogte

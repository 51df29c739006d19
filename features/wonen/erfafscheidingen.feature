# language: nl
Functionaliteit: Erfafscheidingen (artikel 2.10)
  Lid 1: het is verboden zonder omgevingsvergunning een erfafscheiding te bouwen; de vergunning wordt
  alleen verleend als de bouwhoogte niet meer bedraagt dan 2,5 meter.
  Lid 2: in afwijking van lid 1 is een erfafscheiding vergunningvrij tot 2 meter in het
  achtererfgebied of tot 1 meter daarbuiten.

  Achtergrond:
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "woongebied"
    En de activiteit "bouwen van een erfafscheiding"
    En de toename verhard oppervlak is 0 m2

  Abstract Scenario: Een schutting van <bouwhoogte> <waar>
    Gegeven de bouwhoogte is <bouwhoogte>
    En het feit "achtererfgebied" is <achtererf>
    Als ik het initiatief toets
    Dan is de conclusie "<conclusie>"
    En is artikel 2.10 lid 2 "<lid 2>"
    En is artikel 2.10 lid 1 "<lid 1>"
    En is het oordeel "<oordeel>"

    Voorbeelden: in de achtertuin
      | bouwhoogte | waar              | achtererf | conclusie        | lid 2               | lid 1        | oordeel   |
      | 1,99 m     | in de achtertuin  | ja        | Toestemmingsvrij | voldoet             | opzijgezet   | past      |
      | 2 m        | in de achtertuin  | ja        | Toestemmingsvrij | voldoet             | opzijgezet   | past      |
      | 2,01 m     | in de achtertuin  | ja        | Vergunningplicht | niet van toepassing | voldoet      | past      |
      | 2,5 m      | in de achtertuin  | ja        | Vergunningplicht | niet van toepassing | voldoet      | past      |
      | 2,51 m     | in de achtertuin  | ja        | Vergunningplicht | niet van toepassing | voldoet niet | past niet |

    Voorbeelden: in de voortuin
      | bouwhoogte | waar              | achtererf | conclusie        | lid 2               | lid 1        | oordeel   |
      | 1 m        | in de voortuin    | nee       | Toestemmingsvrij | voldoet             | opzijgezet   | past      |
      | 1,01 m     | in de voortuin    | nee       | Vergunningplicht | niet van toepassing | voldoet      | past      |

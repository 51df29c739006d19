# language: nl
Functionaliteit: Het historische polderlint Zuidweg (artikelen 4.20 en 4.21)
  Artikel 4.20: een hoofdgebouw in het historische polderlint heeft een kap met een dakhelling van ten
  minste 30 graden; een dakopbouw is verboden.
  Artikel 4.21: wonen is toegestaan; bedrijfsactiviteiten tot en met de maximum milieucategorie (2) tot
  250 m2, daarboven verboden; detailhandel alleen met een vergunning, tot 100 m2.

  Achtergrond:
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "polderlint Zuidweg"

  Abstract Scenario: Een woning met <dak>
    Gegeven de activiteit "bouwen van een hoofdgebouw"
    En het feit "kap" is <kap>
    En de dakhelling is <helling>
    Als ik het initiatief toets
    Dan is de conclusie "Vergunningplicht"
    En is artikel 4.20 lid 1 "<uitkomst>"

    Voorbeelden:
      | dak                          | kap | helling   | uitkomst     |
      | een kap van 30 graden        | ja  | 30 graden | voldoet      |
      | een kap van 29,5 graden      | ja  | 29,5 graden | voldoet niet |
      | een kap van 45 graden        | ja  | 45 graden | voldoet      |
      | een plat dak                 | nee | 0 graden  | voldoet niet |

  Scenario: Een dakopbouw in het polderlint is verboden
    Gegeven de activiteit "bouwen van een dakopbouw"
    Als ik het initiatief toets
    Dan is de conclusie "Verbod"
    En voldoet het initiatief niet aan artikel 4.20 lid 2
    En geldt artikel 2.6 niet

  Scenario: Wonen in het polderlint is toegestaan
    Gegeven de activiteit "gebruiken als woning"
    Als ik het initiatief toets
    Dan is de conclusie "Toestemmingsvrij"
    En voldoet het initiatief aan artikel 4.21 lid 1

  Abstract Scenario: Een bedrijf in milieucategorie <categorie> op <oppervlak> in het polderlint
    Gegeven de activiteit "gebruiken voor bedrijfsactiviteiten"
    En de milieucategorie is <categorie>
    En het bruto vloeroppervlak is <oppervlak>
    Als ik het initiatief toets
    Dan is de conclusie "<conclusie>"
    En is artikel 4.21 lid 2 "<lid 2>"
    En is artikel 4.21 lid 3 "<lid 3>"

    Voorbeelden:
      | categorie | oppervlak | conclusie        | lid 2               | lid 3               |
      | 2         | 250 m2    | Toestemmingsvrij | voldoet             | niet van toepassing |
      | 2         | 251 m2    | Toestemmingsvrij | voldoet niet        | niet van toepassing |
      | 3         | 100 m2    | Verbod           | niet van toepassing | voldoet niet        |

  Abstract Scenario: Een boerderijwinkel van <oppervlak>
    Gegeven de activiteit "gebruiken voor detailhandel"
    En het bruto vloeroppervlak is <oppervlak>
    Als ik het initiatief toets
    Dan is de conclusie "Vergunningplicht"
    En is artikel 4.21 lid 4 "<uitkomst>"

    Voorbeelden:
      | oppervlak | uitkomst     |
      | 100 m2    | voldoet      |
      | 101 m2    | voldoet niet |

# language: nl
Functionaliteit: Functies in het woongebied (artikelen 4.2 en 4.3)
  Artikel 4.2: wonen is toegestaan; maatschappelijke voorzieningen tot 500 m2 bruto vloeroppervlak ook.
  Artikel 4.3: bedrijfsactiviteiten boven de maximum milieucategorie (1) zijn verboden; tot en met
  die categorie is een vergunning nodig, die alleen wordt verleend tot 100 m2. Detailhandel, horeca
  en een zelfstandig kantoor zijn verboden (in de wijken van de toekomst geldt hoofdstuk 5).

  Achtergrond:
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "woongebied" buiten "wijken van de toekomst"

  Scenario: Wonen in het woongebied is toegestaan
    Gegeven de activiteit "gebruiken als woning"
    Als ik het initiatief toets
    Dan is de conclusie "Toestemmingsvrij"
    En voldoet het initiatief aan artikel 4.2 lid 1
    En is het oordeel "past"

  Abstract Scenario: Een maatschappelijke voorziening van <oppervlak>
    Gegeven de activiteit "gebruiken voor maatschappelijke voorzieningen"
    En het bruto vloeroppervlak is <oppervlak>
    Als ik het initiatief toets
    Dan is de conclusie "Toestemmingsvrij"
    En is artikel 4.2 lid 2 "<uitkomst>"

    Voorbeelden:
      | oppervlak | uitkomst     |
      | 499 m2    | voldoet      |
      | 500 m2    | voldoet      |
      | 501 m2    | voldoet niet |

  Abstract Scenario: Bedrijfsactiviteit in milieucategorie <categorie> op <oppervlak>
    Gegeven de activiteit "gebruiken voor bedrijfsactiviteiten"
    En de milieucategorie is <categorie>
    En het bruto vloeroppervlak is <oppervlak>
    Als ik het initiatief toets
    Dan is de conclusie "<conclusie>"
    En is artikel 4.3 lid 1 "<lid 1>"
    En is artikel 4.3 lid 2 "<lid 2>"

    Voorbeelden:
      | categorie | oppervlak | conclusie        | lid 1               | lid 2               |
      | 1         | 100 m2    | Vergunningplicht | niet van toepassing | voldoet             |
      | 1         | 101 m2    | Vergunningplicht | niet van toepassing | voldoet niet        |
      | 2         | 50 m2     | Verbod           | voldoet niet        | niet van toepassing |

  Abstract Scenario: <activiteit> in het woongebied is verboden
    Gegeven de activiteit "<activiteit>"
    Als ik het initiatief toets
    Dan is de conclusie "Verbod"
    En voldoet het initiatief niet aan artikel 4.3 lid <lid>
    En is het oordeel "past niet"

    Voorbeelden:
      | activiteit              | lid |
      | gebruiken voor detailhandel | 3   |
      | gebruiken voor horeca   | 4   |
      | gebruiken voor kantoor  | 5   |

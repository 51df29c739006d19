# language: nl
Functionaliteit: Woon-werkwoningen (artikelen 3.4 en 3.5)
  Artikel 3.4: het is verboden zonder omgevingsvergunning een woon-werkwoning te bouwen; de vergunning
  wordt alleen verleend als de werkruimte ten minste 15 m2 is en niet meer dan de helft van het bruto
  vloeroppervlak. Op een bedrijventerrein is een woon-werkwoning verboden.
  Artikel 3.5: het gebruik als woon-werkwoning is toegestaan als een bewoner er werkt en de werkruimte
  niet meer is dan de helft van het bruto vloeroppervlak; een bedrijfsactiviteit boven de maximum
  milieucategorie (woongebied 1, centrum 2) is verboden.

  Regel: Bouwen van een woon-werkwoning (artikel 3.4)

    Achtergrond:
      Gegeven de peildatum is 2026-09-01
      En de locatie ligt in "woongebied" buiten "wijken van de toekomst"
      En de activiteit "bouwen van een woon-werkwoning"
      En het bruto vloeroppervlak is 160 m2

    Abstract Scenario: Een werkruimte van <werkruimte> in een woning van 160 m2
      Gegeven de werkruimte is <werkruimte>
      Als ik het initiatief toets
      Dan is artikel 3.4 lid 1 "<uitkomst>"
      En is de conclusie "Vergunningplicht"

      Voorbeelden: ten minste 15 m2
        | werkruimte | uitkomst     |
        | 14,9 m2    | voldoet niet |
        | 15 m2      | voldoet      |

      Voorbeelden: ten hoogste de helft (80 m2)
        | werkruimte | uitkomst     |
        | 80 m2      | voldoet      |
        | 80,1 m2    | voldoet niet |

    Scenario: Een woon-werkwoning op het bedrijventerrein is verboden
      Gegeven de locatie ligt in "bedrijventerrein"
      En de werkruimte is 40 m2
      Als ik het initiatief toets
      Dan is de conclusie "Verbod"
      En voldoet het initiatief niet aan artikel 3.4 lid 2

  Regel: Gebruiken als woon-werkwoning (artikel 3.5)

    Achtergrond:
      Gegeven de peildatum is 2026-09-01
      En de activiteit "gebruiken als woon-werkwoning"
      En de feiten:
        | uitoefening door bewoner | ja     |
        | werkruimte               | 50 m2  |
        | bruto vloeroppervlak     | 120 m2 |
        | milieucategorie          | 1      |

    Abstract Scenario: Werken in een woon-werkwoning in het <gebied>: <wat>
      Gegeven de locatie ligt in "<gebied>"
      En het feit "<feit>" is <waarde>
      Als ik het initiatief toets
      Dan is de conclusie "<conclusie>"
      En is artikel 3.5 lid 1 "<lid 1>"
      En is artikel 3.5 lid 2 "<lid 2>"

      Voorbeelden:
        | gebied     | wat                       | feit                     | waarde | conclusie        | lid 1        | lid 2               |
        | woongebied | werkruimte de helft       | werkruimte               | 60 m2  | Toestemmingsvrij | voldoet      | niet van toepassing |
        | woongebied | werkruimte meer dan helft | werkruimte               | 61 m2  | Toestemmingsvrij | voldoet niet | niet van toepassing |
        | woongebied | geen bewoner              | uitoefening door bewoner | nee    | Toestemmingsvrij | voldoet niet | niet van toepassing |
        | woongebied | milieucategorie 2         | milieucategorie          | 2      | Verbod           | voldoet      | voldoet niet        |
        | centrum    | milieucategorie 2         | milieucategorie          | 2      | Toestemmingsvrij | voldoet      | niet van toepassing |
        | centrum    | milieucategorie 3         | milieucategorie          | 3      | Verbod           | voldoet      | voldoet niet        |

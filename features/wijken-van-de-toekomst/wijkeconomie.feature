# language: nl
Functionaliteit: Wijkeconomie en werken aan huis in de wijken van de toekomst (artikelen 5.6 en 5.7)
  Artikel 5.6: in afwijking van artikel 4.3 is kleinschalige detailhandel op de begane grond tot 150 m2
  toegestaan, en kleinschalige horeca tot 150 m2 vergunningplichtig (alleen op de begane grond).
  Artikel 5.7: in afwijking van artikel 2.9, vierde lid, is detailhandel of horeca aan huis
  vergunningplichtig: ten hoogste 30 procent van de woning en 40 m2, door een bewoner, op de begane
  grond. Een groepspraktijk aan huis blijft verboden.

  Achtergrond:
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "Meerzicht"

  Abstract Scenario: Een winkel van <oppervlak> <waar> in Meerzicht
    Gegeven de activiteit "gebruiken voor detailhandel"
    En het bruto vloeroppervlak is <oppervlak>
    En het feit "begane grond" is <begane grond>
    Als ik het initiatief toets
    Dan is de conclusie "<conclusie>"
    En is artikel 5.6 lid 1 "<artikel 5.6>"
    En is artikel 4.3 lid 3 "<artikel 4.3>"

    Voorbeelden:
      | oppervlak | waar               | begane grond | conclusie        | artikel 5.6         | artikel 4.3  |
      | 150 m2    | op de begane grond | ja           | Toestemmingsvrij | voldoet             | opzijgezet   |
      | 151 m2    | op de begane grond | ja           | Verbod           | niet van toepassing | voldoet niet |
      | 80 m2     | op een verdieping  | nee          | Verbod           | niet van toepassing | voldoet niet |

  Abstract Scenario: Een café van <oppervlak> <waar> in Meerzicht
    Gegeven de activiteit "gebruiken voor horeca"
    En het bruto vloeroppervlak is <oppervlak>
    En het feit "begane grond" is <begane grond>
    Als ik het initiatief toets
    Dan is de conclusie "<conclusie>"
    En is artikel 5.6 lid 2 "<artikel 5.6>"
    En is artikel 4.3 lid 4 "<artikel 4.3>"

    Voorbeelden:
      | oppervlak | waar               | begane grond | conclusie        | artikel 5.6         | artikel 4.3  |
      | 150 m2    | op de begane grond | ja           | Vergunningplicht | voldoet             | opzijgezet   |
      | 100 m2    | op een verdieping  | nee          | Vergunningplicht | voldoet niet        | opzijgezet   |
      | 151 m2    | op de begane grond | ja           | Verbod           | niet van toepassing | voldoet niet |

  Regel: Detailhandel en horeca aan huis (artikel 5.7)

    Achtergrond:
      Gegeven de activiteit "gebruiken voor een aan-huis-verbonden beroep"
      En de feiten:
        | soort beroep               | detailhandel |
        | gebruiksoppervlakte woning | 120 m2       |
        | oppervlakte beroep         | 30 m2        |
        | uitoefening door bewoner   | ja           |
        | begane grond               | ja           |
        | milieucategorie            | 1            |

    Abstract Scenario: Een winkel aan huis: <wat>
      Gegeven het feit "<feit>" is <waarde>
      Als ik het initiatief toets
      Dan is de conclusie "Vergunningplicht"
      En is artikel 5.7 lid 1 "<uitkomst>"
      En is artikel 2.9 lid 4 "opzijgezet"

      Voorbeelden:
        | wat                             | feit                     | waarde | uitkomst     |
        | 30 m2 in een woning van 120 m2  | oppervlakte beroep       | 30 m2  | voldoet      |
        | 36 m2 (30 procent)              | oppervlakte beroep       | 36 m2  | voldoet      |
        | 36,5 m2                         | oppervlakte beroep       | 36,5 m2 | voldoet niet |
        | op een verdieping               | begane grond             | nee    | voldoet niet |
        | niet door een bewoner           | uitoefening door bewoner | nee    | voldoet niet |

    Scenario: Horeca aan huis in een grote woning: ten hoogste 40 m2
      Gegeven de soort beroep is "horeca"
      En de gebruiksoppervlakte woning is 200 m2
      En de oppervlakte beroep is 41 m2
      Als ik het initiatief toets
      Dan voldoet het initiatief niet aan artikel 5.7 lid 1
      En staat bij artikel 5.7 lid 1 "oppervlakte beroep 41 m2 > 40 m2"

    Scenario: Een groepspraktijk aan huis blijft ook in Meerzicht verboden
      Gegeven de soort beroep is "groepspraktijk"
      Als ik het initiatief toets
      Dan is de conclusie "Verbod"
      En voldoet het initiatief niet aan artikel 2.9 lid 4
      En is artikel 5.7 lid 1 "niet van toepassing"

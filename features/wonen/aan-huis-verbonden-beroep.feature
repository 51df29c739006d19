# language: nl
Functionaliteit: Aan-huis-verbonden beroep of bedrijf (artikel 2.9)
  Lid 1: toegestaan als de oppervlakte beroep niet meer is dan 30 procent van de gebruiksoppervlakte
  van de woning en ten hoogste 50 m2, en een bewoner het beroep uitoefent.
  Lid 2: gastouderopvang voor ten hoogste zes kinderen tegelijk.
  Lid 3: een bed and breakfast is meldingsplichtig en biedt ten hoogste vier slaapplaatsen.
  Lid 4: detailhandel, horeca en een groepspraktijk aan huis zijn verboden.
  Lid 5: een beroep of bedrijf boven milieucategorie 1 is verboden.
  (In de wijken van de toekomst geldt voor detailhandel en horeca artikel 5.7.)

  Achtergrond:
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "woongebied" buiten "wijken van de toekomst"
    En de activiteit "gebruiken voor een aan-huis-verbonden beroep"
    En de feiten:
      | soort beroep               | administratief |
      | gebruiksoppervlakte woning | 150 m2         |
      | oppervlakte beroep         | 30 m2          |
      | uitoefening door bewoner   | ja             |
      | milieucategorie            | 1              |

  Scenario: Een administratiekantoor aan huis is toegestaan
    Als ik het initiatief toets
    Dan is de conclusie "Toestemmingsvrij"
    En is het oordeel "past"
    En voldoet het initiatief aan artikel 2.9 lid 1
    En is artikel 2.9 lid 5 "niet van toepassing"

  Abstract Scenario: <oppervlakte beroep> voor het beroep in een woning van <woning>
    Gegeven de oppervlakte beroep is <oppervlakte beroep>
    En de gebruiksoppervlakte woning is <woning>
    Als ik het initiatief toets
    Dan is artikel 2.9 lid 1 "<uitkomst>"

    Voorbeelden: 30 procent van de woning
      | oppervlakte beroep | woning | uitkomst     |
      | 45 m2              | 150 m2 | voldoet      |
      | 44,9 m2            | 150 m2 | voldoet      |
      | 45,1 m2            | 150 m2 | voldoet niet |

    Voorbeelden: ten hoogste 50 m2, ook in een grote woning
      | oppervlakte beroep | woning | uitkomst     |
      | 50 m2              | 200 m2 | voldoet      |
      | 50,5 m2            | 200 m2 | voldoet niet |

  Scenario: Het beroep wordt niet door een bewoner uitgeoefend
    Gegeven het feit "uitoefening door bewoner" is nee
    Als ik het initiatief toets
    Dan voldoet het initiatief niet aan artikel 2.9 lid 1
    En is het oordeel "past niet"

  Abstract Scenario: Gastouderopvang voor <kinderen> kinderen
    Gegeven de soort beroep is "kinderopvang"
    En het aantal opgevangen kinderen is <kinderen>
    Als ik het initiatief toets
    Dan is artikel 2.9 lid 2 "<uitkomst>"
    En is het oordeel "<oordeel>"

    Voorbeelden:
      | kinderen | uitkomst     | oordeel   |
      | 5        | voldoet      | past      |
      | 6        | voldoet      | past      |
      | 7        | voldoet niet | past niet |

  Abstract Scenario: Bed and breakfast met <slaapplaatsen> slaapplaatsen
    Gegeven de soort beroep is "bed and breakfast"
    En het aantal slaapplaatsen is <slaapplaatsen>
    Als ik het initiatief toets
    Dan is de conclusie "Meldingsplicht"
    En is artikel 2.9 lid 3 "<uitkomst>"

    Voorbeelden:
      | slaapplaatsen | uitkomst     |
      | 3             | voldoet      |
      | 4             | voldoet      |
      | 5             | voldoet niet |

  Abstract Scenario: <soort beroep> aan huis is verboden
    Gegeven de soort beroep is "<soort beroep>"
    Als ik het initiatief toets
    Dan is de conclusie "Verbod"
    En voldoet het initiatief niet aan artikel 2.9 lid 4
    En geldt artikel 2.9 lid 1 niet

    Voorbeelden:
      | soort beroep   |
      | detailhandel   |
      | horeca         |
      | groepspraktijk |

  Abstract Scenario: Een bedrijf aan huis in milieucategorie <categorie>
    Gegeven de soort beroep is "ambacht"
    En de milieucategorie is <categorie>
    Als ik het initiatief toets
    Dan is de conclusie "<conclusie>"
    En is artikel 2.9 lid 5 "<uitkomst>"

    Voorbeelden:
      | categorie | conclusie        | uitkomst            |
      | 1         | Toestemmingsvrij | niet van toepassing |
      | 2         | Verbod           | voldoet niet        |

  Scenario: Het voorbeeld met een groepspraktijk aan huis is verboden
    Gegeven het initiatief uit "voorbeelden/verbod-groepspraktijk-aan-huis.json"
    Als ik het initiatief toets
    Dan is de conclusie "Verbod"
    En voldoet het initiatief niet aan artikel 2.9, vierde lid

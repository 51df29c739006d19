# language: nl
Functionaliteit: Knarrenhofjes (artikel 3.3)
  Het is verboden zonder omgevingsvergunning een knarrenhof te bouwen. De vergunning wordt alleen
  verleend als het knarrenhof ten minste 12 en ten hoogste 40 woningen omvat, de woningen rond een
  gemeenschappelijke tuin liggen en geen woning meer dan twee bouwlagen heeft. Een knarrenhof is
  een hoofdgebouw: de artikelen 2.2 en 2.3 en de hoofdstukken 6 en 7 gelden ook.

  Achtergrond:
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "woongebied" buiten "wijken van de toekomst"
    En de activiteit "bouwen van een knarrenhof"
    En de feiten:
      | gemeenschappelijke tuin | ja    |
      | bouwlagen               | 2     |

  Abstract Scenario: Een knarrenhof met <woningen> woningen
    Gegeven het aantal woningen is <woningen>
    Als ik het initiatief toets
    Dan is artikel 3.3 lid 1 "<uitkomst>"
    En is de conclusie "Vergunningplicht"

    Voorbeelden:
      | woningen | uitkomst     |
      | 11       | voldoet niet |
      | 12       | voldoet      |
      | 13       | voldoet      |
      | 39       | voldoet      |
      | 40       | voldoet      |
      | 41       | voldoet niet |

  Abstract Scenario: Een knarrenhof <wat>
    Gegeven het aantal woningen is 24
    En het feit "<feit>" is <waarde>
    Als ik het initiatief toets
    Dan is artikel 3.3 lid 1 "<uitkomst>"

    Voorbeelden:
      | wat                          | feit                    | waarde | uitkomst     |
      | zonder gemeenschappelijke tuin | gemeenschappelijke tuin | nee    | voldoet niet |
      | met drie bouwlagen           | bouwlagen               | 3      | voldoet niet |
      | met één bouwlaag             | bouwlagen               | 1      | voldoet      |

  Scenario: Ook de regels voor hoofdgebouwen gelden voor een knarrenhof
    Gegeven het aantal woningen is 24
    En de bouwhoogte is 11 m
    Als ik het initiatief toets
    Dan voldoet het initiatief aan artikel 3.3 lid 1
    Maar voldoet het initiatief niet aan artikel 2.2 lid 1
    En is het oordeel "past niet"

  Scenario: Het verticale knarrenhof in Meerzicht is hoger dan de wijken van de toekomst toelaten
    Gegeven het initiatief uit "voorbeelden/afwijking-knarrenhof-meerzicht.json"
    Als ik het initiatief toets
    Dan voldoet het initiatief niet aan artikel 3.3 lid 1
    En voldoet het initiatief niet aan artikel 5.2 lid 1
    En is artikel 2.2 lid 1 "opzijgezet"
    En staat bij artikel 5.2 lid 1 "bouwhoogte 17 m > maximum bouwhoogte toekomstwijken 16 m"

# language: nl
Functionaliteit: Functies en bouwen in het centrum (artikelen 4.5, 4.6 en 4.7)
  Artikel 4.5: detailhandel, horeca, kantoren, maatschappelijke voorzieningen en bedrijfsactiviteiten
  tot en met de maximum milieucategorie (2) zijn toegestaan; daarboven verboden. Evenementen regelt de
  APV (anders geduid: het plan laat het oordeel aan het bevoegd gezag).
  Artikel 4.6: wonen is toegestaan boven de begane grond; op de begane grond is een vergunning nodig.
  Artikel 4.7: een hoofdgebouw is vergunningplichtig, tot de maximum bouwhoogte van 60 m.

  Achtergrond:
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "centrum"

  Abstract Scenario: <activiteit> in het centrum is toegestaan
    Gegeven de activiteit "<activiteit>"
    Als ik het initiatief toets
    Dan is de conclusie "Toestemmingsvrij"
    En voldoet het initiatief aan artikel 4.5 lid <lid>
    En is het oordeel "past"

    Voorbeelden:
      | activiteit                                    | lid |
      | gebruiken voor detailhandel                   | 1   |
      | gebruiken voor horeca                         | 2   |
      | gebruiken voor kantoor                        | 3   |
      | gebruiken voor maatschappelijke voorzieningen | 4   |

  Abstract Scenario: Bedrijfsactiviteit in milieucategorie <categorie> in het centrum
    Gegeven de activiteit "gebruiken voor bedrijfsactiviteiten"
    En de milieucategorie is <categorie>
    Als ik het initiatief toets
    Dan is de conclusie "<conclusie>"
    En is artikel 4.5 lid 5 "<lid 5>"
    En is artikel 4.5 lid 6 "<lid 6>"

    Voorbeelden:
      | categorie | conclusie        | lid 5               | lid 6               |
      | 1         | Toestemmingsvrij | voldoet             | niet van toepassing |
      | 2         | Toestemmingsvrij | voldoet             | niet van toepassing |
      | 3         | Verbod           | niet van toepassing | voldoet niet        |

  Scenario: Een evenement in het centrum regelt de APV
    Gegeven de activiteit "organiseren van een evenement"
    Als ik het initiatief toets
    Dan is de conclusie "NeemContactOpMet"
    En is het oordeel "ter beoordeling"
    En geldt artikel 4.5 lid 7

  Abstract Scenario: Een woning in het centrum <waar>
    Gegeven de activiteit "gebruiken als woning"
    En het feit "begane grond" is <begane grond>
    Als ik het initiatief toets
    Dan is de conclusie "<conclusie>"
    En is artikel 4.6 lid 1 "<lid 1>"
    En is artikel 4.6 lid 2 "<lid 2>"

    Voorbeelden:
      | waar                 | begane grond | conclusie        | lid 1               | lid 2               |
      | op een verdieping    | nee          | Toestemmingsvrij | voldoet             | niet van toepassing |
      | op de begane grond   | ja           | Vergunningplicht | niet van toepassing | voldoet             |

  Abstract Scenario: Een hoofdgebouw van <bouwhoogte> in het centrum (maximum 60 m)
    Gegeven de activiteit "bouwen van een hoofdgebouw"
    En de functie is "kantoor"
    En de bouwhoogte is <bouwhoogte>
    Als ik het initiatief toets
    Dan is de conclusie "Vergunningplicht"
    En is artikel 4.7 lid 1 "<uitkomst>"
    En staat bij artikel 4.7 lid 1 "maximum bouwhoogte 60 m"
    En geldt artikel 2.2 niet

    Voorbeelden:
      | bouwhoogte | uitkomst     |
      | 59,9 m     | voldoet      |
      | 60 m       | voldoet      |
      | 60,1 m     | voldoet niet |

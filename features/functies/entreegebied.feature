# language: nl
Functionaliteit: Functies en bouwen in het Entreegebied (artikelen 4.9, 4.10 en 4.11)
  Artikel 4.9: wonen, kantoren, maatschappelijke voorzieningen en horeca zijn toegestaan; detailhandel
  tot 1.500 m2 per vestiging; bedrijfsactiviteiten tot en met de maximum milieucategorie (2),
  daarboven verboden.
  Artikel 4.10: een hoofdgebouw is vergunningplichtig tot de maximum bouwhoogte (70 m); een gebouw met
  woningen heeft geen gevel boven 70 dB, tenzij het een dove gevel is.
  Artikel 4.11: transformatie van kantoren naar woningen is maatwerk.

  Achtergrond:
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "Entreegebied"

  Abstract Scenario: <activiteit> in het Entreegebied is toegestaan
    Gegeven de activiteit "<activiteit>"
    Als ik het initiatief toets
    Dan is de conclusie "Toestemmingsvrij"
    En voldoet het initiatief aan artikel 4.9 lid <lid>

    Voorbeelden:
      | activiteit                                    | lid |
      | gebruiken als woning                          | 1   |
      | gebruiken voor kantoor                        | 2   |
      | gebruiken voor maatschappelijke voorzieningen | 3   |
      | gebruiken voor horeca                         | 4   |

  Abstract Scenario: Een winkel van <oppervlak> in het Entreegebied
    Gegeven de activiteit "gebruiken voor detailhandel"
    En het bruto vloeroppervlak is <oppervlak>
    Als ik het initiatief toets
    Dan is artikel 4.9 lid 5 "<uitkomst>"

    Voorbeelden:
      | oppervlak | uitkomst     |
      | 1500 m2   | voldoet      |
      | 1501 m2   | voldoet niet |
      | 0,15 ha   | voldoet      |

  Abstract Scenario: Bedrijfsactiviteit in milieucategorie <categorie> in het Entreegebied
    Gegeven de activiteit "gebruiken voor bedrijfsactiviteiten"
    En de milieucategorie is <categorie>
    Als ik het initiatief toets
    Dan is de conclusie "<conclusie>"
    En is artikel 4.9 lid 6 "<lid 6>"
    En is artikel 4.9 lid 7 "<lid 7>"

    Voorbeelden:
      | categorie | conclusie        | lid 6               | lid 7               |
      | 2         | Toestemmingsvrij | voldoet             | niet van toepassing |
      | 3         | Verbod           | niet van toepassing | voldoet niet        |

  Abstract Scenario: Een woontoren van <bouwhoogte> met <geluid> op de gevel <dove gevel>
    Gegeven de activiteit "bouwen van een hoofdgebouw"
    En de functie is "wonen"
    En de bouwhoogte is <bouwhoogte>
    En de geluidbelasting gevel is <geluid>
    En het feit "dove gevel" is <doof>
    Als ik het initiatief toets
    Dan is artikel 4.10 lid 1 "<lid 1>"
    En is artikel 4.10 lid 2 "<lid 2>"

    Voorbeelden:
      | bouwhoogte | geluid | dove gevel         | doof | lid 1        | lid 2        |
      | 70 m       | 70 dB  | (geen dove gevel)  | nee  | voldoet      | voldoet      |
      | 70,5 m     | 70 dB  | (geen dove gevel)  | nee  | voldoet niet | voldoet      |
      | 40 m       | 71 dB  | (geen dove gevel)  | nee  | voldoet      | voldoet niet |
      | 40 m       | 71 dB  | (wel een dove gevel) | ja | voldoet      | voldoet      |

  Scenario: De geluidseis geldt alleen voor gebouwen met woningen
    Gegeven de activiteit "bouwen van een hoofdgebouw"
    En de functie is "kantoor"
    En de geluidbelasting gevel is 75 dB
    Als ik het initiatief toets
    Dan is artikel 4.10 lid 2 "niet van toepassing"

  Scenario: Transformatie van een kantoor naar woningen in het Entreegebied is maatwerk
    Gegeven de activiteit "transformeren van een kantoorgebouw naar woningen"
    En de feiten:
      | aantal woningen      | 40 |
      | parkeerplaatsen      | 28 |
      | fietsparkeerplaatsen | 80 |
    Als ik het initiatief toets
    Dan is de conclusie "NeemContactOpMet"
    En is het oordeel "ter beoordeling"
    En geldt artikel 4.11 lid 1
    En geldt artikel 4.22 niet

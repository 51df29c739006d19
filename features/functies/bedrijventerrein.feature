# language: nl
Functionaliteit: Het bedrijventerrein (artikelen 4.13, 4.14 en 4.15)
  Artikel 4.13: bedrijfsactiviteiten tot en met milieucategorie 3 zijn toegestaan; categorie 4 alleen
  met een vergunning, en dan op ten minste 200 m van woningen; categorie 5 of hoger is verboden.
  Artikel 4.14: een kantoor tot 500 m2 is toegestaan; detailhandel, wonen en de transformatie van een
  kantoor naar woningen zijn verboden.
  Artikel 4.15: een hoofdgebouw is vergunningplichtig, tot 20 m hoog en 70 % van het perceel; voor
  wonen of maatschappelijke voorzieningen is het verboden.

  Achtergrond:
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "bedrijventerrein"

  Abstract Scenario: Een bedrijf in milieucategorie <categorie> op <afstand> van woningen
    Gegeven de activiteit "gebruiken voor bedrijfsactiviteiten"
    En de milieucategorie is <categorie>
    En de afstand tot woningen is <afstand>
    Als ik het initiatief toets
    Dan is de conclusie "<conclusie>"
    En is artikel 4.13 lid 1 "<lid 1>"
    En is artikel 4.13 lid 2 "<lid 2>"
    En is artikel 4.13 lid 3 "<lid 3>"

    Voorbeelden:
      | categorie | afstand | conclusie        | lid 1               | lid 2               | lid 3               |
      | 3         | 50 m    | Toestemmingsvrij | voldoet             | niet van toepassing | niet van toepassing |
      | 4         | 200 m   | Vergunningplicht | niet van toepassing | voldoet             | niet van toepassing |
      | 4         | 199 m   | Vergunningplicht | niet van toepassing | voldoet niet        | niet van toepassing |
      | 4         | 0,2 km  | Vergunningplicht | niet van toepassing | voldoet             | niet van toepassing |
      | 5         | 500 m   | Verbod           | niet van toepassing | niet van toepassing | voldoet niet        |

  Abstract Scenario: Een kantoor van <oppervlak> op het bedrijventerrein
    Gegeven de activiteit "gebruiken voor kantoor"
    En het bruto vloeroppervlak is <oppervlak>
    Als ik het initiatief toets
    Dan is de conclusie "Toestemmingsvrij"
    En is artikel 4.14 lid 1 "<uitkomst>"

    Voorbeelden:
      | oppervlak | uitkomst     |
      | 500 m2    | voldoet      |
      | 501 m2    | voldoet niet |

  Abstract Scenario: <activiteit> op het bedrijventerrein is verboden
    Gegeven de activiteit "<activiteit>"
    Als ik het initiatief toets
    Dan is de conclusie "Verbod"
    En voldoet het initiatief niet aan artikel 4.14 lid <lid>

    Voorbeelden:
      | activiteit                                        | lid |
      | gebruiken voor detailhandel                       | 2   |
      | gebruiken als woning                              | 3   |
      | transformeren van een kantoorgebouw naar woningen | 4   |

  Abstract Scenario: Een bedrijfshal van <bouwhoogte> op <bebouwd> van een perceel van 1000 m2
    Gegeven de activiteit "bouwen van een hoofdgebouw"
    En de functie is "bedrijf"
    En de bouwhoogte is <bouwhoogte>
    En het bebouwd oppervlak is <bebouwd>
    En het perceeloppervlak is 1000 m2
    Als ik het initiatief toets
    Dan is de conclusie "Vergunningplicht"
    En is artikel 4.15 lid 1 "<uitkomst>"
    En is artikel 4.15 lid 2 "niet van toepassing"

    Voorbeelden:
      | bouwhoogte | bebouwd | uitkomst     |
      | 20 m       | 700 m2  | voldoet      |
      | 20,1 m     | 700 m2  | voldoet niet |
      | 20 m       | 701 m2  | voldoet niet |

  Abstract Scenario: Een hoofdgebouw voor <functie> op het bedrijventerrein is verboden
    Gegeven de activiteit "bouwen van een hoofdgebouw"
    En de functie is "<functie>"
    Als ik het initiatief toets
    Dan is de conclusie "Verbod"
    En voldoet het initiatief niet aan artikel 4.15 lid 2

    Voorbeelden:
      | functie         |
      | wonen           |
      | maatschappelijk |

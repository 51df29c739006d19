# language: nl
Functionaliteit: Groene daken en natuurinclusief bouwen (artikelen 6.2 en 6.3)
  Artikel 6.2: tot en met 30 juni 2026 moet een plat dak van ten minste 500 m2 een groen dak zijn; met
  ingang van 1 juli 2026 geldt dat al vanaf 100 m2 (versie 2026-1).
  Artikel 6.3: een hoofdgebouw met woningen heeft ten minste één nestvoorziening per tien woningen,
  met een minimum van één; een ander hoofdgebouw ten minste één.

  Achtergrond:
    Gegeven de locatie ligt in "centrum"
    En de activiteit "bouwen van een hoofdgebouw"
    En de feiten:
      | functie                  | kantoor |
      | plat dak                 | ja      |
      | groen dak                | nee     |
      | aantal nestvoorzieningen | 1       |

  Abstract Scenario: Versie 2024-1: een plat dak van <dakoppervlak> zonder groen op <peildatum>
    Gegeven de peildatum is <peildatum>
    En het dakoppervlak is <dakoppervlak>
    Als ik het initiatief toets
    Dan is artikel 6.2 lid 1 "<lid 1>"
    En geldt artikel 6.2 lid 2 niet

    Voorbeelden: tot en met 30 juni 2026 is de grens 500 m2
      | peildatum  | dakoppervlak | lid 1               |
      | 2024-01-01 | 500 m2       | voldoet niet        |
      | 2026-06-30 | 499 m2       | niet van toepassing |
      | 2026-06-30 | 500 m2       | voldoet niet        |

  Abstract Scenario: Versie 2026-1: een plat dak van <dakoppervlak> zonder groen op <peildatum>
    Gegeven de peildatum is <peildatum>
    En het dakoppervlak is <dakoppervlak>
    Als ik het initiatief toets
    Dan is artikel 6.2 lid 2 "<lid 2>"
    En geldt artikel 6.2 lid 1 niet

    Voorbeelden: vanaf 1 juli 2026 is de grens 100 m2
      | peildatum  | dakoppervlak | lid 2               |
      | 2026-07-01 | 99 m2        | niet van toepassing |
      | 2026-07-01 | 100 m2       | voldoet niet        |
      | 2026-07-01 | 499 m2       | voldoet niet        |

  Abstract Scenario: Een plat dak van 600 m2 <wat> op <peildatum>
    Gegeven de peildatum is <peildatum>
    En het dakoppervlak is 600 m2
    En het feit "groen dak" is <groen>
    Als ik het initiatief toets
    Dan voldoet het initiatief <uitkomst> artikel 6.2

    Voorbeelden:
      | wat             | peildatum  | groen | uitkomst |
      | met groen dak   | 2025-01-01 | ja    | aan      |
      | zonder groen    | 2025-01-01 | nee   | niet aan |
      | met groen dak   | 2026-09-01 | ja    | aan      |
      | zonder groen    | 2026-09-01 | nee   | niet aan |

  Scenario: Een schuin dak hoeft geen groen dak te zijn
    Gegeven de peildatum is 2026-09-01
    En het feit "plat dak" is nee
    En het dakoppervlak is 800 m2
    Als ik het initiatief toets
    Dan geldt artikel 6.2 niet

  Abstract Scenario: <nest> nestvoorzieningen bij <woningen> woningen
    Gegeven de peildatum is 2026-09-01
    En de functie is "wonen"
    En het aantal woningen is <woningen>
    En het aantal nestvoorzieningen is <nest>
    Als ik het initiatief toets
    Dan is artikel 6.3 lid 1 "<uitkomst>"
    En is artikel 6.3 lid 2 "niet van toepassing"

    Voorbeelden: één per tien woningen, minimaal één
      | woningen | nest | uitkomst     |
      | 1        | 1    | voldoet      |
      | 1        | 0    | voldoet niet |
      | 30       | 3    | voldoet      |
      | 30       | 2    | voldoet niet |
      | 31       | 3    | voldoet niet |
      | 31       | 4    | voldoet      |

  Abstract Scenario: Een kantoor met <nest> nestvoorzieningen
    Gegeven de peildatum is 2026-09-01
    En het aantal nestvoorzieningen is <nest>
    Als ik het initiatief toets
    Dan is artikel 6.3 lid 2 "<uitkomst>"
    En is artikel 6.3 lid 1 "niet van toepassing"

    Voorbeelden:
      | nest | uitkomst     |
      | 0    | voldoet niet |
      | 1    | voldoet      |

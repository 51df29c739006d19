# language: nl
Functionaliteit: Waterberging, groene voortuinen, dempen van water en kappen van bomen (artikelen 6.4 tot en met 6.7)
  Artikel 6.4: bij een bouw- of aanlegactiviteit die het verhard oppervlak met ten minste 50 m2 laat
  toenemen, bergt het initiatief op eigen terrein ten minste de minimale waterberging (60 mm; in het
  centrum en het Entreegebied 40 mm).
  Artikel 6.5: ten hoogste de helft van een voortuin mag verhard zijn.
  Artikel 6.6: dempen van oppervlaktewater mag alleen met een vergunning, en dan alleen als ten minste
  evenveel nieuw water wordt aangelegd.
  Artikel 6.7: een boom onder 50 cm stamomtrek mag worden gekapt; van 50 tot 80 cm na informeren van
  het bevoegd gezag; vanaf 80 cm met een vergunning; in het Westerpark al vanaf 30 cm.

  Achtergrond:
    Gegeven de peildatum is 2026-09-01

  Abstract Scenario: Waterberging bij <toename> meer verharding in het <gebied>: <berging>
    Gegeven de locatie ligt in "<gebied>"
    En de activiteit "<activiteit>"
    En de toename verhard oppervlak is <toename>
    En het waterbergend vermogen is <berging>
    Als ik het initiatief toets
    Dan is artikel 6.4 lid <lid> "<uitkomst>"

    Voorbeelden: een bouwactiviteit
      | gebied     | activiteit                          | toename | berging | lid | uitkomst            |
      | woongebied | bouwen van een bijbehorend bouwwerk | 49 m2   | 0 mm    | 1   | niet van toepassing |
      | woongebied | bouwen van een bijbehorend bouwwerk | 50 m2   | 60 mm   | 1   | voldoet             |
      | woongebied | bouwen van een bijbehorend bouwwerk | 50 m2   | 59 mm   | 1   | voldoet niet        |
      | woongebied | bouwen van een bijbehorend bouwwerk | 50 m2   | 0,06 m  | 1   | voldoet             |
      | centrum    | bouwen van een hoofdgebouw          | 800 m2  | 40 mm   | 1   | voldoet             |
      | centrum    | bouwen van een hoofdgebouw          | 800 m2  | 39 mm   | 1   | voldoet niet        |

    Voorbeelden: een aanlegactiviteit
      | gebied     | activiteit                | toename | berging | lid | uitkomst     |
      | woongebied | verharden van een voortuin | 50 m2   | 60 mm   | 2   | voldoet      |
      | woongebied | aanleggen van een uitrit  | 60 m2   | 30 mm   | 2   | voldoet niet |

  Abstract Scenario: Een voortuin voor <aandeel> verhard
    Gegeven de locatie ligt in "woongebied"
    En de activiteit "verharden van een voortuin"
    En het aandeel verharding voortuin is <aandeel>
    En de toename verhard oppervlak is 10 m2
    Als ik het initiatief toets
    Dan is de conclusie "Toestemmingsvrij"
    En is artikel 6.5 lid 1 "<uitkomst>"
    En is het oordeel "<oordeel>"

    Voorbeelden:
      | aandeel | uitkomst     | oordeel   |
      | 49 %    | voldoet      | past      |
      | 50 %    | voldoet      | past      |
      | 51 %    | voldoet niet | past niet |

  Abstract Scenario: <gedempt> water dempen en <gecompenseerd> nieuw water aanleggen
    Gegeven de locatie ligt in "bedrijventerrein"
    En de activiteit "dempen van oppervlaktewater"
    En het gedempt wateroppervlak is <gedempt>
    En het gecompenseerd wateroppervlak is <gecompenseerd>
    En de toename verhard oppervlak is 0 m2
    Als ik het initiatief toets
    Dan is de conclusie "Vergunningplicht"
    En is artikel 6.6 lid 1 "<uitkomst>"

    Voorbeelden:
      | gedempt | gecompenseerd | uitkomst     |
      | 200 m2  | 200 m2        | voldoet      |
      | 200 m2  | 199 m2        | voldoet niet |
      | 200 m2  | 0,03 ha       | voldoet      |

  Abstract Scenario: Een boom met een stamomtrek van <stamomtrek> kappen in het <gebied>
    Gegeven de locatie ligt in "<gebied>"
    En de activiteit "kappen van een houtopstand"
    En de stamomtrek is <stamomtrek>
    Als ik het initiatief toets
    Dan is de conclusie "<conclusie>"
    En geldt artikel 6.7 lid <lid>

    Voorbeelden: in de stad
      | gebied     | stamomtrek | conclusie        | lid |
      | woongebied | 49 cm      | Toestemmingsvrij | 1   |
      | woongebied | 50 cm      | Meldingsplicht   | 2   |
      | woongebied | 79,9 cm    | Meldingsplicht   | 2   |
      | woongebied | 80 cm      | Vergunningplicht | 3   |
      | woongebied | 0,8 m      | Vergunningplicht | 3   |

    Voorbeelden: in het Westerpark
      | gebied     | stamomtrek | conclusie        | lid |
      | Westerpark | 29 cm      | Toestemmingsvrij | 1   |
      | Westerpark | 30 cm      | Vergunningplicht | 4   |

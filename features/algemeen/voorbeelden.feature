# language: nl
Functionaliteit: De voorbeeldinitiatieven in voorbeelden/
  De voorbeelden die bij het project horen, geven het oordeel dat hun naam belooft. Een initiatief
  uit een JSON-bestand vervangt wat eerder is gegeven; stappen erna vullen het aan.

  Abstract Scenario: Het voorbeeld <bestand> geeft het oordeel '<oordeel>'
    Gegeven het initiatief uit "voorbeelden/<bestand>.json"
    Als ik het initiatief toets
    Dan is het oordeel "<oordeel>"

    Voorbeelden:
      | bestand                          | oordeel         |
      | past-dakopbouw-rokkeveen         | past            |
      | past-niet-hoofdgebouw-noordhove  | past niet       |
      | onvolledig-bijbehorend-bouwwerk  | onvolledig      |
      | verbod-groepspraktijk-aan-huis   | past niet       |
      | afwijking-knarrenhof-meerzicht   | past niet       |
      | deels-buiten-gemeente            | ter beoordeling |

  Abstract Scenario: Het voorbeeld <bestand> kan niet worden getoetst
    Gegeven het initiatief uit "voorbeelden/<bestand>.json"
    Als ik het initiatief toets
    Dan geeft de toets de fout "<fout>"

    Voorbeelden:
      | bestand                  | fout                                               |
      | buiten-gemeente-den-haag | buiten het regelingsgebied 'gemeente Zoetermeer'   |
      | onbekende-activiteit     | onbekende activiteit 'bouwen van een zwembad'      |
      | verkeerde-eenheid        | 'm2' is een eenheid van oppervlakte                |

  Scenario: De hoogte in het voorbeeld uit Noordhove is de reden dat het niet past
    Gegeven het initiatief uit "voorbeelden/past-niet-hoofdgebouw-noordhove.json"
    Als ik het initiatief toets
    Dan voldoet het initiatief niet aan artikel 2.2 lid 1
    En staat bij artikel 2.2 lid 1 "bouwhoogte 14 m > maximum bouwhoogte 10 m"

  Scenario: Met een lagere bouwhoogte, drie bouwlagen en een lagere goot past het voorbeeld uit Noordhove wel
    Gegeven het initiatief uit "voorbeelden/past-niet-hoofdgebouw-noordhove.json"
    En de bouwhoogte is 10 m
    En de goothoogte is 7 m
    En de bouwlagen is 3
    Als ik het initiatief toets
    Dan is het oordeel "past"

  Scenario: Het voorbeeld met een schuur in Rokkeveen mist de feiten van artikel 2.4 en 2.5
    Gegeven het initiatief uit "voorbeelden/onvolledig-bijbehorend-bouwwerk.json"
    Als ik het initiatief toets
    Dan is de conclusie "Vergunningplicht"
    En is artikel 2.4 lid 1 "onbepaald"
    En ontbreekt het feit "diepte"
    En ontbreekt het feit "achtererfgebied"

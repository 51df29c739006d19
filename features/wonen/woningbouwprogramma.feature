# language: nl
Functionaliteit: Woningbouwprogramma bij 20 woningen of meer (artikel 2.3)
  Een omgevingsvergunning voor het bouwen van een hoofdgebouw met ten minste 20 woningen wordt
  alleen verleend als ten minste 30 procent van de woningen een sociale huurwoning is, ten minste
  30 procent een middeldure woning en ten hoogste 40 procent een dure woning. Het artikel geldt in
  het woongebied, het centrum, het Entreegebied en het polderlint Zuidweg.

  Achtergrond:
    Gegeven de peildatum is 2026-09-01
    En de locatie ligt in "woongebied" buiten "wijken van de toekomst"
    En de activiteit "bouwen van een hoofdgebouw"
    En de functie is "wonen"

  Abstract Scenario: <sociaal> sociale huur, <midden> middeldure en <duur> dure van 20 woningen
    Gegeven het initiatief:
      | aantal woningen             | 20       |
      | aantal sociale huurwoningen | <sociaal> |
      | aantal middeldure woningen  | <midden>  |
      | aantal dure woningen        | <duur>    |
    Als ik het initiatief toets
    Dan is artikel 2.3 lid 1 "<uitkomst>"

    Voorbeelden: precies 30 / 30 / 40 procent, en één woning ernaast
      | sociaal | midden | duur | uitkomst     |
      | 6       | 6      | 8    | voldoet      |
      | 7       | 7      | 6    | voldoet      |
      | 5       | 7      | 8    | voldoet niet |
      | 7       | 5      | 8    | voldoet niet |
      | 6       | 5      | 9    | voldoet niet |
      | 5       | 6      | 9    | voldoet niet |

  Scenario: Bij 19 woningen geldt het woningbouwprogramma niet
    Gegeven het aantal woningen is 19
    En het aantal dure woningen is 19
    Als ik het initiatief toets
    Dan is artikel 2.3 lid 1 "niet van toepassing"

  Scenario: Voor een kantoorgebouw geldt het woningbouwprogramma niet
    Gegeven de functie is "kantoor"
    En het aantal woningen is 40
    Als ik het initiatief toets
    Dan geldt artikel 2.3 niet

  Scenario: Ook in het centrum geldt het woningbouwprogramma
    Gegeven de locatie ligt in "centrum"
    En de feiten:
      | aantal woningen             | 100 |
      | aantal sociale huurwoningen | 20  |
      | aantal middeldure woningen  | 30  |
      | aantal dure woningen        | 50  |
    Als ik het initiatief toets
    Dan voldoet het initiatief niet aan artikel 2.3 lid 1
    En staat bij artikel 2.3 lid 1 "aantal sociale huurwoningen 20 < 30 % van aantal woningen 100 = 30"

  Scenario: Zonder de verdeling over de segmenten is het woningbouwprogramma onbepaald
    Gegeven het aantal woningen is 24
    Als ik het initiatief toets
    Dan is artikel 2.3 lid 1 "onbepaald"
    En ontbreekt het feit "aantal sociale huurwoningen"
    En ontbreekt het feit "aantal dure woningen"

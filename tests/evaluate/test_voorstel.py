"""Reading proposals: malformed JSON and shapes give the JSON path and what was expected, in Dutch."""

from __future__ import annotations

import pytest

from regels import VoorstelFout, lees_voorstel


@pytest.mark.parametrize("tekst,pad,woorden", [
    ("{", "v.json", ["geen geldige JSON", "regel 1"]),
    ("[]", "v.json", ["verwacht een JSON-object"]),
    ('{"omschrijving": "x", "activiteiten": ["a"]}', "locatie", ["ontbreekt"]),
    ('{"omschrijving": "x", "locatie": {"type": "Punt", "coordinates": [1, 2]}, "activiteiten": ["a"]}', "locatie.type", ["verwacht een van"]),
    ('{"omschrijving": "x", "locatie": {"type": "Point", "coordinates": [1, 2]}, "activiteiten": []}', "activiteiten", ["minstens één"]),
    ('{"omschrijving": "x", "peildatum": "1-1-2025", "locatie": {"type": "Point", "coordinates": [1, 2]}, "activiteiten": ["a"]}', "peildatum", ["JJJJ-MM-DD"]),
    ('{"omschrijving": "x", "locatie": {"type": "Point", "coordinates": [1, 2]}, "activiteiten": ["a"], "extra": 1}', "extra", ["onbekend veld"]),
    ('{"omschrijving": "x", "locatie": {"type": "Point", "coordinates": [1, 2]}, "activiteiten": ["a"], "feiten": {"h": [1]}}', "feiten.h", ["verwacht true/false"]),
])
def test_malformed_proposals(tekst, pad, woorden):
    with pytest.raises(VoorstelFout) as e:
        lees_voorstel(tekst, bron="v.json")
    f = e.value.fouten[0]
    assert f.pad == pad
    for w in woorden:
        assert w in f.bericht
    assert "Traceback" not in str(e.value)

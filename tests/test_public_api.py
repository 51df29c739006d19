"""The public API is exactly what ``regels.__all__`` says; an accidental export fails here."""

import regels


def test_public_names_are_pinned():
    assert sorted(regels.__all__) == sorted([
        "DienstFout", "GeoFout", "LocatieFout", "Melding", "PeildatumFout", "Plan", "PlanFouten", "Positie",
        "RegelsError", "Uitkomst", "Voorstel", "VoorstelFout", "XmlFout", "__version__", "bundled_plan_dir",
        "evaluate", "format_bestand", "format_regeling", "lees_voorstel", "load_plan", "parse_tekst", "plan_uit_tekst",
    ])
    for naam in regels.__all__:
        assert hasattr(regels, naam), naam


def test_the_documented_three_steps_work():
    plan = regels.load_plan()
    voorstel = regels.lees_voorstel((regels.bundled_plan_dir().parents[1] / "voorbeelden" / "past-dakopbouw-rokkeveen.json").read_text(encoding="utf-8"))
    uitkomst = regels.evaluate(plan, voorstel)
    assert uitkomst.oordeel == "past" and uitkomst.activiteiten[0].conclusie == "Vergunningplicht"

"""The import keeps the cyclic garbage collector off while it builds, and leaves it as it found it."""

from __future__ import annotations

import gc

import pytest

from stophulp import GEMEENTESTAD, vereist_shared

from regels.errors import XmlFout
from regels.stop.importeer import importeer

pytestmark = vereist_shared


@pytest.fixture
def gc_terugzetten():
    aan = gc.isenabled()
    yield
    gc.enable() if aan else gc.disable()


def test_collector_is_off_during_the_import_and_on_after(monkeypatch, gc_terugzetten) -> None:
    import regels.stop.importeer as mod

    gezien: list[bool] = []
    echte = mod.resolve

    def resolve(*args, **kwargs):  # noqa: ANN202 - spy on a step inside the import
        gezien.append(gc.isenabled())
        return echte(*args, **kwargs)

    monkeypatch.setattr(mod, "resolve", resolve)
    gc.enable()
    uit = importeer(GEMEENTESTAD)
    assert uit.plan is not None
    assert gezien == [False]
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off(gc_terugzetten) -> None:
    gc.disable()
    importeer(GEMEENTESTAD)
    assert not gc.isenabled()


def test_the_collector_is_back_on_after_a_refused_package(tmp_path, gc_terugzetten) -> None:
    (tmp_path / "iets.xml").write_text("<niet-stop/>", encoding="utf-8")
    gc.enable()
    with pytest.raises(XmlFout):
        importeer(tmp_path)
    assert gc.isenabled()

"""The loader API over a fixture build (via LVEXTRACT_GAZETTEERS)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.gazetteer import kb


@pytest.fixture
def gazetteer(
    built: tuple[Path, dict[str, int]], monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    monkeypatch.setenv("LVEXTRACT_GAZETTEERS", str(built[0]))
    for loader in (kb.load_places, kb.load_heads, kb.places_by_form, kb.places_by_modifier):
        loader.cache_clear()
    yield built[0]
    for loader in (kb.load_places, kb.load_heads, kb.places_by_form, kb.places_by_modifier):
        loader.cache_clear()


def test_load_places_gives_frozen_records(gazetteer: Path) -> None:
    places = kb.load_places()
    assert all(isinstance(p, kb.Place) for p in places)
    assert [p.key for p in places] == sorted(p.key for p in places)
    with pytest.raises(AttributeError):
        places[0].norm = "x"  # type: ignore[misc]


def test_places_by_form_is_lower_cased_and_ranked(gazetteer: Path) -> None:
    index = kb.places_by_form()
    assert [p.norm for p in index["preiļos"]] == ["Preiļi"]
    # the current novads comes before its 2009–2021 namesake
    assert [p.kind for p in index["jelgavas novadā"]] == ["novads", "novads_2009"]
    assert index["rēzeknē"][0].label == "MUNICIPALITY"


def test_places_by_modifier_serves_shared_heads(gazetteer: Path) -> None:
    kinds = {p.kind for p in kb.places_by_modifier()["rēzeknes"]}
    assert {"valstspilsēta", "novads"} <= kinds


def test_load_heads(gazetteer: Path) -> None:
    heads = kb.load_heads()
    assert "novadā" in heads["novads"].surface
    assert heads["pašvaldība"].in_span is False


def test_explicit_path_beats_environment(built: tuple[Path, dict[str, int]]) -> None:
    places = kb.load_places(built[0] / "places.jsonl")
    assert any(p.norm == "Kalnciems" for p in places)

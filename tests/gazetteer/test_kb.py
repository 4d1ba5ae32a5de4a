"""The knowledge base over a fixture build."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.gazetteer import kb


@pytest.fixture
def base(built: tuple[Path, dict[str, int]]) -> kb.KnowledgeBase:
    return kb.KnowledgeBase(built[0])


def test_load_places_gives_frozen_records(base: kb.KnowledgeBase) -> None:
    places = base.places
    assert all(isinstance(p, kb.Place) for p in places)
    assert [p.key for p in places] == sorted(p.key for p in places)
    with pytest.raises(AttributeError):
        places[0].norm = "x"  # type: ignore[misc]


def test_places_by_form_is_lower_cased_and_ranked(base: kb.KnowledgeBase) -> None:
    index = base.by_form
    assert [p.norm for p in index["preiļos"]] == ["Preiļi"]
    # the current novads comes before its 2009–2021 namesake
    assert [p.kind for p in index["jelgavas novadā"]] == ["novads", "novads_2009"]
    assert index["rēzeknē"][0].label == "MUNICIPALITY"


def test_places_by_modifier_serves_shared_heads(base: kb.KnowledgeBase) -> None:
    kinds = {p.kind for p in base.by_modifier["rēzeknes"]}
    assert {"valstspilsēta", "novads"} <= kinds


def test_load_heads(base: kb.KnowledgeBase) -> None:
    heads = base.heads
    assert "novadā" in heads["novads"].surface
    assert heads["pašvaldība"].in_span is False


def test_each_folder_has_its_own_knowledge_base(built: tuple[Path, dict[str, int]]) -> None:
    assert kb.knowledge_base(built[0]) is kb.knowledge_base(built[0])
    assert any(p.norm == "Kalnciems" for p in kb.knowledge_base(built[0]).places)
    assert kb.knowledge_base(built[0]) != kb.KnowledgeBase(built[0] / "elsewhere")


def test_a_parish_keeps_its_municipality_of_before_the_reform(base: kb.KnowledgeBase) -> None:
    [ozolnieki] = [p for p in base.places if p.norm == "Ozolnieku pagasts"]
    assert (ozolnieki.parent, ozolnieki.parent_2009) == ("Jelgavas novads", "Ozolnieku novads")
    facts = {"parent": ozolnieki.parent, "parent_2009": ozolnieki.parent_2009}
    assert kb.municipality_on(facts, "2019-05-02") == "Ozolnieku novads"
    assert kb.municipality_on(facts, "2021-06-30") == "Ozolnieku novads"
    assert kb.municipality_on(facts, "2021-07-01") == "Jelgavas novads"
    assert kb.municipality_on(facts, None) == "Jelgavas novads"


@pytest.mark.parametrize(
    ("when", "before"),
    [("2020", True), ("2021", False), ("2021-06", True), ("2021-06-30", True),
     ("2022-01-05", False), ("--10-30", False), (None, False)],
)
def test_before_reform(when: str | None, before: bool) -> None:
    assert kb.before_reform(when) is before


def test_the_municipality_a_genitive_names_on_a_date(base: kb.KnowledgeBase) -> None:
    assert base.municipality_named("Ozolnieku", "2019-05-02").norm == "Ozolnieku novads"
    assert base.municipality_named("Ozolnieku", "2023-05-02") is None
    assert base.municipality_named("Jelgavas", None).kind == "valstspilsēta"
    assert base.municipality_named("Kalnciema", None) is None
    # undated: today's units only, so a municipality merged in 2021 is none
    assert base.municipality_named("Ozolnieku", None) is None


def test_the_municipality_a_name_opens_with(base: kb.KnowledgeBase) -> None:
    assert base.municipality_opening("Jelgavas novada pašvaldība", None).norm == "Jelgavas novads"
    assert base.municipality_opening("Jelgavas sociālo lietu pārvalde", None).norm == "Jelgava"
    ozolnieki = base.municipality_opening("Ozolnieku novada dome", "2020-01-01")
    assert ozolnieki.norm == "Ozolnieku novads"
    assert base.municipality_opening("Biedrība “Cerība”", None) is None

"""Merging centres and projects across releases, with conflicts kept visible."""

from __future__ import annotations

from pipeline.document import Centre, Project
from pipeline.fill.merge import merge_centres, merge_projects


def test_one_project_named_in_three_releases_is_one_row() -> None:
    rows = [
        Project(
            "LLI-425",
            code="LLI-425",
            name="OCTOPUS",
            total_budget_eur=705573.37,
            doc_ids=["b"],
            partners=["Rokišķu rajona pašvaldība"],
        ),
        Project("LLI-425", code="LLI-425", name="OCTOPUS", implementer="ZPR", doc_ids=["a"]),
        Project(
            "LLI-425",
            code="LLI-425",
            name="Octopus",
            total_budget_eur=700000.0,
            doc_ids=["c"],
            partners=["Biržu rajona pašvaldība"],
        ),
    ]
    [merged] = merge_projects(rows)
    project = merged.record
    assert project.doc_ids == ["a", "b", "c"]
    assert project.name == "OCTOPUS"  # two releases of three
    assert project.implementer == "ZPR"
    assert project.partners == ["Biržu rajona pašvaldība", "Rokišķu rajona pašvaldība"]
    # A tie between two amounts goes to the earliest release (doc_id "b" before "c").
    assert project.total_budget_eur == 705573.37
    assert merged.conflicts == {
        "name": ["OCTOPUS", "Octopus"],
        "total_budget_eur": ["705573.37", "700000.0"],
    }
    assert "total_budget_eur: 705573.37 | 700000.0" in merged.conflicts_cell()


def test_projects_without_a_code_merge_by_name() -> None:
    rows = [
        Project("Kurzeme visiem", name="Kurzeme visiem", doc_ids=["x"]),
        Project("“Kurzeme visiem”", name="“Kurzeme visiem”", doc_ids=["y"]),
        Project("Latgale līdzās", name="Latgale līdzās", doc_ids=["z"]),
    ]
    merged = merge_projects(rows)
    assert [m.record.doc_ids for m in merged] == [["x", "y"], ["z"]]


def test_centres_of_one_name_in_different_municipalities_stay_apart() -> None:
    rows = [
        Centre("a-c1", "Saulīte", "day_care_centre", municipality="Preiļu novads", doc_ids=["a"]),
        Centre("b-c1", "Saulīte", None, municipality=None, doc_ids=["b"]),
        Centre("c-c1", "Saulīte", "day_centre", municipality="Talsu novads", doc_ids=["c"]),
    ]
    merged = merge_centres(rows)
    by_place = {m.record.municipality: m.record for m in merged}
    assert by_place["Preiļu novads"].doc_ids == ["a", "b"]
    assert by_place["Talsu novads"].doc_ids == ["c"]
    assert [m.record.centre_id for m in merged] == ["centre-0001", "centre-0002"]

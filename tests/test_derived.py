"""provenance.csv and the merged tables, built from real extraction of two releases."""

from __future__ import annotations

from pipeline.derived import PROVENANCE_COLUMNS, merged_frames, provenance_frame
from pipeline.document import Document

FIRST = (
    "2023. gada 12. aprīlī Preiļos atklāja dienas aprūpes centru “Ozolzīle”, ko izveidoja "
    "projekta “Tuvāk mājām” (Nr. 9.3.1.1/19/I/024) ietvaros."
)
SECOND = (
    "Projekta “Tuvāk mājām” (Nr. 9.3.1.1/19/I/024) kopējās izmaksas ir 498 203,67 EUR. "
    "Dienas aprūpes centru “Ozolzīle” Preiļos ik dienu apmeklē 15-20 cilvēki."
)


def _documents(run_text) -> list[Document]:
    return [run_text(FIRST, "preili-1"), run_text(SECOND, "preili-2")]


def test_every_provenance_row_quotes_its_source(run_text) -> None:
    documents = _documents(run_text)
    frame = provenance_frame(documents)
    assert list(frame.columns) == PROVENANCE_COLUMNS
    texts = {d.doc_id: d.text for d in documents}
    for row in frame.itertuples():
        assert texts[row.doc_id][row.start : row.end] == row.text
    centre_rows = frame[(frame.table == "centres") & (frame.field == "visitors_per_day")]
    assert "15-20" in centre_rows.text.iloc[0]


def test_one_centre_and_one_project_across_two_releases(run_text) -> None:
    merged = merged_frames(_documents(run_text))
    [centre] = merged["centres_merged"].to_dict("records")
    assert centre["name"] == "Ozolzīle"
    assert centre["doc_ids"] == ["preili-1", "preili-2"]
    assert centre["visitors_per_day"] == "15-20"
    [project] = merged["projects_merged"].to_dict("records")
    assert project["code"] == "9.3.1.1/19/I/024"
    assert project["doc_ids"] == ["preili-1", "preili-2"]
    assert project["total_budget_eur"] == 498203.67

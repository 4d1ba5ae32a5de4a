"""Provenance rows and the merged tables, built from real extraction of two releases and
written by ``lvextract run``."""

from __future__ import annotations

import csv
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.derived import provenance_rows
from pipeline.document import Document
from pipeline.fill.merge import ReleaseMerge
from pipeline.formats import CONFLICTS, PROVENANCE_COLUMNS

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
    for document in _documents(run_text):
        for row in provenance_rows(document):
            _, _, _, doc_id, start, end, text = row
            assert doc_id == document.doc_id and document.text[start:end] == text
    second = _documents(run_text)[1]
    visitors = [r for r in provenance_rows(second) if r[2] == "visitors_per_day"]
    assert "15-20" in visitors[0][6]


def test_one_centre_and_one_project_across_two_releases(run_text) -> None:
    documents = _documents(run_text)
    merge = ReleaseMerge()
    for document in reversed(documents):  # the order documents finish in does not matter
        merge.add(document)
    merged = merge.merged()
    [centre] = [m.record for m in merged["centres_merged"]]
    assert (centre.name, centre.doc_ids) == ("Ozolzīle", ["preili-1", "preili-2"])
    assert centre.visitors_per_day == "15-20"
    [project] = [m.record for m in merged["projects_merged"]]
    assert project.code == "9.3.1.1/19/I/024"
    assert project.doc_ids == ["preili-1", "preili-2"]
    assert project.total_budget_eur == 498203.67


def test_run_writes_provenance_and_merged_tables(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "preili-1.txt").write_text(FIRST, encoding="utf-8")
    (inputs / "preili-2.txt").write_text(SECOND, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["run", str(inputs), "--out", str(out), "--no-cache"])
    assert result.exit_code == 0, result.output
    with (out / "provenance.csv").open(encoding="utf-8") as handle:
        provenance = list(csv.DictReader(handle))
    assert list(provenance[0]) == PROVENANCE_COLUMNS
    with (out / "centres_merged.csv").open(encoding="utf-8") as handle:
        [centre] = list(csv.DictReader(handle))
    assert centre["doc_ids"] == "preili-1; preili-2"
    assert CONFLICTS in centre

"""The fault suite, tables: every table file parses back with exactly its rows, whatever the
cells hold, and no cell reaches a spreadsheet as a formula.

Property-based: hypothesis writes documents whose every text cell may hold CR, LF, quotes,
commas, formula starts and stray Unicode, and each table is read back with the csv
module, pandas and pyarrow; row counts must equal the manifest's, and every cell must obey
the safety rule and give back its value through :func:`pipeline.safety.plain_cell`.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pyarrow.csv as pacsv
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.document import Centre, Document, Mention, Project, Visit
from pipeline.formats import SCHEMAS
from pipeline.safety import FORMULA_STARTS, plain_cell
from pipeline.write import write_outputs

NASTY = st.sampled_from(
    ["\r", "\n", "\r\n", '"', ",", ";", "=", "+", "-", "@", "\t", "'", "ā", "“", " ", "x"]
)
CELL = st.lists(NASTY, min_size=1, max_size=8).map("".join)
TABLE_FILES = ("visits", "centres", "projects", "mentions", "provenance", "errors")


def document(doc_id: str, cells: list[str]) -> Document:
    """A document whose text, mention and record cells are the given strings."""
    text = " ".join(cells)
    mentions, position = [], 0
    for cell in cells:
        mentions.append(Mention(position, position + len(cell), cell, "ORG", cell, None,
                                "test", 1.0))
        position += len(cell) + 1
    first = cells[0]
    visit = Visit(f"{doc_id}-v1", doc_id, organiser=first, participant_groups=cells[:3],
                  provenance={"organiser": [(0, len(first))]})
    centre = Centre(f"{doc_id}-c1", first, operator=cells[-1], doc_ids=[doc_id])
    project = Project(first, name=first, partners=cells[:2], doc_ids=[doc_id])
    return Document(doc_id=doc_id, text=text, mentions=mentions, visits=[visit],
                    centres=[centre], projects=[project])


def read_back(out: Path, table: str) -> list[list[str]]:
    """The table's data rows as the csv module reads them; pandas and pyarrow must agree."""
    path = out / f"{table}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    assert header == SCHEMAS[table].names
    assert all(len(row) == len(header) for row in rows)
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert len(frame) == len(rows)
    assert pacsv.read_csv(path).num_rows == len(rows)
    return rows


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(ids=st.lists(CELL, min_size=1, max_size=3, unique=True),
       cells=st.lists(CELL, min_size=1, max_size=5))
def test_every_table_reads_back_with_its_rows(tmp_path: Path, ids: list[str],
                                              cells: list[str]) -> None:
    out = tmp_path / "out"
    documents = [document(doc_id, cells) for doc_id in ids]
    counts = write_outputs(documents, [], out)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"] == counts
    for table in TABLE_FILES:
        rows = read_back(out, table)
        assert len(rows) == counts[table], table
        for row in rows:
            for cell in row:
                assert not cell.startswith(FORMULA_STARTS), (table, cell)
    mention_rows = read_back(out, "mentions")
    assert sorted(plain_cell(row[3]) for row in mention_rows) == sorted(
        c for _ in ids for c in cells
    )
    assert {plain_cell(row[0]) for row in mention_rows} == set(ids)


def test_a_carriage_return_in_a_cell_keeps_its_row_whole(tmp_path: Path) -> None:
    doc_id = "\rlv-cr"
    cells = ["Biedrība\r“Saime”", "Ludzas\rnovads"]
    counts = write_outputs([document(doc_id, cells)], [], tmp_path / "out")
    rows = read_back(tmp_path / "out", "mentions")
    assert len(rows) == counts["mentions"] == 2
    assert [plain_cell(r[3]) for r in rows] == cells
    assert plain_cell(read_back(tmp_path / "out", "visits")[0][1]) == doc_id


def test_numbers_stay_numbers_in_typed_formats(tmp_path: Path) -> None:
    visit = Visit("v1", "lv-1", participants_count=-5, organiser="+371 26 418 305")
    doc = Document(doc_id="lv-1", text="x", visits=[visit])
    write_outputs([doc], [], tmp_path / "out", formats=("csv", "jsonl", "parquet"))
    [line] = (tmp_path / "out" / "visits.jsonl").read_text(encoding="utf-8").splitlines()
    row = json.loads(line)
    assert row["participants_count"] == -5 and row["organiser"] == "+371 26 418 305"
    frame = pd.read_parquet(tmp_path / "out" / "visits.parquet")
    assert frame.loc[0, "participants_count"] == -5
    assert frame.loc[0, "organiser"] == "+371 26 418 305"
    [csv_row] = read_back(tmp_path / "out", "visits")
    assert "'+371 26 418 305" in csv_row


@pytest.mark.parametrize("cell", ["+372 2000000", "-2+3", "+371 26 418 305", "=1", "@x"])
def test_owasp_rule_in_csv(tmp_path: Path, cell: str) -> None:
    write_outputs([document("lv-1", [cell])], [], tmp_path / "out")
    [row, *_] = read_back(tmp_path / "out", "mentions")
    assert row[3] == "'" + cell and plain_cell(row[3]) == cell

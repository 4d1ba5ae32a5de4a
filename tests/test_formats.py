"""Parquet and JSON Lines hold the same rows, with real types, as the CSV tables."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipeline.document import Centre, Document, DocumentError, Mention, Project, Visit
from pipeline.formats import SCHEMAS, TABLES, parse_formats, typed
from pipeline.outdir import OUTPUT_FILES
from pipeline.write import write_outputs


def sample_documents() -> tuple[list[Document], list[DocumentError]]:
    """Two releases with every kind of cell: lists (empty too), ints, floats, None."""
    documents = []
    for doc_id in ("b", "a"):
        documents.append(Document(
            doc_id=doc_id,
            text="Biedrības „Cerību spārni” speciālisti viesojās Ludzā.",
            path=Path(f"/data/{doc_id}.txt"),
            mentions=[
                Mention(47, 52, "Ludzā", "LOCALITY", "Ludza", None, "gazetteer.form", 0.95),
                Mention(0, 25, "Biedrības „Cerību spārni”", "ORG", 'biedrība "Cerību spārni"',
                        "4000", "names.quoted", 1.0),
            ],
            visits=[
                Visit(f"{doc_id}-v1", doc_id, "2022-10-06", "2022-10-07",
                      'biedrība "Cerību spārni"', None, 18 if doc_id == "a" else None,
                      origin_municipalities=["Balvu novads", "Krāslavas novads"],
                      destination_localities=["Ludza"], sites_visited=["Rūķīši"],
                      provenance={"destination_localities": [(47, 52)]}),
            ],
            centres=[Centre(f"{doc_id}-c1", "Rūķīši", "day_centre",
                            target_groups=["children", "seniors"], visitors_per_day="20-25",
                            doc_ids=[doc_id])],
            projects=[Project("9.2.2.1/15/I/005", "9.2.2.1/15/I/005", "Kopā varam",
                              total_budget_eur=705573.37,
                              eu_funding_eur=600000.0 if doc_id == "a" else None,
                              partners=["Ludzas novada pašvaldība"], doc_ids=[doc_id])],
        ))
    errors = [DocumentError("bojats", "read", "ReadError", "binary file", Path("/x/bojats.txt"))]
    return documents, errors


def csv_cell(value: object, table: str) -> str:
    """A typed value as the CSV writes it (no formulas in these rows, no redaction)."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, float) and value.is_integer() and table != "mentions":
        return str(int(value))
    return str(value)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("formats") / "out"
    documents, errors = sample_documents()
    write_outputs(documents, errors, out, formats=("csv", "parquet", "jsonl"))
    return out


@pytest.mark.parametrize("table", TABLES)
def test_parquet_and_jsonl_hold_the_csv_rows(written: Path, table: str) -> None:
    frame = pd.read_csv(written / f"{table}.csv", dtype=str, keep_default_na=False)
    expected = frame.to_dict("records")
    parquet = pq.read_table(written / f"{table}.parquet").to_pylist()
    with (written / f"{table}.jsonl").open(encoding="utf-8") as handle:
        jsonl = [json.loads(line) for line in handle]
    assert expected, table
    for rows in (parquet, jsonl):
        assert [list(r) for r in rows] == [list(e) for e in expected]  # same columns, in order
        assert [{k: csv_cell(v, table) for k, v in r.items()} for r in rows] == expected


@pytest.mark.parametrize("table", TABLES)
def test_typed_formats_have_each_columns_type(written: Path, table: str) -> None:
    python = {"str": str, "int": int, "float": float, "list": list}
    with (written / f"{table}.jsonl").open(encoding="utf-8") as handle:
        jsonl = [json.loads(line) for line in handle]
    parquet = pq.read_table(written / f"{table}.parquet").to_pylist()
    schema = pq.read_schema(written / f"{table}.parquet")
    for column in SCHEMAS[table].columns:
        arrow_type = str(schema.field(column.name).type)
        assert arrow_type == {"str": "string", "int": "int64", "float": "double",
                              "list": "list<element: string>"}[column.kind], column
        for rows in (jsonl, parquet):
            for value in (r[column.name] for r in rows if r[column.name] is not None):
                assert type(value) is python[column.kind], (column, value)
                if column.kind == "list":
                    assert all(isinstance(v, str) for v in value), column
    # pandas reads them too (an int column with gaps becomes float there, as pandas does)
    frame = pd.read_parquet(written / f"{table}.parquet")
    assert list(frame.columns) == SCHEMAS[table].names
    assert len(frame) == len(pd.read_json(written / f"{table}.jsonl", lines=True))


def test_the_typed_values(written: Path) -> None:
    [visit, _] = pq.read_table(written / "visits.parquet").to_pylist()
    assert visit["participants_count"] == 18
    assert visit["origin_municipalities"] == ["Balvu novads", "Krāslavas novads"]
    assert visit["origin_region"] == []
    assert visit["project"] is None
    with (written / "projects.jsonl").open(encoding="utf-8") as handle:
        project = json.loads(handle.readline())
    assert project["eu_funding_eur"] == 600000.0 and project["total_budget_eur"] == 705573.37
    assert project["title"] is None and project["doc_ids"] == ["a"]
    [mention, *_] = pq.read_table(written / "mentions.parquet").to_pylist()
    assert (mention["start"], mention["score"]) == (0, 1.0)


def test_empty_tables_keep_their_schema(tmp_path: Path) -> None:
    write_outputs([], [], tmp_path / "out", formats=("parquet", "jsonl"))
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted([*(f"{t}.parquet" for t in TABLES), *(f"{t}.jsonl" for t in TABLES),
                            "manifest.json"])
    table = pq.read_table(tmp_path / "out" / "visits.parquet")
    assert table.num_rows == 0 and table.column_names == SCHEMAS["visits"].names
    assert (tmp_path / "out" / "visits.jsonl").read_text(encoding="utf-8") == ""


def test_changing_format_replaces_the_whole_set(tmp_path: Path) -> None:
    out = tmp_path / "out"
    documents, errors = sample_documents()
    write_outputs(documents, errors, out)
    (out / "eval").mkdir()
    write_outputs(documents, errors, out, formats=("parquet",))
    names = {p.name for p in out.iterdir()}
    assert names == {"eval", "manifest.json", *(f"{t}.parquet" for t in TABLES)}
    assert not names & (OUTPUT_FILES - {"manifest.json"})


def test_redaction_applies_to_every_format(tmp_path: Path) -> None:
    from pipeline.document import Document, Mention

    text = "Zvaniet Ilzei 26123456."
    document = Document("r", text, mentions=[Mention(14, 22, "26123456", "PHONE", "+37126123456")])
    write_outputs([document], [], tmp_path / "out", redact=True, formats=("csv", "jsonl",
                                                                          "parquet"))
    for name in ("mentions.csv", "mentions.jsonl"):
        content = (tmp_path / "out" / name).read_text(encoding="utf-8")
        assert "26123456" not in content and "[redacted phone]" in content
    [row] = pq.read_table(tmp_path / "out" / "mentions.parquet").to_pylist()
    assert row["text"] == row["norm"] == "[redacted phone]"


def test_parse_formats() -> None:
    assert parse_formats(None) == ("csv",)
    assert parse_formats(["parquet,csv", "jsonl"]) == ("csv", "jsonl", "parquet")
    assert parse_formats(["JSONL"]) == ("jsonl",)
    assert parse_formats(["csv,xlsx"]) == ("csv", "xlsx")
    with pytest.raises(ValueError, match="unknown format 'ods'"):
        parse_formats(["csv,ods"])


def test_xlsx_is_one_workbook_with_a_sheet_per_table(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from pipeline.document import Document, Visit

    visit = Visit("lv-1-v1", "lv-1", participants_count=18, organiser="=HYPERLINK(\"x\")",
                  participant_groups=["sociālie darbinieki", "+ citi"])
    write_outputs([Document("lv-1", "x", visits=[visit])], [], tmp_path / "out",
                  formats=("csv", "xlsx"))
    book = load_workbook(tmp_path / "out" / "tables.xlsx", read_only=True)
    assert sorted(book.sheetnames) == sorted(TABLES)
    header, row = list(book["visits"].iter_rows(values_only=True))
    assert header[:6] == ("visit_id", "doc_id", "date_start", "date_end", "organiser", "project")
    values = dict(zip(header, row, strict=True))
    assert values["participants_count"] == 18  # a number, not text
    assert values["organiser"] == "'=HYPERLINK(\"x\")"  # as safe as in CSV
    assert values["participant_groups"] == "sociālie darbinieki; + citi"
    assert values["date_start"] is None


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [(18.0, "int", 18), ("12", "int", 12), ("daudzi", "int", None), (5, "float", 5.0),
     ("1 234,5", "float", 1234.5), (float("nan"), "float", None), (("a", 1), "list", ["a", "1"]),
     (7, "str", "7"), (None, "list", None)],
)
def test_typed_coerces_cells_to_the_column_kind(value: object, kind: str, expected: object) -> None:
    assert typed(value, kind) == expected

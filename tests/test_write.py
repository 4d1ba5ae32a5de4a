"""Stage 6, write: contract columns, list cells, errors.csv, manifest, atomic and stable files."""

from __future__ import annotations

import csv
import hashlib
import json
import os
from pathlib import Path

import pytest

from pipeline import __version__
from pipeline.document import Centre, Document, DocumentError, Mention, Project, Visit
from pipeline.formats import file_name
from pipeline.write import MENTION_COLUMNS, write_outputs

TABLES = ("visits", "centres", "projects", "mentions")

CONTRACT = json.loads(
    (Path(__file__).resolve().parents[1] / "pipeline" / "data" / "contract.json").read_text(
        encoding="utf-8"
    )
)

TEXT = (
    "Biedrības „Cerību spārni” speciālisti 2022. gada 6. un 7. oktobrī viesojās Ludzā; "
    "projekta izmaksas 705 573,37 EUR."
)


def sample_document(doc_id: str = "balvi-01") -> Document:
    return Document(
        doc_id=doc_id,
        text=TEXT,
        path=Path(f"/data/{doc_id}.txt"),
        mentions=[
            Mention(75, 80, "Ludzā", "LOCALITY", "Ludza", None, "gazetteer.form", 0.95),
            Mention(0, 25, "Biedrības „Cerību spārni”", "ORG", 'biedrība "Cerību spārni"',
                    None, "names.quoted", 1.0),
        ],
        visits=[
            Visit(
                visit_id=f"{doc_id}-v1",
                doc_id=doc_id,
                date_start="2022-10-06",
                date_end="2022-10-07",
                organiser='biedrība "Cerību spārni"',
                participants_count=18,
                origin_municipalities=["Balvu novads", "Krāslavas novads"],
                origin_countries=["LV"],
                destination_localities=["Ludza"],
                destination_countries=["LV"],
                sites_visited=["Rūķīši", 'biedrība "Labie darbi"'],
            )
        ],
        centres=[
            Centre(
                centre_id=f"{doc_id}-c1",
                name="Rūķīši",
                centre_type="day_centre",
                target_groups=["children", "seniors"],
                visitors_per_day="20-25",
                doc_ids=[doc_id],
            )
        ],
        projects=[
            Project(
                project_key="9.2.2.1/15/I/005",
                code="9.2.2.1/15/I/005",
                name="Kopā varam",
                total_budget_eur=705573.37,
                eu_funding_eur=600000.0,
                doc_ids=[doc_id],
            )
        ],
    )


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def header(path: Path) -> list[str]:
    with path.open(encoding="utf-8", newline="") as handle:
        return next(csv.reader(handle))


@pytest.fixture
def written(tmp_path: Path) -> Path:
    error = DocumentError("bojats", "read", "ReadError", "binary file", Path("/data/bojats.txt"))
    write_outputs([sample_document()], [error], tmp_path)
    return tmp_path


def test_the_output_files(written: Path) -> None:
    assert sorted(p.name for p in written.iterdir()) == [
        "centres.csv", "centres_merged.csv", "errors.csv", "manifest.json", "mentions.csv",
        "projects.csv", "projects_merged.csv", "provenance.csv", "visits.csv",
    ]


@pytest.mark.parametrize("table", ["visits", "centres", "projects", "mentions"])
def test_columns_are_exactly_the_contracts(written: Path, table: str) -> None:
    assert header(written / file_name(table, "csv")) == CONTRACT["tables"][table]


def test_mention_columns_constant_matches_the_contract() -> None:
    assert CONTRACT["tables"]["mentions"] == MENTION_COLUMNS


def test_lists_are_joined_with_semicolon_space(written: Path) -> None:
    [visit] = read_rows(written / "visits.csv")
    assert visit["origin_municipalities"] == "Balvu novads; Krāslavas novads"
    assert visit["sites_visited"] == 'Rūķīši; biedrība "Labie darbi"'
    assert visit["origin_region"] == ""
    assert visit["participants_count"] == "18"
    assert (visit["date_start"], visit["date_end"]) == ("2022-10-06", "2022-10-07")
    [centre] = read_rows(written / "centres.csv")
    assert centre["target_groups"] == "children; seniors"
    assert centre["doc_ids"] == "balvi-01"
    assert centre["visitors_per_day"] == "20-25"


def test_numbers_and_empty_cells(written: Path) -> None:
    [project] = read_rows(written / "projects.csv")
    assert project["total_budget_eur"] == "705573.37"
    assert project["eu_funding_eur"] == "600000"  # a whole amount without ".0"
    assert project["title"] == ""
    assert project["partners"] == ""


def test_mentions_are_sorted_by_offset_with_their_doc_id(written: Path) -> None:
    rows = read_rows(written / "mentions.csv")
    assert [(r["doc_id"], r["start"], r["end"], r["text"], r["label"]) for r in rows] == [
        ("balvi-01", "0", "25", "Biedrības „Cerību spārni”", "ORG"),
        ("balvi-01", "75", "80", "Ludzā", "LOCALITY"),
    ]
    assert rows[0]["norm"] == 'biedrība "Cerību spārni"'
    assert rows[1]["score"] == "0.95"
    assert rows[1]["id"] == ""


def test_errors_csv_lists_the_failed_documents(written: Path) -> None:
    assert read_rows(written / "errors.csv") == [
        {
            "doc_id": "bojats",
            "stage": "read",
            "error": "ReadError",
            "message": "binary file",
            "path": "/data/bojats.txt",
        }
    ]


def test_the_manifest(written: Path) -> None:
    manifest = json.loads((written / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["lvextract_version"] == __version__
    assert manifest["counts"] == {
        "visits": 1, "centres": 1, "projects": 1, "mentions": 2, "provenance": 0,
        "documents": 1, "errors": 1, "centres_merged": 1, "projects_merged": 1,
    }
    [entry] = manifest["inputs"]
    assert entry["doc_id"] == "balvi-01"
    assert entry["path"] == "/data/balvi-01.txt"
    assert entry["sha256"] == hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    assert manifest["failed"] == [{"doc_id": "bojats", "stage": "read", "error": "ReadError"}]
    assert manifest["versions"]["lvextract"] == __version__
    assert manifest["settings"] == {"redact": False}
    assert "created" not in manifest  # nothing volatile: the manifest is byte-identical too


def test_files_are_utf8_with_unix_line_ends(written: Path) -> None:
    data = (written / "mentions.csv").read_bytes()
    assert b"\r\n" not in data
    assert "„Cerību spārni”".encode() in data


def test_empty_tables_still_have_their_header(tmp_path: Path) -> None:
    write_outputs([], [], tmp_path)
    for table in TABLES:
        assert header(tmp_path / file_name(table, "csv")) == CONTRACT["tables"][table]
        assert read_rows(tmp_path / file_name(table, "csv")) == []


def test_document_order_does_not_change_the_bytes(tmp_path: Path) -> None:
    docs = [sample_document("b"), sample_document("a"), sample_document("c")]
    errors = [
        DocumentError("z", "fill", "ValueError", "x", None),
        DocumentError("y", "read", "ReadError", "y", None),
    ]
    write_outputs(docs, errors, tmp_path / "one")
    write_outputs(list(reversed(docs)), list(reversed(errors)), tmp_path / "two")
    for name in [*(file_name(t, "csv") for t in TABLES), "errors.csv"]:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    assert [r["doc_id"] for r in read_rows(tmp_path / "one" / "visits.csv")] == ["a", "b", "c"]


def test_a_failed_write_leaves_the_previous_outputs_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.outdir as outdir

    out = tmp_path / "out"
    write_outputs([sample_document()], [], out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def broken(*args: object) -> bool:
        raise OSError("disk full")

    monkeypatch.setattr(outdir, "exchange", broken)
    monkeypatch.setattr(os, "rename", broken)
    with pytest.raises(OSError, match="disk full"):
        write_outputs([sample_document("cits")], [], out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # nothing left beside it


def test_two_runs_on_the_same_inputs_are_byte_identical(tmp_path: Path, nlp) -> None:
    from pipeline.run import extract_corpus

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "balvi-01.txt").write_text(
        "2022. gada 6. un 7. oktobrī 18 sociālie darbinieki no Balvu novada devās pieredzes "
        "apmaiņas braucienā uz Ludzas novadu, kur apmeklēja dienas centru “Rūķīši”.",
        encoding="utf-8",
    )
    (inputs / "rezekne-02.txt").write_text(
        "Rēzeknes novada pašvaldība noslēdza projektu “Kopā varam” (Nr. 9.2.2.1/15/I/005). "
        "Projekta kopējās izmaksas 705 573,37 EUR, t.sk. ERAF finansējums 599 737,33 EUR.",
        encoding="utf-8",
    )
    (inputs / "tukss.txt").write_text("", encoding="utf-8")
    first_run = extract_corpus([inputs], tmp_path / "one")
    extract_corpus([inputs], tmp_path / "two")
    assert [d.doc_id for d in first_run.documents] == ["balvi-01", "rezekne-02"]
    assert [e.doc_id for e in first_run.errors] == ["tukss"]
    assert read_rows(tmp_path / "one" / "mentions.csv")
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "two").iterdir())
    for name in names:
        one = (tmp_path / "one" / name).read_bytes()
        two = (tmp_path / "two" / name).read_bytes()
        assert one == two, name

"""Fixtures of the review tests: two hand-written Latvian documents with gold (fixtures/gold),
predictions written from gold, and a Label Studio export as an annotator's would look."""

from __future__ import annotations

import copy
import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pipeline.eval import load_gold
from pipeline.eval.contract import RECORD_TABLES, load_contract

GOLD = Path(__file__).parent / "fixtures" / "gold"


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory,
                  monkeypatch: pytest.MonkeyPatch) -> Path:
    """The review commands cache like ``run``: keep the tests' cache out of ~/.cache."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("LVEXTRACT_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def gold_dir() -> Path:
    return GOLD


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return "; ".join(value) if isinstance(value, list) else str(value)


def write_predictions(gold: Path, out: Path) -> Path:
    """The gold of ``gold`` written as the pipeline's four CSVs (a perfect run)."""
    docs = load_gold(gold)
    tables = load_contract().tables
    out.mkdir(parents=True, exist_ok=True)
    rows: dict[str, list[dict[str, str]]] = {
        "mentions": [
            {"doc_id": m.doc_id, "start": str(m.start), "end": str(m.end), "text": m.text,
             "label": m.label, "norm": _cell(m.norm), "id": _cell(m.id), "source": "gold",
             "score": "1.0"}
            for d in docs.values() for m in d.mentions
        ],
    }
    for table in RECORD_TABLES:
        rows[table] = [{col: _cell(r.get(col)) for col in tables[table]}
                       for d in docs.values() for r in d.rows(table)]
    for table, table_rows in rows.items():
        with (out / f"{table}.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=tables[table])
            writer.writeheader()
            writer.writerows(table_rows)
    return out


@pytest.fixture(scope="session")
def predictions_from_gold() -> Callable[[Path, Path], Path]:
    return write_predictions


def annotator_export(tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What Label Studio's JSON export looks like after an annotator accepted the
    pre-annotations: task ids, the predictions kept, and per task a cancelled skip and an
    older draft-like annotation that must both be ignored, then the submitted one."""
    export = []
    for n, task in enumerate(tasks, start=1):
        accepted = copy.deepcopy(task["predictions"][0]["result"])
        for res in accepted:
            res["origin"] = "prediction"
            res.pop("score", None)
        older = [r for r in copy.deepcopy(accepted) if r["type"] == "labels"][:1]
        export.append({
            "id": 100 + n,
            "data": copy.deepcopy(task["data"]),
            "annotations": [
                {"id": 10 * n, "completed_by": 1, "result": [], "was_cancelled": True,
                 "ground_truth": False, "created_at": "2024-05-02T08:00:00.000000Z",
                 "updated_at": "2024-05-02T08:00:00.000000Z", "lead_time": 3.2},
                {"id": 10 * n + 1, "completed_by": 2, "result": older, "was_cancelled": False,
                 "ground_truth": False, "created_at": "2024-05-02T09:00:00.000000Z",
                 "updated_at": "2024-05-02T09:00:00.000000Z", "lead_time": 41.0},
                {"id": 10 * n + 2, "completed_by": 1, "result": accepted,
                 "was_cancelled": False, "ground_truth": False,
                 "created_at": "2024-05-02T09:30:00.000000Z",
                 "updated_at": "2024-05-03T10:15:00.000000Z", "lead_time": 97.5,
                 "prediction": {}, "result_count": len(accepted), "parent_prediction": 1},
            ],
            "predictions": copy.deepcopy(task["predictions"]),
            "file_upload": f"3f9a1c2e-{task['data']['doc_id']}.json",
            "drafts": [],
            "meta": {},
            "created_at": "2024-05-01T12:00:00.000000Z",
            "updated_at": "2024-05-03T10:15:00.000000Z",
            "inner_id": n,
            "total_annotations": 2,
            "cancelled_annotations": 1,
            "project": 7,
        })
    return export


@pytest.fixture(scope="session")
def make_export() -> Callable[[list[dict[str, Any]]], list[dict[str, Any]]]:
    return annotator_export

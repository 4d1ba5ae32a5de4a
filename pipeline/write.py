"""Stage 6, write: the contract's CSV tables, an error table and a run manifest.

Every file is written to a temporary file in the output folder and renamed into place, so
a reader (or a crash) never sees a half-written table. Rows are sorted, so the same inputs
give byte-identical files whatever order the documents were processed in.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline import __version__
from pipeline.document import (
    Centre,
    Document,
    DocumentError,
    Mention,
    Project,
    Visit,
    columns,
)

LIST_SEPARATOR = "; "
MENTION_COLUMNS = ["doc_id", "start", "end", "text", "label", "norm", "id", "source", "score"]
ERROR_COLUMNS = ["doc_id", "stage", "error", "message", "path"]
TABLE_FILES = {
    "visits": "visits.csv",
    "centres": "centres.csv",
    "projects": "projects.csv",
    "mentions": "mentions.csv",
}


def _cell(value: Any) -> Any:
    """Lists become "a; b"; numbers that are whole print without ".0"."""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def records_frame(records: Iterable[Any], record_type: type) -> pd.DataFrame:
    """A table of dataclass records with the contract's columns, lists joined."""
    rows = [{k: _cell(v) for k, v in asdict(r).items()} for r in records]
    return pd.DataFrame(rows, columns=columns(record_type), dtype=object)


def mentions_frame(documents: Sequence[Document]) -> pd.DataFrame:
    rows = [
        _mention_row(document.doc_id, mention)
        for document in documents
        for mention in sorted(document.mentions, key=lambda m: (m.start, m.end, m.label))
    ]
    return pd.DataFrame(rows, columns=MENTION_COLUMNS, dtype=object)


def _mention_row(doc_id: str, mention: Mention) -> dict[str, Any]:
    return {
        "doc_id": doc_id,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "label": mention.label,
        "norm": mention.norm,
        "id": mention.id,
        "source": mention.source,
        "score": round(mention.score, 3),
    }


def write_csv_atomic(frame: pd.DataFrame, path: Path) -> None:
    """Write ``frame`` as UTF-8 CSV to a temporary file beside ``path``, then rename it."""
    write_text_atomic(frame.to_csv(index=False, lineterminator="\n"), path)


def write_text_atomic(text: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_outputs(
    documents: Sequence[Document], errors: Sequence[DocumentError], out_dir: Path
) -> dict[str, int]:
    """Write the four tables, ``errors.csv`` and ``manifest.json``; return row counts."""
    documents = sorted(documents, key=lambda d: d.doc_id)
    tables = {
        "visits": records_frame((v for d in documents for v in d.visits), Visit),
        "centres": records_frame((c for d in documents for c in d.centres), Centre),
        "projects": records_frame((p for d in documents for p in d.projects), Project),
        "mentions": mentions_frame(documents),
    }
    for name, frame in tables.items():
        write_csv_atomic(frame, out_dir / TABLE_FILES[name])
    error_rows = [
        {**asdict(e), "path": str(e.path) if e.path else ""}
        for e in sorted(errors, key=lambda e: (e.doc_id, e.stage))
    ]
    write_csv_atomic(pd.DataFrame(error_rows, columns=ERROR_COLUMNS), out_dir / "errors.csv")
    counts = {name: len(frame) for name, frame in tables.items()}
    counts["documents"] = len(documents)
    counts["errors"] = len(errors)
    write_text_atomic(
        json.dumps(manifest(documents, errors, counts), ensure_ascii=False, indent=1),
        out_dir / "manifest.json",
    )
    return counts


def manifest(
    documents: Sequence[Document], errors: Sequence[DocumentError], counts: dict[str, int]
) -> dict[str, Any]:
    """What was run on what: inputs with content hashes, version, counts and time."""
    return {
        "lvextract_version": __version__,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "counts": counts,
        "inputs": [
            {
                "doc_id": d.doc_id,
                "path": str(d.path) if d.path else None,
                "sha256": hashlib.sha256(d.text.encode("utf-8")).hexdigest(),
            }
            for d in documents
        ],
        "failed": [{"doc_id": e.doc_id, "stage": e.stage, "error": e.error} for e in errors],
    }

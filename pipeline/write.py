"""Stage 6, write: the contract's CSV tables, an error table and a run manifest.

:func:`write_outputs` writes the whole set into a hidden sibling folder and swaps it in for
the output folder (:mod:`pipeline.outdir`): the folder holds the complete previous set or
the complete new one, never a mix, never a half-written file. Rows are sorted and the
manifest holds no time or other run-to-run detail, so the same inputs give byte-identical
files whatever order the documents were given or processed in. Text cells go through the
CSV safety rule and, with ``redact``, the redaction rule (:mod:`pipeline.safety`).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict
from importlib import metadata
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
from pipeline.outdir import fsync_dir, output_set
from pipeline.read import Source
from pipeline.safety import redact_mention, redact_text, safe_cell

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


def mentions_frame(documents: Sequence[Document], redact: bool = False) -> pd.DataFrame:
    rows = [
        _mention_row(document.doc_id, mention, redact)
        for document in documents
        for mention in sorted(
            document.mentions, key=lambda m: (m.start, m.end, m.label, m.norm or "")
        )
    ]
    return pd.DataFrame(rows, columns=MENTION_COLUMNS, dtype=object)


def _mention_row(doc_id: str, mention: Mention, redact: bool = False) -> dict[str, Any]:
    text, norm = mention.text, mention.norm
    if redact:
        text, norm = redact_mention(mention.label, text, norm)
    return {
        "doc_id": doc_id,
        "start": mention.start,
        "end": mention.end,
        "text": text,
        "label": mention.label,
        "norm": norm,
        "id": mention.id,
        "source": mention.source,
        "score": round(mention.score, 3),
    }


def csv_text(frame: pd.DataFrame, redact: bool = False) -> str:
    """The CSV of ``frame`` (UTF-8, LF line ends), text cells made spreadsheet-safe."""
    def cell(value: Any) -> Any:
        if redact and isinstance(value, str):
            value = redact_text(value)
        return safe_cell(value)

    return frame.map(cell).to_csv(index=False, lineterminator="\n")


def write_csv_atomic(frame: pd.DataFrame, path: Path, redact: bool = False) -> None:
    """Write ``frame`` as UTF-8 CSV to a temporary file beside ``path``, then rename it."""
    write_text_atomic(csv_text(frame, redact), path)


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
    documents: Sequence[Document],
    errors: Sequence[DocumentError],
    out_dir: Path,
    sources: Sequence[Source] = (),
    redact: bool = False,
    about: dict[str, Any] | None = None,
) -> dict[str, int]:
    """Write the four tables, ``errors.csv`` and ``manifest.json`` as one set; return counts.

    ``sources`` (from :func:`pipeline.read.read_sources`) give the manifest each input's
    file hash and encoding; ``about`` adds settings such as the pipeline fingerprint.
    """
    documents = sorted(documents, key=lambda d: d.doc_id)
    tables = {
        "visits": records_frame((v for d in documents for v in d.visits), Visit),
        "centres": records_frame((c for d in documents for c in d.centres), Centre),
        "projects": records_frame((p for d in documents for p in d.projects), Project),
        "mentions": mentions_frame(documents, redact),
    }
    error_rows = [
        {**asdict(e), "path": str(e.path) if e.path else ""}
        for e in sorted(errors, key=_error_key)
    ]
    counts = {name: len(frame) for name, frame in tables.items()}
    counts["documents"] = len(documents)
    counts["errors"] = len(errors)
    files = {TABLE_FILES[name]: csv_text(frame, redact) for name, frame in tables.items()}
    files["errors.csv"] = csv_text(pd.DataFrame(error_rows, columns=ERROR_COLUMNS), redact)
    info = manifest(documents, errors, counts, sources, {**(about or {}), "redact": redact})
    files["manifest.json"] = json.dumps(info, ensure_ascii=False, indent=1) + "\n"
    with output_set(out_dir) as staging:
        for number, (name, text) in enumerate(sorted(files.items())):
            _write_file(staging / name, text)
            if number == 0:
                _test_pause_hook()
    return counts


def _error_key(e: DocumentError) -> tuple[str, ...]:
    return (e.doc_id, e.stage, e.error, e.message, str(e.path or ""))


def _write_file(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


PAUSE_ENV = "LVEXTRACT_TEST_PAUSE_IN_WRITE"


def _test_pause_hook() -> None:
    """For the fault tests only: with $LVEXTRACT_TEST_PAUSE_IN_WRITE set to a path, create
    that file once the first output file is written, then wait there to be killed."""
    marker = os.environ.get(PAUSE_ENV)
    if not marker:
        return
    import time

    Path(marker).write_text("writing\n", encoding="utf-8")
    fsync_dir(Path(marker).parent)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.05)


def _versions() -> dict[str, str]:
    versions = {"lvextract": __version__}
    for package in ("spacy", "pandas"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:  # pragma: no cover
            continue
    return versions


def manifest(
    documents: Sequence[Document],
    errors: Sequence[DocumentError],
    counts: dict[str, int],
    sources: Sequence[Source] = (),
    about: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """What was run on what: inputs with content hashes, versions, settings and counts.

    Nothing in it changes from one run to the next on the same inputs (no time, no cache
    statistics), so the manifest is byte-identical too. Each input's ``sha256`` is that of
    the file's bytes; a document given as text (no file) has the hash of its UTF-8 text.
    """
    by_path = {(s.doc_id, str(s.path)): s for s in sources}

    def entry(doc_id: str, path: Path | None, text: str | None = None) -> dict[str, Any]:
        source = by_path.get((doc_id, str(path)))
        item: dict[str, Any] = {"doc_id": doc_id, "path": str(path) if path else None}
        if source is not None and source.sha256 is not None:
            item.update(sha256=source.sha256, bytes=source.size, encoding=source.encoding,
                        format=source.format)
        elif text is not None:
            item["sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return item

    return {
        "lvextract_version": __version__,
        "versions": _versions(),
        "settings": dict(sorted((about or {}).items())),
        "counts": counts,
        "inputs": [entry(d.doc_id, d.path, d.text) for d in documents],
        "failed": [
            {"doc_id": e.doc_id, "stage": e.stage, "error": e.error}
            for e in sorted(errors, key=_error_key)
        ],
    }

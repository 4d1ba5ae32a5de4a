"""Stage 6, write: the contract's tables (CSV, and JSON Lines or Parquet on request), an
error table and a run manifest.

:func:`write_outputs` writes the whole set into a hidden sibling folder and swaps it in for
the output folder (:mod:`pipeline.outdir`): the folder holds the complete previous set or
the complete new one, never a mix, never a half-written file. Rows are sorted and the
manifest holds no time or other run-to-run detail, so the same inputs give byte-identical
files whatever order the documents were given or processed in. Text cells go through the
CSV safety rule and, with ``redact``, the redaction rule (:mod:`pipeline.safety`).

:class:`TableWriter` does the writing for :func:`write_outputs` and for a streaming run
(:func:`pipeline.run.extract_corpus`): rows go to sorted runs on disk as documents finish
and are merged into the files at the end, so memory does not grow with the corpus.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import os
import pickle
import shutil
from collections.abc import Iterable, Iterator, Mapping, Sequence
from importlib import metadata
from operator import itemgetter
from pathlib import Path
from typing import Any

from pipeline.derived import provenance_rows
from pipeline.document import (
    Document,
    DocumentError,
    Mention,
    columns,
)
from pipeline.fill.merge import Merged, ReleaseMerge
from pipeline.formats import (
    ERROR_COLUMNS,
    LIST_SEPARATOR,
    MENTION_COLUMNS,
    SCHEMAS,
    WORKBOOK,
    WRITERS,
    XlsxWriter,
    file_name,
    open_mode,
    open_workbook,
)
from pipeline.outdir import output_set
from pipeline.read import Source
from pipeline.safety import redact_mention
from pipeline.version import __version__

__all__ = [
    "ERROR_COLUMNS",
    "LIST_SEPARATOR",
    "MENTION_COLUMNS",
    "TableWriter",
    "record_cells",
    "write_outputs",
]
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


def write_outputs(
    documents: Sequence[Document],
    errors: Sequence[DocumentError],
    out_dir: Path,
    sources: Sequence[Source] = (),
    redact: bool = False,
    about: dict[str, Any] | None = None,
    formats: Sequence[str] = ("csv",),
) -> dict[str, int]:
    """Write the four tables, the error table and ``manifest.json`` as one set; return counts.

    ``sources`` (from :func:`pipeline.read.read_sources`) give the manifest each input's
    file hash and encoding; ``about`` adds settings such as the pipeline fingerprint;
    ``formats`` picks the table files written (:mod:`pipeline.formats`).
    """
    by_path = {(s.doc_id, str(s.path)): s for s in sources}
    with output_set(out_dir) as staging:
        writer = TableWriter(staging, formats, redact)
        for document in documents:
            writer.add(document, by_path.get((document.doc_id, str(document.path))))
        for error in errors:
            writer.add_error(error)
        merge = ReleaseMerge()
        for document in documents:
            merge.add(document)
        return writer.finish(merge.merged(), about)


SCRATCH = ".lvextract-spill"
"""The folder inside the staging folder where :class:`TableWriter` keeps its sorted runs."""


SPILL_CHUNK = 1_000
"""Rows per pickle in a run file: one ``pickle.load`` a chunk, memory of a chunk at most."""


def _spilled_rows(path: Path) -> Iterator[tuple[str, list[Any]]]:
    """The ``(doc_id, row)`` pairs of one run file, chunk by chunk.

    Pickle, not JSON: the file is the run's own scratch, read back by the same process, and
    rows come back as they were buffered (JSON took 0.6 s a 1,000-release run)."""
    with path.open("rb") as handle:
        while True:
            try:
                chunk = pickle.load(handle)
            except EOFError:
                return
            yield from chunk


class TableWriter:
    """The tables of a run, written as documents finish, in memory that does not grow with
    the corpus.

    :meth:`add` turns a document into table rows (it keeps no reference to the document,
    and so none to its spaCy ``Doc``); rows are buffered and, every ``run_rows`` rows,
    sorted by ``doc_id`` and written to a sorted *run* file in ``folder/.lvextract-spill``.
    :meth:`finish` merges the runs (an external merge sort, stable: rows of one document
    keep their order) straight into the table files of each format, writes the error
    table and the manifest, and deletes the runs. So the files are the same bytes whatever
    order documents were added in, and hold the rows of every document added.
    """

    def __init__(
        self,
        folder: Path,
        formats: Sequence[str] = ("csv",),
        redact: bool = False,
        run_rows: int = 50_000,
    ) -> None:
        self.folder = Path(folder)
        self.formats = tuple(formats)
        self.redact = redact
        self.run_rows = run_rows
        self.scratch = self.folder / SCRATCH
        self.buffers: dict[str, list[tuple[str, list[Any]]]] = {t: [] for t in ROW_TABLES}
        self.buffered = 0
        self.runs: dict[str, list[Path]] = {t: [] for t in ROW_TABLES}
        self.counts = dict.fromkeys(ROW_TABLES, 0)
        self.inputs: list[tuple[str, dict[str, Any]]] = []
        self.errors: list[DocumentError] = []
        self.workbook: Any = None

    def add(self, document: Document, source: Source | None = None) -> None:
        """Add a processed document's rows and its manifest entry."""
        doc_id = document.doc_id
        rows = {
            "visits": [_values(v) for v in document.visits],
            "centres": [_values(c) for c in document.centres],
            "projects": [_values(p) for p in document.projects],
            "mentions": [
                list(_mention_row(doc_id, m, self.redact).values())
                for m in sorted(
                    document.mentions, key=lambda m: (m.start, m.end, m.label, m.norm or "")
                )
            ],
            "provenance": provenance_rows(document),
        }
        for table, table_rows in rows.items():
            self.buffers[table].extend((doc_id, row) for row in table_rows)
            self.counts[table] += len(table_rows)
            self.buffered += len(table_rows)
        self.inputs.append((doc_id, _input_entry(document, source)))
        if self.buffered >= self.run_rows:
            self._spill()

    def add_error(self, error: DocumentError) -> None:
        self.errors.append(error)

    def _spill(self) -> None:
        self.scratch.mkdir(exist_ok=True)
        for table, buffer in self.buffers.items():
            if not buffer:
                continue
            buffer.sort(key=itemgetter(0))  # stable: a document's rows keep their order
            path = self.scratch / f"{table}.{len(self.runs[table]):05d}.pickle"
            with path.open("wb") as handle:
                for start in range(0, len(buffer), SPILL_CHUNK):
                    pickle.dump(buffer[start:start + SPILL_CHUNK], handle,
                                protocol=pickle.HIGHEST_PROTOCOL)
            self.runs[table].append(path)
            buffer.clear()
        self.buffered = 0

    def _sorted_rows(self, table: str) -> Iterator[list[Any]]:
        buffer = sorted(self.buffers[table], key=itemgetter(0))
        self.buffers[table] = []
        if not self.runs[table]:
            yield from (row for _, row in buffer)
            return
        streams = [_spilled_rows(path) for path in self.runs[table]]
        for _, row in heapq.merge(*streams, buffer, key=itemgetter(0)):
            yield row

    def finish(self, merged: Mapping[str, Sequence[Merged]],
               about: dict[str, Any] | None = None) -> dict[str, int]:
        """Write every table file, the ``merged`` records (of the merge stage), the errors
        and ``manifest.json``; return the counts."""
        errors = sorted(self.errors, key=_error_key)
        counts = {**self.counts, "documents": len(self.inputs), "errors": len(errors)}
        for table in ROW_TABLES:
            self._write_table(table, self._sorted_rows(table))
        for table, records in merged.items():
            self._write_table(table, (_merged_values(m) for m in records))
            counts[table] = len(records)
        self._write_table("errors", ([e.doc_id, e.stage, e.error, e.message,
                                      str(e.path) if e.path else ""] for e in errors))
        self.inputs.sort(key=itemgetter(0))
        info = manifest_info(
            [entry for _, entry in self.inputs], errors, counts,
            {**(about or {}), "redact": self.redact},
        )
        _write_file(self.folder / "manifest.json",
                    json.dumps(info, ensure_ascii=False, indent=1) + "\n")
        if self.workbook is not None:
            self.workbook.close()
            _fsync(self.folder / WORKBOOK)
        shutil.rmtree(self.scratch, ignore_errors=True)
        return counts

    def _workbook(self) -> Any:
        if self.workbook is None:
            self.workbook = open_workbook(self.folder / WORKBOOK)
        return self.workbook

    def _write_table(self, table: str, rows: Iterable[list[Any]]) -> None:
        schema = SCHEMAS[table]
        handles, writers = [], []
        try:
            for fmt in self.formats:
                if fmt == "xlsx":  # a sheet of the one workbook, closed in finish()
                    writers.append(XlsxWriter(self._workbook(), schema, self.redact))
                    continue
                handle = (self.folder / file_name(table, fmt)).open(**open_mode(fmt))
                handles.append(handle)
                writers.append(WRITERS[fmt](handle, schema, self.redact))
            for batch in _batches(rows, 2_000):
                for writer in writers:
                    writer.write(batch)
            for writer in writers:
                writer.close()
            for handle in handles:
                handle.flush()
                os.fsync(handle.fileno())
        finally:
            for handle in handles:
                handle.close()


ROW_TABLES = ("visits", "centres", "projects", "mentions", "provenance")


def _values(record: Any) -> list[Any]:
    return [getattr(record, name) for name in columns(type(record))]


def record_cells(record: Any) -> dict[str, Any]:
    """A record's cells by column in table order, as a gold file holds them: an empty list
    or string is null."""
    names = columns(type(record))
    return {name: None if value in ([], "") else value
            for name, value in zip(names, _values(record), strict=True)}


def _merged_values(merged: Merged) -> list[Any]:
    """A merged record's row: its columns, then the ``conflicts`` cell."""
    return [*_values(merged.record), merged.conflicts_cell()]


def _batches(rows: Iterable[list[Any]], size: int) -> Iterator[list[list[Any]]]:
    batch: list[list[Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _input_entry(document: Document, source: Source | None) -> dict[str, Any]:
    """The manifest's entry for one document: its file's hash, size, encoding and format,
    or (a document given as text) the hash of its UTF-8 text."""
    path = document.path
    item: dict[str, Any] = {"doc_id": document.doc_id, "path": str(path) if path else None}
    if source is not None and source.sha256 is not None and str(source.path) == str(path):
        item.update(sha256=source.sha256, bytes=source.size, encoding=source.encoding,
                    format=source.format)
        if source.notes:
            item["notes"] = list(source.notes)
    elif document.text is not None:
        item["sha256"] = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
    return item


def _error_key(e: DocumentError) -> tuple[str, ...]:
    return (e.doc_id, e.stage, e.error, e.message, str(e.path or ""))


def _fsync(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _write_file(path: Path, text: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


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
    inputs = [_input_entry(d, by_path.get((d.doc_id, str(d.path)))) for d in documents]
    return manifest_info(inputs, sorted(errors, key=_error_key), counts, about)


def manifest_info(
    inputs: Sequence[dict[str, Any]],
    errors: Sequence[DocumentError],
    counts: dict[str, int],
    about: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The manifest from the inputs' entries (in ``doc_id`` order) and the sorted errors."""
    return {
        "lvextract_version": __version__,
        "versions": _versions(),
        "settings": dict(sorted((about or {}).items())),
        "counts": counts,
        "inputs": list(inputs),
        "failed": [{"doc_id": e.doc_id, "stage": e.stage, "error": e.error} for e in errors],
    }

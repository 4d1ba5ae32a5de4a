"""One document's annotations in the contract's gold shape, with its text.

Every review format goes through eval's :class:`~pipeline.eval.entities.Annotations` (the
one view of a document that a gold file, a prediction folder or a review tool holds: its
text, mentions and table rows). It is built from the pipeline's output
(:func:`from_document`), from gold files (:func:`read_gold`), from a Label Studio export or
a DocBin, and written back as gold files (:func:`write_gold`), which are then checked by
:func:`pipeline.eval.load_gold` exactly as ``lvextract eval`` would check them.

Gold files come back in the contract's canonical form: every column of a table in the
contract's order, null for an empty cell and lists as JSON arrays; a file already in that
form (as the pipeline writes gold) comes back equal.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from pipeline.document import Document, Mention
from pipeline.eval import load_gold
from pipeline.eval.contract import RECORD_TABLES, load_contract
from pipeline.eval.entities import Annotations, TableRow
from pipeline.write import record_cells


class ReviewError(ValueError):
    """Annotations that cannot become valid gold; the message names the document and item."""


def entity(mention: Mention) -> dict[str, Any]:
    """A gold entity object in the gold files' key order; ``id`` only when there is one."""
    item: dict[str, Any] = {"start": mention.start, "end": mention.end, "text": mention.text,
                            "label": mention.label, "norm": mention.norm}
    if mention.id not in (None, ""):
        item["id"] = mention.id
    return item


def predicted(mention: Mention) -> bool:
    """Did a pipeline component find the mention (so its score means something)? Gold
    mentions name no source."""
    return bool(mention.source)


def tables(item: Annotations) -> dict[str, list[dict[str, Any]]]:
    """The table records as gold JSON objects (a missing table is an empty list)."""
    return {table: [dict(row.values) for row in item.rows(table)] for table in RECORD_TABLES}


def with_tables(item: Annotations, records: Any, where: str) -> Annotations:
    """``item`` with the gold-shaped table records ``records`` (``{table: [object, ...]}``)
    as its rows, each cell as written."""
    if not isinstance(records, dict):
        raise ReviewError(f"{where} must be a JSON object")
    for table in RECORD_TABLES:
        item.records[table] = [TableRow(table, item.doc_id, dict(values))
                               for values in records.get(table) or []]
    return item


def gold_object(item: Annotations) -> dict[str, Any]:
    """The gold JSON object (contract section 3), keys in the contract's order."""
    return {"doc_id": item.doc_id, "entities": [entity(m) for m in item.mentions],
            **tables(item)}


def from_document(document: Document) -> Annotations:
    """The pipeline's output for one document in gold shape (scores and sources kept)."""
    mentions = sorted(document.mentions, key=lambda m: (m.start, m.end, m.label))
    item = Annotations(document.doc_id, document.text, list(mentions))
    for table in RECORD_TABLES:
        item.records[table] = [TableRow(table, document.doc_id, record_cells(record))
                               for record in getattr(document, table)]
    return item


def _gold_files(sources: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for source in sources:
        files.extend(sorted(source.glob("*.json")) if source.is_dir() else [source])
    return files


def read_gold(sources: Sequence[Path], texts_dir: Path | None = None) -> list[Annotations]:
    """Gold files (validated by :func:`pipeline.eval.load_gold`) with their texts, in the
    order of the files.

    Raises GoldError for a file that breaks the contract, ReviewError when a text is missing.
    """
    docs = load_gold(list(sources), texts_dir)
    items = []
    for path in _gold_files(sources):
        item = docs[path.stem]
        if item.text is None:
            raise ReviewError(f"{path.name}: no text {item.doc_id}.txt beside it or in "
                              "--texts")
        items.append(item)
    return items


def read_text(path: Path) -> str:
    """A document's text as gold offsets count it: UTF-8, BOM dropped, newlines untouched."""
    return path.read_bytes().decode("utf-8-sig")


def check(item: Annotations, where: str) -> None:
    """Refuse entities the contract rejects, naming the document and the entity."""
    labels = load_contract().labels
    text = item.text or ""
    for n, mention in enumerate(item.mentions, start=1):
        start, end, label = mention.span
        name = f"{where}: {item.doc_id}: entity #{n} {mention.text!r} ({start}-{end})"
        if label not in labels:
            raise ReviewError(f"{name}: unknown label {label!r}")
        if not 0 <= start < end <= len(text):
            raise ReviewError(f"{name}: offsets out of range for a text of {len(text)} "
                              "characters")
        if text[start:end] != mention.text:
            raise ReviewError(f"{name}: text differs from the document slice "
                              f"{text[start:end]!r}")


def gold_json(item: Annotations) -> str:
    """The gold file's content: indented UTF-8 JSON, Latvian letters kept."""
    return json.dumps(gold_object(item), ensure_ascii=False, indent=1) + "\n"


def write_gold(items: Sequence[Annotations], out_dir: Path, write_texts: bool = False,
               where: str = "annotations") -> list[Path]:
    """Write ``<doc_id>.json`` (and with ``write_texts`` ``<doc_id>.txt``) per document.

    Each item is checked first (:func:`check`), and the written files are loaded back with
    :func:`pipeline.eval.load_gold`, so what this writes is gold that ``eval`` accepts.
    """
    seen: set[str] = set()
    for item in items:
        check(item, where)
        if item.doc_id in seen:
            raise ReviewError(f"{where}: doc_id {item.doc_id!r} occurs twice")
        if not item.doc_id or "/" in item.doc_id or item.doc_id.startswith("."):
            raise ReviewError(f"{where}: doc_id {item.doc_id!r} cannot be a file name")
        seen.add(item.doc_id)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for item in items:
        path = out_dir / f"{item.doc_id}.json"
        path.write_text(gold_json(item), encoding="utf-8")
        if write_texts:
            (out_dir / f"{item.doc_id}.txt").write_bytes((item.text or "").encode("utf-8"))
        paths.append(path)
    if paths:
        load_gold(paths)
    return paths

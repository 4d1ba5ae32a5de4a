"""One document's annotations in the contract's gold shape, with its text.

Every review format goes through :class:`Annotated`: the gold JSON object of contract
section 3 (``doc_id``, ``entities``, ``visits``, ``centres``, ``projects``) plus the
document's original text, which the offsets index. It is built from the pipeline's output
(:func:`from_document`), from gold files (:func:`read_gold`), from a Label Studio export or
a DocBin, and written back as gold files (:func:`write_gold`), which are then checked by
:func:`pipeline.eval.load_gold` exactly as ``lvextract eval`` would check them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from pipeline.document import Centre, Document, Project, Visit, columns
from pipeline.eval import load_gold
from pipeline.eval.contract import RECORD_TABLES, load_contract

#: Keys of a gold entity, in the order the gold files write them (``id`` only when known).
ENTITY_KEYS = ("start", "end", "text", "label", "norm")
RECORD_TYPES = {"visits": Visit, "centres": Centre, "projects": Project}


class ReviewError(ValueError):
    """Annotations that cannot become valid gold; the message names the document and item."""


@dataclass
class Annotated:
    """A gold JSON object (contract section 3) and the text its offsets point into.

    ``scores`` runs parallel to ``gold["entities"]`` for predictions (None for gold).
    """

    text: str
    gold: dict[str, Any]
    scores: list[float | None] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return str(self.gold["doc_id"])

    @property
    def entities(self) -> list[dict[str, Any]]:
        return self.gold.get("entities") or []

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        """The table records as in the gold file (a missing table is an empty list)."""
        return {table: list(self.gold.get(table) or []) for table in RECORD_TABLES}


def entity(start: int, end: int, text: str, label: str, norm: str | None,
           entity_id: str | None = None) -> dict[str, Any]:
    """A gold entity object in the gold files' key order; ``id`` only when there is one."""
    item: dict[str, Any] = {"start": start, "end": end, "text": text, "label": label,
                            "norm": norm}
    if entity_id not in (None, ""):
        item["id"] = entity_id
    return item


def gold_object(doc_id: str, entities: list[dict[str, Any]],
                tables: dict[str, list[dict[str, Any]]] | None = None) -> dict[str, Any]:
    """A gold JSON object with the contract's keys in order."""
    tables = tables or {}
    return {"doc_id": doc_id, "entities": entities,
            **{table: list(tables.get(table) or []) for table in RECORD_TABLES}}


def _record(record: Any, record_type: type) -> dict[str, Any]:
    """A pipeline record as a gold table record: contract columns, [] and '' as null."""
    values = asdict(record)
    return {col: (None if values[col] in ([], "") else values[col])
            for col in columns(record_type)}


def from_document(document: Document) -> Annotated:
    """The pipeline's output for one document in gold shape (scores kept beside)."""
    mentions = sorted(document.mentions, key=lambda m: (m.start, m.end, m.label))
    tables = {table: [_record(r, RECORD_TYPES[table]) for r in getattr(document, table)]
              for table in RECORD_TABLES}
    return Annotated(
        document.text,
        gold_object(document.doc_id,
                    [entity(m.start, m.end, m.text, m.label, m.norm, m.id) for m in mentions],
                    tables),
        [m.score for m in mentions],
    )


def _gold_files(sources: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for source in sources:
        files.extend(sorted(source.glob("*.json")) if source.is_dir() else [source])
    return files


def read_gold(sources: Sequence[Path], texts_dir: Path | None = None) -> list[Annotated]:
    """Gold files (validated by :func:`pipeline.eval.load_gold`) with their texts.

    The JSON objects are kept as written, so writing them back gives equal JSON.
    Raises GoldError for a file that breaks the contract, ReviewError when a text is missing.
    """
    docs = load_gold(list(sources), texts_dir)
    items = []
    for path in _gold_files(sources):
        raw = json.loads(path.read_text(encoding="utf-8-sig"))
        text = docs[raw["doc_id"]].text
        if text is None:
            raise ReviewError(f"{path.name}: no text {raw['doc_id']}.txt beside it or in "
                              "--texts")
        items.append(Annotated(text, raw))
    return items


def read_text(path: Path) -> str:
    """A document's text as gold offsets count it: UTF-8, BOM dropped, newlines untouched."""
    return path.read_bytes().decode("utf-8-sig")


def check(item: Annotated, where: str) -> None:
    """Refuse entities the contract rejects, naming the document and the entity."""
    labels = load_contract().labels
    for n, ent in enumerate(item.entities, start=1):
        start, end, label = ent["start"], ent["end"], ent["label"]
        name = f"{where}: {item.doc_id}: entity #{n} {ent.get('text')!r} ({start}-{end})"
        if label not in labels:
            raise ReviewError(f"{name}: unknown label {label!r}")
        if not 0 <= start < end <= len(item.text):
            raise ReviewError(f"{name}: offsets out of range for a text of {len(item.text)} "
                              "characters")
        if item.text[start:end] != ent["text"]:
            raise ReviewError(f"{name}: text differs from the document slice "
                              f"{item.text[start:end]!r}")


def gold_json(item: Annotated) -> str:
    """The gold file's content: indented UTF-8 JSON, Latvian letters kept."""
    return json.dumps(item.gold, ensure_ascii=False, indent=1) + "\n"


def write_gold(items: Sequence[Annotated], out_dir: Path, write_texts: bool = False,
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
            (out_dir / f"{item.doc_id}.txt").write_bytes(item.text.encode("utf-8"))
        paths.append(path)
    if paths:
        load_gold(paths)
    return paths

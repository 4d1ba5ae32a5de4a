"""Loading gold JSON (contract section 3) and predicted CSVs into the same typed documents.

Gold is validated as it is read: a gold file that breaks the contract stops the
evaluation with a message naming the file and the item, because a silently repaired
gold file would make every later figure wrong without anyone noticing.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.read import ReadError, decode
from pipeline.safety import plain_cell

from .contract import RECORD_TABLES, Contract, load_contract
from .entities import Annotations, Mention, TableRow, Value

ENTITY_KEYS = ("start", "end", "text", "label", "norm")
MAX_NAMED = 10
"""Gold files named in a MissingTextError before '... and N more'."""


class GoldError(ValueError):
    """A gold file that breaks the contract; the message names the file and the item."""


class GoldSourceError(GoldError):
    """No gold where the caller pointed (a missing path, a folder without gold files): a
    mistake on the command line rather than in a gold file."""


class MissingTextError(GoldSourceError):
    """Gold whose text was not found, so its entities could not be checked against it."""


class PredictionError(ValueError):
    """A predictions CSV that cannot be read as the contract's columns."""


def load_gold(
    sources: str | Path | Iterable[str | Path],
    texts_dir: Path | None = None,
    require_text: bool = False,
) -> dict[str, Annotations]:
    """Read and validate gold documents.

    Args:
        sources: a directory of `<doc_id>.json` files, a single file, or several of either.
        texts_dir: where `<doc_id>.txt` lives when it is not beside its JSON file.
        require_text: raise MissingTextError, naming every gold file without a text,
            rather than score spans that nobody checked against the document.
    Returns:
        Documents by doc_id, in file-name order. A document's `text` is None when no
        `.txt` was found; its spans are then checked without the text.
    Raises:
        GoldSourceError: a source does not exist or a folder holds no gold files.
        GoldError: a gold file or its text cannot be read or breaks the contract.
    """
    contract = load_contract()
    docs: dict[str, Annotations] = {}
    unchecked: list[Path] = []
    for path in gold_files(sources):
        doc = _read_gold(path, texts_dir, contract)
        if doc.doc_id in docs:
            raise GoldError(f"{path.name}: doc_id {doc.doc_id!r} is already used by another file")
        docs[doc.doc_id] = doc
        if doc.text is None:
            unchecked.append(path)
    if require_text and unchecked:
        raise MissingTextError(_missing_texts(unchecked, texts_dir))
    return docs


def gold_files(sources: str | Path | Iterable[str | Path]) -> list[Path]:
    """The JSON files named by `sources`: a folder gives its `*.json` files sorted by name
    (sub-folders skipped, whatever their name); a file is taken as given."""
    files: list[Path] = []
    folders: list[Path] = []
    for source in map(Path, [sources] if isinstance(sources, (str, Path)) else sources):
        if source.is_dir():
            folders.append(source)
            files.extend(sorted(p for p in source.glob("*.json") if p.is_file()))
        elif source.is_file():
            files.append(source)
        else:
            raise GoldSourceError(f"{source}: no such gold file or directory")
    if not files:
        searched = ", ".join(map(str, folders)) or "(no gold sources given)"
        raise GoldSourceError(f"no gold .json files found in {searched}")
    return files


def gold_text_path(path: Path, texts_dir: Path | None = None) -> Path | None:
    """The text a gold file's offsets point into: `<texts_dir>/<stem>.txt`, else the `.txt`
    beside it; None when neither exists."""
    candidates = [texts_dir / f"{path.stem}.txt"] if texts_dir else []
    candidates.append(path.with_suffix(".txt"))
    return next((c for c in candidates if c.is_file()), None)


def _missing_texts(paths: list[Path], texts_dir: Path | None) -> str:
    named = ", ".join(map(str, paths[:MAX_NAMED]))
    if len(paths) > MAX_NAMED:
        named += f" and {len(paths) - MAX_NAMED} more"
    where = "beside it" + (f" or in {texts_dir}" if texts_dir else "")
    return (
        f"no text for {len(paths)} gold file(s), so their entity text cannot be checked "
        f"against the document: {named} (looked for <doc_id>.txt {where})"
    )


def _read_text(path: Path, what: str = "the gold text") -> str:
    """A file's text as `lvextract run` reads it (UTF-8, UTF-16, Windows-1257, ... by
    pipeline.read.decode), so offsets count the same characters; newlines untouched. A
    file that cannot be read is a GoldError naming it and ``what`` it is."""
    try:
        return decode(path.read_bytes())
    except ReadError as err:
        raise GoldError(f"{path.name}: cannot read {what}: {err}") from err
    except OSError as err:
        raise GoldError(f"{path.name}: cannot read {what}: {err.strerror}") from err


def _read_json(path: Path) -> object:
    """The parsed JSON of a gold file, in any encoding a text may have; every failure a
    GoldError naming the file (never a traceback)."""
    text = _read_text(path, "the gold file")
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise GoldError(
            f"{path.name}: malformed JSON at line {err.lineno}, column {err.colno}: {err.msg}"
        ) from err
    except RecursionError as err:
        raise GoldError(f"{path.name}: malformed JSON: nested too deeply to read") from err
    except ValueError as err:  # e.g. an integer of more than 4,300 digits
        raise GoldError(f"{path.name}: malformed JSON: {err}") from err


def _read_gold(path: Path, texts_dir: Path | None, contract: Contract) -> Annotations:
    raw = _read_json(path)
    if not isinstance(raw, dict):
        raise GoldError(f"{path.name}: expected a JSON object with doc_id and entities")
    _require(raw, ("doc_id", "entities"), path.name)
    doc_id = raw["doc_id"]
    if doc_id != path.stem:
        raise GoldError(f"{path.name}: doc_id {doc_id!r} does not match the file name")
    text_path = gold_text_path(path, texts_dir)
    doc = Annotations(doc_id, _read_text(text_path) if text_path else None)
    seen: set[tuple[int, int, str]] = set()
    for n, item in enumerate(_array(raw, "entities", path.name), start=1):
        mention = _gold_mention(item, f"{path.name}: entity #{n}", doc, contract)
        if mention.span in seen:
            where = _entity_where(f"{path.name}: entity #{n}", mention.text, *mention.span[:2])
            raise GoldError(f"{where}: duplicate entity")
        seen.add(mention.span)
        doc.mentions.append(mention)
    for table in RECORD_TABLES:
        doc.records[table] = [
            _gold_record(item, table, f"{path.name}: {table} #{n}", doc_id, contract)
            for n, item in enumerate(_array(raw, table, path.name), start=1)
        ]
    return doc


def _require(item: dict, keys: Iterable[str], where: str) -> None:
    missing = [k for k in keys if k not in item]
    if missing:
        raise GoldError(f"{where}: missing key(s) {', '.join(map(repr, missing))}")


def _array(raw: dict, key: str, where: str) -> list:
    items = raw.get(key) or []
    if not isinstance(items, list):
        raise GoldError(f"{where}: {key!r} must be a JSON array")
    return items


def _entity_where(prefix: str, text: object, start: object, end: object) -> str:
    return f"{prefix} {text!r} ({start}-{end})"


def _gold_mention(item: object, where: str, doc: Annotations, contract: Contract) -> Mention:
    if not isinstance(item, dict):
        raise GoldError(f"{where}: expected a JSON object")
    _require(item, ENTITY_KEYS, where)
    start, end, text = item["start"], item["end"], item["text"]
    where = _entity_where(where, text, start, end)
    if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)):
        raise GoldError(f"{where}: start and end must be integers")
    if not 0 <= start < end:
        raise GoldError(f"{where}: offsets out of range (need 0 <= start < end)")
    if item["label"] not in contract.labels:
        raise GoldError(f"{where}: unknown label {item['label']!r}")
    if not isinstance(text, str) or not isinstance(item["norm"], (str, type(None))):
        raise GoldError(f"{where}: text must be a string and norm a string or null")
    if doc.text is not None:
        if end > len(doc.text):
            raise GoldError(
                f"{where}: offsets out of range for a text of {len(doc.text)} characters"
            )
        if doc.text[start:end] != text:
            raise GoldError(
                f"{where}: text differs from the document slice {doc.text[start:end]!r}"
            )
    gold_id = item.get("id")
    return Mention(
        start=start,
        end=end,
        text=text,
        label=item["label"],
        norm=item["norm"],
        id=None if gold_id in (None, "") else str(gold_id),
        doc_id=doc.doc_id,
    )


def _gold_record(item: object, table: str, where: str, doc_id: str, contract: Contract) -> TableRow:
    if not isinstance(item, dict):
        raise GoldError(f"{where}: expected a JSON object")
    columns = contract.tables[table]
    unknown = [k for k in item if k not in columns]
    if unknown:
        raise GoldError(f"{where}: unknown column(s) {', '.join(map(repr, unknown))}")
    values = {col: _gold_cell(item.get(col), col, where, contract) for col in columns}
    if values.get("centre_type") not in (None, *contract.centre_types):
        raise GoldError(f"{where}: unknown centre_type {values['centre_type']!r}")
    groups = values.get("target_groups") or []
    bad = [g for g in groups if g not in contract.target_groups]
    if bad:
        raise GoldError(f"{where}: unknown target_groups {', '.join(map(repr, bad))}")
    return TableRow(table, doc_id, values)


def _gold_cell(value: object, column: str, where: str, contract: Contract) -> Value:
    """Lists as lists of strings (a string is split on ';' as in CSV), '' and [] as None."""
    if column in contract.list_columns:
        if isinstance(value, str):
            return _split(value)
        if isinstance(value, list) and all(isinstance(v, (str, type(None))) for v in value):
            return [v for v in value if v] or None
        if value is not None:
            raise GoldError(f"{where}: {column} must be a list of strings or null")
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float, type(None))):
        raise GoldError(f"{where}: {column} must be a string, a number or null")
    return None if value == "" else value


def _split(cell: str) -> list[str] | None:
    return [part.strip() for part in cell.split(";") if part.strip()] or None


def load_predictions(pred_dir: Path) -> dict[str, Annotations]:
    """Read the pipeline's mentions.csv, visits.csv, centres.csv and projects.csv.

    A missing CSV counts as an empty one (a run may find no projects). Centre and
    project rows naming several documents in `doc_ids` are scored under each of them.
    """
    if not pred_dir.is_dir():
        raise PredictionError(f"{pred_dir}: no such predictions directory")
    contract = load_contract()
    docs: dict[str, Annotations] = {}

    def doc(doc_id: str) -> Annotations:
        return docs.setdefault(doc_id, Annotations(doc_id))

    for where, row in _csv_rows(pred_dir / "mentions.csv", ("doc_id", "start", "end", "label")):
        try:
            start, end = int(row["start"]), int(row["end"])
        except ValueError as err:
            raise PredictionError(f"{where}: start and end must be integers") from err
        doc_id = row["doc_id"].strip()
        doc(doc_id).mentions.append(
            Mention(
                start=start,
                end=end,
                text=row.get("text") or "",
                label=row["label"].strip(),
                norm=_cell(row.get("norm")),
                id=_cell(row.get("id")),
                source=_cell(row.get("source")) or "",
                doc_id=doc_id,
            )
        )
    for table in RECORD_TABLES:
        columns = contract.tables[table]
        for where, row in _csv_rows(pred_dir / f"{table}.csv", ()):
            values = {
                col: _split(row[col] or "") if col in contract.list_columns else _cell(row[col])
                for col in columns
                if col in row
            }
            doc_ids = _split(row.get("doc_id") or row.get("doc_ids") or "")
            if not doc_ids:
                raise PredictionError(f"{where}: no doc_id/doc_ids")
            for doc_id in doc_ids:
                doc(doc_id).records.setdefault(table, []).append(TableRow(table, doc_id, values))
    return docs


def _cell(value: str | None) -> str | None:
    return (value or "").strip() or None


def _csv_rows(path: Path, required: tuple[str, ...]) -> Iterator[tuple[str, dict[str, str]]]:
    """Rows of one CSV with 'file line N' for messages; nothing when the file is absent."""
    if not path.exists():
        return
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise PredictionError(f"{path.name}: missing column(s) {', '.join(missing)}")
        for row in reader:
            # cells as written before the CSV safety rule escaped them ("'+371…" -> "+371…")
            plain = {k: plain_cell(v) if isinstance(v, str) else v for k, v in row.items()}
            yield f"{path.name} line {reader.line_num}", plain

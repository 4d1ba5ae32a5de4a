"""Output formats of the tables: CSV (the contract's), JSON Lines and Parquet.

Every table has one schema (:data:`SCHEMAS`): its columns in the contract's order, each
with a type taken from the record dataclass of :mod:`pipeline.document` (``str``, ``int``,
``float`` or a list of ``str``). Rows travel as lists of typed values in column order
(lists as lists, numbers as numbers, ``None`` for an unknown value); each format writer
turns them into its own cells:

- **csv**: lists joined with ``"; "``, whole amounts without ``.0`` (record tables),
  ``None`` as an empty cell, text cells through the CSV safety rule (and redaction);
- **jsonl**: one JSON object per line, keys in column order, lists as arrays, numbers as
  numbers, ``null`` for unknown values (text cells and list items redacted with
  ``redact``; no formula escaping, it is not a spreadsheet format);
- **parquet**: one column per field with its Arrow type (``string``, ``int64``,
  ``double``, ``list<string>``), written in row groups as rows arrive (pyarrow);
- **xlsx**: one workbook, ``tables.xlsx``, a sheet per table (for a spreadsheet: Excel
  opens a UTF-8 CSV as the wrong code page); numbers as numbers, lists joined with
  ``"; "``, text cells through the CSV safety rule and never read as formulas, links or
  numbers (xlsxwriter, in constant memory). A sheet holds at most 1,048,575 rows: a larger
  table stops the run with :class:`SheetTooLong` (use csv or parquet for such corpora).

The writers stream: they never hold more than one row group of a table in memory, and
the same rows in the same order give byte-identical files.
"""

from __future__ import annotations

import csv
import json
import math
import types
import typing
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import IO, Any

from pipeline.document import Centre, Project, Visit
from pipeline.safety import redact_text, safe_cell

FORMATS = ("csv", "jsonl", "parquet", "xlsx")
WORKBOOK = "tables.xlsx"
SHEET_ROWS = 1_048_575  # Excel's rows per sheet, less the header
LIST_SEPARATOR = "; "
MENTION_COLUMNS = ["doc_id", "start", "end", "text", "label", "norm", "id", "source", "score"]
ERROR_COLUMNS = ["doc_id", "stage", "error", "message", "path"]
PROVENANCE_COLUMNS = ["table", "record_id", "field", "doc_id", "start", "end", "text"]
CONFLICTS = "conflicts"
TABLES = (
    "visits",
    "centres",
    "projects",
    "mentions",
    "errors",
    "provenance",
    "centres_merged",
    "projects_merged",
)
PARQUET_ROW_GROUP = 20_000


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "str", "int", "float" or "list"


@dataclass(frozen=True)
class Schema:
    table: str
    columns: tuple[Column, ...]
    whole_numbers_as_int: bool  # CSV: 600000.0 -> "600000" (record tables)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]


def _kind(hint: Any) -> str:
    args = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and len(args) == 1:
        hint = args[0]
    if typing.get_origin(hint) is list:
        return "list"
    return {int: "int", float: "float"}.get(hint, "str")


def _record_schema(table: str, record_type: type) -> Schema:
    hints = typing.get_type_hints(record_type)
    columns = tuple(
        Column(f.name, _kind(hints[f.name]))
        for f in fields(record_type)
        if f.metadata.get("column", True)
    )
    return Schema(table, columns, whole_numbers_as_int=True)


_MENTION_KINDS = {"start": "int", "end": "int", "score": "float"}
SCHEMAS: dict[str, Schema] = {
    "visits": _record_schema("visits", Visit),
    "centres": _record_schema("centres", Centre),
    "projects": _record_schema("projects", Project),
    "mentions": Schema(
        "mentions",
        tuple(Column(n, _MENTION_KINDS.get(n, "str")) for n in MENTION_COLUMNS),
        whole_numbers_as_int=False,
    ),
    "errors": Schema("errors", tuple(Column(n, "str") for n in ERROR_COLUMNS), False),
    "provenance": Schema(
        "provenance",
        tuple(Column(n, "int" if n in ("start", "end") else "str") for n in PROVENANCE_COLUMNS),
        whole_numbers_as_int=False,
    ),
}
for _table, _record in (("centres_merged", Centre), ("projects_merged", Project)):
    _base = _record_schema(_table, _record)
    SCHEMAS[_table] = Schema(_table, (*_base.columns, Column(CONFLICTS, "str")), True)


def parse_formats(values: Sequence[str] | None) -> tuple[str, ...]:
    """``["csv,parquet", "jsonl"]`` -> ``("csv", "jsonl", "parquet")``; ValueError if unknown."""
    chosen: set[str] = set()
    for value in values or ["csv"]:
        for part in value.split(","):
            name = part.strip().lower()
            if not name:
                continue
            if name not in FORMATS:
                raise ValueError(f"unknown format {name!r} (choose from {', '.join(FORMATS)})")
            chosen.add(name)
    return tuple(f for f in FORMATS if f in chosen) or ("csv",)


def file_name(table: str, fmt: str) -> str:
    """The file a table is written to in a format (every table of ``xlsx`` shares one)."""
    return WORKBOOK if fmt == "xlsx" else f"{table}.{fmt}"


# --- typed values -------------------------------------------------------------------------


def typed(value: Any, kind: str) -> Any:
    """A cell value coerced to its column's kind for the typed formats (``None`` stays
    ``None``; a value that is not a number in a number column becomes ``None``)."""
    if value is None:
        return None
    if kind == "list":
        items = value if isinstance(value, (list, tuple)) else [value]
        return [str(v) for v in items]
    if kind == "int":
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        return _parse(value, int)
    if kind == "float":
        number = value if isinstance(value, (int, float)) else _parse(value, float)
        if number is None or isinstance(number, bool) or not math.isfinite(number):
            return None
        return float(number)
    return value if isinstance(value, str) else str(value)


def _parse(value: Any, kind: type) -> Any:
    try:
        return kind(str(value).replace(" ", "").replace(",", "."))
    except ValueError:
        return None


def typed_row(values: Sequence[Any], schema: Schema) -> list[Any]:
    return [typed(v, c.kind) for v, c in zip(values, schema.columns, strict=True)]


def _redacted(value: Any) -> Any:
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, list):
        return [redact_text(v) for v in value]
    return value


# --- writers ------------------------------------------------------------------------------


class TableFileWriter:
    """Writes one table in one format; ``write(rows)`` may be called many times."""

    def __init__(self, handle: IO[Any], schema: Schema, redact: bool) -> None:
        self.handle = handle
        self.schema = schema
        self.redact = redact

    def write(self, rows: Sequence[Sequence[Any]]) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def close(self) -> None:
        pass


def spreadsheet_cell(value: Any, redact: bool) -> Any:
    """A value as CSV and xlsx cells show it: a list joined with ``"; "``, private contacts
    redacted (with ``redact``), a formula start escaped (:func:`pipeline.safety.safe_cell`)."""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(str(v) for v in value)
    if redact and isinstance(value, str):
        value = redact_text(value)
    return safe_cell(value)


class CsvWriter(TableFileWriter):
    """UTF-8, LF line ends, minimal quoting; header even for an empty table.

    The csv module quotes a cell holding LF but not one holding a lone CR when lines end
    in LF, and every reader splits a row there; a row with a CR in any cell is therefore
    written with every cell quoted (still plain CSV, read back the same)."""

    def __init__(self, handle: IO[Any], schema: Schema, redact: bool) -> None:
        super().__init__(handle, schema, redact)
        self.writer = csv.writer(handle, lineterminator="\n")
        self.quoting_writer = csv.writer(handle, lineterminator="\n", quoting=csv.QUOTE_ALL)
        self.writer.writerow(schema.names)

    def cell(self, value: Any) -> Any:
        if self.schema.whole_numbers_as_int and isinstance(value, float) and value.is_integer():
            value = int(value)
        return "" if value is None else spreadsheet_cell(value, self.redact)

    def write(self, rows: Sequence[Sequence[Any]]) -> None:
        plain_text = not self.redact  # most cells: text needing no redaction, only safe_cell
        for row in rows:
            cells = [safe_cell(v) if plain_text and type(v) is str else self.cell(v) for v in row]
            if any(type(c) is str and "\r" in c for c in cells):
                self.quoting_writer.writerow(cells)
            else:
                self.writer.writerow(cells)


class JsonlWriter(TableFileWriter):
    def write(self, rows: Sequence[Sequence[Any]]) -> None:
        names = self.schema.names
        lines = []
        for row in rows:
            values = typed_row(row, self.schema)
            if self.redact:
                values = [_redacted(v) for v in values]
            lines.append(json.dumps(dict(zip(names, values, strict=True)), ensure_ascii=False))
        if lines:
            self.handle.write("\n".join(lines) + "\n")


def arrow_schema(schema: Schema) -> Any:
    import pyarrow as pa

    types_ = {
        "str": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "list": pa.list_(pa.string()),
    }
    return pa.schema([pa.field(c.name, types_[c.kind]) for c in schema.columns])


class ParquetWriter(TableFileWriter):
    """Row groups of up to :data:`PARQUET_ROW_GROUP` rows; an empty table has its schema."""

    def __init__(self, handle: IO[Any], schema: Schema, redact: bool) -> None:
        import pyarrow.parquet as pq

        super().__init__(handle, schema, redact)
        self.arrow = arrow_schema(schema)
        self.writer = pq.ParquetWriter(handle, self.arrow, compression="zstd")
        self.pending: list[Sequence[Any]] = []

    def write(self, rows: Sequence[Sequence[Any]]) -> None:
        self.pending.extend(typed_row(row, self.schema) for row in rows)
        while len(self.pending) >= PARQUET_ROW_GROUP:
            self._flush(self.pending[:PARQUET_ROW_GROUP])
            del self.pending[:PARQUET_ROW_GROUP]

    def _flush(self, rows: Sequence[Sequence[Any]]) -> None:
        import pyarrow as pa

        if self.redact:
            rows = [[_redacted(v) for v in row] for row in rows]
        arrays = [
            pa.array([row[i] for row in rows], type=field.type)
            for i, field in enumerate(self.arrow)
        ]
        self.writer.write_table(pa.Table.from_arrays(arrays, schema=self.arrow))

    def close(self) -> None:
        if self.pending:
            self._flush(self.pending)
            self.pending = []
        self.writer.close()


class SheetTooLong(OSError):
    """A table with more rows than a spreadsheet sheet holds."""


class XlsxWriter(TableFileWriter):
    """One sheet of the run's workbook; ``handle`` is the xlsxwriter ``Workbook``."""

    def __init__(self, handle: Any, schema: Schema, redact: bool) -> None:
        super().__init__(handle, schema, redact)
        self.sheet = handle.add_worksheet(schema.table)
        self.sheet.write_row(0, 0, schema.names)
        self.rows = 0

    def cell(self, value: Any, kind: str) -> Any:
        value = typed(value, kind)
        return None if value is None else spreadsheet_cell(value, self.redact)

    def write(self, rows: Sequence[Sequence[Any]]) -> None:
        kinds = [c.kind for c in self.schema.columns]
        for row in rows:
            self.rows += 1
            if self.rows > SHEET_ROWS:
                raise SheetTooLong(f"{self.schema.table} has over {SHEET_ROWS} rows, more than "
                                   "a spreadsheet sheet holds: use csv or parquet")
            for column, (value, kind) in enumerate(zip(row, kinds, strict=True)):
                value = self.cell(value, kind)
                if isinstance(value, str):
                    self.sheet.write_string(self.rows, column, value)
                elif value is not None:
                    self.sheet.write_number(self.rows, column, value)


def open_workbook(path: Any) -> Any:
    """The run's workbook: constant memory, no formula, link or number guessing."""
    import xlsxwriter

    return xlsxwriter.Workbook(str(path), {
        "constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
        "strings_to_numbers": False,
    })


WRITERS: dict[str, type[TableFileWriter]] = {
    "csv": CsvWriter,
    "jsonl": JsonlWriter,
    "parquet": ParquetWriter,
    "xlsx": XlsxWriter,
}


def open_mode(fmt: str) -> dict[str, Any]:
    if fmt == "parquet":
        return {"mode": "wb"}
    return {"mode": "w", "encoding": "utf-8", "newline": ""}

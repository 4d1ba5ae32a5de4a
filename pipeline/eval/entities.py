"""Typed shapes shared by gold and predictions: mentions, table records, documents.

Gold JSON and predicted CSVs are loaded into the same shapes so that every scoring
function sees one kind of input and never re-parses cells.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

#: A record cell after loading: lists as lists, empty cells as None, other cells as written.
Value = str | int | float | list[str] | None

#: The column that names a record in messages and listings, per table.
RECORD_ID_COLUMN = {"visits": "visit_id", "centres": "centre_id", "projects": "project_key"}


@dataclass(frozen=True)
class Mention:
    """A labelled character span `[start, end)` of one document."""

    doc_id: str
    start: int
    end: int
    text: str
    label: str
    norm: str | None = None
    id: str | None = None
    source: str | None = None

    @property
    def span(self) -> tuple[int, int, str]:
        """What strict matching compares: offsets and label."""
        return (self.start, self.end, self.label)

    def overlaps(self, other: Mention) -> bool:
        """Same label and at least one shared character (partial matching)."""
        return self.label == other.label and self.start < other.end and other.start < self.end


@dataclass(frozen=True, eq=False)
class Record:
    """One row of visits, centres or projects as scored under one document.

    Compared by identity: two predicted rows with equal cells are still two rows.
    """

    table: str
    doc_id: str
    values: Mapping[str, Value]

    def get(self, column: str) -> Value:
        """The cell, None where the column is absent."""
        return self.values.get(column)

    @property
    def name(self) -> str:
        """The record's own id (visit_id, centre_id, project_key) for listings."""
        return str(self.get(RECORD_ID_COLUMN[self.table]) or "(no id)")


@dataclass(frozen=True, order=True)
class NormKey:
    """One (label, folded norm) pair of a document: the unit of normalisation scoring."""

    doc_id: str
    label: str
    norm: str


@dataclass
class Document:
    """Everything known about one document: its text (gold only), mentions and records."""

    doc_id: str
    text: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    records: dict[str, list[Record]] = field(default_factory=dict)

    def rows(self, table: str) -> list[Record]:
        """The document's records of `table`, in file order."""
        return self.records.get(table, [])

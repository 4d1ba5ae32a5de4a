"""What eval reads from gold files and prediction folders (and review carries through Label
Studio and DocBin): the pipeline's own :class:`~pipeline.document.Mention`, table rows with
their cells as written, and one :class:`Annotations` per document.

Eval scores *files*, which another tool or a person may have written, and must agree with
``score.py`` on them, so a row keeps its cells as written (a count of "7 " or "ap. 7" is
scored, not refused). That is why a :class:`TableRow` is not a pipeline record
(:class:`~pipeline.document.Visit`, ...), whose cells are typed: a record becomes a row only
where it is written (:func:`pipeline.write.record_cells`). And :class:`Annotations` is a
document as the contract's files hold it, not a pipeline
:class:`~pipeline.document.Document` on its way through the stages.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from pipeline.document import Mention

#: A record cell after loading: lists as lists, empty cells as None, other cells as written.
Value = str | int | float | list[str] | None

#: The column that names a record in messages and listings, per table.
RECORD_ID_COLUMN = {"visits": "visit_id", "centres": "centre_id", "projects": "project_key"}


@dataclass(frozen=True, eq=False)
class TableRow:
    """One row of visits.csv, centres.csv or projects.csv (or of a gold file's table) as
    scored under one document.

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
class Annotations:
    """What a gold file, a prediction folder or a review tool says about one document: its
    text (not from a prediction folder), mentions and table rows."""

    doc_id: str
    text: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    records: dict[str, list[TableRow]] = field(default_factory=dict)

    def rows(self, table: str) -> list[TableRow]:
        """The document's records of `table`, in file order."""
        return self.records.get(table, [])

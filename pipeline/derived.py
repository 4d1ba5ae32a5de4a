"""Tables derived from the per-release records: provenance and cross-release merges.

``provenance`` says, for every filled cell of visits, centres and projects, which span of
the original text it was read from (a mention, or the sentence for cue-word fields), so an
analyst can check any value at its source. ``centres_merged`` and ``projects_merged`` hold
one row per centre and per project across all releases, with every doc_id and a
``conflicts`` cell (rules in :mod:`pipeline.fill.merge`). Rows are lists in the column
order of :data:`pipeline.formats.SCHEMAS`, as the writer takes them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from pipeline.document import Centre, Document, Project, columns
from pipeline.fill.merge import Merged, merge_centres, merge_projects

RECORD_TABLES = (("visits", "visit_id"), ("centres", "centre_id"), ("projects", "project_key"))


def provenance_rows(document: Document) -> list[list[Any]]:
    """One row per (record, field, source span) of the document, in a stable order."""
    rows = []
    for table, id_field in RECORD_TABLES:
        for record in getattr(document, table):
            for field, spans in sorted(record.provenance.items()):
                for start, end in sorted(spans):
                    text = document.text[start:end]
                    rows.append(
                        [table, getattr(record, id_field), field, document.doc_id, start, end, text]
                    )
    return rows


def records_from_rows(rows: Iterable[Sequence[Any]], record_type: type) -> list[Any]:
    """Records back from table rows (values in column order)."""
    names = columns(record_type)
    return [record_type(**dict(zip(names, row, strict=True))) for row in rows]


def merged_rows(centres: Iterable[Centre], projects: Iterable[Project]) -> dict[str, list[list]]:
    """``centres_merged`` and ``projects_merged`` rows: the record's columns plus conflicts."""
    return {
        "centres_merged": [_row(m) for m in merge_centres(centres)],
        "projects_merged": [_row(m) for m in merge_projects(projects)],
    }


def _row(merged: Merged) -> list[Any]:
    record = merged.record
    return [*(getattr(record, n) for n in columns(type(record))), merged.conflicts_cell()]

"""Tables derived from the per-release records: provenance and cross-release merges.

``provenance.csv`` says, for every filled cell of visits, centres and projects, which span
of the original text it was read from (a mention, or the sentence for cue-word fields), so
an analyst can check any value at its source. ``centres_merged.csv`` and
``projects_merged.csv`` hold one row per centre and per project across all releases, with
every doc_id and a ``conflicts`` cell (rules in :mod:`pipeline.fill.merge`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

import pandas as pd

from pipeline.document import Centre, Document, Project, columns
from pipeline.fill.merge import Merged, merge_centres, merge_projects

PROVENANCE_COLUMNS = ["table", "record_id", "field", "doc_id", "start", "end", "text"]
CONFLICTS = "conflicts"


def provenance_frame(documents: Sequence[Document]) -> pd.DataFrame:
    """One row per (record, field, source span), sorted like the tables."""
    rows = []
    for document in documents:
        for table, records, id_field in (
            ("visits", document.visits, "visit_id"),
            ("centres", document.centres, "centre_id"),
            ("projects", document.projects, "project_key"),
        ):
            for record in records:
                for field, spans in sorted(record.provenance.items()):
                    for start, end in sorted(spans):
                        rows.append(
                            {
                                "table": table,
                                "record_id": getattr(record, id_field),
                                "field": field,
                                "doc_id": document.doc_id,
                                "start": start,
                                "end": end,
                                "text": document.text[start:end],
                            }
                        )
    return pd.DataFrame(rows, columns=PROVENANCE_COLUMNS, dtype=object)


def merged_frames(documents: Sequence[Document]) -> dict[str, pd.DataFrame]:
    """``centres_merged`` and ``projects_merged``: the contract's columns plus conflicts."""
    centres = merge_centres(c for d in documents for c in d.centres)
    projects = merge_projects(p for d in documents for p in d.projects)
    return {
        "centres_merged": _frame(centres, Centre),
        "projects_merged": _frame(projects, Project),
    }


def _frame(merged: Sequence[Merged], record_type: type) -> pd.DataFrame:
    """Records as rows (lists stay lists, as in the other tables before writing)."""
    names = columns(record_type)
    rows = [
        {**{name: asdict(item.record)[name] for name in names}, CONFLICTS: item.conflicts_cell()}
        for item in merged
    ]
    return pd.DataFrame(rows, columns=[*names, CONFLICTS], dtype=object)

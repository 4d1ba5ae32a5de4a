"""The provenance table, derived from the per-release records.

``provenance`` says, for every filled cell of visits, centres and projects, which span of
the original text it was read from (a mention, or the sentence for cue-word fields), so an
analyst can check any value at its source. Rows are lists in the column order of
:data:`pipeline.formats.SCHEMAS`, as the writer takes them.
"""

from __future__ import annotations

from typing import Any

from pipeline.document import Document

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

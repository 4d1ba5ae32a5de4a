"""The one document model every stage reads and writes.

A :class:`Document` starts as the decoded text of one press release (``read``), gains a
cleaned copy with a map back to the original characters (``clean``), a spaCy ``Doc`` with
tokens, sentences and entity spans (``annotate``), canonical :class:`Mention` records
(``normalise``) and finally its table rows (``fill``). Offsets in a :class:`Mention` always
point into the original text, as the contract requires; the ``clean_*`` offsets point into
the cleaned text the spaCy ``Doc`` was built on.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from pipeline.clean import CleanText

# Doc and span extensions written by the annotate stage (declared by declare_extensions).
DOC_CANDIDATES = "candidates"
DOC_ANALYSES = "analyses"  # a sentence's first token -> its analysed copy (sentence_models)
SPAN_NORM = "norm"
SPAN_SOURCE = "source"
SPAN_SCORE = "score"
SPAN_FACTS = "facts"


def declare_extensions() -> None:
    """Declare the extensions on spaCy's classes (idempotent).

    A function, not import-time code, so that what only reads and writes records (a cached
    run, the writers, eval) never imports spaCy and torch: they take two seconds."""
    from spacy.tokens import Doc, Span

    for name, default in ((SPAN_NORM, None), (SPAN_SOURCE, ""), (SPAN_SCORE, 1.0),
                          (SPAN_FACTS, None)):
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name in (DOC_CANDIDATES, DOC_ANALYSES):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@dataclass(slots=True)
class Mention:
    """A labelled span of the original text with its canonical form (contract section 1):
    what normalise makes, the writer writes, and eval reads back from gold and predictions.

    ``facts`` carries what a gazetteer knows beyond the norm (parent municipality, planning
    region, country, successor of a pre-2021 unit, the head word of a list); the table
    filler reads it, the writer does not.
    """

    start: int
    end: int
    text: str
    label: str
    norm: str | None = None
    id: str | None = None
    source: str = ""
    score: float = 1.0
    clean_start: int = 0
    clean_end: int = 0
    facts: dict[str, Any] = field(default_factory=dict)
    doc_id: str = ""

    @property
    def span(self) -> tuple[int, int, str]:
        """What strict matching compares: offsets and label."""
        return (self.start, self.end, self.label)

    def overlaps(self, other: Mention) -> bool:
        """Same label and at least one shared character (partial matching)."""
        return self.label == other.label and self.start < other.end and other.start < self.end


# Where a record's cells came from: field name -> spans (start, end) of the original text.
Provenance = dict[str, list[tuple[int, int]]]

# Field metadata of what a record keeps beside its table columns.
NOT_A_COLUMN = {"column": False}


@dataclass(slots=True)
class Visit:
    """One experience-exchange visit (contract: visits.csv)."""

    visit_id: str
    doc_id: str
    date_start: str | None = None
    date_end: str | None = None
    organiser: str | None = None
    project: str | None = None
    participants_count: int | None = None
    participant_groups: list[str] = field(default_factory=list)
    origin_region: list[str] = field(default_factory=list)
    origin_municipalities: list[str] = field(default_factory=list)
    origin_countries: list[str] = field(default_factory=list)
    destination_region: list[str] = field(default_factory=list)
    destination_municipalities: list[str] = field(default_factory=list)
    destination_localities: list[str] = field(default_factory=list)
    destination_countries: list[str] = field(default_factory=list)
    sites_visited: list[str] = field(default_factory=list)
    provenance: Provenance = field(default_factory=dict, repr=False, metadata=NOT_A_COLUMN)


@dataclass(slots=True)
class Centre:
    """One named social-service site (contract: centres.csv)."""

    centre_id: str
    name: str
    centre_type: str | None = None
    operator: str | None = None
    municipality: str | None = None
    locality: str | None = None
    target_groups: list[str] = field(default_factory=list)
    opened: str | None = None
    visitors_per_day: str | None = None
    doc_ids: list[str] = field(default_factory=list)
    provenance: Provenance = field(default_factory=dict, repr=False, metadata=NOT_A_COLUMN)


@dataclass(slots=True)
class Project:
    """One project (contract: projects.csv); ``project_key`` is the code, else the name."""

    project_key: str
    code: str | None = None
    name: str | None = None
    title: str | None = None
    programme: str | None = None
    fund: str | None = None
    total_budget_eur: float | None = None
    eu_funding_eur: float | None = None
    period_start: str | None = None
    period_end: str | None = None
    implementer: str | None = None
    partners: list[str] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    provenance: Provenance = field(default_factory=dict, repr=False, metadata=NOT_A_COLUMN)


Record = Visit | Centre | Project



def columns(record_type: type) -> list[str]:
    """Column order of a table = field order of its record dataclass (provenance aside)."""
    return [f.name for f in fields(record_type) if f.metadata.get("column", True)]


@dataclass(slots=True)
class Document:
    """One press release on its way through the pipeline."""

    doc_id: str
    text: str
    path: Path | None = None
    clean: CleanText | None = None
    doc: Doc | None = None
    mentions: list[Mention] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)
    centres: list[Centre] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)


@dataclass(slots=True)
class DocumentError:
    """A document that failed at one stage; the batch goes on without it."""

    doc_id: str
    stage: str
    error: str
    message: str
    path: Path | None = None


Outcome = Document | DocumentError
"""What processing one document gives: the document with its tables, or why it failed."""

"""Overlap policy: from all candidate spans to the document's final, non-overlapping mentions.

The contract annotates the longest name ("Jelgavas novada pašvaldība" is one ORG, the
municipality inside it is no mention of its own), so the longest candidate wins. Between
candidates of equal extent, the finder's priority decides (rules and curated lists before
guesses), then the score.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.annotate.spans import CANDIDATES
from pipeline.document import SPAN_SCORE, SPAN_SOURCE

# Lower is stronger; a source's family is the part before the first dot.
SOURCE_PRIORITY = {"rules": 0, "names": 1, "gazetteer": 2, "persons": 3}


def _rank(span: Span) -> tuple[int, int, int, float]:
    family = getattr(span._, SPAN_SOURCE).split(".")[0]
    return (
        -(span.end_char - span.start_char),
        span.start_char,
        SOURCE_PRIORITY.get(family, len(SOURCE_PRIORITY)),
        -getattr(span._, SPAN_SCORE),
    )


def resolve(candidates: list[Span]) -> list[Span]:
    """Keep the longest candidates that overlap no kept one, in text order."""
    kept: list[Span] = []
    taken: set[int] = set()
    for span in sorted(candidates, key=_rank):
        tokens = set(range(span.start, span.end))
        if tokens & taken:
            continue
        kept.append(span)
        taken |= tokens
    return sorted(kept, key=lambda span: span.start)


@Language.component("lv_resolve", assigns=["doc.ents"], requires=["doc.spans"])
def resolve_component(doc: Doc) -> Doc:
    """Set ``doc.ents`` from ``doc.spans["candidates"]``."""
    doc.ents = resolve(list(doc.spans.get(CANDIDATES, [])))
    return doc

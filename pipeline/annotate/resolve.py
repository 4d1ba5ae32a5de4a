"""Overlap policy: from all candidates to the document's final, non-overlapping mentions.

The contract annotates the longest name ("Jelgavas novada pašvaldība" is one ORG, the
municipality inside it is no mention of its own), so the longest candidate wins. Between
candidates of equal extent, the finder's priority decides (rules and curated lists before
guesses), then the score.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.annotate.spans import Candidate, candidates
from pipeline.document import SPAN_FACTS, SPAN_NORM, SPAN_SCORE, SPAN_SOURCE

# Lower is stronger; a source's family is the part before the first dot.
SOURCE_PRIORITY = {"rules": 0, "names": 1, "gazetteer": 2, "persons": 3, "ner": 4, "domain_ner": 5}


def _rank(candidate: Candidate) -> tuple[int, int, int, float]:
    family = candidate.hit.source.split(".")[0]
    return (
        candidate.token_start - candidate.token_end,
        candidate.token_start,
        SOURCE_PRIORITY.get(family, len(SOURCE_PRIORITY)),
        -candidate.hit.score,
    )


def resolve(found: list[Candidate]) -> list[Candidate]:
    """Keep the longest candidates that overlap no kept one, in text order."""
    kept: list[Candidate] = []
    taken: set[int] = set()
    for candidate in sorted(found, key=_rank):
        tokens = set(range(candidate.token_start, candidate.token_end))
        if tokens & taken:
            continue
        kept.append(candidate)
        taken |= tokens
    return sorted(kept, key=lambda c: c.token_start)


def _entity(doc: Doc, candidate: Candidate) -> Span:
    hit = candidate.hit
    span = Span(doc, candidate.token_start, candidate.token_end, label=hit.label)
    setattr(span._, SPAN_NORM, hit.norm)
    setattr(span._, SPAN_SOURCE, hit.source)
    setattr(span._, SPAN_SCORE, hit.score)
    setattr(span._, SPAN_FACTS, dict(hit.facts))
    return span


@Language.component("lv_resolve", assigns=["doc.ents"])
def resolve_component(doc: Doc) -> Doc:
    """Set ``doc.ents`` (with norm, source, score and facts) from ``doc._.candidates``."""
    doc.ents = [_entity(doc, c) for c in resolve(candidates(doc))]
    return doc

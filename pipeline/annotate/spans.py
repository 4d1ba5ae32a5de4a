"""The one way finders put their hits on a ``Doc``: candidate spans with extension values.

Every finder returns hits with ``start``, ``end``, ``label``, ``norm`` (character offsets
into ``doc.text``); :func:`add_candidates` snaps them to tokens and appends them to
``doc.spans[CANDIDATES]``, where the resolver picks the final mentions.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from spacy.tokens import Doc

from pipeline.document import SPAN_FACTS, SPAN_NORM, SPAN_SCORE, SPAN_SOURCE

CANDIDATES = "candidates"


class Hit(Protocol):
    start: int
    end: int
    label: str
    norm: str | None


def add_candidates(doc: Doc, hits: Iterable[Hit], source: str = "") -> None:
    """Append hits as spans; a hit that cuts a token is widened to whole tokens."""
    group = doc.spans.setdefault(CANDIDATES, [])
    for hit in hits:
        span = doc.char_span(hit.start, hit.end, label=hit.label, alignment_mode="expand")
        if span is None or not span.text.strip():
            continue
        setattr(span._, SPAN_NORM, hit.norm)
        setattr(span._, SPAN_SOURCE, getattr(hit, "source", "") or source)
        setattr(span._, SPAN_SCORE, float(getattr(hit, "score", 1.0)))
        facts: dict[str, Any] = dict(getattr(hit, "facts", None) or {})
        setattr(span._, SPAN_FACTS, facts)
        group.append(span)

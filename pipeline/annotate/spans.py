"""The one way finders put their hits on a ``Doc``: typed candidates in ``doc._.candidates``.

Every finder returns hits with ``start``, ``end``, ``label``, ``norm`` (character offsets
into ``doc.text``); :func:`add_candidates` snaps them to whole tokens and records them. The
resolver picks the final mentions among them. Candidates are kept as records rather than
spans with extension values because spaCy keys span extension values by offsets alone, so
two candidates over the same text would overwrite each other's norm.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from pipeline.document import DOC_CANDIDATES

_TEXT = ("lvextract", "text")


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy joins every token's text again on each call,
    and a dozen finders read it. Retokenizing does not change the text, so it stays true."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


@dataclass(frozen=True, slots=True)
class Hit:
    """What every finder returns: character offsets into ``doc.text``, label, canonical
    form, the finder's name (``family.rule``) and what it knows beyond the norm."""

    start: int
    end: int
    label: str
    norm: str | None
    source: str
    score: float = 1.0
    facts: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A hit recorded on a ``Doc``: the token span ``[token_start, token_end)`` of the clean
    text its character offsets were widened to."""

    token_start: int
    token_end: int
    hit: Hit


def candidates(doc: Doc) -> list[Candidate]:
    """The document's candidates so far (an empty list before any finder ran)."""
    found = getattr(doc._, DOC_CANDIDATES)
    if found is None:
        found = []
        setattr(doc._, DOC_CANDIDATES, found)
    return found


def add_candidates(doc: Doc, hits: Iterable[Hit]) -> None:
    """Record hits as candidates; a hit that cuts a token is widened to whole tokens."""
    found = candidates(doc)
    for hit in hits:
        span = doc.char_span(hit.start, hit.end, alignment_mode="expand")
        if span is None or not span.text.strip():
            continue
        found.append(Candidate(span.start, span.end, hit))

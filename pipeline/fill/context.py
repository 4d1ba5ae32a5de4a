"""What every table filler needs to read a document: sentences, their mentions and cue words.

Fillers work on the clean text (offsets of the spaCy ``Doc``) and on the document's
normalised mentions; this module is their only view of both.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Span

from pipeline.document import Document, Mention, Record
from pipeline.gazetteer.kb import HISTORICAL_KINDS, LAST_DAY_BEFORE_REFORM

CUES = Path(__file__).resolve().parents[1] / "data" / "fill.json"
PLACE_LABELS = ("MUNICIPALITY", "LOCALITY", "REGION", "FOREIGN_PLACE")


@cache
def cue_data() -> dict:
    return json.loads(CUES.read_text(encoding="utf-8"))


@cache
def cue(name: str) -> re.Pattern[str]:
    """The compiled, case-insensitive pattern of one cue list in ``fill.json``."""
    return re.compile(rf"(?<!\w)(?:{cue_data()[name]})", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Word:
    """A token of a parsed sentence: ``start`` is its clean-text offset, ``head`` the index
    of its head word in the sentence (its own for the root)."""

    index: int
    start: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the clean text (``start``/``end``) and its span in the original text;
    ``words`` when the backbone parsed it (empty with the rule backbone); ``paragraph``
    counts the line breaks between sentences before it."""

    index: int
    start: int
    end: int
    text: str
    mentions: tuple[Mention, ...]
    original: tuple[int, int] = (0, 0)
    words: tuple[Word, ...] = ()
    paragraph: int = 0

    def head_word(self, mention: Mention) -> Word | None:
        """The word of ``mention`` whose head lies outside it (None without a parse)."""
        inside = [w for w in self.words if mention.clean_start <= w.start < mention.clean_end]
        indices = {w.index for w in inside}
        return next((w for w in inside if w.head not in indices or w.head == w.index), None)

    def head_of(self, word: Word) -> Word | None:
        return None if word.head == word.index else self.words[word.head]

    def children(self, word: Word) -> list[Word]:
        return [w for w in self.words if w.head == word.index and w.index != word.index]

    def labelled(self, *labels: str) -> list[Mention]:
        return [m for m in self.mentions if m.label in labels]

    def before(self, mention: Mention) -> str:
        """The sentence text left of ``mention``."""
        return self.text[: mention.clean_start - self.start]

    def between(self, left: Mention, right: Mention) -> str:
        """The sentence text from the end of ``left`` to the start of ``right``."""
        return self.text[left.clean_end - self.start : right.clean_start - self.start]


def sentences(document: Document) -> list[Sentence]:
    """The document's sentences with the mentions that start inside each."""
    if document.doc is None:
        raise ValueError(f"{document.doc_id}: fill needs the annotate stage first")
    parsed = document.doc.has_annotation("DEP")
    result = []
    paragraph, previous_end = 0, 0
    text = document.doc.text  # joined once: a Doc joins its tokens on every call
    for index, sent in enumerate(document.doc.sents):
        paragraph += "\n" in text[previous_end : sent.start_char]
        previous_end = sent.start_char + len(sent.text.rstrip())
        inside = tuple(
            m for m in document.mentions if sent.start_char <= m.clean_start < sent.end_char
        )
        original = document.clean.to_original(sent.start_char, sent.end_char)
        words = tuple(_words(sent)) if parsed else ()
        result.append(
            Sentence(
                index, sent.start_char, sent.end_char, sent.text, inside, original, words, paragraph
            )
        )
    return result


def _words(sent: Span) -> list[Word]:
    """The sentence's tokens as :class:`Word` s; a head outside the sentence (a parse
    across a sentence boundary the press checks moved) counts as a root."""
    words = []
    for token in sent:
        head = token.head.i - sent.start
        if not 0 <= head < len(sent):
            head = token.i - sent.start
        index = token.i - sent.start
        words.append(Word(index, token.idx, token.text, token.lemma_, token.pos_, token.dep_, head))
    return words


def note(record: Record, field: str, *sources: Mention | Sentence | None) -> None:
    """Record where ``field`` of ``record`` came from: mentions' or sentences' spans of the
    original text (the provenance output)."""
    for source in sources:
        if source is None:
            continue
        span = (source.start, source.end) if isinstance(source, Mention) else source.original
        spans = record.provenance.setdefault(field, [])
        if span not in spans:
            spans.append(span)


def unique(values: list[str | None]) -> list[str]:
    """Non-empty values, first occurrence kept, order kept."""
    return list(dict.fromkeys(v for v in values if v))


def split_range(norm: str | None) -> tuple[str | None, str | None]:
    """A DATE norm "a/b" as (a, b); a single date as (a, a)."""
    if not norm:
        return None, None
    start, _, end = norm.partition("/")
    return start, end or start


def dated(norm: str | None) -> str | None:
    """A DATE norm's start if it has a year ("2019-10-02"; not "--10-30")."""
    start = split_range(norm)[0]
    return start if start and start[:4].isdigit() else None


def document_date(sents: list[Sentence]) -> str | None:
    """The latest dated DATE of the text: when the release speaks (it has no other date).
    A text with no year that names a municipality which ended in the 2021 reform
    ("Daugavpils novadā") speaks of a time before it: its last day then."""
    found = [dated(m.norm) for s in sents for m in s.labelled("DATE")]
    latest = max((d for d in found if d), default=None)
    if latest is None and any(
        m.facts.get("kind") in HISTORICAL_KINDS for s in sents for m in s.labelled("MUNICIPALITY")
    ):
        return LAST_DAY_BEFORE_REFORM
    return latest

"""What every table filler needs to read a document: sentences, their mentions and cue words.

Fillers work on the clean text (offsets of the spaCy ``Doc``) and on the document's
normalised mentions; this module is their only view of both.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.document import DOC_ANALYSES, Document, Mention, Record
from pipeline.gazetteer.inflect import nominative_of
from pipeline.gazetteer.kb import (
    HISTORICAL_KINDS,
    LAST_DAY_BEFORE_REFORM,
    KnowledgeBase,
    municipality_on,
)
from pipeline.normalise.dates import LONGEST_EVENT_DAYS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

CUES = Path(__file__).resolve().parents[1] / "data" / "fill.json"
PLACE_LABELS = ("MUNICIPALITY", "LOCALITY", "REGION", "FOREIGN_PLACE")
_OPERATOR_GAP = 3  # characters of glue allowed between an operator and its centre
TOWN_KINDS = ("valstspilsēta", "pilsēta", "foreign_city")
# A village opens a centre's name only before type words ("Vecumnieku ... centrs"): in a
# quoted name, a village's name is more often a common word ("Liepu pagalms").
PLACE_KINDS_BEFORE_TYPE_WORDS = (*TOWN_KINDS, "ciems")


@cache
def cue_data() -> dict:
    return json.loads(CUES.read_text(encoding="utf-8"))


@cache
def cue(name: str) -> re.Pattern[str]:
    """The compiled, case-insensitive pattern of one cue list in ``fill.json``."""
    return re.compile(rf"(?<!\w)(?:{cue_data()[name]})", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the clean text (``start``/``end``) and its span in the original text;
    ``parse`` is the analysed sentence when the models parsed it (the sentence itself in a
    parsed ``Doc``, or its parsed copy from ``doc._.analyses``, whose offsets start at
    ``parse_start``; None with the rule backbone or a sentence the models skipped);
    ``paragraph`` counts the line breaks between sentences before it.

    The tree is read within the sentence: a head outside it (a parse across a sentence
    boundary the press checks moved) counts as a root."""

    index: int
    start: int
    end: int
    text: str
    mentions: tuple[Mention, ...]
    original: tuple[int, int] = (0, 0)
    paragraph: int = 0
    source: Span | None = field(default=None, compare=False, repr=False)
    whole_doc_parsed: bool = False
    analyses: Mapping[int, Doc] = field(default_factory=dict, compare=False, repr=False)

    @property
    def parse(self) -> Span | None:
        """The parsed sentence: ``source`` itself in a parsed ``Doc``, else its analysed
        copy (made on first reading, :mod:`pipeline.annotate.sentence_models`), else None."""
        if self.whole_doc_parsed or self.source is None:
            return self.source
        copy = self.analyses.get(self.source.start)
        return None if copy is None else copy[:]

    @property
    def parse_start(self) -> int:
        """Where the parse's ``Doc`` starts in the clean text (a clause's parse is its
        sentence's)."""
        if self.whole_doc_parsed:
            return 0
        return self.source.start_char if self.source is not None else self.start

    def part(self, start: int, end: int) -> Sentence:
        """The clause from ``start`` to ``end`` (offsets into ``text``) with its mentions;
        its parse stays the sentence's."""
        begin, finish = self.start + start, self.start + end
        inside = tuple(m for m in self.mentions if begin <= m.clean_start < finish)
        return replace(self, start=begin, end=finish, text=self.text[start:end], mentions=inside)

    @property
    def words(self) -> Span | tuple[()]:
        """The parsed tokens, none without a parse."""
        return () if self.parse is None else self.parse

    def head_word(self, mention: Mention) -> Token | None:
        """The token of ``mention`` whose head lies outside it (None without a parse)."""
        start, end = mention.clean_start - self.parse_start, mention.clean_end - self.parse_start
        inside = [t for t in self.words if start <= t.idx < end]
        indices = {t.i for t in inside}
        return next((t for t in inside if t.head.i not in indices or t.head.i == t.i), None)

    def head_of(self, word: Token) -> Token | None:
        return word.head if word.head.i != word.i and self._inside(word.head) else None

    def children(self, word: Token) -> list[Token]:
        return [t for t in word.children if self._inside(t)]

    def _inside(self, token: Token) -> bool:
        parse = self.parse
        return parse is not None and parse.start <= token.i < parse.end

    def labelled(self, *labels: str) -> list[Mention]:
        return [m for m in self.mentions if m.label in labels]

    def before(self, mention: Mention) -> str:
        """The sentence text left of ``mention``."""
        return self.text[: mention.clean_start - self.start]

    def between(self, left: Mention, right: Mention) -> str:
        """The sentence text from the end of ``left`` to the start of ``right``."""
        return self.text[left.clean_end - self.start : right.clean_start - self.start]

    def right_before(self, org: Mention, centre: Mention) -> bool:
        """Is the organisation named right before the centre, a few characters of glue
        between ("biedrības “X” dienas centrā “Y”")?"""
        return 0 <= centre.clean_start - org.clean_end <= _OPERATOR_GAP

    def runs(self, org: Mention, centre: Mention) -> bool:
        """Is the organisation tied to the centre as the body that runs it: right before it
        ("biedrības “X” dienas centrā “Y”") or through a clause of running it ("“Y”, kuru
        vada X"; "biedrību “X”, kas nodrošinās “Y” pakalpojumus")?"""
        if self.right_before(org, centre):
            return True
        first, second = sorted((org, centre), key=lambda m: m.clean_start)
        return bool(cue("operator_links").match(self.between(first, second).strip(" ")))


def sentences(document: Document) -> list[Sentence]:
    """The document's sentences with the mentions that start inside each."""
    if document.doc is None:
        raise ValueError(f"{document.doc_id}: fill needs the annotate stage first")
    parsed = document.doc.has_annotation("DEP")
    analyses = getattr(document.doc._, DOC_ANALYSES) or {}
    result = []
    paragraph, previous_end = 0, 0
    text = document.doc.text  # joined once: a Doc joins its tokens on every call
    sents = list(document.doc.sents)
    starts = [sent.start_char for sent in sents]
    inside: list[list[Mention]] = [[] for _ in sents]
    for mention in document.mentions:  # each into the sentence it starts in, in order
        index = bisect_right(starts, mention.clean_start) - 1
        if index >= 0 and mention.clean_start < sents[index].end_char:
            inside[index].append(mention)
    for index, sent in enumerate(sents):
        paragraph += "\n" in text[previous_end : sent.start_char]
        sent_text = text[sent.start_char : sent.end_char]
        previous_end = sent.start_char + len(sent_text.rstrip())
        original = document.clean.to_original(sent.start_char, sent.end_char)
        result.append(
            Sentence(index, sent.start_char, sent.end_char, sent_text, tuple(inside[index]),
                     original, paragraph, sent, parsed, analyses)
        )
    return result


def parse_together(sents: list[Sentence]) -> None:
    """Have the parses of sentences about to be read made in one batch, which the models run
    much faster than sentence by sentence (``prepare`` of the annotate stage's analyses);
    a parse read without this is made on its own."""
    if sents:
        prepare = getattr(sents[0].analyses, "prepare", None)
        if prepare is not None:
            prepare([s.source.start for s in sents if s.source is not None])


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


def period(norm: str | None) -> bool:
    """Is the DATE norm a range longer than an event (a season, a project's period)?"""
    start, end = split_range(norm)
    try:
        return (date.fromisoformat(end) - date.fromisoformat(start)).days > LONGEST_EVENT_DAYS
    except (TypeError, ValueError):
        return False


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


def place_named_by(
    name: str, kinds: tuple[str, ...], when: str | None, kb: KnowledgeBase
) -> tuple[str | None, str | None] | None:
    """(municipality, locality) of the place a centre's name opens with: "Krāslavas novada
    dienas aprūpes centrs" (a municipality), "Aglonas pagasta dienas centrs" (a parish),
    "Siguldas dienas centrs", "Ādažu Ūdensroze", "Odenses krīzes centrs" (a town or a city,
    here or abroad), "Ļubļinas pilsētas jauniešu centrs" (a town abroad that no gazetteer
    lists, or lists in another spelling: "Panevēžas pilsētas …" -> Paņevēža)."""
    words = name.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return None
    if words[1] == "novada":  # and maybe one of its villages: "Talsu novada Strazdes …"
        municipality = kb.municipality_opening(name, when)
        if municipality is None:
            return None
        village = place_named_by(" ".join(words[2:]), kinds, when, kb) if len(words) > 3 else None
        in_it = village is not None and village[0] == municipality.norm
        return municipality.norm, village[1] if in_it else None
    if words[1] == "pagasta":  # "Aglonas pagasta dienas centrs": the parish, not its village
        parishes = [p for p in kb.by_modifier.get(words[0].lower(), ()) if p.kind == "pagasts"]
        return (municipality_on(vars(parishes[0]), when), parishes[0].norm) if parishes else None
    named = [p for p in kb.by_modifier.get(words[0].lower(), ()) if p.kind in kinds]
    for place in sorted(named, key=lambda p: kinds.index(p.kind)):  # a city before its county
        if place.label == "LOCALITY":
            municipality = municipality_on(vars(place), when)
            # a city that is its own municipality (a republic city before 2021) is no locality
            return municipality, None if municipality == place.norm else place.norm
        return place.norm, None
    if words[1] == "pilsētas":  # "Ļubļinas pilsētas jauniešu centrs": a town no list has
        spelt = [p for p in kb.by_form.get(words[0].lower(), ()) if p.kind in kinds]
        return (spelt[0].norm if spelt else nominative_of(words[0])), None
    return None


def municipality_named_by(
    mention: Mention, when: str | None, kb: KnowledgeBase
) -> tuple[str, str] | None:
    """(municipality, country) a place mention or a body's name stands for."""
    if mention.label in ("ORG", "CENTRE"):
        place = kb.municipality_opening(mention.text, when)
        return (place.norm, place.country) if place else None
    if mention.label == "LOCALITY":
        municipality = municipality_on(mention.facts, when)
        return (municipality, "LV") if municipality else None
    return mention.norm or mention.text, mention.facts.get("country") or "LV"


def release_home(
    sents: list[Sentence], when: str | None, kb: KnowledgeBase
) -> tuple[str, Mention] | None:
    """The release's home and where it is first named: the Latvian municipality its places
    and bodies name most often, at least twice and more than any other (a municipality
    writes about its own people and centres)."""
    named: Counter[str] = Counter()
    first: dict[str, Mention] = {}
    for sent in sents:
        for mention in sent.labelled("MUNICIPALITY", "LOCALITY", "ORG", "CENTRE"):
            place = municipality_named_by(mention, when, kb)
            if place is not None and place[1] == "LV":
                named[place[0]] += 1
                first.setdefault(place[0], mention)
    ranked = named.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0], first[ranked[0][0]]

"""Statistical NER as one more finder: names no list holds (people, new organisations).

The NER of the project's spaCy pipeline (``pipeline/models/lv/spacy``, trained on
FullStack-LV) runs on copies of the sentences where it may find what is taken
(:mod:`.sentence_models`); :func:`ner_hits` turns its spans into hits with source ``ner``
(the weakest in the resolver's precedence). The NER only fills gaps the other finders leave;
which types are taken, when a span is believed, and why, is in ``pipeline/data/ner.json``.
Norms come from the backbone's lemmas: a person's every word, an organisation's head (its
last word), in the nominative.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Span

from pipeline.annotate.backbone import upos_lexicon
from pipeline.annotate.names import lexicon
from pipeline.annotate.spans import Hit, candidates

DATA = Path(__file__).resolve().parents[1] / "data" / "ner.json"
SOURCE = "ner"
_WORD = "[A-ZĀČĒĢĪĶĻŅŠŪŽ][a-zāčēģīķļņšūž]+"
CAPITALISED = re.compile(f"{_WORD}(?:-{_WORD})?")
STRAIGHT_QUOTES = str.maketrans({c: '"' for c in "“”„«»\u201f"})


@cache
def mapping() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def _nominative(token) -> str:
    """The token's lemma with the token's capitalisation (lemmas of names may be lower-cased)."""
    lemma = token.lemma_ or token.text
    if token.pos_ not in ("NOUN", "PROPN", "ADJ", "X") or not lemma:
        return token.text
    return lemma[0].upper() + lemma[1:] if token.text[:1].isupper() else lemma


def norm(span: Span, label: str) -> str:
    """The canonical form of a NER span (person: all words, organisation: its last word)."""
    if not span.doc.has_annotation("LEMMA"):
        return span.text.translate(STRAIGHT_QUOTES)
    if label == "PERSON":
        return " ".join(_nominative(t) for t in span if not t.is_space)
    words = [t.text_with_ws for t in span[:-1]]
    return ("".join(words) + _nominative(span[-1])).translate(STRAIGHT_QUOTES)


def believed(span: Span, label: str) -> bool:
    """Is the span long and name-like enough to be taken (``pipeline/data/ner.json``)?"""
    taken = mapping()
    words = [t.text for t in span if not t.is_space]
    if len(words) < taken["min_tokens"].get(label, 1):
        return False
    if label not in taken["capitalised"]:
        return True
    return all(CAPITALISED.fullmatch(w) for w in words) and not _common_word_opening(span)


def _common_word_opening(span: Span) -> bool:
    """Does the span open its sentence with a word the treebank knows lower-cased as a
    common word only ("Konferenci Zoom platformā …")? A capital there says nothing."""
    first = span[0]
    return bool(first.is_sent_start) and upos_lexicon().get(first.lower_, "PROPN") != "PROPN"


@cache
def _name_head() -> re.Pattern[str]:
    """An institution head of the lexicon's org_heads, or a street word."""
    heads = "|".join(entry["pattern"] for entry in lexicon()["org_heads"])
    return re.compile(rf"(?:{heads}|{lexicon()['street_words']})", re.IGNORECASE)


def in_a_name(span: Span) -> bool:
    """Is the span part of another name: inside quotation marks, or before an institution
    head ("Kārļa Skalbes vidusskola") or a street word ("Dārza ielā")?"""
    doc = span.doc
    before = doc[span.start - 1].text if span.start else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    pairs = lexicon()["quote_pairs"]
    quoted = (any(before.endswith(opening) for opening, _ in pairs)
              and any(after.startswith(closing) for _, closing in pairs))
    return quoted or bool(after and _name_head().fullmatch(after))


def ner_hits(doc: Doc, sentence: Doc, offset: int) -> list[Hit]:
    """The believed, contract-labelled hits among the NER's spans in ``sentence`` (a copy of
    the sentence of ``doc`` that starts at token ``offset``) that overlap no candidate of
    another finder."""
    taken = {i for c in candidates(doc) for i in range(c.token_start, c.token_end)}
    hits = []
    for ent in sentence.ents:
        label = mapping()["labels"].get(ent.label_)
        span = doc[offset + ent.start : offset + ent.end]
        overlaps = taken & set(range(span.start, span.end))
        if label not in mapping()["take"] or overlaps or not believed(span, label):
            continue
        if label in mapping()["not_in_names"] and in_a_name(span):
            continue
        hits.append(Hit(span.start_char, span.end_char, label, norm(ent, label), SOURCE, 0.5))
    return hits

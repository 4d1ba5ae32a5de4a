"""Statistical NER as one more finder: names no list holds (people, new organisations).

The NER of the project's spaCy pipeline (``pipeline/models/lv/spacy``, trained on
FullStack-LV) runs as the component ``lv_statistical_ner``; ``lv_ner_candidates`` turns its
spans into candidates with source ``ner`` (the weakest in the resolver's precedence) and
clears ``doc.ents`` for the resolver. The NER only fills gaps the other finders leave;
which types are taken, when a span is believed, and why, is in ``pipeline/data/ner.json``.
Norms come from the backbone's lemmas: a person's every word, an organisation's head (its
last word), in the nominative.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.annotate.names import lexicon
from pipeline.annotate.spans import Hit, add_candidates, candidates

DATA = Path(__file__).resolve().parents[1] / "data" / "ner.json"
SOURCE = "ner"
_WORD = "[A-ZĀČĒĢĪĶĻŅŠŪŽ][a-zāčēģīķļņšūž]+"
CAPITALISED = re.compile(f"{_WORD}(?:-{_WORD})?")
STRAIGHT_QUOTES = str.maketrans({c: '"' for c in "“”„«»\u201f"})


@cache
def _mapping() -> dict:
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
    mapping = _mapping()
    words = [t.text for t in span if not t.is_space]
    if len(words) < mapping["min_tokens"].get(label, 1):
        return False
    return label not in mapping["capitalised"] or all(CAPITALISED.fullmatch(w) for w in words)


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


def ner_hits(doc: Doc) -> list[Hit]:
    """The believed, contract-labelled hits among the NER's spans in ``doc.ents`` that
    overlap no candidate of another finder."""
    taken = {i for c in candidates(doc) for i in range(c.token_start, c.token_end)}
    hits = []
    for ent in doc.ents:
        label = _mapping()["labels"].get(ent.label_)
        overlaps = taken & set(range(ent.start, ent.end))
        if label not in _mapping()["take"] or overlaps or not believed(ent, label):
            continue
        if label in _mapping()["not_in_names"] and in_a_name(ent):
            continue
        hits.append(Hit(ent.start_char, ent.end_char, label, norm(ent, label), SOURCE, 0.5))
    return hits


@Language.component("lv_ner_candidates", assigns=["doc._.candidates"])
def ner_candidates(doc: Doc) -> Doc:
    """Add the NER's believed spans as candidates and leave ``doc.ents`` to the resolver."""
    add_candidates(doc, ner_hits(doc))
    doc.ents = []
    return doc

"""Latvian press-text tokenisation on top of ``spacy.blank("lv")``.

spaCy's Latvian defaults split "2022." and "Nr." at the dot, so an ordinal or an
abbreviation would end a sentence and break date and code patterns. Two fixes, both read
from ``pipeline/data/tokenizer.json``: abbreviation special cases, and a component that
merges ordinals ("2022.", "6.-7."), project codes and phone numbers into single tokens.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_prefix_regex, filter_spans

DATA = Path(__file__).resolve().parents[1] / "data" / "tokenizer.json"


@cache
def _rules() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


@cache
def _merge_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in _rules()["merge_patterns"])


def abbreviations() -> list[str]:
    """The abbreviations kept whole with their dots ("š.g.", "Nr.", "t.sk.")."""
    return list(_rules()["abbreviations"])


def customise_tokenizer(nlp: Language) -> None:
    """Add Latvian abbreviations as special cases and the extra prefix and infix rules."""
    rules = _rules()
    tokenizer = nlp.tokenizer
    for abbreviation in rules["abbreviations"]:
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    prefixes = [*rules["prefixes"], *nlp.Defaults.prefixes]
    infixes = [*rules["infixes"], *nlp.Defaults.infixes]
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    url_match = tokenizer.url_match
    # "2023.gadam" looks like a host name to spaCy's URL rule; no URL starts with a digit here.
    tokenizer.url_match = lambda text: None if text[:1].isdigit() else url_match(text)


@Language.component("lv_merge_tokens", retokenizes=True)
def merge_tokens(doc: Doc) -> Doc:
    """Merge ordinals, day ranges, codes and phone numbers that the tokenizer split."""
    spans = []
    text = doc.text  # once: a Doc joins its tokens on every call
    for pattern in _merge_patterns():
        for match in pattern.finditer(text):
            span = doc.char_span(match.start(), match.end())
            if span is not None and len(span) > 1:
                spans.append(span)
    with doc.retokenize() as retokenizer:
        for span in filter_spans(spans):
            retokenizer.merge(span)
    return doc


def pattern_words(nlp: Language, text: str) -> list[str]:
    """The words of a phrase pattern (a name) as the rule tokenizer splits it, even when a
    statistical one tokenises documents (both split names alike). A name of letters and
    single spaces is split at its spaces without the tokenizer, which splits such names
    there only (a test checks every gazetteer form): seconds less at start-up over the
    gazetteer's 77,000 forms."""
    words = text.split(" ")
    if all(map(str.isalpha, words)):
        return words
    tokenizer = getattr(nlp.tokenizer, "rule_tokenizer", None) or nlp.tokenizer
    return [token.text for token in tokenizer(text)]


class PhraseIndex:
    """Which token sequences of a Doc are one of many phrases, compared lower-cased: what
    spaCy's ``PhraseMatcher(attr="LOWER")`` finds, in the same order (by start, then end),
    from a dict of the phrases' word hashes. It needs no Doc per phrase, which made the
    PhraseMatcher's build take seconds and hundreds of MB for the gazetteer's forms."""

    def __init__(self, nlp: Language, phrases: Iterable[str]) -> None:
        strings = nlp.vocab.strings
        lengths: dict[int, set[int]] = {}  # by first word: the phrases' word counts
        self.phrases: set[tuple[int, ...]] = set()
        for phrase in phrases:
            key = tuple(strings.add(w.lower()) for w in pattern_words(nlp, phrase))
            if key:
                self.phrases.add(key)
                lengths.setdefault(key[0], set()).add(len(key))
        self.lengths = {first: sorted(counts) for first, counts in lengths.items()}

    def __call__(self, doc: Doc) -> list[tuple[int, int]]:
        """(start, end) token offsets of every phrase occurrence, overlaps included."""
        words = doc.to_array([LOWER]).tolist()
        found = []
        for start, first in enumerate(words):
            for length in self.lengths.get(first, ()):
                end = start + length
                if end <= len(words) and tuple(words[start:end]) in self.phrases:
                    found.append((start, end))
        return found


@Language.component("lv_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after a line break: titles, datelines ("Publicēts: 2019. gada
    29. aprīlī") and signatures stand on lines of their own without a final full stop. A
    single break before a lower-case word is a hard-wrapped line ("sociālo\ndienestu
    darbinieki"), not a new sentence. A document already parsed (stanza's official models)
    keeps the parser's sentences."""
    if doc.has_annotation("DEP"):
        return doc
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            wrapped = token.text.count("\n") == 1 and doc[token.i + 1].text[:1].islower()
            if not wrapped:
                doc[token.i + 1].is_sent_start = True
    return doc

"""The domain NER as a finder: it fills gaps the rules, lists and gazetteer leave."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from pipeline.annotate.domain_ner import domain_hits, domain_norm
from pipeline.annotate.spans import Hit, add_candidates
from pipeline.annotate.tokenizer import customise_tokenizer


def make_doc(text: str):
    nlp = spacy.blank("lv")
    customise_tokenizer(nlp)
    return nlp(text)


def span(doc, text: str, label: str) -> Span:
    start = doc.text.index(text)
    return doc.char_span(start, start + len(text), label=label)


def test_spans_no_other_finder_found_become_candidates() -> None:
    doc = make_doc("Delegācija no Hamaras apmeklēja centru „Saulīte” un Balvu novadu.")
    balvi = doc.text.index("Balvu novadu")
    add_candidates(doc, [Hit(balvi, balvi + 12, "MUNICIPALITY", "Balvu novads", "gazetteer")])
    doc.ents = [span(doc, "Hamaras", "FOREIGN_PLACE"), span(doc, "centru „Saulīte”", "CENTRE"),
                span(doc, "Balvu novadu", "ORG")]
    found = [(doc.text[h.start : h.end], h.label, h.norm, h.source) for h in domain_hits(doc)]
    assert found == [
        ("Hamaras", "FOREIGN_PLACE", "Hamara", "domain_ner"),
        ("centru „Saulīte”", "CENTRE", "Saulīte", "domain_ner"),
    ]  # "Balvu novadu" is the gazetteer's


def test_labels_left_to_the_gazetteer_are_not_taken() -> None:
    doc = make_doc("Sanāksme notika Madonā.")
    doc.ents = [span(doc, "Madonā", "LOCALITY")]
    assert domain_hits(doc) == []


def test_a_quoted_project_keeps_the_words_inside_its_quotes() -> None:
    doc = make_doc("Projekts «Kopā mājās» sākās rudenī.")
    assert domain_norm(span(doc, "«Kopā mājās»", "PROJECT"), "PROJECT") == "Kopā mājās"

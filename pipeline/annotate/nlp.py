"""Build the annotation pipeline and run it on one document (see :mod:`pipeline.annotate`)."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.annotate import (  # noqa: F401  (registers the components)
    fuzzy,
    gazetteer,
    known,
    names,
    persons,
    resolve,
    tokenizer,
)
from pipeline.annotate.rules import find_rule_mentions
from pipeline.annotate.spans import add_candidates
from pipeline.document import Document

PIPE_NAMES = (
    "lv_rules",
    "lv_names",
    "lv_known_names",
    "lv_gazetteer",
    "lv_persons",
    "lv_fuzzy_places",
    "lv_resolve",
)


@Language.component("lv_rules", assigns=["doc._.candidates"])
def rules_component(doc: Doc) -> Doc:
    """DATE, MONEY, PROJECT_CODE, EMAIL and PHONE candidates from :mod:`.rules`."""
    add_candidates(doc, find_rule_mentions(doc.text), source="rules")
    return doc


def build_nlp(gazetteer_dir: Path | None = None) -> Language:
    """The project's Latvian annotation pipeline; ``gazetteer_dir`` overrides ``gazetteers/``."""
    nlp = spacy.blank("lv")
    tokenizer.customise_tokenizer(nlp)
    nlp.add_pipe("lv_merge_tokens")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lv_line_breaks")
    nlp.add_pipe("lv_rules")
    nlp.add_pipe("lv_names")
    config = {"gazetteer_dir": str(gazetteer_dir) if gazetteer_dir else None}
    nlp.add_pipe("lv_known_names", config=config)
    nlp.add_pipe("lv_gazetteer", config=config)
    nlp.add_pipe("lv_persons", config=config)
    nlp.add_pipe("lv_fuzzy_places", config=config)
    nlp.add_pipe("lv_resolve")
    return nlp


def annotate(document: Document, nlp: Language) -> Document:
    """Run ``nlp`` over the document's clean text (the clean stage must have run)."""
    if document.clean is None:
        raise ValueError(f"{document.doc_id}: annotate needs the clean stage first")
    document.doc = nlp(document.clean.text)
    return document

"""Build the annotation pipeline and run it on one document (see :mod:`pipeline.annotate`)."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.annotate import (  # noqa: F401  (registers the components)
    backbone,
    fuzzy,
    gazetteer,
    known,
    names,
    ner,
    persons,
    resolve,
    tokenizer,
)
from pipeline.annotate.rules import find_rule_mentions
from pipeline.annotate.spans import add_candidates
from pipeline.document import Document

# The backbone can be chosen without touching code, also in worker processes (they inherit
# the environment): the `run --backbone` and `--stanza-dir` options set these.
BACKBONE_ENV = "LVEXTRACT_BACKBONE"
STANZA_DIR_ENV = "LVEXTRACT_STANZA_DIR"

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


def chosen_backbone() -> tuple[backbone.Backbone, Path | None]:
    """The backbone and stanza resources folder asked for in the environment."""
    choice = os.environ.get(BACKBONE_ENV) or "shipped"
    folder = os.environ.get(STANZA_DIR_ENV)
    return choice, Path(folder) if folder else None  # type: ignore[return-value]


def build_backbone(
    backbone_name: backbone.Backbone | None = None, stanza_dir: Path | None = None
) -> Language:
    """Tokens, sentences and (with a model) lemmas, tags, dependencies and NER spans in
    ``doc.ents``; ``backbone_name`` and ``stanza_dir`` override the environment's choice
    (:func:`chosen_backbone`). Falls back to the rules, with a warning, without models."""
    asked, asked_dir = chosen_backbone()
    nlp = spacy.blank("lv")
    tokenizer.customise_tokenizer(nlp)
    used = backbone.set_backbone(nlp, backbone_name or asked, stanza_dir or asked_dir)
    nlp.add_pipe("lv_merge_tokens")
    if used == "rules":
        nlp.add_pipe("sentencizer")
    nlp.add_pipe("lv_line_breaks")
    if used == "shipped":
        backbone.add_tagger(nlp)
    if used != "rules":
        backbone.add_ner(nlp)
    return nlp


def build_nlp(
    gazetteer_dir: Path | None = None,
    backbone_name: backbone.Backbone | None = None,
    stanza_dir: Path | None = None,
) -> Language:
    """The project's Latvian annotation pipeline: the backbone (:func:`build_backbone`), then
    the finders and the resolver. ``gazetteer_dir`` overrides ``gazetteers/``."""
    nlp = build_backbone(backbone_name, stanza_dir)
    nlp.add_pipe("lv_rules")
    nlp.add_pipe("lv_names")
    config = {"gazetteer_dir": str(gazetteer_dir) if gazetteer_dir else None}
    nlp.add_pipe("lv_known_names", config=config)
    nlp.add_pipe("lv_gazetteer", config=config)
    nlp.add_pipe("lv_persons", config=config)
    nlp.add_pipe("lv_fuzzy_places", config=config)
    if "lv_statistical_ner" in nlp.pipe_names:
        nlp.add_pipe("lv_ner_candidates")
    nlp.add_pipe("lv_resolve")
    return nlp


def annotate_texts(nlp: Language, texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    """``nlp.pipe`` with the tokenizer also run in batches: stanza's tokenizer processes a
    batch of texts at once (spaCy's own ``pipe`` calls the tokenizer text by text)."""
    tokenizer_pipe = getattr(nlp.tokenizer, "pipe", None)
    if tokenizer_pipe is None:
        return nlp.pipe(texts, batch_size=batch_size)
    return nlp.pipe(tokenizer_pipe(texts, batch_size=batch_size), batch_size=batch_size)


def annotate(document: Document, nlp: Language) -> Document:
    """Run ``nlp`` over the document's clean text (the clean stage must have run)."""
    if document.clean is None:
        raise ValueError(f"{document.doc_id}: annotate needs the clean stage first")
    document.doc = nlp(document.clean.text)
    return document

"""Build the annotation pipeline and run it on one document (see :mod:`pipeline.annotate`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.annotate import (  # noqa: F401  (registers the components)
    backbone,
    domain_ner,
    fuzzy,
    gazetteer,
    known,
    names,
    ner,
    persons,
    resolve,
    sentence_models,
    tokenizer,
)
from pipeline.annotate.rules import find_rule_mentions
from pipeline.annotate.spans import add_candidates, doc_text
from pipeline.document import Document
from pipeline.resources import Resources


@Language.component("lv_rules", assigns=["doc._.candidates"])
def rules_component(doc: Doc) -> Doc:
    """DATE, MONEY, PROJECT_CODE, EMAIL and PHONE candidates from :mod:`.rules`."""
    add_candidates(doc, find_rule_mentions(doc_text(doc)))
    return doc


def build_backbone(resources: Resources) -> Language:
    """Tokens, sentences and (with a model) lemmas, tags, dependencies and NER spans in
    ``doc.ents`` over the whole ``Doc``, from the backbone ``resources`` name: what
    ``eval-backbone`` scores on a treebank. Falls back to the rules, with a warning,
    without models."""
    nlp, used = _tokens_and_sentences(resources)
    if used in ("shipped", "stanza"):
        backbone.add_models(nlp, stanza_lemmas=used == "stanza")
    elif used == "official":
        backbone.add_ner(nlp)
    return nlp


def _tokens_and_sentences(resources: Resources) -> tuple[Language, str]:
    """The backbone's tokenizer and sentence splitting (stanza's whole analysis with
    ``official``), and the backbone actually in use."""
    nlp = spacy.blank("lv")
    tokenizer.customise_tokenizer(nlp)
    used = backbone.set_backbone(nlp, resources.backbone, resources.stanza_dir)
    nlp.add_pipe("lv_merge_tokens")
    if used in ("shipped", "rules"):
        nlp.add_pipe("lv_press_sentences")
    nlp.add_pipe("lv_line_breaks")
    return nlp, used


def build_nlp(resources: Resources) -> Language:
    """The project's Latvian annotation pipeline: the backbone's tokens and sentences, the
    finders over the resources' gazetteer folder, the statistical models on the sentences
    that need them (:mod:`.sentence_models`) and the resolver."""
    nlp, used = _tokens_and_sentences(resources)
    config = {"gazetteer_dir": str(resources.gazetteers)}
    nlp.add_pipe("lv_rules")
    nlp.add_pipe("lv_names", config=config)
    nlp.add_pipe("lv_known_names", config=config)
    nlp.add_pipe("lv_gazetteer", config=config)
    nlp.add_pipe("lv_persons", config=config)
    nlp.add_pipe("lv_fuzzy_places", config=config)
    if used != "rules" and sentence_models.has_models():
        nlp.add_pipe("lv_sentence_models",
                     config={"stanza_lemmas": used == "stanza", "analyse": used != "official"})
    if resources.backbone != "rules":
        domain_ner.add_domain_ner(nlp)
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

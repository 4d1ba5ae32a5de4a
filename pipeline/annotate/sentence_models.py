"""The statistical models, run on the sentences whose analysis a later stage reads.

The shipped spaCy models (tok2vec, tagger, lemmatizer, parser, NER) cost most of a
document's time, yet their output is read in few places: fill reads dependencies, parts of
speech and lemmas around places and organisations (the side of a trip a place is on, the
people an organisation stands for), and a NER span is taken only where words its label
needs stand that no other finder covers (``pipeline/data/ner.json``: a person is two
capitalised words). So ``lv_sentence_models`` runs after the finders, copies each such
sentence into a ``Doc`` of its own (``Span.as_doc``: same tokens, offsets from the
sentence's start), runs the models over the copies in one batch, keeps the analysed copies
in ``doc._.analyses`` (the sentence's first token -> its copy) and adds the NER's spans as
candidates. Which sentences are analysed: ``pipeline/data/sentence_models.json``.

With the ``official`` backbone stanza has analysed the whole ``Doc`` already; the copies
keep its analysis and only the NER runs on them.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.annotate import ner
from pipeline.annotate.backbone import MODEL, NER_PIPE, add_models
from pipeline.annotate.spans import add_candidates, candidates
from pipeline.document import DOC_ANALYSES

DATA = Path(__file__).resolve().parents[1] / "data" / "sentence_models.json"
_TAGGING_PIPES = ("tok2vec",)


@cache
def settings() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


@Language.factory(
    "lv_sentence_models",
    assigns=["doc._.analyses", "doc._.candidates"],
    default_config={"stanza_lemmas": False, "analyse": True},
)
def make_sentence_models(
    nlp: Language, name: str, stanza_lemmas: bool, analyse: bool
) -> SentenceModels:
    return SentenceModels(nlp, stanza_lemmas=stanza_lemmas, analyse=analyse)


def has_models(path: Path = MODEL) -> bool:
    return (path / "config.cfg").is_file()


class SentenceModels:
    """The project's spaCy models over copies of the sentences that need them (module
    docstring). ``analyse`` False: the sentences keep the backbone's analysis and only the
    NER runs."""

    def __init__(self, nlp: Language, stanza_lemmas: bool = False, analyse: bool = True):
        self.models = spacy.blank("lv", vocab=nlp.vocab)
        add_models(self.models, stanza_lemmas=stanza_lemmas)
        self.analyse = analyse

    def __call__(self, doc: Doc) -> Doc:
        found = candidates(doc)
        covered = {i for c in found for i in range(c.token_start, c.token_end)}
        analysed_labels = set(settings()["analysed_labels"])
        with_analysis = {c.token_start for c in found if c.hit.label in analysed_labels}
        to_analyse, to_name = [], []
        for sent in doc.sents:
            if self.analyse and any(sent.start <= i < sent.end for i in with_analysis):
                to_analyse.append(sent)
            if _may_name_what_ner_takes(sent, covered):
                to_name.append(sent)
        copies = _copies(doc, [*to_analyse, *to_name])
        for name, component in self.models.pipeline:
            sents = self._sentences_for(name, to_analyse, to_name)
            for sent, copy in zip(sents, _run(component, [copies[s.start] for s in sents]),
                                  strict=True):
                copies[sent.start] = copy
        setattr(doc._, DOC_ANALYSES, {s.start: copies[s.start] for s in to_analyse})
        for sent in to_name:
            add_candidates(doc, ner.ner_hits(doc, copies[sent.start], sent.start))
        return doc

    def _sentences_for(self, pipe: str, to_analyse: list[Span], to_name: list[Span]) -> list:
        if pipe == NER_PIPE:
            return to_name
        if pipe == "parser":
            return to_analyse
        if self.analyse or pipe in _TAGGING_PIPES:
            return list({s.start: s for s in [*to_analyse, *to_name]}.values())
        return []


def _run(component, docs: list[Doc]) -> list[Doc]:
    """A pipeline component over the docs, in batches where it can."""
    if hasattr(component, "pipe"):
        return list(component.pipe(docs))
    return [component(doc) for doc in docs]


def _copies(doc: Doc, sents: list[Span]) -> dict[int, Doc]:
    """Each sentence as a Doc of its own, the document's arrays read once."""
    if not sents:
        return {}
    head = doc._get_array_attrs()
    array = doc.to_array(head)
    return {s.start: s.as_doc(array_head=head, array=array) for s in sents}


def _may_name_what_ner_takes(sent: Span, covered: set[int]) -> bool:
    """Does the sentence hold a run of words no finder covers that a taken NER label could
    be (as many words as the label needs, each capitalised where it must be)?"""
    mapping = ner.mapping()
    for label in mapping["take"]:
        needed = mapping["min_tokens"].get(label, 1)
        capitalised = label in mapping["capitalised"]
        run = 0
        for token in sent:
            if token.is_space:
                continue
            fits = token.i not in covered and (
                not capitalised or ner.CAPITALISED.fullmatch(token.text))
            run = run + 1 if fits else 0
            if run >= needed:
                return True
    return False

"""The statistical models, run on the sentences whose analysis a later stage reads.

The shipped spaCy models (tok2vec, tagger, lemmatizer, parser, NER) cost most of a
document's time, yet their output is read in few places: fill reads dependencies, parts of
speech and lemmas around places and organisations (the side of a trip a place is on, the
people an organisation stands for), and a NER span is taken only where words its label
needs stand that no other finder covers (``pipeline/data/ner.json``: a person is two
capitalised words). So ``lv_sentence_models`` runs after the finders. It copies each
sentence where the NER may find a person into a ``Doc`` of its own (``Span.as_doc``: same
tokens, offsets from the sentence's start), runs the models over the copies in one batch
and adds the NER's spans as candidates. The sentences with places or bodies
(``pipeline/data/sentence_models.json``) are in ``doc._.analyses`` (the sentence's first
token -> its copy), each copied and analysed when it is first read (or when a reader
announces it will read it, with others in one batch): fill reads about half of them, and
the rest cost nothing. The analysis is what fill reads: the parse and the parts of speech;
fill matches word forms, so no lemmatizer runs.

With the ``official`` backbone stanza has analysed the whole ``Doc`` already; the copies
keep its analysis and only the NER runs on them.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from pathlib import Path

import spacy
from spacy.attrs import IS_SPACE, ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.annotate import ner
from pipeline.annotate.backbone import MODEL, NER_PIPE, add_models
from pipeline.annotate.spans import add_candidates, candidates
from pipeline.document import DOC_ANALYSES

DATA = Path(__file__).resolve().parents[1] / "data" / "sentence_models.json"


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
        models = spacy.blank("lv", vocab=nlp.vocab)
        add_models(models, stanza_lemmas=stanza_lemmas)
        self.pipes = [(name, pipe) for name, pipe in models.pipeline if name != NER_PIPE]
        self.ner = models.get_pipe(NER_PIPE)
        self.analyse = analyse

    def __call__(self, doc: Doc) -> Doc:
        found = candidates(doc)
        covered = {i for c in found for i in range(c.token_start, c.token_end)}
        sents = list(doc.sents)
        starts = [s.start for s in sents]
        analysed_labels = set(settings()["analysed_labels"])
        with_analysis = {bisect_right(starts, c.token_start) - 1
                         for c in found if c.hit.label in analysed_labels}
        to_analyse = [sents[i] for i in sorted(with_analysis)]
        words = _words(doc)
        to_name = [s for s in sents if _may_name_what_ner_takes(words[s.start : s.end],
                                                                 s.start, covered)]
        named = self._named(doc, to_name)
        setattr(doc._, DOC_ANALYSES,
                Analyses(self, to_analyse if self.analyse else [], named))
        for sent in to_name:
            add_candidates(doc, ner.ner_hits(doc, named[sent.start], sent.start))
        return doc

    def _named(self, doc: Doc, sents: list[Span]) -> dict[int, Doc]:
        """Copies of the sentences, tagged and lemmatised (the norms of the NER's people)
        and run through the NER, in one batch."""
        copies = copies_of(doc, sents)
        batch = list(copies.values())
        for name, pipe in self.pipes:
            if name == "parser" or (not self.analyse and name != "tok2vec"):
                continue
            batch = _run(pipe, batch)
        _run(self.ner, batch)
        return copies

    def analysed(self, copies: list[Doc], tagged: list[bool]) -> list[Doc]:
        """The copies through the analysis pipes of ``sentence_models.json`` in one batch
        (those ``tagged`` already, by the NER's pipes, only parsed)."""
        untagged = [c for c, done in zip(copies, tagged, strict=True) if not done]
        analysis = settings()["analysis_pipes"]
        for name, pipe in self.pipes:
            if name == "parser":
                copies = _run(pipe, copies)
            elif name in analysis:
                untagged = _run(pipe, untagged)
        return copies


class Analyses(Mapping[int, Doc]):
    """The analysed copies of a document's sentences that name places or bodies, keyed by
    the sentence's first token. A copy is analysed when it is first read, so sentences
    nothing reads cost nothing; :meth:`prepare` analyses the sentences a reader is about to
    read in one batch, which the models run much faster than one by one. Copies the NER
    already tagged are only parsed."""

    def __init__(self, models: SentenceModels, sents: list[Span], named: dict[int, Doc]):
        self._models = models
        self._sents = {s.start: s for s in sents}
        self._named = named
        self._made: dict[int, Doc] = {}

    def __getitem__(self, start: int) -> Doc:
        if start not in self._made:
            self.prepare([start])
        return self._made[start]

    def prepare(self, starts: Iterable[int]) -> None:
        """Analyse, in one batch, those of the sentences starting at ``starts`` that have an
        analysis and have none yet."""
        todo = list(dict.fromkeys(s for s in starts if s in self._sents and s not in self._made))
        if not todo:
            return
        doc = self._sents[todo[0]].doc
        unnamed = [self._sents[s] for s in todo if s not in self._named]
        copies = {**copies_of(doc, unnamed), **self._named}
        made = self._models.analysed([copies[s] for s in todo], [s in self._named for s in todo])
        self._made.update(zip(todo, made, strict=True))

    def __iter__(self) -> Iterator[int]:
        return iter(self._sents)

    def __len__(self) -> int:
        return len(self._sents)


def _run(component, docs: list[Doc]) -> list[Doc]:
    """A pipeline component over the docs, in batches where it can (none: no call, as a
    model's call costs even on an empty batch)."""
    if not docs:
        return docs
    if hasattr(component, "pipe"):
        return list(component.pipe(docs))
    return [component(doc) for doc in docs]


def copies_of(doc: Doc, sents: list[Span]) -> dict[int, Doc]:
    """Each sentence as a Doc of its own (its words and spaces, one sentence), keyed by its
    first token. Built from the words, not by ``Span.as_doc``, which copies every attribute
    the models then set anew: six times slower (3.6 ms a release)."""
    if not sents:
        return {}
    rows = doc.to_array([ORTH, SPACY]).tolist()
    strings = doc.vocab.strings
    copies = {}
    for sent in sents:
        part = rows[sent.start : sent.end]
        copies[sent.start] = Doc(
            doc.vocab, words=[strings[orth] for orth, _ in part],
            spaces=[bool(space) for _, space in part],
            sent_starts=[True] + [False] * (len(part) - 1),
        )
    return copies


def _words(doc: Doc) -> list[str | None]:
    """Each token's text, None for a space; read as arrays, as a Python token object for
    every word costs more than the check itself."""
    rows = doc.to_array([ORTH, IS_SPACE]).tolist()
    return [None if space else doc.vocab.strings[orth] for orth, space in rows]


def _may_name_what_ner_takes(words: list[str | None], start: int, covered: set[int]) -> bool:
    """Do the words of a sentence (its first token at ``start``) hold a run no finder covers
    that a taken NER label could be (as many words as the label needs, each capitalised
    where it must be)?"""
    mapping = ner.mapping()
    for label in mapping["take"]:
        needed = mapping["min_tokens"].get(label, 1)
        capitalised = label in mapping["capitalised"]
        run = 0
        for i, word in enumerate(words, start):
            if word is None:
                continue
            fits = i not in covered and (not capitalised or ner.CAPITALISED.fullmatch(word))
            run = run + 1 if fits else 0
            if run >= needed:
                return True
    return False

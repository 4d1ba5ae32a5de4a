"""The Latvian backbone: sentences, tokens, lemmas, tags, morphology and dependencies.

Four choices behind one interface (a spaCy tokenizer that returns a ``Doc`` with exact
character offsets, then components):

* ``shipped`` (default): the rule tokenizer's tokens, sentences by the press rules
  (:func:`press_sentences`), and one small spaCy pipeline of the project's (``spacy/``: a
  shared tok2vec under morphologizer, edit-tree lemmatizer, parser and NER) with the
  treebank's UPOS and lemma lexicons, added by :func:`add_models`. No torch, no stanza.
* ``stanza``: the same with the project's stanza models in their place: the rule
  tokenizer's tokens with a stanza tokenizer's sentence boundaries, and stanza's
  lemmatizer instead of the edit trees. Better lemmas and sentences on the treebank, the
  same extraction scores, several times slower (the model card has the table). Both are
  built by the scripts in ``training/``.
* ``official``: stanza's own Latvian models from a stanza resources directory (what
  ``stanza.download("lv")`` leaves there), whose tokenize/pos/lemma/depparse processors
  annotate the whole ``Doc`` with stanza's tokens.
* ``rules``: no model — spaCy's rule tokenizer with the project's exceptions and the
  press sentence rules (the fallback, with a warning, when a model is missing).

Stanza runs on many texts at once in :meth:`StanzaTokenizer.pipe` and
:meth:`StanzaLemmatizer.pipe` (bulk processing).
"""

from __future__ import annotations

import gzip
import json
import re
import warnings
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import IDX, IS_SPACE, ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch
from spacy.vocab import Vocab

from pipeline.annotate.tokenizer import abbreviations
from pipeline.resources import BACKBONES, MODEL_DIR, Backbone

TOKENIZE_MODEL = MODEL_DIR / "tokenize.pt"
MODEL = MODEL_DIR / "spacy"
LEMMA_MODEL = MODEL_DIR / "lemma.pt"
LEMMA_LEXICON = MODEL_DIR / "lemmas.tsv.gz"
UPOS_LEXICON = MODEL_DIR / "upos.tsv.gz"
LEMMA_CONVENTIONS = Path(__file__).resolve().parents[1] / "data" / "lemmas.json"
SHIPPED_RESOURCES = MODEL_DIR / "resources.json"
OFFICIAL_PROCESSORS = ("tokenize", "pos", "lemma", "depparse")
MODEL_PIPES = ("tok2vec", "morphologizer", "trainable_lemmatizer", "parser", "ner")
NER_PIPE = "lv_statistical_ner"


def doc_from_stanza(vocab: Vocab, text: str, document) -> Doc:
    """A ``Doc`` over ``text`` whose tokens are the words of a processed
    ``stanza.Document``, with the text between them kept as spaCy whitespace (a single
    space after a word) or whitespace tokens, so offsets are exact."""
    words = list(_words(document))
    orths: list[str] = []
    spaces: list[bool] = []
    source: list[int | None] = []  # index into ``words`` for each token, None for whitespace

    def add_gap(gap: str) -> None:
        if gap.startswith(" ") and orths and not spaces[-1]:
            spaces[-1], gap = True, gap[1:]
        if gap:
            orths.append(gap)
            spaces.append(False)
            source.append(None)

    position = 0
    for index, (token, _, _) in enumerate(words):
        add_gap(text[position : token.start_char])
        orths.append(text[token.start_char : token.end_char])
        spaces.append(False)
        source.append(index)
        position = token.end_char
    add_gap(text[position:])
    starts = sentence_starts(document)
    sent_starts = [w is not None and words[w][0].start_char in starts for w in source]
    if sent_starts:
        sent_starts[0] = True
    if not words or words[0][1].lemma is None:
        return Doc(vocab, words=orths, spaces=spaces, sent_starts=sent_starts)
    token_of = {w: t for t, w in enumerate(source) if w is not None}
    heads, deps = [], []
    for t, w in enumerate(source):
        if w is None:  # whitespace hangs on the previous token (or the next, at the start)
            heads.append(t - 1 if t else min(t + 1, len(source) - 1))
            deps.append("dep")
            continue
        _, word, head = words[w]
        heads.append(t if head is None else token_of[head])
        deps.append("ROOT" if head is None else (word.deprel or "dep"))
    has_deps = all(words[w][1].deprel is not None for w in source if w is not None)
    analysed = [words[w][1] if w is not None else None for w in source]
    return Doc(
        vocab,
        words=orths,
        spaces=spaces,
        lemmas=[w.lemma or o if w else o for w, o in zip(analysed, orths, strict=True)],
        pos=[w.upos or "X" if w else "SPACE" for w in analysed],
        tags=[w.xpos or "_" if w else "_SP" for w in analysed],
        morphs=[(w.feats or "") if w else "" for w in analysed],
        heads=heads if has_deps else None,
        deps=deps if has_deps else None,
        sent_starts=None if has_deps else sent_starts,
    )


def _words(document) -> Iterator[tuple[Any, Any, int | None]]:
    """(token, word, head) for each word of a ``stanza.Document``: the word with the token
    that holds its offsets and the document-level index of its head (None: the root)."""
    offset = 0
    for sentence in document.sentences:
        for token in sentence.tokens:
            for word in token.words:
                yield token, word, None if not word.head else offset + word.head - 1
        offset += len(sentence.words)


def sentence_starts(document) -> set[int]:
    """The character offsets where the sentences of a ``stanza.Document`` start."""
    return {s.tokens[0].start_char for s in document.sentences if s.tokens}


SENTENCE_END = frozenset(".!?…")
CLOSING = frozenset("\"'”“»)")


def press_sentences(doc: Doc, abbreviations: frozenset[str],
                    proposed: set[int] | None = None) -> Doc:
    """Mark sentence starts where a sentence can begin in a press text: after final
    punctuation or a line break, at a token that is not lower-case, and not after an
    abbreviation unless a capital follows ("š.g. 28.-29. novembrī" and "2021.–2027. gadam"
    go on). ``proposed``: the character offsets a model proposes; None: every token after
    a punctuation token (".", "?!", "…"; the rule tokenizer keeps the full stop of "Nr.",
    "t.sk." and "2022." on its word, and splits off a sentence's final one).

    Tokens are read as arrays and the starts written back in one go: a Python token object
    for every word, read and set one by one, cost more than the rule itself."""
    if not len(doc):
        return doc
    rows = doc.to_array([ORTH, IS_SPACE, IDX]).reshape(-1, 3).tolist()
    texts = [doc.vocab.strings[orth] for orth, _, _ in rows]
    spaces = [bool(space) for _, space, _ in rows]
    ends = _sentence_ends(texts, spaces, punctuation_only=proposed is None)
    starts = [True]
    for i in range(1, len(rows)):
        if spaces[i]:
            # as spaCy's sentencizer: the blank after a finished sentence is one of its own
            starts.append(not spaces[i - 1] and ends[i - 1])
            continue
        if proposed is not None and rows[i][2] not in proposed:
            starts.append(False)
            continue
        last_word = texts[i - 2] if spaces[i - 1] and i > 1 else texts[i - 1]
        first = texts[i][0]
        starts.append(ends[i - 1] and not first.islower()
                      and (first.isupper() or last_word not in abbreviations))
    values = numpy.array([1 if start else -1 for start in starts], dtype="int64")
    doc.from_array([SENT_START], values.astype("uint64").reshape(-1, 1))
    return doc


def _sentence_ends(texts: list[str], spaces: list[bool], punctuation_only: bool) -> list[bool]:
    """Per token, does it close a sentence: final punctuation (with ``punctuation_only``, a
    token of nothing else), possibly then a quote or bracket, or a line break?"""
    ends: list[bool] = []
    for i, (text, space) in enumerate(zip(texts, spaces, strict=True)):
        if space:
            ends.append("\n" in text)
            continue
        bare = text.rstrip("".join(CLOSING))
        if not bare:
            ends.append(bool(i) and ends[i - 1])
        elif punctuation_only:
            ends.append(all(c in SENTENCE_END for c in bare))
        else:
            ends.append(bare[-1] in SENTENCE_END)
    return ends


class _InBatches:
    """Called on one item, run as a batch of one: stanza is fastest on many at once, which
    ``pipe`` gives it (``nlp.pipe`` calls it on components, :func:`annotate_texts` on the
    tokenizer)."""

    batch_size: int

    def __call__(self, item: Any) -> Doc:
        return next(iter(self.pipe([item])))

    def pipe(self, items: Iterable[Any], batch_size: int | None = None) -> Iterator[Doc]:
        for batch in minibatch(items, batch_size or self.batch_size):
            yield from self._batch(batch)

    def _batch(self, items: list[Any]) -> Iterable[Doc]:
        raise NotImplementedError


class StanzaTokenizer(_InBatches):
    """A spaCy tokenizer backed by a stanza pipeline (tokenize, and whatever follows).

    With ``keep_rule_tokens`` the tokens are the rule tokenizer's and stanza only decides
    where sentences start. That is the ``stanza`` backbone's setting: on LVTB's test file the
    rule tokens score 99.4 token F1 (stanza's 99.7), they keep dates, codes, phones and
    "Nr." whole where stanza glues a final full stop to them, and they are the tokens the
    gazetteer's phrase patterns are made of; stanza's sentences are what the rules lack
    (sentence F1 98.5 against 93.8)."""

    def __init__(
        self,
        vocab: Vocab,
        stanza_pipeline,
        rule_tokenizer=None,
        keep_rule_tokens: bool = False,
        batch_size: int = 32,
    ) -> None:
        if keep_rule_tokens and rule_tokenizer is None:
            raise ValueError("keep_rule_tokens needs the rule tokenizer")
        self.vocab = vocab
        self.stanza = stanza_pipeline
        self.rule_tokenizer = rule_tokenizer  # the one it replaced, for phrase patterns
        self.keep_rule_tokens = keep_rule_tokens
        self.abbreviations = _abbreviations()
        self.batch_size = batch_size

    def _batch(self, texts: list[str]) -> Iterator[Doc]:
        import stanza

        pending = [stanza.Document([], text=t) for t in texts if t.strip()]
        done = iter(self.stanza.bulk_process(pending) if pending else [])
        for text in texts:
            document = next(done) if text.strip() else stanza.Document([], text=text)
            if self.keep_rule_tokens:
                yield press_sentences(self.rule_tokenizer(text), self.abbreviations,
                                      sentence_starts(document))
            else:
                yield doc_from_stanza(self.vocab, text, document)


class StanzaLemmatizer(_InBatches):
    """A spaCy component that sets lemmas from a stanza lemmatizer (a dictionary of the
    treebank's words, then a seq2seq model over characters and UPOS) on the Doc's own tokens
    and their UPOS, many Docs at once."""

    def __init__(self, stanza_pipeline, batch_size: int = 32) -> None:
        self.stanza = stanza_pipeline
        self.batch_size = batch_size

    def _batch(self, docs: list[Doc]) -> list[Doc]:
        import stanza

        sentences = [[t for t in sent if not t.is_space] for doc in docs for sent in doc.sents]
        sentences = [s for s in sentences if s]
        if sentences:
            words = [[{"id": i + 1, "text": t.text, "upos": t.pos_ or "X"}
                      for i, t in enumerate(s)] for s in sentences]
            done = self.stanza(stanza.Document(words))
            for tokens, sentence in zip(sentences, done.sentences, strict=True):
                for token, word in zip(tokens, sentence.words, strict=True):
                    token.lemma_ = word.lemma or token.text
        return docs


def shipped_lemma_stanza(model: Path = LEMMA_MODEL):
    """The project's stanza lemmatizer over given tokens and UPOS (no tokenizer model)."""
    return _shipped_pipeline(
        model.parent,
        processors="tokenize,lemma",
        tokenize_pretokenized=True,
        lemma_pretagged=True,
        lemma_model_path=str(model),
        lemma_beam_size=lemma_conventions()["stanza_beam_size"],
    )


@Language.factory("lv_stanza_lemma", default_config={"model": str(LEMMA_MODEL)},
                  requires=["token.pos"], assigns=["token.lemma"])
def make_stanza_lemmatizer(nlp: Language, name: str, model: str) -> StanzaLemmatizer:
    return StanzaLemmatizer(shipped_lemma_stanza(Path(model)))


def shipped_stanza(model: Path = TOKENIZE_MODEL):
    """The project's stanza tokenizer, loaded from the package (no download, no hub)."""
    return _shipped_pipeline(model.parent, processors="tokenize", tokenize_model_path=str(model))


def _shipped_pipeline(model_dir: Path, **options: object):
    """A stanza pipeline over the project's model files, with explicit model paths."""
    import stanza

    return stanza.Pipeline(
        "lv",
        dir=str(model_dir),
        resources_filepath=str(SHIPPED_RESOURCES),
        download_method=None,
        allow_unknown_language=True,  # the shipped resources.json is empty: no hub entry
        use_gpu=False,
        logging_level="ERROR",
        **options,
    )


def official_processors(resources_dir: Path) -> list[str]:
    """The backbone processors stanza's resources in ``resources_dir`` offer for Latvian."""
    resources = json.loads((resources_dir / "resources.json").read_text(encoding="utf-8"))
    offered = resources.get("lv", {}).get("default_processors", {})
    return [p for p in OFFICIAL_PROCESSORS if p in offered]


def official_stanza(resources_dir: Path | None = None):
    """Stanza's official Latvian models from ``resources_dir`` (stanza's default directory when
    None), used as installed: nothing is downloaded."""
    import stanza
    from stanza.resources.common import DEFAULT_MODEL_DIR

    folder = Path(resources_dir or DEFAULT_MODEL_DIR)
    processors = official_processors(folder)
    if "tokenize" not in processors:
        raise FileNotFoundError(f"no stanza Latvian tokenizer in {folder}")
    return stanza.Pipeline(
        "lv",
        dir=str(folder),
        processors=",".join(processors),
        download_method=None,
        use_gpu=False,
        logging_level="WARN",
    )


@cache
def _spacy_model(path: Path) -> Language:
    import spacy

    return spacy.load(path)


def set_backbone(nlp: Language, backbone: Backbone, resources_dir: Path | None = None) -> str:
    """Give ``nlp`` the backbone's tokenizer; returns the backbone actually in use, which is
    ``rules`` (after a warning) when the asked-for models cannot be loaded."""
    if backbone not in BACKBONES:
        raise ValueError(f"unknown backbone {backbone!r} (choose from {', '.join(BACKBONES)})")
    if backbone == "rules":
        return "rules"
    try:
        if backbone == "shipped":
            if not (MODEL / "config.cfg").is_file():
                raise FileNotFoundError(f"no shipped Latvian model in {MODEL}")
            return backbone  # the rule tokenizer's tokens, the press rules' sentences
        if backbone == "official":
            stanza_pipeline = official_stanza(resources_dir)
        elif TOKENIZE_MODEL.is_file():
            stanza_pipeline = shipped_stanza()
        else:
            raise FileNotFoundError(f"no shipped stanza models in {MODEL_DIR}")
        nlp.tokenizer = StanzaTokenizer(
            nlp.vocab,
            stanza_pipeline,
            rule_tokenizer=nlp.tokenizer,
            keep_rule_tokens=backbone == "stanza",
        )
        return backbone
    except (ImportError, FileNotFoundError, OSError, ValueError) as error:
        warnings.warn(
            f"Latvian backbone '{backbone}' unavailable ({error}); using the rule tokenizer "
            "without lemmas, tags or dependencies",
            RuntimeWarning,
            stacklevel=2,
        )
        return "rules"


@Language.component("lv_press_sentences", assigns=["token.is_sent_start"])
def press_sentences_component(doc: Doc) -> Doc:
    """Sentences by the press rules alone (:func:`press_sentences`): the ``shipped`` and
    ``rules`` backbones' splitter."""
    return press_sentences(doc, _abbreviations())


@cache
def _abbreviations() -> frozenset[str]:
    return frozenset(abbreviations())


def add_models(nlp: Language, stanza_lemmas: bool = False, path: Path = MODEL) -> bool:
    """Source the project's spaCy pipeline (a small shared tok2vec under morphologizer,
    edit-tree lemmatizer, parser and NER) into ``nlp``, with the treebank's UPOS and lemma
    lexicons after the taggers. With ``stanza_lemmas`` (the ``stanza`` backbone) the
    project's stanza lemmatizer replaces the edit trees where its model is there. False,
    after a warning, when the spaCy model is absent."""
    if not (path / "config.cfg").is_file():
        warnings.warn(f"no Latvian model in {path}: no lemmas, tags, dependencies or NER",
                      RuntimeWarning, stacklevel=2)
        return False
    source = _spacy_model(path)
    for name in MODEL_PIPES:
        nlp.add_pipe(name, source=source)
    # Analyses are looked up by hash in the vocab's morphology table: give it the model's.
    for features in nlp.get_pipe("morphologizer").cfg["labels_morph"].values():
        nlp.vocab.morphology.add(features)
    if stanza_lemmas and LEMMA_MODEL.is_file():
        nlp.replace_pipe("trainable_lemmatizer", "lv_stanza_lemma",
                         config={"model": str(LEMMA_MODEL)})
    else:
        nlp.get_pipe("trainable_lemmatizer").top_k = lemma_conventions()["edit_tree_top_k"]
    nlp.rename_pipe("trainable_lemmatizer", "lemmatizer")
    nlp.rename_pipe("ner", NER_PIPE)
    nlp.add_pipe("lv_upos_lexicon", after="morphologizer")
    nlp.add_pipe("lv_lemma_lexicon", after="lemmatizer")
    return True


def add_ner(nlp: Language, path: Path = MODEL) -> bool:
    """Only the project's NER (with the tok2vec it listens to), for a backbone whose tags and
    lemmas come from elsewhere (``official``); False when the model is absent."""
    if not (path / "config.cfg").is_file():
        return False
    source = _spacy_model(path)
    nlp.add_pipe("tok2vec", source=source)
    nlp.add_pipe("ner", name=NER_PIPE, source=source)
    return True


@cache
def lemma_conventions() -> dict:
    """Punctuation lemmas and lemmatizer settings (``pipeline/data/lemmas.json``)."""
    return json.loads(LEMMA_CONVENTIONS.read_text(encoding="utf-8"))


def _tsv(path: Path) -> list[list[str]]:
    if not path.is_file():
        return []
    with gzip.open(path, "rt", encoding="utf-8") as rows:
        return [row.rstrip("\n").split("\t") for row in rows]


@cache
def lemma_lexicon(path: Path = LEMMA_LEXICON) -> dict[tuple[str, str], str]:
    """(form, UPOS) -> lemma, from ``training/build_lemma_lexicon.py``; empty if absent."""
    return {(form, upos): lemma for form, upos, lemma in _tsv(path)}


@cache
def upos_lexicon(path: Path = UPOS_LEXICON) -> dict[str, str]:
    """Form -> the UPOS it has in >= 98 % of >= 5 treebank occurrences; empty if absent."""
    return {form: upos for form, upos in _tsv(path)}


@Language.component("lv_upos_lexicon", assigns=["token.pos"])
def upos_lexicon_component(doc: Doc) -> Doc:
    """Correct the morphologizer's UPOS where the treebank knows the form's only one. Where
    a capital says nothing (:func:`_capital_says_something`), a "name" the treebank knows
    lower-cased as a common word is that word; where it does, a capitalised word the
    treebank never saw is a name."""
    lexicon = upos_lexicon()
    for token in doc:
        upos = lexicon.get(token.text)
        if upos and not token.is_space:
            token.pos_ = upos
        elif not _capital_says_something(token):
            common = lexicon.get(token.text.lower(), "PROPN")
            if token.pos_ == "PROPN" and common != "PROPN":
                token.pos_ = common  # "Reklāmas" opening a sentence is "reklāma"
        elif token.pos_ in ("NOUN", "ADJ") and not token.text.isupper():
            token.pos_ = "PROPN"
    return doc


def _capital_says_something(token) -> bool:
    """Is the token capitalised where a capital marks a name: not at a sentence's start
    nor after an opening quote, colon, dash or parenthesis?"""
    if not token.text[:1].isupper() or token.is_sent_start or token.i == 0:
        return False
    return token.nbor(-1).text not in lemma_conventions()["capital_after"]


def lexicon_lemma(token, lexicon: dict[tuple[str, str], str]) -> str:
    """The token's lemma: punctuation and foreign words by the LVTB conventions; the
    treebank's own for a known (form, UPOS), tried as written and then lower-cased (a
    sentence's first word); else the model's, lower-cased unless a proper noun (the treebank
    writes common lemmas so)."""
    text, upos = token.text, token.pos_
    if upos == "PUNCT":
        return lemma_conventions()["punctuation"].get(text, text)
    if upos in lemma_conventions()["form_as_lemma"]:
        return text
    known = lexicon.get((text, upos)) or lexicon.get((text.lower(), upos))
    if known:
        return known
    lemma = _unlooped(text, token.lemma_ or text)
    if upos != "PROPN" and text[:1].isupper() and not text.isupper():
        return lemma[:1].lower() + lemma[1:]
    return lemma


_DECODER_MARKS = re.compile(r"<(?:SOS|EOS|PAD|UNK)>")
_LOOPED_END = re.compile(r"(.{2,})\1+$")


def _unlooped(form: str, lemma: str) -> str:
    """The seq2seq lemmatizer's output without its decoding slips: a leaked start mark
    ("brēce<SOS>") and an ending it repeated ("Ziemeļvidzememe", "ģenerālprokuratūratūra")
    where the form has no such repetition and the treebank knows no such lemma."""
    lemma = _DECODER_MARKS.sub("", lemma) or form
    loop = _LOOPED_END.search(lemma)
    if loop and loop.group() not in form and lemma not in known_lemmas():
        lemma = lemma[: loop.start()] + loop.group(1)
    return lemma


@cache
def known_lemmas() -> frozenset[str]:
    """Every lemma of the treebank's lemma lexicon."""
    return frozenset(lemma_lexicon().values())


@Language.component("lv_lemma_lexicon", requires=["token.pos"], assigns=["token.lemma"])
def lemma_lexicon_component(doc: Doc) -> Doc:
    """Correct the lemmatizer (stanza's or spaCy's) by the treebank's lexicon and the
    LVTB conventions (:func:`lexicon_lemma`)."""
    lexicon = lemma_lexicon()
    for token in doc:
        if not token.is_space:
            token.lemma_ = lexicon_lemma(token, lexicon)
    return doc

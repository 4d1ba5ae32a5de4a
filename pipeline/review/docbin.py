"""spaCy DocBin round trip: annotations as ``Doc.ents`` in a ``.spacy`` file and back.

Each document becomes one ``Doc`` over its original text (``doc.text`` equals it exactly),
tokenised by the project's Latvian tokenizer and split further wherever a mention starts or
ends, so that every mention is a token span. A mention is an entity of ``doc.ents``:
``label_`` its label, ``kb_id_`` its ``id`` (the ATVK code, else empty) and the span
extension ``._.norm`` its norm. Mentions that overlap an earlier one cannot be entities;
they go to ``doc.spans["lvextract_overlaps"]`` with the same attributes. The ``doc_id`` and
the table records ride in ``doc.user_data`` (``lvextract_doc_id``; ``lvextract_tables``, JSON);
the file is written with ``store_user_data=True``, which also keeps the norms.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

from pipeline.document import SPAN_NORM, Mention, declare_extensions
from pipeline.eval.entities import Annotations

from .annotations import ReviewError, tables, with_tables

declare_extensions()

DOC_ID_KEY = "lvextract_doc_id"
TABLES_KEY = "lvextract_tables"
OVERLAPS = "lvextract_overlaps"


@cache
def tokenizer_nlp() -> Language:
    """``spacy.blank("lv")`` with the project's tokenizer rules (no other component)."""
    from pipeline.annotate.tokenizer import customise_tokenizer

    nlp = spacy.blank("lv")
    customise_tokenizer(nlp)
    return nlp


def _doc(text: str, cuts: Iterable[int]) -> Doc:
    """A Doc over ``text`` whose tokens also break at every offset of ``cuts``."""
    nlp = tokenizer_nlp()
    cuts = sorted(set(cuts))
    words: list[str] = []
    spaces: list[bool] = []
    for token in nlp.make_doc(text):
        start, end = token.idx, token.idx + len(token)
        inner = [c for c in cuts if start < c < end]
        pieces = list(zip([start, *inner], [*inner, end], strict=True))
        for n, (a, b) in enumerate(pieces):
            words.append(text[a:b])
            spaces.append(bool(token.whitespace_) and n == len(pieces) - 1)
    doc = Doc(nlp.vocab, words=words, spaces=spaces)
    if doc.text != text:  # pragma: no cover - the tokenizer keeps every character
        raise ReviewError("tokenisation changed the text")
    return doc


def to_doc(item: Annotations) -> Doc:
    """One document's annotations as a ``Doc`` with entities (see the module docstring)."""
    mentions = item.mentions
    doc = _doc(item.text or "", (x for m in mentions for x in (m.start, m.end)))
    spans: list[Span] = []
    overlaps: list[Span] = []
    for n, mention in enumerate(sorted(mentions, key=lambda m: (m.start, -m.end)), start=1):
        span = doc.char_span(mention.start, mention.end, label=mention.label,
                             kb_id=mention.id or "")
        if span is None:
            raise ReviewError(
                f"{item.doc_id}: entity #{n} {mention.text!r} ({mention.start}-{mention.end}) "
                "starts or ends inside white space; it cannot be a token span"
            )
        span._.set(SPAN_NORM, mention.norm)
        if spans and span.start < spans[-1].end:
            overlaps.append(span)
        else:
            spans.append(span)
    doc.ents = spans
    if overlaps:
        doc.spans[OVERLAPS] = overlaps
    doc.user_data[DOC_ID_KEY] = item.doc_id
    # As JSON text: msgpack would turn the lists into tuples.
    doc.user_data[TABLES_KEY] = json.dumps(tables(item), ensure_ascii=False)
    return doc


def to_docbin(items: Sequence[Annotations]) -> DocBin:
    """A DocBin of the documents, user data (norms, doc_id, tables) kept."""
    docbin = DocBin(store_user_data=True)
    for item in items:
        docbin.add(to_doc(item))
    return docbin


def from_doc(doc: Doc, where: str = "docbin") -> Annotations:
    """A ``Doc`` written by :func:`to_doc` (or any Doc with ents) as gold."""
    doc_id = doc.user_data.get(DOC_ID_KEY)
    if not doc_id:
        raise ReviewError(f"{where}: a Doc without user_data[{DOC_ID_KEY!r}]")
    spans = [*doc.ents, *doc.spans.get(OVERLAPS, [])]
    item = Annotations(str(doc_id), doc.text, [
        Mention(s.start_char, s.end_char, s.text, s.label_, s._.get(SPAN_NORM),
                s.kb_id_ or None, doc_id=str(doc_id))
        for s in sorted(spans, key=lambda s: (s.start_char, s.end_char))
    ])
    return with_tables(item, json.loads(doc.user_data.get(TABLES_KEY) or "{}"), where)


def write_docbin(items: Sequence[Annotations], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    to_docbin(items).to_disk(path)
    return path


def read_docbin(path: Path) -> list[Annotations]:
    """Every Doc of a ``.spacy`` file as gold, in file order."""
    docbin = DocBin(store_user_data=True).from_disk(path)
    return [from_doc(doc, f"{path.name}: doc #{n}")
            for n, doc in enumerate(docbin.get_docs(tokenizer_nlp().vocab), start=1)]

"""Stage 4, normalise: the annotated ``Doc``'s entities -> contract mentions on the original text.

Finders already give each span its canonical form (they know best what they matched); this
stage maps spans back to the original text's offsets and copies the gazetteer id and facts.
"""

from __future__ import annotations

from pipeline.document import SPAN_FACTS, SPAN_NORM, SPAN_SCORE, SPAN_SOURCE, Document, Mention


def normalise(document: Document) -> Document:
    """Set ``document.mentions`` from ``document.doc.ents`` (annotate must have run)."""
    if document.doc is None or document.clean is None:
        raise ValueError(f"{document.doc_id}: normalise needs the annotate stage first")
    mentions = []
    for span in document.doc.ents:
        start, end = document.clean.to_original(span.start_char, span.end_char)
        facts = dict(getattr(span._, SPAN_FACTS) or {})
        mentions.append(
            Mention(
                start=start,
                end=end,
                text=document.text[start:end],
                label=span.label_,
                norm=getattr(span._, SPAN_NORM) or span.text,
                id=facts.pop("id", None),
                source=getattr(span._, SPAN_SOURCE),
                score=getattr(span._, SPAN_SCORE),
                clean_start=span.start_char,
                clean_end=span.end_char,
                facts=facts,
                doc_id=document.doc_id,
            )
        )
    document.mentions = mentions
    return document

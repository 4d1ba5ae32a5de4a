"""The per-document function: clean -> annotate -> normalise -> fill, on one document.

Every backend imports it from here (one process in :mod:`pipeline.run`, the worker pool
of :mod:`pipeline.parallel`, the Dask bag of :mod:`pipeline.distributed`), so they share
one path through the stages and none of them imports another.

**Long documents.** A press release is a few thousand characters; the stages' cost grows
faster than the length (sentence windows, every visit reading the whole release), so a
document longer than :data:`PART_CHARS` is processed in *parts* of whole paragraphs (a
paragraph longer than that is cut after a sentence end, else at a space): time is then
linear in the length and memory bounded by one part. The parts' mentions are put back at
their offsets in the whole text; their visits, centres and projects are listed in order,
numbered anew, a centre or project named in several parts kept once (its first reading).
Facts are not linked across parts. Such a document keeps no spaCy ``Doc``.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import replace
from functools import cache
from typing import Any

from spacy.language import Language

from pipeline.annotate.nlp import annotate, build_nlp
from pipeline.clean import clean
from pipeline.document import Document, DocumentError, Outcome
from pipeline.fill import fill_tables
from pipeline.gazetteer.kb import KnowledgeBase, knowledge_base
from pipeline.normalise.mentions import normalise
from pipeline.resources import Resources

PART_CHARS = 10_000
STANZA_BACKBONES = ("stanza", "official")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_SENTENCE_END = re.compile(r"[.!?…][\"”»)]?\s")


def set_torch_threads(threads: int) -> None:
    """Threads for torch's own pool (the stanza models), if torch is loaded. One by
    default: on a busy or small machine torch's default, a thread per core, made a
    one-process run 6 to 12 times slower (measured on 2 cores), and worker processes
    already use every core."""
    torch = sys.modules.get("torch")
    if torch is None:
        return
    if torch.get_num_threads() != threads:
        torch.set_num_threads(threads)


@cache
def load_nlp(resources: Resources) -> Language:
    """The annotation pipeline, built once per process and :class:`Resources`. A backbone
    with stanza models first sets torch to one thread (:func:`set_torch_threads`), which a
    caller may change afterwards; the others never import torch."""
    if resources.backbone in STANZA_BACKBONES:
        with suppress(ImportError):  # torch is a dependency; a rules-only install lacks it
            import torch  # noqa: F401  (stanza's: held to one thread before it is used)
        set_torch_threads(1)
    return build_nlp(resources)


def _clean(document: Document) -> Document:
    document.clean = clean(document.text)
    return document


Stage = Callable[[Document], Document]


def stages(nlp: Language, kb: KnowledgeBase) -> tuple[tuple[str, Stage], ...]:
    """The per-document stages after reading, in order, with the names errors report."""
    return (
        ("clean", _clean),
        ("annotate", lambda d: annotate(d, nlp)),
        ("normalise", normalise),
        ("fill", lambda d: fill_tables(d, kb)),
    )


def process(
    document: Document, resources: Resources, timings: dict[str, float] | None = None
) -> Outcome:
    """Run every stage on one document (in parts when it is long: module docstring); the
    first failure becomes its error record. With ``timings``, each stage's seconds are
    added to it under the stage's name."""
    if len(document.text) <= PART_CHARS:
        return _process_whole(document, resources, timings)
    whole = Document(document.doc_id, document.text, document.path)
    for offset, piece in parts(document.text):
        outcome = _process_whole(
            Document(document.doc_id, piece, document.path), resources, timings
        )
        if isinstance(outcome, DocumentError):
            return outcome
        _add_part(whole, outcome, offset)
    return whole


def _process_whole(
    document: Document, resources: Resources, timings: dict[str, float] | None
) -> Outcome:
    nlp, kb = load_nlp(resources), knowledge_base(resources.gazetteers)
    for name, stage in stages(nlp, kb):
        started = time.perf_counter()
        try:
            document = stage(document)
        except Exception as err:  # one bad document must not stop a batch
            return DocumentError(document.doc_id, name, type(err).__name__, str(err), document.path)
        finally:
            if timings is not None:
                timings[name] = timings.get(name, 0.0) + time.perf_counter() - started
    return document


def parts(text: str, size: int = PART_CHARS) -> Iterator[tuple[int, str]]:
    """``(offset, piece)`` of consecutive pieces of ``text``, each at most ``size``
    characters, cut between paragraphs, else after a sentence end, else at a space."""
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = _last_end(_PARAGRAPH_BREAK, window) or _last_end(_SENTENCE_END, window)
        cut = cut or (window.rfind(" ") + 1) or size
        yield start, text[start : start + cut]
        start += cut
    yield start, text[start:]


def _last_end(pattern: re.Pattern[str], window: str) -> int:
    """Where the last match of ``pattern`` in the second half of ``window`` ends (0: none)."""
    ends = [m.end() for m in pattern.finditer(window, len(window) // 2)]
    return ends[-1] if ends else 0


def _add_part(whole: Document, part: Document, offset: int) -> None:
    """Put a part's mentions and records into the whole document (module docstring)."""
    whole.mentions.extend(
        replace(m, start=m.start + offset, end=m.end + offset) for m in part.mentions
    )
    for visit in part.visits:
        whole.visits.append(_shifted(visit, offset))
        visit.visit_id = f"{whole.doc_id}-v{len(whole.visits)}"
    names = {c.name for c in whole.centres}
    for centre in part.centres:
        if centre.name not in names:
            whole.centres.append(_shifted(centre, offset))
            centre.centre_id = f"{whole.doc_id}-c{len(whole.centres)}"
            names.add(centre.name)
    keys = {p.project_key for p in whole.projects}
    whole.projects.extend(
        _shifted(p, offset) for p in part.projects if p.project_key not in keys
    )


def _shifted(record: Any, offset: int) -> Any:
    record.provenance = {
        column: [(start + offset, end + offset) for start, end in spans]
        for column, spans in record.provenance.items()
    }
    return record


def process_document(
    document: Document,
    resources: Resources,
    timings: dict[str, float] | None = None,
    keep_doc: bool = False,
) -> Outcome:
    """:func:`process`, then (unless ``keep_doc``) drop the spaCy ``Doc`` and the cleaned
    text: what is left is the document's table rows, small to keep and to send between
    processes."""
    outcome = process(document, resources, timings)
    if isinstance(outcome, Document) and not keep_doc:
        outcome.doc = None
        outcome.clean = None
    return outcome

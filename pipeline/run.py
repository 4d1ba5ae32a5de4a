"""The data path end to end: read -> clean -> annotate -> normalise -> fill -> write.

:func:`extract` runs one text; :func:`extract_corpus` runs files and folders and writes the
tables. A document that fails at any stage is recorded as a :class:`DocumentError` with the
stage's name, and the others go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.language import Language

from pipeline.annotate.nlp import annotate, build_nlp
from pipeline.cache import ResultCache, fingerprint
from pipeline.clean import clean
from pipeline.document import Document, DocumentError
from pipeline.fill import fill_tables
from pipeline.normalise.mentions import normalise
from pipeline.read import MAX_BYTES, MAX_CHARS, Source, read_sources
from pipeline.write import write_outputs


@cache
def load_nlp(gazetteer_dir: Path | None = None) -> Language:
    """The annotation pipeline, built once per process and gazetteer folder."""
    return build_nlp(gazetteer_dir)


def _clean(document: Document) -> Document:
    document.clean = clean(document.text)
    return document


def stages(nlp: Language) -> tuple[tuple[str, Callable[[Document], Document]], ...]:
    """The per-document stages after reading, in order, with the names errors report."""
    return (
        ("clean", _clean),
        ("annotate", lambda d: annotate(d, nlp)),
        ("normalise", normalise),
        ("fill", fill_tables),
    )


def process(document: Document, nlp: Language) -> Document | DocumentError:
    """Run every stage on one document; the first failure becomes its error record."""
    for name, stage in stages(nlp):
        try:
            document = stage(document)
        except Exception as err:  # one bad document must not stop a batch
            return DocumentError(document.doc_id, name, type(err).__name__, str(err), document.path)
    return document


def extract(text: str, doc_id: str = "document", gazetteer_dir: Path | None = None) -> Document:
    """Extract mentions and table rows from one press release; raises if a stage fails."""
    result = process(Document(doc_id=doc_id, text=text), load_nlp(gazetteer_dir))
    if isinstance(result, DocumentError):
        raise RuntimeError(
            f"{result.doc_id}: {result.stage} failed: {result.error}: {result.message}"
        )
    return result


@dataclass
class RunResult:
    """What a run produced. ``processed`` documents went through the stages, ``cached`` ones
    came from the cache (their sum plus the read errors is every input)."""

    documents: list[Document] = field(default_factory=list)
    errors: list[DocumentError] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    processed: int = 0
    cached: int = 0
    cache_warning: str | None = None
    fingerprint: str = ""


def extract_documents(
    inputs: Iterable[Path],
    gazetteer_dir: Path | None = None,
    on_document: Callable[[Document | DocumentError], None] | None = None,
    cache_dir: Path | None = None,
    max_bytes: int = MAX_BYTES,
    max_chars: int = MAX_CHARS,
) -> RunResult:
    """Read and process every input file; nothing is written but cache entries.

    With ``cache_dir``, a document whose text, ``doc_id`` and pipeline fingerprint match a
    stored result is not processed again (:mod:`pipeline.cache`). The annotation pipeline
    is only built when some document needs it.
    """
    result = RunResult(fingerprint=fingerprint(gazetteer_dir))
    cache = ResultCache(cache_dir, result.fingerprint) if cache_dir else None
    nlp: Language | None = None
    for source, item in read_sources(inputs, max_bytes, max_chars):
        result.sources.append(source)
        if isinstance(item, DocumentError):
            outcome: Document | DocumentError = item
        elif cache is not None and (hit := cache.get(item)) is not None:
            outcome = hit
            result.cached += 1
        else:
            if nlp is None:
                nlp = load_nlp(gazetteer_dir)
            outcome = process(item, nlp)
            result.processed += 1
            if cache is not None and isinstance(outcome, Document):
                cache.put(outcome)
        if isinstance(outcome, DocumentError):
            result.errors.append(outcome)
        else:
            result.documents.append(outcome)
        if on_document is not None:
            on_document(outcome)
    if cache is not None:
        result.cache_warning = cache.write_failed
    return result


def extract_corpus(
    inputs: Sequence[Path],
    out_dir: Path,
    gazetteer_dir: Path | None = None,
    on_document: Callable[[Document | DocumentError], None] | None = None,
    cache_dir: Path | None = None,
    redact: bool = False,
    max_bytes: int = MAX_BYTES,
    max_chars: int = MAX_CHARS,
) -> RunResult:
    """Process files and folders of releases and write the tables into ``out_dir``.

    The folder is replaced as a whole (:mod:`pipeline.outdir`): it holds the previous
    complete set until the new one is complete.
    """
    result = extract_documents(inputs, gazetteer_dir, on_document, cache_dir, max_bytes,
                               max_chars)
    about = {
        "pipeline_fingerprint": result.fingerprint,
        "max_bytes": max_bytes,
        "max_chars": max_chars,
    }
    result.counts = write_outputs(
        result.documents, result.errors, out_dir, result.sources, redact, about
    )
    return result

"""The data path end to end: read -> clean -> annotate -> normalise -> fill -> write.

:func:`extract` runs one text; :func:`extract_corpus` runs files and folders and writes the
tables, streaming (documents are read, processed and written one after the other, on one
or several workers) so memory does not grow with the corpus. A document that fails at any
stage is recorded as a :class:`DocumentError` with the stage's name, and the others go on.
What happens to each document (processed, from the cache, failed at a stage) is logged on
the ``pipeline.run`` logger.
"""

from __future__ import annotations

import logging
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from pipeline.cache import ResultCache, fingerprint
from pipeline.collector import rarer_collections
from pipeline.document import Document, DocumentError, Outcome
from pipeline.fill.merge import ReleaseMerge
from pipeline.formats import SCHEMAS, TABLES, parse_formats
from pipeline.outdir import output_set
from pipeline.read import MAX_BYTES, MAX_CHARS, Source, input_files, read_sources
from pipeline.resources import Resources
from pipeline.write import TableWriter

if TYPE_CHECKING:
    import pandas as pd

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())


def extract(text: str, doc_id: str = "document", resources: Resources | None = None) -> Document:
    """Extract mentions and table rows from one press release; raises if a stage fails.

    The returned document keeps its spaCy ``Doc`` (``document.doc``) for displaCy."""
    from pipeline.process import process

    resources = resources or Resources()
    result = process(Document(doc_id=doc_id, text=text), resources)
    if isinstance(result, DocumentError):
        raise RuntimeError(
            f"{result.doc_id}: {result.stage} failed: {result.error}: {result.message}"
        )
    return result


@dataclass
class RunResult:
    """What a run produced. ``processed`` documents went through the stages, ``cached`` ones
    came from the cache (their sum plus the read errors is every input).

    ``timings`` holds seconds per stage: ``read``, ``cache`` and ``write`` in the main
    process, ``clean``, ``annotate``, ``normalise`` and ``fill`` summed over every document
    (so over all workers: with several, their sum exceeds the wall time), and ``total``, the
    wall time of the run. ``startup_seconds`` is the longest time a worker took to build
    its pipeline (0 when none was needed or it was built already)."""

    documents: list[Document] = field(default_factory=list)
    errors: list[DocumentError] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    processed: int = 0
    cached: int = 0
    cache_warning: str | None = None
    fingerprint: str = ""
    timings: dict[str, float] = field(default_factory=dict)
    startup_seconds: float = 0.0
    workers: int = 1
    backend: str = "local"

    def add_time(self, stage: str, seconds: float) -> None:
        self.timings[stage] = self.timings.get(stage, 0.0) + seconds


BACKENDS = ("local", "dask")
BATCH_SIZE = 1
"""Documents per task sent to a worker: one, so progress moves document by document (a
task costs about a millisecond against some 100 ms of work per document)."""


def check_backend(backend: str) -> None:
    """ValueError for a backend that is none of :data:`BACKENDS`."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r} (choose from {', '.join(BACKENDS)})")


def make_processor(
    backend: str,
    workers: int,
    resources: Resources,
    keep_docs: bool = False,
    scheduler: Any = None,
) -> Any:
    """The object that processes batches of documents for ``backend`` and ``workers``.

    Imported here, not at the top: the processors import spaCy and torch (two seconds),
    which a run whose documents all come from the cache does without."""
    from pipeline.distributed import DaskProcessor
    from pipeline.parallel import InlineProcessor, PoolProcessor

    check_backend(backend)
    if backend == "dask":
        return DaskProcessor(workers, resources, scheduler or "processes")
    if workers <= 1:
        return InlineProcessor(resources, keep_docs)
    return PoolProcessor(workers, resources)


class DeferredProcessor:
    """A processor made when the first batch needs one, so a run whose documents all come
    from the cache loads no model; the making (model loading) is shown as its own step."""

    def __init__(self, make: Callable[[], Any], progress: Progress | None = None) -> None:
        self.make = make
        self.progress = progress
        self.made: Any = None

    @property
    def in_flight(self) -> int:
        return self.made.in_flight if self.made is not None else 1

    def submit(self, documents: list[Document]) -> Any:
        if self.made is None:
            if self.progress is not None:
                self.progress.loading(True)
            self.made = self.make()
            if self.progress is not None:
                self.progress.loading(False)
        return self.made.submit(documents)

    def result(self, handle: Any) -> Any:
        return self.made.result(handle)

    def close(self, abort: bool = False) -> None:
        """Close the processor once (a later call does nothing)."""
        made, self.made = self.made, None
        if made is not None:
            made.close(abort)


def _timed(result: RunResult, stage: str, work: Callable[[], Any]) -> Any:
    """``work()``, its time added to ``result``'s ``stage``."""
    started = time.perf_counter()
    value = work()
    result.add_time(stage, time.perf_counter() - started)
    return value


Slot = tuple[Source, Outcome | None]  # an input and, unless it is to be processed, its outcome


class OutcomeStream:
    """Each input's ``(source, outcome, how)`` in input order; ``how`` is ``processed``,
    ``cached`` or ``failed``. Reading and the cache are done here; documents to process go
    to ``processor`` in batches, at most ``processor.in_flight`` batches ahead of the one
    being yielded, so memory holds a bounded number of documents whatever the corpus size.
    Times and counts go into ``result``.
    """

    def __init__(self, result: RunResult, processor: Any, cache: ResultCache | None = None,
                 batch_size: int = BATCH_SIZE) -> None:
        self.result, self.processor, self.cache = result, processor, cache
        self.batch_size = batch_size
        self.pending: deque[tuple[list[Slot], Any]] = deque()
        self.slots: list[Slot] = []
        self.batch: list[Document] = []

    def run(self, inputs: Iterable[Path], max_bytes: int = MAX_BYTES,
            max_chars: int = MAX_CHARS) -> Iterator[tuple[Source, Outcome, str]]:
        reading = iter(read_sources(inputs, max_bytes, max_chars))
        while (item := _timed(self.result, "read", lambda: next(reading, None))) is not None:
            source, read = item
            known = read if isinstance(read, DocumentError) else self._cached(read)
            self.slots.append((source, known))
            if known is None:
                self.batch.append(read)  # type: ignore[arg-type]
                if len(self.batch) >= self.batch_size:
                    self._submit()
                    while len(self.pending) > self.processor.in_flight:
                        yield from self._resolve()
        if self.slots:
            self._submit()
        while self.pending:
            yield from self._resolve()

    def _cached(self, document: Document) -> Document | None:
        if self.cache is None:
            return None
        hit = _timed(self.result, "cache", lambda: self.cache.get(document))  # type: ignore[union-attr]
        if hit is not None:
            self.result.cached += 1
        return hit

    def _submit(self) -> None:
        handle = self.processor.submit(self.batch) if self.batch else None
        self.pending.append((self.slots, handle))
        self.slots, self.batch = [], []

    def _resolve(self) -> Iterator[tuple[Source, Outcome, str]]:
        group, handle = self.pending.popleft()
        outcomes: Iterator[Outcome] = iter(())
        if handle is not None:
            done, timings, (_pid, startup) = self.processor.result(handle)
            outcomes = iter(done)
            for stage, seconds in timings.items():
                self.result.add_time(stage, seconds)
            self.result.startup_seconds = max(self.result.startup_seconds, startup)
        for source, known in group:
            if known is not None:
                outcome, how = known, ("failed" if isinstance(known, DocumentError) else "cached")
            else:
                outcome, how = next(outcomes), "processed"
                self.result.processed += 1
                if self.cache is not None and isinstance(outcome, Document):
                    _timed(self.result, "cache", lambda o=outcome: self.cache.put(o))  # type: ignore
            _log(outcome, how)
            yield source, outcome, how


def _log(outcome: Outcome, how: str) -> None:
    if isinstance(outcome, DocumentError):
        log.warning("%s: failed at %s: %s: %s", outcome.doc_id, outcome.stage, outcome.error,
                    outcome.message)
    else:
        log.info("%s: %s", outcome.doc_id, "from cache" if how == "cached" else how)


def extract_documents(
    inputs: Iterable[Path],
    resources: Resources | None = None,
    on_document: Callable[[Document | DocumentError], None] | None = None,
    cache_dir: Path | None = None,
    max_bytes: int = MAX_BYTES,
    max_chars: int = MAX_CHARS,
) -> RunResult:
    """Read and process every input file; nothing is written but cache entries.

    With ``cache_dir``, a document whose text, ``doc_id`` and pipeline fingerprint match a
    stored result is not processed again (:mod:`pipeline.cache`). The annotation pipeline
    is only built when some document needs it. Every document is kept in the result, with
    its spaCy ``Doc`` (for callers that look at it); for a large corpus written to files,
    :func:`extract_corpus` keeps none of them.
    """
    resources = resources or Resources()
    result = RunResult(fingerprint=fingerprint(resources))
    cache = ResultCache(cache_dir, result.fingerprint) if cache_dir else None
    processor = DeferredProcessor(lambda: make_processor("local", 1, resources, keep_docs=True))
    stream = OutcomeStream(result, processor, cache)
    for source, outcome, _how in stream.run(inputs, max_bytes, max_chars):
        result.sources.append(source)
        if isinstance(outcome, DocumentError):
            result.errors.append(outcome)
        else:
            result.documents.append(outcome)
        if on_document is not None:
            on_document(outcome)
    if cache is not None:
        result.cache_warning = cache.write_failed
    return result


class Progress(Protocol):
    """What :func:`extract_corpus` tells a progress display (:mod:`pipeline.progress`)."""

    def start(self, total: int) -> None: ...

    def loading(self, busy: bool) -> None: ...

    def advance(self, outcome: Outcome, how: str) -> None: ...

    def stop(self) -> None: ...


def extract_corpus(
    inputs: Sequence[Path],
    out_dir: Path,
    resources: Resources | None = None,
    on_document: Callable[[Document | DocumentError], None] | None = None,
    cache_dir: Path | None = None,
    redact: bool = False,
    max_bytes: int = MAX_BYTES,
    max_chars: int = MAX_CHARS,
    *,
    workers: int = 1,
    backend: str = "local",
    formats: Sequence[str] = ("csv",),
    keep_documents: bool = True,
    progress: Progress | None = None,
    scheduler: Any = None,
    batch_size: int = BATCH_SIZE,
) -> RunResult:
    """Process files and folders of releases and write the tables into ``out_dir``.

    The folder is replaced as a whole (:mod:`pipeline.outdir`). Documents are streamed:
    each one's rows go to the staging folder as it finishes and its spaCy ``Doc`` is
    dropped, so memory does not grow with the corpus; ``keep_documents`` (the default; the
    ``run`` command passes False) still lists the documents with their rows in the result.
    ``workers`` > 1 processes batches in that many processes (:mod:`pipeline.parallel`);
    ``backend="dask"`` runs the same per-document function over a Dask bag
    (:mod:`pipeline.distributed`; ``scheduler`` is passed to Dask). The files are
    byte-identical whatever the backend and number of workers.
    """
    started = time.perf_counter()
    formats = parse_formats(formats)
    check_backend(backend)  # now, though the processor is made with the first batch
    resources = resources or Resources()
    result = RunResult(fingerprint=fingerprint(resources), workers=workers, backend=backend)
    cache = ResultCache(cache_dir, result.fingerprint) if cache_dir else None
    about = {"pipeline_fingerprint": result.fingerprint, "backbone": resources.backbone,
             "max_bytes": max_bytes, "max_chars": max_chars, "formats": list(formats)}
    processor = DeferredProcessor(
        lambda: make_processor(backend, workers, resources, scheduler=scheduler), progress
    )
    with rarer_collections(), _closing(processor, progress), output_set(out_dir) as staging:
        writer, merge = TableWriter(staging, formats, redact), ReleaseMerge()
        if progress is not None:
            progress.start(len(input_files(inputs)))
        stream = OutcomeStream(result, processor, cache, batch_size)
        for source, outcome, how in stream.run(inputs, max_bytes, max_chars):
            _timed_add(result, writer, merge, source, outcome, keep_documents)
            if on_document is not None:
                on_document(outcome)
            if progress is not None:
                progress.advance(outcome, how)
        processor.close()
        result.counts = _timed(result, "write", lambda: writer.finish(merge.merged(), about))
    if cache is not None:
        result.cache_warning = cache.write_failed
    result.timings["total"] = time.perf_counter() - started
    log.info("%d documents: %d processed, %d from the cache, %d failed",
             result.counts.get("documents", 0), result.processed, result.cached,
             len(result.errors))
    return result


@contextmanager
def _closing(processor: DeferredProcessor, progress: Progress | None) -> Iterator[None]:
    """Workers stopped at once when the run fails or is interrupted (the block closes them
    itself when it succeeds); the progress display stopped either way."""
    try:
        yield
    except BaseException:
        processor.close(abort=True)
        raise
    finally:
        if progress is not None:
            progress.stop()


def _timed_add(result: RunResult, writer: TableWriter, merge: ReleaseMerge, source: Source,
               outcome: Outcome, keep_documents: bool) -> None:
    """Write one outcome's rows (or error) as it comes, and hand its centres and projects
    to the merge stage; keep it in ``result`` if asked."""
    begun = time.perf_counter()
    if isinstance(outcome, DocumentError):
        writer.add_error(outcome)
        result.errors.append(outcome)
    else:
        writer.add(outcome, source)
        merge.add(outcome)
        if keep_documents:
            result.documents.append(outcome)
    if keep_documents:
        result.sources.append(source)
    result.add_time("write", time.perf_counter() - begun)


def extract_texts(
    texts: Mapping[str, str] | Iterable[str], resources: Resources | None = None
) -> dict[str, pd.DataFrame]:
    """Texts in, tables out: the run's tables as pandas DataFrames, for a notebook.

    ``texts`` maps ``doc_id`` to text (or is a list of texts, numbered ``text-1``, ...).
    The result has a DataFrame per table file of ``run`` (``visits``, ``centres``,
    ``projects``, ``mentions``, ``errors``, ``provenance``, ``centres_merged``,
    ``projects_merged``) with the same columns and types as the Parquet files: lists as
    lists, whole numbers as nullable integers, unknown values as missing. A text whose
    processing fails is a row of ``errors``."""
    resources = resources or Resources()
    items = texts.items() if isinstance(texts, Mapping) else (
        (f"text-{number}", text) for number, text in enumerate(texts, start=1)
    )
    processor = make_processor("local", 1, resources)
    with tempfile.TemporaryDirectory(prefix="lvextract-") as scratch:
        writer, merge = TableWriter(Path(scratch), ("parquet",)), ReleaseMerge()
        for doc_id, text in items:
            [outcome], _timings, _startup = processor.submit([Document(doc_id, text)])
            if isinstance(outcome, DocumentError):
                writer.add_error(outcome)
            else:
                writer.add(outcome)
                merge.add(outcome)
        writer.finish(merge.merged())
        return {table: _frame(Path(scratch) / f"{table}.parquet", table) for table in TABLES}


def _frame(path: Path, table: str) -> pd.DataFrame:
    """A Parquet table as a DataFrame whose list cells are Python lists."""
    import pandas as pd  # here: a command-line run has no use for its import time

    frame = pd.read_parquet(path, dtype_backend="numpy_nullable")
    for column in SCHEMAS[table].columns:
        if column.kind == "list":
            frame[column.name] = pd.Series(
                [None if value is None else list(value) for value in frame[column.name]],
                index=frame.index, dtype=object,
            )
    return frame

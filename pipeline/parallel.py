"""Parallel processing on one machine: a pool of worker processes, each with its own spaCy
pipeline, built once.

:class:`PoolProcessor` runs :func:`pipeline.run.process_document` on batches of documents
in a :class:`concurrent.futures.ProcessPoolExecutor` whose initializer builds the
annotation pipeline once per worker. Workers start from a fork server (``spawn`` where
there is none), never by forking the parent: the parent may have run torch (the stanza
backbone), whose thread pools do not survive ``fork`` and hang the child. The caller
submits batches and collects them in submission order, a bounded number in flight, so
results come back in input order and input is read only as fast as it is processed. A
worker that dies (killed, out of memory) fails the run with
:class:`~concurrent.futures.process.BrokenProcessPool` instead of hanging it.

Workers ignore Ctrl-C (the parent handles it and stops them) and, on Linux, are sent
SIGTERM if the parent dies, so no worker outlives a killed run.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

from pipeline.document import Document, DocumentError

Outcome = Document | DocumentError
BatchResult = tuple[list[Outcome], dict[str, float], tuple[int, float]]
"""A batch's outcomes (in order), its stage seconds, and (worker pid, pipeline build s)."""

_STARTUP_SECONDS = 0.0


def _die_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - best effort
        pass


def init_worker(gazetteer_dir: Path | None) -> None:
    """Pool initializer: signals as above, then the annotation pipeline, once."""
    global _STARTUP_SECONDS
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    _one_thread_each()
    from pipeline.run import load_nlp

    started = time.perf_counter()
    load_nlp(gazetteer_dir)
    _STARTUP_SECONDS = time.perf_counter() - started


def _one_thread_each() -> None:
    """One torch thread per worker: the workers already use every core, and torch's own
    pool in each of them fights the others for the same cores (measured: 100 documents on 2
    workers took 145 s against 23 s on one)."""
    try:
        import torch
    except ImportError:  # pragma: no cover - torch is a dependency; rules-only installs
        return
    torch.set_num_threads(1)


def worker_startup() -> float:
    """Seconds this worker's initializer took to build the pipeline (0 outside a pool)."""
    return _STARTUP_SECONDS


def process_batch(documents: Sequence[Document], gazetteer_dir: Path | None) -> BatchResult:
    """Run every stage on each document of a batch (in a worker); spaCy Docs stay here."""
    from pipeline.run import load_nlp, process_document

    nlp = load_nlp(gazetteer_dir)
    timings: dict[str, float] = {}
    outcomes = [process_document(d, nlp, timings) for d in documents]
    return outcomes, timings, (os.getpid(), _STARTUP_SECONDS)


def start_method() -> str:
    """``forkserver`` where the platform has it (workers forked from a clean process that
    never ran torch), else ``spawn``."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def make_executor(workers: int, gazetteer_dir: Path | None) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(start_method()),
        initializer=init_worker,
        initargs=(gazetteer_dir,),
    )


def stop_executor(executor: ProcessPoolExecutor, abort: bool) -> None:
    """Shut the pool down; with ``abort`` (an error or Ctrl-C) cancel and kill the workers."""
    if not abort:
        executor.shutdown(wait=True)
        return
    executor.shutdown(wait=False, cancel_futures=True)
    terminate = getattr(executor, "terminate_workers", None)  # Python 3.14+
    if terminate is not None:
        terminate()
        return
    for process in list((getattr(executor, "_processes", None) or {}).values()):
        if process.is_alive():
            process.terminate()
    for process in list((getattr(executor, "_processes", None) or {}).values()):
        process.join(timeout=5)


class PoolProcessor:
    """Batches of documents processed by ``workers`` processes (see the module docstring).

    ``submit`` returns a handle, ``result`` waits for it; ``in_flight`` is how many batches
    the caller should keep submitted ahead (two per worker keeps every worker busy).
    """

    def __init__(self, workers: int, gazetteer_dir: Path | None = None) -> None:
        self.workers = workers
        self.gazetteer_dir = gazetteer_dir
        self.in_flight = 2 * workers
        self.executor = make_executor(workers, gazetteer_dir)

    def submit(self, documents: list[Document]) -> Future[BatchResult]:
        return self.executor.submit(process_batch, documents, self.gazetteer_dir)

    def result(self, handle: Future[BatchResult]) -> BatchResult:
        return handle.result()

    def close(self, abort: bool = False) -> None:
        stop_executor(self.executor, abort)


class InlineProcessor:
    """The same interface, processing in this process (one worker, no pool)."""

    in_flight = 1

    def __init__(self, gazetteer_dir: Path | None = None, keep_docs: bool = False) -> None:
        self.gazetteer_dir = gazetteer_dir
        self.keep_docs = keep_docs

    def submit(self, documents: list[Document]) -> BatchResult:
        from pipeline.run import load_nlp, process_document

        started = time.perf_counter()
        nlp = load_nlp(self.gazetteer_dir)
        startup = time.perf_counter() - started
        timings: dict[str, float] = {}
        outcomes = [process_document(d, nlp, timings, self.keep_docs) for d in documents]
        return outcomes, timings, (os.getpid(), startup)

    def result(self, handle: Any) -> BatchResult:
        return handle

    def close(self, abort: bool = False) -> None:
        pass

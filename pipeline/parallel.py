"""Parallel processing on one machine: a pool of worker processes sharing one built
pipeline.

:class:`PoolProcessor` runs :func:`pipeline.process.process_document` on batches of
documents in a :class:`concurrent.futures.ProcessPoolExecutor`. On Linux the parent builds
the annotation pipeline once, with torch on one thread, and the workers are *forked* from
it: they start at once and share the models' and gazetteers' memory with the parent
(copy-on-write) instead of each loading its own. Torch's thread pools are what makes
``fork`` unsafe after torch has run; with one thread torch never starts them. Where there
is no ``fork`` the workers start from a fork server (else ``spawn``) and build their own
pipeline in the pool initializer. The caller submits batches and collects them in
submission order, a bounded number in flight, so results come back in input order and
input is read only as fast as it is processed. A worker that dies (killed, out of memory)
fails the run with :class:`~concurrent.futures.process.BrokenProcessPool` instead of
hanging it.

Workers ignore Ctrl-C (the parent handles it and stops them) and, on Linux, are sent
SIGKILL when the parent dies (``PR_SET_PDEATHSIG``; forked workers are the parent's own
children), so no worker, and so no resource tracker waiting on them, outlives a killed run.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from pipeline.collector import collect_rarely
from pipeline.document import Document, Outcome
from pipeline.process import load_nlp, process_document, set_torch_threads
from pipeline.resources import Resources

BatchResult = tuple[list[Outcome], dict[str, float], tuple[int, float]]
"""A batch's outcomes (in order), its stage seconds, and (worker pid, pipeline build s)."""

_STARTUP_SECONDS = 0.0


def _die_with_parent() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # pragma: no cover - best effort
        pass


def init_worker(resources: Resources, parent: int | None) -> None:
    """Pool initializer: signals as above, then the annotation pipeline, once (already
    there in a forked worker), on one torch thread (the workers already use every core: 100
    documents on 2 workers took 145 s with torch's default against 23 s); then rarer
    collections for the worker's life (:mod:`pipeline.collector`)."""
    global _STARTUP_SECONDS
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    if parent is not None and os.getppid() != parent:  # died before the signal was asked for
        os._exit(1)
    started = time.perf_counter()
    load_nlp(resources)
    collect_rarely()
    _STARTUP_SECONDS = time.perf_counter() - started


def worker_startup() -> float:
    """Seconds this worker's initializer took to build the pipeline (0 outside a pool)."""
    return _STARTUP_SECONDS


def process_batch(documents: Sequence[Document], resources: Resources) -> BatchResult:
    """Run every stage on each document of a batch (in a worker); spaCy Docs stay here."""
    timings: dict[str, float] = {}
    outcomes = [process_document(d, resources, timings) for d in documents]
    return outcomes, timings, (os.getpid(), _STARTUP_SECONDS)


def start_method() -> str:
    """``fork`` on Linux (workers share the parent's built pipeline), else ``forkserver``
    where the platform has it, else ``spawn``."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def make_executor(workers: int, resources: Resources) -> ProcessPoolExecutor:
    """The pool; with ``fork``, the pipeline is built here first, and torch held to one
    thread even if the caller raised it since: its thread pools do not survive a fork."""
    method = start_method()
    if method == "fork":
        load_nlp(resources)
        set_torch_threads(1)
        # Python's advice for fork without exec: the built pipeline leaves the collector's
        # sight, so no worker's collection writes to (and copies) the pages it shares.
        gc.freeze()
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context(method),
        initializer=init_worker,
        initargs=(resources, os.getpid() if method == "fork" else None),
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

    def __init__(self, workers: int, resources: Resources) -> None:
        self.workers = workers
        self.resources = resources
        self.in_flight = 2 * workers
        started = time.perf_counter()
        self.executor = make_executor(workers, resources)
        self.startup = time.perf_counter() - started  # the build, when the parent does it

    def submit(self, documents: list[Document]) -> Future[BatchResult]:
        return self.executor.submit(process_batch, documents, self.resources)

    def result(self, handle: Future[BatchResult]) -> BatchResult:
        outcomes, timings, (pid, built) = handle.result()
        return outcomes, timings, (pid, max(built, self.startup))

    def close(self, abort: bool = False) -> None:
        stop_executor(self.executor, abort)


class InlineProcessor:
    """The same interface, processing in this process (one worker, no pool)."""

    in_flight = 1

    def __init__(self, resources: Resources, keep_docs: bool = False) -> None:
        self.resources = resources
        self.keep_docs = keep_docs
        started = time.perf_counter()
        load_nlp(resources)
        self.startup = time.perf_counter() - started

    def submit(self, documents: list[Document]) -> BatchResult:
        startup, self.startup = self.startup, 0.0  # reported once, with the first batch
        timings: dict[str, float] = {}
        outcomes = [process_document(d, self.resources, timings, self.keep_docs)
                    for d in documents]
        return outcomes, timings, (os.getpid(), startup)

    def result(self, handle: Any) -> BatchResult:
        return handle

    def close(self, abort: bool = False) -> None:
        pass

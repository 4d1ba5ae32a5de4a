"""Scale-out on Dask: the same per-document function over a Dask bag, the same tables.

:func:`extract_corpus_dask` (and ``lvextract run --backend dask``) is
:func:`pipeline.run.extract_corpus` with its documents processed by Dask instead of the
local worker pool: the main process reads the inputs and consults the cache as always,
then hands windows of documents to Dask as a bag (``dask.bag.from_sequence``) mapped with
:func:`process_one`, which is :func:`pipeline.run.process_document` with the worker's
pipeline (built once per worker process). Results come back in input order and go to the
same streaming writer, so the files are byte-identical to a local run.

``scheduler`` is whatever ``dask.compute`` accepts:

- ``"processes"`` (the default): Dask's local multiprocessing scheduler, on a pool of
  ``workers`` processes that each build the pipeline once (:mod:`pipeline.parallel`);
- ``"threads"`` or ``"sync"``: Dask's threaded or single-threaded scheduler in this process
  (one shared pipeline; useful to debug);
- a ``dask.distributed.Client`` (``pip install distributed``; not a dependency of
  lvextract): the bag runs on that cluster's workers, on this machine
  (``LocalCluster``) or many. Each worker needs lvextract installed and the gazetteer
  folder at the same path; it builds its pipeline on the first document it gets.

Only the processing is distributed; reading the files, the cache and writing stay in this
process (reading is a small share of the time: see ``lvextract bench``).
"""

from __future__ import annotations

import os
import time
from typing import Any

from pipeline.document import Document, Outcome
from pipeline.parallel import BatchResult, make_executor, stop_executor, worker_startup
from pipeline.process import load_nlp, process_document
from pipeline.resources import Resources

WINDOW = 512
"""Documents handed to Dask at a time: big enough to keep the workers busy, small enough
that memory does not grow with the corpus."""


def process_one(
    document: Document, resources: Resources
) -> tuple[Outcome, dict[str, float], tuple[int, float]]:
    """The per-document function the bag maps: every stage, the spaCy Doc dropped."""
    started = time.perf_counter()
    load_nlp(resources)  # built once per worker process, then cached
    startup = max(time.perf_counter() - started, worker_startup())
    timings: dict[str, float] = {}
    return process_document(document, resources, timings), timings, (os.getpid(), startup)


class _Handle:
    def __init__(self, documents: list[Document]) -> None:
        self.documents = documents
        self.result: BatchResult | None = None


class DaskProcessor:
    """Batches collected into windows of about :data:`WINDOW` documents, each window one
    Dask bag computed with ``scheduler`` (interface of :class:`pipeline.parallel.PoolProcessor`).
    """

    def __init__(
        self,
        workers: int,
        resources: Resources,
        scheduler: Any = "processes",
        window: int = WINDOW,
    ) -> None:
        import dask.bag  # noqa: F401  (fail early when dask is missing)

        self.workers = max(1, workers)
        self.resources = resources
        self.scheduler = scheduler
        self.in_flight = max(1, window // 8)
        self.pending: list[_Handle] = []
        self.pool = (
            make_executor(self.workers, resources) if scheduler == "processes" else None
        )

    def submit(self, documents: list[Document]) -> _Handle:
        handle = _Handle(documents)
        self.pending.append(handle)
        return handle

    def result(self, handle: _Handle) -> BatchResult:
        if handle.result is None:
            self._compute()
        assert handle.result is not None
        return handle.result

    def _compute(self) -> None:
        import dask.bag as db

        handles, self.pending = self.pending, []
        documents = [d for h in handles for d in h.documents]
        bag = db.from_sequence(
            documents, npartitions=max(1, min(len(documents), 4 * self.workers))
        ).map(process_one, self.resources)
        options: dict[str, Any] = {"scheduler": self.scheduler}
        if self.pool is not None:
            options["pool"] = self.pool
        elif self.scheduler in ("threads", "processes"):
            options["num_workers"] = self.workers
        results = iter(bag.compute(**options))
        for handle in handles:
            outcomes, timings, startup = [], {}, (0, 0.0)
            for _ in handle.documents:
                outcome, seconds, (pid, built) = next(results)
                outcomes.append(outcome)
                for stage, value in seconds.items():
                    timings[stage] = timings.get(stage, 0.0) + value
                if built > startup[1]:
                    startup = (pid, built)
            handle.result = (outcomes, timings, startup)

    def close(self, abort: bool = False) -> None:
        if self.pool is not None:
            stop_executor(self.pool, abort)

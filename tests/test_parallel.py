"""Streaming, worker processes and Dask: the same files whatever runs the documents."""

from __future__ import annotations

import csv
import hashlib
import random
import shutil
from pathlib import Path

import pytest

from pipeline.document import Document, DocumentError
from pipeline.fill.merge import ReleaseMerge
from pipeline.formats import TABLES
from pipeline.outdir import recover, staging_path
from pipeline.run import extract_corpus
from pipeline.write import SCRATCH, TableWriter, write_outputs

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
FORMATS = ("csv", "jsonl", "parquet")


def hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def inputs(folder: Path, count: int) -> Path:
    """``count`` releases of the sample corpus and one binary file (a read error)."""
    folder.mkdir(parents=True)
    for path in sorted(CORPUS.glob("*.txt"))[:count]:
        shutil.copy(path, folder / path.name)
    (folder / "lv-000-bojats.txt").write_bytes(b"\x00\x01\x02binary")
    return folder


def test_two_workers_write_the_same_bytes_as_one(tmp_path: Path, nlp) -> None:
    corpus = inputs(tmp_path / "in", 12)
    one = extract_corpus([corpus], tmp_path / "one", formats=FORMATS)
    two = extract_corpus([corpus], tmp_path / "two", formats=FORMATS, workers=2, batch_size=2)
    assert hashes(tmp_path / "one") == hashes(tmp_path / "two")
    assert len(hashes(tmp_path / "one")) == len(TABLES) * 3 + 1  # every table x 3 + manifest
    assert [d.doc_id for d in two.documents] == [d.doc_id for d in one.documents]
    assert [e.doc_id for e in two.errors] == ["lv-000-bojats"]
    assert two.processed == one.processed == 12
    assert two.counts == one.counts and one.counts["mentions"] > 100
    assert all(d.doc is None and d.clean is None for d in two.documents)  # no spaCy Docs kept


def test_worker_results_come_back_in_input_order_with_the_cache(tmp_path: Path, nlp) -> None:
    corpus = inputs(tmp_path / "in", 6)
    cache = tmp_path / "cache"
    extract_corpus([sorted(corpus.iterdir())[2]], tmp_path / "warm", cache_dir=cache)
    seen: list[str] = []
    result = extract_corpus([corpus], tmp_path / "out", cache_dir=cache, workers=2,
                            batch_size=1, on_document=lambda o: seen.append(o.doc_id))
    assert seen == sorted(seen) and len(seen) == 7
    assert (result.processed, result.cached, len(result.errors)) == (5, 1, 1)
    assert set(result.timings) >= {"read", "annotate", "normalise", "fill", "write", "total"}


def test_an_interrupted_parallel_run_leaves_the_output_as_it_was(tmp_path: Path, nlp) -> None:
    corpus = inputs(tmp_path / "in", 6)
    out = tmp_path / "out"
    write_outputs([], [], out)
    before = hashes(out)

    def stop(outcome: Document | DocumentError) -> None:
        if outcome.doc_id == "lv-002":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        extract_corpus([corpus], out, workers=2, batch_size=1, on_document=stop)
    assert hashes(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]


def test_the_dask_bag_writes_the_same_tables(tmp_path: Path, nlp) -> None:
    corpus = inputs(tmp_path / "in", 5)
    extract_corpus([corpus], tmp_path / "local")
    result = extract_corpus([corpus], tmp_path / "dask", backend="dask", scheduler="processes",
                            workers=2)
    assert result.backend == "dask" and result.processed == 5

    def sorted_lines(path: Path) -> str:
        header, *rows = path.read_text(encoding="utf-8").splitlines()
        text = "\n".join([header, *sorted(rows)])
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    for name in ("visits.csv", "centres.csv", "projects.csv", "mentions.csv", "errors.csv"):
        assert sorted_lines(tmp_path / "local" / name) == sorted_lines(tmp_path / "dask" / name)
    assert hashes(tmp_path / "local") == hashes(tmp_path / "dask")  # even in the same order


def test_an_unknown_backend_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown backend"):
        extract_corpus([tmp_path], tmp_path / "out", backend="spark")


def doc(doc_id: str, mentions: int) -> Document:
    from pipeline.document import Mention

    text = "Ludzā. " * mentions
    return Document(
        doc_id=doc_id, text=text,
        mentions=[Mention(7 * i, 7 * i + 5, "Ludzā", "LOCALITY", "Ludza") for i in range(mentions)],
    )


def test_sorted_runs_on_disk_merge_into_the_same_files(tmp_path: Path) -> None:
    documents = [doc(f"d{i:02d}", i % 4 + 1) for i in range(30)]
    write_outputs(documents, [], tmp_path / "memory", formats=FORMATS)
    shuffled = documents[:]
    random.Random(7).shuffle(shuffled)
    staging = tmp_path / "staging"
    staging.mkdir()
    writer = TableWriter(staging, FORMATS, run_rows=5)  # a run file every five rows
    merge = ReleaseMerge()
    for document in shuffled:
        writer.add(document)
        merge.add(document)
        if writer.runs["mentions"]:
            assert (staging / SCRATCH).is_dir()
    assert len(writer.runs["mentions"]) > 5
    counts = writer.finish(merge.merged())
    assert counts["documents"] == 30 and counts["mentions"] == sum(i % 4 + 1 for i in range(30))
    assert not (staging / SCRATCH).exists()
    assert hashes(staging) == hashes(tmp_path / "memory")
    with (staging / "mentions.csv").open(encoding="utf-8", newline="") as handle:
        ids = [row["doc_id"] for row in csv.DictReader(handle)]
    assert ids == sorted(ids)


def test_a_killed_runs_spill_folder_is_not_given_back(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("x", encoding="utf-8")
    spill = staging_path(out) / SCRATCH
    spill.mkdir(parents=True)
    (spill / "mentions.00000.jsonl").write_text("[]\n", encoding="utf-8")
    recover(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert sorted(p.name for p in out.iterdir()) == ["mine.txt"]


def test_a_worker_that_dies_fails_the_run_without_hanging(tmp_path: Path, nlp) -> None:
    import multiprocessing
    import os
    import signal
    from concurrent.futures.process import BrokenProcessPool

    def kill_a_worker(outcome: object) -> None:  # as if killed (out of memory)
        for worker in multiprocessing.active_children():
            os.kill(worker.pid, signal.SIGKILL)

    corpus = inputs(tmp_path / "in", 6)
    out = tmp_path / "out"
    with pytest.raises(BrokenProcessPool):
        extract_corpus([corpus], out, workers=2, batch_size=1, on_document=kill_a_worker)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


def test_a_dask_cluster_named_by_scheduler_writes_the_same_tables(tmp_path: Path, nlp) -> None:
    """``run --scheduler ADDRESS`` on a running cluster (here a local one, its workers
    threads of this process) writes the bytes of a local run."""
    distributed = pytest.importorskip("distributed")
    from typer.testing import CliRunner

    from pipeline.cli import app

    corpus = inputs(tmp_path / "in", 4)
    extract_corpus([corpus], tmp_path / "local", formats=FORMATS)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster:
        result = CliRunner().invoke(app, [
            "run", str(corpus), "--out", str(tmp_path / "cluster"), "--no-cache", "-q",
            "--scheduler", cluster.scheduler_address, "-f", "csv,jsonl,parquet",
        ])
    assert result.exit_code == 3, result.output  # the binary file is the one failure
    assert hashes(tmp_path / "local") == hashes(tmp_path / "cluster")


def test_a_scheduler_that_is_not_there_is_a_usage_error(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from typer.testing import CliRunner

    from pipeline.cli import app

    corpus = inputs(tmp_path / "in", 1)
    result = CliRunner().invoke(app, [
        "run", str(corpus), "--out", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9",
    ])
    assert result.exit_code == 2
    assert "no Dask scheduler" in result.output
    assert not (tmp_path / "out").exists()

"""``lvextract run`` options for speed and output: --workers, --backend, --format, --quiet,
--verbose, the progress bar; and ``lvextract bench``."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.formats import TABLES
from pipeline.progress import BarProgress, show_progress

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
ENV = {"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}
RELEASES = {
    "balvi-01": "2022. gada 6. oktobrī 18 sociālie darbinieki no Balvu novada devās pieredzes "
                "apmaiņas braucienā uz Ludzas novadu.",
    "kraslava-02": "Krāslavā atklāja dienas aprūpes centru “Saulīte”.",
}


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, text in RELEASES.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    (folder / "bojats.txt").write_bytes(b"\x00\x01binary")
    return folder


def test_quiet_prints_only_errors(runner: CliRunner, nlp, tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(corpus(tmp_path / "in")), "-o", str(tmp_path / "o"),
                                 "--quiet"], env=ENV)
    assert result.exit_code == 3, result.output
    assert result.stdout == ""
    assert "FAILED bojats at read" in result.stderr
    assert "processed" not in result.stderr


def test_verbose_logs_what_happened_to_each_document(
    runner: CliRunner, nlp, tmp_path: Path
) -> None:
    inputs = corpus(tmp_path / "in")
    first = runner.invoke(app, ["run", str(inputs), "-o", str(tmp_path / "o"), "-v"], env=ENV)
    assert first.exit_code == 3, first.output
    assert "balvi-01: processed" in first.stderr
    assert "kraslava-02: processed" in first.stderr
    assert "bojats: failed at read: ReadError" in first.stderr
    assert "time:" in first.stderr and "annotate" in first.stderr
    assert "2 documents" in first.stdout
    again = runner.invoke(app, ["run", str(inputs), "-o", str(tmp_path / "o"), "--verbose"],
                          env=ENV)
    assert "balvi-01: from cache" in again.stderr
    assert "2 from the cache" in again.stdout


def test_default_mode_logs_nothing_per_document(runner: CliRunner, nlp, tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(corpus(tmp_path / "in")), "-o", str(tmp_path / "o")],
                           env=ENV)
    assert "processed" in result.stdout  # the summary
    assert ": processed" not in result.stderr
    assert "FAILED bojats" in result.stderr


@pytest.mark.parametrize(
    "options",
    [["--quiet", "--verbose"], ["--format", "xlsx"], ["--backend", "spark"], ["--workers", "0"]],
)
def test_bad_options_are_usage_errors(
    runner: CliRunner, tmp_path: Path, options: list[str]
) -> None:
    result = runner.invoke(app, ["run", str(tmp_path), "-o", str(tmp_path / "o"), *options],
                           env=ENV)
    assert result.exit_code == 2, result.output
    assert not (tmp_path / "o").exists()


def test_workers_backend_and_formats(runner: CliRunner, nlp, tmp_path: Path) -> None:
    inputs = corpus(tmp_path / "in")
    one = tmp_path / "one"
    runner.invoke(app, ["run", str(inputs), "-o", str(one), "--no-cache", "-f", "csv,parquet",
                        "--format", "jsonl"], env=ENV)
    for options, out in ((["--workers", "2"], tmp_path / "two"),
                         (["--backend", "dask", "-j", "2"], tmp_path / "dask")):
        result = runner.invoke(app, ["run", str(inputs), "-o", str(out), "--no-cache", "-q",
                                     "-f", "csv,parquet,jsonl", *options], env=ENV)
        assert result.exit_code == 3, result.output
        assert {p.name: p.read_bytes() for p in out.iterdir()} == {
            p.name: p.read_bytes() for p in one.iterdir()
        }
    assert len(list(one.iterdir())) == len(TABLES) * 3 + 1  # every table x 3 formats + manifest
    assert pq.read_table(one / "visits.parquet").to_pylist()[0]["participants_count"] == 18


def test_parquet_only(runner: CliRunner, nlp, tmp_path: Path) -> None:
    out = tmp_path / "o"
    result = runner.invoke(app, ["run", str(corpus(tmp_path / "in")), "-o", str(out),
                                 "--format", "parquet"], env=ENV)
    assert result.exit_code == 3
    assert "(errors.parquet)" in result.stdout
    assert sorted(p.suffix for p in out.iterdir()) == [".json", *[".parquet"] * len(TABLES)]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_is_only_for_a_terminal() -> None:
    assert show_progress(False, Terminal()) is True
    assert show_progress(True, Terminal()) is False
    assert show_progress(False, io.StringIO()) is False


def test_the_progress_bar_counts_documents() -> None:
    from rich.console import Console

    from pipeline.document import Document, DocumentError

    screen = Terminal()
    progress = BarProgress(Console(file=screen, force_terminal=True, width=120))
    progress.start(3)
    progress.advance(Document("a", "x"), "processed")
    progress.advance(Document("b", "x"), "cached")
    progress.advance(DocumentError("c", "read", "ReadError", "binary"), "failed")
    assert progress.bar.tasks[0].completed == 3
    progress.stop()
    assert (progress.cached, progress.failed) == (1, 1)
    assert "documents" in screen.getvalue()


def test_bench_prints_and_writes_its_figures(runner: CliRunner, nlp, tmp_path: Path) -> None:
    target = tmp_path / "bench.json"
    result = runner.invoke(app, ["bench", "--sizes", "5,10", "--backends", "local:1",
                                 "--backbones", "shipped", "--no-isolate", "--json",
                                 str(target), "--source", str(CORPUS)], env=ENV)
    assert result.exit_code == 0, result.output
    assert "docs/s" in result.stdout and "clean+annotate" in result.stdout
    assert "time per document vs the smallest size, shipped local:1" in result.stdout
    figures = json.loads(target.read_text(encoding="utf-8"))
    assert [(r["size"], r["workers"], r["documents"]) for r in figures["runs"]] == [
        (5, 1, 5), (10, 1, 10)
    ]
    run = figures["runs"][1]
    assert run["words"] > 1000 and run["peak_rss_mb"] > 0 and run["peak_pss_tree_mb"] > 0
    assert run["backbone"] == "shipped"
    assert set(run["stages"]) >= {"read", "annotate", "normalise", "fill", "write"}
    assert set(figures["scaling"]["shipped local:1"]) == {"5", "10"}


def test_bench_refuses_bad_sizes(runner: CliRunner) -> None:
    result = runner.invoke(app, ["bench", "--sizes", "0"], env=ENV)
    assert result.exit_code == 2
    result = runner.invoke(app, ["bench", "--backends", "spark:2"], env=ENV)
    assert result.exit_code == 2
    result = runner.invoke(app, ["bench", "--backbones", "udpipe"], env=ENV)
    assert result.exit_code == 2 and "unknown backbone" in result.output

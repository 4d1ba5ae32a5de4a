"""The fault suite, runs: long documents, concurrent runs, killed runs, hostile file names.

Each case is one an adversarial run found; the comment says what it did before.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.outdir import OutputFolderError, exclusive, lock_path, output_set
from pipeline.process import PART_CHARS, parts, process
from pipeline.resources import Resources
from pipeline.run import extract_corpus

ROOT = Path(__file__).resolve().parents[1]
RELEASE = (
    "2023. gada 14. martā Balvu novada sociālie darbinieki devās pieredzes apmaiņas braucienā "
    "uz Ludzu, kur apmeklēja dienas aprūpes centru “Saulīte”.\n\n"
    "Projektu “Kopā varam” (Nr. 9.2.2.1/15/I/005) īsteno Latgales plānošanas reģions.\n\n"
)


# --- long documents: parts of whole paragraphs -------------------------------------------


def test_parts_cover_the_text_in_order_and_within_the_size() -> None:
    text = "".join(f"Rindkopa {n}. Teikums par Ludzu un Balviem.\n\n" for n in range(400))
    pieces = list(parts(text, size=1_000))
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= 1_000 for _, piece in pieces)
    assert all(piece.endswith("\n\n") for _, piece in pieces[:-1])  # cut between paragraphs
    assert [offset for offset, _ in pieces] == [
        sum(len(p) for _, p in pieces[:i]) for i in range(len(pieces))
    ]


def test_a_single_long_line_is_cut_after_sentences_else_at_spaces() -> None:
    line = "Grupa viesojās Ludzā. " * 200
    pieces = list(parts(line, size=500))
    assert "".join(p for _, p in pieces) == line
    assert all(p.endswith(". ") for _, p in pieces[:-1])
    words = "vārds " * 300  # no sentence end at all
    assert all(len(p) <= 500 for _, p in parts(words, size=500))
    assert "".join(p for _, p in parts("x" * 1_200, size=500)) == "x" * 1_200


def test_a_long_release_keeps_every_mention_at_its_offset(nlp) -> None:
    text = RELEASE * (2 * PART_CHARS // len(RELEASE) + 3)
    assert len(text) > 2 * PART_CHARS
    document = process_text(text)
    assert all(text[m.start : m.end] == m.text for m in document.mentions)
    assert sum(m.label == "PROJECT_CODE" for m in document.mentions) == text.count("Nr. 9.2")
    assert [v.visit_id for v in document.visits] == [
        f"long-v{n}" for n in range(1, len(document.visits) + 1)
    ]
    assert [c.name for c in document.centres] == ["Saulīte"]  # once, not once per part
    assert len({p.project_key for p in document.projects}) == len(document.projects)
    for visit in document.visits:
        for spans in visit.provenance.values():
            assert all(0 <= start < end <= len(text) for start, end in spans)


def process_text(text: str):
    from pipeline.document import Document

    outcome = process(Document("long", text), Resources())
    assert not hasattr(outcome, "stage"), outcome
    return outcome


# --- one run at a time per output folder ---------------------------------------------------


def test_a_second_run_into_a_busy_folder_stops_before_touching_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with output_set(out) as staging:
        (staging / "visits.csv").write_text("first\n", encoding="utf-8")
        with pytest.raises(OutputFolderError, match="another lvextract run"), output_set(out):
            pass
        assert (staging / "visits.csv").read_text(encoding="utf-8") == "first\n"
    assert (out / "visits.csv").read_text(encoding="utf-8") == "first\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # lock file gone too


def test_the_lock_of_a_killed_run_is_taken_over(tmp_path: Path) -> None:
    out = tmp_path / "out"
    lock_path(out).write_text("", encoding="utf-8")  # left by a killed run: not locked
    with exclusive(out):
        assert lock_path(out).exists()
    assert not lock_path(out).exists()


def test_concurrent_runs_never_publish_a_mix(tmp_path: Path, nlp) -> None:
    """Two CLI runs started together into one folder: one publishes, the other is refused
    (exit 2) or publishes after it; the folder is always one complete set."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in range(6):
        (inputs / f"lv-{n}.txt").write_text(RELEASE.replace("14.", f"{n + 1}."), "utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", "run", str(inputs), "--out", str(out),
               "--no-cache", "-q", "--backbone", "rules"]
    runs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(run.wait(timeout=300), run.stderr.read()) for run in runs]
    statuses = sorted(code for code, _ in results)
    assert statuses in ([0, 0], [0, 2]), results
    if statuses == [0, 2]:
        assert any("another lvextract run" in err for _, err in results)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["documents"] == 6
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]


# --- a killed run leaves no process behind -------------------------------------------------


def descendants(pid: int) -> set[int]:
    """Every process whose chain of parents reaches ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pids: set[int]) -> set[int]:
    still = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            still.add(pid)
    return still


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_of_a_two_worker_run_leaves_no_process(tmp_path: Path, seed: int) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    # Work for ~10 s of two workers: the kill below lands within the first 2 s of it.
    for n in range(2_000):
        (inputs / f"lv-{n:04}.txt").write_text(RELEASE * 3, "utf-8")
    run = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "run", str(inputs), "--out", str(tmp_path / "out"),
         "--no-cache", "-q", "-j", "2"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while len(descendants(run.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    time.sleep(random.Random(seed).uniform(0.0, 2.0))  # a random point of the run
    tree = descendants(run.pid)
    assert tree, "the run started no worker"
    assert run.poll() is None, "the run ended before the kill: give it more work"
    os.kill(run.pid, signal.SIGKILL)
    run.wait(timeout=30)
    deadline = time.monotonic() + 20
    while alive(tree) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not alive(tree)
    assert not (tmp_path / "out").exists() or (tmp_path / "out" / "manifest.json").exists()


# --- hostile file names ----------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses such names")
def test_a_file_name_that_is_not_utf8_is_a_document_error(tmp_path: Path, nlp) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "lv-1.txt").write_text(RELEASE, encoding="utf-8")
    bad = os.fsencode(inputs) + b"/lv-\xff2.txt"
    with open(bad, "w", encoding="utf-8") as handle:
        handle.write(RELEASE)
    cache = tmp_path / "cache"
    result = extract_corpus([inputs], tmp_path / "out", cache_dir=cache)
    assert [d.doc_id for d in result.documents] == ["lv-1"]
    [error] = result.errors
    assert (error.doc_id, error.error) == ("lv-\\xff2", "FileNameError")
    errors = (tmp_path / "out" / "errors.csv").read_text(encoding="utf-8")
    assert "lv-\\xff2" in errors and "not valid UTF-8" in errors


# --- usage errors touch nothing ------------------------------------------------------------


def test_a_mistyped_input_exits_2_and_keeps_the_earlier_output(tmp_path: Path, nlp) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "lv-1.txt").write_text(RELEASE, encoding="utf-8")
    out = tmp_path / "out"
    assert CliRunner().invoke(app, ["run", str(inputs), "--out", str(out), "-q"]).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    for mistake in ([str(tmp_path / "ni")], [str(tmp_path)]):  # no such path; no documents
        result = CliRunner().invoke(app, ["run", *mistake, "--out", str(out), "-q"])
        assert result.exit_code == 2, result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_a_folder_that_is_no_output_is_refused(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pipeline.cli import app

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "lv-1.txt").write_text(RELEASE, encoding="utf-8")
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "visits.csv").write_text("mana tabula\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(inputs), "--out", str(mine)])
    assert result.exit_code == 2 and "holds no lvextract output" in result.output
    assert (mine / "visits.csv").read_text(encoding="utf-8") == "mana tabula\n"

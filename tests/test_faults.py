"""The fault suite: messy input never stops a batch, loses data or leaves a half-written file.

Every case has its documented result (README, "Running on messy input"): a document, or a
row in errors.csv with a clear message; the other documents are all there; the output
folder holds one complete set; nothing is left beside it.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.document import Centre, Document, DocumentError, Mention, Visit
from pipeline.outdir import (
    OUTPUT_FILES,
    OutputFolderError,
    check_output_folder,
    recover,
    retired_path,
    staging_path,
)
from pipeline.run import extract_corpus
from pipeline.safety import (
    is_private_email,
    is_private_phone,
    plain_cell,
    redact_text,
    safe_cell,
)
from pipeline.write import write_outputs

ROOT = Path(__file__).resolve().parents[1]
ENV = {"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}

VISIT = (
    "2022. gada 6. oktobrī 18 sociālie darbinieki no Balvu novada devās pieredzes apmaiņas "
    "braucienā uz Ludzas novadu, kur apmeklēja biedrības „Cerību spārni” dienas centru."
)
CENTRE = "Krāslavā durvis vēra dienas aprūpes centrs “Saulīte”. Kontakti: tālr. 65623456."
PROJECT = (
    "Rēzeknes novada pašvaldība noslēdza projektu “Kopā varam” (Nr. 9.2.2.1/15/I/005). "
    "Projekta kopējās izmaksas 705 573,37 EUR."
)
ISO_TEXT = "Preiļu novadā viesojās delegācija no Lietuvas; apmeklēja centru ”Ūdrīši”."
HTML = (
    "<!DOCTYPE html><html><head><title>x</title><script>var a=1;</script></head><body>"
    "<nav><a>Sākums</a></nav><h1>Ziņa</h1><p>Grupa 2023. gada 14.&nbsp;martā viesojās "
    "Ludzā.</p><footer>© Ludzas novada pašvaldība</footer></body></html>"
)


def sha256s(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def assert_clean_output(out: Path) -> None:
    """One complete set in ``out``, nothing half-written in or beside it."""
    names = {p.name for p in out.iterdir()}
    assert names >= OUTPUT_FILES
    assert not [n for n in names if n.endswith(".tmp") or n.startswith(".")]
    assert not staging_path(out).exists()
    assert not retired_path(out).exists()
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["mentions"] == len(rows(out / "mentions.csv"))


# --- every kind of messy input in one batch ---------------------------------------------

GOOD = {
    "utf8.txt": VISIT.encode("utf-8"),
    "utf8-bom.txt": codecs.BOM_UTF8 + CENTRE.encode("utf-8"),
    "utf16-le-bom.txt": codecs.BOM_UTF16_LE + PROJECT.encode("utf-16-le"),
    "utf16-be-bom.txt": codecs.BOM_UTF16_BE + VISIT.encode("utf-16-be"),
    "utf16-no-bom.txt": CENTRE.encode("utf-16-le"),
    "cp1257.txt": VISIT.encode("cp1257"),
    "iso-8859-13.txt": ISO_TEXT.encode("iso8859_13"),
    "page.html": HTML.encode("utf-8"),
    "page-1257.htm": HTML.replace("<head>", "<head><meta charset='windows-1257'>").encode(
        "cp1257"
    ),
    "html-in-txt.txt": HTML.encode("utf-8"),
    "word-quotes-nbsp-shy.txt": "Biedrības „Cerību\u00a0spārni” Krās\u00adlavā.".encode(),
    "truncated-utf8.txt": VISIT.encode("utf-8") + "ā".encode()[:1],
}
BAD = {
    # file name: (bytes, error class, message part)
    "empty.txt": (b"", "ReadError", "empty document"),
    "blank-page.html": (b"<html><body><nav>x</nav></body></html>", "ReadError", "empty"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", "ReadError", "binary"),
    "bom-then-garbage.txt": (codecs.BOM_UTF8 + b"Ludz\xff\xfe", "ReadError", "byte-order mark"),
    "utf16-odd.txt": (codecs.BOM_UTF16_LE + b"L\x00u\x00d", "ReadError", "byte-order mark"),
    "damaged-utf8.txt": (
        VISIT.encode()[:40] + b"\xff" + VISIT.encode()[40:], "ReadError", "damaged UTF-8"
    ),
}
ENCODINGS = {
    "utf8": "utf-8", "utf8-bom": "utf-8 (BOM)", "utf16-le-bom": "utf-16 (BOM)",
    "utf16-be-bom": "utf-16 (BOM)", "utf16-no-bom": "utf-16-le", "cp1257": "windows-1257",
    "iso-8859-13": "iso-8859-13", "page": "utf-8", "page-1257": "windows-1257",
    "truncated-utf8": "utf-8 (truncated)",
}


def messy_folder(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name, data in GOOD.items():
        (folder / name).write_bytes(data)
    for name, (data, _, _) in BAD.items():
        (folder / name).write_bytes(data)
    (folder / "folder.txt").mkdir()  # a directory named like a file
    (folder / "locked.txt").write_text(VISIT, encoding="utf-8")
    with (folder / "huge.txt").open("wb") as handle:  # 50 MB, sparse: nothing is written
        handle.truncate(50 * 1024 * 1024)
    (folder / "notes.md").write_text("not an input", encoding="utf-8")
    return folder


def test_a_batch_of_messy_files(tmp_path: Path, nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    inputs = messy_folder(tmp_path / "in")
    locked = inputs / "locked.txt"
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:  # we run as root: mode 000 would not stop us
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    out = tmp_path / "out"
    result = extract_corpus([inputs], out, cache_dir=tmp_path / "cache")
    assert_clean_output(out)

    good = {Path(n).stem for n in GOOD}
    assert {d.doc_id for d in result.documents} == good
    errors = {r["doc_id"]: r for r in rows(out / "errors.csv")}
    expected = {Path(n).stem: (cls, part) for n, (_, cls, part) in BAD.items()}
    expected |= {
        "folder": ("IsADirectoryError", "a folder, not a file"),
        "locked": ("PermissionError", "Permission denied"),
        "huge": ("ReadError", f"file is {50 * 1024 * 1024} bytes, over the limit of 20000000"),
    }
    assert set(errors) == set(expected)
    for doc_id, (cls, part) in expected.items():
        assert errors[doc_id]["stage"] == "read"
        assert errors[doc_id]["error"] == cls, doc_id
        assert part in errors[doc_id]["message"], doc_id
        assert errors[doc_id]["path"].endswith(doc_id + Path(errors[doc_id]["path"]).suffix)

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    inputs_by_id = {i["doc_id"]: i for i in manifest["inputs"]}
    assert set(inputs_by_id) == good
    for doc_id, encoding in ENCODINGS.items():
        assert inputs_by_id[doc_id]["encoding"] == encoding, doc_id
    assert inputs_by_id["page"]["format"] == inputs_by_id["html-in-txt"]["format"] == "html"
    name = "utf8.txt"
    assert inputs_by_id["utf8"]["sha256"] == hashlib.sha256(GOOD[name]).hexdigest()

    texts = {d.doc_id: d.text for d in result.documents}
    assert texts["cp1257"] == texts["utf8"] == texts["utf16-be-bom"] == VISIT
    assert texts["truncated-utf8"] == VISIT + "\ufffd"
    assert texts["iso-8859-13"] == ISO_TEXT
    assert texts["page"] == texts["html-in-txt"] == texts["page-1257"]
    assert texts["page"] == "Ziņa\n\nGrupa 2023. gada 14.\u00a0martā viesojās Ludzā."
    for mention in rows(out / "mentions.csv"):  # offsets point into each document's text
        text = texts[mention["doc_id"]]
        assert text[int(mention["start"]) : int(mention["end"])] == mention["text"]
    assert {("page", "Ludzā"), ("cp1257", "Balvu novada")} <= {
        (m["doc_id"], m["text"]) for m in rows(out / "mentions.csv")
    }


def test_a_document_over_the_text_limit_is_an_error(tmp_path: Path, nlp) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(VISIT, encoding="utf-8")
    (inputs / "b.txt").write_text(VISIT * 20, encoding="utf-8")
    result = extract_corpus([inputs], tmp_path / "out", max_chars=len(VISIT) * 2)
    assert [d.doc_id for d in result.documents] == ["a"]
    [error] = result.errors
    assert (error.doc_id, error.stage) == ("b", "read")
    assert "characters, over the limit of" in error.message


def test_the_cli_exit_status_with_messy_files(tmp_path: Path, nlp) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(VISIT, encoding="utf-8")
    (inputs / "b.txt").write_bytes(codecs.BOM_UTF8 + b"\xff\xfe")
    env = {**ENV, "LVEXTRACT_CACHE_DIR": str(tmp_path / "cache")}
    runner = CliRunner()
    result = runner.invoke(app, ["run", str(inputs), "-o", str(tmp_path / "out")], env=env)
    assert result.exit_code == 3, result.output
    assert "FAILED b at read: ReadError: invalid UTF-8 after its byte-order mark" in result.output
    result = runner.invoke(app, ["run", str(inputs / "a.txt"), "-o", str(tmp_path / "o")], env=env)
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["run", str(inputs), "-o", str(inputs / "a.txt")], env=env)
    assert result.exit_code == 2
    assert "is not a folder" in result.output
    result = runner.invoke(app, ["run", str(inputs), "-o", "."], env=env)
    assert result.exit_code == 2
    result = runner.invoke(app, ["run", str(inputs), "-o", "x", "--max-bytes", "0"], env=env)
    assert result.exit_code == 2


# --- all-or-nothing output folder ---------------------------------------------------------

RELEASES = {
    f"{place}-{n:02d}": text.replace("Ludzas", place_genitive)
    for n, (place, place_genitive) in enumerate(
        [("ludza", "Ludzas"), ("preili", "Preiļu"), ("balvi", "Balvu"), ("kraslava", "Krāslavas"),
         ("rezekne", "Rēzeknes"), ("cesis", "Cēsu")]
    )
    for text in [VISIT]
}


def release_folder(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for doc_id, text in RELEASES.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    (folder / "project.txt").write_text(PROJECT, encoding="utf-8")
    (folder / "centre.txt").write_text(CENTRE, encoding="utf-8")
    return folder


@pytest.fixture
def previous_run(tmp_path: Path, nlp) -> tuple[Path, Path, Path, dict[str, str]]:
    """A complete previous set (with a user's own file in it) and a warm cache."""
    inputs = release_folder(tmp_path / "in")
    out, cache = tmp_path / "out", tmp_path / "cache"
    extract_corpus([inputs], out, cache_dir=cache)
    (out / "eval").mkdir()
    (out / "eval" / "scores.json").write_text("{}", encoding="utf-8")
    (inputs / "project.txt").unlink()  # the next run's set differs, all from the cache
    return inputs, out, cache, sha256s(out)


# ``lvextract`` with the writer held after its first table file: the marker file says the
# run is inside the write phase, where the tests stop or kill it.
PAUSING_RUN = """
import sys, time
from pathlib import Path
from pipeline import write
from pipeline.cli import app

marker, write_table = Path(sys.argv[1]), write.TableWriter._write_table

def write_then_wait(self, table, rows):
    write_table(self, table, rows)
    marker.write_text("writing", encoding="utf-8")
    time.sleep(60)

write.TableWriter._write_table = write_then_wait
app(prog_name="lvextract", args=sys.argv[2:])
"""


def start_run(inputs: Path, out: Path, cache: Path, marker: Path) -> subprocess.Popen[str]:
    env = {**os.environ, **ENV, "LVEXTRACT_CACHE_DIR": str(cache)}
    process = subprocess.Popen(
        [sys.executable, "-c", PAUSING_RUN, str(marker), "run", str(inputs), "--out", str(out)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        # a suite started in the background (`make test &`) ignores SIGINT and its children
        # inherit that: give the run Ctrl-C's default, as in a terminal
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + 60
    while not marker.exists():  # the child is inside the write phase once this exists
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the run never reached its write phase"
        time.sleep(0.02)
    assert [p.name for p in staging_path(out).iterdir()]  # some new files written already
    return process


def test_a_run_killed_mid_write_leaves_the_previous_set(
    tmp_path: Path, previous_run: tuple[Path, Path, Path, dict[str, str]]
) -> None:
    inputs, out, cache, before = previous_run
    process = start_run(inputs, out, cache, tmp_path / "writing")
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert sha256s(out) == before  # the previous complete set, byte for byte
    assert staging_path(out).exists()  # the half-built set is hidden beside it

    result = extract_corpus([inputs], out, cache_dir=cache)  # the next run repairs and swaps
    assert (result.processed, result.cached) == (0, 7)
    assert_clean_output(out)
    assert (out / "eval" / "scores.json").read_text(encoding="utf-8") == "{}"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["documents"] == 7
    assert "project" not in {i["doc_id"] for i in manifest["inputs"]}


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_run_stopped_mid_write_cleans_up_and_exits_130(
    tmp_path: Path, previous_run: tuple[Path, Path, Path, dict[str, str]], signum: int
) -> None:
    inputs, out, cache, before = previous_run
    process = start_run(inputs, out, cache, tmp_path / "writing")
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "interrupted" in stderr
    assert sha256s(out) == before
    assert not staging_path(out).exists()
    assert not retired_path(out).exists()


def test_a_failure_between_the_two_renames_is_repaired(tmp_path: Path, nlp) -> None:
    """Without renameat2 a run renames OUT away, then the new set in: die in between and
    the next run (or recover) puts the previous set back."""
    out = tmp_path / "out"
    write_outputs([], [], out)
    before = sha256s(out)
    staging_path(out).mkdir()
    (staging_path(out) / "visits.csv").write_text("half", encoding="utf-8")
    os.rename(out, retired_path(out))
    recover(out)
    assert sha256s(out) == before
    assert not staging_path(out).exists() and not retired_path(out).exists()


def test_the_swap_without_renameat2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.outdir as outdir

    monkeypatch.setattr(outdir, "exchange", lambda a, b: False)
    out = tmp_path / "out"
    write_outputs([], [], out)
    (out / "mine.txt").write_text("user file", encoding="utf-8")
    write_outputs([Document("a", "Ludzā.")], [], out)
    assert_clean_output(out)
    assert (out / "mine.txt").read_text(encoding="utf-8") == "user file"
    assert json.loads((out / "manifest.json").read_text("utf-8"))["counts"]["documents"] == 1


def test_unsafe_output_folders_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for folder in (Path("."), tmp_path, tmp_path.parent, Path("/")):
        with pytest.raises(OutputFolderError):
            check_output_folder(folder)
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(OutputFolderError, match="not a folder"):
        check_output_folder(tmp_path / "file")
    assert check_output_folder(Path("sub")) == tmp_path / "sub"


# --- determinism and the cache ------------------------------------------------------------


def test_reruns_and_input_order_give_byte_identical_outputs(tmp_path: Path, nlp) -> None:
    inputs = release_folder(tmp_path / "in")
    (inputs / "page.html").write_text(HTML, encoding="utf-8")
    (inputs / "bad.txt").write_bytes(b"\x00\x01\x02")
    cache = tmp_path / "cache"
    first = extract_corpus([inputs], tmp_path / "one", cache_dir=cache)
    second = extract_corpus([inputs], tmp_path / "two", cache_dir=cache)
    files = sorted(inputs.iterdir(), reverse=True)
    third = extract_corpus(files, tmp_path / "three")  # no cache, files in another order
    assert (first.processed, second.processed, third.processed) == (9, 0, 9)
    assert second.cached == 9
    one = sha256s(tmp_path / "one")
    assert set(one) == OUTPUT_FILES
    assert sha256s(tmp_path / "two") == one
    assert sha256s(tmp_path / "three") == one


def test_the_cache_reprocesses_only_changed_documents(tmp_path: Path, nlp) -> None:
    inputs = release_folder(tmp_path / "in")
    cache = tmp_path / "cache"
    extract_corpus([inputs], tmp_path / "one", cache_dir=cache)
    (inputs / "centre.txt").write_text(CENTRE.replace("Saulīte", "Rūķīši"), encoding="utf-8")
    (inputs / "new.txt").write_text(PROJECT.replace("Kopā varam", "Kurzeme visiem"), "utf-8")
    changed = extract_corpus([inputs], tmp_path / "two", cache_dir=cache)
    assert (changed.processed, changed.cached) == (2, 7)
    fresh = extract_corpus([inputs], tmp_path / "three")
    assert sha256s(tmp_path / "two") == sha256s(tmp_path / "three")
    assert "Rūķīši" in (tmp_path / "two" / "centres.csv").read_text(encoding="utf-8")
    assert fresh.processed == 9


def test_a_cached_rerun_loads_neither_spacy_nor_the_models(tmp_path: Path, nlp) -> None:
    """Importing spaCy and torch takes two seconds, longer than the rest of a cached rerun
    of 1,000 releases; a rerun whose every document is in the cache does without them."""
    inputs = release_folder(tmp_path / "in")
    cache = tmp_path / "cache"
    extract_corpus([inputs], tmp_path / "one", cache_dir=cache)
    rerun = (
        "import sys\n"
        "from pathlib import Path\n"
        "from pipeline.run import extract_corpus\n"
        f"result = extract_corpus([Path({str(inputs)!r})], Path({str(tmp_path / 'two')!r}), "
        f"cache_dir=Path({str(cache)!r}))\n"
        "print(result.cached, result.processed, "
        "sorted(m for m in ('spacy', 'torch', 'stanza') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", rerun], capture_output=True, text=True,
                          check=True, cwd=tmp_path)
    assert done.stdout.split("\n")[0] == "8 0 []"
    assert sha256s(tmp_path / "two") == sha256s(tmp_path / "one")


def test_a_corrupt_or_unwritable_cache_never_fails_a_run(tmp_path: Path, nlp) -> None:
    inputs = release_folder(tmp_path / "in")
    cache = tmp_path / "cache"
    extract_corpus([inputs], tmp_path / "one", cache_dir=cache)
    for entry in cache.rglob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    again = extract_corpus([inputs], tmp_path / "two", cache_dir=cache)
    assert (again.processed, again.cached) == (8, 0)
    assert sha256s(tmp_path / "two") == sha256s(tmp_path / "one")
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    result = extract_corpus([inputs], tmp_path / "three", cache_dir=blocked)
    assert result.cache_warning and not result.errors
    assert sha256s(tmp_path / "three") == sha256s(tmp_path / "one")


# --- safe CSV cells and redaction ---------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("-2+3*A1", "'-2+3*A1"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("+372 2000000", "'+372 2000000"),
        ("-2+3", "'-2+3"),
        ("+371 26 418 305", "'+371 26 418 305"),
        ("-5", "'-5"),
        ("--12-06", "'--12-06"),
        ("'citāts'", "''citāts'"),
        ("Ludzā", "Ludzā"),
        ("", ""),
        (-5, -5),
        (None, None),
    ],
)
def test_safe_cell(value: object, safe: object) -> None:
    assert safe_cell(value) == safe
    if isinstance(value, str):
        assert plain_cell(safe) == value


def test_plain_cell_leaves_an_ordinary_apostrophe() -> None:
    assert plain_cell("'Mazputniņš' ir nosaukums") == "'Mazputniņš' ir nosaukums"


def test_outputs_neutralise_every_formula_start_but_keep_numbers(tmp_path: Path) -> None:
    doc_id = "=cmd|' /C calc'!A0"
    text = "=HYPERLINK(\"x\") tālr. +37129123456 --12-06"
    document = Document(
        doc_id=doc_id,
        text=text,
        mentions=[
            Mention(0, 15, text[0:15], "ORG", "=HYPERLINK(\"x\")", None, "rules", 1.0),
            Mention(22, 34, "+37129123456", "PHONE", "+37129123456", None, "rules", 1.0),
            Mention(35, 42, "--12-06", "DATE", "--12-06", None, "rules", 1.0),
        ],
        visits=[Visit(f"{doc_id}-v1", doc_id, organiser="@SUM(A1)", participants_count=-5,
                      participant_groups=["-sociālie darbinieki", "+ cits"])],
        centres=[Centre("c1", "-Saulīte", doc_ids=[doc_id])],
    )
    assert [text[m.start : m.end] for m in document.mentions] == [
        m.text for m in document.mentions
    ]
    error = DocumentError("=1+1", "read", "ReadError", "=2+2", None)
    out = tmp_path / "out"
    write_outputs([document], [error], out)
    mentions = rows(out / "mentions.csv")
    assert [m["doc_id"] for m in mentions] == ["'" + doc_id] * 3
    assert (mentions[0]["text"], mentions[0]["norm"]) == ("'=HYPERLINK(\"x\")",) * 2
    assert (mentions[1]["text"], mentions[1]["norm"]) == ("'+37129123456", "'+37129123456")
    assert mentions[2]["norm"] == "'--12-06"
    [visit] = rows(out / "visits.csv")
    assert visit["organiser"] == "'@SUM(A1)"
    assert visit["participants_count"] == "-5"
    assert visit["participant_groups"] == "'-sociālie darbinieki; + cits"
    assert rows(out / "centres.csv")[0]["name"] == "'-Saulīte"
    [row] = rows(out / "errors.csv")
    assert (row["doc_id"], row["message"]) == ("'=1+1", "'=2+2")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["inputs"][0]["doc_id"] == doc_id  # JSON is no spreadsheet: as it is


@pytest.mark.parametrize(
    ("address", "private"),
    [("ilze.kalnina@balvi.lv", True), ("janis@gmail.com", True), ("info@ludza.lv", False),
     ("prese@preili.lv", False), ("socialais.dienests@ludza.lv", False),
     ("dome@balvi.lv", False), ("Pasts@Rezeknesnovads.lv", False)],
)
def test_private_email(address: str, private: bool) -> None:
    assert is_private_email(address) is private


@pytest.mark.parametrize(
    ("number", "private"),
    [("29123456", True), ("+371 29123456", True), ("0037120000000", True),
     ("+37065123456", True), ("64522453", False), ("+371 65 623 456", False),
     ("80001234", False)],
)
def test_private_phone(number: str, private: bool) -> None:
    assert is_private_phone(number) is private


def test_redact_text() -> None:
    text = "Ilze (ilze.kalnina@balvi.lv, 29123456) un info@balvi.lv, tālr. 64522453."
    assert redact_text(text) == (
        "Ilze ([redacted e-mail], [redacted phone]) un info@balvi.lv, tālr. 64522453."
    )


def test_redact_in_every_output(tmp_path: Path, nlp) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "kontakti.txt").write_text(
        f"{VISIT} Informācija: Ilze Kalniņa, ilze.kalnina@balvi.lv, tālr. 29123456; "
        "Balvu novada pašvaldība, info@balvi.lv, tālr. 64522453.",
        encoding="utf-8",
    )
    plain = extract_corpus([inputs], tmp_path / "plain", cache_dir=tmp_path / "cache")
    redacted = extract_corpus([inputs], tmp_path / "red", cache_dir=tmp_path / "cache",
                              redact=True)
    assert (plain.processed, redacted.cached) == (1, 1)  # the cache holds unredacted results
    found = {(m["label"], m["text"], m["norm"]) for m in rows(tmp_path / "red" / "mentions.csv")}
    assert ("EMAIL", "[redacted e-mail]", "[redacted e-mail]") in found
    assert ("PHONE", "[redacted phone]", "[redacted phone]") in found
    assert ("EMAIL", "info@balvi.lv", "info@balvi.lv") in found
    assert ("PHONE", "64522453", "64522453") in found
    for path in (tmp_path / "red").iterdir():
        data = path.read_text(encoding="utf-8")
        assert "ilze.kalnina" not in data and "29123456" not in data, path.name
    assert "ilze.kalnina@balvi.lv" in (tmp_path / "plain" / "mentions.csv").read_text("utf-8")
    manifest = json.loads((tmp_path / "red" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["settings"]["redact"] is True


# --- gold files -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entity", "message"),
    [
        (None, "ludza-01.json"),  # malformed JSON
        ({"start": 0, "end": 5, "text": "Ludzā", "label": "TOWN", "norm": "Ludza"},
         "unknown label 'TOWN'"),
        ({"start": 10, "end": 500, "text": "Ludzā", "label": "LOCALITY", "norm": "Ludza"},
         "ludza-01.json"),
        ({"start": 1, "end": 6, "text": "Ludzā", "label": "LOCALITY", "norm": "Ludza"},
         "ludza-01.json"),
    ],
    ids=["malformed-json", "unknown-label", "offsets-outside", "text-not-the-slice"],
)
def test_eval_rejects_a_bad_gold_file_naming_it(
    tmp_path: Path, entity: dict[str, object] | None, message: str
) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "ludza-01.txt").write_text("Ludzā viesojās grupa.", encoding="utf-8")
    path = gold / "ludza-01.json"
    if entity is None:
        path.write_text('{"doc_id": "ludza-01", "entities": [', encoding="utf-8")
    else:
        data = {"doc_id": "ludza-01", "entities": [entity], "visits": [], "centres": [],
                "projects": []}
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    pred = tmp_path / "pred"
    write_outputs([], [], pred)
    result = CliRunner().invoke(app, ["eval", str(gold), "--pred", str(pred)], env=ENV)
    assert result.exit_code == 1, result.output
    assert result.output.startswith("error: ")
    assert message in result.output
    assert "ludza-01" in result.output

"""Gold that `eval` could not check or read: refused with a message naming the file, never a
traceback; `lvextract eval` exits 2 for a usage mistake (no gold, no text) and 1 for bad gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, app
from pipeline.eval import GoldError, GoldSourceError, MissingTextError, load_gold

ENV = {"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}

# „ ” and the Latvian letters all exist in Windows-1257 (the quotes at 0x84 and 0x94).
TEXT = (
    "Madonas novada sociālā dienesta darbinieki 2024. gada 12. aprīlī apmeklēja "
    "dienas centru „Pīlādzis” Cēsīs."
)


def _entity(span: str, label: str, norm: str | None) -> dict[str, object]:
    start = TEXT.index(span)
    return {"start": start, "end": start + len(span), "text": span, "label": label,
            "norm": norm}


def gold_json(doc_id: str = "madona-01") -> dict[str, object]:
    return {
        "doc_id": doc_id,
        "entities": [
            _entity("Madonas novada sociālā dienesta", "ORG", "Madonas novada sociālais dienests"),
            _entity("2024. gada 12. aprīlī", "DATE", "2024-04-12"),
            _entity("dienas centru „Pīlādzis”", "CENTRE", 'dienas centrs "Pīlādzis"'),
            _entity("Cēsīs", "LOCALITY", "Cēsis"),
        ],
        "visits": [],
        "centres": [],
        "projects": [],
    }


def write_gold(folder: Path, doc_id: str = "madona-01", *, text: bool = True,
               encoding: str = "utf-8") -> Path:
    """One gold file (and, with `text`, its text beside it) in `encoding`."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{doc_id}.json"
    path.write_bytes(json.dumps(gold_json(doc_id), ensure_ascii=False).encode(encoding))
    if text:
        (folder / f"{doc_id}.txt").write_bytes(TEXT.encode(encoding))
    return path


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def run_eval(runner: CliRunner, *args: str | Path) -> tuple[int, str]:
    result = runner.invoke(app, ["eval", *map(str, args)], env=ENV)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def empty_predictions(tmp_path: Path) -> Path:
    pred = tmp_path / "pred"
    pred.mkdir()
    return pred


# --- 1. gold without its text: refused unless --unverified --------------------------------


def test_load_gold_with_require_text_names_every_file_without_a_text(tmp_path: Path) -> None:
    write_gold(tmp_path / "gold", "madona-01", text=False)
    write_gold(tmp_path / "gold", "madona-02", text=False)
    write_gold(tmp_path / "gold", "madona-03")
    assert load_gold(tmp_path / "gold")["madona-01"].text is None  # the default is unchanged
    with pytest.raises(MissingTextError) as err:
        load_gold(tmp_path / "gold", tmp_path / "teksti", require_text=True)
    message = str(err.value)
    assert message.startswith("no text for 2 gold file(s)")
    assert "madona-01.json" in message and "madona-02.json" in message
    assert "madona-03" not in message and str(tmp_path / "teksti") in message
    assert isinstance(err.value, GoldSourceError) and isinstance(err.value, GoldError)


def test_eval_refuses_gold_it_cannot_verify(runner: CliRunner, tmp_path: Path) -> None:
    path = write_gold(tmp_path / "gold", text=False)
    code, output = run_eval(runner, path.parent, "--pred", empty_predictions(tmp_path))
    assert code == EXIT_USAGE
    assert str(path) in output and "--texts" in output and "--unverified" in output
    assert "Documents:" not in output  # nothing scored


def test_eval_texts_option_finds_the_texts_and_checks_the_slices(
    runner: CliRunner, tmp_path: Path
) -> None:
    gold = write_gold(tmp_path / "gold", text=False).parent
    texts = tmp_path / "teksti"
    texts.mkdir()
    (texts / "madona-01.txt").write_text(TEXT, encoding="utf-8")
    pred = empty_predictions(tmp_path)
    code, output = run_eval(runner, gold, "--pred", pred, "--texts", texts)
    assert code == EXIT_OK, output
    assert "Documents: 1" in output and "warning" not in output
    # The check is really made: a text that differs from the slice is bad gold (exit 1).
    (texts / "madona-01.txt").write_text(TEXT.replace("Cēsīs", "Cēsis"), encoding="utf-8")
    code, output = run_eval(runner, gold, "--pred", pred, "--texts", texts)
    assert code == EXIT_FAILED
    assert "madona-01.json: entity #4 'Cēsīs'" in output and "'Cēsis'" in output


def test_eval_unverified_scores_and_warns_how_many_were_unchecked(
    runner: CliRunner, tmp_path: Path
) -> None:
    gold = tmp_path / "gold"
    write_gold(gold, "madona-01", text=False)
    write_gold(gold, "madona-02")
    code, output = run_eval(runner, gold, "--pred", empty_predictions(tmp_path), "--unverified")
    assert code == EXIT_OK, output
    assert "warning: 1 of 2 gold documents unchecked" in output
    assert "Documents: 2" in output


def test_eval_texts_folder_that_does_not_exist_is_a_usage_error(
    runner: CliRunner, tmp_path: Path
) -> None:
    gold = write_gold(tmp_path / "gold").parent
    code, output = run_eval(runner, gold, "--pred", empty_predictions(tmp_path),
                            "--texts", tmp_path / "nav")
    assert code == EXIT_USAGE
    assert str(tmp_path / "nav") in output


# --- 2. Windows-1257 gold and texts -------------------------------------------------------


def test_gold_and_text_in_windows_1257_are_read_as_run_reads_them(tmp_path: Path) -> None:
    write_gold(tmp_path, encoding="cp1257")
    assert b"\x84" in (tmp_path / "madona-01.txt").read_bytes()  # really not UTF-8
    doc = load_gold(tmp_path, require_text=True)["madona-01"]
    assert doc.text == TEXT
    assert [m.text for m in doc.mentions][2:] == ["dienas centru „Pīlādzis”", "Cēsīs"]
    assert doc.mentions[0].norm == "Madonas novada sociālais dienests"


def test_eval_of_windows_1257_gold_scores_without_a_traceback(
    runner: CliRunner, tmp_path: Path
) -> None:
    gold = write_gold(tmp_path / "gold", encoding="cp1257").parent
    code, output = run_eval(runner, gold, "--pred", empty_predictions(tmp_path))
    assert code == EXIT_OK, output
    assert "Documents: 1" in output


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00", "madona-01.json: cannot read the gold file: "
         "binary file"),
        ('{"doc_id": "madona-01", "piezīme": "Cēsīs, Līgatne'.encode() + b'\xff", "entities": []}',
         "madona-01.json: cannot read the gold file: damaged UTF-8"),
    ],
    ids=["binary", "damaged-utf8"],
)
def test_gold_json_that_is_not_text_is_a_gold_error(
    tmp_path: Path, data: bytes, message: str
) -> None:
    (tmp_path / "madona-01.json").write_bytes(data)
    with pytest.raises(GoldError) as err:
        load_gold(tmp_path)
    assert str(err.value).startswith(message)


def test_gold_text_that_is_not_text_is_a_gold_error(tmp_path: Path) -> None:
    write_gold(tmp_path)
    (tmp_path / "madona-01.txt").write_bytes(b"\x00\x01\x02\x03" * 40)
    with pytest.raises(GoldError, match=r"^madona-01\.txt: cannot read the gold text: binary"):
        load_gold(tmp_path)


# --- 3. a folder named *.json -------------------------------------------------------------


def test_a_folder_named_json_is_skipped_and_expanded_when_named(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    write_gold(gold, "madona-01")
    write_gold(gold / "vecie.json", "madona-02")
    assert list(load_gold(gold)) == ["madona-01"]
    assert list(load_gold(gold / "vecie.json")) == ["madona-02"]
    assert list(load_gold([gold, gold / "vecie.json"])) == ["madona-01", "madona-02"]


def test_eval_skips_a_folder_named_json(runner: CliRunner, tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    write_gold(gold, "madona-01")
    (gold / "x.json").mkdir()
    code, output = run_eval(runner, gold, "--pred", empty_predictions(tmp_path))
    assert code == EXIT_OK, output
    assert "Documents: 1" in output


# --- 4. JSON nested too deeply, numbers too long --------------------------------------------


@pytest.mark.parametrize(
    ("json_text", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "madona-01.json: malformed JSON: nested too deeply"),
        ('{"doc_id": "madona-01", "entities": [{"start": ' + "7" * 5000 + "}]}",
         "madona-01.json: malformed JSON: Exceeds the limit"),
    ],
    ids=["nested", "long-integer"],
)
def test_json_python_cannot_parse_is_a_gold_error(
    tmp_path: Path, json_text: str, message: str
) -> None:
    (tmp_path / "madona-01.json").write_text(json_text, encoding="utf-8")
    with pytest.raises(GoldError) as err:
        load_gold(tmp_path)
    assert str(err.value).startswith(message)


def test_eval_of_deeply_nested_gold_exits_1_naming_the_file(
    runner: CliRunner, tmp_path: Path
) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "madona-01.json").write_text("{" + '"a":{' * 100_000, encoding="utf-8")
    code, output = run_eval(runner, gold, "--pred", empty_predictions(tmp_path))
    assert code == EXIT_FAILED
    assert "madona-01.json: malformed JSON" in output


# --- 5. no gold where the user pointed ------------------------------------------------------


def test_no_gold_files_names_the_folders_searched(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "madona-01.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(GoldSourceError) as err:
        load_gold([tmp_path / "a", tmp_path / "b"])
    assert str(err.value) == f"no gold .json files found in {tmp_path / 'a'}, {tmp_path / 'b'}"


def test_eval_without_gold_files_is_a_usage_error_naming_the_folder(
    runner: CliRunner, tmp_path: Path
) -> None:
    empty = tmp_path / "tukšs"
    empty.mkdir()
    code, output = run_eval(runner, empty, "--pred", empty_predictions(tmp_path))
    assert code == EXIT_USAGE
    assert f"no gold .json files found in {empty}" in output
    code, output = run_eval(runner, tmp_path / "nav", "--pred", tmp_path / "pred")
    assert code == EXIT_USAGE
    assert f"{tmp_path / 'nav'}: no such gold file or directory" in output


def test_eval_keeps_exit_1_for_missing_predictions(runner: CliRunner, tmp_path: Path) -> None:
    gold = write_gold(tmp_path / "gold").parent
    code, output = run_eval(runner, gold, "--pred", tmp_path / "nav")
    assert code == EXIT_FAILED
    assert "no such predictions directory" in output


# --- the pipeline run on texts from --texts ---------------------------------------------------


def test_eval_without_pred_runs_on_the_texts_folder(
    runner: CliRunner, nlp, tmp_path: Path
) -> None:
    gold = write_gold(tmp_path / "gold", text=False).parent
    texts = tmp_path / "teksti"
    texts.mkdir()
    (texts / "madona-01.txt").write_bytes(TEXT.encode("cp1257"))
    out = tmp_path / "rezultati"
    code, output = run_eval(runner, gold, "--texts", texts, "--out", out)
    assert code == EXIT_OK, output
    mentions = (out / "predictions" / "mentions.csv").read_text(encoding="utf-8")
    assert "madona-01" in mentions and "Cēsīs" in mentions

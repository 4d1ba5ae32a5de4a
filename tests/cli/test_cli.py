"""The ``lvextract`` command: run, eval, help and ``python -m pipeline``."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import __version__
from pipeline.cli import EXIT_SOME_FAILED, app
from pipeline.formats import TABLES

ROOT = Path(__file__).resolve().parents[2]
OUTPUTS = (*(f"{table}.csv" for table in TABLES), "manifest.json")
ENV = {"COLUMNS": "200", "NO_COLOR": "1", "TERM": "dumb"}

RELEASES = {
    "balvi-01": (
        "2022. gada 6. un 7. oktobrī 18 sociālie darbinieki no Balvu novada devās pieredzes "
        "apmaiņas braucienā uz Ludzas novadu, kur apmeklēja dienas centru “Rūķīši”."
    ),
    "kraslava-02": (
        "2023. gada 1. septembrī Krāslavā durvis vēra dienas aprūpes centrs “Saulīte” "
        "pieaugušajiem ar garīga rakstura traucējumiem."
    ),
    "rezekne-03": (
        "Rēzeknes novada pašvaldība noslēdza projektu “Kopā varam” (Nr. 9.2.2.1/15/I/005). "
        "Projekta kopējās izmaksas 705 573,37 EUR, t.sk. ERAF finansējums 599 737,33 EUR."
    ),
}


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def corpus(folder: Path, bad: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, text in RELEASES.items():
        (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    if bad:
        (folder / "bojats.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00")
    return folder


def test_run_with_a_bad_file_exits_3_and_lists_it(
    runner: CliRunner, nlp, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(corpus(tmp_path / "in")), "--out", str(out)], env=ENV)
    assert result.exit_code == EXIT_SOME_FAILED == 3, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted(OUTPUTS)
    [error] = rows(out / "errors.csv")
    assert (error["doc_id"], error["stage"], error["error"]) == ("bojats", "read", "ReadError")
    assert error["path"].endswith("bojats.txt")
    assert "3 documents" in result.output
    assert "1 failed" in result.output
    assert "FAILED bojats at read" in result.output
    mentions = rows(out / "mentions.csv")
    assert {r["doc_id"] for r in mentions} == set(RELEASES)
    assert [r["doc_id"] for r in rows(out / "visits.csv")] == ["balvi-01"]
    assert [r["project_key"] for r in rows(out / "projects.csv")] == ["9.2.2.1/15/I/005"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [i["doc_id"] for i in manifest["inputs"]] == sorted(RELEASES)
    assert manifest["failed"] == [{"doc_id": "bojats", "stage": "read", "error": "ReadError"}]


def test_run_with_good_files_only_exits_0(runner: CliRunner, nlp, tmp_path: Path) -> None:
    out = tmp_path / "out"
    inputs = corpus(tmp_path / "in", bad=False)
    result = runner.invoke(app, ["run", str(inputs), "-o", str(out), "--quiet"], env=ENV)
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert rows(out / "errors.csv") == []


def test_run_accepts_single_files(runner: CliRunner, nlp, tmp_path: Path) -> None:
    inputs = corpus(tmp_path / "in", bad=False)
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["run", str(inputs / "balvi-01.txt"), str(inputs / "rezekne-03.txt"), "-o", str(out)],
        env=ENV,
    )
    assert result.exit_code == 0, result.output
    assert {r["doc_id"] for r in rows(out / "mentions.csv")} == {"balvi-01", "rezekne-03"}


def test_run_without_out_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(tmp_path)], env=ENV)
    assert result.exit_code == 2


def words(text: str) -> set[str]:
    return set(re.findall(r"[\w.-]+", text))


def test_help_mentions_the_outputs(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"], env=ENV)
    assert result.exit_code == 0
    assert {"visits.csv", "centres.csv", "projects.csv", "mentions.csv"} <= words(result.output)
    assert {"run", "eval", "build-gazetteers", "version"} <= words(result.output)


def test_run_help_mentions_every_output_and_the_exit_status(runner: CliRunner) -> None:
    result = runner.invoke(app, ["run", "--help"], env=ENV)
    assert result.exit_code == 0
    assert set(OUTPUTS) <= words(result.output)
    assert "--out" in result.output
    assert "3" in words(result.output)


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(app, ["version"], env=ENV)
    assert result.exit_code == 0
    assert result.output.startswith(f"lvextract {__version__} ")


# --- eval --------------------------------------------------------------------------------

GOLD_TEXTS = {
    "ludza-01": "Biedrība “Cerību spārni” 2023. gada 14. martā viesojās Ludzā.",
    "preili-02": "Projektu līdzfinansē ERAF.",
}


def entity(text: str, span: str, label: str, norm: str) -> dict[str, object]:
    start = text.index(span)
    return {"start": start, "end": start + len(span), "text": span, "label": label, "norm": norm}


def gold_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    ludza, preili = GOLD_TEXTS["ludza-01"], GOLD_TEXTS["preili-02"]
    gold = {
        "ludza-01": {
            "doc_id": "ludza-01",
            "entities": [
                entity(ludza, "Biedrība “Cerību spārni”", "ORG", 'biedrība "Cerību spārni"'),
                entity(ludza, "2023. gada 14. martā", "DATE", "2023-03-14"),
                entity(ludza, "Ludzā", "LOCALITY", "Ludza"),
            ],
            "visits": [
                {
                    "visit_id": "ludza-01-v1", "doc_id": "ludza-01",
                    "date_start": "2023-03-14", "date_end": "2023-03-14",
                    "organiser": None, "project": None, "participants_count": None,
                    "participant_groups": None, "origin_region": None,
                    "origin_municipalities": None, "origin_countries": None,
                    "destination_region": None, "destination_municipalities": None,
                    "destination_localities": ["Ludza"], "destination_countries": ["LV"],
                    "sites_visited": None,
                }
            ],
            "centres": [],
            "projects": [],
        },
        "preili-02": {
            "doc_id": "preili-02",
            "entities": [
                entity(preili, "ERAF", "PROGRAMME", "Eiropas Reģionālās attīstības fonds"),
            ],
            "visits": [],
            "centres": [],
            "projects": [],
        },
    }
    for doc_id, data in gold.items():
        (folder / f"{doc_id}.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
        (folder / f"{doc_id}.txt").write_text(GOLD_TEXTS[doc_id], encoding="utf-8")
    return folder


def micro_figures(output: str) -> list[float]:
    [line] = [line for line in output.splitlines() if line.split()[:1] == ["micro"]]
    return [float(x) for x in line.split()[1:]]


def test_eval_runs_the_pipeline_and_prints_micro_figures(
    runner: CliRunner, nlp, tmp_path: Path
) -> None:
    gold = gold_folder(tmp_path / "gold")
    result = runner.invoke(app, ["eval", str(gold), "--out", str(tmp_path / "scores")], env=ENV)
    assert result.exit_code == 0, result.output
    assert "Documents: 2" in result.output
    figures = micro_figures(result.output)
    assert len(figures) == 18  # tp fp fn P R F1 for strict, partial and (label, norm)
    tp, _fp, fn = figures[:3]
    assert tp + fn == 4  # four gold mentions
    assert all(0.0 <= f <= 1.0 for f in figures[3:6])
    assert (tmp_path / "scores" / "scores.json").exists()
    assert (tmp_path / "scores" / "errors.txt").exists()
    json.loads((tmp_path / "scores" / "scores.json").read_text(encoding="utf-8"))


def test_eval_of_perfect_predictions_scores_one(runner: CliRunner, tmp_path: Path) -> None:
    gold = gold_folder(tmp_path / "gold")
    pred = tmp_path / "pred"
    pred.mkdir()
    contract = json.loads((ROOT / "pipeline" / "data" / "contract.json").read_text("utf-8"))
    tables = contract["tables"]
    mention_rows = []
    visit_rows = []
    for path in sorted(gold.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for e in data["entities"]:
            mention_rows.append({**e, "doc_id": data["doc_id"], "id": "", "source": "gold",
                                 "score": "1.0"})
        for v in data["visits"]:
            visit_rows.append(
                {k: "; ".join(x) if isinstance(x, list) else ("" if x is None else x)
                 for k, x in v.items()}
            )
    for table, table_rows in (("mentions", mention_rows), ("visits", visit_rows),
                              ("centres", []), ("projects", [])):
        with (pred / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=tables[table])
            writer.writeheader()
            writer.writerows(table_rows)
    result = runner.invoke(app, ["eval", str(gold), "--pred", str(pred)], env=ENV)
    assert result.exit_code == 0, result.output
    figures = micro_figures(result.output)
    assert figures[:6] == [4, 0, 0, 1.0, 1.0, 1.0]
    assert figures[6:12] == [4, 0, 0, 1.0, 1.0, 1.0]
    assert figures[12:] == [4, 0, 0, 1.0, 1.0, 1.0]


def test_eval_rejects_gold_whose_text_is_not_the_slice(runner: CliRunner, tmp_path: Path) -> None:
    gold = gold_folder(tmp_path / "gold")
    path = gold / "ludza-01.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["entities"][2]["text"] = "Ludza"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), "--pred", str(tmp_path)], env=ENV)
    assert result.exit_code == 1
    assert "ludza-01" in result.output
    assert "Ludza" in result.output


# --- python -m pipeline ------------------------------------------------------------------


def test_python_m_pipeline_help() -> None:
    env = {**os.environ, **ENV}
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "--help"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, env=env, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "lvextract" in done.stdout
    assert {"visits.csv", "mentions.csv"} <= words(done.stdout)


def test_python_m_pipeline_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "version"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"lvextract {__version__}")


def test_run_with_an_unknown_backbone_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(ROOT / "corpus" / "lv-001.txt"), "--out",
                                 str(tmp_path / "out"), "--backbone", "udpipe"])
    assert result.exit_code == 2
    assert "unknown backbone 'udpipe'" in result.output


def test_run_with_the_rule_backbone_in_a_fresh_process(tmp_path: Path) -> None:
    """--backbone rules reaches the pipeline of a fresh process and is recorded in the
    manifest; the mentions are the same as with the shipped models on a clean release."""
    outputs = {}
    for backbone in ("rules", "shipped"):
        out = tmp_path / backbone
        subprocess.run(
            [sys.executable, "-m", "pipeline", "run", str(ROOT / "corpus" / "lv-001.txt"),
             "--out", str(out), "--no-cache", "--quiet", "--backbone", backbone],
            check=True, cwd=ROOT, env={k: v for k, v in os.environ.items()
                                       if not k.startswith("LVEXTRACT_")},
        )
        outputs[backbone] = (out / "mentions.csv").read_text(encoding="utf-8")
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        outputs[backbone + "-fingerprint"] = manifest["settings"]["pipeline_fingerprint"]
        assert manifest["settings"]["backbone"] == backbone
    assert outputs["rules"] == outputs["shipped"]
    assert outputs["rules-fingerprint"] != outputs["shipped-fingerprint"]

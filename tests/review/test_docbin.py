"""spaCy DocBin round trip: gold -> .spacy -> gold, exactly; entities usable in spaCy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.tokens import DocBin
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.document import Mention
from pipeline.eval import evaluate
from pipeline.eval.entities import Annotations
from pipeline.review.annotations import ReviewError, gold_object, read_gold
from pipeline.review.annotations import write_gold as write_gold_files
from pipeline.review.docbin import OVERLAPS, read_docbin, to_doc, tokenizer_nlp, write_docbin


def _gold_files(folder: Path) -> dict[str, dict]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")}


def test_docbin_round_trip_reproduces_gold_and_scores_1(
    gold_dir: Path, tmp_path: Path, predictions_from_gold
) -> None:
    path = write_docbin(read_gold([gold_dir]), tmp_path / "gold.spacy")
    out = tmp_path / "gold"
    write_gold_files(read_docbin(path), out)
    assert _gold_files(out) == _gold_files(gold_dir)
    figures = evaluate(out, predictions_from_gold(gold_dir, tmp_path / "pred"), gold_dir).to_dict()
    for scheme in ("strict", "partial", "norm"):
        assert figures["mentions"][scheme]["micro"]["f1"] == 1.0
    for table in ("visits", "centres", "projects"):
        assert figures["tables"][table]["records"]["f1"] == 1.0


def test_entities_are_plain_spacy_ents_with_norm_and_kb_id(gold_dir: Path, tmp_path: Path) -> None:
    path = write_docbin(read_gold([gold_dir / "rauna-01.json"]), tmp_path / "x.spacy")
    [doc] = DocBin().from_disk(path).get_docs(tokenizer_nlp().vocab)
    assert doc.text == (gold_dir / "rauna-01.txt").read_text(encoding="utf-8")
    ents = {e.text: e for e in doc.ents}
    assert ents["Valmieru"].label_ == "MUNICIPALITY" and ents["Valmieru"].kb_id_ == "0250000"
    assert ents["9.2.4.2/16/I/077"].label_ == "PROJECT_CODE"
    [restored] = read_docbin(path)
    assert {m.text: m.norm for m in restored.mentions}["Ilzi Kalniņu"] == "Ilze Kalniņa"


def test_spans_inside_tokens_and_overlaps_survive() -> None:
    text = "Projekts LLI-425.gadā un Rīgas novada pašvaldība."
    org = text.index("Rīgas")
    ents = [
        Mention(9, 16, "LLI-425", "PROJECT_CODE", "LLI-425"),
        Mention(org, org + 23, "Rīgas novada pašvaldība", "ORG", "Rīgas novada pašvaldība"),
        Mention(org, org + 12, "Rīgas novada", "MUNICIPALITY", "Rīgas novads"),
    ]
    item = Annotations("nested", text, ents)
    doc = to_doc(item)
    assert [e.text for e in doc.ents] == ["LLI-425", "Rīgas novada pašvaldība"]
    assert [s.text for s in doc.spans[OVERLAPS]] == ["Rīgas novada"]
    bin_ = DocBin(store_user_data=True)
    bin_.add(doc)
    [back] = DocBin(store_user_data=True).from_bytes(bin_.to_bytes()).get_docs(doc.vocab)
    from pipeline.review.docbin import from_doc

    restored = gold_object(from_doc(back))["entities"]
    assert restored == gold_object(Annotations("nested", text, sorted(ents, key=lambda m: (
        m.start, m.end))))["entities"]


def test_span_edge_inside_white_space_is_refused() -> None:
    item = Annotations("ws", "Cēsis un Valka", [Mention(0, 6, "Cēsis ", "LOCALITY", "Cēsis")])
    with pytest.raises(ReviewError, match="white space"):
        to_doc(item)


def test_cli_docbin_pair(gold_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    spacy_file = tmp_path / "gold.spacy"
    done = runner.invoke(app, ["review", "export-docbin", "--from-gold", str(gold_dir), "--out",
                               str(spacy_file)])
    assert done.exit_code == 0, done.output
    out = tmp_path / "gold"
    done = runner.invoke(app, ["review", "import-docbin", str(spacy_file), "--texts",
                               str(gold_dir), "--out", str(out)])
    assert done.exit_code == 0, done.output
    assert _gold_files(out) == _gold_files(gold_dir)

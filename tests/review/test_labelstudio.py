"""Label Studio round trip: gold -> tasks -> annotator's export -> gold, exactly."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.document import Document, Mention, Visit, columns
from pipeline.eval import evaluate
from pipeline.eval.contract import load_contract
from pipeline.eval.entities import Annotations
from pipeline.review.annotations import (
    ReviewError,
    entity,
    from_document,
    gold_object,
    read_gold,
)
from pipeline.review.annotations import write_gold as write_gold_files
from pipeline.review.labelstudio import from_export, labelling_config, to_tasks

CONFIG_FILE = Path(__file__).parents[2] / "pipeline" / "review" / "labelstudio_config.xml"


def _gold_files(folder: Path) -> dict[str, dict]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")}


def test_shipped_config_is_the_generated_one_with_the_contracts_labels() -> None:
    assert CONFIG_FILE.read_text(encoding="utf-8") == labelling_config()
    root = ET.fromstring(labelling_config())
    labels = [el.get("value") for el in root.iter("Label")]
    assert labels == list(load_contract().labels) and len(labels) == 14
    names = {el.get("name"): el.tag for el in root.iter() if el.get("name")}
    assert names == {"label": "Labels", "text": "Text", "norm": "TextArea",
                     "entity_id": "TextArea"}


def test_tasks_carry_text_labels_norms_ids_and_tables(gold_dir: Path) -> None:
    items = {i.doc_id: i for i in read_gold([gold_dir])}
    task = to_tasks([items["rauna-01"]])[0]
    assert task["data"]["text"] == items["rauna-01"].text
    assert task["data"]["tables"]["centres"][0]["name"] == "Zīļuks"
    result = task["predictions"][0]["result"]
    labels = [r for r in result if r["type"] == "labels"]
    assert len(labels) == len(items["rauna-01"].mentions)
    assert all("score" not in r for r in labels)  # gold mentions carry no model score
    valmieru = next(r for r in labels if r["value"]["text"] == "Valmieru")
    assert valmieru["value"]["labels"] == ["MUNICIPALITY"]
    assert valmieru["from_name"] == "label" and valmieru["to_name"] == "text"
    same_region = {r["from_name"]: r["value"]["text"] for r in result
                   if r["id"] == valmieru["id"] and r["type"] == "textarea"}
    assert same_region == {"norm": ["Valmiera"], "entity_id": ["0250000"]}


def test_export_import_reproduces_gold_exactly_and_scores_1(
    gold_dir: Path, tmp_path: Path, make_export, predictions_from_gold
) -> None:
    export = make_export(to_tasks(read_gold([gold_dir])))
    (tmp_path / "export.json").write_text(json.dumps(export, ensure_ascii=False), "utf-8")
    items, skipped = from_export(json.loads((tmp_path / "export.json").read_text("utf-8")),
                                 texts_dir=gold_dir)
    assert skipped == []
    out = tmp_path / "gold"
    write_gold_files(items, out)
    assert _gold_files(out) == _gold_files(gold_dir)

    result = evaluate(out, predictions_from_gold(gold_dir, tmp_path / "pred"), gold_dir)
    figures = result.to_dict()
    for scheme in ("strict", "partial", "norm"):
        assert figures["mentions"][scheme]["micro"]["f1"] == 1.0
    for table in ("visits", "centres", "projects"):
        assert figures["tables"][table]["records"]["f1"] == 1.0
        assert all(f["accuracy"] == 1.0 for f in figures["tables"][table]["fields"].values())


def test_annotators_corrections_come_through(gold_dir: Path, make_export) -> None:
    export = make_export(to_tasks(read_gold([gold_dir / "dagda-02.json"])))
    result = export[0]["annotations"][-1]["result"]
    money = next(r for r in result if r["type"] == "labels" and r["value"]["labels"] == ["MONEY"])
    for r in result:  # the annotator fixes the norm of the amount
        if r["id"] == money["id"] and r["from_name"] == "norm":
            r["value"]["text"] = ["312450 EUR"]
    text = export[0]["data"]["text"]
    start = text.index("astoņi cilvēki")  # and adds a region of their own, no norm
    result.append({"id": "Xy12", "from_name": "label", "to_name": "text", "type": "labels",
                   "origin": "manual", "value": {"start": start, "end": start + 6,
                                                 "text": "astoņi", "labels": ["MONEY"]}})
    [item], _ = from_export(export)
    by_text = {m.text: entity(m) for m in item.mentions}
    assert by_text["312 450 eiro"]["norm"] == "312450 EUR"
    assert by_text["astoņi"] == {"start": start, "end": start + 6, "text": "astoņi",
                                 "label": "MONEY", "norm": None}
    assert [m.start for m in item.mentions] == sorted(m.start for m in item.mentions)


def test_offsets_are_utf16_in_label_studio_and_code_points_in_gold() -> None:
    text = "Sveiki 🙂 no Rēzeknes novada!"
    start = text.index("Rēzeknes")
    ents = [Mention(start, start + 15, "Rēzeknes novada", "MUNICIPALITY", "Rēzeknes novads")]
    item = Annotations("emoji", text, ents)
    task = to_tasks([item])[0]
    value = task["predictions"][0]["result"][0]["value"]
    assert (value["start"], value["end"]) == (start + 1, start + 16)  # 🙂 is 2 UTF-16 units
    [back], _ = from_export([{**task, "annotations": [{"result": task["predictions"][0]
                                                       ["result"]}]}])
    assert gold_object(back) == gold_object(item)


def test_wrong_slice_is_refused_with_the_task_and_region(gold_dir: Path, make_export) -> None:
    export = make_export(to_tasks(read_gold([gold_dir / "rauna-01.json"])))
    region = export[0]["annotations"][-1]["result"][0]
    region["value"]["start"] += 1
    with pytest.raises(ReviewError, match=r"task #1: rauna-01: result #1: .*differs"):
        from_export(export)


def test_task_without_annotation_is_skipped_and_changed_text_refused(
    gold_dir: Path, make_export
) -> None:
    export = make_export(to_tasks(read_gold([gold_dir])))
    export[0]["annotations"] = [a for a in export[0]["annotations"] if a["was_cancelled"]]
    items, skipped = from_export(export)
    assert skipped == ["dagda-02"] and [i.doc_id for i in items] == ["rauna-01"]
    export[1]["data"]["text"] = export[1]["data"]["text"].replace("\n", "\r\n")
    with pytest.raises(ReviewError, match=r"differs from .*rauna-01\.txt"):
        from_export(export, texts_dir=gold_dir)


def test_cli_round_trip(gold_dir: Path, tmp_path: Path, make_export) -> None:
    runner = CliRunner()
    tasks_file = tmp_path / "tasks.json"
    done = runner.invoke(app, ["review", "export-labelstudio", "--from-gold", str(gold_dir),
                               "--out", str(tasks_file)])
    assert done.exit_code == 0, done.output
    tasks = json.loads(tasks_file.read_text(encoding="utf-8"))
    assert [t["data"]["doc_id"] for t in tasks] == ["dagda-02", "rauna-01"]
    export_file = tmp_path / "export.json"
    export_file.write_text(json.dumps(make_export(tasks), ensure_ascii=False), "utf-8")
    out = tmp_path / "gold"
    done = runner.invoke(app, ["review", "import-labelstudio", str(export_file), "--texts",
                               str(gold_dir), "--out", str(out), "--write-texts"])
    assert done.exit_code == 0, done.output
    assert "2 gold files (19 entities)" in done.output
    assert _gold_files(out) == _gold_files(gold_dir)
    assert (out / "rauna-01.txt").read_bytes() == (gold_dir / "rauna-01.txt").read_bytes()
    config = runner.invoke(app, ["review", "labelstudio-config"])
    assert config.exit_code == 0 and config.output == labelling_config()


def test_pipeline_output_becomes_a_task_with_scores_and_gold_shaped_tables() -> None:
    text = "Ogres novada senioru klubs 2024. gada 3. maijā viesojās Tukumā."
    ogre, tukums = text.index("Ogres novada"), text.index("Tukumā")
    document = Document("ogre-01", text, mentions=[
        Mention(tukums, tukums + 6, "Tukumā", "LOCALITY", "Tukums", "0901201", "gazetteer",
                0.9),
        Mention(ogre, ogre + 12, "Ogres novada", "MUNICIPALITY", "Ogres novads", "0740001",
                "gazetteer.municipality", 0.7),
    ])
    document.visits.append(Visit("ogre-01-v1", "ogre-01", date_start="2024-05-03",
                                 origin_municipalities=["Ogres novads"]))
    item = from_document(document)
    assert [m.text for m in item.mentions] == ["Ogres novada", "Tukumā"]  # in text order
    task = to_tasks([item])[0]
    prediction = task["predictions"][0]
    scores = [r["score"] for r in prediction["result"] if r["type"] == "labels"]
    assert scores == [0.7, 0.9] and prediction["score"] == 0.8
    [visit] = task["data"]["tables"]["visits"]
    assert visit["origin_municipalities"] == ["Ogres novads"]
    assert visit["destination_municipalities"] is None and visit["organiser"] is None
    assert list(visit) == columns(Visit)

"""Loading gold and predictions: typed shapes, and gold errors that name file and item."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.eval import (
    GoldError,
    GoldSourceError,
    PredictionError,
    load_gold,
    load_predictions,
)


def test_gold_loads_typed_documents(gold_dir):
    docs = load_gold(gold_dir)
    assert list(docs) == ["ogre-01", "tukums-02"]
    ogre = docs["ogre-01"]
    assert ogre.text is not None and ogre.text.startswith("Ogres novada")
    assert len(ogre.mentions) == 7 and len(docs["tukums-02"].mentions) == 9
    valmiera = next(m for m in ogre.mentions if m.text == "Valmieru")
    assert (valmiera.label, valmiera.norm, valmiera.id) == ("MUNICIPALITY", "Valmiera", "0250000")
    visit = ogre.rows("visits")[0]
    assert visit.get("participants_count") == 18
    assert visit.get("destination_municipalities") == ["Valmiera"]
    assert visit.get("organiser") == "Ogres novada sociālais dienests"
    assert visit.get("project") is None
    assert docs["tukums-02"].rows("projects")[0].name == "9.2.2.3/16/I/001"


def test_gold_accepts_files_and_a_separate_texts_dir(gold_dir, tmp_path):
    shutil.copy(gold_dir / "ogre-01.json", tmp_path)
    docs = load_gold([tmp_path / "ogre-01.json"], texts_dir=gold_dir)
    assert docs["ogre-01"].text == (gold_dir / "ogre-01.txt").read_text(encoding="utf-8")
    assert load_gold(tmp_path)["ogre-01"].text is None  # no text: spans checked without it


def _broken(gold_dir: Path, tmp_path: Path, edit) -> Path:
    """A copy of ogre-01 (text beside it) with `edit` applied to its parsed JSON."""
    shutil.copy(gold_dir / "ogre-01.txt", tmp_path)
    raw = json.loads((gold_dir / "ogre-01.json").read_text(encoding="utf-8"))
    edit(raw)
    (tmp_path / "ogre-01.json").write_text(json.dumps(raw, ensure_ascii=False), "utf-8")
    return tmp_path


def _set(index: int, **changes):
    def edit(raw):
        raw["entities"][index].update(changes)
    return edit


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (_set(2, text="Valmierā"),
         "ogre-01.json: entity #3 'Valmierā' (100-108): text differs from the document "
         "slice 'Valmieru'"),
        (_set(2, label="CITY"),
         "ogre-01.json: entity #3 'Valmieru' (100-108): unknown label 'CITY'"),
        (_set(6, end=999), "ogre-01.json: entity #7 'Ķeipenes pagasta' (234-999): offsets out of "
         "range for a text of"),
        (_set(0, start=29), "ogre-01.json: entity #1 'Ogres novada sociālā dienesta' (29-29): "
         "offsets out of range"),
        (lambda raw: raw["entities"][1].pop("norm"),
         "ogre-01.json: entity #2: missing key(s) 'norm'"),
        (lambda raw: raw["entities"].append(dict(raw["entities"][0])),
         "ogre-01.json: entity #8 'Ogres novada sociālā dienesta' (0-29): duplicate entity"),
        (lambda raw: raw.pop("entities"), "ogre-01.json: missing key(s) 'entities'"),
        (lambda raw: raw.update(doc_id="ogre-1"), "ogre-01.json: doc_id 'ogre-1' does not match"),
        (lambda raw: raw["visits"][0].update(date_strat="2023-03-14"),
         "ogre-01.json: visits #1: unknown column(s) 'date_strat'"),
        (lambda raw: raw["centres"][0].update(centre_type="dienas centrs"),
         "ogre-01.json: centres #1: unknown centre_type 'dienas centrs'"),
        (lambda raw: raw["visits"][0].update(sites_visited=3),
         "ogre-01.json: visits #1: sites_visited must be a list of strings or null"),
    ],
)
def test_gold_errors_name_file_and_item(gold_dir, tmp_path, edit, message):
    with pytest.raises(GoldError) as err:
        load_gold(_broken(gold_dir, tmp_path, edit))
    assert str(err.value).startswith(message)
    assert isinstance(err.value, ValueError)


def test_malformed_json_names_file_and_position(tmp_path):
    (tmp_path / "slikts.json").write_text('{"doc_id": "slikts", "entities": [}', "utf-8")
    with pytest.raises(GoldError, match=r"^slikts\.json: malformed JSON at line 1, column 35"):
        load_gold(tmp_path)


def test_missing_or_empty_gold_source_is_an_error(tmp_path):
    with pytest.raises(GoldSourceError) as err:
        load_gold(tmp_path)
    assert str(err.value) == f"no gold .json files found in {tmp_path}"  # names the folder
    with pytest.raises(GoldSourceError, match="no such gold file"):
        load_gold(tmp_path / "nav")


def test_predictions_read_lists_doc_ids_and_missing_files(tmp_path):
    (tmp_path / "mentions.csv").write_text(
        "doc_id,start,end,text,label,norm,id,source,score\n"
        "a,0,5,Rīgā,MUNICIPALITY,Rīga,0010000,gazetteer,0.9\n"
        "a,6,9,xyz,ORG,,,rules,0.5\n", "utf-8")
    (tmp_path / "centres.csv").write_text(
        "centre_id,name,centre_type,operator,municipality,locality,target_groups,opened,"
        "visitors_per_day,doc_ids\n"
        "c1,Liepas,group_flats,,Tukuma novads,,youth; children,,,a; b\n", "utf-8")
    docs = load_predictions(tmp_path)
    rīga, org = docs["a"].mentions
    assert (rīga.norm, rīga.id, rīga.source) == ("Rīga", "0010000", "gazetteer")
    assert org.norm is None and org.id is None
    assert [d.rows("centres")[0].get("target_groups") for d in (docs["a"], docs["b"])] == [
        ["youth", "children"], ["youth", "children"]]
    assert docs["a"].rows("centres")[0].get("operator") is None
    assert docs["a"].rows("visits") == [] and docs["a"].rows("projects") == []


def test_prediction_errors_name_file_and_line(tmp_path):
    (tmp_path / "mentions.csv").write_text(
        "doc_id,start,end,label\na,0,5,ORG\na,x,9,ORG\n", "utf-8")
    with pytest.raises(PredictionError, match=r"^mentions\.csv line 3: start and end"):
        load_predictions(tmp_path)
    (tmp_path / "mentions.csv").write_text("doc_id,start,label\n", "utf-8")
    with pytest.raises(PredictionError, match="missing column"):
        load_predictions(tmp_path)

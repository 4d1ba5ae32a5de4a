"""Text table, JSON dump and error listing."""

from __future__ import annotations

import json

from pipeline.eval import evaluate, format_errors, format_report, load_gold


def test_report_table_has_every_block(perturbed):
    text = format_report(perturbed)
    assert text.startswith("Documents: 2\n")
    micro = next(line for line in text.splitlines() if line.startswith("micro"))
    # strict 13/3/3, partial 14/2/2, norm 12/2/3
    assert micro.split() == ["micro", "13", "3", "3", "0.812", "0.812", "0.812",
                             "14", "2", "2", "0.875", "0.875", "0.875",
                             "12", "2", "3", "0.857", "0.800", "0.828"]
    assert "MUNICIPALITY    right    1  wrong    1  no gold id    0  accuracy 0.500" in text
    assert "  participants_count             0     1  0.000    0    1    1" in text


def test_json_is_rounded_and_stable(perturbed):
    dump = perturbed.to_json()
    assert dump == perturbed.to_json()
    figures = json.loads(dump)
    assert list(figures) == ["docs", "unscored_docs", "mentions", "ids", "tables"]
    assert figures["mentions"]["norm"]["micro"] == {
        "tp": 12, "fp": 2, "fn": 3, "precision": 0.8571, "recall": 0.8, "f1": 0.8276}
    assert list(figures["mentions"]["strict"]["per_label"])[:3] == ["ORG", "CENTRE",
                                                                     "MUNICIPALITY"]
    assert figures["tables"]["visits"]["records"]["f1"] == 0.6667
    assert figures["tables"]["visits"]["fields"]["sites_visited"] == {
        "right": 0, "wrong": 1, "accuracy": 0.0,
        "tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}


def test_ids_without_gold_ids_are_na(gold_dir, tmp_path, write_preds):
    pred = write_preds([load_gold(gold_dir)["tukums-02"]], tmp_path / "pred")
    result = evaluate(gold_dir / "tukums-02.json", pred)
    assert json.loads(result.to_json())["ids"]["LOCALITY"] == {
        "right": 0, "wrong": 0, "no_gold_id": 2, "accuracy": None}
    assert "LOCALITY        right    0  wrong    0  no gold id    2  accuracy n/a" in (
        format_report(result))


def test_error_listing_is_grouped_by_document_with_context(perturbed):
    text = format_errors(perturbed)
    ogre, tukums = text.split("\n\n")
    assert ogre.startswith("== ogre-01 ==") and tukums.startswith("== tukums-02 ==")
    assert ("boundary  CENTRE        'dienas centru “Saulgrieži”' (124-150) | pred "
            "'centru “Saulgrieži”' (131-150)") in ogre
    assert "«…ieru, kur apmeklēja [dienas centru “Saulgrieži”] un biedrību “Gaisma…»" in ogre
    assert "'Ogres' (0-5) [gold]   «[Ogres] novada sociālā dien…»" in ogre  # no '…' at the start
    assert "spurious  MUNICIPALITY  'Ogres' (0-5) [gold]" in ogre
    assert "norm      MUNICIPALITY  'Valmieru' (100-108): gold 'Valmiera' | pred " in ogre
    assert "id        MUNICIPALITY  'Valmieru' (100-108): gold 0250000 | pred 0054000" in ogre
    assert "field     visits ogre-01-v1 '2023-03-14' participants_count: gold 18 | pred '20'" in (
        ogre)
    assert "spurious  centres (no id) 'Ogres DAC'" in ogre
    assert "missed    FOREIGN_PLACE 'Rokišķiem' (215-224)" in tukums
    assert "missed    PROGRAMME     'Eiropas Sociālais fonds'" in tukums
    assert "spurious  ORG           'Eiropas Sociālais fonds'" in tukums
    assert "missed    visits tukums-02-v1 '2024-05'   «…iedrība “Zaļā sēta” [Tukum]ā" in tukums


def test_no_errors_says_so(gold_dir, tmp_path, write_preds):
    pred = write_preds(load_gold(gold_dir).values(), tmp_path / "pred")
    assert format_errors(evaluate(gold_dir, pred)) == "No errors.\n"

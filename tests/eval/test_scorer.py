"""End to end on the hand-made gold: itself scores 1.0, perturbations give figures by hand."""

from __future__ import annotations

import pytest

from pipeline.document import Mention
from pipeline.eval import evaluate, load_gold
from pipeline.eval.entities import Annotations


def test_gold_against_itself_is_perfect(gold_dir, tmp_path, write_preds):
    pred = write_preds(load_gold(gold_dir).values(), tmp_path / "pred")
    result = evaluate(gold_dir, pred)
    figures = result.to_dict()
    for scheme in ("strict", "partial", "norm"):
        assert figures["mentions"][scheme]["micro"]["f1"] == 1.0
        assert all(c["f1"] == 1.0 for c in figures["mentions"][scheme]["per_label"].values())
    assert figures["ids"]["MUNICIPALITY"]["accuracy"] == 1.0
    assert figures["ids"]["LOCALITY"] == {"right": 1, "wrong": 0, "no_gold_id": 2,
                                          "accuracy": 1.0}
    for table in figures["tables"].values():
        assert table["records"]["f1"] == 1.0
        assert all(f["accuracy"] == 1.0 and f["f1"] == 1.0 for f in table["fields"].values())
    assert result.mention_counts("strict").tp == 16


def _prf(counts):
    return counts.tp, counts.fp, counts.fn


def test_mentions_strict_and_partial(perturbed):
    # strict: ogre-01 tp 6 (all but the CENTRE), fp 2 (shifted CENTRE, spurious 'Ogres'),
    # fn 1 (CENTRE); tukums-02 tp 7, fp 1 (fund as ORG), fn 2 (PROGRAMME, FOREIGN_PLACE).
    strict = perturbed.mention_counts("strict")
    assert _prf(strict) == (13, 3, 3)
    assert strict.precision == strict.recall == strict.f1 == 13 / 16
    # partial: the shifted CENTRE overlaps its gold span -> tp; the label error stays fp+fn.
    partial = perturbed.mention_counts("partial")
    assert _prf(partial) == (14, 2, 2) and partial.f1 == 14 / 16
    assert _prf(perturbed.mention_counts("strict", "CENTRE")) == (1, 1, 1)
    assert _prf(perturbed.mention_counts("partial", "CENTRE")) == (2, 0, 0)
    assert _prf(perturbed.mention_counts("strict", "PROGRAMME")) == (0, 0, 1)
    # ORG: 3 gold, all found, plus the fund -> P 3/4, R 1, F1 6/7.
    org = perturbed.mention_counts("strict", "ORG")
    assert _prf(org) == (3, 1, 0) and org.f1 == pytest.approx(6 / 7)
    assert _prf(perturbed.mention_counts("strict", "MUNICIPALITY")) == (2, 1, 0)
    assert _prf(perturbed.mention_counts("strict", "FOREIGN_PLACE")) == (0, 0, 1)


def test_norm_pairs_and_ids(perturbed):
    # (label, norm) sets: ogre-01 gold 7 pairs, pred 7 ('Ogres' repeats the pair of
    # 'Ogres novada'): tp 6, fp 1 (valmieras novads), fn 1 (valmiera).
    # tukums-02 gold 8 (Tukums twice is one pair), pred 7: tp 6, fp 1 (ORG fund),
    # fn 2 (PROGRAMME fund, rokišķi).  Micro: tp 12, fp 2, fn 3: P 12/14, R 12/15, F1 24/29.
    norm = perturbed.mention_counts("norm")
    assert _prf(norm) == (12, 2, 3) and norm.f1 == pytest.approx(24 / 29)
    # ids: Valmieru wrong, Ogres novada right; LOCALITY: Ķeipenes right, Tukums x2 no gold id.
    muni, loc = perturbed.ids("MUNICIPALITY"), perturbed.ids("LOCALITY")
    assert (muni.right, muni.wrong, muni.accuracy) == (1, 1, 0.5)
    assert (loc.right, loc.wrong, loc.no_gold_id, loc.accuracy) == (1, 0, 2, 1.0)


def test_tables(perturbed):
    visits = perturbed.tables["visits"]
    # 2 gold visits, tukums-02's missed: P 1/1, R 1/2, F1 2/3.
    assert _prf(visits.records.counts()) == (1, 0, 1)
    assert visits.records.counts().f1 == pytest.approx(2 / 3)
    fields = visits.field_scores()
    # participants_count: ogre-01 18 vs 20 (wrong); tukums-02 states none -> skipped.
    assert (fields["participants_count"].right, fields["participants_count"].wrong) == (0, 1)
    # sites_visited: {saulgrieži, biedrība gaismas taka} vs {saulgrieži, valmieras muzejs}
    # -> tp 1, fp 1, fn 1 (F1 0.5); tukums-02 has none.
    assert _prf(fields["sites_visited"].counts) == (1, 1, 1)
    assert fields["sites_visited"].counts.f1 == 0.5 and fields["sites_visited"].accuracy == 0.0
    # destination_municipalities: ogre-01 right; the missed visit's 'Tukuma novads' is fn.
    dest = fields["destination_municipalities"]
    assert (dest.right, dest.wrong, _prf(dest.counts)) == (1, 1, (1, 0, 1))
    # case and quotes do not matter ('lv' is right; the missed visit's 'LT' is wrong)
    assert fields["organiser"].accuracy == 1.0
    assert (fields["origin_countries"].right, fields["origin_countries"].wrong) == (1, 1)
    centres = perturbed.tables["centres"]
    assert _prf(centres.records.counts()) == (2, 1, 0)  # „Liepas” aligned; Ogres DAC spurious
    assert centres.field_scores()["operator"].accuracy == 1.0
    projects = perturbed.tables["projects"]
    assert _prf(projects.records.counts()) == (1, 0, 0)  # aligned by name
    code = projects.field_scores()["code"]
    assert (code.right, code.wrong, _prf(code.counts)) == (0, 1, (0, 0, 1))


def test_predictions_for_documents_without_gold_are_left_out(gold_dir, tmp_path, write_preds):
    stray = Annotations("cits-99", None, [Mention(0, 4, "Rīga", "MUNICIPALITY", doc_id="cits-99")])
    result = evaluate(gold_dir, write_preds([stray], tmp_path / "pred"))
    assert result.unscored_docs == ("cits-99",)
    assert result.mention_counts("strict").fp == 0
    assert result.mention_counts("strict").fn == 16

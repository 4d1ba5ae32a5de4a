"""Matching schemes on tiny hand-built mention and record lists."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.eval.contract import load_contract
from pipeline.eval.entities import Mention, TableRow
from pipeline.eval.metrics import (
    Alignment,
    Counts,
    FieldScore,
    align_records,
    compare_fields,
    compare_value,
    id_counts,
    norm_match,
    partial_match,
    strict_match,
)

# "Cēsu, Priekuļu un Amatas pašvaldību speciālisti"
CESIS = Mention(0, 4, "Cēsu", "MUNICIPALITY", "Cēsu novads", "0022000", doc_id="d")
PRIEKULI = Mention(6, 14, "Priekuļu", "MUNICIPALITY", "Priekuļu novads", doc_id="d")
AMATA = Mention(18, 24, "Amatas", "MUNICIPALITY", "Amatas novads", doc_id="d")


def test_counts_give_precision_recall_f1():
    c = Counts(tp=3, fp=1, fn=2)
    assert (c.precision, c.recall) == (0.75, 0.6)
    assert abs(c.f1 - 2 * 0.75 * 0.6 / 1.35) < 1e-12
    assert Counts().f1 == 0.0
    assert c + Counts(1, 1, 1) == Counts(4, 2, 3)


def test_strict_needs_same_offsets_and_label_and_counts_repeats_once():
    shifted = Mention(6, 13, "Priekuļ", "MUNICIPALITY", doc_id="d")
    relabelled = Mention(18, 24, "Amatas", "ORG", doc_id="d")
    a = strict_match([CESIS, PRIEKULI, AMATA], [CESIS, CESIS, shifted, relabelled])
    assert a.counts() == Counts(tp=1, fp=2, fn=2)
    assert a.missed == (PRIEKULI, AMATA) and a.spurious == (shifted, relabelled)


def test_partial_is_one_to_one_overlap_with_same_label():
    wide = Mention(0, 14, "Cēsu, Priekuļu", "MUNICIPALITY", doc_id="d")  # covers two gold spans
    relabelled = Mention(18, 24, "Amatas", "ORG", doc_id="d")
    a = partial_match([CESIS, PRIEKULI, AMATA], [wide, relabelled])
    # wide takes Cēsu (first in text); Priekuļu is left without a prediction.
    assert a.matched == ((CESIS, wide),)
    assert a.counts() == Counts(tp=1, fp=1, fn=2)


def test_partial_prefers_the_exact_prediction():
    near = Mention(0, 5, "Cēsu,", "MUNICIPALITY", doc_id="d")
    a = partial_match([CESIS], [near, CESIS])
    assert a.matched == ((CESIS, CESIS),) and a.spurious == (near,)


def test_norms_are_a_set_per_document():
    # folds to one pair with CESIS
    again = Mention(30, 34, "Cēsīs", "MUNICIPALITY", "CĒSU  NOVADS", doc_id="d")
    wrong = Mention(18, 24, "Amatas", "MUNICIPALITY", "Amata", doc_id="d")
    a = norm_match([CESIS, AMATA], [CESIS, again, wrong])
    assert a.counts() == Counts(tp=1, fp=1, fn=1)  # (MUNI, amata) fp, (MUNI, amatas novads) fn


def test_id_accuracy_only_where_gold_has_an_id():
    wrong_id = Mention(0, 4, "Cēsu", "MUNICIPALITY", "Cēsu novads", "0022001", doc_id="d")
    strict = strict_match([CESIS, PRIEKULI], [wrong_id, PRIEKULI])
    c = id_counts(strict, "MUNICIPALITY")
    assert (c.right, c.wrong, c.no_gold_id, c.accuracy) == (0, 1, 1, 0.0)
    none = id_counts(strict_match([PRIEKULI], [PRIEKULI]), "MUNICIPALITY")
    assert none.accuracy is None


def _visit(date=None, dest=None, **values) -> TableRow:
    cells = {"date_start": date, "destination_municipalities": dest, **values}
    return TableRow("visits", "d", cells)


def test_visits_align_by_date_or_shared_destination_first_free_in_file_order():
    g1, g2 = _visit("2023-03-14", ["Valmiera"]), _visit("2023-05", ["Tukuma novads"])
    p_other = _visit("2024-01-01", ["Rīga"])
    p1 = _visit("2023-03-15", ["valmiera", "Rīga"])  # other date, shared destination
    p2 = _visit("2023-05", None)                      # same date, no destination
    a = align_records("visits", [g1, g2], [p_other, p1, p2])
    assert a.matched == ((g1, p1), (g2, p2)) and a.spurious == (p_other,)


def test_projects_align_by_code_or_name_and_centres_by_folded_name():
    g = TableRow("projects", "d", {"code": "LLI-425", "name": "OCTOPUS"})
    by_name = TableRow("projects", "d", {"code": None, "name": "„Octopus”"})
    assert align_records("projects", [g], [by_name]).matched == ((g, by_name),)
    c = TableRow("centres", "d", {"name": "Sarkanā skola"})
    other = TableRow("centres", "d", {"name": "Sarkanā māja"})
    assert align_records("centres", [c], [other]).counts() == Counts(tp=0, fp=1, fn=1)


def test_field_values_compare_folded_numbers_and_sets():
    contract = load_contract()
    assert compare_value("organiser", "Biedrība „Laipa”", 'biedrība "laipa"', contract) == (
        True, Counts(1, 0, 0))
    assert compare_value("participants_count", 18, "18,0", contract) == (True, Counts(1, 0, 0))
    # a wrong value is both a spurious and a missed value
    assert compare_value("participants_count", 18, "20", contract) == (False, Counts(0, 1, 1))
    assert compare_value("organiser", None, "Laipa", contract) == (False, Counts(0, 1, 0))
    sites = compare_value("sites_visited", ["Laipa", "Saulgrieži"], ["laipa", "Ūdensroze"],
                          contract)
    assert sites == (False, Counts(tp=1, fp=1, fn=1))


def test_fields_skip_empty_pairs_and_count_missed_records_as_wrong():
    g = _visit("2023-03-14", ["Valmiera"], participants_count=18)
    p = _visit("2023-03-14", ["Valmiera"], participants_count=None)
    missed = _visit("2023-05", ["Tukuma novads"])
    outcomes = compare_fields("visits", Alignment(((g, p),), (missed,), ()))
    by_field = {f: FieldScore.of(o for o in outcomes if o.field == f)
                for f in ("date_start", "participants_count", "organiser",
                          "destination_municipalities")}
    assert (by_field["date_start"].right, by_field["date_start"].wrong) == (1, 1)
    assert by_field["participants_count"].counts == Counts(0, 0, 1)
    assert by_field["organiser"] == FieldScore(0, 0, Counts())  # empty in gold and prediction
    assert by_field["destination_municipalities"].accuracy == 0.5


_spans = st.lists(
    st.builds(lambda s, n, lab: Mention(s, s + n, "x", lab, doc_id="d"),
              st.integers(0, 30), st.integers(1, 6), st.sampled_from(["ORG", "DATE"])),
    max_size=8,
)


@given(_spans, _spans)
def test_every_mention_is_counted_once_and_partial_never_below_strict(gold, pred):
    n_gold, n_pred = len({m.span for m in gold}), len({m.span for m in pred})
    for a in (strict_match(gold, pred), partial_match(gold, pred)):
        c = a.counts()
        assert (c.tp + c.fn, c.tp + c.fp) == (n_gold, n_pred)
        assert all(g.overlaps(p) for g, p in a.matched)
    assert partial_match(gold, pred).counts().tp >= strict_match(gold, pred).counts().tp

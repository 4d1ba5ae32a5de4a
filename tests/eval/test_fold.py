"""Folding decides sameness everywhere; these are the cases score.py folds the same way."""

from pipeline.eval.fold import fold, fold_list, fold_number


def test_fold_drops_quotes_case_dashes_and_spacing():
    assert fold("Biedrība  „Zaļā sēta”") == 'biedrība zaļā sēta'
    assert fold("Latvijas–Lietuvas — programma") == "latvijas-lietuvas - programma"
    assert fold(None) == ""
    assert fold(2019) == "2019"


def test_fold_list_splits_strings_and_keeps_json_lists():
    assert fold_list("Rīga; Ogres novads; ") == ["rīga", "ogres novads"]
    assert fold_list(["Rīga", "", None]) == ["rīga"]
    assert fold_list(None) == []


def test_fold_number_rounds_and_reads_decimal_commas():
    assert fold_number("705 573,374") == 705573.37
    assert fold_number(18) == fold_number("18.0") == 18.0
    assert fold_number("30–40") == "30-40"
    assert fold_number("") is None

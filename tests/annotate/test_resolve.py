"""The overlap policy: longest span wins; equal spans by source priority, then score."""

from __future__ import annotations

from spacy.language import Language

from pipeline.annotate.resolve import SOURCE_PRIORITY, resolve
from pipeline.annotate.spans import Candidate, Hit, add_candidates, candidates


def cand(start: int, end: int, label: str, source: str, score: float = 1.0) -> Candidate:
    return Candidate(start, end, Hit(0, 0, label, f"{label}:{source}:{score}", source, score))


def test_the_longest_candidate_wins() -> None:
    org = cand(0, 3, "ORG", "names.institution", 0.5)  # "Jelgavas novada pašvaldība"
    place = cand(0, 2, "MUNICIPALITY", "gazetteer.form")  # "Jelgavas novada"
    assert resolve([place, org]) == [org]
    assert resolve([org, place]) == [org]


def test_length_beats_source_priority_and_score() -> None:
    date = cand(2, 3, "DATE", "rules", 1.0)
    person = cand(1, 4, "PERSON", "persons.first_name", 0.1)
    assert resolve([date, person]) == [person]


def test_equal_spans_go_to_the_stronger_source() -> None:
    rule = cand(0, 2, "MONEY", "rules", 0.5)
    name = cand(0, 2, "ORG", "names.quoted", 1.0)
    place = cand(0, 2, "LOCALITY", "gazetteer.form", 1.0)
    person = cand(0, 2, "PERSON", "persons.first_name", 1.0)
    for order in ([person, place, name, rule], [rule, name, place, person], [place, rule]):
        assert resolve(order) == [rule]
    assert resolve([person, place, name]) == [name]
    assert resolve([person, place]) == [place]


def test_equal_spans_and_source_go_to_the_higher_score() -> None:
    weak = cand(3, 5, "LOCALITY", "gazetteer.form", 0.95)
    strong = cand(3, 5, "MUNICIPALITY", "gazetteer.list", 1.0)
    assert resolve([weak, strong]) == [strong]
    assert resolve([strong, weak]) == [strong]


def test_an_unknown_source_ranks_last() -> None:
    unknown = cand(0, 1, "ORG", "mystery", 1.0)
    person = cand(0, 1, "PERSON", "persons.first_name", 0.1)
    assert resolve([unknown, person]) == [person]
    assert "mystery" not in SOURCE_PRIORITY


def test_kept_candidates_do_not_overlap_and_come_in_text_order() -> None:
    found = [
        cand(5, 7, "DATE", "rules"),
        cand(0, 2, "ORG", "names.quoted"),
        cand(1, 3, "MUNICIPALITY", "gazetteer.form"),  # overlaps the ORG, same length
        cand(6, 9, "ORG", "names.institution"),  # longer than the DATE, overlaps it
        cand(9, 10, "PERSON", "persons.first_name"),
    ]
    kept = resolve(found)
    assert [(c.token_start, c.token_end, c.hit.label) for c in kept] == [
        (0, 2, "ORG"),
        (6, 9, "ORG"),
        (9, 10, "PERSON"),
    ]


def test_adjacent_candidates_are_both_kept() -> None:
    left = cand(0, 2, "ORG", "names.quoted")
    right = cand(2, 4, "CENTRE", "names.quoted")
    assert resolve([right, left]) == [left, right]


def test_resolve_of_nothing() -> None:
    assert resolve([]) == []


def test_candidates_are_snapped_to_whole_tokens(nlp: Language) -> None:
    doc = nlp.make_doc("Viesi ieradās Rēzeknē vakarā.")
    add_candidates(doc, [Hit(16, 20, "MUNICIPALITY", "Rēzekne", "gazetteer.form")])
    [candidate] = candidates(doc)
    assert doc[candidate.token_start : candidate.token_end].text == "Rēzeknē"


def test_the_pipeline_sets_the_resolved_entities_with_their_norms(nlp: Language) -> None:
    doc = nlp("Sadarbības līgumu parakstīja Jelgavas novada pašvaldība 2023. gada 5. maijā.")
    assert [(e.label_, e.text, e._.norm) for e in doc.ents] == [
        ("ORG", "Jelgavas novada pašvaldība", "Jelgavas novada pašvaldība"),
        ("DATE", "2023. gada 5. maijā", "2023-05-05"),
    ]
    assert doc.ents[1]._.source == "rules"

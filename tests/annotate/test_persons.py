"""PERSON mentions: a known first name and a surname, both normalised to the nominative."""

from __future__ import annotations

from collections.abc import Callable

import pytest

Found = Callable[[str], list[tuple[str, str, str | None]]]


def persons(found: Found, text: str) -> list[tuple[str, str | None]]:
    return [(span, norm) for label, span, norm in found(text) if label == "PERSON"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pieredzē dalījās biedrības vadītāja Ilzes Kalniņas komanda.",
            [("Ilzes Kalniņas", "Ilze Kalniņa")],
        ),
        (
            "Paldies Ritas Stūrānes vadītajai komandai.",
            [("Ritas Stūrānes", "Rita Stūrāne")],
        ),
        (
            "Pateicību izteica Ilzei Kalniņai par atbalstu.",
            [("Ilzei Kalniņai", "Ilze Kalniņa")],
        ),
        ("Pasākumu vadīja Anna Liepiņa.", [("Anna Liepiņa", "Anna Liepiņa")]),
        (
            "Uzrunu teica Jānis Ozols un Andris Bērziņš.",
            [("Jānis Ozols", "Jānis Ozols"), ("Andris Bērziņš", "Andris Bērziņš")],
        ),
        (
            "Grupu dzīvokļus rādīja Pēteris Kalniņš un Inese Ozoliņa.",
            [("Pēteris Kalniņš", "Pēteris Kalniņš"), ("Inese Ozoliņa", "Inese Ozoliņa")],
        ),
        (  # a double surname, each part declined
            "Viesus sagaidīja Mārīte Kalnvalde-Ozola. Paldies Annai Kalnai-Liepai.",
            [("Mārīte Kalnvalde-Ozola", "Mārīte Kalnvalde-Ozola"),
             ("Annai Kalnai-Liepai", "Anna Kalna-Liepa")],
        ),
    ],
)
def test_person_spans_and_nominative_norms(found: Found, text: str, expected: list) -> None:
    assert persons(found, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Paldies Andrim Bērziņam par atbalstu.", [("Andrim Bērziņam", "Andris Bērziņš")]),
        ("Vizīti vadīja Jāņa Kalniņa komanda.", [("Jāņa Kalniņa", "Jānis Kalniņš")]),
        ("Sveicām Pētera Ozoliņa kolēģus.", [("Pētera Ozoliņa", "Pēteris Ozoliņš")]),
    ],
)
def test_surnames_in_ins_keep_their_s_caron(found: Found, text: str, expected: list) -> None:
    assert persons(found, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ilze piedalījās braucienā.",  # a first name alone
        "Ilze ieradās Ludzā.",  # a first name and a lower-case word
        "Brauciens notika maijā un jūnijā.",
    ],
)
def test_no_person_without_a_surname(found: Found, text: str) -> None:
    assert persons(found, text) == []


def test_a_form_of_two_genders_takes_the_common_name(nlp) -> None:
    doc = nlp("Tiekoties ar pārvaldes direktoru Lauri Pastaru, pārrunājām sadarbību.")
    assert [(e.text, e._.norm) for e in doc.ents if e.label_ == "PERSON"] == [
        ("Lauri Pastaru", "Lauris Pastars")
    ]


def test_a_first_name_alone_after_a_role_noun_is_a_person(found) -> None:
    text = "Paldies direktorei Solvitai un visam kolektīvam."
    assert [(label, span, norm) for label, span, norm in found(text)] == [
        ("PERSON", "Solvitai", "Solvita")]


@pytest.mark.parametrize(
    "text",
    [
        "Jaunais dienas centrs darbojas Annas Brigaderes ielā 12.",  # a street named after her
        "Sanāksme notika Jāņa Čakstes bulvārī, kur tikās speciālisti.",
        "Runāja biedrības valdes priekšsēdētāja Daiga\nJaunā nodaļa sāka darbu.",  # a line break
    ],
)
def test_no_person_in_a_street_name_or_across_a_line_break(found: Found, text: str) -> None:
    assert persons(found, text) == []

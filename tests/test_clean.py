"""Stage 2, clean: the normalised text and its exact map back onto the original."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.clean import CleanText, clean


def boundaries(cleaned: CleanText) -> list[int]:
    """Cleaned offsets that do not cut through the output of one original cluster."""
    n = len(cleaned.text)
    return [
        a
        for a in range(n + 1)
        if a in (0, n)
        or (cleaned.starts[a], cleaned.ends[a]) != (cleaned.starts[a - 1], cleaned.ends[a - 1])
    ]


def assert_maps_back(original: str) -> CleanText:
    """Every cleaned span maps to an original slice that cleans to exactly that span."""
    cleaned = clean(original)
    n = len(cleaned.text)
    assert len(cleaned.starts) == len(cleaned.ends) == n
    assert list(cleaned.starts) == sorted(cleaned.starts)
    pairs = zip(cleaned.starts, cleaned.ends, strict=True)
    assert all(0 <= s < e <= len(original) for s, e in pairs)
    cuts = boundaries(cleaned)
    for i, a in enumerate(cuts):
        for b in cuts[i + 1 :]:
            start, end = cleaned.to_original(a, b)
            assert clean(original[start:end]).text == cleaned.text[a:b], (original, a, b)
    return cleaned


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("Krās\u00adlavas novadā", "Krāslavas novadā"),
        ("705\u00a0573,37\u00a0EUR", "705 573,37 EUR"),
        ("2022.\u202fgada", "2022. gada"),
        ("Ludzā.\r\nPreiļos.\r\n", "Ludzā.\nPreiļos.\n"),
        ("Ce\u0304su novads", "Cēsu novads"),  # decomposed ē composes
        ("\ufb01nansējums", "finansējums"),  # the fi ligature folds
        ("un tā tālāk\u2026", "un tā tālāk..."),
        ("grupu\u200bdzīvokļi\u2060", "grupudzīvokļi"),
        ("\ufeffBiedrība", "Biedrība"),
        ("sociālās\u2011ekonomiskās", "sociālās-ekonomiskās"),
        ("Vārds\tVārds", "Vārds Vārds"),
    ],
    ids=["soft-hyphen", "nbsp", "narrow-nbsp", "crlf", "combining", "ligature", "ellipsis",
         "zero-width", "bom", "nb-hyphen", "tab"],
)
def test_cleaning_normalises_what_annotators_should_not_see(original: str, expected: str) -> None:
    cleaned = assert_maps_back(original)
    assert cleaned.text == expected


@pytest.mark.parametrize(
    "original",
    [
        "biedrības “Cerību spārni”",
        "„Kopā varam”",
        "«Saulīte»",
        "Ādaži, Ķekava, Ģertrūdes iela, Ļaudona, Ņukši, Ūdrīši, Žīguri, Šķēde",
    ],
)
def test_latvian_letters_and_word_quotes_are_kept_as_they_are(original: str) -> None:
    cleaned = clean(original)
    assert cleaned.text == original
    assert cleaned.starts == tuple(range(len(original)))
    assert cleaned.ends == tuple(range(1, len(original) + 1))


def test_a_span_over_a_soft_hyphen_maps_to_the_whole_original_word() -> None:
    original = "Viesojās Krās\u00adlavas novadā."
    cleaned = clean(original)
    a = cleaned.text.index("Krāslavas")
    start, end = cleaned.to_original(a, a + len("Krāslavas novadā"))
    assert original[start:end] == "Krās\u00adlavas novadā"


def test_a_composed_letter_maps_back_to_its_whole_cluster() -> None:
    original = "Re\u0304zekne\u0304"
    cleaned = clean(original)
    assert cleaned.text == "Rēzeknē"
    assert cleaned.to_original(0, 2) == (0, 3)
    assert cleaned.to_original(0, len(cleaned.text)) == (0, len(original))


def test_offsets_after_crlf_lines_point_at_the_same_words() -> None:
    original = "Pirmā rinda.\r\nOtrā rinda Ludzā.\r\nTrešā: ilze@balvi.lv"
    cleaned = clean(original)
    for word in ("Ludzā", "ilze@balvi.lv", "Trešā"):
        a = cleaned.text.index(word)
        start, end = cleaned.to_original(a, a + len(word))
        assert original[start:end] == word


def test_empty_text() -> None:
    assert clean("") == CleanText("", (), ())


LATVIAN = "aāčēģīķļņšūžAĀČĒĢĪĶĻŅŠŪŽbdfhjmprtv"
SPECIAL = [
    "\u00ad",  # soft hyphen
    "\u00a0",  # no-break space
    "\u202f",
    "\u200b",
    "\ufeff",
    "\u0301",  # combining acute
    "\u0304",  # combining macron
    "\u030c",  # combining caron
    "\u0327",  # combining cedilla
    "\ufb01",  # ligature
    "\u2026",
    "\uff21",  # full-width A
    "\r",
    "\n",
    "\t",
    "\x00",
    "\x07",
    "\x1b",
    "\u2028",
    "“",
    "”",
    "„",
    " ",
    ".",
]
texts = st.one_of(
    st.lists(st.sampled_from([*LATVIAN, *SPECIAL]), max_size=30).map("".join),
    st.text(max_size=30),
)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_every_cleaned_span_maps_back_exactly(original: str) -> None:
    assert_maps_back(original)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_cleaning_is_idempotent_and_covers_all_but_dropped_characters(original: str) -> None:
    cleaned = clean(original)
    assert clean(cleaned.text).text == cleaned.text
    covered = set()
    for s, e in zip(cleaned.starts, cleaned.ends, strict=True):
        covered.update(range(s, e))
    dropped = {original[i] for i in range(len(original)) if i not in covered}
    assert dropped <= set("\u00ad\u200b\u200c\u200d\u2060\ufeff\r")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*LATVIAN, "\u00ad", "\u00a0", "\r", "\n", " "]), max_size=40))
def test_soft_hyphens_nbsp_and_cr_never_reach_the_annotators(chars: list[str]) -> None:
    cleaned = clean("".join(chars))
    assert not set(cleaned.text) & {"\u00ad", "\u00a0", "\r"}
    assert unicodedata.is_normalized("NFC", cleaned.text)


def test_quotes_typed_as_two_characters_become_one() -> None:
    original = "Viesi apmeklēja SAC ,,Ausma’’ un biedrību ,,Saime''. Cena 1,5 eiro."
    cleaned = clean(original)
    assert cleaned.text == "Viesi apmeklēja SAC „Ausma” un biedrību „Saime”. Cena 1,5 eiro."
    start = cleaned.text.index("„Ausma”")
    assert original[slice(*cleaned.to_original(start, start + len("„Ausma”")))] == ",,Ausma’’"


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("Viesi apmeklēja centru 'Ozolu sirds', kas atvērts maijā.",
         "Viesi apmeklēja centru “Ozolu sirds”, kas atvērts maijā."),
        ("Grupu māja ‘Ābeles’ Valkā.", "Grupu māja “Ābeles” Valkā."),
        # no name: an apostrophe, a lower-case word in quotes
        ("Viņa teica: 'paldies', un Rock'n'roll skanēja.",
         "Viņa teica: 'paldies', un Rock'n'roll skanēja."),
    ],
    ids=["straight", "typographic", "not-a-name"],
)
def test_a_name_in_single_quotes_reads_as_a_quoted_name(original: str, expected: str) -> None:
    cleaned = clean(original)
    assert cleaned.text == expected
    start = expected.find("“")
    if start >= 0:  # offsets still point at the original's quote
        assert original[slice(*cleaned.to_original(start, start + 1))] in "'‘"

"""The data path end to end: offsets into the original text, and per-document error isolation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pipeline
from pipeline.clean import clean
from pipeline.document import Document, DocumentError
from pipeline.run import extract, extract_corpus, extract_documents

Run = Callable[..., Document]


def assert_slices(document: Document) -> None:
    """Every mention is a non-empty slice of the original text covering its Doc span."""
    original = document.text
    assert document.clean is not None
    for m in document.mentions:
        assert 0 <= m.start < m.end <= len(original), m
        assert m.text == original[m.start : m.end], m
        assert document.clean.text[m.clean_start : m.clean_end] in clean(m.text).text, m


def assert_offsets(document: Document) -> None:
    """As above, and the original slice cleans to exactly the Doc span, without blanks around.

    (Random text can start a token at a stray combining mark after a space, whose cluster
    is the space: then the slice holds that space. Real releases do not; the hypothesis
    test below checks the slice property only.)
    """
    assert_slices(document)
    assert document.clean is not None
    for m in document.mentions:
        assert clean(m.text).text == document.clean.text[m.clean_start : m.clean_end], m
        assert m.text == m.text.strip(), m


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Speciālisti viesojās Krās\u00adlavas novadā un Lud\u00adzā.",
            [("Krās\u00adlavas novadā", "MUNICIPALITY"), ("Lud\u00adzā", "LOCALITY")],
        ),
        (
            "Projekta\u00a0„Kopā varam” kopējās izmaksas 705\u00a0573,37\u00a0EUR.\r\n"
            "Tālr.\u00a026123456.",
            [("„Kopā varam”", "PROJECT"), ("705\u00a0573,37\u00a0EUR", "MONEY"),
             ("26123456", "PHONE")],
        ),
        (
            "Biedrības „Cerību spārni” un nodibinājuma «Labie darbi» pārstāvji 2022.\u00a0gada "
            "5.\u00a0maijā viesojās Rēzeknē.\r\n\r\nKontakti: ilze@balvi.lv",
            [("Biedrības „Cerību spārni”", "ORG"), ("nodibinājuma «Labie darbi»", "ORG"),
             ("2022.\u00a0gada 5.\u00a0maijā", "DATE"), ("Rēzeknē", "MUNICIPALITY"),
             ("ilze@balvi.lv", "EMAIL")],
        ),
        (
            "\ufeffGrupa apmeklēja Re\u0304zeknes novadu un dienas centru “Rūķi\u0304ši”.",
            [("Re\u0304zeknes novadu", "MUNICIPALITY"), ("dienas centru “Rūķi\u0304ši”", "CENTRE")],
        ),
        (
            "Pirmā rinda.\r\nOtrajā rindā: ERAF un ESF.\r\nTrešajā — Ilzes Kalniņas uzruna.",
            [("ERAF", "PROGRAMME"), ("ESF", "PROGRAMME"), ("Ilzes Kalniņas", "PERSON")],
        ),
    ],
    ids=["soft-hyphens", "nbsp-crlf", "word-quotes", "bom-combining", "crlf-lines"],
)
def test_mentions_point_into_the_original_text(
    run_text: Run, text: str, expected: list[tuple[str, str]]
) -> None:
    document = run_text(text)
    assert_offsets(document)
    assert [(m.text, m.label) for m in document.mentions] == expected


def test_norms_survive_the_cleaning(run_text: Run) -> None:
    document = run_text("Grupa apmeklēja Re\u0304zeknes novadu un dienas centru “Rūķi\u0304ši”.")
    assert [m.norm for m in document.mentions] == ["Rēzeknes novads", "Rūķīši"]


PIECES = [
    "Rēzeknē", "Balvu", ", ", " un ", "Krāslavas", " novadā", "Lud\u00adzā", "2022. gada 5. maijā",
    "6.-7. oktobrī", "biedrības “", "„", "”", "«", "»", "Cerību spārni", "dienas centrā “",
    "projekta “", "Kopā varam", "Nr. ", "LLI-425", "9.2.2.1/15/I/005", "ERAF", "705 573,37 EUR",
    "Ilzes Kalniņas", "tālr. 26123456", "ilze@balvi.lv", "t.sk.", "š.g.", "\u00a0", "\u00ad",
    "\r\n", "\n", " ", ".", "\u0301", "\u0304", "\ufb01", "\u2026", "\x00", "\u200b", "\ufeff",
    "viesojās", "pieredzes apmaiņas braucienā", "apmeklēja", "no Lietuvas",
]
texts = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=25).map("".join),
    st.text(max_size=80),
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_extract_never_crashes_and_mentions_are_slices(nlp, text: str) -> None:
    document = extract(text, doc_id="hypothesis")
    assert_slices(document)
    for visit in document.visits:
        assert visit.doc_id == "hypothesis"
    for record in [*document.centres, *document.projects]:
        assert record.doc_ids == ["hypothesis"]


def test_pipeline_package_exposes_extract(run_text: Run) -> None:
    assert pipeline.extract is extract
    assert pipeline.extract_corpus is extract_corpus


def test_extract_raises_when_a_stage_fails(nlp, monkeypatch: pytest.MonkeyPatch) -> None:
    import pipeline.process as process

    def broken(document: Document, kb: object) -> Document:
        raise ValueError("salūza")

    monkeypatch.setattr(process, "fill_tables", broken)
    with pytest.raises(RuntimeError, match="fill failed: ValueError: salūza"):
        extract("Grupa viesojās Ludzā.", doc_id="x")


def write_inputs(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a-ludza.txt").write_text(
        "2023. gada 14. martā sociālie darbinieki no Balvu novada devās pieredzes apmaiņas "
        "braucienā uz Ludzu.",
        encoding="utf-8",
    )
    (folder / "b-salust.txt").write_text(
        "Krāslavā atklāja dienas aprūpes centru “Saulīte”.", encoding="utf-8"
    )
    (folder / "c-bin.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "d-preili.txt").write_text(
        "Preiļu novadā viesojās delegācija no Lietuvas.", encoding="cp1257"
    )
    return folder


def test_a_document_failing_at_a_later_stage_is_isolated(
    tmp_path: Path, nlp, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pipeline.process as process

    real = process.fill_tables

    def fill_or_fail(document: Document, kb: object) -> Document:
        if document.doc_id == "b-salust":
            raise KeyError("centre_type")
        return real(document, kb)

    monkeypatch.setattr(process, "fill_tables", fill_or_fail)
    seen: list[str] = []
    result = extract_corpus(
        [write_inputs(tmp_path / "in")], tmp_path / "out", on_document=lambda o: seen.append(
            f"{o.doc_id}:{type(o).__name__}"
        )
    )
    assert [d.doc_id for d in result.documents] == ["a-ludza", "d-preili"]
    assert [(e.doc_id, e.stage, e.error) for e in result.errors] == [
        ("b-salust", "fill", "KeyError"),
        ("c-bin", "read", "ReadError"),
    ]
    assert seen == [
        "a-ludza:Document", "b-salust:DocumentError", "c-bin:DocumentError", "d-preili:Document"
    ]
    assert result.counts["documents"] == 2
    assert result.counts["errors"] == 2
    assert (tmp_path / "out" / "errors.csv").read_text(encoding="utf-8").count("\n") == 3


def test_extract_documents_writes_nothing(tmp_path: Path, nlp) -> None:
    inputs = write_inputs(tmp_path / "in")
    result = extract_documents([inputs])
    assert [d.doc_id for d in result.documents] == ["a-ludza", "b-salust", "d-preili"]
    assert [e.doc_id for e in result.errors] == ["c-bin"]
    assert result.documents[0].visits
    assert sorted(p.name for p in inputs.iterdir()) == [
        "a-ludza.txt", "b-salust.txt", "c-bin.txt", "d-preili.txt"
    ]
    assert not isinstance(result.documents[0], DocumentError)

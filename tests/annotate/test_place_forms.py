"""Every inflected form in fixtures/place_forms.tsv, alone in a document, is one place
mention with the canonical name and id the table gives (issue: gazetteer inflection)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from spacy.language import Language

TABLE = Path(__file__).parent / "fixtures" / "place_forms.tsv"


def _rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        return list(csv.DictReader(lines, delimiter="\t"))


ROWS = _rows()


def test_the_table_is_large_enough() -> None:
    assert len(ROWS) >= 150


@pytest.mark.parametrize("row", ROWS, ids=[r["form"] for r in ROWS])
def test_a_form_maps_to_its_place(nlp: Language, row: dict[str, str]) -> None:
    doc = nlp(row["form"])
    assert [(e.text, e.label_, e._.norm) for e in doc.ents] == [
        (row["form"], row["label"], row["norm"])
    ]
    assert (doc.ents[0]._.facts.get("id") or "") == row["id"]

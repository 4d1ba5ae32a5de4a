"""Build from the real shared sources and check counts, known forms and gold coverage."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from pipeline.gazetteer import kb
from pipeline.gazetteer.build import build_gazetteers

SHARED = Path(__file__).parents[2].parent / "shared"
SOURCE = SHARED / "data" / "gazetteers"
PLACE_LABELS = {"MUNICIPALITY", "LOCALITY", "REGION", "FOREIGN_PLACE"}

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SOURCE.is_dir(), reason="../shared/data/gazetteers is absent"),
]


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("shared-gazetteers")
    build_gazetteers(SOURCE, out)
    return out / "places.jsonl"


def _index(path: Path) -> dict[str, tuple[kb.Place, ...]]:
    return dict(kb.index_by_form(kb.load_places(path)))


def test_counts(gazetteer: Path) -> None:
    kinds = Counter(p.kind for p in kb.load_places(gazetteer))
    labels = Counter((p.label, p.kind) for p in kb.load_places(gazetteer))
    assert kinds["novads"] + labels["MUNICIPALITY", "valstspilsēta"] == 44  # 43 + Madona 2025
    assert kinds["novads_2009"] + kinds["republikas_pilsēta_2009"] == 119
    assert kinds["pagasts"] == 511
    assert kinds["pilsēta"] + kinds["valstspilsēta"] == 79
    assert kinds["planning_region"] == 5
    assert kinds["ciems"] > 3000


@pytest.mark.parametrize(
    ("form", "label", "norm", "place_id"),
    [
        ("Preiļos", "LOCALITY", "Preiļi", None),
        ("Jelgavas novadā", "MUNICIPALITY", "Jelgavas novads", "0030000"),
        ("Rēzeknes valstspilsētas", "MUNICIPALITY", "Rēzekne", "0006000"),
        ("Ādažiem", "LOCALITY", "Ādaži", "0023200"),
        ("Kalnciemā", "LOCALITY", "Kalnciems", None),
        ("LPR", "REGION", "Latgales plānošanas reģions", None),
        ("Zemgalē", "REGION", "Zemgales plānošanas reģions", None),
        ("Rokišķos", "FOREIGN_PLACE", "Rokišķi", None),
        ("Viļņā", "FOREIGN_PLACE", "Viļņa", "LT-57"),
        ("Zviedrijā", "FOREIGN_PLACE", "Zviedrija", "SE"),
    ],
)
def test_known_forms(gazetteer: Path, form: str, label: str, norm: str,
                     place_id: str | None) -> None:
    best = _index(gazetteer)[form.lower()][0]
    assert (best.label, best.norm, best.id) == (label, norm, place_id)


def test_gold_place_mentions_are_covered(gazetteer: Path) -> None:
    """Every gold place mention whose text is a full name form (not a bare genitive left
    by a shared head) is in the forms with the gold norm and label."""
    gold = sorted((SHARED / "corpus").glob("*/*.json"))
    if not gold:
        pytest.skip("no gold files")
    forms, modifiers = _index(gazetteer), dict(kb.index_by_modifier(kb.load_places(gazetteer)))
    found = shared_head = 0
    missed = []
    for path in gold:
        for e in json.loads(path.read_text("utf-8")).get("entities", []):
            if e["label"] not in PLACE_LABELS:
                continue
            key, want = e["text"].lower(), (e["label"], e["norm"])
            if any((p.label, p.norm) == want for p in forms.get(key, ())):
                found += 1
            elif any((p.label, p.norm) == want for p in modifiers.get(key, ())):
                shared_head += 1
            else:
                missed.append(e["text"])
    coverage = found / (found + len(missed))
    print(f"gold place mentions: {found} full forms found, {shared_head} via modifier, "
          f"{len(missed)} missed {missed}; full-form coverage {coverage:.1%}")
    assert coverage >= 0.95

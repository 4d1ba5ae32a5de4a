"""Shared fixtures: the hand-made Latvian gold in fixtures/gold and a predictions writer."""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from pipeline.eval import EvalResult, evaluate, load_gold
from pipeline.eval.contract import RECORD_TABLES, load_contract
from pipeline.eval.entities import Annotations, Mention, TableRow, Value

FIXTURES = Path(__file__).parent / "fixtures"


def _cell(value: Value) -> str:
    if value is None:
        return ""
    return "; ".join(value) if isinstance(value, list) else str(value)


def write_predictions(docs: Iterable[Annotations], out: Path) -> Path:
    """Write documents as the pipeline's four CSVs (the contract's columns, lists '; ')."""
    docs = list(docs)
    tables = load_contract().tables
    out.mkdir(parents=True, exist_ok=True)
    rows: dict[str, list[dict[str, str]]] = {
        "mentions": [
            {"doc_id": m.doc_id, "start": str(m.start), "end": str(m.end), "text": m.text,
             "label": m.label, "norm": _cell(m.norm), "id": _cell(m.id),
             "source": m.source or "gold", "score": "1.0"}
            for d in docs for m in d.mentions
        ],
    }
    for table in RECORD_TABLES:
        rows[table] = [
            {col: _cell(r.get(col)) for col in tables[table]} for d in docs for r in d.rows(table)
        ]
    for table, table_rows in rows.items():
        with (out / f"{table}.csv").open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=tables[table])
            writer.writeheader()
            writer.writerows(table_rows)
    return out


@pytest.fixture
def gold_dir() -> Path:
    return FIXTURES / "gold"


@pytest.fixture(scope="session")
def write_preds() -> Callable[[Iterable[Annotations], Path], Path]:
    return write_predictions


def _copy(doc: Annotations) -> Annotations:
    return Annotations(doc.doc_id, None, list(doc.mentions),
                    {t: list(rows) for t, rows in doc.records.items()})


def _with(record: TableRow, **values) -> TableRow:
    return TableRow(record.table, record.doc_id, {**record.values, **values})


@pytest.fixture
def perturbed(gold_dir: Path, tmp_path: Path) -> EvalResult:
    """The fixture gold with hand-made errors; test_scorer.py gives the figures by hand."""
    gold = load_gold(gold_dir)
    ogre, tukums = _copy(gold["ogre-01"]), _copy(gold["tukums-02"])
    by_text = {(m.doc_id, m.text, m.start): i for d in (ogre, tukums)
               for i, m in enumerate(d.mentions)}
    # ogre-01: the CENTRE span starts 7 characters late ('centru “Saulgrieži”').
    i = by_text["ogre-01", "dienas centru “Saulgrieži”", 124]
    ogre.mentions[i] = dataclasses.replace(ogre.mentions[i], start=131, text="centru “Saulgrieži”")
    # ogre-01: Valmieru gets a wrong norm and a wrong ATVK id.
    i = by_text["ogre-01", "Valmieru", 100]
    ogre.mentions[i] = dataclasses.replace(ogre.mentions[i], norm="Valmieras novads", id="0054000")
    # ogre-01: a spurious MUNICIPALITY inside the ORG name (its norm is already in gold).
    ogre.mentions.append(Mention(0, 5, "Ogres", "MUNICIPALITY", "Ogres novads", doc_id="ogre-01"))
    # tukums-02: the fund labelled ORG instead of PROGRAMME; Rokišķiem missed.
    i = by_text["tukums-02", "Eiropas Sociālais fonds", 164]
    tukums.mentions[i] = dataclasses.replace(tukums.mentions[i], label="ORG")
    tukums.mentions = [m for m in tukums.mentions if m.text != "Rokišķiem"]
    # Tables. ogre-01's visit: 20 instead of 18 participants, one wrong site, and the
    # rest in other case and quotes (which must not matter).
    visit = ogre.rows("visits")[0]
    ogre.records["visits"] = [_with(
        visit, participants_count="20", sites_visited=["Saulgrieži", "Valmieras muzejs"],
        organiser="OGRES NOVADA SOCIĀLAIS DIENESTS", origin_countries=["lv"],
    )]
    # tukums-02's visit missed; its centre named in Word quotes; its project without code.
    tukums.records["visits"] = []
    centre = tukums.rows("centres")[0]
    tukums.records["centres"] = [_with(centre, name="„Liepas”", operator="biedrība „Zaļā sēta”")]
    project = tukums.rows("projects")[0]
    tukums.records["projects"] = [_with(project, code=None, project_key="Kopā varam")]
    # ogre-01: a spurious centre.
    ogre.records["centres"].append(TableRow("centres", "ogre-01",
                                          {"name": "Ogres DAC", "doc_ids": ["ogre-01"]}))
    return evaluate(gold_dir, write_predictions([ogre, tukums], tmp_path / "pred"))

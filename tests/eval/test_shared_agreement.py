"""`eval` agrees with the independent scorer ../shared/tools/score.py on the shared gold.

Predictions are the shared gold with deterministic damage (every 3rd entity dropped,
some spans shrunk or moved, some norms changed, visit records and fields dropped,
centres renamed in other case and quotes, spurious rows), written as the pipeline's CSVs.
"""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.eval import EvalResult, evaluate, load_gold
from pipeline.eval.entities import Annotations, TableRow

SHARED = Path(__file__).parents[2].parent / "shared"
SCORE = SHARED / "tools" / "score.py"
CORPORA = [SHARED / "corpus" / "seeds", SHARED / "corpus" / "dev"]

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(
        not SCORE.is_file() or not all(c.is_dir() for c in CORPORA),
        reason="../shared (score.py and corpus) is absent",
    ),
]


def _damaged(doc: Annotations) -> Annotations:
    mentions = []
    for k, m in enumerate(sorted(doc.mentions, key=lambda m: m.span)):
        if k % 3 == 2:
            continue
        if k % 5 == 0 and m.end - m.start > 1:
            m = dataclasses.replace(m, start=m.start + 1)  # shrunk: partial, not strict
        elif k % 7 == 1:
            m = dataclasses.replace(m, start=m.start + 1, end=m.end + 1)  # moved by one
        if k % 4 == 1:
            m = dataclasses.replace(m, norm=f"{m.norm} X")
        mentions.append(m)
    records: dict[str, list[TableRow]] = {}
    for i, r in enumerate(doc.rows("visits")):
        if i % 3 != 1:
            drop = "sites_visited" if i % 2 else "participants_count"
            records.setdefault("visits", []).append(_with(r, **{drop: None}))
    for i, r in enumerate(doc.rows("centres")):
        if i % 4 != 3:
            name = f"„{str(r.get('name')).upper()}”" if i % 2 else r.get("name")
            records.setdefault("centres", []).append(_with(r, name=name, target_groups=None))
    for i, r in enumerate(doc.rows("projects")):
        budget = r.get("total_budget_eur")
        renamed = (int(doc.doc_id[-1]) + i) % 3 == 0  # no code, other name: not aligned
        records.setdefault("projects", []).append(_with(
            r, code=None if renamed or i % 2 else r.get("code"),
            name="Cits projekts" if renamed else r.get("name"),
            total_budget_eur=str(budget).replace(".", ",") if budget is not None else "1000",
        ))
    if len(doc.doc_id) % 2:
        records.setdefault("centres", []).append(
            TableRow("centres", doc.doc_id, {"name": "Izdomāts centrs", "doc_ids": [doc.doc_id]}))
    return Annotations(doc.doc_id, None, mentions, records)


def _with(record: TableRow, **values) -> TableRow:
    return TableRow(record.table, record.doc_id, {**record.values, **values})


@pytest.fixture(scope="module")
def setup(tmp_path_factory, write_preds) -> tuple[Path, Path, EvalResult]:
    gold_dir = tmp_path_factory.mktemp("gold")
    for corpus in CORPORA:
        for path in [*corpus.glob("*.json"), *corpus.glob("*.txt")]:
            (gold_dir / path.name).symlink_to(path)
    pred_dir = write_preds(
        [_damaged(d) for d in load_gold(gold_dir).values()],
        tmp_path_factory.mktemp("pred"),
    )
    return gold_dir, pred_dir, evaluate(gold_dir, pred_dir)


@pytest.mark.parametrize("hash_seed", ["0", "1", "2"])
def test_headline_figures_equal_score_py(setup, hash_seed):
    gold_dir, pred_dir, result = setup
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}  # score.py walks sets in hash order
    out = subprocess.run(
        [sys.executable, str(SCORE), str(gold_dir), str(pred_dir)],
        capture_output=True, text=True, check=True, env=env,
    ).stdout
    summary = dict(re.findall(r"(\w+)=([\d.]+)", out.splitlines()[-1]))
    assert summary == {
        "docs": str(len(result.gold)),
        "strict_f1": f"{result.mention_counts('strict').f1:.3f}",
        "partial_f1": f"{result.mention_counts('partial').f1:.3f}",
        "norm_f1": f"{result.mention_counts('norm').f1:.3f}",
        **{f"{t}_f1": f"{result.tables[t].records.counts().f1:.3f}"
           for t in ("visits", "centres", "projects")},
    }
    for label, tp, fp, fn in re.findall(r"^([A-Z_]+)\s+(\d+)\s+(\d+)\s+(\d+)\s", out, re.M):
        c = result.mention_counts("strict", label)
        assert (c.tp, c.fp, c.fn) == (int(tp), int(fp), int(fn)), label
    for table, p, r, f, fields in re.findall(
        r"^(\w+): record P ([\d.]+) R ([\d.]+) F1 ([\d.]+) \| (.*)$", out, re.M
    ):
        c = result.tables[table].records.counts()
        assert (f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}") == (p, r, f)
        ours = result.tables[table].field_scores()
        for field, accuracy in re.findall(r"(\w+)=([\d.]+)", fields):
            assert f"{ours[field].accuracy:.2f}" == accuracy, (table, field)


def test_damage_reaches_every_kind_of_figure(setup):
    """Guards the agreement test against comparing only perfect scores."""
    _, _, result = setup
    figures = [result.mention_counts(s).f1 for s in ("strict", "partial", "norm")]
    figures += [t.records.counts().f1 for t in result.tables.values()]
    assert all(0.0 < f < 1.0 for f in figures), figures
    assert result.mention_counts("partial").tp > result.mention_counts("strict").tp

"""Scoring a set of gold documents against predictions: per document, then merged.

Predictions for documents without gold are left out (and named in the result), as
score.py does, so a run over more texts than are annotated can still be scored.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from .contract import RECORD_TABLES, load_contract
from .entities import Annotations, Mention, NormKey, TableRow
from .gold import load_gold, load_predictions
from .metrics import (
    ID_LABELS,
    Alignment,
    Counts,
    FieldOutcome,
    FieldScore,
    IdCounts,
    align_records,
    compare_fields,
    id_counts,
    norm_match,
    partial_match,
    strict_match,
)

#: Decimals kept in the JSON dump.
DIGITS = 4


@dataclass(frozen=True)
class TableResult:
    """One table: records aligned across documents and their field outcomes."""

    table: str
    records: Alignment[TableRow]
    fields: tuple[FieldOutcome, ...]

    def field_scores(self) -> dict[str, FieldScore]:
        """Per field, in column order; fields with no outcome at all are left out."""
        return {
            name: FieldScore.of(o for o in self.fields if o.field == name)
            for name in load_contract().scored_fields(self.table)
            if any(o.field == name for o in self.fields)
        }


@dataclass(frozen=True)
class EvalResult:
    """Everything `eval` found, with where each outcome happened.

    `gold` keeps the documents (and their texts) so that listings can quote context.
    """

    gold: Mapping[str, Annotations]
    strict: Alignment[Mention]
    partial: Alignment[Mention]
    norms: Alignment[NormKey]
    tables: Mapping[str, TableResult]
    unscored_docs: tuple[str, ...]

    @property
    def labels(self) -> tuple[str, ...]:
        """Labels seen in gold or predictions: contract order, then unknown ones sorted."""
        matched = (g for g, _ in self.partial.matched)
        seen = {m.label for m in chain(matched, self.partial.missed, self.partial.spurious)}
        known = load_contract().labels
        return tuple(lab for lab in known if lab in seen) + tuple(sorted(seen - set(known)))

    def mention_counts(self, scheme: str, label: str | None = None) -> Counts:
        """tp/fp/fn of 'strict', 'partial' or 'norm' matching, micro or for one label."""
        alignment = {"strict": self.strict, "partial": self.partial, "norm": self.norms}[scheme]
        return alignment.counts(lambda x: label is None or x.label == label)

    def ids(self, label: str) -> IdCounts:
        """Id accuracy of MUNICIPALITY or LOCALITY mentions (see `ID_LABELS`)."""
        return id_counts(self.strict, label)

    def to_dict(self) -> dict:
        """All figures with their counts, in a stable key order, rounded to 4 decimals."""
        mentions = {
            scheme: {
                "micro": _counts(self.mention_counts(scheme)),
                "per_label": {
                    lab: _counts(self.mention_counts(scheme, lab)) for lab in self.labels
                },
            }
            for scheme in ("strict", "partial", "norm")
        }
        ids = {}
        for lab in ID_LABELS:
            c = self.ids(lab)
            accuracy = None if c.accuracy is None else round(c.accuracy, DIGITS)
            ids[lab] = {
                "right": c.right,
                "wrong": c.wrong,
                "no_gold_id": c.no_gold_id,
                "accuracy": accuracy,
            }
        tables = {
            name: {
                "records": _counts(t.records.counts()),
                "fields": {
                    field: {
                        "right": s.right,
                        "wrong": s.wrong,
                        "accuracy": round(s.accuracy, DIGITS),
                        **_counts(s.counts),
                    }
                    for field, s in t.field_scores().items()
                },
            }
            for name, t in self.tables.items()
        }
        return {
            "docs": len(self.gold),
            "unscored_docs": list(self.unscored_docs),
            "mentions": mentions,
            "ids": ids,
            "tables": tables,
        }

    def to_json(self) -> str:
        """`to_dict` as indented UTF-8 JSON (Latvian letters kept)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"


def _counts(c: Counts) -> dict[str, float]:
    return {
        "tp": c.tp,
        "fp": c.fp,
        "fn": c.fn,
        "precision": round(c.precision, DIGITS),
        "recall": round(c.recall, DIGITS),
        "f1": round(c.f1, DIGITS),
    }


def evaluate(
    gold: Path | Sequence[Path], pred_dir: Path, texts_dir: Path | None = None
) -> EvalResult:
    """Score the CSVs in `pred_dir` against gold JSON.

    Args:
        gold: a gold directory, a gold file, or several of either.
        pred_dir: the pipeline's output directory (mentions.csv, visits.csv, ...).
        texts_dir: where `<doc_id>.txt` lives when not beside its gold JSON.
    Raises:
        GoldError: a gold file breaks the contract.
        PredictionError: a predictions CSV cannot be read.
    """
    return score_documents(load_gold(gold, texts_dir), load_predictions(pred_dir))


def score_documents(gold: Mapping[str, Annotations], pred: Mapping[str, Annotations]) -> EvalResult:
    """Score already loaded documents (the gold set decides which documents count)."""
    pairs = [(g, pred.get(doc_id, Annotations(doc_id))) for doc_id, g in gold.items()]
    tables = {}
    for table in RECORD_TABLES:
        records = Alignment.merge(
            align_records(table, g.rows(table), p.rows(table)) for g, p in pairs
        )
        tables[table] = TableResult(table, records, compare_fields(table, records))
    return EvalResult(
        gold=dict(gold),
        strict=Alignment.merge(strict_match(g.mentions, p.mentions) for g, p in pairs),
        partial=Alignment.merge(partial_match(g.mentions, p.mentions) for g, p in pairs),
        norms=Alignment.merge(norm_match(g.mentions, p.mentions) for g, p in pairs),
        tables=tables,
        unscored_docs=tuple(sorted(d for d in pred if d not in gold)),
    )

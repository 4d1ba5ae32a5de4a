"""Counting, nervaluate-style: each scheme returns *where* every outcome happened.

An `Alignment` keeps the matched pairs, the missed gold items and the spurious
predictions; tp/fp/fn are derived from it, never stored beside it, so the figures and
the error listing cannot disagree. The matching rules mirror `../shared/tools/score.py`
(see the module functions for the few places where they are made deterministic).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Generic, TypeVar

from .contract import Contract, load_contract
from .entities import Mention, NormKey, TableRow, Value
from .fold import fold, fold_list, fold_number

T = TypeVar("T")

#: Mention labels whose `id` (the ATVK code) is scored.
ID_LABELS = ("MUNICIPALITY", "LOCALITY")


@dataclass(frozen=True)
class Counts:
    """tp/fp/fn and the precision, recall and F1 they give (0.0 where undefined)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Alignment(Generic[T]):
    """Gold items paired with predictions: matched (gold, pred), missed gold, spurious pred."""

    matched: tuple[tuple[T, T], ...] = ()
    missed: tuple[T, ...] = ()
    spurious: tuple[T, ...] = ()

    @classmethod
    def merge(cls, parts: Iterable[Alignment[T]]) -> Alignment[T]:
        """Several documents' alignments as one, in the given order."""
        parts = list(parts)
        return cls(
            tuple(chain.from_iterable(a.matched for a in parts)),
            tuple(chain.from_iterable(a.missed for a in parts)),
            tuple(chain.from_iterable(a.spurious for a in parts)),
        )

    def counts(self, keep: Callable[[T], bool] = lambda _: True) -> Counts:
        """tp/fp/fn over the items `keep` accepts (a matched pair is judged by its gold item)."""
        return Counts(
            sum(1 for g, _ in self.matched if keep(g)),
            sum(1 for p in self.spurious if keep(p)),
            sum(1 for g in self.missed if keep(g)),
        )


def _unique(mentions: Iterable[Mention]) -> dict[tuple[int, int, str], Mention]:
    """Mentions by span in text order; a repeated span counts once (its first row is kept)."""
    out: dict[tuple[int, int, str], Mention] = {}
    for m in sorted(mentions, key=lambda m: m.span):
        out.setdefault(m.span, m)
    return out


def strict_match(gold: Iterable[Mention], pred: Iterable[Mention]) -> Alignment[Mention]:
    """One document's mentions matched on identical offsets and label."""
    g, p = _unique(gold), _unique(pred)
    return Alignment(
        tuple((g[s], p[s]) for s in g if s in p),
        tuple(g[s] for s in g if s not in p),
        tuple(p[s] for s in p if s not in g),
    )


def partial_match(gold: Iterable[Mention], pred: Iterable[Mention]) -> Alignment[Mention]:
    """One document's mentions matched one-to-one on overlap and same label (SemEval 'partial').

    Greedy like score.py; to be deterministic (score.py walks sets in hash order), gold
    is taken in text order and an exact match is preferred over a mere overlap.
    """
    free = _unique(pred)
    matched: list[tuple[Mention, Mention]] = []
    missed: list[Mention] = []
    for g in _unique(gold).values():
        hit = free.get(g.span) or next((p for p in free.values() if p.overlaps(g)), None)
        if hit is None:
            missed.append(g)
        else:
            matched.append((g, hit))
            del free[hit.span]
    return Alignment(tuple(matched), tuple(missed), tuple(free.values()))


def norm_match(gold: Iterable[Mention], pred: Iterable[Mention]) -> Alignment[NormKey]:
    """One document's sets of (label, folded norm) compared: normalisation apart from spans."""
    g = {NormKey(m.doc_id, m.label, fold(m.norm)) for m in gold}
    p = {NormKey(m.doc_id, m.label, fold(m.norm)) for m in pred}
    return Alignment(
        tuple((k, k) for k in sorted(g & p)), tuple(sorted(g - p)), tuple(sorted(p - g))
    )


def id_right(gold: Mention, pred: Mention) -> bool | None:
    """Whether a matched mention carries the gold id; None where gold gives no id."""
    if gold.id is None:
        return None
    return (pred.id or "").strip() == gold.id.strip()


@dataclass(frozen=True)
class IdCounts:
    """Strictly matched mentions of one label by whether their id is right."""

    right: int = 0
    wrong: int = 0
    no_gold_id: int = 0

    @property
    def accuracy(self) -> float | None:
        """Share of right ids; None (n/a) when gold gives no id for any matched mention."""
        return self.right / (self.right + self.wrong) if self.right + self.wrong else None


def id_counts(strict: Alignment[Mention], label: str) -> IdCounts:
    """Id accuracy of one label over the strict matches."""
    verdicts = [id_right(g, p) for g, p in strict.matched if g.label == label]
    return IdCounts(verdicts.count(True), verdicts.count(False), verdicts.count(None))


def _same_visit(g: TableRow, p: TableRow) -> bool:
    dest = "destination_municipalities"
    return fold(g.get("date_start")) == fold(p.get("date_start")) or bool(
        set(fold_list(g.get(dest))) & set(fold_list(p.get(dest)))
    )


def _same_centre(g: TableRow, p: TableRow) -> bool:
    return fold(g.get("name")) == fold(p.get("name"))


def _project_key(r: TableRow) -> str:
    return fold(r.get("code")) or fold(r.get("name"))


def _same_project(g: TableRow, p: TableRow) -> bool:
    name = fold(p.get("name"))
    return _project_key(g) == _project_key(p) or (name != "" and name == fold(g.get("name")))


#: When a predicted record may stand for a gold one (score.py's rules, both empty included).
SAME_RECORD: dict[str, Callable[[TableRow, TableRow], bool]] = {
    "visits": _same_visit,
    "centres": _same_centre,
    "projects": _same_project,
}


def align_records(
    table: str, gold: Sequence[TableRow], pred: Sequence[TableRow]
) -> Alignment[TableRow]:
    """One document's records paired one-to-one: each gold row, in file order, takes the
    first still-free predicted row that may stand for it."""
    same = SAME_RECORD[table]
    free = list(pred)
    matched: list[tuple[TableRow, TableRow]] = []
    missed: list[TableRow] = []
    for g in gold:
        hit = next((p for p in free if same(g, p)), None)
        if hit is None:
            missed.append(g)
        else:
            matched.append((g, hit))
            free.remove(hit)
    return Alignment(tuple(matched), tuple(missed), tuple(free))


@dataclass(frozen=True)
class FieldOutcome:
    """One field of one gold record against its aligned prediction (None: record missed).

    `right` is exact agreement after folding; `counts` are item-level: list items for
    list fields, else one value (a wrong value is an fp where predicted and an fn where
    gold has one).
    """

    field: str
    gold: TableRow
    pred: TableRow | None
    right: bool
    counts: Counts


def compare_value(field: str, gold: Value, pred: Value, contract: Contract) -> tuple[bool, Counts]:
    """Lists as sets of folded items, numbers rounded to 2 decimals, else folded strings."""
    if field in contract.list_columns:
        g, p = set(fold_list(gold)), set(fold_list(pred))
        return g == p, Counts(len(g & p), len(p - g), len(g - p))
    if field in contract.number_columns:
        gv, pv = fold_number(gold), fold_number(pred)
        g_has, p_has = gv is not None, pv is not None
    else:
        gv, pv = fold(gold), fold(pred)
        g_has, p_has = gv != "", pv != ""
    right = gv == pv
    return right, Counts(int(right and g_has), int(p_has and not right), int(g_has and not right))


def compare_fields(table: str, records: Alignment[TableRow]) -> tuple[FieldOutcome, ...]:
    """Field outcomes of aligned and missed gold records; a field empty on both sides is
    skipped, spurious records count only at record level (both as in score.py)."""
    contract = load_contract()
    pairs: list[tuple[TableRow, TableRow | None]] = [*records.matched]
    pairs.extend((g, None) for g in records.missed)
    outcomes = []
    for gold, pred in pairs:
        for field in contract.scored_fields(table):
            g, p = gold.get(field), pred.get(field) if pred else None
            if g is None and p is None:
                continue
            right, counts = compare_value(field, g, p, contract)
            outcomes.append(FieldOutcome(field, gold, pred, right, counts))
    return tuple(outcomes)


@dataclass(frozen=True)
class FieldScore:
    """A field's exact-match accuracy (right/wrong) and item-level P/R/F1."""

    right: int
    wrong: int
    counts: Counts

    @property
    def accuracy(self) -> float:
        return self.right / (self.right + self.wrong) if self.right + self.wrong else 0.0

    @classmethod
    def of(cls, outcomes: Iterable[FieldOutcome]) -> FieldScore:
        outcomes = list(outcomes)
        right = sum(o.right for o in outcomes)
        return cls(right, len(outcomes) - right, sum((o.counts for o in outcomes), Counts()))

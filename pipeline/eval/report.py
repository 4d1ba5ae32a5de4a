"""Human-readable output: the figures table and the error listing grouped by document.

The JSON dump is `EvalResult.to_json()`; this module only lays out text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from .entities import Mention, TableRow, Value
from .fold import fold
from .metrics import ID_LABELS, Counts, id_right
from .scorer import EvalResult

#: Characters of document text shown on each side of an error.
CONTEXT = 20

#: TableRow fields whose values are looked up in the text to show a missed or spurious record.
CONTEXT_FIELDS = {
    "visits": ("sites_visited", "project", "destination_localities", "destination_municipalities"),
    "centres": ("name",),
    "projects": ("code", "name"),
}

_HEAD = f"{'tp':>5}{'fp':>5}{'fn':>5}{'P':>7}{'R':>7}{'F1':>7}"


def _figures(c: Counts) -> str:
    return f"{c.tp:>5}{c.fp:>5}{c.fn:>5}{c.precision:>7.3f}{c.recall:>7.3f}{c.f1:>7.3f}"


def format_report(result: EvalResult) -> str:
    """The figures as a text table: mentions, normalisation, ids, then each table."""
    lines = [f"Documents: {len(result.gold)}"]
    if result.unscored_docs:
        lines.append(f"Left out (predictions without gold): {', '.join(result.unscored_docs)}")
    lines += ["", f"{'Mentions':<16}{'strict':<34}{'partial (overlap)':<34}(label, norm)"]
    lines.append(f"{'label':<16}{_HEAD}   {_HEAD}   {_HEAD}")
    for label in (*result.labels, None):
        lines.append(
            f"{label or 'micro':<16}"
            + "   ".join(
                _figures(result.mention_counts(scheme, label))
                for scheme in ("strict", "partial", "norm")
            )
        )
    lines += ["", "Gazetteer ids of strictly matched mentions"]
    for label in ID_LABELS:
        c = result.ids(label)
        accuracy = "n/a" if c.accuracy is None else f"{c.accuracy:.3f}"
        lines.append(
            f"{label:<16}right {c.right:>4}  wrong {c.wrong:>4}  "
            f"no gold id {c.no_gold_id:>4}  accuracy {accuracy}"
        )
    for name, table in result.tables.items():
        lines += [
            "",
            f"{name:<28}{'':>14}{_HEAD}",
            f"{'  records':<28}{'':>14}" + _figures(table.records.counts()),
        ]
        lines.append(f"{'  field':<28}{'right':>6}{'wrong':>6}{'acc':>7}   items")
        for field, s in table.field_scores().items():
            lines.append(
                f"  {field:<26}{s.right:>6}{s.wrong:>6}{s.accuracy:>7.3f}" + _figures(s.counts)
            )
    return "\n".join(lines) + "\n"


def format_errors(result: EvalResult) -> str:
    """Missed, spurious and boundary-only mentions, wrong norms and ids, missed and spurious
    records and wrong fields of aligned records, grouped by document, with text context."""
    by_doc: dict[str, list[tuple[tuple[int, int], str]]] = defaultdict(list)

    def add(doc_id: str, position: tuple[int, int], line: str) -> None:
        """`position` sorts a document's lines: mentions by offset, then tables in order."""
        by_doc[doc_id].append((position, line))

    partial_gold = {(g.doc_id, g.span) for g, _ in result.partial.matched}
    partial_pred = {(p.doc_id, p.span) for _, p in result.partial.matched}
    for g in result.strict.missed:
        if (g.doc_id, g.span) not in partial_gold:
            add(g.doc_id, (0, g.start), f"missed    {_mention(g)}{_context(result, g)}")
    for p in result.strict.spurious:
        if (p.doc_id, p.span) not in partial_pred:
            source = f" [{p.source}]" if p.source else ""
            add(p.doc_id, (0, p.start), f"spurious  {_mention(p)}{source}{_context(result, p)}")
    for g, p in result.partial.matched:
        if g.span != p.span:
            add(
                g.doc_id,
                (0, g.start),
                f"boundary  {_mention(g)} | pred {p.text!r} "
                f"({p.start}-{p.end}){_context(result, g)}",
            )
    for g, p in result.strict.matched:
        if fold(g.norm) != fold(p.norm):
            add(
                g.doc_id,
                (0, g.start),
                f"norm      {_mention(g)}: gold {g.norm!r} | pred {p.norm!r}",
            )
        if id_right(g, p) is False:
            add(g.doc_id, (0, g.start), f"id        {_mention(g)}: gold {g.id} | pred {p.id}")
    for n, table in enumerate(result.tables.values(), start=1):
        for r in table.records.missed:
            add(r.doc_id, (n, 0), f"missed    {_record(r)}{_record_context(result, r)}")
        for r in table.records.spurious:
            add(r.doc_id, (n, 0), f"spurious  {_record(r)}{_record_context(result, r)}")
        for o in table.fields:
            if not o.right and o.pred is not None:
                add(
                    o.gold.doc_id,
                    (n, 0),
                    f"field     {_record(o.gold)} {o.field}: "
                    f"gold {_value(o.gold.get(o.field))} | pred {_value(o.pred.get(o.field))}",
                )
    blocks = []
    for doc_id in result.gold:
        if doc_id in by_doc:
            items = sorted(by_doc[doc_id], key=lambda item: item[0])
            blocks.append("\n".join([f"== {doc_id} ==", *("  " + line for _, line in items)]))
    return "\n\n".join(blocks) + "\n" if blocks else "No errors.\n"


def _mention(m: Mention) -> str:
    return f"{m.label:<14}{m.text!r} ({m.start}-{m.end})"


def _record(r: TableRow) -> str:
    label = r.get("name") or r.get("code") or r.get("date_start")
    return f"{r.table} {r.name}" + (f" {_value(label)}" if label else "")


def _value(v: Value) -> str:
    return "; ".join(v) if isinstance(v, list) else repr(v)


def _snippet(text: str, start: int, end: int) -> str:
    def squash(s: str) -> str:
        return re.sub(r"\s+", " ", s)

    left, right = max(0, start - CONTEXT), min(len(text), end + CONTEXT)
    before = ("…" if left else "") + squash(text[left:start])
    after = squash(text[end:right]) + ("…" if right < len(text) else "")
    return f"   «{before}[{squash(text[start:end])}]{after}»"


def _context(result: EvalResult, m: Mention) -> str:
    doc = result.gold.get(m.doc_id)
    if doc is None or doc.text is None or m.end > len(doc.text):
        return ""
    return _snippet(doc.text, m.start, m.end)


def _record_context(result: EvalResult, r: TableRow) -> str:
    """Where the record's name (or a near form of it) first occurs, if it does at all."""
    doc = result.gold.get(r.doc_id)
    if doc is None or doc.text is None:
        return ""
    for value in _flat(r.get(f) for f in CONTEXT_FIELDS[r.table]):
        for probe in (value, value[:-1] if len(value) > 4 else value):
            found = re.search(re.escape(probe), doc.text, flags=re.IGNORECASE)
            if found:
                return _snippet(doc.text, found.start(), found.end())
    return ""


def _flat(values: Iterable[Value]) -> list[str]:
    out: list[str] = []
    for v in values:
        if isinstance(v, list):
            out.extend(v)
        elif v is not None:
            out.append(str(v))
    return out

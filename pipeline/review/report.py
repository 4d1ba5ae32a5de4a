"""A static HTML review report: each document's text with its mentions marked, its table rows,
and, against gold, what was matched, missed and spurious.

The report is one folder: ``index.html`` (every document with its counts and, with gold, its
scores) and ``docs/<doc_id>.html`` per document. The CSS is inline, there is no script and
nothing is fetched, so the folder opens from disk in any browser, offline.

Rendering (displaCy's entity style, written here so that every mark can carry a hover
``title``): the predicted mentions are ``<mark class="ent ...">`` elements with their label;
the hover shows label, norm, id, source and score. Against gold (scored by
:mod:`pipeline.eval`, strict matching), a matched mention is drawn as usual with a tick, a
spurious one with a red dashed frame, and a missed gold mention, which may overlap
predicted ones, as a hatched orange underline with a "missed" label of its own.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from html import escape
from itertools import pairwise
from pathlib import Path
from typing import Any

from pipeline.document import Document, Mention
from pipeline.eval import EvalResult, load_gold, load_predictions, score_documents
from pipeline.eval.contract import RECORD_TABLES, load_contract
from pipeline.eval.entities import TableRow
from pipeline.eval.fold import fold, fold_list, fold_number

from .labelstudio import LABEL_COLOURS

STATUS_TEXT = {
    None: "",
    "matched": "matched gold",
    "spurious": "spurious (not in gold)",
    "missed": "missed (gold only)",
}

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5em auto;
max-width:1100px;padding:0 1em;color:#222;background:#fff}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:1.6em;border-bottom:1px solid #ddd}
a{color:#1864ab}
.text{white-space:pre-wrap;line-height:2.4;font-size:1.05em;border:1px solid #e5e5e5;
padding:1em;border-radius:6px;background:#fcfcfc}
mark.ent{padding:.2em .35em;margin:0 .1em;border-radius:.35em;line-height:1;
box-decoration-break:clone;-webkit-box-decoration-break:clone;color:#111}
mark.ent .lbl{font-size:.62em;font-weight:700;text-transform:uppercase;margin-left:.45em;
vertical-align:middle;letter-spacing:.02em}
mark.ent.spurious{outline:2px dashed #c92a2a;outline-offset:1px}
mark.ent.spurious>.tag::after{content:" \\2717";color:#c92a2a}
mark.ent.matched>.tag::after{content:" \\2713";color:#2b8a3e}
mark.ent.normdiff{box-shadow:inset 0 -3px 0 #e67700}
span.missed{background:repeating-linear-gradient(135deg,#fff4e6 0 4px,#ffd8a8 4px 8px);
border-bottom:3px solid #e8590c}
span.lbl.missed-lbl{font-size:.62em;font-weight:700;text-transform:uppercase;color:#fff;
background:#e8590c;border-radius:.3em;padding:.05em .35em;margin-left:.3em;
vertical-align:middle}
table{border-collapse:collapse;font-size:.85em;margin:.5em 0}
th,td{border:1px solid #ddd;padding:.25em .45em;text-align:left;vertical-align:top}
th{background:#f1f3f5}
tr.spurious td{background:#fff5f5}tr.missed td{background:#fff4e6}
tr.matched td:first-child{color:#2b8a3e}
td.diff{background:#fff3bf;box-shadow:inset 0 -2px 0 #e67700}
.wide{overflow-x:auto}
.legend span{margin-right:1em}.muted{color:#777}
.scores td{text-align:right}
"""


@dataclass(frozen=True)
class _Piece:
    """Something drawn over the text: a predicted mention or a missed gold one."""

    start: int
    end: int
    label: str
    title: str
    status: str | None
    normdiff: bool = False


def score_against_gold(
    documents: Sequence[Document], gold: Sequence[Path], texts_dir: Path | None = None
) -> EvalResult:
    """Score the documents as ``lvextract eval`` would score their CSVs, on the documents
    that have gold (gold files of other documents are left out)."""
    from pipeline.write import write_outputs

    gold_docs = load_gold(list(gold), texts_dir)
    with tempfile.TemporaryDirectory(prefix="lvextract-review-") as scratch:
        pred_dir = Path(scratch) / "pred"
        write_outputs(documents, [], pred_dir)
        pred = load_predictions(pred_dir)
    ids = {d.doc_id for d in documents}
    return score_documents({k: v for k, v in gold_docs.items() if k in ids}, pred)


def _title(*lines: tuple[str, Any]) -> str:
    return "\n".join(f"{key}: {value}" for key, value in lines if value not in (None, ""))


def _pieces(document: Document, result: EvalResult | None) -> tuple[list[_Piece], list[_Piece]]:
    """Predicted mentions (drawn as marks) and missed gold mentions (drawn underneath)."""
    doc_id = document.doc_id
    matched: dict[tuple[int, int, str], Any] = {}
    spurious: set[tuple[int, int, str]] = set()
    missed = []
    scored = result is not None and doc_id in result.gold
    if scored:
        matched = {p.span: g for g, p in result.strict.matched if p.doc_id == doc_id}
        spurious = {p.span for p in result.strict.spurious if p.doc_id == doc_id}
        missed = [g for g in result.strict.missed if g.doc_id == doc_id]
    preds = []
    for m in sorted(document.mentions, key=lambda m: (m.start, -m.end)):
        key = (m.start, m.end, m.label)
        status = None
        if scored:
            status = "matched" if key in matched else "spurious" if key in spurious else None
        gold = matched.get(key)
        normdiff = gold is not None and fold(gold.norm) != fold(m.norm)
        preds.append(_Piece(m.start, m.end, m.label, _mention_title(m, status, gold), status,
                            normdiff))
    gold_pieces = [
        _Piece(g.start, g.end, g.label,
               _title(("missed gold", g.label), ("text", g.text), ("norm", g.norm),
                      ("id", g.id)), "missed")
        for g in missed
    ]
    return preds, gold_pieces


def _mention_title(m: Mention, status: str | None, gold: Any) -> str:
    lines = [("label", m.label), ("norm", m.norm), ("id", m.id), ("source", m.source),
             ("score", f"{m.score:.2f}"), ("offsets", f"{m.start}-{m.end}"),
             ("status", STATUS_TEXT[status])]
    if gold is not None and fold(gold.norm) != fold(m.norm):
        lines.append(("gold norm", gold.norm))
    return _title(*lines)


def render_text(text: str, marks: Iterable[_Piece], under: Iterable[_Piece]) -> str:
    """The text as HTML with ``marks`` as non-overlapping ``<mark>`` elements and ``under``
    (which may overlap them) as underlined runs, cut at every boundary so nesting stays
    valid."""
    n = len(text)
    primary: list[_Piece] = []
    secondary = [p for p in under if 0 <= p.start < p.end <= n]
    for piece in sorted(marks, key=lambda p: (p.start, -p.end)):
        if not 0 <= piece.start < piece.end <= n:
            continue
        if primary and piece.start < primary[-1].end:
            secondary.append(piece)  # overlaps a drawn mark: shown underneath instead
        else:
            primary.append(piece)
    cuts = sorted({0, n, *(x for p in (*primary, *secondary) for x in (p.start, p.end))})
    opening = {p.start: p for p in primary}
    closing = {p.end: p for p in primary}
    out: list[str] = []
    for a, b in pairwise(cuts):
        if a in opening:
            out.append(_open_mark(opening[a]))
        segment = escape(text[a:b])
        for piece in secondary:
            if piece.start <= a and b <= piece.end:
                cls = "missed" if piece.status == "missed" else "overlap"
                segment = (f'<span class="{cls}" data-label="{piece.label}" '
                           f'title="{escape(piece.title)}">{segment}</span>')
        out.append(segment)
        for piece in secondary:
            if piece.end == b:
                word = "missed " if piece.status == "missed" else ""
                out.append(f'<span class="lbl missed-lbl">{word}{piece.label}</span>')
        if b in closing:
            out.append(f'<span class="lbl tag">{closing[b].label}</span></mark>')
    return "".join(out)


def _open_mark(piece: _Piece) -> str:
    classes = ["ent", *(c for c in (piece.status, "normdiff" if piece.normdiff else "") if c)]
    colour = LABEL_COLOURS.get(piece.label, "#dee2e6")
    status = f' data-status="{piece.status}"' if piece.status else ""
    return (f'<mark class="{" ".join(classes)}" data-label="{piece.label}"{status} '
            f'style="background:{colour}" title="{escape(piece.title)}">')


def _cell(value: Any) -> str:
    if value is None or value == []:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return escape("; ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value))


def _record_values(record: Any) -> dict[str, Any]:
    values = asdict(record)
    values.pop("provenance", None)
    return values


def _table_rows(document: Document, table: str,
                result: EvalResult | None) -> list[tuple[str | None, dict[str, Any]]]:
    """(status, values) of the document's rows; against gold, with missed gold rows."""
    if result is None or document.doc_id not in result.gold:
        return [(None, _record_values(r)) for r in getattr(document, table)]
    alignment = result.tables[table].records

    def mine(r: TableRow) -> bool:
        return r.doc_id == document.doc_id

    rows: list[tuple[str | None, dict[str, Any]]] = []
    rows += [("matched", {**p.values, DIFFS: _diffs(table, g, p)})
             for g, p in alignment.matched if mine(g)]
    rows += [("spurious", dict(p.values)) for p in alignment.spurious if mine(p)]
    rows += [("missed", dict(g.values)) for g in alignment.missed if mine(g)]
    return rows


DIFFS = "__diffs__"


def _diffs(table: str, gold: TableRow, pred: TableRow) -> dict[str, Any]:
    """Scored columns where a matched row differs from its gold row: column -> gold value."""
    contract = load_contract()
    out = {}
    for col in contract.scored_fields(table):
        g, p = gold.get(col), pred.get(col)
        if col in contract.list_columns:
            same = sorted(fold_list(g)) == sorted(fold_list(p))
        elif col in contract.number_columns:
            same = fold_number(g) == fold_number(p)
        else:
            same = fold(g) == fold(p)
        if not same:
            out[col] = g
    return out


def render_table(table: str, rows: list[tuple[str | None, dict[str, Any]]]) -> str:
    cols = list(load_contract().tables[table])
    if not rows:
        return f'<p class="muted">No {table}.</p>'
    scored = any(status for status, _ in rows)
    head = "".join(f"<th>{c}</th>" for c in (["status"] if scored else []) + cols)
    body = []
    for status, values in rows:
        cells = [f"<td>{STATUS_TEXT[status]}</td>"] if scored else []
        diffs = values.get(DIFFS) or {}
        cells += [
            f'<td class="diff" title="gold: {_cell(diffs[c]) or "(empty)"}">{_cell(values.get(c))}'
            "</td>" if c in diffs else f"<td>{_cell(values.get(c))}</td>"
            for c in cols
        ]
        body.append(f'<tr class="{status or ""}">{"".join(cells)}</tr>')
    return (f'<div class="wide"><table class="records" data-table="{table}"><thead><tr>{head}'
            f'</tr></thead><tbody>{"".join(body)}</tbody></table></div>')


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="lv"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{CSS}</style></head>"
            f"<body>\n{body}\n</body></html>\n")


def _legend(scored: bool) -> str:
    items = ['<span><mark class="ent" style="background:#dee2e6">predicted'
             '<span class="lbl tag">LABEL</span></mark></span>']
    if scored:
        items += [
            '<span><mark class="ent matched" style="background:#dee2e6">matched'
            '<span class="lbl tag">LABEL</span></mark></span>',
            '<span><mark class="ent spurious" style="background:#dee2e6">spurious'
            '<span class="lbl tag">LABEL</span></mark></span>',
            '<span><span class="missed">missed</span><span class="lbl missed-lbl">missed LABEL'
            "</span></span>",
            '<span><mark class="ent matched normdiff" style="background:#dee2e6">other norm'
            '<span class="lbl tag">LABEL</span></mark></span>',
            '<span class="muted">table cell differing from gold:</span> '
            '<span><table style="display:inline-table;margin:0"><tr><td class="diff">cell</td>'
            "</tr></table></span>",
        ]
    return ('<p class="legend">' + "".join(items)
            + ' <span class="muted">Hover a mark for its norm, id, source and score.</span></p>')


def _figures(result: EvalResult, doc_id: str | None = None) -> dict[str, Any]:
    def keep(m: Any) -> bool:
        return doc_id is None or m.doc_id == doc_id

    return {scheme: getattr(result, scheme).counts(keep)
            for scheme in ("strict", "partial", "norms")}


def document_page(document: Document, result: EvalResult | None, index_href: str) -> str:
    scored = result is not None and document.doc_id in result.gold
    preds, missed = _pieces(document, result)
    parts = [f'<p><a href="{index_href}">&larr; all documents</a></p>',
             f"<h1>{escape(document.doc_id)}</h1>", _legend(scored)]
    if scored:
        f = _figures(result, document.doc_id)
        parts.append(
            "<p>Mentions against gold: "
            + ", ".join(
                f"{name} F1 {c.f1:.3f} (tp {c.tp}, fp {c.fp}, fn {c.fn})"
                for name, c in f.items()
            ) + "</p>"
        )
    elif result is not None:
        parts.append('<p class="muted">No gold for this document.</p>')
    parts.append(f'<div class="text" id="text">{render_text(document.text, preds, missed)}</div>')
    for table in RECORD_TABLES:
        parts.append(f"<h2>{table}</h2>")
        parts.append(render_table(table, _table_rows(document, table, result)))
    return _page(f"{document.doc_id} - lvextract review", "\n".join(parts))


def _file_names(doc_ids: Iterable[str]) -> dict[str, str]:
    names: dict[str, str] = {}
    used: set[str] = set()
    for doc_id in doc_ids:
        base = re.sub(r"[^\w.-]", "_", doc_id).lstrip(".") or "doc"
        name, n = f"{base}.html", 1
        while name.lower() in used:
            n += 1
            name = f"{base}-{n}.html"
        used.add(name.lower())
        names[doc_id] = name
    return names


def index_page(documents: Sequence[Document], names: dict[str, str],
               result: EvalResult | None) -> str:
    parts = ["<h1>lvextract review</h1>",
             f"<p>{len(documents)} documents. Open one to see its mentions and table rows.</p>"]
    if result is not None:
        f = _figures(result)
        lines = [f"<tr><td>mentions, {name}</td><td>{c.tp}</td><td>{c.fp}</td><td>{c.fn}</td>"
                 f"<td>{c.f1:.3f}</td></tr>" for name, c in f.items()]
        for table in RECORD_TABLES:
            c = result.tables[table].records.counts()
            lines.append(f"<tr><td>{table} records</td><td>{c.tp}</td><td>{c.fp}</td>"
                         f"<td>{c.fn}</td><td>{c.f1:.3f}</td></tr>")
        parts.append('<h2>Scores against gold</h2><table class="scores"><tr><th>figure</th>'
                     "<th>tp</th><th>fp</th><th>fn</th><th>F1</th></tr>" + "".join(lines)
                     + "</table>")
    head = "<th>document</th><th>mentions</th>" + "".join(f"<th>{t}</th>" for t in RECORD_TABLES)
    if result is not None:
        head += "<th>missed</th><th>spurious</th><th>strict F1</th>"
    rows = []
    for d in documents:
        cells = [f'<td><a href="docs/{names[d.doc_id]}">{escape(d.doc_id)}</a></td>',
                 f"<td>{len(d.mentions)}</td>",
                 *(f"<td>{len(getattr(d, t))}</td>" for t in RECORD_TABLES)]
        if result is not None and d.doc_id in result.gold:
            c = _figures(result, d.doc_id)["strict"]
            cells += [f"<td>{c.fn}</td>", f"<td>{c.fp}</td>", f"<td>{c.f1:.3f}</td>"]
        elif result is not None:
            cells += ['<td colspan="3" class="muted">no gold</td>']
        rows.append(f"<tr>{''.join(cells)}</tr>")
    parts.append(f'<h2>Documents</h2><table class="docs"><tr>{head}</tr>{"".join(rows)}'
                 "</table>")
    return _page("lvextract review", "\n".join(parts))


def write_report(documents: Sequence[Document], out_dir: Path,
                 result: EvalResult | None = None) -> Path:
    """Write ``index.html`` and ``docs/<doc_id>.html`` into ``out_dir``; return the index."""
    documents = sorted(documents, key=lambda d: d.doc_id)
    names = _file_names(d.doc_id for d in documents)
    pages = out_dir / "docs"
    pages.mkdir(parents=True, exist_ok=True)
    for document in documents:
        (pages / names[document.doc_id]).write_text(
            document_page(document, result, "../index.html"), encoding="utf-8")
    index = out_dir / "index.html"
    index.write_text(index_page(documents, names, result), encoding="utf-8")
    return index


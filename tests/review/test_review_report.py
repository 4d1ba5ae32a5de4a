"""The HTML review report: marks with hover titles, table rows, matched/missed/spurious."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.document import Centre, Document, Mention, Project
from pipeline.review.report import _Piece, render_text, score_against_gold, write_report


class _Checker(HTMLParser):
    """Collects tags and checks that elements nest properly."""

    VOID = frozenset({"meta", "br", "img", "link", "input", "hr"})

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.marks: list[dict[str, str | None]] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.urls += [v for k, v in attrs.items() if k in ("src", "href") and v]
        if tag == "mark" and "data-label" in attrs:
            self.marks.append(attrs)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()


def _check(html: str) -> _Checker:
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert checker.stack == []
    return checker


def _gold_document(gold_dir: Path, doc_id: str) -> tuple[str, dict]:
    text = (gold_dir / f"{doc_id}.txt").read_text(encoding="utf-8")
    return text, json.loads((gold_dir / f"{doc_id}.json").read_text(encoding="utf-8"))


def _predicted(gold_dir: Path) -> list[Document]:
    """Hand-made predictions: rauna-01 as gold but Valmieru missed, a spurious ORG over the
    missed LOCALITY, another norm for the DATE; a spurious project; dagda-02 as gold."""
    docs = []
    for doc_id in ("dagda-02", "rauna-01"):
        text, gold = _gold_document(gold_dir, doc_id)
        mentions = [Mention(e["start"], e["end"], e["text"], e["label"], e["norm"], e.get("id"),
                            "gold", 0.9) for e in gold["entities"]]
        centres = [Centre(**{k: v or ([] if k in ("target_groups", "doc_ids") else v)
                             for k, v in c.items()}) for c in gold["centres"]]
        docs.append(Document(doc_id, text, mentions=mentions, centres=centres))
    rauna = docs[1]
    rauna.mentions = [m for m in rauna.mentions if m.text not in ("Valmieru", "Raunas pagasta")]
    rauna.mentions.append(Mention(0, 31, "Raunas pagasta sociālā dienesta", "ORG",
                                  "Raunas pagasta sociālais dienests", None, "names.institution",
                                  0.75))
    date = next(m for m in rauna.mentions if m.label == "DATE")
    date.norm = "2023-03-15"
    rauna.projects = [Project("X-1", code="X-1", name="Cits projekts", doc_ids=["rauna-01"])]
    return docs


def test_render_text_nests_overlaps_and_escapes() -> None:
    text = "a <b> Rīgas novada pašvaldība & co"
    org = _Piece(6, 29, "ORG", 'norm: "x" <y>', "spurious")
    missed = _Piece(6, 18, "MUNICIPALITY", "missed gold: MUNICIPALITY", "missed")
    html = render_text(text, [org], [missed])
    checker = _check(f"<div>{html}</div>")
    assert [m["data-label"] for m in checker.marks] == ["ORG"]
    assert checker.marks[0]["title"] == 'norm: "x" <y>'
    assert "&lt;b&gt;" in html and "&amp; co" in html
    assert re.sub(r"<[^>]+>", "", html).replace("missed MUNICIPALITY", "").replace(
        "ORG", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == text


def test_report_against_gold_marks_matched_missed_and_spurious(
    gold_dir: Path, tmp_path: Path
) -> None:
    documents = _predicted(gold_dir)
    result = score_against_gold(documents, [gold_dir])
    index = write_report(documents, tmp_path / "report", result)
    page = (tmp_path / "report" / "docs" / "rauna-01.html").read_text(encoding="utf-8")
    checker = _check(page)
    assert all(not u.startswith(("http:", "https:", "//")) for u in checker.urls)
    assert "<style>" in page and "<script" not in page
    by_label = {m["data-label"]: m for m in checker.marks}
    assert by_label["ORG"]["data-status"] in ("spurious", "matched")
    spurious = [m for m in checker.marks if m.get("data-status") == "spurious"]
    assert {m["data-label"] for m in spurious} == {"ORG"}
    assert "source: names.institution" in spurious[0]["title"]
    assert "score: 0.75" in spurious[0]["title"]
    assert 'class="missed" data-label="LOCALITY"' in page
    assert 'class="missed" data-label="MUNICIPALITY"' in page
    assert "missed MUNICIPALITY" in page and "norm: Valmiera\nid: 0250000" in page
    date = by_label["DATE"]
    assert "normdiff" in date["class"] and "gold norm: 2023-03-14" in date["title"]
    assert 'data-table="centres"' in page and "Zīļuks" in page
    assert '<tr class="spurious">' in page and "Cits projekts" in page  # the made-up project
    assert '<tr class="missed">' in page  # the visit nobody predicted
    index_html = index.read_text(encoding="utf-8")
    _check(index_html)
    assert 'href="docs/rauna-01.html"' in index_html and "Scores against gold" in index_html
    dagda = (tmp_path / "report" / "docs" / "dagda-02.html").read_text(encoding="utf-8")
    assert "spurious" not in re.sub(r"<style>.*?</style>|<p class=\"legend\">.*?</p>", "",
                                    dagda, flags=re.S)


def test_report_command_runs_the_pipeline(gold_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "report"
    done = CliRunner().invoke(app, ["review", "report", str(gold_dir / "rauna-01.txt"),
                                    str(gold_dir / "dagda-02.txt"), "--out", str(out)])
    assert done.exit_code == 0, done.output
    assert "2 documents" in done.output
    page = (out / "docs" / "dagda-02.html").read_text(encoding="utf-8")
    checker = _check(page)
    assert checker.marks and all("label: " in m["title"] for m in checker.marks)
    assert any(m["data-label"] == "MUNICIPALITY" for m in checker.marks)
    assert "data-status" not in page  # no gold: no statuses

"""HTML input: boilerplate left out, the extracted text is the original text for offsets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.document import Document
from pipeline.html import MAX_UNCLOSED, Page, extract_page, html_to_text, looks_like_html
from pipeline.read import read_documents, read_source
from pipeline.run import extract

PAGE = """<!DOCTYPE html>
<html lang="lv"><head><meta charset="utf-8"><title>Jaunumi | Ludzas novads</title>
<style>p { color: red }</style><script>var menu = "<p>Sākums</p>";</script></head>
<body>
<header><a href="/">Ludzas novada pašvaldība</a></header>
<nav><ul><li><a href="/">Sākums</a></li><li>Jaunumi</li></ul></nav>
<div class="cookie-banner">Mēs izmantojam sīkdatnes.</div>
<div role="navigation">Jūs atrodaties: Sākums / Jaunumi</div>
<main><article>
<h1>Pieredzes apmaiņa Ludzā</h1>
<p>2023. gada 14.&nbsp;martā   sociālie darbinieki
   no Balvu novada devās pieredzes apmaiņas braucienā uz Ludzu.</p>
<p>Biedrības &bdquo;Cerību spārni&rdquo; vadītāja<br>Ilze Kalniņa, e-pasts: ilze@balvi.lv</p>
<table><tr><td>Dalībnieki</td><td>18</td></tr></table>
</article></main>
<aside>Citi raksti</aside>
<footer>© 2023 Ludzas novada pašvaldība</footer>
<noscript>Ieslēdziet JavaScript</noscript>
</body></html>
"""

EXPECTED = (
    "Pieredzes apmaiņa Ludzā\n\n"
    "2023. gada 14.\u00a0martā sociālie darbinieki no Balvu novada devās pieredzes apmaiņas "
    "braucienā uz Ludzu.\n\n"
    "Biedrības „Cerību spārni” vadītāja\nIlze Kalniņa, e-pasts: ilze@balvi.lv\n\n"
    "Dalībnieki 18"
)


def test_a_page_becomes_its_text_without_boilerplate() -> None:
    assert html_to_text(PAGE) == EXPECTED


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>Krās&shy;lavā</p>", "Krās\u00adlavā"),  # entities decoded, cleaned later
        ("<p>a</p><p></p><p>b</p>", "a\n\nb"),
        ("<p>a<br><br><br><br>b</p>", "a\n\nb"),
        ("<pre>  rinda 1\n  rinda 2</pre>", "rinda 1\nrinda 2"),
        ("<div><nav>izvēlne<p>a</p></nav>Ludzā</div>", "Ludzā"),
        ("<div>Ludzā<footer>kājene", "Ludzā"),  # an unclosed footer runs to the end
        ("<nav>x</div></nav><p>Ludzā</p>", "Ludzā"),  # a stray end tag inside
        ("<p>Teksts <span class='share'>Dalīties</span>beigas</p>", "Teksts beigas"),
        ("<p>a\x00b</p>", "ab"),
        ("<svg><text>logo</text></svg><p>Ludzā</p><img src=x alt='attēls'>", "Ludzā"),
    ],
    ids=["entities", "empty-p", "many-br", "pre", "nested-skip", "unclosed", "stray-end",
         "class-token", "nul", "svg-img"],
)
def test_html_to_text_rules(html: str, text: str) -> None:
    assert html_to_text(html) == text


UNCLOSED_SCRIPT = """<html><body><h1>Jaunumi</h1>
<script>
var izvelne = "<p>Sākums</p>"; if (a < b) { rādīt(); }
<p>2024. gada 5. maijā Rēzeknē viesojās kolēģi no Balvu novada.</p>
<div>Viesi apmeklēja dienas centru „Saulespuķe”.</div>
</body></html>
"""


def test_an_unclosed_script_is_read_past_and_noted() -> None:
    page = extract_page(UNCLOSED_SCRIPT)
    assert page.text == (
        "Jaunumi\n\n2024. gada 5. maijā Rēzeknē viesojās kolēģi no Balvu novada.\n\n"
        "Viesi apmeklēja dienas centru „Saulespuķe”."
    )  # the "<p>" in the script's code does not end it: no line starts with it
    start, resume = UNCLOSED_SCRIPT.index("<script>"), UNCLOSED_SCRIPT.index("<p>2024")
    assert page.notes == (f"unclosed <script> at character {start}: read past it from "
                          f"character {resume}",)
    assert html_to_text(UNCLOSED_SCRIPT) == page.text


@pytest.mark.parametrize(
    ("html", "text", "notes"),
    [
        ("<p>Ludzā</p><style>p{color:red}<p>Balvos</p>", "Ludzā\n\nBalvos",
         ("unclosed <style> at character 12: read past it from character 31",)),
        ("<p>Ludzā<script>x = 1;<br>Balvos</p>", "Ludzā\nBalvos",
         ("unclosed <script> at character 8: read past it from character 22",)),
        ("<p>Ludzā</p><nav><script>x<p>izvēlne</p></nav><p>Balvos</p>", "Ludzā\n\nBalvos",
         ("unclosed <script> at character 17: read past it from character 26",)),
        ("<p>Ludzā</p><script>x = 1;</body></html>", "Ludzā",
         ("unclosed <script> at character 12: no block tag after it, the rest of the page "
          "(20 characters) left out",)),
        ("<p>Ludzā</p><script>x = '<p>';</script><p>Balvos</p>", "Ludzā\n\nBalvos", ()),
        ("<!-- <script> --><p>Ludzā</p>", "Ludzā", ()),
        ("<p>Ludzā</p><script/><p>Balvos</p>", "Ludzā\n\nBalvos", ()),
    ],
    ids=["style-one-line", "br", "inside-nav", "no-block-after", "closed", "in-comment",
         "self-closed"],
)
def test_unclosed_script_or_style_rules(html: str, text: str, notes: tuple[str, ...]) -> None:
    assert extract_page(html) == Page(text, notes)


def test_too_many_unclosed_scripts_leave_the_rest_out() -> None:
    page = extract_page("<p>a</p>" + "<script>x<p>b</p>" * (MAX_UNCLOSED + 5))
    assert len(page.notes) == MAX_UNCLOSED + 1
    assert f"over {MAX_UNCLOSED} in a page" in page.notes[-1]
    assert page.text.split("\n\n") == ["a"] + ["b"] * MAX_UNCLOSED


def test_the_reader_keeps_the_page_after_an_unclosed_script(tmp_path: Path) -> None:
    path = tmp_path / "rezekne.html"
    path.write_text(UNCLOSED_SCRIPT, encoding="utf-8")
    text, source = read_source(path)
    assert source.format == "html"
    assert "Rēzeknē viesojās" in text and "„Saulespuķe”" in text
    assert len(source.notes) == 1 and "unclosed <script>" in source.notes[0]


def test_the_manifest_reports_an_unclosed_script(tmp_path: Path) -> None:
    from pipeline.document import Document
    from pipeline.write import write_outputs

    path = tmp_path / "rezekne.html"
    path.write_text(UNCLOSED_SCRIPT, encoding="utf-8")
    text, source = read_source(path)
    write_outputs([Document("rezekne", text, path)], [], tmp_path / "out", sources=[source])
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    [entry] = manifest["inputs"]
    assert entry["notes"] == list(source.notes)


@pytest.mark.parametrize(
    ("text", "is_html"),
    [
        ("<!doctype html><p>x</p>", True),
        ("  <html><body>x</body></html>", True),
        ("<?xml version='1.0'?>\n<!-- c --><html>", True),
        ("<p>Ludzā</p><p>Balvos</p>", True),
        ("<div>Ludzā <br> Balvos</div>", True),
        ("Ludzā <b>nav</b> HTML, tikai viens tags.", False),
        ("Summa < 5 un > 3; <Ludza>", False),
        ("Parasts preses relīzes teksts.", False),
    ],
)
def test_html_in_a_text_file_is_recognised(text: str, is_html: bool) -> None:
    assert looks_like_html(text) is is_html


def test_html_files_are_read_as_their_text(tmp_path: Path) -> None:
    (tmp_path / "ludza.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "ludza-txt.txt").write_text(PAGE, encoding="utf-8")
    declared = PAGE.replace('charset="utf-8"', 'charset="windows-1257"')
    (tmp_path / "ludza-1257.htm").write_bytes(declared.encode("cp1257"))
    documents = list(read_documents([tmp_path]))
    assert [d.doc_id for d in documents] == ["ludza", "ludza-1257", "ludza-txt"]
    assert all(isinstance(d, Document) and d.text == EXPECTED for d in documents)
    _text, source = read_source(tmp_path / "ludza-1257.htm")
    assert (source.format, source.encoding) == ("html", "windows-1257")


def test_a_page_without_text_is_an_empty_document(tmp_path: Path) -> None:
    path = tmp_path / "tukss.html"
    path.write_text("<html><head><title>x</title></head><body><nav>a</nav></body></html>")
    [error] = read_documents([path])
    assert error.stage == "read"
    assert "empty document (no text in the page)" in error.message


def test_mentions_point_into_the_extracted_text(nlp) -> None:
    text = html_to_text(PAGE)
    document = extract(text, doc_id="ludza")
    found = {(m.label, m.text) for m in document.mentions}
    assert ("EMAIL", "ilze@balvi.lv") in found
    assert ("ORG", "Biedrības „Cerību spārni”") in found
    for m in document.mentions:
        assert text[m.start : m.end] == m.text


TAGS = ["<p>", "</p>", "<br>", "<div class='menu'>", "</div>", "<script>", "</script>",
        "<nav>", "</nav>", "<td>", "<pre>", "</pre>", "&nbsp;", "&shy;", "&amp;", "&#8222;",
        "&rdquo;", "<!--", "-->", "<", ">", "&", "<b>", "</b>"]
WORDS = ["Ludzā", "Balvu novada", "Rēzeknē", "2022. gada 5. maijā", "ilze@balvi.lv",
         "tālr. 29123456", "biedrības “Cerību spārni”", "ERAF", " ", "\n", "\u00ad", "\x00",
         "\x07", "ģ", "Ķ"]
pages = st.one_of(
    st.lists(st.sampled_from(TAGS + WORDS), max_size=30).map("".join),
    st.text(max_size=60),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages)
def test_random_html_never_crashes_and_mentions_are_slices(nlp, page: str) -> None:
    text = html_to_text(page)
    assert "\x00" not in text
    document = extract(text, doc_id="html")
    for m in document.mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text

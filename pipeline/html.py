"""HTML pages -> plain text, the boilerplate left out.

Press releases scraped from municipal sites arrive as whole pages. The text this module
extracts *is* the document's original text: mention offsets point into it, not into the
HTML source (README, "Running on messy input").

Rules, all with the standard library's :mod:`html.parser` (tolerant of broken markup):

- Left out with everything inside them: ``head`` (so ``title`` and ``meta``), ``script``,
  ``style``, ``noscript``, ``template``, ``nav``, ``header``, ``footer``, ``aside``,
  ``form``, ``iframe``, ``svg``, ``button``, ``select``, and any element with an ARIA
  ``role`` of navigation, banner, contentinfo, complementary or search, or whose ``class``
  or ``id`` is one of the tokens in :data:`BOILERPLATE_TOKENS` (menus, cookie notices,
  breadcrumbs, share buttons).
- Character references are decoded (``&nbsp;`` becomes U+00A0, ``&shy;`` U+00AD: the
  clean stage treats them as in any text file).
- Whitespace runs collapse to one space as a browser shows them (``pre`` keeps its own);
  ``br`` is a line break, block elements (``p``, ``div``, ``h1``..``h6``, ``li``, ``tr``,
  ...) a blank line; table cells are separated by a space. Lines are stripped of spaces and
  more than one blank line in a row becomes one.
- An unclosed ``script`` or ``style`` (no ``</script>`` up to the end of the page) would hide
  the rest of the page. It ends instead before the first line that starts with a block tag
  (:data:`RESUME_TAGS`: ``<p``, ``<div``, ``<h1``..``<h6``, ``<li``, ``<table``, ``<br``,
  ...), else (a page on one line) before the first such tag anywhere; the page text after
  it is kept. Looking for a tag at the start of a line first keeps the ``"<p>"`` strings of
  the script's own code out of the text. :func:`extract_page` says so in a note naming the
  character offset in the HTML; with no block tag after it, the rest of the page is left
  out, and noted too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

SKIP_TAGS = frozenset(
    {
        "head",
        "title",
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "iframe",
        "svg",
        "math",
        "canvas",
        "object",
        "button",
        "select",
    }
)
SKIP_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search"})
BOILERPLATE_TOKENS = frozenset(
    {
        "nav",
        "navbar",
        "navigation",
        "menu",
        "main-menu",
        "breadcrumb",
        "breadcrumbs",
        "cookie",
        "cookies",
        "cookie-banner",
        "cookie-notice",
        "sidebar",
        "share",
        "social-share",
        "skip-link",
        "site-header",
        "site-footer",
    }
)
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "tr",
        "ul",
        "body",
        "html",
    }
)
CELL_TAGS = frozenset({"td", "th"})
VOID_TAGS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)

_BREAK = "\x00br\x00"
_PARAGRAPH = "\x00p\x00"
_SPACES = re.compile(r"[ \t\n\r\f]+")
_DOCUMENT_START = re.compile(
    r"\A(?:\ufeff)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_COMMON_TAG = re.compile(
    r"</?(?:p|div|br|span|a|h[1-6]|ul|ol|li|table|tr|td|strong|em|b|i|article|section)"
    r"(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
HTML_SNIFF_CHARS = 10_000
HTML_MIN_TAGS = 3
RESUME_TAGS = (
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "article",
    "section", "main", "body", "br",
)
"""Block tags where an unclosed ``script`` or ``style`` is taken to have ended."""
MAX_UNCLOSED = 20
"""Unclosed scripts and styles read past in one page; at the next one the rest of the page
is left out (each costs a copy of the rest of the page: a bound for a hostile page)."""
_RESUME = "<(?:" + "|".join(RESUME_TAGS) + r")(?=[\s/>])"
_RESUME_AT_LINE_START = re.compile(r"\n[ \t\r\f]*(" + _RESUME + ")", re.IGNORECASE)
_RESUME_ANYWHERE = re.compile(_RESUME, re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Page:
    """The text of an HTML page and notes on what was repaired to get it (for the caller's
    manifest: an unclosed ``<script>`` read past, or the page's end left out)."""

    text: str
    notes: tuple[str, ...] = ()


def looks_like_html(text: str) -> bool:
    """True for a page (starts with a doctype, ``<html>``, ``<head>`` or ``<body>``) or a
    fragment with at least three common tags (``<p>``, ``<div>``, ``<br>``, ...) in its
    first 10,000 characters."""
    head = text[:HTML_SNIFF_CHARS]
    if _DOCUMENT_START.match(head):
        return True
    return len(_COMMON_TAG.findall(head)) >= HTML_MIN_TAGS


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.skipping: list[str] = []  # open elements being left out, innermost last
        self.pre = 0
        # a script or style not yet closed: (tag, line, column) of its start tag
        self.raw_open: tuple[str, int, int] | None = None

    def carry_on(self, tag: str) -> _TextExtractor:
        """A fresh parser with this one's text and open elements but not the unclosed ``tag``
        (the innermost): fed the page from where ``tag`` is taken to end, it reads on as if
        the end tag had been there."""
        parser = _TextExtractor()
        parser.pieces = self.pieces
        parser.skipping = self.skipping[:-1] if self.skipping[-1:] == [tag] else self.skipping
        parser.pre = self.pre
        return parser

    def _skipped(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in SKIP_TAGS:
            return True
        values = dict(attrs)
        if (values.get("role") or "").strip().lower() in SKIP_ROLES:
            return True
        tokens = {*(values.get("class") or "").lower().split(), (values.get("id") or "").lower()}
        return bool(tokens & BOILERPLATE_TOKENS)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.CDATA_CONTENT_ELEMENTS:  # the parser now reads to its end tag
            self.raw_open = (tag, *self.getpos())
        if self.skipping:
            if tag not in VOID_TAGS:
                self.skipping.append(tag)
            return
        if tag not in VOID_TAGS and self._skipped(tag, attrs):
            self.skipping.append(tag)
            return
        self._boundary(tag)
        if tag == "pre":
            self.pre += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skipping:
            self._boundary(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.raw_open is not None and tag == self.raw_open[0]:
            self.raw_open = None
        if self.skipping:
            if tag in self.skipping:  # close up to the matching element (broken nesting)
                while self.skipping and self.skipping.pop() != tag:
                    pass
            return
        if tag == "pre" and self.pre:
            self.pre -= 1
        if tag != "br":
            self._boundary(tag)

    def _boundary(self, tag: str) -> None:
        if tag == "br":
            self.pieces.append(_BREAK)
        elif tag in BLOCK_TAGS:
            self.pieces.append(_PARAGRAPH)
        elif tag in CELL_TAGS and not (self.pieces and self.pieces[-1].endswith(" ")):
            self.pieces.append(" ")

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        data = data.replace("\x00", "")  # the markers below are NUL-delimited
        if self.pre:
            self.pieces.append(data.replace("\r\n", "\n").replace("\n", _BREAK))
        else:
            self.pieces.append(_SPACES.sub(" ", data))


def html_to_text(html: str) -> str:
    """The visible text of ``html`` without boilerplate, as lines and paragraphs."""
    return extract_page(html).text


def extract_page(html: str) -> Page:
    """The visible text of ``html`` (as :func:`html_to_text`) with notes on unclosed
    ``script``/``style`` elements read past (module docstring)."""
    parser = _TextExtractor()
    notes: list[str] = []
    offset = 0  # where the part of the page being fed starts in ``html``
    part = html
    while True:
        parser.feed(part)
        if parser.raw_open is None:
            break
        tag, line, column = parser.raw_open
        start = _char_offset(part, line, column)
        content = start + len(parser.get_starttag_text() or "")
        resume = _resume_at(part, content)
        if resume is None or len(notes) == MAX_UNCLOSED:
            why = "no block tag after it" if resume is None else f"over {MAX_UNCLOSED} in a page"
            notes.append(
                f"unclosed <{tag}> at character {offset + start}: {why}, the rest of the page "
                f"({len(html) - offset - content} characters) left out"
            )
            break
        notes.append(
            f"unclosed <{tag}> at character {offset + start}: read past it from "
            f"character {offset + resume}"
        )
        parser = parser.carry_on(tag)
        part, offset = part[resume:], offset + resume
    parser.close()
    flat = "".join(parser.pieces)
    blocks = flat.split(_PARAGRAPH)
    paragraphs = []
    for block in blocks:
        lines = [line.strip(" \t\n\r\f") for line in block.split(_BREAK)]
        text = "\n".join(lines).strip("\n")
        if text.strip():
            paragraphs.append(_squeeze_lines(text))
    return Page("\n\n".join(paragraphs), tuple(notes))


def _char_offset(text: str, line: int, column: int) -> int:
    """:meth:`HTMLParser.getpos` (line from 1, column in characters) as an index in ``text``."""
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    return start + column


def _resume_at(text: str, start: int) -> int | None:
    """Where an unclosed script or style starting at ``start`` is taken to end: the first
    line that starts with a block tag, else the first block tag; None when there is none."""
    match = _RESUME_AT_LINE_START.search(text, start)
    if match is not None:
        return match.start(1)
    match = _RESUME_ANYWHERE.search(text, start)
    return None if match is None else match.start()


def _squeeze_lines(text: str) -> str:
    """No more than one empty line in a row inside a block (``pre``, runs of ``br``)."""
    return re.sub(r"\n{3,}", "\n\n", text)

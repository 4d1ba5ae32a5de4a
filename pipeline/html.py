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
"""

from __future__ import annotations

import re
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

    def _skipped(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in SKIP_TAGS:
            return True
        values = dict(attrs)
        if (values.get("role") or "").strip().lower() in SKIP_ROLES:
            return True
        tokens = {*(values.get("class") or "").lower().split(), (values.get("id") or "").lower()}
        return bool(tokens & BOILERPLATE_TOKENS)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
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
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    flat = "".join(parser.pieces)
    blocks = flat.split(_PARAGRAPH)
    paragraphs = []
    for block in blocks:
        lines = [line.strip(" \t\n\r\f") for line in block.split(_BREAK)]
        text = "\n".join(lines).strip("\n")
        if text.strip():
            paragraphs.append(_squeeze_lines(text))
    return "\n\n".join(paragraphs)


def _squeeze_lines(text: str) -> str:
    """No more than one empty line in a row inside a block (``pre``, runs of ``br``)."""
    return re.sub(r"\n{3,}", "\n\n", text)

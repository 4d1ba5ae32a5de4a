"""Stage 2, clean: a normalised copy of the text plus a map back to the original characters.

Annotators see one predictable alphabet (NFC, plain spaces, no soft hyphens or zero-width
characters, Windows line ends folded), while every span found in the cleaned text can be
mapped back exactly onto the original text. Typographic quotes are kept: their direction
tells nested names apart (“Rīgas pilsētas “Rūpju bērns””). Quotes typed as two characters
become the one they stand for: ",,Alūksne’’" reads „Alūksne” (an opening pair before a
word, a closing pair after one), and a name in single quotes ('Ozolu sirds', ‘Ozolu
sirds’) reads “Ozolu sirds”, so every finder sees one kind of quote.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Characters removed outright: soft hyphen, zero-width space/joiners, word joiner, BOM.
_DROP = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff\r")
# Characters replaced one-for-one.
_REPLACE = {
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space
    "\u2007": " ",
    "\u2009": " ",
    "\t": " ",
    "\u2010": "-",
    "\u2011": "-",
}
_COMPAT_TAGS = frozenset({"<compat>", "<wide>"})
# Quotes typed as two characters: (pair, quote, opening: needs a word after it, else before).
_TYPED_QUOTES = ((",,", "„", True), ("’’", "”", False), ("''", "”", False))
# A name in single quotes: an opening quote before a capital, its closing one after a word.
_SINGLE_QUOTED = re.compile(r"(?<!\w)['‘](?=[A-ZĀČĒĢĪĶĻŅŠŪŽ])[^'‘’\n]{1,80}?(?<=\w)['’](?!\w)")
# A run of characters that clean leaves as they are: printable ASCII, line breaks and the
# Latvian letters (precomposed, never folded), a comma or an apostrophe not doubled. Most of
# a release is such runs, copied whole instead of character by character.
_PLAIN_RUN = re.compile(r"(?:[\n !-&(-+\--~ĀāČčĒēĢģĪīĶķĻļŅņŠšŪūŽž]|,(?!,)|'(?!'))+")


@dataclass(frozen=True, slots=True)
class CleanText:
    """Cleaned text and, for each of its characters, the original span it came from.

    A composed letter or a folded ligature covers several original characters, so each
    cleaned character keeps both the start and the end of its source.
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a cleaned ``[start, end)`` span (non-empty) to the original text."""
        return self.starts[start], self.ends[end - 1]


def clean(original: str) -> CleanText:
    """Normalise ``original`` character by character, recording where each output came from.

    NFC is applied per cluster (a base character with its combining marks), so a composed
    letter maps back to its whole cluster.
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    n = len(original)
    while i < n:
        plain = _plain_run_end(original, i)
        if plain > i:
            out.append(original[i:plain])
            starts.extend(range(i, plain))
            ends.extend(range(i + 1, plain + 1))
            i = plain
            continue
        typed = _typed_quote(original, i)
        if typed is not None:
            out.append(typed)
            starts.append(i)
            ends.append(i + 2)
            i += 2
            continue
        j = i + 1
        while j < n and unicodedata.combining(original[j]):
            j += 1
        cluster = original[i:j]
        if cluster in _DROP:
            i = j
            continue
        cluster = _REPLACE.get(cluster, cluster)
        normal = unicodedata.normalize("NFKC", cluster) if _is_compat(cluster) else cluster
        normal = unicodedata.normalize("NFC", normal)
        out.append(normal)
        starts.extend([i] * len(normal))
        ends.extend([j] * len(normal))
        i = j
    text = _double_quoted("".join(out))
    return CleanText(text, tuple(starts), tuple(ends))


def _plain_run_end(text: str, i: int) -> int:
    """Where the run of plain characters at ``i`` ends (``i``: none), short of a character
    that combining marks follow, which goes with its marks."""
    run = _PLAIN_RUN.match(text, i)
    if run is None:
        return i
    end = run.end()
    if end < len(text) and unicodedata.combining(text[end]):
        end -= 1
    return end


def _double_quoted(text: str) -> str:
    """Names in single quotes given double ones, character for character."""
    for match in reversed(list(_SINGLE_QUOTED.finditer(text))):
        start, end = match.span()
        text = f"{text[:start]}“{text[start + 1 : end - 1]}”{text[end:]}"
    return text


def _typed_quote(text: str, i: int) -> str | None:
    """The quote a two-character pair at ``i`` stands for, if it is one."""
    for pair, quote, opening in _TYPED_QUOTES:
        if text.startswith(pair, i):
            neighbour = text[i + 2 : i + 3] if opening else text[i - 1 : i]
            if neighbour and not neighbour.isspace():
                return quote
    return None


def _is_compat(cluster: str) -> bool:
    """Ligatures, ellipses and full-width forms (ﬁ, …, Ａ) fold; Latvian letters stay."""
    return any(unicodedata.decomposition(c).split(" ")[0] in _COMPAT_TAGS for c in cluster)

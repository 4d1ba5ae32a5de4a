"""Stage 1, read: paths -> decoded documents, one clear error per unreadable file.

Press releases arrive as UTF-8 (with or without BOM), UTF-16, Windows-1257 or ISO-8859-13
text, or as HTML pages (``.html``/``.htm``, or HTML content in a ``.txt``). The decoded text
(for HTML: the text extracted from the page, see :mod:`pipeline.html`) is the document's
*original text*: every offset the project writes points into it. A file that cannot be read
becomes a :class:`DocumentError` and the batch goes on.

Decoding, in this order (README, "Running on messy input"):

1. A byte-order mark decides: UTF-32, UTF-8 or UTF-16; bytes after it that do not decode
   are an error (never a bare ``UnicodeDecodeError``).
2. NUL bytes: UTF-16 without a BOM when most NULs are on one side of the byte pairs (ASCII
   text in UTF-16) and the result has no NUL or control characters, else a binary file.
3. Strict UTF-8. A file cut inside its last character (a truncated download) keeps its text
   with U+FFFD for the partial character; a file mixing valid UTF-8 with invalid bytes is an
   error (damaged, decoding it any other way would garble its Latvian letters).
4. The Baltic 8-bit code pages. Windows-1257 and ISO-8859-13 differ only in where they put
   the typographic quotes: bytes 0x80-0x9F (Windows-1257's „ ” “ – —, control characters in
   ISO-8859-13) mean Windows-1257; bytes 0xA1, 0xA5, 0xB4 or 0xFF without any 0x80-0x9F
   (ISO-8859-13's ” „ “ ’) mean ISO-8859-13; otherwise the two agree and it is reported
   as Windows-1257.
5. Text that decodes in (4) but does not look Latvian (under half of its non-ASCII letters
   are Latvian ones, or more non-ASCII letters than ASCII ones), or does not decode at all,
   is given to charset-normalizer, whose answer is accepted only among
   :data:`FALLBACK_ENCODINGS` (Cyrillic, Western, other Baltic code pages); else (4)
   stands, or the file is an error.

HTML pages may declare their charset (``<meta charset=...>``); a declared encoding is used
when the bytes decode with it and there is no BOM.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.document import Document, DocumentError
from pipeline.html import extract_page, looks_like_html

HTML_SUFFIXES = (".html", ".htm")
INPUT_SUFFIXES = (".txt", *HTML_SUFFIXES)
MAX_BYTES = 20_000_000
"""Largest input file read (bytes); a bigger one is a read error before it is read."""
MAX_CHARS = 1_000_000
"""Longest document text (characters, after HTML extraction) the pipeline processes."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
LATVIAN_LETTERS = frozenset("āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ")
FALLBACK_ENCODINGS = frozenset(
    {
        "cp1251",
        "koi8_r",
        "koi8_u",
        "iso8859_5",
        "cp1252",
        "latin_1",
        "iso8859_15",
        "cp775",
        "iso8859_4",
        "iso8859_10",
        "cp1250",
        "iso8859_2",
    }
)
_ISO_8859_13_ONLY = frozenset(b"\xa1\xa5\xb4\xff")
_C1 = frozenset(range(0x80, 0xA0))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1a")  # \x1a: DOS end-of-file, seen in old exports
# Unicode's Cc characters (U+0000-U+001F, U+007F-U+009F) other than the text controls.
_BINARY_CONTROL = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in (*range(0x20), *range(0x7F, 0xA0))
                  if chr(c) not in _TEXT_CONTROLS) + "]"
)


class ReadError(ValueError):
    """A file that is not a readable press release (empty, binary, too large, undecodable)."""


@dataclass(frozen=True, slots=True)
class Source:
    """One input file as read: where, its bytes' SHA-256, how it was decoded."""

    doc_id: str
    path: Path
    sha256: str | None = None
    size: int | None = None
    encoding: str | None = None
    format: str | None = None  # "text" or "html"
    notes: tuple[str, ...] = ()  # what reading it had to work around ("unclosed <script> …")


def decode(data: bytes) -> str:
    """Decode a press release's bytes (see the module docstring for the order of tries)."""
    return detect(data)[0]


def detect(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """``(text, encoding)`` for ``data``; raises :class:`ReadError` when it is not text."""
    for bom, encoding, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as err:
                raise ReadError(
                    f"invalid {name} after its byte-order mark: {err.reason} at byte "
                    f"{err.start + len(bom)}"
                ) from err
            return _refuse_binary(text), f"{name.lower()} (BOM)"
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise ReadError("binary file (NUL bytes, no UTF-16 byte-order mark)")
        try:
            return _refuse_binary(data.decode(encoding)), encoding
        except UnicodeDecodeError as err:
            raise ReadError(f"binary file (NUL bytes, not UTF-16: {err.reason})") from err
    try:
        return _refuse_binary(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    if utf8_error.reason == "unexpected end of data" and len(data) - utf8_error.start < 4:
        text = data[: utf8_error.start].decode("utf-8") + "\ufffd"
        return _refuse_binary(text), "utf-8 (truncated)"
    if _mostly_utf8(data):
        raise ReadError(
            f"damaged UTF-8: invalid byte 0x{data[utf8_error.start]:02x} at byte "
            f"{utf8_error.start} in a file that is otherwise UTF-8"
        )
    if declared is not None:
        try:
            return _refuse_binary(data.decode(declared)), encoding_name(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    return _legacy(data)


def _refuse_binary(text: str) -> str:
    """Text with a NUL, or more than one control character in a hundred, is binary data."""
    controls = len(_BINARY_CONTROL.findall(text))
    if "\x00" in text or controls > len(text) // 100:
        raise ReadError(f"binary file ({controls} control characters in {len(text)})")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 LE/BE when NULs are on one side of the byte pairs in at least 30% of them
    (the ASCII letters) and rare on the other (U+0100 Ā, U+0400 ... have a zero low byte)."""
    if len(data) % 2:
        return None
    high_odd, high_even = data[1::2].count(0), data[0::2].count(0)
    pairs = len(data) // 2
    if high_odd >= 0.3 * pairs and high_even * 4 <= high_odd:
        return "utf-16-le"
    if high_even >= 0.3 * pairs and high_odd * 4 <= high_even:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> bool:
    """At least as many valid multi-byte UTF-8 characters as invalid bytes."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    valid = sum(1 for c in text if c > "\x7f" and c != "\ufffd")
    return valid >= invalid


def _looks_latvian(text: str) -> bool:
    """Latvian text is mostly ASCII letters, and most of its others are Latvian letters.

    (Cyrillic in Windows-1251 read as Windows-1257 gives many Latvian letters too, but
    hardly any ASCII ones.) Too few non-ASCII letters to tell count as Latvian.
    """
    letters = [c for c in text if c.isalpha()]
    other = [c for c in letters if c > "\x7f"]
    if len(other) < 4:
        return True
    latvian = sum(1 for c in other if c in LATVIAN_LETTERS)
    return latvian >= len(other) / 2 and len(other) <= len(letters) - len(other)


def _legacy(data: bytes) -> tuple[str, str]:
    """Windows-1257 or ISO-8859-13 (Latvian first), else a plausible other code page."""
    present = frozenset(data)
    if present & _C1 or not present & _ISO_8859_13_ONLY:
        encoding, name = "cp1257", "windows-1257"
    else:
        encoding, name = "iso8859_13", "iso-8859-13"
    try:
        baltic: str | None = data.decode(encoding)
    except UnicodeDecodeError as err:
        baltic, failure = None, err
    if baltic is not None and _looks_latvian(baltic):
        return _refuse_binary(baltic), name
    other = _charset_normalizer(data)
    if other is not None:
        return _refuse_binary(other[0]), other[1]
    if baltic is not None:
        return _refuse_binary(baltic), name
    raise ReadError(
        "not UTF-8, UTF-16, Windows-1257 or ISO-8859-13 text: undecodable byte "
        f"0x{data[failure.start]:02x} at byte {failure.start}"
    )


def _charset_normalizer(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding not in FALLBACK_ENCODINGS:
        return None
    return str(best), encoding_name(best.encoding)


def encoding_name(codec: str) -> str:
    """The usual name of a Python codec: cp1257 -> windows-1257, iso8859_13 -> iso-8859-13."""
    name = codecs.lookup(codec).name
    if re.fullmatch(r"cp125\d", name):
        return "windows-" + name[2:]
    if name.startswith("iso8859"):
        return "iso-8859-" + name[8:]
    return name


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def read_source(
    path: Path, max_bytes: int = MAX_BYTES, max_chars: int = MAX_CHARS
) -> tuple[str, Source]:
    """Read, decode and (for HTML) extract one file; raises ReadError or OSError."""
    info = path.stat()
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(21, "a folder, not a file", str(path))
    if not stat.S_ISREG(info.st_mode):
        raise ReadError("not a regular file (device, pipe or socket)")
    if info.st_size > max_bytes:
        raise ReadError(f"file is {info.st_size} bytes, over the limit of {max_bytes}")
    data = _read_at_most(path, max_bytes)
    is_html = path.suffix.lower() in HTML_SUFFIXES
    declared = _declared_charset(data) if is_html or data.lstrip()[:1] == b"<" else None
    text, encoding = detect(data, declared)
    notes: tuple[str, ...] = ()
    if is_html or looks_like_html(text):
        page = extract_page(text)
        text, kind, notes = page.text, "html", page.notes
    else:
        kind = "text"
    if not text.strip():
        raise ReadError("empty document" + (" (no text in the page)" if kind == "html" else ""))
    if len(text) > max_chars:
        raise ReadError(f"document text is {len(text)} characters, over the limit of {max_chars}")
    source = Source(path.stem, path, hashlib.sha256(data).hexdigest(), len(data), encoding, kind,
                    notes)
    return text, source


def _read_at_most(path: Path, max_bytes: int) -> bytes:
    data = path.read_bytes()
    if len(data) > max_bytes:  # grew since stat()
        raise ReadError(f"file is over the limit of {max_bytes} bytes")
    return data


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """Read and decode one file, refusing empty, oversized and binary input."""
    return read_source(path, max_bytes)[0]


def input_files(inputs: Iterable[Path]) -> list[Path]:
    """Expand folders to their ``.txt``/``.html``/``.htm`` files (not recursive), keep files
    as given, drop a file named twice, and sort by ``doc_id`` (the stem), then path.

    The order of the inputs on the command line therefore never matters: of two files with
    one stem, the one whose path sorts first is read and the other is a DuplicateDocId.
    """
    files: dict[str, Path] = {}
    for item in inputs:
        if item.is_dir():
            found = [p for p in item.iterdir() if p.suffix.lower() in INPUT_SUFFIXES]
        else:
            found = [item]
        for path in found:
            files.setdefault(os.path.abspath(path), path)
    return sorted(files.values(), key=lambda p: (p.stem, str(p)))


def read_sources(
    inputs: Iterable[Path], max_bytes: int = MAX_BYTES, max_chars: int = MAX_CHARS
) -> Iterator[tuple[Source, Document | DocumentError]]:
    """Like :func:`read_documents`, each outcome with its :class:`Source`."""
    seen: dict[str, Path] = {}
    for path in input_files(inputs):
        doc_id = path.stem
        if not _encodable(str(path)):
            shown = Path(_escaped(str(path)))
            yield (
                Source(_escaped(doc_id), shown),
                DocumentError(_escaped(doc_id), "read", "FileNameError",
                              "the file name is not valid UTF-8; rename the file", shown),
            )
            continue
        if doc_id in seen:
            yield (
                Source(doc_id, path),
                DocumentError(
                    doc_id, "read", "DuplicateDocId", f"also read from {seen[doc_id]}", path
                ),
            )
            continue
        try:
            text, source = read_source(path, max_bytes, max_chars)
        except (OSError, ReadError) as err:
            yield (
                Source(doc_id, path),
                DocumentError(doc_id, "read", type(err).__name__, _message(err), path),
            )
            continue
        except Exception as err:  # anything else unexpected: still only this document
            yield (
                Source(doc_id, path),
                DocumentError(doc_id, "read", type(err).__name__, str(err), path),
            )
            continue
        seen[doc_id] = path
        yield source, Document(doc_id=doc_id, text=text, path=path)


def _encodable(name: str) -> bool:
    """Whether a file name decoded without undecodable bytes (kept as surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _escaped(name: str) -> str:
    """A file name with its undecodable bytes written as ``\\xNN``, for the error table."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _message(err: Exception) -> str:
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return str(err)


def read_documents(
    inputs: Iterable[Path], max_bytes: int = MAX_BYTES, max_chars: int = MAX_CHARS
) -> Iterator[Document | DocumentError]:
    """Yield one :class:`Document` per readable file and one :class:`DocumentError` per bad one.

    ``doc_id`` is the file stem; a second file with a stem already seen is an error, since
    two rows with one ``doc_id`` could not be told apart in the tables.
    """
    for _source, outcome in read_sources(inputs, max_bytes, max_chars):
        yield outcome

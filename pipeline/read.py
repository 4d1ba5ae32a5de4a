"""Stage 1, read: paths -> decoded documents, one clear error per unreadable file.

Press releases arrive as UTF-8 (with or without BOM), UTF-16 or Windows-1257 text. The
decoded string is the document's *original text*: every offset the project writes points
into it. A file that cannot be read becomes a :class:`DocumentError` and the batch goes on.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.document import Document, DocumentError

INPUT_SUFFIXES = (".txt",)
MAX_BYTES = 5_000_000
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class ReadError(ValueError):
    """A file that is not a readable press release (empty, binary, too large, undecodable)."""


def decode(data: bytes) -> str:
    """Decode a press release: BOM first, then strict UTF-8, then Windows-1257.

    Windows-1257 decodes any byte string, so binary data is refused before it (a NUL byte
    outside UTF-16 never occurs in text).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" in data:
        raise ReadError("binary file (NUL bytes, no UTF-16 byte-order mark)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1257")
        except UnicodeDecodeError as err:
            raise ReadError(f"neither UTF-8 nor Windows-1257: {err}") from err


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """Read and decode one file, refusing empty, oversized and binary input."""
    size = path.stat().st_size
    if size > max_bytes:
        raise ReadError(f"file is {size} bytes, over the limit of {max_bytes}")
    text = decode(path.read_bytes())
    if not text.strip():
        raise ReadError("empty document")
    return text


def input_files(inputs: Iterable[Path]) -> list[Path]:
    """Expand folders to their ``.txt`` files (sorted, not recursive); keep files as given."""
    files: list[Path] = []
    for item in inputs:
        if item.is_dir():
            files.extend(sorted(p for p in item.iterdir() if p.suffix.lower() in INPUT_SUFFIXES))
        else:
            files.append(item)
    return files


def read_documents(
    inputs: Iterable[Path], max_bytes: int = MAX_BYTES
) -> Iterator[Document | DocumentError]:
    """Yield one :class:`Document` per readable file and one :class:`DocumentError` per bad one.

    ``doc_id`` is the file stem; a second file with a stem already seen is an error, since
    two rows with one ``doc_id`` could not be told apart in the tables.
    """
    seen: dict[str, Path] = {}
    for path in input_files(inputs):
        doc_id = path.stem
        if doc_id in seen:
            yield DocumentError(
                doc_id, "read", "DuplicateDocId", f"also read from {seen[doc_id]}", path
            )
            continue
        try:
            text = read_text(path, max_bytes)
        except (OSError, ReadError) as err:
            yield DocumentError(doc_id, "read", type(err).__name__, str(err), path)
            continue
        seen[doc_id] = path
        yield Document(doc_id=doc_id, text=text, path=path)

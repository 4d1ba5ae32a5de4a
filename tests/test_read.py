"""Stage 1, read: decoding, refusing bad files, doc_ids, and a batch that goes on."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from pipeline.document import Document, DocumentError
from pipeline.read import ReadError, decode, input_files, read_documents, read_text

# Every character here exists in Windows-1257 (Latvian letters, „ ” quotes, en dash).
RELEASE = (
    "Balvu novada Sociālā dienesta speciālisti š.g. 6. oktobrī devās pieredzes apmaiņas "
    "braucienā uz Ludzu – apmeklēja biedrības „Cerību spārni” grupu dzīvokļus.\n"
    "ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž\n"
)


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def outcomes(*inputs: Path, **kwargs) -> list[Document | DocumentError]:
    return list(read_documents(list(inputs), **kwargs))


ENCODINGS = {
    "utf-8": RELEASE.encode("utf-8"),
    "utf-8 with BOM": codecs.BOM_UTF8 + RELEASE.encode("utf-8"),
    "utf-16-le with BOM": codecs.BOM_UTF16_LE + RELEASE.encode("utf-16-le"),
    "utf-16-be with BOM": codecs.BOM_UTF16_BE + RELEASE.encode("utf-16-be"),
    "windows-1257": RELEASE.encode("cp1257"),
    "utf-16-le without BOM": RELEASE.encode("utf-16-le"),
    "utf-16-be without BOM": RELEASE.encode("utf-16-be"),
    "utf-32 with BOM": codecs.BOM_UTF32_LE + RELEASE.encode("utf-32-le"),
}


@pytest.mark.parametrize("data", ENCODINGS.values(), ids=ENCODINGS.keys())
def test_every_encoding_decodes_to_the_same_text(data: bytes, tmp_path: Path) -> None:
    assert decode(data) == RELEASE
    path = write(tmp_path / "balvi-2022.txt", data)
    assert read_text(path) == RELEASE
    [document] = outcomes(path)
    assert isinstance(document, Document)
    assert document.text == RELEASE
    assert document.doc_id == "balvi-2022"
    assert document.path == path


def test_the_byte_order_mark_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", codecs.BOM_UTF8 + "Ludzā".encode())
    assert read_text(path) == "Ludzā"


def test_crlf_and_nbsp_are_kept_in_the_original_text(tmp_path: Path) -> None:
    text = "Projekta izmaksas 705\u00a0573,37\u00a0EUR.\r\nTālr. 26123456.\r\n"
    path = write(tmp_path / "a.txt", text.encode("utf-8"))
    assert read_text(path) == text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t\r\n  ", "empty"),
        ("\u00a0\u3000\n".encode(), "empty"),
        (codecs.BOM_UTF8, "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"\x00\x01\x02\x03", "binary"),  # NULs on both sides of the pairs: not UTF-16
        (bytes(range(1, 32)) * 8, "binary"),  # control characters without a NUL
        (b"\x81\x83\x88 Ludz\x90", "not UTF-8, UTF-16, Windows-1257 or ISO-8859-13"),
        ("Ludzā un Preiļi".encode()[:-2] + b"\xff" + b"Ludz\xc4\x81", "damaged UTF-8"),
    ],
    ids=["empty", "whitespace", "unicode-whitespace", "bom-only", "png", "nul-bytes",
         "controls", "undecodable", "damaged-utf8"],
)
def test_bad_files_are_refused_with_a_clear_reason(
    data: bytes, reason: str, tmp_path: Path
) -> None:
    path = write(tmp_path / "bad.txt", data)
    with pytest.raises(ReadError, match=reason):
        read_text(path)
    [error] = outcomes(path)
    assert isinstance(error, DocumentError)
    assert (error.doc_id, error.stage, error.error) == ("bad", "read", "ReadError")
    assert reason in error.message
    assert error.path == path


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = write(tmp_path / "liels.txt", ("Ludzā " * 20).encode())
    with pytest.raises(ReadError, match="over the limit of 50"):
        read_text(path, max_bytes=50)
    [error] = outcomes(path, max_bytes=50)
    assert isinstance(error, DocumentError)
    assert error.stage == "read"
    assert "over the limit" in error.message
    assert read_text(path, max_bytes=len(path.read_bytes())).startswith("Ludzā")


@pytest.mark.parametrize(
    "data",
    [codecs.BOM_UTF16_LE + b"L\x00u\x00d", codecs.BOM_UTF8 + b"Ludz\xff\xfe"],
    ids=["utf16-odd-length", "utf8-bom-invalid"],
)
def test_undecodable_text_after_a_bom_is_a_read_error_and_the_batch_goes_on(
    data: bytes, tmp_path: Path
) -> None:
    write(tmp_path / "a.txt", b"Pirmais.")
    write(tmp_path / "b.txt", data)
    write(tmp_path / "c.txt", "Trešais.".encode())
    results = outcomes(tmp_path)
    assert [type(r).__name__ for r in results] == ["Document", "DocumentError", "Document"]
    assert (results[1].stage, results[1].error) == ("read", "ReadError")
    assert "after its byte-order mark" in results[1].message
    with pytest.raises(ReadError, match="after its byte-order mark"):
        decode(data)


def test_an_unreadable_file_is_a_read_error(tmp_path: Path) -> None:
    path = write(tmp_path / "slepens.txt", "Ludzā".encode())
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user (root) who can read a mode-000 file")
        [error] = outcomes(path)
    finally:
        path.chmod(0o644)
    assert isinstance(error, DocumentError)
    assert (error.stage, error.error) == ("read", "PermissionError")


def test_a_permission_error_while_reading_is_a_read_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same as above without relying on file modes (the suite may run as root)."""
    good = write(tmp_path / "a.txt", "Ludzā.".encode())
    locked = write(tmp_path / "b.txt", "Preiļos.".encode())
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    first, second = outcomes(good, locked)
    assert isinstance(first, Document)
    assert isinstance(second, DocumentError)
    assert (second.doc_id, second.stage, second.error) == ("b", "read", "PermissionError")


def test_a_directory_named_like_a_text_file_is_a_read_error(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "Ludzā.".encode())
    (tmp_path / "b.txt").mkdir()
    write(tmp_path / "c.txt", "Preiļos.".encode())
    results = outcomes(tmp_path)
    assert [r.doc_id for r in results] == ["a", "b", "c"]
    assert isinstance(results[1], DocumentError)
    assert results[1].stage == "read"
    assert isinstance(results[0], Document) and isinstance(results[2], Document)


def test_a_missing_file_is_a_read_error(tmp_path: Path) -> None:
    [error] = outcomes(tmp_path / "nav.txt")
    assert isinstance(error, DocumentError)
    assert (error.doc_id, error.stage, error.error) == ("nav", "read", "FileNotFoundError")


def test_the_batch_goes_on_after_bad_files(tmp_path: Path) -> None:
    write(tmp_path / "01-balvi.txt", "Balvu novadā atklāj grupu dzīvokļus.".encode())
    write(tmp_path / "02-tukss.txt", b"")
    write(tmp_path / "03-bin.txt", b"\x00\x01\x02\x03")
    write(tmp_path / "04-ludza.txt", "Ludzā viesojās kolēģi.".encode("cp1257"))
    results = outcomes(tmp_path)
    assert [(r.doc_id, type(r).__name__) for r in results] == [
        ("01-balvi", "Document"),
        ("02-tukss", "DocumentError"),
        ("03-bin", "DocumentError"),
        ("04-ludza", "Document"),
    ]
    assert all(r.stage == "read" for r in results if isinstance(r, DocumentError))
    assert results[3].text == "Ludzā viesojās kolēģi."


def test_a_duplicate_doc_id_is_an_error_naming_the_first_file(tmp_path: Path) -> None:
    first = write(tmp_path / "a" / "relize.txt", "Ludzā.".encode())
    second = write(tmp_path / "b" / "relize.txt", "Preiļos.".encode())
    document, error = outcomes(tmp_path / "a", tmp_path / "b")
    assert isinstance(document, Document) and document.path == first
    assert isinstance(error, DocumentError)
    assert (error.doc_id, error.stage, error.error) == ("relize", "read", "DuplicateDocId")
    assert str(first) in error.message
    assert error.path == second


def test_a_failed_file_does_not_claim_its_doc_id(tmp_path: Path) -> None:
    write(tmp_path / "a" / "relize.txt", b"")
    write(tmp_path / "b" / "relize.txt", "Preiļos.".encode())
    error, document = outcomes(tmp_path / "a", tmp_path / "b")
    assert isinstance(error, DocumentError) and error.error == "ReadError"
    assert isinstance(document, Document) and document.text == "Preiļos."


def test_input_files_expands_folders_sorted_by_doc_id_flat_and_once(tmp_path: Path) -> None:
    for name in ("b.txt", "a.TXT", "c.html", "notes.md"):
        write(tmp_path / name, b"x")
    write(tmp_path / "sub" / "d.txt", b"x")
    loose = write(tmp_path.parent / f"{tmp_path.name}-loose.csv", b"x")
    files = input_files([loose, tmp_path, tmp_path / "b.txt"])
    assert files == [tmp_path / "a.TXT", tmp_path / "b.txt", tmp_path / "c.html", loose]

"""The review report in a real browser: headless Chromium screenshots it from disk (no server,
no network) and its DOM holds the entity marks. Skipped when /usr/bin/chromium is absent
(``make browser`` installs it; CI runs that first)."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from pipeline.review.report import score_against_gold, write_report

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() or shutil.which(str(CHROMIUM)) is None,
    reason="/usr/bin/chromium is not installed (run `make browser` as root to install it)",
)


def _chromium(profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=45, check=False,
    )


def png_pixels(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and the RGB(A) rows of an 8-bit PNG, decoded with zlib (no Pillow)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            assert depth == 8 and colour in (2, 6), (depth, colour)
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) *
                                                           (stride + 1)])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = previous[i], previous[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pred) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, [bytes(r[i:i + 3]) for r in rows for i in range(0, stride, bpp * 7)]


def test_report_renders_in_headless_chromium(gold_dir: Path, run_text, tmp_path: Path) -> None:
    documents = [run_text((gold_dir / f"{d}.txt").read_text(encoding="utf-8"), doc_id=d)
                 for d in ("dagda-02", "rauna-01")]
    result = score_against_gold(documents, [gold_dir])
    write_report(documents, tmp_path / "report", result)
    page = (tmp_path / "report" / "docs" / "rauna-01.html").resolve()
    shot = tmp_path / "rauna-01.png"

    done = _chromium(tmp_path / "profile", f"--screenshot={shot}", "--window-size=1200,900",
                     page.as_uri())
    assert shot.exists(), done.stderr[-2000:]
    assert shot.stat().st_size > 10_000
    width, height, pixels = png_pixels(shot)
    assert (width, height) == (1200, 900)
    colours = set(pixels)
    assert len(colours) > 20, f"a blank page? only {len(colours)} colours"
    white = pixels.count(b"\xff\xff\xff") / len(pixels)
    assert 0.3 < white < 0.99, white  # a white page with text and coloured marks on it

    dom = _chromium(tmp_path / "profile", "--dump-dom", page.as_uri()).stdout
    assert '<mark class="ent' in dom and 'data-label="CENTRE"' in dom
    assert "dienas centru “Zīļuks”" in dom and ">CENTRE</span>" in dom
    assert 'data-status="matched"' in dom
    if any(m.doc_id == "rauna-01" for m in result.strict.missed):
        assert 'class="missed"' in dom
    index = _chromium(tmp_path / "profile",
                      "--dump-dom", (tmp_path / "report" / "index.html").as_uri()).stdout
    assert 'href="docs/rauna-01.html"' in index and "Scores against gold" in index

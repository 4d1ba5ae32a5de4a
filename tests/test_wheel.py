"""A built wheel carries everything it needs and runs from any folder.

The wheel is built from this checkout, installed alone into a fresh folder and run with
the current folder elsewhere: its tables must be the bytes a run from the source tree
writes (the gazetteers, lexicon, models and data travel inside the package).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOT_SOURCE = (".git", ".venv", "build", "dist", "outputs", "*.egg-info", "__pycache__",
              ".pytest_cache", ".ruff_cache", ".hypothesis")
TABLES = ("visits.csv", "centres.csv", "projects.csv", "mentions.csv", "provenance.csv",
          "errors.csv", "centres_merged.csv", "projects_merged.csv")


def digests(folder: Path) -> dict[str, str]:
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in TABLES}


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout, installed without dependencies into a folder."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"  # a clean copy: a stale build/ folder must not leak into it
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(base / "dist"), str(source)],
        check=True, cwd=base, capture_output=True,
    )
    [wheel] = (base / "dist").glob("lvextract-*.whl")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
         str(base / "site"), str(wheel)],
        check=True, cwd=base, capture_output=True,
    )
    return base / "site"


def test_the_wheel_writes_the_source_trees_tables(installed: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(installed)}
    where = subprocess.run(
        [sys.executable, "-c", "import pipeline, pipeline.resources as r; "
         "print(pipeline.__file__); print(r.PACKAGED_GAZETTEERS)"],
        check=True, cwd=elsewhere, env=env, capture_output=True, text=True,
    ).stdout.split()
    assert all(Path(p).is_relative_to(installed) for p in where), where
    run = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", str(ROOT / "corpus"), "--out",
         str(tmp_path / "wheel-out"), "--no-cache", "-q"],
        cwd=elsewhere, env=env, capture_output=True, text=True,
    )
    assert run.returncode == 0, run.stderr
    source = subprocess.run(  # a fresh process too: nothing another test left behind counts
        [sys.executable, "-m", "pipeline", "run", str(ROOT / "corpus"), "--out",
         str(tmp_path / "source-out"), "--no-cache", "-q"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert source.returncode == 0, source.stderr
    assert digests(tmp_path / "wheel-out") == digests(tmp_path / "source-out")

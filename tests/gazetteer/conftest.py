"""Shared fixtures: a gazetteer built from the tiny source tables in fixtures/source."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.gazetteer.build import build_gazetteers

FIXTURE_SOURCE = Path(__file__).parent / "fixtures" / "source"


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    out = tmp_path_factory.mktemp("gazetteers")
    return out, build_gazetteers(FIXTURE_SOURCE, out)

"""Where the gazetteer files live: one place so the loader and the inflector agree."""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "LVEXTRACT_GAZETTEERS"


def gazetteer_dir() -> Path:
    """The gazetteers folder: $LVEXTRACT_GAZETTEERS, else <repo>/gazetteers."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "gazetteers"


def lexicon_dir() -> Path:
    """Hand-written rule and word tables that the build and the inflector read."""
    return gazetteer_dir() / "lexicon"

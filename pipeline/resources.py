"""What the pipeline reads besides the documents, chosen once per run.

A :class:`Resources` names the gazetteer folder, the Latvian backbone and (for the
``official`` backbone) stanza's resources folder. The command line, :func:`pipeline.extract`
and the worker processes build every component from it, and the cache key covers it, so
``--gazetteers DIR`` reaches the finders, the linker and the table fillers alike and a
result cached with one folder is never reused with another.

The project's own gazetteers ship inside the package (a wheel carries them as
``pipeline/gazetteers_data``; a source checkout or editable install reads the top-level
``gazetteers/`` folder they are built into). The hand-written tables of
``gazetteers/lexicon`` (declensions, head nouns, legal forms) are the inflector's and the
gazetteer build's own data: they always come from the package.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Literal

Backbone = Literal["shipped", "stanza", "official", "rules"]
BACKBONES: tuple[Backbone, ...] = ("shipped", "stanza", "official", "rules")


def packaged_gazetteers() -> Path:
    """The gazetteers this installation ships: the wheel's copy, else the checkout's."""
    installed = Path(str(files("pipeline"))) / "gazetteers_data"
    if (installed / "places.jsonl").is_file():
        return installed
    return Path(__file__).resolve().parents[1] / "gazetteers"


PACKAGED_GAZETTEERS = packaged_gazetteers()
MODEL_DIR = Path(__file__).resolve().parent / "models" / "lv"
"""The project's Latvian models (the ``shipped`` backbone), package data in every install."""
LEXICON = PACKAGED_GAZETTEERS / "lexicon"
"""The hand-written word tables the inflector and the gazetteer build read."""


@dataclass(frozen=True)
class Resources:
    """The gazetteer folder, the backbone and stanza's folder of one run (hashable: the
    annotation pipeline is built once per process for each)."""

    gazetteers: Path = PACKAGED_GAZETTEERS
    backbone: Backbone = "shipped"
    stanza_dir: Path | None = None

    def __post_init__(self) -> None:
        if self.backbone not in BACKBONES:
            raise ValueError(
                f"unknown backbone {self.backbone!r} (choose from {', '.join(BACKBONES)})"
            )

    @classmethod
    def choose(
        cls,
        gazetteers: Path | str | None = None,
        backbone: str | None = None,
        stanza_dir: Path | str | None = None,
    ) -> Resources:
        """Resources from user options (None: the default); paths made absolute, so worker
        processes started elsewhere read the same folders."""
        return cls(
            Path(gazetteers).resolve() if gazetteers else PACKAGED_GAZETTEERS,
            backbone or "shipped",  # type: ignore[arg-type]
            Path(stanza_dir).resolve() if stanza_dir else None,
        )

    def describe(self) -> dict[str, str | None]:
        """For the manifest and the cache key."""
        return {
            "gazetteers": str(self.gazetteers),
            "backbone": self.backbone,
            "stanza_dir": str(self.stanza_dir) if self.stanza_dir else None,
        }

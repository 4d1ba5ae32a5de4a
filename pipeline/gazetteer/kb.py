"""Typed, cached access to the gazetteer files that ``build.py`` writes.

The runtime matcher reads places and head nouns through this module only, so the file
layout can change without touching it. The folder is ``<repo>/gazetteers`` unless the
environment variable LVEXTRACT_GAZETTEERS points elsewhere.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from pipeline.gazetteer.paths import gazetteer_dir

# Order in which candidates for one surface form are returned: current units before
# historical ones, bigger units before the villages that share their name.
KIND_PRIORITY = (
    "valstspilsēta",
    "novads",
    "planning_region",
    "pilsēta",
    "pagasts",
    "ciems",
    "country",
    "foreign_region",
    "foreign_county",
    "foreign_municipality",
    "foreign_city",
    "republikas_pilsēta_2009",
    "novads_2009",
)


@dataclass(frozen=True)
class Place:
    """One row of places.jsonl (schema in gazetteers/README.md)."""

    key: str
    label: str
    norm: str
    id: str | None
    kind: str
    country: str | None
    head: str | None
    modifier: str | None
    forms: tuple[str, ...]
    parent: str | None = None
    parent_id: str | None = None
    region: str | None = None
    successor: str | None = None
    successor_id: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    parish: str | None = None
    atvk_2009: str | None = None
    confidence: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The JSON object for places.jsonl (forms as a list)."""
        row = {f.name: getattr(self, f.name) for f in fields(self)}
        row["forms"] = list(self.forms)
        return row

    @classmethod
    def from_json(cls, row: dict[str, Any]) -> Place:
        return cls(**{**row, "forms": tuple(row["forms"])})


@dataclass(frozen=True)
class Head:
    """A head noun ('novads', 'pašvaldība') with its case forms and span rule."""

    lemma: str
    label: str
    alt_labels: tuple[str, ...]
    in_span: bool
    forms: MappingProxyType[str, str]

    @property
    def surface(self) -> frozenset[str]:
        """All distinct surface forms."""
        return frozenset(self.forms.values())


def _path(path: Path | None, name: str) -> Path:
    return path if path is not None else gazetteer_dir() / name


@cache
def load_places(path: Path | None = None) -> tuple[Place, ...]:
    """All places, in file order (sorted by key)."""
    with _path(path, "places.jsonl").open(encoding="utf-8") as fh:
        return tuple(Place.from_json(json.loads(line)) for line in fh if line.strip())


@cache
def load_heads(path: Path | None = None) -> MappingProxyType[str, Head]:
    """Head nouns by lemma."""
    with _path(path, "heads.json").open(encoding="utf-8") as fh:
        rows = json.load(fh)
    return MappingProxyType(
        {
            lemma: Head(
                lemma,
                r["label"],
                tuple(r["alt_labels"]),
                r["in_span"],
                MappingProxyType(r["forms"]),
            )
            for lemma, r in rows.items()
        }
    )


def _rank(place: Place) -> tuple[int, str]:
    return KIND_PRIORITY.index(place.kind), place.key


def _index(pairs: list[tuple[str, Place]]) -> MappingProxyType[str, tuple[Place, ...]]:
    grouped: defaultdict[str, list[Place]] = defaultdict(list)
    for text, place in pairs:
        grouped[text.lower()].append(place)
    return MappingProxyType({k: tuple(sorted(set(v), key=_rank)) for k, v in grouped.items()})


def index_by_form(places: Iterable[Place]) -> MappingProxyType[str, tuple[Place, ...]]:
    """Lower-cased surface form -> candidate places, best first (see KIND_PRIORITY)."""
    return _index([(form, p) for p in places for form in p.forms])


def index_by_modifier(places: Iterable[Place]) -> MappingProxyType[str, tuple[Place, ...]]:
    """Lower-cased genitive name part -> places, for lists sharing one head word
    ("Balvu, Krāslavas un Ludzas novadā": 'krāslavas' + head 'novads')."""
    return _index([(p.modifier, p) for p in places if p.modifier])


@cache
def places_by_form(path: Path | None = None) -> MappingProxyType[str, tuple[Place, ...]]:
    """:func:`index_by_form` of the places file."""
    return index_by_form(load_places(path))


@cache
def places_by_modifier(path: Path | None = None) -> MappingProxyType[str, tuple[Place, ...]]:
    """:func:`index_by_modifier` of the places file."""
    return index_by_modifier(load_places(path))

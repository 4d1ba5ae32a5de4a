"""Typed, cached access to the gazetteer files that ``build.py`` writes.

The runtime matcher, the name finders and the table fillers read places and head nouns
through a :class:`KnowledgeBase` only, so the file layout can change without touching
them. Its folder is the run's (:class:`pipeline.resources.Resources`); one is loaded per
folder and process.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from functools import cache, cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Any

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
    parent_2009: str | None = None
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


@cache
def load_places(path: Path) -> tuple[Place, ...]:
    """All places of a ``places.jsonl``, in file order (sorted by key)."""
    with path.open(encoding="utf-8") as fh:
        return tuple(Place.from_json(json.loads(line)) for line in fh if line.strip())


@cache
def load_heads(path: Path) -> MappingProxyType[str, Head]:
    """Head nouns of a ``heads.json`` by lemma."""
    with path.open(encoding="utf-8") as fh:
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


REFORM_DATE = "2021-07-01"
"""The administrative-territorial reform: the 119 municipalities of 2009 became 43."""
LAST_DAY_BEFORE_REFORM = "2021-06-30"
HISTORICAL_KINDS = ("republikas_pilsēta_2009", "novads_2009")
"""Place kinds of the municipalities that ended with the reform."""
# Places that a genitive opening an organisation's or a centre's name may stand for.
MUNICIPAL_KINDS = (
    "valstspilsēta",
    "novads",
    "republikas_pilsēta_2009",
    "novads_2009",
    "foreign_city",
    "foreign_municipality",
)


def before_reform(when: str | None) -> bool:
    """Is ``when`` (an ISO date, month or year; None for today) before the 2021 reform?"""
    if not when or not when[:4].isdigit():
        return False
    return when[: len(REFORM_DATE)] < REFORM_DATE[: len(when)]


def municipality_on(locality: Mapping[str, Any], when: str | None) -> str | None:
    """The municipality a locality (a mention's facts) lay in on ``when``: a release of
    2019 about Jaunjelgava speaks of Jaunjelgavas novads, one of 2022 of Aizkraukles novads."""
    if before_reform(when) and locality.get("parent_2009"):
        return locality["parent_2009"]
    return locality.get("parent")


@dataclass(frozen=True)
class KnowledgeBase:
    """The places and head nouns of one gazetteer folder, with their indexes (built on
    first use) and the look-ups that need them."""

    folder: Path

    @cached_property
    def places(self) -> tuple[Place, ...]:
        return load_places(self.folder / "places.jsonl")

    @cached_property
    def heads(self) -> MappingProxyType[str, Head]:
        return load_heads(self.folder / "heads.json")

    @cached_property
    def by_form(self) -> MappingProxyType[str, tuple[Place, ...]]:
        """:func:`index_by_form` of the places."""
        return index_by_form(self.places)

    @cached_property
    def by_modifier(self) -> MappingProxyType[str, tuple[Place, ...]]:
        """:func:`index_by_modifier` of the places."""
        return index_by_modifier(self.places)

    @cached_property
    def head_forms(self) -> frozenset[str]:
        """Every surface form of every head noun, lower-cased."""
        return frozenset(form.lower() for head in self.heads.values() for form in head.surface)

    def municipality_named(self, genitive: str, when: str | None) -> Place | None:
        """The municipality whose name opens with ``genitive`` ("Siguldas", "Klaipēdas"),
        one that existed on ``when``: a 2009–2021 unit before the reform, a current one
        after (a town abroad at any date); with no date, a current one (a release that says
        no year is read as today's: "Viļānos" then names no municipality of its own)."""
        candidates = [  # a state city inside a novads (Jēkabpils since 2021) is none
            p
            for p in self.by_modifier.get(genitive.lower(), ())
            if p.kind in MUNICIPAL_KINDS and p.label != "LOCALITY"
        ]
        historical = before_reform(when)  # undated (None): today's units
        candidates = [
            p for p in candidates if p.country != "LV" or (p.valid_to is not None) == historical
        ]
        return min(
            candidates,
            key=lambda p: (p.valid_to is not None, MUNICIPAL_KINDS.index(p.kind)),
            default=None,
        )

    def municipality_opening(self, name: str, when: str | None) -> Place | None:
        """The municipality a name opens with, as it was on ``when``: "Jelgavas novada
        pašvaldība" -> Jelgavas novads, "Jelgavas sociālo lietu pārvalde" -> Jelgava (the
        city before the county of the same name)."""
        words = name.split()
        if not words:
            return None
        place = self.municipality_named(words[0], when)
        if len(words) > 1 and words[1].lower().startswith("novad"):
            novads = [
                p
                for p in self.by_modifier.get(words[0].lower(), ())
                if p.head == "novads" and p.kind in MUNICIPAL_KINDS
            ]
            place = min(
                novads,
                key=lambda p: (p.valid_to is not None) != before_reform(when),
                default=place,
            )
        return place


@cache
def knowledge_base(folder: Path) -> KnowledgeBase:
    """The knowledge base of a gazetteer folder, one per process."""
    return KnowledgeBase(Path(folder))

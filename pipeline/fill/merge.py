"""The merge stage: the same centre or project across releases made one record (after
fill, before write).

The per-release tables are what a release says; analysts also want one row per centre and
per project with every release behind it. Identity:

- a project is the same when its code is, else when its name is (case and quotes folded);
- a centre is the same when its name is and its municipalities do not disagree (a centre
  named in one release without a municipality joins the one that has it).

Conflicting values are resolved by a stated rule: the value most releases give wins, a tie
goes to the value of the earliest release (doc_id order); lists are united. Every field on
which releases disagree is named in the row's ``conflicts`` cell with all the values seen,
so nothing is hidden.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace

from pipeline.document import Centre, Document, Project

LIST_FIELDS = ("target_groups", "partners", "doc_ids")
ID_FIELDS = ("centre_id", "project_key")  # per-release identifiers: differ by design
_QUOTES = re.compile("[\"“”„«»'‘’]")


@dataclass(frozen=True)
class Merged:
    """A merged record and, per disagreeing field, the values the releases gave."""

    record: Centre | Project
    conflicts: dict[str, list[str]]

    def conflicts_cell(self) -> str:
        return "; ".join(
            f"{name}: {' | '.join(values)}" for name, values in sorted(self.conflicts.items())
        )


class ReleaseMerge:
    """Collects each release's centres and projects as the run goes (a few per release,
    without their provenance) and merges them across releases when it ends."""

    def __init__(self) -> None:
        self.centres: list[Centre] = []
        self.projects: list[Project] = []

    def add(self, document: Document) -> None:
        self.centres.extend(replace(c, provenance={}) for c in document.centres)
        self.projects.extend(replace(p, provenance={}) for p in document.projects)

    def merged(self) -> dict[str, list[Merged]]:
        """The merged records by table: ``centres_merged`` and ``projects_merged``."""
        return {"centres_merged": merge_centres(self.centres),
                "projects_merged": merge_projects(self.projects)}


def fold(value: str | None) -> str:
    """Case, quotes and spacing folded, for telling names apart."""
    text = unicodedata.normalize("NFC", value or "")
    return " ".join(_QUOTES.sub("", text).casefold().split())


def merge_projects(projects: Iterable[Project]) -> list[Merged]:
    groups: dict[str, list[Project]] = {}
    for project in sorted(projects, key=lambda p: p.doc_ids):
        key = fold(project.code) or fold(project.name)
        groups.setdefault(key, []).append(project)
    return [_merge(rows) for _, rows in sorted(groups.items())]


def merge_centres(centres: Iterable[Centre]) -> list[Merged]:
    groups: list[list[Centre]] = []
    by_name: dict[str, list[list[Centre]]] = {}  # only a group of the same name can match
    for centre in sorted(centres, key=lambda c: (c.doc_ids, c.centre_id)):
        named = by_name.setdefault(fold(centre.name), [])
        group = next((g for g in named if _same_place(g, centre)), None)
        if group is None:
            groups.append([centre])
            named.append(groups[-1])
        else:
            group.append(centre)
    merged = [_merge(rows) for rows in groups]
    merged.sort(key=lambda m: (fold(m.record.name), m.record.municipality or ""))
    return [
        Merged(replace(m.record, centre_id=f"centre-{i:04d}"), m.conflicts)
        for i, m in enumerate(merged, start=1)
    ]


def _same_place(group: Sequence[Centre], centre: Centre) -> bool:
    """Do a group of centres of one name and ``centre`` of that name agree on the place?"""
    places = {c.municipality for c in group if c.municipality}
    return not places or not centre.municipality or centre.municipality in places


def _merge(rows: Sequence[Centre | Project]) -> Merged:
    values: dict[str, object] = {}
    conflicts: dict[str, list[str]] = {}
    for field in fields(rows[0]):
        if not field.metadata.get("column", True):
            continue  # provenance points into one release's text; it does not merge
        seen = [getattr(row, field.name) for row in rows]
        if field.name in LIST_FIELDS:
            values[field.name] = sorted({item for items in seen for item in items or []})
            continue
        given = [v for v in seen if v not in (None, "")]
        counts = Counter(given)
        values[field.name] = (
            max(counts, key=lambda v: (counts[v], -given.index(v))) if given else None
        )
        distinct = list(dict.fromkeys(str(v) for v in given))
        if len(distinct) > 1 and field.name not in ID_FIELDS:
            conflicts[field.name] = distinct
    return Merged(type(rows[0])(**values), conflicts)

"""The extraction contract's names (labels, table columns, value kinds) read from data.

The lists live in `pipeline/data/contract.json` so that the pipeline's writers and the
evaluation read one copy of what the spec fixes, instead of each keeping its own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

CONTRACT_PATH = Path(__file__).parents[1] / "data" / "contract.json"

#: Tables whose records are aligned and scored field by field (mentions are scored apart).
RECORD_TABLES = ("visits", "centres", "projects")


@dataclass(frozen=True)
class Contract:
    """Names and value kinds that gold files and predictions must use."""

    labels: tuple[str, ...]
    tables: dict[str, tuple[str, ...]]
    id_columns: frozenset[str]
    list_columns: frozenset[str]
    number_columns: frozenset[str]
    centre_types: frozenset[str]
    target_groups: frozenset[str]

    def scored_fields(self, table: str) -> tuple[str, ...]:
        """Columns of `table` compared value by value: all but the record identifiers."""
        return tuple(c for c in self.tables[table] if c not in self.id_columns)


@cache
def load_contract(path: Path = CONTRACT_PATH) -> Contract:
    """Read the contract once per process (it is small and never changes at run time)."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    return Contract(
        labels=tuple(raw["labels"]),
        tables={name: tuple(cols) for name, cols in raw["tables"].items()},
        id_columns=frozenset(raw["id_columns"]),
        list_columns=frozenset(raw["list_columns"]),
        number_columns=frozenset(raw["number_columns"]),
        centre_types=frozenset(raw["centre_types"]),
        target_groups=frozenset(raw["target_groups"]),
    )

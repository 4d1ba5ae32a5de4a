"""Canonical project codes and phone numbers, and the loader of the rule vocabulary.

Codes are written loosely ("Nr.9.2.2.1./15/I/005", "LLI - 425", "LLI425"); the contract
wants one spelling per code ("9.2.2.1/15/I/005", "LLI-425") so that the same project
found in two releases, or in gold and prediction, compares equal.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

RULES = Path(__file__).resolve().parents[1] / "data" / "rules.json"
_SPACE = re.compile(r"\s+")
_DOT_BEFORE_SLASH = re.compile(r"\.(?=/)")


@cache
def load_rules() -> dict[str, Any]:
    """pipeline/data/rules.json, read once and shared by the finders and normalisers."""
    return json.loads(RULES.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class CodeScheme:
    """One family of registration codes: how it is written, spelled canonically, funded."""

    find: re.Pattern[str]
    format: str
    programme: str


@cache
def code_schemes() -> tuple[CodeScheme, ...]:
    """The code table of rules.json, compiled."""
    return tuple(
        CodeScheme(re.compile(entry["find"]), entry["format"], entry["programme"])
        for entry in load_rules()["codes"]
    )


def _strip_prefix(text: str) -> str:
    text = text.strip()
    for prefix in load_rules()["code_prefixes"]:
        if text.startswith(prefix):
            return text[len(prefix) :].strip()
    return text


def normalise_code(text: str) -> str:
    """Canonical code: no "Nr.", no spaces, no trailing dot, no dot before a slash."""
    code = _strip_prefix(text)
    for scheme in code_schemes():
        match = scheme.find.fullmatch(code)
        if match:
            return scheme.format.format(**match.groupdict())
    code = _DOT_BEFORE_SLASH.sub("", _SPACE.sub("", code))
    return code.rstrip(".")


def programme_for_code(code: str) -> str | None:
    """The funding programme a code's shape belongs to, None for an unknown shape."""
    canonical = normalise_code(code)
    for scheme in code_schemes():
        if scheme.find.fullmatch(canonical):
            return scheme.programme
    return None


def normalise_phone(text: str) -> str:
    """A phone number as written with its spaces removed ("654 40862" -> "65440862")."""
    return _SPACE.sub("", text)

"""When two values count as the same: the folding of `../shared/tools/score.py`, kept exact.

Gold and predictions are compared only through these functions, so the project's scores
and the independent scorer's cannot drift apart on spelling details (quotes, case,
dashes, spacing, decimal commas).
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = dict.fromkeys(map(ord, "„“”«»‘’‚\"'"), None)
_SPACES = re.compile(r"\s+")


def fold(value: object) -> str:
    """NFC, quotes dropped, casefolded, en/em dash to '-', whitespace collapsed; None -> ''."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).translate(_QUOTES).casefold()
    return _SPACES.sub(" ", text.replace("–", "-").replace("—", "-")).strip()


def fold_list(value: object) -> list[str]:
    """A list cell as folded items: a JSON list as is, a string split on ';'."""
    if value is None:
        return []
    if isinstance(value, list):
        return [fold(item) for item in value if item not in (None, "")]
    return [fold(item) for item in str(value).split(";") if item.strip()]


def fold_number(value: object) -> float | str | None:
    """A number rounded to 2 decimals ('1 234,5' -> 1234.5); what is no number stays folded."""
    if value in (None, ""):
        return None
    try:
        return round(float(str(value).replace(" ", "").replace(",", ".")), 2)
    except ValueError:
        return fold(value)

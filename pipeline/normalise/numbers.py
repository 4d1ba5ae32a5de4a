"""Amounts of money and head counts as numbers.

Latvian writes "705 573,37 EUR" (space thousands, comma decimals), "1,2 milj. EUR",
"gandrīz 6,6 miljonu eiro" and counts as digits or inflected words ("astoņām", "divdesmit
pieci"). Decimal arithmetic keeps "6,6 miljoni" at 6600000 instead of 6599999.999….
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from pipeline.normalise.codes import load_rules

# "705 573,37", "50.000", "1,2", "1.5", "15000": a space or a dot before three digits groups
# thousands; a comma, or a dot before other than three digits, is the decimal point.
_NUMBER = re.compile(r"(?<![\d.,])(?P<int>\d{1,3}(?:[ .]\d{3})+|\d+)(?:[,.](?P<frac>\d+))?")
_RANGE = re.compile(r"\d\s?[-–—]\s?\d")
_WORD = re.compile(r"[^\W\d_]+\.?|\d+")


def _lookup(table: dict[str, list[str]]) -> dict[str, int]:
    return {form.casefold(): int(value) for value, forms in table.items() for form in forms}


@cache
def multiplier_words() -> dict[str, int]:
    """Multiplier words ("milj." -> 1000000), casefolded."""
    return _lookup(load_rules()["multipliers"])


@cache
def currency_words() -> dict[str, str]:
    """Every way of writing a currency ("eiro", "€") -> its ISO code."""
    return {
        form.casefold(): code
        for code, forms in load_rules()["currencies"].items()
        for form in forms
    }


def count_words() -> frozenset[str]:
    """Every Latvian number word a head count may be written with ("deviņi", "divdesmit")."""
    return frozenset(_number_words())


@cache
def _number_words() -> dict[str, int]:
    return _lookup(load_rules()["number_words"])


@cache
def _scale_words() -> dict[str, int]:
    return _lookup(load_rules()["number_scales"])


def _decimal(match: re.Match[str]) -> Decimal:
    whole = re.sub(r"[ .]", "", match["int"])
    return Decimal(f"{whole}.{match['frac']}" if match["frac"] else whole)


def parse_amount(text: str) -> float | None:
    """The amount a money phrase states, its multiplier word applied; None without a number."""
    match = _NUMBER.search(text)
    if match is None:
        return None
    value = _decimal(match)
    for word in _WORD.findall(text[match.end() :].casefold()):
        if word in multiplier_words():
            value *= multiplier_words()[word]
            break
    return float(value)


def money_norm(amount: float, currency: str = "EUR") -> str:
    """Contract form: dot decimal, no grouping, cents only when there are any."""
    cents = round(Decimal(str(amount)), 2)
    number = f"{cents:.0f}" if cents == cents.to_integral_value() else f"{cents:.2f}"
    return f"{number} {currency}"


def parse_count(text: str) -> int | None:
    """A head count in digits or Latvian number words ("vairāk nekā 60" -> 60).

    Hedges around the number ("ap", "teju", "vairāk nekā") are ignored; a range
    ("30-40") is no single count and gives None.
    """
    if _RANGE.search(text):
        return None
    match = _NUMBER.search(text)
    if match is not None:
        return int(_decimal(match))
    return _words_to_int(_WORD.findall(text.casefold()))


def _words_to_int(words: list[str]) -> int | None:
    """Sum the first run of number words: "divi simti piecdesmit" -> 250."""
    total = current = 0
    seen = False
    for word in words:
        if word in _number_words():
            current += _number_words()[word]
        elif word in _scale_words():
            scale = _scale_words()[word]
            if scale == 1000:
                total += max(current, 1) * scale
                current = 0
            else:
                current = max(current, 1) * scale
        elif seen:
            break
        else:
            continue
        seen = True
    return total + current if seen else None

"""Money amounts and head counts written the Latvian way."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalise.numbers import money_norm, parse_amount, parse_count


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("418 902,15 EUR", 418902.15),
        ("gandrīz 2,4 miljonu eiro", 2400000.0),
        ("3,75 milj. EUR", 3750000.0),
        ("EUR 75 000", 75000.0),
        ("12 500 eiro", 12500.0),
        ("1.5 milj. euro", 1500000.0),
        ("250.000 EUR", 250000.0),
        ("7,2 tūkst. eiro", 7200.0),
        ("€ 980", 980.0),
        ("bez maksas", None),
    ],
)
def test_parse_amount(text: str, amount: float | None) -> None:
    assert parse_amount(text) == amount


@pytest.mark.parametrize(
    ("amount", "norm"),
    [
        (418902.15, "418902.15 EUR"),
        (2400000.0, "2400000 EUR"),
        (12.5, "12.50 EUR"),
        (0.1 + 0.2, "0.30 EUR"),
    ],
)
def test_money_norm(amount: float, norm: str) -> None:
    assert money_norm(amount) == norm


def test_money_norm_keeps_other_currencies() -> None:
    assert money_norm(1500.0, "LVL") == "1500 LVL"


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_written_amount_round_trips(whole: int, cents: int) -> None:
    written = f"{whole:,}".replace(",", " ") + f",{cents:02d} EUR"
    assert money_norm(parse_amount(written)) == money_norm(whole + cents / 100)


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("24", 24),
        ("vairāk nekā 45", 45),
        ("ap 35 dalībnieki", 35),
        ("teju 1 500 apmeklētāju", 1500),
        ("divdesmit", 20),
        ("divdesmit pieci", 25),
        ("astoņām pašvaldībām", 8),
        ("septiņu novadu", 7),
        ("divi simti piecdesmit", 250),
        ("trīs tūkstoši", 3000),
        ("30-40", None),
        ("daudzi cilvēki", None),
    ],
)
def test_parse_count(text: str, count: int | None) -> None:
    assert parse_count(text) == count

"""Latvian date spans -> ISO 8601 norms (contract section 1, DATE)."""

from __future__ import annotations

import pytest

from pipeline.normalise.dates import normalise_date, parse_date


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        ("2021. gada 14. martā", "2021-03-14"),
        ("2019.gada 3.septembrī", "2019-09-03"),
        ("09.11.2017", "2017-11-09"),
        ("2024-02-29", "2024-02-29"),
        ("2023. gada 4.-5. maijā", "2023-05-04/2023-05-05"),
        ("2018. gada 11. un 12. aprīlī", "2018-04-11/2018-04-12"),
        ("8. līdz 10.jūnijam", "--06-08/--06-10"),
        ("2., 3. un 4. augustā", "--08-02/--08-04"),
        ("30. novembrī – 1. decembrī", "--11-30/--12-01"),
        ("2021. gada 30. decembrī – 2. janvārī", "2021-12-30/2022-01-02"),
        ("no 2019. gada februāra līdz 2020. gada augustam", "2019-02/2020-08"),
        ("01.10.2019. līdz 30.09.2021", "2019-10-01/2021-09-30"),
        ("2020. gada novembrī", "2020-11"),
        ("jūlijā", "--07"),
        ("Februāris", "--02"),
        ("2016. gadā", "2016"),
        ("2014.–2020. gada", "2014/2020"),
        ("2017. – 2019.gadam", "2017/2019"),
        ("septembra otrajā pusē", "--09-16/--09-30"),
        ("2020. gada februāra beigās", "2020-02-21/2020-02-29"),
        ("maija sākumā", "--05-01/--05-10"),
        ("2022. gada aprīļa pirmajā pusē", "2022-04-01/2022-04-15"),
        ("š.g. 12. oktobrī", "--10-12"),
        ("Šā gada 7.–8. novembrī", "--11-07/--11-08"),
        ("5. okt.", "--10-05"),
    ],
)
def test_normalise_date(text: str, norm: str) -> None:
    assert normalise_date(text) == norm


@pytest.mark.parametrize(
    ("text", "year", "norm"),
    [
        ("17. martā", 2021, "2021-03-17"),
        ("februāra beigās", 2024, "2024-02-21/2024-02-29"),
        ("pagājušā gada 3. jūnijā", 2020, "2019-06-03"),
        ("28. decembrī – 3. janvārī", 2022, "2022-12-28/2023-01-03"),
        ("2015. gada 5. maijā", 2022, "2015-05-05"),
    ],
)
def test_document_year_fills_only_a_missing_year(text: str, year: int, norm: str) -> None:
    assert normalise_date(text, year) == norm


@pytest.mark.parametrize("text", ["31. aprīlī", "30.02.2021", "plkst. 13.00", "Nr. 5"])
def test_impossible_or_dateless_text_has_no_norm(text: str) -> None:
    assert normalise_date(text) is None


def test_only_a_dated_day_is_an_anchor() -> None:
    assert parse_date("2019. gada 2. un 3. oktobrī").is_anchor
    assert not parse_date("2021. gada maijā").is_anchor
    assert not parse_date("2015.–2023. gadam").is_anchor
    assert not parse_date("2018. gada oktobra beigās").is_anchor
    assert parse_date("12. maijā").needs_year

"""Canonical project codes, their programmes, and phone numbers."""

from __future__ import annotations

import pytest

from pipeline.normalise.codes import normalise_code, normalise_phone, programme_for_code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Nr.9.2.2.1./15/I/005", "9.2.2.1/15/I/005"),
        ("Nr. 9.3.1.1/16/I/002", "9.3.1.1/16/I/002"),
        ("9.2.4.2./16/I/034.", "9.2.4.2/16/I/034"),
        ("LLI - 512", "LLI-512"),
        ("LLI–301", "LLI-301"),
        ("LLI301", "LLI-301"),
        ("nr. LLIV-207", "LLIV-207"),
        ("ENI - LLB - 1 - 116", "ENI-LLB-1-116"),
        ("Est-Lat 87", "Est-Lat87"),
        ("Nr. EE-LV00045", "EE-LV00045"),
        ("LL - 00087", "LL-00087"),
        ("4.3.1.1/1/24/I/002", "4.3.1.1/1/24/I/002"),
        ("XY 12 / 3.", "XY12/3"),
    ],
)
def test_normalise_code(text: str, code: str) -> None:
    assert normalise_code(text) == code


@pytest.mark.parametrize(
    ("code", "programme"),
    [
        ("LLI - 512", "Interreg V-A Latvijas–Lietuvas pārrobežu sadarbības programma 2014–2020"),
        ("9.2.2.3/16/I/001", 'Darbības programma "Izaugsme un nodarbinātība"'),
        ("2019-1-LV01-KA204-060366", "Erasmus+"),
        ("EE-LV00045", "Interreg VI-A Igaunijas–Latvijas programma 2021–2027"),
        ("AB-12", None),
    ],
)
def test_programme_for_code(code: str, programme: str | None) -> None:
    assert programme_for_code(code) == programme


@pytest.mark.parametrize(
    ("text", "phone"),
    [("654 40862", "65440862"), ("+371 29 123 456", "+37129123456"), ("63 022 222", "63022222")],
)
def test_normalise_phone(text: str, phone: str) -> None:
    assert normalise_phone(text) == phone

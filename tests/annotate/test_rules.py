"""Rule finders on Latvian press-release sentences: spans, labels and norms."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.annotate.rules import (
    find_dates,
    find_emails,
    find_money,
    find_phones,
    find_project_codes,
    find_rule_mentions,
    infer_years,
)
from pipeline.annotate.spans import Hit


def spans(hits: list[Hit], text: str) -> list[tuple[str, str, str | None]]:
    return [(h.label, text[h.start : h.end], h.norm) for h in hits]


@pytest.mark.parametrize(
    ("text", "span", "norm"),
    [
        ("Ceturtdien, 14. martā, Tukumā notika tikšanās.", "14. martā", "--03-14"),
        ("Brauciens notika 2021. gada 9.-10. septembrī.", "2021. gada 9.-10. septembrī", None),
        (
            "Laikā no 3. līdz 5.jūlijam Cēsīs viesojās kolēģi.",
            "3. līdz 5.jūlijam",
            "--07-03/--07-05",
        ),
        ("Šā gada 2. un 3. maijā Valkā strādāja eksperti.", "Šā gada 2. un 3. maijā", None),
        ("Tā 12.aprīlis bija saulains.", "12.aprīlis", "--04-12"),
        ("Sākot no marta, centrs strādā ilgāk.", "marta", "--03"),
        ("Prezentācija būs novembra sākumā.", "novembra sākumā", "--11-01/--11-10"),
        ("Projekts ilgs no 2021. gada aprīļa līdz 2023. gada martam.", None, "2021-04/2023-03"),
        ("Ēka nodota ekspluatācijā 17.06.2019.", "17.06.2019", "2019-06-17"),
        ("Plāns tapa 2016.gadā kopā ar iedzīvotājiem.", "2016.gadā", "2016"),
        ("To finansē no 2016. – 2022.gadam.", "2016. – 2022.gadam", "2016/2022"),
        ("Septembris – mēnesis, kad sākas darbs.", "Septembris", "--09"),
    ],
)
def test_find_dates(text: str, span: str | None, norm: str | None) -> None:
    (hit,) = find_dates(text)
    if span is not None:
        assert text[hit.start : hit.end] == span
    if norm is not None:
        assert hit.norm == norm


@pytest.mark.parametrize(
    "text",
    [
        "Sanāksme sāksies plkst. 13.00 zālē 2.15.",
        "Maija Kalniņa un Augusts Ozols pastāstīja par darbu.",
        "Pirms 10 gadiem centrā strādāja 3 darbinieki.",
        "Dienas otrajā pusē dalībnieki devās uz Smilteni.",
        "Programma 2014-2020 tuvojas noslēgumam.",
    ],
)
def test_no_date(text: str) -> None:
    assert find_dates(text) == []


def test_yearless_date_takes_year_of_nearest_preceding_anchor() -> None:
    text = (
        "Jūnijs – pieredzes mēnesis\n\n05.07.2017.\n\n"
        "Tā 28. jūnijā Talsos viesojās kolēģi; marta beigās vēl."
    )
    hits = infer_years(find_dates(text), text)
    assert [h.norm for h in hits] == [
        "2017-06",
        "2017-07-05",
        "2017-06-28",
        "2017-03-21/2017-03-31",
    ]


def test_month_and_year_dates_lend_no_year() -> None:
    text = "Centrs atvērts 2021. gada maijā. Noslēguma pasākums notika 24. novembrī."
    assert [h.norm for h in infer_years(find_dates(text), text)] == ["2021-05", "--11-24"]


def test_a_project_period_lends_its_year_only_when_no_day_does() -> None:
    text = (
        "Jelgavas senioru klubs 12. oktobrī viesojās Dobelē. Projekts ilgst no 2020. gada "
        "1. februāra līdz 2022. gada 31. janvārim.\n\nJelgavā, 2021. gada 20. oktobris"
    )
    found = [h.norm for h in infer_years(find_dates(text), text)]
    assert found == ["2021-10-12", "2020-02-01/2022-01-31", "2021-10-20"]
    alone = text.split("\n")[0]  # the period is the only anchor left
    assert infer_years(find_dates(alone), alone)[0].norm == "2020-10-12"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Jaunieši viesojas Dobelē14.09.2016. Viņi devās prom.", "14.09.2016"),
        ("Publicēts:03.05.2021", "03.05.2021"),
    ],
)
def test_a_date_glued_to_the_word_before_it(run_text, text: str, span: str) -> None:
    dates = [m.text for m in run_text(text).mentions if m.label == "DATE"]
    assert dates == [span]


def test_a_dateline_lends_its_year_even_naming_only_its_month() -> None:
    text = "Kafejnīca atvērta 20. maijā, un viesi ieradās 22. maijā.\n\n2015. gada maijs"
    assert [h.norm for h in infer_years(find_dates(text), text)] == [
        "2015-05-20", "2015-05-22", "2015-05"]


def test_a_deadline_after_the_releases_date_lends_no_year() -> None:
    text = (
        "Pieteikties var līdz 2022. gada 30. novembrim. Viesi ieradās 9. jūnijā.\n\n"
        "Bauskas novada pašvaldība, 2016. gada 13. jūnijs"
    )
    assert [h.norm for h in infer_years(find_dates(text), text)][1] == "2016-06-09"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the dateline says when "now" is
            "Viesi ieradās 9. un 10. oktobrī. Pavasarī mūsu darbinieki dosies uz Tartu. Martā "
            "notika seminārs.\n\n2021. gada 15. oktobris",
            ["2021-10-09/2021-10-10", "2022-03-01/2022-05-31", "2021-03", "2021-10-15"],
        ),
        (  # no dateline: the days told as past, not the plans
            "2023. gada 8. novembrī Talsos viesojās kolēģi. Nākamā tikšanās plānota martā. "
            "Bet 2023. gada 14. decembrī plānots seminārs, kas notiks arī aprīlī.",
            ["2023-11-08", "2024-03", "2023-12-14", "2024-04"],
        ),
        (  # the future word is in a clause about another noun: a past date
            "Martā speciālisti apmeklēja Kuldīgas centru, kas tiks paplašināts. Nākamā "
            "tikšanās notiks, visticamāk, 12. aprīlī.\n\n2021. gada 10. oktobris",
            ["2021-03", "2022-04-12", "2021-10-10"],
        ),
    ],
)
def test_a_planned_date_that_would_be_past_is_of_the_next_year(text, expected) -> None:
    assert [h.norm for h in find_rule_mentions(text) if h.label == "DATE"] == expected


def test_relative_year_is_shifted_from_the_document_year() -> None:
    text = "Pērnā gada 3. martā sākās darbi. Publicēts 14.01.2023."
    assert find_rule_mentions(text)[0].norm == "2022-03-03"


@pytest.mark.parametrize(
    ("text", "span", "norm"),
    [
        ("Kopējās izmaksas ir 812 440,50 EUR.", "812 440,50 EUR", "812440.50 EUR"),
        ("Atbalsts gandrīz 4,3 miljonu eiro apmērā.", "4,3 miljonu eiro", "4300000 EUR"),
        ("No tā 2,1 milj. EUR ir ERAF finansējums.", "2,1 milj. EUR", "2100000 EUR"),
        ("Pašvaldība piešķīra EUR 35 000 remontam.", "EUR 35 000", "35000 EUR"),
        ("Pabalsts ir 250 eiro, to izmaksā reizi gadā.", "250 eiro", "250 EUR"),
        ("Būvniecība izmaksāja 120 000 latu.", "120 000 latu", "120000 LVL"),
    ],
)
def test_find_money(text: str, span: str, norm: str) -> None:
    (hit,) = find_money(text)
    assert (text[hit.start : hit.end], hit.norm) == (span, norm)


@pytest.mark.parametrize(
    ("text", "span", "norm"),
    [
        (
            "projekta “Kopā” (Nr.9.2.2.3./16/I/001) ietvaros",
            "9.2.2.3./16/I/001",
            "9.2.2.3/16/I/001",
        ),
        ("projekts Nr. LLI-512 “Senioriem”", "LLI-512", "LLI-512"),
        ("projekta (LLI – 601) partneri", "LLI – 601", "LLI-601"),
        ("projektā LLI218 piedalās", "LLI218", "LLI-218"),
        ("projektu Nr. CB0200317 “Kopā”", "CB0200317", "CB0200317"),  # Central Baltic 2021–27
        ("Erasmus+ projekts 2019-1-LV01-KA204-060366 noslēdzies", None, "2019-1-LV01-KA204-060366"),
    ],
)
def test_find_project_codes(text: str, span: str | None, norm: str) -> None:
    (hit,) = find_project_codes(text)
    assert hit.norm == norm
    if span is not None:
        assert text[hit.start : hit.end] == span


@pytest.mark.parametrize(
    "text",
    [
        "Birojs atrodas Skolas ielā Nr. 5, Jelgavā.",
        "Saskaņā ar Ministru kabineta noteikumiem Nr. 313 pakalpojumu sniedz biedrība.",
        "Grupā ir 12 klienti no 3 pagastiem.",
    ],
)
def test_no_project_code(text: str) -> None:
    assert find_project_codes(text) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Sīkāk: e-pasts: anna.liepa@vidzeme.lv.", ["anna.liepa@vidzeme.lv"]),
        (
            "Rakstiet uz info@soc-dienests.lv vai dome@cesis.lv",
            ["info@soc-dienests.lv", "dome@cesis.lv"],
        ),
        ("Sekojiet mums: @SocDienests", []),
    ],
)
def test_find_emails(text: str, found: list[str]) -> None:
    assert [h.norm for h in find_emails(text)] == found


@pytest.mark.parametrize(
    ("text", "span", "norm"),
    [
        ("Speciāliste Anna Liepa, t.: 654 22110, e-pasts: anna@x.lv", "654 22110", "65422110"),
        ("Informācija pa tālr.: 29876543.", "29876543", "29876543"),
        ("Tālr. 63 022 222", "63 022 222", "63022222"),
        ("mob. +371 26 123 456 (darba dienās)", "+371 26 123 456", "+37126123456"),
        ("Zvaniet +370 612 34567 Lietuvā", "+370 612 34567", "+37061234567"),
    ],
)
def test_find_phones(text: str, span: str, norm: str) -> None:
    (hit,) = find_phones(text)
    assert (text[hit.start : hit.end], hit.norm) == (span, norm)


@pytest.mark.parametrize(
    "text",
    [
        "Pašvaldības 2022. gada budžets ir 26 000 000 eiro.",
        "Reģistrācijas Nr. 40008012345, projekts Nr. 9.2.2.1/15/I/005.",
        "Piedalījās 2000 cilvēki t.sk. 150 bērni.",
    ],
)
def test_no_phone_in_years_money_or_codes(text: str) -> None:
    assert all(h.label != "PHONE" for h in find_rule_mentions(text))


def test_rule_mentions_combine_all_labels() -> None:
    text = (
        "Trešdien, 2023. gada 8. martā projekta LLI-512 partneri apmeklēja centru, kura izveide "
        "izmaksāja 318 000 eiro. Tā 9. martā sekoja tikšanās. Kontakti: t.: 630 12345, "
        "e-pasts: centrs@dobele.lv."
    )
    assert spans(find_rule_mentions(text), text) == [
        ("DATE", "2023. gada 8. martā", "2023-03-08"),
        ("PROJECT_CODE", "LLI-512", "LLI-512"),
        ("MONEY", "318 000 eiro", "318000 EUR"),
        ("DATE", "9. martā", "2023-03-09"),
        ("PHONE", "630 12345", "63012345"),
        ("EMAIL", "centrs@dobele.lv", "centrs@dobele.lv"),
    ]


def test_year_in_budget_phrase_is_a_date_not_a_phone() -> None:
    text = "2022. gada budžets bija 1,2 milj. EUR."
    assert spans(find_rule_mentions(text), text) == [
        ("DATE", "2022. gada", "2022"),
        ("MONEY", "1,2 milj. EUR", "1200000 EUR"),
    ]


_PIECES = [*"abcdēīšāžAM .,-–/:@+0123456789\n", "gada ", "martā", "EUR", "tālr. ", "Nr."]
_LATVIAN = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@given(_LATVIAN)
def test_mentions_are_sorted_disjoint_and_never_cut_a_word(text: str) -> None:
    hits = find_rule_mentions(text)
    assert [h.start for h in hits] == sorted(h.start for h in hits)
    for first, second in pairwise(hits):
        assert first.end <= second.start
    for hit in hits:
        assert 0 <= hit.start < hit.end <= len(text)
        assert hit.start == 0 or not (text[hit.start - 1].isalnum() and text[hit.start].isalnum())
        assert hit.end == len(text) or not (text[hit.end - 1].isalnum() and text[hit.end].isalnum())


def test_a_season_is_a_range_of_its_months_in_the_documents_year() -> None:
    text = (
        "2022. gada 9. martā valde apstiprināja plānu. Remontu sāks pavasarī, centru atvērs "
        "2023. gada rudenī, bet pieredzes braucienu rīkos nākamā gada vasarā."
    )
    found = [(text[h.start : h.end], h.norm) for h in infer_years(find_dates(text), text)]
    assert found == [
        ("2022. gada 9. martā", "2022-03-09"),
        ("pavasarī", "2022-03-01/2022-05-31"),
        ("2023. gada rudenī", "2023-09-01/2023-11-30"),
        ("nākamā gada vasarā", "2023-06-01/2023-08-31"),
    ]


@pytest.mark.parametrize(
    "text",
    ["Bērni devās uz vasaras nometni.", "Koncertā dziedāja Vasara Kalniņa.",
     "Rudens krāsas priecēja viesus."],
)
def test_a_season_word_that_is_no_date(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("Jūnijā Cēsu jaunieši dosies uz Tartu.", "Jūnijā"),
        ("Martā Bauskā viesojās kolēģi no Iecavas.", "Martā"),
        ("Rudenī Valkas speciālisti brauks uz Veru.", "Rudenī"),
    ],
)
def test_a_month_in_the_locative_opening_a_sentence_is_a_date(found, text: str, month: str) -> None:
    mentions = found(text)
    assert [m[1] for m in mentions if m[0] == "DATE"] == [month]
    assert not [m for m in mentions if m[0] == "PERSON"]


def test_a_month_named_first_name_before_a_surname_is_a_person(found) -> None:
    assert ("PERSON", "Maija Ozola", "Maija Ozola") in found("Maija Ozola vada dienas centru.")

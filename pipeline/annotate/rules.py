"""Rule-based finders for the pattern-shaped labels: DATE, MONEY, PROJECT_CODE, EMAIL, PHONE.

These labels have a closed surface form in Latvian press releases, so regexes built from
the vocabulary in ``pipeline/data/rules.json`` find them more reliably than a statistical
model, and give each hit its contract norm at once. Every pattern starts and ends on a
word boundary, so a span never cuts a word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from functools import cache

from pipeline.annotate.spans import Hit
from pipeline.normalise.codes import code_schemes, load_rules, normalise_code, normalise_phone
from pipeline.normalise.dates import ParsedDate, month_words, normalise_date, parse_date
from pipeline.normalise.numbers import currency_words, money_norm, multiplier_words, parse_amount

SOURCE = "rules"

# When two hits overlap, the longer wins; on equal length, the label listed first.
_PRIORITY = ("EMAIL", "PROJECT_CODE", "MONEY", "DATE", "PHONE")
_CUELESS_PHONE_SCORE = 0.8  # a bare 8-digit number is a phone by shape alone
_BARE_MONTH_SCORE = 0.9  # "marta" alone is a date, but the weakest kind
_DATELINE_WORDS = 4  # words besides its date a release's dateline may have on its line

_DAY = r"\d{1,2}\."
_NUMERIC_DATE = r"\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}"
_AMOUNT = r"\d{1,3}(?:[ .]\d{3})+(?:[,.]\d+)?|\d+(?:[,.]\d+)?"
_EMAIL = re.compile(
    r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])"
)
_PHONE_BODY = r"(?:\+371[ -]?)?(?:\d[ -]?){7}\d|\+\d{3}[ -]?(?:\d[ -]?){6,11}\d"
_SENTENCE_END = ".!?:–-\n"
_LOCATIVE_ENDINGS = ("ā", "ī")  # of a month or season: "martā", "oktobrī", "rudenī"
_SENTENCE_END_MARK = re.compile(r"(?<!\d)[.!?]|[\n;]")  # not a date's dot ("12. aprīlī")
_RELATIVE_CLAUSE = re.compile(r",\s*(?:kas|kur\w*|ko|kam)\b")  # about a noun, not the date


def _words(forms: Iterable[str]) -> str:
    """An alternation of whole words, longest first; a form ending in a dot ends itself."""
    parts = [
        re.escape(form) + ("" if not form[-1].isalnum() else r"(?!\w)")
        for form in sorted(set(forms), key=len, reverse=True)
    ]
    return "(?i:" + "|".join(parts) + ")"


def _separator(forms: Iterable[str]) -> str:
    """Words between spaces ("līdz", "un"), punctuation with optional spaces ("–", ",")."""
    words = [f for f in forms if f.isalpha()]
    marks = "".join(re.escape(f) for f in forms if not f.isalpha())
    return rf"(?:\s{_words(words)}\s|\s?[{marks}]\s?)"


@cache
def _date_pattern() -> re.Pattern[str]:
    rules = load_rules()
    month = _words(f for forms in rules["months"].values() for f in forms)
    abbreviation = _words(f for forms in rules["month_abbreviations"].values() for f in forms)
    relative = _words(rules["relative_years"])
    vague = _words(rules["vague_periods"])
    year_word = _words(rules["year_words"])
    of_year = _words(rules["year_genitive"])
    range_sep = _separator(rules["range_words"])
    list_sep = _separator(rules["list_words"])
    lead = rf"(?:(?:{relative}|\d{{4}}\.\s?{of_year})\s?)?"
    days = rf"{_DAY}(?:(?:{range_sep}|{list_sep}){_DAY})*"
    day_date = rf"{lead}{days}\s?(?:{month}|{abbreviation})"
    month_date = rf"{lead}{month}(?:\s{vague})?"
    seasons = rules["seasons"]
    # A season with its year ("2021. gada vasarā", "nākamā gada pavasarī") in any case, a
    # bare one only in the locative ("rudenī"): "vasaras nometne" is no date.
    season_date = rf"(?:{lead.removesuffix('?')}{_words(seasons)}|{_words(rules['bare_seasons'])})"
    year_date = rf"\d{{4}}\.(?:{range_sep}\d{{4}}\.)?\s?{year_word}"
    point = rf"(?:{day_date}|{_NUMERIC_DATE}|{month_date}|{season_date}|{year_date})"
    # A numeric date keeps its ordinal dot only inside a range ("01.10.2019. līdz ...").
    # It may follow a letter with no space (a headline glued to its date: "Tukumā14.09.2016.").
    start = rf"(?:(?<![\w.])|(?<=[^\W\d_])(?={_NUMERIC_DATE}))"
    return re.compile(rf"{start}{point}(?:\.?{range_sep}{point})?(?!\w)")


def _bare_month_ok(text: str, start: int, end: int) -> bool:
    """A capitalised month or season alone is a name ("Maija Ozola", "Vasara") unless it
    opens a sentence; there, before a capitalised word, only its locative ("Jūnijā Cēsu
    jaunieši …", "Rudenī Valkā …": no first name ends so) is a date."""
    word = text[start:end]
    if word.casefold() not in {*month_words(), *load_rules()["bare_seasons"]} or word[:1].islower():
        return True
    before = text[:start].rstrip(" ")
    after = text[end:].lstrip(" ")
    opens_sentence = not before or before[-1] in _SENTENCE_END
    return opens_sentence and (not after[:1].isupper() or word.endswith(_LOCATIVE_ENDINGS))


def find_dates(text: str) -> list[Hit]:
    """Dates, day and month ranges, vague month parts and "YYYY. gadā" years."""
    hits = []
    for match in _date_pattern().finditer(text):
        start, end = match.span()
        norm = normalise_date(match.group())
        if norm is None or not _bare_month_ok(text, start, end):
            continue
        bare = match.group().casefold() in month_words()
        hits.append(Hit(start, end, "DATE", norm, SOURCE, _BARE_MONTH_SCORE if bare else 1.0))
    return hits


@cache
def _money_pattern() -> re.Pattern[str]:
    currency = _words(currency_words())
    multiplier = _words(multiplier_words())
    amount_first = rf"(?:{_AMOUNT})\s?(?:{multiplier}\s?)?{currency}"
    currency_first = rf"{currency}\s?(?:{_AMOUNT})(?:\s?{multiplier})?"
    return re.compile(rf"(?<![\w.,])(?:{amount_first}|{currency_first})(?!\w)")


@cache
def _currency_pattern() -> re.Pattern[str]:
    return re.compile(_words(currency_words()))


def _currency(money: str) -> str:
    """The ISO code of the currency word inside a MONEY match."""
    match = _currency_pattern().search(money)
    return currency_words()[match.group().casefold()] if match else "EUR"


def find_money(text: str) -> list[Hit]:
    """An amount with its currency word, either order ("599 737,33 EUR", "EUR 50 000")."""
    hits = []
    for match in _money_pattern().finditer(text):
        amount = parse_amount(match.group())
        if amount is not None:
            norm = money_norm(amount, _currency(match.group()))
            hits.append(Hit(match.start(), match.end(), "MONEY", norm, SOURCE))
    return hits


@cache
def _code_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(
        re.compile(rf"(?<![\w/-])(?:{scheme.find.pattern})(?![\w/])") for scheme in code_schemes()
    )


def find_project_codes(text: str) -> list[Hit]:
    """Registration codes of the known schemes; the "Nr." before them stays outside."""
    return [
        Hit(m.start(), m.end(), "PROJECT_CODE", normalise_code(m.group()), SOURCE)
        for pattern in _code_patterns()
        for m in pattern.finditer(text)
    ]


def find_emails(text: str) -> list[Hit]:
    """E-mail addresses as written; a sentence's final dot stays outside."""
    return [Hit(m.start(), m.end(), "EMAIL", m.group(), SOURCE) for m in _EMAIL.finditer(text)]


@cache
def _phone_patterns() -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]:
    rules = load_rules()
    cued = re.compile(
        rf"(?<!\w){_words(rules['phone_cues'])}\s?:?\s*(?P<phone>{_PHONE_BODY})(?!\d)"
    )
    shapes = tuple(re.compile(rf"(?<![\w+.,]){s}(?![.,]?\d)") for s in rules["phone_shapes"])
    return cued, shapes


def find_phones(text: str) -> list[Hit]:
    """Numbers after a contact cue ("tālr.", "t.:"), or in an unmistakable phone shape."""
    cued, shapes = _phone_patterns()
    hits = {
        m.span("phone"): Hit(*m.span("phone"), "PHONE", normalise_phone(m["phone"]), SOURCE)
        for m in cued.finditer(text)
    }
    for pattern in shapes:
        for m in pattern.finditer(text):
            hit = Hit(m.start(), m.end(), "PHONE", normalise_phone(m.group()), SOURCE,
                      _CUELESS_PHONE_SCORE)
            hits.setdefault(m.span(), hit)
    return list(hits.values())


FINDERS: tuple[Callable[[str], list[Hit]], ...] = (
    find_emails,
    find_project_codes,
    find_money,
    find_dates,
    find_phones,
)


def _non_overlapping(hits: Iterable[Hit]) -> Iterator[Hit]:
    """Longest first, then by label priority; a hit overlapping a kept one is dropped."""
    taken: list[Hit] = []
    ranked = sorted(hits, key=lambda h: (h.start - h.end, _PRIORITY.index(h.label), h.start))
    for hit in ranked:
        if all(hit.end <= kept.start or kept.end <= hit.start for kept in taken):
            taken.append(hit)
            yield hit


def find_rule_mentions(text: str) -> list[Hit]:
    """All five labels, non-overlapping, sorted by start, yearless dates given their year.

    Pass the whole document: the year of a yearless date comes from the other dates of
    the same text (see ``infer_years``).
    """
    hits = sorted(
        _non_overlapping(h for finder in FINDERS for h in finder(text)), key=lambda h: h.start
    )
    return infer_years(hits, text)


def _nearest_year(anchors: Sequence[tuple[int, int]], position: int) -> int | None:
    before = [year for start, year in anchors if start < position]
    if before:
        return before[-1]
    after = [year for start, year in anchors if start > position]
    return after[0] if after else None


def _on_its_own_line(hit: Hit, text: str) -> bool:
    """A dateline: a date with at most a few words beside it on its line ("Publicēts
    24.02.2020.", "Preiļu novada pašvaldība, 2022. gada 18. novembris", "2015. gada maijs")."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    line_end = text.find("\n", hit.end)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[line_start : hit.start] + " " + text[hit.end : line_end]
    return len(re.findall(r"\w+", rest)) <= _DATELINE_WORDS


def _not_after_the_release(
    anchored: list[tuple[int, ParsedDate]],
    parsed: dict[int, ParsedDate | None],
    datelines: set[int],
) -> list[tuple[int, ParsedDate]]:
    """Anchors no later than the release's own date, when a dateline names a day: a later
    date is a plan or a deadline ("pieteikties līdz 2022. gada 30. novembrim"), not the
    time the release tells of."""
    latest = _release_day([parsed[i] for i in datelines])
    if latest is None:
        return anchored
    return [(i, p) for i, p in anchored
            if (p.start.year, p.start.month, p.start.day) <= latest] or anchored


def infer_years(hits: Sequence[Hit], text: str) -> list[Hit]:
    """Give yearless DATE hits the document's year, from the document's own dates only.

    Rule: a DATE that names a month but no year ("21. septembrī", "Septembris",
    "š.g. 28.-29. novembrī") takes the year of the nearest *anchor* before it, else of
    the nearest anchor after it, else keeps its "--MM-DD" norm. An anchor is a date
    that names both its year and its day ("03.10.2018", "2019. gada 2. un 3. oktobrī"):
    a publication or event date. Month- and year-only dates ("2022. gada janvārī",
    "2015.–2023. gadam") do not lend their year, since press releases use them for
    other times (openings, plans, project periods); a project's period of days ("no 2021.
    gada 1. marta līdz 2023. gada 30. aprīlim") lends its first year only when no other
    anchor does. A dateline (a date on a line of its own: when the release was written)
    is an anchor even when it names only its month, and no anchor after a dated dateline
    counts (plans, deadlines). "pagājušā gada" shifts the year by -1. Hits of other labels
    pass unchanged; the function is idempotent.
    """
    parsed = {i: parse_date(text[h.start : h.end]) for i, h in enumerate(hits) if h.label == "DATE"}
    datelines = {i for i, p in parsed.items() if p is not None and p.start.year is not None
                 and _on_its_own_line(hits[i], text)}
    anchored = [(i, p) for i, p in parsed.items() if p is not None and p.is_anchor]
    events = [(i, p) for i, p in anchored if not p.is_period]
    anchored = _not_after_the_release(events or anchored, parsed, datelines)
    anchored += [(i, parsed[i]) for i in datelines if not parsed[i].is_anchor]
    anchors = sorted((hits[i].start, p.start.year) for i, p in anchored)
    released = _release_day([parsed[i] for i in datelines]) or _release_day(
        [p for i, p in anchored if not _planned(hits[i], text)])
    result = list(hits)
    for i, p in parsed.items():
        if p is None or not p.needs_year:
            continue
        year = _nearest_year(anchors, hits[i].start)
        if year is not None:
            span = text[hits[i].start : hits[i].end]
            if released and _planned(hits[i], text) and _last_day_of(
                    parse_date(span, year)) < released:
                year += 1  # "Pavasarī grupa dosies uz Tartu" in an October release
            result[i] = replace(hits[i], norm=normalise_date(span, year))
    return result


def _release_day(dates: list[ParsedDate]) -> tuple[int, int, int] | None:
    """The latest day of the dates that give the release its time: its dateline, else the
    days it tells of as past (not its plans)."""
    days = [(p.start.year, p.start.month, p.start.day) for p in dates if p.is_anchor]
    return max(days, default=None)


def _last_day_of(parsed: ParsedDate | None) -> tuple[int, int, int]:
    point = parsed.points[-1] if parsed else None
    if point is None or point.year is None or point.month is None:
        return (0, 0, 0)
    return (point.year, point.month, point.day or 31)


def _planned(hit: Hit, text: str) -> bool:
    """Does the clause of the date speak of the future ("Pavasarī grupa dosies …"; not
    "martā apmeklēja centru, kas tiks paplašināts")?"""
    before = [m.end() for m in _SENTENCE_END_MARK.finditer(text, 0, hit.start)]
    after = _SENTENCE_END_MARK.search(text, hit.end)
    end = after.start() if after else len(text)
    relative = _RELATIVE_CLAUSE.search(text, hit.end, end)
    return bool(_future_words().search(text, before[-1] if before else 0,
                                       relative.start() if relative else end))


@cache
def _future_words() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){_words(load_rules()['future_words'])}")

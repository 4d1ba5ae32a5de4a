"""Latvian date expressions as ISO 8601 norms (the document-level year inference, which
reads all of a document's dates, is the rule finder's: :func:`pipeline.annotate.rules.infer_years`).

A span found by the DATE finder ("2022. gada 6.-7. decembrī", "oktobra otrajā pusē",
"no 2019. gada marta līdz 2021. gada martam" minus its "no") is read back into one
point or a range. Norms: "2022-12-06", "2022-12-06/2022-12-07", "2021-05", "2023",
"2015/2023"; an unknown year is left out ("--12-06", "--03"), as the contract says.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from pipeline.normalise.codes import load_rules

_TOKEN = re.compile(
    r"(?P<dmy>(?<!\d)\d{1,2}\.\d{1,2}\.\d{4})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})"
    r"|(?P<year>\d{4})"
    r"|(?P<day>\d{1,2})"
    r"|(?P<word>[^\W\d_]+\.?)"
    r"|(?P<sep>[-–—,])"
)
_LEAP_YEAR = 2000  # a yearless "--02-29" is a valid day
_COMMON_YEAR = 2001  # a yearless "februāra beigās" ends on the 28th
LONGEST_EVENT_DAYS = 31  # a longer range of days is a period (a project's), not an event


@dataclass(frozen=True)
class Point:
    """One calendar point at year, month or day precision; a part may be unknown."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def filled_from(self, other: Point) -> Point:
        """Borrow what this side of a range leaves out ("6.-7. decembrī": 6 takes December)."""
        return Point(
            self.year if self.year is not None else other.year,
            self.month if self.month is not None or self.day is None else other.month,
            self.day,
        )


@dataclass(frozen=True)
class ParsedDate:
    """A date span read back: a point, or a range when ``end`` is set."""

    start: Point
    end: Point | None = None
    vague: bool = False  # a part of a month ("marta sākumā"), its days made up by rule

    @property
    def points(self) -> tuple[Point, ...]:
        return (self.start,) if self.end is None else (self.start, self.end)

    @property
    def needs_year(self) -> bool:
        """True when a month is named but its year is not."""
        return any(p.year is None and p.month is not None for p in self.points)

    @property
    def is_anchor(self) -> bool:
        """A day-precise date that names its year: the only kind that lends its year."""
        return not self.vague and all(p.year is not None and p.day is not None for p in self.points)

    @property
    def is_period(self) -> bool:
        """A range longer than an event ("no 2021. gada 1. marta līdz 2023. gada 30. aprīlim"):
        a project's period rather than a day the release tells of."""
        return self.end is not None and _days(self.start, self.end) > LONGEST_EVENT_DAYS


def _days(start: Point, end: Point) -> int:
    """Days from one full point to another (a point that is no calendar day counts as 0)."""
    try:
        return (date(end.year, end.month, end.day) - date(start.year, start.month, start.day)).days
    except (TypeError, ValueError):
        return 0


@cache
def month_words() -> dict[str, int]:
    """Every case form and abbreviation of a month name, casefolded -> month number."""
    rules = load_rules()
    return {
        form.casefold(): int(month)
        for table in (rules["months"], rules["month_abbreviations"])
        for month, forms in table.items()
        for form in forms
    }


@cache
def _vague_pattern() -> re.Pattern[str]:
    phrases = sorted(load_rules()["vague_periods"], key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, phrases)) + r")(?!\w)", re.I)


def season_words() -> dict[str, tuple[int, int]]:
    """Every case form of a season (spring, summer, autumn) -> its first and last month."""
    return {form: (first, last) for form, (first, last) in load_rules()["seasons"].items()}


@cache
def _relative_pattern() -> re.Pattern[str]:
    prefixes = sorted(load_rules()["relative_years"], key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(map(re.escape, prefixes)) + r")", re.I)


def _segments(text: str) -> list[Point] | None:
    """Split at range and list words; each piece gives one partial point."""
    rules = load_rules()
    breaks = {w.casefold() for w in (*rules["range_words"], *rules["list_words"])}
    segments: list[Point] = [Point()]
    for token in _TOKEN.finditer(text):
        kind, value = token.lastgroup, token.group()
        current = segments[-1]
        if kind == "dmy":
            day, month, year = (int(part) for part in value.split("."))
            segments[-1] = Point(year, month, day)
        elif kind == "iso":
            year, month, day = (int(part) for part in value.split("-"))
            segments[-1] = Point(year, month, day)
        elif kind == "year":
            segments[-1] = replace(current, year=int(value))
        elif kind == "day":
            segments[-1] = replace(current, day=int(value))
        elif value.casefold() in month_words():
            segments[-1] = replace(current, month=month_words()[value.casefold()])
        elif value.casefold() in season_words():
            segments[-1] = replace(current, month=season_words()[value.casefold()][0])
        elif value.casefold() in breaks and current != Point():
            segments.append(Point())
    points = [p for p in segments if p != Point()]
    return points or None


def _complete(start: Point, end: Point) -> tuple[Point, Point]:
    """Fill each side of a range from the other; a borrowed year rolls over at New Year."""
    full_start, full_end = start.filled_from(end), end.filled_from(start)
    if full_start.year is None:
        return full_start, full_end
    key_start = (full_start.month or 0, full_start.day or 0)
    key_end = (full_end.month or 0, full_end.day or 0)
    if key_end < key_start and start.year is not None and end.year is None:
        full_end = replace(full_end, year=full_start.year + 1)
    elif key_end < key_start and start.year is None and end.year is not None:
        full_start = replace(full_start, year=full_end.year - 1)
    return full_start, full_end


def _last_day(point: Point) -> int:
    return calendar.monthrange(point.year or _COMMON_YEAR, point.month or 1)[1]


def _valid(point: Point) -> bool:
    if point.month is None:
        return point.day is None and point.year is not None
    if not 1 <= point.month <= 12:
        return False
    if point.day is None:
        return True
    return 1 <= point.day <= calendar.monthrange(point.year or _LEAP_YEAR, point.month)[1]


def parse_date(text: str, year: int | None = None) -> ParsedDate | None:
    """Read a date span; ``year`` is the document's year for a span that names none.

    A relative lead ("pagājušā gada 3. jūnijā") shifts that year by its offset.
    """
    relative = _relative_pattern().match(text.strip())
    offset = load_rules()["relative_years"][relative.group().casefold()] if relative else 0
    vague = _vague_pattern().search(text)
    segments = _segments(text)
    if segments is None:
        return None
    first, last = segments[0], segments[-1]
    if year is not None and all(p.year is None for p in segments):
        first = replace(first, year=year + offset)
    if len(segments) == 1:
        start, end = first, None
    else:
        start, end = _complete(first, last)
    season = next((season_words()[w.casefold()] for w in re.findall(r"\w+", text)
                   if w.casefold() in season_words()), None)
    if season is not None and end is None and start.day is None:
        start, end = replace(start, day=1), replace(start, month=season[1], day=None)
        end = replace(end, day=_last_day(end))
        return ParsedDate(start, end, True) if _valid(start) and _valid(end) else None
    is_vague = bool(vague) and end is None and start.month is not None and start.day is None
    if vague and is_vague:
        first_day, last_day = load_rules()["vague_periods"][vague.group().casefold()]
        start, end = replace(start, day=first_day), replace(start, day=last_day or _last_day(start))
    parsed = ParsedDate(start, end, is_vague)
    return parsed if all(_valid(p) for p in parsed.points) else None


def _render(point: Point) -> str:
    if point.month is None:
        return f"{point.year:04d}"
    head = f"{point.year:04d}-" if point.year is not None else "--"
    tail = f"-{point.day:02d}" if point.day is not None else ""
    return f"{head}{point.month:02d}{tail}"


def date_norm(parsed: ParsedDate) -> str:
    """ISO 8601 form: "2022-12-06", "--11-29/--11-30", "2020-06/2022-06", "2015/2023"."""
    return "/".join(_render(p) for p in parsed.points)


def normalise_date(text: str, year: int | None = None) -> str | None:
    """A date span's norm, None when the text is no valid date."""
    parsed = parse_date(text, year)
    return date_norm(parsed) if parsed else None

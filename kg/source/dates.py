"""Dates as Indonesian news writes them ("Selasa (9/8/22)", "27 September 2025", "22-23 September
2022", "Oktober 2023", "2024") and as ISO, to the day, the month or the year the text gives."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kg.source.limits import shown

DAY_NAMES = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")  # Monday first
MONTH_NAMES = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)
MONTH_PATTERN = f"(?:{'|'.join(MONTH_NAMES)})"  # a month's name, for the rules that read dates in text

# Source notes are written in English ("Published: Tuesday 9 August 2022"): months in either language.
_ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# Date lines often shorten the month ("Sabtu, 05 Des 2026 07:45 WIB", "6 Agt. 2022"), in either language.
_SHORT_MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "agu": 8, "agt": 8, "ags": 8,
                 "agust": 8, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "oct": 10, "nov": 11, "nop": 11, "des": 12,
                 "dec": 12}
_MONTHS = {name.lower(): number for names in (MONTH_NAMES, _ENGLISH_MONTHS)
           for number, name in enumerate(names, start=1)} | _SHORT_MONTHS

_DAY = "|".join(DAY_NAMES) + "|Jum'at"
_MONTH = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"  # "Des." too
# Runs of white space are bounded ({0,4}, not *): with unbounded runs, a day name followed by
# thousands of spaces made the search backtrack for minutes; news never spaces a date so widely.
_NUMERIC = re.compile(
    rf"(?:(?P<day>{_DAY})\s{{0,4}},?\s{{0,4}})?\(?\s{{0,4}}(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})/(?P<y>\d{{4}}|\d{{2}})"
    rf"\s{{0,4}}\)?"
)
_WORDS = re.compile(
    rf"(?:(?P<day>{_DAY})\s{{0,4}},?\s{{0,4}})?(?P<d>\d{{1,2}})\s{{1,4}}(?P<month>{_MONTH})\s{{1,4}}(?P<y>\d{{4}})",
    re.IGNORECASE,
)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_PARTIAL_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
# "22-23 September 2022": two days of one month (en dash too).
_INTERVAL = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}})\s{{0,4}}[-\u2013]\s{{0,4}}(?P<d2>\d{{1,2}})\s{{1,4}}(?P<month>{_MONTH})\s{{1,4}}(?P<y>\d{{4}})(?!\d)",
    re.IGNORECASE,
)
# "(3-4/12/2026)", "(30/11-1/12/2026)": two days written in numbers (en dash too).
_NUMERIC_INTERVAL = re.compile(r"(?<![\d/])(?P<d>\d{1,2})(?:/(?P<m>\d{1,2}))?\s{0,4}[-\u2013]\s{0,4}(?P<d2>\d{1,2})/"
                               r"(?P<m2>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])")
# An ISO date inside a word is still one: "dev/2022-09-24-kominfo-dts-buleleng.txt".
_ISO_IN_TEXT = re.compile(r"(?<!\d)(?<!\d-)(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d|-\d)")
_MONTH_YEAR = re.compile(rf"(?<![\w-])(?P<month>{_MONTH})\s{{1,4}}(?P<y>\d{{4}})(?!\d)", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\w/.,-])(?P<y>(?:19|20)\d{2})(?![\w/-]|[.,]\d)")


class DateError(ValueError):
    """Text that looks like a date but names no real day."""


@dataclass(frozen=True)
class PartialDate:
    """A day, a month or a year: as precise as the text is, and no more ("Oktober 2023")."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        """"day", "month" or "year"."""
        return "day" if self.day is not None else "month" if self.month is not None else "year"

    def isoformat(self) -> str:
        """YYYY-MM-DD, YYYY-MM or YYYY (the lexical forms of xsd:date, xsd:gYearMonth, xsd:gYear)."""
        parts = [f"{self.year:04d}"] + [f"{n:02d}" for n in (self.month, self.day) if n is not None]
        return "-".join(parts)

    def truncated(self, precision: str) -> PartialDate:
        """The same date told less precisely: a day in October 2023 is in "Oktober 2023"."""
        if precision == "year":
            return PartialDate(self.year)
        if precision == "month":
            return PartialDate(self.year, self.month)
        return self

    def first_day(self) -> dt.date:
        """The first day it covers, for ordering a start before an end."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """The last day it covers."""
        if self.day is not None:
            return self.first_day()
        if self.month is None:
            return dt.date(self.year, 12, 31)
        following = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)


@dataclass(frozen=True)
class DateMention:
    """A day, month or year written in a text (one end of an interval counts on its own)."""

    date: PartialDate
    text: str


@dataclass(frozen=True)
class NewsDate:
    """A date found in article text, with the weekday the text gives (if any)."""

    date: dt.date
    day_name: str | None
    text: str

    @property
    def weekday_matches(self) -> bool:
        """False when the text names a weekday that is not the date's weekday."""
        if self.day_name is None:
            return True
        name = "Jumat" if self.day_name.lower() == "jum'at" else self.day_name.capitalize()
        return DAY_NAMES.index(name) == self.date.weekday()


def parse_iso(text: str) -> dt.date:
    """Parse YYYY-MM-DD, saying why when it is not a real date."""
    match = _ISO.fullmatch(text.strip())
    if not match:
        raise DateError(f"{shown(text)} is not a date in YYYY-MM-DD form")
    year, month, day = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise DateError(f"{shown(text)} is not a real date ({exc})") from exc


def parse_partial(text: str) -> PartialDate:
    """Parse YYYY-MM-DD, YYYY-MM or YYYY, saying why when it is not a real day, month or year."""
    match = _PARTIAL_ISO.fullmatch(text.strip())
    if not match:
        raise DateError(f"{shown(text)} is not a date in YYYY-MM-DD, YYYY-MM or YYYY form")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"{shown(text)} is not a real month (month must be in 1..12)")
    if day is not None:
        parse_iso(text)  # a real day, or DateError saying why
    return PartialDate(year, month, day)


def _year(digits: str) -> int:
    """Two-digit years follow the POSIX pivot: 00-68 are 2000-2068, 69-99 are 1969-1999."""
    if len(digits) == 4:
        return int(digits)
    return int(digits) + (2000 if int(digits) <= 68 else 1900)


def find_news_date(text: str) -> NewsDate | None:
    """The first date written the way Indonesian news writes it, if the text has one."""
    for pattern in (_NUMERIC, _WORDS):
        match = pattern.search(text)
        if not match:
            continue
        if pattern is _NUMERIC:
            day, month = int(match["d"]), int(match["m"])
        else:
            day = int(match["d"])
            month = _month(match["month"])
        try:
            date = dt.date(_year(match["y"]), month, day)
        except ValueError as exc:
            raise DateError(f"{match.group(0)!r} is not a real date ({exc})") from exc
        return NewsDate(date, match["day"], match.group(0))
    return None


# "Selasa (1/12)": a weekday and a day and month without the year, which the publication date gives.
_YEARLESS = re.compile(rf"(?P<day>{_DAY})\s{{0,4}},?\s{{0,4}}\(\s{{0,4}}(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})\s{{0,4}}\)")


def find_yearless_date(text: str, published: dt.date) -> NewsDate | None:
    """The first "Selasa (1/12)" in the text, in the year of publication (the year before when the
    day would fall after it); None when no such date is real or its weekday is wrong."""
    match = _YEARLESS.search(text)
    if match is None:
        return None
    day, month = int(match["d"]), int(match["m"])
    year = published.year - 1 if (month, day) > (published.month, published.day) else published.year
    try:
        found = NewsDate(dt.date(year, month, day), match["day"], match.group(0))
    except ValueError:
        return None
    return found if found.weekday_matches else None


# "Senin-Selasa (30/11-1/12)", "Kamis-Jumat (3-4/12/2026)" (en dashes too): two days, each with its weekday.
_RANGE = re.compile(rf"(?P<day>{_DAY})\s{{0,4}}[-\u2013]\s{{0,4}}(?P<day2>{_DAY})\s{{0,4}},?\s{{0,4}}\(\s{{0,4}}"
                    rf"(?P<d>\d{{1,2}})(?:/(?P<m>\d{{1,2}}))?\s{{0,4}}[-\u2013]\s{{0,4}}(?P<d2>\d{{1,2}})/(?P<m2>\d{{1,2}})"
                    rf"(?:/(?P<y>\d{{4}}|\d{{2}}))?\s{{0,4}}\)")


# "Senin (30/11) hingga Selasa (1/12)", "Kamis (3/12/2026) dan Jumat (4/12/2026)": each day written whole.
_DAY_TO_DAY = re.compile(rf"(?P<day>{_DAY})\s{{0,4}},?\s{{0,4}}\(\s{{0,4}}(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})"
                         rf"(?:/(?:\d{{4}}|\d{{2}}))?\s{{0,4}}\)\s{{1,4}}(?:hingga|sampai|dan|[-\u2013])\s{{1,4}}"
                         rf"(?P<day2>{_DAY})\s{{0,4}},?\s{{0,4}}\(\s{{0,4}}(?P<d2>\d{{1,2}})/(?P<m2>\d{{1,2}})"
                         rf"(?:/(?P<y>\d{{4}}|\d{{2}}))?\s{{0,4}}\)")


def find_news_range(text: str, published: dt.date | None) -> tuple[NewsDate, NewsDate] | None:
    """The first "Senin-Selasa (30/11-1/12)" or "Senin (30/11) hingga Selasa (1/12)" in the text: its
    first and last day, each carrying the whole written range. The year is the one written last, else
    the publication's (the year before when the last day would fall after it); a first day later in
    the year than the last is of the year before. None when no year is known, a day is not real or a
    weekday is wrong."""
    found = [m for m in (_RANGE.search(text), _DAY_TO_DAY.search(text)) if m is not None]
    match = min(found, key=lambda m: m.start()) if found else None
    if match is None or (match["y"] is None and published is None):
        return None
    day2, month2 = int(match["d2"]), int(match["m2"])
    day, month = int(match["d"]), int(match["m"] or month2)
    if match["y"] is not None:
        year2 = _year(match["y"])
    else:
        assert published is not None
        year2 = published.year - 1 if (month2, day2) > (published.month, published.day) else published.year
    year = year2 - 1 if (month, day) > (month2, day2) else year2
    try:
        first = NewsDate(dt.date(year, month, day), match["day"], match.group(0))
        last = NewsDate(dt.date(year2, month2, day2), match["day2"], match.group(0))
    except ValueError:
        return None
    return (first, last) if first.weekday_matches and last.weekday_matches and first.date < last.date else None


def _month(name: str) -> int:
    return _MONTHS[name.lower().removesuffix(".")]


def _real(year: int, month: int, day: int, written: str) -> PartialDate:
    try:
        dt.date(year, month, day)
    except ValueError as exc:
        raise DateError(f"{written!r} is not a real date ({exc})") from exc
    return PartialDate(year, month, day)


def _mentions_of(pattern: re.Pattern[str], match: re.Match[str]) -> list[DateMention]:
    """The dates one match writes: two for an interval, one otherwise."""
    written, year = match.group(0), _year(match["y"])
    if pattern is _YEAR:
        return [DateMention(PartialDate(year), written)]
    if pattern is _MONTH_YEAR:
        return [DateMention(PartialDate(year, _month(match["month"])), written)]
    if pattern is _NUMERIC_INTERVAL:  # "(30/11-1/12/2026)": the first day in the year before the last's, if later
        month2, day, day2 = int(match["m2"]), int(match["d"]), int(match["d2"])
        month = int(match["m"] or month2)
        first = year - 1 if (month, day) > (month2, day2) else year
        return [DateMention(_real(first, month, day, written), written),
                DateMention(_real(year, month2, day2, written), written)]
    month = int(match["m"]) if pattern in (_NUMERIC, _ISO_IN_TEXT) else _month(match["month"])
    days = [match["d"], match["d2"]] if pattern is _INTERVAL else [match["d"]]
    return [DateMention(_real(year, month, int(day), written), written) for day in days]


def find_date_mentions(text: str) -> list[DateMention]:
    """Every day, interval, month and year the text writes, in the order it writes them; a
    longer form wins over the shorter ones inside it ("22-23 September 2022" is two days, not
    "September 2022" nor "2022"). Raises DateError for a day that does not exist."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, list[DateMention]]] = []
    for pattern in (_INTERVAL, _NUMERIC_INTERVAL, _ISO_IN_TEXT, _NUMERIC, _WORDS, _MONTH_YEAR, _YEAR):
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            taken.append((start, end))
            found.append((start, _mentions_of(pattern, match)))
    return [mention for _, mentions in sorted(found, key=lambda pair: pair[0]) for mention in mentions]


def only_a_date(text: str) -> bool:
    """True when the text writes dates and no other word ("Selasa (9/8/22)"), so nothing in it
    says what is dated."""
    mentions = find_date_mentions(text)
    for mention in mentions:
        text = text.replace(mention.text, " ")
    return bool(mentions) and not re.search(r"[^\W\d_]", text)


def format_news_date(date: dt.date, two_digit_year: bool = True) -> str:
    """The inverse of find_news_date for the numeric style: "Selasa (9/8/22)"."""
    year = f"{date.year % 100:02d}" if two_digit_year else str(date.year)
    return f"{DAY_NAMES[date.weekday()]} ({date.day}/{date.month}/{year})"

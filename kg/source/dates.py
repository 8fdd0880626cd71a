"""Dates as Indonesian news writes them ("Selasa (9/8/22)", "27 September 2025") and as ISO."""

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

_DAY = "|".join(DAY_NAMES) + "|Jum'at"
_MONTH = "|".join(MONTH_NAMES)
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


class DateError(ValueError):
    """Text that looks like a date but names no real day."""


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
            month = [m.lower() for m in MONTH_NAMES].index(match["month"].lower()) + 1
        try:
            date = dt.date(_year(match["y"]), month, day)
        except ValueError as exc:
            raise DateError(f"{match.group(0)!r} is not a real date ({exc})") from exc
        return NewsDate(date, match["day"], match.group(0))
    return None


def format_news_date(date: dt.date, two_digit_year: bool = True) -> str:
    """The inverse of find_news_date for the numeric style: "Selasa (9/8/22)"."""
    year = f"{date.year % 100:02d}" if two_digit_year else str(date.year)
    return f"{DAY_NAMES[date.weekday()]} ({date.day}/{date.month}/{year})"

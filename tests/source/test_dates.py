"""Dates as Indonesian news writes them, and ISO dates in the source files."""

from __future__ import annotations

import contextlib
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.source.dates import (
    MONTH_NAMES,
    DateError,
    PartialDate,
    find_date_mentions,
    find_news_date,
    format_news_date,
    only_a_date,
    parse_iso,
    parse_partial,
)
from tests.build.test_yaml_fuzz import alarm

dates = st.dates(min_value=dt.date(1969, 1, 1), max_value=dt.date(2068, 12, 31))  # two-digit years are unambiguous here


@given(dates, st.booleans())
def test_numeric_news_dates_round_trip_with_the_right_weekday(date: dt.date, two_digit: bool) -> None:
    written = format_news_date(date, two_digit_year=two_digit)
    found = find_news_date(f"kata Andromeda di Sidoarjo, {written}.")
    assert found is not None
    assert found.date == date
    assert found.weekday_matches


@given(dates, st.integers(min_value=1, max_value=6))
def test_a_wrong_weekday_is_noticed(date: dt.date, shift: int) -> None:
    wrong = format_news_date(date + dt.timedelta(days=shift)).split(" ")[0]
    found = find_news_date(f"{wrong} ({date.day}/{date.month}/{date.year})")
    assert found is not None and found.date == date
    assert not found.weekday_matches


@given(dates)
def test_iso_dates_round_trip(date: dt.date) -> None:
    assert parse_iso(date.isoformat()) == date


@given(st.text(max_size=20))
def test_iso_parser_never_crashes(text: str) -> None:
    with contextlib.suppress(DateError):
        parse_iso(text)


@given(st.text(alphabet=st.sampled_from("0123456789/ ()SelasaRbuMgJmtAgs"), max_size=30))
def test_news_date_finder_never_crashes(text: str) -> None:
    with contextlib.suppress(DateError):
        find_news_date(text)


def test_the_articles_dates() -> None:
    found = find_news_date("Selasa (9/8/22).")
    assert found is not None and found.date == dt.date(2022, 8, 9) and found.weekday_matches
    worded = find_news_date("ketika meresmikan Garuda Spark di Bandung, 27 September 2025, dan")
    assert worded is not None and worded.date == dt.date(2025, 9, 27) and worded.day_name is None
    assert find_news_date("Sabtu (8/11/2025)").weekday_matches  # type: ignore[union-attr]
    assert find_news_date("tanpa tanggal") is None


@pytest.mark.parametrize(("text", "reason"), [
    ("2022-02-30", "not a real date"), ("2022-13-01", "not a real date"), ("9/8/22", "YYYY-MM-DD"),
    ("2022-8-9", "YYYY-MM-DD"),
])
def test_bad_iso_dates(text: str, reason: str) -> None:
    with pytest.raises(DateError, match=reason):
        parse_iso(text)


def test_impossible_news_date() -> None:
    with pytest.raises(DateError, match="not a real date"):
        find_news_date("Senin (31/2/22)")


@pytest.mark.parametrize("text", ["Selasa" + " " * 20000 + "x", "Jumat," + " " * 20000 + "9 Mei",
                                  "(" + " " * 20000 + "9/8", "9" + " " * 20000 + "Agustus 2022"])
def test_long_white_space_does_not_hang_the_date_search(text: str) -> None:
    """A day name before 20,000 spaces kept the old patterns backtracking for hours (1,000 spaces: 4 s)."""
    with alarm(10):
        assert find_news_date(text) is None


def test_dates_spaced_as_news_spaces_them_are_still_found() -> None:
    found = find_news_date("Selasa ,  (9/8/22)")
    assert found is not None and found.date == dt.date(2022, 8, 9) and found.day_name == "Selasa"


# --- Partial dates and intervals ------------------------------------------------------------

def partial_dates() -> st.SearchStrategy[PartialDate]:
    """A day, a month or a year, each real."""
    return st.one_of(
        dates.map(lambda d: PartialDate(d.year, d.month, d.day)),
        dates.map(lambda d: PartialDate(d.year, d.month)),
        dates.map(lambda d: PartialDate(d.year)),
    )


@given(partial_dates())
def test_partial_iso_dates_round_trip(when: PartialDate) -> None:
    assert parse_partial(when.isoformat()) == when
    assert when.first_day() <= when.last_day()


@given(dates, st.sampled_from(["day", "month", "year"]))
def test_a_day_lies_within_its_month_and_year(date: dt.date, precision: str) -> None:
    coarse = PartialDate(date.year, date.month, date.day).truncated(precision)
    assert coarse.precision == precision
    assert coarse.first_day() <= date <= coarse.last_day()


@given(dates, st.integers(min_value=0, max_value=27), st.sampled_from(["-", "\u2013", " - "]))
def test_an_interval_in_one_month_gives_both_days(date: dt.date, length: int, dash: str) -> None:
    start = date.replace(day=min(date.day, 28 - length))
    end = start + dt.timedelta(days=length)
    text = f"di Kota Yogyakarta, {start.day}{dash}{end.day} {MONTH_NAMES[start.month - 1]} {start.year}."
    found = [m.date for m in find_date_mentions(text)]
    assert found == [PartialDate(start.year, start.month, start.day), PartialDate(end.year, end.month, end.day)]


@given(dates)
def test_a_month_and_a_year_are_found_as_written(date: dt.date) -> None:
    month = MONTH_NAMES[date.month - 1]
    assert [m.date for m in find_date_mentions(f"batal digelar pada {month} {date.year}.")] == [
        PartialDate(date.year, date.month)]
    assert [m.date for m in find_date_mentions(f"mulai berjalan pada {date.year}.")] == [PartialDate(date.year)]


@given(dates, st.booleans())
def test_full_news_dates_are_found_among_the_mentions(date: dt.date, two_digit: bool) -> None:
    text = f"kata Suryada di Singaraja, {format_news_date(date, two_digit_year=two_digit)}."
    assert [m.date for m in find_date_mentions(text)] == [PartialDate(date.year, date.month, date.day)]


@given(st.text(alphabet=st.sampled_from("0123456789/-.,  ()SelasaOktoberAgustus"), max_size=40))
def test_date_mentions_never_crash(text: str) -> None:
    with contextlib.suppress(DateError):
        for mention in find_date_mentions(text):
            assert mention.text in text


@given(st.text(max_size=12))
def test_partial_parser_never_crashes(text: str) -> None:
    with contextlib.suppress(DateError):
        parse_partial(text)


def test_the_dev_corpus_date_forms() -> None:
    found = find_date_mentions("untuk Perencanaan DTS 2023 di Kota Yogyakarta, 22-23 September 2022.")
    assert [(m.date.isoformat(), m.text) for m in found] == [
        ("2023", "2023"), ("2022-09-22", "22-23 September 2022"), ("2022-09-23", "22-23 September 2022")]
    assert [m.date.isoformat() for m in find_date_mentions("Hingga akhir 2020, Dinas PPAPP")] == ["2020"]
    assert [m.date.isoformat() for m in find_date_mentions("membina 8.637 Jakpreneur, kuota 200.000 orang")] == []
    assert [m.date.isoformat() for m in find_date_mentions("pada 4 Oktober 2023 pukul 17.00 WIB")] == ["2023-10-04"]


@pytest.mark.parametrize(("text", "reason"), [
    ("2023-13", "not a real month"), ("2023-00", "not a real month"), ("2023-02-29", "not a real date"),
    ("Oktober 2023", "YYYY-MM-DD, YYYY-MM or YYYY"), ("23", "YYYY-MM-DD, YYYY-MM or YYYY"),
])
def test_bad_partial_dates(text: str, reason: str) -> None:
    with pytest.raises(DateError, match=reason):
        parse_partial(text)


def test_an_impossible_day_in_an_interval() -> None:
    with pytest.raises(DateError, match="not a real date"):
        find_date_mentions("30-31 Februari 2023")


def test_only_a_date_tells_a_bare_date_from_words_that_say_what_is_dated() -> None:
    assert only_a_date("Selasa (9/8/22)")
    assert only_a_date("22-23 September 2022")
    assert not only_a_date("ketika meresmikan Garuda Spark di Bandung, 27 September 2025")
    assert not only_a_date("tanpa tanggal")


@pytest.mark.parametrize("text", ["22" + " " * 20000 + "-23 September 2022", "Oktober" + " " * 20000 + "2023",
                                  "9 -" + " " * 20000 + "x", "2022-" * 5000])
def test_long_runs_do_not_hang_the_mention_search(text: str) -> None:
    with alarm(10):
        find_date_mentions(text)


SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")


@given(dates, st.booleans())
def test_a_date_line_with_a_short_month_is_read(date: dt.date, period: bool) -> None:
    """"Sabtu, 05 Des 2026 07:45 WIB": the month as date lines shorten it, with or without a period."""
    day = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")[date.weekday()]
    month = SHORT_MONTHS[date.month - 1] + ("." if period else "")
    found = find_news_date(f"{day}, {date.day:02d} {month} {date.year} 07:45 WIB")
    assert found is not None and found.date == date and found.weekday_matches
    assert [m.date for m in find_date_mentions(f"sejak {month} {date.year}")] == [PartialDate(date.year, date.month)]


def test_a_short_month_is_not_read_inside_a_word() -> None:
    def found(text: str) -> list[PartialDate]:
        return [m.date for m in find_date_mentions(text)]

    assert found("Marwan 2024, Desa Novel 2025") == [PartialDate(2024), PartialDate(2025)]
    assert found("Sept 2024 dan Agt. 2022") == [PartialDate(2024, 9), PartialDate(2022, 8)]

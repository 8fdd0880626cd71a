"""Date fields against their evidence: a day, month or year agrees with what the words write,
and is never more precise than they are."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib.namespace import XSD

from kg.build.values import Terms, Value
from kg.errors import Location, SourceError
from kg.namespaces import Iris
from kg.source.dates import MONTH_NAMES, PartialDate
from kg.source.schema import FIELDS

WHERE = Location(Path("a.yaml"), 1, "date")
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31))
precisions = st.sampled_from(["day", "month", "year"])


def term(raw: str, evidence: str):
    terms = Terms(Iris(), {}, {}, [], curated=False)
    return terms.term(FIELDS["date"], Value(raw, evidence, None, WHERE), [evidence], None)


def words(date: dt.date) -> str:
    return f"digelar pada {date.day} {MONTH_NAMES[date.month - 1]} {date.year} di Medan"


@given(dates, precisions)
def test_a_value_as_precise_as_the_words_or_less_is_accepted(date: dt.date, precision: str) -> None:
    value = PartialDate(date.year, date.month, date.day).truncated(precision)
    literal = term(value.isoformat(), words(date))
    assert str(literal) == value.isoformat()
    assert literal.datatype == {"day": XSD.date, "month": XSD.gYearMonth, "year": XSD.gYear}[precision]


@given(dates, precisions, st.integers(min_value=1, max_value=400))
def test_a_value_the_words_do_not_say_is_refused(date: dt.date, precision: str, shift: int) -> None:
    other = date + dt.timedelta(days=shift * 31)
    value = PartialDate(other.year, other.month, other.day).truncated(precision)
    if value == PartialDate(date.year, date.month, date.day).truncated(precision):
        return  # the shifted date falls in the same month or year: not a contradiction
    with pytest.raises(SourceError, match="differs from the evidence"):
        term(value.isoformat(), words(date))


@given(dates)
def test_a_day_from_a_month_or_a_year_is_refused(date: dt.date) -> None:
    for evidence in (f"pada {MONTH_NAMES[date.month - 1]} {date.year}", f"mulai berjalan pada {date.year}"):
        with pytest.raises(SourceError, match="no more precise than it is"):
            term(date.isoformat(), evidence)


def test_both_days_of_an_interval_are_in_its_words() -> None:
    evidence = "di Kota Yogyakarta, 22-23 September 2022"
    assert str(term("2022-09-22", evidence)) == "2022-09-22"
    assert str(term("2022-09-23", evidence)) == "2022-09-23"
    with pytest.raises(SourceError, match="differs from the evidence"):
        term("2022-09-24", evidence)

"""Working days of the commune People's Committee: posting periods skip weekends, Tết and holidays."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from application.core.reference import work_calendar
from domain.workdays import WorkCalendar

CALENDAR = work_calendar()


@pytest.mark.parametrize(
    ("first", "count", "last"),
    [
        # Tết 2026: Mon 16 – Fri 20/02 off.
        (date(2026, 2, 13), 3, date(2026, 2, 24)),
        (date(2026, 2, 12), 3, date(2026, 2, 23)),
        (date(2026, 2, 16), 1, date(2026, 2, 23)),
        # 2026: Mon 27/04 (Giỗ Tổ in lieu), Thu 30/04 and Fri 01/05 off, no swapped Saturday.
        (date(2026, 4, 24), 3, date(2026, 4, 29)),
        (date(2026, 4, 29), 3, date(2026, 5, 5)),
        # 2025: Wed 30/04 – Fri 02/05 off, Sat 26/04 worked instead.
        (date(2025, 4, 25), 3, date(2025, 4, 28)),
        (date(2025, 4, 29), 3, date(2025, 5, 6)),
        # 2026: Mon 31/08 off and Sat 22/08 worked; Tue 01 and Wed 02/09 off.
        (date(2026, 8, 21), 3, date(2026, 8, 24)),
        (date(2026, 8, 28), 3, date(2026, 9, 4)),
        # 24/11/2026, Vietnamese Culture Day, is a day off.
        (date(2026, 11, 20), 3, date(2026, 11, 25)),
    ],
)
def test_a_posting_period_skips_the_holidays_and_counts_the_saturdays_worked(
    first: date, count: int, last: date
) -> None:
    assert CALENDAR.last_of_working_days(first, count) == last


@pytest.mark.parametrize(
    ("first", "last"),
    [(date(2026, 11, 14), date(2026, 11, 18)), (date(2026, 11, 15), date(2026, 11, 18))],
)
def test_a_period_that_begins_at_the_weekend_starts_counting_on_monday(first: date, last: date) -> None:
    assert CALENDAR.last_of_working_days(first, 3) == last


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (date(2026, 11, 19), date(2026, 11, 19)),
        (date(2026, 11, 21), date(2026, 11, 23)),
        (date(2025, 4, 26), date(2025, 4, 26)),
        (date(2026, 9, 1), date(2026, 9, 3)),
    ],
)
def test_a_period_of_one_working_day_ends_on_the_first_working_day_from_its_start(first: date, last: date) -> None:
    assert CALENDAR.last_of_working_days(first, 1) == last


@pytest.mark.parametrize("count", [0, -3])
def test_a_period_of_no_working_days_is_refused(count: int) -> None:
    with pytest.raises(ValueError, match="at least one working day"):
        CALENDAR.last_of_working_days(date(2026, 11, 19), count)


def test_a_calendar_without_holidays_counts_only_monday_to_friday() -> None:
    plain = WorkCalendar(frozenset())

    assert plain.last_of_working_days(date(2026, 2, 13), 3) == date(2026, 2, 17)


def working_days_between(first: date, last: date) -> int:
    return sum(CALENDAR.is_working_day(first + timedelta(days=n)) for n in range((last - first).days + 1))


@given(
    first=st.dates(min_value=date(2024, 1, 1), max_value=date(2027, 12, 31)),
    count=st.integers(min_value=1, max_value=30),
)
def test_a_period_ends_on_a_working_day_with_exactly_its_count_of_working_days_from_the_start(
    first: date, count: int
) -> None:
    last = CALENDAR.last_of_working_days(first, count)

    assert CALENDAR.is_working_day(last)
    assert working_days_between(first, last) == count

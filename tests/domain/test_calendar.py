"""Periods counted in months end on the corresponding day, or on the month's last day."""

from __future__ import annotations

from datetime import date

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from domain.calendar import add_months


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 2, 29), 36, date(2027, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
        (date(2025, 3, 31), -1, date(2025, 2, 28)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 8, 31), 1, date(2026, 9, 30)),
        (date(2026, 12, 31), 2, date(2027, 2, 28)),
        (date(2026, 12, 15), 1, date(2027, 1, 15)),
        (date(2027, 1, 15), -1, date(2026, 12, 15)),
        (date(2026, 11, 28), 0, date(2026, 11, 28)),
        (date(2100, 1, 31), 1, date(2100, 2, 28)),
        (date(2000, 1, 31), 1, date(2000, 2, 29)),
    ],
)
def test_adding_months_ends_on_the_corresponding_day_or_the_last_day_of_the_month(
    start: date, months: int, expected: date
) -> None:
    assert add_months(start, months) == expected


@given(
    start=st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
    months=st.integers(min_value=-1200, max_value=1200),
)
def test_adding_months_agrees_with_dateutil_relativedelta(start: date, months: int) -> None:
    assert add_months(start, months) == start + relativedelta(months=months)

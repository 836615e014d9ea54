"""Reminder dates: 90, 30 and 0 days before a deadline, then every 30 days while it is overdue."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.deadlines import (
    DEFAULT_SCHEDULES,
    ReminderRule,
    newly_escaped_until,
    notice_dates,
    project_ends_on,
)

WINDOW = DEFAULT_SCHEDULES[ReminderRule.NEWLY_ESCAPED_WINDOW_END]
REVIEW = DEFAULT_SCHEDULES[ReminderRule.PROJECT_FINAL_REVIEW]
DUE = date(2027, 2, 28)


def days(n: int) -> timedelta:
    return timedelta(days=n)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (DUE - days(91), []),
        (DUE - days(90), [DUE - days(90)]),
        (DUE - days(31), [DUE - days(90)]),
        (DUE - days(30), [DUE - days(90), DUE - days(30)]),
        (DUE - days(1), [DUE - days(90), DUE - days(30)]),
        (DUE, [DUE - days(90), DUE - days(30), DUE]),
        (DUE + days(400), [DUE - days(90), DUE - days(30), DUE]),
    ],
)
def test_the_window_is_reminded_90_30_and_0_days_before_it_ends(today: date, expected: list[date]) -> None:
    assert notice_dates(DUE, WINDOW, today) == expected


def test_the_reminders_before_a_window_ends_fall_on_the_expected_calendar_days() -> None:
    assert notice_dates(DUE, WINDOW, DUE) == [date(2026, 11, 30), date(2027, 1, 29), date(2027, 2, 28)]


@pytest.mark.parametrize(
    ("today", "overdue"),
    [
        (DUE + days(29), []),
        (DUE + days(30), [DUE + days(30)]),
        (DUE + days(59), [DUE + days(30)]),
        (DUE + days(90), [DUE + days(30), DUE + days(60), DUE + days(90)]),
    ],
)
def test_an_unreviewed_project_is_reminded_every_30_days_after_its_end(today: date, overdue: list[date]) -> None:
    assert notice_dates(DUE, REVIEW, today) == [DUE - days(90), DUE - days(30), DUE, *overdue]


def test_nothing_is_due_before_the_first_notice() -> None:
    assert notice_dates(DUE, REVIEW, DUE - days(91)) == []


@given(
    due=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
    offset=st.integers(min_value=-400, max_value=400),
    rule=st.sampled_from(list(ReminderRule)),
)
def test_every_notice_date_has_come_by_today(due: date, offset: int, rule: ReminderRule) -> None:
    today = due + days(offset)

    dates = notice_dates(due, DEFAULT_SCHEDULES[rule], today)

    assert all(notice <= today for notice in dates)
    assert dates == sorted(set(dates))


@given(
    due=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
    offset=st.integers(min_value=-400, max_value=400),
    later=st.integers(min_value=0, max_value=400),
    rule=st.sampled_from(list(ReminderRule)),
)
def test_a_later_sweep_sees_every_notice_an_earlier_one_saw(
    due: date, offset: int, later: int, rule: ReminderRule
) -> None:
    schedule, today = DEFAULT_SCHEDULES[rule], due + days(offset)

    earlier = notice_dates(due, schedule, today)

    assert notice_dates(due, schedule, today + days(later))[: len(earlier)] == earlier


def test_a_household_escaped_on_29_02_2024_is_newly_escaped_until_28_02_2027() -> None:
    assert newly_escaped_until(date(2024, 2, 29)) == date(2027, 2, 28)


def test_a_project_of_36_months_from_29_02_2024_ends_on_28_02_2027() -> None:
    assert project_ends_on(date(2024, 2, 29), 36) == date(2027, 2, 28)

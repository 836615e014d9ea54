"""The rules of the reminder engine that come from the calendar and from the law's periods."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from domain.deadlines import (
    DEFAULT_SCHEDULES,
    RULE_BASIS,
    CalendarDeadline,
    Notice,
    ReminderRule,
    calendar_deadlines,
    escaped_loan_window_ends_on,
    notices,
)

PROJECT = DEFAULT_SCHEDULES[ReminderRule.PROJECT_FINAL_REVIEW]
DUE = date(2026, 3, 1)


def test_every_rule_names_its_legal_basis_and_has_a_schedule() -> None:
    assert set(RULE_BASIS) == set(ReminderRule) == set(DEFAULT_SCHEDULES)


def test_a_year_has_its_review_window_twelve_monthly_reviews_and_eight_monthly_reports() -> None:
    found = calendar_deadlines(date(2025, 1, 1), date(2025, 12, 31))

    rules = [deadline.rule for deadline in found]
    assert rules.count(ReminderRule.REGULAR_REVIEW_STARTS) == 12
    assert rules.count(ReminderRule.MONTHLY_REPORT) == 8
    assert CalendarDeadline(ReminderRule.ANNUAL_REVIEW_OPENS, date(2025, 9, 1)) in found
    assert CalendarDeadline(ReminderRule.ANNUAL_REVIEW_CLOSES, date(2025, 12, 14)) in found


@pytest.mark.parametrize(("month", "reported"), [(1, False), (2, True), (9, True), (10, False)])
def test_the_monthly_report_is_due_on_the_5th_from_february_to_september(month: int, reported: bool) -> None:
    found = calendar_deadlines(date(2026, month, 1), date(2026, month, 28))

    assert (CalendarDeadline(ReminderRule.MONTHLY_REPORT, date(2026, month, 5)) in found) is reported


def test_calendar_deadlines_stay_inside_the_range_asked_for() -> None:
    found = calendar_deadlines(date(2026, 9, 6), date(2026, 9, 14))

    assert found == []


def test_an_overdue_project_review_goes_to_the_supervisor_from_30_days_after_the_end() -> None:
    found = notices(DUE, PROJECT, DUE + timedelta(days=65))

    assert found == [
        Notice(DUE - timedelta(days=90)),
        Notice(DUE - timedelta(days=30)),
        Notice(DUE),
        Notice(DUE + timedelta(days=30), escalated=True),
        Notice(DUE + timedelta(days=60), escalated=True),
    ]


@pytest.mark.parametrize(
    ("left_list_on", "window_ends"),
    [
        (date(2024, 2, 29), date(2027, 2, 28)),
        (date(2023, 12, 14), date(2026, 12, 14)),
        (date(2024, 8, 31), date(2027, 8, 31)),
    ],
)
def test_the_escaped_household_loan_window_is_three_years_clamped_at_month_end(
    left_list_on: date, window_ends: date
) -> None:
    assert escaped_loan_window_ends_on(left_list_on) == window_ends

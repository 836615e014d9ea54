"""Deadlines derived from recorded acts, as pure functions of dates ("today" is a parameter)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from domain.calendar import add_months

# Seed plan §III.1: "hộ mới thoát nghèo (trong vòng 36 tháng, kể từ thời điểm hộ được cấp có
# thẩm quyền công nhận thoát nghèo)"; the Program of Decision 90/QĐ-TTg, Part II.2 [I].
NEWLY_ESCAPED_WINDOW_MONTHS = 36

# Seed plan §IV.2.1: a livelihood project lasts "tối đa không quá ba năm", then is reviewed.
PROJECT_MAX_DURATION_MONTHS = 36


class ReminderRule(Enum):
    NEWLY_ESCAPED_WINDOW_END = "newly_escaped_window_end"
    PROJECT_FINAL_REVIEW = "project_final_review"
    REGULAR_REVIEW_DECISION = "regular_review_decision"  # Decision 24/2021/QĐ-TTg, Art. 5: within 15 days


@dataclass(frozen=True)
class ReminderSchedule:
    """When to remind about a deadline: days before it, and how often once it has passed."""

    days_before: tuple[int, ...]
    overdue_every_days: int | None = None


DEFAULT_SCHEDULES = {
    ReminderRule.NEWLY_ESCAPED_WINDOW_END: ReminderSchedule(days_before=(90, 30, 0)),
    ReminderRule.PROJECT_FINAL_REVIEW: ReminderSchedule(days_before=(90, 30, 0), overdue_every_days=30),
    ReminderRule.REGULAR_REVIEW_DECISION: ReminderSchedule(days_before=(5, 0), overdue_every_days=7),
}


def newly_escaped_until(escaped_on: date) -> date:
    """The last day a household counts as newly escaped (inclusive)."""
    return add_months(escaped_on, NEWLY_ESCAPED_WINDOW_MONTHS)


def project_ends_on(starts_on: date, duration_months: int) -> date:
    return add_months(starts_on, duration_months)


def notice_dates(due_on: date, schedule: ReminderSchedule, today: date) -> list[date]:
    """Every reminder date of a deadline that has come by today (level-triggered, not "== today")."""
    dates = sorted({due_on - timedelta(days=days) for days in schedule.days_before})
    if schedule.overdue_every_days:
        step = timedelta(days=schedule.overdue_every_days)
        overdue = due_on + step
        while overdue <= today:
            dates.append(overdue)
            overdue += step
    return [notice for notice in dates if notice <= today]

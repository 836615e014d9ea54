"""The commune's calendar deadlines, noted when a sweep first sees them (met at once by a review already
held), and an obligation resolved by hand from its reminder."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers
from application.reminders.obligations_view.table import (
    commune_subject,
    obligation_id,
    open_obligation,
    resolve_calendar,
)
from application.reminders.reminders_view import reminder_row
from domain.deadlines import ReminderRule
from domain.formatting import vn_date
from domain.reminder import Deadline, Reminder
from domain.sweep import Sweep

CALENDAR_LABELS = {
    ReminderRule.ANNUAL_REVIEW_OPENS: "Bắt đầu rà soát định kỳ năm {year}",
    ReminderRule.ANNUAL_REVIEW_CLOSES: "Hoàn thành rà soát định kỳ năm {year}",
    ReminderRule.REGULAR_REVIEW_STARTS: "Rà soát thường xuyên tháng {month}/{year}",
    ReminderRule.MONTHLY_REPORT: "Báo cáo kết quả rà soát thường xuyên tháng {month}/{year}",
}

HANDLERS = Handlers()


@HANDLERS.on(Reminder.Resolved)
def reminder_resolved(cursor: Cursor, event: Reminder.Resolved, position: int) -> None:
    row = reminder_row(cursor, event.originator_id)
    resolved = obligation_id(ReminderRule(row["rule"]), UUID(row["subject_id"]), date.fromisoformat(row["due_on"]))
    cursor.execute(
        "UPDATE view_obligations SET status = 'resolved', status_reason = ?, changed_by_position = ?"
        " WHERE obligation_id = ? AND status = 'open'",
        (f"{event.actor}: {event.note}", position, resolved),
    )


@HANDLERS.on(Sweep.Started)
def sweep_started(cursor: Cursor, event: Sweep.Started, position: int) -> None:
    for deadline in event.deadlines:
        note_calendar_deadline(cursor, deadline.rule, deadline.due_on, event.commune, position)


def note_calendar_deadline(cursor: Cursor, rule: ReminderRule, due_on: date, commune: str, position: int) -> None:
    label = CALENDAR_LABELS[rule].format(year=due_on.year, month=due_on.month)
    deadline = Deadline(rule, "commune", commune_subject(commune), label, commune, "", due_on)
    open_obligation(cursor, deadline, "", position, reopen=False)
    met = review_meeting(cursor, rule, due_on)
    if met:
        resolve_calendar(cursor, rule, due_on, met, position)


def review_meeting(cursor: Cursor, rule: ReminderRule, due_on: date) -> str | None:
    """A review already opened or decided that meets a calendar deadline noted only now."""
    if rule is ReminderRule.ANNUAL_REVIEW_OPENS:
        row = cursor.one("SELECT starts_on FROM view_reviews WHERE kind = 'periodic' AND year = ?", (due_on.year,))
        return f"Đã mở đợt rà soát ngày {vn_date(date.fromisoformat(row['starts_on']))}" if row else None
    if rule is ReminderRule.REGULAR_REVIEW_STARTS:
        row = cursor.one(
            "SELECT starts_on FROM view_reviews WHERE kind = 'regular' AND year = ? AND month = ?",
            (due_on.year, due_on.month),
        )
        return f"Đã mở đợt rà soát ngày {vn_date(date.fromisoformat(row['starts_on']))}" if row else None
    if rule is ReminderRule.ANNUAL_REVIEW_CLOSES:
        row = cursor.one(
            "SELECT last_decided_on FROM view_reviews WHERE kind = 'periodic' AND year = ?"
            " AND last_decided_on IS NOT NULL",
            (due_on.year,),
        )
        return f"Đã có quyết định ngày {vn_date(date.fromisoformat(row['last_decided_on']))}" if row else None
    return None

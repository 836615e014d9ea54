"""Read-model handlers for reminders, sweeps, amended projects and calendar deadlines (issue: the
reminder engine). An obligation's status is stored as open, resolved or cancelled; whether an open one
is pending, issued or acknowledged is read from its reminders (application/reminders/obligations.py)."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from application.households.projector import (
    cached_row,
    close_obligations,
    handles,
    iso,
    obligation_id,
    open_obligation,
    project_deadline,
    project_row,
    record_audit,
    update_row,
)
from application.readmodels.database import Cursor
from domain.deadlines import ReminderRule
from domain.formatting import vn_date
from domain.project import Project
from domain.reminder import Deadline, Reminder
from domain.sweep import Sweep

CALENDAR_LABELS = {
    ReminderRule.ANNUAL_REVIEW_OPENS: "Bắt đầu rà soát định kỳ năm {year}",
    ReminderRule.ANNUAL_REVIEW_CLOSES: "Hoàn thành rà soát định kỳ năm {year}",
    ReminderRule.REGULAR_REVIEW_STARTS: "Rà soát thường xuyên tháng {month}/{year}",
    ReminderRule.MONTHLY_REPORT: "Báo cáo kết quả rà soát thường xuyên tháng {month}/{year}",
}


def commune_subject(commune: str) -> UUID:
    return uuid5(NAMESPACE_URL, f"/communes/{commune}")


@handles(Reminder.Issued)
def reminder_issued(cursor: Cursor, event: Reminder.Issued, position: int) -> None:
    row = {
        "reminder_id": str(event.originator_id),
        "rule": event.rule.value,
        "subject_type": event.subject_type,
        "subject_id": str(event.subject_id),
        "subject_label": event.subject_label,
        "hamlet": event.hamlet,
        "recipient": event.recipient,
        "due_on": iso(event.due_on),
        "notice_on": iso(event.notice_on),
        "late": int(event.late),
        "issued_at": event.timestamp.isoformat(),
        "issued_on": iso(event.effective_on),
        "acknowledged_by": None,
        "acknowledged_at": None,
        "acknowledgement_note": None,
        "escalated": int(event.escalated),
        "escalated_from": str(event.escalated_from) if event.escalated_from else None,
        "resolved_by": None,
        "resolved_at": None,
        "resolution_note": None,
        "email_state": None,
        "email_attempts": 0,
        "email_address": None,
        "email_error": None,
        "emailed_at": None,
    }
    cursor.execute(
        f"INSERT INTO view_reminders ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", tuple(row.values())
    )
    cursor.rows[("view_reminders", str(event.originator_id))] = row
    details = f"Gửi {event.recipient}: hạn {vn_date(event.due_on)}, nhắc ngày {vn_date(event.notice_on)}"
    details += " (nhắc trễ)" if event.late else ""
    details += " (chuyển cấp trên)" if event.escalated else ""
    household_id = str(event.subject_id) if event.subject_type == "household" else None
    record_audit(
        cursor,
        event,
        position,
        subject_type="reminder",
        household_id=household_id,
        subject_label=event.subject_label,
        hamlet=event.hamlet,
        details=details,
    )


def reminder_row(cursor: Cursor, event: Any) -> dict[str, Any]:
    return cached_row(cursor, "view_reminders", "reminder_id", event.originator_id)


def reminder_audit(cursor: Cursor, event: Any, position: int, row: dict[str, Any], details: str) -> None:
    record_audit(
        cursor,
        event,
        position,
        subject_type="reminder",
        subject_label=row["subject_label"],
        hamlet=row["hamlet"],
        details=details,
    )


@handles(Reminder.Acknowledged)
def reminder_acknowledged(cursor: Cursor, event: Reminder.Acknowledged, position: int) -> None:
    row = reminder_row(cursor, event)
    update_row(
        cursor,
        "view_reminders",
        "reminder_id",
        row,
        acknowledged_by=event.actor,
        acknowledged_at=event.timestamp.isoformat(),
        acknowledgement_note=event.note,
    )
    reminder_audit(cursor, event, position, row, "Đã xác nhận nhắc việc")


@handles(Reminder.Resolved)
def reminder_resolved(cursor: Cursor, event: Reminder.Resolved, position: int) -> None:
    row = reminder_row(cursor, event)
    update_row(
        cursor,
        "view_reminders",
        "reminder_id",
        row,
        resolved_by=event.actor,
        resolved_at=event.timestamp.isoformat(),
        resolution_note=event.note,
        acknowledged_by=row["acknowledged_by"] or event.actor,
        acknowledged_at=row["acknowledged_at"] or event.timestamp.isoformat(),
    )
    cursor.execute(
        "UPDATE view_obligations SET status = 'resolved', status_reason = ?, changed_by_position = ?"
        " WHERE obligation_id = ? AND status = 'open'",
        (
            f"{event.actor}: {event.note}",
            position,
            obligation_id(ReminderRule(row["rule"]), UUID(row["subject_id"]), date.fromisoformat(row["due_on"])),
        ),
    )
    reminder_audit(cursor, event, position, row, f"Đã giải quyết: {event.note}")


@handles(Reminder.EmailAttempted, Reminder.Emailed, Reminder.EmailFailed)
def reminder_email(cursor: Cursor, event: Any, position: int) -> None:
    row = reminder_row(cursor, event)
    if isinstance(event, Reminder.EmailAttempted):
        changes = {"email_state": "attempting", "email_attempts": event.attempt, "email_address": event.address}
        details = f"Đang gửi thư tới {event.address} (lần {event.attempt})"
    elif isinstance(event, Reminder.Emailed):
        changes = {"email_state": "sent", "emailed_at": event.timestamp.isoformat(), "email_error": None}
        details = f"Đã gửi thư tới {event.address}"
    else:
        changes = {"email_state": "failed", "email_error": event.error}
        details = f"Gửi thư tới {event.address} không thành công (lần {event.attempt}): {event.error}"
    update_row(cursor, "view_reminders", "reminder_id", row, **changes)
    reminder_audit(cursor, event, position, row, details)


@handles(Project.Amended)
def project_amended(cursor: Cursor, event: Project.Amended, position: int) -> None:
    row = project_row(cursor, event.originator_id)
    reason = f"Dời hạn tổng kết sang {vn_date(event.ends_on)} do điều chỉnh thời gian thực hiện"
    close_obligations(cursor, event.originator_id, ReminderRule.PROJECT_FINAL_REVIEW, "cancelled", reason, position)
    update_row(
        cursor,
        "view_projects",
        "project_id",
        row,
        duration_months=event.duration_months,
        ends_on=iso(event.ends_on),
        version=event.originator_version,
    )
    open_obligation(cursor, project_deadline(row, event.ends_on), row["responsible"], position)
    record_audit(
        cursor,
        event,
        position,
        subject_type="project",
        subject_label=row["name"],
        hamlet=row["hamlets"],
        details=f"Điều chỉnh thời gian thực hiện: {event.duration_months} tháng, kết thúc {vn_date(event.ends_on)}",
    )


@handles(Sweep.Started)
def sweep_started(cursor: Cursor, event: Sweep.Started, position: int) -> None:
    cursor.execute(
        "INSERT INTO view_sweeps VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            str(event.originator_id),
            iso(event.today),
            event.timestamp.isoformat(),
            None,
            iso(event.calendar_from),
            iso(event.calendar_until),
            event.host,
            None,
            None,
            None,
        ),
    )
    for deadline in event.deadlines:
        note_calendar_deadline(cursor, deadline.rule, deadline.due_on, event.commune, position)
    # In the log too, so the completeness report can name the run that noted a calendar deadline and
    # tell which obligations each run saw open (by position).
    period = f"từ {vn_date(event.calendar_from)} đến {vn_date(event.calendar_until)}"
    details = f"Bắt đầu quét trên máy {event.host}; ghi nhận {len(event.deadlines)} hạn theo lịch {period}"
    sweep_audit(cursor, event, position, event.today, details)


def note_calendar_deadline(cursor: Cursor, rule: ReminderRule, due_on: Any, commune: str, position: int) -> None:
    label = CALENDAR_LABELS[rule].format(year=due_on.year, month=due_on.month)
    deadline = Deadline(rule, "commune", commune_subject(commune), label, commune, "", due_on)
    cursor.execute(
        "INSERT INTO view_obligations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (obligation_id)"
        " DO NOTHING",
        (
            obligation_id(rule, deadline.subject_id, due_on),
            rule.value,
            "commune",
            str(deadline.subject_id),
            label,
            commune,
            "",
            "",
            iso(due_on),
            "open",
            "",
            position,
            position,
        ),
    )
    met = review_meeting(cursor, rule, due_on)
    if met:
        resolve_calendar(cursor, rule, due_on, met, position)


def review_meeting(cursor: Cursor, rule: ReminderRule, due_on: Any) -> str | None:
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


def resolve_calendar(cursor: Cursor, rule: ReminderRule, due_on: Any, reason: str, position: int) -> None:
    cursor.execute(
        "UPDATE view_obligations SET status = 'resolved', status_reason = ?, changed_by_position = ?"
        " WHERE rule = ? AND due_on = ? AND status = 'open'",
        (reason, position, rule.value, iso(due_on)),
    )


@handles(Sweep.Finished)
def sweep_finished(cursor: Cursor, event: Sweep.Finished, position: int) -> None:
    cursor.execute(
        "UPDATE view_sweeps SET finished_at = ?, issued = ?, already_issued = ?, escalated = ? WHERE sweep_id = ?",
        (event.timestamp.isoformat(), event.issued, event.already_issued, event.escalated, str(event.originator_id)),
    )
    details = f"Gửi mới {event.issued}, đã gửi trước đó {event.already_issued}, chuyển cấp trên {event.escalated}"
    sweep_audit(cursor, event, position, event.effective_on, details)


def sweep_audit(cursor: Cursor, event: Any, position: int, today: date, details: str) -> None:
    label = f"Quét nhắc việc ngày {vn_date(today)}"
    record_audit(cursor, event, position, subject_type="sweep", subject_label=label, hamlet="", details=details)

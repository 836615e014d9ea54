"""The audit log's rows for reminders (issued, acknowledged, resolved, e-mailed) and the sweeps."""

from __future__ import annotations

from datetime import date
from typing import Any

from application.audit.audit_log.table import record_audit
from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers
from application.reminders.reminders_view import reminder_row
from domain.formatting import vn_date
from domain.reminder import Reminder
from domain.sweep import Sweep

HANDLERS = Handlers()


@HANDLERS.on(Reminder.Issued)
def issued(cursor: Cursor, event: Reminder.Issued, position: int) -> None:
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


def reminder_audit(cursor: Cursor, event: Any, position: int, details: str) -> None:
    row = reminder_row(cursor, event.originator_id)
    subject = {"subject_label": row["subject_label"], "hamlet": row["hamlet"]}
    record_audit(cursor, event, position, subject_type="reminder", details=details, **subject)


@HANDLERS.on(Reminder.Acknowledged)
def acknowledged(cursor: Cursor, event: Reminder.Acknowledged, position: int) -> None:
    reminder_audit(cursor, event, position, "Đã xác nhận nhắc việc")


@HANDLERS.on(Reminder.Resolved)
def resolved(cursor: Cursor, event: Reminder.Resolved, position: int) -> None:
    reminder_audit(cursor, event, position, f"Đã giải quyết: {event.note}")


@HANDLERS.on(Reminder.EmailAttempted, Reminder.Emailed, Reminder.EmailFailed)
def emailed(cursor: Cursor, event: Any, position: int) -> None:
    if isinstance(event, Reminder.EmailAttempted):
        details = f"Đang gửi thư tới {event.address} (lần {event.attempt})"
    elif isinstance(event, Reminder.Emailed):
        details = f"Đã gửi thư tới {event.address}"
    else:
        details = f"Gửi thư tới {event.address} không thành công (lần {event.attempt}): {event.error}"
    reminder_audit(cursor, event, position, details)


@HANDLERS.on(Sweep.Started)
def sweep_started(cursor: Cursor, event: Sweep.Started, position: int) -> None:
    # In the log too, so the completeness report can name the run that noted a calendar deadline and
    # tell which obligations each run saw open (by position).
    period = f"từ {vn_date(event.calendar_from)} đến {vn_date(event.calendar_until)}"
    details = f"Bắt đầu quét trên máy {event.host}; ghi nhận {len(event.deadlines)} hạn theo lịch {period}"
    sweep_audit(cursor, event, position, event.today, details)


@HANDLERS.on(Sweep.Finished)
def sweep_finished(cursor: Cursor, event: Sweep.Finished, position: int) -> None:
    details = f"Gửi mới {event.issued}, đã gửi trước đó {event.already_issued}, chuyển cấp trên {event.escalated}"
    sweep_audit(cursor, event, position, event.effective_on, details)


def sweep_audit(cursor: Cursor, event: Any, position: int, today: date, details: str) -> None:
    label = f"Quét nhắc việc ngày {vn_date(today)}"
    record_audit(cursor, event, position, subject_type="sweep", subject_label=label, hamlet="", details=details)

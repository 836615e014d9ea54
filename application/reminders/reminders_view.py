"""The reminders read model (view_reminders): each reminder issued, acknowledged, resolved or
e-mailed, for the officials' inboxes and the outbox."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers, ReadModel
from application.readmodels.tables import cached_row, insert_row, iso, update_row
from domain.reminder import Reminder

TABLE = "view_reminders"
TABLES = {
    TABLE: """
        reminder_id TEXT PRIMARY KEY,
        rule TEXT NOT NULL,
        subject_type TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        subject_label TEXT NOT NULL,
        hamlet TEXT NOT NULL,
        recipient TEXT NOT NULL,
        due_on TEXT NOT NULL,
        notice_on TEXT NOT NULL,
        late INTEGER NOT NULL,
        issued_at TEXT NOT NULL,
        issued_on TEXT NOT NULL,
        acknowledged_by TEXT,
        acknowledged_at TEXT,
        acknowledgement_note TEXT,
        escalated INTEGER NOT NULL,
        escalated_from TEXT,
        resolved_by TEXT,
        resolved_at TEXT,
        resolution_note TEXT,
        email_state TEXT,
        email_attempts INTEGER NOT NULL,
        email_address TEXT,
        email_error TEXT,
        emailed_at TEXT""",
}
INDEXES = ("CREATE INDEX IF NOT EXISTS view_reminders_recipient ON view_reminders (recipient, acknowledged_at)",)

HANDLERS = Handlers()


def reminder_row(cursor: Cursor, reminder_id: UUID) -> dict[str, Any]:
    """The reminder's row; its rule, subject and due date never change (the obligations read them)."""
    return cached_row(cursor, TABLE, "reminder_id", reminder_id)


@HANDLERS.on(Reminder.Issued)
def issued(cursor: Cursor, event: Reminder.Issued, position: int) -> None:
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
    insert_row(cursor, TABLE, event.originator_id, row)


@HANDLERS.on(Reminder.Acknowledged)
def acknowledged(cursor: Cursor, event: Reminder.Acknowledged, position: int) -> None:
    update_row(
        cursor,
        TABLE,
        "reminder_id",
        reminder_row(cursor, event.originator_id),
        acknowledged_by=event.actor,
        acknowledged_at=event.timestamp.isoformat(),
        acknowledgement_note=event.note,
    )


@HANDLERS.on(Reminder.Resolved)
def resolved(cursor: Cursor, event: Reminder.Resolved, position: int) -> None:
    row = reminder_row(cursor, event.originator_id)
    update_row(
        cursor,
        TABLE,
        "reminder_id",
        row,
        resolved_by=event.actor,
        resolved_at=event.timestamp.isoformat(),
        resolution_note=event.note,
        acknowledged_by=row["acknowledged_by"] or event.actor,
        acknowledged_at=row["acknowledged_at"] or event.timestamp.isoformat(),
    )


@HANDLERS.on(Reminder.EmailAttempted, Reminder.Emailed, Reminder.EmailFailed)
def emailed(cursor: Cursor, event: Any, position: int) -> None:
    if isinstance(event, Reminder.EmailAttempted):
        changes = {"email_state": "attempting", "email_attempts": event.attempt, "email_address": event.address}
    elif isinstance(event, Reminder.Emailed):
        changes = {"email_state": "sent", "emailed_at": event.timestamp.isoformat(), "email_error": None}
    else:
        changes = {"email_state": "failed", "email_error": event.error}
    update_row(cursor, TABLE, "reminder_id", reminder_row(cursor, event.originator_id), **changes)


READ_MODEL = ReadModel("reminders", TABLES, HANDLERS, INDEXES)

"""The obligations' table and how a row of it is opened, closed, moved by a correction or met."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from application.readmodels.database import Cursor
from application.readmodels.tables import iso
from domain.deadlines import ReminderRule
from domain.reminder import Deadline

TABLE = "view_obligations"
TABLES = {
    TABLE: """
        obligation_id TEXT PRIMARY KEY,
        rule TEXT NOT NULL,
        subject_type TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        subject_label TEXT NOT NULL,
        commune TEXT NOT NULL,
        hamlet TEXT NOT NULL,
        responsible TEXT NOT NULL,
        due_on TEXT NOT NULL,
        status TEXT NOT NULL,
        status_reason TEXT NOT NULL,
        created_by_position BIGINT NOT NULL,
        changed_by_position BIGINT NOT NULL""",
}
INDEXES = (
    "CREATE INDEX IF NOT EXISTS view_obligations_open ON view_obligations (status, due_on)",
    "CREATE INDEX IF NOT EXISTS view_obligations_subject ON view_obligations (subject_id, rule, status)",
)


def obligation_id(rule: ReminderRule, subject_id: UUID, due_on: date) -> str:
    return str(uuid5(NAMESPACE_URL, f"/obligations/{rule.value}/{subject_id}/{due_on}"))


def commune_subject(commune: str) -> UUID:
    return uuid5(NAMESPACE_URL, f"/communes/{commune}")


def open_obligation(cursor: Cursor, deadline: Deadline, responsible: str, position: int, reopen: bool = True) -> None:
    """Inserts a deadline, or reopens it when a later fact brings back the same one (same rule, subject
    and due date: a fall back and a new escape on one day; escapes on 28/02 and 29/02 ending on 28/02)."""
    on_conflict = (
        "DO UPDATE SET status = 'open', status_reason = '', changed_by_position = excluded.changed_by_position"
        if reopen
        else "DO NOTHING"
    )
    cursor.execute(
        f"INSERT INTO view_obligations VALUES ({', '.join('?' * 13)}) ON CONFLICT (obligation_id) {on_conflict}",
        (
            obligation_id(deadline.rule, deadline.subject_id, deadline.due_on),
            deadline.rule.value,
            deadline.subject_type,
            str(deadline.subject_id),
            deadline.subject_label,
            deadline.commune,
            deadline.hamlet,
            responsible,
            deadline.due_on.isoformat(),
            "open",
            "",
            position,
            position,
        ),
    )


def close_obligations(
    cursor: Cursor, subject_id: UUID, rule: ReminderRule, status: str, reason: str, position: int
) -> None:
    cursor.execute(
        "UPDATE view_obligations SET status = ?, status_reason = ?, changed_by_position = ?"
        " WHERE subject_id = ? AND rule = ? AND status = 'open'",
        (status, reason, position, str(subject_id), rule.value),
    )


def move_obligations(
    cursor: Cursor, event: Any, rule: ReminderRule, deadlines: list[Deadline], responsible: str, position: int
) -> None:
    """After a correction: cancels the subject's open obligations of a rule that are no longer due, with
    the correction's reason, and opens the new ones (or reopens one a relapse had cancelled)."""
    keep = {obligation_id(d.rule, d.subject_id, d.due_on) for d in deadlines}
    rows = cursor.all(
        "SELECT obligation_id FROM view_obligations WHERE subject_id = ? AND rule = ? AND status = 'open'",
        (str(event.originator_id), rule.value),
    )
    for row in rows:
        if row["obligation_id"] not in keep:
            cursor.execute(
                "UPDATE view_obligations SET status = 'cancelled', status_reason = ?, changed_by_position = ?"
                " WHERE obligation_id = ?",
                (f"Đính chính: {event.reason}", position, row["obligation_id"]),
            )
    for deadline in deadlines:
        existing = cursor.one(
            "SELECT status FROM view_obligations WHERE obligation_id = ?",
            (obligation_id(deadline.rule, deadline.subject_id, deadline.due_on),),
        )
        if existing is None or existing["status"] == "cancelled":
            open_obligation(cursor, deadline, responsible, position)


def resolve_calendar(cursor: Cursor, rule: ReminderRule, due_on: date, reason: str, position: int) -> None:
    cursor.execute(
        "UPDATE view_obligations SET status = 'resolved', status_reason = ?, changed_by_position = ?"
        " WHERE rule = ? AND due_on = ? AND status = 'open'",
        (reason, position, rule.value, iso(due_on)),
    )

"""The officials' inboxes of reminders: acknowledging and resolving them (the sweep: reminders/sweep.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from application.core.capability import CapabilityService
from application.core.ledger_core import Entry, Recorded
from application.readmodels.rows import from_row
from domain.deadlines import ReminderRule
from domain.reminder import Reminder
from domain.user import Actor, NotAllowedError


@dataclass(frozen=True)
class ReminderItem:
    reminder_id: UUID
    rule: ReminderRule
    subject_type: str
    subject_id: UUID
    subject_label: str
    hamlet: str
    recipient: str
    due_on: date
    notice_on: date
    late: bool
    issued_at: datetime
    acknowledged_by: str | None
    acknowledged_at: datetime | None
    escalated: bool = False
    resolved_by: str | None = None
    resolved_at: datetime | None = None
    resolution_note: str | None = None
    email_state: str | None = None


class ReminderCases(CapabilityService):
    def inbox(self, actor: Actor, include_acknowledged: bool = False, everyone: bool = False) -> list[ReminderItem]:
        sql, params = "SELECT * FROM view_reminders WHERE 1 = 1", []
        if not (everyone and actor.commune_wide):
            sql, params = sql + " AND recipient = ?", [actor.username]
        if not include_acknowledged:
            sql += " AND acknowledged_at IS NULL"
        with self.views.reading() as cursor:
            rows = cursor.all(sql + " ORDER BY notice_on DESC, subject_label", params)
        return [from_row(ReminderItem, row) for row in rows]

    def unacknowledged_count(self, actor: Actor) -> int:
        with self.views.reading() as cursor:
            row = cursor.one(
                "SELECT count(*) AS n FROM view_reminders WHERE recipient = ? AND acknowledged_at IS NULL",
                (actor.username,),
            )
        return int(row["n"]) if row else 0

    def acknowledge_reminder(self, actor: Actor, reminder: UUID, entry: Entry) -> Recorded:
        if previous := self.core.previous(entry.command_id):
            return previous
        found = self.core.load(Reminder, reminder)
        if actor.username != found.recipient and not actor.commune_wide:
            raise NotAllowedError("Nhắc việc này không gửi cho bạn.")
        actor.require_writer()
        found.acknowledge(self.core.act(actor, entry))
        return self.core.record(entry, found.id, found)

    def resolve_reminder(self, actor: Actor, reminder: UUID, entry: Entry) -> Recorded:
        """The obligation behind the reminder is met or settled; the note says how."""
        if previous := self.core.previous(entry.command_id):
            return previous
        found = self.core.load(Reminder, reminder)
        if actor.username != found.recipient and not actor.commune_wide:
            raise NotAllowedError("Nhắc việc này không gửi cho bạn.")
        actor.require_writer()
        found.resolve(self.core.act(actor, entry))
        return self.core.record(entry, found.id, found)

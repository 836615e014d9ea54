"""The reminder sweep, the officials' inboxes, and acknowledgements.

The sweep is level-triggered: every reminder date that has come (≤ today) and has no reminder yet
is issued, with an id derived from rule, subject, due date and reminder date (design.md §2.4), so
running it twice, from two processes, or after a restart issues nothing new.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from application.ledger import Entry, LedgerCore, Recorded
from application.views.rows import from_row
from domain.deadlines import DEFAULT_SCHEDULES, ReminderRule, ReminderSchedule, notice_dates
from domain.reminder import Reminder, reminder_id
from domain.user import Actor, NotAllowedError, Role


@dataclass(frozen=True)
class SweepReport:
    today: date
    issued: int
    already_issued: int


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


class ReminderCases(LedgerCore):
    def schedules(self) -> dict[ReminderRule, ReminderSchedule]:
        s = self.settings
        return {
            **DEFAULT_SCHEDULES,
            ReminderRule.NEWLY_ESCAPED_WINDOW_END: ReminderSchedule(tuple(s.window_reminder_days)),
            ReminderRule.PROJECT_FINAL_REVIEW: ReminderSchedule(
                tuple(s.project_reminder_days), s.project_overdue_every_days
            ),
        }

    def sweep(self, today: date | None = None) -> SweepReport:
        today = today or self.today()
        self.views.catch_up()
        issued = already = 0
        with self.views.database.reading() as cursor:
            obligations = cursor.all("SELECT * FROM view_obligations WHERE status = 'open' ORDER BY due_on")
            known = {row["reminder_id"] for row in cursor.all("SELECT reminder_id FROM view_reminders")}
        schedules = self.schedules()
        for row in obligations:
            rule, due_on = ReminderRule(row["rule"]), date.fromisoformat(row["due_on"])
            for notice_on in notice_dates(due_on, schedules[rule], today):
                if str(reminder_id(rule, UUID(row["subject_id"]), due_on, notice_on)) in known:
                    already += 1
                elif self._issue(row, rule, due_on, notice_on, today):
                    issued += 1
                else:
                    already += 1
        self.views.catch_up()
        return SweepReport(today, issued, already)

    def _issue(self, row: dict, rule: ReminderRule, due_on: date, notice_on: date, today: date) -> bool:  # type: ignore[type-arg]
        reminder = Reminder.issue(
            rule,
            row["subject_type"],
            UUID(row["subject_id"]),
            row["subject_label"],
            row["commune"],
            row["hamlet"],
            due_on,
            notice_on,
            row["responsible"] or self.responsible_for(row["hamlet"]),
            today,
        )
        try:
            self.store.save(reminder)
        except IntegrityError:
            return False  # another sweep issued it first
        return True

    def sweep_on_request(self, actor: Actor) -> SweepReport:
        """An official need not wait for tomorrow's sweep; the sweep is idempotent, so this is safe."""
        actor.require_writer()
        return self.sweep()

    def responsible_for(self, hamlet: str) -> str:
        """The official assigned to the hamlet (seed §VI), else the vice-chair, else the chair."""
        with self.views.database.reading() as cursor:
            users = cursor.all("SELECT username, role, hamlets FROM view_users ORDER BY username")
        for role in (Role.OFFICIAL, Role.VICE_CHAIR, Role.CHAIR):
            for user in users:
                in_scope = role is not Role.OFFICIAL or hamlet in user["hamlets"].split("|")
                if user["role"] == role.value and in_scope:
                    return str(user["username"])
        return ""

    def inbox(self, actor: Actor, include_acknowledged: bool = False, everyone: bool = False) -> list[ReminderItem]:
        self.views.catch_up()
        sql, params = "SELECT * FROM view_reminders WHERE 1 = 1", []
        if not (everyone and actor.commune_wide):
            sql, params = sql + " AND recipient = ?", [actor.username]
        if not include_acknowledged:
            sql += " AND acknowledged_at IS NULL"
        with self.views.database.reading() as cursor:
            rows = cursor.all(sql + " ORDER BY notice_on DESC, subject_label", params)
        return [from_row(ReminderItem, row) for row in rows]

    def unacknowledged_count(self, actor: Actor) -> int:
        self.views.catch_up()
        with self.views.database.reading() as cursor:
            row = cursor.one(
                "SELECT count(*) AS n FROM view_reminders WHERE recipient = ? AND acknowledged_at IS NULL",
                (actor.username,),
            )
        return int(row["n"]) if row else 0

    def acknowledge_reminder(self, actor: Actor, reminder: UUID, entry: Entry) -> Recorded:
        if previous := self._previous(entry.command_id):
            return previous
        found = self._load(Reminder, reminder)
        if actor.username != found.recipient and not actor.commune_wide:
            raise NotAllowedError("Nhắc việc này không gửi cho bạn.")
        actor.require_writer()
        found.acknowledge(self._act(actor, entry))
        return self._record(entry, found.id, found)

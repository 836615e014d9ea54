"""The reminder sweep: level-triggered, idempotent, recorded.

Every reminder date that has come (≤ today) and has no reminder yet is issued, with an id derived from
rule, subject, due date and reminder date (design.md §2.4), so running it twice, from two processes or
after a restart issues nothing new; one issued after its date is marked late. Each run is recorded
(started, then finished) with the calendar deadlines it noted, for the completeness report.
"""

from __future__ import annotations

import socket
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from application.audit.tamper_evidence import TamperEvidenceCases
from application.core.capability import CapabilityService
from application.core.ledger_core import LedgerCore
from application.users.responsibility import Responsibility
from domain.deadlines import DEFAULT_SCHEDULES, Notice, ReminderRule, ReminderSchedule, calendar_deadlines, notices
from domain.reminder import Deadline, Reminder, escalation_id, reminder_id
from domain.sweep import Sweep
from domain.user import Actor

CALENDAR_RULES = (
    ReminderRule.ANNUAL_REVIEW_OPENS,
    ReminderRule.ANNUAL_REVIEW_CLOSES,
    ReminderRule.REGULAR_REVIEW_STARTS,
    ReminderRule.MONTHLY_REPORT,
)


@dataclass(frozen=True)
class SweepReport:
    today: date
    issued: int
    already_issued: int
    escalated: int = 0


def deadline_of(row: dict[str, Any]) -> Deadline:
    return Deadline(
        ReminderRule(row["rule"]),
        row["subject_type"],
        UUID(row["subject_id"]),
        row["subject_label"],
        row["commune"],
        row["hamlet"],
        date.fromisoformat(row["due_on"]),
    )


class SweepCases(CapabilityService):
    def __init__(self, core: LedgerCore, responsibility: Responsibility, tamper_evidence: TamperEvidenceCases) -> None:
        super().__init__(core)
        self.responsibility = responsibility
        self.tamper_evidence = tamper_evidence

    def schedules(self) -> dict[ReminderRule, ReminderSchedule]:
        """The default schedules of domain/deadlines.py with the configured lead times over them."""
        configured = self.settings.reminder_schedules
        return {rule: schedule_with(DEFAULT_SCHEDULES[rule], configured.get(rule.value, {})) for rule in ReminderRule}

    def sweep(self, today: date | None = None) -> SweepReport:
        today = today or self.today()
        run = self._start_run(today)
        issued, already = self._issue_due(today)
        escalated = self._escalate_ignored(today)
        run.finish(issued, already, escalated, today)
        self.store.save(run)
        self.tamper_evidence.daily_checkpoint()  # issue 5 §1: the log's head is signed at least daily
        return SweepReport(today, issued, already, escalated)

    def sweep_on(self, day: date) -> SweepReport:
        """A sweep for a day the operator names (`giamngheo sweep --today`): a day still to come is refused,
        because the reminders it would issue, dated ahead, cannot be undone (issue 10 §3)."""
        self.admissible_days().past(day, "today", "Ngày quét")
        return self.sweep(day)

    def sweep_on_request(self, actor: Actor) -> SweepReport:
        """An official need not wait for tomorrow's sweep; the sweep is idempotent, so this is safe."""
        actor.require_writer()
        return self.sweep()

    def _start_run(self, today: date) -> Sweep:
        """Notes the calendar deadlines from where the last run stopped to as far as their reminders reach."""
        schedules = self.schedules()
        reach = max(max(schedules[rule].days_before) for rule in CALENDAR_RULES)
        with self.views.reading() as cursor:
            last = cursor.one("SELECT max(calendar_until) AS until FROM view_sweeps")
        start = (
            date.fromisoformat(last["until"]) + timedelta(days=1)
            if last and last["until"]
            else (self.settings.calendar_from or today)
        )
        until = today + timedelta(days=reach)
        run = Sweep.start(
            self.settings.commune, today, start, until, calendar_deadlines(start, until), socket.gethostname()
        )
        self.store.save(run)
        return run

    def _issue_due(self, today: date) -> tuple[int, int]:
        with self.views.reading() as cursor:
            obligations = cursor.all("SELECT * FROM view_obligations WHERE status = 'open' ORDER BY due_on")
            known = {row["reminder_id"] for row in cursor.all("SELECT reminder_id FROM view_reminders")}
        schedules, issued, already = self.schedules(), 0, 0
        for row in obligations:
            deadline = deadline_of(row)
            for notice in notices(deadline.due_on, schedules[deadline.rule], today):
                wanted = reminder_id(deadline.rule, deadline.subject_id, deadline.due_on, notice.notice_on)
                if str(wanted) not in known and self._save(
                    Reminder.issue(deadline, notice, self._recipient(row, notice), today)
                ):
                    issued += 1
                else:
                    already += 1
        return issued, already

    def _escalate_ignored(self, today: date) -> int:
        """A reminder unacknowledged for the configured days since it was issued goes to the recipient's
        supervisor, once (counted from the day it was issued, so a late catch-up is not escalated at once)."""
        wait = self.settings.escalate_unacknowledged_after_days
        if wait <= 0:
            return 0
        with self.views.reading() as cursor:
            ignored = cursor.all(
                "SELECT r.*, o.commune FROM view_reminders r JOIN view_obligations o ON o.rule = r.rule"
                " AND o.subject_id = r.subject_id AND o.due_on = r.due_on AND o.status = 'open'"
                " WHERE r.acknowledged_at IS NULL AND r.escalated = 0 AND r.issued_on <= ?",
                ((today - timedelta(days=wait)).isoformat(),),
            )
            known = {row["reminder_id"] for row in cursor.all("SELECT reminder_id FROM view_reminders")}
        escalated = 0
        for row in ignored:
            supervisor = self.responsibility.supervisor_of(row["recipient"])
            if supervisor and str(escalation_id(UUID(row["reminder_id"]))) not in known:
                notice_on = date.fromisoformat(row["issued_on"]) + timedelta(days=wait)
                escalated += self._save(
                    Reminder.escalate(UUID(row["reminder_id"]), deadline_of(row), supervisor, notice_on, today)
                )
        return escalated

    def _save(self, reminder: Reminder) -> bool:
        try:
            self.store.save(reminder)
        except IntegrityError:
            return False  # another sweep issued it first
        return True

    def _recipient(self, row: dict[str, Any], notice: Notice) -> str:
        responsible = self.responsibility.responsible_of(row)
        return (self.responsibility.supervisor_of(responsible) or responsible) if notice.escalated else responsible


def schedule_with(default: ReminderSchedule, configured: dict[str, Any]) -> ReminderSchedule:
    fields = {**asdict(default), **configured}
    return ReminderSchedule(tuple(fields["days_before"]), fields["overdue_every_days"], fields["escalate_after_days"])

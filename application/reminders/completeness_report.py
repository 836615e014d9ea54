"""What the completeness report holds, and how each reminder a schedule expects is judged: issued on time
or late, not due because the obligation was closed first, not yet reached by a sweep, or missing."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from uuid import UUID

from application.reminders.obligations import ObligationItem
from domain.deadlines import RULE_BASIS, Notice, ReminderRule, ReminderSchedule, notices
from domain.formatting import vn_date
from domain.reminder import reminder_id

# In the order the summary lists them: the errors first.
OUTCOMES = ("missing", "on_time", "late", "not_due", "closed_before_sweep", "awaiting_sweep")
STATUSES = ("pending", "issued", "acknowledged", "resolved", "cancelled")
CLOSED_WORDS = {"cancelled": "Đã hủy", "resolved": "Đã giải quyết"}


@dataclass(frozen=True)
class RecordedAct:
    """The event that created, moved, cancelled or resolved an obligation, as the log shows it."""

    position: int
    action: str
    effective_on: date
    actor: str
    details: str


@dataclass(frozen=True)
class IssuedReminder:
    reminder_id: UUID
    recipient: str
    notice_on: date
    issued_on: date
    late: bool
    escalated: bool
    escalated_from: UUID | None
    acknowledged_by: str | None
    acknowledged_at: datetime | None
    resolved_by: str | None
    resolved_at: datetime | None
    resolution_note: str | None


@dataclass(frozen=True)
class ExpectedReminder:
    notice_on: date
    outcome: str
    explanation: str = ""
    to_supervisor: bool = False
    reminder: IssuedReminder | None = None


@dataclass(frozen=True)
class ObligationAccount:
    obligation: ObligationItem
    basis: str
    created_by: RecordedAct | None
    changed_by: RecordedAct | None
    expected: tuple[ExpectedReminder, ...]
    others: tuple[IssuedReminder, ...]  # escalations, and reminders of a schedule no longer configured

    @property
    def missing(self) -> tuple[ExpectedReminder, ...]:
        return tuple(e for e in self.expected if e.outcome == "missing")


@dataclass(frozen=True)
class SweepRun:
    sweep_id: UUID
    today: date
    started_at: datetime
    finished_at: datetime | None
    host: str
    issued: int | None
    already_issued: int | None
    escalated: int | None
    started_position: int | None
    finished_position: int | None

    @property
    def interrupted(self) -> bool:
        """Started without a finish: cut short (or still running); the next sweep catches up."""
        return self.finished_at is None

    def saw_open(self, item: ObligationItem) -> bool:
        """Whether this run certainly read the obligation as open (positions in the notification log)."""
        if self.interrupted or self.started_position is None or self.finished_position is None:
            return False
        if item.stored_status == "open":
            return item.changed_by_position <= self.started_position
        return item.created_by_position <= self.started_position < self.finished_position < item.changed_by_position


@dataclass(frozen=True)
class Downtime:
    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True)
class CompletenessReport:
    due_from: date
    due_to: date
    today: date
    built_at: datetime
    log_position: int
    checked_until: date | None  # the last day whose reminders are expected: min(today, last finished sweep)
    schedules: dict[ReminderRule, ReminderSchedule]
    accounts: tuple[ObligationAccount, ...]
    sweeps: tuple[SweepRun, ...]
    downtime: tuple[Downtime, ...]

    @property
    def errors(self) -> list[tuple[ObligationAccount, ExpectedReminder]]:
        return [(account, missing) for account in self.accounts for missing in account.missing]

    @property
    def counts(self) -> dict[str, int]:
        expected = [e for account in self.accounts for e in account.expected]
        counts = {outcome: sum(e.outcome == outcome for e in expected) for outcome in OUTCOMES}
        issued = [e.reminder for e in expected if e.reminder]
        counts["acknowledged"] = sum(bool(r.acknowledged_by) for r in issued)
        counts["resolved"] = sum(bool(r.resolved_by) for r in issued)
        return counts

    @property
    def statuses(self) -> dict[str, int]:
        found = [account.obligation.status for account in self.accounts]
        return {status: found.count(status) for status in STATUSES if status in found}

    @property
    def downtime_days(self) -> int:
        return sum(period.days for period in self.downtime)


def account(
    item: ObligationItem,
    acts: dict[int, RecordedAct],
    issued: dict[UUID, IssuedReminder],
    runs: list[SweepRun],
    schedule: ReminderSchedule,
    until: date | None,
) -> ObligationAccount:
    closed = item.stored_status in CLOSED_WORDS
    moved = item.changed_by_position != item.created_by_position
    changed = acts.get(item.changed_by_position) if closed or moved else None
    expected, wanted = [], set()
    for notice in notices(item.due_on, schedule, until) if until else []:
        wanted.add(wanted_id := reminder_id(item.rule, item.subject_id, item.due_on, notice.notice_on))
        if judged := judge(item, notice, issued.get(wanted_id), changed if closed else None, runs):
            expected.append(judged)
    others = tuple(
        issued[r.reminder_id] for r in item.reminders if r.reminder_id in issued and r.reminder_id not in wanted
    )
    return ObligationAccount(
        item, RULE_BASIS[item.rule], acts.get(item.created_by_position), changed, tuple(expected), others
    )


def judge(
    item: ObligationItem,
    notice: Notice,
    found: IssuedReminder | None,
    closing: RecordedAct | None,
    runs: list[SweepRun],
) -> ExpectedReminder | None:
    expected = ExpectedReminder(notice.notice_on, "", to_supervisor=notice.escalated)
    if found:
        return replace(expected, outcome="late" if found.late else "on_time", reminder=found)
    closed = f"{CLOSED_WORDS.get(item.stored_status, '')} ({item.status_reason})"
    if closing and closing.effective_on <= notice.notice_on:
        if notice.notice_on > item.due_on:
            return None  # the reminders of an overdue deadline stop once it is met or cancelled
        return replace(expected, outcome="not_due", explanation=f"{closed} từ ngày {vn_date(closing.effective_on)}")
    run = next((r for r in runs if r.today >= notice.notice_on and r.saw_open(item)), None)
    if run:
        explanation = f"Lần quét ngày {vn_date(run.today)} thấy việc còn mở nhưng không gửi nhắc việc này"
        return replace(expected, outcome="missing", explanation=explanation)
    if closing:
        explanation = f"{closed} trước khi có lần quét nào từ ngày nhắc trở đi"
        return replace(expected, outcome="closed_before_sweep", explanation=explanation)
    explanation = "Ghi nhận sau lần quét gần nhất; lần quét tới sẽ gửi (nhắc trễ)"
    return replace(expected, outcome="awaiting_sweep", explanation=explanation)

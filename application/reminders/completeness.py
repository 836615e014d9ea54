"""The completeness report (issue 4, point 5): every obligation due in a period, each reminder its schedule
expects and what became of it, and the sweeps that ran. A reminder missing without explanation is an error.

Expected reminders are counted against the schedules configured today, up to the day of the last finished
sweep: the sweep is level-triggered, so a day without a sweep is caught up (late) by the next one, and only
a finished sweep that saw the obligation open and still left a reminder out is a gap.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from application.core.capability import CapabilityService
from application.core.errors import InvalidInputError
from application.core.ledger_core import LedgerCore
from application.readmodels.database import Cursor
from application.readmodels.rows import from_row
from application.reminders.completeness_report import (
    STATUSES,
    CompletenessReport,
    Downtime,
    IssuedReminder,
    RecordedAct,
    SweepRun,
    account,
)
from application.reminders.obligations import ObligationItem, ObligationQueries
from application.reminders.sweep import SweepCases
from domain.deadlines import ReminderRule


class CompletenessQueries(CapabilityService):
    def __init__(self, core: LedgerCore, sweeps: SweepCases, deadlines: ObligationQueries) -> None:
        super().__init__(core)
        self.sweeps = sweeps
        self.deadlines = deadlines

    def this_year(self) -> tuple[date, date]:
        """The period the obligation pages show when none is asked for."""
        return date(self.today().year, 1, 1), date(self.today().year, 12, 31)

    def obligation_list(
        self, due_from: date, due_to: date, hamlet: str = "", rule: ReminderRule | None = None, status: str = ""
    ) -> list[ObligationItem]:
        require_period(due_from, due_to)
        if status not in ("", *STATUSES):
            raise InvalidInputError({"status": "Tình trạng không hợp lệ."})
        return [
            item for item in self.deadlines.obligations(due_from, due_to, hamlet, rule) if status in ("", item.status)
        ]

    def completeness(self, due_from: date, due_to: date, today: date | None = None) -> CompletenessReport:
        require_period(due_from, due_to)
        today, log_position = today or self.today(), self.store.recorder.max_notification_id() or 0
        items = self.deadlines.obligations(due_from, due_to)  # caught up to log_position at least
        with self.views.database.reading() as cursor:
            runs, issued = sweep_runs(cursor), issued_reminders(cursor, due_from, due_to)
            acts = recorded_acts(cursor, {p for i in items for p in (i.created_by_position, i.changed_by_position)})
        until, schedules = checked_until(runs, today), self.sweeps.schedules()
        accounts = tuple(account(i, acts, issued, runs, schedules[i.rule], until) for i in items)
        since = min([due_from, *(e.notice_on for a in accounts for e in a.expected)])
        listed = tuple(run for run in runs if since <= run.today <= today)  # a catch-up may come after the period
        return CompletenessReport(
            due_from,
            due_to,
            today,
            self.clock(),
            log_position,
            until,
            schedules,
            accounts,
            listed,
            downtime(due_from, min(due_to, today), runs),
        )


def checked_until(runs: list[SweepRun], today: date) -> date | None:
    """Reminders are expected up to the day of the last finished sweep, never after today."""
    finished = [run.today for run in runs if not run.interrupted]
    return min(today, max(finished)) if finished else None


def require_period(due_from: date, due_to: date) -> None:
    if due_to < due_from:
        raise InvalidInputError({"to": "Ngày cuối không được trước ngày đầu."})


def sweep_runs(cursor: Cursor) -> list[SweepRun]:
    rows = cursor.all(
        "SELECT s.*, b.position AS started_position, f.position AS finished_position FROM view_sweeps s"
        " LEFT JOIN view_audit b ON b.subject_id = s.sweep_id AND b.action = 'Sweep.Started'"
        " LEFT JOIN view_audit f ON f.subject_id = s.sweep_id AND f.action = 'Sweep.Finished'"
        " ORDER BY s.today, s.started_at"
    )
    return [from_row(SweepRun, row) for row in rows]


def recorded_acts(cursor: Cursor, positions: Iterable[int]) -> dict[int, RecordedAct]:
    wanted, rows = sorted(positions), list[dict[str, Any]]()
    for start in range(0, len(wanted), 500):
        page = wanted[start : start + 500]
        rows += cursor.all(f"SELECT * FROM view_audit WHERE position IN ({', '.join('?' * len(page))})", page)
    return {int(row["position"]): from_row(RecordedAct, row) for row in rows}


def issued_reminders(cursor: Cursor, due_from: date, due_to: date) -> dict[UUID, IssuedReminder]:
    rows = cursor.all(
        "SELECT * FROM view_reminders WHERE due_on >= ? AND due_on <= ? ORDER BY notice_on, issued_at",
        (due_from.isoformat(), due_to.isoformat()),
    )
    return {UUID(row["reminder_id"]): from_row(IssuedReminder, row) for row in rows}


def downtime(first: date, last: date, runs: list[SweepRun]) -> tuple[Downtime, ...]:
    """Calendar days without a finished sweep, as periods (informational: the next sweep catches up)."""
    swept, periods, start = {run.today for run in runs if not run.interrupted}, [], None
    day = first
    while day <= last:
        if day not in swept and start is None:
            start = day
        if day in swept and start is not None:
            periods.append(Downtime(start, day - timedelta(days=1)))
            start = None
        day += timedelta(days=1)
    if start is not None:
        periods.append(Downtime(start, last))
    return tuple(periods)

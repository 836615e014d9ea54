"""The obligations read model as officials and inspectors see it: every deadline, its reminders and
what became of it (pending, issued, acknowledged, resolved, cancelled)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from application.core.capability import CapabilityService
from application.core.ledger_core import LedgerCore
from application.readmodels.rows import from_row
from application.reminders.inbox import ReminderItem
from application.users.responsibility import Responsibility
from domain.deadlines import ReminderRule
from domain.user import Actor


@dataclass(frozen=True)
class ObligationItem:
    obligation_id: UUID
    rule: ReminderRule
    subject_type: str
    subject_id: UUID
    subject_label: str
    hamlet: str
    responsible: str
    due_on: date
    stored_status: str
    status_reason: str
    created_by_position: int
    changed_by_position: int
    reminders: tuple[ReminderItem, ...] = ()

    @property
    def status(self) -> str:
        """resolved or cancelled as recorded; otherwise pending, issued or acknowledged by its reminders."""
        if self.stored_status in ("resolved", "cancelled"):
            return self.stored_status
        if not self.reminders:
            return "pending"
        return "acknowledged" if all(r.acknowledged_at for r in self.reminders) else "issued"


class ObligationQueries(CapabilityService):
    def __init__(self, core: LedgerCore, responsibility: Responsibility) -> None:
        super().__init__(core)
        self.responsibility = responsibility

    def obligations(
        self,
        due_from: date | None = None,
        due_to: date | None = None,
        hamlet: str = "",
        rule: ReminderRule | None = None,
    ) -> list[ObligationItem]:
        sql = "SELECT *, status AS stored_status FROM view_obligations WHERE 1 = 1"
        params: list[object] = []
        for clause, value in (
            ("due_on >= ?", due_from and due_from.isoformat()),
            ("due_on <= ?", due_to and due_to.isoformat()),
            ("hamlet = ?", hamlet),
            ("rule = ?", rule and rule.value),
        ):
            if value:
                sql, params = f"{sql} AND {clause}", [*params, value]
        with self.views.reading() as cursor:
            rows = cursor.all(sql + " ORDER BY due_on, rule, subject_label", params)
            reminders = cursor.all("SELECT * FROM view_reminders ORDER BY notice_on, reminder_id")
        by_deadline: dict[tuple[str, str, str], list[ReminderItem]] = {}
        for row in reminders:
            by_deadline.setdefault((row["rule"], row["subject_id"], row["due_on"]), []).append(
                from_row(ReminderItem, row)
            )
        users = self.responsibility.users()
        return [
            self._item({**row, "responsible": self.responsibility.responsible_of(row, users)}, by_deadline)
            for row in rows
        ]

    def _item(self, row: dict[str, Any], by_deadline: dict[tuple[str, str, str], list[ReminderItem]]) -> ObligationItem:
        """The responsible official is the one the sweep would remind today (stored only for projects)."""
        item = from_row(ObligationItem, row)
        found = by_deadline.get((row["rule"], row["subject_id"], row["due_on"]), [])
        return ObligationItem(**{**item.__dict__, "reminders": tuple(found)})

    def overdue_count(self, actor: Actor) -> int:
        """Open deadlines in the official's charge whose due date has passed (the header's red count)."""
        with self.views.reading() as cursor:
            rows = cursor.all(
                "SELECT responsible, subject_type, hamlet FROM view_obligations WHERE status = 'open' AND due_on < ?",
                (self.today().isoformat(),),
            )
        users = self.responsibility.users()
        return sum(self.responsibility.responsible_of(row, users) == actor.username for row in rows)

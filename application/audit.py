"""The audit trail: each subject's timeline and the global log, filtered for inspectors."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from uuid import UUID

from application.ledger import LedgerCore
from application.views.rows import from_row


@dataclass(frozen=True)
class AuditEntry:
    position: int
    recorded_at: datetime
    subject_type: str
    subject_id: UUID
    household_id: UUID | None
    subject_label: str
    hamlet: str
    action: str
    details: str
    effective_on: date
    actor: str
    actor_role: str
    basis_number: str
    basis_issued_on: date | None
    basis_issuer: str
    note: str


@dataclass(frozen=True)
class AuditFilter:
    actor: str = ""
    action: str = ""
    recorded_from: date | None = None
    recorded_to: date | None = None
    limit: int = 500


class AuditCases(LedgerCore):
    def timeline(self, subject_id: UUID) -> list[AuditEntry]:
        """Everything recorded about a subject; a household's includes its loans and reminders."""
        self.views.catch_up()
        with self.views.database.reading() as cursor:
            rows = cursor.all(
                "SELECT * FROM view_audit WHERE subject_id = ? OR household_id = ?"
                " OR position IN (SELECT position FROM view_audit_households WHERE household_id = ?)"
                " ORDER BY position",
                (str(subject_id), str(subject_id), str(subject_id)),
            )
        return [from_row(AuditEntry, row) for row in rows]

    def audit_log(self, where: AuditFilter) -> list[AuditEntry]:
        self.views.catch_up()
        sql, params = "SELECT * FROM view_audit WHERE 1 = 1", []
        if where.actor:
            sql, params = sql + " AND actor = ?", [*params, where.actor]
        if where.action:
            sql, params = sql + " AND action = ?", [*params, where.action]
        if where.recorded_from:
            sql, params = sql + " AND recorded_at >= ?", [*params, self._utc_start(where.recorded_from)]
        if where.recorded_to:
            sql, params = (
                sql + " AND recorded_at < ?",
                [*params, self._utc_start(where.recorded_to + timedelta(days=1))],
            )
        with self.views.database.reading() as cursor:
            rows = cursor.all(sql + " ORDER BY position DESC LIMIT ?", [*params, where.limit])
        return [from_row(AuditEntry, row) for row in rows]

    def _utc_start(self, day: date) -> str:
        """Midnight of a Vietnamese calendar day, as the UTC timestamp the log stores."""
        local = datetime(day.year, day.month, day.day, tzinfo=self.timezone)
        return local.astimezone(UTC).isoformat()

    def audit_actions(self) -> list[str]:
        with self.views.database.reading() as cursor:
            return [row["action"] for row in cursor.all("SELECT DISTINCT action FROM view_audit ORDER BY action")]

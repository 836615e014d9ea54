"""The audit trail: each subject's timeline and the global log, filtered for inspectors."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

from application.audit.checkpoints import AUDIT_EXPORT
from application.audit.correction_notes import correction_notes
from application.audit.tamper_evidence import TamperEvidenceCases
from application.core.capability import CapabilityService
from application.core.ledger_core import LedgerCore
from application.readmodels.rows import from_row


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
    corrected_by: str | None = None  # in a timeline: the correction of this event (application/audit/corrections.py)


@dataclass(frozen=True)
class AuditFilter:
    """What an inspector narrows the log to (issue 5); every field empty: the whole log."""

    actor: str = ""
    action: str = ""
    recorded_from: date | None = None
    recorded_to: date | None = None
    limit: int = 500
    role: str = ""  # the role the official held when recording (a Role value, or "system")
    hamlet: str = ""
    subject: str = ""  # a subject's id, or words of its label (household head, project, account)
    effective_from: date | None = None
    effective_to: date | None = None
    offset: int = 0


@dataclass(frozen=True)
class AuditPage:
    entries: tuple[AuditEntry, ...]
    total: int  # rows matching the filter, of which `entries` is the slice from `offset`
    offset: int
    limit: int
    position: int  # the log position the read model had reached when the page was read


@dataclass(frozen=True)
class AuditExport:
    entries: tuple[AuditEntry, ...]
    total: int
    position: int
    head_hash: str  # empty until the log is hash-chained
    built_at: datetime
    where: AuditFilter


# An export larger than this is cut, and says so; a narrower filter gives the rest.
EXPORT_LIMIT = 100_000


class AuditCases(CapabilityService):
    def __init__(self, core: LedgerCore, tamper_evidence: TamperEvidenceCases) -> None:
        super().__init__(core)
        self.tamper_evidence = tamper_evidence

    def timeline(self, subject_id: UUID) -> list[AuditEntry]:
        """Everything recorded about a subject; a household's includes its loans and reminders."""
        with self.views.reading() as cursor:
            rows = cursor.all(
                "SELECT * FROM view_audit WHERE subject_id = ? OR household_id = ?"
                " OR position IN (SELECT position FROM view_audit_households WHERE household_id = ?)"
                " ORDER BY position",
                (str(subject_id), str(subject_id), str(subject_id)),
            )
            # The original stays beside its correction (design.md §2.5).
            notes = correction_notes(cursor, [int(row["position"]) for row in rows])
        return [replace(from_row(AuditEntry, row), corrected_by=notes.get(int(row["position"]))) for row in rows]

    def audit_log(self, where: AuditFilter) -> list[AuditEntry]:
        return list(self.audit_page(where).entries)

    def audit_page(self, where: AuditFilter, up_to: int | None = None) -> AuditPage:
        """The newest entries first; `up_to` holds the page to a log position (an export's stamp)."""
        sql, params = self._audit_where(where, up_to)
        with self.views.reading() as cursor:
            position = cursor.one("SELECT notification_id FROM view_position WHERE name = 'ledger_views'")
            if where.subject and not _as_uuid(where.subject):
                chosen = self._positions_about(cursor, sql, params, where.subject)
                total, chosen = len(chosen), chosen[where.offset : where.offset + where.limit]
                marks = ", ".join("?" * len(chosen)) or "NULL"
                rows = cursor.all(
                    f"SELECT * FROM view_audit WHERE position IN ({marks}) ORDER BY position DESC", chosen
                )
            else:
                counted = cursor.one(f"SELECT COUNT(*) AS n FROM view_audit WHERE {sql}", params)
                assert counted is not None  # COUNT(*) always returns a row
                total = int(counted["n"])
                rows = cursor.all(
                    f"SELECT * FROM view_audit WHERE {sql} ORDER BY position DESC LIMIT ? OFFSET ?",
                    [*params, where.limit, where.offset],
                )
        reached = int(position["notification_id"]) if position else 0
        entries = tuple(from_row(AuditEntry, row) for row in rows)
        return AuditPage(entries, total, where.offset, where.limit, min(reached, up_to) if up_to else reached)

    def audit_export(self, where: AuditFilter) -> AuditExport:
        """Every matching entry (up to EXPORT_LIMIT), stamped with the log position it was built from."""
        position, head_hash = self._export_stamp()
        page = self.audit_page(replace(where, offset=0, limit=EXPORT_LIMIT), up_to=position)
        return AuditExport(page.entries, page.total, page.position, head_hash, self.clock(), where)

    def _export_stamp(self) -> tuple[int, str]:
        """Signs a checkpoint of the hash chain at the head (application/audit/tamper_evidence.py), so the inspector
        can later check the exported rows against the signed head hash, without our software."""
        link = self.tamper_evidence.export_stamp(AUDIT_EXPORT)
        return int(link.position), str(link.hash)

    def _audit_where(self, where: AuditFilter, up_to: int | None) -> tuple[str, list[Any]]:
        conditions: list[tuple[str, Any]] = []
        if up_to is not None:
            conditions.append(("position <= ?", up_to))
        if where.actor:
            conditions.append(("actor = ?", where.actor))
        if where.action:
            conditions.append(("action = ?", where.action))
        if where.role:
            conditions.append(("actor_role = ?", where.role))
        if where.hamlet:
            # A project's or an account's row lists several hamlets, comma-separated.
            conditions.append(("(', ' || hamlet || ', ') LIKE ?", f"%, {where.hamlet}, %"))
        if where.recorded_from:
            conditions.append(("recorded_at >= ?", self._utc_start(where.recorded_from)))
        if where.recorded_to:
            conditions.append(("recorded_at < ?", self._utc_start(where.recorded_to + timedelta(days=1))))
        if where.effective_from:
            conditions.append(("effective_on >= ?", where.effective_from.isoformat()))
        if where.effective_to:
            conditions.append(("effective_on <= ?", where.effective_to.isoformat()))
        sql = " AND ".join(["1 = 1", *(condition for condition, _ in conditions)])
        params = [value for _, value in conditions]
        if subject_id := _as_uuid(where.subject):
            sql += (
                " AND (subject_id = ? OR household_id = ?"
                " OR position IN (SELECT position FROM view_audit_households WHERE household_id = ?))"
            )
            params += [str(subject_id)] * 3
        return sql, params

    def _positions_about(self, cursor: Any, sql: str, params: list[Any], words: str) -> list[int]:
        # Matched here, not with SQL lower()/LIKE: SQLite lowercases only ASCII, so "Đặng" would never match.
        needle = words.strip().casefold()
        rows = cursor.all(f"SELECT position, subject_label FROM view_audit WHERE {sql} ORDER BY position DESC", params)
        return [int(row["position"]) for row in rows if needle in row["subject_label"].casefold()]

    def _utc_start(self, day: date) -> str:
        """Midnight of a Vietnamese calendar day, as the UTC timestamp the log stores."""
        local = datetime(day.year, day.month, day.day, tzinfo=self.timezone)
        return local.astimezone(UTC).isoformat()

    def audit_hamlets(self) -> tuple[str, ...]:
        return tuple(self.settings.hamlets)

    def audit_actions(self) -> list[str]:
        with self.views.database.reading() as cursor:
            return [row["action"] for row in cursor.all("SELECT DISTINCT action FROM view_audit ORDER BY action")]


def _as_uuid(text: str) -> UUID | None:
    try:
        return UUID(text.strip()) if text.strip() else None
    except ValueError:
        return None

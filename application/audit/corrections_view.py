"""The corrections read model (view_corrections, issue 5 point 4): each proposal to correct a recorded
decision and its outcome. The corrected event's audit row stays as it was; target_position links it
to what corrected it."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers, ReadModel
from application.readmodels.tables import cached_row, insert_row, update_row
from domain.correction import Changes, Correction

TABLE = "view_corrections"
TABLES = {
    TABLE: """
        correction_id TEXT PRIMARY KEY,
        subject_type TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        household_id TEXT,
        event_version INTEGER NOT NULL,
        action TEXT NOT NULL,
        label TEXT NOT NULL,
        hamlet TEXT NOT NULL,
        changes TEXT NOT NULL,
        void INTEGER NOT NULL,
        reason TEXT NOT NULL,
        evidence TEXT NOT NULL,
        proposed_by TEXT NOT NULL,
        proposed_at TEXT NOT NULL,
        status TEXT NOT NULL,
        decided_by TEXT,
        decided_at TEXT,
        decision_note TEXT,
        target_position BIGINT,
        proposed_position BIGINT NOT NULL,
        version INTEGER NOT NULL""",
}
INDEXES = ("CREATE INDEX IF NOT EXISTS view_corrections_target ON view_corrections (target_position)",)

HANDLERS = Handlers()


def correction_row(cursor: Cursor, correction_id: UUID) -> dict[str, Any]:
    """The proposal's row; the audit log reads what it changes and who proposed it."""
    return cached_row(cursor, TABLE, "correction_id", correction_id)


def target_position(cursor: Cursor, event: Correction.Proposed) -> int | None:
    """The corrected event's row in the audit log, written when that earlier event was applied."""
    target = cursor.one(
        "SELECT position FROM view_audit WHERE subject_id = ? AND action = ? AND recorded_at = ?",
        (str(event.subject_id), event.action, event.target_recorded_at),
    )
    return int(target["position"]) if target else None


@HANDLERS.on(Correction.Proposed)
def proposed(cursor: Cursor, event: Correction.Proposed, position: int) -> None:
    changes = Changes(
        event.new_effective_on,
        event.new_basis,
        event.void,
        event.new_amount,
        event.new_term_months,
        event.new_starts_on,
        event.new_duration_months,
    )
    row = {
        "correction_id": str(event.originator_id),
        "subject_type": event.subject_type,
        "subject_id": str(event.subject_id),
        "household_id": str(event.household_id) if event.household_id else None,
        "event_version": event.event_version,
        "action": event.action,
        "label": event.label,
        "hamlet": event.hamlet,
        "changes": changes.describe(),
        "void": int(event.void),
        "reason": event.reason,
        "evidence": event.evidence,
        "proposed_by": event.actor,
        "proposed_at": event.timestamp.isoformat(),
        "status": "pending",
        "decided_by": None,
        "decided_at": None,
        "decision_note": None,
        "target_position": target_position(cursor, event),
        "proposed_position": position,
        "version": event.originator_version,
    }
    insert_row(cursor, TABLE, event.originator_id, row)


@HANDLERS.on(Correction.Approved, Correction.Rejected)
def decided(cursor: Cursor, event: Any, position: int) -> None:
    update_row(
        cursor,
        TABLE,
        "correction_id",
        correction_row(cursor, event.originator_id),
        status="approved" if isinstance(event, Correction.Approved) else "rejected",
        decided_by=event.actor,
        decided_at=event.timestamp.isoformat(),
        decision_note=event.note,
        version=event.originator_version,
    )


READ_MODEL = ReadModel("corrections", TABLES, HANDLERS, INDEXES)

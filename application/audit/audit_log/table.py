"""The audit log's tables and the one function that writes a row of it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from application.readmodels.database import Cursor
from application.readmodels.tables import iso
from domain.acts import RecordedAggregate

TABLES = {
    "view_audit": """
        position BIGINT PRIMARY KEY,
        recorded_at TEXT NOT NULL,
        subject_type TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        household_id TEXT,
        subject_label TEXT NOT NULL,
        hamlet TEXT NOT NULL,
        action TEXT NOT NULL,
        details TEXT NOT NULL,
        effective_on TEXT NOT NULL,
        actor TEXT NOT NULL,
        actor_role TEXT NOT NULL,
        basis_number TEXT NOT NULL,
        basis_issued_on TEXT,
        basis_issuer TEXT NOT NULL,
        note TEXT NOT NULL""",
    # A review step that concerns several households (meeting, posting, decision) is one audit row;
    # this lists the households it concerns, so each household's timeline shows it.
    "view_audit_households": """
        position BIGINT NOT NULL,
        household_id TEXT NOT NULL,
        PRIMARY KEY (position, household_id)""",
}
INDEXES = (
    "CREATE INDEX IF NOT EXISTS view_audit_subject ON view_audit (subject_id)",
    "CREATE INDEX IF NOT EXISTS view_audit_household ON view_audit (household_id)",
    "CREATE INDEX IF NOT EXISTS view_audit_actor ON view_audit (actor, recorded_at)",
    "CREATE INDEX IF NOT EXISTS view_audit_effective ON view_audit (effective_on)",
    "CREATE INDEX IF NOT EXISTS view_audit_households_household ON view_audit_households (household_id)",
)


def record_audit(cursor: Cursor, event: RecordedAggregate.Event, position: int, **row: Any) -> None:
    """The act's row: who, when, on which basis (from the event) and what it says (from the handler)."""
    basis = event.basis
    cursor.execute(
        "INSERT INTO view_audit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            position,
            event.timestamp.isoformat(),
            row["subject_type"],
            str(row.get("subject_id", event.originator_id)),
            row.get("household_id"),
            row["subject_label"],
            row["hamlet"],
            type(event).__qualname__,
            row.get("details", ""),
            event.effective_on.isoformat(),
            event.actor,
            event.actor_role,
            basis.number if basis else "",
            iso(basis.issued_on) if basis else None,
            basis.issuer if basis else "",
            event.note,
        ),
    )


def concerns(cursor: Cursor, position: int, household_ids: Iterable[object]) -> None:
    """The households one row concerns, for their timelines."""
    for household_id in household_ids:
        cursor.execute("INSERT INTO view_audit_households VALUES (?, ?)", (position, str(household_id)))

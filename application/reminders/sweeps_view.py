"""The sweeps read model (view_sweeps): each run of the reminders sweep, on which host, for which day,
and what it issued (the heartbeat's evidence for the completeness report)."""

from __future__ import annotations

from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers, ReadModel
from application.readmodels.tables import iso
from domain.sweep import Sweep

TABLES = {
    "view_sweeps": """
        sweep_id TEXT PRIMARY KEY,
        today TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        calendar_from TEXT NOT NULL,
        calendar_until TEXT NOT NULL,
        host TEXT NOT NULL,
        issued INTEGER,
        already_issued INTEGER,
        escalated INTEGER""",
}

HANDLERS = Handlers()


@HANDLERS.on(Sweep.Started)
def started(cursor: Cursor, event: Sweep.Started, position: int) -> None:
    cursor.execute(
        "INSERT INTO view_sweeps VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            str(event.originator_id),
            iso(event.today),
            event.timestamp.isoformat(),
            None,
            iso(event.calendar_from),
            iso(event.calendar_until),
            event.host,
            None,
            None,
            None,
        ),
    )


@HANDLERS.on(Sweep.Finished)
def finished(cursor: Cursor, event: Sweep.Finished, position: int) -> None:
    cursor.execute(
        "UPDATE view_sweeps SET finished_at = ?, issued = ?, already_issued = ?, escalated = ? WHERE sweep_id = ?",
        (event.timestamp.isoformat(), event.issued, event.already_issued, event.escalated, str(event.originator_id)),
    )


READ_MODEL = ReadModel("sweeps", TABLES, HANDLERS)

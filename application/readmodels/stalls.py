"""Stalled read models: the stored event no read-model handler could apply (issue 10 §1, design.md §2.8).

When applying an event fails, the read models stop before it and the failure is written here: its
position, the event (originator, version, topic), the error, and when it was first and last seen. The
table lives beside the hash chain, outside `schema.TABLES`, so a rebuild never loses it: a rebuild that
meets the same event records it again, one that gets past it marks it resolved. A stall is resolved only
by passing the event (an upcaster or a registered topic now decodes it: "applied") or by the operator's
corrective act recorded in the log (domain/read_model_skip.py: "skipped"); nothing here edits the log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from application.readmodels.database import Cursor

APPLIED = "applied"
SKIPPED = "skipped"
MAX_ERROR = 500

STALL_TABLE = """CREATE TABLE IF NOT EXISTS view_stalls (
    position BIGINT PRIMARY KEY,
    originator_id TEXT NOT NULL,
    originator_version BIGINT NOT NULL,
    topic TEXT NOT NULL,
    error TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    resolved_at TEXT,
    resolution TEXT NOT NULL DEFAULT '')"""


@dataclass(frozen=True)
class Stall:
    """Where the read models stopped: the event at `position` could not be applied."""

    position: int
    originator_id: str
    originator_version: int
    topic: str
    error: str
    first_seen: datetime
    last_seen: datetime
    resolved_at: datetime | None = None
    resolution: str = ""


def create_stall_table(cursor: Cursor) -> None:
    cursor.execute(STALL_TABLE)


def error_text(error: BaseException) -> str:
    """Printable, bounded: the error's own text must not be a second poison (a NUL byte on PostgreSQL)."""
    text = f"{type(error).__name__}: {error}"[:MAX_ERROR]
    return "".join(char if char.isprintable() else "?" for char in text)


def now() -> str:
    return datetime.now(UTC).isoformat()


def record_stall(cursor: Cursor, notification: Any, error: BaseException) -> None:
    """Records (or, met again, refreshes) the stall at the notification; the first sighting is kept."""
    seen = now()
    cursor.execute(
        "INSERT INTO view_stalls (position, originator_id, originator_version, topic, error, first_seen, last_seen)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (position) DO UPDATE SET error = excluded.error,"
        " last_seen = excluded.last_seen, resolved_at = NULL, resolution = ''",
        (
            notification.id,
            str(notification.originator_id),
            int(notification.originator_version),
            notification.topic,
            error_text(error),
            seen,
            seen,
        ),
    )


def resolve_stalls(cursor: Cursor, up_to: int, resolution: str) -> None:
    """Every open stall the read models have now got past is resolved, with how."""
    cursor.execute(
        "UPDATE view_stalls SET resolved_at = ?, resolution = ? WHERE resolved_at IS NULL AND position <= ?",
        (now(), resolution, up_to),
    )


def open_stall(cursor: Cursor) -> Stall | None:
    row = cursor.one("SELECT * FROM view_stalls WHERE resolved_at IS NULL ORDER BY position LIMIT 1")
    return stall_of(row) if row else None


def open_position(cursor: Cursor) -> int | None:
    stall = open_stall(cursor)
    return stall.position if stall else None


def stall_history(cursor: Cursor, limit: int = 20) -> list[Stall]:
    rows = cursor.all("SELECT * FROM view_stalls ORDER BY position DESC LIMIT ?", (limit,))
    return [stall_of(row) for row in rows]


def stall_of(row: dict[str, Any]) -> Stall:
    resolved = row["resolved_at"]
    return Stall(
        int(row["position"]),
        row["originator_id"],
        int(row["originator_version"]),
        row["topic"],
        row["error"],
        datetime.fromisoformat(row["first_seen"]),
        datetime.fromisoformat(row["last_seen"]),
        datetime.fromisoformat(resolved) if resolved else None,
        row["resolution"],
    )

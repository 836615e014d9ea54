"""Row helpers for read-model handlers: a page of events reads each row at most once (Cursor.rows)."""

from __future__ import annotations

from datetime import date
from typing import Any

from application.readmodels.database import Cursor


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def insert_row(cursor: Cursor, table: str, key: object, row: dict[str, Any]) -> None:
    """Inserts a row and keeps it for the rest of the page, so later events need not read it back."""
    columns = ", ".join(row)
    cursor.execute(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(row))})", tuple(row.values()))
    cursor.rows[(table, str(key))] = row


def cached_row(cursor: Cursor, table: str, key_column: str, key: object) -> dict[str, Any]:
    """The row as this transaction last left it: read once per page, then kept up to date by the handlers."""
    if (table, str(key)) not in cursor.rows:
        row = cursor.one(f"SELECT * FROM {table} WHERE {key_column} = ?", (str(key),))
        assert row is not None, f"{table} {key} projected before it was created"
        cursor.rows[(table, str(key))] = row
    return cursor.rows[(table, str(key))]


def update_row(cursor: Cursor, table: str, key_column: str, row: dict[str, Any], **changes: Any) -> None:
    assignments = ", ".join(f"{column} = ?" for column in changes)
    cursor.execute(f"UPDATE {table} SET {assignments} WHERE {key_column} = ?", (*changes.values(), row[key_column]))
    row.update(changes)

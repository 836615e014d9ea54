"""Server-side sessions and sign-in failure counters (issue 10 §4): operational state, not acts.

Kept as two plain tables beside the read models, not as events: a session is not a decision of the
commune, it must end (be deleted) at logout, and a counter changes on every failed attempt. Neither is
in `schema.TABLES`, so `giamngheo rebuild` leaves them alone: nobody is signed out by a rebuild, and a
lock-out keeps running. The sign-ins themselves stay events (`SignIn.LoggedIn`, `SignIn.LoginFailed`).

Only the SHA-256 of a session id is stored: a copy of the database opens no session. Times are whole
seconds since the epoch, compared the same way on SQLite and PostgreSQL; several web workers share
them through the database (not process memory), and each counter changes in one locked upsert.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from application.readmodels.database import ViewDatabase

SESSION_TABLES = {
    "web_sessions": """
        session_hash TEXT PRIMARY KEY,
        username TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL""",
    # One row per username and per client address that failed within the window (bounded: older rows
    # are pruned at every failure), whether or not the username exists.
    "sign_in_failures": """
        attempt_key TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        first_at BIGINT NOT NULL,
        locked_until BIGINT NOT NULL""",
}
SESSION_INDEXES = ["CREATE INDEX IF NOT EXISTS web_sessions_username ON web_sessions (username)"]

COUNT_FAILURE = """
    INSERT INTO sign_in_failures (attempt_key, failures, first_at, locked_until) VALUES (?, 1, ?, 0)
    ON CONFLICT (attempt_key) DO UPDATE SET
        failures = CASE WHEN sign_in_failures.first_at <= ? THEN 1 ELSE sign_in_failures.failures + 1 END,
        first_at = CASE WHEN sign_in_failures.first_at <= ? THEN excluded.first_at ELSE sign_in_failures.first_at END
"""
LOCK = "UPDATE sign_in_failures SET failures = 0, first_at = ?, locked_until = ? WHERE attempt_key = ?"


def session_digest(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


def create_session_tables(database: ViewDatabase) -> None:
    with database.writing() as cursor:
        for table, columns in SESSION_TABLES.items():
            cursor.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")
        for statement in SESSION_INDEXES:
            cursor.execute(statement)


class SessionStore:
    """Who is signed in with which session id, until when."""

    def __init__(self, database: ViewDatabase) -> None:
        self.database = database

    def open(self, username: str, now: int, lifetime: int) -> str:
        """A new random session id for the user (returned once, kept only as its digest)."""
        session_id = secrets.token_urlsafe(32)
        with self.database.writing() as cursor:
            cursor.execute("DELETE FROM web_sessions WHERE expires_at <= ?", (now,))
            row = (session_digest(session_id), username, now, now + lifetime)
            cursor.execute("INSERT INTO web_sessions VALUES (?, ?, ?, ?)", row)
        return session_id

    def username(self, session_id: str, now: int) -> str | None:
        with self.database.reading() as cursor:
            row = cursor.one(
                "SELECT username FROM web_sessions WHERE session_hash = ? AND expires_at > ?",
                (session_digest(session_id), now),
            )
        return str(row["username"]) if row else None

    def end(self, session_id: str) -> None:
        with self.database.writing() as cursor:
            cursor.execute("DELETE FROM web_sessions WHERE session_hash = ?", (session_digest(session_id),))

    def end_all(self, username: str, keep: str = "") -> int:
        """Ends every session of the user but the one given (the user's own, changing their password)."""
        with self.database.writing() as cursor:
            kept = session_digest(keep) if keep else ""
            count = cursor.one(
                "SELECT COUNT(*) AS n FROM web_sessions WHERE username = ? AND session_hash <> ?", (username, kept)
            )
            cursor.execute("DELETE FROM web_sessions WHERE username = ? AND session_hash <> ?", (username, kept))
        return int(count["n"]) if count else 0

    def count(self, username: str, now: int) -> int:
        with self.database.reading() as cursor:
            row = cursor.one(
                "SELECT COUNT(*) AS n FROM web_sessions WHERE username = ? AND expires_at > ?", (username, now)
            )
        return int(row["n"]) if row else 0


@dataclass(frozen=True)
class Limits:
    """GIAMNGHEO_SIGN_IN_*: failures allowed per key within the window, then locked for the lock-out."""

    window: int
    lockout: int


class FailureCounter:
    """Failed sign-ins per key ("user:…", "address:…"); a key reaching its limit is locked for a while."""

    def __init__(self, database: ViewDatabase, limits: Limits) -> None:
        self.database, self.limits = database, limits

    def locked_for(self, keys: list[str], now: int) -> int:
        """Seconds until every key is free again; 0 if none is locked."""
        marks = ", ".join("?" for _ in keys)
        with self.database.reading() as cursor:
            row = cursor.one(
                f"SELECT MAX(locked_until) AS locked FROM sign_in_failures WHERE attempt_key IN ({marks})", tuple(keys)
            )
        until = int(row["locked"]) if row and row["locked"] is not None else 0
        return max(0, until - now)

    def failed(self, limits: dict[str, int], now: int) -> list[str]:
        """Counts one failure on each key; a key reaching its limit (key → failures allowed) is locked.
        Returns the keys locked by this failure."""
        window_start = now - self.limits.window
        locked = []
        with self.database.writing() as cursor:  # its own transaction: the counting below locks rows in key order
            cursor.execute(
                "DELETE FROM sign_in_failures WHERE first_at <= ? AND locked_until <= ?", (window_start, now)
            )
        with self.database.writing() as cursor:
            for key, allowed in limits.items():
                cursor.execute(COUNT_FAILURE, (key, now, window_start, window_start))
                row = cursor.one("SELECT failures FROM sign_in_failures WHERE attempt_key = ?", (key,))
                if row and int(row["failures"]) >= allowed:
                    cursor.execute(LOCK, (now, now + self.limits.lockout, key))
                    locked.append(key)
        return locked

    def clear(self, key: str) -> None:
        with self.database.writing() as cursor:
            cursor.execute("DELETE FROM sign_in_failures WHERE attempt_key = ?", (key,))

"""The read models' SQL database: a SQLite file (or memory) or PostgreSQL, same statements.

Statements use `?` placeholders; the PostgreSQL cursor rewrites them to `%s`.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any, Protocol

from application.core.settings import sqlite_path

Row = dict[str, Any]


class Cursor(Protocol):
    rows: dict[tuple[str, str], Row]
    """Rows read or written in this transaction, so a page of events reads each row at most once."""

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None: ...
    def pipeline(self) -> AbstractContextManager[None]: ...
    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...
    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...
    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None: ...


class ViewDatabase(Protocol):
    dialect: str

    def writing(self) -> AbstractContextManager[Cursor]: ...
    def reading(self) -> AbstractContextManager[Cursor]: ...
    def close(self) -> None: ...


class SqliteCursor:
    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.rows: dict[tuple[str, str], Row] = {}

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.connection.execute(sql, params)

    def pipeline(self) -> AbstractContextManager[None]:
        return nullcontext()

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.connection.executemany(sql, rows)

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return [dict(row) for row in self.connection.execute(sql, params).fetchall()]

    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        row = self.connection.execute(sql, params).fetchone()
        return dict(row) if row else None


class SqliteDatabase:
    """One connection per process, guarded by a lock; BEGIN IMMEDIATE serialises writers across processes."""

    dialect = "sqlite"

    def __init__(self, path: str) -> None:
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.connection = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=30)
        self.connection.row_factory = sqlite3.Row
        self.connection.execute("PRAGMA busy_timeout = 30000")
        if path != ":memory:":
            self.connection.execute("PRAGMA journal_mode = WAL")
        self.lock = threading.RLock()

    @contextmanager
    def writing(self) -> Iterator[SqliteCursor]:
        with self.lock:
            self.connection.execute("BEGIN IMMEDIATE")
            try:
                yield SqliteCursor(self.connection)
            except BaseException:
                self.connection.execute("ROLLBACK")
                raise
            self.connection.execute("COMMIT")

    @contextmanager
    def reading(self) -> Iterator[SqliteCursor]:
        with self.lock:
            yield SqliteCursor(self.connection)

    def close(self) -> None:
        self.connection.close()


class PostgresCursor:
    def __init__(self, cursor: Any) -> None:
        self.cursor = cursor
        self.rows: dict[tuple[str, str], Row] = {}

    def execute(self, sql: str, params: Sequence[Any] = ()) -> None:
        self.cursor.execute(sql.replace("?", "%s"), params)

    @contextmanager
    def pipeline(self) -> Iterator[None]:
        """Pipeline mode: a page's writes go out without waiting for each round trip (eventsourcing.md §17)."""
        with self.cursor.connection.pipeline():
            yield

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.cursor.executemany(sql.replace("?", "%s"), rows)

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        self.cursor.execute(sql.replace("?", "%s"), params)
        return list(self.cursor.fetchall())

    def one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        self.cursor.execute(sql.replace("?", "%s"), params)
        row = self.cursor.fetchone()
        return dict(row) if row else None


class PostgresDatabase:
    dialect = "postgres"

    def __init__(self, conninfo: str) -> None:
        from psycopg.rows import dict_row
        from psycopg_pool import ConnectionPool

        self.pool = ConnectionPool(conninfo, min_size=1, max_size=10, kwargs={"row_factory": dict_row}, open=True)

    @contextmanager
    def writing(self) -> Iterator[PostgresCursor]:
        with self.pool.connection() as connection, connection.transaction(), connection.cursor() as cursor:
            yield PostgresCursor(cursor)

    reading = writing

    def close(self) -> None:
        self.pool.close()


def open_view_database(database: str) -> ViewDatabase:
    """SQLite views live in their own file beside the event store (eventsourcing.md §10.3)."""
    if database == "memory:":
        return SqliteDatabase(":memory:")
    if database.startswith("sqlite:"):
        events = Path(sqlite_path(database))
        return SqliteDatabase(str(events.with_name(events.stem + ".views" + events.suffix)))
    return PostgresDatabase(database)

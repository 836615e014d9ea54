"""Exactly one heartbeat: the process that holds this lock is the one that sweeps.

PostgreSQL: a session-level advisory lock on its own connection, released when the process dies.
SQLite: an exclusive lock on a file beside the database (fcntl.flock), released when the process dies.
In memory there is one process. Every scheduler asks for the lock before each run and skips the run
when another process holds it, so `serve` with several workers, a separate `scheduler`, or two
schedulers started by mistake still sweep once; the sweep itself stays idempotent as the last guard.
"""

from __future__ import annotations

import fcntl
import logging
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from application.core.settings import sqlite_path

# Any constant the deployment's other software does not use: pg_try_advisory_lock(bigint).
ADVISORY_KEY = 2_024_031_536

log = logging.getLogger(__name__)


class HeartbeatLock:
    def __init__(self, database: str) -> None:
        self.database = database
        self._connection: Any = None
        self._file: IO[str] | None = None
        self.held = database == "memory:"

    def try_acquire(self) -> bool:
        """True if this process holds the heartbeat (already or now); never waits."""
        if not self.held:
            self.held = self._acquire_sqlite() if self.database.startswith("sqlite:") else self._acquire_postgres()
        return self.held

    def _acquire_sqlite(self) -> bool:
        path = Path(sqlite_path(self.database)).with_suffix(".heartbeat.lock")
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = path.open("w")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        self._file = handle
        return True

    def _acquire_postgres(self) -> bool:
        import psycopg

        connection = psycopg.connect(self.database, autocommit=True)
        locked = connection.execute("SELECT pg_try_advisory_lock(%s)", (ADVISORY_KEY,)).fetchone()
        if locked is not None and locked[0]:
            self._connection = connection
            return True
        connection.close()
        return False

    def release(self) -> None:
        if self._file:
            self._file.close()
        if self._connection:
            self._connection.close()
        self._file = self._connection = None
        self.held = self.database == "memory:"

    def guard(self, run: Callable[[], object]) -> Callable[[], object]:
        """The run, but only in the process that holds the heartbeat."""

        def guarded() -> object:
            if self.try_acquire():
                return run()
            log.info("Another process holds the heartbeat; this one does not sweep.")
            return None

        return guarded

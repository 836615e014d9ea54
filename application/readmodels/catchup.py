"""Keeps the read models up to date with the event store, exactly once and in pages.

The position of the last applied notification is written in the same transaction as the page's
changes (design.md §2.3), and that transaction holds the write lock (BEGIN IMMEDIATE on SQLite,
SELECT … FOR UPDATE on PostgreSQL), so two processes catching up never apply a page twice.

Which read models there are and which handlers an event reaches is the registry's (registry.py),
given by the composition root (application/views.py); this machinery knows no capability.

An event no handler can apply (design.md §2.8) stalls the read models just before it (stalls.py,
guarded_apply.py): the stall is recorded, the views serve what they held, and the hash chain still
links every stored event (`_extend_chain`, the one place it grows), so the audit keeps working. This
process then only links new events; it tries the event again after RETRY_SECONDS, on restart, on
`retry()` (`giamngheo catch-up`), on `rebuild()`, or at once when another process has resolved it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.application import Application
from eventsourcing.persistence import ApplicationRecorder

from application.readmodels import stalls
from application.readmodels.database import Cursor, ViewDatabase
from application.readmodels.guarded_apply import Outcome, apply_page
from application.readmodels.registry import Registry
from domain.read_model_skip import skip_id

log = logging.getLogger(__name__)

VIEWS_NAME = "ledger_views"
# Bump when a view table changes shape: a database built under another version is rebuilt at start-up.
SCHEMA_VERSION = 10  # 10: the dashboard's own read model (application/plan/dashboard_view/)
PAGE_SIZE = 500
RETRY_SECONDS = 600  # a stalled process tries the event again this often (a transient failure heals itself)
POSITION_COLUMNS = """
        name TEXT PRIMARY KEY,
        notification_id BIGINT NOT NULL"""


@dataclass(frozen=True)
class Chain:
    """The log's hash chain, linked in the same locked transaction as each page (application/audit/chain.py)."""

    create: Callable[[Cursor], None]
    extend: Callable[..., int]
    """(cursor, recorder, until, page, after=…) -> how many new links were written (0: nothing to seal)."""


class ReadModels:
    def __init__(
        self,
        database: ViewDatabase,
        store: Application[UUID],
        registry: Registry,
        chain: Chain,
        page_size: int = PAGE_SIZE,
    ) -> None:
        self.database, self.store, self.page_size = database, store, page_size
        self.registry, self.chain = registry, chain
        self._known_position = -1
        self._stalled_at: int | None = None  # this process met an event it cannot apply there
        self._retry_at = 0.0
        with database.writing() as cursor:
            self._create(cursor)
            outdated = self._schema_version(cursor) != SCHEMA_VERSION
            self._open_stall = stalls.open_position(cursor)
        if outdated:
            self.rebuild()

    def _create(self, cursor: Cursor) -> None:
        cursor.execute(f"CREATE TABLE IF NOT EXISTS view_position ({POSITION_COLUMNS})")
        self.registry.create(cursor)
        self.chain.create(cursor)  # outside the registry's tables: a rebuild never drops the log's hash chain
        stalls.create_stall_table(cursor)  # outside too: a rebuild records a stall again or resolves it, never loses it
        cursor.execute(
            "INSERT INTO view_position (name, notification_id) VALUES (?, 0) ON CONFLICT (name) DO NOTHING",
            (VIEWS_NAME,),
        )

    def seal(self, cursor: Cursor, recorder: ApplicationRecorder) -> None:
        """Signs the chain's new head; the ledger sets its notary here (application/audit/notary.py)."""

    def _schema_version(self, cursor: Cursor) -> int | None:
        row = cursor.one("SELECT notification_id FROM view_position WHERE name = 'schema_version'")
        return int(row["notification_id"]) if row else None

    @contextmanager
    def reading(self) -> Iterator[Cursor]:
        """Read-your-writes in one place: the views first catch up with the log (a write of another
        process too; a cheap look at the log's head when nothing is new), then the cursor reads them."""
        self.catch_up()
        with self.database.reading() as cursor:
            yield cursor

    def catch_up(self) -> int:
        """Applies every notification not yet applied; returns how many were applied."""
        head = self.store.recorder.max_notification_id() or 0
        if head <= self._known_position:
            return 0
        if self._stalled_at is not None and self._still_stalled():
            self._link_only(head)  # a cheap check per request, not the failing event again
            return 0
        self._stalled_at = None
        applied = page_applied = self._apply_next_page()
        while page_applied == self.page_size and self._stalled_at is None:  # a short page: the head was reached
            page_applied = self._apply_next_page()
            applied += page_applied
        if self._stalled_at is not None:
            self._link_only(head)
        return applied

    def catch_up_after_write(self) -> None:
        """After an event is saved the write has happened: no failure here may answer it as failed."""
        try:
            self.catch_up()
        except Exception:
            log.exception("Read models did not catch up after a saved write; the next read tries again")

    def retry(self) -> int:
        """Tries a stalled event again now (after an upcaster is deployed, or a skip was recorded)."""
        self._stalled_at, self._known_position = None, -1
        return self.catch_up()

    def stall(self) -> stalls.Stall | None:
        """The open stall, as recorded by whichever process met it."""
        with self.database.reading() as cursor:
            return stalls.open_stall(cursor)

    def _still_stalled(self) -> bool:
        if time.monotonic() >= self._retry_at:
            return False
        stall = self.stall()
        return stall is not None and stall.position == self._stalled_at

    def _link_only(self, head: int) -> None:
        """The views wait at the stall; the chain still links every stored event (the audit's evidence)."""
        with self.database.writing() as cursor:
            self._locked_position(cursor)
            self._extend_chain(cursor, head)
        self._known_position = head

    def _extend_chain(self, cursor: Cursor, until: int, page: Sequence[Any] = (), after: int = -1) -> None:
        """The one place the hash chain grows, inside the caller's locked transaction."""
        if self.chain.extend(cursor, self.store.recorder, until, page, after=after):
            self.seal(cursor, self.store.recorder)  # issue 10 §7: a signed checkpoint after every write batch

    def _apply_next_page(self) -> int:
        with self.database.writing() as cursor:
            applied = self._apply_page(cursor)
        return applied

    def _apply_page(self, cursor: Cursor) -> int:
        position = self._locked_position(cursor)
        page = self.store.recorder.select_notifications(start=position, limit=self.page_size, inclusive_of_start=False)
        if page:
            outcome = apply_page(cursor, page, self.store.mapper.to_domain_event, self._skipped, self.registry.apply)
            self._extend_chain(cursor, page[-1].id, page, after=position)  # same locked transaction
            position = self._advance(cursor, page, outcome, position)
            self._known_position = position
            return outcome.consumed
        self._known_position = position
        return 0

    def _advance(self, cursor: Cursor, page: Sequence[Any], outcome: Outcome, position: int) -> int:
        if outcome.consumed:
            position = page[outcome.consumed - 1].id
            cursor.execute("UPDATE view_position SET notification_id = ? WHERE name = ?", (position, VIEWS_NAME))
        if outcome.skipped:
            stalls.resolve_stalls(cursor, outcome.skipped[-1], stalls.SKIPPED)
        if self._open_stall is not None and position >= self._open_stall:
            stalls.resolve_stalls(cursor, position, stalls.APPLIED)  # an upcaster or a fix let it through
            self._open_stall = None
        if outcome.failure:
            self._stall(cursor, outcome.failure.notification, outcome.failure.error)
        return position

    def _stall(self, cursor: Cursor, notification: Any, error: Exception) -> None:
        stalls.record_stall(cursor, notification, error)
        self._stalled_at = self._open_stall = notification.id
        self._retry_at = time.monotonic() + RETRY_SECONDS
        log.error("Read models stalled at position %s (%s): %r", notification.id, notification.topic, error)

    def _skipped(self, position: int) -> bool:
        """Whether the operator recorded in the log that the read models skip this position."""
        return bool(self.store.recorder.select_events(skip_id(position), limit=1))

    def _locked_position(self, cursor: Cursor) -> int:
        lock = " FOR UPDATE" if self.database.dialect == "postgres" else ""
        row = cursor.one(f"SELECT notification_id FROM view_position WHERE name = ?{lock}", (VIEWS_NAME,))
        assert row is not None
        return int(row["notification_id"])

    def position(self) -> int:
        with self.database.reading() as cursor:
            row = cursor.one("SELECT notification_id FROM view_position WHERE name = ?", (VIEWS_NAME,))
            return int(row["notification_id"]) if row else 0

    def rebuild(self) -> int:
        """Drops every read model and replays the whole log, in one transaction: readers see the old
        views until the new ones are complete, and a failed rebuild leaves the old ones in place. A
        rebuild that meets an event it cannot apply builds the views up to it and records the stall."""
        self._known_position, self._stalled_at = -1, None
        head = self.store.recorder.max_notification_id() or 0
        with self.database.writing() as cursor:
            self.registry.drop(cursor)
            cursor.execute("DROP TABLE IF EXISTS view_position")
            self._create(cursor)
            cursor.execute(
                "INSERT INTO view_position (name, notification_id) VALUES ('schema_version', ?)", (SCHEMA_VERSION,)
            )
            self._open_stall = stalls.open_position(cursor)
            applied = page_applied = self._apply_page(cursor)
            while page_applied and self._stalled_at is None:
                page_applied = self._apply_page(cursor)
                applied += page_applied
            self._extend_chain(cursor, head)  # a stalled rebuild still links the whole log
        if self._stalled_at is not None:
            self._known_position = head
        return applied

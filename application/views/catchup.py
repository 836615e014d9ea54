"""Keeps the read models up to date with the event store, exactly once and in pages.

The position of the last applied notification is written in the same transaction as the page's
changes (design.md §2.3), and that transaction holds the write lock (BEGIN IMMEDIATE on SQLite,
SELECT … FOR UPDATE on PostgreSQL), so two processes catching up never apply a page twice.
"""

from __future__ import annotations

from eventsourcing.application import Application

from application.chain import create_chain_tables, extend_chain
from application.views import (  # noqa: F401  (register their handlers)
    correction_projector,
    loan_request_projector,
    review_projector,
    user_projector,
)
from application.views.database import Cursor, ViewDatabase
from application.views.projector import apply_event
from application.views.schema import create_tables, drop_tables

VIEWS_NAME = "ledger_views"
# Bump when a view table changes shape: a database built under another version is rebuilt at start-up.
SCHEMA_VERSION = 9
PAGE_SIZE = 500


class ReadModels:
    def __init__(self, database: ViewDatabase, store: Application, page_size: int = PAGE_SIZE) -> None:
        self.database, self.store, self.page_size = database, store, page_size
        self._known_position = -1
        with database.writing() as cursor:
            self._create(cursor)
            outdated = self._schema_version(cursor) != SCHEMA_VERSION
        if outdated:
            self.rebuild()

    def _create(self, cursor: Cursor) -> None:
        create_tables(cursor)
        create_chain_tables(cursor)  # outside schema.TABLES: a rebuild never drops the log's hash chain
        cursor.execute(
            "INSERT INTO view_position (name, notification_id) VALUES (?, 0) ON CONFLICT (name) DO NOTHING",
            (VIEWS_NAME,),
        )

    def seal(self, cursor: Cursor, recorder: object) -> None:
        """Signs the chain's new head; the ledger sets its notary here (application/notary.py)."""

    def _schema_version(self, cursor: Cursor) -> int | None:
        row = cursor.one("SELECT notification_id FROM view_position WHERE name = 'schema_version'")
        return int(row["notification_id"]) if row else None

    def catch_up(self) -> int:
        """Applies every notification not yet applied; returns how many were applied."""
        head = self.store.recorder.max_notification_id() or 0
        if head <= self._known_position:
            return 0
        applied = page_applied = self._apply_next_page()
        while page_applied == self.page_size:  # a short page means the head was reached
            page_applied = self._apply_next_page()
            applied += page_applied
        return applied

    def _apply_next_page(self) -> int:
        with self.database.writing() as cursor:
            applied = self._apply_page(cursor)
        return applied

    def _apply_page(self, cursor: Cursor) -> int:
        position = self._locked_position(cursor)
        page = self.store.recorder.select_notifications(start=position, limit=self.page_size, inclusive_of_start=False)
        with cursor.pipeline():
            for notification in page:
                apply_event(cursor, self.store.mapper.to_domain_event(notification), notification.id)
        if page:
            if extend_chain(cursor, self.store.recorder, page[-1].id, page, after=position):  # same locked transaction
                self.seal(cursor, self.store.recorder)  # issue 10 §7: a signed checkpoint after every write batch
            position = page[-1].id
            cursor.execute("UPDATE view_position SET notification_id = ? WHERE name = ?", (position, VIEWS_NAME))
        self._known_position = position
        return len(page)

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
        views until the new ones are complete, and a failed rebuild leaves the old ones in place."""
        self._known_position = -1
        with self.database.writing() as cursor:
            drop_tables(cursor)
            self._create(cursor)
            cursor.execute(
                "INSERT INTO view_position (name, notification_id) VALUES ('schema_version', ?)", (SCHEMA_VERSION,)
            )
            applied = page_applied = self._apply_page(cursor)
            while page_applied:
                page_applied = self._apply_page(cursor)
                applied += page_applied
        return applied

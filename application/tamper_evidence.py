"""Tamper evidence of the log (issue 5 §1, §2): its head, signed checkpoints and the check of the live log."""

from __future__ import annotations

import logging
from typing import Any

from application.audit_verify import LogVerdict, verify_chain
from application.chain import GENESIS, Link, chain_head, event_canonical, extend_chain, link_hash, stored_events
from application.chain import stored_links as links_after
from application.checkpoints import (
    DAILY,
    ON_REQUEST,
    REPORT_EXPORT,
    Checkpoint,
    sign,
    signature_valid,
    store_checkpoint,
    stored_checkpoints,
)
from application.ledger import LedgerCore
from domain.acts import DomainError

log = logging.getLogger(__name__)


class TamperedLogError(DomainError):
    """The log no longer matches its chain: nothing is signed over it."""


class TamperEvidenceCases(LedgerCore):
    def log_head(self) -> Link:
        """The last linked position and its hash: one indexed query, shown on every page."""
        with self.views.database.reading() as cursor:
            return chain_head(cursor)

    def chain_up(self) -> Link:
        """Links every event recorded so far; a log recorded before the chain existed gets it on first use."""
        self.views.catch_up()
        until = self.store.recorder.max_notification_id() or 0
        with self.views.database.writing() as cursor:
            self._lock_catch_up(cursor)
            extend_chain(cursor, self.store.recorder, until)
            return chain_head(cursor)

    def _lock_catch_up(self, cursor: Any) -> None:
        """The catch-up's lock (its position row), so the two never append the same link."""
        if self.views.database.dialect == "postgres":
            cursor.one("SELECT notification_id FROM view_position WHERE name = 'ledger_views' FOR UPDATE")

    def checkpoint(self, reason: str = ON_REQUEST) -> Checkpoint:
        """Signs the chain's head, after checking the events since the last signed checkpoint still hash to it."""
        head = self.chain_up()
        key = self.settings.audit_secret()
        with self.views.database.reading() as cursor:
            signed = [c for c in stored_checkpoints(cursor) if signature_valid(key, c)]
        since = max(signed, key=lambda c: c.position, default=None)
        self._require_segment_intact(since, head)
        checkpoint = sign(key, head.position, head.hash, self.clock(), reason)
        with self.views.database.writing() as cursor:
            store_checkpoint(cursor, checkpoint)
        return checkpoint

    def _require_segment_intact(self, since: Checkpoint | None, head: Link) -> None:
        position, recomputed = (since.position, since.head_hash) if since else (0, GENESIS)
        if position > head.position:
            raise TamperedLogError(f"Sổ chỉ còn đến bản ghi số {head.position}, mốc đã ký đến số {position}.")
        for event in stored_events(self.store.recorder, position, head.position):
            recomputed = link_hash(recomputed, event_canonical(event))
        if recomputed != head.hash:
            raise TamperedLogError(
                f"Các bản ghi từ sau số {position} đến số {head.position} không khớp chuỗi băm; không ký mốc mới."
                " Hãy chạy “giamngheo audit verify”."
            )

    def daily_checkpoint(self) -> Checkpoint | None:
        """The sweep's daily checkpoint; a log found tampered with is logged loudly, and the sweep goes on."""
        try:
            return self.checkpoint(DAILY)
        except TamperedLogError as error:
            log.error("No daily checkpoint: %s", error.message)
            return None

    def export_stamp(self, reason: str = REPORT_EXPORT) -> Link:
        """Signs a checkpoint for an export and returns the (position, head hash) the export shows."""
        checkpoint = self.checkpoint(reason)
        return Link(checkpoint.position, checkpoint.head_hash)

    def verify_log(self) -> LogVerdict:
        self.chain_up()
        with self.views.database.reading() as cursor:
            checkpoints = stored_checkpoints(cursor)
        return verify_chain(
            stored_events(self.store.recorder),
            lambda: links_after(self.views.database.reading),
            checkpoints,
            self.settings.audit_secret(),
            self.timezone,
        )

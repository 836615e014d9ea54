"""Tamper evidence of the log (issue 5 §1, §2): its head, signed checkpoints and the check of the live log."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from application.audit.chain import Link, chain_head, extend_chain, stored_events
from application.audit.chain import stored_links as links_after
from application.audit.checkpoints import DAILY, ON_REQUEST, REPORT_EXPORT, Checkpoint, stored_checkpoints
from application.audit.notary import MissingAuditKeyError, TamperedLogError, audit_key
from application.audit.verify import LogVerdict, verify_chain
from application.audit.witness import read_witness
from application.core.capability import CapabilityService
from domain.acts import DomainError

__all__ = ["MissingAuditKeyError", "TamperEvidenceCases", "TamperedLogError"]

log = logging.getLogger(__name__)


class TamperEvidenceCases(CapabilityService):
    def log_head(self) -> Link:
        """The last linked position and its hash: one indexed query, shown on every page."""
        with self.views.database.reading() as cursor:
            return chain_head(cursor)

    def chain_up(self) -> Link:
        """Links every event recorded so far; a log recorded before the chain existed gets it on first use."""
        self.views.catch_up()
        until = self.store.recorder.max_notification_id() or 0
        with self.views.database.writing() as cursor:
            self.lock_catch_up(cursor)
            extend_chain(cursor, self.store.recorder, until)
            return chain_head(cursor)

    def lock_catch_up(self, cursor: Any) -> None:
        """The catch-up's lock (its position row), so the two never append the same link."""
        if self.views.database.dialect == "postgres":
            cursor.one("SELECT notification_id FROM view_position WHERE name = 'ledger_views' FOR UPDATE")

    def audit_key(self) -> bytes:
        with self.views.database.reading() as cursor:
            return audit_key(self.settings, cursor)

    def checkpoint(self, reason: str = ON_REQUEST) -> Checkpoint:
        """Signs the chain's head, after checking the events since the last signed checkpoint still hash to it."""
        self.chain_up()
        with self.views.database.writing() as cursor:
            self.lock_catch_up(cursor)
            return self.notary.sign_head(cursor, self.store.recorder, reason)

    def daily_checkpoint(self) -> Checkpoint | None:
        """The sweep's daily checkpoint; a log found tampered with is logged loudly, and the sweep goes on."""
        try:
            return self.checkpoint(DAILY)
        except DomainError as error:
            log.error("No daily checkpoint: %s", error.message)
            return None

    def export_stamp(self, reason: str = REPORT_EXPORT) -> Link:
        """Signs a checkpoint for an export and returns the (position, head hash) the export shows."""
        checkpoint = self.checkpoint(reason)
        return Link(checkpoint.position, checkpoint.head_hash)

    def verify_log(self, witness: Path | None = None) -> LogVerdict:
        """`witness`: a witness file, whose checkpoints name heads the database may no longer have (cut tails)."""
        self.chain_up()
        with self.views.database.reading() as cursor:
            checkpoints = stored_checkpoints(cursor)
        witnessed, unreadable = read_witness(witness) if witness else ([], [])
        return verify_chain(
            stored_events(self.store.recorder),
            lambda: links_after(self.views.database.reading),
            checkpoints,
            self.audit_key(),
            self.timezone,
            witnessed=witnessed,
            unreadable=unreadable,
        )

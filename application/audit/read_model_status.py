"""The read models' state for the operator and the chair, and the recovery from a stall (issue 10 §1).

A stall (application/readmodels/stalls.py) is recovered without editing the log, in one of two ways:
an upcaster or a registered topic deployed in the code makes the stored event applicable (then
`retry_read_models`, `giamngheo catch-up`, a restart or `giamngheo rebuild` gets past it); or the
chair records the corrective act `skip_stalled_event` (domain/read_model_skip.py), attributed and
with a reason, after which the official records the act as it should have been.
"""

from __future__ import annotations

from dataclasses import dataclass

from application.audit.chain import Link, chain_head
from application.audit.checkpoints import Checkpoint, checkpoint_of
from application.core.capability import CapabilityService
from application.core.errors import ConflictError
from application.core.ledger_core import Entry, Recorded
from application.readmodels.stalls import Stall
from domain.read_model_skip import ReadModelSkip
from domain.user import Actor


@dataclass(frozen=True)
class ReadModelStatus:
    log_head: int
    """The last position stored in the event log."""
    views_position: int
    """The last position the read models applied (or skipped)."""
    chain: Link
    stall: Stall | None
    last_checkpoint: Checkpoint | None

    @property
    def behind(self) -> int:
        return self.log_head - self.views_position


class ReadModelStatusCases(CapabilityService):
    def read_model_status(self) -> ReadModelStatus:
        log_head = self.store.recorder.max_notification_id() or 0
        with self.views.reading() as cursor:
            chain = chain_head(cursor)
            row = cursor.one("SELECT * FROM audit_checkpoints ORDER BY position DESC, signed_at DESC LIMIT 1")
        checkpoint = checkpoint_of(row) if row else None
        return ReadModelStatus(log_head, self.views.position(), chain, self.views.stall(), checkpoint)

    def rebuild_read_models(self) -> int:
        return self.views.rebuild()

    def stalled_read_models(self) -> Stall | None:
        """One indexed query, for the chair's banner on every page."""
        return self.views.stall()

    def retry_read_models(self) -> ReadModelStatus:
        self.views.retry()
        return self.read_model_status()

    def skip_stalled_event(self, actor: Actor, position: int, reason: str, entry: Entry) -> Recorded:
        """The chair's corrective act: the read models pass over the stalled event, which stays in the log."""
        actor.require_leader("cho các bảng đọc bỏ qua một bản ghi")
        self.views.retry()  # the stall may be gone already (an upcaster deployed since)
        stall = self.views.stall()
        if stall is None or stall.position != position:
            where = f"bản ghi số {stall.position}" if stall else "không có bản ghi nào"
            raise ConflictError(f"Các bảng đọc không dừng ở bản ghi số {position} ({where} đang chặn).")
        act = self.core.act(actor, entry)
        skip = ReadModelSkip.record(position, stall.originator_id, stall.topic, stall.error, reason, act)
        recorded = self.core.record(entry, skip.id, skip)
        self.views.retry()
        return recorded

"""Signs the chain's head after every write batch, and appends each checkpoint to the witness (issue 10 §6, §7).

Checkpoints signed only daily left the newest events unprotected: whoever deleted them together with
their links after the last checkpoint left no trace. So the catch-up of the read models, once it has
linked a page of new events, signs the new head in the same locked transaction (`Notary.seal`), and
the checkpoint is also appended to the witness file outside the database. The witness line is written
before the commit: the links are a function of events already committed to the store, so a retried
page links the same positions to the same hashes, and the witness never names a head the chain will
not have.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from application.audit.chain import (
    GENESIS,
    Link,
    MalformedEventError,
    Recorder,
    chain_head,
    event_canonical,
    link_hash,
    stored_events,
)
from application.audit.checkpoints import WRITE, Checkpoint, latest_signed, sign, store_checkpoint
from application.audit.witness import Witness
from application.core.settings import Settings
from application.readmodels.database import Cursor
from domain.acts import DomainError

log = logging.getLogger(__name__)


class TamperedLogError(DomainError):
    """The log no longer matches its chain: nothing is signed over it."""


class MissingAuditKeyError(DomainError):
    """Checkpoints were signed with a key this process cannot find: a new key would call them all forged."""


def audit_key(settings: Settings, cursor: Cursor) -> bytes:
    """The checkpoint key; a fresh one is generated only while no checkpoint has been signed (issue 10 §6)."""
    if not settings.has_audit_key() and cursor.one("SELECT position FROM audit_checkpoints LIMIT 1"):
        raise MissingAuditKeyError(
            f"Không tìm thấy khóa ký mốc ({settings.audit_key_path()}) nhưng sổ đã có mốc đã ký: không tạo khóa"
            " mới, vì khóa mới sẽ làm mọi mốc cũ thành giả. Hãy đặt GIAMNGHEO_DATA_DIR là thư mục dữ liệu có"
            " tệp audit_key (hoặc GIAMNGHEO_AUDIT_KEY), hoặc chép lại tệp audit_key từ bản sao lưu."
        )
    return settings.audit_secret()


def require_segment_intact(recorder: Recorder, since: Checkpoint | None, head: Link) -> None:
    """The events after the last signed checkpoint must still hash to the head about to be signed."""
    position, recomputed = (since.position, since.head_hash) if since else (0, GENESIS)
    if position > head.position:
        raise TamperedLogError(f"Sổ chỉ còn đến bản ghi số {head.position}, mốc đã ký đến số {position}.")
    try:
        for event in stored_events(recorder, position, head.position):
            recomputed = link_hash(recomputed, event_canonical(event))
    except MalformedEventError as error:
        raise TamperedLogError(f"{error} Không ký mốc mới.") from None
    if recomputed != head.hash:
        raise TamperedLogError(
            f"Các bản ghi từ sau số {position} đến số {head.position} không khớp chuỗi băm; không ký mốc mới."
            " Hãy chạy “giamngheo audit verify”."
        )


class Notary:
    def __init__(self, settings: Settings, clock: Callable[[], datetime]) -> None:
        self.settings, self.clock = settings, clock
        self.witness = Witness(Path(settings.witness_path), settings.witness_fsync) if settings.witness_path else None
        self._key: bytes | None = None
        self._refused = ""  # once a tampered log is found, later writes do not re-hash it: it stays refused

    def key(self, cursor: Cursor) -> bytes:
        if self._key is None:
            self._key = audit_key(self.settings, cursor)
        return self._key

    def sign_head(self, cursor: Cursor, recorder: Recorder, reason: str) -> Checkpoint:
        """Inside the caller's write transaction, which holds the catch-up's lock."""
        head = chain_head(cursor)
        key = self.key(cursor)
        require_segment_intact(recorder, latest_signed(cursor, key), head)
        checkpoint = sign(key, head.position, head.hash, self.clock(), reason)
        store_checkpoint(cursor, checkpoint)
        if self.witness:
            self.witness.append(checkpoint)
        return checkpoint

    def seal(self, cursor: Cursor, recorder: Recorder) -> None:
        """After a page of new links: the write was saved, so a refusal to sign is logged, never raised."""
        try:
            if self._refused:
                raise TamperedLogError(self._refused)
            self.sign_head(cursor, recorder, WRITE)
        except TamperedLogError as error:
            self._refused = error.message
            log.error("No checkpoint after this write: %s", error.message)
        except DomainError as error:
            log.error("No checkpoint after this write: %s", error.message)
        except OSError as error:  # the witness's disk: the checkpoint is in the database, the write stands
            log.error("Checkpoint not written to the witness %s: %s", self.settings.witness_path, error)

"""Signed checkpoints of the hash chain: the head (position and hash) at a moment, signed with HMAC-SHA256.

Someone able to rewrite the database could rewrite the events and recompute every link, but not sign
a checkpoint without the key (settings.audit_key): so a rewritten log disagrees with the checkpoints
signed before it. The sweep signs one each day; every export signs one, and shows it (issue 5 §1).
HMAC rather than Ed25519 so that the inspector's verifier needs nothing but the Python standard
library; the inspector is handed the key with the export, by the commune, apart from it.
"""

from __future__ import annotations

import hashlib
import hmac
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from application.readmodels.database import Cursor

# The reasons a checkpoint is signed, as stored (schema: never rename).
DAILY = "daily"
AUDIT_EXPORT = "audit-export"
REPORT_EXPORT = "report-export"
ON_REQUEST = "on-request"
WRITE = "write"
REASON_LABELS = {
    WRITE: "sau khi ghi",
    DAILY: "hằng ngày",
    AUDIT_EXPORT: "xuất hồ sơ kiểm tra",
    REPORT_EXPORT: "xuất báo cáo",
    ON_REQUEST: "theo yêu cầu",
}


@dataclass(frozen=True)
class Checkpoint:
    position: int
    head_hash: str
    signed_at: str
    reason: str
    signature: str

    def message(self) -> bytes:
        return signed_message(self.position, self.head_hash, self.signed_at, self.reason)

    def as_record(self) -> dict[str, object]:
        return {
            "position": self.position,
            "head_hash": self.head_hash,
            "signed_at": self.signed_at,
            "reason": self.reason,
            "signature": self.signature,
        }


def signed_message(position: int, head_hash: str, signed_at: str, reason: str) -> bytes:
    return f"{position}|{head_hash}|{signed_at}|{reason}".encode()


def sign(key: bytes, position: int, head_hash: str, signed_at: datetime, reason: str) -> Checkpoint:
    at = signed_at.astimezone(UTC).isoformat()
    signature = hmac.new(key, signed_message(position, head_hash, at, reason), hashlib.sha256).hexdigest()
    return Checkpoint(position, head_hash, at, reason, signature)


def signature_valid(key: bytes, checkpoint: Checkpoint) -> bool:
    expected = hmac.new(key, checkpoint.message(), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, checkpoint.signature)


def store_checkpoint(cursor: Cursor, checkpoint: Checkpoint) -> None:
    cursor.execute(
        "INSERT INTO audit_checkpoints (checkpoint_id, position, head_hash, signed_at, reason, signature)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (str(uuid.uuid4()), *checkpoint.as_record().values()),
    )


def stored_checkpoints(cursor: Cursor, first: int = 0, last: int | None = None) -> list[Checkpoint]:
    sql, params = "SELECT * FROM audit_checkpoints WHERE position >= ?", [first]
    if last is not None:
        sql, params = sql + " AND position <= ?", [*params, last]
    rows = cursor.all(sql + " ORDER BY signed_at, position", params)
    return [checkpoint_of(row) for row in rows]


def checkpoint_of(row: dict[str, object]) -> Checkpoint:
    fields = (str(row[name]) for name in ("head_hash", "signed_at", "reason", "signature"))
    return Checkpoint(int(str(row["position"])), *fields)


def latest_signed(cursor: Cursor, key: bytes, page: int = 50) -> Checkpoint | None:
    """The validly signed checkpoint furthest along the log, read newest first: one row in the usual case,
    so signing after every write stays cheap however many checkpoints there are (issue 10 §7)."""
    offset = 0
    while True:
        rows = cursor.all(
            "SELECT * FROM audit_checkpoints ORDER BY position DESC, signed_at DESC LIMIT ? OFFSET ?", (page, offset)
        )
        for checkpoint in map(checkpoint_of, rows):
            if signature_valid(key, checkpoint):
                return checkpoint
        if len(rows) < page:
            return None
        offset += page

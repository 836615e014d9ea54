"""The hash chain over the event log, in notification order: the log's tamper evidence (issue 5 §1).

Each link is SHA-256 over the previous link's 32 bytes and the canonical JSON of one stored event as
the store holds it (position, originator id and version, topic, the state bytes in base64), so a
changed, deleted, inserted or reordered event breaks the chain at its position. The first link's
previous hash is 64 zeros. The links live in `audit_chain` in the read-model database but outside
`schema.TABLES`: a read-model rebuild must never drop them, or it would re-hash a tampered log.
The standalone verifier (application/audit/standalone_verifier.py) repeats `canonical` and `link_hash`
with the standard library alone; a test keeps the two in step.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from uuid import UUID

from application.readmodels.database import Cursor

GENESIS = "0" * 64
CHAIN_PAGE = 1000

CHAIN_TABLES = {
    "audit_chain": """
        position BIGINT PRIMARY KEY,
        hash TEXT NOT NULL""",
    "audit_checkpoints": """
        checkpoint_id TEXT PRIMARY KEY,
        position BIGINT NOT NULL,
        head_hash TEXT NOT NULL,
        signed_at TEXT NOT NULL,
        reason TEXT NOT NULL,
        signature TEXT NOT NULL""",
}


class StoredEvent(Protocol):
    """A notification of the library's recorder: the stored event and its position in the log (read-only
    members, so that an UnreadableEvent, frozen, stands for one)."""

    @property
    def id(self) -> int: ...
    @property
    def originator_id(self) -> UUID | str: ...
    @property
    def originator_version(self) -> int: ...
    @property
    def topic(self) -> str: ...
    @property
    def state(self) -> bytes: ...


class Recorder(Protocol):
    def select_notifications(
        self, start: int | None, limit: int, stop: int | None = None, *, inclusive_of_start: bool = True
    ) -> Sequence[Any]: ...

    def max_notification_id(self) -> int | None: ...


@dataclass(frozen=True)
class Link:
    position: int
    hash: str


def canonical(position: int, originator_id: str, originator_version: int, topic: str, state: bytes) -> bytes:
    record = {
        "position": position,
        "originator_id": originator_id,
        "originator_version": originator_version,
        "topic": topic,
        "state": base64.b64encode(state).decode("ascii"),
    }
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


class MalformedEventError(ValueError):
    """A stored value of the wrong type (raw SQL put text where bytes were, say): named, not a crash (issue 10 §7)."""

    def __init__(self, position: int, message: str) -> None:
        super().__init__(message)
        self.position = position


def wrong_type(position: int, column: str, value: object) -> MalformedEventError:
    kind = type(value).__name__
    return MalformedEventError(position, f"Bản ghi số {position}: cột {column} có giá trị sai kiểu ({kind}).")


@dataclass(frozen=True)
class UnreadableEvent:
    """A stored row the library itself cannot read (an originator id that is no UUID, text for bytes)."""

    id: int
    error: str
    originator_id: str = ""
    originator_version: int = 0
    topic: str = ""
    state: bytes = b""


def event_canonical(event: StoredEvent, position: int | None = None) -> bytes:
    """`position` lets the verifier ask whether an event belongs at another place in the log."""
    if isinstance(event, UnreadableEvent):
        raise MalformedEventError(event.id, f"Bản ghi số {event.id} không đọc được: {event.error}.")
    return canonical(
        event.id if position is None else position,
        _originator(event),
        _typed(event, "originator_version", int),
        _typed(event, "topic", str),
        bytes(_typed(event, "state", (bytes, bytearray, memoryview))),
    )


def _originator(event: StoredEvent) -> str:
    try:
        return str(UUID(str(event.originator_id)))
    except ValueError:
        raise wrong_type(event.id, "originator_id", event.originator_id) from None


def _typed(event: StoredEvent, column: str, kind: type | tuple[type, ...]) -> Any:
    value = getattr(event, column)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise wrong_type(event.id, column, value)
    return value


def link_hash(previous: str, encoded: bytes) -> str:
    return hashlib.sha256(bytes.fromhex(previous) + encoded).hexdigest()


def create_chain_tables(cursor: Cursor) -> None:
    for table, columns in CHAIN_TABLES.items():
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {table} ({columns})")
    cursor.execute("CREATE INDEX IF NOT EXISTS audit_checkpoints_position ON audit_checkpoints (position)")


def chain_head(cursor: Cursor) -> Link:
    row = cursor.one("SELECT position, hash FROM audit_chain ORDER BY position DESC LIMIT 1")
    return Link(int(row["position"]), row["hash"]) if row else Link(0, GENESIS)


def link_at(cursor: Cursor, position: int) -> Link | None:
    row = cursor.one("SELECT position, hash FROM audit_chain WHERE position = ?", (position,))
    return Link(int(row["position"]), row["hash"]) if row else None


def link_before(cursor: Cursor, position: int) -> Link:
    row = cursor.one(
        "SELECT position, hash FROM audit_chain WHERE position < ? ORDER BY position DESC LIMIT 1", (position,)
    )
    return Link(int(row["position"]), row["hash"]) if row else Link(0, GENESIS)


def extend_chain(
    cursor: Cursor, recorder: Recorder, until: int, page: Sequence[StoredEvent] = (), after: int = -1
) -> int:
    """Appends the links of every event after the chain's head up to `until`; returns how many.

    Runs inside the caller's write transaction (the catch-up's, which holds the lock), so two
    processes never append the same position. `page`, the events just read after `after`, saves
    reading them twice when the chain's head is exactly `after` (the usual case).
    """
    head = chain_head(cursor)
    if head.position >= until:
        return 0
    events = page if page and head.position == after else stored_events(recorder, head.position, until)
    links, previous = [], head.hash
    for event in events:
        if head.position < event.id <= until:
            previous = link_hash(previous, event_canonical(event))
            links.append((event.id, previous))
    if links:
        cursor.executemany("INSERT INTO audit_chain (position, hash) VALUES (?, ?)", links)
    return len(links)


def stored_events(recorder: Recorder, after: int = 0, until: int | None = None) -> Iterator[StoredEvent]:
    """Every stored event after a position, in notification order, read in pages. A row the library cannot
    read comes as an UnreadableEvent at its position, and the reading goes on after it."""
    while True:
        try:
            page = recorder.select_notifications(after, CHAIN_PAGE, stop=until, inclusive_of_start=False)
        except (ValueError, TypeError) as error:
            bad = first_unreadable(recorder, after, until)
            if bad is None:
                raise  # not a stored row: a fault to see, not tampering to report
            yield from recorder.select_notifications(after, CHAIN_PAGE, stop=bad - 1, inclusive_of_start=False)
            yield UnreadableEvent(bad, f"{type(error).__name__}: {error}")
            after = bad
            continue
        yield from page
        if len(page) < CHAIN_PAGE:
            return
        after = page[-1].id


def first_unreadable(recorder: Recorder, after: int, until: int | None) -> int | None:
    """The position of the first row after `after` that cannot be read (a page fails exactly when it reaches
    it), found by halving; None when no row is to blame."""
    low, high = after + 1, until or recorder.max_notification_id() or after + 1
    while low < high:
        middle = (low + high) // 2
        if readable(recorder, after, middle):
            low = middle + 1
        else:
            high = middle
    return None if readable(recorder, after, low) else low


def readable(recorder: Recorder, after: int, stop: int) -> bool:
    try:
        recorder.select_notifications(after, CHAIN_PAGE, stop=stop, inclusive_of_start=False)
    except (ValueError, TypeError):
        return False
    return True


def stored_links(cursor_of: Callable[[], Any], after: int = 0) -> Iterator[Link]:
    """Every link after a position, in order; `cursor_of` opens a reading transaction per page."""
    while True:
        with cursor_of() as cursor:
            rows = cursor.all(
                "SELECT position, hash FROM audit_chain WHERE position > ? ORDER BY position LIMIT ?",
                (after, CHAIN_PAGE),
            )
        yield from (Link(int(row["position"]), row["hash"]) for row in rows)
        if len(rows) < CHAIN_PAGE:
            return
        after = int(rows[-1]["position"])

"""Checks the live log against its hash chain and its signed checkpoints (issue 5 §2).

The chain is recomputed from the raw stored events and compared, position by position, with the
stored links: an event whose link does not match was changed (or moved, when it matches the link of
another position), a link without its event was deleted, an event without a link was inserted. After a
bad link the check goes on from the stored link, so every bad position is named, not only the first.
The checkpoints are compared with the chain recomputed from the first event with no help from the
stored links: a log rewritten together with its links still disagrees with what was signed before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from application.audit.chain import GENESIS, Link, MalformedEventError, StoredEvent, event_canonical, link_hash
from application.audit.checkpoints import REASON_LABELS, Checkpoint, signature_valid

CHANGED, MOVED, MISSING, EXTRA = "changed", "moved", "missing", "extra"
SIGNATURE, CHECKPOINT, TRUNCATED = "signature", "checkpoint", "truncated"
MALFORMED, WITNESS = "malformed", "witness"
MAX_PROBLEMS = 100
MAX_MOVE_SEARCH = 10


@dataclass(frozen=True)
class Problem:
    position: int
    kind: str
    detail: str


@dataclass(frozen=True)
class LogVerdict:
    events: int
    head: Link
    checkpoints: int
    unchained: int = 0
    problems: tuple[Problem, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def first_bad(self) -> Problem | None:
        return self.problems[0] if self.problems else None


@dataclass
class _Walk:
    """The state of one pass over events and links, merged by position."""

    resynced: str = GENESIS
    pure: str = GENESIS
    events: int = 0
    unchained: int = 0
    last_event: int = 0
    last_link: Link = field(default_factory=lambda: Link(0, GENESIS))
    at_checkpoints: dict[int, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    suspects: list[StoredEvent] = field(default_factory=list)

    def note(self, problem: Problem) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)

    def encode(self, event: StoredEvent) -> bytes | None:
        """The canonical bytes, or None with the position named when a stored value has the wrong type."""
        try:
            return event_canonical(event)
        except MalformedEventError as error:
            self.note(Problem(event.id, MALFORMED, f"{error} Giá trị đã bị sửa trực tiếp trong cơ sở dữ liệu."))
            return None

    def count(self, event: StoredEvent, encoded: bytes | None, wanted: set[int]) -> None:
        if encoded is None:  # what cannot be hashed breaks the chain recomputed from the first event here
            encoded = f"malformed:{event.id}".encode()
        self.events, self.last_event = self.events + 1, event.id
        self.pure = link_hash(self.pure, encoded)
        if event.id in wanted:
            self.at_checkpoints[event.id] = self.pure


def verify_chain(
    events: Iterable[StoredEvent],
    links: Callable[[], Iterable[Link]],
    checkpoints: list[Checkpoint],
    key: bytes,
    timezone: ZoneInfo,
    witnessed: Iterable[Checkpoint] = (),
    unreadable: Iterable[str] = (),
) -> LogVerdict:
    """`witnessed`: the checkpoints of a witness file (issue 10 §7); those also in the database count once."""
    walk = _Walk()
    in_database = set(checkpoints)
    signed = [(c, False) for c in checkpoints] + [(c, True) for c in dict.fromkeys(witnessed) if c not in in_database]
    _walk_log(walk, iter(events), iter(links()), {c.position for c, _ in signed})
    _name_moves(walk, links)
    _check_checkpoints(walk, signed, key, timezone)
    for line in unreadable:
        walk.note(Problem(walk.last_event + 1, WITNESS, line))
    problems = sorted(walk.problems, key=lambda p: p.position)
    return LogVerdict(walk.events, walk.last_link, len(checkpoints), walk.unchained, tuple(problems))


def _walk_log(walk: _Walk, events: Iterable[StoredEvent], links: Iterable[Link], wanted: set[int]) -> None:
    event_iter, link_iter = iter(events), iter(links)
    event, link = next(event_iter, None), next(link_iter, None)
    while event is not None or link is not None:
        if event is not None and (link is None or event.id < link.position):
            walk.count(event, walk.encode(event), wanted)
            if link is None and event.id > walk.last_link.position:
                walk.unchained += 1  # recorded after the last catch-up: not yet linked, not tampering
            else:
                walk.note(Problem(event.id, EXTRA, f"Bản ghi số {event.id} không có trong chuỗi băm: đã bị chèn thêm."))
            event = next(event_iter, None)
        elif link is not None and (event is None or link.position < event.id):
            walk.note(Problem(link.position, MISSING, f"Bản ghi số {link.position} đã bị xóa khỏi sổ."))
            walk.resynced, walk.last_link = link.hash, link
            link = next(link_iter, None)
        else:
            assert event is not None and link is not None  # neither is None: the branches above took those
            encoded = walk.encode(event)
            walk.count(event, encoded, wanted)
            if encoded is None:
                pass  # named already
            elif link_hash(walk.resynced, encoded) != link.hash:
                walk.note(Problem(event.id, CHANGED, f"Bản ghi số {event.id} đã bị sửa: mã băm không khớp chuỗi."))
                walk.suspects.append(event)
            walk.resynced, walk.last_link = link.hash, link
            event, link = next(event_iter, None), next(link_iter, None)


def _name_moves(walk: _Walk, links: Callable[[], Iterable[Link]]) -> None:
    """A changed event that hashes into another position's link was moved there from that position."""
    suspects = walk.suspects[:MAX_MOVE_SEARCH]
    if not suspects:
        return
    origins: dict[int, int] = {}
    previous = GENESIS
    for link in links():
        for event in suspects:
            if event.id != link.position and link_hash(previous, event_canonical(event, link.position)) == link.hash:
                origins[event.id] = link.position
        previous = link.hash
    walk.problems = [
        replace(
            problem,
            kind=MOVED,
            detail=f"Thứ tự sổ đã bị đảo: bản ghi số {problem.position} là bản ghi số {origins[problem.position]}"
            " của sổ gốc.",
        )
        if problem.kind == CHANGED and problem.position in origins
        else problem
        for problem in walk.problems
    ]


def _check_checkpoints(
    walk: _Walk, checkpoints: list[tuple[Checkpoint, bool]], key: bytes, timezone: ZoneInfo
) -> None:
    """A disagreement already located by the links (between the last confirmed checkpoint and this one)
    is not reported twice; one the links cannot explain means the links were rewritten too. One pass in
    position order, the problems located so far bounded by MAX_PROBLEMS: linear in the checkpoints."""
    located = [problem.position for problem in walk.problems]
    confirmed = 0  # the last position a checkpoint confirmed, to bound where a rewrite happened
    beyond: tuple[Checkpoint, bool] | None = None  # the furthest signed head past the log's end: one cut tail
    for checkpoint, witnessed in sorted(checkpoints, key=lambda pair: pair[0].position):
        if not signature_valid(key, checkpoint):
            label = _signed(checkpoint, witnessed, timezone)
            walk.note(Problem(checkpoint.position, SIGNATURE, f"Chữ ký của {label} không hợp lệ: mốc bị sửa, giả."))
        elif walk.at_checkpoints.get(checkpoint.position) == checkpoint.head_hash:
            confirmed = checkpoint.position
        elif any(confirmed < position <= checkpoint.position for position in located):
            continue
        elif checkpoint.position > walk.last_event:
            beyond = (checkpoint, witnessed)
        else:
            walk.note(problem := _disagreement(walk, checkpoint, confirmed, _signed(checkpoint, witnessed, timezone)))
            located.append(problem.position)  # the later checkpoints disagree for the same reason
    if beyond:
        walk.note(_disagreement(walk, beyond[0], confirmed, _signed(*beyond, timezone)))


def _signed(checkpoint: Checkpoint, witnessed: bool, timezone: ZoneInfo) -> str:
    when = datetime.fromisoformat(checkpoint.signed_at).astimezone(timezone).strftime("%d/%m/%Y %H:%M")
    where = " trong tệp nhân chứng" if witnessed else ""
    return f"mốc ký lúc {when} ({REASON_LABELS.get(checkpoint.reason, checkpoint.reason)}){where}"


def _disagreement(walk: _Walk, checkpoint: Checkpoint, confirmed: int, signed: str) -> Problem:
    if checkpoint.position > walk.last_event:
        return Problem(
            walk.last_event + 1,
            TRUNCATED,
            f"{signed.capitalize()} xác nhận sổ đến bản ghi số {checkpoint.position}, nhưng sổ chỉ còn đến"
            f" số {walk.last_event}: các bản ghi sau số {walk.last_event} đã bị xóa.",
        )
    if checkpoint.position not in walk.at_checkpoints:
        return Problem(
            checkpoint.position, MISSING, f"Bản ghi số {checkpoint.position} mà {signed} xác nhận không còn trong sổ."
        )
    return Problem(
        confirmed + 1,
        CHECKPOINT,
        f"Sổ đến bản ghi số {checkpoint.position} không khớp {signed}: có bản ghi từ sau số {confirmed}"
        f" đến số {checkpoint.position} đã bị sửa và chuỗi băm bị tính lại.",
    )

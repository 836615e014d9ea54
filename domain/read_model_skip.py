"""The corrective act for a stored event that no read model can apply (issue 10 §1, design.md §2.8).

The log is never edited: such an event stays in the log and in its hash chain. The chair (or the
vice-chair) records, with a reason, that the read models pass over its position; the official then
records the act as it should have been (for a loan of an impossible amount: the loan as granted). The
aggregate's id derives from the position, so one position is skipped at most once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from uuid import NAMESPACE_URL, UUID, uuid5

from domain.acts import Act, RecordedAggregate
from domain.bounds import passage


def skip_id(position: int) -> UUID:
    return uuid5(NAMESPACE_URL, f"/read-models/skipped/{position}")


class ReadModelSkip(RecordedAggregate):
    if TYPE_CHECKING:  # state set by the events' apply; declared here only for the type checker, since
        # annotations in the class body would become __init__ fields of the aggregate (eventsourcing.md)
        position: int
        reason: str

    class Recorded(RecordedAggregate.Created):
        position: int
        skipped_originator_id: str
        skipped_topic: str
        error: str
        reason: str

        def apply(self, skip: ReadModelSkip) -> None:
            skip.position, skip.reason = self.position, self.reason

    @classmethod
    def record(cls, position: int, originator_id: str, topic: str, error: str, reason: str, act: Act) -> ReadModelSkip:
        reason = passage(reason, "reason", "Lý do bỏ qua", required=True)
        return cls._create(
            cls.Recorded,
            id=skip_id(position),
            position=position,
            skipped_originator_id=originator_id,
            skipped_topic=topic,
            error=error,
            reason=reason,
            **act.event_fields(),
        )

"""What the statutory reports are built from: the households' and reviews' events up to one log position.

The position is the head shown on screen, or the head a fresh signed checkpoint names when the report is
exported (design.md §2.5), so the figures and the stamp agree. Nothing but households and reviews is decoded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from application.audit.as_of_state import folded
from application.core.ledger_core import EventStore
from domain.household import Household
from domain.review import Review, ReviewKind

PAGE = 1000
CREATION_TOPICS = {"domain.household:Household.Registered", "domain.review:Review.Opened"}


@dataclass(frozen=True)
class ReportSource:
    """What the report was built from: the log up to a position (and its head hash), when, and whether signed."""

    position: int
    head_hash: str
    built_at: datetime
    signed: bool  # True for an export: a checkpoint was signed at this head


@dataclass(frozen=True)
class DecisionReference:
    """A recognition decision (or the written refusals) the report counts."""

    review_id: UUID
    kind: ReviewKind
    review_month: int
    review_year: int
    decided_on: date
    number: str
    households: int


@dataclass(frozen=True)
class ReportLog:
    households: list[tuple[Household, date]]  # each household as its events make it, and its registration day
    reviews: list[list[Any]]  # each review's events, in log order


def events_up_to(store: EventStore, position: int) -> ReportLog:
    """Households' and reviews' events in log order up to the position, decoding nothing else."""
    events: dict[str, list[Any]] = {}
    start = 1
    while start <= position:
        page = store.recorder.select_notifications(start, PAGE, stop=position)
        if not page:
            break
        for notification in page:
            key = str(notification.originator_id)
            if notification.topic in CREATION_TOPICS:
                events[key] = []
            if key in events:
                events[key].append(store.mapper.to_domain_event(notification))
        start = page[-1].id + 1
    reviews = [stream for stream in events.values() if isinstance(stream[0], Review.Opened)]
    households = [(folded(s), s[0].effective_on) for s in events.values() if not isinstance(s[0], Review.Opened)]
    return ReportLog(households, reviews)


def decision_reference(opened: Any, on: date, number: str, households: int) -> DecisionReference:
    return DecisionReference(opened.originator_id, opened.kind, opened.month, opened.year, on, number, households)

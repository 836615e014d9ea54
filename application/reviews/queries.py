"""What an official sees of a review: every listed household and the step it has reached."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from application.core.capability import CapabilityService
from application.readmodels.rows import from_row
from domain.review import Candidate, ListingBasis, Outcome, Review, ReviewKind
from domain.standards import PovertyClass


@dataclass(frozen=True)
class CandidateSummary:
    household_id: UUID
    hamlet: str
    head_name: str
    listing_basis: ListingBasis
    surveyed_on: date | None
    survey_class: PovertyClass | None
    standard_version: str
    met_on: date | None
    agreement: int | None
    agreed: bool
    posted_until: date | None
    open_complaints: tuple[UUID, ...]
    recheck_class: PovertyClass | None
    refused: bool
    decided_class: PovertyClass | None
    next_step: str

    @classmethod
    def of(cls, c: Candidate) -> CandidateSummary:
        return cls(
            c.household_id,
            c.hamlet,
            c.head_name,
            c.basis,
            c.surveyed_on,
            c.survey_class,
            c.standard_version,
            c.met_on,
            c.agreement,
            c.agreed,
            c.posted_until,
            tuple(sorted(c.open_complaints)),
            c.recheck_class,
            c.refused,
            c.decided_class,
            next_step(c),
        )


def next_step(c: Candidate) -> str:
    """The step the household waits for, in the order of Decision 24/2021, Art. 4."""
    if c.decided_class or c.refused:
        return "done"
    if c.surveyed_on is None:
        return "survey"
    if not c.agreed:
        return "resurvey" if c.met_on and c.met_on >= c.surveyed_on else "meeting"
    if c.posted_until is None:
        return "posting"
    return "recheck" if c.open_complaints else "decision"


@dataclass(frozen=True)
class DecisionSummary:
    decided_on: date
    number: str
    issued_on: date | None
    outcomes: tuple[Outcome, ...]


@dataclass(frozen=True)
class ReviewSummary:
    review_id: UUID
    version: int
    kind: ReviewKind
    year: int
    month: int
    starts_on: date
    decision_due_on: date | None
    candidates: tuple[CandidateSummary, ...]
    postings: dict[str, tuple[date, date]]
    refusals: dict[UUID, str]
    decisions: tuple[DecisionSummary, ...]


@dataclass(frozen=True)
class ReviewListItem:
    review_id: UUID
    kind: ReviewKind
    year: int
    month: int
    starts_on: date
    households_count: int
    decided_count: int
    last_decided_on: date | None


class ReviewQueries(CapabilityService):
    def review_summary(self, review_id: UUID) -> ReviewSummary:
        review = self.core.load(Review, review_id)
        order = {hamlet: n for n, hamlet in enumerate(self.settings.hamlets)}  # the commune's order, not A–Z
        candidates = sorted(review.candidates.values(), key=lambda c: (order.get(c.hamlet, len(order)), c.head_name))
        decisions = tuple(
            DecisionSummary(
                d.effective_on,
                d.basis.number if d.basis else "",
                d.basis.issued_on if d.basis else None,
                tuple(d.outcomes),
            )
            for d in review.decisions
        )
        return ReviewSummary(
            review.id,
            review.version,
            review.kind,
            review.year,
            review.month,
            review.starts_on,
            review.decision_due_on(),
            tuple(CandidateSummary.of(c) for c in candidates),
            dict(review.postings),
            dict(review.refusals),
            decisions,
        )

    def review_list(self) -> list[ReviewListItem]:
        with self.views.reading() as cursor:
            rows = cursor.all("SELECT * FROM view_reviews ORDER BY starts_on DESC")
        return [from_row(ReviewListItem, row) for row in rows]

"""The JSON API for reviews: open, list households, meet, post, complaints, refusals, the decision."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from web.reviews.schemas import (
    ComplaintIn,
    DecisionIn,
    ListingIn,
    MeetingIn,
    PostingIn,
    RecheckIn,
    RefusalIn,
    ReviewListOut,
    ReviewOpenIn,
    ReviewOut,
    WhatIfOut,
)
from web.shared.api_errors import ERROR_RESPONSES
from web.shared.dependencies import ApiActor, LedgerDep
from web.shared.schemas import RecordedOut

router = APIRouter(prefix="/api/v1", tags=["reviews"], responses=ERROR_RESPONSES)


@router.post("/reviews", status_code=201)
def open_review(body: ReviewOpenIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    """Chair or vice-chair: opens the review and lists the managed households and every pending request."""
    return RecordedOut.of(ledger.reviews.open_review(actor, body.kind, body.year, body.month, body.entry()))


@router.get("/reviews")
def list_reviews(actor: ApiActor, ledger: LedgerDep) -> list[ReviewListOut]:
    return [ReviewListOut.of(item) for item in ledger.review_records.review_list()]


@router.get("/reviews/{review_id}")
def show_review(review_id: UUID, actor: ApiActor, ledger: LedgerDep) -> ReviewOut:
    """Every listed household with the step it waits for; complaint ids are in `open_complaints`."""
    return ReviewOut.of(ledger.review_records.review_summary(review_id))


@router.post("/reviews/{review_id}/households", status_code=201)
def list_for_review(review_id: UUID, body: ListingIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    return RecordedOut.of(ledger.reviews.list_for_review(actor, review_id, body.household_id, body.entry()))


@router.post("/reviews/{review_id}/meetings", status_code=201)
def hold_meeting(review_id: UUID, body: MeetingIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    """A village meeting; a household below 50% must be surveyed and met again before posting."""
    return RecordedOut.of(
        ledger.reviews.hold_meeting(
            actor,
            review_id,
            body.hamlet,
            body.chaired_by,
            body.attendees,
            body.agreements,
            body.minutes_number,
            body.entry(),
        )
    )


@router.post("/reviews/{review_id}/postings", status_code=201)
def start_posting(review_id: UUID, body: PostingIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    """Starts the public posting of a hamlet's results; its end date is in the review's `postings`."""
    return RecordedOut.of(ledger.reviews.start_posting(actor, review_id, body.hamlet, body.entry()))


@router.post("/reviews/{review_id}/complaints", status_code=201)
def receive_complaint(review_id: UUID, body: ComplaintIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    return RecordedOut.of(
        ledger.reviews.receive_complaint(
            actor, review_id, body.household_id, body.complainant, body.content, body.entry()
        )
    )


@router.post("/reviews/{review_id}/complaints/{complaint_id}/recheck", status_code=201)
def complete_recheck(
    review_id: UUID, complaint_id: UUID, body: RecheckIn, actor: ApiActor, ledger: LedgerDep
) -> RecordedOut:
    return RecordedOut.of(
        ledger.reviews.complete_recheck(
            actor, review_id, complaint_id, body.household_id, body.outcome, body.rechecked_class, body.entry()
        )
    )


@router.post("/reviews/{review_id}/refusals", status_code=201)
def refuse_request(review_id: UUID, body: RefusalIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    """Chair or vice-chair: the written answer, with reasons, to a household listed by Mẫu 01 or 04."""
    return RecordedOut.of(
        ledger.reviews.refuse_request(actor, review_id, body.household_id, body.reasons, body.entry())
    )


@router.post("/reviews/{review_id}/decisions", status_code=201)
def decide_review(review_id: UUID, body: DecisionIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    """Chair or vice-chair: recognises every household whose posting ended before the decision date."""
    return RecordedOut.of(ledger.reviews.decide_review(actor, review_id, body.entry(), body.first_certificate))


@router.get("/what-if")
def what_if(standard: str, actor: ApiActor, ledger: LedgerDep) -> list[WhatIfOut]:
    """Each household's latest survey classified under another standard (e.g. 2027-2030); nothing is recorded."""
    return [WhatIfOut.model_validate(row) for row in ledger.surveys.what_if(standard)]

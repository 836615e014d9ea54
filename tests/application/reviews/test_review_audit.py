"""What the audit trail keeps of a review: every step a household went through, on its own timeline."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from application.ledger import Ledger
from tests.application.hamlet_review import (
    COMPLAINED_ON,
    DECIDED_ON,
    MET_AGAIN_ON,
    MET_ON,
    POSTED_ON,
    decided_hamlet_review,
)
from tests.conftest import seed_users


@pytest.fixture
def ledger(make_ledger: Callable[[str], Ledger]) -> Ledger:
    """In memory: test_read_models checks the same tables on every store."""
    in_memory = make_ledger("memory:")
    seed_users(in_memory)
    return in_memory


def test_a_households_timeline_shows_every_step_of_its_review(ledger: Ledger) -> None:
    review = decided_hamlet_review(ledger)

    timeline = ledger.audit.timeline(review.complained)

    assert [item.action for item in timeline] == [
        "Household.Registered",
        "Household.ReviewRequested",
        "Review.HouseholdListed",
        "Household.Surveyed",
        "Review.SurveyNoted",
        "Review.MeetingHeld",
        "Review.PostingStarted",
        "Review.ComplaintReceived",
        "Review.RecheckCompleted",
        "Review.Decided",
        "Household.RecognisedPoor",
    ]


def test_the_timeline_shows_the_share_of_the_meeting_that_agreed_on_the_household(ledger: Ledger) -> None:
    review = decided_hamlet_review(ledger)

    meetings = [item for item in ledger.audit.timeline(review.worsening) if item.action == "Review.MeetingHeld"]

    assert [item.effective_on for item in meetings] == [MET_ON, MET_AGAIN_ON]
    assert "Trần Thị Bình 45%" in meetings[0].details
    assert "Trần Thị Bình 60%" in meetings[1].details


def test_the_timeline_shows_the_posting_the_complaint_and_the_decision_with_its_certificate(ledger: Ledger) -> None:
    review = decided_hamlet_review(ledger)

    by_action = {item.action: item for item in ledger.audit.timeline(review.complained)}

    assert by_action["Review.PostingStarted"].effective_on == POSTED_ON
    assert "14/10/2026" in by_action["Review.PostingStarted"].details
    assert by_action["Review.ComplaintReceived"].effective_on == COMPLAINED_ON
    assert "phân loại lại: hộ nghèo" in by_action["Review.RecheckCompleted"].details
    recognised = by_action["Household.RecognisedPoor"]
    assert (recognised.effective_on, recognised.basis_number) == (DECIDED_ON, "180/QĐ-UBND")
    assert "chuẩn nghèo 2022-2025 (07/2021/NĐ-CP)" in recognised.details
    assert "giấy chứng nhận số" in recognised.details


def test_a_household_listed_but_not_surveyed_has_no_other_hamlets_meeting_or_decision_on_its_timeline(
    ledger: Ledger,
) -> None:
    review = decided_hamlet_review(ledger)

    actions = [item.action for item in ledger.audit.timeline(review.elsewhere)]

    assert actions == ["Household.Registered", "Household.RecognisedPoor", "Review.HouseholdListed"]

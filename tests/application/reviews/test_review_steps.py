"""The review's steps through the ledger: who may take them, the 50% rule, and the step each household awaits."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from application.core.errors import ConflictError, InvalidInputError
from application.ledger import Ledger
from domain.review import ReviewKind, ReviewRefusedError
from domain.user import NotAllowedError
from tests.application.hamlet_review import (
    COMPLAINED_ON,
    DECIDED_ON,
    MET_ON,
    OPENED_ON,
    PERIODIC_DECISION,
    POSTED_ON,
    POSTING_ENDS,
    HamletReview,
    agreed_hamlet_review,
    complain,
    decided_hamlet_review,
    met_hamlet_review,
    opened_hamlet_review,
    posted_hamlet_review,
    rechecked_hamlet_review,
    surveyed_hamlet_review,
)
from tests.application.helpers import XUAN_DAI_DONG, XUAN_HA, actor, answers, entry, register
from tests.conftest import seed_users


@pytest.fixture
def ledger(make_ledger: Callable[[str], Ledger]) -> Ledger:
    """In memory: the rules do not depend on the store (test_reviews runs a whole review on each)."""
    in_memory = make_ledger("memory:")
    seed_users(in_memory)
    return in_memory


def next_steps(ledger: Ledger, review: HamletReview) -> dict[str, str]:
    return {c.head_name: c.next_step for c in ledger.review_records.review_summary(review.review_id).candidates}


def test_posting_is_refused_naming_the_household_the_meeting_agreed_on_below_half(ledger: Ledger) -> None:
    review = met_hamlet_review(ledger)
    position = ledger.log_position()

    with pytest.raises(ReviewRefusedError, match="Trần Thị Bình"):
        ledger.reviews.start_posting(actor(ledger, "diachinh"), review.review_id, XUAN_HA, entry(POSTED_ON))

    assert ledger.log_position() == position


def test_after_a_new_survey_and_a_new_meeting_the_hamlet_is_posted_for_three_working_days(ledger: Ledger) -> None:
    review = agreed_hamlet_review(ledger)

    ledger.reviews.start_posting(actor(ledger, "diachinh"), review.review_id, XUAN_HA, entry(POSTED_ON))

    summary = ledger.review_records.review_summary(review.review_id)
    assert summary.postings == {XUAN_HA: (POSTED_ON, POSTING_ENDS)}
    assert {(c.hamlet, c.posted_until) for c in summary.candidates} == {(XUAN_HA, POSTING_ENDS), (XUAN_DAI_DONG, None)}


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (opened_hamlet_review, {"Nguyễn Văn An": "survey", "Trần Thị Bình": "survey", "Lê Văn Cường": "survey"}),
        (surveyed_hamlet_review, {"Nguyễn Văn An": "meeting", "Lê Văn Cường": "meeting"}),
        (met_hamlet_review, {"Nguyễn Văn An": "posting", "Trần Thị Bình": "resurvey"}),
        (agreed_hamlet_review, {"Nguyễn Văn An": "posting", "Trần Thị Bình": "posting"}),
        (posted_hamlet_review, {"Nguyễn Văn An": "decision", "Lê Văn Cường": "decision"}),
        (rechecked_hamlet_review, {"Lê Văn Cường": "decision"}),
        (decided_hamlet_review, {"Nguyễn Văn An": "done", "Lê Văn Cường": "done", "Đỗ Văn Em": "survey"}),
    ],
)
def test_the_review_summary_shows_the_step_each_household_awaits(
    ledger: Ledger, build: Callable[[Ledger], HamletReview], expected: dict[str, str]
) -> None:
    review = build(ledger)

    steps = next_steps(ledger, review)

    assert {name: steps[name] for name in expected} == expected


def test_a_household_resurveyed_after_the_meeting_awaits_a_new_meeting(ledger: Ledger) -> None:
    review = met_hamlet_review(ledger)

    ledger.surveys.record_survey(
        actor(ledger, "diachinh"), review.worsening, answers(1_200_000), entry(COMPLAINED_ON), review.review_id
    )

    assert next_steps(ledger, review)["Trần Thị Bình"] == "meeting"


def test_a_household_with_an_open_complaint_awaits_its_re_check(ledger: Ledger) -> None:
    review = posted_hamlet_review(ledger)

    complain(ledger, review)

    assert next_steps(ledger, review)["Lê Văn Cường"] == "recheck"


@pytest.mark.parametrize("username", ["diachinh", "mttq"])
def test_only_the_chair_or_vice_chair_opens_a_review(ledger: Ledger, username: str) -> None:
    with pytest.raises(NotAllowedError):
        ledger.reviews.open_review(actor(ledger, username), ReviewKind.PERIODIC, 2026, 0, entry(OPENED_ON))


def test_the_vice_chair_may_open_a_review(ledger: Ledger) -> None:
    review = ledger.reviews.open_review(actor(ledger, "phochutich"), ReviewKind.PERIODIC, 2026, 0, entry(OPENED_ON))

    assert ledger.review_records.review_summary(review.subject_id).starts_on == OPENED_ON


def test_an_official_cannot_sign_the_recognition_decision(ledger: Ledger) -> None:
    review = rechecked_hamlet_review(ledger)

    with pytest.raises(NotAllowedError):
        ledger.reviews.decide_review(
            actor(ledger, "diachinh"), review.review_id, entry(DECIDED_ON, basis=PERIODIC_DECISION)
        )


@pytest.mark.parametrize(
    "step",
    [
        lambda ledger, review, official: ledger.surveys.record_survey(
            official, review.escaping, answers(2_500_000), entry(MET_ON), review.review_id
        ),
        lambda ledger, review, official: ledger.reviews.hold_meeting(
            official, review.review_id, XUAN_HA, "Trưởng xóm", 40, {review.escaping: 80}, "12/BB", entry(MET_ON)
        ),
        lambda ledger, review, official: ledger.reviews.start_posting(
            official, review.review_id, XUAN_HA, entry(POSTED_ON)
        ),
    ],
)
def test_an_official_cannot_take_a_review_step_in_a_hamlet_not_assigned_to_them(
    ledger: Ledger, step: Callable[[Ledger, HamletReview, object], object]
) -> None:
    review = surveyed_hamlet_review(ledger)

    with pytest.raises(NotAllowedError):
        step(ledger, review, actor(ledger, "vanhoa"))


def test_the_chair_answers_a_request_that_does_not_qualify_in_writing(ledger: Ledger) -> None:
    review = posted_hamlet_review(ledger)

    ledger.reviews.refuse_request(
        actor(ledger, "chutich"), review.review_id, review.applicant, "Có lương hưu", entry(DECIDED_ON)
    )

    summary = ledger.review_records.review_summary(review.review_id)
    assert summary.refusals == {review.applicant: "Có lương hưu"}
    assert next_steps(ledger, review)["Phạm Thị Duyên"] == "done"


def test_an_official_cannot_sign_a_written_refusal(ledger: Ledger) -> None:
    review = posted_hamlet_review(ledger)

    with pytest.raises(NotAllowedError):
        ledger.reviews.refuse_request(
            actor(ledger, "diachinh"), review.review_id, review.applicant, "Có lương hưu", entry(DECIDED_ON)
        )


def test_a_second_annual_review_for_the_same_year_is_refused(ledger: Ledger) -> None:
    opened_hamlet_review(ledger)
    before = ledger.log_position()

    with pytest.raises(ConflictError, match="năm 2026 đã được mở"):
        ledger.reviews.open_review(actor(ledger, "chutich"), ReviewKind.PERIODIC, 2026, 0, entry(OPENED_ON))

    assert ledger.log_position() == before


def test_a_household_neither_on_the_lists_nor_asking_cannot_be_added_to_a_review(ledger: Ledger) -> None:
    review = opened_hamlet_review(ledger)
    stranger = register(ledger, head_name="Hoàng Văn Lạ")

    with pytest.raises(InvalidInputError, match="chưa có giấy đề nghị"):
        ledger.reviews.list_for_review(actor(ledger, "chutich"), review.review_id, stranger, entry(OPENED_ON))

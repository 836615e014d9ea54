"""After the posting: complaints and re-checks, the chair's decision, and the written refusal of a request."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

import pytest

from domain.review import ListingBasis, Outcome, Review, ReviewRefusedError
from domain.standards import PovertyClass
from tests.domain.helpers import POSTED_ON, POSTING_ENDS, XUAN_HA, act, chair_act, listed_review, posted_review

DECIDED_ON = date(2026, 11, 24)


def outcome(household_id: UUID, decided: PovertyClass = PovertyClass.POOR) -> Outcome:
    return Outcome(household_id, decided, "newly_poor", "01/GCN-HN.HCN")


def complain(review: Review, household_id: UUID, on: date = POSTED_ON) -> UUID:
    complaint_id = uuid4()
    review.receive_complaint(complaint_id, household_id, "Phạm Văn Dũng", "Hộ có xe máy mới", act(on))
    return complaint_id


def test_a_complaint_before_the_posting_is_refused() -> None:
    review, [household_id] = listed_review("Nguyễn Văn An")

    with pytest.raises(ReviewRefusedError, match="chưa được niêm yết"):
        complain(review, household_id, date(2026, 11, 18))


def test_a_complaint_dated_before_the_posting_started_is_refused() -> None:
    review, [household_id] = posted_review("Nguyễn Văn An")

    with pytest.raises(ReviewRefusedError, match="chưa được niêm yết"):
        complain(review, household_id, date(2026, 11, 18))


def test_a_complaint_during_the_posting_is_recorded_for_a_re_check() -> None:
    review, [household_id] = posted_review("Nguyễn Văn An")

    complaint_id = complain(review, household_id)

    [event] = review.collect_events()
    assert isinstance(event, Review.ComplaintReceived)
    assert (event.complaint_id, event.household_id, event.complainant) == (complaint_id, household_id, "Phạm Văn Dũng")


def test_a_re_check_that_changes_the_class_is_what_the_chair_decides_on() -> None:
    review, [household_id] = posted_review("Nguyễn Văn An")
    complaint_id = complain(review, household_id)

    review.complete_recheck(
        complaint_id, household_id, "Hộ có thêm thu nhập", PovertyClass.NEAR_POOR, act(POSTING_ENDS)
    )

    [ready] = review.decidable(DECIDED_ON)
    assert (ready.survey_class, ready.proposed_class) == (PovertyClass.POOR, PovertyClass.NEAR_POOR)


def test_a_re_check_of_a_complaint_never_received_is_refused() -> None:
    review, [household_id] = posted_review("Nguyễn Văn An")

    with pytest.raises(ReviewRefusedError, match="Không có khiếu nại"):
        review.complete_recheck(uuid4(), household_id, "Đúng", None, act(POSTING_ENDS))


def test_the_decision_is_refused_while_a_complaint_is_open() -> None:
    review, [household_id] = posted_review("Nguyễn Văn An")
    complain(review, household_id)
    review.collect_events()

    with pytest.raises(ReviewRefusedError, match="Còn khiếu nại chưa phúc tra xong: hộ Nguyễn Văn An"):
        review.decide([outcome(household_id)], chair_act(DECIDED_ON))

    assert review.collect_events() == []


@pytest.mark.parametrize("decided_on", [POSTED_ON, POSTING_ENDS])
def test_the_decision_is_refused_until_the_posting_has_ended(decided_on: date) -> None:
    review, [household_id] = posted_review("Nguyễn Văn An")

    with pytest.raises(ReviewRefusedError, match="hết thời gian niêm yết"):
        review.decide([outcome(household_id)], chair_act(decided_on))


def test_the_decision_the_day_after_the_posting_ends_records_each_outcome() -> None:
    review, [household_id] = posted_review("Nguyễn Văn An")

    review.decide([outcome(household_id)], chair_act(DECIDED_ON))

    [event] = review.collect_events()
    assert isinstance(event, Review.Decided)
    assert event.outcomes == [outcome(household_id)]
    assert review.decidable(DECIDED_ON) == []


def test_the_decision_cannot_name_a_household_not_ready_for_it() -> None:
    review, [posted] = posted_review("Nguyễn Văn An")
    stranger = uuid4()
    review.list_household(stranger, XUAN_HA, "Trần Văn Tư", ListingBasis.FORM_01, act(POSTED_ON))

    with pytest.raises(ReviewRefusedError):
        review.decide([outcome(posted), outcome(stranger)], chair_act(DECIDED_ON))


def test_a_request_that_does_not_qualify_gets_a_written_refusal_with_its_reasons() -> None:
    review, [household_id] = posted_review("Nguyễn Văn An", basis=ListingBasis.FORM_04)

    review.refuse_request(household_id, " Thu nhập còn dưới chuẩn ", chair_act(DECIDED_ON))

    [event] = review.collect_events()
    assert isinstance(event, Review.RequestRefused)
    assert (event.household_id, event.reasons) == (household_id, "Thu nhập còn dưới chuẩn")
    assert review.decidable(DECIDED_ON) == []


def test_a_household_on_the_managed_list_gets_no_written_refusal() -> None:
    review, [household_id] = posted_review("Nguyễn Văn An", basis=ListingBasis.MANAGED_LIST)

    with pytest.raises(ReviewRefusedError, match="mẫu 01 hoặc 04"):
        review.refuse_request(household_id, "Không đủ điều kiện", chair_act(DECIDED_ON))


@pytest.mark.parametrize("reasons", ["", "  "])
def test_a_written_refusal_without_reasons_is_refused(reasons: str) -> None:
    review, [household_id] = listed_review("Nguyễn Văn An")

    with pytest.raises(ReviewRefusedError, match="lý do"):
        review.refuse_request(household_id, reasons, chair_act(DECIDED_ON))


def test_a_household_decided_in_the_review_cannot_be_surveyed_again_in_it() -> None:
    review, [household_id] = posted_review("Nguyễn Văn An")
    review.decide([outcome(household_id)], chair_act(DECIDED_ON))

    with pytest.raises(ReviewRefusedError, match="đã có kết quả"):
        review.note_survey(household_id, uuid4(), PovertyClass.POOR, "2022-2025", act(DECIDED_ON))

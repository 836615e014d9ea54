"""The annual review of Xuân Hà through the browser: list, survey, village meeting, posting, complaint, decision."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from uuid import UUID

import pytest

from application.ledger import Ledger
from domain.indicators import Indicator
from tests.web.browser import Browser
from tests.web.paperwork import (
    FOUR_DEPRIVED,
    complain,
    decide,
    meet,
    open_complaint_ids,
    open_periodic_review,
    post,
    recheck,
    recognised,
    register,
    survey,
)


@dataclass
class XuanHaReview:
    chair: Browser
    official: Browser
    review_id: UUID
    poor: UUID  # Nguyễn Văn Tư, stays poor
    near_poor: UUID  # Trần Thị Lan, escapes near-poverty
    applicant: UUID  # Lê Văn Khỏe, Mẫu 01, becomes near-poor

    def survey_all(self) -> None:
        survey(self.official, self.poor, self.review_id, deprived=FOUR_DEPRIVED)
        survey(self.official, self.near_poor, self.review_id, income="2.000.000", deprived=[Indicator.TELECOM])
        survey(self.official, self.applicant, self.review_id, income="1.400.000", deprived=[Indicator.EMPLOYMENT])

    def posted(self) -> None:
        """Surveyed, met (Trần Thị Lan only at 40%, so surveyed and met again), and posted from 16/10."""
        self.survey_all()
        meet(self.official, self.review_id, "10/10/2026", {self.poor: 80, self.near_poor: 40, self.applicant: 70})
        survey(self.official, self.near_poor, self.review_id, income="2.000.000", on="13/10/2026")
        meet(self.official, self.review_id, "15/10/2026", {self.near_poor: 85})
        assert post(self.official, self.review_id, "16/10/2026").status_code == 303  # type: ignore[attr-defined]


@pytest.fixture
def review(browser: Callable[[str], Browser]) -> XuanHaReview:
    chair, official = browser("chutich"), browser("diachinh")
    poor, near_poor = recognised(official, "Nguyễn Văn Tư", "poor"), recognised(official, "Trần Thị Lan", "near_poor")
    applicant = register(official, "Lê Văn Khỏe")
    request = {"form": "form_01", "reason": "Chồng ốm nặng", "channel": "direct", "effective_on": "20/09/2026"}
    assert official.submit(f"/households/{applicant}/requests", request).status_code == 303
    return XuanHaReview(chair, official, open_periodic_review(chair), poor, near_poor, applicant)


def test_opening_the_annual_review_lists_the_managed_households_and_the_applicant_by_hamlet(
    review: XuanHaReview,
) -> None:
    page = review.official.client.get(f"/reviews/{review.review_id}").text

    assert "Xóm Xuân Hà" in page
    assert page.count("Chờ khảo sát") == 3
    assert "Giấy đề nghị rà soát (Mẫu 01)" in page
    assert f"/households/{review.applicant}/surveys?review_id={review.review_id}" in page


def test_an_official_cannot_open_a_review(browser: Callable[[str], Browser], web_ledger: Ledger) -> None:
    official = browser("diachinh")  # signing in is recorded too, so before counting
    before = web_ledger.log_position()
    form = {"kind": "periodic", "year": "2026", "effective_on": "01/10/2026"}

    response = official.submit("/reviews", form)

    assert response.status_code == 403
    assert "Chỉ Chủ tịch hoặc Phó Chủ tịch" in response.text
    assert web_ledger.log_position() == before


def test_a_review_opened_outside_its_window_is_shown_again_with_the_reason(browser: Callable[[str], Browser]) -> None:
    response = browser("chutich").submit("/reviews", {"kind": "periodic", "year": "2026", "effective_on": "20/08/2026"})

    assert response.status_code == 409
    assert "01/09–14/12/2026" in response.text
    assert 'value="20/08/2026"' in response.text


def test_a_survey_from_the_review_returns_to_the_review_with_the_next_step(review: XuanHaReview) -> None:
    survey(review.official, review.poor, review.review_id, deprived=FOUR_DEPRIVED)

    page = review.official.client.get(f"/reviews/{review.review_id}").text

    assert "05/10/2026: hộ nghèo" in page
    assert "Chờ họp dân" in page


def test_a_household_below_half_agreement_is_refused_posting_until_surveyed_and_met_again(
    review: XuanHaReview, web_ledger: Ledger
) -> None:
    review.survey_all()
    meet(review.official, review.review_id, "10/10/2026", {review.poor: 80, review.near_poor: 40, review.applicant: 70})
    before = web_ledger.log_position()

    refused = post(review.official, review.review_id, "12/10/2026")

    assert refused.status_code == 409  # type: ignore[attr-defined]
    assert "hộ Trần Thị Lan chưa được họp dân đồng ý từ 50%" in refused.text  # type: ignore[attr-defined]
    assert web_ledger.log_position() == before


def test_posting_after_the_resurvey_and_second_meeting_shows_its_end_in_working_days(review: XuanHaReview) -> None:
    review.posted()

    page = review.official.client.get(f"/reviews/{review.review_id}").text

    assert "Niêm yết công khai từ 16/10/2026 đến hết <strong>20/10/2026</strong>" in page
    assert page.count("Chờ quyết định công nhận") == 3


def test_a_meeting_without_any_agreement_is_shown_again_with_a_message(review: XuanHaReview) -> None:
    review.survey_all()

    response = meet(review.official, review.review_id, "10/10/2026", {})

    assert response.status_code == 422  # type: ignore[attr-defined]
    assert "Hãy nhập tỷ lệ đồng ý cho ít nhất một hộ." in response.text  # type: ignore[attr-defined]


def test_a_complaint_holds_back_only_its_household_from_the_decision(review: XuanHaReview) -> None:
    review.posted()
    complain(review.official, review.review_id, review.applicant)

    response = decide(review.chair, review.review_id)

    assert response.status_code == 303  # type: ignore[attr-defined]
    applicant = review.chair.client.get(f"/households/{review.applicant}").text
    escaped = review.chair.client.get(f"/households/{review.near_poor}").text
    assert "Loại hộ hiện nay</dt><dd><strong>chưa thuộc danh sách" in applicant
    assert "Loại hộ hiện nay</dt><dd><strong>hộ thoát cận nghèo" in escaped


def test_a_decision_with_only_complained_households_waits_for_the_recheck(review: XuanHaReview) -> None:
    review.posted()
    for household_id in (review.poor, review.near_poor, review.applicant):
        complain(review.official, review.review_id, household_id)

    response = decide(review.chair, review.review_id)

    assert response.status_code == 409  # type: ignore[attr-defined]
    assert "Còn khiếu nại chưa phúc tra xong" in response.text  # type: ignore[attr-defined]


def test_a_decision_before_the_posting_ends_is_refused(review: XuanHaReview) -> None:
    review.posted()

    response = decide(review.chair, review.review_id, on="20/10/2026")

    assert response.status_code == 409  # type: ignore[attr-defined]
    assert "Chưa có hộ nào hết thời gian niêm yết" in response.text  # type: ignore[attr-defined]


def decided(review: XuanHaReview) -> None:
    review.posted()
    complain(review.official, review.review_id, review.applicant)
    (complaint_id,) = open_complaint_ids(review.official, review.review_id)
    assert recheck(review.official, review.review_id, review.applicant, complaint_id).status_code == 303  # type: ignore[attr-defined]
    assert decide(review.chair, review.review_id).status_code == 303  # type: ignore[attr-defined]


def test_the_chairs_decision_lists_each_outcome_and_the_certificate(review: XuanHaReview) -> None:
    decided(review)

    page = review.chair.client.get(f"/reviews/{review.review_id}").text

    assert "Quyết định số 125/QĐ-UBND ngày 28/10/2026" in page
    assert "Hộ cận nghèo phát sinh" in page and "01/GCN-HN.HCN" in page
    assert "Hộ thoát cận nghèo" in page and "Giữ nguyên" in page


def test_after_the_decision_the_household_page_shows_the_new_standing_and_the_standard(review: XuanHaReview) -> None:
    decided(review)

    page = review.official.client.get(f"/households/{review.applicant}").text

    assert "Loại hộ hiện nay</dt><dd><strong>hộ cận nghèo" in page
    assert "chuẩn nghèo 2022-2025 (07/2021/NĐ-CP)" in page
    assert "giấy chứng nhận số 01/GCN-HN.HCN" in page


def test_after_the_decision_the_household_list_shows_the_new_standings(review: XuanHaReview) -> None:
    decided(review)

    page = review.official.client.get("/households?hamlet=Xuân Hà&standing=escaped_near_poverty").text

    assert "Trần Thị Lan" in page and "28/10/2026" in page
    assert "Lê Văn Khỏe" not in page


def test_the_audit_log_shows_the_decision_with_its_number(review: XuanHaReview) -> None:
    decided(review)

    page = review.chair.client.get("/audit?action=Review.Decided").text

    assert "Quyết định công nhận kết quả rà soát" in page
    assert "125/QĐ-UBND" in page
    assert "Quyết định công nhận 3 hộ" in page


def test_the_chair_answers_an_unqualified_request_in_writing(review: XuanHaReview) -> None:
    refusal = {"household_id": str(review.applicant), "reasons": "Thu nhập trên chuẩn", "effective_on": "20/10/2026"}

    response = review.chair.submit(f"/reviews/{review.review_id}/refusals", {**refusal, "basis_number": "130/UBND"})
    page = review.chair.client.get(f"/reviews/{review.review_id}").text

    assert response.status_code == 303
    assert "Không công nhận (đã trả lời bằng văn bản)" in page
    assert "Lê Văn Khỏe: Thu nhập trên chuẩn" in page

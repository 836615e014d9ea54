"""The 2026 periodic review of Xuân Hà, built step by step: each builder takes it one step further."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from application.ledger import Ledger
from domain.acts import LegalBasis
from domain.household import Standing
from domain.indicators import Indicator
from domain.review import ReviewKind
from domain.standards import PovertyClass
from domain.survey import RequestForm
from tests.application.helpers import XUAN_DAI_DONG, XUAN_HA, actor, answers, entry, register

THREE_DEPRIVATIONS = (Indicator.EMPLOYMENT, Indicator.HEALTH_INSURANCE, Indicator.HOUSING_QUALITY)
OPENED_ON, SURVEYED_ON, MET_ON = date(2026, 10, 1), date(2026, 10, 5), date(2026, 10, 7)
RESURVEYED_ON, MET_AGAIN_ON = date(2026, 10, 8), date(2026, 10, 9)
POSTED_ON, COMPLAINED_ON, POSTING_ENDS = date(2026, 10, 12), date(2026, 10, 13), date(2026, 10, 14)
DECIDED_ON = date(2026, 10, 15)
PERIODIC_DECISION = LegalBasis("180/QĐ-UBND", DECIDED_ON, "Chủ tịch UBND xã Hải Hòa")


@dataclass(frozen=True)
class HamletReview:
    """The 2026 periodic review of Xuân Hà, opened by the chair on 01/10/2026."""

    review_id: UUID
    escaping: UUID  # poor; surveyed above the line
    worsening: UUID  # near-poor; surveyed poor, first agreed by only 45% of the meeting
    complained: UUID  # asked on Mẫu 01; surveyed near-poor, re-checked poor after a complaint
    applicant: UUID  # asked on Mẫu 01; surveyed near-poor
    elsewhere: UUID  # poor, in Xuân Đài Đông; listed but not surveyed

    @property
    def surveyed(self) -> tuple[UUID, ...]:
        return self.escaping, self.worsening, self.complained, self.applicant


def household_named(ledger: Ledger, head_name: str, standing: Standing | None = None, hamlet: str = XUAN_HA) -> UUID:
    household_id = register(ledger, hamlet, "chutich", head_name)
    if standing:
        ledger.households.recognise_household(
            actor(ledger, "chutich"), household_id, standing, entry(date(2022, 1, 10))
        )
    return household_id


def requesting(ledger: Ledger, head_name: str, form: RequestForm = RequestForm.REVIEW) -> UUID:
    household_id = household_named(ledger, head_name)
    ledger.surveys.submit_request(
        actor(ledger, "diachinh"), household_id, form, "Ốm đau", "trực tiếp", entry(date(2026, 9, 21))
    )
    return household_id


def opened_hamlet_review(ledger: Ledger) -> HamletReview:
    escaping = household_named(ledger, "Nguyễn Văn An", Standing.POOR)
    worsening = household_named(ledger, "Trần Thị Bình", Standing.NEAR_POOR)
    complained, applicant = requesting(ledger, "Lê Văn Cường"), requesting(ledger, "Phạm Thị Duyên")
    elsewhere = household_named(ledger, "Đỗ Văn Em", Standing.POOR, XUAN_DAI_DONG)
    review = ledger.reviews.open_review(actor(ledger, "chutich"), ReviewKind.PERIODIC, 2026, 0, entry(OPENED_ON))
    return HamletReview(review.subject_id, escaping, worsening, complained, applicant, elsewhere)


def surveyed_hamlet_review(ledger: Ledger) -> HamletReview:
    review, official = opened_hamlet_review(ledger), actor(ledger, "diachinh")
    for household_id, filled in [
        (review.escaping, answers(2_500_000)),
        (review.worsening, answers(1_200_000, *THREE_DEPRIVATIONS)),
        (review.complained, answers(1_400_000, Indicator.EMPLOYMENT)),
        (review.applicant, answers(1_400_000)),
    ]:
        ledger.surveys.record_survey(official, household_id, filled, entry(SURVEYED_ON), review.review_id)
    return review


def meet(ledger: Ledger, review: HamletReview, shares: dict[UUID, int], on: date) -> None:
    ledger.reviews.hold_meeting(
        actor(ledger, "diachinh"), review.review_id, XUAN_HA, "Trưởng xóm Xuân Hà", 40, shares, "12/BB", entry(on)
    )


def met_hamlet_review(ledger: Ledger) -> HamletReview:
    """Surveyed and met: every household agreed but Trần Thị Bình (45%), who must be surveyed and met again."""
    review = surveyed_hamlet_review(ledger)
    meet(ledger, review, {**dict.fromkeys(review.surveyed, 80), review.worsening: 45}, MET_ON)
    return review


def agreed_hamlet_review(ledger: Ledger) -> HamletReview:
    review, official = met_hamlet_review(ledger), actor(ledger, "diachinh")
    filled = answers(1_200_000, *THREE_DEPRIVATIONS)
    ledger.surveys.record_survey(official, review.worsening, filled, entry(RESURVEYED_ON), review.review_id)
    meet(ledger, review, {review.worsening: 60}, MET_AGAIN_ON)
    return review


def posted_hamlet_review(ledger: Ledger) -> HamletReview:
    review = agreed_hamlet_review(ledger)
    ledger.reviews.start_posting(actor(ledger, "diachinh"), review.review_id, XUAN_HA, entry(POSTED_ON))
    return review


def complain(ledger: Ledger, review: HamletReview) -> UUID:
    """A neighbour complains that Lê Văn Cường is worse off than surveyed; returns the complaint id."""
    ledger.reviews.receive_complaint(
        actor(ledger, "diachinh"),
        review.review_id,
        review.complained,
        "Hộ bên cạnh",
        "Hộ có người ốm",
        entry(COMPLAINED_ON),
    )
    [summary] = [
        c
        for c in ledger.review_records.review_summary(review.review_id).candidates
        if c.household_id == review.complained
    ]
    return summary.open_complaints[0]


def rechecked_hamlet_review(ledger: Ledger) -> HamletReview:
    review = posted_hamlet_review(ledger)
    complaint_id = complain(ledger, review)
    ledger.reviews.complete_recheck(
        actor(ledger, "diachinh"),
        review.review_id,
        complaint_id,
        review.complained,
        "Chủ hộ ốm dài ngày",
        PovertyClass.POOR,
        entry(POSTING_ENDS),
    )
    return review


def decided_hamlet_review(ledger: Ledger) -> HamletReview:
    """The whole periodic review of Xuân Hà, decided by the chair on 15/10/2026."""
    review = rechecked_hamlet_review(ledger)
    ledger.reviews.decide_review(actor(ledger, "chutich"), review.review_id, entry(DECIDED_ON, basis=PERIODIC_DECISION))
    return review

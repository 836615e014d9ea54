"""The demo commune's reviews: the 2026 annual review under way, and a November regular review awaiting
the chair's decision, so that every step of Decision 24/2021/QĐ-TTg can be seen and continued."""

from __future__ import annotations

import random
from datetime import date
from uuid import UUID

from application.ledger import Entry
from application.service import Ledger
from domain.household import Area
from domain.indicators import Indicator
from domain.review import ReviewKind
from domain.standards import IncomeEstimate
from domain.survey import RequestForm, SurveyAnswers
from domain.user import Actor

ANNUAL_START = date(2026, 10, 1)
INCOMES = (900_000, 1_200_000, 1_450_000, 1_500_000, 1_650_000, 1_900_000, 2_400_000)


def survey_answers(rng: random.Random, reviewer: str) -> SurveyAnswers:
    deprived = set(rng.sample(list(Indicator), rng.randint(0, 5)))
    evidence = (
        {Indicator.HOUSING_QUALITY: "Nhà cấp 4 xuống cấp, mái tôn thủng"}
        if (Indicator.HOUSING_QUALITY in deprived)
        else {}
    )
    return SurveyAnswers(
        reviewer,
        IncomeEstimate(per_capita_monthly=rng.choice(INCOMES)),
        None,
        {indicator: indicator in deprived for indicator in Indicator},
        evidence,
    )


def add_reviews(ledger: Ledger, actors: dict[str, Actor], rng: random.Random) -> None:
    chair, official = actors["chutich"], actors["diachinh"]
    annual = ledger.open_review(chair, ReviewKind.PERIODIC, 2026, 0, Entry(ANNUAL_START, note="Rà soát năm 2026"))
    listed = [c for c in ledger.review_summary(annual.subject_id).candidates if c.hamlet == "Xuân Hà"]
    for candidate in listed:
        ledger.record_survey(
            official,
            candidate.household_id,
            survey_answers(rng, "Rà soát viên xóm Xuân Hà"),
            Entry(date(2026, 10, 12)),
            annual.subject_id,
        )
    agreements = {c.household_id: rng.randint(70, 95) for c in listed}
    ledger.hold_meeting(
        official,
        annual.subject_id,
        "Xuân Hà",
        "Trưởng xóm Xuân Hà",
        42,
        agreements,
        "12/BB-XH",
        Entry(date(2026, 10, 20)),
    )
    ledger.start_posting(official, annual.subject_id, "Xuân Hà", Entry(date(2026, 10, 21)))
    add_regular_review(ledger, actors["vanhoa"], chair, rng)


def add_regular_review(ledger: Ledger, official: Actor, chair: Actor, rng: random.Random) -> UUID:
    """A Tân Hùng household asks to be reviewed; the decision is due 15 days after the review starts."""
    household = ledger.register_household(
        official, "Tân Hùng", "Lường Văn Sáng", [], Area.RURAL, Entry(date(2026, 11, 2), note="Gia đình mới chuyển đến")
    )
    ledger.submit_request(
        official,
        household.subject_id,
        RequestForm.REVIEW,
        "Chủ hộ bị tai nạn lao động",
        "trực tiếp",
        Entry(date(2026, 11, 5)),
    )
    review = ledger.open_review(chair, ReviewKind.REGULAR, 2026, 11, Entry(date(2026, 11, 16)))
    ledger.record_survey(
        official,
        household.subject_id,
        survey_answers(rng, "Rà soát viên xóm Tân Hùng"),
        Entry(date(2026, 11, 17)),
        review.subject_id,
    )
    ledger.hold_meeting(
        official,
        review.subject_id,
        "Tân Hùng",
        "Trưởng xóm Tân Hùng",
        30,
        {household.subject_id: 85},
        "03/BB-TH",
        Entry(date(2026, 11, 18)),
    )
    ledger.start_posting(official, review.subject_id, "Tân Hùng", Entry(date(2026, 11, 19)))
    return review.subject_id

"""The demo commune's reviews: the 2026 annual review under way, and a November regular review awaiting
the chair's decision, so that every step of Decision 24/2021/QĐ-TTg can be seen and continued."""

from __future__ import annotations

import random
from datetime import date
from uuid import UUID

from application.core.ledger_core import Entry
from application.demo.surveys import answers_for
from application.ledger import Ledger
from domain.decisions import Standing
from domain.review import ReviewKind
from domain.standards import Area, PovertyClass
from domain.survey import RequestForm
from domain.user import Actor

ANNUAL_START = date(2026, 10, 1)
# Of the Xuân Hà households on the lists, about one in six has improved enough to leave them this year.
ESCAPING = 0.15


def meant_class(ledger: Ledger, household_id: UUID, rng: random.Random) -> PovertyClass:
    standing = ledger.households.household_summary(household_id).standing
    if rng.random() < ESCAPING:
        return PovertyClass.AVERAGE_LIVING if standing is Standing.POOR else PovertyClass.NOT_POOR
    return PovertyClass.POOR if standing is Standing.POOR else PovertyClass.NEAR_POOR


def add_reviews(ledger: Ledger, actors: dict[str, Actor], rng: random.Random) -> None:
    chair, official = actors["chutich"], actors["diachinh"]
    annual = ledger.reviews.open_review(
        chair, ReviewKind.PERIODIC, 2026, 0, Entry(ANNUAL_START, note="Rà soát năm 2026")
    )
    listed = [c for c in ledger.review_records.review_summary(annual.subject_id).candidates if c.hamlet == "Xuân Hà"]
    for candidate in listed:
        ledger.surveys.record_survey(
            official,
            candidate.household_id,
            answers_for(rng, meant_class(ledger, candidate.household_id, rng), "Rà soát viên xóm Xuân Hà"),
            Entry(date(2026, 10, 12)),
            annual.subject_id,
        )
    agreements = {c.household_id: rng.randint(70, 95) for c in listed}
    ledger.reviews.hold_meeting(
        official,
        annual.subject_id,
        "Xuân Hà",
        "Trưởng xóm Xuân Hà",
        42,
        agreements,
        "12/BB-XH",
        Entry(date(2026, 10, 20)),
    )
    ledger.reviews.start_posting(official, annual.subject_id, "Xuân Hà", Entry(date(2026, 10, 21)))
    add_regular_review(ledger, actors["vanhoa"], chair, rng)


def add_regular_review(ledger: Ledger, official: Actor, chair: Actor, rng: random.Random) -> UUID:
    """A Tân Hùng household asks to be reviewed; the decision is due 15 days after the review starts."""
    household = ledger.households.register_household(
        official, "Tân Hùng", "Lường Văn Sáng", [], Area.RURAL, Entry(date(2026, 11, 2), note="Gia đình mới chuyển đến")
    )
    ledger.surveys.submit_request(
        official,
        household.subject_id,
        RequestForm.REVIEW,
        "Chủ hộ bị tai nạn lao động",
        "trực tiếp",
        Entry(date(2026, 11, 5)),
    )
    review = ledger.reviews.open_review(chair, ReviewKind.REGULAR, 2026, 11, Entry(date(2026, 11, 16)))
    ledger.surveys.record_survey(
        official,
        household.subject_id,
        answers_for(rng, PovertyClass.POOR, "Rà soát viên xóm Tân Hùng"),
        Entry(date(2026, 11, 17)),
        review.subject_id,
    )
    ledger.reviews.hold_meeting(
        official,
        review.subject_id,
        "Tân Hùng",
        "Trưởng xóm Tân Hùng",
        30,
        {household.subject_id: 85},
        "03/BB-TH",
        Entry(date(2026, 11, 18)),
    )
    ledger.reviews.start_posting(official, review.subject_id, "Tân Hùng", Entry(date(2026, 11, 19)))
    return review.subject_id

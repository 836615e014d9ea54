"""Builders for application tests: who acts, what they fill in, and households at a given stage."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from application.core.ledger_core import Entry
from application.ledger import Ledger
from domain.acts import LegalBasis
from domain.deadlines import ReminderRule
from domain.household import Area, Standing
from domain.indicators import Indicator
from domain.project import Component
from domain.review import ReviewKind
from domain.standards import IncomeEstimate
from domain.survey import RequestForm, SurveyAnswers
from domain.user import Actor

XUAN_HA = "Xuân Hà"
XUAN_DAI_DONG = "Xuân Đài Đông"


def actor(ledger: Ledger, username: str) -> Actor:
    found = ledger.users.actor(username)
    assert found is not None, f"no user {username}"
    return found


def entry(on: date = date(2026, 11, 2), **extra: Any) -> Entry:
    return Entry(effective_on=on, **extra)


def register(ledger: Ledger, hamlet: str = XUAN_HA, by: str = "diachinh", head_name: str = "Nguyễn Văn An") -> UUID:
    return ledger.households.register_household(
        actor(ledger, by), hamlet, head_name, [], Area.RURAL, entry(date(2020, 1, 6))
    ).subject_id


def poor_household(ledger: Ledger, since: date = date(2022, 1, 10), hamlet: str = XUAN_HA) -> UUID:
    household_id = register(ledger, hamlet, by="chutich")
    ledger.households.recognise_household(actor(ledger, "chutich"), household_id, Standing.POOR, entry(since))
    return household_id


def escaped_household(ledger: Ledger, escaped_on: date, hamlet: str = XUAN_HA) -> UUID:
    """A household recognised as having escaped poverty, so its 36-month window runs."""
    household_id = poor_household(ledger, hamlet=hamlet)
    ledger.households.record_escape(actor(ledger, "chutich"), household_id, Standing.POOR, entry(escaped_on))
    return household_id


def approved_project(ledger: Ledger, starts_on: date, duration_months: int = 36, responsible: str = "diachinh") -> UUID:
    household_id = register(ledger)
    project_id = ledger.projects.propose_project(
        actor(ledger, responsible), "Nuôi bò sinh sản", Component.LIVELIHOODS, [household_id], entry(date(2022, 12, 1))
    ).subject_id
    ledger.projects.approve_project(
        actor(ledger, "chutich"), project_id, "chutich", starts_on, duration_months, entry(date(2022, 12, 15))
    )
    return project_id


def notices(ledger: Ledger, subject_id: UUID, rule: ReminderRule | None = None) -> list[tuple[date, str]]:
    """The reminders issued about a subject, as (reminder date, recipient), oldest first."""
    items = ledger.inbox.inbox(actor(ledger, "chutich"), include_acknowledged=True, everyone=True)
    return sorted(
        (item.notice_on, item.recipient)
        for item in items
        if item.subject_id == subject_id and rule in (None, item.rule)
    )


ALL_ENTERED = {indicator: False for indicator in Indicator}
POOR_ANSWERS = SurveyAnswers(
    "Rà soát viên xóm Xuân Hà",
    IncomeEstimate(per_capita_monthly=1_200_000),
    30,
    {**ALL_ENTERED, Indicator.EMPLOYMENT: True, Indicator.HEALTH_INSURANCE: True, Indicator.HOUSING_QUALITY: True},
    {Indicator.HOUSING_QUALITY: "Nhà tạm, mái lá"},
)
DECISION = LegalBasis("215/QĐ-UBND", date(2026, 11, 25), "Chủ tịch UBND xã Hải Hòa")


def reviewed_request(ledger: Ledger) -> tuple[UUID, UUID]:
    """A household that asks to be reviewed in November 2026 and is recognised as poor (review id, household id)."""
    chair = actor(ledger, "chutich")
    household_id = register(ledger, head_name="Vũ Thị Hằng")
    ledger.surveys.submit_request(
        chair, household_id, RequestForm.REVIEW, "Chồng mất, nhà dột nát", "trực tiếp", entry(date(2026, 11, 2))
    )
    review_id = ledger.reviews.open_review(chair, ReviewKind.REGULAR, 2026, 11, entry(date(2026, 11, 16))).subject_id
    ledger.surveys.record_survey(chair, household_id, POOR_ANSWERS, entry(date(2026, 11, 17)), review_id)
    ledger.reviews.hold_meeting(
        chair, review_id, XUAN_HA, "Trưởng xóm Xuân Hà", 25, {household_id: 80}, "05/BB", entry(date(2026, 11, 18))
    )
    ledger.reviews.start_posting(chair, review_id, XUAN_HA, entry(date(2026, 11, 19)))
    ledger.reviews.decide_review(chair, review_id, entry(date(2026, 11, 25), basis=DECISION))
    return review_id, household_id


def answers(per_capita_monthly: int, *deprived: Indicator) -> SurveyAnswers:
    """Phiếu B of a household whose members' facts are unknown, so the reviewer enters all 12 results."""
    entered = {**ALL_ENTERED, **dict.fromkeys(deprived, True)}
    return SurveyAnswers("Rà soát viên", IncomeEstimate(per_capita_monthly=per_capita_monthly), 30, entered, {})

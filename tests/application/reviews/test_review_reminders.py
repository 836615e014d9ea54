"""The regular review's deadline: the chair decides within 15 days of its start, and is reminded."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID

import pytest

from application.ledger import Ledger
from domain.deadlines import ReminderRule
from domain.review import ReviewKind
from tests.application.hamlet_review import requesting
from tests.application.helpers import DECISION, POOR_ANSWERS, XUAN_HA, actor, entry, notices, reviewed_request
from tests.conftest import seed_users

STARTS_ON, DUE_ON = date(2026, 11, 16), date(2026, 12, 1)
RULE = ReminderRule.REGULAR_REVIEW_DECISION


@pytest.fixture
def ledger(make_ledger: Callable[[str], Ledger]) -> Ledger:
    """In memory: test_reminders runs the sweep itself on every store."""
    in_memory = make_ledger("memory:")
    seed_users(in_memory)
    return in_memory


def regular_review(ledger: Ledger) -> UUID:
    requesting(ledger, "Lê Văn Cường")
    return ledger.reviews.open_review(
        actor(ledger, "chutich"), ReviewKind.REGULAR, 2026, 11, entry(STARTS_ON)
    ).subject_id


def test_the_regular_reviews_decision_is_due_15_days_after_it_starts(ledger: Ledger) -> None:
    review_id = regular_review(ledger)

    assert ledger.review_records.review_summary(review_id).decision_due_on == DUE_ON


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 11, 25), []),
        (date(2026, 11, 26), [(date(2026, 11, 26), "chutich")]),
        (DUE_ON, [(date(2026, 11, 26), "chutich"), (DUE_ON, "chutich")]),
    ],
)
def test_the_sweep_reminds_the_chair_5_days_before_the_decision_is_due_and_on_the_day(
    ledger: Ledger, today: date, expected: list[tuple[date, str]]
) -> None:
    review_id = regular_review(ledger)

    ledger.reminders.sweep(today)

    assert notices(ledger, review_id, RULE) == expected


def test_an_overdue_decision_is_reminded_every_week(ledger: Ledger) -> None:
    review_id = regular_review(ledger)

    ledger.reminders.sweep(date(2026, 12, 15))

    assert [notice_on for notice_on, _ in notices(ledger, review_id, RULE)] == [
        date(2026, 11, 26),
        DUE_ON,
        date(2026, 12, 8),
        date(2026, 12, 15),
    ]


def test_the_chairs_decision_ends_the_reminders(ledger: Ledger) -> None:
    review_id, _ = reviewed_request(ledger)

    ledger.reminders.sweep(date(2026, 12, 15))

    assert notices(ledger, review_id, RULE) == []


def test_a_reminder_issued_before_the_decision_stays_but_no_new_one_follows(ledger: Ledger) -> None:
    applicant = requesting(ledger, "Lê Văn Cường")
    chair = actor(ledger, "chutich")
    review_id = ledger.reviews.open_review(chair, ReviewKind.REGULAR, 2026, 11, entry(STARTS_ON)).subject_id
    ledger.surveys.record_survey(chair, applicant, POOR_ANSWERS, entry(date(2026, 11, 17)), review_id)
    ledger.reviews.hold_meeting(
        chair, review_id, XUAN_HA, "Trưởng xóm", 25, {applicant: 80}, "05/BB", entry(date(2026, 11, 18))
    )
    ledger.reviews.start_posting(chair, review_id, XUAN_HA, entry(date(2026, 11, 19)))
    ledger.reminders.sweep(date(2026, 11, 26))
    ledger.reviews.decide_review(chair, review_id, entry(date(2026, 11, 25), basis=DECISION))

    ledger.reminders.sweep(DUE_ON)

    assert notices(ledger, review_id, RULE) == [(date(2026, 11, 26), "chutich")]


def test_the_periodic_review_has_no_decision_deadline_to_remind(ledger: Ledger) -> None:
    review_id = ledger.reviews.open_review(
        actor(ledger, "chutich"), ReviewKind.PERIODIC, 2026, 0, entry(date(2026, 10, 1))
    ).subject_id

    ledger.reminders.sweep(date(2027, 3, 1))

    assert (ledger.review_records.review_summary(review_id).decision_due_on, notices(ledger, review_id)) == (None, [])

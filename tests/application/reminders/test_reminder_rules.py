"""The reminder engine's rules through the ledger: loans, the escaped-household loan window, escalation,
amended projects, calendar deadlines and resolving with a note."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from application.ledger import Ledger
from domain.deadlines import ReminderRule
from domain.household import Standing
from domain.loan import Programme
from domain.reminder import ReminderRefusedError
from domain.review import ReviewKind
from tests.application.helpers import actor, approved_project, entry, notices, poor_household
from tests.conftest import seed_users


@pytest.fixture
def ledger(make_ledger: Callable[[str], Ledger]) -> Ledger:
    """In memory: these rules do not depend on the store (the sweep's store behaviour is tested elsewhere)."""
    in_memory = make_ledger("memory:")
    seed_users(in_memory)
    return in_memory


def days(n: int) -> timedelta:
    return timedelta(days=n)


def test_a_loan_is_reminded_30_days_before_it_falls_due_and_on_the_day(ledger: Ledger) -> None:
    household_id = poor_household(ledger)
    loan = ledger.loans.grant_loan(
        actor(ledger, "diachinh"), household_id, Programme.POOR, 30_000_000, 12, entry(date(2025, 12, 31))
    )

    ledger.reminders.sweep(date(2026, 12, 31))

    assert notices(ledger, loan.subject_id, ReminderRule.LOAN_DUE) == [
        (date(2026, 12, 1), "diachinh"),
        (date(2026, 12, 31), "diachinh"),
    ]


def test_escaping_near_poverty_opens_the_three_year_loan_window_of_decision_28(ledger: Ledger) -> None:
    household_id = poor_household(ledger)
    chair = actor(ledger, "chutich")
    ledger.households.record_escape(chair, household_id, Standing.POOR, entry(date(2023, 1, 5)), becomes_near_poor=True)
    ledger.households.record_escape(chair, household_id, Standing.NEAR_POOR, entry(date(2023, 12, 29)))

    ledger.reminders.sweep(date(2026, 12, 29))

    assert [d for d, _ in notices(ledger, household_id, ReminderRule.ESCAPED_LOAN_WINDOW_END)] == [
        date(2026, 11, 29),
        date(2026, 12, 29),
    ]


def test_falling_back_cancels_the_loan_window_too(ledger: Ledger) -> None:
    household_id = poor_household(ledger)
    chair = actor(ledger, "chutich")
    ledger.households.record_escape(chair, household_id, Standing.POOR, entry(date(2023, 1, 5)), becomes_near_poor=True)
    ledger.households.record_escape(chair, household_id, Standing.NEAR_POOR, entry(date(2023, 12, 29)))
    ledger.households.record_relapse(chair, household_id, Standing.NEAR_POOR, entry(date(2025, 3, 1)))

    ledger.reminders.sweep(date(2026, 12, 29))

    [window] = ledger.obligations.obligations(rule=ReminderRule.ESCAPED_LOAN_WINDOW_END)
    assert (window.status, notices(ledger, household_id, ReminderRule.ESCAPED_LOAN_WINDOW_END)) == ("cancelled", [])


def test_an_overdue_project_review_is_escalated_to_the_vice_chair_after_30_days(ledger: Ledger) -> None:
    project_id = approved_project(ledger, date(2023, 1, 1))

    ledger.reminders.sweep(date(2026, 2, 15))

    assert notices(ledger, project_id, ReminderRule.PROJECT_FINAL_REVIEW)[-1] == (date(2026, 1, 31), "phochutich")


def test_amending_a_project_moves_its_review_and_records_why(ledger: Ledger) -> None:
    project_id = approved_project(ledger, date(2024, 1, 1), duration_months=24)
    ledger.projects.amend_project(actor(ledger, "chutich"), project_id, 30, entry(date(2025, 6, 1)))

    ledger.reminders.sweep(date(2026, 5, 1))

    old, new = ledger.obligations.obligations(rule=ReminderRule.PROJECT_FINAL_REVIEW)
    assert (old.due_on, old.status, new.due_on, new.status) == (
        date(2026, 1, 1),
        "cancelled",
        date(2026, 7, 1),
        "issued",
    )
    assert "Dời hạn tổng kết sang 01/07/2026" in old.status_reason


def test_a_reminder_left_unacknowledged_for_a_week_goes_to_the_supervisor_once(ledger: Ledger) -> None:
    project_id = approved_project(ledger, date(2024, 1, 1))
    ledger.reminders.sweep(date(2026, 10, 3))

    ledger.reminders.sweep(date(2026, 10, 10))
    ledger.reminders.sweep(date(2026, 10, 20))

    escalated = [r for r in ledger.inbox.inbox(actor(ledger, "phochutich")) if r.subject_id == project_id]
    assert [(r.notice_on, r.escalated) for r in escalated] == [(date(2026, 10, 10), True)]


def test_an_acknowledged_reminder_is_not_escalated(ledger: Ledger) -> None:
    project_id = approved_project(ledger, date(2024, 1, 1))
    ledger.reminders.sweep(date(2026, 10, 3))
    official = actor(ledger, "diachinh")
    for reminder in ledger.inbox.inbox(official):
        ledger.inbox.acknowledge_reminder(official, reminder.reminder_id, entry(date(2026, 10, 4)))

    ledger.reminders.sweep(date(2026, 10, 20))

    assert [r for r in ledger.inbox.inbox(actor(ledger, "phochutich")) if r.subject_id == project_id] == []


def test_resolving_a_reminder_with_a_note_resolves_its_obligation(ledger: Ledger) -> None:
    household_id = poor_household(ledger)
    loan = ledger.loans.grant_loan(
        actor(ledger, "diachinh"), household_id, Programme.POOR, 30_000_000, 12, entry(date(2025, 12, 31))
    )
    ledger.reminders.sweep(date(2026, 12, 1))
    official = actor(ledger, "diachinh")
    [reminder] = [r for r in ledger.inbox.inbox(official) if r.subject_id == loan.subject_id]

    ledger.inbox.resolve_reminder(official, reminder.reminder_id, entry(date(2026, 11, 2), note="Hộ đã trả nợ đủ"))
    ledger.reminders.sweep(date(2026, 12, 31))

    [obligation] = ledger.obligations.obligations(rule=ReminderRule.LOAN_DUE)
    assert (obligation.status, obligation.status_reason) == ("resolved", "diachinh: Hộ đã trả nợ đủ")
    assert len(notices(ledger, loan.subject_id, ReminderRule.LOAN_DUE)) == 1


def test_resolving_without_saying_how_is_refused(ledger: Ledger) -> None:
    project_id = approved_project(ledger, date(2024, 1, 1))
    ledger.reminders.sweep(date(2026, 10, 3))
    official = actor(ledger, "diachinh")
    [reminder, *_] = [r for r in ledger.inbox.inbox(official) if r.subject_id == project_id]

    with pytest.raises(ReminderRefusedError, match="Hãy ghi rõ"):
        ledger.inbox.resolve_reminder(official, reminder.reminder_id, entry(date(2026, 10, 4)))


def test_the_calendar_reminds_the_chair_of_the_monthly_review_from_the_first_sweep(ledger: Ledger) -> None:
    ledger.reminders.sweep(date(2026, 11, 10))

    ledger.reminders.sweep(date(2026, 11, 15))

    november, december = ledger.obligations.obligations(rule=ReminderRule.REGULAR_REVIEW_STARTS)
    assert (november.due_on, november.status, [r.recipient for r in november.reminders]) == (
        date(2026, 11, 15),
        "issued",
        ["chutich"],
    )
    assert (december.due_on, december.status) == (date(2026, 12, 15), "pending")


def test_opening_the_monthly_review_resolves_its_calendar_deadline(ledger: Ledger) -> None:
    ledger.reminders.sweep(date(2026, 11, 10))

    ledger.reviews.open_review(actor(ledger, "chutich"), ReviewKind.REGULAR, 2026, 11, entry(date(2026, 11, 16)))

    [starts] = ledger.obligations.obligations(rule=ReminderRule.REGULAR_REVIEW_STARTS)
    assert (starts.status, starts.status_reason) == ("resolved", "Đã mở đợt rà soát ngày 16/11/2026")


def test_a_review_opened_before_the_sweep_noted_its_deadline_still_resolves_it(ledger: Ledger) -> None:
    ledger.reviews.open_review(actor(ledger, "chutich"), ReviewKind.REGULAR, 2026, 11, entry(date(2026, 11, 16)))

    ledger.reminders.sweep(date(2026, 11, 15))

    november, _ = ledger.obligations.obligations(rule=ReminderRule.REGULAR_REVIEW_STARTS)
    assert (november.status, november.reminders) == ("resolved", ())

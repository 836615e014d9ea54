"""Loans through the ledger: recorded with their due date when eligible, refused with the reason."""

from __future__ import annotations

from datetime import date

import pytest

from application.ledger import Ledger
from domain.loan import LoanRefusedError, Programme
from domain.user import NotAllowedError
from tests.application.helpers import actor, entry, escaped_household, poor_household, register


def test_a_loan_to_a_poor_household_is_recorded_with_its_due_date(ledger: Ledger) -> None:
    household_id = poor_household(ledger)

    loan_id = ledger.loans.grant_loan(
        actor(ledger, "diachinh"), household_id, Programme.POOR, 50_000_000, 1, entry(date(2026, 1, 31))
    ).subject_id

    loan = ledger.loans.loan_summary(loan_id)
    assert (loan.household_id, loan.programme, loan.amount) == (household_id, Programme.POOR, 50_000_000)
    assert (loan.granted_on, loan.due_on) == (date(2026, 1, 31), date(2026, 2, 28))


def test_a_newly_escaped_household_is_granted_a_loan_inside_its_window(ledger: Ledger) -> None:
    household_id = escaped_household(ledger, date(2024, 2, 29))

    ledger.loans.grant_loan(actor(ledger, "diachinh"), household_id, Programme.NEWLY_ESCAPED, 30_000_000, 36, entry())

    [loan] = ledger.loans.loan_list(household_id=household_id)
    assert (loan.programme, loan.due_on) == (Programme.NEWLY_ESCAPED, date(2029, 11, 2))


def test_a_loan_to_an_ineligible_household_is_refused_with_the_reason_and_records_nothing(ledger: Ledger) -> None:
    household_id = register(ledger)
    before = ledger.log_position()

    with pytest.raises(LoanRefusedError, match="Ngày 02/11/2026 hộ không phải hộ nghèo"):
        ledger.loans.grant_loan(actor(ledger, "diachinh"), household_id, Programme.POOR, 50_000_000, 60, entry())

    assert ledger.log_position() == before
    assert ledger.loans.loan_list() == []


def test_a_loan_granted_before_the_household_was_recognised_poor_is_refused(ledger: Ledger) -> None:
    household_id = poor_household(ledger, since=date(2025, 3, 1))

    with pytest.raises(LoanRefusedError, match="Ngày 28/02/2025 hộ không phải hộ nghèo"):
        ledger.loans.grant_loan(
            actor(ledger, "diachinh"), household_id, Programme.POOR, 50_000_000, 60, entry(date(2025, 2, 28))
        )


def test_an_official_cannot_record_a_loan_for_a_household_of_another_hamlet(ledger: Ledger) -> None:
    household_id = poor_household(ledger)

    with pytest.raises(NotAllowedError):
        ledger.loans.grant_loan(actor(ledger, "vanhoa"), household_id, Programme.POOR, 50_000_000, 60, entry())

    assert ledger.loans.loan_list() == []


def test_a_loan_form_submitted_twice_records_one_loan(ledger: Ledger) -> None:
    household_id = poor_household(ledger)
    official, form = actor(ledger, "diachinh"), entry(command_id="loan-form-1")
    first = ledger.loans.grant_loan(official, household_id, Programme.POOR, 50_000_000, 60, form)

    second = ledger.loans.grant_loan(official, household_id, Programme.POOR, 50_000_000, 60, form)

    assert (second.subject_id, second.duplicate) == (first.subject_id, True)
    assert len(ledger.loans.loan_list()) == 1

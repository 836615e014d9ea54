"""A household's loan need: eligible on the day it is recorded, met by a later loan, or withdrawn."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import uuid4

import pytest

from domain.acts import IncompleteEntryError
from domain.household import Household
from domain.loan import Loan, LoanRefusedError, Programme
from domain.loan_request import LoanRequest
from tests.domain.helpers import act, escaped_household, household, near_poor_household, poor_household


def request(borrower: Household, programme: Programme = Programme.POOR, on: date = date(2024, 3, 1)) -> LoanRequest:
    recorded = LoanRequest.record(borrower, programme, 50_000_000, "Mua bò giống", act(on))
    recorded.collect_events()
    return recorded


@pytest.mark.parametrize(
    ("make", "programme", "on"),
    [
        (poor_household, Programme.POOR, date(2024, 3, 1)),
        (near_poor_household, Programme.NEAR_POOR, date(2024, 3, 1)),
        (lambda: escaped_household(date(2024, 2, 29)), Programme.NEWLY_ESCAPED, date(2027, 2, 28)),
    ],
)
def test_the_need_of_an_eligible_household_is_recorded_with_its_programme_amount_and_purpose(
    make: Callable[[], Household], programme: Programme, on: date
) -> None:
    borrower = make()

    recorded = LoanRequest.record(borrower, programme, 40_000_000, " Chăn nuôi lợn ", act(on))

    [event] = recorded.collect_events()
    assert isinstance(event, LoanRequest.Recorded)
    assert (event.household_id, event.hamlet, event.programme) == (borrower.id, "Xuân Hà", programme)
    assert (event.amount, event.purpose, event.requested_on, event.actor) == (
        40_000_000,
        "Chăn nuôi lợn",
        on,
        "diachinh",
    )
    assert recorded.is_open


@pytest.mark.parametrize(
    ("make", "programme", "on", "reason"),
    [
        (household, Programme.POOR, date(2024, 3, 1), "Ngày 01/03/2024 hộ không phải hộ nghèo"),
        (poor_household, Programme.NEAR_POOR, date(2024, 3, 1), "Ngày 01/03/2024 hộ không phải hộ cận nghèo"),
        (
            lambda: escaped_household(date(2024, 2, 29)),
            Programme.NEWLY_ESCAPED,
            date(2027, 3, 1),
            "Ngày 01/03/2027 hộ không trong thời hạn 36 tháng",
        ),
        (poor_household, Programme.OTHER, date(2024, 3, 1), "Chỉ ghi nhu cầu vay theo chương trình"),
    ],
)
def test_the_need_of_an_ineligible_household_is_refused_with_the_reason_on_the_recorded_day(
    make: Callable[[], Household], programme: Programme, on: date, reason: str
) -> None:
    with pytest.raises(LoanRefusedError, match=reason):
        LoanRequest.record(make(), programme, 50_000_000, "Mua bò giống", act(on))


@pytest.mark.parametrize(("amount", "purpose"), [(0, "Mua bò"), (-5, "Mua bò"), (50_000_000, "  ")])
def test_a_need_without_an_amount_or_a_purpose_is_incomplete(amount: int, purpose: str) -> None:
    with pytest.raises(IncompleteEntryError):
        LoanRequest.record(poor_household(), Programme.POOR, amount, purpose, act(date(2024, 3, 1)))


def test_a_loan_of_the_same_household_and_programme_granted_later_meets_the_need() -> None:
    borrower = poor_household()
    need = request(borrower)
    loan = Loan.grant(borrower, Programme.POOR, 50_000_000, 60, act(date(2024, 4, 2)), need.id)

    need.meet(loan.id, borrower.id, Programme.POOR, 50_000_000, act(date(2024, 4, 2)))

    assert (need.met_by, need.met_on, need.is_open) == (loan.id, date(2024, 4, 2), False)
    assert loan.collect_events()[0].request_id == need.id  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("programme", "on", "reason"),
    [
        (Programme.NEAR_POOR, date(2024, 4, 2), "không phải của hộ này theo chương trình này"),
        (Programme.POOR, date(2024, 2, 28), "trước ngày ghi nhu cầu 01/03/2024"),
    ],
)
def test_a_loan_of_another_programme_or_granted_before_the_need_does_not_meet_it(
    programme: Programme, on: date, reason: str
) -> None:
    borrower = poor_household()
    need = request(borrower)

    with pytest.raises(LoanRefusedError, match=reason):
        need.meet(uuid4(), borrower.id, programme, 50_000_000, act(on))
    assert need.is_open


def test_a_withdrawn_need_is_no_longer_open_and_cannot_be_met_or_withdrawn_again() -> None:
    borrower = poor_household()
    need = request(borrower)

    need.withdraw("Hộ không còn nhu cầu", act(date(2024, 5, 1)))

    [event] = need.collect_events()
    assert isinstance(event, LoanRequest.Withdrawn) and event.reason == "Hộ không còn nhu cầu"
    assert not need.is_open
    with pytest.raises(LoanRefusedError, match="đã được rút"):
        need.meet(uuid4(), borrower.id, Programme.POOR, 50_000_000, act(date(2024, 6, 1)))
    with pytest.raises(LoanRefusedError, match="đã được rút"):
        need.withdraw("Lần nữa", act(date(2024, 6, 1)))


def test_a_met_need_cannot_be_withdrawn_and_a_withdrawal_needs_a_reason() -> None:
    borrower = poor_household()
    need = request(borrower)
    with pytest.raises(IncompleteEntryError):
        need.withdraw(" ", act(date(2024, 5, 1)))

    need.meet(uuid4(), borrower.id, Programme.POOR, 50_000_000, act(date(2024, 4, 2)))

    with pytest.raises(LoanRefusedError, match="đã được đáp ứng"):
        need.withdraw("Hộ không còn nhu cầu", act(date(2024, 5, 1)))

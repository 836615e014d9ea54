"""Preferential loans: eligibility on the granted date, amount and term, and the due date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from domain.errors import InvalidInputError
from domain.household import Household, Standing
from domain.loan import MAX_TERM_MONTHS, Loan, LoanRefusedError, Programme
from tests.domain.helpers import act, escaped_household, household, near_poor_household, poor_household


def grant(borrower: Household, programme: Programme, on: date, amount: int = 50_000_000, term: int = 60) -> Loan:
    return Loan.grant(borrower, programme, amount, term, act(on))


def fallen_back_household() -> Household:
    fallen = escaped_household(date(2024, 2, 29))
    fallen.fall_back(Standing.POOR, act(date(2025, 6, 1)))
    return fallen


@pytest.mark.parametrize(
    ("make", "programme", "granted_on"),
    [
        (poor_household, Programme.POOR, date(2024, 5, 2)),
        (near_poor_household, Programme.NEAR_POOR, date(2024, 5, 2)),
        (lambda: escaped_household(date(2024, 2, 29)), Programme.NEWLY_ESCAPED, date(2024, 2, 29)),
        (lambda: escaped_household(date(2024, 2, 29)), Programme.NEWLY_ESCAPED, date(2027, 2, 28)),
        (fallen_back_household, Programme.NEWLY_ESCAPED, date(2025, 5, 31)),
        (fallen_back_household, Programme.POOR, date(2025, 6, 1)),
        (household, Programme.OTHER, date(2024, 5, 2)),
        (poor_household, Programme.OTHER, date(2024, 5, 2)),
    ],
)
def test_an_eligible_household_is_granted_the_loan(
    make: Callable[[], Household], programme: Programme, granted_on: date
) -> None:
    borrower = make()

    loan = grant(borrower, programme, granted_on)

    [event] = loan.collect_events()
    assert isinstance(event, Loan.Granted)
    assert (event.household_id, event.programme, event.granted_on) == (borrower.id, programme, granted_on)


@pytest.mark.parametrize(
    ("make", "programme", "granted_on", "reason"),
    [
        (household, Programme.POOR, date(2024, 5, 2), "Ngày 02/05/2024 hộ không phải hộ nghèo"),
        (near_poor_household, Programme.POOR, date(2024, 5, 2), "Ngày 02/05/2024 hộ không phải hộ nghèo"),
        (lambda: poor_household(date(2024, 6, 1)), Programme.POOR, date(2024, 5, 31), "Ngày 31/05/2024 hộ không"),
        (poor_household, Programme.NEAR_POOR, date(2024, 5, 2), "Ngày 02/05/2024 hộ không phải hộ cận nghèo"),
        (poor_household, Programme.NEWLY_ESCAPED, date(2024, 5, 2), "Ngày 02/05/2024 hộ không trong thời hạn 36 tháng"),
        (
            lambda: escaped_household(date(2024, 2, 29)),
            Programme.NEWLY_ESCAPED,
            date(2027, 3, 1),
            "Ngày 01/03/2027 hộ không trong thời hạn 36 tháng",
        ),
        (
            lambda: escaped_household(date(2024, 2, 29)),
            Programme.NEWLY_ESCAPED,
            date(2024, 2, 28),
            "Ngày 28/02/2024 hộ không trong thời hạn 36 tháng",
        ),
        (
            fallen_back_household,
            Programme.NEWLY_ESCAPED,
            date(2025, 6, 1),
            "Ngày 01/06/2025 hộ không trong thời hạn 36 tháng",
        ),
    ],
)
def test_an_ineligible_household_is_refused_with_the_reason_on_the_granted_date(
    make: Callable[[], Household], programme: Programme, granted_on: date, reason: str
) -> None:
    borrower = make()

    with pytest.raises(LoanRefusedError) as refusal:
        grant(borrower, programme, granted_on)

    assert refusal.value.message.startswith(reason)


def test_a_poor_household_loan_names_the_households_standing_that_day() -> None:
    near_poor = near_poor_household()

    with pytest.raises(LoanRefusedError, match=r"\(đang là hộ cận nghèo\)"):
        grant(near_poor, Programme.POOR, date(2024, 5, 2))


def test_eligibility_is_judged_on_the_granted_date_not_today() -> None:
    escaped = escaped_household(date(2024, 2, 29), poor_since=date(2022, 1, 10))

    loan = grant(escaped, Programme.POOR, date(2023, 12, 1))

    assert loan.collect_events()[0].granted_on == date(2023, 12, 1)


@pytest.mark.parametrize("amount", [0, -1, -50_000_000])
def test_an_amount_that_is_not_positive_is_refused(amount: int) -> None:
    with pytest.raises(InvalidInputError, match="Số tiền vay: phải từ 1 đ trở lên"):
        grant(poor_household(), Programme.POOR, date(2024, 5, 2), amount=amount)


@pytest.mark.parametrize("term", [0, -12, MAX_TERM_MONTHS + 1])
def test_a_term_outside_1_to_120_months_is_refused(term: int) -> None:
    with pytest.raises(InvalidInputError, match=r"Thời hạn vay \(tháng\): phải từ 1 đến 120"):
        grant(poor_household(), Programme.POOR, date(2024, 5, 2), term=term)


@pytest.mark.parametrize("term", [1, MAX_TERM_MONTHS])
def test_a_term_of_1_or_120_months_is_accepted(term: int) -> None:
    loan = grant(poor_household(), Programme.POOR, date(2024, 5, 2), term=term)

    assert loan.collect_events()[0].term_months == term


@pytest.mark.parametrize(
    ("granted_on", "term", "due_on"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 2, 29), 48, date(2028, 2, 29)),
        (date(2024, 5, 2), 120, date(2034, 5, 2)),
        (date(2024, 8, 31), 1, date(2024, 9, 30)),
    ],
)
def test_the_loan_falls_due_the_term_in_months_after_it_was_granted(granted_on: date, term: int, due_on: date) -> None:
    loan = grant(household(), Programme.OTHER, granted_on, term=term)

    assert loan.collect_events()[0].due_on == due_on


def test_a_newly_escaped_loan_backdated_into_an_earlier_window_is_eligible() -> None:
    twice_escaped = escaped_household(date(2022, 12, 14))
    twice_escaped.fall_back(Standing.POOR, act(date(2023, 12, 14)))
    twice_escaped.escape_poverty(Standing.ESCAPED_POVERTY, True, act(date(2024, 12, 14)))

    loan = Loan.grant(twice_escaped, Programme.NEWLY_ESCAPED, 40_000_000, 36, act(date(2023, 3, 1)))

    assert loan.granted_on == date(2023, 3, 1)


def test_a_newly_escaped_loan_between_a_fall_back_and_the_next_escape_is_refused() -> None:
    twice_escaped = escaped_household(date(2022, 12, 14))
    twice_escaped.fall_back(Standing.POOR, act(date(2023, 12, 14)))
    twice_escaped.escape_poverty(Standing.ESCAPED_POVERTY, True, act(date(2024, 12, 14)))

    with pytest.raises(LoanRefusedError):
        Loan.grant(twice_escaped, Programme.NEWLY_ESCAPED, 40_000_000, 36, act(date(2024, 6, 1)))

"""Loan needs through the ledger: recorded when eligible, met by the loan the bank grants, or withdrawn,
and the plan's credit target (seed §II.2.1) measured from them on the dashboard."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from application.demo.plan import record_demo_plan
from application.ledger import Ledger
from domain.acts import IncompleteEntryError
from domain.household import Standing
from domain.loan import LoanRefusedError, Programme
from domain.user import NotAllowedError
from tests.application.helpers import XUAN_DAI_DONG, XUAN_HA, actor, entry, escaped_household, poor_household, register


def need(
    ledger: Ledger, household_id: UUID, on: date, programme: Programme = Programme.POOR, by: str = "chutich"
) -> UUID:
    return ledger.credit.record_loan_request(
        actor(ledger, by), household_id, programme, 50_000_000, "Mua bò giống", entry(on)
    ).subject_id


def test_the_need_of_a_poor_household_is_recorded_open_with_its_amount_and_purpose(ledger: Ledger) -> None:
    household_id = poor_household(ledger)

    request_id = ledger.credit.record_loan_request(
        actor(ledger, "diachinh"), household_id, Programme.POOR, 40_000_000, "Chăn nuôi lợn", entry(date(2026, 3, 2))
    ).subject_id

    [request] = ledger.credit.loan_requests(hamlet=XUAN_HA, year=2026)
    assert (request.request_id, request.household_id, request.head_name) == (request_id, household_id, "Nguyễn Văn An")
    assert (request.programme, request.amount, request.purpose) == (Programme.POOR, 40_000_000, "Chăn nuôi lợn")
    assert (request.requested_on, request.status, request.loan_id) == (date(2026, 3, 2), "open", None)
    assert ledger.credit.loan_requests(year=2025) == [] and ledger.credit.loan_requests(hamlet=XUAN_DAI_DONG) == []
    [row] = [r for r in ledger.audit.timeline(household_id) if r.action == "LoanRequest.Recorded"]
    assert row.details == "Cho vay hộ nghèo: cần vay 40.000.000 đ; mục đích: Chăn nuôi lợn"


def test_a_loan_granted_later_meets_the_oldest_open_need_of_the_household_and_programme(ledger: Ledger) -> None:
    household_id = poor_household(ledger)
    first, second = need(ledger, household_id, date(2026, 2, 2)), need(ledger, household_id, date(2026, 3, 2))

    loan_id = ledger.loans.grant_loan(
        actor(ledger, "diachinh"), household_id, Programme.POOR, 50_000_000, 60, entry(date(2026, 4, 1))
    ).subject_id

    met = ledger.credit.loan_request(first)
    assert (met.status, met.loan_id, met.met_on) == ("met", loan_id, date(2026, 4, 1))
    assert ledger.credit.loan_request(second).status == "open"
    assert [r.request_id for r in ledger.credit.loan_requests(status="open")] == [second]


def test_a_loan_names_the_need_the_official_picked(ledger: Ledger) -> None:
    household_id = poor_household(ledger)
    first, second = need(ledger, household_id, date(2026, 2, 2)), need(ledger, household_id, date(2026, 3, 2))

    loan_id = ledger.loans.grant_loan(
        actor(ledger, "diachinh"), household_id, Programme.POOR, 50_000_000, 60, entry(date(2026, 4, 1)), second
    ).subject_id

    assert (ledger.credit.loan_request(second).loan_id, ledger.credit.loan_request(first).status) == (loan_id, "open")


def test_a_loan_granted_before_the_need_was_recorded_or_of_another_programme_leaves_it_open(ledger: Ledger) -> None:
    household_id = poor_household(ledger)
    request_id = need(ledger, household_id, date(2026, 3, 2))

    ledger.loans.grant_loan(
        actor(ledger, "diachinh"), household_id, Programme.POOR, 50_000_000, 60, entry(date(2026, 3, 1))
    )
    ledger.loans.grant_loan(
        actor(ledger, "diachinh"), household_id, Programme.OTHER, 5_000_000, 12, entry(date(2026, 4, 1))
    )

    assert ledger.credit.loan_request(request_id).status == "open"
    before = ledger.log_position()
    with pytest.raises(LoanRefusedError, match="trước ngày ghi nhu cầu 02/03/2026"):
        ledger.loans.grant_loan(
            actor(ledger, "diachinh"), household_id, Programme.POOR, 1, 60, entry(date(2026, 3, 1)), request_id
        )
    assert ledger.log_position() == before


def test_a_withdrawn_need_is_not_met_by_a_later_loan(ledger: Ledger) -> None:
    household_id = poor_household(ledger)
    request_id = need(ledger, household_id, date(2026, 3, 2))

    ledger.credit.withdraw_loan_request(
        actor(ledger, "diachinh"), request_id, "Hộ đã vay được vốn khác", entry(date(2026, 4, 1))
    )
    ledger.loans.grant_loan(
        actor(ledger, "diachinh"), household_id, Programme.POOR, 50_000_000, 60, entry(date(2026, 5, 1))
    )

    withdrawn = ledger.credit.loan_request(request_id)
    assert (withdrawn.status, withdrawn.withdrawn_on, withdrawn.loan_id) == ("withdrawn", date(2026, 4, 1), None)
    assert withdrawn.withdrawal_reason == "Hộ đã vay được vốn khác"


def test_the_need_of_an_ineligible_household_is_refused_with_the_reason_and_records_nothing(ledger: Ledger) -> None:
    household_id, escaped_id = register(ledger), escaped_household(ledger, date(2022, 6, 1))
    before = ledger.log_position()

    with pytest.raises(LoanRefusedError, match="Ngày 02/11/2026 hộ không phải hộ nghèo"):
        need(ledger, household_id, date(2026, 11, 2))
    with pytest.raises(LoanRefusedError, match="Ngày 02/11/2026 hộ không trong thời hạn 36 tháng"):
        need(ledger, escaped_id, date(2026, 11, 2), Programme.NEWLY_ESCAPED)
    with pytest.raises(IncompleteEntryError):
        ledger.credit.record_loan_request(actor(ledger, "chutich"), escaped_id, Programme.POOR, 0, "Mua bò", entry())

    assert ledger.log_position() == before
    assert ledger.credit.loan_requests() == []


def test_an_official_cannot_record_the_need_of_a_household_of_another_hamlet(ledger: Ledger) -> None:
    household_id = poor_household(ledger)

    with pytest.raises(NotAllowedError):
        need(ledger, household_id, date(2026, 3, 2), by="vanhoa")

    assert ledger.credit.loan_requests() == []


def credit_target(ledger: Ledger, hamlet: str = "", as_of: date | None = None):  # type: ignore[no-untyped-def]
    board = ledger.dashboard.dashboard(2024, hamlet, as_of)
    return next(t for t in board.summary.targets if t.target.code == "loan_needs_met")


def test_the_credit_target_counts_the_years_needs_met_by_a_loan_per_hamlet(ledger: Ledger) -> None:
    chair = actor(ledger, "chutich")
    record_demo_plan(ledger, chair)
    met, unmet, withdrawn, last_year = (poor_household(ledger) for _ in range(4))
    near_poor = register(ledger, XUAN_DAI_DONG, by="chutich")
    ledger.households.recognise_household(chair, near_poor, Standing.NEAR_POOR, entry(date(2022, 1, 10)))
    need(ledger, met, date(2024, 3, 1))
    need(ledger, unmet, date(2024, 5, 1))
    withdrawn_id = need(ledger, withdrawn, date(2024, 3, 1))
    need(ledger, last_year, date(2023, 11, 1))
    need(ledger, near_poor, date(2024, 3, 1), Programme.NEAR_POOR)
    ledger.credit.withdraw_loan_request(chair, withdrawn_id, "Hộ không còn nhu cầu", entry(date(2024, 4, 1)))
    for household_id, programme, on in (
        (met, Programme.POOR, date(2024, 4, 1)),
        (last_year, Programme.POOR, date(2024, 2, 1)),
        (near_poor, Programme.NEAR_POOR, date(2025, 1, 10)),
    ):
        ledger.loans.grant_loan(chair, household_id, programme, 50_000_000, 60, entry(on))

    commune = credit_target(ledger)
    assert (commune.actual, commune.met, commune.coverage.covered, commune.coverage.known) == (33.33, False, 1, 3)
    assert commune.note == "1/3 nhu cầu vay được đáp ứng; 2 chưa được vay"
    xuan_ha = credit_target(ledger, XUAN_HA)
    assert (xuan_ha.actual, xuan_ha.coverage.not_covered) == (50.0, 1)
    dai_dong = credit_target(ledger, XUAN_DAI_DONG)
    assert (dai_dong.actual, dai_dong.met) == (0.0, False)
    early = credit_target(ledger, as_of=date(2024, 3, 15))  # the withdrawn need was still open then
    assert (early.coverage.covered, early.coverage.known) == (0, 3)


def test_a_hamlet_whose_every_need_was_met_meets_the_credit_target(ledger: Ledger) -> None:
    chair = actor(ledger, "chutich")
    record_demo_plan(ledger, chair)
    household_id = poor_household(ledger)
    need(ledger, household_id, date(2024, 3, 1))
    ledger.loans.grant_loan(chair, household_id, Programme.POOR, 50_000_000, 60, entry(date(2024, 3, 20)))

    target = credit_target(ledger, XUAN_HA)

    assert (target.actual, target.met, target.note) == (100.0, True, "1/1 nhu cầu vay được đáp ứng; 0 chưa được vay")

"""Use cases for preferential loans: record one granted by the bank, list and show them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from application.core.capability import CapabilityService
from application.core.ledger_core import Entry, LedgerCore, Recorded
from application.core.reference import LOAN_CEILINGS
from application.credit.loan_requests import LoanRequestCases
from application.readmodels.rows import from_row, projected
from domain.household import Household
from domain.loan import Loan, Programme
from domain.user import Actor


@dataclass(frozen=True)
class LoanSummary:
    loan_id: UUID
    household_id: UUID
    head_name: str
    hamlet: str
    programme: Programme
    amount: int
    term_months: int
    granted_on: date
    due_on: date


class LoanCases(CapabilityService):
    def __init__(self, core: LedgerCore, credit: LoanRequestCases) -> None:
        super().__init__(core)
        self.credit = credit

    def grant_loan(
        self,
        actor: Actor,
        household_id: UUID,
        programme: Programme,
        amount: int,
        term_months: int,
        entry: Entry,
        request_id: UUID | None = None,
    ) -> Recorded:
        """Mirrors the bank's decision; eligibility is checked on the granted date (entry.effective_on).

        The loan meets the household's recorded need (seed plan §II.2.1): the request named by `request_id`,
        or else the oldest open request of the household and programme recorded on or before the granted day
        (application/credit/loan_requests.py); both are saved in one transaction."""
        if previous := self.core.previous(entry.command_id):
            return previous
        household = self.core.load(Household, household_id)
        actor.require_hamlet(household.hamlet)
        self.core.require_not_future(entry.effective_on)
        act = self.core.act(actor, entry)
        request = self.credit.request_met_by(household_id, programme, entry.effective_on, request_id)
        met = request.id if request else None
        loan = Loan.grant(household, programme, amount, term_months, act, met, LOAN_CEILINGS)
        if request is None:
            return self.core.record(entry, loan.id, loan)
        request.meet(loan.id, household_id, programme, amount, act)
        return self.core.record(entry, loan.id, loan, request)

    def loan_summary(self, loan_id: UUID) -> LoanSummary:
        self.core.load(Loan, loan_id)
        with self.views.reading() as cursor:
            row = cursor.one("SELECT * FROM view_loans WHERE loan_id = ?", (str(loan_id),))
        return from_row(LoanSummary, projected(row))

    def loan_list(self, household_id: UUID | None = None, hamlet: str = "") -> list[LoanSummary]:
        # A loan voided by an approved correction (recorded in error) leaves the lists; its page stays.
        sql = "SELECT * FROM view_loans WHERE loan_id NOT IN (SELECT subject_id FROM view_corrections"
        sql += " WHERE status = 'approved' AND void = 1)"
        params: list[object] = []
        if household_id:
            sql, params = sql + " AND household_id = ?", [*params, str(household_id)]
        if hamlet:
            sql, params = sql + " AND hamlet = ?", [*params, hamlet]
        with self.views.reading() as cursor:
            rows = cursor.all(sql + " ORDER BY granted_on DESC, loan_id", params)
        return [from_row(LoanSummary, row) for row in rows]

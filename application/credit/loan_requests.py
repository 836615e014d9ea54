"""Use cases for households' loan needs: record one, withdraw it, list them (seed plan §II.2.1).

Matching a need with a loan (application/credit/loans.py `grant_loan`): a loan names the request it meets when the
official picks one; otherwise it meets the oldest open request of the same household and programme recorded
on or before the granted day. A loan that matches no open request meets none.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from application.core.capability import CapabilityService
from application.core.ledger_core import Entry, Recorded
from application.core.reference import LOAN_CEILINGS
from application.readmodels.rows import from_row, projected
from domain.household import Household
from domain.loan import Programme
from domain.loan_request import LoanRequest
from domain.user import Actor


@dataclass(frozen=True)
class LoanRequestSummary:
    request_id: UUID
    household_id: UUID
    head_name: str
    hamlet: str
    programme: Programme
    amount: int
    purpose: str
    requested_on: date
    status: str  # open | met | withdrawn
    loan_id: UUID | None
    met_on: date | None
    withdrawn_on: date | None
    withdrawal_reason: str

    @property
    def is_open(self) -> bool:
        return self.status == "open"


class LoanRequestCases(CapabilityService):
    def record_loan_request(
        self, actor: Actor, household_id: UUID, programme: Programme, amount: int, purpose: str, entry: Entry
    ) -> Recorded:
        """Form 01/TD: the need as the household declares it; eligibility is checked on the recorded day."""
        if previous := self.core.previous(entry.command_id):
            return previous
        household = self.core.load(Household, household_id)
        actor.require_hamlet(household.hamlet)
        self.core.require_not_future(entry.effective_on)
        request = LoanRequest.record(household, programme, amount, purpose, self.core.act(actor, entry), LOAN_CEILINGS)
        return self.core.record(entry, request.id, request)

    def withdraw_loan_request(self, actor: Actor, request_id: UUID, reason: str, entry: Entry) -> Recorded:
        if previous := self.core.previous(entry.command_id):
            return previous
        request = self.core.load(LoanRequest, request_id, entry.expected_version)
        actor.require_hamlet(request.hamlet)
        self.core.require_not_future(entry.effective_on)
        request.withdraw(reason, self.core.act(actor, entry))
        return self.core.record(entry, request.id, request)

    def loan_requests(
        self,
        hamlet: str = "",
        year: int | None = None,
        household_id: UUID | None = None,
        status: str = "",
    ) -> list[LoanRequestSummary]:
        """Requests newest first; `year` is the year they were recorded in."""
        sql = "SELECT * FROM view_loan_requests WHERE 1 = 1"
        params: list[object] = []
        for column, value in (("hamlet", hamlet), ("household_id", household_id), ("status", status)):
            if value:
                sql, params = sql + f" AND {column} = ?", [*params, str(value)]
        if year:
            sql += " AND requested_on >= ? AND requested_on <= ?"
            params += [date(year, 1, 1).isoformat(), date(year, 12, 31).isoformat()]
        with self.views.reading() as cursor:
            rows = cursor.all(sql + " ORDER BY requested_on DESC, request_id", params)
        return [from_row(LoanRequestSummary, row) for row in rows]

    def loan_request(self, request_id: UUID) -> LoanRequestSummary:
        self.core.load(LoanRequest, request_id)
        with self.views.reading() as cursor:
            row = cursor.one("SELECT * FROM view_loan_requests WHERE request_id = ?", (str(request_id),))
        return from_row(LoanRequestSummary, projected(row))

    def request_met_by(
        self, household_id: UUID, programme: Programme, granted_on: date, request_id: UUID | None
    ) -> LoanRequest | None:
        """The request a new loan meets: the one named, or the oldest open one of the household and programme."""
        if request_id:
            return self.core.load(LoanRequest, request_id)
        with self.views.reading() as cursor:
            row: dict[str, Any] | None = cursor.one(
                "SELECT request_id FROM view_loan_requests WHERE household_id = ? AND programme = ?"
                " AND status = 'open' AND requested_on <= ? ORDER BY requested_on, request_id LIMIT 1",
                (str(household_id), programme.value, granted_on.isoformat()),
            )
        if row is None:
            return None
        request = self.core.load(LoanRequest, UUID(str(row["request_id"])))
        return request if request.is_open else None

"""The JSON API for households' loan needs (Form 01/TD): record, withdraw and list them (seed plan §II.2.1)."""

from __future__ import annotations

from datetime import date
from typing import Literal
from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel, Field

from application.credit.loan_requests import LoanRequestSummary
from domain.loan import Programme
from web.shared.api_errors import ERROR_RESPONSES
from web.shared.dependencies import ApiActor, LedgerDep
from web.shared.query_bounds import optional_year
from web.shared.schemas import EntryIn, RecordedOut

router = APIRouter(prefix="/api/v1/loan-requests", tags=["loans"], responses=ERROR_RESPONSES)


class LoanRequestIn(EntryIn):
    """`effective_on` is the day the need is recorded; eligibility is checked on that day."""

    household_id: UUID
    programme: Literal["poor", "near_poor", "newly_escaped"]
    amount: int = Field(gt=0, description="Số tiền cần vay (đồng)")
    purpose: str = Field(min_length=1, max_length=500, description="Mục đích sử dụng vốn")


class WithdrawalIn(EntryIn):
    reason: str = Field(min_length=1)


class LoanRequestOut(BaseModel):
    id: UUID
    household_id: UUID
    head_name: str
    hamlet: str
    programme: str
    amount: int
    purpose: str
    requested_on: date
    status: Literal["open", "met", "withdrawn"]
    loan_id: UUID | None
    met_on: date | None
    withdrawn_on: date | None
    withdrawal_reason: str

    @classmethod
    def of(cls, r: LoanRequestSummary) -> LoanRequestOut:
        return cls(
            id=r.request_id,
            household_id=r.household_id,
            head_name=r.head_name,
            hamlet=r.hamlet,
            programme=r.programme.value,
            amount=r.amount,
            purpose=r.purpose,
            requested_on=r.requested_on,
            status=r.status,  # type: ignore[arg-type]
            loan_id=r.loan_id,
            met_on=r.met_on,
            withdrawn_on=r.withdrawn_on,
            withdrawal_reason=r.withdrawal_reason,
        )


@router.post("", status_code=201)
def record_loan_request(body: LoanRequestIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    return RecordedOut.of(
        ledger.credit.record_loan_request(
            actor, body.household_id, Programme(body.programme), body.amount, body.purpose, body.entry()
        )
    )


@router.post("/{request_id}/withdrawal", status_code=201)
def withdraw_loan_request(request_id: UUID, body: WithdrawalIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    return RecordedOut.of(ledger.credit.withdraw_loan_request(actor, request_id, body.reason, body.entry()))


@router.get("")
def list_loan_requests(
    actor: ApiActor,
    ledger: LedgerDep,
    hamlet: str = "",
    year: int | None = None,
    status: Literal["", "open", "met", "withdrawn"] = "",
) -> list[LoanRequestOut]:
    """Newest first; `year` is the year the need was recorded in."""
    year = optional_year(ledger, year)
    return [LoanRequestOut.of(r) for r in ledger.credit.loan_requests(hamlet=hamlet, year=year, status=status)]

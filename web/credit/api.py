"""The JSON API of loans: granting one."""

from __future__ import annotations

from fastapi import APIRouter

from domain.loan import Programme
from web.credit.schemas import LoanIn
from web.shared.api_errors import ERROR_RESPONSES
from web.shared.dependencies import ApiActor, LedgerDep
from web.shared.schemas import RecordedOut

router = APIRouter(prefix="/api/v1", tags=["api"], responses=ERROR_RESPONSES)


@router.post("/loans", status_code=201)
def grant_loan(body: LoanIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    return RecordedOut.of(
        ledger.loans.grant_loan(
            actor,
            body.household_id,
            Programme(body.programme),
            body.amount,
            body.term_months,
            body.entry(),
            body.request_id,
        )
    )

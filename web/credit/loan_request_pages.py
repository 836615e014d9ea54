"""Loan-need pages: record a household's need for a preferential loan (Form 01/TD), show it, withdraw it.

The needs measure the plan's credit target (seed §II.2.1); a loan recorded later meets them (credit/loans.py).
"""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from starlette.responses import Response

from application.ledger import Ledger
from domain.loan import Programme
from domain.loan_request import REQUEST_PROGRAMMES
from web.shared.dependencies import CheckedForm, LedgerDep, PageActor
from web.shared.forms import FormReader
from web.shared.outcome import attempt, redirect_after_post
from web.shared.templating import render

router = APIRouter(prefix="/loan-requests")


@router.get("/new", name="new_loan_request")
def new_loan_request(request: Request, household_id: UUID, actor: PageActor, ledger: LedgerDep) -> Response:
    return request_form(request, ledger, household_id)


def request_form(
    request: Request,
    ledger: Ledger,
    household_id: UUID,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "loan_requests/new.html",
        {
            "household": ledger.households.household_summary(household_id),
            "errors": errors or {},
            "values": values or {},
        },
        status_code=status_code,
    )


@router.post("", name="record_loan_request")
def record_loan_request(request: Request, form: CheckedForm, actor: PageActor, ledger: LedgerDep) -> Response:
    reader = FormReader(form)
    household_id = reader.subject_id("household_id")
    programme = reader.choice("programme", Programme, REQUEST_PROGRAMMES)
    amount = reader.integer("amount", minimum=1)
    purpose = reader.text("purpose", message="Hãy ghi mục đích sử dụng vốn vay.")
    entry = reader.entry()
    outcome: dict[str, UUID] = {}

    def record() -> None:
        assert programme and amount and entry
        outcome["id"] = ledger.credit.record_loan_request(
            actor, household_id, programme, amount, purpose, entry
        ).subject_id

    if failure := attempt(reader, record):
        return request_form(request, ledger, household_id, failure[0], reader.data, failure[1])
    return redirect_after_post(request, "Đã ghi nhận nhu cầu vay vốn.", "show_loan_request", request_id=outcome["id"])


@router.get("/{request_id}", name="show_loan_request")
def show_loan_request(request: Request, request_id: UUID, actor: PageActor, ledger: LedgerDep) -> Response:
    return request_page(request, ledger, request_id)


def request_page(
    request: Request,
    ledger: Ledger,
    request_id: UUID,
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "loan_requests/detail.html",
        {
            "loan_request": ledger.credit.loan_request(request_id),
            "timeline": ledger.audit.timeline(request_id),
            "errors": errors or {},
            "values": values or {},
        },
        status_code=status_code,
    )


@router.post("/{request_id}/withdrawal", name="withdraw_loan_request")
def withdraw_loan_request(
    request: Request, request_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    reason = reader.text("reason", message="Hãy ghi lý do rút nhu cầu vay.")
    entry = reader.entry()

    def withdraw() -> None:
        assert entry
        ledger.credit.withdraw_loan_request(actor, request_id, reason, entry)

    if failure := attempt(reader, withdraw):
        return request_page(request, ledger, request_id, failure[0], reader.data, failure[1])
    return redirect_after_post(request, "Đã ghi nhận việc rút nhu cầu vay.", "show_loan_request", request_id=request_id)

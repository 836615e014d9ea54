"""The audit log's rows for credit: loans granted and corrected, households' loan needs."""

from __future__ import annotations

from datetime import date
from typing import Any

from application.audit.audit_log.households import corrected_details
from application.audit.audit_log.table import record_audit
from application.credit.loan_requests_view import request_row
from application.credit.loans_view import loan_row
from application.households.register_view import household_row
from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers
from domain.correction import Changes
from domain.formatting import vn_date, vn_money
from domain.loan import PROGRAMME_LABELS, Loan
from domain.loan_request import LoanRequest

HANDLERS = Handlers()


def loan_audit(cursor: Cursor, event: Any, position: int, household_id: str, hamlet: str, details: str) -> None:
    head_name = household_row(cursor, household_id)["head_name"]
    record_audit(
        cursor,
        event,
        position,
        subject_type="loan",
        household_id=household_id,
        subject_label=f"Khoản vay của hộ {head_name}",
        hamlet=hamlet,
        details=details,
    )


@HANDLERS.on(Loan.Granted)
def loan_granted(cursor: Cursor, event: Loan.Granted, position: int) -> None:
    details = (
        f"{PROGRAMME_LABELS[event.programme]}: {vn_money(event.amount)}, {event.term_months} tháng,"
        f" đến hạn {vn_date(event.due_on)}"
    )
    loan_audit(cursor, event, position, str(event.household_id), event.hamlet, details)


@HANDLERS.on(Loan.Corrected)
def loan_corrected(cursor: Cursor, event: Loan.Corrected, position: int) -> None:
    loan = loan_row(cursor, event.originator_id)
    described = Changes(event.granted_on, event.new_basis, event.void, event.amount, event.term_months).describe()
    if not event.void:
        described += f", đến hạn {vn_date(event.due_on)}"
    loan_audit(cursor, event, position, loan["household_id"], loan["hamlet"], corrected_details(event, described))


def request_audit(cursor: Cursor, event: LoanRequest.Event, position: int, details: str) -> None:
    row = request_row(cursor, event.originator_id)
    record_audit(
        cursor,
        event,
        position,
        subject_type="loan_request",
        household_id=str(row["household_id"]),
        subject_label=f"Nhu cầu vay vốn của hộ {row['head_name']}",
        hamlet=row["hamlet"],
        details=details,
    )


@HANDLERS.on(LoanRequest.Recorded)
def loan_request_recorded(cursor: Cursor, event: LoanRequest.Recorded, position: int) -> None:
    details = f"{PROGRAMME_LABELS[event.programme]}: cần vay {vn_money(event.amount)}; mục đích: {event.purpose}"
    request_audit(cursor, event, position, details)


@HANDLERS.on(LoanRequest.Met)
def loan_request_met(cursor: Cursor, event: LoanRequest.Met, position: int) -> None:
    requested_on = date.fromisoformat(str(request_row(cursor, event.originator_id)["requested_on"]))
    details = (
        f"Đã được vay {vn_money(event.amount)} ngày {vn_date(event.effective_on)}"
        f" (nhu cầu ghi ngày {vn_date(requested_on)})"
    )
    request_audit(cursor, event, position, details)


@HANDLERS.on(LoanRequest.Withdrawn)
def loan_request_withdrawn(cursor: Cursor, event: LoanRequest.Withdrawn, position: int) -> None:
    request_audit(cursor, event, position, f"Rút nhu cầu vay: {event.reason}")

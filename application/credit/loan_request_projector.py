"""Read model of households' loan needs (view_loan_requests) and their rows of the audit log (seed plan §II.2.1)."""

from __future__ import annotations

from datetime import date
from typing import Any

from application.households.projector import handles, household_row, iso, record_audit
from application.readmodels.database import Cursor
from domain.formatting import vn_date, vn_money
from domain.loan import PROGRAMME_LABELS
from domain.loan_request import LoanRequest


def request_row(cursor: Cursor, event: LoanRequest.Event) -> dict[str, Any]:
    row = cursor.one("SELECT * FROM view_loan_requests WHERE request_id = ?", (str(event.originator_id),))
    assert row is not None, f"loan request {event.originator_id} projected before it was recorded"
    return row


def audit_request(cursor: Cursor, event: LoanRequest.Event, position: int, row: dict[str, Any], details: str) -> None:
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


@handles(LoanRequest.Recorded)
def loan_request_recorded(cursor: Cursor, event: LoanRequest.Recorded, position: int) -> None:
    household = household_row(cursor, event.household_id)
    row = {
        "request_id": str(event.originator_id),
        "household_id": str(event.household_id),
        "head_name": household["head_name"],
        "hamlet": event.hamlet,
        "programme": event.programme.value,
        "amount": event.amount,
        "purpose": event.purpose,
        "requested_on": iso(event.requested_on),
        "status": "open",
        "loan_id": None,
        "met_on": None,
        "withdrawn_on": None,
        "withdrawal_reason": "",
    }
    cursor.execute(
        f"INSERT INTO view_loan_requests ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", tuple(row.values())
    )
    details = f"{PROGRAMME_LABELS[event.programme]}: cần vay {vn_money(event.amount)}; mục đích: {event.purpose}"
    audit_request(cursor, event, position, row, details)


@handles(LoanRequest.Met)
def loan_request_met(cursor: Cursor, event: LoanRequest.Met, position: int) -> None:
    row = request_row(cursor, event)
    cursor.execute(
        "UPDATE view_loan_requests SET status = 'met', loan_id = ?, met_on = ? WHERE request_id = ?",
        (str(event.loan_id), iso(event.effective_on), row["request_id"]),
    )
    details = (
        f"Đã được vay {vn_money(event.amount)} ngày {vn_date(event.effective_on)}"
        f" (nhu cầu ghi ngày {vn_date(date.fromisoformat(str(row['requested_on'])))})"
    )
    audit_request(cursor, event, position, row, details)


@handles(LoanRequest.Withdrawn)
def loan_request_withdrawn(cursor: Cursor, event: LoanRequest.Withdrawn, position: int) -> None:
    row = request_row(cursor, event)
    cursor.execute(
        "UPDATE view_loan_requests SET status = 'withdrawn', withdrawn_on = ?, withdrawal_reason = ?"
        " WHERE request_id = ?",
        (iso(event.effective_on), event.reason, row["request_id"]),
    )
    audit_request(cursor, event, position, row, f"Rút nhu cầu vay: {event.reason}")

"""The read model of households' loan needs (view_loan_requests, Form 01/TD) and whether a loan met
them (seed plan §II.2.1)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from application.households.register_view import household_row
from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers, ReadModel
from application.readmodels.tables import iso
from domain.loan_request import LoanRequest

TABLE = "view_loan_requests"
TABLES = {
    TABLE: """
        request_id TEXT PRIMARY KEY,
        household_id TEXT NOT NULL,
        head_name TEXT NOT NULL,
        hamlet TEXT NOT NULL,
        programme TEXT NOT NULL,
        amount BIGINT NOT NULL,
        purpose TEXT NOT NULL,
        requested_on TEXT NOT NULL,
        status TEXT NOT NULL,
        loan_id TEXT,
        met_on TEXT,
        withdrawn_on TEXT,
        withdrawal_reason TEXT NOT NULL""",
}
INDEXES = ("CREATE INDEX IF NOT EXISTS view_loan_requests_household ON view_loan_requests (household_id, status)",)

HANDLERS = Handlers()


def request_row(cursor: Cursor, request_id: UUID) -> dict[str, Any]:
    row = cursor.one("SELECT * FROM view_loan_requests WHERE request_id = ?", (str(request_id),))
    assert row is not None, f"loan request {request_id} projected before it was recorded"
    return row


@HANDLERS.on(LoanRequest.Recorded)
def recorded(cursor: Cursor, event: LoanRequest.Recorded, position: int) -> None:
    row = {
        "request_id": str(event.originator_id),
        "household_id": str(event.household_id),
        "head_name": household_row(cursor, event.household_id)["head_name"],
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


@HANDLERS.on(LoanRequest.Met)
def met(cursor: Cursor, event: LoanRequest.Met, position: int) -> None:
    cursor.execute(
        "UPDATE view_loan_requests SET status = 'met', loan_id = ?, met_on = ? WHERE request_id = ?",
        (str(event.loan_id), iso(event.effective_on), str(event.originator_id)),
    )


@HANDLERS.on(LoanRequest.Withdrawn)
def withdrawn(cursor: Cursor, event: LoanRequest.Withdrawn, position: int) -> None:
    cursor.execute(
        "UPDATE view_loan_requests SET status = 'withdrawn', withdrawn_on = ?, withdrawal_reason = ?"
        " WHERE request_id = ?",
        (iso(event.effective_on), event.reason, str(event.originator_id)),
    )


READ_MODEL = ReadModel("loan_requests", TABLES, HANDLERS, INDEXES)

"""The loans read model (view_loans): each preferential loan granted to a household, as corrected."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from application.households.register_view import household_row
from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers, ReadModel
from application.readmodels.tables import iso
from domain.loan import Loan

TABLE = "view_loans"
TABLES = {
    TABLE: """
        loan_id TEXT PRIMARY KEY,
        household_id TEXT NOT NULL,
        head_name TEXT NOT NULL,
        hamlet TEXT NOT NULL,
        programme TEXT NOT NULL,
        amount BIGINT NOT NULL,
        term_months INTEGER NOT NULL,
        granted_on TEXT NOT NULL,
        due_on TEXT NOT NULL""",
}
INDEXES = ("CREATE INDEX IF NOT EXISTS view_loans_household ON view_loans (household_id)",)

HANDLERS = Handlers()


def loan_row(cursor: Cursor, loan_id: UUID) -> dict[str, Any]:
    """The loan's row (its household and hamlet never change); read by the obligations and the audit log."""
    loan = cursor.one("SELECT * FROM view_loans WHERE loan_id = ?", (str(loan_id),))
    assert loan is not None, f"loan {loan_id} projected before it was granted"
    return loan


@HANDLERS.on(Loan.Granted)
def granted(cursor: Cursor, event: Loan.Granted, position: int) -> None:
    cursor.execute(
        "INSERT INTO view_loans VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            str(event.originator_id),
            str(event.household_id),
            household_row(cursor, event.household_id)["head_name"],
            event.hamlet,
            event.programme.value,
            event.amount,
            event.term_months,
            iso(event.granted_on),
            iso(event.due_on),
        ),
    )


@HANDLERS.on(Loan.Corrected)
def corrected(cursor: Cursor, event: Loan.Corrected, position: int) -> None:
    if not event.void:
        cursor.execute(
            "UPDATE view_loans SET amount = ?, term_months = ?, granted_on = ?, due_on = ? WHERE loan_id = ?",
            (event.amount, event.term_months, iso(event.granted_on), iso(event.due_on), str(event.originator_id)),
        )


READ_MODEL = ReadModel("loans", TABLES, HANDLERS, INDEXES)

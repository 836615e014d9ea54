"""A loan's due date: opened when it is granted, moved or cancelled by its correction."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from application.credit.loans_view import loan_row
from application.households.register_view import household_row
from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers
from application.reminders.obligations_view.table import move_obligations, open_obligation
from domain.deadlines import ReminderRule
from domain.loan import Loan
from domain.reminder import Deadline

HANDLERS = Handlers()


def loan_deadline(loan: dict[str, Any], loan_id: UUID, commune: str, due_on: date) -> Deadline:
    label = f"Khoản vay của hộ {loan['head_name']}"
    return Deadline(ReminderRule.LOAN_DUE, "loan", loan_id, label, commune, loan["hamlet"], due_on)


@HANDLERS.on(Loan.Granted)
def loan_granted(cursor: Cursor, event: Loan.Granted, position: int) -> None:
    loan = {"head_name": household_row(cursor, event.household_id)["head_name"], "hamlet": event.hamlet}
    open_obligation(cursor, loan_deadline(loan, event.originator_id, event.commune, event.due_on), "", position)


@HANDLERS.on(Loan.Corrected)
def loan_corrected(cursor: Cursor, event: Loan.Corrected, position: int) -> None:
    loan = loan_row(cursor, event.originator_id)
    commune = household_row(cursor, UUID(loan["household_id"]))["commune"]
    deadlines = [] if event.void else [loan_deadline(loan, event.originator_id, commune, event.due_on)]
    move_obligations(cursor, event, ReminderRule.LOAN_DUE, deadlines, "", position)

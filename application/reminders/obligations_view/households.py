"""The deadlines a household's decision opens, cancels or (corrected) moves: the windows after an escape."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from application.households.register_view import household_row
from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers
from application.reminders.obligations_view.table import close_obligations, move_obligations, open_obligation
from domain.deadlines import ReminderRule
from domain.decisions import effect_of
from domain.formatting import vn_date
from domain.household import STANDING_LABELS, Household
from domain.reminder import Deadline

HOUSEHOLD_RULES = (ReminderRule.NEWLY_ESCAPED_WINDOW_END, ReminderRule.ESCAPED_LOAN_WINDOW_END)

HANDLERS = Handlers()


def household_deadline(row: dict[str, Any], rule: ReminderRule, due_on: date) -> Deadline:
    return Deadline(
        rule, "household", UUID(row["household_id"]), row["head_name"], row["commune"], row["hamlet"], due_on
    )


@HANDLERS.on(
    Household.RecognisedPoor,
    Household.RecognisedNearPoor,
    Household.EscapedPoverty,
    Household.EscapedNearPoverty,
    Household.FellBackIntoPoverty,
)
def household_transitioned(cursor: Cursor, event: Household.Transition, position: int) -> None:
    """The deadlines a decision opens or cancels, as the domain's one rule says (domain/decisions.py)."""
    row, effect = household_row(cursor, event.originator_id), effect_of(event.decision())
    if effect.window_until:
        deadline = household_deadline(row, ReminderRule.NEWLY_ESCAPED_WINDOW_END, effect.window_until)
        open_obligation(cursor, deadline, "", position)
    if effect.loan_window_until:
        deadline = household_deadline(row, ReminderRule.ESCAPED_LOAN_WINDOW_END, effect.loan_window_until)
        open_obligation(cursor, deadline, "", position)
    if effect.ends_windows:
        reason = f"Hộ tái nghèo ({STANDING_LABELS[event.to_standing]}) từ ngày {vn_date(event.effective_on)}"
        for rule in HOUSEHOLD_RULES:
            close_obligations(cursor, event.originator_id, rule, "cancelled", reason, position)


@HANDLERS.on(Household.DecisionCorrected)
def household_decision_corrected(cursor: Cursor, event: Household.DecisionCorrected, position: int) -> None:
    row = household_row(cursor, event.originator_id)
    due = {
        ReminderRule.NEWLY_ESCAPED_WINDOW_END: event.window_ends,
        ReminderRule.ESCAPED_LOAN_WINDOW_END: event.loan_window_ends,
    }
    for rule, days in due.items():
        move_obligations(cursor, event, rule, [household_deadline(row, rule, day) for day in days], "", position)

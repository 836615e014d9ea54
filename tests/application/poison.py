"""Poison events for the stalled-read-model tests (issue 10 §1): stored through the library directly,
past the domain's bounds, as the first wave's unbounded inputs could store them."""

from __future__ import annotations

import json
from typing import Any
from uuid import uuid4

from eventsourcing.persistence import StoredEvent

from application.ledger import Ledger
from domain.loan import Programme
from tests.application.helpers import actor, entry, poor_household

TOO_LARGE = 2**70  # no INTEGER column of SQLite or BIGINT of PostgreSQL holds it


def granted_loan_event(ledger: Ledger) -> StoredEvent:
    """A real Loan.Granted as stored, to copy from."""
    household_id = poor_household(ledger)
    chair = actor(ledger, "chutich")
    loan_id = ledger.loans.grant_loan(chair, household_id, Programme.POOR, 1_000_000, 12, entry()).subject_id
    [granted] = ledger.store.recorder.select_events(loan_id, limit=1)
    return granted


def with_amount(state: Any, amount: int) -> Any:
    """The stored state with its amount replaced, whatever shape the transcoder gave the money."""
    if not isinstance(state, dict):
        return state
    return {k: amount if k == "amount" and isinstance(v, int) else with_amount(v, amount) for k, v in state.items()}


def store_copy(
    ledger: Ledger, stored: StoredEvent, topic: str | None = None, amount: int | None = None, **changes: Any
) -> int:
    """A copy of a stored event under a new originator id, with some of its stored values changed."""
    state = {**json.loads(stored.state), **changes}
    if amount is not None:
        state = with_amount(state, amount)
    copy = StoredEvent(uuid4(), stored.originator_version, topic or stored.topic, json.dumps(state).encode())
    [position] = ledger.store.recorder.insert_events([copy])
    return int(position)


def poison_loan(ledger: Ledger) -> int:
    """Stores a loan of 2^70 đ, which no read model can apply; returns its position in the log."""
    return store_copy(ledger, granted_loan_event(ledger), amount=TOO_LARGE)

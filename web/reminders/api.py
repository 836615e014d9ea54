"""The JSON API of the reminders inbox."""

from __future__ import annotations

from dataclasses import asdict
from uuid import UUID

from fastapi import APIRouter

from application.core.ledger_core import Entry
from web.reminders.schemas import AcknowledgementIn, ReminderOut
from web.shared.api_errors import ERROR_RESPONSES
from web.shared.dependencies import ApiActor, LedgerDep
from web.shared.schemas import RecordedOut

router = APIRouter(prefix="/api/v1", tags=["api"], responses=ERROR_RESPONSES)


@router.get("/reminders")
def list_reminders(actor: ApiActor, ledger: LedgerDep, include_acknowledged: bool = False) -> list[ReminderOut]:
    return [
        ReminderOut(**{**asdict(item), "id": item.reminder_id, "rule": item.rule.value})
        for item in ledger.inbox.inbox(actor, include_acknowledged)
    ]


@router.post("/reminders/{reminder_id}/acknowledgement", status_code=201)
def acknowledge_reminder(reminder_id: UUID, body: AcknowledgementIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    return RecordedOut.of(
        ledger.inbox.acknowledge_reminder(
            actor, reminder_id, Entry(ledger.today(), note=body.note, command_id=body.command_id)
        )
    )

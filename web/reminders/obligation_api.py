"""The JSON API for deadlines: obligations, the completeness report, resolving reminders, amending projects."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal
from uuid import UUID

from fastapi import APIRouter, Query

from application.core.ledger_core import Entry
from domain.deadlines import ReminderRule
from web.reminders.obligation_schemas import AmendmentIn, CompletenessOut, ObligationOut, ResolutionIn
from web.shared.api_errors import ERROR_RESPONSES
from web.shared.dependencies import ApiActor, LedgerDep
from web.shared.query_bounds import checked_day
from web.shared.schemas import RecordedOut

router = APIRouter(prefix="/api/v1", tags=["obligations"], responses=ERROR_RESPONSES)
From = Annotated[date | None, Query(alias="from", description="hạn từ ngày (mặc định: đầu năm nay)")]
To = Annotated[date | None, Query(alias="to", description="hạn đến ngày (mặc định: cuối năm nay)")]


@router.get("/obligations")
def list_obligations(
    actor: ApiActor,
    ledger: LedgerDep,
    due_from: From = None,
    due_to: To = None,
    hamlet: str = "",
    rule: ReminderRule | None = None,
    status: Literal["", "pending", "issued", "acknowledged", "resolved", "cancelled"] = "",
) -> list[ObligationOut]:
    """Every deadline due in the period, with its reminders and its status."""
    first, last = ledger.completeness.this_year()
    due_from, due_to = checked_day(ledger, due_from, "from"), checked_day(ledger, due_to, "to")
    items = ledger.completeness.obligation_list(due_from or first, due_to or last, hamlet, rule, status)
    return [ObligationOut.of(item) for item in items]


@router.get("/completeness")
def completeness(
    actor: ApiActor, ledger: LedgerDep, due_from: From = None, due_to: To = None, today: date | None = None
) -> CompletenessOut:
    """What became of every reminder due for the deadlines of the period; `errors` lists the unexplained gaps."""
    first, last = ledger.completeness.this_year()
    due_from, due_to = checked_day(ledger, due_from, "from"), checked_day(ledger, due_to, "to")
    today = checked_day(ledger, today, "today")
    return CompletenessOut.of(ledger.completeness.completeness(due_from or first, due_to or last, today))


@router.post("/reminders/{reminder_id}/resolution", status_code=201)
def resolve_reminder(reminder_id: UUID, body: ResolutionIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    entry = Entry(ledger.today(), note=body.note, command_id=body.command_id)
    return RecordedOut.of(ledger.inbox.resolve_reminder(actor, reminder_id, entry))


@router.post("/projects/{project_id}/amendment", status_code=201)
def amend_project(project_id: UUID, body: AmendmentIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    """A decision changing the project's duration; its final review moves to the new end date."""
    return RecordedOut.of(ledger.projects.amend_project(actor, project_id, body.duration_months, body.entry()))

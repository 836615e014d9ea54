"""The JSON API: the same use cases as the pages, for other systems and scripts."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query

from application.audit.trail import AuditFilter
from application.core.ledger_core import Entry
from domain.household import Area, Member, Standing
from domain.loan import Programme
from domain.project import Component
from web.api.errors import ERROR_RESPONSES
from web.api.schemas import (
    AcknowledgementIn,
    ApprovalIn,
    AuditEntryOut,
    EscapeIn,
    HouseholdIn,
    HouseholdOut,
    LoanIn,
    MemberOut,
    PersonIn,
    ProjectIn,
    RecognitionIn,
    RecordedOut,
    RelapseIn,
    ReminderOut,
    ReviewIn,
)
from web.dependencies import ApiActor, LedgerDep
from web.query_bounds import checked_day

router = APIRouter(prefix="/api/v1", tags=["api"], responses=ERROR_RESPONSES)


@router.post("/households", status_code=201)
def register_household(body: HouseholdIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    members = [Member(m.full_name, m.relation, m.birth_year) for m in body.members]
    return RecordedOut.of(
        ledger.register_household(actor, body.hamlet, body.head_name, members, Area(body.area), body.entry())
    )


@router.get("/households/{household_id}")
def show_household(household_id: UUID, actor: ApiActor, ledger: LedgerDep) -> HouseholdOut:
    s = ledger.household_for(actor, household_id)  # ID numbers masked unless the caller needs them
    members = [MemberOut(id=member_id, **dict(PersonIn.model_validate(p))) for member_id, p in s.members]
    return HouseholdOut(
        id=s.household_id,
        version=s.version,
        commune=s.commune,
        hamlet=s.hamlet,
        head_name=s.head_name,
        members=members,
        area=s.area.value,
        standing=s.standing.value,
        escaped_on=s.escaped_on,
        newly_escaped_until=s.newly_escaped_until,
        window_closed_on=s.window_closed_on,
        newly_escaped_today=s.newly_escaped_today,
    )


@router.post("/households/{household_id}/recognitions", status_code=201)
def recognise_household(household_id: UUID, body: RecognitionIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    return RecordedOut.of(ledger.recognise_household(actor, household_id, Standing(body.standing), body.entry()))


@router.post("/households/{household_id}/escapes", status_code=201)
def record_escape(household_id: UUID, body: EscapeIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    return RecordedOut.of(
        ledger.record_escape(actor, household_id, Standing(body.from_standing), body.entry(), body.becomes_near_poor)
    )


@router.post("/households/{household_id}/relapses", status_code=201)
def record_relapse(household_id: UUID, body: RelapseIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    return RecordedOut.of(ledger.record_relapse(actor, household_id, Standing(body.into), body.entry()))


@router.get("/households/{household_id}/history")
def household_history(household_id: UUID, actor: ApiActor, ledger: LedgerDep) -> list[AuditEntryOut]:
    ledger.household_summary(household_id)
    return [AuditEntryOut(**asdict(entry)) for entry in ledger.timeline(household_id)]


@router.post("/loans", status_code=201)
def grant_loan(body: LoanIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    return RecordedOut.of(
        ledger.grant_loan(
            actor,
            body.household_id,
            Programme(body.programme),
            body.amount,
            body.term_months,
            body.entry(),
            body.request_id,
        )
    )


@router.post("/projects", status_code=201)
def propose_project(body: ProjectIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    return RecordedOut.of(
        ledger.propose_project(
            actor, body.name, Component(body.component), body.household_ids, body.entry(), body.responsible
        )
    )


@router.post("/projects/{project_id}/approval", status_code=201)
def approve_project(project_id: UUID, body: ApprovalIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    return RecordedOut.of(
        ledger.approve_project(actor, project_id, body.approver, body.starts_on, body.duration_months, body.entry())
    )


@router.post("/projects/{project_id}/review", status_code=201)
def review_project(project_id: UUID, body: ReviewIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    return RecordedOut.of(ledger.review_project(actor, project_id, body.results, body.entry()))


@router.get("/reminders")
def list_reminders(actor: ApiActor, ledger: LedgerDep, include_acknowledged: bool = False) -> list[ReminderOut]:
    return [
        ReminderOut(**{**asdict(item), "id": item.reminder_id, "rule": item.rule.value})
        for item in ledger.inbox(actor, include_acknowledged)
    ]


@router.post("/reminders/{reminder_id}/acknowledgement", status_code=201)
def acknowledge_reminder(reminder_id: UUID, body: AcknowledgementIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    return RecordedOut.of(
        ledger.acknowledge_reminder(
            actor, reminder_id, Entry(ledger.today(), note=body.note, command_id=body.command_id)
        )
    )


@router.get("/audit")
def audit_log(
    actor: ApiActor,
    ledger: LedgerDep,
    official: str = "",
    action: str = "",
    recorded_from: Annotated[date | None, Query(alias="from")] = None,
    recorded_to: Annotated[date | None, Query(alias="to")] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
    role: str = "",
    hamlet: str = "",
    subject: Annotated[str, Query(description="Mã đối tượng, hoặc chữ trong tên (chủ hộ, dự án, tài khoản)")] = "",
    effective_from: date | None = None,
    effective_to: date | None = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[AuditEntryOut]:
    """The same filters as the Nhật ký page and its exports, newest first."""
    recorded_from, recorded_to = checked_day(ledger, recorded_from, "from"), checked_day(ledger, recorded_to, "to")
    effective_from = checked_day(ledger, effective_from, "effective_from")
    effective_to = checked_day(ledger, effective_to, "effective_to")
    where = AuditFilter(
        official, action, recorded_from, recorded_to, limit, role, hamlet, subject, effective_from, effective_to, offset
    )
    return [AuditEntryOut(**asdict(entry)) for entry in ledger.audit_log(where)]

"""The JSON API of households: registration, classification decisions, history."""

from __future__ import annotations

from dataclasses import asdict
from uuid import UUID

from fastapi import APIRouter

from domain.household import Area, Member, Standing
from web.households.schemas import (
    EscapeIn,
    HouseholdIn,
    HouseholdOut,
    MemberOut,
    PersonIn,
    RecognitionIn,
    RelapseIn,
)
from web.shared.api_errors import ERROR_RESPONSES
from web.shared.dependencies import ApiActor, LedgerDep
from web.shared.schemas import AuditEntryOut, RecordedOut

router = APIRouter(prefix="/api/v1", tags=["api"], responses=ERROR_RESPONSES)


@router.post("/households", status_code=201)
def register_household(body: HouseholdIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    members = [Member(m.full_name, m.relation, m.birth_year) for m in body.members]
    return RecordedOut.of(
        ledger.households.register_household(actor, body.hamlet, body.head_name, members, Area(body.area), body.entry())
    )


@router.get("/households/{household_id}")
def show_household(household_id: UUID, actor: ApiActor, ledger: LedgerDep) -> HouseholdOut:
    s = ledger.personal_data.household_for(actor, household_id)  # ID numbers masked unless the caller needs them
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
    return RecordedOut.of(
        ledger.households.recognise_household(actor, household_id, Standing(body.standing), body.entry())
    )


@router.post("/households/{household_id}/escapes", status_code=201)
def record_escape(household_id: UUID, body: EscapeIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    return RecordedOut.of(
        ledger.households.record_escape(
            actor, household_id, Standing(body.from_standing), body.entry(), body.becomes_near_poor
        )
    )


@router.post("/households/{household_id}/relapses", status_code=201)
def record_relapse(household_id: UUID, body: RelapseIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    return RecordedOut.of(ledger.households.record_relapse(actor, household_id, Standing(body.into), body.entry()))


@router.get("/households/{household_id}/history")
def household_history(household_id: UUID, actor: ApiActor, ledger: LedgerDep) -> list[AuditEntryOut]:
    ledger.households.household_summary(household_id)
    return [AuditEntryOut(**asdict(entry)) for entry in ledger.audit.timeline(household_id)]

"""The JSON API for a household's members, surveys, average-living income and written requests."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from application.core.errors import NotFoundError
from domain.people import MemberChange
from web.households.survey_schemas import (
    AverageLivingIn,
    MemberAddIn,
    MemberRemovalIn,
    MemberUpdateIn,
    RequestIn,
    SurveyIn,
    SurveyOut,
)
from web.shared.api_errors import ERROR_RESPONSES
from web.shared.dependencies import ApiActor, LedgerDep
from web.shared.labels import CHANNELS
from web.shared.schemas import RecordedOut

router = APIRouter(prefix="/api/v1/households/{household_id}", tags=["households"], responses=ERROR_RESPONSES)


@router.post("/members", status_code=201)
def add_member(household_id: UUID, body: MemberAddIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    """The new member's id is in GET /households/{id} (`members`)."""
    return RecordedOut.of(
        ledger.members.add_member(actor, household_id, body.person.person(), MemberChange(body.change), body.entry())
    )


@router.put("/members/{member_id}")
def update_member(
    household_id: UUID, member_id: UUID, body: MemberUpdateIn, actor: ApiActor, ledger: LedgerDep
) -> RecordedOut:
    return RecordedOut.of(
        ledger.members.update_member(actor, household_id, member_id, body.person.person(), body.entry())
    )


@router.delete("/members/{member_id}")
def remove_member(
    household_id: UUID, member_id: UUID, body: MemberRemovalIn, actor: ApiActor, ledger: LedgerDep
) -> RecordedOut:
    """Takes a JSON body like the other writes: the reason (`change`), `effective_on`, note and form id."""
    return RecordedOut.of(
        ledger.members.remove_member(actor, household_id, member_id, MemberChange(body.change), body.entry())
    )


@router.post("/surveys", status_code=201)
def record_survey(household_id: UUID, body: SurveyIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    """Classified under the standard in force on the survey date (effective_on); with review_id, noted there."""
    return RecordedOut.of(
        ledger.surveys.record_survey(actor, household_id, body.answers(), body.entry(), body.review_id)
    )


@router.get("/surveys/latest")
def latest_survey(household_id: UUID, actor: ApiActor, ledger: LedgerDep) -> SurveyOut:
    survey = ledger.households.household_summary(household_id).latest_survey
    if survey is None:
        raise NotFoundError("Hộ chưa được khảo sát.")
    return SurveyOut.of(survey)


@router.post("/average-living", status_code=201)
def recognise_average_living(
    household_id: UUID, body: AverageLivingIn, actor: ApiActor, ledger: LedgerDep
) -> RecordedOut:
    return RecordedOut.of(
        ledger.surveys.recognise_average_living(
            actor, household_id, body.occupation, body.income_12_months, body.social_allowances, body.entry()
        )
    )


@router.post("/requests", status_code=201)
def submit_request(household_id: UUID, body: RequestIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    return RecordedOut.of(
        ledger.surveys.submit_request(actor, household_id, body.form, body.reason, CHANNELS[body.channel], body.entry())
    )

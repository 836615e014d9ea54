"""The JSON API of projects: proposal, approval, review."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter

from domain.project import Component
from web.projects.schemas import ApprovalIn, ProjectIn, ReviewIn
from web.shared.api_errors import ERROR_RESPONSES
from web.shared.dependencies import ApiActor, LedgerDep
from web.shared.schemas import RecordedOut

router = APIRouter(prefix="/api/v1", tags=["api"], responses=ERROR_RESPONSES)


@router.post("/projects", status_code=201)
def propose_project(body: ProjectIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    return RecordedOut.of(
        ledger.projects.propose_project(
            actor, body.name, Component(body.component), body.household_ids, body.entry(), body.responsible
        )
    )


@router.post("/projects/{project_id}/approval", status_code=201)
def approve_project(project_id: UUID, body: ApprovalIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    return RecordedOut.of(
        ledger.projects.approve_project(
            actor, project_id, body.approver, body.starts_on, body.duration_months, body.entry()
        )
    )


@router.post("/projects/{project_id}/review", status_code=201)
def review_project(project_id: UUID, body: ReviewIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    return RecordedOut.of(ledger.projects.review_project(actor, project_id, body.results, body.entry()))

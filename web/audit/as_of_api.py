"""The JSON API of the as-of views: a household, a loan, a project and the household lists on a past day."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from typing import Any, Literal
from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel

from application.audit.as_of import AsOf, Axis, HouseholdLists, SubjectAsOf
from application.core.errors import InvalidInputError
from application.ledger import Ledger
from web.shared.api_errors import ERROR_RESPONSES
from web.shared.dependencies import ApiActor, LedgerDep
from web.shared.query_bounds import parsed_day
from web.shared.schemas import AuditEntryOut

router = APIRouter(prefix="/api/v1/as-of", tags=["as-of"], responses=ERROR_RESPONSES)


class SubjectAsOfOut(BaseModel):
    """`recorded`: as recorded by the end of the day; `effective`: in force that day, counting later records."""

    as_of: date
    known_at: datetime
    recorded: dict[str, Any]
    effective: dict[str, Any]
    timeline: list[AuditEntryOut]
    later: list[AuditEntryOut]


class HouseholdListsOut(BaseModel):
    as_of: date
    axis: str
    known_at: datetime
    poor: list[dict[str, Any]]
    near_poor: list[dict[str, Any]]
    newly_escaped: list[dict[str, Any]]
    changed: list[dict[str, Any]]


def day_of(ledger: Ledger, as_of: str) -> AsOf:
    day = parsed_day(ledger, as_of, "as_of")
    if day is None:
        raise InvalidInputError({"as_of": "Hãy cho ngày cần xem (dd/mm/yyyy hoặc yyyy-mm-dd)."})
    return ledger.history.as_of(day)


def axis_of(axis: str) -> Axis:
    if axis not in {a.value for a in Axis}:
        message = "Cách xem phải là “recorded” (theo sổ đã ghi) hoặc “effective” (theo hiệu lực)."
        raise InvalidInputError({"axis": message})
    return Axis(axis)


def subject_out(seen: SubjectAsOf) -> SubjectAsOfOut:
    return SubjectAsOfOut(
        as_of=seen.day.on,
        known_at=seen.day.known_at,
        recorded=asdict(seen.recorded),
        effective=asdict(seen.effective),
        timeline=[AuditEntryOut.model_validate(asdict(e)) for e in seen.timeline],
        later=[AuditEntryOut.model_validate(asdict(e)) for e in seen.later],
    )


@router.get("/households")
def households_as_of(
    as_of: str,
    actor: ApiActor,
    ledger: LedgerDep,
    axis: Literal["recorded", "effective"] = "effective",
    hamlet: str = "",
) -> HouseholdListsOut:
    """The poor, near-poor and newly escaped households on the day, on one axis, and where the axes differ."""
    chosen = axis_of(axis)
    seen = ledger.history.household_lists_as_of(day_of(ledger, as_of), hamlet)
    lists: HouseholdLists = seen.lists(chosen)
    return HouseholdListsOut(
        as_of=seen.day.on,
        axis=chosen.value,
        known_at=seen.day.known_at,
        poor=[asdict(h) for h in lists.poor],
        near_poor=[asdict(h) for h in lists.near_poor],
        newly_escaped=[asdict(h) for h in lists.newly_escaped],
        changed=[asdict(c) for c in seen.changed],
    )


@router.get("/households/{household_id}")
def household_as_of(household_id: UUID, as_of: str, actor: ApiActor, ledger: LedgerDep) -> SubjectAsOfOut:
    return subject_out(ledger.history.household_as_of(household_id, day_of(ledger, as_of)))


@router.get("/loans/{loan_id}")
def loan_as_of(loan_id: UUID, as_of: str, actor: ApiActor, ledger: LedgerDep) -> SubjectAsOfOut:
    return subject_out(ledger.history.loan_as_of(loan_id, day_of(ledger, as_of)))


@router.get("/projects/{project_id}")
def project_as_of(project_id: UUID, as_of: str, actor: ApiActor, ledger: LedgerDep) -> SubjectAsOfOut:
    return subject_out(ledger.history.project_as_of(project_id, day_of(ledger, as_of)))

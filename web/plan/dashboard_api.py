"""The JSON API of the plan and its dashboard (issue 6 §1–2)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from application.core.errors import InvalidInputError, NotFoundError
from application.plan.dashboard import Dashboard, HamletDashboard, TargetResult
from domain.acts import LegalBasis
from domain.plan import SEED_TARGETS, AnnualPlan, Assignment, Target
from web.shared.api_errors import ERROR_RESPONSES
from web.shared.dependencies import ApiActor, LedgerDep
from web.shared.query_bounds import optional_year, parsed_day, plan_year
from web.shared.schemas import BasisIn, EntryIn, RecordedOut

router = APIRouter(prefix="/api/v1", tags=["dashboard"], responses=ERROR_RESPONSES)


class PlanOut(BaseModel):
    year: int
    number: str
    issued_on: date
    issuer: str
    parent: dict[str, Any] | None
    targets: list[dict[str, Any]]
    assignments: list[dict[str, Any]]
    version: int


class TargetIn(BaseModel):
    code: str = Field(min_length=1)
    label: str = Field(min_length=1)
    kind: str = Field(description="reduction_points, share or aim")
    threshold: float | None = None
    section: str = ""


class AssignmentIn(BaseModel):
    hamlet: str
    username: str
    duty: str = ""


class PlanIn(EntryIn):
    """`effective_on` is the issue date. Without `targets` the plan takes the seed plan's §II targets, with
    `thresholds` (code → value) changing their levels; `assignments` are the seed plan's §VI officials by hamlet."""

    year: int = Field(ge=2000, le=2100)
    number: str = Field(min_length=1, description="Số kế hoạch, ví dụ 45/KH-UBND")
    parent: BasisIn | None = Field(None, description="Kế hoạch cấp trên mà kế hoạch này thực hiện")
    targets: list[TargetIn] | None = None
    thresholds: dict[str, float] = {}
    assignments: list[AssignmentIn] = []


class DashboardOut(BaseModel):
    """Rates in percent; `reduction` in percentage points; a target whose `actual` is null has no data."""

    year: int
    hamlet: str
    starts_on: date
    ends_on: date
    position: int
    plan_number: str | None
    summary: dict[str, Any]
    hamlets: list[dict[str, Any]]
    transitions: dict[str, int]
    reminders: dict[str, int]
    loans: list[dict[str, Any]]
    loans_granted_in_year: int
    projects: list[dict[str, Any]]
    projects_started_in_year: int


def plan_out(plan: AnnualPlan) -> PlanOut:
    return PlanOut(
        year=plan.year,
        number=plan.number,
        issued_on=plan.issued_on,
        issuer=plan.issuer,
        parent=asdict(plan.parent) if plan.parent else None,
        targets=[t.as_data() for t in plan.targets],
        assignments=[a.as_data() for a in plan.assignments],
        version=plan.version,
    )


def target_out(result: TargetResult) -> dict[str, Any]:
    return {
        "code": result.target.code,
        "label": result.target.label,
        "kind": result.target.kind,
        "threshold": result.target.threshold,
        "actual": result.actual,
        "unit": result.unit,
        "met": result.met,
        "coverage": asdict(result.coverage) if result.coverage else None,
        "note": result.note,
    }


def hamlet_out(h: HamletDashboard) -> dict[str, Any]:
    def standings(s: Any) -> dict[str, Any]:
        return {"total": s.total, "poor": s.poor, "near_poor": s.near_poor, "rate": s.rate}

    return {
        "hamlet": h.hamlet,
        "official": h.official,
        "start": standings(h.start),
        "end": standings(h.end),
        "reduction": h.reduction,
        "transitions": h.transitions,
        "targets": [target_out(r) for r in h.targets],
    }


def dashboard_out(board: Dashboard) -> DashboardOut:
    return DashboardOut(
        year=board.year,
        hamlet=board.hamlet,
        starts_on=board.starts_on,
        ends_on=board.ends_on,
        position=board.position,
        plan_number=board.plan.number if board.plan else None,
        summary=hamlet_out(board.summary),
        hamlets=[hamlet_out(h) for h in board.hamlets],
        transitions={kind: n for kind, _, n in board.transitions},
        reminders=asdict(board.reminders),
        loans=[
            {"programme": g.programme.value, "fallen_due": g.fallen_due, "count": g.count, "amount": g.amount}
            for g in board.loans
        ],
        loans_granted_in_year=board.loans_granted_in_year,
        projects=[{"component": g.component.value, "stage": g.stage.value, "count": g.count} for g in board.projects],
        projects_started_in_year=board.projects_started_in_year,
    )


@router.get("/plans/{year}")
def plan_of(year: int, actor: ApiActor, ledger: LedgerDep) -> PlanOut:
    plan = ledger.plan.plan_of(plan_year(ledger, year))
    if plan is None:
        raise NotFoundError(f"Chưa có kế hoạch giảm nghèo năm {year}.")
    return plan_out(plan)


@router.post("/plans", status_code=201)
def issue_plan(body: PlanIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    """The chair issues the year's plan (seed plan, signature block); a second plan for the year is a conflict."""
    targets = [Target(**t.model_dump()) for t in body.targets] if body.targets is not None else list(SEED_TARGETS)
    unknown = sorted(set(body.thresholds) - {t.code for t in targets})
    if unknown:
        raise InvalidInputError({"thresholds": f"Không có chỉ tiêu mã {', '.join(unknown)} trong kế hoạch."})
    targets = [Target(t.code, t.label, t.kind, body.thresholds.get(t.code, t.threshold), t.section) for t in targets]
    users = {u.username for u in ledger.users.user_list() if u.active}
    if missing := sorted({a.username for a in body.assignments} - users):
        raise InvalidInputError({"assignments": f"Không có người dùng {', '.join(missing)}."})
    parent = LegalBasis(body.parent.number, body.parent.issued_on, body.parent.issuer) if body.parent else None
    assignments = [Assignment(a.hamlet, a.username, a.duty) for a in body.assignments]
    return RecordedOut.of(
        ledger.plan.issue_plan(actor, body.year, body.number, parent, targets, assignments, body.entry())
    )


@router.get("/dashboard")
def dashboard(
    actor: ApiActor, ledger: LedgerDep, year: int | None = None, hamlet: str = "", as_of: str = ""
) -> DashboardOut:
    """The commune's (or a hamlet's) dashboard for the year; `as_of` as dd/mm/yyyy or yyyy-mm-dd."""
    year, day = optional_year(ledger, year), parsed_day(ledger, as_of, "as_of")
    return dashboard_out(ledger.dashboard.dashboard(year or ledger.today().year, hamlet, day))

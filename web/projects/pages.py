"""Project pages: propose, approve for at most 36 months, record the final review."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from starlette.responses import Response

from application.ledger import Ledger
from domain.project import Component
from domain.user import Actor
from web.shared.dependencies import CheckedForm, LedgerDep, PageActor
from web.shared.forms import FormReader
from web.shared.outcome import attempt, redirect_after_post
from web.shared.templating import render

router = APIRouter(prefix="/projects")


@router.get("", name="list_projects")
def list_projects(request: Request, actor: PageActor, ledger: LedgerDep) -> Response:
    return render(request, "projects/list.html", {"projects": ledger.projects.project_list(), "today": ledger.today()})


@router.get("/new", name="new_project")
def new_project(request: Request, actor: PageActor, ledger: LedgerDep) -> Response:
    return proposal_form(request, ledger, actor)


def proposal_form(
    request: Request,
    ledger: Ledger,
    actor: Actor,
    errors: dict[str, str] | None = None,
    values: dict[str, object] | None = None,
    status_code: int = 200,
) -> Response:
    households = [h for h in ledger.households.household_list() if actor.may_record_in(h.hamlet)]
    return render(
        request,
        "projects/new.html",
        {
            "components": list(Component),
            "households": households,
            "users": ledger.users.user_list(),
            "errors": errors or {},
            "values": values or {"responsible": actor.username},
            "chosen": set(),
        },
        status_code=status_code,
    )


@router.post("", name="propose_project")
def propose_project(request: Request, form: CheckedForm, actor: PageActor, ledger: LedgerDep) -> Response:
    reader = FormReader(form)
    name, component = reader.text("name", message="Hãy nhập tên dự án."), reader.choice("component", Component)
    household_ids = reader.uuids(form.getlist("household_ids"), "household_ids")
    if not household_ids:
        reader.errors["household_ids"] = "Hãy chọn ít nhất một hộ tham gia."
    entry, responsible = reader.entry(), reader.text("responsible", required=False)
    outcome: dict[str, UUID] = {}

    def propose() -> None:
        assert component and entry
        outcome["id"] = ledger.projects.propose_project(
            actor, name, component, household_ids, entry, responsible
        ).subject_id

    if failure := attempt(reader, propose):
        values = {**reader.data, "household_ids": [str(h) for h in household_ids]}
        return proposal_form(request, ledger, actor, failure[0], values, failure[1])
    return redirect_after_post(request, f"Đã ghi nhận đề xuất dự án {name}.", "show_project", project_id=outcome["id"])


@router.get("/{project_id}", name="show_project")
def show_project(request: Request, project_id: UUID, actor: PageActor, ledger: LedgerDep) -> Response:
    return project_page(request, ledger, project_id)


def project_page(
    request: Request,
    ledger: Ledger,
    project_id: UUID,
    form: str = "",
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    household_ids = set(ledger.projects.project_household_ids(project_id))
    return render(
        request,
        "projects/detail.html",
        {
            "project": ledger.projects.project_summary(project_id),
            "timeline": ledger.audit.timeline(project_id),
            "households": [h for h in ledger.households.household_list() if h.household_id in household_ids],
            "form": form,
            "errors": errors or {},
            "values": values or {},
            "today": ledger.today(),
        },
        status_code=status_code,
    )


@router.post("/{project_id}/approval", name="record_approval")
def record_approval(
    request: Request, project_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    approver, starts_on = reader.text("approver"), reader.date("starts_on")
    duration, entry = reader.integer("duration_months", minimum=1), reader.entry()
    action = lambda: ledger.projects.approve_project(actor, project_id, approver, starts_on, duration, entry)  # type: ignore[arg-type]  # noqa: E731
    if failure := attempt(reader, action):
        return project_page(request, ledger, project_id, "approval", failure[0], reader.data, failure[1])
    return redirect_after_post(
        request, "Đã ghi nhận quyết định phê duyệt dự án.", "show_project", project_id=project_id
    )


@router.post("/{project_id}/review", name="record_review")
def record_review(
    request: Request, project_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    results, entry = reader.text("results", message="Hãy ghi kết quả tổng kết, đánh giá."), reader.entry()
    action = lambda: ledger.projects.review_project(actor, project_id, results, entry)  # type: ignore[arg-type]  # noqa: E731
    if failure := attempt(reader, action):
        return project_page(request, ledger, project_id, "review", failure[0], reader.data, failure[1])
    return redirect_after_post(request, "Đã ghi nhận tổng kết, đánh giá dự án.", "show_project", project_id=project_id)


@router.post("/{project_id}/amendment", name="record_amendment")
def record_amendment(
    request: Request, project_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    duration, entry = reader.integer("duration_months", minimum=1), reader.entry()
    action = lambda: ledger.projects.amend_project(actor, project_id, duration, entry)  # type: ignore[arg-type]  # noqa: E731
    if failure := attempt(reader, action):
        return project_page(request, ledger, project_id, "amendment", failure[0], reader.data, failure[1])
    message = "Đã ghi nhận điều chỉnh thời gian thực hiện; hạn tổng kết đã dời theo."
    return redirect_after_post(request, message, "show_project", project_id=project_id)

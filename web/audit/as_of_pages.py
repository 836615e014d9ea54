"""As-of pages: a household, a loan, a project and the household lists on a past day, on both axes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from starlette.responses import Response

from application.audit.as_of import AsOf, Axis
from application.core.errors import InvalidInputError
from application.ledger import Ledger
from domain.user import ROLE_LABELS
from web.shared.dependencies import LedgerDep, PageActor
from web.shared.forms import FormReader
from web.shared.query_bounds import query_reader
from web.shared.templating import render

router = APIRouter(prefix="/as-of")
LISTS = {"poor": "Hộ nghèo", "near_poor": "Hộ cận nghèo", "newly_escaped": "Hộ mới thoát nghèo (trong 36 tháng)"}
ROLES = {role.value: text for role, text in ROLE_LABELS.items()}


def chosen_day(request: Request, ledger: Ledger) -> tuple[AsOf | None, FormReader]:
    """The day and axis of the query; a malformed or future day leaves a message and no day."""
    reader = query_reader(request, ledger)
    reader.data.setdefault("as_of", ledger.today().strftime("%d/%m/%Y"))
    if reader.data.get("axis") not in {a.value for a in Axis}:
        reader.data["axis"] = Axis.EFFECTIVE.value
    on = reader.date("as_of")
    if on is None:
        return None, reader
    try:
        return ledger.history.as_of(on), reader
    except InvalidInputError as error:
        reader.errors.update(error.errors)
        return None, reader


def as_of_page(
    request: Request, ledger: Ledger, name: str, build: Callable[[AsOf], dict[str, Any]], context: dict[str, Any]
) -> Response:
    day, reader = chosen_day(request, ledger)
    found = build(day) if day else {}
    values = {"values": reader.data, "errors": reader.errors, "axis": reader.data["axis"], "roles": ROLES}
    return render(request, name, {**context, **values, "day": day, **found}, 422 if reader.errors else 200)


@router.get("/households", name="households_as_of")
def households_as_of(request: Request, actor: PageActor, ledger: LedgerDep, hamlet: str = "") -> Response:
    chosen = request.query_params.get("list", "poor")
    chosen = chosen if chosen in LISTS else "poor"
    return as_of_page(
        request,
        ledger,
        "as_of/households.html",
        lambda day: {"seen": ledger.history.household_lists_as_of(day, hamlet)},
        {"hamlet": hamlet, "chosen_list": chosen, "lists": LISTS},
    )


@router.get("/households/{household_id}", name="household_as_of")
def household_as_of(request: Request, household_id: UUID, actor: PageActor, ledger: LedgerDep) -> Response:
    household = ledger.households.household_summary(household_id)
    return as_of_page(
        request,
        ledger,
        "as_of/household.html",
        lambda day: {"seen": ledger.history.household_as_of(household_id, day)},
        {"household": household},
    )


@router.get("/loans/{loan_id}", name="loan_as_of")
def loan_as_of(request: Request, loan_id: UUID, actor: PageActor, ledger: LedgerDep) -> Response:
    loan = ledger.loans.loan_summary(loan_id)
    return as_of_page(
        request,
        ledger,
        "as_of/loan.html",
        lambda day: {"seen": ledger.history.loan_as_of(loan_id, day)},
        {"loan": loan},
    )


@router.get("/projects/{project_id}", name="project_as_of")
def project_as_of(request: Request, project_id: UUID, actor: PageActor, ledger: LedgerDep) -> Response:
    project = ledger.projects.project_summary(project_id)
    return as_of_page(
        request,
        ledger,
        "as_of/project.html",
        lambda day: {"seen": ledger.history.project_as_of(project_id, day)},
        {"project": project},
    )

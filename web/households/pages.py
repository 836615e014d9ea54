"""Household pages: the list, registration, the household's page with its timeline and acts."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from starlette.responses import Response

from application.ledger import Ledger
from domain.household import Area, Member, Standing
from web.households.person_form import person_values
from web.shared.dependencies import CheckedForm, LedgerDep, PageActor
from web.shared.forms import FormReader, whole_number
from web.shared.outcome import attempt, redirect_after_post
from web.shared.templating import render

router = APIRouter(prefix="/households")
LISTED = (Standing.POOR, Standing.NEAR_POOR)


@router.get("", name="list_households")
def list_households(
    request: Request, actor: PageActor, ledger: LedgerDep, hamlet: str = "", standing: str = "", q: str = ""
) -> Response:
    chosen = Standing(standing) if standing in {s.value for s in Standing} else None
    items = ledger.households.household_list(hamlet, chosen, q)
    return render(
        request,
        "households/list.html",
        {
            "households": items,
            "hamlet": hamlet,
            "standing": standing,
            "q": q,
            "standings": list(Standing),
            "today": ledger.today(),
        },
    )


@router.get("/new", name="new_household")
def new_household(request: Request, actor: PageActor, ledger: LedgerDep) -> Response:
    return registration_page(request, actor.hamlets)


def registration_page(
    request: Request,
    hamlets: tuple[str, ...],
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    return render(
        request,
        "households/new.html",
        {
            "areas": list(Area),
            "errors": errors or {},
            "values": values or {"hamlet": hamlets[0] if hamlets else ""},
        },
        status_code=status_code,
    )


def parse_members(reader: FormReader) -> list[Member]:
    """One member per line: “Họ tên; quan hệ với chủ hộ; năm sinh”."""
    members = []
    for number, line in enumerate(reader.text("members", required=False).splitlines(), start=1):
        parts = [part.strip() for part in line.split(";")]
        if not parts[0]:
            continue
        year = parts[2] if len(parts) > 2 else ""
        born = whole_number(year)
        if year and not (born and 1900 <= born <= 2100):
            reader.errors["members"] = f"Dòng {number}: năm sinh “{year}” không hợp lệ."
            continue
        members.append(Member(parts[0], parts[1] if len(parts) > 1 else "", born))
    return members


@router.post("", name="register_household")
def register_household(request: Request, form: CheckedForm, actor: PageActor, ledger: LedgerDep) -> Response:
    reader = FormReader(form)
    hamlet, head = reader.text("hamlet"), reader.text("head_name", message="Hãy nhập họ tên chủ hộ.")
    area, members, entry = reader.choice("area", Area), parse_members(reader), reader.entry()
    code, address = reader.text("code", required=False), reader.text("address", required=False)
    outcome: dict[str, UUID] = {}

    def register() -> None:
        assert area and entry
        recorded = ledger.households.register_household(
            actor, hamlet, head, members, area, entry, code=code, address=address
        )
        outcome["id"] = recorded.subject_id

    if failure := attempt(reader, register):
        return registration_page(request, actor.hamlets, failure[0], reader.data, failure[1])
    return redirect_after_post(request, f"Đã đăng ký hộ {head}.", "show_household", household_id=outcome["id"])


@router.get("/{household_id}", name="show_household")
def show_household(request: Request, household_id: UUID, actor: PageActor, ledger: LedgerDep) -> Response:
    return household_page(request, ledger, household_id)


def household_page(
    request: Request,
    ledger: Ledger,
    household_id: UUID,
    form: str = "",
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    # Members' ID numbers masked unless this user needs them (application/households/personal_data.py).
    household = ledger.personal_data.household_for(request.state.actor, household_id)
    return render(
        request,
        "households/detail.html",
        {
            "household": household,
            "member_values": {member_id: person_values(person) for member_id, person in household.members},
            "timeline": ledger.audit.timeline(household_id),
            "loans": ledger.loans.loan_list(household_id=household_id),
            "form": form,
            "errors": errors or {},
            "values": values or {},
            "listed": LISTED,
            "today": ledger.today(),
        },
        status_code=status_code,
    )


@router.post("/{household_id}/recognitions", name="record_recognition")
def record_recognition(
    request: Request, household_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    standing, entry = reader.choice("standing", Standing, LISTED), reader.entry()
    return finish(
        request,
        ledger,
        household_id,
        "recognition",
        reader,
        lambda: ledger.households.recognise_household(actor, household_id, standing, entry),
        "Đã ghi nhận quyết định công nhận.",
    )


@router.post("/{household_id}/escapes", name="record_escape")
def record_escape(
    request: Request, household_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    from_standing, entry = reader.choice("from_standing", Standing, LISTED), reader.entry()
    becomes_near_poor = reader.data.get("becomes_near_poor") == "yes"
    return finish(
        request,
        ledger,
        household_id,
        "escape",
        reader,
        lambda: ledger.households.record_escape(actor, household_id, from_standing, entry, becomes_near_poor),
        "Đã ghi nhận quyết định thoát nghèo.",
    )


@router.post("/{household_id}/relapses", name="record_relapse")
def record_relapse(
    request: Request, household_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    into, entry = reader.choice("into", Standing, LISTED), reader.entry()
    return finish(
        request,
        ledger,
        household_id,
        "relapse",
        reader,
        lambda: ledger.households.record_relapse(actor, household_id, into, entry),
        "Đã ghi nhận hộ tái nghèo.",
    )


def finish(
    request: Request, ledger: Ledger, household_id: UUID, form_name: str, reader: FormReader, action, message: str
) -> Response:  # type: ignore[no-untyped-def]
    if failure := attempt(reader, action):
        return household_page(request, ledger, household_id, form_name, failure[0], reader.data, failure[1])
    return redirect_after_post(request, message, "show_household", household_id=household_id)

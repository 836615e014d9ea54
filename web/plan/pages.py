"""The annual plan's pages (issue 6 §1): the chair issues the year's plan and revises its targets or assignments.

The plan is signed "TM. Ủy ban nhân dân, Chủ tịch" (seed plan, signature block), so only the chair writes it;
application/plan/cases.py refuses anyone else with its own message. The reference plan implements Plan 48/KH-UBND
of 23/02/2024 of UBND huyện Hải Hậu (seed, preamble), which the form offers as the parent plan for 2024.
"""

from __future__ import annotations

import re
from datetime import date

from fastapi import APIRouter, Request
from starlette.responses import Response

from application.core.errors import InvalidInputError, NotFoundError
from application.core.ledger_core import Entry
from application.ledger import Ledger
from application.plan.cases import DISTRICT_PLAN_2024, require_chair
from application.users.cases import UserSummary
from domain.acts import LegalBasis
from domain.plan import SEED_TARGETS, AnnualPlan, Assignment, Target
from domain.user import READ_ONLY_ROLES
from web.shared.dependencies import CheckedForm, LedgerDep, PageActor
from web.shared.forms import FormReader
from web.shared.outcome import attempt, redirect_after_post
from web.shared.query_bounds import plan_year
from web.shared.templating import render

router = APIRouter(prefix="/plans")

PARENT_2024_ON = date(2024, 2, 23)  # Plan 48/KH-UBND of UBND huyện Hải Hậu (seed, preamble)
DISTRICT_ISSUER = "UBND huyện Hải Hậu"


def unit(target: Target) -> str:
    return "điểm %" if target.kind == "reduction_points" else "%"


def threshold_text(value: float | None) -> str:
    return "" if value is None else f"{value:g}".replace(".", ",")


def assignable(ledger: Ledger) -> list[UserSummary]:
    """Commune staff who may follow a hamlet: active, not a read-only supervisor or inspector (seed §VI)."""
    return [u for u in ledger.users.user_list() if u.active and u.role not in READ_ONLY_ROLES]


def target_values(targets: list[Target] | tuple[Target, ...]) -> dict[str, str]:
    return {f"threshold_{t.code}": threshold_text(t.threshold) for t in targets}


def assignment_values(hamlets: list[str], assignments: list[Assignment]) -> dict[str, str]:
    by_hamlet = {a.hamlet: a for a in assignments}
    values: dict[str, str] = {}
    for n, hamlet in enumerate(hamlets):
        if assigned := by_hamlet.get(hamlet):
            values[f"official_{n}"], values[f"duty_{n}"] = assigned.username, assigned.duty
    return values


def current_assignments(ledger: Ledger, hamlets: list[str]) -> list[Assignment]:
    """Before the plan exists, each hamlet goes to the official whose account already follows it."""
    officials = assignable(ledger)
    chosen = []
    for hamlet in hamlets:
        user = next((u for u in officials if hamlet in u.hamlets), None)
        if user:
            chosen.append(Assignment(hamlet, user.username))
    return chosen


def read_targets(reader: FormReader, targets: list[Target] | tuple[Target, ...]) -> list[Target]:
    """Each threshold as the official types it ("0,5" or "0.5"); a target of kind "aim" may have none."""
    read = []
    for target in targets:
        name = f"threshold_{target.code}"
        text = reader.data.get(name, "").strip()
        value: float | None = None
        if text:
            if not re.fullmatch(r"[0-9]{1,3}([.,][0-9]{1,6})?", text):
                reader.errors[name] = f"“{text}” không phải là số; hãy nhập mức phải đạt, ví dụ 95 hoặc 0,5."
            else:
                value = float(text.replace(",", "."))
                if not 0 <= value <= 100:
                    reader.errors[name] = "Mức phải đạt phải từ 0 đến 100."
        elif target.kind != "aim":
            reader.errors[name] = "Hãy nhập mức phải đạt của chỉ tiêu."
        read.append(Target(target.code, target.label, target.kind, value, target.section))
    return read


def read_assignments(reader: FormReader, hamlets: list[str], users: list[UserSummary]) -> list[Assignment]:
    """One select per hamlet; a hamlet left blank has nobody assigned yet."""
    known = {u.username for u in users}
    read = []
    for n, hamlet in enumerate(hamlets):
        username = reader.data.get(f"official_{n}", "").strip()
        if not username:
            continue
        if username not in known:
            reader.errors[f"official_{n}"] = "Hãy chọn cán bộ trong danh sách."
            continue
        read.append(Assignment(hamlet, username, reader.data.get(f"duty_{n}", "").strip()))
    return read


def plan_form(
    request: Request,
    ledger: Ledger,
    values: dict[str, str],
    errors: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    context = {
        "values": values,
        "errors": errors or {},
        "targets": SEED_TARGETS,
        "hamlets": list(ledger.settings.hamlets),
        "users": assignable(ledger),
        "issuer": f"UBND xã {ledger.settings.commune}",
        "unit": unit,
    }
    return render(request, "plans/new.html", context, status_code)


@router.get("/new", name="new_plan")
def new_plan(request: Request, actor: PageActor, ledger: LedgerDep, year: int | None = None) -> Response:
    require_chair(actor)  # the form is the chair's alone: others see the use case's message, not an empty form
    year = plan_year(ledger, year) if year is not None else ledger.today().year
    hamlets = list(ledger.settings.hamlets)
    values = {"year": str(year), "parent_issuer": DISTRICT_ISSUER}
    if year == 2024:
        values.update(parent_number=DISTRICT_PLAN_2024.number, parent_issued_on=PARENT_2024_ON.strftime("%d/%m/%Y"))
    values |= target_values(SEED_TARGETS) | assignment_values(hamlets, current_assignments(ledger, hamlets))
    return plan_form(request, ledger, values)


@router.post("", name="issue_plan")
def issue_plan(request: Request, form: CheckedForm, actor: PageActor, ledger: LedgerDep) -> Response:
    reader = FormReader(form)
    hamlets = list(ledger.settings.hamlets)
    number = reader.text("number", message="Hãy ghi số kế hoạch, ví dụ 45/KH-UBND.")
    issued_on = reader.date("issued_on")
    year = reader.integer("year", 2000, 2100)
    if issued_on and year and issued_on.year not in (year - 1, year):
        reader.errors["issued_on"] = f"Kế hoạch năm {year} phải ban hành trong năm {year} hoặc cuối năm {year - 1}."
    parent = read_parent(reader)
    targets = read_targets(reader, SEED_TARGETS)
    assignments = read_assignments(reader, hamlets, assignable(ledger))
    note = reader.text("note", required=False)
    command_id = reader.data.get("command_id", "")

    def issue() -> None:
        assert issued_on and year
        try:
            ledger.plan.issue_plan(
                actor, year, number, parent, targets, assignments, Entry(issued_on, None, note, command_id)
            )
        except InvalidInputError as error:  # the use case names the issue date "effective_on"
            raise InvalidInputError(
                {("issued_on" if k == "effective_on" else k): v for k, v in error.errors.items()}
            ) from error

    if failure := attempt(reader, issue):
        return plan_form(request, ledger, reader.data, failure[0], failure[1])
    assert year
    return redirect_after_post(
        request, f"Đã ban hành Kế hoạch giảm nghèo năm {year} số {number}.", "show_plan", year=year
    )


def read_parent(reader: FormReader) -> LegalBasis | None:
    """The higher-level plan this one implements; optional, but a date or issuer alone needs its number."""
    number = reader.text("parent_number", required=False)
    issued_on = reader.date("parent_issued_on", required=False)
    issuer = reader.text("parent_issuer", required=False)
    if not number:
        if reader.data.get("parent_issued_on", "").strip():
            reader.errors["parent_number"] = "Hãy ghi số kế hoạch cấp trên."
        return None
    return LegalBasis(number, issued_on, issuer)


@router.get("/{year}", name="show_plan")
def show_plan(request: Request, year: int, actor: PageActor, ledger: LedgerDep) -> Response:
    return plan_page(request, ledger, plan_year(ledger, year))


def plan_page(
    request: Request,
    ledger: Ledger,
    year: int,
    failed: str = "",
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    plan = ledger.plan.plan_of(year)
    if plan is None:
        raise NotFoundError(f"Chưa có kế hoạch giảm nghèo năm {year}.")
    hamlets = list(ledger.settings.hamlets)
    defaults = target_values(plan.targets) | assignment_values(hamlets, plan.assignments)
    context = {
        "plan": plan,
        "users": {u.username: u for u in ledger.users.user_list()},
        "assignable": assignable(ledger),
        "hamlets": hamlets,
        "unit": unit,
        "failed": failed,
        "errors": errors or {},
        "values": values if values is not None else defaults,
        "defaults": defaults,
    }
    return render(request, "dashboard/plan.html", context, status_code)


def revision_entry(reader: FormReader) -> Entry | None:
    """A revision cites the document that decides it (seed plan, §VII: "sửa đổi, bổ sung" by the chair)."""
    reader.text("basis_number", message="Hãy ghi số văn bản sửa đổi kế hoạch.")
    return reader.entry()


@router.post("/{year}/targets", name="revise_plan_targets")
def revise_plan_targets(
    request: Request, year: int, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    plan = existing(ledger, year)
    reader = FormReader(form)
    entry = revision_entry(reader)
    targets = read_targets(reader, plan.targets)

    def revise() -> None:
        assert entry
        ledger.plan.revise_plan_targets(actor, year, targets, entry)

    if failure := attempt(reader, revise):
        return plan_page(request, ledger, year, "targets", failure[0], reader.data, failure[1])
    return redirect_after_post(request, f"Đã sửa đổi chỉ tiêu Kế hoạch năm {year}.", "show_plan", year=year)


@router.post("/{year}/assignments", name="change_plan_assignments")
def change_plan_assignments(
    request: Request, year: int, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    existing(ledger, year)
    reader = FormReader(form)
    entry = revision_entry(reader)
    assignments = read_assignments(reader, list(ledger.settings.hamlets), assignable(ledger))

    def change() -> None:
        assert entry
        ledger.plan.change_plan_assignments(actor, year, assignments, entry)

    if failure := attempt(reader, change):
        return plan_page(request, ledger, year, "assignments", failure[0], reader.data, failure[1])
    return redirect_after_post(request, f"Đã thay đổi phân công theo dõi xóm năm {year}.", "show_plan", year=year)


def existing(ledger: Ledger, year: int) -> AnnualPlan:
    plan = ledger.plan.plan_of(year)
    if plan is None:
        raise NotFoundError(f"Chưa có kế hoạch giảm nghèo năm {year}.")
    return plan

"""Household members on the household's page: added (birth, marriage, moving in), updated, removed."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from starlette.responses import Response

from domain.people import MemberChange
from web.households.pages import finish
from web.households.person_form import read_person
from web.shared.dependencies import CheckedForm, LedgerDep, PageActor
from web.shared.forms import FormReader
from web.shared.labels import JOIN_LABELS, LEAVE_LABELS

router = APIRouter(prefix="/households/{household_id}/members")


@router.post("", name="add_member")
def add_member(
    request: Request, household_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    person, entry = read_person(reader), reader.entry()
    change = reader.choice("change", MemberChange, tuple(JOIN_LABELS))
    action = lambda: ledger.members.add_member(actor, household_id, person, change, entry)  # type: ignore[arg-type]  # noqa: E731
    message = f"Đã thêm thành viên {person.full_name if person else ''}."
    return finish(request, ledger, household_id, "member-add", reader, action, message)


@router.post("/{member_id}", name="update_member")
def update_member(
    request: Request, household_id: UUID, member_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    person, entry = read_person(reader), reader.entry()
    action = lambda: ledger.members.update_member(actor, household_id, member_id, person, entry)  # type: ignore[arg-type]  # noqa: E731
    message = f"Đã cập nhật thông tin thành viên {person.full_name if person else ''}."
    return finish(request, ledger, household_id, f"member-{member_id}", reader, action, message)


@router.post("/{member_id}/removal", name="remove_member")
def remove_member(
    request: Request, household_id: UUID, member_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    change, entry = reader.choice("change", MemberChange, tuple(LEAVE_LABELS)), reader.entry()
    action = lambda: ledger.members.remove_member(actor, household_id, member_id, change, entry)  # type: ignore[arg-type]  # noqa: E731
    return finish(request, ledger, household_id, f"removal-{member_id}", reader, action, "Đã ghi nhận bớt thành viên.")

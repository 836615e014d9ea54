"""Accounts: the chair grants and revokes roles, assigns hamlets, deactivates; everyone changes their password."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from application.core.ledger_core import Entry
from application.ledger import Ledger
from domain.user import ROLE_LABELS, Actor, Role
from web.shared.dependencies import CheckedForm, LedgerDep, PageActor, session_id
from web.shared.forms import FormReader
from web.shared.outcome import attempt, redirect_after_post
from web.shared.templating import render

router = APIRouter()
ACTS = ("role", "revocation", "hamlets", "deactivation", "reactivation", "password")


def users_page(
    request: Request,
    ledger: Ledger,
    form: str = "",
    errors: dict[str, str] | None = None,
    values: dict[str, str] | None = None,
    status_code: int = 200,
) -> Response:
    context = {
        "users": ledger.users.user_list(),
        "roles": ROLE_LABELS,
        "hamlets": ledger.settings.hamlets,
        "form": form,
    }
    context |= {"errors": errors or {}, "values": values or {}, "today": ledger.today()}
    return render(request, "users/list.html", context, status_code=status_code)


@router.get("/users", name="list_users")
def list_users(request: Request, actor: PageActor, ledger: LedgerDep) -> Response:
    return users_page(request, ledger)


def account_act(ledger: Ledger, actor: Actor, act: str, username: str, reader: FormReader) -> Callable[[], Any]:
    """The use case a form on the accounts page asks for; the chair-only check is the use case's."""
    entry = reader.entry() or Entry(ledger.today())
    if act == "role":
        role = reader.choice("role", Role)
        return lambda: ledger.accounts.grant_role(actor, username, role, entry)  # type: ignore[arg-type]
    if act == "hamlets":
        hamlets = [hamlet for hamlet in reader.data.get("hamlets", "").split("|") if hamlet]
        return lambda: ledger.accounts.assign_hamlets(actor, username, hamlets, entry)
    if act == "password":
        password = reader.text("new_password", message="Hãy nhập mật khẩu mới.")
        return lambda: ledger.accounts.reset_password(actor, username, password, entry)
    use_case = {
        "revocation": ledger.accounts.revoke_role,
        "deactivation": ledger.accounts.deactivate_user,
        "reactivation": ledger.accounts.reactivate_user,
    }[act]
    return lambda: use_case(actor, username, entry)


@router.post("/users/{username}/{act}", name="manage_user")
def manage_user(
    request: Request, username: str, act: str, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    if act not in ACTS:
        return users_page(request, ledger, errors={"_form": "Không có việc này."}, status_code=404)
    data = {key: value for key, value in form.items() if key != "hamlets"}
    reader = FormReader({**data, "hamlets": "|".join(str(h) for h in form.getlist("hamlets"))})
    failure = attempt(reader, account_act(ledger, actor, act, username, reader))
    if failure:
        return users_page(request, ledger, f"{act}-{username}", failure[0], reader.data, failure[1])
    return redirect_after_post(request, f"Đã ghi thay đổi tài khoản {username}.", "list_users")


@router.get("/account/password", name="show_password_form")
def show_password_form(request: Request, actor: PageActor, ledger: LedgerDep) -> Response:
    return render(request, "users/password.html")


@router.post("/account/password", name="change_own_password")
def change_own_password(request: Request, form: CheckedForm, actor: PageActor, ledger: LedgerDep) -> Response:
    reader = FormReader(form)
    old, new = reader.text("old_password"), reader.text("new_password")
    if new and new != reader.text("new_password_again", required=False):
        reader.errors["new_password_again"] = "Hai lần nhập mật khẩu mới không khớp."
    failure = attempt(reader, lambda: ledger.accounts.change_own_password(actor, old, new, session_id(request)))
    if failure:
        return render(request, "users/password.html", {"errors": failure[0]}, status_code=failure[1])
    return redirect_after_post(request, "Đã đổi mật khẩu.", "home")

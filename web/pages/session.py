"""Signing in and out."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from application.user_management import SignInRefusedError
from web.dependencies import CheckedForm, LedgerDep
from web.templating import render

router = APIRouter()


@router.get("/login", name="login")
def show_login(request: Request) -> Response:
    return render(request, "login.html")


@router.post("/login")
def sign_in(request: Request, form: CheckedForm, ledger: LedgerDep) -> Response:
    username = str(form.get("username", "")).strip().lower()
    try:
        # Recorded either way (issue 5): who signed in when, and every failed attempt, without the password.
        actor = ledger.sign_in(username, str(form.get("password", "")))
    except SignInRefusedError as refusal:
        errors = {"_form": refusal.message}
        return render(request, "login.html", {"errors": errors, "values": {"username": username}}, status_code=401)
    request.session.clear()
    request.session["username"] = actor.username
    return RedirectResponse(request.url_for("home"), status_code=303)


@router.post("/logout", name="logout")
def sign_out(request: Request, form: CheckedForm) -> Response:
    request.session.clear()
    return RedirectResponse(request.url_for("login"), status_code=303)

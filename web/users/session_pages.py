"""Signing in and out: a server-side session per sign-in, ended at logout (issue 10 §4)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from application.users.management import SignInRefusedError
from application.users.session_cases import SignInThrottledError
from web.shared.dependencies import CheckedForm, LedgerDep, session_id
from web.shared.templating import render

router = APIRouter()


@router.get("/login", name="login")
def show_login(request: Request) -> Response:
    return render(request, "login.html")


def client_address(request: Request) -> str:
    """The address the throttle counts; behind a reverse proxy, uvicorn's --forwarded-allow-ips makes
    it the browser's address (X-Forwarded-For) rather than the proxy's."""
    return request.client.host if request.client else ""


def refused_status(refusal: SignInRefusedError | SignInThrottledError) -> int:
    return 429 if isinstance(refusal, SignInThrottledError) else 401


@router.post("/login")
def sign_in(request: Request, form: CheckedForm, ledger: LedgerDep) -> Response:
    username = str(form.get("username", "")).strip().lower()
    try:
        # A known account's attempt is recorded either way (issue 5), without the password.
        actor = ledger.accounts.sign_in(username, str(form.get("password", "")), client_address(request))
    except (SignInRefusedError, SignInThrottledError) as refusal:
        context = {"errors": {"_form": refusal.message}, "values": {"username": username}}
        response = render(request, "login.html", context, status_code=refused_status(refusal))
        if isinstance(refusal, SignInThrottledError):  # 429 Too Many Requests, with the wait
            response.headers["Retry-After"] = str(refusal.seconds)
        return response
    ledger.sessions.end_session(session_id(request))
    request.session.clear()
    request.session["sid"] = ledger.sessions.start_session(actor.username)
    return RedirectResponse(request.url_for("home"), status_code=303)


@router.post("/logout", name="logout")
def sign_out(request: Request, form: CheckedForm, ledger: LedgerDep) -> Response:
    ledger.sessions.end_session(session_id(request))
    request.session.clear()
    return RedirectResponse(request.url_for("login"), status_code=303)

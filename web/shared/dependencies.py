"""What handlers receive: the ledger, the signed-in actor, a CSRF-checked form."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from starlette.datastructures import FormData

from application.ledger import Ledger
from domain.user import Actor


class LoginRequiredError(Exception):
    """The page needs a signed-in user; the app redirects to the login page."""


class CsrfError(Exception):
    """A form arrived without the session's CSRF token."""


def get_ledger(request: Request) -> Ledger:
    return request.app.state.ledger  # type: ignore[no-any-return]


LedgerDep = Annotated[Ledger, Depends(get_ledger)]


def csrf_token(request: Request) -> str:
    token = request.session.get("csrf")
    if not token:
        token = request.session["csrf"] = secrets.token_urlsafe(32)
    return str(token)


def session_id(request: Request) -> str:
    """The server-side session id the signed cookie carries (issue 10 §4); empty when signed out."""
    return str(request.session.get("sid", ""))


def session_actor(request: Request, ledger: Ledger) -> Actor | None:
    """The account of a session the server still holds open: logout, a new password, a role change or a
    deactivation end it on the server, so a copied cookie stops working at once."""
    username = ledger.sessions.session_username(session_id(request))
    return ledger.users.actor(username) if username else None


def page_actor(request: Request, ledger: LedgerDep) -> Actor:
    actor = session_actor(request, ledger)
    if actor is None:
        raise LoginRequiredError
    request.state.actor = actor
    return actor


PageActor = Annotated[Actor, Depends(page_actor)]


# Forms a read-only role may still send: they change the session or the user's own password, never a record.
READ_ONLY_FORMS = frozenset({"sign_in", "sign_out", "change_own_password"})


async def checked_form(request: Request) -> FormData:
    form = await request.form()
    expected = request.session.get("csrf")
    if not expected or not secrets.compare_digest(str(form.get("csrf_token", "")), str(expected)):
        raise CsrfError
    endpoint = request.scope.get("endpoint")
    if getattr(endpoint, "__name__", "") not in READ_ONLY_FORMS:
        refuse_read_only(request)
    return form


def refuse_read_only(request: Request) -> None:
    """MTTQ and inspectors read everything and change nothing (issue 5): refused before the form is even
    read, with the role's message (403), so no route can forget it; the use cases check it again."""
    actor = session_actor(request, request.app.state.ledger)
    if actor is not None:
        actor.require_writer()


CheckedForm = Annotated[FormData, Depends(checked_form)]


def api_actor(request: Request, ledger: LedgerDep) -> Actor:
    """A personal bearer token, or the session cookie with the X-CSRF-Token header on writes."""
    authorization = request.headers.get("authorization", "")
    if authorization.lower().startswith("bearer "):
        actor = ledger.users.actor_for_token(authorization[7:].strip())
        if actor is None:
            raise HTTPException(401, "Mã truy cập không hợp lệ.", headers={"WWW-Authenticate": "Bearer"})
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            actor.require_writer()
        return actor
    actor = session_actor(request, ledger)
    if actor is None:
        raise HTTPException(401, "Chưa đăng nhập.", headers={"WWW-Authenticate": "Bearer"})
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        sent, expected = request.headers.get("x-csrf-token", ""), request.session.get("csrf", "")
        if not expected or not secrets.compare_digest(sent, str(expected)):
            raise HTTPException(403, "Thiếu mã CSRF (X-CSRF-Token) cho yêu cầu dùng phiên đăng nhập.")
        actor.require_writer()
    return actor


ApiActor = Annotated[Actor, Depends(api_actor)]

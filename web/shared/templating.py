"""The single Jinja2 environment: Vietnamese dates and money, labels, CSRF token and header counts."""

from __future__ import annotations

import uuid
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from domain.formatting import vn_date, vn_money
from web.shared import labels
from web.shared.dependencies import csrf_token
from web.shared.labels import hamlet_name, label, step_label

templates = Jinja2Templates(directory=str(Path(__file__).parent.parent / "templates"))
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def vn_datetime(moment: datetime | None) -> str:
    return moment.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M") if moment else ""


templates.env.filters.update(
    vn_date=vn_date, vn_money=vn_money, vn_datetime=vn_datetime, label=label, step_label=step_label, hamlet=hamlet_name
)
# The fixed vocabulary the forms offer (select options, indicator groups), never data of the ledger.
templates.env.globals.update(new_command_id=lambda: str(uuid.uuid4()), vocab=labels)


def render(request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200) -> Response:
    context = dict(context or {})
    actor = getattr(request.state, "actor", None)
    ledger = request.app.state.ledger
    context.setdefault("actor", actor)
    context.setdefault("csrf_token", csrf_token(request))
    context.setdefault("inbox_count", ledger.inbox.unacknowledged_count(actor) if actor else 0)
    context.setdefault("overdue_count", ledger.obligations.overdue_count(actor) if actor else 0)
    context.setdefault("flash", request.session.pop("flash", None))
    context.setdefault("settings", ledger.settings)
    # Issue 5 §1: every page, printed too, shows the log position and head hash it was built from.
    context.setdefault("log_head", ledger.tamper_evidence.log_head() if actor else None)
    # Issue 10 §1: a stalled read model is shown on every page (the chair: what and what to do).
    context.setdefault("stall", ledger.read_models.stalled_read_models() if actor else None)
    context.setdefault("errors", {})
    context.setdefault("values", {})
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def flash(request: Request, message: str) -> None:
    request.session["flash"] = message

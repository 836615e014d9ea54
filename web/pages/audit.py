"""The global audit log, filtered by official, action and recorded date."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from application.audit import AuditFilter
from web.dependencies import LedgerDep, PageActor
from web.forms import FormReader
from web.labels import ACTION_LABELS
from web.templating import render

router = APIRouter(prefix="/audit")


@router.get("", name="show_audit")
def show_audit(request: Request, actor: PageActor, ledger: LedgerDep) -> Response:
    reader = FormReader(dict(request.query_params))
    where = AuditFilter(
        actor=reader.text("actor", required=False),
        action=reader.text("action", required=False),
        recorded_from=reader.date("from", required=False),
        recorded_to=reader.date("to", required=False),
    )
    entries = [] if reader.errors else ledger.audit_log(where)
    return render(
        request,
        "audit/log.html",
        {
            "entries": entries,
            "values": reader.data,
            "errors": reader.errors,
            "users": ledger.user_list(),
            "actions": ACTION_LABELS,
            "position": ledger.log_position(),
        },
        status_code=422 if reader.errors else 200,
    )

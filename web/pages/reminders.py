"""The official's inbox of reminders, and acknowledging them."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from starlette.responses import Response

from application.ledger import Entry
from web.dependencies import CheckedForm, LedgerDep, PageActor
from web.forms import FormReader
from web.pages.outcome import attempt, redirect_after_post
from web.templating import render

router = APIRouter(prefix="/reminders")


@router.get("", name="list_reminders")
def list_reminders(
    request: Request, actor: PageActor, ledger: LedgerDep, all: str = "", everyone: str = ""
) -> Response:
    reminders = ledger.inbox(actor, include_acknowledged=bool(all), everyone=bool(everyone))
    return render(
        request,
        "reminders/list.html",
        {
            "reminders": reminders,
            "show_all": bool(all),
            "everyone": bool(everyone),
            "today": ledger.today(),
        },
    )


@router.post("/{reminder_id}/acknowledgement", name="acknowledge_reminder")
def acknowledge_reminder(
    request: Request, reminder_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    entry = Entry(
        ledger.today(), note=reader.text("note", required=False), command_id=reader.data.get("command_id", "")
    )
    if failure := attempt(reader, lambda: ledger.acknowledge_reminder(actor, reminder_id, entry)):
        reminders = ledger.inbox(actor)
        return render(
            request,
            "reminders/list.html",
            {"reminders": reminders, "errors": failure[0], "today": ledger.today()},
            status_code=failure[1],
        )
    return redirect_after_post(request, "Đã xác nhận nhắc việc.", "list_reminders")


@router.post("/sweeps", name="sweep_now")
def sweep_now(request: Request, form: CheckedForm, actor: PageActor, ledger: LedgerDep) -> Response:
    report = ledger.sweep_on_request(actor)
    message = f"Đã quét nhắc việc ngày {report.today:%d/%m/%Y}: gửi mới {report.issued} nhắc việc."
    return redirect_after_post(request, message, "list_reminders")

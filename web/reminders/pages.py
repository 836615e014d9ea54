"""The official's inbox of reminders: acknowledging them, and resolving them with a note."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, Request
from starlette.responses import Response

from application.core.ledger_core import Entry
from application.ledger import Ledger
from domain.user import Actor
from web.shared.dependencies import CheckedForm, LedgerDep, PageActor
from web.shared.forms import FormReader
from web.shared.outcome import attempt, redirect_after_post
from web.shared.templating import render

router = APIRouter(prefix="/reminders")


@router.get("", name="list_reminders")
def list_reminders(
    request: Request, actor: PageActor, ledger: LedgerDep, all: str = "", everyone: str = ""
) -> Response:
    return inbox_page(request, ledger, actor, show_all=bool(all), everyone=bool(everyone))


def inbox_page(
    request: Request,
    ledger: Ledger,
    actor: Actor,
    errors: dict[str, str] | None = None,
    status_code: int = 200,
    failed: UUID | None = None,
    show_all: bool = False,
    everyone: bool = False,
) -> Response:
    return render(
        request,
        "reminders/list.html",
        {
            "reminders": ledger.inbox.inbox(
                actor, include_acknowledged=show_all or failed is not None, everyone=everyone
            ),
            "show_all": show_all,
            "everyone": everyone,
            "errors": errors or {},
            "failed": failed,
            "today": ledger.today(),
        },
        status_code=status_code,
    )


@router.post("/{reminder_id}/acknowledgement", name="acknowledge_reminder")
def acknowledge_reminder(
    request: Request, reminder_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    entry = Entry(
        ledger.today(), note=reader.text("note", required=False), command_id=reader.data.get("command_id", "")
    )
    if failure := attempt(reader, lambda: ledger.inbox.acknowledge_reminder(actor, reminder_id, entry)):
        return inbox_page(request, ledger, actor, failure[0], failure[1])
    return redirect_after_post(request, "Đã xác nhận nhắc việc.", "list_reminders")


@router.post("/{reminder_id}/resolution", name="resolve_reminder")
def resolve_reminder(
    request: Request, reminder_id: UUID, form: CheckedForm, actor: PageActor, ledger: LedgerDep
) -> Response:
    reader = FormReader(form)
    note = reader.text("note", message="Hãy ghi rõ việc đã được giải quyết thế nào.")
    entry = Entry(ledger.today(), note=note, command_id=reader.data.get("command_id", ""))
    if failure := attempt(reader, lambda: ledger.inbox.resolve_reminder(actor, reminder_id, entry)):
        return inbox_page(request, ledger, actor, failure[0], failure[1], failed=reminder_id)
    return redirect_after_post(request, "Đã ghi nhận việc đã được giải quyết.", "list_reminders")


@router.post("/sweeps", name="sweep_now")
def sweep_now(request: Request, form: CheckedForm, actor: PageActor, ledger: LedgerDep) -> Response:
    report = ledger.reminders.sweep_on_request(actor)
    message = f"Đã quét nhắc việc ngày {report.today:%d/%m/%Y}: gửi mới {report.issued} nhắc việc."
    return redirect_after_post(request, message, "list_reminders")

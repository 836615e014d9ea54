"""Deadlines and what became of them: the obligations list and the printable completeness report."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import Response

from application.ledger import Ledger
from domain.deadlines import ReminderRule
from web.shared.dependencies import LedgerDep, PageActor
from web.shared.forms import FormReader
from web.shared.outcome import attempt
from web.shared.query_bounds import query_reader
from web.shared.templating import render

router = APIRouter(prefix="/obligations")


@router.get("", name="list_obligations")
def list_obligations(request: Request, actor: PageActor, ledger: LedgerDep) -> Response:
    reader, due_from, due_to = read_period(request, ledger)
    hamlet, status = reader.text("hamlet", required=False), reader.text("status", required=False)
    rule = reader.optional_choice("rule", ReminderRule)
    found: dict[str, Any] = {"obligations": []}
    failure = attempt(
        reader,
        lambda: found.update(obligations=ledger.completeness.obligation_list(due_from, due_to, hamlet, rule, status)),
    )
    return page(request, ledger, "obligations/list.html", reader, failure, found)


@router.get("/completeness", name="show_completeness")
def show_completeness(request: Request, actor: PageActor, ledger: LedgerDep) -> Response:
    reader, due_from, due_to = read_period(request, ledger)
    found: dict[str, Any] = {"report": None}
    failure = attempt(reader, lambda: found.update(report=ledger.completeness.completeness(due_from, due_to)))
    return page(request, ledger, "obligations/completeness.html", reader, failure, found)


def read_period(request: Request, ledger: Ledger) -> tuple[FormReader, date, date]:
    """The due dates asked for (dd/mm/yyyy), this year's when none are given."""
    reader = query_reader(request, ledger)
    first, last = ledger.completeness.this_year()
    due_from, due_to = reader.date("from", required=False) or first, reader.date("to", required=False) or last
    reader.data["from"] = reader.data.get("from") or f"{due_from:%d/%m/%Y}"
    reader.data["to"] = reader.data.get("to") or f"{due_to:%d/%m/%Y}"
    return reader, due_from, due_to


def page(
    request: Request,
    ledger: Ledger,
    template: str,
    reader: FormReader,
    failure: tuple[dict[str, str], int] | None,
    found: dict[str, Any],
) -> Response:
    errors, status = failure or ({}, 200)
    context = {**found, "values": reader.data, "errors": errors, "hamlets": ledger.settings.hamlets}
    return render(request, template, context, status_code=status)

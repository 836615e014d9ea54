"""The household lists on a day (poor, near-poor, newly escaped, average-living agricultural), to read,
print, and take away as CSV or XLSX — files the import reads back (issue 6 §3, §4)."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from starlette.responses import Response

from application.core.errors import InvalidInputError
from application.ledger import Ledger
from application.lists.household_lists import HouseholdList
from application.lists.list_layout import COLUMNS, LIST_TITLES, list_kind
from domain.user import Actor
from web.lists.export import file_name, list_csv, list_xlsx
from web.shared.dependencies import LedgerDep, PageActor
from web.shared.forms import FormReader
from web.shared.query_bounds import query_reader
from web.shared.templating import render

router = APIRouter(prefix="/lists")
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TITLES = {kind.value: title for kind, title in LIST_TITLES.items()}


def chosen_day(request: Request) -> tuple[date | None, FormReader]:
    reader = query_reader(request, request.app.state.ledger)
    day = reader.date("as_of", required=False)
    return day, reader


def built_list(request: Request, ledger: Ledger, actor: Actor, kind: str, signed: bool) -> HouseholdList:
    day, reader = chosen_day(request)
    if reader.errors:
        raise InvalidInputError(reader.errors)
    return ledger.lists.household_list_on(actor, list_kind(kind), day, request.query_params.get("hamlet", ""), signed)


def download(households: HouseholdList, content: bytes, media_type: str, extension: str) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{file_name(households, extension)}"'}
    return Response(content, media_type=media_type, headers=headers)


@router.get("/{kind}.csv", name="household_list_csv")
def household_list_csv(request: Request, kind: str, actor: PageActor, ledger: LedgerDep) -> Response:
    households = built_list(request, ledger, actor, kind, signed=True)
    return download(households, list_csv(households), CSV_TYPE, "csv")


@router.get("/{kind}.xlsx", name="household_list_xlsx")
def household_list_xlsx(request: Request, kind: str, actor: PageActor, ledger: LedgerDep) -> Response:
    households = built_list(request, ledger, actor, kind, signed=True)
    return download(households, list_xlsx(households), XLSX_TYPE, "xlsx")


@router.get("/{kind}", name="household_list")
def show_household_list(request: Request, kind: str, actor: PageActor, ledger: LedgerDep) -> Response:
    list_kind(kind)
    day, reader = chosen_day(request)
    households, status = None, 200
    if not reader.errors:
        try:
            households = built_list(request, ledger, actor, kind, signed=False)
        except InvalidInputError as error:
            reader.errors.update(error.errors)
    if reader.errors:
        status = 422
    query = {k: v for k, v in request.query_params.items() if k in ("as_of", "hamlet") and v}
    context = {"kind": kind, "titles": TITLES, "households": households, "columns": COLUMNS, "query": query}
    return render(request, "lists/list.html", {**context, "values": reader.data, "errors": reader.errors}, status)

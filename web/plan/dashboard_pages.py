"""The plan's dashboard (issue 6 §2) and the plan's page (§1): targets against actual, per hamlet, on a day."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from starlette.responses import Response

from application.core.errors import InvalidInputError
from application.ledger import Ledger
from application.plan.dashboard import Dashboard, TargetResult
from web.plan.charts import count_chart, rate_chart, target_chart
from web.shared.dependencies import LedgerDep, PageActor
from web.shared.forms import FormReader
from web.shared.query_bounds import query_reader, year_range
from web.shared.templating import render

router = APIRouter()


def charts(board: Dashboard) -> dict[str, object]:
    percent = [r for r in board.summary.targets if r.unit == "%"]
    return {
        "targets_chart": target_chart([(r.target.label, threshold(r), r.actual) for r in percent]),
        "rate_chart": rate_chart(
            board.summary.start.rate,
            board.summary.end.rate,
            f"Đầu năm ({board.starts_on:%d/%m/%Y})",
            f"Cuối kỳ ({board.ends_on:%d/%m/%Y})",
        ),
        "transitions_chart": count_chart([(label, n) for _, label, n in board.transitions], "Biến động trong năm"),
    }


def threshold(result: TargetResult) -> float | None:
    return float(result.target.threshold) if result.target.threshold is not None else None


def chosen(request: Request, ledger: Ledger) -> tuple[int | None, str, date | None, FormReader]:
    reader = query_reader(request, ledger)
    reader.data.setdefault("year", str(ledger.today().year))
    year = reader.integer("year", *year_range(ledger))
    hamlet = reader.data.get("hamlet", "").strip()
    as_of = reader.date("as_of", required=False)
    return year, hamlet, as_of, reader


@router.get("/dashboard", name="dashboard")
def show_dashboard(request: Request, actor: PageActor, ledger: LedgerDep) -> Response:
    year, hamlet, as_of, reader = chosen(request, ledger)
    board = None
    if not reader.errors and year is not None:
        try:
            board = ledger.dashboard.dashboard(year, hamlet, as_of)
        except InvalidInputError as error:
            reader.errors.update(error.errors)
    context = {"board": board, "values": reader.data, "errors": reader.errors, "hamlet": hamlet}
    if board:
        context.update(charts(board))
    return render(request, "dashboard/show.html", context, 422 if reader.errors else 200)


# The plan's own page, /plans/{year}, is in web/plan/pages.py with the chair's forms that write it.

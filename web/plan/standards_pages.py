"""What would change under another poverty standard: the latest surveys classified again."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import Response

from application.core.errors import InvalidInputError
from web.shared.dependencies import LedgerDep, PageActor
from web.shared.templating import render

router = APIRouter()


@router.get("/what-if", name="what_if")
def show_what_if(request: Request, actor: PageActor, ledger: LedgerDep, standard: str = "") -> Response:
    chosen = standard or ledger.core.standards[-1].version
    try:
        rows, errors = ledger.surveys.what_if(chosen), {}
    except InvalidInputError as error:
        rows, errors = [], error.errors
    context = {"standards": ledger.core.standards, "chosen": chosen, "rows": rows, "errors": errors}
    return render(request, "standards/what_if.html", context, status_code=422 if errors else 200)

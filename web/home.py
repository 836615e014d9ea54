"""The start page: the official's inbox and the commune's lists at a glance."""

from __future__ import annotations

from collections import Counter

from fastapi import APIRouter, Request
from starlette.responses import Response

from web.shared.dependencies import LedgerDep, PageActor
from web.shared.templating import render

router = APIRouter()


@router.get("/", name="home")
def show_home(request: Request, actor: PageActor, ledger: LedgerDep) -> Response:
    households = ledger.households.household_list()
    by_standing = Counter(item.standing for item in households)
    newly_escaped = [
        item
        for item in households
        if item.newly_escaped_until and not item.window_closed_on and item.newly_escaped_until >= ledger.today()
    ]
    context = {
        "reminders": ledger.inbox.inbox(actor)[:10],
        "by_standing": by_standing,
        "households_count": len(households),
        "newly_escaped_count": len(newly_escaped),
        "projects": ledger.projects.project_list(),
        "today": ledger.today(),
    }
    return render(request, "home.html", context)

"""What must hold after each hostile request, and the figures the issue's closing note quotes.

A request is refused (422, or 401/403/404/409 where it applies) and the log has not moved, or it is
accepted and every read model has applied everything up to the log's head; never a server error; and a
rebuild from the log gives the read models the incremental catch-up built.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from application.ledger import Ledger
from application.views import TABLES
from tests.web.hostile_requests import Call
from tests.web.hostile_world import World

REFUSALS = {401, 403, 404, 409, 422}
SUMMARY: Counter[str] = Counter()
SUMMARY_FILE = "/tmp/giamngheo_hostile_api_inputs.txt"


def check(world: World, operation: str, call: Call, changes: list[str]) -> str | None:
    """Sends the request; returns what went wrong, or None."""
    ledger = world.ledger
    before = ledger.log_position()
    answer = world.send(call)
    SUMMARY["cases"] += 1
    said = f"{operation} [{'; '.join(changes)}] → {answer.status} {answer.text[:200]}"
    unapplied = stored_unapplied(ledger)
    if unapplied:
        SUMMARY["stored unapplied"] += 1
        world.poisoned = True
        return f"{said} — STORED, NOT APPLIED: {unapplied}"
    if answer.status >= 500:
        SUMMARY["server errors"] += 1
        return f"{said} — server error"
    if 200 <= answer.status < 300:
        SUMMARY["accepted (poison candidates)"] += 1
        SUMMARY[f"accepted by {operation}"] += 1
        return None
    if answer.status not in (REFUSALS | {400} if call.raw is not None else REFUSALS):  # 400: not JSON at all
        return f"{said} — unexpected status"
    return None if ledger.log_position() == before else f"{said} — refused, but the log moved"


def stored_unapplied(ledger: Ledger) -> str:
    """Empty when the read models have applied the whole log (a failing handler leaves them behind)."""
    try:
        ledger.views.catch_up()
    except Exception as error:  # noqa: BLE001 — the finding is that catch-up fails
        return f"catch-up raises {type(error).__name__}: {str(error)[:200]}"
    behind = ledger.log_position() - ledger.views.position()
    stall = open_stall(ledger)
    if behind or stall:
        return f"read models {behind} event(s) behind the log; stall {stall}"
    return ""


def open_stall(ledger: Ledger) -> Any:
    """The stall the catch-up records when a handler fails (application/readmodels/stalls.py)."""
    return ledger.read_models.stalled_read_models()


def dump(ledger: Ledger) -> dict[str, list[str]]:
    """Every row of every read-model table, in an order that does not depend on how it was built."""
    with ledger.views.database.reading() as cursor:
        tables = {table: cursor.all(f"SELECT * FROM {table}") for table in TABLES}
    return {table: sorted(repr(sorted(dict(row).items())) for row in rows) for table, rows in tables.items()}


def rebuild_differs(ledger: Ledger, operation: str) -> str | None:
    """A rebuild from the log gives the same read models as the catch-up, table by table."""
    SUMMARY["rebuilds compared"] += 1
    incremental = dump(ledger)
    try:
        ledger.read_models.rebuild_read_models()
    except Exception as error:  # noqa: BLE001
        return f"{operation}: rebuild raises {type(error).__name__}: {str(error)[:200]}"
    rebuilt = dump(ledger)
    differing = [table for table in TABLES if incremental[table] != rebuilt[table]]
    if differing:
        SUMMARY["rebuilds differing"] += 1
        first = differing[0]
        extra = sorted(set(rebuilt[first]) ^ set(incremental[first]))[:2]
        return f"{operation}: rebuild differs in {differing}; e.g. {extra}"
    return None


def summary_line() -> str:
    keys = ["cases", "server errors", "accepted (poison candidates)", "stored unapplied", "rebuilds compared"]
    keys += ["rebuilds differing", "operations"]
    return "hostile API inputs: " + ", ".join(f"{key} {SUMMARY[key]}" for key in keys)


def accepted_by_operation() -> str:
    return "\n".join(f"  {key}: {n}" for key, n in sorted(SUMMARY.items()) if key.startswith("accepted by "))

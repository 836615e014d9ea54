"""The reviews read model (view_reviews): each periodic or regular review, how many households it
lists and decided, and when it last decided (Decision 24/2021/QĐ-TTg procedure)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers, ReadModel
from application.readmodels.tables import cached_row, insert_row, iso, update_row
from domain.review import Review, ReviewKind

TABLE = "view_reviews"
TABLES = {
    TABLE: """
        review_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        year INTEGER NOT NULL,
        month INTEGER NOT NULL,
        starts_on TEXT NOT NULL,
        households_count INTEGER NOT NULL,
        decided_count INTEGER NOT NULL,
        last_decided_on TEXT""",
}

HANDLERS = Handlers()


def review_row(cursor: Cursor, review_id: UUID) -> dict[str, Any]:
    return cached_row(cursor, TABLE, "review_id", review_id)


def review_label(row: dict[str, Any]) -> str:
    if row["kind"] == ReviewKind.PERIODIC.value:
        return f"Rà soát định kỳ năm {row['year']}"
    return f"Rà soát thường xuyên tháng {row['month']}/{row['year']}"


@HANDLERS.on(Review.Opened)
def opened(cursor: Cursor, event: Review.Opened, position: int) -> None:
    row = {
        "review_id": str(event.originator_id),
        "kind": event.kind.value,
        "year": event.year,
        "month": event.month,
        "starts_on": iso(event.starts_on),
        "households_count": 0,
        "decided_count": 0,
        "last_decided_on": None,
    }
    insert_row(cursor, TABLE, event.originator_id, row)


@HANDLERS.on(Review.HouseholdListed)
def household_listed(cursor: Cursor, event: Review.HouseholdListed, position: int) -> None:
    review = review_row(cursor, event.originator_id)
    update_row(cursor, TABLE, "review_id", review, households_count=review["households_count"] + 1)


@HANDLERS.on(Review.Decided)
def decided(cursor: Cursor, event: Review.Decided, position: int) -> None:
    review = review_row(cursor, event.originator_id)
    decided_count = review["decided_count"] + len(event.outcomes)
    update_row(cursor, TABLE, "review_id", review, decided_count=decided_count, last_decided_on=iso(event.effective_on))


READ_MODEL = ReadModel("reviews", TABLES, HANDLERS)

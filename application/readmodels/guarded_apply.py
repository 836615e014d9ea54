"""Applies a page of events so that one event no handler can apply stops the read models before it,
not the whole commune (issue 10 §1, design.md §2.8).

The page is applied in one go under a savepoint, in pipeline mode on PostgreSQL (the fast path). If any
event fails, the page is rolled back to the savepoint and applied again one event at a time, each under
its own savepoint, up to the failing one: the events before it are kept, and the failing event is either
skipped (the operator recorded in the log that the read models skip that position) or reported back as
the stall. Only that rare path costs more than one statement per event.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from application.readmodels.database import Cursor


@dataclass(frozen=True)
class Failure:
    notification: Any
    error: Exception


@dataclass(frozen=True)
class Outcome:
    consumed: int
    """How many events of the page, from its start, are applied or skipped: the position moves past them."""
    skipped: list[int]
    failure: Failure | None = None


Decode = Callable[[Any], Any]
Apply = Callable[[Cursor, Any, int], None]  # every read model's handlers of the event (Registry.apply)


def apply_page(
    cursor: Cursor, page: Sequence[Any], decode: Decode, skipped: Callable[[int], bool], apply_event: Apply
) -> Outcome:
    cursor.execute("SAVEPOINT page")
    try:
        with cursor.pipeline():
            for notification in page:
                apply_event(cursor, decode(notification), notification.id)
    except Exception:  # a handler, the mapper or the database refused one event: find which
        cursor.execute("ROLLBACK TO SAVEPOINT page")
        cursor.execute("RELEASE SAVEPOINT page")
        cursor.rows.clear()  # the cached rows may hold the rolled-back changes
        return apply_one_by_one(cursor, page, decode, skipped, apply_event)
    cursor.execute("RELEASE SAVEPOINT page")
    return Outcome(len(page), [])


def apply_one_by_one(
    cursor: Cursor, page: Sequence[Any], decode: Decode, skipped: Callable[[int], bool], apply_event: Apply
) -> Outcome:
    passed: list[int] = []
    for index, notification in enumerate(page):
        error = apply_alone(cursor, notification, decode, apply_event)
        if error is None:
            continue
        if not skipped(notification.id):
            return Outcome(index, passed, Failure(notification, error))
        passed.append(notification.id)
    return Outcome(len(page), passed)


def apply_alone(cursor: Cursor, notification: Any, decode: Decode, apply_event: Apply) -> Exception | None:
    cursor.execute("SAVEPOINT event")
    try:
        apply_event(cursor, decode(notification), notification.id)
    except Exception as error:
        cursor.execute("ROLLBACK TO SAVEPOINT event")
        cursor.execute("RELEASE SAVEPOINT event")
        cursor.rows.clear()
        return error
    cursor.execute("RELEASE SAVEPOINT event")
    return None

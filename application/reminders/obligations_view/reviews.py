"""A review's deadlines: a regular review's decision, each hamlet's posting, and the calendar ones it meets."""

from __future__ import annotations

from datetime import date, timedelta
from uuid import NAMESPACE_URL, uuid5

from application.households.register_view import household_row
from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers
from application.reminders.obligations_view.table import close_obligations, open_obligation, resolve_calendar
from application.reviews.reviews_view import review_label, review_row
from domain.deadlines import ReminderRule
from domain.formatting import vn_date
from domain.reminder import Deadline
from domain.review import REGULAR_DECISION_DAYS, Review, ReviewKind

HANDLERS = Handlers()


@HANDLERS.on(Review.Opened)
def review_opened(cursor: Cursor, event: Review.Opened, position: int) -> None:
    opened = f"Đã mở đợt rà soát ngày {vn_date(event.starts_on)}"
    if event.kind is ReviewKind.REGULAR:
        open_decision_obligation(cursor, event, position)
        starts = date(event.year, event.month, 15)
        resolve_calendar(cursor, ReminderRule.REGULAR_REVIEW_STARTS, starts, opened, position)
    else:
        resolve_calendar(cursor, ReminderRule.ANNUAL_REVIEW_OPENS, date(event.year, 9, 1), opened, position)


def open_decision_obligation(cursor: Cursor, event: Review.Opened, position: int) -> None:
    due_on = event.starts_on + timedelta(days=REGULAR_DECISION_DAYS)
    label = review_label(review_row(cursor, event.originator_id))
    rule = ReminderRule.REGULAR_REVIEW_DECISION
    deadline = Deadline(rule, "review", event.originator_id, label, event.commune, "", due_on)
    chair = cursor.one("SELECT username FROM view_users WHERE role = 'chair' ORDER BY username")
    open_obligation(cursor, deadline, chair["username"] if chair else "", position)


@HANDLERS.on(Review.PostingStarted)
def posting_started(cursor: Cursor, event: Review.PostingStarted, position: int) -> None:
    subject = uuid5(NAMESPACE_URL, f"/reviews/{event.originator_id}/postings/{event.hamlet}")
    label = f"Hết niêm yết xóm {event.hamlet} – {review_label(review_row(cursor, event.originator_id))}"
    commune = household_row(cursor, event.household_ids[0])["commune"] if event.household_ids else ""
    deadline = Deadline(ReminderRule.POSTING_ENDS, "posting", subject, label, commune, event.hamlet, event.ends_on)
    open_obligation(cursor, deadline, "", position)


@HANDLERS.on(Review.Decided)
def review_decided(cursor: Cursor, event: Review.Decided, position: int) -> None:
    review = review_row(cursor, event.originator_id)
    decided = f"Đã có quyết định ngày {vn_date(event.effective_on)}"
    if review["kind"] == ReviewKind.PERIODIC.value:
        resolve_calendar(cursor, ReminderRule.ANNUAL_REVIEW_CLOSES, date(review["year"], 12, 14), decided, position)
    rule = ReminderRule.REGULAR_REVIEW_DECISION
    close_obligations(cursor, event.originator_id, rule, "resolved", decided, position)

"""The audit log's rows for the reviews (Decision 24/2021/QĐ-TTg procedure): each step, and the
households it concerns."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from application.audit.audit_log.table import concerns, record_audit
from application.households.register_view import household_row
from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers
from application.reviews.reviews_view import review_label, review_row
from domain.formatting import vn_date
from domain.review import CHANGE_LABELS, Review
from domain.standards import CLASS_LABELS

HANDLERS = Handlers()


def review_audit(
    cursor: Cursor,
    event: Any,
    position: int,
    details: str,
    household_id: str | None = None,
    hamlet: str = "",
    concerned: Iterable[object] = (),
) -> None:
    label = review_label(review_row(cursor, event.originator_id))
    concerns(cursor, position, concerned)
    record_audit(
        cursor,
        event,
        position,
        subject_type="review",
        household_id=household_id,
        subject_label=label,
        hamlet=hamlet,
        details=details,
    )


@HANDLERS.on(Review.Opened)
def opened(cursor: Cursor, event: Review.Opened, position: int) -> None:
    review_audit(cursor, event, position, f"Mở đợt rà soát từ ngày {vn_date(event.starts_on)}")


@HANDLERS.on(Review.HouseholdListed)
def household_listed(cursor: Cursor, event: Review.HouseholdListed, position: int) -> None:
    details = f"Đưa hộ {event.head_name} vào danh sách rà soát"
    review_audit(cursor, event, position, details, str(event.household_id), event.hamlet)


@HANDLERS.on(Review.SurveyNoted)
def survey_noted(cursor: Cursor, event: Review.SurveyNoted, position: int) -> None:
    household = household_row(cursor, event.household_id)
    details = f"Khảo sát hộ {household['head_name']}: {CLASS_LABELS[event.provisional_class]}"
    review_audit(cursor, event, position, details, str(event.household_id), household["hamlet"])


@HANDLERS.on(Review.MeetingHeld)
def meeting_held(cursor: Cursor, event: Review.MeetingHeld, position: int) -> None:
    shares = "; ".join(
        f"{household_row(cursor, household_id)['head_name']} {share}%"
        for household_id, share in event.agreements.items()
    )
    review_audit(
        cursor,
        event,
        position,
        f"Họp dân xóm {event.hamlet} ({event.attendees} người dự, chủ trì:"
        f" {event.chaired_by}, biên bản {event.minutes_number}); tỷ lệ đồng ý: {shares}",
        hamlet=event.hamlet,
        concerned=event.agreements,
    )


@HANDLERS.on(Review.PostingStarted)
def posting_started(cursor: Cursor, event: Review.PostingStarted, position: int) -> None:
    review_audit(
        cursor,
        event,
        position,
        f"Niêm yết công khai kết quả xóm {event.hamlet} từ {vn_date(event.effective_on)}"
        f" đến hết {vn_date(event.ends_on)} ({event.working_days} ngày làm việc)",
        hamlet=event.hamlet,
        concerned=event.household_ids,
    )


@HANDLERS.on(Review.ComplaintReceived, Review.RecheckCompleted, Review.RequestRefused)
def household_step(cursor: Cursor, event: Any, position: int) -> None:
    household = household_row(cursor, event.household_id)
    if isinstance(event, Review.ComplaintReceived):
        details = f"Khiếu nại của {event.complainant}: {event.content}"
    elif isinstance(event, Review.RecheckCompleted):
        rechecked = f"; phân loại lại: {CLASS_LABELS[event.rechecked_class]}" if event.rechecked_class else ""
        details = f"Phúc tra: {event.outcome}{rechecked}"
    else:
        details = f"Trả lời bằng văn bản, không công nhận: {event.reasons}"
    details = f"Hộ {household['head_name']}: {details}"
    review_audit(cursor, event, position, details, str(event.household_id), household["hamlet"])


@HANDLERS.on(Review.Decided)
def decided(cursor: Cursor, event: Review.Decided, position: int) -> None:
    counts: dict[str, int] = {}
    for outcome in event.outcomes:
        counts[outcome.change] = counts.get(outcome.change, 0) + 1
    summary = "; ".join(f"{CHANGE_LABELS[change]}: {n}" for change, n in counts.items())
    details = f"Quyết định công nhận {len(event.outcomes)} hộ — {summary}"
    review_audit(cursor, event, position, details, concerned=[outcome.household_id for outcome in event.outcomes])

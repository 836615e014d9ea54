"""Read-model handlers for members, surveys, requests and reviews (Decision 24/2021 procedure)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any
from uuid import NAMESPACE_URL, uuid5

from application.households.projector import (
    cached_row,
    close_obligations,
    handles,
    household_row,
    insert_row,
    iso,
    open_obligation,
    record_audit,
    update_row,
)
from application.readmodels.database import Cursor
from application.reminders.obligation_projector import resolve_calendar
from domain.deadlines import ReminderRule
from domain.formatting import vn_date, vn_money
from domain.indicators import INDICATOR_LABELS, Indicator
from domain.people import MemberAdded, MemberRemoved, MemberUpdated
from domain.reminder import Deadline
from domain.review import CHANGE_LABELS, REGULAR_DECISION_DAYS, Review, ReviewKind
from domain.standards import CLASS_LABELS
from domain.survey import AverageLivingRecognised, ReviewRequested, Surveyed

CHANGE_WORDS = {"birth": "sinh", "death": "chết", "marriage": "kết hôn", "migration": "chuyển đi/đến", "other": "khác"}


def household_audit(cursor: Cursor, event: Any, position: int, details: str) -> None:
    row = household_row(cursor, event.originator_id)
    record_audit(
        cursor,
        event,
        position,
        subject_type="household",
        household_id=str(event.originator_id),
        subject_label=row["head_name"],
        hamlet=row["hamlet"],
        details=details,
    )


@handles(MemberAdded, MemberRemoved)
def member_count_changed(cursor: Cursor, event: MemberAdded | MemberRemoved, position: int) -> None:
    row = household_row(cursor, event.originator_id)
    added = isinstance(event, MemberAdded)
    update_row(
        cursor, "view_households", "household_id", row, members_count=row["members_count"] + (1 if added else -1)
    )
    what = f"Thêm thành viên {event.person.full_name}" if isinstance(event, MemberAdded) else "Bớt một thành viên"
    household_audit(cursor, event, position, f"{what} (lý do: {CHANGE_WORDS[event.change.value]})")


@handles(MemberUpdated)
def member_updated(cursor: Cursor, event: MemberUpdated, position: int) -> None:
    household_audit(cursor, event, position, f"Cập nhật thông tin thành viên {event.person.full_name}")


@handles(Surveyed)
def household_surveyed(cursor: Cursor, event: Surveyed, position: int) -> None:
    survey, row = event.survey, household_row(cursor, event.originator_id)
    update_row(
        cursor,
        "view_households",
        "household_id",
        row,
        latest_survey_on=iso(survey.surveyed_on),
        latest_income=survey.income.per_capita_monthly,
        latest_b1_score=survey.income.b1_score,
        latest_b1_cutoff=survey.income.b1_cutoff,
        latest_deprived=len(survey.deprived),
        latest_class=survey.provisional_class.value,
        latest_standard=survey.standard_version,
    )
    income = (
        f"thu nhập {vn_money(survey.income.per_capita_monthly)}/người/tháng"
        if survey.income.per_capita_monthly is not None
        else f"điểm B1 {survey.income.b1_score} (điểm chuẩn {survey.income.b1_cutoff})"
    )
    deprived = ", ".join(INDICATOR_LABELS[Indicator(code)] for code in survey.deprived) or "không"
    household_audit(
        cursor,
        event,
        position,
        f"Phiếu B: {income}; thiếu hụt {len(survey.deprived)} chỉ số ({deprived}); phân loại sơ bộ:"
        f" {CLASS_LABELS[survey.provisional_class]} theo chuẩn {survey.standard_version}"
        f" ({survey.standard_basis.number})",
    )


@handles(AverageLivingRecognised)
def average_living_recognised(cursor: Cursor, event: AverageLivingRecognised, position: int) -> None:
    d, row = event.determination, household_row(cursor, event.originator_id)
    update_row(
        cursor,
        "view_households",
        "household_id",
        row,
        occupation=d.occupation.value,
        average_living_since=iso(event.effective_on),
    )
    household_audit(
        cursor,
        event,
        position,
        f"Hộ có mức sống trung bình ({d.occupation.value}): {vn_money(d.per_capita_monthly)}/người/tháng"
        f" (12 tháng {vn_money(d.income_12_months)}, trừ trợ cấp {vn_money(d.social_allowances)});"
        " thuộc diện hỗ trợ đóng BHYT",
    )


@handles(ReviewRequested)
def review_requested(cursor: Cursor, event: ReviewRequested, position: int) -> None:
    row = household_row(cursor, event.originator_id)
    update_row(
        cursor,
        "view_households",
        "household_id",
        row,
        pending_request=event.form.value,
        pending_request_on=iso(event.effective_on),
    )
    form = "Mẫu 01 (đề nghị rà soát)" if event.form.value == "form_01" else "Mẫu 04 (đề nghị công nhận thoát nghèo)"
    household_audit(cursor, event, position, f"{form}: {event.reason} ({event.channel})")


def review_label(row: dict[str, Any]) -> str:
    if row["kind"] == ReviewKind.PERIODIC.value:
        return f"Rà soát định kỳ năm {row['year']}"
    return f"Rà soát thường xuyên tháng {row['month']}/{row['year']}"


def review_audit(
    cursor: Cursor,
    event: Any,
    position: int,
    details: str,
    household_id: str | None = None,
    hamlet: str = "",
    concerns: Iterable[object] = (),
) -> None:
    row = cached_row(cursor, "view_reviews", "review_id", event.originator_id)
    for concerned in concerns:
        cursor.execute("INSERT INTO view_audit_households VALUES (?, ?)", (position, str(concerned)))
    record_audit(
        cursor,
        event,
        position,
        subject_type="review",
        household_id=household_id,
        subject_label=review_label(row),
        hamlet=hamlet,
        details=details,
    )


@handles(Review.Opened)
def review_opened(cursor: Cursor, event: Review.Opened, position: int) -> None:
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
    insert_row(cursor, "view_reviews", event.originator_id, row)
    opened = f"Đã mở đợt rà soát ngày {vn_date(event.starts_on)}"
    if event.kind is ReviewKind.REGULAR:
        open_decision_obligation(cursor, event, row, position)
        resolve_calendar(
            cursor, ReminderRule.REGULAR_REVIEW_STARTS, date(event.year, event.month, 15), opened, position
        )
    else:
        resolve_calendar(cursor, ReminderRule.ANNUAL_REVIEW_OPENS, date(event.year, 9, 1), opened, position)
    review_audit(cursor, event, position, f"Mở đợt rà soát từ ngày {vn_date(event.starts_on)}")


def open_decision_obligation(cursor: Cursor, event: Review.Opened, row: dict[str, Any], position: int) -> None:
    due_on = event.starts_on + timedelta(days=REGULAR_DECISION_DAYS)
    deadline = Deadline(
        ReminderRule.REGULAR_REVIEW_DECISION,
        "review",
        event.originator_id,
        review_label(row),
        event.commune,
        "",
        due_on,
    )
    chair = cursor.one("SELECT username FROM view_users WHERE role = 'chair' ORDER BY username")
    open_obligation(cursor, deadline, chair["username"] if chair else "", position)


@handles(Review.HouseholdListed)
def household_listed(cursor: Cursor, event: Review.HouseholdListed, position: int) -> None:
    review = cached_row(cursor, "view_reviews", "review_id", event.originator_id)
    update_row(cursor, "view_reviews", "review_id", review, households_count=review["households_count"] + 1)
    if event.listing_basis.value != "managed_list":
        update_row(
            cursor,
            "view_households",
            "household_id",
            household_row(cursor, event.household_id),
            pending_request=None,
            pending_request_on=None,
        )
    review_audit(
        cursor,
        event,
        position,
        f"Đưa hộ {event.head_name} vào danh sách rà soát",
        str(event.household_id),
        event.hamlet,
    )


@handles(Review.SurveyNoted)
def survey_noted(cursor: Cursor, event: Review.SurveyNoted, position: int) -> None:
    household = household_row(cursor, event.household_id)
    review_audit(
        cursor,
        event,
        position,
        f"Khảo sát hộ {household['head_name']}: {CLASS_LABELS[event.provisional_class]}",
        str(event.household_id),
        household["hamlet"],
    )


@handles(Review.MeetingHeld)
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
        concerns=event.agreements,
    )


@handles(Review.PostingStarted)
def posting_started(cursor: Cursor, event: Review.PostingStarted, position: int) -> None:
    review = cached_row(cursor, "view_reviews", "review_id", event.originator_id)
    subject = uuid5(NAMESPACE_URL, f"/reviews/{event.originator_id}/postings/{event.hamlet}")
    label = f"Hết niêm yết xóm {event.hamlet} – {review_label(review)}"
    commune = household_row(cursor, event.household_ids[0])["commune"] if event.household_ids else ""
    deadline = Deadline(ReminderRule.POSTING_ENDS, "posting", subject, label, commune, event.hamlet, event.ends_on)
    open_obligation(cursor, deadline, "", position)
    review_audit(
        cursor,
        event,
        position,
        f"Niêm yết công khai kết quả xóm {event.hamlet} từ {vn_date(event.effective_on)}"
        f" đến hết {vn_date(event.ends_on)} ({event.working_days} ngày làm việc)",
        hamlet=event.hamlet,
        concerns=event.household_ids,
    )


@handles(Review.ComplaintReceived, Review.RecheckCompleted, Review.RequestRefused)
def household_step(cursor: Cursor, event: Any, position: int) -> None:
    household = household_row(cursor, event.household_id)
    if isinstance(event, Review.ComplaintReceived):
        details = f"Khiếu nại của {event.complainant}: {event.content}"
    elif isinstance(event, Review.RecheckCompleted):
        rechecked = f"; phân loại lại: {CLASS_LABELS[event.rechecked_class]}" if event.rechecked_class else ""
        details = f"Phúc tra: {event.outcome}{rechecked}"
    else:
        details = f"Trả lời bằng văn bản, không công nhận: {event.reasons}"
    review_audit(
        cursor, event, position, f"Hộ {household['head_name']}: {details}", str(event.household_id), household["hamlet"]
    )


@handles(Review.Decided)
def review_decided(cursor: Cursor, event: Review.Decided, position: int) -> None:
    review = cached_row(cursor, "view_reviews", "review_id", event.originator_id)
    if review["kind"] == ReviewKind.PERIODIC.value:
        decided = f"Đã có quyết định ngày {vn_date(event.effective_on)}"
        resolve_calendar(cursor, ReminderRule.ANNUAL_REVIEW_CLOSES, date(review["year"], 12, 14), decided, position)
    update_row(
        cursor,
        "view_reviews",
        "review_id",
        review,
        decided_count=review["decided_count"] + len(event.outcomes),
        last_decided_on=iso(event.effective_on),
    )
    close_obligations(
        cursor,
        event.originator_id,
        ReminderRule.REGULAR_REVIEW_DECISION,
        "resolved",
        f"Đã có quyết định ngày {vn_date(event.effective_on)}",
        position,
    )
    counts: dict[str, int] = {}
    for outcome in event.outcomes:
        counts[outcome.change] = counts.get(outcome.change, 0) + 1
    summary = "; ".join(f"{CHANGE_LABELS[change]}: {n}" for change, n in counts.items())
    details = f"Quyết định công nhận {len(event.outcomes)} hộ — {summary}"
    review_audit(cursor, event, position, details, concerns=[outcome.household_id for outcome in event.outcomes])

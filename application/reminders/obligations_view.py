"""The obligations read model (view_obligations): every derived deadline, its subject and whether it
is open, resolved or cancelled (design.md §2.4). Whether an open one is pending, issued or
acknowledged is read from its reminders (application/reminders/obligations.py)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from application.credit.loans_view import loan_row
from application.households.register_view import household_row
from application.projects.projects_view import project_row
from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers, ReadModel
from application.readmodels.tables import iso
from application.reminders.reminders_view import reminder_row
from application.reviews.reviews_view import review_label, review_row
from domain.deadlines import ReminderRule
from domain.decisions import effect_of
from domain.formatting import vn_date
from domain.household import STANDING_LABELS, Household
from domain.loan import Loan
from domain.project import Project, ProjectStage
from domain.reminder import Deadline, Reminder
from domain.review import REGULAR_DECISION_DAYS, Review, ReviewKind
from domain.sweep import Sweep

TABLE = "view_obligations"
TABLES = {
    TABLE: """
        obligation_id TEXT PRIMARY KEY,
        rule TEXT NOT NULL,
        subject_type TEXT NOT NULL,
        subject_id TEXT NOT NULL,
        subject_label TEXT NOT NULL,
        commune TEXT NOT NULL,
        hamlet TEXT NOT NULL,
        responsible TEXT NOT NULL,
        due_on TEXT NOT NULL,
        status TEXT NOT NULL,
        status_reason TEXT NOT NULL,
        created_by_position BIGINT NOT NULL,
        changed_by_position BIGINT NOT NULL""",
}
INDEXES = (
    "CREATE INDEX IF NOT EXISTS view_obligations_open ON view_obligations (status, due_on)",
    "CREATE INDEX IF NOT EXISTS view_obligations_subject ON view_obligations (subject_id, rule, status)",
)
CALENDAR_LABELS = {
    ReminderRule.ANNUAL_REVIEW_OPENS: "Bắt đầu rà soát định kỳ năm {year}",
    ReminderRule.ANNUAL_REVIEW_CLOSES: "Hoàn thành rà soát định kỳ năm {year}",
    ReminderRule.REGULAR_REVIEW_STARTS: "Rà soát thường xuyên tháng {month}/{year}",
    ReminderRule.MONTHLY_REPORT: "Báo cáo kết quả rà soát thường xuyên tháng {month}/{year}",
}
HOUSEHOLD_RULES = (ReminderRule.NEWLY_ESCAPED_WINDOW_END, ReminderRule.ESCAPED_LOAN_WINDOW_END)

HANDLERS = Handlers()


def obligation_id(rule: ReminderRule, subject_id: UUID, due_on: date) -> str:
    return str(uuid5(NAMESPACE_URL, f"/obligations/{rule.value}/{subject_id}/{due_on}"))


def commune_subject(commune: str) -> UUID:
    return uuid5(NAMESPACE_URL, f"/communes/{commune}")


def open_obligation(cursor: Cursor, deadline: Deadline, responsible: str, position: int, reopen: bool = True) -> None:
    """Inserts a deadline, or reopens it when a later fact brings back the same one (same rule, subject
    and due date: a fall back and a new escape on one day; escapes on 28/02 and 29/02 ending on 28/02)."""
    on_conflict = (
        "DO UPDATE SET status = 'open', status_reason = '', changed_by_position = excluded.changed_by_position"
        if reopen
        else "DO NOTHING"
    )
    cursor.execute(
        f"INSERT INTO view_obligations VALUES ({', '.join('?' * 13)}) ON CONFLICT (obligation_id) {on_conflict}",
        (
            obligation_id(deadline.rule, deadline.subject_id, deadline.due_on),
            deadline.rule.value,
            deadline.subject_type,
            str(deadline.subject_id),
            deadline.subject_label,
            deadline.commune,
            deadline.hamlet,
            responsible,
            deadline.due_on.isoformat(),
            "open",
            "",
            position,
            position,
        ),
    )


def close_obligations(
    cursor: Cursor, subject_id: UUID, rule: ReminderRule, status: str, reason: str, position: int
) -> None:
    cursor.execute(
        "UPDATE view_obligations SET status = ?, status_reason = ?, changed_by_position = ?"
        " WHERE subject_id = ? AND rule = ? AND status = 'open'",
        (status, reason, position, str(subject_id), rule.value),
    )


def move_obligations(
    cursor: Cursor, event: Any, rule: ReminderRule, deadlines: list[Deadline], responsible: str, position: int
) -> None:
    """After a correction: cancels the subject's open obligations of a rule that are no longer due, with
    the correction's reason, and opens the new ones (or reopens one a relapse had cancelled)."""
    keep = {obligation_id(d.rule, d.subject_id, d.due_on) for d in deadlines}
    rows = cursor.all(
        "SELECT obligation_id FROM view_obligations WHERE subject_id = ? AND rule = ? AND status = 'open'",
        (str(event.originator_id), rule.value),
    )
    for row in rows:
        if row["obligation_id"] not in keep:
            cursor.execute(
                "UPDATE view_obligations SET status = 'cancelled', status_reason = ?, changed_by_position = ?"
                " WHERE obligation_id = ?",
                (f"Đính chính: {event.reason}", position, row["obligation_id"]),
            )
    for deadline in deadlines:
        existing = cursor.one(
            "SELECT status FROM view_obligations WHERE obligation_id = ?",
            (obligation_id(deadline.rule, deadline.subject_id, deadline.due_on),),
        )
        if existing is None or existing["status"] == "cancelled":
            open_obligation(cursor, deadline, responsible, position)


def resolve_calendar(cursor: Cursor, rule: ReminderRule, due_on: date, reason: str, position: int) -> None:
    cursor.execute(
        "UPDATE view_obligations SET status = 'resolved', status_reason = ?, changed_by_position = ?"
        " WHERE rule = ? AND due_on = ? AND status = 'open'",
        (reason, position, rule.value, iso(due_on)),
    )


def household_deadline(row: dict[str, Any], rule: ReminderRule, due_on: date) -> Deadline:
    return Deadline(
        rule, "household", UUID(row["household_id"]), row["head_name"], row["commune"], row["hamlet"], due_on
    )


def project_deadline(row: dict[str, Any], ends_on: date) -> Deadline:
    subject = UUID(row["project_id"])
    rule = ReminderRule.PROJECT_FINAL_REVIEW
    return Deadline(rule, "project", subject, row["name"], row["commune"], row["hamlets"], ends_on)


def loan_deadline(loan: dict[str, Any], loan_id: UUID, commune: str, due_on: date) -> Deadline:
    label = f"Khoản vay của hộ {loan['head_name']}"
    return Deadline(ReminderRule.LOAN_DUE, "loan", loan_id, label, commune, loan["hamlet"], due_on)


@HANDLERS.on(
    Household.RecognisedPoor,
    Household.RecognisedNearPoor,
    Household.EscapedPoverty,
    Household.EscapedNearPoverty,
    Household.FellBackIntoPoverty,
)
def household_transitioned(cursor: Cursor, event: Household.Transition, position: int) -> None:
    """The deadlines a decision opens or cancels, as the domain's one rule says (domain/decisions.py)."""
    row, effect = household_row(cursor, event.originator_id), effect_of(event.decision())
    if effect.window_until:
        deadline = household_deadline(row, ReminderRule.NEWLY_ESCAPED_WINDOW_END, effect.window_until)
        open_obligation(cursor, deadline, "", position)
    if effect.loan_window_until:
        deadline = household_deadline(row, ReminderRule.ESCAPED_LOAN_WINDOW_END, effect.loan_window_until)
        open_obligation(cursor, deadline, "", position)
    if effect.ends_windows:
        reason = f"Hộ tái nghèo ({STANDING_LABELS[event.to_standing]}) từ ngày {vn_date(event.effective_on)}"
        for rule in HOUSEHOLD_RULES:
            close_obligations(cursor, event.originator_id, rule, "cancelled", reason, position)


@HANDLERS.on(Household.DecisionCorrected)
def household_decision_corrected(cursor: Cursor, event: Household.DecisionCorrected, position: int) -> None:
    row = household_row(cursor, event.originator_id)
    due = {
        ReminderRule.NEWLY_ESCAPED_WINDOW_END: event.window_ends,
        ReminderRule.ESCAPED_LOAN_WINDOW_END: event.loan_window_ends,
    }
    for rule, days in due.items():
        move_obligations(cursor, event, rule, [household_deadline(row, rule, day) for day in days], "", position)


@HANDLERS.on(Loan.Granted)
def loan_granted(cursor: Cursor, event: Loan.Granted, position: int) -> None:
    loan = {"head_name": household_row(cursor, event.household_id)["head_name"], "hamlet": event.hamlet}
    open_obligation(cursor, loan_deadline(loan, event.originator_id, event.commune, event.due_on), "", position)


@HANDLERS.on(Loan.Corrected)
def loan_corrected(cursor: Cursor, event: Loan.Corrected, position: int) -> None:
    loan = loan_row(cursor, event.originator_id)
    commune = household_row(cursor, UUID(loan["household_id"]))["commune"]
    deadlines = [] if event.void else [loan_deadline(loan, event.originator_id, commune, event.due_on)]
    move_obligations(cursor, event, ReminderRule.LOAN_DUE, deadlines, "", position)


@HANDLERS.on(Project.Approved)
def project_approved(cursor: Cursor, event: Project.Approved, position: int) -> None:
    row = project_row(cursor, event.originator_id)
    open_obligation(cursor, project_deadline(row, event.ends_on), row["responsible"], position)


@HANDLERS.on(Project.Amended)
def project_amended(cursor: Cursor, event: Project.Amended, position: int) -> None:
    row = project_row(cursor, event.originator_id)
    reason = f"Dời hạn tổng kết sang {vn_date(event.ends_on)} do điều chỉnh thời gian thực hiện"
    close_obligations(cursor, event.originator_id, ReminderRule.PROJECT_FINAL_REVIEW, "cancelled", reason, position)
    open_obligation(cursor, project_deadline(row, event.ends_on), row["responsible"], position)


@HANDLERS.on(Project.Reviewed)
def project_reviewed(cursor: Cursor, event: Project.Reviewed, position: int) -> None:
    reason = f"Đã tổng kết, đánh giá ngày {vn_date(event.effective_on)}"
    close_obligations(cursor, event.originator_id, ReminderRule.PROJECT_FINAL_REVIEW, "resolved", reason, position)


@HANDLERS.on(Project.Corrected)
def project_corrected(cursor: Cursor, event: Project.Corrected, position: int) -> None:
    row = project_row(cursor, event.originator_id)  # as the projects read model left it (listed before)
    if row["stage"] == ProjectStage.APPROVED.value or event.void:
        deadlines = [project_deadline(row, event.ends_on)] if event.ends_on and not event.void else []
        move_obligations(cursor, event, ReminderRule.PROJECT_FINAL_REVIEW, deadlines, row["responsible"], position)


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


@HANDLERS.on(Reminder.Resolved)
def reminder_resolved(cursor: Cursor, event: Reminder.Resolved, position: int) -> None:
    row = reminder_row(cursor, event.originator_id)
    resolved = obligation_id(ReminderRule(row["rule"]), UUID(row["subject_id"]), date.fromisoformat(row["due_on"]))
    cursor.execute(
        "UPDATE view_obligations SET status = 'resolved', status_reason = ?, changed_by_position = ?"
        " WHERE obligation_id = ? AND status = 'open'",
        (f"{event.actor}: {event.note}", position, resolved),
    )


@HANDLERS.on(Sweep.Started)
def sweep_started(cursor: Cursor, event: Sweep.Started, position: int) -> None:
    for deadline in event.deadlines:
        note_calendar_deadline(cursor, deadline.rule, deadline.due_on, event.commune, position)


def note_calendar_deadline(cursor: Cursor, rule: ReminderRule, due_on: date, commune: str, position: int) -> None:
    label = CALENDAR_LABELS[rule].format(year=due_on.year, month=due_on.month)
    deadline = Deadline(rule, "commune", commune_subject(commune), label, commune, "", due_on)
    open_obligation(cursor, deadline, "", position, reopen=False)
    met = review_meeting(cursor, rule, due_on)
    if met:
        resolve_calendar(cursor, rule, due_on, met, position)


def review_meeting(cursor: Cursor, rule: ReminderRule, due_on: date) -> str | None:
    """A review already opened or decided that meets a calendar deadline noted only now."""
    if rule is ReminderRule.ANNUAL_REVIEW_OPENS:
        row = cursor.one("SELECT starts_on FROM view_reviews WHERE kind = 'periodic' AND year = ?", (due_on.year,))
        return f"Đã mở đợt rà soát ngày {vn_date(date.fromisoformat(row['starts_on']))}" if row else None
    if rule is ReminderRule.REGULAR_REVIEW_STARTS:
        row = cursor.one(
            "SELECT starts_on FROM view_reviews WHERE kind = 'regular' AND year = ? AND month = ?",
            (due_on.year, due_on.month),
        )
        return f"Đã mở đợt rà soát ngày {vn_date(date.fromisoformat(row['starts_on']))}" if row else None
    if rule is ReminderRule.ANNUAL_REVIEW_CLOSES:
        row = cursor.one(
            "SELECT last_decided_on FROM view_reviews WHERE kind = 'periodic' AND year = ?"
            " AND last_decided_on IS NOT NULL",
            (due_on.year,),
        )
        return f"Đã có quyết định ngày {vn_date(date.fromisoformat(row['last_decided_on']))}" if row else None
    return None


READ_MODEL = ReadModel("obligations", TABLES, HANDLERS, INDEXES)

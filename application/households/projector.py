"""Applies recorded events to the read models, one transaction per page of notifications."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from application.readmodels.database import Cursor
from domain.acts import RecordedAggregate
from domain.deadlines import ReminderRule, escaped_loan_window_ends_on
from domain.formatting import vn_date, vn_money
from domain.household import STANDING_LABELS, Household, Standing
from domain.loan import PROGRAMME_LABELS, Loan
from domain.project import COMPONENT_LABELS, Project, ProjectStage
from domain.reminder import Deadline
from domain.user import ROLE_LABELS, User

Handler = Callable[[Cursor, Any, int], None]
HANDLERS: dict[type, Handler] = {}


def handles(*event_classes: type) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        for event_class in event_classes:
            HANDLERS[event_class] = handler
        return handler

    return register


def obligation_id(rule: ReminderRule, subject_id: UUID, due_on: date) -> str:
    return str(uuid5(NAMESPACE_URL, f"/obligations/{rule.value}/{subject_id}/{due_on}"))


def iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def apply_event(cursor: Cursor, event: Any, position: int) -> None:
    handler = HANDLERS.get(type(event))
    if handler:
        handler(cursor, event, position)


def record_audit(cursor: Cursor, event: RecordedAggregate.Event, position: int, **row: Any) -> None:
    basis = event.basis
    cursor.execute(
        "INSERT INTO view_audit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            position,
            event.timestamp.isoformat(),
            row["subject_type"],
            str(event.originator_id),
            row.get("household_id"),
            row["subject_label"],
            row["hamlet"],
            type(event).__qualname__,
            row.get("details", ""),
            event.effective_on.isoformat(),
            event.actor,
            event.actor_role,
            basis.number if basis else "",
            iso(basis.issued_on) if basis else None,
            basis.issuer if basis else "",
            event.note,
        ),
    )


# Columns of view_households filled by later events (surveys, income, requests).
HOUSEHOLD_LATER_COLUMNS = (
    "occupation",
    "average_living_since",
    "latest_survey_on",
    "latest_income",
    "latest_b1_score",
    "latest_b1_cutoff",
    "latest_deprived",
    "latest_class",
    "latest_standard",
    "pending_request",
    "pending_request_on",
)


def insert_row(cursor: Cursor, table: str, key: object, row: dict[str, Any]) -> None:
    """Inserts a row and keeps it for the rest of the page, so later events need not read it back."""
    columns = ", ".join(row)
    cursor.execute(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(row))})", tuple(row.values()))
    cursor.rows[(table, str(key))] = row


def cached_row(cursor: Cursor, table: str, key_column: str, key: object) -> dict[str, Any]:
    """The row as this transaction last left it: read once per page, then kept up to date by the handlers."""
    if (table, str(key)) not in cursor.rows:
        row = cursor.one(f"SELECT * FROM {table} WHERE {key_column} = ?", (str(key),))
        assert row is not None, f"{table} {key} projected before it was created"
        cursor.rows[(table, str(key))] = row
    return cursor.rows[(table, str(key))]


def update_row(cursor: Cursor, table: str, key_column: str, row: dict[str, Any], **changes: Any) -> None:
    assignments = ", ".join(f"{column} = ?" for column in changes)
    cursor.execute(f"UPDATE {table} SET {assignments} WHERE {key_column} = ?", (*changes.values(), row[key_column]))
    row.update(changes)


def household_row(cursor: Cursor, household_id: UUID) -> dict[str, Any]:
    return cached_row(cursor, "view_households", "household_id", household_id)


@handles(Household.Registered)
def household_registered(cursor: Cursor, event: Household.Registered, position: int) -> None:
    insert_row(
        cursor,
        "view_households",
        event.originator_id,
        {
            "household_id": str(event.originator_id),
            "commune": event.commune,
            "hamlet": event.hamlet,
            "head_name": event.head_name,
            "area": event.area.value,
            "members_count": len(event.members) + 1,
            "standing": Standing.UNLISTED.value,
            "standing_since": None,
            "escaped_on": None,
            "newly_escaped_until": None,
            "window_closed_on": None,
            "registered_at": event.timestamp.isoformat(),
            "version": event.originator_version,
            **dict.fromkeys(HOUSEHOLD_LATER_COLUMNS),
        },
    )
    details = f"{event.head_name}, {len(event.members) + 1} nhân khẩu"
    record_audit(
        cursor,
        event,
        position,
        subject_type="household",
        household_id=str(event.originator_id),
        subject_label=event.head_name,
        hamlet=event.hamlet,
        details=details,
    )


@handles(
    Household.RecognisedPoor,
    Household.RecognisedNearPoor,
    Household.EscapedPoverty,
    Household.EscapedNearPoverty,
    Household.FellBackIntoPoverty,
)
def household_transition(cursor: Cursor, event: Household.Transition, position: int) -> None:
    row = household_row(cursor, event.originator_id)
    escaped_on, until, closed_on = row["escaped_on"], row["newly_escaped_until"], row["window_closed_on"]
    if isinstance(event, Household.EscapedPoverty) and event.newly_escaped_until:
        escaped_on, until, closed_on = iso(event.effective_on), iso(event.newly_escaped_until), None
        deadline = household_deadline(row, ReminderRule.NEWLY_ESCAPED_WINDOW_END, event.newly_escaped_until)
        open_obligation(cursor, deadline, "", position)
    elif (event.to_standing is Standing.POOR or isinstance(event, Household.FellBackIntoPoverty)) and (
        until and not closed_on
    ):
        closed_on = iso(event.effective_on)
    if event.to_standing is Standing.ESCAPED_NEAR_POVERTY or (
        event.to_standing is Standing.ESCAPED_POVERTY and not event.newly_escaped_until  # type: ignore[attr-defined]
    ):
        # Decision 28/2015/QĐ-TTg, Art. 2: loans for up to 3 years after leaving the poor or near-poor list.
        # After an escape from poverty the 36-month window ends the same day and its reminders cover both.
        due_on = escaped_loan_window_ends_on(event.effective_on)
        open_obligation(cursor, household_deadline(row, ReminderRule.ESCAPED_LOAN_WINDOW_END, due_on), "", position)
    if event.to_standing is Standing.POOR or isinstance(event, Household.FellBackIntoPoverty):
        reason = f"Hộ tái nghèo ({STANDING_LABELS[event.to_standing]}) từ ngày {vn_date(event.effective_on)}"
        for rule in (ReminderRule.NEWLY_ESCAPED_WINDOW_END, ReminderRule.ESCAPED_LOAN_WINDOW_END):
            close_obligations(cursor, event.originator_id, rule, "cancelled", reason, position)
    update_row(
        cursor,
        "view_households",
        "household_id",
        row,
        standing=event.to_standing.value,
        standing_since=iso(event.effective_on),
        escaped_on=escaped_on,
        newly_escaped_until=until,
        window_closed_on=closed_on,
        version=event.originator_version,
    )
    details = f"{STANDING_LABELS[event.from_standing]} → {STANDING_LABELS[event.to_standing]}"
    if isinstance(event, Household.EscapedPoverty) and event.newly_escaped_until:
        details += f"; hộ mới thoát nghèo đến hết ngày {vn_date(event.newly_escaped_until)}"
    if event.standard_version:
        details += (
            f"; chuẩn nghèo {event.standard_version} ({event.standard_basis.number if event.standard_basis else ''})"
        )
    if event.certificate_number:
        details += f"; giấy chứng nhận số {event.certificate_number}"
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


def open_obligation(cursor: Cursor, deadline: Deadline, responsible: str, position: int) -> None:
    """Inserts a deadline, or reopens it when a later fact brings back the same one (same rule, subject
    and due date: a fall back and a new escape on one day; escapes on 28/02 and 29/02 ending on 28/02)."""
    cursor.execute(
        "INSERT INTO view_obligations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (obligation_id)"
        " DO UPDATE SET status = 'open', status_reason = '', changed_by_position = excluded.changed_by_position",
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


def household_deadline(row: dict[str, Any], rule: ReminderRule, due_on: date) -> Deadline:
    return Deadline(
        rule, "household", UUID(row["household_id"]), row["head_name"], row["commune"], row["hamlet"], due_on
    )


def close_obligations(
    cursor: Cursor, subject_id: UUID, rule: ReminderRule, status: str, reason: str, position: int
) -> None:
    cursor.execute(
        "UPDATE view_obligations SET status = ?, status_reason = ?, changed_by_position = ?"
        " WHERE subject_id = ? AND rule = ? AND status = 'open'",
        (status, reason, position, str(subject_id), rule.value),
    )


@handles(Loan.Granted)
def loan_granted(cursor: Cursor, event: Loan.Granted, position: int) -> None:
    household = household_row(cursor, event.household_id)
    cursor.execute(
        "INSERT INTO view_loans VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            str(event.originator_id),
            str(event.household_id),
            household["head_name"],
            event.hamlet,
            event.programme.value,
            event.amount,
            event.term_months,
            iso(event.granted_on),
            iso(event.due_on),
        ),
    )
    label = f"Khoản vay của hộ {household['head_name']}"
    deadline = Deadline(
        ReminderRule.LOAN_DUE, "loan", event.originator_id, label, event.commune, event.hamlet, event.due_on
    )
    open_obligation(cursor, deadline, "", position)
    details = (
        f"{PROGRAMME_LABELS[event.programme]}: {vn_money(event.amount)}, {event.term_months} tháng,"
        f" đến hạn {vn_date(event.due_on)}"
    )
    record_audit(
        cursor,
        event,
        position,
        subject_type="loan",
        household_id=str(event.household_id),
        subject_label=f"Khoản vay của hộ {household['head_name']}",
        hamlet=event.hamlet,
        details=details,
    )


@handles(Project.Proposed)
def project_proposed(cursor: Cursor, event: Project.Proposed, position: int) -> None:
    hamlets = sorted({household_row(cursor, household_id)["hamlet"] for household_id in event.household_ids})
    insert_row(
        cursor,
        "view_projects",
        event.originator_id,
        {
            "project_id": str(event.originator_id),
            "commune": event.commune,
            "name": event.name,
            "component": event.component.value,
            "responsible": event.responsible,
            "hamlets": ", ".join(hamlets),
            "households_count": len(event.household_ids),
            "stage": ProjectStage.PROPOSED.value,
            "approver": "",
            "starts_on": None,
            "duration_months": None,
            "ends_on": None,
            "reviewed_on": None,
            "version": event.originator_version,
        },
    )
    cursor.executemany(
        "INSERT INTO view_project_households VALUES (?, ?)",
        [(str(event.originator_id), str(household_id)) for household_id in event.household_ids],
    )
    details = f"{COMPONENT_LABELS[event.component]}; {len(event.household_ids)} hộ tham gia"
    record_audit(
        cursor,
        event,
        position,
        subject_type="project",
        subject_label=event.name,
        hamlet=", ".join(hamlets),
        details=details,
    )


def project_deadline(row: dict[str, Any], ends_on: date) -> Deadline:
    return Deadline(
        ReminderRule.PROJECT_FINAL_REVIEW,
        "project",
        UUID(row["project_id"]),
        row["name"],
        row["commune"],
        row["hamlets"],
        ends_on,
    )


def project_row(cursor: Cursor, project_id: UUID) -> dict[str, Any]:
    return cached_row(cursor, "view_projects", "project_id", project_id)


@handles(Project.Approved)
def project_approved(cursor: Cursor, event: Project.Approved, position: int) -> None:
    row = project_row(cursor, event.originator_id)
    update_row(
        cursor,
        "view_projects",
        "project_id",
        row,
        stage=ProjectStage.APPROVED.value,
        approver=event.approver,
        starts_on=iso(event.starts_on),
        duration_months=event.duration_months,
        ends_on=iso(event.ends_on),
        version=event.originator_version,
    )
    open_obligation(cursor, project_deadline(row, event.ends_on), row["responsible"], position)
    details = (
        f"Người phê duyệt: {event.approver}; bắt đầu {vn_date(event.starts_on)}, {event.duration_months}"
        f" tháng, kết thúc {vn_date(event.ends_on)}"
    )
    record_audit(
        cursor,
        event,
        position,
        subject_type="project",
        subject_label=row["name"],
        hamlet=row["hamlets"],
        details=details,
    )


@handles(Project.Reviewed)
def project_reviewed(cursor: Cursor, event: Project.Reviewed, position: int) -> None:
    row = project_row(cursor, event.originator_id)
    update_row(
        cursor,
        "view_projects",
        "project_id",
        row,
        stage=ProjectStage.REVIEWED.value,
        reviewed_on=iso(event.effective_on),
        version=event.originator_version,
    )
    close_obligations(
        cursor,
        event.originator_id,
        ReminderRule.PROJECT_FINAL_REVIEW,
        "resolved",
        f"Đã tổng kết, đánh giá ngày {vn_date(event.effective_on)}",
        position,
    )
    record_audit(
        cursor,
        event,
        position,
        subject_type="project",
        subject_label=row["name"],
        hamlet=row["hamlets"],
        details=event.results,
    )


@handles(User.Registered)
def user_registered(cursor: Cursor, event: User.Registered, position: int) -> None:
    cursor.execute(
        "INSERT INTO view_users (username, user_id, full_name, role, hamlets, commune, email)"
        " VALUES (?, ?, ?, ?, ?, ?, NULL)",
        (
            event.username,
            str(event.originator_id),
            event.full_name,
            event.role.value,
            "|".join(event.hamlets),
            event.commune,
        ),
    )
    details = f"{ROLE_LABELS[event.role]}; phụ trách: {', '.join(event.hamlets) or 'toàn xã'}"
    record_audit(
        cursor,
        event,
        position,
        subject_type="user",
        subject_label=event.full_name,
        hamlet=", ".join(event.hamlets),
        details=details,
    )


@handles(User.TokenIssued)
def user_token_issued(cursor: Cursor, event: User.TokenIssued, position: int) -> None:
    row = cursor.one("SELECT * FROM view_users WHERE user_id = ?", (str(event.originator_id),))
    label = row["full_name"] if row else ""
    record_audit(
        cursor, event, position, subject_type="user", subject_label=label, hamlet="", details="Cấp mã truy cập API"
    )


@handles(User.EmailSet)
def user_email_set(cursor: Cursor, event: User.EmailSet, position: int) -> None:
    user = str(event.originator_id)
    cursor.execute("UPDATE view_users SET email = ? WHERE user_id = ?", (event.address or None, user))
    row = cursor.one("SELECT full_name FROM view_users WHERE user_id = ?", (user,))
    details = f"Địa chỉ thư điện tử: {event.address}" if event.address else "Bỏ địa chỉ thư điện tử"
    label = row["full_name"] if row else ""
    record_audit(cursor, event, position, subject_type="user", subject_label=label, hamlet="", details=details)

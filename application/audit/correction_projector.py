"""Read-model handlers for corrections (issue 5, point 4): the proposals and their outcome, and the
households, loans, projects and deadlines re-derived from an approved one. The corrected event's audit
row stays as it was; view_corrections links it (target_position) to what corrected it."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from application.households.projector import (
    cached_row,
    handles,
    household_deadline,
    household_row,
    iso,
    obligation_id,
    open_obligation,
    project_deadline,
    project_row,
    record_audit,
    update_row,
)
from application.readmodels.database import Cursor
from domain.correction import DECISION_LABELS, Changes, Correction
from domain.deadlines import ReminderRule
from domain.formatting import vn_date
from domain.household import STANDING_LABELS, Household
from domain.loan import Loan
from domain.project import Project, ProjectStage
from domain.reminder import Deadline

HOUSEHOLD_RULES = (ReminderRule.NEWLY_ESCAPED_WINDOW_END, ReminderRule.ESCAPED_LOAN_WINDOW_END)


def correction_row(cursor: Cursor, correction_id: UUID) -> dict[str, Any]:
    return cached_row(cursor, "view_corrections", "correction_id", correction_id)


@handles(Correction.Proposed)
def correction_proposed(cursor: Cursor, event: Correction.Proposed, position: int) -> None:
    changes = Changes(
        event.new_effective_on,
        event.new_basis,
        event.void,
        event.new_amount,
        event.new_term_months,
        event.new_starts_on,
        event.new_duration_months,
    )
    target = cursor.one(
        "SELECT position FROM view_audit WHERE subject_id = ? AND action = ? AND recorded_at = ?",
        (str(event.subject_id), event.action, event.target_recorded_at),
    )
    row = {
        "correction_id": str(event.originator_id),
        "subject_type": event.subject_type,
        "subject_id": str(event.subject_id),
        "household_id": str(event.household_id) if event.household_id else None,
        "event_version": event.event_version,
        "action": event.action,
        "label": event.label,
        "hamlet": event.hamlet,
        "changes": changes.describe(),
        "void": int(event.void),
        "reason": event.reason,
        "evidence": event.evidence,
        "proposed_by": event.actor,
        "proposed_at": event.timestamp.isoformat(),
        "status": "pending",
        "decided_by": None,
        "decided_at": None,
        "decision_note": None,
        "target_position": target["position"] if target else None,
        "proposed_position": position,
        "version": event.originator_version,
    }
    cursor.execute(
        f"INSERT INTO view_corrections ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", tuple(row.values())
    )
    cursor.rows[("view_corrections", str(event.originator_id))] = row
    what = DECISION_LABELS.get(event.action, event.action)
    details = f"Đề nghị đính chính quyết định {what} (ghi nhận số {row['target_position'] or '?'}): {row['changes']}."
    details += f" Lý do: {event.reason}. Chứng cứ: {event.evidence}"
    correction_audit(cursor, event, position, row, details)


def correction_audit(cursor: Cursor, event: Any, position: int, row: dict[str, Any], details: str) -> None:
    record_audit(
        cursor,
        event,
        position,
        subject_type="correction",
        household_id=row["household_id"],
        subject_label=row["label"],
        hamlet=row["hamlet"],
        details=details,
    )


@handles(Correction.Approved, Correction.Rejected)
def correction_decided(cursor: Cursor, event: Any, position: int) -> None:
    row = correction_row(cursor, event.originator_id)
    approved = isinstance(event, Correction.Approved)
    update_row(
        cursor,
        "view_corrections",
        "correction_id",
        row,
        status="approved" if approved else "rejected",
        decided_by=event.actor,
        decided_at=event.timestamp.isoformat(),
        decision_note=event.note,
        version=event.originator_version,
    )
    if approved:
        details = f"Duyệt đính chính của {row['proposed_by']}: {row['changes']}"
    else:
        details = f"Không duyệt đính chính của {row['proposed_by']}: {event.note}"
    correction_audit(cursor, event, position, row, details)


def corrected_details(event: Any, changes: str) -> str:
    return (
        f"Đính chính quyết định {DECISION_LABELS.get(event.corrected_action, event.corrected_action)}: {changes}."
        f" Lý do: {event.reason}. Chứng cứ: {event.evidence}. Đề xuất: {event.proposed_by}, duyệt: {event.actor}"
    )


def why(event: Any) -> str:
    return f"Đính chính: {event.reason}"


@handles(Household.DecisionCorrected)
def household_decision_corrected(cursor: Cursor, event: Household.DecisionCorrected, position: int) -> None:
    row = household_row(cursor, event.originator_id)
    update_row(
        cursor,
        "view_households",
        "household_id",
        row,
        standing=event.standing.value,
        standing_since=iso(event.standing_since),
        escaped_on=iso(event.escaped_on),
        newly_escaped_until=iso(event.newly_escaped_until),
        window_closed_on=iso(event.window_closed_on),
        version=event.originator_version,
    )
    # Deadlines re-derived: those no longer due are cancelled with the correction's reason, the new ones
    # opened (or reopened, when a void brings back a window a relapse had closed).
    due = {
        ReminderRule.NEWLY_ESCAPED_WINDOW_END: event.window_ends,
        ReminderRule.ESCAPED_LOAN_WINDOW_END: event.loan_window_ends,
    }
    for rule, dates in due.items():
        move_obligations(cursor, event, rule, [household_deadline(row, rule, day) for day in dates], "", position)
    changes = Changes(event.new_effective_on, event.new_basis, event.void).describe()
    details = corrected_details(event, changes) + f". Hiện là {STANDING_LABELS[event.standing]}"
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


def move_obligations(
    cursor: Cursor, event: Any, rule: ReminderRule, deadlines: list[Deadline], responsible: str, position: int
) -> None:
    """Cancels the subject's open obligations of a rule that are no longer due and opens the new ones."""
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
                (why(event), position, row["obligation_id"]),
            )
    for deadline in deadlines:
        existing = cursor.one(
            "SELECT status FROM view_obligations WHERE obligation_id = ?",
            (obligation_id(deadline.rule, deadline.subject_id, deadline.due_on),),
        )
        if existing is None or existing["status"] == "cancelled":
            open_obligation(cursor, deadline, responsible, position)


@handles(Loan.Corrected)
def loan_corrected(cursor: Cursor, event: Loan.Corrected, position: int) -> None:
    loan = cursor.one("SELECT * FROM view_loans WHERE loan_id = ?", (str(event.originator_id),))
    assert loan is not None
    household = household_row(cursor, UUID(loan["household_id"]))
    if not event.void:
        cursor.execute(
            "UPDATE view_loans SET amount = ?, term_months = ?, granted_on = ?, due_on = ? WHERE loan_id = ?",
            (event.amount, event.term_months, iso(event.granted_on), iso(event.due_on), str(event.originator_id)),
        )
    label = f"Khoản vay của hộ {household['head_name']}"
    deadlines = []
    if not event.void:
        deadlines = [
            Deadline(
                ReminderRule.LOAN_DUE,
                "loan",
                event.originator_id,
                label,
                household["commune"],
                loan["hamlet"],
                event.due_on,
            )
        ]
    move_obligations(cursor, event, ReminderRule.LOAN_DUE, deadlines, "", position)
    described = Changes(event.granted_on, event.new_basis, event.void, event.amount, event.term_months).describe()
    if not event.void:
        described += f", đến hạn {vn_date(event.due_on)}"
    record_audit(
        cursor,
        event,
        position,
        subject_type="loan",
        household_id=loan["household_id"],
        subject_label=label,
        hamlet=loan["hamlet"],
        details=corrected_details(event, described),
    )


@handles(Project.Corrected)
def project_corrected(cursor: Cursor, event: Project.Corrected, position: int) -> None:
    row = project_row(cursor, event.originator_id)
    changes: dict[str, Any] = {
        "starts_on": iso(event.starts_on),
        "duration_months": event.duration_months,
        "ends_on": iso(event.ends_on),
        "version": event.originator_version,
    }
    if event.void:
        changes.update(stage=ProjectStage.PROPOSED.value, approver="")
    update_row(cursor, "view_projects", "project_id", row, **changes)
    if row["stage"] == ProjectStage.APPROVED.value or event.void:
        deadlines = [project_deadline(row, event.ends_on)] if event.ends_on and not event.void else []
        move_obligations(
            cursor, event, ReminderRule.PROJECT_FINAL_REVIEW, deadlines, row["responsible"], position
        )
    described = Changes(event.new_effective_on, event.new_basis, event.void).describe()
    if not event.void and event.ends_on:
        described += (
            f"; bắt đầu {vn_date(event.starts_on)}, {event.duration_months} tháng, kết thúc {vn_date(event.ends_on)}"
        )
    record_audit(
        cursor,
        event,
        position,
        subject_type="project",
        subject_label=row["name"],
        hamlet=row["hamlets"],
        details=corrected_details(event, described.lstrip("; ")),
    )

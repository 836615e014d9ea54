"""A project's final review: due when it is approved, moved by an amendment or a correction, met when held."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from application.projects.projects_view import project_row
from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers
from application.reminders.obligations_view.table import close_obligations, move_obligations, open_obligation
from domain.deadlines import ReminderRule
from domain.formatting import vn_date
from domain.project import Project, ProjectStage
from domain.reminder import Deadline

HANDLERS = Handlers()


def project_deadline(row: dict[str, Any], ends_on: date) -> Deadline:
    subject = UUID(row["project_id"])
    rule = ReminderRule.PROJECT_FINAL_REVIEW
    return Deadline(rule, "project", subject, row["name"], row["commune"], row["hamlets"], ends_on)


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

"""The audit log's rows for livelihood projects: proposed, approved, amended, reviewed, corrected."""

from __future__ import annotations

from typing import Any

from application.audit.audit_log.households import corrected_details
from application.audit.audit_log.table import record_audit
from application.projects.projects_view import project_row
from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers
from domain.correction import Changes
from domain.formatting import vn_date
from domain.project import COMPONENT_LABELS, Project

HANDLERS = Handlers()


def project_audit(cursor: Cursor, event: Any, position: int, details: str) -> None:
    row = project_row(cursor, event.originator_id)
    record_audit(
        cursor,
        event,
        position,
        subject_type="project",
        subject_label=row["name"],
        hamlet=row["hamlets"],
        details=details,
    )


@HANDLERS.on(Project.Proposed)
def proposed(cursor: Cursor, event: Project.Proposed, position: int) -> None:
    details = f"{COMPONENT_LABELS[event.component]}; {len(event.household_ids)} hộ tham gia"
    project_audit(cursor, event, position, details)


@HANDLERS.on(Project.Approved)
def approved(cursor: Cursor, event: Project.Approved, position: int) -> None:
    details = (
        f"Người phê duyệt: {event.approver}; bắt đầu {vn_date(event.starts_on)}, {event.duration_months}"
        f" tháng, kết thúc {vn_date(event.ends_on)}"
    )
    project_audit(cursor, event, position, details)


@HANDLERS.on(Project.Amended)
def amended(cursor: Cursor, event: Project.Amended, position: int) -> None:
    details = f"Điều chỉnh thời gian thực hiện: {event.duration_months} tháng, kết thúc {vn_date(event.ends_on)}"
    project_audit(cursor, event, position, details)


@HANDLERS.on(Project.Reviewed)
def reviewed(cursor: Cursor, event: Project.Reviewed, position: int) -> None:
    project_audit(cursor, event, position, event.results)


@HANDLERS.on(Project.Corrected)
def corrected(cursor: Cursor, event: Project.Corrected, position: int) -> None:
    described = Changes(event.new_effective_on, event.new_basis, event.void).describe()
    if not event.void and event.ends_on:
        described += (
            f"; bắt đầu {vn_date(event.starts_on)}, {event.duration_months} tháng, kết thúc {vn_date(event.ends_on)}"
        )
    project_audit(cursor, event, position, corrected_details(event, described.lstrip("; ")))

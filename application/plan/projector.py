"""The annual plan in the audit log: issued, targets revised, assignments changed (seed plan; domain.md §12.6)."""

from __future__ import annotations

from application.households.projector import handles, record_audit
from application.readmodels.database import Cursor
from domain.formatting import vn_date
from domain.plan import AnnualPlan


def plan_label(year: int) -> str:
    return f"Kế hoạch giảm nghèo năm {year}"


@handles(AnnualPlan.Issued)
def plan_issued(cursor: Cursor, event: AnnualPlan.Issued, position: int) -> None:
    parent = f"; thực hiện Kế hoạch {event.parent.number}" if event.parent else ""
    if event.parent and event.parent.issued_on:
        parent += f" ngày {vn_date(event.parent.issued_on)}"
    details = (
        f"Kế hoạch số {event.number} ngày {vn_date(event.issued_on)}{parent};"
        f" {len(event.targets)} chỉ tiêu, {len(event.assignments)} xóm được phân công"
    )
    record_audit(
        cursor, event, position, subject_type="plan", subject_label=plan_label(event.year), hamlet="", details=details
    )


@handles(AnnualPlan.TargetsRevised)
def plan_targets_revised(cursor: Cursor, event: AnnualPlan.TargetsRevised, position: int) -> None:
    details = "Sửa đổi chỉ tiêu: " + "; ".join(t["label"] for t in event.targets)
    record_audit(
        cursor, event, position, subject_type="plan", subject_label=_label(cursor, event), hamlet="", details=details
    )


@handles(AnnualPlan.AssignmentsChanged)
def plan_assignments_changed(cursor: Cursor, event: AnnualPlan.AssignmentsChanged, position: int) -> None:
    details = "Phân công theo dõi xóm: " + "; ".join(f"{a['hamlet']}: {a['username']}" for a in event.assignments)
    record_audit(
        cursor, event, position, subject_type="plan", subject_label=_label(cursor, event), hamlet="", details=details
    )


def _label(cursor: Cursor, event: AnnualPlan.Event) -> str:
    row = cursor.one(
        "SELECT subject_label FROM view_audit WHERE subject_id = ? ORDER BY position LIMIT 1",
        (str(event.originator_id),),
    )
    return row["subject_label"] if row else "Kế hoạch giảm nghèo"

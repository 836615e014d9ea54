"""The audit log's rows for the annual plan: issued, targets revised, assignments changed (seed plan;
domain.md §12.6)."""

from __future__ import annotations

from application.audit.audit_log.table import record_audit
from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers
from domain.formatting import vn_date
from domain.plan import AnnualPlan

HANDLERS = Handlers()


def plan_label(year: int) -> str:
    return f"Kế hoạch giảm nghèo năm {year}"


@HANDLERS.on(AnnualPlan.Issued)
def issued(cursor: Cursor, event: AnnualPlan.Issued, position: int) -> None:
    parent = f"; thực hiện Kế hoạch {event.parent.number}" if event.parent else ""
    if event.parent and event.parent.issued_on:
        parent += f" ngày {vn_date(event.parent.issued_on)}"
    details = (
        f"Kế hoạch số {event.number} ngày {vn_date(event.issued_on)}{parent};"
        f" {len(event.targets)} chỉ tiêu, {len(event.assignments)} xóm được phân công"
    )
    plan_audit(cursor, event, position, plan_label(event.year), details)


@HANDLERS.on(AnnualPlan.TargetsRevised)
def targets_revised(cursor: Cursor, event: AnnualPlan.TargetsRevised, position: int) -> None:
    details = "Sửa đổi chỉ tiêu: " + "; ".join(t["label"] for t in event.targets)
    plan_audit(cursor, event, position, issued_label(cursor, event), details)


@HANDLERS.on(AnnualPlan.HamletOfficialsReassigned)
def assignments_changed(cursor: Cursor, event: AnnualPlan.HamletOfficialsReassigned, position: int) -> None:
    details = "Phân công theo dõi xóm: " + "; ".join(f"{a['hamlet']}: {a['username']}" for a in event.assignments)
    plan_audit(cursor, event, position, issued_label(cursor, event), details)


def plan_audit(cursor: Cursor, event: AnnualPlan.Event, position: int, label: str, details: str) -> None:
    record_audit(cursor, event, position, subject_type="plan", subject_label=label, hamlet="", details=details)


def issued_label(cursor: Cursor, event: AnnualPlan.Event) -> str:
    """The label the plan's first row in this log carries."""
    row = cursor.one(
        "SELECT subject_label FROM view_audit WHERE subject_id = ? ORDER BY position LIMIT 1",
        (str(event.originator_id),),
    )
    return row["subject_label"] if row else "Kế hoạch giảm nghèo"

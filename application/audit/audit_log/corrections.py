"""The audit log's rows for proposals to correct a decision and their outcome, and for the chair's
skip of an event no read model could apply (issue 10 §1)."""

from __future__ import annotations

from typing import Any

from application.audit.audit_log.table import record_audit
from application.audit.corrections_view import correction_row
from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers
from domain.correction import DECISION_LABELS, Correction
from domain.read_model_skip import ReadModelSkip

HANDLERS = Handlers()


def correction_audit(cursor: Cursor, event: Any, position: int, details: str) -> None:
    row = correction_row(cursor, event.originator_id)
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


@HANDLERS.on(Correction.Proposed)
def proposed(cursor: Cursor, event: Correction.Proposed, position: int) -> None:
    row = correction_row(cursor, event.originator_id)
    what = DECISION_LABELS.get(event.action, event.action)
    details = f"Đề nghị đính chính quyết định {what} (ghi nhận số {row['target_position'] or '?'}): {row['changes']}."
    details += f" Lý do: {event.reason}. Chứng cứ: {event.evidence}"
    correction_audit(cursor, event, position, details)


@HANDLERS.on(Correction.Approved, Correction.Rejected)
def decided(cursor: Cursor, event: Any, position: int) -> None:
    row = correction_row(cursor, event.originator_id)
    if isinstance(event, Correction.Approved):
        details = f"Duyệt đính chính của {row['proposed_by']}: {row['changes']}"
    else:
        details = f"Không duyệt đính chính của {row['proposed_by']}: {event.note}"
    correction_audit(cursor, event, position, details)


@HANDLERS.on(ReadModelSkip.Recorded)
def skip_recorded(cursor: Cursor, event: ReadModelSkip.Recorded, position: int) -> None:
    """The skipped event stays in the log and the chain; the inspectors read here who passed over which
    position, why, and what error stopped the read models."""
    details = (
        f"Bỏ qua bản ghi số {event.position} ({event.skipped_topic}) trong các bảng đọc."
        f" Lỗi: {event.error}. Lý do: {event.reason}"
    )
    label = f"Bản ghi số {event.position}"
    record_audit(cursor, event, position, subject_type="read_models", subject_label=label, hamlet="", details=details)

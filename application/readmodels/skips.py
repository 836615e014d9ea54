"""The operator's skip of an event no read model could apply appears in the audit log (issue 10 §1).

The skipped event itself stays in the log and the chain; the inspectors read here who passed over
which position, why, and what error stopped the read models.
"""

from __future__ import annotations

from application.households.projector import handles, record_audit
from application.readmodels.database import Cursor
from domain.read_model_skip import ReadModelSkip


@handles(ReadModelSkip.Recorded)
def skip_recorded(cursor: Cursor, event: ReadModelSkip.Recorded, position: int) -> None:
    details = (
        f"Bỏ qua bản ghi số {event.position} ({event.skipped_topic}) trong các bảng đọc."
        f" Lỗi: {event.error}. Lý do: {event.reason}"
    )
    record_audit(
        cursor,
        event,
        position,
        subject_type="read_models",
        subject_label=f"Bản ghi số {event.position}",
        hamlet="",
        details=details,
    )

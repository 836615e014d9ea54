"""What a timeline says beside an event a correction concerns."""

from __future__ import annotations

from application.readmodels.database import Cursor
from domain.correction import CorrectionStatus


def correction_notes(cursor: Cursor, positions: list[int]) -> dict[int, str]:
    """For a timeline: what corrected (or proposes to correct) the event at each position."""
    if not positions:
        return {}
    rows = cursor.all(
        f"SELECT * FROM view_corrections WHERE target_position IN ({', '.join('?' * len(positions))})"
        " AND status <> 'rejected' ORDER BY proposed_position",
        positions,
    )
    notes: dict[int, list[str]] = {}
    for row in rows:
        if row["status"] == CorrectionStatus.APPROVED.value:
            text = (
                f"Đã được đính chính bởi đề nghị của {row['proposed_by']}, {row['decided_by']} duyệt:"
                f" {row['changes']}. Lý do: {row['reason']}"
            )
        else:
            text = f"Đang chờ duyệt đính chính của {row['proposed_by']}: {row['changes']}"
        notes.setdefault(int(row["target_position"]), []).append(text)
    return {position: " · ".join(texts) for position, texts in notes.items()}

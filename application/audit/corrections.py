"""Use cases for corrections of recorded decisions: propose, approve (four eyes), reject, list.

A correction takes effect only when a second leader approves it (issue 5, point 4): the approval and
the target's corrected event are saved together, so the read models, the deadlines and the reminders
re-derive from the log, and the original event stays visible beside its correction (design.md §2.5).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import AggregateEvent

from application.core.capability import CapabilityService
from application.core.errors import ConflictError, InvalidInputError, NotFoundError
from application.core.ledger_core import Entry, Recorded
from application.core.reference import LOAN_CEILINGS
from application.readmodels.database import Cursor
from application.readmodels.rows import from_row
from domain import bounds
from domain.acts import Act, RecordedAggregate
from domain.correction import CORRECTABLE_ACTIONS, Changes, Correction, CorrectionStatus, Target
from domain.household import Household, TransitionRefusedError
from domain.loan import Loan, loan_refusal
from domain.project import Project
from domain.user import COMMUNE_WIDE_ROLES, Actor, NotAllowedError

TARGET_CHANGED = (
    "Hồ sơ được đính chính đã có ghi nhận mới sau khi đề xuất đính chính. Hãy từ chối đề nghị này"
    " và đề xuất lại trên hồ sơ hiện tại."
)


@dataclass(frozen=True)
class CorrectionSummary:
    correction_id: UUID
    subject_type: str
    subject_id: UUID
    household_id: UUID | None
    event_version: int
    action: str
    label: str
    hamlet: str
    changes: str
    void: bool
    reason: str
    evidence: str
    proposed_by: str
    proposed_at: datetime
    status: CorrectionStatus
    decided_by: str | None
    decided_at: datetime | None
    decision_note: str | None
    target_position: int | None
    version: int


@dataclass(frozen=True)
class CorrectionTarget:
    """The decision a proposal form is opened on."""

    target: Target
    effective_on: date
    details: str


class CorrectionCases(CapabilityService):
    def propose_correction(
        self,
        actor: Actor,
        target_id: UUID,
        target_version: int,
        changes: Changes,
        reason: str,
        evidence: str,
        entry: Entry,
    ) -> Recorded:
        if previous := self.core.previous(entry.command_id):
            return previous
        bounds.count(target_version, "target_version", "Phiên bản quyết định", 1, bounds.INT32_MAX)
        errors = {}
        if changes.empty:
            errors["changes"] = "Hãy ghi điều cần đính chính: ngày hiệu lực, căn cứ, hoặc hủy quyết định ghi nhầm."
        if not reason.strip():
            errors["reason"] = "Hãy ghi lý do đính chính."
        if not evidence.strip():
            errors["evidence"] = "Hãy ghi chứng cứ: số, ngày văn bản hoặc mô tả tài liệu chứng minh."
        if changes.effective_on and changes.effective_on > self.today():
            errors["new_effective_on"] = "Ngày hiệu lực không được sau ngày hôm nay."
        if changes.starts_on and changes.starts_on.year < 2000:
            errors["new_starts_on"] = "Ngày bắt đầu không hợp lệ."
        if errors:
            raise InvalidInputError(errors)
        aggregate, target = self._target(target_id, target_version)
        if entry.expected_version is not None and aggregate.version != entry.expected_version:
            raise ConflictError(TARGET_CHANGED)
        self._require_scope(actor, aggregate)
        act = self.core.act(actor, entry)
        correction = Correction.propose(actor, self.settings.commune, target, changes, reason, evidence, act)
        # Refused now, not at approval, when the history it would leave is impossible: tried on the loaded
        # copy, which is never saved.
        self._apply(aggregate, correction, act)
        return self.core.record(entry, correction.id, correction)

    def approve_correction(self, actor: Actor, correction_id: UUID, entry: Entry) -> Recorded:
        if previous := self.core.previous(entry.command_id):
            return previous
        correction = self.core.load(Correction, correction_id, entry.expected_version)
        act = self.core.act(actor, entry)
        correction.approve(actor, act)
        aggregate = self.core.load(RecordedAggregate, correction.target.subject_id)
        if aggregate.version != correction.target.record_version:
            raise ConflictError(TARGET_CHANGED)
        self._apply(aggregate, correction, act)
        return self.core.record(entry, correction.id, correction, aggregate)

    def reject_correction(self, actor: Actor, correction_id: UUID, entry: Entry) -> Recorded:
        if previous := self.core.previous(entry.command_id):
            return previous
        if not entry.note.strip():
            raise InvalidInputError({"note": "Hãy ghi lý do không duyệt."})
        correction = self.core.load(Correction, correction_id, entry.expected_version)
        correction.reject(actor, self.core.act(actor, entry))
        return self.core.record(entry, correction.id, correction)

    def pending_corrections(self) -> list[CorrectionSummary]:
        return self._corrections("status = ?", [CorrectionStatus.PENDING.value])

    def corrections_of(self, subject_id: UUID) -> list[CorrectionSummary]:
        return self._corrections("(subject_id = ? OR household_id = ?)", [str(subject_id), str(subject_id)])

    def correction_summary(self, correction_id: UUID) -> CorrectionSummary:
        found = self._corrections("correction_id = ?", [str(correction_id)])
        if not found:
            raise NotFoundError(f"Không tìm thấy đề nghị đính chính {correction_id}.")
        return found[0]

    def recent_corrections(self, limit: int = 100) -> list[CorrectionSummary]:
        return self._corrections("status <> ?", [CorrectionStatus.PENDING.value])[:limit]

    def correction_target_at(self, position: int) -> CorrectionTarget:
        """The decision shown at a position of the audit log, for the “Đính chính” link beside it."""
        with self.views.reading() as cursor:
            row = cursor.one("SELECT * FROM view_audit WHERE position = ?", (position,))
        if row is None or row["action"] not in CORRECTABLE_ACTIONS:
            raise NotFoundError("Không tìm thấy quyết định cần đính chính.")
        subject_id = UUID(row["subject_id"])
        version = next(
            (
                event.originator_version
                for event in self.store.events.get(subject_id)
                if isinstance(event, AggregateEvent)  # every stored event is: narrows the library's protocol
                and type(event).__qualname__ == row["action"]
                and event.timestamp.isoformat() == row["recorded_at"]
            ),
            None,
        )
        if version is None:
            raise NotFoundError("Không tìm thấy quyết định cần đính chính.")
        _, target = self._target(subject_id, version)
        return CorrectionTarget(target, date.fromisoformat(row["effective_on"]), row["details"])

    def correction_target(self, target_id: UUID, target_version: int) -> CorrectionTarget:
        _, target = self._target(target_id, target_version)
        event = self._event(target_id, target_version)
        return CorrectionTarget(target, event.effective_on, "")

    def _corrections(self, where: str, params: list[Any]) -> list[CorrectionSummary]:
        with self.views.reading() as cursor:
            rows = cursor.all(f"SELECT * FROM view_corrections WHERE {where} ORDER BY proposed_position DESC", params)
        return [from_row(CorrectionSummary, row) for row in rows]

    def _event(self, target_id: UUID, version: int) -> Any:
        events = list(self.store.events.get(target_id, gt=version - 1, lte=version))
        if not events:
            raise NotFoundError(f"Không tìm thấy ghi nhận phiên bản {version} của hồ sơ {target_id}.")
        return events[0]

    def _target(self, target_id: UUID, version: int) -> tuple[Any, Target]:
        aggregate = self.core.load(RecordedAggregate, target_id)
        event = self._event(target_id, version)
        action = type(event).__qualname__
        if action not in CORRECTABLE_ACTIONS:
            raise InvalidInputError(
                {
                    "target": "Chỉ đính chính được quyết định công nhận hộ nghèo, cận nghèo, thoát nghèo, thoát cận"
                    " nghèo, tái nghèo, khoản vay và quyết định phê duyệt dự án."
                }
            )
        recorded_at = event.timestamp.isoformat()
        if isinstance(aggregate, Household):
            label, hamlet, household_id = aggregate.head_name, aggregate.hamlet, target_id
            return aggregate, Target(
                "household", target_id, version, action, aggregate.version, label, hamlet, household_id, recorded_at
            )
        if isinstance(aggregate, Loan):
            household = self.core.load(Household, aggregate.household_id)
            label = f"Khoản vay của hộ {household.head_name}"
            hamlet, household_id = aggregate.hamlet, aggregate.household_id
            return aggregate, Target(
                "loan", target_id, version, action, aggregate.version, label, hamlet, household_id, recorded_at
            )
        assert isinstance(aggregate, Project)
        hamlets = ", ".join(sorted({self.core.load(Household, h).hamlet for h in aggregate.household_ids}))
        return aggregate, Target(
            "project", target_id, version, action, aggregate.version, aggregate.name, hamlets, None, recorded_at
        )

    def _require_scope(self, actor: Actor, aggregate: Any) -> None:
        """Who may propose: whoever may record on the household, the loan's hamlet or the project."""
        actor.require_writer()
        if isinstance(aggregate, Household | Loan):
            actor.require_hamlet(aggregate.hamlet)
        elif actor.role not in COMMUNE_WIDE_ROLES and actor.username != aggregate.responsible:
            raise NotAllowedError("Chỉ cán bộ phụ trách dự án, Chủ tịch hoặc Phó Chủ tịch được đề xuất đính chính.")

    def _apply(self, aggregate: Any, correction: Correction, act: Act) -> None:
        """Records the correction on its target, which re-derives (domain/household.py, loan.py, project.py)."""
        changes, fields = correction.changes, correction.fields_for_target()
        if isinstance(aggregate, Household):
            aggregate.correct_decision(
                correction.target.event_version, changes.effective_on, changes.basis, changes.void, act, **fields
            )
            self._require_loans_still_eligible(aggregate)
        elif isinstance(aggregate, Loan):
            household = self.core.load(Household, aggregate.household_id)
            aggregate.correct(household, changes, act, ceilings=LOAN_CEILINGS, **fields)
        else:
            aggregate.correct_approval(changes, act, **fields)

    def _require_loans_still_eligible(self, household: Household) -> None:
        """A loan rests on the household's standing on its granted date (Decree 78/2002; Decision 15/2013;
        Decision 28/2015): a correction that would take that ground away waits for the loan's own correction."""
        with self.views.database.reading() as cursor:
            rows = loans_in_force(cursor, household.id)
        for row in rows:
            loan = self.core.load(Loan, UUID(row["loan_id"]))
            reason = loan_refusal(household, loan.programme, loan.granted_on)
            if reason:
                raise TransitionRefusedError(
                    f"Đính chính này làm khoản vay ngày {loan.granted_on:%d/%m/%Y} không còn căn cứ: {reason}"
                    " Hãy đính chính khoản vay trước."
                )


def loans_in_force(cursor: Cursor, household_id: UUID) -> list[dict[str, Any]]:
    """The household's loans, without those voided by an approved correction."""
    return cursor.all(
        "SELECT loan_id FROM view_loans WHERE household_id = ? AND loan_id NOT IN"
        " (SELECT subject_id FROM view_corrections WHERE status = 'approved' AND void = 1)",
        (str(household_id),),
    )


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

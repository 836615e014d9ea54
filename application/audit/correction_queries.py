"""What the corrections' pages read: the proposals and their outcomes (view_corrections), and the recorded
decision a proposal form is opened on, with the label and hamlet the proposal will carry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from eventsourcing.domain import AggregateEvent

from application.core.capability import CapabilityService
from application.core.errors import InvalidInputError, NotFoundError
from application.readmodels.rows import from_row
from domain.acts import RecordedAggregate
from domain.correction import CORRECTABLE_ACTIONS, CorrectionStatus, Target
from domain.household import Household
from domain.loan import Loan
from domain.project import Project


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


class CorrectionQueries(CapabilityService):
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

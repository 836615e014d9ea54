"""Corrections of recorded decisions, with four eyes: one official proposes, another leader approves.

Events are immutable (design.md §2.2): a decision recorded with a wrong date, a wrong legal basis, or
recorded in error is fixed by a correction that names the event it corrects, why, and on which
evidence. For decisions (recognitions, escapes, relapses, loans, project approvals) it takes effect
only when a second user with authority — the chair or a vice-chair, never the proposer — approves it
(issue 5, point 4). The target aggregate then records its own corrected event and re-derives.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING
from uuid import UUID, uuid4

from domain import bounds
from domain.acts import Act, DomainError, IncompleteEntryError, LegalBasis, RecordedAggregate, bounded_basis
from domain.bounds import Days
from domain.deadlines import LOAN_MAX_TERM_MONTHS, PROJECT_MAX_DURATION_MONTHS
from domain.decisions import DecisionKind
from domain.formatting import vn_date, vn_money
from domain.user import Actor

# The decision events a correction may name, by their persisted qualified name.
HOUSEHOLD_DECISIONS = tuple(kind.value for kind in DecisionKind)
CORRECTABLE_ACTIONS = (*HOUSEHOLD_DECISIONS, "Loan.Granted", "Project.Approved")
DECISION_LABELS = {
    "Household.RecognisedPoor": "công nhận hộ nghèo",
    "Household.RecognisedNearPoor": "công nhận hộ cận nghèo",
    "Household.EscapedPoverty": "công nhận thoát nghèo",
    "Household.EscapedNearPoverty": "công nhận thoát cận nghèo",
    "Household.FellBackIntoPoverty": "ghi nhận tái nghèo",
    "Loan.Granted": "ghi nhận khoản vay ưu đãi",
    "Project.Approved": "phê duyệt dự án",
}


class CorrectionStatus(Enum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


CORRECTION_STATUS_LABELS = {
    CorrectionStatus.PENDING: "Chờ duyệt",
    CorrectionStatus.APPROVED: "Đã duyệt, có hiệu lực",
    CorrectionStatus.REJECTED: "Không duyệt",
}


class CorrectionRefusedError(DomainError):
    """A correction the rules do not allow (same person approving, not pending, not a decision …)."""


@dataclass(frozen=True)
class Changes:
    """What a correction changes in the decision it names; `void`: the decision was recorded in error."""

    effective_on: date | None = None
    basis: LegalBasis | None = None
    void: bool = False
    amount: int | None = None  # loans
    term_months: int | None = None  # loans
    starts_on: date | None = None  # project approvals
    duration_months: int | None = None  # project approvals

    @property
    def empty(self) -> bool:
        return not self.void and self == Changes()

    def describe(self) -> str:
        """In the officials' words, for lists and the audit log."""
        if self.void:
            return "hủy quyết định (ghi nhầm)"
        parts = []
        if self.effective_on:
            parts.append(f"ngày hiệu lực {vn_date(self.effective_on)}")
        if self.basis:
            issued = f" ngày {vn_date(self.basis.issued_on)}" if self.basis.issued_on else ""
            issuer = f" của {self.basis.issuer}" if self.basis.issuer else ""
            parts.append(f"căn cứ {self.basis.number}{issued}{issuer}")
        if self.amount is not None:
            parts.append(f"số tiền {vn_money(self.amount)}")
        if self.term_months is not None:
            parts.append(f"thời hạn {self.term_months} tháng")
        if self.starts_on:
            parts.append(f"ngày bắt đầu {vn_date(self.starts_on)}")
        if self.duration_months is not None:
            parts.append(f"thời gian thực hiện {self.duration_months} tháng")
        return "; ".join(parts)


@dataclass(frozen=True)
class Target:
    """The decision event a correction names, and the record as the proposer saw it."""

    subject_type: str  # household, loan, project
    subject_id: UUID
    event_version: int
    action: str
    record_version: int
    label: str
    hamlet: str
    household_id: UUID | None
    recorded_at: str = ""  # when the corrected event was recorded (ISO), to find it in the audit log


def check_changes(action: str, changes: Changes) -> None:
    """What may be corrected depends on the decision (amount and term only of loans, start and duration
    only of project approvals); a void stands alone."""
    if action not in CORRECTABLE_ACTIONS:
        raise CorrectionRefusedError(
            "Chỉ đính chính được quyết định công nhận hộ nghèo, cận nghèo, thoát nghèo, thoát cận nghèo, tái nghèo,"
            " khoản vay và quyết định phê duyệt dự án."
        )
    if changes.empty:
        raise IncompleteEntryError("Hãy ghi điều cần đính chính: ngày hiệu lực, căn cứ, hoặc hủy quyết định ghi nhầm.")
    if changes.void and changes != Changes(void=True):
        raise IncompleteEntryError("Hủy quyết định ghi nhầm không đi kèm thay đổi nào khác.")
    if (changes.amount is not None or changes.term_months is not None) and action != "Loan.Granted":
        raise IncompleteEntryError("Số tiền và thời hạn vay chỉ đính chính được cho khoản vay.")
    if (changes.starts_on or changes.duration_months is not None) and action != "Project.Approved":
        raise IncompleteEntryError("Ngày bắt đầu và thời gian thực hiện chỉ đính chính được cho phê duyệt dự án.")


def bounded_changes(changes: Changes, days: Days) -> Changes:
    """The new values within what the ledger may hold (domain/bounds.py); the target's own rules, such as a
    programme's loan cap, are checked again when the correction is approved and recorded on it."""
    if changes.effective_on is not None:
        days.past(changes.effective_on, "new_effective_on", "Ngày hiệu lực mới")
    if changes.starts_on is not None:
        days.planned(changes.starts_on, "starts_on", "Ngày bắt đầu mới")
    bounds.optional_money(changes.amount, "amount", "Số tiền vay mới", minimum=1)
    bounds.optional_count(changes.term_months, "term_months", "Thời hạn vay mới", 1, LOAN_MAX_TERM_MONTHS)
    bounds.optional_count(
        changes.duration_months, "duration_months", "Thời gian thực hiện mới", 1, PROJECT_MAX_DURATION_MONTHS
    )
    basis = bounded_basis(changes.basis, days) if changes.basis is not None else None
    return replace(changes, basis=basis)


class Correction(RecordedAggregate):
    if TYPE_CHECKING:  # state set by the events' apply; declared here only for the type checker, since
        # annotations in the class body would become __init__ fields of the aggregate (eventsourcing.md)
        commune: str
        target: Target
        changes: Changes
        reason: str
        evidence: str
        proposer: str
        proposed_on: date
        status: CorrectionStatus
        decided_by: str
        decided_on: date | None

    class Proposed(RecordedAggregate.Created):
        commune: str
        subject_type: str
        subject_id: UUID
        event_version: int
        action: str
        record_version: int
        label: str
        hamlet: str
        household_id: UUID | None
        target_recorded_at: str
        new_effective_on: date | None
        new_basis: LegalBasis | None
        void: bool
        new_amount: int | None
        new_term_months: int | None
        new_starts_on: date | None
        new_duration_months: int | None
        reason: str
        evidence: str

        def apply(self, correction: Correction) -> None:
            correction.commune = self.commune
            correction.target = Target(
                self.subject_type,
                self.subject_id,
                self.event_version,
                self.action,
                self.record_version,
                self.label,
                self.hamlet,
                self.household_id,
                self.target_recorded_at,
            )
            correction.changes = Changes(
                self.new_effective_on,
                self.new_basis,
                self.void,
                self.new_amount,
                self.new_term_months,
                self.new_starts_on,
                self.new_duration_months,
            )
            correction.reason, correction.evidence = self.reason, self.evidence
            correction.proposer, correction.proposed_on = self.actor, self.effective_on
            correction.status, correction.decided_by, correction.decided_on = CorrectionStatus.PENDING, "", None

    class Approved(RecordedAggregate.Event):
        def apply(self, correction: Correction) -> None:
            correction.status, correction.decided_by = CorrectionStatus.APPROVED, self.actor
            correction.decided_on = self.effective_on

    class Rejected(RecordedAggregate.Event):
        def apply(self, correction: Correction) -> None:
            correction.status, correction.decided_by = CorrectionStatus.REJECTED, self.actor
            correction.decided_on = self.effective_on

    @classmethod
    def propose(
        cls, actor: Actor, commune: str, target: Target, changes: Changes, reason: str, evidence: str, act: Act
    ) -> Correction:
        # Supervisors and inspectors read and point out mistakes; they do not record (seed §VI.6).
        actor.require_writer()
        check_changes(target.action, changes)
        changes = bounded_changes(changes, act.days)
        reason = bounds.passage(reason, "reason", "Lý do đính chính")
        evidence = bounds.passage(evidence, "evidence", "Chứng cứ")
        if not reason:
            raise IncompleteEntryError("Hãy ghi lý do đính chính.")
        if not evidence:
            raise IncompleteEntryError("Hãy ghi chứng cứ: số, ngày văn bản hoặc mô tả tài liệu chứng minh.")
        return cls._create(
            cls.Proposed,
            id=uuid4(),
            commune=commune,
            subject_type=target.subject_type,
            subject_id=target.subject_id,
            event_version=target.event_version,
            action=target.action,
            record_version=target.record_version,
            label=target.label,
            hamlet=target.hamlet,
            household_id=target.household_id,
            target_recorded_at=target.recorded_at,
            new_effective_on=changes.effective_on,
            new_basis=changes.basis,
            void=changes.void,
            new_amount=changes.amount,
            new_term_months=changes.term_months,
            new_starts_on=changes.starts_on,
            new_duration_months=changes.duration_months,
            reason=reason,
            evidence=evidence,
            **act.event_fields(),
        )

    def approve(self, actor: Actor, act: Act) -> None:
        """Four eyes: a leader other than the proposer (issue 5, point 4)."""
        self._require_pending()
        actor.require_leader("duyệt đính chính")
        if actor.username == self.proposer:
            raise CorrectionRefusedError(
                "Người đề xuất đính chính không được tự duyệt: cần Chủ tịch hoặc Phó Chủ tịch khác duyệt."
            )
        self.trigger_event(self.Approved, **act.event_fields())

    def reject(self, actor: Actor, act: Act) -> None:
        self._require_pending()
        actor.require_leader("từ chối đề nghị đính chính")
        if not act.note.strip():
            raise IncompleteEntryError("Hãy ghi lý do không duyệt.")
        self.trigger_event(self.Rejected, **act.event_fields())

    def _require_pending(self) -> None:
        if self.status is not CorrectionStatus.PENDING:
            raise CorrectionRefusedError(
                f"Đề nghị đính chính đã được xử lý ({CORRECTION_STATUS_LABELS[self.status].lower()}"
                f" ngày {vn_date(self.decided_on)}); không thể duyệt hay từ chối lại."
            )

    def fields_for_target(self) -> dict[str, object]:
        """What the target's corrected event names: the correction, the event, the change and why."""
        return {
            "correction_id": self.id,
            "corrected_version": self.target.event_version,
            "corrected_action": self.target.action,
            "reason": self.reason,
            "evidence": self.evidence,
            "proposed_by": self.proposer,
        }

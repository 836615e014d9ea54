"""Use cases for corrections of recorded decisions: propose, approve (four eyes), reject, list.

A correction takes effect only when a second leader approves it (issue 5, point 4): the approval and
the target's corrected event are saved together, so the read models, the deadlines and the reminders
re-derive from the log, and the original event stays visible beside its correction (design.md §2.5).
The use cases extend the queries (correction_queries.py): one service, `ledger.corrections`, answers both.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from application.audit.correction_queries import CorrectionQueries
from application.core.errors import ConflictError, InvalidInputError
from application.core.ledger_core import Entry, Recorded
from application.core.reference import LOAN_CEILINGS
from application.readmodels.database import Cursor
from domain import bounds
from domain.acts import Act, RecordedAggregate
from domain.correction import Changes, Correction
from domain.household import Household, TransitionRefusedError
from domain.loan import Loan, loan_refusal
from domain.user import COMMUNE_WIDE_ROLES, Actor, NotAllowedError

TARGET_CHANGED = (
    "Hồ sơ được đính chính đã có ghi nhận mới sau khi đề xuất đính chính. Hãy từ chối đề nghị này"
    " và đề xuất lại trên hồ sơ hiện tại."
)


class CorrectionCases(CorrectionQueries):
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

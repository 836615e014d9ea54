"""The JSON API for corrections: propose one, approve or reject it (four eyes), list them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field

from application.audit.correction_queries import CorrectionSummary
from application.core.ledger_core import Entry
from domain.acts import LegalBasis
from domain.correction import Changes
from domain.deadlines import PROJECT_MAX_DURATION_MONTHS
from web.shared.api_errors import ERROR_RESPONSES
from web.shared.dependencies import ApiActor, LedgerDep
from web.shared.schemas import BasisIn, RecordedOut

router = APIRouter(prefix="/api/v1", tags=["corrections"], responses=ERROR_RESPONSES)


class CorrectionIn(BaseModel):
    target_id: UUID = Field(description="Hồ sơ (hộ, khoản vay, dự án) có quyết định cần đính chính")
    target_version: int = Field(ge=1, description="Phiên bản của ghi nhận quyết định cần đính chính")
    effective_on: date | None = Field(None, description="Ngày hiệu lực đúng (với khoản vay: ngày vay đúng)")
    basis: BasisIn | None = Field(None, description="Căn cứ đúng")
    void: bool = Field(False, description="Hủy quyết định vì đã ghi nhầm")
    amount: int | None = Field(None, ge=1, description="Khoản vay: số tiền đúng")
    term_months: int | None = Field(None, ge=1, le=120, description="Khoản vay: thời hạn đúng (tháng)")
    starts_on: date | None = Field(None, description="Dự án: ngày bắt đầu đúng")
    duration_months: int | None = Field(
        None, ge=1, le=PROJECT_MAX_DURATION_MONTHS, description="Dự án: thời gian thực hiện đúng (tháng)"
    )
    reason: str = Field("", description="Lý do đính chính (bắt buộc)")
    evidence: str = Field("", description="Chứng cứ: số, ngày văn bản hoặc mô tả tài liệu (bắt buộc)")
    command_id: str = Field("", description="Mã yêu cầu; gửi lại cùng mã thì chỉ ghi một lần")
    expected_version: int | None = Field(None, description="Phiên bản hồ sơ đã xem; khác thì trả về 409")

    def changes(self) -> Changes:
        basis = LegalBasis(self.basis.number, self.basis.issued_on, self.basis.issuer) if self.basis else None
        return Changes(
            self.effective_on, basis, self.void, self.amount, self.term_months, self.starts_on, self.duration_months
        )


class DecisionIn(BaseModel):
    note: str = Field("", description="Ghi chú; với từ chối: lý do (bắt buộc)")
    command_id: str = Field("", description="Mã yêu cầu; gửi lại cùng mã thì chỉ ghi một lần")
    expected_version: int | None = Field(None, description="Phiên bản đề nghị đã xem; khác thì trả về 409")


class CorrectionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

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
    status: str = Field(description="pending, approved, rejected")
    decided_by: str | None
    decided_at: datetime | None
    decision_note: str | None
    target_position: int | None = Field(description="Vị trí trong nhật ký của ghi nhận được đính chính")
    version: int

    @classmethod
    def of(cls, summary: CorrectionSummary) -> CorrectionOut:
        return cls.model_validate(summary).model_copy(update={"status": summary.status.value})


@router.post("/corrections", status_code=201)
def propose_correction(body: CorrectionIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    """A correction of a decision; it takes effect only when a second leader approves it."""
    entry = Entry(ledger.today(), None, "", body.command_id, body.expected_version)
    return RecordedOut.of(
        ledger.corrections.propose_correction(
            actor, body.target_id, body.target_version, body.changes(), body.reason, body.evidence, entry
        )
    )


@router.post("/corrections/{correction_id}/approval", status_code=201)
def approve_correction(correction_id: UUID, body: DecisionIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    """By the chair or a vice-chair other than the proposer; the record, deadlines and reminders re-derive."""
    entry = Entry(ledger.today(), None, body.note, body.command_id, body.expected_version)
    return RecordedOut.of(ledger.corrections.approve_correction(actor, correction_id, entry))


@router.post("/corrections/{correction_id}/rejection", status_code=201)
def reject_correction(correction_id: UUID, body: DecisionIn, actor: ApiActor, ledger: LedgerDep) -> RecordedOut:
    entry = Entry(ledger.today(), None, body.note, body.command_id, body.expected_version)
    return RecordedOut.of(ledger.corrections.reject_correction(actor, correction_id, entry))


@router.get("/corrections")
def list_corrections(
    actor: ApiActor,
    ledger: LedgerDep,
    status: Literal["", "pending", "approved", "rejected"] = "",
    subject_id: UUID | None = None,
) -> list[CorrectionOut]:
    """Pending ones by default with `status=pending`; every correction of a record with `subject_id`."""
    if subject_id:
        found = ledger.corrections.corrections_of(subject_id)
    else:
        found = ledger.corrections.pending_corrections() + ledger.corrections.recent_corrections()
    return [CorrectionOut.of(c) for c in found if not status or c.status.value == status]

"""Bodies every capability's API shares: the entry of a decision, its basis, what was recorded, a log line."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, Field

from application.core.ledger_core import Entry, Recorded
from domain.acts import LegalBasis


class BasisIn(BaseModel):
    number: str = Field(min_length=1, description="Số văn bản, ví dụ 12/QĐ-UBND")
    issued_on: date | None = None
    issuer: str = ""


class EntryIn(BaseModel):
    effective_on: date = Field(description="Ngày hiệu lực (ngày của quyết định hoặc sự việc)")
    basis: BasisIn | None = None
    note: str = ""
    command_id: str = Field("", description="Mã biểu mẫu; gửi lại cùng mã thì chỉ ghi một lần")
    expected_version: int | None = Field(None, description="Phiên bản hồ sơ đã xem; khác thì trả về 409")

    def entry(self) -> Entry:
        basis = LegalBasis(self.basis.number, self.basis.issued_on, self.basis.issuer) if self.basis else None
        return Entry(self.effective_on, basis, self.note, self.command_id, self.expected_version)


class RecordedOut(BaseModel):
    id: UUID
    position: int | None
    duplicate: bool

    @classmethod
    def of(cls, recorded: Recorded) -> RecordedOut:
        return cls(id=recorded.subject_id, position=recorded.position, duplicate=recorded.duplicate)


class AuditEntryOut(BaseModel):
    position: int
    recorded_at: datetime
    subject_type: str
    subject_id: UUID
    subject_label: str
    hamlet: str
    action: str
    details: str
    effective_on: date
    actor: str
    actor_role: str
    basis_number: str
    basis_issued_on: date | None
    basis_issuer: str
    note: str

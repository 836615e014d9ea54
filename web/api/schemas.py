"""Request and response bodies of the JSON API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from application.core.ledger_core import Entry, Recorded
from domain.acts import LegalBasis
from domain.people import Allowance, Employment, Nutrition, Person, Sex

StandingCode = Literal["poor", "near_poor"]


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


class MemberIn(BaseModel):
    full_name: str = Field(min_length=1)
    relation: str = ""
    birth_year: int | None = Field(None, ge=1900, le=2100)


class PersonIn(BaseModel):
    """What is known of a member; null means not known yet (the indicator is then entered on the survey)."""

    model_config = ConfigDict(from_attributes=True)

    full_name: str = Field(min_length=1)
    relation: str = ""
    sex: Sex | None = None
    born_on: date | None = None
    birth_year: int | None = Field(None, ge=1900, le=2100)
    ethnicity: str = ""
    citizen_id: str = Field("", description="Số định danh cá nhân (CCCD)")
    health_insurance: bool | None = Field(None, description="Có thẻ BHYT")
    in_school: bool | None = Field(None, description="Đang đi học")
    lower_secondary_done: bool | None = Field(None, description="Đã tốt nghiệp THCS")
    employment: Employment | None = None
    allowance: Allowance = Field(Allowance.NONE, description="Trợ cấp xã hội hằng tháng")
    nutrition: Nutrition | None = Field(None, description="Trẻ em dưới 16 tuổi: thấp còi, nhẹ cân")

    def person(self) -> Person:
        return Person(**dict(self))


class MemberOut(PersonIn):
    id: UUID


class HouseholdIn(EntryIn):
    hamlet: str
    head_name: str = Field(min_length=1)
    members: list[MemberIn] = []
    area: Literal["rural", "urban"] = "rural"


class RecognitionIn(EntryIn):
    standing: StandingCode


class EscapeIn(EntryIn):
    from_standing: StandingCode = Field(description="poor: thoát nghèo; near_poor: thoát cận nghèo")
    becomes_near_poor: bool = False


class RelapseIn(EntryIn):
    into: StandingCode


class LoanIn(EntryIn):
    household_id: UUID
    programme: Literal["poor", "near_poor", "newly_escaped", "other"]
    amount: int = Field(gt=0, description="Số tiền (đồng)")
    term_months: int = Field(ge=1, le=120)
    request_id: UUID | None = Field(None, description="Nhu cầu vay được đáp ứng; bỏ trống: nhu cầu mở sớm nhất")


class ProjectIn(EntryIn):
    name: str = Field(min_length=1)
    component: Literal["project_2", "project_3_sub_1"]
    household_ids: list[UUID] = Field(min_length=1)
    responsible: str = ""


class ApprovalIn(EntryIn):
    approver: str = Field(min_length=1)
    starts_on: date
    duration_months: int = Field(ge=1)


class ReviewIn(EntryIn):
    results: str = Field(min_length=1)


class AcknowledgementIn(BaseModel):
    note: str = ""
    command_id: str = ""


class RecordedOut(BaseModel):
    id: UUID
    position: int | None
    duplicate: bool

    @classmethod
    def of(cls, recorded: Recorded) -> RecordedOut:
        return cls(id=recorded.subject_id, position=recorded.position, duplicate=recorded.duplicate)


class HouseholdOut(BaseModel):
    id: UUID
    version: int
    commune: str
    hamlet: str
    head_name: str
    members: list[MemberOut]
    area: str
    standing: str
    escaped_on: date | None
    newly_escaped_until: date | None
    window_closed_on: date | None
    newly_escaped_today: bool


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


class ReminderOut(BaseModel):
    id: UUID
    rule: str
    subject_type: str
    subject_id: UUID
    subject_label: str
    hamlet: str
    recipient: str
    due_on: date
    notice_on: date
    late: bool
    issued_at: datetime
    acknowledged_by: str | None
    acknowledged_at: datetime | None

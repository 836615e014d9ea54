"""Bodies of the obligations API: deadlines with their reminders, the completeness report, resolutions."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from application.reminders.completeness_report import CompletenessReport, ExpectedReminder, ObligationAccount
from application.reminders.obligations import ObligationItem
from domain.deadlines import RULE_BASIS
from web.shared.schemas import EntryIn

SCHEDULES_NOTE = (
    "Các lần nhắc dự kiến tính theo lịch nhắc đang cấu hình, đến ngày checked_until"
    " (ngày của lần quét hoàn tất gần nhất, không quá hôm nay)."
)

OTHERS = "escalations, and reminders outside the expected ones (an earlier schedule, or after checked_until)"


class ResolutionIn(BaseModel):
    note: str = Field(min_length=1, pattern=r"\S", description="Việc đã được giải quyết thế nào (bắt buộc)")
    command_id: str = Field("", description="Mã yêu cầu; gửi lại cùng mã thì chỉ ghi một lần")


class AmendmentIn(EntryIn):
    duration_months: int = Field(ge=1, description="Thời gian thực hiện mới, tính từ ngày bắt đầu (tối đa 36 tháng)")


class Attributes(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class ObligationReminderOut(Attributes):
    reminder_id: UUID
    notice_on: date
    recipient: str
    late: bool
    escalated: bool
    acknowledged_by: str | None
    acknowledged_at: datetime | None
    resolved_by: str | None
    resolved_at: datetime | None
    resolution_note: str | None


class ObligationOut(BaseModel):
    id: UUID
    rule: str
    basis: str
    subject_type: str
    subject_id: UUID
    subject_label: str
    hamlet: str
    responsible: str
    due_on: date
    status: str = Field(description="pending, issued, acknowledged, resolved, cancelled")
    status_reason: str
    created_by_position: int
    changed_by_position: int
    reminders: list[ObligationReminderOut]

    @classmethod
    def of(cls, item: ObligationItem) -> ObligationOut:
        rule = {"id": item.obligation_id, "rule": item.rule.value, "basis": RULE_BASIS[item.rule]}
        return cls.model_validate({**asdict(item), **rule, "status": item.status})


class ActOut(Attributes):
    position: int
    action: str
    effective_on: date
    actor: str
    details: str


class IssuedOut(ObligationReminderOut):
    issued_on: date
    escalated_from: UUID | None


class ExpectedOut(Attributes):
    notice_on: date
    outcome: str = Field(description="missing, on_time, late, not_due, closed_before_sweep, awaiting_sweep")
    explanation: str
    to_supervisor: bool
    reminder: IssuedOut | None


class AccountOut(BaseModel):
    obligation: ObligationOut
    created_by: ActOut | None
    changed_by: ActOut | None
    expected: list[ExpectedOut]
    other_reminders: list[IssuedOut] = Field(description=OTHERS)

    @classmethod
    def of(cls, account: ObligationAccount) -> AccountOut:
        return cls(
            obligation=ObligationOut.of(account.obligation),
            created_by=ActOut.model_validate(account.created_by) if account.created_by else None,
            changed_by=ActOut.model_validate(account.changed_by) if account.changed_by else None,
            expected=[ExpectedOut.model_validate(e) for e in account.expected],
            other_reminders=[IssuedOut.model_validate(r) for r in account.others],
        )


class ErrorOut(BaseModel):
    obligation_id: UUID
    rule: str
    subject_label: str
    due_on: date
    notice_on: date
    explanation: str

    @classmethod
    def of(cls, account: ObligationAccount, missing: ExpectedReminder) -> ErrorOut:
        o = account.obligation
        return cls(
            obligation_id=o.obligation_id,
            rule=o.rule.value,
            subject_label=o.subject_label,
            due_on=o.due_on,
            notice_on=missing.notice_on,
            explanation=missing.explanation,
        )


class SweepOut(Attributes):
    sweep_id: UUID
    today: date
    started_at: datetime
    finished_at: datetime | None
    interrupted: bool
    host: str
    issued: int | None
    already_issued: int | None
    escalated: int | None


class DowntimeOut(Attributes):
    first: date
    last: date
    days: int


class ScheduleOut(Attributes):
    days_before: list[int]
    overdue_every_days: int | None
    escalate_after_days: int | None


class CompletenessOut(BaseModel):
    due_from: date
    due_to: date
    today: date
    built_at: datetime
    log_position: int = Field(description="the last event of the log the report was built from")
    checked_until: date | None
    note: str = SCHEDULES_NOTE
    summary: dict[str, int] = Field(description="expected reminders by outcome; acknowledged, resolved among them")
    statuses: dict[str, int]
    errors: list[ErrorOut] = Field(description="reminders missing without explanation")
    obligations: list[AccountOut]
    sweeps: list[SweepOut]
    downtime: list[DowntimeOut] = Field(description="days without a finished sweep (informational)")
    schedules: dict[str, ScheduleOut]

    @classmethod
    def of(cls, report: CompletenessReport) -> CompletenessOut:
        return cls(
            due_from=report.due_from,
            due_to=report.due_to,
            today=report.today,
            built_at=report.built_at,
            log_position=report.log_position,
            checked_until=report.checked_until,
            summary=report.counts,
            statuses=report.statuses,
            errors=[ErrorOut.of(account, missing) for account, missing in report.errors],
            obligations=[AccountOut.of(account) for account in report.accounts],
            sweeps=[SweepOut.model_validate(run) for run in report.sweeps],
            downtime=[DowntimeOut.model_validate(period) for period in report.downtime],
            schedules={rule.value: ScheduleOut.model_validate(s) for rule, s in report.schedules.items()},
        )

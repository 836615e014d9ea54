"""The audit log's rows for households: registration, decisions, members, surveys and requests."""

from __future__ import annotations

from typing import Any

from application.audit.audit_log.table import record_audit
from application.households.register_view import household_row
from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers
from domain.correction import DECISION_LABELS, Changes
from domain.formatting import vn_date, vn_money
from domain.household import STANDING_LABELS, Household
from domain.indicators import INDICATOR_LABELS, Indicator
from domain.standards import CLASS_LABELS

HANDLERS = Handlers()
CHANGE_WORDS = {"birth": "sinh", "death": "chết", "marriage": "kết hôn", "migration": "chuyển đi/đến", "other": "khác"}


def household_audit(cursor: Cursor, event: Any, position: int, details: str) -> None:
    row = household_row(cursor, event.originator_id)
    household_id = str(event.originator_id)
    record_audit(
        cursor,
        event,
        position,
        subject_type="household",
        household_id=household_id,
        subject_label=row["head_name"],
        hamlet=row["hamlet"],
        details=details,
    )


def corrected_details(event: Any, changes: str) -> str:
    """What an approved correction changed, why, and who proposed and approved it."""
    return (
        f"Đính chính quyết định {DECISION_LABELS.get(event.corrected_action, event.corrected_action)}: {changes}."
        f" Lý do: {event.reason}. Chứng cứ: {event.evidence}. Đề xuất: {event.proposed_by}, duyệt: {event.actor}"
    )


@HANDLERS.on(Household.Registered)
def registered(cursor: Cursor, event: Household.Registered, position: int) -> None:
    household_audit(cursor, event, position, f"{event.head_name}, {len(event.members) + 1} nhân khẩu")


@HANDLERS.on(
    Household.RecognisedPoor,
    Household.RecognisedNearPoor,
    Household.EscapedPoverty,
    Household.EscapedNearPoverty,
    Household.FellBackIntoPoverty,
)
def transitioned(cursor: Cursor, event: Household.Transition, position: int) -> None:
    details = f"{STANDING_LABELS[event.from_standing]} → {STANDING_LABELS[event.to_standing]}"
    if isinstance(event, Household.EscapedPoverty) and event.newly_escaped_until:
        details += f"; hộ mới thoát nghèo đến hết ngày {vn_date(event.newly_escaped_until)}"
    if event.standard_version:
        number = event.standard_basis.number if event.standard_basis else ""
        details += f"; chuẩn nghèo {event.standard_version} ({number})"
    if event.certificate_number:
        details += f"; giấy chứng nhận số {event.certificate_number}"
    household_audit(cursor, event, position, details)


@HANDLERS.on(Household.DecisionCorrected)
def decision_corrected(cursor: Cursor, event: Household.DecisionCorrected, position: int) -> None:
    changes = Changes(event.new_effective_on, event.new_basis, event.void).describe()
    details = corrected_details(event, changes) + f". Hiện là {STANDING_LABELS[event.standing]}"
    household_audit(cursor, event, position, details)


@HANDLERS.on(Household.MemberAdded, Household.MemberRemoved)
def member_count_changed(cursor: Cursor, event: Household.MemberAdded | Household.MemberRemoved, position: int) -> None:
    what = (
        f"Thêm thành viên {event.person.full_name}"
        if isinstance(event, Household.MemberAdded)
        else "Bớt một thành viên"
    )
    household_audit(cursor, event, position, f"{what} (lý do: {CHANGE_WORDS[event.change.value]})")


@HANDLERS.on(Household.MemberDetailsRecorded)
def member_updated(cursor: Cursor, event: Household.MemberDetailsRecorded, position: int) -> None:
    household_audit(cursor, event, position, f"Cập nhật thông tin thành viên {event.person.full_name}")


@HANDLERS.on(Household.Surveyed)
def surveyed(cursor: Cursor, event: Household.Surveyed, position: int) -> None:
    survey = event.survey
    income = (
        f"thu nhập {vn_money(survey.income.per_capita_monthly)}/người/tháng"
        if survey.income.per_capita_monthly is not None
        else f"điểm B1 {survey.income.b1_score} (điểm chuẩn {survey.income.b1_cutoff})"
    )
    deprived = ", ".join(INDICATOR_LABELS[Indicator(code)] for code in survey.deprived) or "không"
    household_audit(
        cursor,
        event,
        position,
        f"Phiếu B: {income}; thiếu hụt {len(survey.deprived)} chỉ số ({deprived}); phân loại sơ bộ:"
        f" {CLASS_LABELS[survey.provisional_class]} theo chuẩn {survey.standard_version}"
        f" ({survey.standard_basis.number})",
    )


@HANDLERS.on(Household.AverageLivingRecognised)
def average_living_recognised(cursor: Cursor, event: Household.AverageLivingRecognised, position: int) -> None:
    d = event.determination
    household_audit(
        cursor,
        event,
        position,
        f"Hộ có mức sống trung bình ({d.occupation.value}): {vn_money(d.per_capita_monthly)}/người/tháng"
        f" (12 tháng {vn_money(d.income_12_months)}, trừ trợ cấp {vn_money(d.social_allowances)});"
        " thuộc diện hỗ trợ đóng BHYT",
    )


@HANDLERS.on(Household.ReviewRequested)
def review_requested(cursor: Cursor, event: Household.ReviewRequested, position: int) -> None:
    form = "Mẫu 01 (đề nghị rà soát)" if event.form.value == "form_01" else "Mẫu 04 (đề nghị công nhận thoát nghèo)"
    household_audit(cursor, event, position, f"{form}: {event.reason} ({event.channel})")

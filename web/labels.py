"""UI labels in Vietnamese for the ledger's vocabulary (README glossary, last column)."""

from __future__ import annotations

from domain.deadlines import ReminderRule
from domain.household import STANDING_LABELS, Area, Standing
from domain.loan import PROGRAMME_LABELS, Programme
from domain.project import COMPONENT_LABELS, Component, ProjectStage
from domain.user import ROLE_LABELS, Role

ACTION_LABELS = {
    "Household.Registered": "Đăng ký hộ",
    "Household.RecognisedPoor": "Công nhận hộ nghèo",
    "Household.RecognisedNearPoor": "Công nhận hộ cận nghèo",
    "Household.EscapedPoverty": "Công nhận thoát nghèo",
    "Household.EscapedNearPoverty": "Công nhận thoát cận nghèo",
    "Household.FellBackIntoPoverty": "Ghi nhận tái nghèo",
    "Loan.Granted": "Ghi nhận khoản vay ưu đãi",
    "Project.Proposed": "Đề xuất dự án",
    "Project.Approved": "Phê duyệt dự án",
    "Project.Reviewed": "Tổng kết, đánh giá dự án",
    "Reminder.Issued": "Gửi nhắc việc",
    "Reminder.Acknowledged": "Xác nhận nhắc việc",
    "User.Registered": "Tạo tài khoản",
    "User.TokenIssued": "Cấp mã truy cập API",
}

AREA_LABELS = {Area.RURAL: "Nông thôn", Area.URBAN: "Thành thị"}
STAGE_LABELS = {
    ProjectStage.PROPOSED: "Đã đề xuất",
    ProjectStage.APPROVED: "Đang thực hiện",
    ProjectStage.REVIEWED: "Đã tổng kết, đánh giá",
}
RULE_LABELS = {
    ReminderRule.NEWLY_ESCAPED_WINDOW_END: "Hết thời hạn 36 tháng hộ mới thoát nghèo",
    ReminderRule.PROJECT_FINAL_REVIEW: "Tổng kết, đánh giá dự án khi hết thời gian thực hiện",
}
SUBJECT_LABELS = {
    "household": "Hộ",
    "loan": "Khoản vay",
    "project": "Dự án",
    "reminder": "Nhắc việc",
    "user": "Tài khoản",
}


def label(value: object) -> str:
    tables: dict = {  # type: ignore[type-arg]
        Standing: STANDING_LABELS,
        Programme: PROGRAMME_LABELS,
        Component: COMPONENT_LABELS,
        Role: ROLE_LABELS,
        Area: AREA_LABELS,
        ProjectStage: STAGE_LABELS,
        ReminderRule: RULE_LABELS,
    }
    table = tables.get(type(value))
    if table is not None:
        return str(table[value])
    text = str(value)
    return ACTION_LABELS.get(text) or SUBJECT_LABELS.get(text) or text

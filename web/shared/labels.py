"""UI labels in Vietnamese for the ledger's vocabulary (README glossary, last column)."""

from __future__ import annotations

from enum import Enum

from domain.correction import CORRECTABLE_ACTIONS as CORRECTABLE_ACTIONS  # the timeline's “Đính chính” links
from domain.deadlines import RULE_BASIS as RULE_BASIS  # for the templates, with the labels
from domain.deadlines import RULE_TITLES, ReminderRule
from domain.household import STANDING_LABELS, Area, Standing
from domain.indicators import DIMENSION_OF, INDICATOR_LABELS, MEMBER_RULES, Dimension, Indicator
from domain.loan import PROGRAMME_LABELS, Programme
from domain.loan_request import REQUEST_PROGRAMMES  # noqa: F401  (the programmes a loan need names)
from domain.people import Allowance, Employment, MemberChange, Nutrition, Sex
from domain.project import COMPONENT_LABELS, Component, ProjectStage
from domain.review import CHANGE_LABELS, ListingBasis, ReviewKind
from domain.standards import CLASS_LABELS, PovertyClass
from domain.survey import Occupation, RequestForm
from domain.user import ROLE_LABELS, Role

ACTION_LABELS = {
    "AnnualPlan.Issued": "Ban hành kế hoạch giảm nghèo năm",
    "AnnualPlan.TargetsRevised": "Sửa đổi chỉ tiêu kế hoạch",
    "AnnualPlan.HamletOfficialsReassigned": "Phân công lại cán bộ theo dõi xóm",
    "Household.Registered": "Đăng ký hộ",
    "Household.RecognisedPoor": "Công nhận hộ nghèo",
    "Household.RecognisedNearPoor": "Công nhận hộ cận nghèo",
    "Household.EscapedPoverty": "Công nhận thoát nghèo",
    "Household.EscapedNearPoverty": "Công nhận thoát cận nghèo",
    "Household.FellBackIntoPoverty": "Ghi nhận tái nghèo",
    "Household.MemberAdded": "Thêm thành viên",
    "Household.MemberDetailsRecorded": "Cập nhật thông tin thành viên",
    "Household.MemberRemoved": "Bớt thành viên",
    "Household.Surveyed": "Khảo sát hộ (phiếu B)",
    "Household.AverageLivingRecognised": "Xác định hộ có mức sống trung bình",
    "Household.ReviewRequested": "Nhận giấy đề nghị của hộ",
    "Review.Opened": "Mở đợt rà soát",
    "Review.HouseholdListed": "Đưa hộ vào danh sách rà soát",
    "Review.SurveyNoted": "Ghi nhận khảo sát trong đợt rà soát",
    "Review.MeetingHeld": "Họp dân",
    "Review.PostingStarted": "Niêm yết công khai kết quả",
    "Review.ComplaintReceived": "Nhận khiếu nại",
    "Review.RecheckCompleted": "Phúc tra",
    "Review.RequestRefused": "Trả lời bằng văn bản (không công nhận)",
    "Review.Decided": "Quyết định công nhận kết quả rà soát",
    "Loan.Granted": "Ghi nhận khoản vay ưu đãi",
    "LoanRequest.Recorded": "Ghi nhận nhu cầu vay vốn",
    "LoanRequest.Met": "Nhu cầu vay vốn được đáp ứng",
    "LoanRequest.Withdrawn": "Rút nhu cầu vay vốn",
    "Project.Proposed": "Đề xuất dự án",
    "Project.Approved": "Phê duyệt dự án",
    "Project.Amended": "Điều chỉnh thời gian thực hiện dự án",
    "Project.Reviewed": "Tổng kết, đánh giá dự án",
    "Reminder.Issued": "Gửi nhắc việc",
    "Reminder.Acknowledged": "Xác nhận nhắc việc",
    "Reminder.Resolved": "Ghi nhận đã giải quyết việc được nhắc",
    "Reminder.EmailAttempted": "Gửi thư nhắc việc",
    "Reminder.Emailed": "Đã gửi thư nhắc việc",
    "Reminder.EmailFailed": "Gửi thư nhắc việc không thành công",
    "Sweep.Started": "Bắt đầu quét nhắc việc",
    "Sweep.Finished": "Kết thúc quét nhắc việc",
    "User.Registered": "Tạo tài khoản",
    "User.TokenIssued": "Cấp mã truy cập API",
    "User.EmailAddressGiven": "Đặt địa chỉ thư điện tử nhận nhắc việc",
    "User.RoleGranted": "Giao vai trò",
    "User.RoleRevoked": "Thu hồi vai trò",
    "User.HamletsAssigned": "Phân công xóm phụ trách",
    "User.PasswordChanged": "Đổi mật khẩu",
    "User.Deactivated": "Khóa tài khoản",
    "User.Reactivated": "Mở lại tài khoản",
    "SignIn.LoggedIn": "Đăng nhập",
    "SignIn.LoginFailed": "Đăng nhập không thành công",
    "Correction.Proposed": "Đề nghị đính chính",
    "Correction.Approved": "Duyệt đính chính",
    "Correction.Rejected": "Không duyệt đính chính",
    "Household.DecisionCorrected": "Đính chính quyết định của hộ",
    "Loan.Corrected": "Đính chính khoản vay",
    "Project.Corrected": "Đính chính phê duyệt dự án",
}

AREA_LABELS = {Area.RURAL: "Nông thôn", Area.URBAN: "Thành thị"}
STAGE_LABELS = {
    ProjectStage.PROPOSED: "Đã đề xuất",
    ProjectStage.APPROVED: "Đang thực hiện",
    ProjectStage.REVIEWED: "Đã tổng kết, đánh giá",
}
RULE_LABELS = RULE_TITLES
SUBJECT_LABELS = {
    "plan": "Kế hoạch",
    "household": "Hộ",
    "loan": "Khoản vay",
    "loan_request": "Nhu cầu vay vốn",
    "project": "Dự án",
    "reminder": "Nhắc việc",
    "review": "Đợt rà soát",
    "sweep": "Quét nhắc việc",
    "user": "Tài khoản",
    "correction": "Đính chính",
}
# An obligation's status (application/reminders/obligations.py) and what became of each reminder its schedule
# expects (application/reminders/completeness_report.py).
STATUS_LABELS = {
    "pending": "Chưa đến hạn nhắc",
    "issued": "Đã nhắc",
    "acknowledged": "Đã nhận",
    "resolved": "Đã giải quyết",
    "cancelled": "Đã hủy",
}
OUTCOME_LABELS = {
    "missing": "Thiếu nhắc việc, không giải thích được (lỗi)",
    "on_time": "Đã nhắc đúng ngày",
    "late": "Đã nhắc trễ",
    "not_due": "Không phải nhắc: việc đã hủy hoặc đã giải quyết trước ngày nhắc",
    "closed_before_sweep": "Không phải nhắc: việc đã đóng trước khi có lần quét",
    "awaiting_sweep": "Chờ lần quét tới gửi",
    "acknowledged": "Trong đó đã nhận",
    "resolved": "Trong đó đã giải quyết",
}
# The step a listed household waits for (application.reviews.queries.next_step).
STEP_LABELS = {
    "survey": "Chờ khảo sát",
    "meeting": "Chờ họp dân",
    "resurvey": "Họp dân đồng ý dưới 50%: khảo sát và họp lại",
    "posting": "Chờ niêm yết",
    "recheck": "Có khiếu nại chưa phúc tra",
    "decision": "Chờ quyết định công nhận",
    "done": "Đã có kết quả",
}
DIMENSION_LABELS = {
    Dimension.EMPLOYMENT: "Việc làm",
    Dimension.HEALTH: "Y tế",
    Dimension.EDUCATION: "Giáo dục",
    Dimension.HOUSING: "Nhà ở",
    Dimension.WATER_SANITATION: "Nước sinh hoạt và vệ sinh",
    Dimension.INFORMATION: "Thông tin",
}
INDICATORS_BY_DIMENSION = tuple(
    (dimension, tuple(i for i in Indicator if DIMENSION_OF[i] is dimension)) for dimension in Dimension
)
# Indicators the members' facts (or the floor area) can decide; the other five are always entered.
DERIVABLE = frozenset(MEMBER_RULES) | {Indicator.FLOOR_AREA}
KIND_LABELS = {ReviewKind.PERIODIC: "Rà soát định kỳ", ReviewKind.REGULAR: "Rà soát thường xuyên"}
KIND_CHOICES = {
    ReviewKind.PERIODIC: "Rà soát định kỳ hằng năm (01/09–14/12)",
    ReviewKind.REGULAR: "Rà soát thường xuyên hằng tháng (từ ngày 15)",
}
LISTING_LABELS = {
    ListingBasis.MANAGED_LIST: "Danh sách hộ nghèo, cận nghèo đang quản lý",
    ListingBasis.FORM_01: "Giấy đề nghị rà soát (Mẫu 01)",
    ListingBasis.FORM_04: "Giấy đề nghị công nhận thoát nghèo (Mẫu 04)",
}
REQUEST_LABELS = {
    RequestForm.REVIEW: "Mẫu 01 – Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo",
    RequestForm.ESCAPE: "Mẫu 04 – Giấy đề nghị công nhận hộ thoát nghèo, thoát cận nghèo",
}
# How a request reached the commune; the words are stored as said (Decision 24/2021, Art. 5).
CHANNELS = {"direct": "trực tiếp", "post": "bưu điện", "online": "trực tuyến"}
OCCUPATION_LABELS = {
    Occupation.AGRICULTURE: "Nông nghiệp",
    Occupation.FORESTRY: "Lâm nghiệp",
    Occupation.FISHERY: "Ngư nghiệp",
    Occupation.SALT: "Diêm nghiệp",
}
SEX_LABELS = {Sex.MALE: "Nam", Sex.FEMALE: "Nữ"}
EMPLOYMENT_LABELS = {
    Employment.WAGED_WITH_CONTRACT: "Làm công ăn lương, có hợp đồng",
    Employment.WAGED_WITHOUT_CONTRACT: "Làm công ăn lương, không có hợp đồng",
    Employment.SELF_EMPLOYED: "Tự làm (nông nghiệp, buôn bán, dịch vụ)",
    Employment.UNEMPLOYED: "Không có việc làm",
    Employment.NOT_IN_LABOUR_FORCE: "Không tham gia lao động (đi học, nghỉ hưu…)",
}
ALLOWANCE_LABELS = {Allowance.NONE: "Không", Allowance.ELDERLY: "Người cao tuổi", Allowance.DISABILITY: "Khuyết tật"}
NUTRITION_LABELS = {Nutrition.NORMAL: "Bình thường", Nutrition.STUNTED: "Thấp còi", Nutrition.UNDERWEIGHT: "Nhẹ cân"}
# The same change reads differently when a member comes and when one leaves.
JOIN_LABELS = {
    MemberChange.BIRTH: "Sinh",
    MemberChange.MARRIAGE: "Kết hôn",
    MemberChange.MIGRATION: "Chuyển đến",
    MemberChange.OTHER: "Khác",
}
LEAVE_LABELS = {
    MemberChange.DEATH: "Chết",
    MemberChange.MARRIAGE: "Kết hôn",
    MemberChange.MIGRATION: "Chuyển đi",
    MemberChange.OTHER: "Khác",
}

TABLES: dict[type[Enum], dict] = {  # type: ignore[type-arg]
    Standing: STANDING_LABELS,
    Programme: PROGRAMME_LABELS,
    Component: COMPONENT_LABELS,
    Role: ROLE_LABELS,
    Area: AREA_LABELS,
    ProjectStage: STAGE_LABELS,
    ReminderRule: RULE_LABELS,
    PovertyClass: CLASS_LABELS,
    Indicator: INDICATOR_LABELS,
    Dimension: DIMENSION_LABELS,
    ReviewKind: KIND_LABELS,
    ListingBasis: LISTING_LABELS,
    RequestForm: REQUEST_LABELS,
    Occupation: OCCUPATION_LABELS,
    Sex: SEX_LABELS,
    Employment: EMPLOYMENT_LABELS,
    Allowance: ALLOWANCE_LABELS,
    Nutrition: NUTRITION_LABELS,
}


def label(value: object) -> str:
    table = TABLES.get(type(value))  # type: ignore[arg-type]
    if table is not None:
        return str(table[value])
    text = str(value)
    return ACTION_LABELS.get(text) or SUBJECT_LABELS.get(text) or CHANGE_LABELS.get(text) or text


def step_label(step: str) -> str:
    return STEP_LABELS.get(step, step)


def hamlet_name(hamlet: str) -> str:
    """“xóm Xuân Hà”, but “Xóm 5” as configured, not “xóm Xóm 5”."""
    return hamlet if hamlet.lower().startswith(("xóm", "thôn")) else f"xóm {hamlet}"

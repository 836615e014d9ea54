"""The four household lists' kinds and titles, and the layout of their rows: the columns, and the words in their
cells, that the export writes and the import reads back (application/lists/import_rows.py).
"""

from __future__ import annotations

from enum import Enum

from application.core.errors import InvalidInputError
from domain.people import Sex
from domain.standards import Area
from domain.survey import Occupation


class ListKind(Enum):
    POOR = "poor"
    NEAR_POOR = "near_poor"
    NEWLY_ESCAPED = "newly_escaped"
    AVERAGE_LIVING = "average_living"


# The list titles, and the "Phân loại" of each row (read back by the import).
LIST_TITLES = {
    ListKind.POOR: "Danh sách hộ nghèo",
    ListKind.NEAR_POOR: "Danh sách hộ cận nghèo",
    ListKind.NEWLY_ESCAPED: "Danh sách hộ mới thoát nghèo (trong 36 tháng)",
    ListKind.AVERAGE_LIVING: "Danh sách hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp có mức sống trung bình",
}
CLASS_NAMES = {
    ListKind.POOR: "Hộ nghèo",
    ListKind.NEAR_POOR: "Hộ cận nghèo",
    ListKind.NEWLY_ESCAPED: "Hộ mới thoát nghèo",
    ListKind.AVERAGE_LIVING: "Hộ có mức sống trung bình",
}
AREA_NAMES = {Area.RURAL: "Nông thôn", Area.URBAN: "Thành thị"}
SEX_NAMES = {Sex.MALE: "Nam", Sex.FEMALE: "Nữ"}
OCCUPATION_NAMES = {
    Occupation.AGRICULTURE: "Nông nghiệp",
    Occupation.FORESTRY: "Lâm nghiệp",
    Occupation.FISHERY: "Ngư nghiệp",
    Occupation.SALT: "Diêm nghiệp",
}
COLUMNS = (
    "STT",
    "Mã hộ",
    "Xóm",
    "Họ tên chủ hộ",
    "Số CCCD chủ hộ",
    "Ngày sinh chủ hộ",
    "Giới tính",
    "Địa chỉ",
    "Khu vực",
    "Phân loại",
    "Ngày công nhận",
    "Số quyết định",
    "Ngày quyết định",
    "Cơ quan ban hành",
    "Thoát nghèo ngày",
    "Hết 36 tháng ngày",
    "Số nhân khẩu",
    "Ngành nghề",
    "Thu nhập bình quân (đồng/người/tháng)",
    "Ghi chú",
)


def list_kind(value: str) -> ListKind:
    try:
        return ListKind(value)
    except ValueError:
        raise InvalidInputError({"kind": f"Không có danh sách “{value}”."}) from None

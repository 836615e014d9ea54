"""The valid bodies the hostile requests start from (households, members, surveys, a household list row)."""

from __future__ import annotations

from tests.web.api_client import ENTERED

BASIS = {"number": "98/QĐ-UBND", "issued_on": "2024-12-14", "issuer": "UBND xã Hải Hòa"}
PERSON = {"full_name": "Vũ Văn Tám", "relation": "con", "sex": "male", "born_on": "2010-05-01", "birth_year": 2010}
PERSON |= {"citizen_id": "036210001234", "ethnicity": "Kinh"}
SURVEY = {"reviewer": "Lê Thị Rà", "income_per_capita_monthly": 1_200_000, "b1_score": 120, "b1_cutoff": 140}
SURVEY |= {"floor_area_m2": 40, "entered": ENTERED, "evidence": {"telecom": "quan sát"}, "effective_on": "2026-10-05"}
MEMBER_UPDATE = {"person": {**PERSON, "full_name": "Vũ Thị Bảy", "born_on": "1980-05-01", "birth_year": 1980}}
AVERAGE_LIVING = {"occupation": "fishery", "income_12_months": 48_000_000, "social_allowances": 2_400_000}
ROW = {
    "Mã hộ": "HH-9",
    "Xóm": "Xuân Hà",
    "Họ tên chủ hộ": "Trần Văn Bình",
    "Số CCCD chủ hộ": "036085001234",
    "Ngày sinh chủ hộ": "12/03/1975",
    "Giới tính": "Nam",
    "Khu vực": "Nông thôn",
    "Phân loại": "Hộ nghèo",
    "Ngày công nhận": "15/12/2024",
    "Số quyết định": "210/QĐ-UBND",
    "Ngày quyết định": "14/12/2024",
    "Cơ quan ban hành": "UBND xã Hải Hòa",
    "Số nhân khẩu": "4",
    "Thu nhập bình quân (đồng/người/tháng)": "1200000",
    "Ghi chú": "",
}

"""The survey form (phiếu B) and what the household's page shows of it; average living; requests."""

from __future__ import annotations

import re
from collections.abc import Callable

from application.ledger import Ledger
from tests.web.browser import Browser
from tests.web.paperwork import FOUR_DEPRIVED, register, survey, survey_form


def test_a_survey_shows_the_twelve_indicators_by_dimension_and_the_class_on_the_household_page(
    browser: Callable[[str], Browser],
) -> None:
    official = browser("diachinh")
    household_id = register(official, "Nguyễn Văn Tư")

    response = official.submit(f"/households/{household_id}/surveys", survey_form(deprived=FOUR_DEPRIVED))
    page = official.client.get(response.headers["location"]).text

    assert response.status_code == 303
    assert page.count("<strong>Thiếu hụt</strong>") == 4 and page.count("Không thiếu hụt</td>") == 8
    assert "Nước sinh hoạt và vệ sinh" in page and "Nhà tiêu hợp vệ sinh" in page
    assert "1.200.000 đ/người/tháng" in page
    assert re.search(r"<strong>hộ nghèo</strong> theo chuẩn nghèo 2022-2025 \(07/2021/NĐ-CP ngày 27/01/2021", page)


def test_a_survey_without_income_is_shown_again_with_messages_and_records_nothing(
    browser: Callable[[str], Browser], web_ledger: Ledger
) -> None:
    official = browser("diachinh")
    household_id = register(official, "Nguyễn Văn Tư")
    before = web_ledger.log_position()

    response = official.submit(
        f"/households/{household_id}/surveys", survey_form(income="", indicator_telecom="", reviewer="Lê Thị Rà")
    )

    assert response.status_code == 422
    assert "Hãy nhập thu nhập bình quân đầu người/tháng, hoặc điểm B1" in response.text
    assert "Hãy chọn thiếu hụt hoặc không thiếu hụt." in response.text
    assert 'value="Lê Thị Rà"' in response.text
    assert web_ledger.log_position() == before


def test_member_indicators_are_derived_from_the_members_facts_when_they_are_known(
    browser: Callable[[str], Browser],
) -> None:
    official = browser("diachinh")
    household_id = register(official, "Nguyễn Văn Tư")
    page = official.client.get(f"/households/{household_id}").text
    (head,) = re.findall(rf"/households/{household_id}/members/([0-9a-f-]+)/removal", page)
    facts = {"full_name": "Nguyễn Văn Tư", "birth_year": "1975", "health_insurance": "no", "in_school": "no"}
    facts |= {"lower_secondary_done": "yes", "employment": "self_employed", "effective_on": "01/11/2026"}
    official.submit(f"/households/{household_id}/members/{head}", facts)
    derived = {f"indicator_{code}": "derive" for code in ("employment", "dependants", "nutrition")}
    derived |= {f"indicator_{code}": "derive" for code in ("health_insurance", "adult_education", "school_attendance")}

    survey(official, household_id, **derived, floor_area_m2="20", indicator_floor_area="derive")  # type: ignore[arg-type]
    page = official.client.get(f"/households/{household_id}").text

    assert page.count("Tính từ thông tin thành viên") == 6
    assert "Tính từ diện tích nhà ở" in page
    assert re.search(r"Bảo hiểm y tế</td>\s*<td><strong>Thiếu hụt</strong>", page)


def test_the_survey_form_defaults_member_indicators_to_derived_and_housing_ones_to_entered(
    browser: Callable[[str], Browser],
) -> None:
    official = browser("diachinh")
    household_id = register(official, "Nguyễn Văn Tư")

    page = official.client.get(f"/households/{household_id}/surveys").text

    assert page.count('value="derive" checked') == 7
    assert 'name="indicator_housing_quality" value="derive"' not in page


def test_an_average_living_farming_household_is_shown_as_eligible_for_health_insurance_support(
    browser: Callable[[str], Browser],
) -> None:
    official = browser("diachinh")
    household_id = register(official, "Nguyễn Văn Tư", members="Trần Thị Năm; vợ; 1985")
    form = {"occupation": "agriculture", "income_12_months": "48.000.000", "social_allowances": "2.400.000"}

    response = official.submit(f"/households/{household_id}/average-living", {**form, "effective_on": "20/11/2026"})
    page = official.client.get(response.headers["location"]).text

    assert response.status_code == 303
    assert "1.900.000 đ/người/tháng" in page
    assert "thuộc diện hỗ trợ BHYT" in page


def test_a_request_for_review_is_recorded_on_the_household_timeline(browser: Callable[[str], Browser]) -> None:
    official = browser("diachinh")
    household_id = register(official, "Nguyễn Văn Tư")
    form = {"form": "form_04", "reason": "Đã có việc làm ổn định", "channel": "online", "effective_on": "20/11/2026"}

    response = official.submit(f"/households/{household_id}/requests", form)
    page = official.client.get(response.headers["location"]).text

    assert response.status_code == 303
    assert "Nhận giấy đề nghị của hộ" in page
    assert "Đã có việc làm ổn định (trực tuyến)" in page


def test_a_survey_by_b1_score_shows_the_score_and_its_cutoff(browser: Callable[[str], Browser]) -> None:
    official = browser("diachinh")
    household_id = register(official, "Nguyễn Văn Tư")

    survey(official, household_id, income="", b1_score="120", b1_cutoff="140")
    page = official.client.get(f"/households/{household_id}").text

    assert "điểm B1: 120 (điểm chuẩn so sánh 140)" in page
    assert "<strong>hộ cận nghèo</strong>" in page

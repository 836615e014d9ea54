"""Household members on the household's page: added with their facts, updated, removed."""

from __future__ import annotations

import re
from collections.abc import Callable

from application.ledger import Ledger
from tests.web.browser import Browser
from tests.web.paperwork import register

NEWBORN = {
    "change": "birth",
    "full_name": "Nguyễn Thị Mai",
    "relation": "con",
    "sex": "female",
    "born_on": "03/03/2026",
    "ethnicity": "Kinh",
    "health_insurance": "yes",
    "allowance": "none",
    "nutrition": "normal",
    "effective_on": "10/03/2026",
}


def member_ids(browser: Browser, household_id: object) -> list[str]:
    page = browser.client.get(f"/households/{household_id}").text
    return re.findall(rf"/households/{household_id}/members/([0-9a-f-]+)/removal", page)


def test_adding_a_newborn_shows_her_facts_and_age_in_the_members_table(browser: Callable[[str], Browser]) -> None:
    official = browser("diachinh")
    household_id = register(official, "Nguyễn Văn Tư")

    response = official.submit(f"/households/{household_id}/members", NEWBORN)
    page = official.client.get(response.headers["location"]).text

    assert response.status_code == 303
    assert "Đã thêm thành viên Nguyễn Thị Mai." in page
    assert re.search(r"<td>Nguyễn Thị Mai</td><td>con</td><td>Nữ</td>\s*<td>03/03/2026</td><td>0</td>", page)


def test_a_member_without_a_name_is_shown_again_with_the_message_and_records_nothing(
    browser: Callable[[str], Browser], web_ledger: Ledger
) -> None:
    official = browser("diachinh")
    household_id = register(official, "Nguyễn Văn Tư")
    before = web_ledger.log_position()

    response = official.submit(f"/households/{household_id}/members", {**NEWBORN, "full_name": "", "born_on": "31/02"})

    assert response.status_code == 422
    assert "Hãy nhập họ tên thành viên." in response.text
    assert "“31/02” không phải ngày hợp lệ" in response.text
    assert '<details id="member-add" open>' in response.text
    assert web_ledger.log_position() == before


def test_updating_the_head_records_the_facts_the_indicators_need(browser: Callable[[str], Browser]) -> None:
    official = browser("diachinh")
    household_id = register(official, "Nguyễn Văn Tư")
    (head,) = member_ids(official, household_id)
    facts = {"full_name": "Nguyễn Văn Tư", "relation": "chủ hộ", "birth_year": "1975", "employment": "unemployed"}

    response = official.submit(f"/households/{household_id}/members/{head}", {**facts, "effective_on": "01/11/2026"})
    page = official.client.get(response.headers["location"]).text

    assert response.status_code == 303
    assert "<td>1975</td><td>51</td>" in page
    assert "Không có việc làm" in page


def test_removing_a_member_who_married_out_takes_her_off_the_table(browser: Callable[[str], Browser]) -> None:
    official = browser("diachinh")
    household_id = register(official, "Nguyễn Văn Tư", members="Nguyễn Thị Hoa; con; 2000")
    daughter = member_ids(official, household_id)[1]

    response = official.submit(
        f"/households/{household_id}/members/{daughter}/removal", {"change": "marriage", "effective_on": "01/11/2026"}
    )
    page = official.client.get(response.headers["location"]).text

    assert response.status_code == 303
    assert "<td>Nguyễn Thị Hoa</td>" not in page
    assert "Bớt một thành viên (lý do: kết hôn)" in page


def test_the_only_member_of_a_household_cannot_be_removed(
    browser: Callable[[str], Browser], web_ledger: Ledger
) -> None:
    official = browser("diachinh")
    household_id = register(official, "Nguyễn Văn Tư")
    (head,) = member_ids(official, household_id)
    before = web_ledger.log_position()

    response = official.submit(
        f"/households/{household_id}/members/{head}/removal", {"change": "death", "effective_on": "01/11/2026"}
    )

    assert response.status_code == 409
    assert "Không thể xóa thành viên duy nhất của hộ." in response.text
    assert web_ledger.log_position() == before

from __future__ import annotations

import re
from collections.abc import Callable
from uuid import UUID

from application.ledger import Ledger
from tests.web.browser import Browser

REGISTRATION = {
    "hamlet": "Xuân Hà",
    "head_name": "Nguyễn Văn Tư",
    "members": "Trần Thị Năm; vợ; 1985",
    "area": "rural",
    "effective_on": "01/10/2024",
}


def register(browser: Browser, **changes: str) -> UUID:
    response = browser.submit("/households", {**REGISTRATION, **changes})
    assert response.status_code == 303, response.text
    return UUID(response.headers["location"].rsplit("/", 1)[1])


def test_registering_a_household_redirects_to_its_page_which_shows_it(browser: Callable[[str], Browser]) -> None:
    official = browser("diachinh")

    response = official.submit("/households", REGISTRATION)
    page = official.client.get(response.headers["location"])

    assert response.status_code == 303
    assert "Nguyễn Văn Tư" in page.text
    assert "Đã đăng ký hộ Nguyễn Văn Tư." in page.text


def test_a_household_registered_with_the_communes_code_and_address_shows_them_on_its_page(
    browser: Callable[[str], Browser],
) -> None:
    official = browser("diachinh")

    household_id = register(official, code="XH-0042", address="Số 7, đường Trục xã")
    page = official.client.get(f"/households/{household_id}")

    assert "<dt>Mã hộ</dt><dd>XH-0042</dd>" in page.text
    assert "Số 7, đường Trục xã, Xuân Hà" in page.text


def test_the_household_list_shows_a_new_household_right_after_the_redirect(browser: Callable[[str], Browser]) -> None:
    official = browser("diachinh")

    register(official)

    assert "Nguyễn Văn Tư" in official.client.get("/households?hamlet=Xuân Hà").text


def test_a_form_without_its_csrf_token_is_refused_and_records_nothing(
    browser: Callable[[str], Browser], web_ledger: Ledger
) -> None:
    official = browser("diachinh")
    before = web_ledger.log_position()

    response = official.client.post("/households", data=REGISTRATION)

    assert response.status_code == 403
    assert "Biểu mẫu không hợp lệ" in response.text
    assert web_ledger.log_position() == before


def test_a_bad_form_is_shown_again_with_the_entered_values_and_a_message_per_field(
    browser: Callable[[str], Browser], web_ledger: Ledger
) -> None:
    official = browser("diachinh")
    before = web_ledger.log_position()

    response = official.submit(
        "/households",
        {**REGISTRATION, "head_name": "", "effective_on": "31/02/2024", "members": "Trần Thị Năm; vợ; 1985"},
    )

    assert response.status_code == 422
    assert "Hãy nhập họ tên chủ hộ." in response.text
    assert "“31/02/2024” không phải ngày hợp lệ" in response.text
    assert "Trần Thị Năm; vợ; 1985" in response.text
    assert web_ledger.log_position() == before


def test_an_official_cannot_record_for_a_hamlet_not_assigned_to_them(
    browser: Callable[[str], Browser], web_ledger: Ledger
) -> None:
    household_id = register(browser("vanhoa"), hamlet="Xuân Đài Đông")
    official = browser("diachinh")  # signing in is recorded too, so before counting
    before = web_ledger.log_position()

    response = official.submit(
        f"/households/{household_id}/recognitions", {"standing": "poor", "effective_on": "15/12/2024"}
    )

    assert response.status_code == 403
    assert "không được phân công phụ trách xóm Xuân Đài Đông" in response.text
    assert web_ledger.log_position() == before


def test_recognising_a_household_as_poor_shows_it_on_its_page(browser: Callable[[str], Browser]) -> None:
    official = browser("diachinh")
    household_id = register(official)

    response = official.submit(
        f"/households/{household_id}/recognitions",
        {
            "standing": "poor",
            "effective_on": "15/12/2024",
            "basis_number": "125/QĐ-UBND",
            "basis_issued_on": "15/12/2024",
            "basis_issuer": "Chủ tịch UBND xã",
        },
    )
    page = official.client.get(response.headers["location"]).text

    assert re.search(r"Loại hộ hiện nay</dt><dd><strong>hộ nghèo", page)
    assert "125/QĐ-UBND" in page and "15/12/2024" in page


def test_escaping_poverty_when_not_poor_is_refused_with_a_clear_message(
    browser: Callable[[str], Browser], web_ledger: Ledger
) -> None:
    official = browser("diachinh")
    household_id = register(official)
    before = web_ledger.log_position()

    response = official.submit(
        f"/households/{household_id}/escapes", {"from_standing": "poor", "effective_on": "15/12/2024"}
    )

    assert response.status_code == 409
    assert "không phải hộ nghèo" in response.text
    assert web_ledger.log_position() == before


def test_a_form_submitted_twice_records_once(browser: Callable[[str], Browser], web_ledger: Ledger) -> None:
    official = browser("diachinh")
    household_id = register(official)
    form = {"standing": "poor", "effective_on": "15/12/2024"}
    official.submit(f"/households/{household_id}/recognitions", form, command_id="form-1")
    after_first = web_ledger.log_position()

    second = official.submit(f"/households/{household_id}/recognitions", form, command_id="form-1")

    assert second.status_code == 303
    assert web_ledger.log_position() == after_first


def test_an_edit_from_a_stale_page_gets_a_conflict_message_not_a_lost_update(
    browser: Callable[[str], Browser], web_ledger: Ledger
) -> None:
    official = browser("diachinh")
    household_id = register(official)
    official.submit(f"/households/{household_id}/recognitions", {"standing": "near_poor", "effective_on": "15/12/2024"})
    before = web_ledger.log_position()

    response = official.submit(
        f"/households/{household_id}/recognitions",
        {"standing": "poor", "effective_on": "16/12/2024", "expected_version": "1"},
    )

    assert response.status_code == 409
    assert "vừa được người khác cập nhật" in response.text
    assert web_ledger.log_position() == before


def test_an_official_can_sweep_now_and_see_the_reminder_in_the_inbox(
    browser: Callable[[str], Browser], web_ledger: Ledger
) -> None:
    official = browser("diachinh")
    household_id = register(official, effective_on="01/10/2021")  # registered before its decisions
    official.submit(f"/households/{household_id}/recognitions", {"standing": "poor", "effective_on": "14/12/2021"})
    official.submit(f"/households/{household_id}/escapes", {"from_standing": "poor", "effective_on": "14/12/2023"})

    response = official.submit("/reminders/sweeps", {})
    inbox = official.client.get(response.headers["location"]).text

    assert "Đã quét nhắc việc ngày 28/11/2026" in inbox
    assert inbox.count("Nguyễn Văn Tư") == 2


def test_a_supervisor_cannot_trigger_a_sweep(browser: Callable[[str], Browser], web_ledger: Ledger) -> None:
    mttq = browser("mttq")  # signing in is recorded too, so before counting
    before = web_ledger.log_position()

    response = mttq.submit("/reminders/sweeps", {})

    assert response.status_code == 403
    assert web_ledger.log_position() == before

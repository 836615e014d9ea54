"""Citizen ID numbers shown in full only to those who need them (Decree 13/2023/NĐ-CP): the chair, the
vice-chair and the official of the household's hamlet; masked for other hamlets, MTTQ and inspectors."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from application.households.personal_data import mask_number
from application.ledger import Ledger
from domain.user import Role
from tests.conftest import PASSWORD
from tests.web.api_client import Api
from tests.web.browser import Browser
from tests.web.paperwork import register

CITIZEN_ID = "036185001234"
MASKED = "0********234"
ADULT = {
    "change": "migration",
    "full_name": "Trần Thị Năm",
    "relation": "vợ",
    "citizen_id": CITIZEN_ID,
    "allowance": "none",
    "effective_on": "10/03/2026",
}


@pytest.fixture
def household(browser: Callable[[str], Browser]) -> str:
    official = browser("diachinh")
    household_id = register(official, "Nguyễn Văn Tư")
    assert official.submit(f"/households/{household_id}/members", ADULT).status_code == 303
    return str(household_id)


def test_a_number_keeps_its_first_and_last_three_digits() -> None:
    assert mask_number(CITIZEN_ID) == MASKED
    assert mask_number("0912345123") == "0******123"
    assert mask_number("1234") == "****"
    assert mask_number("") == ""


@pytest.mark.parametrize("username", ["chutich", "phochutich", "diachinh"])
def test_those_who_need_the_number_see_it_in_full(
    browser: Callable[[str], Browser], household: str, username: str
) -> None:
    page = browser(username).client.get(f"/households/{household}").text

    assert CITIZEN_ID in page


@pytest.mark.parametrize("username", ["vanhoa", "mttq", "thanhtra"])
def test_other_hamlets_officials_mttq_and_inspectors_see_it_masked(
    web_ledger: Ledger, browser: Callable[[str], Browser], household: str, username: str
) -> None:
    web_ledger.users.create_user("thanhtra", "Thanh tra huyện", Role.INSPECTOR, [], PASSWORD)

    page = browser(username).client.get(f"/households/{household}").text

    assert CITIZEN_ID not in page
    assert MASKED in page


def test_the_api_masks_the_same_way(web_ledger: Ledger, household: str) -> None:
    full = Api(web_ledger, "diachinh").get(f"/households/{household}").json()
    masked = Api(web_ledger, "mttq").get(f"/households/{household}").json()

    assert [m["citizen_id"] for m in full["members"] if m["citizen_id"]] == [CITIZEN_ID]
    assert [m["citizen_id"] for m in masked["members"] if m["citizen_id"]] == [MASKED]

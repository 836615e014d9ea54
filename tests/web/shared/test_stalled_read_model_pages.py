"""With the read models stalled by an event they cannot apply (issue 10 §1), every page still answers,
a saved form still redirects, the API still answers 201, and the chair sees what stopped and what to do."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from application.ledger import Ledger
from tests.application.helpers import actor, entry, poor_household
from tests.application.poison import poison_loan
from tests.web.api_client import Api
from tests.web.browser import Browser

PAGES = (
    "/",
    "/dashboard",
    "/households",
    "/lists/poor",
    "/reviews",
    "/loans",
    "/projects",
    "/reports/monthly",
    "/obligations",
    "/reminders",
    "/audit",
    "/corrections",
    "/users",
)
REGISTRATION = {"hamlet": "Xuân Hà", "head_name": "Nguyễn Văn Tư", "members": "", "area": "rural"}


@pytest.fixture
def stalled(web_ledger: Ledger) -> int:
    position = poison_loan(web_ledger)
    web_ledger.households.household_list()  # the first catch-up meets it
    return position


def test_every_page_answers_while_the_read_models_are_stalled(stalled: int, browser: Callable[[str], Browser]) -> None:
    chair = browser("chutich")

    answered = {path: chair.client.get(path).status_code for path in PAGES}

    assert answered == dict.fromkeys(PAGES, 200)


def test_a_form_saved_while_the_read_models_are_stalled_redirects_as_saved(
    stalled: int, browser: Callable[[str], Browser], web_ledger: Ledger
) -> None:
    before = web_ledger.log_position()

    response = browser("diachinh").submit("/households", {**REGISTRATION, "effective_on": "01/10/2024"})

    assert response.status_code == 303
    assert web_ledger.log_position() > before


def test_an_api_write_saved_while_the_read_models_are_stalled_answers_created(stalled: int, web_ledger: Ledger) -> None:
    assert Api(web_ledger, "diachinh").household()  # asserts 201


def test_the_chair_sees_where_the_read_models_stopped_since_when_and_what_to_do(
    stalled: int, browser: Callable[[str], Browser]
) -> None:
    page = browser("chutich").client.get("/households").text

    assert f"Các bảng đọc đã dừng trước bản ghi số {stalled}" in page
    assert "domain.loan:Loan.Granted" in page and "OverflowError" in page
    assert "giamngheo status" in page and f"giamngheo skip-event {stalled}" in page


def test_an_official_is_told_only_that_the_figures_stop_at_the_position_before(
    stalled: int, browser: Callable[[str], Browser]
) -> None:
    page = browser("diachinh").client.get("/households").text

    assert f"Số liệu trên các trang chỉ cập nhật đến bản ghi số {stalled - 1}" in page
    assert "domain.loan:Loan.Granted" not in page


def test_no_banner_once_the_chair_has_skipped_the_event(
    stalled: int, browser: Callable[[str], Browser], web_ledger: Ledger
) -> None:
    chair = browser("chutich")

    web_ledger.read_models.skip_stalled_event(actor(web_ledger, "chutich"), stalled, "Nhập nhầm số tiền.", entry())

    assert 'class="stall"' not in chair.client.get("/households").text


def test_a_loan_recorded_while_stalled_redirects_and_its_page_says_it_is_saved_but_not_yet_shown(
    stalled: int, browser: Callable[[str], Browser], web_ledger: Ledger
) -> None:
    household_id = poor_household(web_ledger)
    chair = browser("chutich")
    form = {"household_id": str(household_id), "programme": "poor", "amount": "20000000", "term_months": "12"}

    response = chair.submit("/loans", {**form, "effective_on": "02/11/2026"})
    page = chair.client.get(response.headers["location"])

    assert response.status_code == 303
    assert page.status_code == 503
    assert "đã được ghi vào sổ, nhưng các bảng đọc đang dừng" in page.text

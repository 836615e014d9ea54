"""The loan form with an amount no column can hold: shown again with a Vietnamese message by the field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID

import pytest

from application.ledger import Ledger
from domain.household import Standing
from tests.application.helpers import actor, entry, register
from tests.web.api_client import Api
from tests.web.browser import Browser


@pytest.fixture
def api(web_ledger: Ledger) -> Api:
    return Api(web_ledger, "diachinh")


LOAN = {"programme": "poor", "term_months": "12", "effective_on": "02/11/2026"}


def poor(ledger: Ledger) -> UUID:
    household_id = register(ledger, by="chutich", head_name="Lê Văn Tám")
    ledger.households.recognise_household(
        actor(ledger, "chutich"), household_id, Standing.POOR, entry(date(2025, 12, 15))
    )
    return household_id


def test_a_loan_form_with_2_to_the_63_dong_shows_a_message_by_the_amount_and_records_nothing(
    browser: Callable[[str], Browser], web_ledger: Ledger
) -> None:
    official, household_id = browser("diachinh"), poor(web_ledger)
    before = web_ledger.log_position()

    response = official.submit("/loans", {**LOAN, "household_id": str(household_id), "amount": "9223372036854775808"})

    assert response.status_code == 422
    assert response.template.name == "loans/new.html"  # type: ignore[attr-defined]
    [(field, message)] = response.context["errors"].items()  # type: ignore[attr-defined]
    assert field == "amount" and message.startswith(("Số", "Hãy nhập"))  # the form's or the domain's words
    assert f'<span class="error" role="alert">{message}' in response.text
    assert web_ledger.log_position() == before
    assert web_ledger.loans.loan_list() == []


def test_a_loan_form_above_the_poor_household_cap_shows_the_cap_by_the_amount_and_records_nothing(
    browser: Callable[[str], Browser], web_ledger: Ledger
) -> None:
    official, household_id = browser("diachinh"), poor(web_ledger)
    before = web_ledger.log_position()

    response = official.submit("/loans", {**LOAN, "household_id": str(household_id), "amount": "100.000.001"})

    assert response.status_code == 422
    message = "Số tiền vay: không quá 100.000.000 đ"
    why = " (mức tối đa của chương trình cho vay hộ nghèo từ 01/03/2019, không cần tài sản bảo đảm, theo NHCSXH)."
    assert response.context["errors"] == {"amount": message + why}  # type: ignore[attr-defined]
    assert f'<span class="error" role="alert">{message}' in response.text
    assert web_ledger.log_position() == before


def test_a_loan_form_with_a_nul_in_the_note_shows_the_message_by_the_note(
    browser: Callable[[str], Browser], web_ledger: Ledger
) -> None:
    official, household_id = browser("diachinh"), poor(web_ledger)

    response = official.submit(
        "/loans", {**LOAN, "household_id": str(household_id), "amount": "10000000", "note": "Giải ngân\x00"}
    )

    assert response.status_code == 422
    assert "Ghi chú: có ký tự điều khiển hoặc ký tự ẩn ở vị trí 10" in response.text
    assert web_ledger.loans.loan_list() == []


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/loans", {"programme": "poor", "amount": 2**63, "term_months": 12, "effective_on": "2026-11-02"}),
        ("/loan-requests", {"programme": "poor", "amount": 2**63, "purpose": "Mua bò", "effective_on": "2026-11-02"}),
    ],
)
def test_an_api_loan_or_need_of_2_to_the_63_dong_is_answered_422_naming_the_amount_and_records_nothing(
    api: Api, web_ledger: Ledger, path: str, body: dict[str, object]
) -> None:
    household_id = poor(web_ledger)
    before = web_ledger.log_position()

    response = api.post(path, {**body, "household_id": str(household_id)})

    assert response.status_code == 422
    assert "amount" in str(response.json())
    assert web_ledger.log_position() == before
    assert web_ledger.loans.loan_list() == [] and web_ledger.credit.loan_requests() == []


def test_an_api_household_with_a_nul_in_the_head_name_is_answered_422_and_records_nothing(
    api: Api, web_ledger: Ledger
) -> None:
    before = web_ledger.log_position()

    response = api.post("/households", {"hamlet": "Xuân Hà", "head_name": "Lê\x00Văn", "effective_on": "2024-10-01"})

    assert response.status_code == 422
    assert "Họ tên chủ hộ" in str(response.json())
    assert web_ledger.log_position() == before

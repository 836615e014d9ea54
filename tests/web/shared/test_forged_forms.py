"""A form whose hidden record id is missing or forged is answered with a message, never a server error."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from application.ledger import Ledger
from tests.web.browser import Browser


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/loans", {"household_id": "", "programme": "poor", "amount": "10000000", "term_months": "12"}),
        ("/loan-requests", {"household_id": "khong-phai-ma", "programme": "poor", "amount": "1", "purpose": "x"}),
        ("/corrections", {"target_id": "", "target_version": "1", "reason": "x", "evidence": "y"}),
    ],
)
def test_a_form_about_no_valid_record_is_answered_not_found_and_records_nothing(
    browser: Callable[[str], Browser], web_ledger: Ledger, path: str, data: dict[str, str]
) -> None:
    official = browser("chutich")
    before = web_ledger.log_position()

    response = official.submit(path, {**data, "effective_on": "01/11/2026"})

    assert response.status_code == 404
    assert "mã hồ sơ trong biểu mẫu không hợp lệ" in response.text
    assert web_ledger.log_position() == before

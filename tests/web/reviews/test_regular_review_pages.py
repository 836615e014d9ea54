"""The monthly (regular) review: its decision due within 15 days, and the reminder of it in the inbox."""

from __future__ import annotations

from collections.abc import Callable

from tests.web.browser import Browser
from tests.web.paperwork import created_id

REGULAR = {"kind": "regular", "year": "2026", "month": "11", "effective_on": "15/11/2026"}


def test_a_regular_review_shows_the_date_its_decision_is_due(browser: Callable[[str], Browser]) -> None:
    chair = browser("chutich")

    review_id = created_id(chair.submit("/reviews", REGULAR))
    page = chair.client.get(f"/reviews/{review_id}").text

    assert "Rà soát thường xuyên tháng 11/2026" in page
    assert "Hạn quyết định công nhận</dt><dd>30/11/2026" in page


def test_a_regular_review_without_its_month_is_shown_again_with_a_message(browser: Callable[[str], Browser]) -> None:
    response = browser("chutich").submit("/reviews", {**REGULAR, "month": ""})

    assert response.status_code == 422
    assert "Hãy nhập một số nguyên." in response.text


def test_the_chair_is_reminded_of_the_regular_review_decision_with_a_link_to_the_review(
    browser: Callable[[str], Browser],
) -> None:
    chair = browser("chutich")
    review_id = created_id(chair.submit("/reviews", REGULAR))

    chair.submit("/reminders/sweeps", {})
    inbox, home = chair.client.get("/reminders").text, chair.client.get("/").text

    assert "Quyết định kết quả rà soát thường xuyên (trong 15 ngày)" in inbox
    assert f'href="http://testserver/reviews/{review_id}"' in inbox
    assert f"/reviews/{review_id}" in home


def test_the_review_list_shows_each_review_with_its_counts(browser: Callable[[str], Browser]) -> None:
    chair = browser("chutich")
    review_id = created_id(chair.submit("/reviews", REGULAR))

    page = browser("mttq").client.get("/reviews").text

    assert f"/reviews/{review_id}" in page
    assert "Mở đợt rà soát" not in page

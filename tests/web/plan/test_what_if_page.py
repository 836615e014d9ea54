"""Comparing standards: who would change class if the 2027–2030 standard applied to their latest survey."""

from __future__ import annotations

from collections.abc import Callable

from tests.web.browser import Browser
from tests.web.paperwork import register, survey


def test_a_household_above_the_2022_line_but_below_the_2027_line_is_listed_as_changing(
    browser: Callable[[str], Browser],
) -> None:
    official = browser("diachinh")
    survey(official, register(official, "Phạm Thị Hằng"), income="1.800.000")
    survey(official, register(official, "Nguyễn Văn Giàu"), income="4.000.000")

    page = browser("mttq").client.get("/what-if?standard=2027-2030").text

    assert "Phạm Thị Hằng" in page and "Nguyễn Văn Giàu" not in page
    assert "hộ có mức sống trung bình <small>(chuẩn 2022-2025)</small>" in page
    assert "<strong>hộ cận nghèo</strong>" in page
    assert "<strong>1</strong> hộ sẽ đổi loại" in page


def test_an_unknown_standard_is_answered_with_a_message(browser: Callable[[str], Browser]) -> None:
    response = browser("diachinh").client.get("/what-if?standard=2040")

    assert response.status_code == 422
    assert "Không có chuẩn nghèo “2040”." in response.text

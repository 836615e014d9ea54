"""The household lists as pages, files (CSV, XLSX) and JSON, on a day and for a hamlet."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date

from openpyxl import load_workbook

from application.ledger import Ledger
from tests.application.helpers import XUAN_DAI_DONG, escaped_household, poor_household
from tests.web.api_client import Api
from tests.web.browser import Browser


def test_the_poor_list_shows_each_household_with_its_as_of_date_and_log_position(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    poor_household(web_ledger)
    chair = browser("chutich")

    page = chair.client.get("/lists/poor")

    assert page.status_code == 200
    assert page.template.name == "lists/list.html"
    households = page.context["households"]
    assert [row.head_name for row in households.rows] == ["Nguyễn Văn An"]
    assert "Tính đến ngày 28/11/2026" in page.text
    assert f"Lập từ sổ đến bản ghi số {households.stamp.position}, mã băm" in page.text


def test_each_head_of_household_in_a_list_links_to_the_household_page(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    household_id = poor_household(web_ledger)

    page = browser("chutich").client.get("/lists/poor")

    assert f'href="http://testserver/households/{household_id}">Nguyễn Văn An</a>' in page.text


def test_a_list_on_a_past_day_and_for_a_hamlet_shows_only_what_was_in_force_there(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    poor_household(web_ledger, since=date(2024, 1, 10))
    escaped_household(web_ledger, date(2025, 6, 1), hamlet=XUAN_DAI_DONG)
    chair = browser("chutich")

    before = chair.client.get("/lists/poor?as_of=01/01/2024")
    escaped = chair.client.get("/lists/newly_escaped", params={"hamlet": XUAN_DAI_DONG})

    assert [r.hamlet for r in before.context["households"].rows] == [XUAN_DAI_DONG]  # poor since 2022, not yet escaped
    rows = escaped.context["households"].rows
    assert [(r.hamlet, r.escaped_on, r.window_ends_on) for r in rows] == [
        (XUAN_DAI_DONG, date(2025, 6, 1), date(2028, 6, 1))
    ]


def test_a_malformed_day_is_answered_with_a_message_in_vietnamese(browser: Callable[[str], Browser]) -> None:
    page = browser("chutich").client.get("/lists/poor?as_of=31/02/2026")

    assert page.status_code == 422
    assert "không phải ngày hợp lệ" in page.text


def test_the_csv_file_starts_with_the_commune_title_day_and_log_stamp_then_the_columns(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    poor_household(web_ledger)

    response = browser("chutich").client.get("/lists/poor.csv")

    assert response.status_code == 200
    assert response.content.startswith("\ufeff".encode())
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert lines[:3] == [["Xã Hải Hòa"], ["Danh sách hộ nghèo – toàn xã"], ["Tính đến ngày 28/11/2026"]]
    assert lines[3][0].startswith("Lập từ sổ đến bản ghi số ") and ", mã băm " in lines[3][0]
    assert lines[5][:5] == ["STT", "Mã hộ", "Xóm", "Họ tên chủ hộ", "Số CCCD chủ hộ"]
    assert lines[6][3] == "Nguyễn Văn An" and lines[6][9] == "Hộ nghèo" and lines[6][10] == "10/01/2022"
    assert "attachment" in response.headers["content-disposition"]


def test_the_xlsx_file_holds_the_same_rows(web_ledger: Ledger, browser: Callable[[str], Browser]) -> None:
    poor_household(web_ledger)

    response = browser("chutich").client.get("/lists/poor.xlsx?hamlet=Xuân Hà")

    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[1][0] == "Danh sách hộ nghèo – xóm Xuân Hà"
    assert rows[5][3] == "Họ tên chủ hộ" and rows[6][3] == "Nguyễn Văn An"


def test_the_api_returns_the_list_with_its_position_and_masks_ids_for_the_fatherland_front(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    poor_household(web_ledger)

    body = Api(web_ledger, "mttq").get("/lists/poor?as_of=28/11/2026").json()

    assert body["as_of"] == "2026-11-28" and body["position"] > 0 and len(body["head_hash"]) == 64
    assert [row["head_name"] for row in body["rows"]] == ["Nguyễn Văn An"]


def test_an_unknown_list_is_not_found_in_the_api(web_ledger: Ledger) -> None:
    response = Api(web_ledger, "chutich").get("/lists/rich")

    assert response.status_code == 422
    assert "Không có danh sách" in response.json()["detail"]

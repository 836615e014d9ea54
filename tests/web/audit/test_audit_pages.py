"""The Nhật ký page: every filter in the form, CSV and Excel downloads that read back, bad dates refused."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from openpyxl import load_workbook

from application.ledger import Ledger
from tests.web.browser import Browser

FORM_FIELDS = ("actor", "role", "hamlet", "action", "subject", "from", "to", "effective_from", "effective_to")


def households(browser: Callable[[str], Browser]) -> Browser:
    official = browser("diachinh")
    for head in ("Đặng Văn Bình", "Lê Thị Cúc"):
        response = official.submit(
            "/households", {"hamlet": "Xuân Hà", "head_name": head, "area": "rural", "effective_on": "01/10/2024"}
        )
        assert response.status_code == 303, response.text
    return official


def table(rows: list[list[str]]) -> list[dict[str, str]]:
    """The rows under the header line, as dicts; the lines above say what the file was built from."""
    start = next(number for number, row in enumerate(rows) if row and row[0] == "Vị trí")
    return [dict(zip(rows[start], row, strict=False)) for row in rows[start + 1 :]]


def test_the_page_offers_every_filter(browser: Callable[[str], Browser]) -> None:
    page = browser("mttq").client.get("/audit")

    assert page.status_code == 200
    for name in FORM_FIELDS:
        assert f'name="{name}"' in page.text


def test_the_filters_narrow_the_page(browser: Callable[[str], Browser]) -> None:
    households(browser)
    mttq = browser("mttq")

    page = mttq.client.get("/audit", params={"subject": "lê thị", "role": "official", "hamlet": "Xuân Hà"})

    assert page.status_code == 200
    assert "Lê Thị Cúc" in page.text and "Đặng Văn Bình" not in page.text


def test_the_csv_export_opens_in_excel_and_holds_the_filtered_rows(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    households(browser)

    response = browser("mttq").client.get("/audit/export.csv", params={"action": "Household.Registered"})

    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Nhật ký ghi nhận – Sổ giảm nghèo xã Hải Hòa"
    assert any("Hành động: Đăng ký hộ" in line[0] for line in rows[:6] if line)
    assert any("Mã băm" in line[0] for line in rows[:6] if line)
    entries = table(rows)
    assert sorted(entry["Đối tượng"] for entry in entries) == ["Lê Thị Cúc", "Đặng Văn Bình"]
    assert {entry["Ngày hiệu lực"] for entry in entries} == {"01/10/2024"}
    assert {entry["Vai trò"] for entry in entries} == {"Công chức"}


def test_the_xlsx_export_holds_the_same_rows(browser: Callable[[str], Browser]) -> None:
    households(browser)

    response = browser("chutich").client.get("/audit/export.xlsx", params={"subject": "Đặng"})

    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [["" if cell is None else str(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert "từ sổ đến vị trí" in rows[1][0]
    assert [entry["Đối tượng"] for entry in table(rows)] == ["Đặng Văn Bình"]


def test_a_bad_date_is_refused_with_a_vietnamese_message(browser: Callable[[str], Browser]) -> None:
    mttq = browser("mttq")

    page = mttq.client.get("/audit", params={"effective_from": "31/02/2026"})
    export = mttq.client.get("/audit/export.csv", params={"from": "hôm qua"})

    assert page.status_code == 422 and "không phải ngày hợp lệ (dd/mm/yyyy)" in page.text
    assert export.status_code == 422 and "Không lập được tệp" in export.text


def test_the_api_takes_the_same_filters(web_ledger: Ledger, browser: Callable[[str], Browser]) -> None:
    households(browser)
    token = web_ledger.users.issue_token("mttq")

    response = browser("mttq").client.get(
        "/api/v1/audit",
        params={"subject": "cúc", "effective_from": "2024-10-01", "effective_to": "2024-10-01"},
        headers={"Authorization": f"Bearer {token}"},
    )

    assert response.status_code == 200
    assert [row["subject_label"] for row in response.json()] == ["Lê Thị Cúc"]

"""The statutory review reports on screen, as CSV and XLSX, and through the API: figures, as-of day, log position."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from openpyxl import load_workbook

from application.ledger import Ledger
from tests.application.helpers import poor_household, reviewed_request
from tests.web.api_client import Api
from tests.web.browser import Browser


def preamble_and_table(rows: list[list[object]]) -> tuple[list[str], list[object], list[list[object]]]:
    """The title lines above the empty row, the header, and the table's rows (hamlets, then the total)."""
    blank = next(n for n, row in enumerate(rows) if not any(cell not in (None, "") for cell in row))
    return [str(row[0]) for row in rows[:blank]], rows[blank + 1], rows[blank + 2 :]


def test_the_monthly_report_page_shows_the_regular_reviews_results_per_hamlet(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    reviewed_request(web_ledger)

    page = browser("mttq").client.get("/reports/monthly?year=2026&month=11")

    assert page.status_code == 200
    assert "Báo cáo kết quả rà soát thường xuyên hộ nghèo, hộ cận nghèo tháng 11/2026" in page.text
    assert "Số liệu đến ngày 28/11/2026" in page.text
    assert f"lập từ sổ đến bản ghi số {web_ledger.tamper_evidence.log_head().position}" in page.text
    assert "số 215/QĐ-UBND ngày 25/11/2026 (1 hộ)" in page.text
    assert "print.css" in page.text and '/reports/monthly.xlsx?year=2026&amp;month=11"' in page.text


def test_the_monthly_report_downloads_as_csv_and_xlsx_with_its_as_of_day_and_log_position(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    reviewed_request(web_ledger)
    client = browser("chutich").client

    as_csv = client.get("/reports/monthly.csv?year=2026&month=11")
    as_xlsx = client.get("/reports/monthly.xlsx?year=2026&month=11")

    head = web_ledger.tamper_evidence.log_head()
    assert as_csv.content.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM, so Excel reads the diacritics
    assert f"ban-ghi-{head.position}.csv" in as_csv.headers["content-disposition"]
    lines, header, table = preamble_and_table(list(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig")))))
    assert lines[0] == "Ủy ban nhân dân xã Hải Hòa" and "Số liệu đến ngày 28/11/2026 (theo hiệu lực)" in lines
    assert any(f"lập từ sổ đến bản ghi số {head.position}, mã băm {head.hash}" in line for line in lines)
    assert header[:4] == ["STT", "Xóm", "Số hộ được rà soát", "Hộ nghèo phát sinh"]
    [xuan_ha] = [row for row in table if row[1] == "Xuân Hà"]
    assert xuan_ha[2:4] == ["1", "1"]
    assert table[-1][1] == "Tổng cộng" and table[-1][3] == "1"

    sheet = load_workbook(io.BytesIO(as_xlsx.content)).active
    lines, header, table = preamble_and_table([list(row) for row in sheet.iter_rows(values_only=True)])
    assert any(f"lập từ sổ đến bản ghi số {head.position}, mã băm {head.hash}" in line for line in lines)
    assert "Số liệu đến ngày 28/11/2026 (theo hiệu lực)" in lines
    [xuan_ha] = [row for row in table if row[1] == "Xuân Hà"]
    assert xuan_ha[2:4] == [1, 1] and table[-1][1:4] == ["Tổng cộng", 1, 1]


def test_the_annual_summary_downloads_with_its_totals_row_and_rates(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    poor_household(web_ledger)  # Xuân Hà, poor since 2022
    reviewed_request(web_ledger)  # Xuân Hà, newly poor in November 2026

    response = browser("chutich").client.get("/reports/annual.xlsx?year=2026")

    sheet = load_workbook(io.BytesIO(response.content)).active
    lines, header, table = preamble_and_table([list(row) for row in sheet.iter_rows(values_only=True)])
    assert lines[1] == "Tổng hợp kết quả rà soát hộ nghèo, hộ cận nghèo năm 2026"
    assert any("kết quả có hiệu lực đến hết ngày 31/12/2025" in line for line in lines)
    column = {title: n for n, title in enumerate(header)}
    total = table[-1]
    assert total[column["Số hộ nghèo đầu năm"]] == 1 and total[column["Tăng: hộ nghèo phát sinh"]] == 1
    assert total[column["Số hộ nghèo cuối năm"]] == 2 and total[column["Tỷ lệ hộ nghèo cuối năm (%)"]] == 100.0


def test_a_month_that_does_not_exist_is_shown_again_with_a_vietnamese_message(
    browser: Callable[[str], Browser],
) -> None:
    client = browser("chutich").client

    page = client.get("/reports/monthly?year=2026&month=13")
    future = client.get("/reports/monthly?year=2026&month=12")
    file = client.get("/reports/monthly.csv?year=2026&month=abc")

    assert page.status_code == 422 and "Tháng báo cáo phải là số từ 1 đến 12." in page.text
    assert future.status_code == 422 and "Tháng 12/2026 chưa đến" in future.text
    assert file.status_code == 422 and "Không lập được tệp: Tháng báo cáo phải là số từ 1 đến 12." in file.text


def test_the_api_gives_the_reports_per_hamlet_and_refuses_a_month_not_yet_come(web_ledger: Ledger) -> None:
    reviewed_request(web_ledger)
    api = Api(web_ledger, "mttq")

    monthly = api.get("/reports/monthly?year=2026&month=11")
    annual = api.get("/reports/annual?year=2026")
    refused = api.get("/reports/monthly?year=2026&month=12")

    assert monthly.status_code == 200
    body = monthly.json()
    assert body["as_of"] == "2026-11-28" and body["source"]["position"] > 0
    assert [h["newly_poor"] for h in body["hamlets"] if h["hamlet"] == "Xuân Hà"] == [1]
    assert annual.json()["total"]["poor_end"] == 1
    assert refused.status_code == 422 and "chưa đến" in refused.json()["detail"]

"""Uploading a household list: the dry run's report, then the commit; the API does the same."""

from __future__ import annotations

import re
from collections.abc import Callable

from application.ledger import Ledger
from tests.application.lists.test_household_import import GOOD, csv_file
from tests.web.api_client import Api
from tests.web.browser import Browser


def upload(browser: Browser, content: bytes, **data: str):  # type: ignore[no-untyped-def]
    form = {"csrf_token": browser.csrf_token("/imports/households"), **data}
    files = {"file": ("so-ho-ngheo.csv", content, "text/csv")}
    return browser.client.post("/imports/households", data=form, files=files)


def test_an_upload_is_a_dry_run_whose_report_lists_each_faulty_cell(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    chair = browser("chutich")
    before = web_ledger.log_position()

    page = upload(chair, csv_file(GOOD[0], GOOD[1].replace("15/12/2024", "15-12-2024x")))

    assert page.status_code == 200
    report = page.context["report"]
    assert report.dry_run and [(e.row, e.column) for e in report.errors] == [(6, "Ngày công nhận")]
    assert "<td>6</td><td>Ngày công nhận</td>" in page.text
    assert "Chạy thử: chưa ghi gì vào sổ." in page.text
    assert web_ledger.log_position() == before


def test_the_commit_button_records_the_valid_rows_without_a_second_upload(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    chair = browser("chutich")
    dry = upload(chair, csv_file(*GOOD))
    carried = re.search(r'name="content" value="([^"]+)"', dry.text)
    assert carried and 'value="all"' in dry.text

    page = chair.submit(
        "/imports/households", {"file_name": "so-ho-ngheo.csv", "content": carried.group(1), "commit": "all"}
    )

    assert page.status_code == 200 and page.context["report"].committed == 3
    assert {h.head_name for h in web_ledger.households.household_list()} == {
        "Trần Văn Bình",
        "Lê Thị Cúc",
        "Phạm Văn Dũng",
    }


def test_all_or_nothing_with_a_bad_row_records_nothing_and_answers_422(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    chair = browser("chutich")
    before = web_ledger.log_position()

    page = upload(chair, csv_file(GOOD[0], GOOD[2].replace("Xuân Đài Đông", "Xóm Mới")), commit="all")

    assert page.status_code == 422
    assert "Không ghi dòng nào vào sổ." in page.text
    assert web_ledger.log_position() == before


def test_a_file_that_is_not_a_list_is_refused_with_a_message(browser: Callable[[str], Browser]) -> None:
    chair = browser("chutich")
    form = {"csrf_token": chair.csrf_token("/imports/households")}

    page = chair.client.post("/imports/households", data=form, files={"file": ("so.pdf", b"%PDF", "application/pdf")})

    assert page.status_code == 422 and "Chỉ nhận tệp .xlsx hoặc .csv." in page.text


def test_the_fatherland_front_cannot_open_the_import_page(browser: Callable[[str], Browser]) -> None:
    page = browser("mttq").client.get("/imports/households")

    assert page.status_code == 403


def test_the_api_imports_a_multipart_file_as_a_dry_run_then_commits(web_ledger: Ledger) -> None:
    api = Api(web_ledger, "chutich")
    files = {"file": ("so.csv", csv_file(*GOOD), "text/csv")}

    dry = api.client.post("/api/v1/imports/households", files=files, headers=api.headers)
    done = api.client.post("/api/v1/imports/households?commit=valid", files=files, headers=api.headers)

    assert dry.status_code == 200 and dry.json()["dry_run"] and dry.json()["committed"] == 0
    assert done.json()["committed"] == 3 and done.json()["errors"] == []
    assert len(web_ledger.households.household_list()) == 3


def test_the_api_answers_422_with_the_row_errors_when_all_or_nothing_fails(web_ledger: Ledger) -> None:
    api = Api(web_ledger, "chutich")
    files = {"file": ("so.csv", csv_file(GOOD[0].replace("036085001234", "12345")), "text/csv")}

    response = api.client.post("/api/v1/imports/households?commit=all", files=files, headers=api.headers)

    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"row": 5, "column": "Số CCCD chủ hộ", "message": "Số CCCD “12345” phải gồm đúng 12 chữ số."}
    ]

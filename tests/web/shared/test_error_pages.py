"""Pages never answer JSON or a server error (issue 10 §2): an unknown address, a malformed id, a missing or
malformed query parameter, a wrong method and out-of-range years, months and days get a Vietnamese page."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from application.ledger import Ledger
from tests.web.api_client import Api
from tests.web.browser import Browser
from web import home
from web.audit import as_of_pages as as_of
from web.audit import correction_pages as corrections
from web.audit import pages as audit
from web.credit import loan_pages as loans
from web.credit import loan_request_pages as loan_requests
from web.households import member_pages as members
from web.households import pages as households
from web.households import survey_pages as surveys
from web.lists import import_pages as imports
from web.lists import pages as lists
from web.plan import dashboard_pages as dashboard
from web.plan import pages as plans
from web.plan import standards_pages as standards
from web.projects import pages as projects
from web.reminders import obligation_pages as obligations
from web.reminders import pages as reminders
from web.reviews import pages as reviews
from web.reviews import statutory_report_pages as statutory_reports
from web.reviews import step_pages as review_steps
from web.users import pages as users
from web.users import session_pages as session

PAGES = (as_of, audit, corrections, dashboard, households, lists, loan_requests, loans, obligations, plans)
PAGES += (projects, reminders, reviews, standards, statutory_reports, surveys, users, home, imports, members)
PAGES += (review_steps, session)
QUERY_NAMES = ("year", "month", "as_of", "from", "to", "effective_from", "effective_to", "page", "position")
QUERY_NAMES += ("hamlet", "standard", "list", "axis", "q", "standing", "review_id", "all", "everyone")
HOSTILE = ("-575", "0001-01-01", "9999-12-31", "01/01/0001", "²", "9" * 30, "1" * 400, "0", "")
NO_RECORD = "3f2b8c1e-5d4a-4b6e-9c7d-1a2b3c4d5e6f"


def page_addresses(values: dict[str, str]) -> list[str]:
    """Every GET page, its ids in the URL filled from `values`, or with an id no record has."""
    paths = {route.path for module in PAGES for route in module.router.routes if "GET" in route.methods}
    fill = lambda match: values.get(match.group(1), NO_RECORD)  # noqa: E731
    return sorted(re.sub(r"\{(\w+)\}", fill, path) for path in paths)


def error_page(response: Any, status: int) -> str:
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    assert "application/json" not in response.headers["content-type"]
    return str(response.text)


@pytest.fixture
def chair(browser: Callable[[str], Browser]) -> Browser:
    return browser("chutich")


def test_an_unknown_page_is_a_vietnamese_404_page(chair: Browser) -> None:
    text = error_page(chair.client.get("/khong-co-trang-nay"), 404)

    assert "Không tìm thấy trang này." in text and "Về trang chủ" in text


def test_a_malformed_id_in_the_address_is_the_same_404_page(chair: Browser) -> None:
    text = error_page(chair.client.get("/households/not-a-uuid"), 404)

    assert "Không tìm thấy trang này." in text


def test_a_missing_query_parameter_is_named_on_a_vietnamese_page(chair: Browser) -> None:
    text = error_page(chair.client.get("/corrections/new"), 422)

    assert "<code>position</code>: Bắt buộc phải có." in text


def test_a_wrong_method_is_a_vietnamese_405_page_with_the_allowed_ones(chair: Browser) -> None:
    response = chair.client.delete("/households")

    assert "Địa chỉ này không nhận phương thức DELETE." in error_page(response, 405)
    assert "GET" in response.headers["allow"]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/dashboard?year=-227", "Giá trị phải từ 1945 đến 2027."),
        ("/audit?from=0001-01-01", "Ngày phải từ 01/01/1945 đến 31/12/2076."),
        ("/reports/monthly?year=-575", "Năm báo cáo phải là một số từ 1945 đến 2027, ví dụ 2026."),
        ("/reports/monthly?year=²", "Năm báo cáo phải là một số từ 1945 đến 2027, ví dụ 2026."),
        ("/lists/poor?as_of=0001-01-01", "Ngày phải từ 01/01/1945 đến 31/12/2076."),
        ("/as-of/households?as_of=9999-12-31", "Ngày phải từ 01/01/1945 đến 31/12/2076."),
        ("/obligations?to=01/01/0001", "Ngày phải từ 01/01/1945 đến 31/12/2076."),
        ("/plans/99999", "Năm phải từ 1945 đến 2076."),
    ],
)
def test_a_year_or_day_out_of_range_in_a_page_address_is_a_message_on_the_page(
    chair: Browser, path: str, message: str
) -> None:
    assert message in error_page(chair.client.get(path), 422)


def test_a_form_number_written_as_a_superscript_two_is_a_message_by_the_field(
    chair: Browser, web_ledger: Ledger
) -> None:
    before = web_ledger.log_position()

    response = chair.submit("/reviews", {"kind": "regular", "year": "2026", "month": "²"})

    assert "Hãy nhập một số nguyên." in error_page(response, 422)
    assert web_ledger.log_position() == before


@pytest.mark.parametrize("value", HOSTILE)
def test_no_page_answers_a_server_error_or_json_whatever_its_query_holds(
    chair: Browser, web_ledger: Ledger, value: str
) -> None:
    household_id = Api(web_ledger, "diachinh").household()
    query = {name: value for name in QUERY_NAMES}
    for address in page_addresses({"kind": "poor", "year": "2026", "household_id": household_id}):
        response = chair.client.get(address, params=query, follow_redirects=False)
        assert response.status_code < 500, (address, value, response.text[:300])
        kind = response.headers.get("content-type", "")
        assert "json" not in kind, (address, value)


def test_a_fault_of_the_server_is_a_vietnamese_page_that_does_not_claim_anything_was_recorded(
    web_ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    browser = Browser(web_ledger).log_in("chutich")
    browser.client = TestClient(browser.client.app, raise_server_exceptions=False, cookies=browser.client.cookies)
    monkeypatch.setattr(web_ledger.households, "household_list", lambda *args: 1 / 0)

    text = error_page(browser.client.get("/households"), 500)

    assert "Chưa rõ việc vừa gửi đã được ghi hay chưa" in text

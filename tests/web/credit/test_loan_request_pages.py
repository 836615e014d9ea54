"""Loan needs on the web: the form of the household page, the open needs on the loans page, the JSON API."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID

from application.ledger import Ledger
from domain.household import Standing
from tests.application.helpers import actor, entry, register
from tests.web.api_client import Api
from tests.web.browser import Browser

NEED = {"programme": "poor", "amount": "40.000.000", "purpose": "Mua bò giống", "effective_on": "02/03/2026"}


def poor(ledger: Ledger) -> UUID:
    household_id = register(ledger, by="chutich", head_name="Lê Văn Tám")
    ledger.households.recognise_household(
        actor(ledger, "chutich"), household_id, Standing.POOR, entry(date(2025, 12, 15))
    )
    return household_id


def test_the_household_page_records_a_need_which_the_loans_page_lists_until_a_loan_meets_it(
    browser: Callable[[str], Browser], web_ledger: Ledger
) -> None:
    official, household_id = browser("diachinh"), poor(web_ledger)
    assert "Ghi nhận nhu cầu vay vốn" in official.client.get(f"/households/{household_id}").text

    response = official.submit("/loan-requests", {**NEED, "household_id": str(household_id)})

    assert response.status_code == 303, response.text
    page = official.client.get(response.headers["location"])
    assert "Đã ghi nhận nhu cầu vay vốn." in page.text and "40.000.000 đ" in page.text
    assert "Mua bò giống" in official.client.get("/loans").text
    [request] = web_ledger.credit.loan_requests()
    assert request.request_id.hex in official.client.get(f"/loans/new?household_id={household_id}").text.replace(
        "-", ""
    )
    loan = {"household_id": str(household_id), "programme": "poor", "amount": "40000000", "term_months": "60"}
    granted = official.submit("/loans", {**loan, "request_id": str(request.request_id), "effective_on": "01/04/2026"})
    assert granted.status_code == 303, granted.text
    assert web_ledger.credit.loan_request(request.request_id).status == "met"
    assert "Không có nhu cầu vay nào đang chờ." in official.client.get("/loans").text


def test_a_need_with_a_bad_amount_is_shown_again_with_a_message_and_records_nothing(
    browser: Callable[[str], Browser], web_ledger: Ledger
) -> None:
    official, household_id = browser("diachinh"), poor(web_ledger)
    before = web_ledger.log_position()

    response = official.submit("/loan-requests", {**NEED, "household_id": str(household_id), "amount": "0"})

    assert response.status_code == 422
    assert "Giá trị tối thiểu là 1." in response.text and "Mua bò giống" in response.text
    assert web_ledger.log_position() == before


def test_the_need_of_a_household_that_is_not_poor_is_refused_with_the_reason(
    browser: Callable[[str], Browser], web_ledger: Ledger
) -> None:
    official = browser("diachinh")
    household_id = register(web_ledger, by="chutich")

    response = official.submit("/loan-requests", {**NEED, "household_id": str(household_id)})

    assert response.status_code == 409
    assert "Ngày 02/03/2026 hộ không phải hộ nghèo" in response.text
    assert web_ledger.credit.loan_requests() == []


def test_a_need_is_withdrawn_on_its_page_with_a_reason(browser: Callable[[str], Browser], web_ledger: Ledger) -> None:
    official, household_id = browser("diachinh"), poor(web_ledger)
    location = official.submit("/loan-requests", {**NEED, "household_id": str(household_id)}).headers["location"]
    request_id = UUID(location.rsplit("/", 1)[1])

    missing = official.submit(f"/loan-requests/{request_id}/withdrawal", {"effective_on": "03/03/2026"})
    withdrawn = official.submit(
        f"/loan-requests/{request_id}/withdrawal", {"reason": "Hộ không còn nhu cầu", "effective_on": "03/03/2026"}
    )

    assert (missing.status_code, withdrawn.status_code) == (422, 303)
    assert "Hãy ghi lý do rút nhu cầu vay." in missing.text
    assert web_ledger.credit.loan_request(request_id).status == "withdrawn"


def test_needs_through_the_api_are_recorded_listed_and_a_bad_amount_refused(web_ledger: Ledger) -> None:
    api, household_id = Api(web_ledger, "diachinh"), str(poor(web_ledger))
    body = {"household_id": household_id, "programme": "poor", "amount": 30_000_000, "purpose": "Trồng nấm"}

    created = api.post("/loan-requests", {**body, "effective_on": "2026-03-02"})
    bad = api.post("/loan-requests", {**body, "amount": 0, "effective_on": "2026-03-02"})
    listed = api.get("/loan-requests?year=2026&status=open")

    assert (created.status_code, bad.status_code, listed.status_code) == (201, 422, 200)
    [need] = listed.json()
    assert (need["id"], need["amount"], need["purpose"], need["status"]) == (
        created.json()["id"],
        30_000_000,
        "Trồng nấm",
        "open",
    )
    assert len(web_ledger.credit.loan_requests()) == 1

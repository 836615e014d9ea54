from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from application.ledger import Ledger
from tests.web.api_client import Api
from tests.web.browser import Browser
from web.app import create_app


@pytest.fixture
def api(web_ledger: Ledger) -> Api:
    return Api(web_ledger, "diachinh")


def test_a_household_registered_through_the_api_can_be_read_back(api: Api) -> None:
    household_id = api.household()

    response = api.get(f"/households/{household_id}")

    assert response.status_code == 200
    assert response.json()["head_name"] == "Phạm Văn Sáu"
    assert response.json()["standing"] == "unlisted"


def test_recognition_escape_and_relapse_through_the_api_appear_in_the_history(api: Api) -> None:
    household_id = api.household()
    basis = {"number": "125/QĐ-UBND", "issued_on": "2024-12-15", "issuer": "Chủ tịch UBND xã"}

    statuses = [
        api.post(
            f"/households/{household_id}/recognitions",
            {"standing": "poor", "effective_on": "2024-12-15", "basis": basis},
        ).status_code,
        api.post(
            f"/households/{household_id}/escapes", {"from_standing": "poor", "effective_on": "2025-12-14"}
        ).status_code,
        api.post(f"/households/{household_id}/relapses", {"into": "poor", "effective_on": "2026-06-01"}).status_code,
    ]
    history = api.get(f"/households/{household_id}/history").json()

    assert statuses == [201, 201, 201]
    assert [entry["action"] for entry in history] == [
        "Household.Registered",
        "Household.RecognisedPoor",
        "Household.EscapedPoverty",
        "Household.FellBackIntoPoverty",
    ]
    assert history[1]["basis_number"] == "125/QĐ-UBND"


def test_a_refused_transition_is_a_409_with_a_message_and_records_nothing(api: Api, web_ledger: Ledger) -> None:
    household_id = api.household()
    before = web_ledger.log_position()

    response = api.post(f"/households/{household_id}/escapes", {"from_standing": "poor", "effective_on": "2025-01-01"})

    assert response.status_code == 409
    assert "không phải hộ nghèo" in response.json()["detail"]
    assert web_ledger.log_position() == before


def test_bad_input_is_a_422_with_a_message_and_records_nothing(api: Api, web_ledger: Ledger) -> None:
    before = web_ledger.log_position()

    response = api.post("/households", {"hamlet": "Xuân Hà", "head_name": "", "effective_on": "not a date"})

    assert response.status_code == 422
    assert "effective_on" in response.json()["detail"]
    assert web_ledger.log_position() == before


def test_a_hamlet_outside_the_commune_is_a_422_naming_the_field(api: Api) -> None:
    response = api.post("/households", {"hamlet": "Xóm Không Có", "head_name": "A", "effective_on": "2024-10-01"})

    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["hamlet"]


def test_acting_outside_ones_hamlets_is_a_403(api: Api, web_ledger: Ledger) -> None:
    other = Api(web_ledger, "vanhoa").household("Xuân Đài Đông")

    response = api.post(f"/households/{other}/recognitions", {"standing": "poor", "effective_on": "2024-12-15"})

    assert response.status_code == 403


def test_an_unknown_household_is_a_404(api: Api) -> None:
    response = api.get("/households/00000000-0000-0000-0000-000000000000")

    assert response.status_code == 404


def test_the_api_needs_a_token_or_a_session(web_ledger: Ledger) -> None:
    response = TestClient(create_app(web_ledger)).get("/api/v1/reminders")

    assert response.status_code == 401


def test_a_session_write_without_the_csrf_header_is_refused(web_ledger: Ledger) -> None:
    browser = Browser(web_ledger).log_in("diachinh")

    response = browser.client.post(
        "/api/v1/households", json={"hamlet": "Xuân Hà", "head_name": "A", "effective_on": "2024-10-01"}
    )

    assert response.status_code == 403


def test_a_loan_and_a_project_through_the_api(api: Api, web_ledger: Ledger) -> None:
    household_id = api.household()
    api.post(f"/households/{household_id}/recognitions", {"standing": "poor", "effective_on": "2024-12-15"})

    loan = api.post(
        "/loans",
        {
            "household_id": household_id,
            "programme": "poor",
            "amount": 50_000_000,
            "term_months": 60,
            "effective_on": "2025-01-10",
        },
    )
    project = api.post(
        "/projects",
        {
            "name": "Nuôi gà thả vườn",
            "component": "project_2",
            "household_ids": [household_id],
            "effective_on": "2025-01-05",
        },
    ).json()["id"]
    approval = api.post(
        f"/projects/{project}/approval",
        {
            "approver": "Chủ tịch UBND xã",
            "starts_on": "2025-02-01",
            "duration_months": 24,
            "effective_on": "2025-01-20",
        },
    )
    too_long = api.post(
        "/projects",
        {
            "name": "Dự án dài",
            "component": "project_3_sub_1",
            "household_ids": [household_id],
            "effective_on": "2025-01-05",
        },
    ).json()["id"]
    refused = api.post(
        f"/projects/{too_long}/approval",
        {
            "approver": "Chủ tịch UBND xã",
            "starts_on": "2025-02-01",
            "duration_months": 37,
            "effective_on": "2025-01-20",
        },
    )
    review = api.post(f"/projects/{project}/review", {"results": "Đạt", "effective_on": "2026-11-01"})

    assert (loan.status_code, approval.status_code, review.status_code) == (201, 201, 201)
    assert refused.status_code == 409
    assert "36 tháng" in refused.json()["detail"]


def test_an_ineligible_loan_is_refused_naming_the_reason(api: Api) -> None:
    household_id = api.household()

    response = api.post(
        "/loans",
        {
            "household_id": household_id,
            "programme": "poor",
            "amount": 50_000_000,
            "term_months": 60,
            "effective_on": "2025-01-10",
        },
    )

    assert response.status_code == 409
    assert "không phải hộ nghèo" in response.json()["detail"]


def test_reminders_are_listed_and_acknowledged_through_the_api(api: Api, web_ledger: Ledger) -> None:
    household_id = api.household()
    api.post(f"/households/{household_id}/recognitions", {"standing": "poor", "effective_on": "2023-01-10"})
    api.post(f"/households/{household_id}/escapes", {"from_standing": "poor", "effective_on": "2023-12-14"})
    web_ledger.reminders.sweep()

    reminders = api.get("/reminders").json()
    acknowledged = api.post(f"/reminders/{reminders[0]['id']}/acknowledgement", {"note": "Đã rà soát"})

    assert [r["notice_on"] for r in reminders] == ["2026-11-14", "2026-09-15"]
    assert acknowledged.status_code == 201
    assert len(api.get("/reminders").json()) == 1


def test_the_audit_log_filters_by_official_and_action(api: Api) -> None:
    household_id = api.household()
    api.post(f"/households/{household_id}/recognitions", {"standing": "poor", "effective_on": "2024-12-15"})

    entries = api.get("/audit?official=diachinh&action=Household.RecognisedPoor").json()

    assert [(e["actor"], e["action"]) for e in entries] == [("diachinh", "Household.RecognisedPoor")]


def test_the_openapi_document_lists_the_api(web_ledger: Ledger) -> None:
    paths = TestClient(create_app(web_ledger)).get("/openapi.json").json()["paths"]

    assert "/api/v1/households/{household_id}/escapes" in paths
    assert "/api/v1/reminders/{reminder_id}/acknowledgement" in paths

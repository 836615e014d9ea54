"""Members, surveys, average-living income and requests through the JSON API."""

from __future__ import annotations

import pytest

from application.ledger import Ledger
from tests.web.api_client import ENTERED, Api

NEWBORN = {"full_name": "Phạm Thị Na", "relation": "con", "sex": "female", "born_on": "2026-03-03"}


@pytest.fixture
def api(web_ledger: Ledger) -> Api:
    return Api(web_ledger, "diachinh")


def test_a_member_added_through_the_api_is_read_back_with_her_id_and_facts(api: Api) -> None:
    household_id = api.household()

    response = api.post(
        f"/households/{household_id}/members",
        {"person": {**NEWBORN, "health_insurance": True}, "change": "birth", "effective_on": "2026-03-10"},
    )
    members = api.get(f"/households/{household_id}").json()["members"]

    assert response.status_code == 201
    assert [m["full_name"] for m in members] == ["Phạm Văn Sáu", "Vũ Thị Bảy", "Phạm Thị Na"]
    assert members[2]["born_on"] == "2026-03-03" and members[2]["health_insurance"] is True


def test_a_member_is_updated_and_removed_by_id(api: Api) -> None:
    household_id = api.household()
    wife = api.get(f"/households/{household_id}").json()["members"][1]["id"]
    updated = {
        "person": {"full_name": "Vũ Thị Bảy", "relation": "vợ", "birth_year": 1980},
        "effective_on": "2026-11-01",
    }

    statuses = [
        api.put(f"/households/{household_id}/members/{wife}", updated).status_code,
        api.delete(
            f"/households/{household_id}/members/{wife}", {"change": "migration", "effective_on": "2026-11-02"}
        ).status_code,
    ]

    assert statuses == [200, 200]
    assert [m["full_name"] for m in api.get(f"/households/{household_id}").json()["members"]] == ["Phạm Văn Sáu"]


def test_a_survey_through_the_api_is_read_back_with_its_twelve_indicators_and_class(api: Api) -> None:
    household_id = api.household()
    entered = {**ENTERED, "employment": True, "telecom": True, "water_source": True}
    body = {"reviewer": "Lê Thị Rà", "income_per_capita_monthly": 1_200_000, "entered": entered}

    response = api.post(f"/households/{household_id}/surveys", {**body, "effective_on": "2026-11-02"})
    survey = api.get(f"/households/{household_id}/surveys/latest").json()

    assert response.status_code == 201
    assert len(survey["indicators"]) == 12 and survey["deprived_count"] == 3
    assert survey["provisional_class"] == "poor"
    assert survey["standard_version"] == "2022-2025" and survey["standard_basis"]["number"] == "07/2021/NĐ-CP"


def test_a_survey_without_income_is_refused_with_422(api: Api, web_ledger: Ledger) -> None:
    household_id = api.household()
    before = web_ledger.log_position()

    response = api.post(
        f"/households/{household_id}/surveys",
        {"reviewer": "Lê Thị Rà", "entered": ENTERED, "effective_on": "2026-11-02"},
    )

    assert response.status_code == 422
    assert web_ledger.log_position() == before


def test_a_household_never_surveyed_has_no_latest_survey(api: Api) -> None:
    response = api.get(f"/households/{api.household()}/surveys/latest")

    assert response.status_code == 404
    assert response.json()["detail"] == "Hộ chưa được khảo sát."


def test_average_living_income_and_a_request_are_recorded_through_the_api(api: Api) -> None:
    household_id = api.household()
    income = {"occupation": "fishery", "income_12_months": 48_000_000, "social_allowances": 2_400_000}
    request = {"form": "form_04", "reason": "Đã có việc làm", "channel": "online"}

    statuses = [
        api.post(f"/households/{household_id}/average-living", {**income, "effective_on": "2026-11-02"}).status_code,
        api.post(f"/households/{household_id}/requests", {**request, "effective_on": "2026-11-02"}).status_code,
    ]

    assert statuses == [201, 201]
    details = [entry["details"] for entry in api.get(f"/households/{household_id}/history").json()]
    assert any("thuộc diện hỗ trợ đóng BHYT" in d for d in details)
    assert any("Đã có việc làm (trực tuyến)" in d for d in details)


def test_the_openapi_document_lists_the_review_and_survey_endpoints(api: Api) -> None:
    paths = api.client.get("/openapi.json").json()["paths"]

    assert "/api/v1/reviews/{review_id}/complaints/{complaint_id}/recheck" in paths
    assert set(paths["/api/v1/households/{household_id}/members/{member_id}"]) == {"put", "delete"}
    assert "/api/v1/what-if" in paths

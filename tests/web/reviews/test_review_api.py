"""The review through the JSON API: opening, the steps, the decision, and the what-if of another standard."""

from __future__ import annotations

from typing import Any

import pytest

from application.ledger import Ledger
from tests.web.api_client import ENTERED, Api

DECISION_BASIS = {"number": "125/QĐ-UBND", "issued_on": "2026-10-28", "issuer": "Chủ tịch UBND xã"}


@pytest.fixture
def chair(web_ledger: Ledger) -> Api:
    return Api(web_ledger, "chutich")


@pytest.fixture
def official(web_ledger: Ledger) -> Api:
    return Api(web_ledger, "diachinh")


def near_poor_household(api: Api) -> str:
    household_id = api.household()
    response = api.post(
        f"/households/{household_id}/recognitions", {"standing": "near_poor", "effective_on": "2024-12-15"}
    )
    assert response.status_code == 201, response.text
    return household_id


def opened(chair: Api) -> str:
    response = chair.post("/reviews", {"kind": "periodic", "year": 2026, "effective_on": "2026-10-01"})
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def surveyed(official: Api, review_id: str, household_id: str, income: int = 2_000_000) -> None:
    body = {"reviewer": "Lê Thị Rà", "income_per_capita_monthly": income, "entered": ENTERED}
    response = official.post(
        f"/households/{household_id}/surveys", {**body, "review_id": review_id, "effective_on": "2026-10-05"}
    )
    assert response.status_code == 201, response.text


def step(api: Api, review_id: str, path: str, body: dict[str, Any]) -> Any:
    return api.post(f"/reviews/{review_id}/{path}", body)


def test_the_chair_opens_a_review_which_lists_the_near_poor_household(chair: Api, official: Api) -> None:
    household_id = near_poor_household(official)

    review_id = opened(chair)
    review = chair.get(f"/reviews/{review_id}").json()

    assert [c["household_id"] for c in review["candidates"]] == [household_id]
    assert review["candidates"][0]["next_step"] == "survey"
    assert chair.get("/reviews").json()[0]["households_count"] == 1


def test_an_official_cannot_open_a_review(official: Api, web_ledger: Ledger) -> None:
    before = web_ledger.log_position()

    response = official.post("/reviews", {"kind": "periodic", "year": 2026, "effective_on": "2026-10-01"})

    assert response.status_code == 403
    assert web_ledger.log_position() == before


def test_posting_before_a_valid_meeting_is_a_conflict(chair: Api, official: Api, web_ledger: Ledger) -> None:
    household_id = near_poor_household(official)
    review_id = opened(chair)
    surveyed(official, review_id, household_id)
    meeting = {"hamlet": "Xuân Hà", "chaired_by": "Trưởng xóm", "attendees": 30, "agreements": {household_id: 40}}
    assert step(official, review_id, "meetings", {**meeting, "effective_on": "2026-10-10"}).status_code == 201
    before = web_ledger.log_position()

    response = step(official, review_id, "postings", {"hamlet": "Xuân Hà", "effective_on": "2026-10-12"})

    assert response.status_code == 409
    assert "chưa được họp dân đồng ý từ 50%" in response.json()["detail"]
    assert web_ledger.log_position() == before


@pytest.mark.parametrize(
    "body",
    [
        {"hamlet": "Xuân Hà", "chaired_by": "Trưởng xóm", "attendees": 30, "agreements": {}},
        {"hamlet": "Xuân Hà", "chaired_by": "Trưởng xóm", "attendees": 0, "agreements": {"x": 60}},
        {"hamlet": "Xuân Hà", "chaired_by": "", "attendees": 30},
    ],
)
def test_a_meeting_with_bad_input_is_refused_with_422(chair: Api, official: Api, body: dict[str, Any]) -> None:
    review_id = opened(chair)

    response = step(official, review_id, "meetings", {**body, "effective_on": "2026-10-10"})

    assert response.status_code == 422
    assert response.json()["detail"].startswith("Dữ liệu không hợp lệ")


def test_a_decision_needs_its_number(chair: Api) -> None:
    review_id = opened(chair)

    response = step(chair, review_id, "decisions", {"effective_on": "2026-10-28"})

    assert response.status_code == 422


def test_the_whole_review_through_the_api_ends_in_a_decision_with_its_outcome(chair: Api, official: Api) -> None:
    household_id = near_poor_household(official)
    review_id = opened(chair)
    surveyed(official, review_id, household_id)
    meeting = {"hamlet": "Xuân Hà", "chaired_by": "Trưởng xóm", "attendees": 30, "agreements": {household_id: 75}}
    statuses = [
        step(official, review_id, "meetings", {**meeting, "effective_on": "2026-10-10"}).status_code,
        step(official, review_id, "postings", {"hamlet": "Xuân Hà", "effective_on": "2026-10-16"}).status_code,
    ]
    complaint = {"household_id": household_id, "complainant": "Ông Bình", "content": "Chưa đúng thu nhập"}
    statuses.append(step(official, review_id, "complaints", {**complaint, "effective_on": "2026-10-19"}).status_code)
    (complaint_id,) = official.get(f"/reviews/{review_id}").json()["candidates"][0]["open_complaints"]
    recheck = {"household_id": household_id, "outcome": "Đúng như khảo sát", "effective_on": "2026-10-21"}
    statuses.append(step(official, review_id, f"complaints/{complaint_id}/recheck", recheck).status_code)

    decision = step(chair, review_id, "decisions", {"basis": DECISION_BASIS, "effective_on": "2026-10-28"})
    review = chair.get(f"/reviews/{review_id}").json()

    assert statuses == [201, 201, 201, 201] and decision.status_code == 201
    assert review["postings"] == [{"hamlet": "Xuân Hà", "starts_on": "2026-10-16", "ends_on": "2026-10-20"}]
    assert review["decisions"][0]["number"] == "125/QĐ-UBND"
    assert review["decisions"][0]["outcomes"][0]["change"] == "escaped_near_poverty"
    assert official.get(f"/households/{household_id}").json()["standing"] == "escaped_near_poverty"


def test_a_written_refusal_answers_a_household_listed_by_its_request(chair: Api, official: Api) -> None:
    household_id = official.household()
    request = {"form": "form_01", "reason": "Khó khăn", "channel": "post", "effective_on": "2026-09-20"}
    assert official.post(f"/households/{household_id}/requests", request).status_code == 201
    review_id = opened(chair)
    refusal = {"household_id": household_id, "reasons": "Thu nhập cao", "effective_on": "2026-10-20"}

    response = step(chair, review_id, "refusals", refusal)

    assert response.status_code == 201
    assert chair.get(f"/reviews/{review_id}").json()["refusals"] == {household_id: "Thu nhập cao"}


def test_a_household_whose_request_came_after_the_opening_is_added_by_its_form(chair: Api, official: Api) -> None:
    review_id = opened(chair)
    household_id = official.household()
    official.post(
        f"/households/{household_id}/requests",
        {"form": "form_01", "reason": "Ốm đau", "channel": "direct", "effective_on": "2026-11-02"},
    )

    response = step(official, review_id, "households", {"household_id": household_id, "effective_on": "2026-11-02"})

    assert response.status_code == 201
    assert chair.get(f"/reviews/{review_id}").json()["candidates"][0]["listing_basis"] == "form_01"


def test_a_household_neither_listed_nor_asking_cannot_be_added_to_a_review(chair: Api, official: Api) -> None:
    review_id = opened(chair)
    household_id = official.household()

    response = step(official, review_id, "households", {"household_id": household_id, "effective_on": "2026-11-02"})

    assert response.status_code == 422
    assert "chưa có giấy đề nghị" in response.json()["detail"]


def test_the_what_if_lists_each_surveyed_household_under_the_other_standard(official: Api) -> None:
    household_id = official.household()
    body = {"reviewer": "Lê Thị Rà", "income_per_capita_monthly": 1_800_000, "entered": ENTERED}
    official.post(f"/households/{household_id}/surveys", {**body, "effective_on": "2026-11-02"})

    rows = official.get("/what-if?standard=2027-2030").json()

    assert rows[0]["current_class"] == "average_living" and rows[0]["what_if_class"] == "near_poor"
    assert rows[0]["changes"] is True

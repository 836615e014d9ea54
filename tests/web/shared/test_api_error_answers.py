"""Every refusal of the API has the one declared shape, in Vietnamese (issue 10 §2), and years, months and
days out of range are refused with 422 instead of the 500 they used to answer (§1)."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient

from application.ledger import Ledger
from tests.web.api_client import Api
from web.app import create_app
from web.shared.api_errors import ApiError
from web.shared.validation_messages import vietnamese

ONE_OF = "Phải là một trong các giá trị:"
OWN = "Hãy nhập thu nhập bình quân."
# The English pydantic and Starlette put in their messages; none may reach an official.
ENGLISH = re.compile(r"\b(Field required|Input should|should|valid|Not Found|Method Not Allowed|error parsing)\b")


@pytest.fixture
def api(web_ledger: Ledger) -> Api:
    return Api(web_ledger, "chutich")


def refusal(response: Any, status: int) -> ApiError:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = ApiError.model_validate(response.json())
    assert set(response.json()) == {"detail", "errors"}
    assert not ENGLISH.search(response.text), response.text
    return body


def messages(body: ApiError) -> dict[str, str]:
    return {error.field: error.message for error in body.errors}


def test_a_household_without_its_required_fields_is_a_422_naming_each_field_in_vietnamese(api: Api) -> None:
    body = refusal(api.post("/households", {"members": []}), 422)

    assert messages(body) == {name: "Bắt buộc phải có." for name in ("effective_on", "hamlet", "head_name")}
    assert body.detail.startswith("Dữ liệu không hợp lệ: ")


def test_a_malformed_date_and_a_limit_above_its_bound_are_explained_in_vietnamese(api: Api) -> None:
    malformed = refusal(api.get("/audit?from=28-11-2026x"), 422)
    too_many = refusal(api.get("/audit?limit=5001"), 422)

    assert messages(malformed) == {"from": "Phải là một ngày hợp lệ theo dạng yyyy-mm-dd (ví dụ 2026-11-28)."}
    assert messages(too_many) == {"limit": "Phải nhỏ hơn hoặc bằng 5000."}


def test_a_superscript_two_is_not_a_number(api: Api) -> None:
    body = refusal(api.get("/audit?limit=²"), 422)

    assert messages(body) == {"limit": "Phải là một số nguyên."}


def test_a_body_that_is_not_json_is_a_422_in_vietnamese(api: Api) -> None:
    response = api.client.post("/api/v1/households", content=b"\xff{", headers=api.headers)

    assert messages(refusal(response, 422)) == {"body": "Phải là một đối tượng JSON."}


@pytest.mark.parametrize(
    ("path", "field", "message"),
    [
        ("/loan-requests?year=-575", "year", "Năm phải từ 1945 đến 2027."),
        ("/dashboard?year=-227", "year", "Năm phải từ 1945 đến 2027."),
        ("/audit?from=0001-01-01", "from", "Ngày phải từ 01/01/1945 đến 31/12/2076."),
        ("/audit?effective_to=9999-12-31", "effective_to", "Ngày phải từ 01/01/1945 đến 31/12/2076."),
        ("/reports/monthly?year=2026&month=13", "month", "Tháng phải từ 1 đến 12."),
        ("/reports/annual?year=99999", "year", "Năm phải từ 1945 đến 2027."),
        ("/obligations?to=0001-01-01", "to", "Ngày phải từ 01/01/1945 đến 31/12/2076."),
        ("/as-of/households?as_of=0001-01-01", "as_of", "Ngày phải từ 01/01/1945 đến 31/12/2076."),
        ("/lists/poor?as_of=9999-12-31", "as_of", "Ngày phải từ 01/01/1945 đến 31/12/2076."),
        ("/plans/-5", "year", "Năm phải từ 1945 đến 2076."),
    ],
)
def test_a_year_month_or_day_out_of_range_is_a_422_not_a_server_error(
    api: Api, path: str, field: str, message: str
) -> None:
    assert messages(refusal(api.get(path), 422)) == {field: message}


def test_the_range_follows_the_configured_earliest_day(web_ledger: Ledger) -> None:
    web_ledger.settings.earliest_day = date(2000, 1, 1)
    api = Api(web_ledger, "chutich")

    assert messages(refusal(api.get("/dashboard?year=1999"), 422)) == {"year": "Năm phải từ 2000 đến 2027."}
    assert api.get("/dashboard?year=2000").status_code == 200


def test_a_refusal_of_the_ledger_has_the_same_shape_with_no_field(api: Api) -> None:
    household_id = api.household()

    escape = {"from_standing": "poor", "effective_on": "2025-01-01"}

    body = refusal(api.post(f"/households/{household_id}/escapes", escape), 409)

    assert body.errors == [] and "không phải hộ nghèo" in body.detail


def test_no_token_an_unknown_address_and_a_wrong_method_answer_the_same_shape(api: Api) -> None:
    assert refusal(api.client.get("/api/v1/reviews"), 401).detail == "Chưa đăng nhập."
    assert refusal(api.get("/nothing-here"), 404).detail.startswith("Không tìm thấy trang này.")
    wrong = api.client.delete("/api/v1/reviews", headers=api.headers)
    assert refusal(wrong, 405).detail == "Địa chỉ này không nhận phương thức DELETE."
    assert wrong.headers["allow"]


def test_every_operation_declares_the_error_shape_for_401_403_404_409_and_422(web_ledger: Ledger) -> None:
    document = create_app(web_ledger).openapi()
    shape = {"$ref": "#/components/schemas/ApiError"}

    operations = [operation for path in document["paths"].values() for operation in path.values()]

    assert len(operations) >= 50
    for operation in operations:
        for status in ("401", "403", "404", "409", "422"):
            assert operation["responses"][status]["content"]["application/json"]["schema"] == shape
    assert "HTTPValidationError" not in document["components"]["schemas"]


@pytest.mark.parametrize(
    ("error", "message"),
    [
        ({"type": "missing"}, "Bắt buộc phải có."),
        ({"type": "int_parsing"}, "Phải là một số nguyên."),
        ({"type": "date_from_datetime_parsing", "ctx": {"error": "input is too short"}}, "Phải là một ngày hợp lệ"),
        ({"type": "less_than_equal", "ctx": {"le": 5000}}, "Phải nhỏ hơn hoặc bằng 5000."),
        ({"type": "greater_than_equal", "ctx": {"ge": 1}}, "Phải lớn hơn hoặc bằng 1."),
        ({"type": "string_too_long", "ctx": {"max_length": 100}}, "Không được quá 100 ký tự."),
        ({"type": "uuid_parsing", "ctx": {"error": "invalid character"}}, "Phải là một mã UUID hợp lệ"),
        ({"type": "enum", "ctx": {"expected": "'poor' or 'near_poor'"}}, f"{ONE_OF} 'poor' hoặc 'near_poor'."),
        ({"type": "literal_error", "ctx": {"expected": "'rural' or 'urban'"}}, f"{ONE_OF} 'rural' hoặc 'urban'."),
        ({"type": "json_invalid", "ctx": {"error": "EOF while parsing"}}, "Nội dung JSON không hợp lệ."),
        ({"type": "value_error", "ctx": {"error": ValueError(OWN)}}, OWN),
        ({"type": "value_error", "ctx": {"error": ValueError("bad thing")}}, "Giá trị không hợp lệ."),
        ({"type": "a_type_pydantic_adds_next_year"}, "Giá trị không hợp lệ."),
        ({"type": "less_than_equal"}, "Giá trị không hợp lệ."),
    ],
)
def test_each_kind_of_pydantic_error_reads_in_vietnamese(error: dict[str, Any], message: str) -> None:
    assert vietnamese(error).startswith(message)


def test_a_refusal_quoting_a_lone_surrogate_is_still_a_422_in_the_declared_shape(api: Api) -> None:
    plan = {"year": 2026, "number": "45/KH-UBND", "effective_on": "2026-01-15"}
    sent = {**plan, "assignments": [{"hamlet": "Xuân Hà", "username": "diac\ud800hinh"}]}
    headers = {**api.headers, "content-type": "application/json"}

    response = api.client.post("/api/v1/plans", content=json.dumps(sent).encode(), headers=headers)

    assert "diac\ufffdhinh" in refusal(response, 422).detail


def test_a_fault_of_the_server_answers_the_same_shape_in_vietnamese(
    web_ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = Api(web_ledger, "chutich")
    client = TestClient(create_app(web_ledger), raise_server_exceptions=False)
    monkeypatch.setattr(web_ledger.review_records, "review_list", lambda *args: 1 / 0)

    body = refusal(client.get("/api/v1/reviews", headers=api.headers), 500)

    assert body.detail.startswith("Máy chủ gặp lỗi khi xử lý yêu cầu.")

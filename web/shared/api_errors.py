"""The one shape of every refusal the API gives (issue 10 §2), and its status codes in the OpenAPI document.

A client reads `detail` to show one line, and `errors` to put each message beside its field; the same shape
comes from a request that does not fit the schema (422), a refusal of the ledger (403, 404, 409, 422) and
an HTTP error (400, 401, 404, 405).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class FieldError(BaseModel):
    field: str = Field(description="Trường bị từ chối, ví dụ `members.0.full_name`; trống nếu không gắn với trường")
    message: str = Field(description="Lý do, bằng tiếng Việt")


class ApiError(BaseModel):
    """Vì sao yêu cầu không được thực hiện."""

    detail: str = Field(description="Một dòng tóm tắt, bằng tiếng Việt")
    errors: list[FieldError] = Field(default_factory=list, description="Lỗi theo từng trường (có thể rỗng)")


def api_error(detail: str, errors: dict[str, str] | None = None) -> dict[str, Any]:
    fields = [FieldError(field=name, message=message) for name, message in (errors or {}).items()]
    return ApiError(detail=detail, errors=fields).model_dump()


def described(description: str) -> dict[str, Any]:
    return {"model": ApiError, "description": description}


# Declared on every API router: each operation may meet any of them (a token, a role, a hamlet's scope,
# a record not found, a record changed meanwhile or a refused transition, input the ledger refuses).
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: described("Nội dung yêu cầu không đọc được"),
    401: described("Thiếu hoặc sai mã truy cập"),
    403: described("Vai trò hoặc phạm vi thôn không cho phép"),
    404: described("Không tìm thấy hồ sơ"),
    409: described("Xung đột: hồ sơ đã thay đổi, hoặc việc này không làm được ở trạng thái hiện tại"),
    422: described("Dữ liệu không hợp lệ"),
    503: described("Đã ghi vào sổ nhưng sổ tổng hợp đang dừng, chưa hiển thị được"),
}

"""Every refusal answered in one place: JSON of the declared shape on the API, a Vietnamese page elsewhere.

A page never answers JSON (issue 10 §2): an unknown address, a malformed id in the URL, a missing or
malformed query parameter or a method the address does not take gets templates/error.html with its status.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response

from application.core.errors import InvalidInputError
from domain.acts import DomainError
from web.shared.api_errors import api_error
from web.shared.dependencies import CsrfError, LoginRequiredError, session_actor
from web.shared.outcome import failure_status
from web.shared.templating import render
from web.shared.validation_messages import vietnamese

INVALID = "Dữ liệu không hợp lệ"
SERVER_ERROR = (
    "Máy chủ gặp lỗi khi xử lý yêu cầu. Chưa rõ việc vừa gửi đã được ghi hay chưa: hãy xem lại hồ sơ trước khi "
    "gửi lại, và báo cho người quản trị nếu lỗi còn lặp lại."
)
NO_SUCH_PAGE = "Không tìm thấy trang này. Có thể địa chỉ đã gõ sai, hoặc mã hồ sơ trong địa chỉ không đúng."
# Starlette's and FastAPI's own messages, which never reach an official in English.
HTTP_MESSAGES = {
    400: "Nội dung yêu cầu không đọc được (không phải JSON hoặc biểu mẫu hợp lệ).",
    401: "Chưa đăng nhập.",
    403: "Không được phép.",
    404: NO_SUCH_PAGE,
    405: "Địa chỉ này không nhận phương thức {method}.",
    413: "Nội dung gửi lên quá lớn.",
    415: "Kiểu nội dung gửi lên không được hỗ trợ.",
}


# A refusal may quote what was sent; a lone surrogate in it cannot be encoded as UTF-8 (a 500 instead of the
# refusal), so it is shown as the replacement character.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def add_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(LoginRequiredError, login_required)
    app.add_exception_handler(CsrfError, csrf_refused)
    app.add_exception_handler(DomainError, refused)
    app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(HTTPException, http_error)
    app.add_exception_handler(Exception, server_error)


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def login_required(request: Request, error: Exception) -> Response:
    return RedirectResponse(request.url_for("login"), status_code=303)


def csrf_refused(request: Request, error: Exception) -> Response:
    message = "Biểu mẫu không hợp lệ hoặc phiên làm việc đã hết hạn. Hãy tải lại trang và gửi lại."
    return answer(request, 403, message)


def refused(request: Request, error: Exception) -> Response:
    assert isinstance(error, DomainError)
    errors = error.errors if isinstance(error, InvalidInputError) else {}
    return answer(request, failure_status(error), error.message, errors)


def invalid_request(request: Request, error: Exception) -> Response:
    """Pydantic's refusal, each message in Vietnamese; on a page, a malformed id in the URL is no such page."""
    assert isinstance(error, RequestValidationError)
    problems = error.errors()
    if not is_api(request) and any(problem["loc"][:1] == ("path",) for problem in problems):
        return answer(request, 404, NO_SUCH_PAGE)
    errors = {field_of(problem["loc"]): vietnamese(problem) for problem in problems}
    detail = f"{INVALID}: " + "; ".join(f"{field}: {message}" for field, message in errors.items())
    return answer(request, 422, detail, errors)


def field_of(location: tuple[Any, ...]) -> str:
    """`("body", "members", 0, "full_name")` → `members.0.full_name`; the whole body is `body`."""
    return ".".join(str(part) for part in location[1:]) or str(location[0] if location else "")


def http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    return answer(request, error.status_code, http_message(request, error), headers=error.headers)


def http_message(request: Request, error: HTTPException) -> str:
    """Our own details are Vietnamese already; the framework's English ones are replaced by status."""
    own = isinstance(error.detail, str) and any(ord(character) > 127 for character in error.detail)
    if own:
        return str(error.detail)
    return HTTP_MESSAGES.get(error.status_code, "Không thực hiện được yêu cầu.").format(method=request.method)


def answer(
    request: Request,
    status: int,
    detail: str,
    errors: Mapping[str, str] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Response:
    detail, errors = printable(detail), {printable(field): printable(text) for field, text in (errors or {}).items()}
    if is_api(request):
        return JSONResponse(api_error(detail, errors), status_code=status, headers=headers)
    if getattr(request.state, "actor", None) is None:  # so the header still offers the way back
        request.state.actor = session_actor(request, request.app.state.ledger)
    context = {"message": detail, "details": errors, "status": status}
    response = render(request, "error.html", context, status_code=status)
    response.headers.update(headers or {})
    return response


def server_error(request: Request, error: Exception) -> Response:
    """A fault of ours, never of the official; the write may or may not be recorded, so say so (issue 10 §1)."""
    try:
        return answer(request, 500, SERVER_ERROR)
    except Exception:  # the page itself needs the ledger: fall back to the bare sentence
        return PlainTextResponse(SERVER_ERROR, status_code=500)


def printable(text: str) -> str:
    return LONE_SURROGATE.sub("\ufffd", text)

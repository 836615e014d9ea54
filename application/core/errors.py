"""Errors the use cases raise, mapped by the web layer to pages and status codes."""

from __future__ import annotations

from domain.errors import DomainError
from domain.errors import InvalidInputError as InvalidInputError  # raised by the domain's bounds too


class NotFoundError(DomainError):
    """No such household, loan, project, reminder or user."""


class ConflictError(DomainError):
    """Someone else changed the record since the form was opened."""


class ReadModelsBehindError(DomainError):
    """The record is in the log, but the read models stalled before applying it (application/readmodels/stalls.py)."""


NOT_YET_SHOWN = (
    "Hồ sơ này đã được ghi vào sổ, nhưng các bảng đọc đang dừng trước khi áp dụng nó;"
    " trang này sẽ hiện khi lỗi được khắc phục."
)


"""Errors the use cases raise, mapped by the web layer to pages and status codes."""

from __future__ import annotations

from domain.acts import DomainError


class NotFoundError(DomainError):
    """No such household, loan, project, reminder or user."""


class ConflictError(DomainError):
    """Someone else changed the record since the form was opened."""


class InvalidInputError(DomainError):
    """Input that fails validation, with a message per field."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors

"""Errors the use cases raise, mapped by the web layer to pages and status codes."""

from __future__ import annotations

from domain.errors import DomainError
from domain.errors import InvalidInputError as InvalidInputError  # raised by the domain's bounds too


class NotFoundError(DomainError):
    """No such household, loan, project, reminder or user."""


class ConflictError(DomainError):
    """Someone else changed the record since the form was opened."""


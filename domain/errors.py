"""Refusals explained to the official in Vietnamese: the base, bad input, and bad input per field."""

from __future__ import annotations


class DomainError(Exception):
    """A refusal explained to the official in Vietnamese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class IncompleteEntryError(DomainError):
    """What the official entered is missing or malformed (answered as bad input, not as a refusal)."""


class InvalidInputError(IncompleteEntryError):
    """Input that fails validation, with a message per field (answered 422, shown next to the field)."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(errors.values()))
        self.errors = errors

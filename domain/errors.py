"""Refusals explained to the official in Vietnamese: the base, bad input, and bad input per field."""

from __future__ import annotations


class DomainError(Exception):
    """A refusal explained to the official in Vietnamese."""

    def __init__(self, message: str) -> None:
        message = encodable(message)
        super().__init__(message)
        self.message = message


def encodable(text: str) -> str:
    """A message may quote what was typed: a lone surrogate in it could not be sent as UTF-8, so it is shown
    as U+FFFD instead of turning the refusal into a server error."""
    return "".join("\ufffd" if 0xD800 <= ord(char) <= 0xDFFF else char for char in str(text))


class IncompleteEntryError(DomainError):
    """What the official entered is missing or malformed (answered as bad input, not as a refusal)."""


class InvalidInputError(IncompleteEntryError):
    """Input that fails validation, with a message per field (answered 422, shown next to the field)."""

    def __init__(self, errors: dict[str, str]) -> None:
        errors = {encodable(field): encodable(message) for field, message in errors.items()}
        super().__init__("; ".join(errors.values()))
        self.errors = errors

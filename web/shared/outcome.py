"""Turning a use case's refusal into the status code and messages a form page shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Request
from starlette.responses import RedirectResponse

from application.core.errors import ConflictError, InvalidInputError, NotFoundError, ReadModelsBehindError
from domain.acts import DomainError, IncompleteEntryError
from domain.user import NotAllowedError
from web.shared.forms import FormReader
from web.shared.templating import flash

FORM_ERROR = "_form"


def failure_status(error: DomainError) -> int:
    """403 not allowed, 404 unknown, 422 bad input, 409 a conflict or a refused transition, 503 not yet shown."""
    for kind, status in (
        (NotAllowedError, 403),
        (NotFoundError, 404),
        (InvalidInputError, 422),
        (IncompleteEntryError, 422),
        (ConflictError, 409),
        (ReadModelsBehindError, 503),  # saved in the log, not yet shown: the read models stalled (issue 10 §1)
    ):
        if isinstance(error, kind):
            return status
    return 409


def attempt(reader: FormReader, action: Callable[[], Any]) -> tuple[dict[str, str], int] | None:
    """Runs the use case if the form is valid; returns the errors and status if anything refused it."""
    if reader.errors:
        return reader.errors, 422
    try:
        action()
    except InvalidInputError as error:
        return error.errors, 422
    except DomainError as error:
        return {FORM_ERROR: error.message}, failure_status(error)
    return None


def redirect_after_post(request: Request, message: str, route: str, **params: Any) -> RedirectResponse:
    flash(request, message)
    return RedirectResponse(request.url_for(route, **params), status_code=303)

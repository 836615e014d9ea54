"""A signed-in official in a browser: real HTTP requests through the app, forms with their CSRF token."""

from __future__ import annotations

import re
import uuid
from typing import Any

from fastapi.testclient import TestClient

from application.ledger import Ledger
from tests.conftest import PASSWORD
from web.app import create_app


class Browser:
    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.client = TestClient(create_app(ledger))

    def csrf_token(self, path: str = "/login") -> str:
        match = re.search(r'name="csrf_token" value="([^"]+)"', self.client.get(path).text)
        assert match, f"no CSRF token on {path}"
        return match.group(1)

    def log_in(self, username: str, password: str = PASSWORD) -> Browser:
        response = self.client.post(
            "/login",
            data={"username": username, "password": password, "csrf_token": self.csrf_token()},
            follow_redirects=False,
        )
        assert response.status_code == 303, response.text
        return self

    def submit(self, path: str, data: dict[str, Any], command_id: str | None = None, **options: Any) -> Any:
        """Posts a form as the page would: with the session's CSRF token and a fresh form id."""
        form = {"csrf_token": self.csrf_token("/"), "command_id": command_id or str(uuid.uuid4()), **data}
        return self.client.post(path, data=form, follow_redirects=False, **options)

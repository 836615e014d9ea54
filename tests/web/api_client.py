"""A script calling the JSON API with a personal bearer token."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from application.ledger import Ledger
from domain.indicators import Indicator
from web.app import create_app

# Every indicator entered by the reviewer, none deprived: a survey that needs no member facts.
ENTERED = {indicator.value: False for indicator in Indicator}


class Api:
    def __init__(self, ledger: Ledger, username: str) -> None:
        self.client = TestClient(create_app(ledger))
        self.headers = {"Authorization": f"Bearer {ledger.users.issue_token(username)}"}

    def post(self, path: str, body: dict[str, Any]) -> Any:
        return self.client.post(f"/api/v1{path}", json=body, headers=self.headers)

    def put(self, path: str, body: dict[str, Any]) -> Any:
        return self.client.put(f"/api/v1{path}", json=body, headers=self.headers)

    def delete(self, path: str, body: dict[str, Any]) -> Any:
        return self.client.request("DELETE", f"/api/v1{path}", json=body, headers=self.headers)

    def get(self, path: str) -> Any:
        return self.client.get(f"/api/v1{path}", headers=self.headers)

    def household(self, hamlet: str = "Xuân Hà", head_name: str = "Phạm Văn Sáu") -> str:
        response = self.post(
            "/households",
            {
                "hamlet": hamlet,
                "head_name": head_name,
                "effective_on": "2020-01-06",  # before every decision the tests record
                "members": [{"full_name": "Vũ Thị Bảy", "relation": "vợ"}],
            },
        )
        assert response.status_code == 201, response.text
        return str(response.json()["id"])

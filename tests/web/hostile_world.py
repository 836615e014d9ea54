"""The commune a hostile request acts on: households, a review, projects, reminders, corrections, made
through the API with valid requests, and the sending of a (mutated) request as the chair would."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

from fastapi.testclient import TestClient

from application.ledger import Ledger
from tests.web.api_client import ENTERED
from tests.web.hostile_requests import Call
from tests.web.hostile_wire import Answer, csv_content, query_string, raised_by_the_app
from web.app import create_app

HAMLET = "Xuân Hà"
DECISION_BASIS = {"number": "125/QĐ-UBND", "issued_on": "2026-10-28", "issuer": "Chủ tịch UBND xã"}


class World:
    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.client = TestClient(create_app(ledger))
        self.tokens = {name: ledger.users.issue_token(name) for name in ("chutich", "phochutich", "diachinh")}
        self.reminders: list[str] = []
        self._review: str | None = None
        self.poisoned = False  # once an event is stored unapplied, every later request would be noise

    def send(self, call: Call) -> Answer:
        """The request as sent over the wire; a server exception is a 500 naming the exception."""
        headers = {"Authorization": f"Bearer {self.tokens[call.as_user]}"}
        request: dict[str, Any] = {"headers": headers}
        if call.route.startswith("/imports/"):
            request["files"] = {"file": ("so-ho.csv", csv_content(call.body), "text/csv")}
        else:
            content = call.raw if call.raw is not None else json.dumps(call.body, ensure_ascii=True)
            request["content"] = content.encode("utf-8", "surrogatepass")
            headers["Content-Type"] = "application/json"
        try:
            response = self.client.request(call.method, f"/api/v1{call.path()}{query_string(call.query)}", **request)
        except Exception as error:  # noqa: BLE001 — the finding is the exception itself
            if not raised_by_the_app(error):
                raise  # the test's own client could not send it: a defect of the test, not a finding
            return Answer(500, f"{type(error).__name__}: {error}"[:300])
        return Answer(response.status_code, response.text[:300])

    def made(self, method: str, route: str, body: Any, **params: str) -> str:
        answer = self.send(Call(method, route, params, body))
        assert 200 <= answer.status < 300, f"{method} {route}: {answer.text}"
        return str(json.loads(answer.text)["id"])

    def household(self, standing: str | None = None, head_name: str = "Phạm Văn Sáu") -> str:
        body = {"hamlet": HAMLET, "head_name": head_name, "effective_on": "2022-01-05"}
        household = self.made("POST", "/households", {**body, "members": [{"full_name": "Vũ Thị Bảy"}]})
        if standing:
            body = {"standing": standing, "effective_on": "2023-01-10"}
            self.made("POST", "/households/{household_id}/recognitions", body, household_id=household)
        return household

    def escaped(self) -> str:
        household = self.household("poor")
        body = {"from_standing": "poor", "effective_on": "2023-12-14"}
        self.made("POST", "/households/{household_id}/escapes", body, household_id=household)
        return household

    def member(self, household: str) -> str:
        found = self.client.get(f"/api/v1/households/{household}", headers=self.bearer())
        return str(found.json()["members"][0]["id"])

    def bearer(self, user: str = "chutich") -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[user]}"}

    def project(self, approved: bool = False) -> str:
        body = {"name": "Nuôi gà", "component": "project_2", "household_ids": [self.household()]}
        project = self.made("POST", "/projects", {**body, "effective_on": "2025-01-05"})
        if approved:
            body = {"approver": "Chủ tịch UBND xã", "starts_on": "2025-02-01", "duration_months": 24}
            route = "/projects/{project_id}/approval"
            self.made("POST", route, {**body, "effective_on": "2025-01-20"}, project_id=project)
        return project

    def review(self) -> str:
        if self._review is None:
            body = {"kind": "periodic", "year": 2026, "effective_on": "2026-10-01"}
            self._review = self.made("POST", "/reviews", body)
        return self._review

    def listed(self, surveyed: bool = True) -> str:
        """A near-poor household listed in the review, surveyed for it."""
        review = self.review()
        household = self.household("near_poor")
        body = {"household_id": household, "effective_on": "2026-10-02"}
        self.made("POST", "/reviews/{review_id}/households", body, review_id=review)
        if surveyed:
            body = {"reviewer": "Lê Thị Rà", "income_per_capita_monthly": 2_000_000, "entered": ENTERED}
            body |= {"review_id": review, "effective_on": "2026-10-05"}
            self.made("POST", "/households/{household_id}/surveys", body, household_id=household)
        return household

    def applicant(self, form: str = "form_01") -> str:
        """A household whose written request came after the review opened."""
        self.review()
        household = self.household()
        body = {"form": form, "reason": "Khó khăn", "channel": "post", "effective_on": "2026-10-03"}
        self.made("POST", "/households/{household_id}/requests", body, household_id=household)
        return household

    def listed_applicant(self) -> str:
        household = self.applicant()
        body = {"household_id": household, "effective_on": "2026-10-04"}
        self.made("POST", "/reviews/{review_id}/households", body, review_id=self.review())
        return household

    def met(self) -> str:
        household = self.listed()
        body = {"hamlet": HAMLET, "chaired_by": "Trưởng xóm", "attendees": 42, "agreements": {household: 80}}
        route = "/reviews/{review_id}/meetings"
        self.made("POST", route, {**body, "effective_on": "2026-10-10"}, review_id=self.review())
        return household

    def posted(self) -> str:
        household = self.met()
        body = {"hamlet": HAMLET, "effective_on": "2026-10-16"}
        self.made("POST", "/reviews/{review_id}/postings", body, review_id=self.review())
        return household

    def complaint(self) -> tuple[str, str]:
        household = self.posted()
        body = {"household_id": household, "complainant": "Ông Bình", "content": "Hộ có xe máy mới"}
        route = "/reviews/{review_id}/complaints"
        self.made("POST", route, {**body, "effective_on": "2026-10-19"}, review_id=self.review())
        review = self.client.get(f"/api/v1/reviews/{self.review()}", headers=self.bearer()).json()
        [candidate] = [c for c in review["candidates"] if c["household_id"] == household]
        return household, str(candidate["open_complaints"][0])

    def reminder(self) -> str:
        """An unacknowledged reminder; a pool is swept for at once, because a sweep is slow."""
        if not self.reminders:
            for _ in range(6):
                self.escaped()
            self.ledger.reminders.sweep()
            listed = self.client.get("/api/v1/reminders", headers=self.bearer("diachinh")).json()
            self.reminders = [str(r["id"]) for r in listed]
        return self.reminders.pop() if len(self.reminders) > 1 else self.reminders[0]

    def escape_version(self, household: str) -> int:
        [entry] = [e for e in self.ledger.audit.timeline(UUID(household)) if e.action == "Household.EscapedPoverty"]
        return self.ledger.corrections.correction_target_at(entry.position).target.event_version

    def correction(self) -> str:
        household = self.escaped()
        body = correction_body(household, self.escape_version(household))
        answer = self.send(Call("POST", "/corrections", {}, body, as_user="phochutich"))
        assert answer.status == 201, answer.text
        return str(json.loads(answer.text)["id"])

    def loan_request(self) -> str:
        body = {"household_id": self.household("poor"), "programme": "poor", "amount": 30_000_000}
        return self.made("POST", "/loan-requests", {**body, "purpose": "Mua bò", "effective_on": "2025-03-01"})


def correction_body(household: str, version: int) -> dict[str, Any]:
    return {
        "target_id": household,
        "target_version": version,
        "effective_on": "2024-02-15",
        "reason": "Nhập nhầm ngày quyết định",
        "evidence": "Quyết định 31/QĐ-UBND ngày 15/02/2024",
    }

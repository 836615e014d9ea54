"""Issue 10 §4: sign-in throttled per username and per address; unknown names neither grow the log nor answer faster."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from typing import Any

import pytest
from argon2 import PasswordHasher
from fastapi.testclient import TestClient

from application.core.settings import Settings
from application.ledger import Ledger
from tests.conftest import PASSWORD, FixedClock, seed_users
from web.app import create_app


@pytest.fixture
def commune(clock: FixedClock) -> Iterator[Ledger]:
    """Five failures per username (the default), eight per address, within 15 minutes; locked for 10 minutes."""
    settings = Settings(
        database="memory:",
        secret_key="test-secret",
        audit_key="test-audit-key",
        password_hashing="CHEAPEST",
        sign_in_max_failures_per_address=8,
        sign_in_lockout_minutes=10,
    )
    ledger = Ledger(settings, clock=clock)
    seed_users(ledger)
    yield ledger
    ledger.close()


def visitor(ledger: Ledger, address: str = "10.0.0.1") -> TestClient:
    return TestClient(create_app(ledger), client=(address, 50000))


def attempt(client: TestClient, username: str, password: str) -> Any:
    page = client.get("/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token
    form = {"username": username, "password": password, "csrf_token": token.group(1)}
    return client.post("/login", data=form, follow_redirects=False)


def test_five_wrong_passwords_lock_the_username_and_the_wait_is_shown_in_vietnamese(commune: Ledger) -> None:
    client = visitor(commune)
    for _ in range(5):
        assert attempt(client, "diachinh", "doan-sai-mai").status_code == 401

    refused = attempt(visitor(commune, "10.0.0.9"), "diachinh", PASSWORD)  # the right password, elsewhere

    assert refused.status_code == 429
    assert "Hãy thử lại sau 10 phút" in refused.text
    assert refused.headers["retry-after"] == "600"


def test_the_username_signs_in_again_once_the_lockout_has_passed(commune: Ledger, clock: FixedClock) -> None:
    client = visitor(commune)
    for _ in range(5):
        attempt(client, "diachinh", "doan-sai-mai")

    clock.now += timedelta(minutes=4)
    assert "Hãy thử lại sau 6 phút" in attempt(client, "diachinh", PASSWORD).text
    clock.now += timedelta(minutes=6)

    assert attempt(client, "diachinh", PASSWORD).status_code == 303


def test_failures_from_one_address_lock_that_address_whatever_the_username(commune: Ledger) -> None:
    client = visitor(commune)
    for number in range(8):
        attempt(client, f"khongco{number}", "doan-sai-mai")

    assert attempt(client, "vanhoa", PASSWORD).status_code == 429
    assert attempt(visitor(commune, "10.0.0.2"), "vanhoa", PASSWORD).status_code == 303


def test_failed_sign_ins_of_unknown_usernames_are_not_recorded_in_the_log(commune: Ledger) -> None:
    before = commune.log_position()

    for number in range(40):
        attempt(visitor(commune, f"10.0.1.{number}"), f"ten-doan-{number}", "doan-sai-mai")

    assert commune.log_position() == before


def test_a_known_users_failures_are_recorded_but_cannot_flood_the_log(commune: Ledger) -> None:
    before = commune.log_position()

    for number in range(30):
        attempt(visitor(commune, f"10.0.2.{number}"), "diachinh", "doan-sai-mai")

    assert commune.log_position() - before == commune.settings.sign_in_max_failures


@pytest.fixture
def verifications(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every argon2 verification, by the hash it checked against."""
    checked: list[str] = []
    verify: Callable[..., bool] = PasswordHasher.verify

    def spy(self: PasswordHasher, hash: str, password: str) -> bool:
        checked.append(hash)
        return verify(self, hash, password)

    monkeypatch.setattr(PasswordHasher, "verify", spy)
    return checked


def test_an_unknown_username_costs_the_same_password_check_as_a_known_one(
    commune: Ledger, verifications: list[str]
) -> None:
    attempt(visitor(commune), "diachinh", "doan-sai-mai")
    attempt(visitor(commune), "khong-co-ai", "doan-sai-mai")

    known, unknown = verifications
    assert known.startswith("$argon2") and unknown.startswith("$argon2") and known != unknown


def test_a_locked_username_is_refused_without_any_password_check(commune: Ledger, verifications: list[str]) -> None:
    client = visitor(commune)
    for _ in range(5):
        attempt(client, "diachinh", "doan-sai-mai")
    verifications.clear()

    attempt(client, "diachinh", PASSWORD)
    attempt(client, "diachinh", "doan-sai-mai")

    assert verifications == []

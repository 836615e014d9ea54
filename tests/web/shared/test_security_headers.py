"""Issue 10 §5: security headers on every response, and forms or cookie writes from another site refused."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from application.core.settings import Settings
from application.ledger import Ledger
from tests.conftest import FixedClock, seed_users
from tests.web.browser import Browser
from web.app import create_app
from web.shared.security import CONTENT_SECURITY_POLICY

TEMPLATES = Path(__file__).parents[3] / "web" / "templates"


def assert_secured(response: object) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert "server" not in headers


def test_pages_the_api_static_files_redirects_and_errors_all_carry_the_headers(web_ledger: Ledger) -> None:
    browser = Browser(web_ledger).log_in("diachinh")
    token = web_ledger.users.issue_token("diachinh")

    responses = [
        browser.client.get("/"),
        browser.client.get("/login"),
        browser.client.get("/static/style.css"),
        browser.client.get("/trang-khong-co"),
        browser.client.get("/api/v1/reminders", headers={"Authorization": f"Bearer {token}"}),
        browser.client.get("/api/v1/reminders", headers={"Authorization": "Bearer sai"}),
        TestClient(create_app(web_ledger)).get("/households", follow_redirects=False),
    ]

    assert {r.status_code for r in responses} >= {200, 303, 401, 404}
    for response in responses:
        assert_secured(response)


def test_a_server_error_carries_the_headers_too(web_ledger: Ledger, monkeypatch: pytest.MonkeyPatch) -> None:
    browser = Browser(web_ledger).log_in("diachinh")
    monkeypatch.setattr(web_ledger.inbox, "unacknowledged_count", lambda *_: 1 // 0)
    client = TestClient(browser.client.app, raise_server_exceptions=False, cookies=browser.client.cookies)

    response = client.get("/")

    assert response.status_code == 500
    assert_secured(response)


def test_strict_transport_security_is_sent_only_when_cookies_are_secure(clock: FixedClock) -> None:
    settings = Settings(database="memory:", secret_key="s", audit_key="a", password_hashing="CHEAPEST")
    plain, secure = Ledger(settings, clock=clock), Ledger(settings.model_copy(update={"secure_cookies": True}))
    try:
        assert "strict-transport-security" not in TestClient(create_app(plain)).get("/login").headers
        hsts = TestClient(create_app(secure), base_url="https://testserver").get("/login").headers
        assert hsts["strict-transport-security"].startswith("max-age=31536000")
    finally:
        plain.close()
        secure.close()


def test_no_template_has_inline_script_style_or_event_handlers() -> None:
    inline = re.compile(r"<script(?![^>]*\bsrc=)|<style|\sstyle=|\son[a-z]+=", re.IGNORECASE)
    pages = {path.name: path.read_text() for path in TEMPLATES.rglob("*.html")}

    found = [f"{name}: {match.group()}" for name, text in pages.items() for match in inline.finditer(text)]

    assert found == []


def test_a_form_posted_from_another_sites_page_is_refused_in_vietnamese(web_ledger: Ledger) -> None:
    browser = Browser(web_ledger).log_in("diachinh")

    response = browser.submit("/logout", {}, headers={"Origin": "https://ke-gian.example"})

    assert response.status_code == 403
    assert "gửi từ một trang web khác" in response.text
    assert browser.client.get("/", follow_redirects=False).status_code == 200  # still signed in
    assert_secured(response)


def test_a_cookie_api_write_with_a_foreign_referer_is_refused_with_json(web_ledger: Ledger) -> None:
    browser = Browser(web_ledger).log_in("diachinh")
    headers = {"X-CSRF-Token": browser.csrf_token("/"), "Referer": "http://ke-gian.example/trang"}

    response = browser.client.post("/api/v1/households", json={}, headers=headers)

    assert response.status_code == 403
    assert "trang web khác" in response.json()["detail"] and response.json()["errors"] == []


@pytest.mark.parametrize("origin", ["null", "http://testserver.ke-gian.example", "https://testserver"])
def test_an_origin_not_exactly_the_apps_own_is_refused(web_ledger: Ledger, origin: str) -> None:
    browser = Browser(web_ledger).log_in("diachinh")

    assert browser.submit("/logout", {}, headers={"Origin": origin}).status_code == 403


def test_the_apps_own_origin_or_a_request_without_origin_and_referer_passes(web_ledger: Ledger) -> None:
    own, bare = Browser(web_ledger).log_in("diachinh"), Browser(web_ledger).log_in("diachinh")

    assert own.submit("/logout", {}, headers={"Origin": "http://testserver"}).status_code == 303
    assert bare.submit("/logout", {}).status_code == 303  # not a browser: no cookie to ride, the CSRF token holds


def test_a_bearer_token_call_is_exempt_from_the_origin_check(web_ledger: Ledger) -> None:
    token = web_ledger.users.issue_token("diachinh")
    headers = {"Authorization": f"Bearer {token}", "Origin": "https://script.example"}

    response = TestClient(create_app(web_ledger)).post("/api/v1/households", json={}, headers=headers)

    assert response.status_code == 422  # reached the API, which found the body incomplete


@pytest.fixture
def proxied(clock: FixedClock) -> Iterator[Ledger]:
    settings = Settings(
        database="memory:",
        secret_key="s",
        audit_key="a",
        password_hashing="CHEAPEST",
        allowed_origins=["https://giamngheo.haihoa.gov.vn/"],
    )
    ledger = Ledger(settings, clock=clock)
    seed_users(ledger)
    yield ledger
    ledger.close()


def test_a_configured_origin_is_allowed(proxied: Ledger) -> None:
    browser = Browser(proxied).log_in("diachinh")

    response = browser.submit("/logout", {}, headers={"Origin": "https://giamngheo.haihoa.gov.vn"})

    assert response.status_code == 303

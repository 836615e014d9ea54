"""Issue 10 §4: a session lives on the server; logout, a new password, a role change or a deactivation end it."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient

from application.ledger import Ledger
from application.users.sessions import session_digest
from tests.conftest import FixedClock
from tests.web.browser import Browser


def copy_of(browser: Browser) -> TestClient:
    """Another client holding the same cookie, as someone who captured it would."""
    thief = TestClient(browser.client.app)
    thief.cookies.set("giamngheo", browser.client.cookies["giamngheo"])
    return thief


def signed_in(client: TestClient) -> bool:
    return client.get("/", follow_redirects=False).status_code == 200


def test_a_cookie_copied_before_logout_neither_reads_nor_writes_afterwards(web_ledger: Ledger) -> None:
    browser = Browser(web_ledger).log_in("diachinh")
    thief = copy_of(browser)
    assert signed_in(thief)
    token = browser.csrf_token("/")

    browser.submit("/logout", {})

    assert not signed_in(thief)
    api = thief.get("/api/v1/reminders")
    write = thief.post("/api/v1/households", json={"hamlet": "Xuân Hà"}, headers={"X-CSRF-Token": token})
    assert api.status_code == 401 and write.status_code == 401


def test_only_the_digest_of_the_session_id_is_stored(web_ledger: Ledger) -> None:
    session_id = web_ledger.sessions.start_session("diachinh")

    with web_ledger.views.database.reading() as cursor:
        rows = cursor.all("SELECT * FROM web_sessions")

    assert [row["session_hash"] for row in rows] == [session_digest(session_id)]
    assert session_id not in str(rows) and web_ledger.sessions.session_username(session_id) == "diachinh"


def test_a_session_ends_on_the_server_after_the_configured_hours(web_ledger: Ledger, clock: FixedClock) -> None:
    browser = Browser(web_ledger).log_in("diachinh")

    clock.now += timedelta(hours=web_ledger.settings.session_hours, seconds=1)

    assert not signed_in(browser.client)


def test_signing_in_again_replaces_the_session_the_browser_had(web_ledger: Ledger) -> None:
    browser = Browser(web_ledger).log_in("diachinh")
    before = copy_of(browser)

    browser.log_in("diachinh")

    assert signed_in(browser.client) and not signed_in(before)
    assert web_ledger.sessions.open_sessions("diachinh") == 1


def test_changing_ones_own_password_ends_the_other_sessions_and_keeps_this_one(web_ledger: Ledger) -> None:
    office, phone = Browser(web_ledger).log_in("vanhoa"), Browser(web_ledger).log_in("vanhoa")
    new = "la-ban-xanh-ngoai-dong"

    response = office.submit(
        "/account/password",
        {"old_password": "mat-khau-thu", "new_password": new, "new_password_again": new},
    )

    assert response.status_code == 303
    assert signed_in(office.client) and not signed_in(phone.client)


@pytest.mark.parametrize("act", ["role", "revocation", "password", "deactivation"])
def test_the_chairs_change_of_an_account_ends_its_sessions(web_ledger: Ledger, act: str) -> None:
    official = Browser(web_ledger).log_in("vanhoa")
    chair = Browser(web_ledger).log_in("chutich")
    form = {"effective_on": "28/11/2026", "role": "vice_chair", "new_password": "cay-lua-tren-dong"}

    response = chair.submit(f"/users/vanhoa/{act}", form)

    assert response.status_code == 303, response.text
    assert not signed_in(official.client) and signed_in(chair.client)


def test_assigning_other_hamlets_keeps_the_session_and_takes_effect_at_the_next_request(web_ledger: Ledger) -> None:
    official = Browser(web_ledger).log_in("vanhoa")
    chair = Browser(web_ledger).log_in("chutich")

    chair.submit("/users/vanhoa/hamlets", {"effective_on": "28/11/2026", "hamlets": ["Tân Hùng"]})

    assert "xóm Tân Hùng" in official.client.get("/").text

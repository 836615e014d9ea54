from __future__ import annotations

from application.ledger import Ledger
from tests.web.browser import Browser


def test_a_page_without_signing_in_redirects_to_the_login_page(web_ledger: Ledger) -> None:
    response = Browser(web_ledger).client.get("/households", follow_redirects=False)

    assert response.status_code == 303
    assert response.headers["location"].endswith("/login")


def test_signing_in_with_the_right_password_opens_the_start_page(web_ledger: Ledger) -> None:
    browser = Browser(web_ledger).log_in("diachinh")

    page = browser.client.get("/")

    assert page.status_code == 200
    assert "Công chức Địa chính" in page.text


def test_a_wrong_password_is_refused_with_a_message(web_ledger: Ledger) -> None:
    browser = Browser(web_ledger)

    response = browser.client.post(
        "/login", data={"username": "diachinh", "password": "sai-mat-khau", "csrf_token": browser.csrf_token()}
    )

    assert response.status_code == 401
    assert "Sai tên đăng nhập hoặc mật khẩu" in response.text


def test_signing_out_ends_the_session(web_ledger: Ledger) -> None:
    browser = Browser(web_ledger).log_in("diachinh")

    browser.submit("/logout", {})

    assert browser.client.get("/", follow_redirects=False).status_code == 303

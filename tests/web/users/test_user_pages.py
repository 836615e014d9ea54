"""The accounts page: the chair grants roles, assigns hamlets and deactivates; sign-ins are logged."""

from __future__ import annotations

from collections.abc import Callable

from application.audit.trail import AuditFilter
from application.ledger import Ledger
from domain.user import Role
from tests.conftest import PASSWORD
from tests.web.browser import Browser

TODAY = {"effective_on": "28/11/2026"}


def test_the_chair_grants_a_role_and_the_list_shows_it(web_ledger: Ledger, browser: Callable[[str], Browser]) -> None:
    chair = browser("chutich")

    response = chair.submit("/users/vanhoa/role", {"role": "vice_chair", "basis_number": "45/QĐ-UBND", **TODAY})

    assert response.status_code == 303
    assert web_ledger.users.actor("vanhoa").role is Role.VICE_CHAIR  # type: ignore[union-attr]
    assert "Phó Chủ tịch UBND xã" in chair.client.get("/users").text


def test_the_chair_assigns_hamlets_with_the_checkboxes(web_ledger: Ledger, browser: Callable[[str], Browser]) -> None:
    response = browser("chutich").submit("/users/vanhoa/hamlets", {"hamlets": ["Xuân Hà", "Tân Hùng"], **TODAY})

    assert response.status_code == 303
    assert web_ledger.users.actor("vanhoa").hamlets == ("Xuân Hà", "Tân Hùng")  # type: ignore[union-attr]


def test_an_official_cannot_manage_accounts(web_ledger: Ledger, browser: Callable[[str], Browser]) -> None:
    response = browser("phochutich").submit("/users/vanhoa/deactivation", TODAY)

    assert response.status_code == 403
    assert "Chỉ Chủ tịch UBND xã được quản lý tài khoản." in response.text
    assert web_ledger.users.actor("vanhoa") is not None


def test_a_deactivated_official_is_signed_out_and_cannot_sign_in(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    official = browser("vanhoa")

    browser("chutich").submit("/users/vanhoa/deactivation", {**TODAY, "note": "Chuyển công tác"})
    after = official.client.get("/households", follow_redirects=False)
    visitor = Browser(web_ledger)
    again = visitor.client.post(
        "/login", data={"username": "vanhoa", "password": PASSWORD, "csrf_token": visitor.csrf_token()}
    )

    assert after.status_code == 303 and after.headers["location"].endswith("/login")
    assert again.status_code == 401 and "Tài khoản đã bị khóa" in again.text


def test_a_wrong_password_on_the_login_page_is_logged_without_it(
    web_ledger: Ledger, browser: Callable[[str], Browser]
) -> None:
    visitor = Browser(web_ledger)

    response = visitor.client.post(
        "/login", data={"username": "diachinh", "password": "doan-thu-1", "csrf_token": visitor.csrf_token()}
    )

    assert response.status_code == 401 and "Sai tên đăng nhập hoặc mật khẩu." in response.text
    [failed] = web_ledger.audit.audit_log(AuditFilter(action="SignIn.LoginFailed"))
    assert failed.actor == "diachinh" and "doan-thu-1" not in failed.details + failed.note

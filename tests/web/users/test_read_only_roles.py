"""The Fatherland Front (MTTQ) and inspectors read everything and change nothing (issue 5)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from application.ledger import Ledger
from domain.user import Role
from tests.conftest import PASSWORD
from tests.web.browser import Browser

# Forms a read-only user may send: they change the session or their own password, not the ledger's records.
OWN_ACCOUNT = {"/login", "/logout", "/account/password"}
REFUSED = "chỉ được xem, không được ghi"


def write_routes(routes: list[Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    """Every route that writes, the included routers walked too."""
    for route in routes:
        if hasattr(route, "original_router"):
            yield from write_routes(route.original_router.routes, prefix + route.include_context.prefix)
        for method in sorted(getattr(route, "methods", None) or ()):
            if method not in ("GET", "HEAD"):
                yield method, prefix + route.path


def concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", lambda _: str(uuid.uuid4()), path)


@pytest.fixture
def inspector(web_ledger: Ledger) -> str:
    web_ledger.users.create_user("thanhtra", "Thanh tra huyện", Role.INSPECTOR, [], PASSWORD)
    return "thanhtra"


@pytest.mark.parametrize("username", ["mttq", "thanhtra"])
def test_every_page_form_refuses_a_read_only_role_and_records_nothing(
    web_ledger: Ledger, browser: Callable[[str], Browser], inspector: str, username: str
) -> None:
    reader = browser(username)
    routes = [(m, p) for m, p in write_routes(list(reader.client.app.routes)) if not p.startswith("/api/")]
    before = web_ledger.log_position()

    answers = {path: reader.submit(concrete(path), {}) for method, path in routes if path not in OWN_ACCOUNT}

    assert len(answers) > 20
    assert {path: response.status_code for path, response in answers.items()} == dict.fromkeys(answers, 403)
    assert all(REFUSED in response.text for response in answers.values())
    assert web_ledger.log_position() == before


@pytest.mark.parametrize("username", ["mttq", "thanhtra"])
def test_every_api_write_refuses_a_read_only_role_and_records_nothing(
    web_ledger: Ledger, browser: Callable[[str], Browser], inspector: str, username: str
) -> None:
    client = browser(username).client
    headers = {"Authorization": f"Bearer {web_ledger.users.issue_token(username)}"}
    routes = [(m, p) for m, p in write_routes(list(client.app.routes)) if p.startswith("/api/")]
    before = web_ledger.log_position()

    answers = {(m, p): client.request(m, concrete(p), json={}, headers=headers) for m, p in routes}

    assert len(answers) > 20
    assert {route: response.status_code for route, response in answers.items()} == dict.fromkeys(answers, 403)
    assert all(REFUSED in response.json()["detail"] for response in answers.values())
    assert web_ledger.log_position() == before


def test_a_read_only_user_may_still_change_their_own_password(browser: Callable[[str], Browser]) -> None:
    mttq = browser("mttq")

    response = mttq.submit(
        "/account/password",
        {"old_password": PASSWORD, "new_password": "mat-khau-moi-2026", "new_password_again": "mat-khau-moi-2026"},
    )

    assert response.status_code == 303
    assert Browser(mttq.ledger).log_in("mttq", "mat-khau-moi-2026")


def test_an_inspector_sees_households_of_every_hamlet(
    web_ledger: Ledger, browser: Callable[[str], Browser], inspector: str
) -> None:
    for official, hamlet, head in (("diachinh", "Xuân Hà", "Hộ Xuân Hà"), ("vanhoa", "Xuân Đài Đông", "Hộ Đài Đông")):
        browser(official).submit(
            "/households", {"hamlet": hamlet, "head_name": head, "area": "rural", "effective_on": "01/10/2024"}
        )

    page = browser(inspector).client.get("/households")

    assert page.status_code == 200
    assert "Hộ Xuân Hà" in page.text and "Hộ Đài Đông" in page.text

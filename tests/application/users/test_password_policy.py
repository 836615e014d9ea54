"""Issue 10 §4: a new password is refused when short, the username, the commune's name or a common one."""

from __future__ import annotations

from datetime import date
from importlib.resources import files

import pytest

from application.core.errors import InvalidInputError
from application.core.ledger_core import Entry
from application.demo.commune import DEMO_PASSWORD, DEMO_USERS
from application.ledger import Ledger
from application.users.password_policy import common_passwords, password_problem
from domain.user import Role
from tests.conftest import PASSWORD


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("ngan-7c", "ít nhất 8 ký tự"),
        ("Canbo1-xuan", "tên đăng nhập"),
        ("Hải Hòa 2026", "tên xã (Hải Hòa)"),
        ("HAIHOA-cua-toi", "tên xã (Hải Hòa)"),
        ("password123", "quá phổ biến"),
        ("MatKhau123", "quá phổ biến"),
        ("anhyeuem2025", "quá phổ biến"),
        ("12345678", "quá phổ biến"),
    ],
)
def test_a_weak_password_is_refused_with_the_reason_in_vietnamese(password: str, reason: str) -> None:
    assert reason in (password_problem(password, "canbo1", "Hải Hòa") or "")


def test_the_common_list_ships_in_the_package_with_thousands_of_entries() -> None:
    assert files("application.users").joinpath("common_passwords.txt").is_file()
    assert len(common_passwords()) > 5000 and "qwerty123" in common_passwords()


def test_the_demo_and_test_passwords_pass_the_policy() -> None:
    for user in DEMO_USERS:
        assert password_problem(DEMO_PASSWORD, user.username, "Hải Hòa") is None
    for username in ("chutich", "phochutich", "diachinh", "vanhoa", "mttq"):
        assert password_problem(PASSWORD, username, "Hải Hòa") is None


def test_create_user_refuses_a_common_password_and_records_nothing(ledger: Ledger) -> None:
    before = ledger.log_position()

    with pytest.raises(InvalidInputError) as refused:
        ledger.users.create_user("canbo1", "Cán bộ 1", Role.OFFICIAL, ["Xóm 5"], "iloveyou123")

    assert "quá phổ biến" in refused.value.errors["password"]
    assert ledger.log_position() == before


def test_the_chairs_reset_and_ones_own_change_refuse_the_commune_name(ledger: Ledger) -> None:
    chair, official = ledger.users.actor("chutich"), ledger.users.actor("vanhoa")
    assert chair and official

    with pytest.raises(InvalidInputError) as reset:
        ledger.accounts.reset_password(chair, "vanhoa", "xa-hai-hoa-2026", Entry(date(2026, 11, 28)))
    with pytest.raises(InvalidInputError) as own:
        ledger.accounts.change_own_password(official, PASSWORD, "vanhoa-2026-moi")

    assert "tên xã" in reset.value.errors["new_password"]
    assert "tên đăng nhập" in own.value.errors["new_password"]

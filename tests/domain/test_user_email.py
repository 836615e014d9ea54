"""An official's e-mail address, where reminders are sent: checked lightly, removable."""

from __future__ import annotations

from datetime import date

import pytest

from domain.user import EmailAddressError, Role, User
from tests.domain.helpers import act


def official() -> User:
    user = User.register(
        "diachinh", "Công chức Địa chính", Role.OFFICIAL, ["Xuân Hà"], "Hải Hòa", "hash", act(date(2026, 1, 5))
    )
    user.collect_events()
    return user


def test_setting_an_address_records_it_without_surrounding_spaces() -> None:
    user = official()

    user.give_email_address("  diachinh@haihoa.gov.vn ", act(date(2026, 11, 28), "system", "system"))

    [event] = user.collect_events()
    assert isinstance(event, User.EmailAddressGiven)
    assert event.address == user.email == "diachinh@haihoa.gov.vn"


@pytest.mark.parametrize(
    "address",
    [
        "diachinh",
        "diachinh@",
        "@haihoa.gov.vn",
        "diachinh@haihoa",
        "dia chinh@haihoa.gov.vn",
        "a@b@c.vn",
        "a@b.vn,c@d.vn",
    ],
)
def test_something_that_is_not_an_email_address_is_refused(address: str) -> None:
    user = official()

    with pytest.raises(EmailAddressError):
        user.give_email_address(address, act(date(2026, 11, 28)))

    assert user.collect_events() == []


def test_an_empty_address_removes_it() -> None:
    user = official()
    user.give_email_address("diachinh@haihoa.gov.vn", act(date(2026, 11, 28)))

    user.give_email_address("", act(date(2026, 11, 29)))

    assert user.email == ""


def test_a_new_account_has_no_address() -> None:
    assert official().email == ""

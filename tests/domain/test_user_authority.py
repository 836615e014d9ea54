"""Who holds which authority: roles granted and revoked, hamlets assigned, accounts closed, sign-ins."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from uuid import uuid4

import pytest

from domain.acts import Act, DomainError
from domain.sign_in import USERNAME_KEPT, FailureReason, SignIn
from domain.user import AccountClosedError, Role, User
from tests.domain.helpers import act

DAY = date(2026, 11, 28)


def official() -> User:
    user = User.register(
        "diachinh", "Công chức Địa chính", Role.OFFICIAL, ["Xuân Hà"], "Hải Hòa", "hash", act(date(2026, 1, 5))
    )
    user.collect_events()
    return user


def by_chair() -> Act:
    return act(DAY, "chutich", "chair")


def test_granting_a_role_names_the_role_it_replaces() -> None:
    user = official()

    user.grant_role(Role.VICE_CHAIR, by_chair())

    [event] = user.collect_events()
    assert isinstance(event, User.RoleGranted)
    assert (event.role, event.previous_role) == (Role.VICE_CHAIR, Role.OFFICIAL)
    assert user.as_actor().role is Role.VICE_CHAIR


def test_granting_the_role_the_user_already_holds_is_refused() -> None:
    user = official()

    with pytest.raises(DomainError):
        user.grant_role(Role.OFFICIAL, by_chair())


def test_a_user_whose_role_is_revoked_can_no_longer_act() -> None:
    user = official()

    user.revoke_role(by_chair())

    [event] = user.collect_events()
    assert isinstance(event, User.RoleRevoked) and event.role is Role.OFFICIAL
    assert not user.may_sign_in
    with pytest.raises(AccountClosedError):
        user.as_actor()


def test_assigning_hamlets_records_the_new_and_the_previous_ones() -> None:
    user = official()

    user.assign_hamlets(["Xuân Hà", "Tân Hùng"], by_chair())

    [event] = user.collect_events()
    assert isinstance(event, User.HamletsAssigned)
    assert (event.hamlets, event.previous_hamlets) == (["Xuân Hà", "Tân Hùng"], ["Xuân Hà"])
    assert user.as_actor().hamlets == ("Xuân Hà", "Tân Hùng")


def test_a_deactivated_user_cannot_act_until_reactivated() -> None:
    user = official()

    user.deactivate(by_chair())
    closed = user.may_sign_in
    user.reactivate(by_chair())

    assert closed is False
    assert user.may_sign_in
    assert [type(e) for e in user.collect_events()] == [User.Deactivated, User.Reactivated]


def test_an_account_cannot_be_deactivated_twice() -> None:
    user = official()
    user.deactivate(by_chair())

    with pytest.raises(DomainError):
        user.deactivate(by_chair())


def test_a_password_change_keeps_only_the_new_hash() -> None:
    user = official()

    user.change_password("new-hash", act(DAY, "diachinh", "official"))

    [event] = user.collect_events()
    assert isinstance(event, User.PasswordChanged)
    assert user.password_hash == "new-hash"


def test_a_failed_login_records_the_reason_and_never_a_password() -> None:
    attempt = SignIn.fail(uuid4(), "x" * 500, FailureReason.WRONG_PASSWORD, act(DAY, "x", ""))

    [event] = attempt.collect_events()
    assert isinstance(event, SignIn.LoginFailed)
    assert event.reason == "wrong_password"
    assert len(event.username) == USERNAME_KEPT
    assert not any("password" in field.name for field in fields(event))  # type: ignore[arg-type]

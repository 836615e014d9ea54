"""Accounts over time: who held which authority when, closed accounts, sign-ins in the log."""

from __future__ import annotations

from datetime import date

import pytest

from application.audit.trail import AuditFilter
from application.core.errors import InvalidInputError
from application.ledger import Ledger
from application.users.management import SignInRefusedError
from domain.acts import LegalBasis
from domain.user import NotAllowedError, Role
from tests.application.helpers import actor, entry
from tests.conftest import PASSWORD, TODAY, FixedClock

DECISION = LegalBasis("45/QĐ-UBND", date(2026, 3, 1), "Chủ tịch UBND xã Hải Hòa")


def test_a_role_granted_then_revoked_shows_in_the_log_with_its_dates(ledger: Ledger) -> None:
    chair = actor(ledger, "chutich")

    ledger.accounts.grant_role(chair, "vanhoa", Role.VICE_CHAIR, entry(date(2026, 3, 1), basis=DECISION))
    ledger.accounts.revoke_role(chair, "vanhoa", entry(date(2026, 9, 30), note="Nghỉ hưu"))

    logged = [
        (row.action, row.effective_on, row.actor, row.basis_number, row.note)
        for row in ledger.audit.audit_log(AuditFilter(subject="Văn hóa"))
        if row.action.startswith("User.Role")
    ]
    assert logged == [
        ("User.RoleRevoked", date(2026, 9, 30), "chutich", "", "Nghỉ hưu"),
        ("User.RoleGranted", date(2026, 3, 1), "chutich", "45/QĐ-UBND", ""),
    ]


def test_the_authority_on_a_day_follows_the_chairs_decisions(ledger: Ledger, clock: FixedClock) -> None:
    clock.set_today(date(2026, 1, 5))
    ledger.users.create_user("canbo1", "Cán bộ 1", Role.OFFICIAL, ["Xóm 5"], PASSWORD, by="chutich")
    clock.set_today(TODAY)
    chair = actor(ledger, "chutich")
    ledger.accounts.grant_role(chair, "canbo1", Role.VICE_CHAIR, entry(date(2026, 11, 1)))
    ledger.accounts.revoke_role(chair, "canbo1", entry(date(2026, 11, 20)))

    today = ledger.accounts.authority_on("canbo1", TODAY)

    assert today is not None and today.role is None
    assert ledger.accounts.authority_on("canbo1", date(2026, 11, 10)).role is Role.VICE_CHAIR  # type: ignore[union-attr]
    assert ledger.accounts.authority_on("canbo1", date(2026, 10, 31)).role is Role.OFFICIAL  # type: ignore[union-attr]
    assert ledger.accounts.authority_on("canbo1", date(2026, 1, 4)) is None


def test_assigned_hamlets_change_what_the_official_may_record(ledger: Ledger) -> None:
    ledger.accounts.assign_hamlets(actor(ledger, "chutich"), "vanhoa", ["Xuân Hà"], entry(date(2026, 11, 28)))

    assert actor(ledger, "vanhoa").hamlets == ("Xuân Hà",)
    assert ledger.accounts.authority_on("vanhoa", date(2026, 11, 28)).hamlets == ("Xuân Hà",)  # type: ignore[union-attr]


def test_a_deactivated_user_cannot_sign_in_and_the_attempt_is_logged(ledger: Ledger) -> None:
    ledger.accounts.deactivate_user(actor(ledger, "chutich"), "vanhoa", entry(date(2026, 11, 28)))

    with pytest.raises(SignInRefusedError):
        ledger.accounts.sign_in("vanhoa", PASSWORD)

    assert ledger.users.actor("vanhoa") is None
    [failed] = ledger.audit.audit_log(AuditFilter(action="SignIn.LoginFailed"))
    assert failed.actor == "vanhoa" and "khóa" in failed.details


def test_a_deactivated_users_token_is_refused(ledger: Ledger) -> None:
    token = ledger.users.issue_token("vanhoa")

    ledger.accounts.deactivate_user(actor(ledger, "chutich"), "vanhoa", entry(date(2026, 11, 28)))

    assert ledger.users.actor_for_token(token) is None


def test_a_failed_login_is_recorded_without_the_password(ledger: Ledger) -> None:
    with pytest.raises(SignInRefusedError):
        ledger.accounts.sign_in("diachinh", "doan-sai-123")
    with pytest.raises(SignInRefusedError):
        ledger.accounts.sign_in("khongco", "doan-sai-456")

    failed = ledger.audit.audit_log(AuditFilter(action="SignIn.LoginFailed"))
    # Issue 10 §4: an unknown username is counted by the throttle and logged, not recorded as an event.
    assert [(row.actor, row.details) for row in failed] == [("diachinh", "Đăng nhập không thành công: sai mật khẩu")]
    stored = "".join(str(vars(event)) for event in ledger.store.events.get(failed[0].subject_id))
    notifications = ledger.store.recorder.select_notifications(start=1, limit=10_000)
    assert not any(b"doan-sai" in notification.state for notification in notifications)
    assert "doan-sai" not in stored


def test_a_successful_login_is_recorded(ledger: Ledger) -> None:
    signed_in = ledger.accounts.sign_in(" DiaChinh ", PASSWORD)

    [row] = ledger.audit.audit_log(AuditFilter(action="SignIn.LoggedIn"))
    assert signed_in.username == row.actor == "diachinh"
    assert row.actor_role == "official"


def test_only_the_chair_manages_accounts(ledger: Ledger) -> None:
    with pytest.raises(NotAllowedError):
        ledger.accounts.grant_role(actor(ledger, "phochutich"), "vanhoa", Role.CHAIR, entry(date(2026, 11, 28)))
    with pytest.raises(NotAllowedError):
        ledger.accounts.deactivate_user(actor(ledger, "chutich"), "chutich", entry(date(2026, 11, 28)))

    assert actor(ledger, "vanhoa").role is Role.OFFICIAL


def test_a_user_changes_their_own_password_only_with_the_old_one(ledger: Ledger) -> None:
    mttq = actor(ledger, "mttq")
    with pytest.raises(InvalidInputError):
        ledger.accounts.change_own_password(mttq, "not-the-password", "mat-khau-moi-2026")

    ledger.accounts.change_own_password(mttq, PASSWORD, "mat-khau-moi-2026")

    assert ledger.accounts.sign_in("mttq", "mat-khau-moi-2026").username == "mttq"
    [changed] = ledger.audit.audit_log(AuditFilter(action="User.PasswordChanged"))
    assert (changed.actor, changed.details) == ("mttq", "Tự đổi mật khẩu")

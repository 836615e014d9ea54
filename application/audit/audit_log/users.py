"""The audit log's rows for accounts: roles, hamlets, passwords, deactivation, sign-ins, so an inspector
reads who held which authority when."""

from __future__ import annotations

from typing import Any

from application.audit.audit_log.table import record_audit
from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers
from domain.acts import RecordedAggregate
from domain.sign_in import FAILURE_LABELS, SignIn
from domain.user import ROLE_LABELS, User, user_id

HANDLERS = Handlers()


def hamlet_list(hamlets: list[str]) -> str:
    return ", ".join(hamlets) or "toàn xã"


def user_audit(cursor: Cursor, event: RecordedAggregate.Event, position: int, username: str, details: str) -> None:
    """The row of an account's event, labelled as the accounts read model (listed before) now shows it;
    the subject is the account, also for a sign-in attempt."""
    row = cursor.one("SELECT * FROM view_users WHERE user_id = ?", (str(user_id(username)),))
    record_audit(
        cursor,
        event,
        position,
        subject_type="user",
        subject_id=user_id(username),
        subject_label=row["full_name"] if row else username,
        hamlet=row["hamlets"].replace("|", ", ") if row else "",
        details=details,
    )


def username_of(cursor: Cursor, event: Any) -> str:
    row = cursor.one("SELECT username FROM view_users WHERE user_id = ?", (str(event.originator_id),))
    assert row is not None, f"user {event.originator_id} projected before it was registered"
    return str(row["username"])


def full_name_of(cursor: Cursor, event: Any) -> str:
    row = cursor.one("SELECT full_name FROM view_users WHERE user_id = ?", (str(event.originator_id),))
    return row["full_name"] if row else ""


@HANDLERS.on(User.Registered)
def registered(cursor: Cursor, event: User.Registered, position: int) -> None:
    details = f"{ROLE_LABELS[event.role]}; phụ trách: {', '.join(event.hamlets) or 'toàn xã'}"
    label, hamlets = event.full_name, ", ".join(event.hamlets)
    record_audit(cursor, event, position, subject_type="user", subject_label=label, hamlet=hamlets, details=details)


@HANDLERS.on(User.TokenIssued)
def token_issued(cursor: Cursor, event: User.TokenIssued, position: int) -> None:
    label = full_name_of(cursor, event)
    record_audit(
        cursor, event, position, subject_type="user", subject_label=label, hamlet="", details="Cấp mã truy cập API"
    )


@HANDLERS.on(User.EmailAddressGiven)
def email_set(cursor: Cursor, event: User.EmailAddressGiven, position: int) -> None:
    details = f"Địa chỉ thư điện tử: {event.address}" if event.address else "Bỏ địa chỉ thư điện tử"
    label = full_name_of(cursor, event)
    record_audit(cursor, event, position, subject_type="user", subject_label=label, hamlet="", details=details)


@HANDLERS.on(User.RoleGranted)
def role_granted(cursor: Cursor, event: User.RoleGranted, position: int) -> None:
    details = f"Giao vai trò {ROLE_LABELS[event.role]}"
    if event.previous_role:
        details += f" (thay vai trò {ROLE_LABELS[event.previous_role]})"
    user_audit(cursor, event, position, username_of(cursor, event), details)


@HANDLERS.on(User.RoleRevoked)
def role_revoked(cursor: Cursor, event: User.RoleRevoked, position: int) -> None:
    details = f"Thu hồi vai trò {ROLE_LABELS[event.role]}; tài khoản không còn quyền nào"
    user_audit(cursor, event, position, username_of(cursor, event), details)


@HANDLERS.on(User.HamletsAssigned)
def hamlets_assigned(cursor: Cursor, event: User.HamletsAssigned, position: int) -> None:
    details = f"Phân công phụ trách: {hamlet_list(event.hamlets)} (trước: {hamlet_list(event.previous_hamlets)})"
    user_audit(cursor, event, position, username_of(cursor, event), details)


@HANDLERS.on(User.PasswordChanged)
def password_changed(cursor: Cursor, event: User.PasswordChanged, position: int) -> None:
    username = username_of(cursor, event)
    details = "Tự đổi mật khẩu" if event.actor == username else "Đặt lại mật khẩu"
    user_audit(cursor, event, position, username, details)


@HANDLERS.on(User.Deactivated)
def deactivated(cursor: Cursor, event: User.Deactivated, position: int) -> None:
    details = "Khóa tài khoản: không đăng nhập, không dùng mã truy cập được"
    user_audit(cursor, event, position, username_of(cursor, event), details)


@HANDLERS.on(User.Reactivated)
def reactivated(cursor: Cursor, event: User.Reactivated, position: int) -> None:
    user_audit(cursor, event, position, username_of(cursor, event), "Mở lại tài khoản")


@HANDLERS.on(SignIn.LoggedIn)
def logged_in(cursor: Cursor, event: SignIn.LoggedIn, position: int) -> None:
    user_audit(cursor, event, position, event.username, "Đăng nhập")


@HANDLERS.on(SignIn.LoginFailed)
def login_failed(cursor: Cursor, event: SignIn.LoginFailed, position: int) -> None:
    reason = {kind.value: text for kind, text in FAILURE_LABELS.items()}.get(event.reason, event.reason)
    user_audit(cursor, event, position, event.username, f"Đăng nhập không thành công: {reason}")

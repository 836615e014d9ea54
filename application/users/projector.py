"""Read-model handlers for accounts: roles, hamlets, passwords, deactivation, sign-ins.

Each becomes a row of the audit log, so an inspector reads who held which authority when.
"""

from __future__ import annotations

from typing import Any

from application.households.projector import handles, iso
from application.readmodels.database import Cursor
from domain.acts import RecordedAggregate
from domain.sign_in import FAILURE_LABELS, SignIn
from domain.user import ROLE_LABELS, User, user_id


def hamlet_list(hamlets: list[str]) -> str:
    return ", ".join(hamlets) or "toàn xã"


def user_row(cursor: Cursor, username: str) -> dict[str, Any] | None:
    return cursor.one("SELECT * FROM view_users WHERE user_id = ?", (str(user_id(username)),))


def record_user_audit(
    cursor: Cursor, event: RecordedAggregate.Event, position: int, username: str, details: str
) -> None:
    """The audit row of an account's event; the subject is the account, also for a sign-in attempt."""
    row = user_row(cursor, username)
    basis = event.basis
    cursor.execute(
        "INSERT INTO view_audit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            position,
            event.timestamp.isoformat(),
            "user",
            str(user_id(username)),
            None,
            row["full_name"] if row else username,
            row["hamlets"].replace("|", ", ") if row else "",
            type(event).__qualname__,
            details,
            event.effective_on.isoformat(),
            event.actor,
            event.actor_role,
            basis.number if basis else "",
            iso(basis.issued_on) if basis else None,
            basis.issuer if basis else "",
            event.note,
        ),
    )


def username_of(cursor: Cursor, event: Any) -> str:
    row = cursor.one("SELECT username FROM view_users WHERE user_id = ?", (str(event.originator_id),))
    assert row is not None, f"user {event.originator_id} projected before it was registered"
    return str(row["username"])


def set_user(cursor: Cursor, event: Any, **changes: Any) -> str:
    username = username_of(cursor, event)
    assignments = ", ".join(f"{column} = ?" for column in changes)
    cursor.execute(f"UPDATE view_users SET {assignments} WHERE username = ?", (*changes.values(), username))
    return username


@handles(User.RoleGranted)
def role_granted(cursor: Cursor, event: User.RoleGranted, position: int) -> None:
    username = set_user(cursor, event, role=event.role.value)
    details = f"Giao vai trò {ROLE_LABELS[event.role]}"
    if event.previous_role:
        details += f" (thay vai trò {ROLE_LABELS[event.previous_role]})"
    record_user_audit(cursor, event, position, username, details)


@handles(User.RoleRevoked)
def role_revoked(cursor: Cursor, event: User.RoleRevoked, position: int) -> None:
    username = set_user(cursor, event, role=None)
    details = f"Thu hồi vai trò {ROLE_LABELS[event.role]}; tài khoản không còn quyền nào"
    record_user_audit(cursor, event, position, username, details)


@handles(User.HamletsAssigned)
def hamlets_assigned(cursor: Cursor, event: User.HamletsAssigned, position: int) -> None:
    username = set_user(cursor, event, hamlets="|".join(event.hamlets))
    details = f"Phân công phụ trách: {hamlet_list(event.hamlets)} (trước: {hamlet_list(event.previous_hamlets)})"
    record_user_audit(cursor, event, position, username, details)


@handles(User.PasswordChanged)
def password_changed(cursor: Cursor, event: User.PasswordChanged, position: int) -> None:
    username = username_of(cursor, event)
    details = "Tự đổi mật khẩu" if event.actor == username else "Đặt lại mật khẩu"
    record_user_audit(cursor, event, position, username, details)


@handles(User.Deactivated)
def deactivated(cursor: Cursor, event: User.Deactivated, position: int) -> None:
    username = set_user(cursor, event, active=0)
    record_user_audit(cursor, event, position, username, "Khóa tài khoản: không đăng nhập, không dùng mã truy cập được")


@handles(User.Reactivated)
def reactivated(cursor: Cursor, event: User.Reactivated, position: int) -> None:
    username = set_user(cursor, event, active=1)
    record_user_audit(cursor, event, position, username, "Mở lại tài khoản")


@handles(SignIn.LoggedIn)
def logged_in(cursor: Cursor, event: SignIn.LoggedIn, position: int) -> None:
    record_user_audit(cursor, event, position, event.username, "Đăng nhập")


@handles(SignIn.LoginFailed)
def login_failed(cursor: Cursor, event: SignIn.LoginFailed, position: int) -> None:
    reason = {kind.value: text for kind, text in FAILURE_LABELS.items()}.get(event.reason, event.reason)
    record_user_audit(cursor, event, position, event.username, f"Đăng nhập không thành công: {reason}")

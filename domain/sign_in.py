"""Sign-in attempts: each login and each failed login is its own record, kept with the log.

An attempt is an aggregate of one event rather than an event on the User: a user signs in many times
a day for years, and every page loads the User, so its history must stay short; and an attempt with
an unknown username has no User to be recorded on, yet an inspector needs to see it too.
"""

from __future__ import annotations

from enum import Enum
from uuid import UUID

from domain.acts import Act, RecordedAggregate

# A username is whatever was typed; it is cut so that a pasted essay cannot fill the log.
USERNAME_KEPT = 64


class FailureReason(Enum):
    UNKNOWN_USER = "unknown_user"  # recorded before issue 10 §4 only: now counted and logged, not an event
    WRONG_PASSWORD = "wrong_password"
    ACCOUNT_CLOSED = "account_closed"  # deactivated, or no role left


FAILURE_LABELS = {
    FailureReason.UNKNOWN_USER: "không có tài khoản này",
    FailureReason.WRONG_PASSWORD: "sai mật khẩu",
    FailureReason.ACCOUNT_CLOSED: "tài khoản đã bị khóa hoặc không còn vai trò",
}


class SignIn(RecordedAggregate):
    class LoggedIn(RecordedAggregate.Created):
        username: str

    class LoginFailed(RecordedAggregate.Created):
        """Never carries the password that was tried. The reason is stored as its text value, so no
        transcoding is needed and an old event still reads after a reason is added."""

        username: str
        reason: str

    @classmethod
    def succeed(cls, attempt_id: UUID, username: str, act: Act) -> SignIn:
        return cls._create(cls.LoggedIn, id=attempt_id, username=username, **act.event_fields())

    @classmethod
    def fail(cls, attempt_id: UUID, username: str, reason: FailureReason, act: Act) -> SignIn:
        return cls._create(
            cls.LoginFailed, id=attempt_id, username=username[:USERNAME_KEPT], reason=reason.value, **act.event_fields()
        )

"""Accounts over time: the chair grants and revokes roles, assigns hamlets, deactivates; sign-ins are kept.

Every change is an event on the User, so the log answers who held which authority on which day
(issue 5, point 5): the audit rows, and `authority_on(username, day)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from uuid import uuid4

from argon2.exceptions import InvalidHashError, VerificationError

from application.errors import InvalidInputError, NotFoundError
from application.ledger import Entry, Recorded
from application.users import UserCases
from domain.acts import Act, DomainError
from domain.sign_in import FailureReason, SignIn
from domain.user import Actor, NotAllowedError, Role, User, user_id

MINIMUM_PASSWORD = 8


class SignInRefusedError(DomainError):
    """Wrong username or password, or a closed account; the message never says which username exists."""


@dataclass(frozen=True)
class Authority:
    """What an account could do on a day: its role (None after a revocation), its hamlets, whether open."""

    username: str
    role: Role | None
    hamlets: tuple[str, ...]
    active: bool


class UserManagementCases(UserCases):
    def sign_in(self, username: str, password: str) -> Actor:
        """Checks the password (same argon2 cost as before) and records the attempt, never the password tried."""
        username = username.strip().lower()
        user = self._user(username)
        reason = FailureReason.UNKNOWN_USER if user is None else self._password_failure(user, password)
        if user is not None and reason is None and not user.may_sign_in:
            reason = FailureReason.ACCOUNT_CLOSED
        act = Act(username, user.role.value if user and user.role else "", self.today(), note="")
        if reason is None:
            self.store.save(SignIn.succeed(uuid4(), username, act))
            assert user is not None
            return user.as_actor()
        self.store.save(SignIn.fail(uuid4(), username, reason, act))
        if reason is FailureReason.ACCOUNT_CLOSED:
            raise SignInRefusedError("Tài khoản đã bị khóa hoặc không còn vai trò. Hãy liên hệ Chủ tịch UBND xã.")
        raise SignInRefusedError("Sai tên đăng nhập hoặc mật khẩu.")

    def _password_failure(self, user: User, password: str) -> FailureReason | None:
        try:
            self._hasher().verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            return FailureReason.WRONG_PASSWORD
        return None

    def grant_role(self, actor: Actor, username: str, role: Role, entry: Entry) -> Recorded:
        return self._manage(
            actor, username, entry, lambda user, act: user.grant_role(role, act), "giao vai trò khác cho chính mình"
        )

    def revoke_role(self, actor: Actor, username: str, entry: Entry) -> Recorded:
        return self._manage(actor, username, entry, User.revoke_role, "thu hồi vai trò của chính mình")

    def assign_hamlets(self, actor: Actor, username: str, hamlets: list[str], entry: Entry) -> Recorded:
        unknown = [hamlet for hamlet in hamlets if hamlet not in self.settings.hamlets]
        if unknown:
            raise InvalidInputError({"hamlets": f"Xóm không thuộc xã: {', '.join(unknown)}"})
        return self._manage(actor, username, entry, lambda user, act: user.assign_hamlets(hamlets, act))

    def deactivate_user(self, actor: Actor, username: str, entry: Entry) -> Recorded:
        return self._manage(actor, username, entry, User.deactivate, "khóa tài khoản của chính mình")

    def reactivate_user(self, actor: Actor, username: str, entry: Entry) -> Recorded:
        return self._manage(actor, username, entry, User.reactivate)

    def reset_password(self, actor: Actor, username: str, new_password: str, entry: Entry) -> Recorded:
        """The chair sets a new password for an official who forgot theirs."""
        password_hash = self._new_password_hash(new_password, "new_password")
        return self._manage(actor, username, entry, lambda user, act: user.change_password(password_hash, act))

    def change_own_password(self, actor: Actor, old_password: str, new_password: str) -> Recorded:
        """Any signed-in user, read-only roles included: it changes their account, not the ledger's records."""
        user = self._account(actor.username)
        if self._password_failure(user, old_password):
            raise InvalidInputError({"old_password": "Mật khẩu hiện tại không đúng."})
        password_hash = self._new_password_hash(new_password, "new_password")
        entry = Entry(self.today())
        user.change_password(password_hash, self._act(actor, entry))
        return self._record(entry, user.id, user)

    def authority_on(self, username: str, day: date) -> Authority | None:
        """The account as the chair's decisions stood on a day (their effective dates); None before it existed.

        The changes are read in the order they were recorded, up to the first one effective after the day;
        each audit row shows both dates, so a back-dated decision is visible as such.
        """
        user = None
        for event in self.store.events.get(user_id(username)):
            if event.effective_on > day:
                break
            user = event.mutate(user)
        if not isinstance(user, User):
            return None
        return Authority(user.username, user.role, tuple(user.hamlets), user.active)

    def _manage(
        self, actor: Actor, username: str, entry: Entry, change: Callable[[User, Act], None], not_self: str = ""
    ) -> Recorded:
        """Only the chair manages accounts (the chair assigns officials to hamlets, seed plan §VI)."""
        if previous := self._previous(entry.command_id):
            return previous
        user = self._managed(actor, username, entry, not_self)
        change(user, self._act(actor, entry))
        return self._record(entry, user.id, user)

    def _managed(self, actor: Actor, username: str, entry: Entry, not_self: str) -> User:
        if actor.role is not Role.CHAIR:
            raise NotAllowedError("Chỉ Chủ tịch UBND xã được quản lý tài khoản.")
        if not_self and username.strip().lower() == actor.username:
            raise NotAllowedError(f"Chủ tịch không thể tự {not_self}; việc này để tài khoản khác làm.")
        self._require_not_future(entry.effective_on)
        return self._account(username, entry.expected_version)

    def _account(self, username: str, expected_version: int | None = None) -> User:
        try:
            return self._load(User, user_id(username), expected_version)
        except NotFoundError:
            raise NotFoundError(f"Không có tài khoản {username}.") from None

    def _new_password_hash(self, password: str, field: str) -> str:
        if len(password) < MINIMUM_PASSWORD:
            raise InvalidInputError({field: f"Mật khẩu phải có ít nhất {MINIMUM_PASSWORD} ký tự."})
        return self._hasher().hash(password)

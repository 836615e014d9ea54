"""Accounts over time: the chair grants and revokes roles, assigns hamlets, deactivates; sign-ins are kept.

Every change is an event on the User, so the log answers who held which authority on which day
(issue 5, point 5): the audit rows, and `authority_on(username, day)`.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import NoReturn
from uuid import uuid4

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError

from application.core.capability import CapabilityService
from application.core.errors import InvalidInputError, NotFoundError
from application.core.ledger_core import Entry, LedgerCore, Recorded
from application.users.cases import UserCases
from application.users.password_policy import password_problem
from application.users.session_cases import SessionCases, log
from domain.acts import Act, DomainError, RecordedAggregate
from domain.sign_in import FailureReason, SignIn
from domain.user import Actor, NotAllowedError, Role, User, user_id

# The same words for an unknown name as for a wrong password: the page never tells which names exist.
REFUSALS = {
    FailureReason.WRONG_PASSWORD: "Sai tên đăng nhập hoặc mật khẩu.",
    FailureReason.ACCOUNT_CLOSED: "Tài khoản đã bị khóa hoặc không còn vai trò. Hãy liên hệ Chủ tịch UBND xã.",
}


class SignInRefusedError(DomainError):
    """Wrong username or password, or a closed account; the message never says which username exists."""


@dataclass(frozen=True)
class Authority:
    """What an account could do on a day: its role (None after a revocation), its hamlets, whether open."""

    username: str
    role: Role | None
    hamlets: tuple[str, ...]
    active: bool


class UserManagementCases(CapabilityService):
    def __init__(self, core: LedgerCore, users: UserCases, sessions: SessionCases) -> None:
        super().__init__(core)
        self.users = users
        self.sessions = sessions

    def sign_in(self, username: str, password: str, address: str = "") -> Actor:
        """Checks the password and records the attempt of a known account, never the password tried.

        Issue 10 §4: a username or client address that failed too often is refused before any check; an
        unknown username costs one argon2 verification too (against a dummy hash), so the answer's timing
        does not tell which names exist, and its failure is counted and logged but is not an event: the
        immutable log cannot be grown by typing names. A known account's failures are events, at most
        GIAMNGHEO_SIGN_IN_MAX_FAILURES per lock-out, so they cannot flood the log either.
        """
        username = username.strip().lower()
        self.sessions.refuse_if_throttled(username, address)
        user = self.users.user(username)
        if user is None:
            self._refuse_unknown(username, password, address)
        reason = self._password_failure(user, password)
        if reason is None and not user.may_sign_in:
            reason = FailureReason.ACCOUNT_CLOSED
        act = Act(username, user.role.value if user.role else "", self.today(), note="")
        if reason is None:
            self.store.save(SignIn.succeed(uuid4(), username, act))
            self.sessions.forget_failures(username)
            return user.as_actor()
        self.sessions.count_failure(username, address)
        self.store.save(SignIn.fail(uuid4(), username, reason, act))
        raise SignInRefusedError(REFUSALS[reason])

    def _refuse_unknown(self, username: str, password: str, address: str) -> NoReturn:
        """No account of this name: the same password check as for one, then counted and logged only."""
        self._password_failure(None, password)
        self.sessions.count_failure(username, address)
        log.warning("failed sign-in, no such account: username=%r address=%r", username[:64], address)
        raise SignInRefusedError(REFUSALS[FailureReason.WRONG_PASSWORD])

    def _password_failure(self, user: User | None, password: str) -> FailureReason | None:
        """One argon2 verification, also for an unknown user (against a dummy hash of the same cost)."""
        try:
            self.users.hasher().verify(
                user.password_hash if user else dummy_hash(self.settings.password_hashing), password
            )
        except (VerificationError, InvalidHashError):
            return FailureReason.WRONG_PASSWORD
        return None

    def grant_role(self, actor: Actor, username: str, role: Role, entry: Entry) -> Recorded:
        return self._ending_sessions(
            username,
            self._manage(
                actor, username, entry, lambda user, act: user.grant_role(role, act), "giao vai trò khác cho chính mình"
            ),
        )

    def revoke_role(self, actor: Actor, username: str, entry: Entry) -> Recorded:
        return self._ending_sessions(
            username, self._manage(actor, username, entry, User.revoke_role, "thu hồi vai trò của chính mình")
        )

    def assign_hamlets(self, actor: Actor, username: str, hamlets: list[str], entry: Entry) -> Recorded:
        unknown = [hamlet for hamlet in hamlets if hamlet not in self.settings.hamlets]
        if unknown:
            raise InvalidInputError({"hamlets": f"Xóm không thuộc xã: {', '.join(unknown)}"})
        return self._manage(actor, username, entry, lambda user, act: user.assign_hamlets(hamlets, act))

    def deactivate_user(self, actor: Actor, username: str, entry: Entry) -> Recorded:
        return self._ending_sessions(
            username, self._manage(actor, username, entry, User.deactivate, "khóa tài khoản của chính mình")
        )

    def reactivate_user(self, actor: Actor, username: str, entry: Entry) -> Recorded:
        return self._manage(actor, username, entry, User.reactivate)

    def reset_password(self, actor: Actor, username: str, new_password: str, entry: Entry) -> Recorded:
        """The chair sets a new password for an official who forgot theirs."""
        password_hash = self._new_password_hash(new_password, username, "new_password")
        change = self._manage(actor, username, entry, lambda user, act: user.change_password(password_hash, act))
        return self._ending_sessions(username, change)

    def change_own_password(
        self, actor: Actor, old_password: str, new_password: str, keep_session: str = ""
    ) -> Recorded:
        """Any signed-in user, read-only roles included: it changes their account, not the ledger's records.
        Every other session of theirs ends (one opened with the old password); the one in use stays."""
        user = self._account(actor.username)
        if self._password_failure(user, old_password):
            raise InvalidInputError({"old_password": "Mật khẩu hiện tại không đúng."})
        password_hash = self._new_password_hash(new_password, actor.username, "new_password")
        entry = Entry(self.today())
        user.change_password(password_hash, self.core.act(actor, entry))
        return self._ending_sessions(actor.username, self.core.record(entry, user.id, user), keep_session)

    def _ending_sessions(self, username: str, recorded: Recorded, keep: str = "") -> Recorded:
        """Issue 10 §4: a role change, a deactivation or a new password ends the account's open sessions.
        A hamlet assignment does not: the account's authority is read afresh at every request anyway."""
        if not recorded.duplicate:
            self.sessions.end_sessions(username, keep)
        return recorded

    def authority_on(self, username: str, day: date) -> Authority | None:
        """The account as the chair's decisions stood on a day (their effective dates); None before it existed.

        The changes are read in the order they were recorded, up to the first one effective after the day;
        each audit row shows both dates, so a back-dated decision is visible as such.
        """
        user = None
        for event in self.store.events.get(user_id(username)):
            assert isinstance(event, RecordedAggregate.Event)  # every stored event is: narrows the library's protocol
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
        if previous := self.core.previous(entry.command_id):
            return previous
        user = self._managed(actor, username, entry, not_self)
        change(user, self.core.act(actor, entry))
        return self.core.record(entry, user.id, user)

    def _managed(self, actor: Actor, username: str, entry: Entry, not_self: str) -> User:
        if actor.role is not Role.CHAIR:
            raise NotAllowedError("Chỉ Chủ tịch UBND xã được quản lý tài khoản.")
        if not_self and username.strip().lower() == actor.username:
            raise NotAllowedError(f"Chủ tịch không thể tự {not_self}; việc này để tài khoản khác làm.")
        self.core.require_not_future(entry.effective_on)
        return self._account(username, entry.expected_version)

    def _account(self, username: str, expected_version: int | None = None) -> User:
        try:
            return self.core.load(User, user_id(username), expected_version)
        except NotFoundError:
            raise NotFoundError(f"Không có tài khoản {username}.") from None

    def _new_password_hash(self, password: str, username: str, field: str) -> str:
        if problem := password_problem(password, username, self.settings.commune):
            raise InvalidInputError({field: problem})
        return self.users.hasher().hash(password)


@cache
def dummy_hash(profile: str) -> str:
    """A hash of a random password, made once per hashing profile, for an unknown username to be checked
    against: same cost as a real account's check, and it never matches."""
    return PasswordHasher.from_parameters(getattr(profiles, profile)).hash(secrets.token_urlsafe(16))

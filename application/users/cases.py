"""Users: created with a role and hamlets, signed in with an argon2-hashed password or a token."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from uuid import UUID

from argon2 import PasswordHasher, profiles
from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import IntegrityError

from application.core.capability import CapabilityService
from application.core.errors import ConflictError, InvalidInputError, NotFoundError
from application.readmodels.rows import from_row
from application.users.password_policy import password_problem
from domain.acts import SYSTEM_ACTOR, Act
from domain.user import Actor, EmailAddressError, Role, User, user_id


@dataclass(frozen=True)
class UserSummary:
    username: str
    full_name: str
    role: Role
    hamlets: tuple[str, ...]
    email: str | None = None
    active: bool = True


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class UserCases(CapabilityService):
    def create_user(
        self,
        username: str,
        full_name: str,
        role: Role,
        hamlets: list[str],
        password: str,
        by: str = SYSTEM_ACTOR,
        email: str = "",
    ) -> UUID:
        unknown = [hamlet for hamlet in hamlets if hamlet not in self.settings.hamlets]
        if unknown:
            raise InvalidInputError({"hamlets": f"Xóm không thuộc xã: {', '.join(unknown)}"})
        if problem := password_problem(password, username, self.settings.commune):
            raise InvalidInputError({"password": problem})
        act = Act(by, SYSTEM_ACTOR, self.today(), note="Tạo tài khoản")
        password_hash = self.hasher().hash(password)
        user = User.register(username, full_name, role, hamlets, self.settings.commune, password_hash, act)
        if email.strip():
            set_email(user, email, act)
        try:
            self.store.save(user)
        except IntegrityError:
            raise ConflictError(f"Tài khoản {username} đã tồn tại.") from None
        self.views.catch_up_after_write()
        return user.id

    def actor(self, username: str) -> Actor | None:
        """The signed-in user as they stand now: a deactivated account's session ends at its next request."""
        user = self.user(username)
        return user.as_actor() if user and user.may_sign_in else None

    def issue_token(self, username: str, by: str = SYSTEM_ACTOR) -> str:
        """A personal bearer token; only its digest is stored."""
        user = self.user(username)
        if user is None:
            raise NotFoundError(f"Không có tài khoản {username}.")
        token = f"{user.id.hex}.{secrets.token_urlsafe(32)}"
        user.issue_token(token_digest(token), Act(by, SYSTEM_ACTOR, self.today(), note="Cấp mã truy cập API"))
        self.store.save(user)
        self.views.catch_up_after_write()
        return token

    def set_user_email(self, username: str, address: str, by: str = SYSTEM_ACTOR) -> None:
        """The address the user's reminders are e-mailed to; an empty one stops the e-mail."""
        user = self.user(username)
        if user is None:
            raise NotFoundError(f"Không có tài khoản {username}.")
        set_email(user, address, Act(by, SYSTEM_ACTOR, self.today(), note="Đặt địa chỉ thư điện tử"))
        try:
            self.store.save(user)
        except IntegrityError:
            raise ConflictError(f"Tài khoản {username} vừa được người khác cập nhật; hãy thử lại.") from None
        self.views.catch_up_after_write()

    def actor_for_token(self, token: str) -> Actor | None:
        user_hex, _, secret = token.partition(".")
        if not secret:
            return None
        try:
            user: object = self.store.repository.get(UUID(hex=user_hex))
        except (ValueError, AggregateNotFoundError):
            return None
        if not isinstance(user, User) or token_digest(token) not in user.token_hashes or not user.may_sign_in:
            return None
        return user.as_actor()

    def hasher(self) -> PasswordHasher:
        return PasswordHasher.from_parameters(getattr(profiles, self.settings.password_hashing))

    def user(self, username: str) -> User | None:
        try:
            user: object = self.store.repository.get(user_id(username))
        except AggregateNotFoundError:
            return None
        return user if isinstance(user, User) else None

    def user_list(self) -> list[UserSummary]:
        with self.views.reading() as cursor:
            rows = cursor.all("SELECT * FROM view_users ORDER BY role, username")
        return [from_row(UserSummary, row) for row in rows]

    def has_users(self) -> bool:
        return bool(self.user_list())


def set_email(user: User, address: str, act: Act) -> None:
    try:
        user.give_email_address(address, act)
    except EmailAddressError as error:
        raise InvalidInputError({"email": error.message}) from None

"""Users of the ledger: commune leaders, officials assigned to hamlets, read-only supervisors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING
from uuid import NAMESPACE_URL, UUID, uuid5

from domain import bounds, topics
from domain.acts import Act, DomainError, RecordedAggregate


class Role(Enum):
    CHAIR = "chair"  # Chủ tịch UBND xã
    VICE_CHAIR = "vice_chair"  # Phó Chủ tịch UBND xã phụ trách
    OFFICIAL = "official"  # công chức assigned to hamlets (seed §VI)
    SUPERVISOR = "supervisor"  # Ủy ban MTTQ: supervision, read-only (seed §VI.6)
    INSPECTOR = "inspector"  # thanh tra, cấp trên: read-only


ROLE_LABELS = {
    Role.CHAIR: "Chủ tịch UBND xã",
    Role.VICE_CHAIR: "Phó Chủ tịch UBND xã",
    Role.OFFICIAL: "Công chức",
    Role.SUPERVISOR: "Giám sát (MTTQ)",
    Role.INSPECTOR: "Thanh tra, kiểm tra",
}

COMMUNE_WIDE_ROLES = (Role.CHAIR, Role.VICE_CHAIR)
READ_ONLY_ROLES = (Role.SUPERVISOR, Role.INSPECTOR)


class NotAllowedError(DomainError):
    """The user's role or hamlets do not cover this act."""


class EmailAddressError(DomainError):
    """What was entered does not look like an e-mail address."""


class AccountClosedError(DomainError):
    """The account is deactivated or holds no role: it signs in to nothing and its tokens are refused."""


# Deliberately light: one @, something on each side, a dot in the domain, no spaces. Whether the
# address exists only the mail server can tell.
EMAIL_LENGTH = 254
EMAIL_ADDRESS = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")


@dataclass(frozen=True)
class Actor:
    """The signed-in user on whose behalf a use case runs."""

    username: str
    full_name: str
    role: Role
    hamlets: tuple[str, ...]

    def may_record_in(self, hamlet: str) -> bool:
        if self.role in READ_ONLY_ROLES:
            return False
        return self.role in COMMUNE_WIDE_ROLES or hamlet in self.hamlets

    def require_hamlet(self, hamlet: str) -> None:
        if self.role in READ_ONLY_ROLES:
            raise NotAllowedError(f"Vai trò {ROLE_LABELS[self.role]} chỉ được xem, không được ghi.")
        if not self.may_record_in(hamlet):
            raise NotAllowedError(f"Bạn không được phân công phụ trách xóm {hamlet}.")

    def require_leader(self, what: str) -> None:
        if self.role not in COMMUNE_WIDE_ROLES:
            raise NotAllowedError(f"Chỉ Chủ tịch hoặc Phó Chủ tịch UBND xã được {what}.")

    def require_writer(self) -> None:
        if self.role in READ_ONLY_ROLES:
            raise NotAllowedError(f"Vai trò {ROLE_LABELS[self.role]} chỉ được xem, không được ghi.")

    @property
    def commune_wide(self) -> bool:
        return self.role in COMMUNE_WIDE_ROLES or self.role in READ_ONLY_ROLES


def user_id(username: str) -> UUID:
    return uuid5(NAMESPACE_URL, f"/users/{username.strip().lower()}")


class User(RecordedAggregate):
    if TYPE_CHECKING:  # state set by the events' apply; declared here only for the type checker, since
        # annotations in the class body would become __init__ fields of the aggregate (eventsourcing.md)
        username: str
        full_name: str
        role: Role | None
        hamlets: list[str]
        commune: str
        password_hash: str
        token_hashes: list[str]
        email: str
        active: bool

    class Registered(RecordedAggregate.Created):
        username: str
        full_name: str
        role: Role
        hamlets: list[str]
        commune: str
        password_hash: str

        def apply(self, user: User) -> None:
            user.username, user.full_name, user.role = self.username, self.full_name, self.role
            user.hamlets, user.commune, user.password_hash = list(self.hamlets), self.commune, self.password_hash
            user.token_hashes = []
            user.email = ""
            user.active = True

    class TokenIssued(RecordedAggregate.Event):
        token_hash: str

        def apply(self, user: User) -> None:
            user.token_hashes.append(self.token_hash)

    class EmailAddressGiven(RecordedAggregate.Event):
        """The address the official gave for reminders to be e-mailed to; empty: no e-mail (stored before
        issue 11 as User.EmailSet, domain/topics.py)."""

        address: str

        def apply(self, user: User) -> None:
            user.email = self.address

    class RoleGranted(RecordedAggregate.Event):
        """The user now acts in this role; the role held before (if any) ends with it."""

        role: Role
        previous_role: Role | None

        def apply(self, user: User) -> None:
            user.role = self.role

    class RoleRevoked(RecordedAggregate.Event):
        """The user holds no role any more: the account signs in to nothing until a role is granted."""

        role: Role

        def apply(self, user: User) -> None:
            user.role = None

    class HamletsAssigned(RecordedAggregate.Event):
        """The hamlets the official answers for from now on (seed plan §VI), replacing the previous ones."""

        hamlets: list[str]
        previous_hamlets: list[str]

        def apply(self, user: User) -> None:
            user.hamlets = list(self.hamlets)

    class PasswordChanged(RecordedAggregate.Event):
        """Only the argon2 hash is kept; the event never carries the password itself."""

        password_hash: str

        def apply(self, user: User) -> None:
            user.password_hash = self.password_hash

    class Deactivated(RecordedAggregate.Event):
        def apply(self, user: User) -> None:
            user.active = False

    class Reactivated(RecordedAggregate.Event):
        def apply(self, user: User) -> None:
            user.active = True

    @classmethod
    def register(
        cls, username: str, full_name: str, role: Role, hamlets: list[str], commune: str, password_hash: str, act: Act
    ) -> User:
        if not username.strip():
            raise DomainError("Tên đăng nhập không được để trống.")
        username = bounds.line(username, "username", "Tên đăng nhập", required=True)
        return cls._create(
            cls.Registered,
            id=user_id(username),
            username=username.lower(),
            full_name=bounds.line(full_name, "full_name", "Họ tên"),
            role=role,
            hamlets=[bounds.line(hamlet, "hamlets", "Xóm") for hamlet in hamlets],
            commune=bounds.line(commune, "commune", "Xã"),
            password_hash=password_hash,
            **act.event_fields(),
        )

    def issue_token(self, token_hash: str, act: Act) -> None:
        self.trigger_event(self.TokenIssued, token_hash=token_hash, **act.event_fields())

    def give_email_address(self, address: str, act: Act) -> None:
        address = bounds.line(address, "email", "Địa chỉ thư điện tử", EMAIL_LENGTH)  # RFC 5321 §4.5.3.1.3
        if address and not EMAIL_ADDRESS.fullmatch(address):
            raise EmailAddressError(f"Địa chỉ thư điện tử không hợp lệ: {address}")
        self.trigger_event(self.EmailAddressGiven, address=address, **act.event_fields())

    def grant_role(self, role: Role, act: Act) -> None:
        if role is self.role:
            raise DomainError(f"Tài khoản {self.username} đã có vai trò {ROLE_LABELS[role]}.")
        self.trigger_event(self.RoleGranted, role=role, previous_role=self.role, **act.event_fields())

    def revoke_role(self, act: Act) -> None:
        if self.role is None:
            raise DomainError(f"Tài khoản {self.username} không còn vai trò nào để thu hồi.")
        self.trigger_event(self.RoleRevoked, role=self.role, **act.event_fields())

    def assign_hamlets(self, hamlets: list[str], act: Act) -> None:
        if sorted(hamlets) == sorted(self.hamlets):
            raise DomainError(f"Tài khoản {self.username} đã được phân công đúng các xóm này.")
        self.trigger_event(
            self.HamletsAssigned, hamlets=list(hamlets), previous_hamlets=list(self.hamlets), **act.event_fields()
        )

    def change_password(self, password_hash: str, act: Act) -> None:
        self.trigger_event(self.PasswordChanged, password_hash=password_hash, **act.event_fields())

    def deactivate(self, act: Act) -> None:
        if not self.active:
            raise DomainError(f"Tài khoản {self.username} đã bị khóa.")
        self.trigger_event(self.Deactivated, **act.event_fields())

    def reactivate(self, act: Act) -> None:
        if self.active:
            raise DomainError(f"Tài khoản {self.username} đang hoạt động.")
        self.trigger_event(self.Reactivated, **act.event_fields())

    @property
    def may_sign_in(self) -> bool:
        return self.active and self.role is not None

    def as_actor(self) -> Actor:
        if not self.may_sign_in:
            raise AccountClosedError(f"Tài khoản {self.username} đã bị khóa hoặc không còn vai trò.")
        assert self.role is not None
        return Actor(self.username, self.full_name, self.role, tuple(self.hamlets))


topics.register_renamed(User)

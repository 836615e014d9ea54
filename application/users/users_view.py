"""The accounts read model (view_users): each official's role, hamlets, e-mail address and whether
the account is active."""

from __future__ import annotations

from typing import Any

from application.readmodels.database import Cursor
from application.readmodels.registry import Handlers, ReadModel
from domain.user import User

TABLE = "view_users"
TABLES = {
    TABLE: """
        username TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        full_name TEXT NOT NULL,
        role TEXT,
        hamlets TEXT NOT NULL,
        commune TEXT NOT NULL,
        email TEXT,
        active INTEGER NOT NULL DEFAULT 1""",
}

HANDLERS = Handlers()


def set_user(cursor: Cursor, event: Any, **changes: Any) -> None:
    assignments = ", ".join(f"{column} = ?" for column in changes)
    cursor.execute(
        f"UPDATE view_users SET {assignments} WHERE user_id = ?", (*changes.values(), str(event.originator_id))
    )


@HANDLERS.on(User.Registered)
def registered(cursor: Cursor, event: User.Registered, position: int) -> None:
    cursor.execute(
        "INSERT INTO view_users (username, user_id, full_name, role, hamlets, commune, email)"
        " VALUES (?, ?, ?, ?, ?, ?, NULL)",
        (
            event.username,
            str(event.originator_id),
            event.full_name,
            event.role.value,
            "|".join(event.hamlets),
            event.commune,
        ),
    )


@HANDLERS.on(User.RoleGranted)
def role_granted(cursor: Cursor, event: User.RoleGranted, position: int) -> None:
    set_user(cursor, event, role=event.role.value)


@HANDLERS.on(User.RoleRevoked)
def role_revoked(cursor: Cursor, event: User.RoleRevoked, position: int) -> None:
    set_user(cursor, event, role=None)


@HANDLERS.on(User.HamletsAssigned)
def hamlets_assigned(cursor: Cursor, event: User.HamletsAssigned, position: int) -> None:
    set_user(cursor, event, hamlets="|".join(event.hamlets))


@HANDLERS.on(User.Deactivated)
def deactivated(cursor: Cursor, event: User.Deactivated, position: int) -> None:
    set_user(cursor, event, active=0)


@HANDLERS.on(User.Reactivated)
def reactivated(cursor: Cursor, event: User.Reactivated, position: int) -> None:
    set_user(cursor, event, active=1)


@HANDLERS.on(User.EmailAddressGiven)
def email_set(cursor: Cursor, event: User.EmailAddressGiven, position: int) -> None:
    set_user(cursor, event, email=event.address or None)


READ_MODEL = ReadModel("users", TABLES, HANDLERS)

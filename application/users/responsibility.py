"""Who answers for a deadline, and to whom: the same answer for the sweep, the obligations list and the header."""

from __future__ import annotations

from typing import Any

from application.core.capability import CapabilityService
from domain.user import Role


class Responsibility(CapabilityService):
    def responsible_of(self, row: dict[str, Any], users: list[dict[str, Any]] | None = None) -> str:
        """The official named on the deadline; for commune-wide ones the commune officer, else the chair;
        for a household's, the official of its hamlet."""
        users = self.users() if users is None else users
        if row["responsible"]:
            return str(row["responsible"])
        if row["subject_type"] == "commune":
            return self.settings.commune_officer or first(users, Role.CHAIR)
        return self.responsible_for(row["hamlet"], users)

    def responsible_for(self, hamlet: str, users: list[dict[str, Any]] | None = None) -> str:
        """The official assigned to the hamlet (seed §VI), else the vice-chair, else the chair."""
        users = self.users() if users is None else users
        for user in users:
            if user["active"] and user["role"] == Role.OFFICIAL.value and hamlet in user["hamlets"].split("|"):
                return str(user["username"])
        return first(users, Role.VICE_CHAIR) or first(users, Role.CHAIR)

    def supervisor_of(self, username: str) -> str:
        """An official answers to the vice-chair in charge (seed §IV.2), the vice-chair to the chair."""
        users = self.users()
        role = next((user["role"] for user in users if user["username"] == username), "")
        if role == Role.OFFICIAL.value:
            return first(users, Role.VICE_CHAIR) or first(users, Role.CHAIR)
        return first(users, Role.CHAIR) if role == Role.VICE_CHAIR.value else ""

    def users(self) -> list[dict[str, Any]]:
        with self.views.database.reading() as cursor:
            return cursor.all("SELECT username, role, hamlets, active FROM view_users ORDER BY username")


def first(users: list[dict[str, Any]], role: Role) -> str:
    # A deactivated account receives no new work (its reminders go to the next in line).
    return next((str(user["username"]) for user in users if user["active"] and user["role"] == role.value), "")

"""Use cases over server-side sessions and the sign-in throttle (issue 10 §4); storage in sessions.py."""

from __future__ import annotations

import logging
import math
from functools import cached_property

from application.core.capability import CapabilityService
from application.core.ledger_core import on_start_up
from application.users.sessions import FailureCounter, Limits, SessionStore, create_session_tables
from domain.acts import DomainError

log = logging.getLogger("giamngheo.sign_in")

# A typed username is kept this long in a throttle key or a log line, as in domain/sign_in.py.
KEY_KEPT = 64


class SignInThrottledError(DomainError):
    """Too many failed sign-ins for this username or from this address: wait, then try again."""

    def __init__(self, seconds: int) -> None:
        self.seconds = seconds
        super().__init__(f"Đăng nhập sai quá nhiều lần. Hãy thử lại sau {math.ceil(seconds / 60)} phút.")


def user_key(username: str) -> str:
    return f"user:{username[:KEY_KEPT]}"


def address_key(address: str) -> str:
    return f"address:{address[:KEY_KEPT]}"


class SessionCases(CapabilityService):
    @cached_property
    def sessions(self) -> SessionStore:
        on_start_up(lambda: create_session_tables(self.views.database))
        return SessionStore(self.views.database)

    @cached_property
    def sign_in_failures(self) -> FailureCounter:
        self.sessions  # noqa: B018  (creates the tables)
        minutes = self.settings.sign_in_window_minutes, self.settings.sign_in_lockout_minutes
        return FailureCounter(self.views.database, Limits(window=minutes[0] * 60, lockout=minutes[1] * 60))

    def _seconds(self) -> int:
        return int(self.clock().timestamp())

    def start_session(self, username: str) -> str:
        """A new session for a user who just signed in; the id goes in the cookie, its digest in the table."""
        return self.sessions.open(username, self._seconds(), self.settings.session_hours * 3600)

    def session_username(self, session_id: str) -> str | None:
        return self.sessions.username(session_id, self._seconds()) if session_id else None

    def end_session(self, session_id: str) -> None:
        """Logout: the session id stops working at once, also in a copy of the cookie."""
        if session_id:
            self.sessions.end(session_id)

    def end_sessions(self, username: str, keep: str = "") -> int:
        return self.sessions.end_all(username.strip().lower(), keep)

    def open_sessions(self, username: str) -> int:
        return self.sessions.count(username.strip().lower(), self._seconds())

    def _throttle_keys(self, username: str, address: str) -> dict[str, int]:
        keys = {user_key(username): self.settings.sign_in_max_failures}
        if address:
            keys[address_key(address)] = self.settings.sign_in_max_failures_per_address
        return keys

    def refuse_if_throttled(self, username: str, address: str) -> None:
        """Checked before the password, the same for known and unknown names: no hash, no event."""
        wait = self.sign_in_failures.locked_for(list(self._throttle_keys(username, address)), self._seconds())
        if wait:  # not logged one by one: the lock itself was logged when it started
            raise SignInThrottledError(wait)

    def count_failure(self, username: str, address: str) -> None:
        for key in self.sign_in_failures.failed(self._throttle_keys(username, address), self._seconds()):
            log.warning("sign-in locked for %d minutes: %r", self.settings.sign_in_lockout_minutes, key)

    def forget_failures(self, username: str) -> None:
        self.sign_in_failures.clear(user_key(username))

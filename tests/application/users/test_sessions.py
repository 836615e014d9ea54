"""Issue 10 §4 on every store: sessions kept server-side, ended by the chair's changes, shared by workers."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import pytest

from application.core.ledger_core import Entry
from application.ledger import Ledger
from application.users.management import SignInRefusedError
from application.users.session_cases import SignInThrottledError
from domain.user import Role
from tests.conftest import PASSWORD, FixedClock, seed_users

DAY = Entry(date(2026, 11, 28))


def chair(ledger: Ledger):  # type: ignore[no-untyped-def]
    actor = ledger.users.actor("chutich")
    assert actor is not None
    return actor


def test_a_role_change_ends_the_accounts_sessions_and_only_its_own(ledger: Ledger) -> None:
    official, other = ledger.sessions.start_session("vanhoa"), ledger.sessions.start_session("diachinh")

    ledger.accounts.grant_role(chair(ledger), "vanhoa", Role.VICE_CHAIR, DAY)

    assert ledger.sessions.session_username(official) is None
    assert ledger.sessions.session_username(other) == "diachinh"


def test_a_deactivation_ends_the_accounts_sessions(ledger: Ledger) -> None:
    sessions = [ledger.sessions.start_session("vanhoa") for _ in range(3)]

    ledger.accounts.deactivate_user(chair(ledger), "vanhoa", DAY)

    assert [ledger.sessions.session_username(s) for s in sessions] == [None, None, None]
    assert ledger.sessions.open_sessions("vanhoa") == 0


def test_a_duplicate_form_submission_ends_no_session_opened_since(ledger: Ledger) -> None:
    entry = Entry(date(2026, 11, 28), command_id="doi-vai-tro-1")
    ledger.accounts.grant_role(chair(ledger), "vanhoa", Role.VICE_CHAIR, entry)
    since = ledger.sessions.start_session("vanhoa")

    assert ledger.accounts.grant_role(chair(ledger), "vanhoa", Role.VICE_CHAIR, entry).duplicate

    assert ledger.sessions.session_username(since) == "vanhoa"


def test_ones_own_password_change_keeps_the_session_in_use(ledger: Ledger) -> None:
    here, elsewhere = ledger.sessions.start_session("mttq"), ledger.sessions.start_session("mttq")
    mttq = ledger.users.actor("mttq")
    assert mttq

    ledger.accounts.change_own_password(mttq, PASSWORD, "giam-sat-cong-khai-7", keep_session=here)

    assert ledger.sessions.session_username(here) == "mttq" and ledger.sessions.session_username(elsewhere) is None


def test_sessions_and_locks_survive_a_rebuild_of_the_read_models(ledger: Ledger) -> None:
    session = ledger.sessions.start_session("vanhoa")
    for _ in range(5):
        with pytest.raises(SignInRefusedError):
            ledger.accounts.sign_in("diachinh", "doan-sai-mai")

    ledger.read_models.rebuild_read_models()

    assert ledger.sessions.session_username(session) == "vanhoa"
    with pytest.raises(SignInThrottledError):
        ledger.accounts.sign_in("diachinh", PASSWORD)


def test_the_failure_counters_keep_only_the_last_window(ledger: Ledger, clock: FixedClock) -> None:
    for number in range(20):
        with pytest.raises(SignInRefusedError):
            ledger.accounts.sign_in(f"khongco{number}", "doan-sai-mai", f"10.0.0.{number}")

    clock.now += timedelta(minutes=ledger.settings.sign_in_window_minutes + 1)
    with pytest.raises(SignInRefusedError):
        ledger.accounts.sign_in("khongco-cuoi", "doan-sai-mai", "10.0.9.9")

    with ledger.views.database.reading() as cursor:
        rows = cursor.all("SELECT attempt_key FROM sign_in_failures ORDER BY attempt_key")
    assert [row["attempt_key"] for row in rows] == ["address:10.0.9.9", "user:khongco-cuoi"]


def test_two_web_workers_share_sessions_and_locks(make_ledger: Callable[[str], Ledger], durable_url: str) -> None:
    first = make_ledger(durable_url)
    seed_users(first)
    second = make_ledger(durable_url)
    session = first.sessions.start_session("vanhoa")
    for _ in range(5):
        with pytest.raises(SignInRefusedError):
            first.accounts.sign_in("diachinh", "doan-sai-mai")

    assert second.sessions.session_username(session) == "vanhoa"
    with pytest.raises(SignInThrottledError, match="Hãy thử lại sau 15 phút"):
        second.accounts.sign_in("diachinh", PASSWORD)
    second.sessions.end_session(session)
    assert first.sessions.session_username(session) is None


def test_concurrent_failures_on_two_workers_are_all_counted(
    make_ledger: Callable[[str], Ledger], durable_url: str
) -> None:
    workers = [make_ledger(durable_url), make_ledger(durable_url)]
    seed_users(workers[0])
    before = workers[0].log_position()

    def attempt(number: int) -> str:
        try:
            workers[number % 2].accounts.sign_in("diachinh", "doan-sai-mai", f"10.0.0.{number}")
        except (SignInRefusedError, SignInThrottledError) as refusal:
            return type(refusal).__name__
        return "signed in"

    with ThreadPoolExecutor(max_workers=4) as pool:
        outcomes = list(pool.map(attempt, range(24)))

    assert set(outcomes) == {"SignInRefusedError", "SignInThrottledError"}
    # Attempts already past the lock check when the fifth failure locks the name still count: at most one per thread.
    assert 5 <= workers[0].log_position() - before <= 5 + 4
    with pytest.raises(SignInThrottledError):
        workers[1].accounts.sign_in("diachinh", PASSWORD)

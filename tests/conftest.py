"""Fixtures shared by the layers: a ledger on each store, and a fixed clock in Vietnam's time zone."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from application.core.settings import Settings
from application.ledger import Ledger
from domain.user import Role
from tests.postgres import POOL, throwaway_database

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = date(2026, 11, 28)
PASSWORD = "mat-khau-thu"


class FixedClock:
    """A clock the test moves by hand; the ledger reads Vietnamese local time from it."""

    def __init__(self, today: date = TODAY) -> None:
        self.now = datetime(today.year, today.month, today.day, 9, 0, tzinfo=VIETNAM)

    def __call__(self) -> datetime:
        return self.now

    def set_today(self, today: date) -> None:
        self.now = datetime(today.year, today.month, today.day, 9, 0, tzinfo=VIETNAM)


@pytest.fixture(scope="session", autouse=True)
def postgres_databases() -> Iterator[None]:
    """The run's PostgreSQL databases (tests/postgres.py) are dropped when it ends; none when it used none."""
    yield
    POOL.close()


@pytest.fixture(params=["memory", "sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The same test on the in-memory store, a SQLite file and a PostgreSQL server."""
    if request.param == "memory":
        yield "memory:"
    else:
        yield from durable(request.param, tmp_path)


@pytest.fixture(params=["sqlite", "postgres"])
def durable_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store that outlives its ledger and that several ledgers or processes can open at once: a SQLite file
    or a PostgreSQL database (the in-memory store belongs to one ledger)."""
    yield from durable(request.param, tmp_path)


def durable(kind: str, tmp_path: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path}/giamngheo.db"
    else:
        with throwaway_database() as url:
            yield url


@pytest.fixture(autouse=True)
def data_directory(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Keys and witness files of a test go to its own folder, never to the working directory's var/ (whose
    witness a developer's `audit verify` would then read); child processes inherit it."""
    monkeypatch.setenv("GIAMNGHEO_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def make_ledger(clock: FixedClock) -> Iterator[Callable[[str], Ledger]]:
    opened: list[Ledger] = []

    def make(url: str) -> Ledger:
        settings = Settings(
            database=url,
            secret_key="test-secret",
            audit_key="test-audit-key",
            password_hashing="CHEAPEST",
        )
        ledger = Ledger(settings, clock=clock)
        opened.append(ledger)
        return ledger

    yield make
    for ledger in opened:
        ledger.close()


@pytest.fixture
def ledger(make_ledger: Callable[[str], Ledger], database_url: str) -> Ledger:
    ledger = make_ledger(database_url)
    seed_users(ledger)
    return ledger


def seed_users(ledger: Ledger) -> None:
    """The plan's §VI assignments, enough for scope checks."""
    ledger.users.create_user("chutich", "Mai Đức Nghĩa", Role.CHAIR, [], PASSWORD)
    ledger.users.create_user("phochutich", "Phó Chủ tịch UBND xã", Role.VICE_CHAIR, [], PASSWORD)
    ledger.users.create_user("diachinh", "Công chức Địa chính", Role.OFFICIAL, ["Xuân Hà"], PASSWORD)
    ledger.users.create_user("vanhoa", "Công chức Văn hóa – xã hội", Role.OFFICIAL, ["Xuân Đài Đông"], PASSWORD)
    ledger.users.create_user("mttq", "Ủy ban MTTQ xã", Role.SUPERVISOR, [], PASSWORD)

"""Benchmark of the ledger on SQLite and PostgreSQL, beside the library's raw speed in the same run.

(a) A recognition form POST through real HTTP (uvicorn + httpx) until its 303 redirect, p50/p95 in ms,
    beside `Application.save()` of a trivial one-event aggregate.
(b) `Ledger.rebuild_read_models()` in events/s, beside reading the same log with
    `select_notifications` in pages of 500 and decoding every notification.
(c) `load_demo()`: the demo commune of 2,500 households built through the use cases, in seconds and events/s,
    beside `Application.save()` of one-event aggregates in events/s.

Usage: .venv/bin/python bench/run.py [--quick] [--posts N] [--events N] [--repeats N]
Everything it creates (a temporary directory, a giamngheo_bench_* database) is removed at the end.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shlex
import socket
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import astuple, dataclass
from datetime import date
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import urlparse, urlunparse

import httpx
import psycopg
import uvicorn
from eventsourcing.application import Application
from eventsourcing.domain import Aggregate

from application.core.settings import DEFAULT_HAMLETS, Settings, eventsourcing_env, sqlite_path
from application.demo.commune import DEMO_HOUSEHOLDS, decision, load_demo
from application.ledger import Ledger
from domain.acts import Act
from domain.household import Area, Household, Member, Standing
from domain.user import Actor, Role
from web.app import create_app

ADMIN_URL = os.environ.get("GIAMNGHEO_BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
HAMLET = "Xuân Hà"
OFFICIAL, PASSWORD = "bench", "do-hieu-nang-01"  # passes the password policy (issue 10 §4)
PAGE = 500
BATCH = 20  # households per store.save() when filling the log


@dataclass(frozen=True)
class Sizes:
    posts: int
    events: int
    repeats: int


# --- the library's raw speed: a trivial aggregate in its own application (own table / own file) ---


class Tick(Aggregate):
    """One `Tick.Created` event, nothing else."""

    def __init__(self, note: str) -> None:
        self.note = note


class RawLibrary(Application):
    name = "BenchRaw"


def raw_env(database: str) -> dict[str, str]:
    env = eventsourcing_env(database)
    if "SQLITE_DBNAME" in env:
        path = Path(sqlite_path(database))
        env["SQLITE_DBNAME"] = str(path.with_name(path.stem + ".raw" + path.suffix))
    return env


def raw_save_times(database: str, count: int) -> list[float]:
    with closing(RawLibrary(env=raw_env(database))) as app:
        for _ in range(10):
            app.save(Tick("warm-up"))
        return [timed(lambda: app.save(Tick("tick")))[0] for _ in range(count)]


def read_and_decode(ledger: Ledger) -> int:
    recorder, mapper = ledger.store.recorder, ledger.store.mapper
    position, count = 0, 0
    while page := recorder.select_notifications(position, limit=PAGE, inclusive_of_start=False):
        for notification in page:
            mapper.to_domain_event(notification)
        count, position = count + len(page), page[-1].id
    return count


# --- throwaway databases ---


@contextmanager
def sqlite_database() -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="giamngheo_bench_") as directory:
        yield f"sqlite:///{directory}/ledger.db"


@contextmanager
def postgres_database() -> Iterator[str]:
    name = f"giamngheo_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=5) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunparse(urlparse(ADMIN_URL)._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=5) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- the web application over real HTTP ---


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(ledger: Ledger) -> Iterator[str]:
    port = free_port()
    config = uvicorn.Config(create_app(ledger), host="127.0.0.1", port=port, log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="bench-uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=20)


class Browser:
    """An official's browser: a session cookie and the session's CSRF token."""

    def __init__(self, client: httpx.Client) -> None:
        self.client, self.csrf = client, ""

    def read_csrf(self, path: str) -> None:
        match = re.search(r'name="csrf_token" value="([^"]+)"', self.client.get(path).text)
        assert match, f"no csrf_token on {path}"
        self.csrf = match.group(1)

    def log_in(self, username: str, password: str) -> None:
        self.read_csrf("/login")
        form = {"csrf_token": self.csrf, "username": username, "password": password}
        response = self.client.post("/login", data=form, follow_redirects=False)
        assert response.status_code == 303, response.status_code
        self.read_csrf("/households/new")  # signing in starts a new session, with a new token

    def submit(self, path: str, fields: dict[str, str]) -> tuple[float, str]:
        """Posts a form with a fresh command_id; returns (ms until the 303, where it redirects)."""
        form = {"csrf_token": self.csrf, "command_id": str(uuid.uuid4()), **fields}
        elapsed, response = timed(lambda: self.client.post(path, data=form, follow_redirects=False))
        assert response.status_code == 303, (response.status_code, response.text[:300])
        return elapsed, response.headers["location"]


def register_via_form(browser: Browser, number: int) -> tuple[float, str]:
    fields = {"hamlet": HAMLET, "head_name": f"Nguyễn Văn Bench {number}", "members": "", "area": "rural",
              "effective_on": "01/10/2024"}
    elapsed, location = browser.submit("/households", fields)
    return elapsed, location.rstrip("/").rsplit("/", 1)[-1]


def recognise_via_form(browser: Browser, household_id: str) -> float:
    fields = {"standing": "poor", "effective_on": "14/12/2024"}
    return browser.submit(f"/households/{household_id}/recognitions", fields)[0]


def form_posts(ledger: Ledger, count: int) -> tuple[list[float], list[float]]:
    """Registers `count` households, then recognises each as poor; returns both latency lists."""
    with serving(ledger) as base_url, httpx.Client(base_url=base_url, timeout=60) as client:
        browser = Browser(client)
        browser.log_in(OFFICIAL, PASSWORD)
        registered = [register_via_form(browser, number) for number in range(count)]
        recognised = [recognise_via_form(browser, household_id) for _, household_id in registered]
    return [elapsed for elapsed, _ in registered], recognised


# --- filling the log with real ledger events ---


def act(actor: Actor, effective_on: date, note: str = "") -> Act:
    return Act(actor.username, actor.role.value, effective_on, note=note)


def household_with_history(actor: Actor, commune: str, number: int) -> Household:
    """Registered, recognised poor or near-poor in 2021, and every third one escaped in 2023."""
    members = [Member(f"Trần Thị Bench {number}", "vợ", 1980), Member(f"Nguyễn Văn Con {number}", "con", 2010)]
    household = Household.register(commune, HAMLET, f"Nguyễn Văn Bench {number}", members, Area.RURAL,
                                   act(actor, date(2021, 10, 1), "Đăng ký theo danh sách quản lý của xã"))
    standing = Standing.NEAR_POOR if number % 3 == 1 else Standing.POOR
    annual = decision(2021)
    household.recognise(standing, Act(actor.username, actor.role.value, annual.effective_on, annual.basis, annual.note))
    if number % 3 == 0:
        household.escape_poverty(Standing.ESCAPED_POVERTY, True, act(actor, date(2023, 12, 14)))
    return household


def fill_log(ledger: Ledger, target: int) -> int:
    """Saves households with histories, BATCH per save, until the log holds `target` events."""
    actor = ledger.users.actor(OFFICIAL)
    assert actor is not None
    number = 0
    while ledger.log_position() < target:
        batch = [household_with_history(actor, ledger.settings.commune, number + offset) for offset in range(BATCH)]
        ledger.store.save(*batch)
        number += BATCH
    return ledger.log_position()


# --- measuring ---


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    return (time.perf_counter() - start) * 1000, result


def percentile(samples: list[float], share: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[share - 1]


def events_per_second(action: Callable[[], int], repeats: int) -> tuple[float, int]:
    """The median speed over `repeats` runs of an action that returns how many events it handled."""
    runs = [timed(action) for _ in range(repeats)]
    count = runs[0][1]
    assert all(handled == count for _, handled in runs), runs
    return statistics.median(count / (ms / 1000) for ms, _ in runs), count


@dataclass(frozen=True)
class Result:
    register: list[float]
    recognise: list[float]
    raw_save: list[float]
    rebuild: float
    raw_read: float
    events: int
    demo_seconds: float
    demo_events: int


def prepared_ledger(database: str) -> tuple[Ledger, float, int]:
    """A ledger holding the demo commune, how long the demo took to build (ms) and its events."""
    ledger = Ledger(Settings(database=database, secret_key="bench", hamlets=DEFAULT_HAMLETS))
    demo_ms, _ = timed(lambda: load_demo(ledger, households=DEMO_HOUSEHOLDS))
    demo_events = ledger.log_position()
    ledger.users.create_user(OFFICIAL, "Cán bộ đo hiệu năng", Role.OFFICIAL, [HAMLET], PASSWORD)
    return ledger, demo_ms, demo_events


def measure(database: str, sizes: Sizes) -> Result:
    ledger, demo_ms, demo_events = prepared_ledger(database)
    with closing(ledger):
        register, recognise = form_posts(ledger, sizes.posts)
        raw_save = raw_save_times(database, sizes.posts)
        fill_log(ledger, sizes.events)
        rebuild, events = events_per_second(ledger.read_models.rebuild_read_models, sizes.repeats)
        raw_read, read = events_per_second(lambda: read_and_decode(ledger), sizes.repeats)
        assert read == events == ledger.log_position(), (read, events)
        assert len(ledger.households.household_list(hamlet=HAMLET)) >= sizes.posts
    return Result(register, recognise, raw_save, rebuild, raw_read, events, demo_ms / 1000, demo_events)


# --- the report ---


def postgres_version() -> str:
    with psycopg.connect(ADMIN_URL, connect_timeout=5) as connection:
        row = connection.execute("SHOW server_version").fetchone()
    return str(row[0]) if row else "?"


def latency_cell(ours: list[float], raw: list[float], share: int) -> str:
    mine, theirs = percentile(ours, share), percentile(raw, share)
    return f"{mine:.2f} | {theirs:.2f} (×{mine / theirs:.1f})"


def speed_cell(ours: float, raw: float) -> str:
    return f"{ours:,.0f} | {raw:,.0f} (×{raw / ours:.1f})"


def rows(result: Result) -> list[str]:
    return [
        latency_cell(result.recognise, result.raw_save, 50),
        latency_cell(result.recognise, result.raw_save, 95),
        latency_cell(result.register, result.raw_save, 50),
        latency_cell(result.register, result.raw_save, 95),
        speed_cell(result.rebuild, result.raw_read),
        f"{result.events:,}",
        speed_cell(result.demo_events / result.demo_seconds, 1000 / statistics.median(result.raw_save)),
        f"{result.demo_events:,} events in {result.demo_seconds:.1f} s",
    ]


LABELS = [
    "(a) recognition POST → 303, p50 ms | raw save() p50",
    "(a) recognition POST → 303, p95 ms | raw save() p95",
    "    registration POST → 303, p50 ms | raw save() p50",
    "    registration POST → 303, p95 ms | raw save() p95",
    "(b) rebuild_read_models ev/s | raw read+decode ev/s",
    "    events in the log (rebuilt and read)",
    f"(c) demo commune ({DEMO_HOUSEHOLDS:,} households) ev/s | raw save() ev/s",
    "    demo commune build",
]


def print_table(results: dict[str, Result]) -> None:
    columns = {name: rows(result) for name, result in results.items()}
    width = max(len(label) for label in LABELS) + 2
    cell = max(len(value) for values in columns.values() for value in values) + 3
    print("measurement".ljust(width) + "".join(name.ljust(cell) for name in columns))
    print("-" * (width + cell * len(columns)))
    for index, label in enumerate(LABELS):
        print(label.ljust(width) + "".join(values[index].ljust(cell) for values in columns.values()))


REFERENCE = ("reference, eventsourcing.md §17 (its 2-vCPU VM, a Ticket workload): save p50 0.56 ms SQLite,"
             " 1.84 ms PostgreSQL;\n  read+decode 69k / 57k ev/s; page-per-transaction rebuild (fold + executemany)"
             " 63k / 52k ev/s.")


def print_report(results: dict[str, Result], sizes: Sizes) -> None:
    print(f"\nSổ giảm nghèo benchmark — command: {shlex.join(sys.orig_argv)}")
    print(f"machine: {os.cpu_count()} CPUs, {platform.platform()}, Python {platform.python_version()}, "
          f"eventsourcing {version('eventsourcing')}, SQLite {sqlite3.sqlite_version}, "
          f"PostgreSQL {postgres_version()} (127.0.0.1); load average (1/5/15 min) at the end "
          f"{' '.join(f'{load:.1f}' for load in os.getloadavg())}")
    print(f"sizes: {sizes.posts} timed POSTs of each form, log filled to ≥ {sizes.events:,} events, "
          f"speeds are the median of {sizes.repeats} run(s)")
    print("cell: ours | library raw (×k = how many times slower ours is)\n")
    print_table(results)
    print("\nours (a): HTTP + session + CSRF + use case (get user, receipt, household; save household + receipt,"
          " 2 events) + read-model catch-up + 303.\nraw (a): Application.save() of a new one-event aggregate."
          "\nours (b): drop + recreate the view tables, then replay the log in pages of 500, one transaction"
          " per page.\nraw (b): select_notifications pages of 500 + mapper.to_domain_event, nothing written."
          "\nours (c): load_demo: 12 accounts (password hashing), households, surveys, decisions, loans, projects"
          " through the use cases,\n  one read-model catch-up per phase, the 2026 reviews, one sweep."
          "\nraw (c): 1000 / the median ms of Application.save() of a one-event aggregate (as in (a)).")
    print(REFERENCE)


def parse_sizes() -> Sizes:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="a fast smoke run: 20 posts, 1,000 events, 1 run")
    parser.add_argument("--posts", type=int, help="timed form POSTs of each kind (default 300)")
    parser.add_argument("--events", type=int, help="events in the log before the rebuild (default 10,000)")
    parser.add_argument("--repeats", type=int, help="rebuild/read runs, the median is reported (default 3)")
    args = parser.parse_args()
    quick = Sizes(20, 1_000, 1)
    full = Sizes(300, 10_000, 3)
    base = quick if args.quick else full
    sizes = Sizes(*(base_value if given is None else given
                    for given, base_value in zip((args.posts, args.events, args.repeats), astuple(base), strict=True)))
    if sizes.posts < 2 or sizes.repeats < 1:
        parser.error("--posts needs at least 2 (for percentiles) and --repeats at least 1")
    return sizes


def main() -> None:
    sizes = parse_sizes()
    results = {}
    for name, database in (("SQLite (file)", sqlite_database), ("PostgreSQL", postgres_database)):
        print(f"measuring {name} …", file=sys.stderr, flush=True)
        with database() as url:
            results[name] = measure(url, sizes)
    print_report(results, sizes)


if __name__ == "__main__":
    main()

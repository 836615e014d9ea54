"""PostgreSQL databases for the tests: each test gets a database holding exactly what a freshly opened store
holds (the event store's and the read models' tables, nothing recorded), on the local server.

Creating and dropping a database costs about a second each on a shared server (both write and sync whole
files); emptying a small one costs about 50 ms. So a run keeps a small pool: a database is created and
prepared (the ledger opened on it once) only when every pooled one is in use, and a test returning its
database leaves it for the next, which gets it back emptied: the other connections to it cut, every row
deleted, the rows and sequences of a fresh store put back, the tables the previous test created dropped.
If its tables then differ in any way from a fresh store's, it is dropped and a new one prepared instead.

Names carry the run's process id and start time (`giamngheo_test_<pid>_<epoch>_<n>`); the run drops its
databases when it ends, and the first use of the server drops those of runs that are no longer alive
(crashed or killed) or older than a day, and the unnamed ones of the earlier per-test scheme.
The server is required: when it is missing these tests fail (never skip), as CI demands.
"""

from __future__ import annotations

import itertools
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlparse, urlunparse

import psycopg
from psycopg import sql

ADMIN_URL = os.environ.get("GIAMNGHEO_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")
PREFIX = "giamngheo_test_"
STALE_AFTER_SECONDS = 24 * 3600
LEGACY_STALE_AFTER_SECONDS = 3600  # `giamngheo_test_<hex>`, dropped by their own test unless it crashed

Shape = tuple[tuple[Any, ...], ...]


def admin() -> psycopg.Connection[Any]:
    return psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=5)


def url_of(name: str) -> str:
    return urlunparse(urlparse(ADMIN_URL)._replace(path=f"/{name}"))


class Fresh:
    """What a store holds right after it was opened on an empty database: its shape, rows and sequences."""

    def __init__(self, connection: psycopg.Connection[Any]) -> None:
        self.shape = shape_of(connection)
        self.tables = [name for kind, name, *_ in self.shape if kind == "table"]
        self.rows = {table: connection.execute(select_all(table)).fetchall() for table in self.tables}
        sequences = [name for kind, name, *_ in self.shape if kind == "sequence"]
        state = sql.SQL("SELECT last_value, is_called FROM {}")
        self.sequences = {name: connection.execute(state.format(sql.Identifier(name))).fetchone() for name in sequences}

    def restore(self, connection: psycopg.Connection[Any]) -> None:
        """Empties the database back to this state in one transaction sent at once (fast: no file is created or
        removed but those of the tables a test added)."""
        statements = [sql.SQL("SET LOCAL session_replication_role = replica")]  # no trigger, no key check
        for table in set(user_tables(connection)) - set(self.tables):
            statements.append(sql.SQL("DROP TABLE {} CASCADE").format(sql.Identifier(table)))
        for table in self.tables:
            statements.append(sql.SQL("DELETE FROM {}").format(sql.Identifier(table)))
            for row in self.rows[table]:
                values = sql.SQL(", ").join(map(sql.Literal, row))
                statements.append(sql.SQL("INSERT INTO {} VALUES ({})").format(sql.Identifier(table), values))
        for sequence, (last_value, is_called) in self.sequences.items():
            statements.append(
                sql.SQL("SELECT setval({}, {}, {})").format(*map(sql.Literal, (sequence, last_value, is_called)))
            )
        with connection.transaction():
            connection.execute(sql.SQL(";\n").join(statements))


def shape_of(connection: psycopg.Connection[Any]) -> Shape:
    """Every relation, column, index and function of the public schema, comparable between databases."""
    relations = connection.execute(
        """SELECT CASE c.relkind WHEN 'r' THEN 'table' WHEN 'S' THEN 'sequence' WHEN 'i' THEN 'index'
                  ELSE c.relkind::text END, c.relname, NULL, NULL
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind <> 't'"""
    ).fetchall()
    columns = connection.execute(
        """SELECT 'column', table_name, column_name,
                  data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '')
           FROM information_schema.columns WHERE table_schema = 'public'"""
    ).fetchall()
    functions = connection.execute(
        """SELECT 'function', p.proname, pg_get_function_identity_arguments(p.oid), NULL
           FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'"""
    ).fetchall()
    return tuple(sorted(tuple(row) for row in [*relations, *columns, *functions]))


def user_tables(connection: psycopg.Connection[Any]) -> list[str]:
    return [row[0] for row in connection.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]


def select_all(table: str) -> sql.Composed:
    return sql.SQL("SELECT * FROM {}").format(sql.Identifier(table))


class Pool:
    """This run's databases: the free ones, and how to make one more."""

    def __init__(self) -> None:
        self.run = f"{PREFIX}{os.getpid()}_{int(time.time())}_"
        self.numbers = itertools.count(1)
        self.created: list[str] = []
        self.free: list[str] = []
        self.fresh: Fresh | None = None
        self.swept = False

    def acquire(self) -> str:
        while self.free:
            name = self.free.pop()
            if self._emptied(name):
                return name
            self.drop(name)
        return self._prepared()

    def release(self, name: str) -> None:
        self.free.append(name)

    def empty(self) -> str:
        """A database with nothing in it, not even tables (for a restore into a new server, say)."""
        return self._create()

    def close(self) -> None:
        """Drops every database of this run (at the end of the test session)."""
        for name in list(self.created):
            self.drop(name)
        self.free.clear()

    def _prepared(self) -> str:
        name = self._create()
        open_store(url_of(name))
        with psycopg.connect(url_of(name), autocommit=True, connect_timeout=5) as connection:
            if self.fresh is None:
                self.fresh = Fresh(connection)
            elif shape_of(connection) != self.fresh.shape:
                raise AssertionError("Two freshly opened stores differ in shape: the store's start-up varies")
        return name

    def _emptied(self, name: str) -> bool:
        assert self.fresh is not None
        disconnect_others(name)
        try:
            with psycopg.connect(url_of(name), autocommit=True, connect_timeout=5) as connection:
                self.fresh.restore(connection)
                return shape_of(connection) == self.fresh.shape
        except psycopg.Error:  # a table of the fresh store was dropped or changed: prepare another
            return False

    def _create(self) -> str:
        if not self.swept:
            self.swept = True
            drop_stale_databases()
        name = f"{self.run}{next(self.numbers)}"
        with admin() as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        self.created.append(name)
        return name

    def drop(self, name: str) -> None:
        with admin() as connection:
            connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        self.created.remove(name)


def open_store(url: str) -> None:
    """Opens the ledger once on the database, as its first start-up does: every table is created."""
    from application.core.settings import Settings
    from application.ledger import Ledger

    with tempfile.TemporaryDirectory() as data:
        Ledger(Settings(database=url, secret_key="test-secret", password_hashing="CHEAPEST", data_dir=data)).close()


def disconnect_others(name: str) -> None:
    """Cuts every connection to the database (a ledger or child process the previous test left open)."""
    with admin() as connection:
        for _ in range(100):
            left = connection.execute(
                """SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                   WHERE datname = %s AND pid <> pg_backend_pid()""",
                (name,),
            ).fetchone()
            if not left or not left[0]:
                return
            time.sleep(0.05)
    raise AssertionError(f"Connections to {name} stay open after being terminated")


def drop_stale_databases() -> None:
    """Drops the databases of earlier runs that crashed or were killed before dropping their own."""
    with admin() as connection:
        found = connection.execute("SELECT datname FROM pg_database WHERE datname LIKE 'giamngheo\\_test\\_%'")
        names = [row[0] for row in found]
        for name in names:
            if is_stale(connection, name):
                connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def is_stale(connection: psycopg.Connection[Any], name: str) -> bool:
    parts = name.removeprefix(PREFIX).split("_")
    if len(parts) == 3 and all(part.isdigit() for part in parts):
        pid, started = int(parts[0]), int(parts[1])
        return not process_alive(pid) or time.time() - started > STALE_AFTER_SECONDS
    return age_seconds(connection, name) > LEGACY_STALE_AFTER_SECONDS


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def age_seconds(connection: psycopg.Connection[Any], name: str) -> float:
    """How long ago the database was created, from its directory on the server (0 when unknown)."""
    try:
        found = connection.execute(
            """SELECT extract(epoch FROM now() - (pg_stat_file('base/' || oid || '/PG_VERSION')).modification)
               FROM pg_database WHERE datname = %s""",
            (name,),
        ).fetchone()
    except psycopg.Error:
        return 0.0
    return float(found[0]) if found and found[0] is not None else 0.0


POOL = Pool()


@contextmanager
def throwaway_database(empty: bool = False) -> Iterator[str]:
    """The URL of a database of this run's pool, fresh as a newly opened store (or `empty`: no tables at all),
    for the duration of the block."""
    if empty:
        name = POOL.empty()
        try:
            yield url_of(name)
        finally:
            POOL.drop(name)
        return
    name = POOL.acquire()
    try:
        yield url_of(name)
    finally:
        POOL.release(name)

"""Tamper evidence: the hash chain over the log, signed checkpoints, and the check of the live database.

The tampering is done the way someone with the database password would: SQL straight on the event
table, on a SQLite file and on PostgreSQL (the memory store has no SQL to tamper with).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import psycopg
import pytest

from application.audit.chain import GENESIS, event_canonical, link_hash, stored_events
from application.audit.checkpoints import DAILY, stored_checkpoints
from application.audit.verify import CHANGED, CHECKPOINT, EXTRA, MISSING, MOVED, SIGNATURE, TRUNCATED, Problem
from application.core.settings import sqlite_path
from application.ledger import Ledger
from domain.household import Standing
from tests.application.helpers import actor, entry, register
from tests.conftest import seed_users


class Tamperer:
    """SQL on the stored events, as an intruder with database access would run it."""

    def __init__(self, ledger: Ledger, url: str) -> None:
        self.ledger, self.url = ledger, url
        self.table = ledger.store.recorder.events_table_name
        self.position = "rowid" if url.startswith("sqlite") else "notification_id"

    def run(self, sql: str, params: tuple[Any, ...] = ()) -> None:
        sql = sql.format(table=self.table, position=self.position)
        if self.url.startswith("sqlite"):
            with sqlite3.connect(sqlite_path(self.url)) as connection:
                connection.execute(sql, params)
        else:
            with psycopg.connect(self.url, autocommit=True) as connection:
                connection.execute(sql.replace("?", "%s"), params)

    def state(self, position: int) -> bytes:
        [event] = self.ledger.store.recorder.select_notifications(position, 1)
        return bytes(event.state)

    def change_one_byte(self, position: int) -> None:
        state = bytearray(self.state(position))
        state[state.index(b'"actor"') + 2] ^= 0x01  # "actor" becomes "bctor": one byte of the stored event
        self.run("UPDATE {table} SET state = ? WHERE {position} = ?", (bytes(state), position))

    def delete(self, position: int) -> None:
        self.run("DELETE FROM {table} WHERE {position} = ?", (position,))

    def insert_after(self, position: int) -> None:
        """Makes room after `position` by moving the later events up one, then slips a forged event in."""
        self.run("UPDATE {table} SET {position} = -({position} + 1) WHERE {position} > ?", (position,))
        self.run("UPDATE {table} SET {position} = -{position} WHERE {position} < 0")
        forged = self.state(position).replace(b'"actor":"', b'"actor":"x', 1)
        originator = "00000000-0000-4000-8000-000000000001"
        if self.url.startswith("sqlite"):
            originator = originator.replace("-", "")
        self.run(
            "INSERT INTO {table} ({position}, originator_id, originator_version, topic, state) VALUES (?, ?, 1, ?, ?)",
            (position + 1, originator, "domain.household:Household.Registered", forged),
        )

    def swap(self, first: int, second: int) -> None:
        self.run("UPDATE {table} SET {position} = -1 WHERE {position} = ?", (first,))
        self.run("UPDATE {table} SET {position} = ? WHERE {position} = ?", (first, second))
        self.run("UPDATE {table} SET {position} = ? WHERE {position} = -1", (second,))


@pytest.fixture
def recorded(make_ledger: Callable[[str], Ledger], durable_url: str) -> tuple[Ledger, Tamperer]:
    """A ledger with users and three households recorded through the use cases, and a signed checkpoint."""
    ledger = make_ledger(durable_url)
    seed_users(ledger)
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"):
        household_id = register(ledger, head_name=name)
        ledger.households.recognise_household(actor(ledger, "chutich"), household_id, Standing.POOR, entry())
    ledger.reminders.sweep()
    return ledger, Tamperer(ledger, durable_url)


def test_recording_an_act_extends_the_chain_to_the_new_position(ledger: Ledger) -> None:
    before = ledger.tamper_evidence.log_head()

    recorded = register(ledger)

    head = ledger.tamper_evidence.log_head()
    assert head.position == ledger.log_position() > before.position
    assert head.hash != before.hash
    assert recorded
    assert ledger.tamper_evidence.verify_log().ok


def test_the_chain_is_the_log_hashed_link_by_link_from_sixty_four_zeros(ledger: Ledger) -> None:
    register(ledger)
    expected = GENESIS
    for event in stored_events(ledger.store.recorder):
        expected = link_hash(expected, event_canonical(event))

    assert ledger.tamper_evidence.log_head().hash == expected


def test_an_untouched_log_verifies(ledger: Ledger) -> None:
    register(ledger)
    ledger.reminders.sweep()

    verdict = ledger.tamper_evidence.verify_log()

    assert verdict.ok and verdict.first_bad is None
    assert verdict.events == ledger.log_position()
    assert reasons(ledger).count(DAILY) == 1


def test_rebuilding_the_read_models_keeps_the_chain(ledger: Ledger) -> None:
    register(ledger)
    head = ledger.tamper_evidence.log_head()

    ledger.read_models.rebuild_read_models()

    assert ledger.tamper_evidence.log_head() == head
    assert ledger.tamper_evidence.verify_log().ok


def test_the_daily_sweep_signs_a_checkpoint_of_the_head(ledger: Ledger) -> None:
    register(ledger)

    ledger.reminders.sweep()

    verdict = ledger.tamper_evidence.verify_log()
    assert reasons(ledger).count(DAILY) == 1
    assert verdict.head == ledger.tamper_evidence.log_head()


def test_one_changed_byte_of_a_stored_event_is_found_at_its_position(recorded: tuple[Ledger, Tamperer]) -> None:
    ledger, tamper = recorded
    tamper.change_one_byte(9)

    verdict = ledger.tamper_evidence.verify_log()

    assert not verdict.ok
    assert verdict.first_bad is not None
    assert (verdict.first_bad.position, verdict.first_bad.kind) == (9, CHANGED)
    assert "Bản ghi số 9 đã bị sửa" in verdict.first_bad.detail


def test_a_deleted_event_is_found_at_its_position(recorded: tuple[Ledger, Tamperer]) -> None:
    ledger, tamper = recorded
    tamper.delete(8)

    verdict = ledger.tamper_evidence.verify_log()

    assert verdict.first_bad is not None
    assert (verdict.first_bad.position, verdict.first_bad.kind) == (8, MISSING)


def test_a_forged_event_slipped_in_is_found_where_it_was_inserted(recorded: tuple[Ledger, Tamperer]) -> None:
    ledger, tamper = recorded
    tamper.insert_after(7)

    verdict = ledger.tamper_evidence.verify_log()

    assert verdict.first_bad is not None
    assert verdict.first_bad.position == 8
    assert verdict.first_bad.kind in (CHANGED, EXTRA)
    assert any(problem.kind == MOVED and problem.position == 9 for problem in verdict.problems)


def test_two_swapped_events_are_found_as_a_reordering(recorded: tuple[Ledger, Tamperer]) -> None:
    ledger, tamper = recorded
    tamper.swap(7, 10)

    verdict = ledger.tamper_evidence.verify_log()

    assert verdict.first_bad is not None
    assert (verdict.first_bad.position, verdict.first_bad.kind) == (7, MOVED)
    assert "bản ghi số 7 là bản ghi số 10 của sổ gốc" in verdict.first_bad.detail
    assert [(p.position, p.kind) for p in verdict.problems] == [(7, MOVED), (10, MOVED)]


def test_deleting_the_last_events_and_their_links_is_caught_by_the_signed_checkpoint(
    recorded: tuple[Ledger, Tamperer],
) -> None:
    ledger, tamper = recorded
    last = ledger.log_position()
    tamper.delete(last)
    tamper.delete(last - 1)
    with ledger.views.database.writing() as cursor:
        cursor.execute("DELETE FROM audit_chain WHERE position >= ?", (last - 1,))

    verdict = ledger.tamper_evidence.verify_log()

    assert verdict.first_bad is not None
    assert (verdict.first_bad.position, verdict.first_bad.kind) == (last - 1, TRUNCATED)
    assert f"sổ chỉ còn đến số {last - 2}" in verdict.first_bad.detail


def test_a_log_rewritten_with_its_links_recomputed_disagrees_with_the_signed_checkpoint(
    recorded: tuple[Ledger, Tamperer],
) -> None:
    ledger, tamper = recorded
    tamper.change_one_byte(9)
    previous, links = GENESIS, []
    for event in stored_events(ledger.store.recorder):
        previous = link_hash(previous, event_canonical(event))
        links.append((event.id, previous))
    with ledger.views.database.writing() as cursor:
        cursor.execute("DELETE FROM audit_chain")
        cursor.executemany("INSERT INTO audit_chain (position, hash) VALUES (?, ?)", links)

    verdict = ledger.tamper_evidence.verify_log()

    assert [problem.kind for problem in verdict.problems] == [CHECKPOINT]
    assert "đã bị sửa và chuỗi băm bị tính lại" in verdict.problems[0].detail


def test_a_forged_checkpoint_is_refused_for_its_signature(recorded: tuple[Ledger, Tamperer]) -> None:
    ledger, _ = recorded
    with ledger.views.database.writing() as cursor:
        cursor.execute("UPDATE audit_checkpoints SET position = position - 1 WHERE reason = 'daily'")

    verdict = ledger.tamper_evidence.verify_log()

    assert [problem.kind for problem in verdict.problems] == [SIGNATURE]


def test_no_checkpoint_is_signed_over_a_log_changed_since_the_last_one(recorded: tuple[Ledger, Tamperer]) -> None:
    ledger, tamper = recorded
    register(ledger)  # after the sweep's checkpoint
    last = ledger.log_position()
    tamper.change_one_byte(last)
    with ledger.views.database.writing() as cursor:  # the intruder removes the checkpoint of the changed event
        cursor.execute("DELETE FROM audit_checkpoints WHERE position >= ?", (last,))

    assert ledger.reminders.sweep().today  # the sweep goes on
    assert reasons(ledger).count(DAILY) == 1
    changed = Problem(last, CHANGED, f"Bản ghi số {last} đã bị sửa: mã băm không khớp chuỗi.")
    assert ledger.tamper_evidence.verify_log().first_bad == changed


def reasons(ledger: Ledger) -> list[str]:
    with ledger.views.database.reading() as cursor:
        return [checkpoint.reason for checkpoint in stored_checkpoints(cursor)]

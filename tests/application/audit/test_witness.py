"""Issue 10 §7: a checkpoint after every write, the witness file outside the database, and cut tails.

Cutting the newest events together with their links and checkpoints leaves a database that agrees with
itself; the witness still names the head that was signed. The cuts are raw SQL, as an intruder would run.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from application.audit.checkpoints import WRITE, stored_checkpoints
from application.audit.verify import MALFORMED, SIGNATURE, TRUNCATED, WITNESS
from application.audit.witness import read_witness
from application.ledger import Ledger
from tests.application.audit.test_hash_chain import Tamperer
from tests.application.helpers import register
from tests.conftest import seed_users


def witness_of(ledger: Ledger) -> Path:
    return Path(ledger.settings.witness_path)


@pytest.fixture
def busy(make_ledger: Callable[[str], Ledger], durable_url: str) -> tuple[Ledger, Tamperer]:
    """Users and 350 households registered in one batch, then three more one at a time."""
    ledger = make_ledger(durable_url)
    seed_users(ledger)
    with ledger.batch():
        for number in range(350):
            register(ledger, head_name=f"Hộ số {number}")
    for number in range(3):
        register(ledger, head_name=f"Hộ mới {number}")
    return ledger, Tamperer(ledger, durable_url)


def cut_tail(ledger: Ledger, tamper: Tamperer, count: int) -> int:
    """Deletes the newest `count` events with their links and checkpoints; returns the first position cut."""
    first = ledger.log_position() - count + 1
    tamper.run("DELETE FROM {table} WHERE {position} >= ?", (first,))
    with ledger.views.database.writing() as cursor:
        cursor.execute("DELETE FROM audit_chain WHERE position >= ?", (first,))
        cursor.execute("DELETE FROM audit_checkpoints WHERE position >= ?", (first,))
        cursor.execute("UPDATE view_position SET notification_id = ? WHERE name = 'ledger_views'", (first - 1,))
    return first


def test_every_write_signs_the_new_head_and_appends_it_to_the_witness(busy: tuple[Ledger, Tamperer]) -> None:
    ledger, _ = busy

    register(ledger, head_name="Phạm Thị Dung")

    head = ledger.tamper_evidence.log_head()
    with ledger.views.database.reading() as cursor:
        newest = max(stored_checkpoints(cursor), key=lambda checkpoint: checkpoint.position)
    witnessed, unreadable = read_witness(witness_of(ledger))
    assert (newest.position, newest.head_hash, newest.reason) == (head.position, head.hash, WRITE)
    assert witnessed[-1] == newest and not unreadable
    assert ledger.tamper_evidence.verify_log(witness_of(ledger)).ok


@pytest.mark.parametrize("count", [1, 348])
def test_a_cut_tail_of_the_newest_events_is_found_by_the_witness(busy: tuple[Ledger, Tamperer], count: int) -> None:
    ledger, tamper = busy
    last = ledger.log_position()

    first = cut_tail(ledger, tamper, count)

    # the database alone agrees with itself: that is why the witness exists
    assert ledger.tamper_evidence.verify_log().ok
    verdict = ledger.tamper_evidence.verify_log(witness_of(ledger))
    assert verdict.first_bad is not None
    assert (verdict.first_bad.position, verdict.first_bad.kind) == (first, TRUNCATED)
    assert f"xác nhận sổ đến bản ghi số {last}, nhưng sổ chỉ còn đến số {first - 1}" in verdict.first_bad.detail
    assert "trong tệp nhân chứng" in verdict.first_bad.detail
    assert len(verdict.problems) == 1


def test_a_cut_tail_written_over_by_new_events_still_disagrees_with_the_witness(
    busy: tuple[Ledger, Tamperer],
) -> None:
    ledger, tamper = busy
    cut_tail(ledger, tamper, 2)
    for number in range(3):
        register(ledger, head_name=f"Hộ ghi sau {number}")

    verdict = ledger.tamper_evidence.verify_log(witness_of(ledger))

    assert not verdict.ok


def test_a_forged_or_unreadable_witness_line_is_named(busy: tuple[Ledger, Tamperer]) -> None:
    ledger, _ = busy
    lines = witness_of(ledger).read_text().splitlines()
    forged = {**json.loads(lines[-1]), "position": 1}
    witness_of(ledger).write_text("\n".join([*lines, json.dumps(forged), "không phải JSON"]) + "\n")

    verdict = ledger.tamper_evidence.verify_log(witness_of(ledger))

    assert [problem.kind for problem in verdict.problems] == [SIGNATURE, WITNESS]
    assert f"Dòng {len(lines) + 2} của tệp nhân chứng" in verdict.problems[1].detail


def test_a_stored_value_of_the_wrong_type_is_named_at_its_position_not_a_crash(
    busy: tuple[Ledger, Tamperer], durable_url: str, make_ledger: Callable[[str], Ledger]
) -> None:
    ledger, tamper = busy
    if durable_url.startswith("sqlite"):
        tamper.run("UPDATE {table} SET state = 'văn bản' WHERE {position} = 9")  # text where bytes were
        position, column = 9, "state"
    else:  # PostgreSQL keeps one type per column: the intruder changes the column's type
        tamper.run("ALTER TABLE {table} ALTER COLUMN topic TYPE bytea USING convert_to(topic, 'UTF8')")
        position, column = 1, "topic"
        ledger = make_ledger(durable_url)  # a new process: the old one's prepared statements expect text

    verdict = ledger.tamper_evidence.verify_log(witness_of(ledger))

    assert verdict.first_bad is not None
    assert (verdict.first_bad.position, verdict.first_bad.kind) == (position, MALFORMED)
    assert f"Bản ghi số {position}: cột {column} có giá trị sai kiểu" in verdict.first_bad.detail


def test_a_stored_row_the_library_cannot_read_is_named_at_its_position_and_the_rest_is_checked(
    busy: tuple[Ledger, Tamperer], durable_url: str, make_ledger: Callable[[str], Ledger]
) -> None:
    ledger, tamper = busy
    if durable_url.startswith("sqlite"):
        tamper.run("UPDATE {table} SET originator_id = 'không-phải-mã' WHERE {position} = 9")  # no UUID
    else:  # the library turns the state column into bytes: text there makes it fail on every row
        tamper.run("ALTER TABLE {table} ALTER COLUMN state TYPE text USING encode(state, 'escape')")
        ledger = make_ledger(durable_url)

    verdict = ledger.tamper_evidence.verify_log(witness_of(ledger))

    first = 9 if durable_url.startswith("sqlite") else 1
    assert verdict.first_bad is not None
    assert (verdict.first_bad.position, verdict.first_bad.kind) == (first, MALFORMED)
    assert f"Bản ghi số {first} không đọc được" in verdict.first_bad.detail
    assert verdict.events == ledger.log_position()  # every row was still visited

"""Two processes sweeping one database at once issue each reminder exactly once."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from application.audit.trail import AuditFilter
from application.ledger import Ledger
from tests.application.helpers import approved_project, escaped_household
from tests.conftest import seed_users

pytestmark = pytest.mark.slow  # two sweeper processes at once

PROJECT_ROOT = Path(__file__).resolve().parents[3]
TODAY = date(2026, 11, 28)
HOUSEHOLDS, PROJECTS = 8, 2
# Each window ending today has its 90-, 30- and 0-day reminders; each project that ended on
# 01/01/2026 has 3 before its end and 11 overdue ones (every 30 days) by 28/11/2026.
EXPECTED = HOUSEHOLDS * 3 + PROJECTS * 14

SWEEPER = """
import sys
from datetime import date
from application.ledger import Ledger
from application.core.settings import Settings

ledger = Ledger(Settings(database=sys.argv[1], secret_key="test-secret"))
ledger.views.catch_up()
print("ready", flush=True)
sys.stdin.readline()
print(ledger.reminders.sweep(date.fromisoformat(sys.argv[2])).issued, flush=True)
ledger.close()
"""


def start_sweeper(database_url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", SWEEPER, database_url, TODAY.isoformat()],
        cwd=PROJECT_ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def wait_until_ready(sweeper: subprocess.Popen[str]) -> subprocess.Popen[str]:
    assert sweeper.stdout is not None and sweeper.stdout.readline().strip() == "ready"
    return sweeper


def sweep_together(database_url: str) -> list[int]:
    """Starts two sweepers one after the other, then releases them at the same moment.

    They start one at a time because the library's PostgreSQL recorder runs CREATE OR REPLACE FUNCTION
    when it opens, and two at once can fail with "tuple concurrently updated"; the sweeps still overlap.
    """
    sweepers = [wait_until_ready(start_sweeper(database_url)) for _ in range(2)]
    for sweeper in sweepers:
        assert sweeper.stdin is not None
        sweeper.stdin.write("go\n")
        sweeper.stdin.flush()
    outputs = [sweeper.communicate(timeout=120)[0] for sweeper in sweepers]
    assert [sweeper.returncode for sweeper in sweepers] == [0, 0]
    return [int(output.strip()) for output in outputs]


def test_two_processes_sweeping_at_once_issue_each_reminder_exactly_once(
    make_ledger: Callable[[str], Ledger], durable_url: str
) -> None:
    ledger = make_ledger(durable_url)
    seed_users(ledger)
    for _ in range(HOUSEHOLDS):
        escaped_household(ledger, date(2023, 11, 28))
    for _ in range(PROJECTS):
        approved_project(ledger, starts_on=date(2023, 1, 1))

    issued = sweep_together(durable_url)

    recorded = ledger.audit.audit_log(AuditFilter(action="Reminder.Issued"))
    assert sum(issued) == len(recorded) == len({entry.subject_id for entry in recorded})
    assert len([entry for entry in recorded if entry.hamlet]) == EXPECTED  # commune-wide calendar ones aside

"""Killing the process during a sweep and restarting it changes nothing that was issued and issues what
was missing (issue: the reminder engine, "done when")."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from application.audit.trail import AuditFilter
from application.core.ledger_core import Entry
from application.ledger import Ledger
from domain.deadlines import ReminderRule, notices
from domain.household import Area
from domain.project import Component
from tests.conftest import TODAY, seed_users

pytestmark = pytest.mark.slow  # a sweep of several seconds, killed and run again

PROJECTS = 12  # each ended in 2021, so about 70 reminders each are due by today: a sweep of several seconds


def overdue_projects(ledger: Ledger) -> None:
    chair = ledger.users.actor("chutich")
    assert chair is not None
    for n in range(PROJECTS):
        household = ledger.households.register_household(
            chair, "Xuân Hà", f"Hộ số {n}", [], Area.RURAL, Entry(date(2019, 6, 1))
        )
        project = ledger.projects.propose_project(
            chair, f"Dự án {n}", Component.LIVELIHOODS, [household.subject_id], Entry(date(2019, 12, 1)), "diachinh"
        )
        ledger.projects.approve_project(
            chair, project.subject_id, "Chủ tịch UBND xã", date(2020, 1, 1), 12, Entry(date(2019, 12, 15))
        )


def issued_so_far(database: Path) -> int:
    with sqlite3.connect(database) as connection:
        row = connection.execute("SELECT count(*) FROM stored_events WHERE topic LIKE '%Reminder.Issued'").fetchone()
    return int(row[0])


def start_sweep(url: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "GIAMNGHEO_DATABASE": url, "GIAMNGHEO_SECRET_KEY": "test-secret"}
    return subprocess.Popen(
        [sys.executable, "-m", "giamngheo", "sweep", "--today", TODAY.isoformat()],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def kill_midway(sweep: subprocess.Popen[bytes], database: Path) -> int:
    for _ in range(600):
        if issued_so_far(database) >= 40:
            sweep.send_signal(signal.SIGKILL)
            sweep.wait(timeout=30)
            return issued_so_far(database)
        time.sleep(0.05)
    raise AssertionError("the sweep never got going")


def test_a_sweep_killed_midway_and_run_again_issues_each_reminder_once(
    make_ledger: Callable[[str], Ledger], tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path}/giamngheo.db"
    ledger = make_ledger(url)
    seed_users(ledger)
    overdue_projects(ledger)
    issued_before_kill = kill_midway(start_sweep(url), tmp_path / "giamngheo.db")
    first_reminders = {
        e.subject_id: e.recorded_at for e in ledger.audit.audit_log(AuditFilter(action="Reminder.Issued"))
    }

    report = ledger.reminders.sweep(TODAY)

    reminders = ledger.audit.audit_log(AuditFilter(action="Reminder.Issued", limit=5000))
    schedule = ledger.reminders.schedules()[ReminderRule.PROJECT_FINAL_REVIEW]
    expected = PROJECTS * len(notices(date(2021, 1, 1), schedule, TODAY))
    assert 0 < issued_before_kill < len(reminders)
    assert len(reminders) == len({e.subject_id for e in reminders}) == issued_before_kill + report.issued
    assert len([e for e in reminders if e.hamlet == "Xuân Hà"]) == expected
    assert {e.subject_id: e.recorded_at for e in reminders if e.subject_id in first_reminders} == first_reminders

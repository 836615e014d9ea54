"""`giamngheo report completeness` in its own process, on a SQLite file named by the environment alone."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from application.ledger import Ledger
from domain.loan import Programme
from domain.sweep import Sweep
from tests.application.helpers import actor, entry, poor_household
from tests.conftest import seed_users


def report(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIAMNGHEO_DATABASE": url, "GIAMNGHEO_SECRET_KEY": "test-secret"}
    return subprocess.run(
        [sys.executable, "-m", "giamngheo", "report", "completeness", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/giamngheo.db"


@pytest.fixture
def ledger_with_a_loan(url: str, make_ledger: Callable[[str], Ledger]) -> Ledger:
    """A loan due on 28/11/2026, whose 30-day reminder falls on 29/10/2026."""
    ledger = make_ledger(url)
    seed_users(ledger)
    household_id = poor_household(ledger)
    ledger.loans.grant_loan(
        actor(ledger, "diachinh"), household_id, Programme.POOR, 20_000_000, 2, entry(date(2026, 9, 28))
    )
    return ledger


def test_the_report_prints_its_summary_and_exits_0_when_every_reminder_is_accounted_for(
    url: str, ledger_with_a_loan: Ledger
) -> None:
    ledger_with_a_loan.reminders.sweep(date(2026, 10, 29))

    done = report(url, "--from", "01/11/2026", "--to", "2026-11-30", "--today", "28/11/2026")

    assert done.returncode == 0, done.stderr
    assert "Báo cáo đầy đủ nhắc việc: hạn từ 01/11/2026 đến 30/11/2026" in done.stdout
    assert "đối chiếu các lần nhắc đến hết ngày 29/10/2026" in done.stdout
    assert "Đã nhắc đúng ngày: 1" in done.stdout
    assert "Không có lỗi" in done.stdout


def test_the_report_lists_a_gap_and_exits_1(url: str, ledger_with_a_loan: Ledger) -> None:
    faulty = Sweep.start("Hải Hòa", date(2026, 11, 5), date(2026, 11, 5), date(2026, 11, 5), [], "m1")
    faulty.finish(0, 0, 0, date(2026, 11, 5))
    ledger_with_a_loan.store.save(faulty)

    done = report(url, "--from", "01/11/2026", "--to", "30/11/2026", "--today", "05/11/2026")

    assert done.returncode == 1
    assert "LỖI: 1 lần nhắc thiếu không giải thích được:" in done.stdout
    assert "hạn 28/11/2026, nhắc ngày 29/10/2026" in done.stdout


def test_a_bad_date_is_refused_before_the_store_is_opened(url: str) -> None:
    done = report(url, "--from", "31/02/2026", "--to", "30/11/2026")

    assert done.returncode == 2
    assert "không phải ngày" in done.stderr

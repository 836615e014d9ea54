"""The issue's "done when": an official of Xuân Hà, through the browser, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import timedelta

import pytest

from application.ledger import Ledger
from domain.calendar import add_months
from tests.conftest import TODAY, seed_users
from tests.web.browser import Browser

pytestmark = pytest.mark.slow  # the server and the sweep in their own processes, and a restart


def giamngheo(url: str, *args: str) -> str:
    """Runs the command-line entry point in its own process, configured by the environment alone."""
    env = {**os.environ, "GIAMNGHEO_DATABASE": url, "GIAMNGHEO_SECRET_KEY": "test-secret"}
    done = subprocess.run(
        [sys.executable, "-m", "giamngheo", *args], env=env, capture_output=True, text=True, timeout=120, check=True
    )
    return done.stdout


def record_escape_35_months_and_20_days_ago(browser: Browser) -> str:
    escaped_on = add_months(TODAY, -35) - timedelta(days=20)
    registered = browser.submit(
        "/households", {"hamlet": "Xuân Hà", "head_name": "Đỗ Thị Hoa", "area": "rural", "effective_on": "01/10/2021"}
    )
    household_path = registered.headers["location"]
    browser.submit(f"{household_path}/recognitions", {"standing": "poor", "effective_on": "14/12/2021"})
    browser.submit(
        f"{household_path}/escapes", {"from_standing": "poor", "effective_on": escaped_on.strftime("%d/%m/%Y")}
    )
    return household_path


def test_an_official_sees_the_reminder_of_a_household_whose_36_months_are_ending(
    durable_url: str, make_ledger: Callable[[str], Ledger]
) -> None:
    ledger = make_ledger(durable_url)
    seed_users(ledger)
    record_escape_35_months_and_20_days_ago(Browser(ledger).log_in("diachinh"))

    swept = giamngheo(durable_url, "sweep", "--today", TODAY.isoformat())
    inbox = Browser(ledger).log_in("diachinh").client.get("/reminders").text

    assert "Quét nhắc việc ngày 28/11/2026" in swept
    assert inbox.count("Đỗ Thị Hoa") == 2
    assert "Hết thời hạn 36 tháng hộ mới thoát nghèo" in inbox


def test_a_restart_keeps_everything_and_sweeps_nothing_twice(
    durable_url: str, make_ledger: Callable[[str], Ledger]
) -> None:
    first = make_ledger(durable_url)
    seed_users(first)
    household_path = record_escape_35_months_and_20_days_ago(Browser(first).log_in("diachinh"))
    giamngheo(durable_url, "sweep", "--today", TODAY.isoformat())
    first.close()

    restarted = make_ledger(durable_url)
    browser = Browser(restarted).log_in("diachinh")
    swept_again = giamngheo(durable_url, "sweep", "--today", TODAY.isoformat())

    assert "hộ thoát nghèo" in browser.client.get(household_path).text
    assert browser.client.get("/reminders").text.count("Đỗ Thị Hoa") == 2
    assert "gửi mới 0" in swept_again

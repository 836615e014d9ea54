"""`giamngheo sweep --today` in its own process: a day still to come is refused and issues nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from application.ledger import Ledger
from tests.application.helpers import poor_household
from tests.conftest import seed_users


def sweep(url: str, today: str) -> subprocess.CompletedProcess[str]:
    keys = {"GIAMNGHEO_SECRET_KEY": "test-secret", "GIAMNGHEO_AUDIT_KEY": "test-audit-key"}
    env = {**os.environ, "GIAMNGHEO_DATABASE": url, **keys}
    return subprocess.run(
        [sys.executable, "-m", "giamngheo", "sweep", "--today", today],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_sweep_for_a_day_after_today_is_refused_with_a_message_and_records_nothing(
    tmp_path: Path, make_ledger: Callable[[str], Ledger]
) -> None:
    url = f"sqlite:///{tmp_path}/giamngheo.db"
    ledger = make_ledger(url)
    seed_users(ledger)
    poor_household(ledger)
    before = ledger.log_position()
    later = date.today() + timedelta(days=2)  # two days: whatever the time zone, after today in Vietnam

    done = sweep(url, f"{later:%d/%m/%Y}")

    assert done.returncode != 0
    assert "Lỗi: Ngày quét: không được sau ngày hôm nay" in done.stderr
    assert ledger.log_position() == before


def test_a_sweep_for_a_day_that_is_not_a_date_is_refused_with_a_message(tmp_path: Path) -> None:
    done = sweep(f"sqlite:///{tmp_path}/giamngheo.db", "31/02/2026")

    assert done.returncode != 0
    assert "Lỗi: “31/02/2026” không phải ngày hợp lệ" in done.stderr

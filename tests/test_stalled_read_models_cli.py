"""The operator's commands with the read models stalled (issue 10 §1), each in its own process: `status`
reports the stall and exits 1; `rebuild`, `audit verify` and `sweep` keep working and report it;
`skip-event` records the chair's corrective act, after which `status` is back to normal."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from application.ledger import Ledger
from tests.application.poison import poison_loan
from tests.conftest import seed_users

pytestmark = pytest.mark.slow  # the CLI and the server in their own processes

Run = Callable[..., subprocess.CompletedProcess[str]]


def giamngheo(url: str, data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "GIAMNGHEO_DATABASE": url,
        "GIAMNGHEO_DATA_DIR": str(data_dir),  # its own witness file, not the working directory's
        "GIAMNGHEO_SECRET_KEY": "test-secret",
        "GIAMNGHEO_AUDIT_KEY": "test-audit-key",
    }
    return subprocess.run(
        [sys.executable, "-m", "giamngheo", *args], env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def run(durable_url: str, tmp_path: Path) -> Run:
    return lambda *args: giamngheo(durable_url, tmp_path, *args)


@pytest.fixture
def stalled(durable_url: str, make_ledger: Callable[[str], Ledger]) -> int:
    ledger = make_ledger(durable_url)
    seed_users(ledger)
    position = poison_loan(ledger)
    ledger.households.household_list()
    return position


def test_the_operator_sees_the_stall_keeps_working_and_recovers_with_a_recorded_skip(run: Run, stalled: int) -> None:
    status = run("status")
    assert status.returncode == 1, status.stderr
    assert f"CÁC BẢNG ĐỌC BỊ DỪNG trước bản ghi số {stalled}" in status.stdout
    assert "domain.loan:Loan.Granted" in status.stdout and f"skip-event {stalled}" in status.stdout

    for command in (["rebuild"], ["audit", "verify"], ["sweep"]):
        done = run(*command)
        assert done.returncode == 0, (command, done.stdout, done.stderr)
        assert f"trước bản ghi số {stalled}" in done.stdout, command
    assert "ĐẠT" in run("audit", "verify").stdout

    skipped = run("skip-event", str(stalled), "--by", "chutich", "--reason", "Nhập nhầm số tiền.")
    assert skipped.returncode == 0, skipped.stdout + skipped.stderr

    status = run("status")
    assert status.returncode == 0, status.stdout
    assert "Các bảng đọc: BÌNH THƯỜNG." in status.stdout and "còn 0 bản ghi chưa áp dụng" in status.stdout


def test_skip_event_refuses_an_official_and_records_nothing(run: Run, stalled: int) -> None:
    refused = run("skip-event", str(stalled), "--by", "diachinh", "--reason", "Nhập nhầm.")

    assert refused.returncode != 0
    assert "Chỉ Chủ tịch hoặc Phó Chủ tịch" in refused.stderr
    assert run("status").returncode == 1

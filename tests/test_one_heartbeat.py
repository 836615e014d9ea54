"""`serve` with several web workers and a separate `scheduler` still sweep once (issue: one heartbeat)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from application.core.settings import Settings
from application.ledger import Ledger

pytestmark = pytest.mark.slow  # serve with two workers and a second scheduler, in their own processes


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(url: str, log: Path, *args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "GIAMNGHEO_DATABASE": url, "GIAMNGHEO_SECRET_KEY": "test-secret"}
    with log.open("wb") as output:
        return subprocess.Popen(
            [sys.executable, "-m", "giamngheo", *args],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def wait_for_line(log: Path, text: str) -> None:
    for _ in range(150):
        if text in log.read_text(errors="replace"):
            return
        time.sleep(0.2)
    raise AssertionError(f"never logged: {text}")


def wait_until_serving(port: int) -> None:
    for _ in range(150):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/login", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise AssertionError("the web server did not start")


def sweeps_started(url: str) -> int:
    ledger = Ledger(Settings(database=url, secret_key="test-secret"))
    try:
        with ledger.views.database.reading() as cursor:
            return int(cursor.one("SELECT count(*) AS n FROM view_sweeps")["n"])
    finally:
        ledger.close()


def test_serve_with_two_workers_and_a_second_scheduler_sweep_once_at_start_up(durable_url: str, tmp_path: Path) -> None:
    Ledger(Settings(database=durable_url, secret_key="test-secret")).close()  # tables exist before the race
    port = free_port()
    processes = [start(durable_url, tmp_path / "serve.log", "serve", "--workers", "2", "--port", str(port))]
    try:
        wait_until_serving(port)
        wait_for_line(tmp_path / "serve.log", "Reminder sweep:")
        processes.append(start(durable_url, tmp_path / "scheduler.log", "scheduler"))
        wait_for_line(tmp_path / "scheduler.log", "Another process holds the heartbeat")

        assert sweeps_started(durable_url) == 1
    finally:
        for process in processes:
            os.killpg(process.pid, 15)
            process.wait(timeout=30)

"""A commune's real server in its own process, on a free loopback port, with its command line; for the
tests that kill and restart it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from application.core.ledger_core import EventStore
from application.core.settings import Settings, eventsourcing_env
from application.ledger import Ledger
from tests.application.readmodels.test_read_models import dump
from tests.test_one_heartbeat import free_port, wait_for_line, wait_until_serving

KEYS = {"secret_key": "crash-test-secret", "audit_key": "crash-test-audit-key", "password_hashing": "CHEAPEST"}


class Deployment:
    """One commune's server on a free loopback port, its data directory and its command line."""

    def __init__(self, url: str, data_dir: Path) -> None:
        self.url, self.data_dir, self.starts = url, data_dir, 0
        self.settings = {"database": url, "data_dir": str(data_dir), **KEYS}
        self.env = {**os.environ, **{f"GIAMNGHEO_{name.upper()}": value for name, value in self.settings.items()}}
        self.server: subprocess.Popen[bytes] | None = None

    def giamngheo(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "giamngheo", *args]
        return subprocess.run(command, env=self.env, cwd=self.data_dir, capture_output=True, text=True, timeout=60)

    def start(self) -> str:
        self.starts, port = self.starts + 1, free_port()
        log = self.data_dir / f"serve-{self.starts}.log"
        with log.open("wb") as output:
            command = [sys.executable, "-m", "giamngheo", "serve", "--host", "127.0.0.1", "--port", str(port)]
            self.server = subprocess.Popen(
                command, env=self.env, cwd=self.data_dir, stdout=output, stderr=output, start_new_session=True
            )
        wait_until_serving(port)
        wait_for_line(log, "Reminder sweep:")  # the start-up sweep has recorded what it records
        return f"http://127.0.0.1:{port}"

    def stop(self, how: signal.Signals = signal.SIGKILL) -> None:
        if self.server and self.server.poll() is None:
            os.killpg(self.server.pid, how)
            try:
                self.server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.server.pid, signal.SIGKILL)
                self.server.wait(timeout=20)

    def log_position(self) -> int:
        store = EventStore(env=eventsourcing_env(self.url))
        position = store.recorder.max_notification_id() or 0
        store.close()
        return position

    def read_models(self) -> dict[str, list[dict[str, Any]]]:
        ledger = Ledger(Settings(**self.settings))  # type: ignore[arg-type]
        ledger.views.catch_up()
        tables = dump(ledger)
        ledger.close()
        return tables

"""The cost of the checkpoint after every write (issue 10 §7), on SQLite and PostgreSQL.

One ledger registers households through the use case; the mode changes at every registration (no
checkpoint; checkpoint with the witness not flushed; checkpoint with the witness flushed), so a busy
machine slows the three alike. Prints the median ms per write of each mode.

    .venv/bin/python bench/checkpoint_cost.py [--writes 900]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from typing import Any

from run import postgres_database  # bench/run.py: a throwaway PostgreSQL database

from application.core.ledger_core import Entry
from application.core.settings import Settings
from application.ledger import Ledger
from domain.household import Area
from domain.user import Role

MODES = ("no checkpoint", "witness not flushed", "witness flushed")


def no_checkpoint(cursor: Any, recorder: Any) -> None:
    return None


def measure(url: str, data_dir: str, writes: int) -> dict[str, float]:
    keys = {"secret_key": "bench", "audit_key": "bench", "password_hashing": "CHEAPEST"}
    ledger = Ledger(Settings(database=url, data_dir=data_dir, **keys))
    seal, times = ledger.core.notary.seal, {mode: [] for mode in MODES}
    try:
        ledger.users.create_user("diachinh", "Công chức Địa chính", Role.OFFICIAL, ["Xuân Hà"], "mat-khau-do-dai-du-9")
        official = ledger.users.actor("diachinh")
        assert official is not None and ledger.core.notary.witness is not None
        for number in range(writes):
            mode = MODES[number % 3]
            ledger.views.seal = no_checkpoint if mode == MODES[0] else seal  # type: ignore[method-assign]
            ledger.core.notary.witness.fsync = mode == MODES[2]
            started = time.perf_counter()
            ledger.households.register_household(
                official, "Xuân Hà", f"Hộ số {number}", [], Area.RURAL, Entry(date(2020, 1, 6))
            )
            times[mode].append((time.perf_counter() - started) * 1000)
    finally:
        ledger.close()
    return {mode: statistics.median(samples) for mode, samples in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--writes", type=int, default=900)
    writes = parser.parse_args().writes
    with tempfile.TemporaryDirectory() as folder, postgres_database() as postgres:
        for name, url in (("SQLite", f"sqlite:///{folder}/giamngheo.db"), ("PostgreSQL", postgres)):
            medians = measure(url, f"{folder}/{name}", writes)
            print(f"{name:<11}" + "  ".join(f"{mode}: {ms:.2f} ms" for mode, ms in medians.items()))


if __name__ == "__main__":
    main()

"""Issue 10 §8: `giamngheo backup` copies events, read models, chain, checkpoints, keys and witness as one
consistent whole, also while officials keep writing, and `giamngheo restore` puts them back, verified."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from application.audit.backup import BackupError, restore
from application.audit.chain import stored_events
from application.core.settings import Settings
from application.ledger import Ledger
from tests.application.helpers import register
from tests.application.readmodels.test_read_models import dump
from tests.conftest import seed_users
from tests.postgres import throwaway_database


def settings_for(url: str, data: Path) -> Settings:
    return Settings(database=url, data_dir=str(data), secret_key="", password_hashing="CHEAPEST")


@pytest.fixture(params=["sqlite", "postgres"])
def two_stores(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Settings, Settings]]:
    """The commune's store, and a fresh empty one elsewhere to restore into."""
    if request.param == "sqlite":
        yield (
            settings_for(f"sqlite:///{tmp_path}/xa/giamngheo.db", tmp_path / "xa"),
            settings_for(f"sqlite:///{tmp_path}/may-moi/giamngheo.db", tmp_path / "may-moi"),
        )
    else:
        with throwaway_database() as live, throwaway_database(empty=True) as fresh:
            yield settings_for(live, tmp_path / "xa"), settings_for(fresh, tmp_path / "may-moi")


@pytest.fixture
def commune(two_stores: tuple[Settings, Settings]) -> Iterator[Ledger]:
    ledger = Ledger(two_stores[0])
    seed_users(ledger)
    for number in range(5):
        register(ledger, head_name=f"Hộ số {number}")
    yield ledger
    ledger.close()


def writing_meanwhile(settings: Settings, stop: threading.Event) -> threading.Thread:
    """Another official's ledger registering households the whole time; returns once it has written three."""
    writing = threading.Event()

    def write() -> None:
        ledger = Ledger(settings)
        try:
            number = 0
            while not stop.is_set() and number < 2000:
                register(ledger, head_name=f"Hộ ghi trong khi sao lưu {number}")
                number += 1
                if number == 3:
                    writing.set()
        finally:
            writing.set()
            ledger.close()

    thread = threading.Thread(target=write)
    thread.start()
    writing.wait(timeout=60)
    return thread


def test_a_backup_taken_while_officials_write_restores_elsewhere_verified_with_equal_read_models(
    commune: Ledger, two_stores: tuple[Settings, Settings], tmp_path: Path
) -> None:
    live, fresh = two_stores
    stop = threading.Event()
    writer = writing_meanwhile(live, stop)
    try:
        manifest = commune.backups.backup(tmp_path / "sao-luu")
        register(commune, head_name="Ghi ngay sau khi sao lưu")
    finally:
        stop.set()
        writer.join()
    assert commune.log_position() > int(str(manifest["head_position"]))  # the log moved on around the copy

    restore(fresh, tmp_path / "sao-luu")
    restored = Ledger(fresh)
    try:
        verdict = restored.tamper_evidence.verify_log(Path(fresh.witness_path))
        assert verdict.ok, verdict.problems
        assert verdict.head.position >= int(str(manifest["head_position"])) > 0
        assert Path(fresh.witness_path).read_text()  # the witness came along: it names what was signed
        incremental = dump(restored)
        restored.read_models.rebuild_read_models()
        assert dump(restored) == incremental
        original = {event.id: bytes(event.state) for event in stored_events(commune.store.recorder)}
        assert all(original[event.id] == bytes(event.state) for event in stored_events(restored.store.recorder))
    finally:
        restored.close()


def test_a_restore_refuses_a_store_that_already_holds_events_unless_forced(
    commune: Ledger, two_stores: tuple[Settings, Settings], tmp_path: Path
) -> None:
    live, _ = two_stores
    commune.backups.backup(tmp_path / "sao-luu")
    register(commune, head_name="Ghi sau khi sao lưu")

    with pytest.raises(BackupError, match="đã có dữ liệu: không ghi đè"):
        restore(live, tmp_path / "sao-luu")
    assert commune.log_position() > 0


def test_a_backup_with_a_changed_file_is_refused(
    commune: Ledger, two_stores: tuple[Settings, Settings], tmp_path: Path
) -> None:
    commune.backups.backup(tmp_path / "sao-luu")
    with (tmp_path / "sao-luu" / "audit_key").open("a") as key:
        key.write("0")

    with pytest.raises(BackupError, match="Tệp audit_key của bản sao lưu bị thiếu hoặc không khớp"):
        restore(two_stores[1], tmp_path / "sao-luu")


def test_the_backup_and_restore_commands_each_end_with_a_verified_log(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/xa/giamngheo.db"
    ledger = Ledger(settings_for(url, tmp_path / "xa"))
    seed_users(ledger)
    register(ledger)
    ledger.close()

    backed_up = giamngheo(url, "backup", str(tmp_path / "sao-luu"))
    restored = giamngheo(f"sqlite:///{tmp_path}/may-moi/giamngheo.db", "restore", str(tmp_path / "sao-luu"))

    assert backed_up.returncode == 0, backed_up.stdout + backed_up.stderr
    assert "Đã sao lưu sổ (sqlite)" in backed_up.stdout and "ĐẠT" in backed_up.stdout
    assert "Kiểm tra bản sao lưu, trên một bản chép tạm:" in backed_up.stdout  # the copy, left as it was
    assert restored.returncode == 0, restored.stdout + restored.stderr
    assert "Đã phục hồi sổ (sqlite)" in restored.stdout and "ĐẠT" in restored.stdout
    assert (tmp_path / "may-moi" / "audit_key").read_text() == (tmp_path / "xa" / "audit_key").read_text()


def giamngheo(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIAMNGHEO_")}
    return subprocess.run(
        [sys.executable, "-m", "giamngheo", *args],
        env={**env, "GIAMNGHEO_DATABASE": url, "GIAMNGHEO_PASSWORD_HASHING": "CHEAPEST"},
        capture_output=True,
        text=True,
        timeout=120,
    )

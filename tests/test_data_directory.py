"""Issue 10 §6: the keys live in one data directory beside the store, whatever folder a command runs from,
and a lost audit key is never silently replaced by a new one that would call every checkpoint forged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from application.audit.notary import MissingAuditKeyError
from application.core.settings import Settings
from application.ledger import Ledger
from tests.application.helpers import register
from tests.conftest import seed_users


def giamngheo(url: str, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Only the database is configured: the keys must be found from it, not from the working directory."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIAMNGHEO_")}
    return subprocess.run(
        [sys.executable, "-m", "giamngheo", *args],
        env={**env, "GIAMNGHEO_DATABASE": url},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(autouse=True)
def no_configured_data_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GIAMNGHEO_DATA_DIR", raising=False)  # the tests' own (tests/conftest.py): the default here


@pytest.fixture
def store(tmp_path: Path) -> tuple[str, Path]:
    """A SQLite ledger with users, a household and checkpoints signed with a key generated beside the file."""
    folder = tmp_path / "du-lieu"
    url = f"sqlite:///{folder}/giamngheo.db"
    ledger = Ledger(Settings(database=url, password_hashing="CHEAPEST"))
    try:
        seed_users(ledger)
        register(ledger)
        ledger.tamper_evidence.checkpoint()
    finally:
        ledger.close()
    return url, folder


def test_the_data_directory_defaults_to_the_folder_of_the_sqlite_file_made_absolute() -> None:
    settings = Settings(database="sqlite:///var/giamngheo.db")

    assert settings.data_dir == str(Path("var").resolve())
    assert settings.witness_path == str(Path("var/witness.jsonl").resolve())
    assert settings.audit_key_path() == Path("var/audit_key").resolve()


def test_a_configured_data_directory_holds_the_keys_and_the_witness(tmp_path: Path) -> None:
    settings = Settings(database="postgresql://postgres@127.0.0.1/x", data_dir=str(tmp_path / "khoa"))

    assert settings.audit_key_path() == tmp_path / "khoa" / "audit_key"
    assert settings.witness_path == str(tmp_path / "khoa" / "witness.jsonl")


def test_verify_run_from_another_folder_finds_the_key_beside_the_store(store: tuple[str, Path], tmp_path: Path) -> None:
    url, folder = store
    elsewhere = tmp_path / "thu-muc-khac"
    elsewhere.mkdir()

    done = giamngheo(url, elsewhere, "audit", "verify")

    assert done.returncode == 0, done.stdout + done.stderr
    assert "ĐẠT" in done.stdout
    assert (folder / "audit_key").exists()
    assert not (elsewhere / "var").exists()


def test_a_missing_key_with_signed_checkpoints_is_refused_and_no_new_key_is_made(store: tuple[str, Path]) -> None:
    url, folder = store
    (folder / "audit_key").unlink()

    done = giamngheo(url, folder, "audit", "verify")

    assert done.returncode == 1
    assert "Không tìm thấy khóa ký mốc" in done.stderr
    assert "không tạo khóa mới" in done.stderr
    assert not (folder / "audit_key").exists()


def test_a_write_without_the_key_is_saved_but_signs_nothing_and_makes_no_key(store: tuple[str, Path]) -> None:
    url, folder = store
    (folder / "audit_key").unlink()
    ledger = Ledger(Settings(database=url, password_hashing="CHEAPEST"))
    try:
        before = ledger.log_position()
        register(ledger, head_name="Trần Thị Bình")

        assert ledger.log_position() > before
        with pytest.raises(MissingAuditKeyError):
            ledger.tamper_evidence.checkpoint()
        assert not (folder / "audit_key").exists()
    finally:
        ledger.close()

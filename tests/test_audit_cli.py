"""`giamngheo audit verify | export` in their own processes, and the exported bundle checked offline by its
own verify.py: outside the project, without PYTHONPATH or site-packages, as an inspector would run it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from application.ledger import Ledger
from domain.household import Standing
from tests.application.audit.test_hash_chain import Tamperer
from tests.application.helpers import actor, entry, register
from tests.conftest import VIETNAM, seed_users

KEY = "test-audit-key"  # the key of tests/conftest.py, so both processes sign alike


def giamngheo(url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIAMNGHEO_DATABASE": url, "GIAMNGHEO_SECRET_KEY": "test-secret", "GIAMNGHEO_AUDIT_KEY": KEY}
    return subprocess.run(
        [sys.executable, "-m", "giamngheo", "audit", *args], env=env, capture_output=True, text=True, timeout=120
    )


def inspector_verifies(bundle: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """python3 verify.py in a folder of its own: -S -I, so neither the project nor any package is importable."""
    desk = bundle.parent / "ban-lam-viec-thanh-tra"
    desk.mkdir(exist_ok=True)
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    return subprocess.run(
        [sys.executable, "-S", "-I", str(bundle / "verify.py"), str(bundle), *args],
        cwd=desk,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/giamngheo.db"


@pytest.fixture
def recorded(url: str, make_ledger: Callable[[str], Ledger]) -> Ledger:
    ledger = make_ledger(url)
    seed_users(ledger)
    for name in ("Nguyễn Văn An", "Trần Thị Bình"):
        household_id = register(ledger, head_name=name)
        ledger.households.recognise_household(actor(ledger, "chutich"), household_id, Standing.POOR, entry())
    return ledger


@pytest.fixture
def bundle(url: str, recorded: Ledger, tmp_path: Path) -> Path:
    done = giamngheo(url, "export", str(tmp_path / "ho-so"))
    assert done.returncode == 0, done.stderr
    shutil.move(tmp_path / "ho-so", tmp_path / "thanh-tra" / "ho-so")  # handed over: nothing else comes with it
    return tmp_path / "thanh-tra" / "ho-so"


def test_verify_passes_an_untouched_log(url: str, recorded: Ledger) -> None:
    done = giamngheo(url, "verify")

    assert done.returncode == 0, done.stderr
    assert "ĐẠT: sổ không bị sửa, xóa, chèn hay đảo thứ tự." in done.stdout
    assert f"đầu chuỗi: bản ghi số {recorded.log_position()}" in done.stdout


def test_verify_names_the_first_bad_position_and_exits_1_after_tampering(url: str, recorded: Ledger) -> None:
    Tamperer(recorded, url).change_one_byte(8)
    Tamperer(recorded, url).delete(9)

    done = giamngheo(url, "verify")

    assert done.returncode == 1
    assert "KHÔNG ĐẠT: vị trí sai đầu tiên là bản ghi số 8. Bản ghi số 8 đã bị sửa" in done.stdout
    assert "bản ghi số 9: Bản ghi số 9 đã bị xóa khỏi sổ." in done.stdout


def test_an_exported_bundle_verifies_offline_with_the_key(bundle: Path, recorded: Ledger) -> None:
    done = inspector_verifies(bundle, "--key", KEY)

    assert done.returncode == 0, done.stdout + done.stderr
    head = recorded.tamper_evidence.log_head()
    assert f"ĐẠT: {head.position} bản ghi, chuỗi băm liền mạch đến bản ghi số {head.position}" in done.stdout
    assert "Số mốc ký khớp với các bản ghi xuất: 1." in done.stdout


def test_the_manifest_shows_the_position_and_head_hash_the_export_was_built_from(
    bundle: Path, recorded: Ledger
) -> None:
    manifest = json.loads((bundle / "manifest.json").read_text(encoding="utf-8"))

    head = recorded.tamper_evidence.log_head()
    assert (manifest["head_position"], manifest["head_hash"]) == (head.position, head.hash)
    assert manifest["commune"] == "Hải Hòa"
    assert manifest["ledger_verified"] is True
    assert sorted(path.name for path in bundle.iterdir()) == [
        "README.txt",
        "checkpoints.jsonl",
        "events.jsonl",
        "manifest.json",
        "verify.py",
    ]
    assert "python3 verify.py --key KHÓA" in (bundle / "README.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("field", ["state", "originator_id", "topic", "recorded_at", "hash", "position"])
def test_one_changed_byte_of_an_exported_event_is_found_at_its_line(bundle: Path, field: str) -> None:
    lines = (bundle / "events.jsonl").read_text().splitlines(keepends=True)
    line = lines[4]
    value = line.index(f'"{field}":') + len(field) + 3 + (field != "position")  # past the quote of a string
    start = value + 20 * (field in ("state", "hash"))
    replacement = {"5": "6", "a": "b"}.get(line[start], "5" if line[start] != "5" else "4")
    lines[4] = line[:start] + replacement + line[start + 1 :]
    (bundle / "events.jsonl").write_text("".join(lines))

    done = inspector_verifies(bundle, "--key", KEY)

    assert done.returncode == 1
    assert "KHÔNG ĐẠT. Lỗi đầu tiên: Dòng 5 của events.jsonl" in done.stdout
    assert "Tệp events.jsonl không khớp mã SHA-256" in done.stdout


def test_a_deleted_line_of_the_export_is_found(bundle: Path) -> None:
    lines = (bundle / "events.jsonl").read_text().splitlines(keepends=True)
    (bundle / "events.jsonl").write_text("".join(lines[:3] + lines[4:]))

    done = inspector_verifies(bundle)

    assert done.returncode == 1
    assert "Lỗi đầu tiên: Dòng 4 của events.jsonl (bản ghi số 5): mã băm không khớp chuỗi" in done.stdout


def test_a_forged_checkpoint_of_the_export_is_refused_with_the_key(bundle: Path) -> None:
    path = bundle / "checkpoints.jsonl"
    path.write_text(path.read_text().replace('"reason":"audit-export"', '"reason":"audit-exporT"'))

    done = inspector_verifies(bundle, "--key", KEY)

    assert done.returncode == 1
    assert "chữ ký không hợp lệ" in done.stdout


def test_an_export_of_a_tampered_log_fails_at_the_tampered_line(url: str, recorded: Ledger, tmp_path: Path) -> None:
    Tamperer(recorded, url).change_one_byte(6)

    done = giamngheo(url, "export", str(tmp_path / "ho-so"))

    assert done.returncode == 1
    assert "vị trí sai đầu tiên là bản ghi số 6" in done.stdout
    checked = inspector_verifies(tmp_path / "ho-so", "--key", KEY)
    assert checked.returncode == 1
    assert "Lỗi đầu tiên: Dòng 6 của events.jsonl (bản ghi số 6): mã băm không khớp chuỗi" in checked.stdout


def test_an_export_of_days_without_records_holds_no_event_and_still_verifies(
    url: str, recorded: Ledger, tmp_path: Path
) -> None:
    tomorrow = (datetime.now(VIETNAM) + timedelta(days=1)).strftime("%d/%m/%Y")

    done = giamngheo(url, "export", str(tmp_path / "ho-so"), "--from", tomorrow)

    assert done.returncode == 0, done.stderr
    assert "Đã xuất 0 bản ghi" in done.stdout
    assert inspector_verifies(tmp_path / "ho-so", "--key", KEY).returncode == 0


def test_an_export_of_today_holds_every_event_recorded_today(url: str, recorded: Ledger, tmp_path: Path) -> None:
    today = datetime.now(VIETNAM).strftime("%d/%m/%Y")

    done = giamngheo(url, "export", str(tmp_path / "ho-so"), "--from", today, "--to", today, "--commune", "Hải Hòa")

    assert done.returncode == 0, done.stderr
    assert f"Đã xuất {recorded.log_position()} bản ghi" in done.stdout
    assert inspector_verifies(tmp_path / "ho-so", "--key", KEY).returncode == 0


def test_an_export_for_another_commune_is_refused(url: str, recorded: Ledger, tmp_path: Path) -> None:
    done = giamngheo(url, "export", str(tmp_path / "ho-so"), "--commune", "Hải Phong")

    assert done.returncode == 1
    assert "Sổ này là sổ của xã Hải Hòa, không có dữ liệu của xã Hải Phong." in done.stderr
    assert not (tmp_path / "ho-so").exists()


def test_a_stored_value_of_the_wrong_type_is_named_by_verify_and_stops_the_export(
    url: str, recorded: Ledger, tmp_path: Path
) -> None:
    Tamperer(recorded, url).run("UPDATE {table} SET state = 'văn bản' WHERE {position} = 6")

    checked = giamngheo(url, "verify")
    exported = giamngheo(url, "export", str(tmp_path / "ho-so"))

    assert checked.returncode == 1, checked.stderr
    assert "vị trí sai đầu tiên là bản ghi số 6. Bản ghi số 6: cột state có giá trị sai kiểu (str)" in checked.stdout
    assert exported.returncode == 1
    assert "Không xuất được hồ sơ: Bản ghi số 6: cột state có giá trị sai kiểu (str)." in exported.stderr
    assert "Traceback" not in checked.stderr + exported.stderr

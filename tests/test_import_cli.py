"""`giamngheo import households` in its own process: progress on stderr, the report on stdout."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from application.ledger import Ledger
from tests.application.lists.test_household_import import GOOD, csv_file
from tests.conftest import seed_users


class Done:
    """The process's exit code and its output, the carriage returns of the progress bar kept."""

    def __init__(self, done: subprocess.CompletedProcess[bytes]) -> None:
        self.returncode = done.returncode
        self.stdout, self.stderr = done.stdout.decode(), done.stderr.decode()


def run_import(url: str, *args: str) -> Done:
    env = {**os.environ, "GIAMNGHEO_DATABASE": url, "GIAMNGHEO_SECRET_KEY": "test-secret"}
    command = [sys.executable, "-m", "giamngheo", "import", "households", *args]
    return Done(subprocess.run(command, env=env, capture_output=True, timeout=120))


@pytest.fixture
def url(tmp_path: Path, make_ledger: Callable[[str], Ledger]) -> str:
    url = f"sqlite:///{tmp_path}/giamngheo.db"
    seed_users(make_ledger(url))
    return url


def test_a_dry_run_shows_progress_and_the_report_and_records_nothing(url: str, tmp_path: Path) -> None:
    book = tmp_path / "so-ho-ngheo.csv"
    book.write_bytes(csv_file(*GOOD))

    done = run_import(url, str(book), "--as", "chutich")

    assert done.returncode == 0, done.stderr
    assert "\rkiểm tra  [##############################] 3/3" in done.stderr
    assert "Tệp so-ho-ngheo.csv: 3 dòng dữ liệu, 0 dòng có lỗi." in done.stdout
    assert "Chạy thử: chưa ghi gì vào sổ" in done.stdout


def test_a_commit_records_the_rows_and_a_second_run_changes_nothing(url: str, tmp_path: Path) -> None:
    book = tmp_path / "so-ho-ngheo.csv"
    book.write_bytes(csv_file(*GOOD))

    first = run_import(url, str(book), "--as", "chutich", "--commit", "all")
    second = run_import(url, str(book), "--as", "chutich", "--commit", "all")

    assert "Đã ghi 3 dòng vào sổ" in first.stdout
    assert "\rghi       [##############################] 3/3\n" in first.stderr
    assert "dòng đã đúng như sổ: 3." in second.stdout and "Không ghi dòng nào vào sổ." in second.stdout


def test_bad_rows_are_listed_with_row_and_column_and_the_exit_code_is_1(url: str, tmp_path: Path) -> None:
    book = tmp_path / "so.csv"
    book.write_bytes(csv_file(GOOD[0].replace("Xuân Hà", "Xóm Lạ")))

    done = run_import(url, str(book), "--as", "chutich", "--commit", "all")

    assert done.returncode == 1
    assert "dòng 5, cột “Xóm”: Xóm “Xóm Lạ” không thuộc danh sách xóm của xã." in done.stdout
    assert "Không ghi dòng nào vào sổ." in done.stdout

"""`giamngheo backup DIR` and `giamngheo restore DIR [--force]`, each followed by `audit verify` (issue 10 §8)."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from application.audit.backup import EVENTS, VIEWS, WITNESS, restore
from application.audit.verify import LogVerdict
from application.core.settings import Settings
from application.ledger import Ledger
from domain.acts import DomainError
from giamngheo.audit_cli import verdict_lines, verify
from giamngheo.report import WithLedger


def add_backup_commands(commands: Any, with_ledger: WithLedger) -> None:
    command = commands.add_parser("backup", help="sao lưu sổ, bảng đọc, chuỗi băm, mốc ký và khóa vào DIR")
    command.add_argument("directory", metavar="DIR", type=Path, help="thư mục mới (trống) cho bản sao lưu")
    command.set_defaults(run=lambda args: backup_command(args, with_ledger))
    command = commands.add_parser("restore", help="phục hồi sổ từ bản sao lưu DIR vào cơ sở dữ liệu đang cấu hình")
    command.add_argument("directory", metavar="DIR", type=Path, help="thư mục bản sao lưu")
    command.add_argument("--force", action="store_true", help="thay thế cả một sổ đã có dữ liệu")
    command.set_defaults(run=lambda args: restore_command(args, with_ledger))


def backup_command(args: argparse.Namespace, with_ledger: WithLedger) -> None:
    manifest = with_ledger(lambda ledger: ledger.backups.backup(args.directory))
    print(
        f"Đã sao lưu sổ ({manifest['kind']}) vào {args.directory}: đầu chuỗi bản ghi số {manifest['head_position']},"
        f" mã băm {manifest['head_hash']}; tệp: {', '.join(manifest['files'])}."
    )
    if manifest["audit_key"] != "file":
        print("CẢNH BÁO: khóa ký mốc đặt qua GIAMNGHEO_AUDIT_KEY nên không có trong bản sao lưu: hãy cất khóa cùng nó.")
    if manifest["kind"] != "sqlite":
        print("Kiểm tra sổ đang chạy (bản pg_dump được kiểm khi phục hồi):")
        verify(with_ledger)
        return
    print("Kiểm tra bản sao lưu, trên một bản chép tạm:")
    verdict = verify_copy(Settings(), args.directory)
    print("\n".join(verdict_lines(verdict)))
    if not verdict.ok:
        sys.exit(1)


def verify_copy(settings: Settings, directory: Path) -> LogVerdict:
    """Opens a ledger on a scratch copy of a SQLite backup, so the backup itself stays untouched."""
    with tempfile.TemporaryDirectory(prefix="giamngheo-kiem-tra-") as scratch:
        for name in (EVENTS, VIEWS, WITNESS, "audit_key"):
            if (directory / name).exists():
                shutil.copyfile(directory / name, Path(scratch) / name)
        witness = Path(scratch) / WITNESS
        copied = settings.model_copy(
            update={"database": f"sqlite:///{scratch}/{EVENTS}", "data_dir": scratch, "witness_path": str(witness)}
        )
        ledger = Ledger(copied)
        try:
            return ledger.tamper_evidence.verify_log(witness if witness.exists() else None)
        finally:
            ledger.close()


def restore_command(args: argparse.Namespace, with_ledger: WithLedger) -> None:
    try:
        manifest = restore(Settings(), args.directory, args.force)
    except DomainError as error:
        sys.exit(f"Lỗi: {error.message}")
    settings = Settings()
    when = datetime.fromisoformat(str(manifest["created_at"])).astimezone(ZoneInfo(settings.timezone))
    print(
        f"Đã phục hồi sổ ({manifest['kind']}) từ {args.directory}, sao lưu lúc {when:%d/%m/%Y %H:%M}:"
        f" đầu chuỗi bản ghi số {manifest['head_position']}. Kiểm tra sổ sau khi phục hồi:"
    )
    verify(with_ledger)

"""`giamngheo import households FILE [FILE ...] --as USERNAME [--commit valid|all]`: the commune's Excel
books into the ledger, with a progress bar on stderr and the row-by-row report; a dry run unless --commit is
given. Several files (e.g. the four exported lists) are one import: their rows are applied in the order of
their decisions' dates, so the files may be named in any order."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from application.lists.household_import import CommitMode, ImportReport

WithLedger = Callable[[Callable[[Any], object]], Any]
BAR_WIDTH = 30


def add_import_commands(commands: Any, with_ledger: WithLedger) -> None:
    imports = commands.add_parser("import", help="nhập dữ liệu từ tệp").add_subparsers(dest="what", required=True)
    command = imports.add_parser("households", help="nhập danh sách hộ từ tệp .xlsx hoặc .csv (mặc định: chạy thử)")
    command.add_argument("files", type=Path, nargs="+", metavar="FILE")
    command.add_argument("--as", dest="username", required=True, help="tài khoản người nhập (ghi tên trên mỗi sự kiện)")
    command.add_argument(
        "--commit", choices=[m.value for m in CommitMode], help="valid: ghi các dòng hợp lệ; all: tất cả hoặc không"
    )
    command.set_defaults(run=lambda args: import_households(args, with_ledger))


class ProgressBar:
    """`\\r[#####.....] 250/2500` on the terminal; redrawn only when the bar or the stage changes."""

    def __init__(self, stream: TextIO = sys.stderr) -> None:
        self.stream, self.shown = stream, ("", -1)

    def __call__(self, stage: str, done: int, total: int) -> None:
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        if (stage, filled) == self.shown and done != total:
            return
        if self.shown[0] and stage != self.shown[0] and self.shown[1] != BAR_WIDTH:
            self.stream.write("\n")
        self.shown = (stage, filled)
        self.stream.write(f"\r{stage:<9} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total}")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()


def import_households(args: argparse.Namespace, with_ledger: WithLedger) -> None:
    for path in args.files:
        if not path.is_file():
            sys.exit(f"Lỗi: không có tệp {path}.")
    files = [(path.name, path.read_bytes()) for path in args.files]
    mode = CommitMode(args.commit) if args.commit else None

    def run(ledger: Any) -> ImportReport:
        actor = ledger.users.actor(args.username)
        if actor is None:
            sys.exit(f"Lỗi: không có tài khoản {args.username}.")
        return ledger.imports.import_household_files(actor, files, mode, ProgressBar())  # type: ignore[no-any-return]

    report = with_ledger(run)
    print(summary(report))
    if report.errors:
        sys.exit(1)


def summary(report: ImportReport) -> str:
    lines = [
        f"Tệp {report.file_name}: {report.rows} dòng dữ liệu, {report.rows_with_errors} dòng có lỗi.",
        f"Hộ mới: {report.created}; hộ đổi phân loại: {report.changed}; dòng đã đúng như sổ: {report.unchanged}.",
    ]
    if report.dry_run:
        lines.append("Chạy thử: chưa ghi gì vào sổ (ghi bằng --commit valid hoặc --commit all).")
    elif report.committed:
        lines.append(f"Đã ghi {report.committed} dòng vào sổ, đến bản ghi số {report.position}.")
    else:
        lines.append("Không ghi dòng nào vào sổ.")
    several = ", " in report.file_name
    lines += [f"  {e.file + ', ' if several else ''}dòng {e.row}, cột “{e.column}”: {e.message}" for e in report.errors]
    return "\n".join(lines)

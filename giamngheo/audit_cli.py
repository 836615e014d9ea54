"""`giamngheo audit verify | export | checkpoint`: the log's tamper evidence from the command line (issue 5 §2)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from application.audit.checkpoints import ON_REQUEST
from application.audit.verify import LogVerdict
from giamngheo.report import WithLedger, cli_date
from giamngheo.status_cli import print_stall


def add_audit_commands(commands: Any, with_ledger: WithLedger) -> None:
    audit = commands.add_parser("audit", help="kiểm tra tính toàn vẹn của sổ").add_subparsers(
        dest="audit", required=True
    )
    command = audit.add_parser("verify", help="kiểm tra chuỗi băm của sổ; mã thoát 1 nếu sổ bị sửa")
    command.add_argument(
        "--witness", metavar="FILE", type=Path, help="tệp nhân chứng để đối chiếu (mặc định: tệp đã cấu hình)"
    )
    command.add_argument("--no-witness", action="store_true", help="không đối chiếu tệp nhân chứng")
    command.set_defaults(run=lambda args: verify(with_ledger, args.witness, args.no_witness))
    command = audit.add_parser("export", help="xuất hồ sơ kiểm tra kèm chương trình kiểm tra độc lập")
    command.add_argument("directory", metavar="DIR", type=Path, help="thư mục xuất")
    day = {"metavar": "DATE", "type": cli_date}
    command.add_argument("--from", dest="recorded_from", help="ghi sổ từ ngày (dd/mm/yyyy)", **day)
    command.add_argument("--to", dest="recorded_to", help="ghi sổ đến ngày (dd/mm/yyyy)", **day)
    command.add_argument("--commune", help="tên xã (mặc định: xã của sổ)")
    command.set_defaults(run=lambda args: export(args, with_ledger))
    command = audit.add_parser("checkpoint", help="ký một mốc đầu chuỗi ngay bây giờ")
    command.set_defaults(run=lambda args: checkpoint(with_ledger))


def verify(with_ledger: WithLedger, witness: Path | None = None, no_witness: bool = False) -> None:
    """Issue 10 §7: the configured witness file, when there is one, is read too: it catches a cut tail."""

    def check(ledger: Any) -> tuple[LogVerdict, Path | None]:
        configured = Path(ledger.settings.witness_path) if ledger.settings.witness_path else None
        chosen = None if no_witness else witness or (configured if configured and configured.exists() else None)
        if chosen and not chosen.is_file():
            sys.exit(f"Lỗi: không có tệp nhân chứng {chosen}.")
        return ledger.tamper_evidence.verify_log(chosen), chosen

    verdict, chosen = with_ledger(check)
    print(f"Đối chiếu tệp nhân chứng: {chosen}." if chosen else "Không đối chiếu tệp nhân chứng nào.")
    print("\n".join(verdict_lines(verdict)))
    print_stall(with_ledger)  # the chain covers every event even when the read models stalled
    if not verdict.ok:
        sys.exit(1)


def verdict_lines(verdict: LogVerdict) -> list[str]:
    head = f"đầu chuỗi: bản ghi số {verdict.head.position}, mã băm {verdict.head.hash}"
    checked = f"Đã kiểm {verdict.events} bản ghi và {verdict.checkpoints} mốc đã ký; {head}."
    pending = [f"{verdict.unchained} bản ghi mới chưa được nối vào chuỗi."] if verdict.unchained else []
    if verdict.ok:
        return [checked, *pending, "ĐẠT: sổ không bị sửa, xóa, chèn hay đảo thứ tự."]
    first = verdict.first_bad
    assert first is not None
    return [
        checked,
        *pending,
        f"KHÔNG ĐẠT: vị trí sai đầu tiên là bản ghi số {first.position}. {first.detail}",
        *(f"  - bản ghi số {problem.position}: {problem.detail}" for problem in verdict.problems[1:]),
    ]


def export(args: argparse.Namespace, with_ledger: WithLedger) -> None:
    done = with_ledger(
        lambda ledger: ledger.audit_exports.export_audit(
            args.directory, args.recorded_from, args.recorded_to, args.commune
        )
    )
    print(
        f"Đã xuất {done.events} bản ghi vào {done.directory}: đến bản ghi số {done.last.position},"
        f" mã băm {done.last.hash}; sổ lúc xuất: bản ghi số {done.head.position}, mã băm {done.head.hash}."
    )
    print(f"Người kiểm tra chạy: python3 {done.directory / 'verify.py'} --key KHÓA")
    if not done.verdict.ok:
        print("\n".join(verdict_lines(done.verdict)))
        sys.exit(1)


def checkpoint(with_ledger: WithLedger) -> None:
    signed = with_ledger(lambda ledger: ledger.tamper_evidence.checkpoint(ON_REQUEST))
    print(f"Đã ký mốc: bản ghi số {signed.position}, mã băm {signed.head_hash}.")

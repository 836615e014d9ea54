"""`giamngheo status [--retry]` and `giamngheo skip-event`: the read models' state and the recovery from
a stalled read model without editing the log (issue 10 §1; README "When a read model still fails")."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from application.audit.read_model_status import ReadModelStatus
from application.core.ledger_core import Entry
from application.readmodels.stalls import Stall
from giamngheo.report import WithLedger

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def add_status_commands(commands: Any, with_ledger: WithLedger) -> None:
    command = commands.add_parser("status", help="tình trạng sổ và các bảng đọc; mã thoát 1 nếu bảng đọc bị dừng")
    command.add_argument("--retry", action="store_true", help="áp dụng lại bản ghi đang chặn (sau khi đã sửa mã)")
    command.set_defaults(run=lambda args: status(args, with_ledger))
    command = commands.add_parser("skip-event", help="ghi vào sổ việc cho các bảng đọc bỏ qua bản ghi đang chặn")
    command.add_argument("position", type=int, help="số bản ghi đang chặn (xem giamngheo status)")
    command.add_argument("--by", required=True, help="tài khoản Chủ tịch hoặc Phó Chủ tịch chịu trách nhiệm")
    command.add_argument("--reason", required=True, help="lý do, và hành vi đúng sẽ được ghi lại thế nào")
    command.set_defaults(run=lambda args: skip_event(args, with_ledger))


def status(args: argparse.Namespace, with_ledger: WithLedger) -> None:
    found: ReadModelStatus = with_ledger(
        lambda ledger: ledger.read_models.retry_read_models() if args.retry else ledger.read_models.read_model_status()
    )
    print("\n".join(status_lines(found)))
    if found.stall:
        sys.exit(1)


def status_lines(found: ReadModelStatus) -> list[str]:
    checkpoint = found.last_checkpoint
    when = vn_datetime(datetime.fromisoformat(checkpoint.signed_at)) if checkpoint else ""
    signed = f"bản ghi số {checkpoint.position}, ký lúc {when}" if checkpoint else "chưa có"
    lines = [
        f"Nhật ký sự kiện: đến bản ghi số {found.log_head}.",
        f"Các bảng đọc: đến bản ghi số {found.views_position} (còn {found.behind} bản ghi chưa áp dụng).",
        f"Chuỗi băm: đến bản ghi số {found.chain.position}, mã băm {found.chain.hash}.",
        f"Mốc đã ký gần nhất: {signed}.",
    ]
    return lines + (stall_lines(found.stall) if found.stall else ["Các bảng đọc: BÌNH THƯỜNG."])


def stall_lines(stall: Stall) -> list[str]:
    return [
        f"CÁC BẢNG ĐỌC BỊ DỪNG trước bản ghi số {stall.position} từ {vn_datetime(stall.first_seen)}"
        f" (lần gần nhất {vn_datetime(stall.last_seen)}).",
        f"  Sự kiện: {stall.topic}, hồ sơ {stall.originator_id}, phiên bản {stall.originator_version}.",
        f"  Lỗi: {stall.error}",
        "  Cách khắc phục (không sửa nhật ký): triển khai bộ chuyển đổi (upcaster),"
        " rồi chạy “giamngheo status --retry”,",
        f"  hoặc “giamngheo skip-event {stall.position} --by <chủ tịch> --reason …” rồi ghi lại hành vi đúng.",
    ]


def print_stall(with_ledger: WithLedger) -> None:
    """For `rebuild`, `audit verify` and `sweep`: they keep working, and say that the read models stalled."""
    stall = with_ledger(lambda ledger: ledger.read_models.stalled_read_models())
    if stall:
        print("\n".join(stall_lines(stall)))


def skip_event(args: argparse.Namespace, with_ledger: WithLedger) -> None:
    def skip(ledger: Any) -> ReadModelStatus:
        actor = ledger.users.actor(args.by)
        if actor is None:
            sys.exit(f"Lỗi: không có tài khoản {args.by}.")
        ledger.read_models.skip_stalled_event(actor, args.position, args.reason, Entry(effective_on=ledger.today()))
        return ledger.read_models.read_model_status()

    found: ReadModelStatus = with_ledger(skip)
    print(f"Đã ghi vào sổ: các bảng đọc bỏ qua bản ghi số {args.position}. Hãy ghi lại hành vi đúng.")
    print("\n".join(status_lines(found)))
    if found.stall:
        sys.exit(1)



def vn_datetime(moment: datetime) -> str:
    return moment.astimezone(VIETNAM).strftime("%d/%m/%Y %H:%M")

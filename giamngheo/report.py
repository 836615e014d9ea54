"""`giamngheo report completeness`: the completeness report's summary and errors; exit code 1 on a gap."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

from application.reminders.completeness_report import CompletenessReport
from domain.acts import DomainError
from domain.formatting import vn_date
from web.shared.forms import parse_date
from web.shared.labels import OUTCOME_LABELS, RULE_LABELS, STATUS_LABELS

WithLedger = Callable[[Callable[[Any], object]], Any]


def add_report_commands(commands: Any, with_ledger: WithLedger) -> None:
    reports = commands.add_parser("report", help="báo cáo").add_subparsers(dest="report", required=True)
    command = reports.add_parser("completeness", help="báo cáo đầy đủ nhắc việc; mã thoát 1 nếu có lần nhắc thiếu")
    day = {"metavar": "DATE", "type": cli_date}
    command.add_argument("--from", dest="due_from", required=True, help="hạn từ ngày (dd/mm/yyyy)", **day)
    command.add_argument("--to", dest="due_to", required=True, help="hạn đến ngày (dd/mm/yyyy)", **day)
    command.add_argument("--today", help="đối chiếu đến ngày (mặc định: hôm nay)", **day)
    command.set_defaults(run=lambda args: report_completeness(args, with_ledger))


def cli_date(text: str) -> date:
    try:
        return parse_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” không phải ngày dd/mm/yyyy hoặc yyyy-mm-dd") from None


def report_completeness(args: argparse.Namespace, with_ledger: WithLedger) -> None:
    report, stamp = with_ledger(
        lambda ledger: (
            ledger.completeness.completeness(args.due_from, args.due_to, args.today),
            stamp_of(ledger),
        )
    )
    print("\n".join(summary_lines(report) + [stamp] + error_lines(report)))
    if report.errors:
        sys.exit(1)


def stamp_of(ledger: Any) -> str:
    """Issue 5 §1: an exported report signs a checkpoint and shows the head it was built from."""
    try:
        head = ledger.tamper_evidence.export_stamp()
    except DomainError as error:
        return f"CẢNH BÁO: không ký được mốc của sổ: {error.message}"
    return f"Mốc ký khi xuất: sổ đến bản ghi số {head.position}, mã băm {head.hash}."


def summary_lines(report: CompletenessReport) -> list[str]:
    checked = (
        f"đối chiếu các lần nhắc đến hết ngày {vn_date(report.checked_until)} (lần quét hoàn tất gần nhất)"
        if report.checked_until
        else "chưa có lần quét nào hoàn tất, chưa có lần nhắc nào để đối chiếu"
    )
    statuses = "; ".join(f"{STATUS_LABELS[code].lower()} {n}" for code, n in report.statuses.items())
    interrupted = sum(run.interrupted for run in report.sweeps)
    return [
        f"Báo cáo đầy đủ nhắc việc: hạn từ {vn_date(report.due_from)} đến {vn_date(report.due_to)}",
        f"Lập lúc {report.built_at:%d/%m/%Y %H:%M} từ sổ đến bản ghi số {report.log_position}; {checked}.",
        "Lần nhắc dự kiến tính theo lịch nhắc đang cấu hình.",
        f"{len(report.accounts)} hạn" + (f": {statuses}" if statuses else ""),
        *(f"  {OUTCOME_LABELS[code]}: {n}" for code, n in report.counts.items()),
        f"Lần quét: {len(report.sweeps)} (không có ghi nhận kết thúc: {interrupted});"
        f" ngày không có lần quét hoàn tất: {report.downtime_days}",
    ]


def error_lines(report: CompletenessReport) -> list[str]:
    if not report.errors:
        return ["Không có lỗi: mọi lần nhắc đã đến hạn đều đã gửi, hoặc có lý do ghi trong sổ."]
    return [f"LỖI: {len(report.errors)} lần nhắc thiếu không giải thích được:"] + [
        f"  - {RULE_LABELS[account.obligation.rule]} – {account.obligation.subject_label} – hạn"
        f" {vn_date(account.obligation.due_on)}, nhắc ngày {vn_date(missing.notice_on)}: {missing.explanation}"
        for account, missing in report.errors
    ]

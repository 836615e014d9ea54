"""`giamngheo`: serve, scheduler, create-user, token, demo, rebuild, sweep, report, audit, status, skip-event."""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
import time
from collections.abc import Callable

from application.core.settings import Settings
from application.demo.commune import DEMO_HOUSEHOLDS, DEMO_PASSWORD, DEMO_USERS, load_demo
from application.ledger import Ledger
from application.reminders.heartbeat_lock import HeartbeatLock
from domain.acts import DomainError
from domain.user import Role
from giamngheo.audit_cli import add_audit_commands
from giamngheo.backup_cli import add_backup_commands
from giamngheo.import_cli import add_import_commands
from giamngheo.report import add_report_commands
from giamngheo.status_cli import add_status_commands, print_stall
from web.shared.forms import parse_date


def build_ledger() -> Ledger:
    return Ledger(Settings())


def serve(args: argparse.Namespace) -> None:
    import uvicorn

    from schedules.heartbeat import build_scheduler
    from web.app import create_app

    ledger = build_ledger()
    lock = HeartbeatLock(ledger.settings.database)
    scheduler = build_scheduler(
        lock.guard(ledger.reminders.sweep),
        ledger.settings.timezone,
        ledger.settings.sweep_hour,
        outbox=outbox_of(ledger, lock),
    )
    scheduler.start()
    host, port = args.host or ledger.settings.host, args.port or ledger.settings.port
    print(f"Sổ giảm nghèo: http://{host}:{port}")
    try:
        if args.workers > 1:  # each worker builds its own ledger; the scheduler stays here, once
            uvicorn.run(
                "web.app:build_app", factory=True, host=host, port=port, workers=args.workers, server_header=False
            )
        else:
            uvicorn.run(create_app(ledger), host=host, port=port, server_header=False)  # no `server:` banner
    finally:
        scheduler.shutdown(wait=False)
        lock.release()
        ledger.close()


def run_scheduler(args: argparse.Namespace) -> None:
    from schedules.heartbeat import build_scheduler

    ledger = build_ledger()
    lock = HeartbeatLock(ledger.settings.database)
    try:
        sweep = lock.guard(ledger.reminders.sweep)
        outbox = outbox_of(ledger, lock)
        build_scheduler(sweep, ledger.settings.timezone, ledger.settings.sweep_hour, True, outbox).start()
    finally:
        lock.release()
        ledger.close()


def outbox_of(ledger: Ledger, lock: HeartbeatLock) -> Callable[[], object] | None:
    """Reminders are e-mailed only when a mail server is configured (GIAMNGHEO_SMTP_HOST)."""
    return lock.guard(ledger.outbox.send_due_emails) if ledger.settings.smtp_host else None


def create_user(args: argparse.Namespace) -> None:
    password = args.password or getpass.getpass("Mật khẩu: ")
    with_ledger(
        lambda ledger: ledger.users.create_user(
            args.username, args.name or args.username, Role(args.role), args.hamlet or [], password, email=args.email
        )
    )
    print(f"Đã tạo tài khoản {args.username}.")


def issue_token(args: argparse.Namespace) -> None:
    print(with_ledger(lambda ledger: ledger.users.issue_token(args.username)))


def demo(args: argparse.Namespace) -> None:
    loaded = with_ledger(lambda ledger: load_demo(ledger, seed=args.seed, households=args.households))
    print("Đã nạp dữ liệu mẫu xã Hải Hòa." if loaded else "Cơ sở dữ liệu đã có dữ liệu; không nạp dữ liệu mẫu.")
    print(f"Tài khoản mẫu (mật khẩu chung: {DEMO_PASSWORD}):")
    for user in DEMO_USERS:
        scope = ", ".join(user.hamlets) or "toàn xã"
        print(f"  {user.username:<11} {user.full_name} – {scope}")


def rebuild(args: argparse.Namespace) -> None:
    started = time.perf_counter()
    applied = with_ledger(lambda ledger: ledger.read_models.rebuild_read_models())
    print(f"Đã dựng lại các bảng đọc từ {applied} sự kiện trong {time.perf_counter() - started:.2f} giây.")
    print_stall(with_ledger)  # a stalled rebuild built the views up to the event and says so


def sweep(args: argparse.Namespace) -> None:
    try:
        today = parse_date(args.today) if args.today else None
    except ValueError:
        sys.exit(f"Lỗi: “{args.today}” không phải ngày hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd).")
    report = with_ledger(lambda ledger: ledger.reminders.sweep_on(today) if today else ledger.reminders.sweep())
    print(
        f"Quét nhắc việc ngày {report.today:%d/%m/%Y}: gửi mới {report.issued},"
        f" đã gửi trước đó {report.already_issued}."
    )
    print_stall(with_ledger)


def with_ledger(use: Callable[[Ledger], object]):  # type: ignore[no-untyped-def]
    ledger = build_ledger()
    try:
        return use(ledger)
    except DomainError as error:
        sys.exit(f"Lỗi: {error.message}")
    finally:
        ledger.close()


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="giamngheo", description="Sổ giảm nghèo của xã")
    commands = root.add_subparsers(dest="command", required=True)
    command = commands.add_parser("serve", help="web và bộ lập lịch nhắc việc")
    command.add_argument("--host")
    command.add_argument("--port", type=int)
    command.add_argument("--workers", type=int, default=1, help="số tiến trình web (bộ lập lịch vẫn chỉ một)")
    command.set_defaults(run=serve)
    commands.add_parser("scheduler", help="chỉ chạy bộ lập lịch nhắc việc").set_defaults(run=run_scheduler)
    command = commands.add_parser("create-user", help="tạo tài khoản")
    command.add_argument("username")
    command.add_argument("--name")
    command.add_argument("--role", choices=[r.value for r in Role], required=True)
    command.add_argument("--hamlet", action="append", help="xóm phụ trách (lặp lại cho nhiều xóm)")
    command.add_argument("--password")
    command.add_argument("--email", default="", help="địa chỉ thư điện tử nhận nhắc việc")
    command.set_defaults(run=create_user)
    command = commands.add_parser("token", help="cấp mã truy cập API cho tài khoản")
    command.add_argument("username")
    command.set_defaults(run=issue_token)
    command = commands.add_parser("demo", help="nạp xã mẫu Hải Hòa nếu cơ sở dữ liệu trống")
    command.add_argument("--households", type=int, default=DEMO_HOUSEHOLDS, help="số hộ (mặc định 2500)")
    command.add_argument("--seed", type=int, default=2024, help="hạt giống ngẫu nhiên: cùng hạt giống, cùng dữ liệu")
    command.set_defaults(run=demo)
    commands.add_parser("rebuild", help="dựng lại các bảng đọc từ nhật ký sự kiện").set_defaults(run=rebuild)
    command = commands.add_parser("sweep", help="quét nhắc việc một lần")
    command.add_argument("--today", help="ngày quét, dd/mm/yyyy hoặc yyyy-mm-dd (mặc định: hôm nay)")
    command.set_defaults(run=sweep)
    add_report_commands(commands, with_ledger)
    add_audit_commands(commands, with_ledger)
    add_backup_commands(commands, with_ledger)
    add_import_commands(commands, with_ledger)
    add_status_commands(commands, with_ledger)
    return root


def main(argv: list[str] | None = None) -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    args = parser().parse_args(argv)
    args.run(args)

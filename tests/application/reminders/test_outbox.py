"""E-mail of reminders, against a real SMTP server on 127.0.0.1: sent once, retried after a refusal,
never resent when the outcome is unknown."""

from __future__ import annotations

import email
import socket
import threading
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from aiosmtpd.controller import Controller

from application.core.errors import InvalidInputError
from application.core.settings import Settings
from application.ledger import Ledger
from application.reminders.inbox import ReminderItem
from application.reminders.mail import message_id
from domain.user import Role, user_id
from tests.application.helpers import actor, entry, escaped_household
from tests.conftest import VIETNAM, FixedClock, seed_users

SENDER = "Sổ giảm nghèo <giamngheo@haihoa.gov.vn>"
ADDRESS = "diachinh@haihoa.gov.vn"


class MailServer:
    """An SMTP server that keeps what it accepts, refuses when told to, or hangs up mid-message."""

    def __init__(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.received: list[tuple[list[str], EmailMessage]] = []
        self.refusal: str | None = None
        self.hang_up = False
        self._controller: Controller | None = None

    def start(self) -> None:
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller:
            self._controller.stop()
            self._controller = None

    # aiosmtpd's hook names.
    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: list[str]) -> str:  # noqa: N802
        if self.refusal:
            return self.refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        if self.hang_up:
            server.transport.close()
            return "250 OK"
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        self.received.append((list(envelope.rcpt_tos), message))  # type: ignore[arg-type]
        return "250 Message accepted for delivery"


@pytest.fixture
def mail_server() -> Iterator[MailServer]:
    server = MailServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def open_ledger(clock: FixedClock, mail_server: MailServer) -> Iterator[Callable[..., Ledger]]:
    opened: list[Ledger] = []

    def open_(url: str, **settings: Any) -> Ledger:
        configured = {
            "database": url,
            "secret_key": "test-secret",
            "password_hashing": "CHEAPEST",
            "smtp_host": "127.0.0.1",
            "smtp_port": mail_server.port,
            "smtp_from": SENDER,
            **settings,
        }
        opened.append(Ledger(Settings(**configured), clock=clock))
        return opened[-1]

    yield open_
    for ledger in opened:
        ledger.close()


@pytest.fixture
def ledger(open_ledger: Callable[..., Ledger], database_url: str) -> Ledger:
    """Mailing to the local server, on the in-memory store, a SQLite file and PostgreSQL."""
    ledger = open_ledger(database_url)
    seed_users(ledger)
    return ledger


@pytest.fixture
def commune(open_ledger: Callable[..., Ledger]) -> Ledger:
    """Mailing to the local server, in memory."""
    ledger = open_ledger("memory:")
    seed_users(ledger)
    return ledger


def remind_xuan_ha_official(ledger: Ledger) -> UUID:
    """Diachinh (Xuân Hà) has an address and one reminder: the 36 months of a household escaped on 10/01/2024
    end on 10/01/2027, so the 90-day reminder of 12/10/2026 is issued, late, by the sweep of 28/11/2026."""
    ledger.users.set_user_email("diachinh", ADDRESS)
    escaped_household(ledger, date(2024, 1, 10))
    ledger.reminders.sweep()
    [item] = official_reminders(ledger)
    return item.reminder_id


def official_reminders(ledger: Ledger, username: str = "diachinh") -> list[ReminderItem]:
    return ledger.inbox.inbox(actor(ledger, username), include_acknowledged=True)


def email_state(ledger: Ledger) -> str | None:
    [item] = official_reminders(ledger)
    return item.email_state


def reminder_row(ledger: Ledger, reminder_id: UUID) -> dict[str, Any]:
    with ledger.views.database.reading() as cursor:
        row = cursor.one("SELECT * FROM view_reminders WHERE reminder_id = ?", (str(reminder_id),))
    assert row is not None
    return row


def live_clock(clock: FixedClock) -> None:
    """Retries are timed from when the failure was recorded, so the clock must read the real time."""
    clock.now = datetime.now(VIETNAM)


def test_a_reminder_is_emailed_once_to_the_official_of_its_hamlet(ledger: Ledger, mail_server: MailServer) -> None:
    reminder_id = remind_xuan_ha_official(ledger)

    report = ledger.outbox.send_due_emails()

    [(recipients, message)] = mail_server.received
    assert (report.sent, report.failed, report.skipped_uncertain) == (1, 0, 0)
    assert recipients == [ADDRESS] and message["To"] == ADDRESS
    assert message["Subject"] == ("Nhắc việc: Hết thời hạn 36 tháng hộ mới thoát nghèo – Nguyễn Văn An, hạn 10/01/2027")
    assert message["Message-ID"] == message_id(reminder_id, SENDER) == f"<reminder-{reminder_id}@haihoa.gov.vn>"
    assert email_state(ledger) == "sent"


def test_the_email_says_what_is_due_about_whom_and_when(commune: Ledger, mail_server: MailServer) -> None:
    remind_xuan_ha_official(commune)

    commune.outbox.send_due_emails()

    [(_, message)] = mail_server.received
    body = message.get_content()
    assert "Kính gửi Công chức Địa chính," in body
    assert "Đối tượng: Nguyễn Văn An, xóm Xuân Hà" in body
    assert "Hạn: 10/01/2027" in body and "Ngày nhắc: 12/10/2026" in body
    assert "Nhắc trễ" in body and "Chuyển cấp trên" not in body
    assert "http" not in body
    assert message["From"] == SENDER


def test_running_the_outbox_again_sends_nothing_more(ledger: Ledger, mail_server: MailServer) -> None:
    remind_xuan_ha_official(ledger)
    ledger.outbox.send_due_emails()

    report = ledger.outbox.send_due_emails()

    assert (report.sent, report.failed, report.skipped_uncertain) == (0, 0, 0)
    assert len(mail_server.received) == 1


def test_two_processes_on_one_database_send_a_reminder_once(
    open_ledger: Callable[..., Ledger], durable_url: str, mail_server: MailServer
) -> None:
    first, second = open_ledger(durable_url), open_ledger(durable_url)
    seed_users(first)
    remind_xuan_ha_official(first)

    reports = [first.outbox.send_due_emails(), second.outbox.send_due_emails(), first.outbox.send_due_emails()]

    assert [report.sent for report in reports] == [1, 0, 0]
    assert len(mail_server.received) == 1


def test_two_processes_racing_for_the_same_reminder_send_it_once(
    open_ledger: Callable[..., Ledger], durable_url: str, mail_server: MailServer
) -> None:
    ledgers = [open_ledger(durable_url) for _ in range(3)]
    seed_users(ledgers[0])
    remind_xuan_ha_official(ledgers[0])
    for each in ledgers:
        each.views.catch_up()
    start, sent = threading.Barrier(len(ledgers)), []

    def run(each: Ledger) -> None:
        start.wait()
        sent.append(each.outbox.send_due_emails().sent)

    threads = [threading.Thread(target=run, args=(each,)) for each in ledgers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(sent) == [0, 0, 1]
    assert len(mail_server.received) == 1
    assert email_state(ledgers[0]) == "sent"


def test_a_refused_delivery_is_recorded_and_sent_once_on_a_later_run(
    ledger: Ledger, mail_server: MailServer, clock: FixedClock
) -> None:
    reminder_id = remind_xuan_ha_official(ledger)
    live_clock(clock)
    mail_server.refusal = "550 5.1.1 Mailbox unavailable"
    refused = ledger.outbox.send_due_emails()
    failure = reminder_row(ledger, reminder_id)
    mail_server.refusal = None

    too_soon = ledger.outbox.send_due_emails()
    clock.now += timedelta(minutes=31)
    retried, again = ledger.outbox.send_due_emails(), ledger.outbox.send_due_emails()

    assert (refused.sent, refused.failed) == (0, 1)
    assert (failure["email_state"], failure["email_attempts"]) == ("failed", 1)
    assert "550 5.1.1 Mailbox unavailable" in failure["email_error"]
    assert (too_soon.sent, retried.sent, again.sent) == (0, 1, 0)
    assert len(mail_server.received) == 1
    assert reminder_row(ledger, reminder_id)["email_attempts"] == 2


def test_when_the_mail_server_is_down_the_failure_is_recorded_and_the_reminder_sent_once_it_is_back(
    commune: Ledger, mail_server: MailServer, clock: FixedClock
) -> None:
    reminder_id = remind_xuan_ha_official(commune)
    live_clock(clock)
    mail_server.stop()
    down = commune.outbox.send_due_emails()
    failure = reminder_row(commune, reminder_id)

    mail_server.start()
    clock.now += timedelta(minutes=31)
    back = commune.outbox.send_due_emails()

    assert (down.sent, down.failed) == (0, 1)
    assert failure["email_state"] == "failed" and "Connection" in failure["email_error"]
    assert back.sent == 1 and len(mail_server.received) == 1


def test_a_reminder_refused_at_every_attempt_is_given_up_after_the_configured_attempts(
    open_ledger: Callable[..., Ledger], mail_server: MailServer, clock: FixedClock
) -> None:
    commune = open_ledger("memory:", email_max_attempts=2, email_retry_after_minutes=0)
    seed_users(commune)
    reminder_id = remind_xuan_ha_official(commune)
    live_clock(clock)
    mail_server.refusal = "451 4.3.0 Try again later"

    reports = []
    for _ in range(3):
        clock.now += timedelta(minutes=1)
        reports.append(commune.outbox.send_due_emails())

    assert [report.failed for report in reports] == [1, 1, 0]
    assert reminder_row(commune, reminder_id)["email_attempts"] == 2


def test_a_reminder_whose_sending_was_cut_short_is_never_sent_again(ledger: Ledger, mail_server: MailServer) -> None:
    reminder_id = remind_xuan_ha_official(ledger)
    reminder = ledger.store.repository.get(reminder_id)
    reminder.claim_email(ADDRESS, date(2026, 11, 28))
    ledger.store.save(reminder)  # the process dies here, after the claim, before or while sending

    reports = [ledger.outbox.send_due_emails(), ledger.outbox.send_due_emails()]

    assert [(report.sent, report.skipped_uncertain) for report in reports] == [(0, 1), (0, 1)]
    assert mail_server.received == []
    assert email_state(ledger) == "attempting"


def test_a_connection_lost_while_the_message_is_handed_over_is_never_resent(
    open_ledger: Callable[..., Ledger], mail_server: MailServer
) -> None:
    commune = open_ledger("memory:", email_retry_after_minutes=0)
    seed_users(commune)
    remind_xuan_ha_official(commune)
    mail_server.hang_up = True
    cut = commune.outbox.send_due_emails()

    mail_server.hang_up = False
    later = commune.outbox.send_due_emails()

    assert (cut.sent, cut.failed, cut.skipped_uncertain) == (0, 0, 1)
    assert (later.sent, later.skipped_uncertain) == (0, 1)
    assert mail_server.received == []


def test_an_official_without_an_email_address_gets_no_email(commune: Ledger, mail_server: MailServer) -> None:
    escaped_household(commune, date(2024, 1, 10))
    commune.reminders.sweep()

    report = commune.outbox.send_due_emails()

    assert (report.sent, report.failed) == (0, 0)
    assert mail_server.received == []
    assert [item.email_state for item in official_reminders(commune)] == [None]


def test_with_no_mail_server_configured_nothing_is_emailed(
    open_ledger: Callable[..., Ledger], mail_server: MailServer
) -> None:
    commune = open_ledger("memory:", smtp_host="")
    seed_users(commune)
    remind_xuan_ha_official(commune)

    report = commune.outbox.send_due_emails()

    assert (report.sent, report.failed, report.skipped_uncertain) == (0, 0, 0)
    assert mail_server.received == []
    assert email_state(commune) is None


def test_a_reminder_already_acknowledged_is_not_emailed(commune: Ledger, mail_server: MailServer) -> None:
    reminder_id = remind_xuan_ha_official(commune)
    commune.inbox.acknowledge_reminder(actor(commune, "diachinh"), reminder_id, entry(date(2026, 11, 28)))

    report = commune.outbox.send_due_emails()

    assert report.sent == 0 and mail_server.received == []


def test_the_officials_address_is_shown_in_the_user_list(ledger: Ledger) -> None:
    ledger.users.set_user_email("diachinh", f"  {ADDRESS} ")

    users = {user.username: user.email for user in ledger.users.user_list()}

    assert users["diachinh"] == ADDRESS
    assert users["vanhoa"] is None


def test_an_account_can_be_created_with_its_email_address(commune: Ledger) -> None:
    commune.users.create_user("canbo1", "Cán bộ xã", Role.OFFICIAL, ["Xóm 5"], "mat-khau-thu", email="a@b.vn")

    assert {user.username: user.email for user in commune.users.user_list()}["canbo1"] == "a@b.vn"


@pytest.mark.parametrize("address", ["diachinh", "diachinh@haihoa", "dia chinh@haihoa.gov.vn", "a@b.vn\r\nBcc: x@y.z"])
def test_an_address_that_is_not_an_email_address_is_refused(commune: Ledger, address: str) -> None:
    with pytest.raises(InvalidInputError) as refused:
        commune.users.set_user_email("diachinh", address)

    assert "email" in refused.value.errors
    assert {user.username: user.email for user in commune.users.user_list()}["diachinh"] is None


def test_removing_the_address_stops_the_email(commune: Ledger, mail_server: MailServer) -> None:
    commune.users.set_user_email("diachinh", ADDRESS)
    commune.users.set_user_email("diachinh", "")
    escaped_household(commune, date(2024, 1, 10))
    commune.reminders.sweep()

    report = commune.outbox.send_due_emails()

    assert report.sent == 0 and mail_server.received == []


def test_the_address_is_kept_across_a_restart(open_ledger: Callable[..., Ledger], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/giamngheo.db"
    first = open_ledger(url)
    seed_users(first)
    first.users.set_user_email("diachinh", ADDRESS)
    first.close()

    reopened = open_ledger(url)

    assert reopened.store.repository.get(user_id("diachinh")).email == ADDRESS
    assert reopened.read_models.rebuild_read_models() > 0
    assert {user.username: user.email for user in reopened.users.user_list()}["diachinh"] == ADDRESS

"""The e-mail outbox: each reminder e-mailed to its official's address at most once.

A reminder is claimed before it is sent (`Reminder.EmailAttempted`, saved with optimistic concurrency,
so of two schedulers only one wins the claim and the other gets `IntegrityError`), then sent over SMTP,
then marked `Emailed`. When the mail server answers with a refusal, or cannot be reached, nothing went
out: `EmailFailed` is recorded and a later run tries again after `email_retry_after_minutes`, up to
`email_max_attempts` attempts. A claim with no result — the process died mid-send, or the connection
dropped while the message was being handed over — may or may not have been delivered; it is reported
as uncertain and never sent again automatically. For a reminder that is also in the official's inbox,
"never sends one reminder twice" beats "always sends": a lost e-mail costs nothing the inbox does not
show, a duplicate teaches officials to ignore the mail. The Message-ID is derived from the reminder id,
so a receiving server that deduplicates drops a copy too.

The outbox runs as its own scheduler job; a slow or absent mail server never holds up the sweep.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime
from typing import Any
from uuid import UUID

from eventsourcing.persistence import IntegrityError

from application.core.capability import CapabilityService
from application.reminders.mail import (
    DeliveryUncertainError,
    MailNotSentError,
    ServerUnreachableError,
    deliver,
    message_id,
)
from domain.deadlines import RULE_BASIS, RULE_TITLES, ReminderRule
from domain.formatting import vn_date
from domain.reminder import Reminder, ReminderRefusedError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OutboxReport:
    sent: int
    failed: int
    skipped_uncertain: int


class OutboxCases(CapabilityService):
    def send_due_emails(self, today: date | None = None) -> OutboxReport:
        if not self.settings.smtp_host:
            return OutboxReport(0, 0, 0)
        today = today or self.today()
        sent = failed = 0
        for row in self._unsent_emails():
            outcome = self._send(row, today)
            sent, failed = sent + (outcome == "sent"), failed + (outcome in ("failed", "unreachable"))
            if outcome in ("unreachable", "uncertain"):
                break  # the next ones would meet the same server; they wait for the next run, unclaimed
        return OutboxReport(sent, failed, self._uncertain_count())

    def _unsent_emails(self) -> list[dict[str, Any]]:
        """Reminders not yet acknowledged whose recipient has an address: never tried, or failed and not given up."""
        with self.views.reading() as cursor:
            return cursor.all(
                "SELECT r.*, u.email, u.full_name FROM view_reminders r JOIN view_users u ON u.username = r.recipient"
                " WHERE u.email IS NOT NULL AND r.acknowledged_at IS NULL AND (r.email_state IS NULL"
                " OR (r.email_state = 'failed' AND r.email_attempts < ?)) ORDER BY r.issued_at, r.reminder_id",
                (self.settings.email_max_attempts,),
            )

    def _send(self, row: dict[str, Any], today: date) -> str:
        message = reminder_email(row, self.settings.commune, self.settings.smtp_from, self.clock())  # before the claim
        attempt = self._claim(UUID(row["reminder_id"]), row["email"], today)
        if attempt is None:
            return "skipped"
        try:
            deliver(message, self.settings)
        except DeliveryUncertainError as error:
            log.warning("E-mail of reminder %s may or may not have gone out: %s", row["reminder_id"], error)
            return "uncertain"
        except MailNotSentError as error:
            reason, outcome = str(error), "unreachable" if isinstance(error, ServerUnreachableError) else "failed"
            self._record_outcome(row, lambda found: found.record_email_failure(row["email"], attempt, reason, today))
            return outcome
        self._record_outcome(row, lambda found: found.record_emailed(row["email"], message["Message-ID"], today))
        return "sent"

    def _claim(self, reminder_id: UUID, address: str, today: date) -> int | None:
        reminder: Reminder = self.store.repository.get(reminder_id)
        if reminder.email and reminder.email[0] == "failed" and not self._retry_due(reminder):
            return None
        try:
            attempt = reminder.claim_email(address, today)
            self.store.save(reminder)
        except (ReminderRefusedError, IntegrityError):
            return None  # sent or being sent, or another process claimed it first
        return attempt

    def _retry_due(self, reminder: Reminder) -> bool:
        # The failure is the reminder's last event, unless the official acknowledged it meanwhile,
        # which can only postpone the retry, never hasten it.
        return self.clock() >= reminder.modified_on + timedelta(minutes=self.settings.email_retry_after_minutes)

    def _record_outcome(self, row: dict[str, Any], record: Callable[[Reminder], None]) -> None:
        """Records the outcome on the latest version: the official may acknowledge while the mail goes out."""
        for _ in range(5):
            reminder: Reminder = self.store.repository.get(UUID(row["reminder_id"]))
            record(reminder)
            try:
                self.store.save(reminder)
                return
            except IntegrityError:
                continue
        log.error("Could not record the e-mail outcome of reminder %s", row["reminder_id"])

    def _uncertain_count(self) -> int:
        with self.views.reading() as cursor:
            row = cursor.one("SELECT count(*) AS n FROM view_reminders WHERE email_state = 'attempting'")
        return int(row["n"]) if row else 0


def reminder_email(row: dict[str, Any], commune: str, sender: str, now: datetime) -> EmailMessage:
    rule, due_on = ReminderRule(row["rule"]), date.fromisoformat(row["due_on"])
    flags = " (chuyển cấp trên)" if row["escalated"] else ""
    message = EmailMessage()
    message["From"], message["To"] = sender, row["email"]
    message["Subject"] = f"Nhắc việc{flags}: {RULE_TITLES[rule]} – {row['subject_label']}, hạn {vn_date(due_on)}"
    message["Date"], message["Message-ID"] = format_datetime(now), message_id(UUID(row["reminder_id"]), sender)
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation replies to a robot
    message.set_content(reminder_text(row, rule, due_on, commune))
    return message


def reminder_text(row: dict[str, Any], rule: ReminderRule, due_on: date, commune: str) -> str:
    lines = [
        f"Kính gửi {row['full_name']},",
        "",
        f"Sổ giảm nghèo xã {commune} nhắc việc:",
        "",
        f"Việc: {RULE_TITLES[rule]}",
        f"Đối tượng: {row['subject_label']}" + (f", xóm {row['hamlet']}" if row["hamlet"] else ""),
        f"Hạn: {vn_date(due_on)}",
        f"Ngày nhắc: {vn_date(date.fromisoformat(row['notice_on']))}",
        f"Căn cứ: {RULE_BASIS[rule]}",
    ]
    if row["late"]:
        lines.append("Nhắc trễ: nhắc việc này được gửi sau ngày nhắc.")
    if row["escalated"]:
        lines.append("Chuyển cấp trên: việc chưa được xác nhận hoặc đã quá hạn nên được chuyển đến cấp trên.")
    lines += ["", "Xin vào Sổ giảm nghèo, mục Nhắc việc, để xác nhận đã nhận hoặc ghi nhận đã giải quyết."]
    return "\n".join([*lines, "", "Thư gửi tự động, xin không trả lời thư này."]) + "\n"

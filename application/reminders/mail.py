"""Handing one message to the commune's SMTP server, and telling "not sent" from "perhaps sent"."""

from __future__ import annotations

import contextlib
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import parseaddr
from uuid import UUID

from application.core.settings import Settings

SMTP_TIMEOUT_SECONDS = 30

# The server answered and refused: the message certainly did not go out.
REFUSALS = (
    smtplib.SMTPRecipientsRefused,
    smtplib.SMTPSenderRefused,
    smtplib.SMTPDataError,
    smtplib.SMTPNotSupportedError,
)


class MailNotSentError(Exception):
    """The mail server refused the message; trying again later may succeed."""


class ServerUnreachableError(MailNotSentError):
    """No connection, no greeting, no TLS or no login: nothing was handed over."""


class DeliveryUncertainError(Exception):
    """The connection broke while the message was being handed over: it may have been delivered."""


def message_id(reminder_id: UUID, sender: str) -> str:
    """The same reminder always has the same Message-ID, so a receiving server can drop a copy."""
    domain = parseaddr(sender)[1].rpartition("@")[2] or "giamngheo.invalid"
    return f"<reminder-{reminder_id}@{domain}>"


def deliver(message: EmailMessage, settings: Settings) -> None:
    try:
        connection = connect(settings)
    except (smtplib.SMTPException, OSError) as error:
        raise ServerUnreachableError(describe(error)) from error
    try:
        connection.send_message(message)
    except REFUSALS as error:
        raise MailNotSentError(describe(error)) from error
    except (smtplib.SMTPException, OSError) as error:
        raise DeliveryUncertainError(describe(error)) from error
    finally:
        with contextlib.suppress(smtplib.SMTPException, OSError):
            connection.quit()


def connect(settings: Settings) -> smtplib.SMTP:
    connection = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=SMTP_TIMEOUT_SECONDS)
    try:
        connection.ehlo()
        if settings.smtp_starttls:
            connection.starttls(context=ssl.create_default_context())
            connection.ehlo()
        if settings.smtp_user:
            connection.login(settings.smtp_user, settings.smtp_password.get_secret_value())
    except BaseException:
        connection.close()
        raise
    return connection


def describe(error: BaseException) -> str:
    """The server's own words where it gave any (kept on the reminder for whoever looks into it)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return "; ".join(reply_text(code, reply) for code, reply in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return reply_text(error.smtp_code, error.smtp_error)
    return f"{type(error).__name__}: {error}"


def reply_text(code: int, reply: bytes | str) -> str:
    return f"{code} {reply.decode(errors='replace') if isinstance(reply, bytes) else reply}"

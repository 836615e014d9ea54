"""A reminder's e-mail: claimed before it is sent, so it goes out at most once; only a reported failure
may be tried again."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from domain.deadlines import Notice, ReminderRule
from domain.reminder import Deadline, Reminder, ReminderRefusedError

TODAY = date(2026, 11, 28)
ADDRESS = "diachinh@haihoa.gov.vn"


def issued() -> Reminder:
    deadline = Deadline(
        ReminderRule.NEWLY_ESCAPED_WINDOW_END,
        "household",
        uuid4(),
        "Nguyễn Văn An",
        "Hải Hòa",
        "Xuân Hà",
        date(2027, 1, 10),
    )
    reminder = Reminder.issue(deadline, Notice(date(2026, 10, 12)), "diachinh", TODAY)
    reminder.collect_events()
    return reminder


def test_claiming_the_email_records_the_first_attempt_and_the_address() -> None:
    reminder = issued()

    attempt = reminder.claim_email(ADDRESS, TODAY)

    [event] = reminder.collect_events()
    assert attempt == 1
    assert isinstance(event, Reminder.EmailAttempted)
    assert (event.address, event.attempt, event.actor) == (ADDRESS, 1, "system")


def test_an_email_being_sent_cannot_be_claimed_again() -> None:
    reminder = issued()
    reminder.claim_email(ADDRESS, TODAY)
    reminder.collect_events()

    with pytest.raises(ReminderRefusedError):
        reminder.claim_email(ADDRESS, TODAY)

    assert reminder.collect_events() == []


def test_an_emailed_reminder_cannot_be_claimed_again() -> None:
    reminder = issued()
    reminder.claim_email(ADDRESS, TODAY)
    reminder.record_emailed(ADDRESS, "<reminder@haihoa.gov.vn>", TODAY)
    reminder.collect_events()

    with pytest.raises(ReminderRefusedError):
        reminder.claim_email(ADDRESS, TODAY)


def test_an_email_the_server_refused_may_be_claimed_again_as_the_next_attempt() -> None:
    reminder = issued()
    attempt = reminder.claim_email(ADDRESS, TODAY)
    reminder.record_email_failure(ADDRESS, attempt, "550 5.1.1 Mailbox unavailable", TODAY)
    reminder.collect_events()

    second = reminder.claim_email(ADDRESS, TODAY)

    assert second == 2


def test_a_long_server_answer_is_cut_to_500_characters() -> None:
    reminder = issued()
    reminder.claim_email(ADDRESS, TODAY)
    reminder.collect_events()

    reminder.record_email_failure(ADDRESS, 1, "550 " + "x" * 1000, TODAY)

    [event] = reminder.collect_events()
    assert len(event.error) == 500

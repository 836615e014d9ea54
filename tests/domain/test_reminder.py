"""Reminders: one per deadline and reminder date, late when issued after that date, acknowledged once."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

import pytest

from domain.deadlines import Notice, ReminderRule
from domain.reminder import Deadline, Reminder, ReminderRefusedError
from tests.domain.helpers import act

DUE, NOTICE = date(2027, 2, 28), date(2026, 11, 30)


def issued(subject_id: UUID, today: date = NOTICE) -> Reminder:
    deadline = Deadline(
        ReminderRule.NEWLY_ESCAPED_WINDOW_END, "household", subject_id, "Nguyễn Văn An", "Hải Hòa", "Xuân Hà", DUE
    )
    return Reminder.issue(deadline, Notice(NOTICE), "diachinh", today)


def test_the_same_deadline_and_reminder_date_always_give_the_same_reminder() -> None:
    subject_id = uuid4()

    assert issued(subject_id).id == issued(subject_id, today=date(2026, 12, 5)).id


def test_another_household_gets_another_reminder() -> None:
    assert issued(uuid4()).id != issued(uuid4()).id


@pytest.mark.parametrize(("today", "late"), [(NOTICE, False), (date(2026, 12, 1), True)])
def test_a_reminder_issued_after_its_date_is_late(today: date, late: bool) -> None:
    reminder = issued(uuid4(), today)

    [event] = reminder.collect_events()
    assert (event.late, event.actor, event.effective_on) == (late, "system", today)


def test_acknowledging_a_reminder_twice_is_refused() -> None:
    reminder = issued(uuid4())
    reminder.acknowledge(act(date(2026, 12, 1)))
    reminder.collect_events()

    with pytest.raises(ReminderRefusedError, match="đã được diachinh xác nhận"):
        reminder.acknowledge(act(date(2026, 12, 2), "chutich", "chair"))

    assert reminder.collect_events() == []

"""The reminder sweep: each reminder issued once, to the official in charge, until the deadline is met."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from application.audit.trail import AuditFilter
from application.ledger import Ledger
from domain.deadlines import ReminderRule
from domain.household import Standing
from domain.reminder import ReminderRefusedError
from domain.user import NotAllowedError
from tests.application.helpers import (
    XUAN_DAI_DONG,
    actor,
    approved_project,
    entry,
    escaped_household,
    notices,
)

ESCAPED_ON = date(2023, 11, 28)
WINDOW_ENDS = date(2026, 11, 28)  # 36 months after ESCAPED_ON, and the clock's today
PROJECT_STARTS, PROJECT_ENDS = date(2023, 1, 1), date(2026, 1, 1)
WINDOW = ReminderRule.NEWLY_ESCAPED_WINDOW_END


def days(n: int) -> timedelta:
    return timedelta(days=n)


def test_the_sweep_reminds_the_hamlets_official_90_30_and_0_days_before_the_window_ends(ledger: Ledger) -> None:
    household_id = escaped_household(ledger, ESCAPED_ON)

    ledger.reminders.sweep(WINDOW_ENDS)

    assert notices(ledger, household_id, WINDOW) == [
        (WINDOW_ENDS - days(90), "diachinh"),
        (WINDOW_ENDS - days(30), "diachinh"),
        (WINDOW_ENDS, "diachinh"),
    ]


def test_window_reminders_for_another_hamlet_go_to_its_official(ledger: Ledger) -> None:
    household_id = escaped_household(ledger, ESCAPED_ON, hamlet=XUAN_DAI_DONG)

    ledger.reminders.sweep(WINDOW_ENDS)

    assert {recipient for _, recipient in notices(ledger, household_id)} == {"vanhoa"}


@pytest.mark.parametrize(("days_before", "issued"), [(91, 0), (90, 1), (30, 2), (0, 3)])
def test_the_sweep_issues_every_reminder_whose_date_has_come(ledger: Ledger, days_before: int, issued: int) -> None:
    household_id = escaped_household(ledger, ESCAPED_ON)

    ledger.reminders.sweep(WINDOW_ENDS - days(days_before))

    assert len(notices(ledger, household_id, WINDOW)) == issued


def test_a_reminder_issued_after_its_date_is_marked_late(ledger: Ledger) -> None:
    escaped_household(ledger, ESCAPED_ON)

    ledger.reminders.sweep(WINDOW_ENDS)

    items = ledger.inbox.inbox(actor(ledger, "diachinh"))
    assert sorted((item.notice_on, item.late) for item in items) == [
        (WINDOW_ENDS - days(90), True),
        (WINDOW_ENDS - days(30), True),
        (WINDOW_ENDS, False),
    ]


def test_running_the_sweep_twice_issues_nothing_new(ledger: Ledger) -> None:
    household_id = escaped_household(ledger, ESCAPED_ON)
    ledger.reminders.sweep(WINDOW_ENDS)
    issued_before = ledger.audit.audit_log(AuditFilter(action="Reminder.Issued"))

    report = ledger.reminders.sweep(WINDOW_ENDS)

    assert report.issued == 0
    assert report.already_issued >= 3
    assert ledger.audit.audit_log(AuditFilter(action="Reminder.Issued")) == issued_before
    assert len(notices(ledger, household_id)) == 3


def test_a_restarted_ledger_issues_nothing_new(
    ledger: Ledger, make_ledger: Callable[[str], Ledger], database_url: str
) -> None:
    household_id = escaped_household(ledger, ESCAPED_ON)
    ledger.reminders.sweep(WINDOW_ENDS)
    restarted = ledger if database_url == "memory:" else make_ledger(database_url)

    report = restarted.reminders.sweep(WINDOW_ENDS)

    assert report.issued == 0
    assert len(notices(restarted, household_id)) == 3


def test_the_sweep_without_a_date_uses_todays_date_in_vietnam(ledger: Ledger) -> None:
    household_id = escaped_household(ledger, ESCAPED_ON)

    report = ledger.reminders.sweep()

    assert report.today == WINDOW_ENDS
    assert len(notices(ledger, household_id, WINDOW)) == 3


def test_falling_back_cancels_the_window_so_later_sweeps_issue_no_more_reminders(ledger: Ledger) -> None:
    household_id = escaped_household(ledger, ESCAPED_ON)
    ledger.reminders.sweep(WINDOW_ENDS - days(90))
    ledger.households.record_relapse(actor(ledger, "diachinh"), household_id, Standing.POOR, entry(date(2026, 9, 1)))

    ledger.reminders.sweep(WINDOW_ENDS)

    assert notices(ledger, household_id) == [(WINDOW_ENDS - days(90), "diachinh")]


def test_the_project_review_is_reminded_before_its_end_and_every_30_days_while_overdue(ledger: Ledger) -> None:
    project_id = approved_project(ledger, PROJECT_STARTS, responsible="diachinh")

    ledger.reminders.sweep(PROJECT_ENDS + days(65))

    assert [notice_on - PROJECT_ENDS for notice_on, _ in notices(ledger, project_id)] == [
        days(-90),
        days(-30),
        days(0),
        days(30),
        days(60),
    ]


def test_project_reminders_go_to_the_official_responsible_for_the_project(ledger: Ledger) -> None:
    project_id = approved_project(ledger, PROJECT_STARTS, responsible="phochutich")

    ledger.reminders.sweep(PROJECT_ENDS)

    assert {recipient for _, recipient in notices(ledger, project_id)} == {"phochutich"}


def test_a_reviewed_project_is_reminded_no_more(ledger: Ledger) -> None:
    project_id = approved_project(ledger, PROJECT_STARTS)
    ledger.reminders.sweep(PROJECT_ENDS)
    ledger.projects.review_project(actor(ledger, "diachinh"), project_id, "Tăng thu nhập", entry(date(2026, 1, 5)))

    ledger.reminders.sweep(date(2026, 11, 28))

    assert len(notices(ledger, project_id)) == 3


def test_acknowledging_a_reminder_removes_it_from_the_inbox(ledger: Ledger) -> None:
    escaped_household(ledger, ESCAPED_ON)
    ledger.reminders.sweep(WINDOW_ENDS - days(90))
    official = actor(ledger, "diachinh")
    [reminder] = ledger.inbox.inbox(official)

    ledger.inbox.acknowledge_reminder(official, reminder.reminder_id, entry(WINDOW_ENDS, note="Đã rà soát"))

    assert ledger.inbox.inbox(official) == []
    assert [item.acknowledged_by for item in ledger.inbox.inbox(official, include_acknowledged=True)] == ["diachinh"]


@pytest.mark.parametrize("leader", ["chutich", "phochutich"])
def test_the_chair_or_vice_chair_may_acknowledge_an_officials_reminder(ledger: Ledger, leader: str) -> None:
    escaped_household(ledger, ESCAPED_ON)
    ledger.reminders.sweep(WINDOW_ENDS - days(90))
    [reminder] = ledger.inbox.inbox(actor(ledger, "diachinh"))

    ledger.inbox.acknowledge_reminder(actor(ledger, leader), reminder.reminder_id, entry(WINDOW_ENDS))

    assert ledger.inbox.unacknowledged_count(actor(ledger, "diachinh")) == 0


@pytest.mark.parametrize("someone_else", ["vanhoa", "mttq"])
def test_only_the_recipient_may_acknowledge_a_reminder(ledger: Ledger, someone_else: str) -> None:
    escaped_household(ledger, ESCAPED_ON)
    ledger.reminders.sweep(WINDOW_ENDS - days(90))
    [reminder] = ledger.inbox.inbox(actor(ledger, "diachinh"))
    position = ledger.log_position()

    with pytest.raises(NotAllowedError):
        ledger.inbox.acknowledge_reminder(actor(ledger, someone_else), reminder.reminder_id, entry(WINDOW_ENDS))

    assert ledger.log_position() == position
    assert ledger.inbox.unacknowledged_count(actor(ledger, "diachinh")) == 1


def test_acknowledging_a_reminder_twice_is_refused(ledger: Ledger) -> None:
    escaped_household(ledger, ESCAPED_ON)
    ledger.reminders.sweep(WINDOW_ENDS - days(90))
    official = actor(ledger, "diachinh")
    [reminder] = ledger.inbox.inbox(official)
    ledger.inbox.acknowledge_reminder(official, reminder.reminder_id, entry(WINDOW_ENDS))

    with pytest.raises(ReminderRefusedError, match="đã được diachinh xác nhận"):
        ledger.inbox.acknowledge_reminder(actor(ledger, "chutich"), reminder.reminder_id, entry(WINDOW_ENDS))


def test_a_window_reopened_on_the_day_it_was_closed_is_still_reminded(ledger: Ledger) -> None:
    household_id = escaped_household(ledger, ESCAPED_ON)
    chair = actor(ledger, "chutich")
    ledger.households.record_relapse(chair, household_id, Standing.POOR, entry(ESCAPED_ON))
    ledger.households.record_escape(chair, household_id, Standing.POOR, entry(ESCAPED_ON))

    ledger.reminders.sweep(WINDOW_ENDS)

    assert len(notices(ledger, household_id, WINDOW)) == 3


def test_an_official_may_run_the_sweep_now_rather_than_wait_for_tomorrow(ledger: Ledger) -> None:
    household_id = escaped_household(ledger, ESCAPED_ON)

    report = ledger.reminders.sweep_on_request(actor(ledger, "diachinh"))

    assert report.today == WINDOW_ENDS
    assert len(notices(ledger, household_id, WINDOW)) == 3


def test_the_supervisor_may_not_run_the_sweep(ledger: Ledger) -> None:
    escaped_household(ledger, ESCAPED_ON)
    position = ledger.log_position()

    with pytest.raises(NotAllowedError):
        ledger.reminders.sweep_on_request(actor(ledger, "mttq"))

    assert ledger.log_position() == position

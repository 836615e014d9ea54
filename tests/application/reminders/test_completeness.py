"""The completeness report: every reminder an obligation's schedule expects, and what became of it.

The sweep is level-triggered, so a day without a sweep is not a gap: the next sweep issues what was due,
marked late. A true gap needs a finished sweep that saw the obligation open and still left a reminder out;
these tests record such a run directly (as a faulty or older version of the sweep would have), or change
the configured schedule after the sweeps ran (the report counts against today's schedules).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from uuid import UUID

import pytest

from application.core.errors import InvalidInputError
from application.core.settings import Settings
from application.demo.commune import load_demo
from application.ledger import Ledger
from application.reminders.completeness_report import CompletenessReport, Downtime, ObligationAccount
from domain.deadlines import ReminderRule, calendar_deadlines
from domain.household import Standing
from domain.loan import Programme
from domain.sweep import Sweep
from tests.application.helpers import actor, approved_project, entry, escaped_household, poor_household
from tests.conftest import FixedClock, seed_users

NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))
LOAN_DUE = date(2026, 11, 28)  # granted 28/09/2026 for 2 months: reminders on 29/10 and 28/11
THIRTY_DAYS_BEFORE = date(2026, 10, 29)


def loan_due_on_28_november(ledger: Ledger) -> UUID:
    household_id = poor_household(ledger)
    return ledger.loans.grant_loan(
        actor(ledger, "diachinh"), household_id, Programme.POOR, 20_000_000, 2, entry(date(2026, 9, 28))
    ).subject_id


def account_of(report: CompletenessReport, subject_id: UUID, due_on: date | None = None) -> ObligationAccount:
    [found] = [
        a for a in report.accounts if a.obligation.subject_id == subject_id and due_on in (None, a.obligation.due_on)
    ]
    return found


def outcomes(report: CompletenessReport, subject_id: UUID, due_on: date | None = None) -> list[tuple[date, str]]:
    return [(e.notice_on, e.outcome) for e in account_of(report, subject_id, due_on).expected]


def sweep_daily(ledger: Ledger, first: date, last: date) -> None:
    for n in range((last - first).days + 1):
        ledger.reminders.sweep(first + timedelta(days=n))


def test_reminders_issued_on_their_day_are_accounted_on_time(ledger: Ledger) -> None:
    loan_id = loan_due_on_28_november(ledger)
    sweep_daily(ledger, THIRTY_DAYS_BEFORE, LOAN_DUE)

    report = ledger.completeness.completeness(*NOVEMBER, today=LOAN_DUE)

    assert report.errors == []
    assert outcomes(report, loan_id) == [(THIRTY_DAYS_BEFORE, "on_time"), (LOAN_DUE, "on_time")]
    assert {e.outcome for a in report.accounts for e in a.expected} == {"on_time"}
    assert report.downtime == ()


def test_a_sweep_after_downtime_issues_the_missed_reminder_late_and_no_error(ledger: Ledger) -> None:
    loan_id = loan_due_on_28_november(ledger)
    ledger.reminders.sweep(date(2026, 10, 25))
    ledger.reminders.sweep(date(2026, 11, 5))

    report = ledger.completeness.completeness(*NOVEMBER, today=date(2026, 11, 10))

    [expected] = account_of(report, loan_id).expected
    assert (expected.outcome, expected.reminder and expected.reminder.issued_on) == ("late", date(2026, 11, 5))
    assert report.errors == []
    assert report.downtime == (
        Downtime(date(2026, 11, 1), date(2026, 11, 4)),
        Downtime(date(2026, 11, 6), date(2026, 11, 10)),
    )


def test_reminders_after_the_last_sweep_are_not_expected_yet(ledger: Ledger) -> None:
    loan_id = loan_due_on_28_november(ledger)
    ledger.reminders.sweep(THIRTY_DAYS_BEFORE)

    report = ledger.completeness.completeness(*NOVEMBER, today=LOAN_DUE)

    assert report.checked_until == THIRTY_DAYS_BEFORE
    assert outcomes(report, loan_id) == [(THIRTY_DAYS_BEFORE, "on_time")]
    assert report.errors == []


def test_falling_back_explains_the_later_reminders_of_the_36_months(ledger: Ledger) -> None:
    household_id = escaped_household(ledger, date(2023, 11, 28))  # the 36 months end on 28/11/2026
    ledger.reminders.sweep(date(2026, 8, 30))
    ledger.households.record_relapse(actor(ledger, "chutich"), household_id, Standing.POOR, entry(date(2026, 10, 1)))
    ledger.reminders.sweep(date(2026, 11, 28))

    report = ledger.completeness.completeness(*NOVEMBER, today=date(2026, 11, 28))

    window = account_of(report, household_id)
    assert outcomes(report, household_id) == [
        (date(2026, 8, 30), "on_time"),
        (date(2026, 10, 29), "not_due"),
        (date(2026, 11, 28), "not_due"),
    ]
    assert "Hộ tái nghèo" in window.expected[1].explanation
    assert (window.obligation.status, window.changed_by and window.changed_by.action) == (
        "cancelled",
        "Household.FellBackIntoPoverty",
    )
    assert report.errors == []


def test_an_amended_project_cancels_the_old_review_with_its_reason_and_expects_the_new_one(ledger: Ledger) -> None:
    project_id = approved_project(ledger, date(2024, 6, 1), duration_months=24)  # ends 01/06/2026
    ledger.reminders.sweep(date(2026, 3, 3))
    ledger.projects.amend_project(actor(ledger, "chutich"), project_id, 30, entry(date(2026, 3, 10)))  # ends 01/12/2026
    ledger.reminders.sweep(date(2026, 11, 28))

    report = ledger.completeness.completeness(date(2026, 1, 1), date(2026, 12, 31), today=date(2026, 11, 28))

    old, new = account_of(report, project_id, date(2026, 6, 1)), account_of(report, project_id, date(2026, 12, 1))
    assert [(e.notice_on, e.outcome) for e in old.expected] == [
        (date(2026, 3, 3), "on_time"),
        (date(2026, 5, 2), "not_due"),
        (date(2026, 6, 1), "not_due"),
    ]
    assert old.obligation.status_reason.startswith("Dời hạn tổng kết sang 01/12/2026")
    assert old.changed_by and new.created_by and old.changed_by == new.created_by
    assert new.created_by.action == "Project.Amended"
    assert [(e.notice_on, e.outcome) for e in new.expected] == [
        (date(2026, 9, 2), "late"),
        (date(2026, 11, 1), "late"),
    ]
    assert report.errors == []


def test_a_resolved_reminder_closes_its_obligation_and_explains_the_rest(ledger: Ledger) -> None:
    loan_id = loan_due_on_28_november(ledger)
    ledger.reminders.sweep(THIRTY_DAYS_BEFORE)
    official = actor(ledger, "diachinh")
    [reminder] = [r for r in ledger.inbox.inbox(official) if r.subject_id == loan_id]
    ledger.inbox.resolve_reminder(official, reminder.reminder_id, entry(date(2026, 11, 1), note="Hộ đã trả nợ đủ"))
    ledger.reminders.sweep(LOAN_DUE)

    report = ledger.completeness.completeness(*NOVEMBER, today=LOAN_DUE)

    assert outcomes(report, loan_id) == [(THIRTY_DAYS_BEFORE, "on_time"), (LOAN_DUE, "not_due")]
    first = account_of(report, loan_id).expected[0].reminder
    assert first and (first.resolved_by, first.resolution_note) == ("diachinh", "Hộ đã trả nợ đủ")
    assert report.counts["resolved"] == 1
    assert report.errors == []


def test_an_obligation_recorded_after_the_last_sweep_awaits_the_next_one(ledger: Ledger) -> None:
    ledger.reminders.sweep(date(2026, 11, 28))
    household_id = escaped_household(ledger, date(2023, 11, 28))

    report = ledger.completeness.completeness(*NOVEMBER, today=date(2026, 11, 28))

    assert {outcome for _, outcome in outcomes(report, household_id)} == {"awaiting_sweep"}
    assert report.errors == []


def test_an_interrupted_sweep_is_listed_as_such_and_is_not_an_error(ledger: Ledger) -> None:
    loan_due_on_28_november(ledger)
    today = THIRTY_DAYS_BEFORE
    cut_short = Sweep.start(ledger.settings.commune, today, today, LOAN_DUE, calendar_deadlines(today, LOAN_DUE), "m1")
    ledger.store.save(cut_short)
    ledger.reminders.sweep(date(2026, 10, 30))

    report = ledger.completeness.completeness(*NOVEMBER, today=date(2026, 10, 30))

    assert [(run.today, run.interrupted) for run in report.sweeps] == [(today, True), (date(2026, 10, 30), False)]
    assert report.errors == []


def test_a_sweep_killed_after_issuing_is_caught_up_without_issuing_twice(
    ledger: Ledger, monkeypatch: pytest.MonkeyPatch
) -> None:
    loan_id = loan_due_on_28_november(ledger)

    def killed(today: date) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(ledger.reminders, "_escalate_ignored", killed)
    with pytest.raises(KeyboardInterrupt):
        ledger.reminders.sweep(THIRTY_DAYS_BEFORE)
    monkeypatch.undo()
    restarted = ledger.reminders.sweep(THIRTY_DAYS_BEFORE)

    report = ledger.completeness.completeness(*NOVEMBER, today=THIRTY_DAYS_BEFORE)
    assert restarted.issued == 0
    assert [run.interrupted for run in report.sweeps] == [True, False]
    assert outcomes(report, loan_id) == [(THIRTY_DAYS_BEFORE, "on_time")]
    assert report.errors == []


def test_a_finished_sweep_that_left_a_due_reminder_out_is_an_error(ledger: Ledger) -> None:
    loan_id = loan_due_on_28_november(ledger)
    faulty = Sweep.start(ledger.settings.commune, date(2026, 11, 5), date(2026, 11, 5), date(2026, 11, 5), [], "m1")
    faulty.finish(0, 0, 0, date(2026, 11, 5))
    ledger.store.save(faulty)

    report = ledger.completeness.completeness(*NOVEMBER, today=date(2026, 11, 5))

    [(account, missing)] = report.errors
    assert (account.obligation.subject_id, missing.notice_on) == (loan_id, THIRTY_DAYS_BEFORE)
    assert "Lần quét ngày 05/11/2026" in missing.explanation
    assert report.counts["missing"] == 1


def test_the_next_sweep_fills_a_gap_late(ledger: Ledger) -> None:
    loan_id = loan_due_on_28_november(ledger)
    faulty = Sweep.start(ledger.settings.commune, date(2026, 11, 5), date(2026, 11, 5), date(2026, 11, 5), [], "m1")
    faulty.finish(0, 0, 0, date(2026, 11, 5))
    ledger.store.save(faulty)

    ledger.reminders.sweep(date(2026, 11, 6))

    report = ledger.completeness.completeness(*NOVEMBER, today=date(2026, 11, 6))
    assert outcomes(report, loan_id) == [(THIRTY_DAYS_BEFORE, "late")]
    assert report.errors == []


def test_a_period_that_ends_before_it_starts_is_refused(ledger: Ledger) -> None:
    with pytest.raises(InvalidInputError, match="Ngày cuối"):
        ledger.completeness.completeness(date(2026, 12, 31), date(2026, 1, 1))


def test_obligations_are_listed_by_status(ledger: Ledger) -> None:
    loan_id = loan_due_on_28_november(ledger)
    ledger.reminders.sweep(THIRTY_DAYS_BEFORE)

    issued = ledger.completeness.obligation_list(*NOVEMBER, status="issued")
    pending = ledger.completeness.obligation_list(*NOVEMBER, rule=ReminderRule.REGULAR_REVIEW_STARTS, status="pending")

    assert [o.subject_id for o in issued] == [loan_id]
    assert [o.due_on for o in pending] == [date(2026, 11, 15)]


def test_a_reminder_added_to_the_schedule_after_the_sweeps_is_missing_until_the_next_sweep(
    durable_url: str, make_ledger: Callable[[str], Ledger], clock: FixedClock
) -> None:
    before = make_ledger(durable_url)
    seed_users(before)
    loan_id = loan_due_on_28_november(before)
    sweep_daily(before, THIRTY_DAYS_BEFORE - timedelta(days=1), THIRTY_DAYS_BEFORE)
    settings = Settings(
        database=durable_url, secret_key="s", reminder_schedules={"loan_due": {"days_before": [60, 30, 0]}}
    )
    reconfigured = Ledger(settings, clock=clock)

    gap = reconfigured.completeness.completeness(*NOVEMBER, today=THIRTY_DAYS_BEFORE)
    reconfigured.reminders.sweep(THIRTY_DAYS_BEFORE)
    filled = reconfigured.completeness.completeness(*NOVEMBER, today=THIRTY_DAYS_BEFORE)
    reconfigured.close()

    assert [missing.notice_on for _, missing in gap.errors] == [date(2026, 9, 29)]
    assert outcomes(filled, loan_id) == [(date(2026, 9, 29), "late"), (THIRTY_DAYS_BEFORE, "on_time")]
    assert filled.errors == []


def test_the_demo_commune_accounts_for_every_obligation_from_2021_to_2026(
    make_ledger: Callable[[str], Ledger],
) -> None:
    ledger = make_ledger("memory:")
    load_demo(ledger, households=120)

    report = ledger.completeness.completeness(date(2021, 1, 1), date(2026, 12, 31))

    due = ledger.obligations.obligations(date(2021, 1, 1), date(2026, 12, 31))
    assert {a.obligation.obligation_id for a in report.accounts} == {o.obligation_id for o in due}
    assert all(a.created_by for a in report.accounts)
    assert report.counts["late"] > 0
    assert report.errors == []

"""Four years of daily sweeps with downtime and two racing schedulers (issue 4, point 6).

Each variant runs the simulation of tests/application/simulation.py once (a module-scoped fixture) and
each test checks one behaviour of its outcome against the model derived from the recorded acts.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from uuid import UUID

import pytest

from domain.deadlines import ReminderRule
from tests.application.simulation import (
    BORROWER,
    FIRST,
    LAST,
    LEAP_ESCAPE,
    LEAP_PROJECT,
    LOAN_DUE,
    LOAN_WINDOW,
    MARCH_ESCAPE,
    MOVED_PROJECT,
    NOVEMBER_ESCAPE,
    PROJECT,
    RELAPSE,
    REOPENED,
    SHORT_PROJECT,
    SUPERVISOR,
    WINDOW,
    Deadline,
    Issue,
    Key,
    Run,
    Variant,
    expected_obligations,
    expected_reminders,
    simulate,
)

pytestmark = pytest.mark.slow  # four simulated years per variant, on each store

VARIANTS = [
    Variant(seed=2023, database="sqlite", escalate_after_days=7),
    Variant(seed=29, database="sqlite", escalate_after_days=0),
    Variant(seed=3112, database="memory", escalate_after_days=3),
    Variant(seed=1402, database="postgres", escalate_after_days=7),
]
WINDOWS = (WINDOW, LOAN_WINDOW)


@pytest.fixture(scope="module", params=VARIANTS, ids=str)
def run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Run:
    directory: Path = tmp_path_factory.mktemp("simulation")
    return simulate(request.param, directory)


@pytest.fixture(scope="module")
def deadlines(run: Run) -> dict[Key, Deadline]:
    return expected_obligations(run.facts, "Hải Hòa")


@pytest.fixture(scope="module")
def expected(run: Run, deadlines: dict[Key, Deadline]) -> dict[UUID, Issue]:
    return expected_reminders(run, deadlines)


def reminders_about(run: Run, subject: str, rule: ReminderRule) -> dict[date, list[Issue]]:
    """The reminders (not the escalations of ignored ones) about a subject, by due date."""
    found: dict[date, list[Issue]] = {}
    for issue in sorted(run.issued, key=lambda issue: issue.notice_on):
        if issue.subject_id == run.ids[subject] and issue.rule is rule and issue.escalated_from is None:
            found.setdefault(issue.due_on, []).append(issue)
    return found


def notice_dates(run: Run, subject: str, rule: ReminderRule) -> dict[date, list[date]]:
    return {due: [issue.notice_on for issue in issues] for due, issues in reminders_about(run, subject, rule).items()}


def status_of(run: Run, subject: str, rule: ReminderRule, due_on: date) -> str:
    return next(
        item.stored_status
        for item in run.obligations
        if (item.subject_id, item.rule, item.due_on) == (run.ids[subject], rule, due_on)
    )


def test_four_years_of_daily_sweeps_with_downtime_and_two_racing_schedulers_issue_each_reminder_once(
    run: Run, expected: dict[UUID, Issue]
) -> None:
    counts = Counter(issue.reminder_id for issue in run.issued)

    missing = sorted(set(expected) - set(counts), key=str)
    unexpected = sorted(set(counts) - set(expected), key=str)

    assert [expected[reminder] for reminder in missing] == []
    assert [issue for issue in run.issued if issue.reminder_id in unexpected] == []
    assert max(counts.values()) == 1
    assert sum(report.issued + report.escalated for reports in run.reports for report in reports) == len(run.issued)


def test_every_sweep_day_outside_downtime_was_swept_by_every_scheduler(run: Run) -> None:
    schedulers = 1 if run.variant.database == "memory" else 2

    swept = {reports[0].today for reports in run.reports}

    assert swept == set(run.sweep_days) and not swept & run.down
    assert len(run.sweep_days) + len(run.down) == (LAST - FIRST).days + 1
    assert {len(reports) for reports in run.reports} == {schedulers}


def test_each_reminder_is_issued_by_the_first_sweep_that_saw_its_deadline_to_the_official_in_charge(
    run: Run, expected: dict[UUID, Issue]
) -> None:
    issued = {issue.reminder_id: issue for issue in run.issued}

    wrong = [(issued[reminder], wanted) for reminder, wanted in expected.items() if issued.get(reminder) != wanted]

    assert wrong == []


def test_a_reminder_is_marked_late_exactly_when_no_sweep_saw_its_deadline_on_its_day(
    run: Run, deadlines: dict[Key, Deadline]
) -> None:
    def unseen_on_its_day(issue: Issue) -> bool:
        """Its day fell in downtime, or (not for escalations) its deadline was not open yet or any more."""
        if issue.notice_on in run.down or issue.escalated_from:
            return issue.notice_on in run.down
        return not deadlines[(issue.rule, issue.subject_id, issue.due_on)].open_on(issue.notice_on)

    wrong = [issue for issue in run.issued if issue.late != unseen_on_its_day(issue)]
    caught_up = [issue for issue in run.issued if issue.late and issue.notice_on in run.down]

    assert wrong == []
    assert all(issue.late == (issue.issued_on > issue.notice_on) for issue in run.issued)
    assert len(caught_up) > 10


def test_the_inbox_shows_each_issued_reminder_once_with_its_late_flag_and_recipient(run: Run) -> None:
    issued = {issue.reminder_id: (issue.late, issue.recipient, issue.notice_on) for issue in run.issued}

    shown = {item.reminder_id: (item.late, item.recipient, item.notice_on) for item in run.inbox}

    assert len(run.inbox) == len(shown) and shown == issued


def test_the_obligations_read_model_holds_the_deadlines_the_recorded_acts_make(
    run: Run, deadlines: dict[Key, Deadline]
) -> None:
    recorded = {(item.rule, item.subject_id, item.due_on): item.stored_status for item in run.obligations}

    derived = {key: deadline.status for key, deadline in deadlines.items()}

    assert len(run.obligations) == len(recorded)
    assert recorded == derived


def test_falling_back_into_poverty_cancels_the_window_reminders_from_that_day(
    run: Run, deadlines: dict[Key, Deadline]
) -> None:
    cancelled = [item for item in run.obligations if item.rule in WINDOWS and item.stored_status == "cancelled"]
    issued = {issue.reminder_id: issue.issued_on for issue in run.issued}

    after = [
        (item.subject_label, reminder.notice_on)
        for item in cancelled
        for reminder in item.reminders
        if issued[reminder.reminder_id] > cancelled_on(deadlines[(item.rule, item.subject_id, item.due_on)])
    ]

    assert cancelled and after == []
    assert all("tái nghèo" in item.status_reason for item in cancelled)
    assert status_of(run, RELAPSE, WINDOW, date(2026, 1, 31)) == "cancelled"
    assert set(notice_dates(run, RELAPSE, WINDOW)[date(2026, 1, 31)]) <= {date(2025, 11, 2), date(2026, 1, 1)}


def cancelled_on(deadline: Deadline) -> date:
    """The day of the fall back, from the simulation's own log (the last day a sweep saw the window open)."""
    end = deadline.spans[-1][1]
    assert end is not None
    return end


def test_amending_a_project_cancels_the_old_review_reminders_and_reminds_of_the_new_end(run: Run) -> None:
    moved = notice_dates(run, MOVED_PROJECT, PROJECT)
    new_end = date(2024, 9, 30)
    overdue = [new_end + timedelta(days=30 * n) for n in range(1, (LAST - new_end).days // 30 + 1)]

    leap = notice_dates(run, LEAP_PROJECT, PROJECT)

    assert set(moved) <= {date(2024, 3, 31), new_end}
    assert set(moved.get(date(2024, 3, 31), [])) <= {date(2024, 1, 1)}
    assert moved[new_end] == [date(2024, 7, 2), date(2024, 8, 31), new_end, *overdue]
    assert status_of(run, MOVED_PROJECT, PROJECT, date(2024, 3, 31)) == "cancelled"
    assert list(leap) == [date(2025, 2, 28)]
    assert leap[date(2025, 2, 28)][:3] == [date(2024, 11, 30), date(2025, 1, 29), date(2025, 2, 28)]
    assert set(leap[date(2025, 2, 28)][3:]) <= {date(2025, 3, 30), date(2025, 4, 29)}


def test_overdue_project_reviews_go_to_the_supervisor_after_30_days(run: Run) -> None:
    short = reminders_about(run, SHORT_PROJECT, PROJECT)[date(2024, 2, 29)]

    recipients = {(issue.notice_on >= date(2024, 3, 30), issue.recipient, issue.escalated) for issue in short}

    assert recipients == {(False, "phochutich", False), (True, "chutich", True)}


def test_a_project_starting_on_a_months_last_day_ends_on_the_last_day_of_its_final_month(run: Run) -> None:
    project_ids = {run.ids[name]: name for name in (LEAP_PROJECT, MOVED_PROJECT, SHORT_PROJECT)}

    ends = {
        (project_ids[item.subject_id], item.due_on, item.stored_status)
        for item in run.obligations
        if item.subject_id in project_ids
    }

    assert ends == {
        (LEAP_PROJECT, date(2024, 2, 29), "cancelled"),  # 31/01/2023 + 13 months
        (LEAP_PROJECT, date(2025, 2, 28), "resolved"),  # + 25 months, reviewed 20/05/2025
        (MOVED_PROJECT, date(2024, 3, 31), "cancelled"),
        (MOVED_PROJECT, date(2024, 9, 30), "open"),  # 31/03/2023 + 18 months
        (SHORT_PROJECT, date(2024, 2, 29), "open"),  # 31/08/2023 + 6 months
    }


def vn(day: str) -> date:
    """A date as officials write it: 29/02/2024."""
    number, month, year = map(int, day.split("/"))
    return date(year, month, number)


def clamped(case: str, subject: str, rule: ReminderRule, due_on: str, reminded_on: str) -> object:
    return pytest.param(subject, rule, vn(due_on), [vn(day) for day in reminded_on.split()], id=case)


CLAMPED = [
    clamped("escape-29.02.2024", LEAP_ESCAPE, WINDOW, "28/02/2027", "30/11/2026 29/01/2027 28/02/2027"),
    # escaped 28/02/2024, fell back and escaped again 29/02/2024: one window end, each reminder once
    clamped("escape-28.02-and-29.02.2024", REOPENED, WINDOW, "28/02/2027", "30/11/2026 29/01/2027 28/02/2027"),
    clamped("escape-31.03.2023", MARCH_ESCAPE, WINDOW, "31/03/2026", "31/12/2025 01/03/2026 31/03/2026"),
    clamped("escape-30.11.2023", NOVEMBER_ESCAPE, WINDOW, "30/11/2026", "01/09/2026 31/10/2026 30/11/2026"),
    clamped("loan-31.01.2024-1-month", BORROWER, LOAN_DUE, "29/02/2024", "30/01/2024 29/02/2024"),
    clamped("loan-31.03.2024-1-month", BORROWER, LOAN_DUE, "30/04/2024", "31/03/2024 30/04/2024"),
    clamped("loan-31.01.2025-1-month", BORROWER, LOAN_DUE, "28/02/2025", "29/01/2025 28/02/2025"),
    clamped("loan-30.11.2025-3-months", BORROWER, LOAN_DUE, "28/02/2026", "29/01/2026 28/02/2026"),
]


@pytest.mark.parametrize(("subject", "rule", "due_on", "reminded_on"), CLAMPED)
def test_month_ends_and_29_february_clamp_each_deadline_and_its_reminder_dates(
    run: Run, subject: str, rule: ReminderRule, due_on: date, reminded_on: list[date]
) -> None:
    about = {loan for loan, household in run.loans.items() if household == run.ids[subject]} | {run.ids[subject]}

    found = sorted(
        issue.notice_on
        for issue in run.issued
        if issue.subject_id in about and (issue.rule, issue.due_on) == (rule, due_on) and not issue.escalated_from
    )

    assert found == reminded_on


def test_an_ignored_reminder_goes_once_to_the_supervisor_and_never_when_escalation_is_off(run: Run) -> None:
    issued = {issue.reminder_id: issue for issue in run.issued}
    wait = timedelta(days=run.variant.escalate_after_days)

    escalations = [issue for issue in run.issued if issue.escalated_from]

    if not wait:
        assert escalations == []
        return
    assert len(escalations) > 5
    for escalation in escalations:
        ignored = issued[escalation.escalated_from]
        assert escalation.recipient == SUPERVISOR[ignored.recipient]
        assert escalation.notice_on == ignored.issued_on + wait
        assert escalation.due_on == ignored.due_on and escalation.subject_id == ignored.subject_id

"""Reminder lead times are configuration (issue 4, point 1): the defaults, an override, and a typo refused."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from application.core.settings import Settings
from application.ledger import Ledger
from domain.deadlines import DEFAULT_SCHEDULES, ReminderRule, ReminderSchedule


def ledger_with(schedules: dict[str, dict[str, object]]) -> Ledger:
    return Ledger(Settings(database="memory:", secret_key="s", reminder_schedules=schedules))


def test_without_configuration_each_rule_keeps_its_default_lead_times() -> None:
    ledger = ledger_with({})

    assert ledger.reminders.schedules() == DEFAULT_SCHEDULES


def test_a_configured_lead_time_replaces_only_what_it_names() -> None:
    ledger = ledger_with({"project_final_review": {"days_before": [60, 0]}})

    schedules = ledger.reminders.schedules()

    assert schedules[ReminderRule.PROJECT_FINAL_REVIEW] == ReminderSchedule((60, 0), 30, 30)
    assert schedules[ReminderRule.LOAN_DUE] == DEFAULT_SCHEDULES[ReminderRule.LOAN_DUE]


@pytest.mark.parametrize(
    ("schedules", "complaint"),
    [
        ({"projet_final_review": {"days_before": [60]}}, "unknown reminder rule 'projet_final_review'"),
        ({"loan_due": {"days_before": [30, -1]}}, "days_before must be a non-empty list"),
        ({"loan_due": {"days_before": []}}, "days_before must be a non-empty list"),
        ({"loan_due": {"every": 3}}, "unknown fields ['every']"),
        ({"project_final_review": {"overdue_every_days": 0}}, "overdue_every_days must be a number of days > 0"),
    ],
)
def test_a_misspelt_rule_or_an_impossible_lead_time_is_refused_at_start_up(
    schedules: dict[str, dict[str, object]], complaint: str
) -> None:
    with pytest.raises(ValidationError, match=complaint.replace("[", r"\[").replace("]", r"\]")):
        Settings(database="memory:", secret_key="s", reminder_schedules=schedules)

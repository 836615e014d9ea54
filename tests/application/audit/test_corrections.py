"""Corrections with four eyes on every store: proposed, approved by another leader, re-derived everywhere."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from application.core.errors import ConflictError, InvalidInputError
from application.core.ledger_core import Entry
from application.ledger import Ledger
from domain.correction import Changes, CorrectionRefusedError, CorrectionStatus
from domain.deadlines import ReminderRule
from domain.household import Standing, TransitionRefusedError
from domain.loan import Programme
from domain.user import NotAllowedError
from tests.application.helpers import actor, approved_project, entry, escaped_household, poor_household

TODAY = date(2026, 11, 28)
WINDOW = ReminderRule.NEWLY_ESCAPED_WINDOW_END
REASON, EVIDENCE = "Nhập nhầm ngày quyết định", "Quyết định 31/QĐ-UBND ngày 15/02/2024 (bản gốc lưu tại xã)"


def today(**extra: object) -> Entry:
    return Entry(TODAY, **extra)  # type: ignore[arg-type]


def version_of(ledger: Ledger, subject_id: UUID, action: str) -> int:
    [event] = [e for e in ledger.store.events.get(subject_id) if type(e).__qualname__ == action]
    return int(event.originator_version)


def propose(ledger: Ledger, subject_id: UUID, action: str, changes: Changes, by: str = "diachinh") -> UUID:
    version = version_of(ledger, subject_id, action)
    return ledger.corrections.propose_correction(
        actor(ledger, by), subject_id, version, changes, REASON, EVIDENCE, today()
    ).subject_id


def approve(ledger: Ledger, correction_id: UUID, by: str = "chutich") -> None:
    ledger.corrections.approve_correction(actor(ledger, by), correction_id, today())


def obligations(ledger: Ledger, subject_id: UUID, rule: ReminderRule) -> list[tuple[date, str, str]]:
    with ledger.views.database.reading() as cursor:
        rows = cursor.all(
            "SELECT due_on, status, status_reason FROM view_obligations WHERE subject_id = ? AND rule = ?"
            " ORDER BY due_on",
            (str(subject_id), rule.value),
        )
    return [(date.fromisoformat(r["due_on"]), r["status"], r["status_reason"]) for r in rows]


def reminders(ledger: Ledger, subject_id: UUID, rule: ReminderRule) -> list[tuple[date, date]]:
    items = ledger.inbox.inbox(actor(ledger, "chutich"), include_acknowledged=True, everyone=True)
    return sorted((i.due_on, i.notice_on) for i in items if i.subject_id == subject_id and i.rule is rule)


def test_a_corrected_escape_date_moves_the_36_month_deadline_and_its_reminders(ledger: Ledger) -> None:
    household_id = escaped_household(ledger, date(2023, 12, 20))
    ledger.reminders.sweep(TODAY)
    assert reminders(ledger, household_id, WINDOW) == [
        (date(2026, 12, 20), date(2026, 9, 21)),
        (date(2026, 12, 20), date(2026, 11, 20)),
    ]

    correction_id = propose(ledger, household_id, "Household.EscapedPoverty", Changes(effective_on=date(2024, 2, 15)))
    approve(ledger, correction_id)
    ledger.reminders.sweep(TODAY)

    summary = ledger.households.household_summary(household_id)
    assert (summary.escaped_on, summary.newly_escaped_until) == (date(2024, 2, 15), date(2027, 2, 15))
    assert obligations(ledger, household_id, WINDOW) == [
        (date(2026, 12, 20), "cancelled", f"Đính chính: {REASON}"),
        (date(2027, 2, 15), "open", ""),
    ]
    # The old deadline's 30-day and on-the-day reminders never come; the new one's 90-day one does (late).
    assert reminders(ledger, household_id, WINDOW) == [
        (date(2026, 12, 20), date(2026, 9, 21)),
        (date(2026, 12, 20), date(2026, 11, 20)),
        (date(2027, 2, 15), date(2026, 11, 17)),
    ]
    ledger.reminders.sweep(date(2026, 12, 20))
    assert (date(2026, 12, 20), date(2026, 12, 20)) not in reminders(ledger, household_id, WINDOW)


def test_voiding_a_recognition_takes_the_household_off_the_poor_list(ledger: Ledger) -> None:
    household_id = poor_household(ledger, since=date(2024, 1, 10))
    assert household_id in {h.household_id for h in ledger.households.household_list(standing=Standing.POOR)}

    approve(ledger, propose(ledger, household_id, "Household.RecognisedPoor", Changes(void=True)))

    assert household_id not in {h.household_id for h in ledger.households.household_list(standing=Standing.POOR)}
    assert ledger.households.household_summary(household_id).standing is Standing.UNLISTED
    [row] = [h for h in ledger.households.household_list() if h.household_id == household_id]
    assert (row.standing, row.standing_since) == (Standing.UNLISTED, None)


def test_an_unapproved_correction_changes_nothing(ledger: Ledger) -> None:
    household_id = escaped_household(ledger, date(2023, 12, 20))
    before = ledger.households.household_summary(household_id)

    correction_id = propose(ledger, household_id, "Household.EscapedPoverty", Changes(effective_on=date(2024, 2, 15)))

    assert ledger.households.household_summary(household_id) == before
    assert [c.correction_id for c in ledger.corrections.pending_corrections()] == [correction_id]
    assert obligations(ledger, household_id, WINDOW) == [(date(2026, 12, 20), "open", "")]


def test_a_rejected_correction_changes_nothing(ledger: Ledger) -> None:
    household_id = escaped_household(ledger, date(2023, 12, 20))
    before = ledger.households.household_summary(household_id)
    correction_id = propose(ledger, household_id, "Household.EscapedPoverty", Changes(void=True))

    ledger.corrections.reject_correction(
        actor(ledger, "phochutich"), correction_id, today(note="Quyết định gốc đúng ngày")
    )

    assert ledger.households.household_summary(household_id) == before
    assert ledger.corrections.pending_corrections() == []
    [rejected] = ledger.corrections.corrections_of(household_id)
    assert (rejected.status, rejected.decided_by) == (CorrectionStatus.REJECTED, "phochutich")
    with pytest.raises(CorrectionRefusedError):
        approve(ledger, correction_id)
    assert ledger.households.household_summary(household_id) == before


def test_the_proposer_cannot_approve_their_own_correction(ledger: Ledger) -> None:
    household_id = escaped_household(ledger, date(2023, 12, 20))
    correction_id = propose(ledger, household_id, "Household.EscapedPoverty", Changes(void=True), by="chutich")

    with pytest.raises(CorrectionRefusedError, match="không được tự duyệt"):
        approve(ledger, correction_id, by="chutich")
    with pytest.raises(NotAllowedError):
        approve(ledger, correction_id, by="diachinh")

    assert ledger.households.household_summary(household_id).standing is Standing.ESCAPED_POVERTY
    assert [c.status for c in ledger.corrections.corrections_of(household_id)] == [CorrectionStatus.PENDING]


def test_the_timeline_shows_the_original_beside_its_correction(ledger: Ledger) -> None:
    household_id = escaped_household(ledger, date(2023, 12, 20))
    approve(
        ledger,
        propose(ledger, household_id, "Household.EscapedPoverty", Changes(effective_on=date(2024, 2, 15))),
    )

    timeline = ledger.audit.timeline(household_id)
    [original] = [e for e in timeline if e.action == "Household.EscapedPoverty"]
    assert original.effective_on == date(2023, 12, 20)  # as it was recorded
    assert original.corrected_by and "Đã được đính chính" in original.corrected_by
    assert "chutich duyệt" in original.corrected_by and "15/02/2024" in original.corrected_by
    actions = [e.action for e in timeline]
    assert actions[-3:] == ["Correction.Proposed", "Correction.Approved", "Household.DecisionCorrected"]
    [corrected] = [e for e in timeline if e.action == "Household.DecisionCorrected"]
    assert "công nhận thoát nghèo" in corrected.details and EVIDENCE in corrected.details


def test_approving_after_the_household_changed_is_a_conflict(ledger: Ledger) -> None:
    household_id = escaped_household(ledger, date(2023, 12, 20))
    correction_id = propose(ledger, household_id, "Household.EscapedPoverty", Changes(effective_on=date(2024, 2, 15)))
    ledger.households.record_relapse(actor(ledger, "chutich"), household_id, Standing.POOR, entry(date(2026, 11, 2)))

    with pytest.raises(ConflictError, match="đề xuất lại"):
        approve(ledger, correction_id)

    assert ledger.households.household_summary(household_id).escaped_on == date(2023, 12, 20)
    assert [c.status for c in ledger.corrections.corrections_of(household_id)] == [CorrectionStatus.PENDING]


def test_a_correction_that_makes_the_history_impossible_is_refused_when_proposed(ledger: Ledger) -> None:
    household_id = escaped_household(ledger, date(2023, 12, 20))

    with pytest.raises(TransitionRefusedError, match="sớm hơn quyết định trước"):
        propose(ledger, household_id, "Household.EscapedPoverty", Changes(effective_on=date(2021, 1, 1)))
    with pytest.raises(InvalidInputError):
        propose(ledger, household_id, "Household.Registered", Changes(void=True))

    assert ledger.corrections.pending_corrections() == []


def test_a_correction_that_would_leave_a_loan_without_ground_waits_for_the_loans_own(ledger: Ledger) -> None:
    household_id = poor_household(ledger, since=date(2024, 1, 10))
    loan_id = ledger.loans.grant_loan(
        actor(ledger, "diachinh"), household_id, Programme.POOR, 50_000_000, 60, entry(date(2024, 6, 1))
    ).subject_id

    with pytest.raises(TransitionRefusedError, match="Hãy đính chính khoản vay trước"):
        propose(ledger, household_id, "Household.RecognisedPoor", Changes(void=True))

    approve(ledger, propose(ledger, loan_id, "Loan.Granted", Changes(void=True)))
    assert ledger.loans.loan_list(household_id=household_id) == []
    assert obligations(ledger, loan_id, ReminderRule.LOAN_DUE)[0][1] == "cancelled"
    approve(ledger, propose(ledger, household_id, "Household.RecognisedPoor", Changes(void=True)))
    assert ledger.households.household_summary(household_id).standing is Standing.UNLISTED


def test_a_corrected_loan_term_moves_its_due_date(ledger: Ledger) -> None:
    household_id = poor_household(ledger, since=date(2024, 1, 10))
    loan_id = ledger.loans.grant_loan(
        actor(ledger, "diachinh"), household_id, Programme.POOR, 50_000_000, 60, entry(date(2024, 6, 1))
    ).subject_id

    approve(ledger, propose(ledger, loan_id, "Loan.Granted", Changes(amount=40_000_000, term_months=36)))

    loan = ledger.loans.loan_summary(loan_id)
    assert (loan.amount, loan.term_months, loan.due_on) == (40_000_000, 36, date(2027, 6, 1))
    assert obligations(ledger, loan_id, ReminderRule.LOAN_DUE) == [
        (date(2027, 6, 1), "open", ""),
        (date(2029, 6, 1), "cancelled", f"Đính chính: {REASON}"),
    ]


def test_a_corrected_project_start_moves_its_final_review(ledger: Ledger) -> None:
    project_id = approved_project(ledger, date(2023, 1, 1), duration_months=36)

    approve(ledger, propose(ledger, project_id, "Project.Approved", Changes(starts_on=date(2023, 3, 1))))

    project = ledger.projects.project_summary(project_id)
    assert (project.starts_on, project.ends_on) == (date(2023, 3, 1), date(2026, 3, 1))
    assert obligations(ledger, project_id, ReminderRule.PROJECT_FINAL_REVIEW) == [
        (date(2026, 1, 1), "cancelled", f"Đính chính: {REASON}"),
        (date(2026, 3, 1), "open", ""),
    ]


def test_rebuilt_read_models_equal_the_incremental_ones_after_corrections(ledger: Ledger) -> None:
    household_id = escaped_household(ledger, date(2023, 12, 20))
    approve(ledger, propose(ledger, household_id, "Household.EscapedPoverty", Changes(effective_on=date(2024, 2, 15))))
    before = (
        ledger.households.household_list(),
        obligations(ledger, household_id, WINDOW),
        ledger.audit.timeline(household_id),
    )

    ledger.read_models.rebuild_read_models()

    assert (
        ledger.households.household_list(),
        obligations(ledger, household_id, WINDOW),
        ledger.audit.timeline(household_id),
    ) == before


def test_supervisors_cannot_propose_corrections(ledger: Ledger) -> None:
    household_id = escaped_household(ledger, date(2023, 12, 20))

    with pytest.raises(NotAllowedError):
        propose(ledger, household_id, "Household.EscapedPoverty", Changes(void=True), by="mttq")

    assert ledger.corrections.pending_corrections() == []

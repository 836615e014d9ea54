"""The audit trail: who recorded what, effective when, on which basis, and the log inspectors filter."""

from __future__ import annotations

from datetime import date, timedelta

from application.audit.trail import AuditEntry, AuditFilter
from application.ledger import Ledger
from domain.acts import LegalBasis
from domain.household import Area, Standing
from domain.loan import Programme
from tests.application.helpers import XUAN_HA, actor, entry, escaped_household, poor_household
from tests.conftest import VIETNAM

DECISION = LegalBasis("12/QĐ-UBND", date(2024, 2, 26), "Chủ tịch UBND xã Hải Hòa")


def recorded_day(item: AuditEntry) -> date:
    return item.recorded_at.astimezone(VIETNAM).date()


def test_a_households_timeline_shows_actor_effective_date_basis_and_note_in_order(ledger: Ledger) -> None:
    household_id = ledger.households.register_household(
        actor(ledger, "diachinh"), XUAN_HA, "Nguyễn Văn An", [], Area.RURAL, entry(date(2020, 1, 6), note="Hộ mới tách")
    ).subject_id
    ledger.households.recognise_household(
        actor(ledger, "chutich"), household_id, Standing.POOR, entry(date(2022, 1, 10))
    )
    ledger.households.record_escape(
        actor(ledger, "diachinh"),
        household_id,
        Standing.POOR,
        entry(date(2024, 2, 29), basis=DECISION, note=" Có việc làm ổn định "),
    )

    timeline = ledger.audit.timeline(household_id)

    assert [(item.action, item.actor, item.effective_on) for item in timeline] == [
        ("Household.Registered", "diachinh", date(2020, 1, 6)),
        ("Household.RecognisedPoor", "chutich", date(2022, 1, 10)),
        ("Household.EscapedPoverty", "diachinh", date(2024, 2, 29)),
    ]
    assert [(item.basis_number, item.basis_issued_on, item.basis_issuer, item.note) for item in timeline] == [
        ("", None, "", "Hộ mới tách"),
        ("", None, "", ""),
        ("12/QĐ-UBND", date(2024, 2, 26), "Chủ tịch UBND xã Hải Hòa", "Có việc làm ổn định"),
    ]


def test_a_households_timeline_records_the_role_each_actor_held(ledger: Ledger) -> None:
    household_id = poor_household(ledger)

    timeline = ledger.audit.timeline(household_id)

    assert [(item.actor, item.actor_role) for item in timeline] == [("chutich", "chair"), ("chutich", "chair")]


def test_a_households_timeline_includes_its_loans_and_reminders(ledger: Ledger) -> None:
    household_id = escaped_household(ledger, date(2023, 11, 28))
    ledger.loans.grant_loan(actor(ledger, "diachinh"), household_id, Programme.NEWLY_ESCAPED, 30_000_000, 36, entry())
    ledger.reminders.sweep(date(2026, 8, 30))

    timeline = ledger.audit.timeline(household_id)

    assert [item.action for item in timeline][-2:] == ["Loan.Granted", "Reminder.Issued"]
    assert timeline[-1].actor == "system"


def test_the_audit_log_filters_by_actor(ledger: Ledger) -> None:
    household_id = poor_household(ledger)
    ledger.households.record_escape(actor(ledger, "diachinh"), household_id, Standing.POOR, entry())

    logged = ledger.audit.audit_log(AuditFilter(actor="diachinh"))

    assert [(item.actor, item.action) for item in logged] == [("diachinh", "Household.EscapedPoverty")]


def test_the_audit_log_filters_by_action(ledger: Ledger) -> None:
    first, second = poor_household(ledger), poor_household(ledger)

    logged = ledger.audit.audit_log(AuditFilter(action="Household.RecognisedPoor"))

    assert [item.subject_id for item in logged] == [second, first]


def test_the_audit_log_lists_the_newest_record_first(ledger: Ledger) -> None:
    poor_household(ledger)

    logged = ledger.audit.audit_log(AuditFilter())

    assert [item.position for item in logged] == sorted((item.position for item in logged), reverse=True)


def test_the_audit_log_keeps_what_was_recorded_within_the_date_range(ledger: Ledger) -> None:
    poor_household(ledger)
    everything = ledger.audit.audit_log(AuditFilter())
    first_day, last_day = min(map(recorded_day, everything)), max(map(recorded_day, everything))

    within = ledger.audit.audit_log(AuditFilter(recorded_from=first_day, recorded_to=last_day))

    assert within == everything


def test_the_audit_log_leaves_out_what_was_recorded_before_the_range(ledger: Ledger) -> None:
    poor_household(ledger)
    last_day = max(map(recorded_day, ledger.audit.audit_log(AuditFilter())))

    assert ledger.audit.audit_log(AuditFilter(recorded_from=last_day + timedelta(days=1))) == []


def test_the_audit_log_leaves_out_what_was_recorded_after_the_range(ledger: Ledger) -> None:
    poor_household(ledger)
    first_day = min(map(recorded_day, ledger.audit.audit_log(AuditFilter())))

    assert ledger.audit.audit_log(AuditFilter(recorded_to=first_day - timedelta(days=1))) == []

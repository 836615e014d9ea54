from __future__ import annotations

from datetime import date, datetime, timedelta
from uuid import UUID

import pytest

from application.audit.as_of import AsOf, Axis
from application.core.errors import InvalidInputError
from application.ledger import Ledger
from domain.acts import LegalBasis
from domain.household import Standing
from domain.loan import Programme
from domain.project import ProjectStage
from tests.application.helpers import actor, approved_project, entry, poor_household, register
from tests.conftest import VIETNAM, FixedClock

NEW_YEARS_EVE = date(2023, 12, 31)
RECOGNITION = LegalBasis("12/QĐ-UBND", date(2023, 2, 20), "Chủ tịch UBND xã")
ESCAPE = LegalBasis("45/QĐ-UBND", date(2023, 12, 15), "Chủ tịch UBND xã")


def recognised_then_escaped_late(ledger: Ledger, clock: FixedClock) -> tuple[UUID, datetime]:
    """Poor from 20/02/2023, recorded in 2023; the escape of 15/12/2023 recorded only in February 2024.

    Returns the household and the instant between the two recordings (the store's own timestamps).
    """
    clock.set_today(date(2023, 3, 1))
    household_id = register(ledger, by="chutich")
    ledger.households.recognise_household(
        actor(ledger, "chutich"), household_id, Standing.POOR, entry(date(2023, 2, 20), basis=RECOGNITION)
    )
    between = ledger.audit.timeline(household_id)[-1].recorded_at + timedelta(microseconds=1)
    clock.set_today(date(2024, 2, 10))
    ledger.households.record_escape(
        actor(ledger, "phochutich"),
        household_id,
        Standing.POOR,
        entry(date(2023, 12, 15), basis=ESCAPE, note="Thu nhập vượt chuẩn sau rà soát cuối năm"),
    )
    return household_id, between


def test_a_household_whose_escape_was_recorded_late_was_poor_as_recorded_and_escaped_as_in_force(
    ledger: Ledger, clock: FixedClock
) -> None:
    household_id, between = recognised_then_escaped_late(ledger, clock)

    seen = ledger.history.household_as_of(household_id, AsOf(NEW_YEARS_EVE, between))

    assert seen.recorded.standing is Standing.POOR
    assert seen.recorded.decision.basis == RECOGNITION
    assert seen.effective.standing is Standing.ESCAPED_POVERTY
    assert seen.effective.newly_escaped and seen.effective.window.ends_on == date(2026, 12, 15)
    assert (seen.effective.decision.actor, seen.effective.decision.actor_role) == ("phochutich", "vice_chair")
    assert seen.effective.decision.basis == ESCAPE


def test_the_late_escape_is_listed_as_the_difference_with_who_recorded_it_and_on_which_basis(
    ledger: Ledger, clock: FixedClock
) -> None:
    household_id, between = recognised_then_escaped_late(ledger, clock)

    seen = ledger.history.household_as_of(household_id, AsOf(NEW_YEARS_EVE, between))

    assert [e.action for e in seen.timeline] == ["Household.Registered", "Household.RecognisedPoor"]
    [late] = seen.later
    assert (late.action, late.actor, late.effective_on, late.basis_number) == (
        "Household.EscapedPoverty",
        "phochutich",
        date(2023, 12, 15),
        "45/QĐ-UBND",
    )
    assert late.note == "Thu nhập vượt chuẩn sau rà soát cuối năm"


def test_the_poor_list_of_31_12_2023_differs_by_axis_and_names_the_late_decision(
    ledger: Ledger, clock: FixedClock
) -> None:
    household_id, between = recognised_then_escaped_late(ledger, clock)
    still_poor = poor_household(ledger, since=date(2023, 6, 1))

    seen = ledger.history.household_lists_as_of(AsOf(NEW_YEARS_EVE, between))

    assert [h.household_id for h in seen.lists(Axis.RECORDED).poor] == [household_id]
    assert [h.household_id for h in seen.lists(Axis.EFFECTIVE).poor] == [still_poor]
    assert [h.household_id for h in seen.lists(Axis.EFFECTIVE).newly_escaped] == [household_id]
    escaped, recorded_later = sorted(seen.changed, key=lambda c: c.household_id != household_id)
    assert (escaped.recorded, escaped.effective) == (Standing.POOR, Standing.ESCAPED_POVERTY)
    assert [(r.action, r.actor, r.basis) for r in escaped.later] == [("Household.EscapedPoverty", "phochutich", ESCAPE)]
    assert (recorded_later.household_id, recorded_later.recorded) == (still_poor, None)


def test_as_recorded_by_a_day_counts_what_the_store_accepted_before_midnight_in_vietnam(
    ledger: Ledger, clock: FixedClock
) -> None:
    household_id = poor_household(ledger, since=date(2022, 1, 10))
    recorded_on = ledger.audit.timeline(household_id)[-1].recorded_at.astimezone(VIETNAM).date()
    clock.set_today(recorded_on)

    day_before = ledger.history.household_as_of(household_id, ledger.history.as_of(recorded_on - timedelta(days=1)))
    same_day = ledger.history.household_as_of(household_id, ledger.history.as_of(recorded_on))

    assert not day_before.recorded.known and day_before.effective.standing is Standing.POOR
    assert len(day_before.later) == 2
    assert same_day.recorded.standing is Standing.POOR and same_day.later == ()


def test_a_day_after_today_is_refused(ledger: Ledger) -> None:
    with pytest.raises(InvalidInputError, match="sau ngày hôm nay"):
        ledger.history.as_of(ledger.today() + timedelta(days=1))


def test_a_loan_as_of_a_day_before_it_was_granted_is_not_yet_granted(ledger: Ledger) -> None:
    household_id = poor_household(ledger, since=date(2022, 1, 10))
    loan_id = ledger.loans.grant_loan(
        actor(ledger, "chutich"), household_id, Programme.POOR, 30_000_000, 60, entry(date(2023, 5, 2))
    ).subject_id

    before = ledger.history.loan_as_of(loan_id, ledger.history.as_of(date(2023, 5, 1)))
    after = ledger.history.loan_as_of(loan_id, ledger.history.as_of(date(2023, 12, 31)))

    assert before.effective.known and not before.effective.granted
    assert after.effective.granted and not after.effective.fallen_due
    assert after.effective.due_on == date(2028, 5, 2)
    assert not after.recorded.known and [e.action for e in after.later] == ["Loan.Granted"]


def test_a_project_as_of_a_past_day_shows_the_stage_it_had_reached(ledger: Ledger) -> None:
    project_id = approved_project(ledger, starts_on=date(2023, 1, 1))
    ledger.projects.review_project(actor(ledger, "chutich"), project_id, "Đạt mục tiêu", entry(date(2026, 1, 10)))

    stages = [
        ledger.history.project_as_of(project_id, ledger.history.as_of(day)).effective.stage
        for day in (date(2022, 12, 10), date(2025, 12, 31), date(2026, 2, 1))
    ]

    assert stages == [ProjectStage.PROPOSED, ProjectStage.APPROVED, ProjectStage.REVIEWED]


def test_a_household_registered_after_the_day_is_on_no_list_of_that_day(ledger: Ledger) -> None:
    register(ledger, by="chutich")

    seen = ledger.history.household_lists_as_of(ledger.history.as_of(date(2019, 12, 31)))

    assert seen.lists(Axis.EFFECTIVE).poor == () and seen.changed == ()

"""The plan's dashboard: the poverty rate at the start of the year and now, the year's transitions,
the plan's targets against the surveys, per hamlet, on any day of the year."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from application.core.errors import InvalidInputError
from application.demo.plan import record_demo_plan
from application.ledger import Ledger
from domain.correction import Changes
from domain.decisions import Standing
from domain.indicators import Indicator
from domain.loan import Programme
from domain.people import Employment, MemberChange, Person
from domain.user import NotAllowedError
from tests.application.helpers import XUAN_DAI_DONG, XUAN_HA, actor, answers, entry, poor_household, register


def near_poor_household(ledger: Ledger, hamlet: str = XUAN_HA) -> UUID:
    household_id = register(ledger, hamlet, by="chutich")
    ledger.households.recognise_household(
        actor(ledger, "chutich"), household_id, Standing.NEAR_POOR, entry(date(2022, 1, 10))
    )
    return household_id


def commune(ledger: Ledger) -> dict[str, UUID]:
    """Xuân Hà: 11 households, 3 listed on 01/01/2024 (A, B poor; C near-poor), G escaped in 2023.
    In 2024 A and B escape, C escapes near-poverty, D becomes poor, G falls back (tái nghèo).
    Xuân Đài Đông: E poor all along, F never listed."""
    chair = actor(ledger, "chutich")
    record_demo_plan(ledger, chair)
    h = {name: poor_household(ledger) for name in ("A", "B", "G")}
    h["C"] = near_poor_household(ledger)
    h["D"] = register(ledger, by="chutich")
    for _ in range(6):
        register(ledger, by="chutich")
    h["E"] = poor_household(ledger, hamlet=XUAN_DAI_DONG)
    h["F"] = register(ledger, XUAN_DAI_DONG, by="chutich")
    ledger.households.record_escape(chair, h["G"], Standing.POOR, entry(date(2023, 3, 1)))
    ledger.households.record_escape(chair, h["A"], Standing.POOR, entry(date(2024, 6, 1)))
    ledger.households.record_escape(chair, h["C"], Standing.NEAR_POOR, entry(date(2024, 7, 1)))
    ledger.households.recognise_household(chair, h["D"], Standing.POOR, entry(date(2024, 8, 1)))
    ledger.households.record_relapse(chair, h["G"], Standing.POOR, entry(date(2024, 9, 1)))
    ledger.households.record_escape(chair, h["B"], Standing.POOR, entry(date(2024, 10, 1)))
    # Surveys of the households poor at the end of 2024: D lacks a latrine, telecom and health insurance.
    deprived = (Indicator.HYGIENIC_LATRINE, Indicator.TELECOM, Indicator.HEALTH_INSURANCE)
    ledger.surveys.record_survey(chair, h["D"], answers(1_000_000, *deprived), entry(date(2024, 7, 20)))
    ledger.surveys.record_survey(chair, h["G"], answers(1_000_000), entry(date(2024, 8, 20)))
    ledger.surveys.record_survey(chair, h["E"], answers(1_000_000, Indicator.TELECOM), entry(date(2024, 8, 20)))
    ledger.loans.grant_loan(chair, h["D"], Programme.POOR, 20_000_000, 12, entry(date(2024, 8, 15)))
    return h


def result(board, code: str):  # type: ignore[no-untyped-def]
    return next(t for t in board.summary.targets if t.target.code == code)


def test_the_commune_rate_falls_from_the_start_of_the_year_and_meets_the_half_point_target(ledger: Ledger) -> None:
    commune(ledger)
    board = ledger.dashboard.dashboard(2024)
    assert board.ends_on == date(2024, 12, 31)  # the year is over: its last day
    assert (board.summary.start.total, board.summary.start.listed) == (13, 4)
    assert (board.summary.end.total, board.summary.end.poor, board.summary.end.near_poor) == (13, 3, 0)
    assert (board.summary.start.rate, board.summary.end.rate) == (30.77, 23.08)
    poverty = result(board, "poverty_rate_reduction")
    assert (poverty.actual, poverty.met) == (7.69, True)


def test_the_years_transitions_are_counted_by_kind(ledger: Ledger) -> None:
    commune(ledger)
    counts = {kind: n for kind, _, n in ledger.dashboard.dashboard(2024).transitions}
    assert counts == {
        "newly_poor": 1,
        "newly_near_poor": 0,
        "near_poor_to_poor": 0,
        "re_poor": 1,
        "re_near_poor": 0,
        "escaped_poverty": 2,
        "escaped_near_poverty": 1,
    }


def test_latrine_and_telecom_targets_are_read_from_the_latest_surveys_of_the_poor(ledger: Ledger) -> None:
    commune(ledger)
    board = ledger.dashboard.dashboard(2024)
    latrine, water, telecom = (result(board, c) for c in ("hygienic_latrine", "hygienic_water", "telecom_internet"))
    assert (latrine.actual, latrine.met, latrine.coverage.covered, latrine.coverage.known) == (66.67, False, 2, 3)
    assert (water.actual, water.met) == (100.0, True)
    assert (telecom.actual, telecom.met) == (33.33, False)
    insurance = result(board, "health_insurance")  # D's head: no fact recorded, the survey says deprived
    assert (insurance.actual, insurance.coverage.unknown) == (100.0, 1)


def test_targets_without_data_say_so_rather_than_guess(ledger: Ledger) -> None:
    commune(ledger)
    loans = result(ledger.dashboard.dashboard(2024), "loan_needs_met")
    assert (loans.actual, loans.met, loans.has_data) == (None, None, False)
    assert "nhu cầu vay vốn" in loans.note


def test_each_hamlet_has_its_own_rate_and_the_hamlet_that_did_not_fall_misses_the_target(ledger: Ledger) -> None:
    commune(ledger)
    board = ledger.dashboard.dashboard(2024)
    assert len(board.hamlets) == 12
    by_name = {h.hamlet: h for h in board.hamlets}
    assert (by_name[XUAN_HA].start.rate, by_name[XUAN_HA].end.rate, by_name[XUAN_HA].reduction) == (27.27, 18.18, 9.09)
    assert by_name[XUAN_HA].official == "diachinh"
    dai_dong = ledger.dashboard.dashboard(2024, XUAN_DAI_DONG)
    assert dai_dong.summary.hamlet == XUAN_DAI_DONG and len(dai_dong.hamlets) == 1
    assert (dai_dong.summary.reduction, result(dai_dong, "poverty_rate_reduction").met) == (0.0, False)
    assert dai_dong.loans == ()


def test_a_day_in_the_middle_of_the_year_shows_only_what_was_in_force_then(ledger: Ledger) -> None:
    commune(ledger)
    board = ledger.dashboard.dashboard(2024, as_of=date(2024, 6, 30))
    counts = {kind: n for kind, _, n in board.transitions}
    assert (counts["escaped_poverty"], counts["re_poor"], counts["newly_poor"]) == (1, 0, 0)
    assert board.summary.end.listed == 3  # B, C still listed; A escaped; D and G not yet poor
    assert board.loans_granted_in_year == 0


def test_loans_are_counted_by_programme_and_whether_they_fell_due(ledger: Ledger) -> None:
    commune(ledger)
    board = ledger.dashboard.dashboard(2024)
    assert [(g.programme, g.fallen_due, g.count, g.amount) for g in board.loans] == [
        (Programme.POOR, False, 1, 20_000_000)
    ]
    assert board.loans_granted_in_year == 1
    later = ledger.dashboard.dashboard(2025)
    assert [(g.fallen_due, g.count) for g in later.loans] == [(True, 1)]


def test_the_dashboard_follows_a_decision_recorded_after_it_was_first_shown(ledger: Ledger) -> None:
    h = commune(ledger)
    assert ledger.dashboard.dashboard(2024).summary.end.poor == 3
    ledger.households.record_escape(actor(ledger, "chutich"), h["E"], Standing.POOR, entry(date(2024, 12, 20)))
    assert ledger.dashboard.dashboard(2024).summary.end.poor == 2


def test_a_day_outside_the_year_or_in_the_future_is_refused(ledger: Ledger) -> None:
    with pytest.raises(InvalidInputError, match="trong năm 2024"):
        ledger.dashboard.dashboard(2024, as_of=date(2025, 1, 2))
    with pytest.raises(InvalidInputError, match="chưa bắt đầu"):
        ledger.dashboard.dashboard(2027)
    with pytest.raises(InvalidInputError, match="không thuộc xã"):
        ledger.dashboard.dashboard(2024, "Hải Lý")


def test_without_a_plan_the_dashboard_shows_the_figures_but_no_targets(ledger: Ledger) -> None:
    poor_household(ledger)
    board = ledger.dashboard.dashboard(2025)
    assert board.plan is None and board.summary.targets == ()
    assert (board.summary.start.total, board.summary.start.poor) == (1, 1)


def test_only_the_chair_issues_the_plan_and_only_once(ledger: Ledger) -> None:
    with pytest.raises(NotAllowedError):
        record_demo_plan(ledger, actor(ledger, "phochutich"))
    record_demo_plan(ledger, actor(ledger, "chutich"))
    record_demo_plan(ledger, actor(ledger, "chutich"))  # a second call changes nothing
    plan = ledger.plan.plan_of(2024)
    assert plan is not None and plan.version == 1
    assert plan.parent.number == "48/KH-UBND" and plan.parent.issued_on == date(2024, 2, 23)
    assert len(plan.assignments) == 12 and plan.official_of("Cồn Tròn Đông") == "taichinh"
    issued = [e for e in ledger.audit.timeline(plan.id) if e.action == "AnnualPlan.Issued"]
    assert [(e.subject_label, e.actor) for e in issued] == [("Kế hoạch giảm nghèo năm 2024", "chutich")]


def correct(ledger: Ledger, household_id: UUID, action: str, changes: Changes) -> None:
    [version] = [e.originator_version for e in ledger.store.events.get(household_id) if type(e).__qualname__ == action]
    chair = actor(ledger, "chutich")
    proposed = ledger.corrections.propose_correction(
        actor(ledger, "diachinh"), household_id, version, changes, "Nhập nhầm ngày.", "Biên bản kiểm tra", entry()
    )
    ledger.corrections.approve_correction(chair, proposed.subject_id, entry())


def test_a_redated_escape_counts_in_its_new_year_and_a_voided_one_counts_nowhere(ledger: Ledger) -> None:
    household_id = poor_household(ledger)
    ledger.households.record_escape(actor(ledger, "chutich"), household_id, Standing.POOR, entry(date(2024, 6, 1)))
    assert (ledger.dashboard.dashboard(2024).summary.end.poor, escapes(ledger, 2024)) == (0, 1)
    correct(ledger, household_id, "Household.EscapedPoverty", Changes(effective_on=date(2025, 2, 1)))
    assert (ledger.dashboard.dashboard(2024).summary.end.poor, escapes(ledger, 2024)) == (1, 0)
    assert (ledger.dashboard.dashboard(2025).summary.end.poor, escapes(ledger, 2025)) == (0, 1)
    correct(ledger, household_id, "Household.EscapedPoverty", Changes(void=True))
    assert (ledger.dashboard.dashboard(2025).summary.end.poor, escapes(ledger, 2025)) == (1, 0)


def escapes(ledger: Ledger, year: int) -> int:
    return ledger.dashboard.dashboard(year).summary.transitions.get("escaped_poverty", 0)


def test_a_member_counts_as_working_age_from_the_day_of_the_fifteenth_birthday(ledger: Ledger) -> None:
    record_demo_plan(ledger, actor(ledger, "chutich"))
    household_id = poor_household(ledger)
    worker = Person("Trần Văn Bình", "con", born_on=date(2009, 12, 31), employment=Employment.WAGED_WITH_CONTRACT)
    ledger.members.add_member(actor(ledger, "diachinh"), household_id, worker, MemberChange.OTHER, entry())
    on_birthday = result(ledger.dashboard.dashboard(2024), "working_member").coverage
    day_before = result(ledger.dashboard.dashboard(2024, as_of=date(2024, 12, 30)), "working_member").coverage
    assert (on_birthday.covered, on_birthday.unknown) == (1, 0)  # type: ignore[union-attr]
    assert (day_before.covered, day_before.unknown) == (0, 1)  # the head's age is not known: no one of working age


def test_a_rebuild_of_the_read_models_leaves_the_dashboard_as_it_was(ledger: Ledger) -> None:
    commune(ledger)
    before = ledger.dashboard.dashboard(2024)
    ledger.views.rebuild()
    after = ledger.dashboard.dashboard(2024)
    assert (after.summary, after.hamlets, after.loans, after.projects) == (
        before.summary,
        before.hamlets,
        before.loans,
        before.projects,
    )

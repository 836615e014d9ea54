"""The demo commune: Hải Hòa's households with their 2021–2026 histories, recorded through the use cases."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from datetime import date

import pytest

from application.core.ledger_core import Entry
from application.core.settings import DEFAULT_HAMLETS
from application.demo.commune import load_demo
from application.demo.history import plan_history
from application.demo.people import FAMILY_NAMES, demo_households
from application.ledger import Ledger
from domain.household import Area, Standing
from domain.loan import Programme
from domain.project import Component
from domain.standards import PovertyClass

pytestmark = pytest.mark.slow  # each test builds a demo commune

SMALL = 150
ESCAPED = (Standing.ESCAPED_POVERTY, Standing.ESCAPED_NEAR_POVERTY)
LISTED = (Standing.POOR, Standing.NEAR_POOR)


@pytest.fixture
def demo(make_ledger: Callable[[str], Ledger], database_url: str) -> Ledger:
    ledger = make_ledger(database_url)
    assert load_demo(ledger, seed=2024, households=SMALL)
    return ledger


def households_of(ledger: Ledger) -> list[tuple[str, str, int, str]]:
    return [(h.hamlet, h.head_name, h.members_count, h.standing.value) for h in ledger.households.household_list()]


def test_the_same_seed_builds_the_same_commune_and_another_seed_another(
    make_ledger: Callable[[str], Ledger],
) -> None:
    first, second, other = make_ledger("memory:"), make_ledger("memory:"), make_ledger("memory:")
    for ledger, seed in ((first, 7), (second, 7), (other, 8)):
        load_demo(ledger, seed=seed, households=120)

    assert households_of(first) == households_of(second)
    assert first.log_position() == second.log_position()
    assert households_of(first) != households_of(other)


def test_the_demo_loads_only_into_an_empty_ledger(make_ledger: Callable[[str], Ledger]) -> None:
    ledger = make_ledger("memory:")
    assert load_demo(ledger, households=120)
    position = ledger.log_position()

    assert not load_demo(ledger, households=120)
    assert ledger.log_position() == position


def test_every_hamlet_has_households_and_the_poor_and_near_poor_shares_are_those_of_a_rural_commune(
    demo: Ledger,
) -> None:
    households = demo.households.household_list()
    standings = Counter(h.standing for h in households)

    assert {h.hamlet for h in households} == set(demo.settings.hamlets)
    assert len(households) == SMALL + 1  # and the family that moved to Tân Hùng in November 2026
    assert 0.02 <= standings[Standing.POOR] / len(households) <= 0.05
    assert 0.02 <= standings[Standing.NEAR_POOR] / len(households) <= 0.06
    assert standings[Standing.ESCAPED_POVERTY] and standings[Standing.ESCAPED_NEAR_POVERTY]


def test_the_histories_hold_escapes_relapses_loans_of_the_three_programmes_and_projects_of_both_components(
    demo: Ledger,
) -> None:
    listed = [h for h in demo.households.household_list() if h.standing in LISTED]
    histories = [demo.households.household_summary(h.household_id).history for h in listed]
    relapsed = [
        history
        for history in histories
        if any(a[1] in ESCAPED and b[1] in LISTED for a, b in zip(history, history[1:], strict=False))
    ]

    assert relapsed
    assert {loan.programme for loan in demo.loans.loan_list()} == {
        Programme.POOR,
        Programme.NEAR_POOR,
        Programme.NEWLY_ESCAPED,
    }
    projects = demo.projects.project_list()
    assert Counter(p.component for p in projects)[Component.LIVELIHOODS] >= 3
    assert Counter(p.component for p in projects)[Component.AGRICULTURE] >= 3
    assert any(p.reviewed_on for p in projects)


def test_every_poor_and_near_poor_household_has_a_survey_with_its_twelve_indicators(demo: Ledger) -> None:
    classes = {Standing.POOR: PovertyClass.POOR, Standing.NEAR_POOR: PovertyClass.NEAR_POOR}
    for item in demo.households.household_list():
        if item.standing not in LISTED:
            continue
        survey = demo.households.household_summary(item.household_id).latest_survey
        assert survey is not None, item.head_name
        assert len(survey.entered) == 12
        if survey.surveyed_on.year < 2026 or item.hamlet != "Xuân Hà":  # Xuân Hà's 2026 review is undecided
            assert survey.provisional_class is classes[item.standing]


def test_the_completeness_report_over_2021_to_2026_finds_no_missing_reminder_in_the_demo(
    make_ledger: Callable[[str], Ledger],
) -> None:
    ledger = make_ledger("memory:")
    load_demo(ledger, households=120)

    report = ledger.completeness.completeness(date(2021, 1, 1), date(2026, 12, 31))

    assert report.accounts
    assert report.errors == []


def test_the_2500_household_plan_lowers_the_poverty_rate_of_2024_by_half_a_point_to_a_point() -> None:
    rng = random.Random(2024)
    plan = plan_history(rng, demo_households(rng, DEFAULT_HAMLETS, 2500))

    def rate(day: date) -> float:
        standings = [plan.on(h.number, day) for h in plan.households]
        return 100 * sum(s in LISTED for s in standings) / len(standings)

    poor_2024 = sum(plan.on(h.number, date(2024, 12, 31)) is Standing.POOR for h in plan.households) / 25
    assert 0.5 <= rate(date(2023, 12, 31)) - rate(date(2024, 12, 31)) <= 1.0
    assert 3 <= poor_2024 <= 4
    assert rate(date(2021, 12, 31)) > rate(date(2022, 12, 31)) > rate(date(2023, 12, 31)) > rate(date(2025, 12, 31))


def test_family_names_follow_their_frequencies() -> None:
    households = demo_households(random.Random(1), DEFAULT_HAMLETS, 2500)
    family = Counter(h.head_name.split()[0] for h in households)

    assert family.most_common(1)[0][0] == "Nguyễn"
    assert 0.25 <= family["Nguyễn"] / len(households) <= 0.38
    assert set(family) <= set(FAMILY_NAMES)


def test_commands_recorded_in_a_batch_reach_the_read_models_together_at_its_end(ledger: Ledger) -> None:
    official = ledger.users.actor("diachinh")
    assert official is not None
    with ledger.batch():
        for name in ("Vũ Văn Lực", "Đỗ Thị Mến"):
            ledger.households.register_household(official, "Xuân Hà", name, [], Area.RURAL, Entry(date(2026, 11, 2)))
        assert ledger.views.position() < ledger.log_position()

    assert ledger.views.position() == ledger.log_position()
    assert {"Vũ Văn Lực", "Đỗ Thị Mến"} <= {h.head_name for h in ledger.households.household_list()}


def test_the_demo_records_loan_needs_so_the_2024_credit_target_has_a_figure(demo: Ledger) -> None:
    statuses = Counter(r.status for r in demo.credit.loan_requests())
    credit = next(t for t in demo.dashboard.dashboard(2024).summary.targets if t.target.code == "loan_needs_met")

    assert statuses["met"] > statuses["open"] > 0 and statuses["withdrawn"] > 0
    assert credit.has_data and 0 < credit.actual <= 100  # type: ignore[operator]
    assert credit.coverage is not None and credit.coverage.known >= credit.coverage.covered > 0

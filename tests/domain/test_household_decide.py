"""A review decision applied to a household: each from-class → to-class becomes the right transition."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from application.core.reference import STANDARDS
from domain.household import Household, Standing
from domain.review import change_of
from domain.standards import Grounds, PovertyClass, standard_on
from tests.domain.helpers import act, chair_act, escaped_household, household, near_poor_household, poor_household

DECIDED_ON = date(2026, 11, 24)
STANDARD = standard_on(DECIDED_ON, STANDARDS)
GROUNDS = Grounds(STANDARD.version, STANDARD.basis, None, "01/GCN-HN.HCN")


def escaped() -> Household:
    return escaped_household(date(2024, 2, 29))


def escaped_near_poverty() -> Household:
    left = near_poor_household()
    left.escape_near_poverty(act(date(2024, 2, 29)))
    left.collect_events()
    return left


def decided(before: Household, decided_class: PovertyClass, window_policy: bool = False) -> list[object]:
    before.decide(decided_class, window_policy, chair_act(DECIDED_ON), GROUNDS)
    return before.collect_events()


@pytest.mark.parametrize(
    ("make", "decided_class", "event_class", "to_standing", "change"),
    [
        (household, PovertyClass.POOR, Household.RecognisedPoor, Standing.POOR, "newly_poor"),
        (household, PovertyClass.NEAR_POOR, Household.RecognisedNearPoor, Standing.NEAR_POOR, "newly_near_poor"),
        (near_poor_household, PovertyClass.POOR, Household.RecognisedPoor, Standing.POOR, "near_poor_to_poor"),
        (poor_household, PovertyClass.NEAR_POOR, Household.EscapedPoverty, Standing.NEAR_POOR, "poor_to_near_poor"),
        (poor_household, PovertyClass.NOT_POOR, Household.EscapedPoverty, Standing.ESCAPED_POVERTY, "escaped_poverty"),
        (
            poor_household,
            PovertyClass.AVERAGE_LIVING,
            Household.EscapedPoverty,
            Standing.ESCAPED_POVERTY,
            "escaped_poverty",
        ),
        (
            near_poor_household,
            PovertyClass.NOT_POOR,
            Household.EscapedNearPoverty,
            Standing.ESCAPED_NEAR_POVERTY,
            "escaped_near_poverty",
        ),
        (escaped, PovertyClass.POOR, Household.FellBackIntoPoverty, Standing.POOR, "re_poor"),
        (escaped, PovertyClass.NEAR_POOR, Household.FellBackIntoPoverty, Standing.NEAR_POOR, "re_near_poor"),
        (
            escaped_near_poverty,
            PovertyClass.NEAR_POOR,
            Household.FellBackIntoPoverty,
            Standing.NEAR_POOR,
            "re_near_poor",
        ),
    ],
)
def test_a_decided_class_becomes_the_transition_the_law_names(
    make: Callable[[], Household],
    decided_class: PovertyClass,
    event_class: type[Household.Transition],
    to_standing: Standing,
    change: str,
) -> None:
    before = make()
    from_standing = before.standing

    [event] = decided(before, decided_class)

    assert isinstance(event, event_class)
    assert (event.from_standing, event.to_standing) == (from_standing, to_standing)
    assert change_of(from_standing.value, to_standing.value) == change


def test_every_transition_of_a_decision_names_the_standard_its_basis_and_the_certificate() -> None:
    [event] = decided(household(), PovertyClass.POOR)

    assert (event.standard_version, event.standard_basis, event.certificate_number) == (
        "2022-2025",
        STANDARD.basis,
        "01/GCN-HN.HCN",
    )


def test_a_poor_household_escaping_out_of_poverty_starts_the_36_month_window() -> None:
    [event] = decided(poor_household(), PovertyClass.NOT_POOR)

    assert event.newly_escaped_until == date(2029, 11, 24)


@pytest.mark.parametrize(("window_policy", "until"), [(False, None), (True, date(2029, 11, 24))])
def test_a_poor_household_becoming_near_poor_starts_the_window_only_under_that_policy(
    window_policy: bool, until: date | None
) -> None:
    [event] = decided(poor_household(), PovertyClass.NEAR_POOR, window_policy)

    assert event.newly_escaped_until == until


def test_falling_back_into_poverty_closes_the_newly_escaped_window() -> None:
    fallen = escaped()

    decided(fallen, PovertyClass.POOR)

    assert (fallen.window_closed_on, fallen.is_newly_escaped_on(DECIDED_ON)) == (DECIDED_ON, False)


@pytest.mark.parametrize(
    ("make", "decided_class"),
    [
        (poor_household, PovertyClass.POOR),
        (near_poor_household, PovertyClass.NEAR_POOR),
        (household, PovertyClass.NOT_POOR),
        (household, PovertyClass.AVERAGE_LIVING),
        (escaped, PovertyClass.NOT_POOR),
        (escaped_near_poverty, PovertyClass.AVERAGE_LIVING),
    ],
)
def test_a_decision_that_keeps_the_households_standing_records_nothing(
    make: Callable[[], Household], decided_class: PovertyClass
) -> None:
    unchanged = make()

    changed = unchanged.decide(decided_class, False, chair_act(DECIDED_ON), GROUNDS)

    assert (changed, unchanged.collect_events()) == (False, [])


@pytest.mark.parametrize(
    ("before", "after", "change"),
    [
        ("escaped_near_poverty", "poor", "re_poor"),
        ("poor", "poor", "unchanged"),
        ("unlisted", "unlisted", "unchanged"),
    ],
)
def test_the_decisions_line_for_a_household_follows_its_standing_before_and_after(
    before: str, after: str, change: str
) -> None:
    assert change_of(before, after) == change

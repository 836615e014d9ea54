"""Households: recognised as poor or near-poor, escaping, falling back, and the 36-month window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from domain.household import Household, Standing, TransitionRefusedError
from tests.domain.helpers import act, escaped_household, household, near_poor_household, poor_household


@pytest.mark.parametrize(
    ("standing", "event_class"),
    [(Standing.POOR, Household.RecognisedPoor), (Standing.NEAR_POOR, Household.RecognisedNearPoor)],
)
def test_recognising_an_unlisted_household_records_its_new_standing(
    standing: Standing, event_class: type[Household.Transition]
) -> None:
    unlisted = household()

    unlisted.recognise(standing, act(date(2024, 1, 10)))

    [event] = unlisted.collect_events()
    assert isinstance(event, event_class)
    assert (event.from_standing, event.to_standing) == (Standing.UNLISTED, standing)
    assert unlisted.standing is standing


def test_recognising_a_near_poor_household_as_poor_makes_it_poor() -> None:
    near_poor = near_poor_household()

    near_poor.recognise(Standing.POOR, act(date(2024, 1, 10)))

    [event] = near_poor.collect_events()
    assert isinstance(event, Household.RecognisedPoor)
    assert event.from_standing is Standing.NEAR_POOR
    assert near_poor.standing is Standing.POOR


def test_the_recorded_transition_carries_the_officials_act() -> None:
    unlisted = household()

    unlisted.recognise(Standing.POOR, act(date(2024, 1, 10), note="Rà soát cuối năm"))

    [event] = unlisted.collect_events()
    assert (event.actor, event.actor_role, event.effective_on, event.note) == (
        "diachinh",
        "official",
        date(2024, 1, 10),
        "Rà soát cuối năm",
    )


@pytest.mark.parametrize("make", [household, near_poor_household, lambda: escaped_household(date(2024, 2, 29))])
def test_escaping_poverty_when_not_poor_is_refused(make: Callable[[], Household]) -> None:
    not_poor = make()

    with pytest.raises(TransitionRefusedError, match="không phải hộ nghèo"):
        not_poor.escape_poverty(Standing.ESCAPED_POVERTY, True, act(date(2025, 1, 10)))

    assert not_poor.collect_events() == []


@pytest.mark.parametrize("make", [household, poor_household])
def test_escaping_near_poverty_when_not_near_poor_is_refused(make: Callable[[], Household]) -> None:
    not_near_poor = make()

    with pytest.raises(TransitionRefusedError, match="không phải hộ cận nghèo"):
        not_near_poor.escape_near_poverty(act(date(2025, 1, 10)))

    assert not_near_poor.collect_events() == []


@pytest.mark.parametrize(
    ("make", "standing"), [(poor_household, Standing.POOR), (near_poor_household, Standing.NEAR_POOR)]
)
def test_recognising_a_household_twice_is_refused(make: Callable[[], Household], standing: Standing) -> None:
    recognised = make()

    with pytest.raises(TransitionRefusedError, match="Hộ đã là"):
        recognised.recognise(standing, act(date(2025, 1, 10)))

    assert recognised.collect_events() == []


def test_recognising_a_poor_household_as_near_poor_is_refused_as_an_escape() -> None:
    poor = poor_household()

    with pytest.raises(TransitionRefusedError, match="hãy ghi nhận thoát nghèo"):
        poor.recognise(Standing.NEAR_POOR, act(date(2025, 1, 10)))

    assert poor.collect_events() == []


def test_recognising_an_escaped_household_again_is_refused_as_a_fall_back() -> None:
    escaped = escaped_household(date(2024, 2, 29))

    with pytest.raises(TransitionRefusedError, match="tái nghèo"):
        escaped.recognise(Standing.POOR, act(date(2025, 1, 10)))

    assert escaped.collect_events() == []


@pytest.mark.parametrize("make", [household, poor_household, near_poor_household])
def test_falling_back_when_never_escaped_is_refused(make: Callable[[], Household]) -> None:
    never_escaped = make()

    with pytest.raises(TransitionRefusedError, match="Chỉ hộ đã thoát nghèo"):
        never_escaped.fall_back(Standing.POOR, act(date(2025, 1, 10)))

    assert never_escaped.collect_events() == []


def test_a_transition_effective_before_the_previous_one_is_refused() -> None:
    poor = poor_household(since=date(2024, 3, 1))

    with pytest.raises(TransitionRefusedError, match=r"29/02/2024.*01/03/2024"):
        poor.escape_poverty(Standing.ESCAPED_POVERTY, True, act(date(2024, 2, 29)))

    assert poor.collect_events() == []


def test_a_transition_effective_on_the_same_day_as_the_previous_one_is_recorded() -> None:
    poor = poor_household(since=date(2024, 3, 1))

    poor.escape_poverty(Standing.ESCAPED_POVERTY, True, act(date(2024, 3, 1)))

    assert [type(event) for event in poor.collect_events()] == [Household.EscapedPoverty]


def test_escaping_poverty_records_the_last_day_of_the_36_month_window() -> None:
    poor = poor_household()

    poor.escape_poverty(Standing.ESCAPED_POVERTY, True, act(date(2024, 2, 29)))

    [event] = poor.collect_events()
    assert event.newly_escaped_until == date(2027, 2, 28)


@pytest.mark.parametrize(
    ("day", "newly_escaped"),
    [
        (date(2024, 2, 28), False),
        (date(2024, 2, 29), True),
        (date(2026, 6, 1), True),
        (date(2027, 2, 28), True),
        (date(2027, 3, 1), False),
    ],
)
def test_a_household_escaped_on_29_02_2024_is_newly_escaped_up_to_and_including_28_02_2027(
    day: date, newly_escaped: bool
) -> None:
    escaped = escaped_household(date(2024, 2, 29))

    assert escaped.is_newly_escaped_on(day) is newly_escaped


@pytest.mark.parametrize(
    ("day", "newly_escaped"), [(date(2025, 5, 31), True), (date(2025, 6, 1), False), (date(2026, 1, 1), False)]
)
@pytest.mark.parametrize("into", [Standing.POOR, Standing.NEAR_POOR])
def test_falling_back_ends_the_window_from_the_fall_back_date(into: Standing, day: date, newly_escaped: bool) -> None:
    escaped = escaped_household(date(2024, 2, 29))

    escaped.fall_back(into, act(date(2025, 6, 1)))

    assert escaped.is_newly_escaped_on(day) is newly_escaped


def test_escaping_poverty_to_near_poverty_without_a_window_does_not_make_the_household_newly_escaped() -> None:
    poor = poor_household()

    poor.escape_poverty(Standing.NEAR_POOR, False, act(date(2024, 2, 29)))

    [event] = poor.collect_events()
    assert (event.to_standing, event.newly_escaped_until) == (Standing.NEAR_POOR, None)
    assert not poor.is_newly_escaped_on(date(2024, 3, 1))


def test_escaping_poverty_to_near_poverty_with_a_window_makes_the_household_newly_escaped() -> None:
    poor = poor_household()

    poor.escape_poverty(Standing.NEAR_POOR, True, act(date(2024, 2, 29)))

    assert poor.is_newly_escaped_on(date(2024, 3, 1))


def test_escaping_poverty_into_an_unlisted_standing_is_refused() -> None:
    poor = poor_household()

    with pytest.raises(TransitionRefusedError):
        poor.escape_poverty(Standing.ESCAPED_NEAR_POVERTY, True, act(date(2024, 2, 29)))

    assert poor.collect_events() == []


def test_falling_back_into_an_escaped_standing_is_refused() -> None:
    escaped = escaped_household(date(2024, 2, 29))

    with pytest.raises(TransitionRefusedError, match="Tái nghèo là trở lại"):
        escaped.fall_back(Standing.ESCAPED_NEAR_POVERTY, act(date(2025, 1, 10)))

    assert escaped.collect_events() == []


def test_escaping_again_after_a_fall_back_starts_a_new_window() -> None:
    escaped = escaped_household(date(2024, 2, 29))
    escaped.fall_back(Standing.POOR, act(date(2025, 6, 1)))

    escaped.escape_poverty(Standing.ESCAPED_POVERTY, True, act(date(2026, 1, 15)))

    assert escaped.is_newly_escaped_on(date(2029, 1, 15))


@pytest.mark.parametrize(
    ("day", "standing"),
    [
        (date(2021, 12, 31), Standing.UNLISTED),
        (date(2022, 1, 10), Standing.POOR),
        (date(2024, 2, 28), Standing.POOR),
        (date(2024, 2, 29), Standing.ESCAPED_POVERTY),
        (date(2025, 5, 31), Standing.ESCAPED_POVERTY),
        (date(2025, 6, 1), Standing.NEAR_POOR),
        (date(2030, 1, 1), Standing.NEAR_POOR),
    ],
)
def test_the_standing_on_a_date_is_the_one_in_force_that_day(day: date, standing: Standing) -> None:
    escaped = escaped_household(date(2024, 2, 29), poor_since=date(2022, 1, 10))
    escaped.fall_back(Standing.NEAR_POOR, act(date(2025, 6, 1)))

    assert escaped.standing_on(day) is standing

"""Average-living farming households (Decision 24/2021/QĐ-TTg, Art. 6) and the requests for a review."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from application.core.reference import STANDARDS
from domain.household import Household
from domain.standards import Area, standard_on
from domain.survey import (
    Occupation,
    RequestForm,
    SurveyRefusedError,
    determine_income,
)
from tests.domain.helpers import act, household, near_poor_household, poor_household

ON = date(2026, 11, 16)
STANDARD = standard_on(ON, STANDARDS)


def recognise(farming: Household, income_12_months: int, social_allowances: int = 0, members: int = 2) -> None:
    determination = determine_income(Occupation.AGRICULTURE, income_12_months, social_allowances, members, STANDARD)
    farming.recognise_average_living(determination, STANDARD, Area.RURAL, act(ON))


def test_the_income_per_person_leaves_out_the_state_social_allowances() -> None:
    determination = determine_income(Occupation.FISHERY, 60_000_000, 6_000_000, 2, STANDARD)

    assert determination.per_capita_monthly == 2_250_000
    assert (determination.standard_version, determination.standard_basis.number) == ("2022-2025", "07/2021/NĐ-CP")


@pytest.mark.parametrize(("income_12_months", "per_capita"), [(36_000_024, 1_500_001), (54_000_000, 2_250_000)])
def test_a_farming_household_between_the_line_and_one_and_a_half_times_it_is_recognised_as_average_living(
    income_12_months: int, per_capita: int
) -> None:
    farming = household()

    recognise(farming, income_12_months)

    [event] = farming.collect_events()
    assert isinstance(event, Household.AverageLivingRecognised)
    assert (event.determination.per_capita_monthly, event.determination.occupation) == (
        per_capita,
        Occupation.AGRICULTURE,
    )
    assert farming.average_living_since == ON


def test_social_allowances_that_would_lift_the_income_above_the_band_are_left_out() -> None:
    farming = household()

    recognise(farming, 60_000_000, social_allowances=6_000_000)

    [event] = farming.collect_events()
    assert event.determination.per_capita_monthly == 2_250_000


@pytest.mark.parametrize("income_12_months", [36_000_000, 54_000_024, 60_000_000])
def test_an_income_at_the_line_or_above_one_and_a_half_times_it_is_refused(income_12_months: int) -> None:
    farming = household()

    with pytest.raises(SurveyRefusedError, match=r"trên 1\.500\.000 đ đến 2\.250\.000 đ"):
        recognise(farming, income_12_months)

    assert farming.collect_events() == []


@pytest.mark.parametrize("make", [poor_household, near_poor_household])
def test_a_poor_or_near_poor_household_is_not_recognised_as_average_living(make: Callable[[], Household]) -> None:
    listed = make()

    with pytest.raises(SurveyRefusedError, match="không xác định là hộ có mức sống trung bình"):
        recognise(listed, 48_000_000)

    assert listed.collect_events() == []


@pytest.mark.parametrize(
    ("income_12_months", "social_allowances", "members"),
    [(-1, 0, 2), (48_000_000, 48_000_001, 2), (48_000_000, -1, 2), (48_000_000, 0, 0)],
)
def test_an_income_determination_that_makes_no_sense_is_refused(
    income_12_months: int, social_allowances: int, members: int
) -> None:
    with pytest.raises(SurveyRefusedError, match="không hợp lệ"):
        determine_income(Occupation.SALT, income_12_months, social_allowances, members, STANDARD)


def test_a_request_to_be_recognised_as_escaped_is_recorded_on_form_04() -> None:
    requesting = poor_household()

    requesting.request_review(RequestForm.ESCAPE, " Con đi làm có thu nhập ổn định ", "trực tuyến", act(ON))

    [event] = requesting.collect_events()
    assert isinstance(event, Household.ReviewRequested)
    assert (event.form, event.reason, event.channel) == (
        RequestForm.ESCAPE,
        "Con đi làm có thu nhập ổn định",
        "trực tuyến",
    )
    assert requesting.requests == [(RequestForm.ESCAPE, ON)]


def test_a_request_without_a_reason_is_refused() -> None:
    requesting = household()

    with pytest.raises(SurveyRefusedError, match="lý do"):
        requesting.request_review(RequestForm.REVIEW, "  ", "trực tiếp", act(ON))

    assert requesting.collect_events() == []

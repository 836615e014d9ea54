"""The 12 indicators: member-level ones derived from the members' facts, ages taken on the survey date."""

from __future__ import annotations

from datetime import date

import pytest

from domain.indicators import Assessment, Indicator, IndicatorRules, assess
from domain.people import Allowance, Employment, Nutrition, Person
from tests.domain.helpers import HOUSE_ENTERED, adult, child

SURVEYED_ON = date(2026, 11, 28)
RULES = IndicatorRules()
AGE_BASED = (
    Indicator.EMPLOYMENT,
    Indicator.DEPENDANTS,
    Indicator.NUTRITION,
    Indicator.HEALTH_INSURANCE,
    Indicator.ADULT_EDUCATION,
    Indicator.SCHOOL_ATTENDANCE,
)


def assessed(*people: Person, on: date = SURVEYED_ON, floor_area_m2: int | None = 60, **entered: bool) -> Assessment:
    answers = {**HOUSE_ENTERED, **{Indicator(name): value for name, value in entered.items()}}
    return assess(list(people), on, floor_area_m2, answers, RULES)


@pytest.mark.parametrize(
    ("person", "age"),
    [
        (Person("Bé", born_on=date(2010, 11, 29)), 15),
        (Person("Bé", born_on=date(2010, 11, 28)), 16),
        (Person("Bé", birth_year=2010), 16),
        (Person("Bé", born_on=date(2012, 2, 29)), 14),
        (Person("Bé"), None),
    ],
)
def test_an_age_is_taken_on_the_survey_date_in_completed_years_or_from_the_birth_year_alone(
    person: Person, age: int | None
) -> None:
    assert person.age_on(SURVEYED_ON) == age


@pytest.mark.parametrize(("surveyed_on", "child_deprives"), [(date(2026, 11, 28), True), (date(2026, 11, 29), False)])
def test_a_child_turning_16_the_day_after_the_survey_is_still_counted_as_a_child(
    surveyed_on: date, child_deprives: bool
) -> None:
    out_of_school = child(date(2010, 11, 29), in_school=False, lower_secondary_done=True)

    assessment = assessed(adult(), out_of_school, on=surveyed_on)

    assert (Indicator.SCHOOL_ATTENDANCE in assessment.deprived) is child_deprives


def test_a_member_known_only_by_birth_year_is_an_adult_from_the_year_they_turn_16() -> None:
    by_year = Person("Bé", birth_year=2010, health_insurance=True, in_school=False, lower_secondary_done=False)
    by_date = child(date(2010, 12, 1))

    assert Indicator.ADULT_EDUCATION in assessed(adult(), by_year).deprived
    assert Indicator.ADULT_EDUCATION not in assessed(adult(), by_date).deprived


@pytest.mark.parametrize(("born_on", "deprived"), [(date(2020, 11, 28), True), (date(2020, 11, 29), False)])
def test_health_insurance_is_required_from_the_sixth_birthday(born_on: date, deprived: bool) -> None:
    uninsured = child(born_on, health_insurance=False, in_school=True)

    assert (Indicator.HEALTH_INSURANCE in assessed(adult(), uninsured).deprived) is deprived


@pytest.mark.parametrize(
    ("member", "deprived"),
    [
        (adult(employment=Employment.UNEMPLOYED), True),
        (adult(employment=Employment.WAGED_WITHOUT_CONTRACT), True),
        (adult(employment=Employment.WAGED_WITH_CONTRACT), False),
        (adult(employment=Employment.SELF_EMPLOYED), False),
        (adult(employment=Employment.NOT_IN_LABOUR_FORCE), False),
        (adult(date(1966, 11, 28), employment=Employment.UNEMPLOYED), False),
        (adult(date(1966, 11, 29), employment=Employment.UNEMPLOYED), True),
        (adult(date(2011, 11, 28), employment=Employment.WAGED_WITHOUT_CONTRACT), True),
        (adult(date(2011, 11, 29), employment=Employment.WAGED_WITHOUT_CONTRACT), False),
    ],
)
def test_a_working_age_member_unemployed_or_waged_without_a_contract_deprives_the_household_of_employment(
    member: Person, deprived: bool
) -> None:
    assert (Indicator.EMPLOYMENT in assessed(adult(), member).deprived) is deprived


@pytest.mark.parametrize(
    ("members", "deprived"),
    [
        ([adult(), child(date(2015, 1, 1))], False),
        ([adult(), child(date(2015, 1, 1)), child(date(2018, 1, 1))], True),
        ([adult(), adult(date(1940, 1, 1), allowance=Allowance.ELDERLY), child(date(2015, 1, 1))], True),
        ([adult(), adult(date(1990, 1, 1), allowance=Allowance.DISABILITY)], False),
        ([adult(), adult(), child(date(2015, 1, 1)), child(date(2018, 1, 1))], False),
    ],
)
def test_dependants_deprive_the_household_only_above_half_of_its_members(members: list[Person], deprived: bool) -> None:
    assert (Indicator.DEPENDANTS in assessed(*members).deprived) is deprived


@pytest.mark.parametrize(
    ("nutrition", "deprived"),
    [(Nutrition.STUNTED, True), (Nutrition.UNDERWEIGHT, True), (Nutrition.NORMAL, False)],
)
def test_a_stunted_or_underweight_child_deprives_the_household_of_nutrition(
    nutrition: Nutrition, deprived: bool
) -> None:
    assert (Indicator.NUTRITION in assessed(adult(), child(date(2022, 3, 1), nutrition=nutrition)).deprived) is deprived


@pytest.mark.parametrize(
    ("member", "deprived"),
    [
        (adult(date(2000, 1, 1), lower_secondary_done=False), True),
        (adult(date(1995, 11, 29), lower_secondary_done=False), True),
        (adult(date(1995, 11, 28), lower_secondary_done=False), False),
        (adult(date(2000, 1, 1), lower_secondary_done=False, in_school=True), False),
        (adult(date(2000, 1, 1), lower_secondary_done=True), False),
    ],
)
def test_a_member_aged_16_to_30_out_of_school_without_lower_secondary_deprives_adult_education(
    member: Person, deprived: bool
) -> None:
    assert (Indicator.ADULT_EDUCATION in assessed(adult(), member).deprived) is deprived


@pytest.mark.parametrize(
    ("born_on", "deprived"),
    [(date(2023, 11, 28), True), (date(2023, 11, 29), False), (date(2010, 11, 29), True)],
)
def test_a_child_from_3_to_under_16_out_of_school_deprives_school_attendance(born_on: date, deprived: bool) -> None:
    out_of_school = child(born_on, in_school=False, lower_secondary_done=True)

    assert (Indicator.SCHOOL_ATTENDANCE in assessed(adult(), out_of_school).deprived) is deprived


@pytest.mark.parametrize(("floor_area_m2", "deprived"), [(16, False), (15, True)])
def test_floor_area_deprives_the_household_below_8_square_metres_a_person(floor_area_m2: int, deprived: bool) -> None:
    assessment = assessed(adult(), adult(), floor_area_m2=floor_area_m2)

    assert (Indicator.FLOOR_AREA in assessment.deprived) is deprived
    assert Indicator.FLOOR_AREA in assessment.derived


def test_a_household_whose_members_facts_are_all_known_has_its_member_indicators_and_floor_area_derived() -> None:
    assessment = assessed(adult(), child(date(2015, 1, 1)))

    assert assessment.derived == {*AGE_BASED, Indicator.FLOOR_AREA}
    assert (assessment.missing, assessment.deprived) == ((), frozenset())


def test_an_unknown_fact_leaves_its_indicator_missing() -> None:
    assessment = assessed(adult(), adult(employment=None))

    assert assessment.missing == (Indicator.EMPLOYMENT,)


def test_an_indicator_the_facts_cannot_decide_is_taken_from_the_reviewers_entry() -> None:
    assessment = assessed(adult(), adult(employment=None), employment=True)

    assert (Indicator.EMPLOYMENT in assessment.deprived, Indicator.EMPLOYMENT in assessment.derived) == (True, False)
    assert assessment.missing == ()


def test_a_reviewers_entry_does_not_override_an_indicator_derived_from_the_facts() -> None:
    assessment = assessed(adult(), employment=True)

    assert Indicator.EMPLOYMENT not in assessment.deprived


def test_a_member_of_unknown_age_leaves_every_age_based_indicator_missing() -> None:
    assessment = assessed(adult(), Person("Nguyễn Văn Ba", health_insurance=True))

    assert assessment.missing == AGE_BASED
    assert assessment.derived == {Indicator.FLOOR_AREA}


def test_an_assessment_without_answers_lists_what_the_facts_cannot_decide_in_the_order_of_the_decree() -> None:
    assessment = assess([adult()], SURVEYED_ON, None, {}, RULES)

    assert assessment.missing == (
        Indicator.HOUSING_QUALITY,
        Indicator.FLOOR_AREA,
        Indicator.WATER_SOURCE,
        Indicator.HYGIENIC_LATRINE,
        Indicator.TELECOM,
        Indicator.INFORMATION_MEANS,
    )

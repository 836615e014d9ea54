"""The survey (phiếu B): income and the 12 indicators give a provisional class under the standard in force."""

from __future__ import annotations

from datetime import date
from uuid import uuid4

import pytest

from application.core.reference import STANDARDS
from domain.household import Household
from domain.indicators import Indicator, IndicatorRules
from domain.people import Employment
from domain.standards import IncomeEstimate, PovertyClass, standard_on
from domain.survey import Survey, SurveyAnswers, SurveyRefusedError, conduct_survey
from tests.domain.helpers import HOUSE_ENTERED, act, adult, household

SURVEYED_ON = date(2026, 11, 17)


def answers(income: IncomeEstimate, **entered: bool) -> SurveyAnswers:
    chosen = {**HOUSE_ENTERED, **{Indicator(name): value for name, value in entered.items()}}
    return SurveyAnswers("Rà soát viên xóm Xuân Hà", income, 40, chosen, {Indicator.HOUSING_QUALITY: "Nhà tạm"})


def surveyed(surveyed_household: Household, filled: SurveyAnswers, on: date = SURVEYED_ON) -> Survey:
    unemployed = adult(employment=Employment.UNEMPLOYED, health_insurance=False)
    return conduct_survey(
        uuid4(), [unemployed], surveyed_household, filled, on, standard_on(on, STANDARDS), IndicatorRules(), None
    )


def test_a_survey_counts_the_deprivations_derived_and_entered_to_classify_the_household() -> None:
    survey = surveyed(household(), answers(IncomeEstimate(per_capita_monthly=1_200_000), housing_quality=True))

    assert survey.deprived == ["employment", "health_insurance", "housing_quality"]
    assert "employment" in survey.derived and "housing_quality" not in survey.derived
    assert survey.provisional_class is PovertyClass.POOR


def test_a_survey_records_the_standard_version_and_its_legal_basis() -> None:
    survey = surveyed(household(), answers(IncomeEstimate(per_capita_monthly=1_200_000)))

    assert (survey.standard_version, survey.standard_basis.number) == ("2022-2025", "07/2021/NĐ-CP")


def test_a_survey_taken_in_2027_is_classified_under_the_2027_2030_standard() -> None:
    survey = surveyed(household(), answers(IncomeEstimate(per_capita_monthly=2_000_000)), on=date(2027, 1, 4))

    assert (survey.standard_version, survey.provisional_class) == ("2027-2030", PovertyClass.NEAR_POOR)


def test_a_survey_keeps_the_b1_score_and_the_cut_off_it_was_compared_with() -> None:
    survey = surveyed(household(), answers(IncomeEstimate(b1_score=120, b1_cutoff=140)))

    assert (survey.income.b1_score, survey.income.b1_cutoff, survey.provisional_class) == (
        120,
        140,
        PovertyClass.NEAR_POOR,
    )


@pytest.mark.parametrize(
    "income",
    [IncomeEstimate(), IncomeEstimate(b1_score=120), IncomeEstimate(b1_cutoff=140)],
)
def test_a_survey_without_income_or_a_complete_b1_score_is_refused(income: IncomeEstimate) -> None:
    with pytest.raises(SurveyRefusedError, match="Hãy nhập thu nhập"):
        surveyed(household(), answers(income))


def test_a_survey_with_a_negative_income_is_refused() -> None:
    with pytest.raises(SurveyRefusedError, match="không hợp lệ"):
        surveyed(household(), answers(IncomeEstimate(per_capita_monthly=-1)))


def test_a_survey_missing_indicators_is_refused_naming_them() -> None:
    filled = SurveyAnswers("Rà soát viên", IncomeEstimate(per_capita_monthly=1_200_000), None, {}, {})

    with pytest.raises(SurveyRefusedError) as refusal:
        surveyed(household(), filled)

    assert "Chất lượng nhà ở, Diện tích nhà ở bình quân đầu người, Nguồn nước sinh hoạt" in refusal.value.message
    assert "Việc làm" not in refusal.value.message


def test_recording_a_survey_makes_it_the_households_latest() -> None:
    surveyed_household = household()
    survey = surveyed(surveyed_household, answers(IncomeEstimate(per_capita_monthly=1_200_000)))

    surveyed_household.record_survey(survey, act(SURVEYED_ON))

    [event] = surveyed_household.collect_events()
    assert isinstance(event, Household.Surveyed)
    assert (event.survey, surveyed_household.latest_survey) == (survey, survey)

"""The household survey (phiếu B, Circular 07/2021/TT-BLĐTBXH): income estimate, 12 indicators, class; and
the average-living income and the requests a household files. Values and rules; the events that record them
are the household's (domain/household.py)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import Protocol
from uuid import UUID

from domain import bounds
from domain.acts import DomainError, IncompleteEntryError, LegalBasis
from domain.formatting import vn_money
from domain.indicators import INDICATOR_LABELS, Indicator, IndicatorRules, assess
from domain.people import Person
from domain.standards import Area, IncomeEstimate, PovertyClass, PovertyStandard, classify


class Surveyable(Protocol):
    """What the survey needs of the household: its area, for the income line (Decree 07/2021, Art. 3)."""

    @property
    def area(self) -> Area: ...


class SurveyRefusedError(DomainError):
    """A survey, income or request the rules do not allow."""


class IncompleteSurveyError(IncompleteEntryError, SurveyRefusedError):
    """A survey that cannot be classified: income or indicator results are missing."""


@dataclass(frozen=True)
class Survey:
    survey_id: UUID
    surveyed_on: date
    reviewer: str
    review_id: UUID | None
    income: IncomeEstimate
    floor_area_m2: int | None
    entered: dict[str, bool]
    evidence: dict[str, str]
    deprived: list[str]
    derived: list[str]
    members_count: int
    standard_version: str
    standard_basis: LegalBasis
    provisional_class: PovertyClass

    def is_deprived(self, indicator: Indicator) -> bool:
        return indicator.value in self.deprived


@dataclass(frozen=True)
class SurveyAnswers:
    """What the reviewer filled in; member-level indicators come from the members' facts."""

    reviewer: str
    income: IncomeEstimate
    floor_area_m2: int | None
    entered: dict[Indicator, bool]
    evidence: dict[Indicator, str]


# Phiếu B1 scores are a few hundred points at most (Circular 07/2021/TT-BLĐTBXH); the bound leaves room.
MAX_B1_SCORE = 10_000
# The floor area of a dwelling, in m²: far above any rural house, far inside a 32-bit column.
MAX_FLOOR_AREA_M2 = 100_000


def check_income(income: IncomeEstimate) -> None:
    if income.per_capita_monthly is None and (income.b1_score is None or income.b1_cutoff is None):
        raise IncompleteSurveyError("Hãy nhập thu nhập bình quân đầu người/tháng, hoặc điểm B1 và điểm chuẩn so sánh.")
    if income.per_capita_monthly is not None and income.per_capita_monthly < 0:
        raise IncompleteSurveyError(f"Thu nhập {vn_money(income.per_capita_monthly)} không hợp lệ.")
    bounds.optional_money(income.per_capita_monthly, "income", "Thu nhập bình quân đầu người/tháng")
    bounds.optional_count(income.b1_score, "b1_score", "Điểm B1", 0, MAX_B1_SCORE)
    bounds.optional_count(income.b1_cutoff, "b1_cutoff", "Điểm chuẩn B1", 0, MAX_B1_SCORE)


def bounded_answers(answers: SurveyAnswers) -> SurveyAnswers:
    """The reviewer's name as a line, the floor area in range, each indicator's evidence as a passage."""
    check_income(answers.income)
    bounds.optional_count(answers.floor_area_m2, "floor_area_m2", "Diện tích nhà ở (m²)", 0, MAX_FLOOR_AREA_M2)
    evidence = {i: bounds.passage(text, f"evidence_{i.value}", "Căn cứ") for i, text in answers.evidence.items()}
    return replace(answers, reviewer=bounds.line(answers.reviewer, "reviewer", "Người khảo sát"), evidence=evidence)


def conduct_survey(
    survey_id: UUID,
    people: list[Person],
    household: Surveyable,
    answers: SurveyAnswers,
    surveyed_on: date,
    standard: PovertyStandard,
    rules: IndicatorRules,
    review_id: UUID | None,
) -> Survey:
    answers = bounded_answers(answers)
    assessment = assess(people, surveyed_on, answers.floor_area_m2, answers.entered, rules)
    if assessment.missing:
        names = ", ".join(INDICATOR_LABELS[indicator] for indicator in assessment.missing)
        raise IncompleteSurveyError(f"Chưa đủ thông tin để xác định chỉ số: {names}. Hãy nhập kết quả kèm căn cứ.")
    return Survey(
        survey_id,
        surveyed_on,
        answers.reviewer,
        review_id,
        answers.income,
        answers.floor_area_m2,
        {i.value: v for i, v in answers.entered.items()},
        {i.value: e for i, e in answers.evidence.items() if e},
        sorted(i.value for i in assessment.deprived),
        sorted(i.value for i in assessment.derived),
        len(people),
        standard.version,
        standard.basis,
        classify(standard, household.area, answers.income, len(assessment.deprived)),
    )


class Occupation(Enum):
    """Hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp, diêm nghiệp (Decision 24/2021/QĐ-TTg, Art. 6)."""

    AGRICULTURE = "agriculture"
    FORESTRY = "forestry"
    FISHERY = "fishery"
    SALT = "salt"


@dataclass(frozen=True)
class IncomeDetermination:
    """Actual income of the last 12 months, state social allowances excluded (Decision 24, Art. 2)."""

    occupation: Occupation
    income_12_months: int
    social_allowances: int
    members: int
    per_capita_monthly: int
    standard_version: str
    standard_basis: LegalBasis


def determine_income(
    occupation: Occupation,
    income_12_months: int,
    social_allowances: int,
    members: int,
    standard: PovertyStandard,
) -> IncomeDetermination:
    if members < 1 or income_12_months < 0 or not 0 <= social_allowances <= income_12_months:
        raise IncompleteSurveyError("Thu nhập, trợ cấp và số nhân khẩu không hợp lệ.")
    bounds.money(income_12_months, "income", "Thu nhập 12 tháng")
    bounds.money(social_allowances, "social_allowances", "Trợ cấp xã hội")
    per_capita = (income_12_months - social_allowances) // (12 * members)
    return IncomeDetermination(
        occupation, income_12_months, social_allowances, members, per_capita, standard.version, standard.basis
    )


class RequestForm(Enum):
    REVIEW = "form_01"  # Giấy đề nghị rà soát hộ nghèo, hộ cận nghèo (Mẫu số 01)
    ESCAPE = "form_04"  # Giấy đề nghị công nhận hộ thoát nghèo, thoát cận nghèo (Mẫu số 04)

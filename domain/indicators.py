"""The 12 deprivation indicators in 6 dimensions (Decree 07/2021/NĐ-CP, Art. 3(1)(b); domain.md §3.3).

The indicator names are [V]; their thresholds are [P]/[I] and live in IndicatorRules, configurable.
Member-level indicators are derived from the members' facts with ages taken on the survey date;
where a fact is unknown the reviewer enters the result with its evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum

from domain.people import Allowance, Employment, Nutrition, Person


class Dimension(Enum):
    EMPLOYMENT = "employment"
    HEALTH = "health"
    EDUCATION = "education"
    HOUSING = "housing"
    WATER_SANITATION = "water_sanitation"
    INFORMATION = "information"


class Indicator(Enum):
    EMPLOYMENT = "employment"
    DEPENDANTS = "dependants"
    NUTRITION = "nutrition"
    HEALTH_INSURANCE = "health_insurance"
    ADULT_EDUCATION = "adult_education"
    SCHOOL_ATTENDANCE = "school_attendance"
    HOUSING_QUALITY = "housing_quality"
    FLOOR_AREA = "floor_area"
    WATER_SOURCE = "water_source"
    HYGIENIC_LATRINE = "hygienic_latrine"
    TELECOM = "telecom"
    INFORMATION_MEANS = "information_means"


DIMENSION_OF = {
    Indicator.EMPLOYMENT: Dimension.EMPLOYMENT,
    Indicator.DEPENDANTS: Dimension.EMPLOYMENT,
    Indicator.NUTRITION: Dimension.HEALTH,
    Indicator.HEALTH_INSURANCE: Dimension.HEALTH,
    Indicator.ADULT_EDUCATION: Dimension.EDUCATION,
    Indicator.SCHOOL_ATTENDANCE: Dimension.EDUCATION,
    Indicator.HOUSING_QUALITY: Dimension.HOUSING,
    Indicator.FLOOR_AREA: Dimension.HOUSING,
    Indicator.WATER_SOURCE: Dimension.WATER_SANITATION,
    Indicator.HYGIENIC_LATRINE: Dimension.WATER_SANITATION,
    Indicator.TELECOM: Dimension.INFORMATION,
    Indicator.INFORMATION_MEANS: Dimension.INFORMATION,
}


@dataclass(frozen=True)
class IndicatorRules:
    """Thresholds of Decree 07's appendix as recalled [I] (domain.md §3.3): confirm, then configure."""

    working_age_from: int = 15
    working_age_to: int = 60  # exclusive
    child_under: int = 16
    dependants_share_over_percent: int = 50
    health_insurance_from_age: int = 6
    adult_education_from: int = 16
    adult_education_to: int = 30  # inclusive
    school_age_from: int = 3
    min_floor_area_per_person_m2: int = 8


INDICATOR_LABELS = {
    Indicator.EMPLOYMENT: "Việc làm",
    Indicator.DEPENDANTS: "Người phụ thuộc trong hộ gia đình",
    Indicator.NUTRITION: "Dinh dưỡng",
    Indicator.HEALTH_INSURANCE: "Bảo hiểm y tế",
    Indicator.ADULT_EDUCATION: "Trình độ giáo dục của người lớn",
    Indicator.SCHOOL_ATTENDANCE: "Tình trạng đi học của trẻ em",
    Indicator.HOUSING_QUALITY: "Chất lượng nhà ở",
    Indicator.FLOOR_AREA: "Diện tích nhà ở bình quân đầu người",
    Indicator.WATER_SOURCE: "Nguồn nước sinh hoạt",
    Indicator.HYGIENIC_LATRINE: "Nhà tiêu hợp vệ sinh",
    Indicator.TELECOM: "Sử dụng dịch vụ viễn thông",
    Indicator.INFORMATION_MEANS: "Phương tiện phục vụ tiếp cận thông tin",
}

Aged = list[tuple[Person, int]]


def aged(people: list[Person], day: date) -> Aged | None:
    """Every member with their age on the survey day, or None if any age is unknown."""
    ages = [(person, person.age_on(day)) for person in people]
    return None if any(age is None for _, age in ages) else [(p, a) for p, a in ages if a is not None]


def any_deprived(
    members: list[Person], fact: Callable[[Person], object], deprived: Callable[[object], bool]
) -> bool | None:
    values = [fact(person) for person in members]
    return None if any(value is None for value in values) else any(deprived(value) for value in values)


def employment(ages: Aged, rules: IndicatorRules) -> bool | None:
    workers = [p for p, age in ages if rules.working_age_from <= age < rules.working_age_to]
    unstable = (Employment.UNEMPLOYED, Employment.WAGED_WITHOUT_CONTRACT)
    return any_deprived(workers, lambda p: p.employment, lambda e: e in unstable)


def dependants(ages: Aged, rules: IndicatorRules) -> bool | None:
    count = sum(1 for p, age in ages if age < rules.child_under or p.allowance is not Allowance.NONE)
    return count * 100 > rules.dependants_share_over_percent * len(ages) if ages else None


def nutrition(ages: Aged, rules: IndicatorRules) -> bool | None:
    children = [p for p, age in ages if age < rules.child_under]
    return any_deprived(children, lambda p: p.nutrition, lambda n: n is not Nutrition.NORMAL)


def health_insurance(ages: Aged, rules: IndicatorRules) -> bool | None:
    insured = [p for p, age in ages if age >= rules.health_insurance_from_age]
    return any_deprived(insured, lambda p: p.health_insurance, lambda has: not has)


def adult_education(ages: Aged, rules: IndicatorRules) -> bool | None:
    adults = [p for p, age in ages if rules.adult_education_from <= age <= rules.adult_education_to]
    out_of_school = [p for p in adults if p.in_school is not True]
    if any(p.in_school is None for p in adults):
        return None
    return any_deprived(out_of_school, lambda p: p.lower_secondary_done, lambda done: not done)


def school_attendance(ages: Aged, rules: IndicatorRules) -> bool | None:
    children = [p for p, age in ages if rules.school_age_from <= age < rules.child_under]
    return any_deprived(children, lambda p: p.in_school, lambda attends: not attends)


MEMBER_RULES: dict[Indicator, Callable[[Aged, IndicatorRules], bool | None]] = {
    Indicator.EMPLOYMENT: employment,
    Indicator.DEPENDANTS: dependants,
    Indicator.NUTRITION: nutrition,
    Indicator.HEALTH_INSURANCE: health_insurance,
    Indicator.ADULT_EDUCATION: adult_education,
    Indicator.SCHOOL_ATTENDANCE: school_attendance,
}


@dataclass(frozen=True)
class Assessment:
    """The household's 12 flags: which are deprived, which came from member facts, which are missing."""

    deprived: frozenset[Indicator]
    derived: frozenset[Indicator]
    missing: tuple[Indicator, ...]


def assess(
    people: list[Person],
    surveyed_on: date,
    floor_area_m2: int | None,
    entered: dict[Indicator, bool],
    rules: IndicatorRules,
) -> Assessment:
    ages = aged(people, surveyed_on)
    results: dict[Indicator, bool] = {}
    for indicator, rule in MEMBER_RULES.items():
        value = rule(ages, rules) if ages is not None else None
        if value is not None:
            results[indicator] = value
    if floor_area_m2 is not None and people:
        results[Indicator.FLOOR_AREA] = floor_area_m2 < rules.min_floor_area_per_person_m2 * len(people)
    derived = frozenset(results)
    for indicator, value in entered.items():
        results.setdefault(indicator, value)
    missing = tuple(indicator for indicator in Indicator if indicator not in results)
    return Assessment(frozenset(i for i, deprived in results.items() if deprived), derived, missing)

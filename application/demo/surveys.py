"""Survey answers (phiếu B) for the demo commune: an income and 12 indicator results that classify as meant.

Decree 07/2021/NĐ-CP, Art. 3: at or below the rural line of 1.500.000 đ with 3 or more deprivations is
poor, with fewer near-poor; above it up to 1.5 × the line is average living. The deprivations a poor
household shows are drawn with the weights below: health insurance is rare (the state pays the premium
of poor and near-poor people), a hygienic latrine, telecom and information means less so.
"""

from __future__ import annotations

import random

from domain.indicators import Indicator
from domain.standards import IncomeEstimate, PovertyClass
from domain.survey import SurveyAnswers

DEPRIVATION_WEIGHTS = {
    Indicator.EMPLOYMENT: 30,
    Indicator.DEPENDANTS: 35,
    Indicator.NUTRITION: 8,
    Indicator.HEALTH_INSURANCE: 3,
    Indicator.ADULT_EDUCATION: 15,
    Indicator.SCHOOL_ATTENDANCE: 4,
    Indicator.HOUSING_QUALITY: 25,
    Indicator.FLOOR_AREA: 12,
    Indicator.WATER_SOURCE: 4,
    Indicator.HYGIENIC_LATRINE: 8,
    Indicator.TELECOM: 14,
    Indicator.INFORMATION_MEANS: 16,
}
# Income per person per month in thousands of đồng, and how many deprivations, for each class.
INCOMES = {
    PovertyClass.POOR: (600, 1500),
    PovertyClass.NEAR_POOR: (900, 1500),
    PovertyClass.AVERAGE_LIVING: (1550, 2250),
    PovertyClass.NOT_POOR: (2300, 4500),
}
DEPRIVATIONS = {
    PovertyClass.POOR: (3, 3, 3, 4, 4, 5, 6),
    PovertyClass.NEAR_POOR: (0, 1, 1, 2, 2, 2),
    PovertyClass.AVERAGE_LIVING: (0, 0, 1, 1, 2),
    PovertyClass.NOT_POOR: (0, 0, 0, 1),
}
EVIDENCE = {
    Indicator.HOUSING_QUALITY: "Nhà cấp 4 xuống cấp, mái tôn thủng",
    Indicator.HYGIENIC_LATRINE: "Nhà tiêu tạm, không hợp vệ sinh",
    Indicator.HEALTH_INSURANCE: "Một thành viên chưa có thẻ bảo hiểm y tế",
}


def deprivations(rng: random.Random, count: int) -> set[Indicator]:
    pool, chosen = dict(DEPRIVATION_WEIGHTS), set[Indicator]()
    while len(chosen) < count:
        indicator = rng.choices(list(pool), weights=list(pool.values()))[0]
        chosen.add(indicator)
        del pool[indicator]
    return chosen


def answers_for(rng: random.Random, meant: PovertyClass, reviewer: str) -> SurveyAnswers:
    low, high = INCOMES[meant]
    income = rng.randint(low // 50, high // 50) * 50_000
    deprived = deprivations(rng, rng.choice(DEPRIVATIONS[meant]))
    return SurveyAnswers(
        reviewer,
        IncomeEstimate(per_capita_monthly=income),
        None,
        {indicator: indicator in deprived for indicator in Indicator},
        {indicator: text for indicator, text in EVIDENCE.items() if indicator in deprived},
    )

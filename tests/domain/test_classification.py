"""Classification by the standard in force: income against the area's line, then 3 deprivations or more."""

from __future__ import annotations

from datetime import date

import pytest

from application.core.reference import STANDARDS
from domain.standards import Area, IncomeEstimate, PovertyClass, StandardNotFoundError, classify, standard_on

POOR, NEAR_POOR = PovertyClass.POOR, PovertyClass.NEAR_POOR
AVERAGE, NOT_POOR = PovertyClass.AVERAGE_LIVING, PovertyClass.NOT_POOR
RURAL, URBAN = Area.RURAL, Area.URBAN
IN_2026, IN_2027 = date(2026, 11, 28), date(2027, 1, 1)


def income(per_capita_monthly: int) -> IncomeEstimate:
    return IncomeEstimate(per_capita_monthly=per_capita_monthly)


@pytest.mark.parametrize(
    ("area", "per_capita", "deprived", "expected"),
    [
        (RURAL, 1_500_000, 3, POOR),
        (RURAL, 1_500_000, 2, NEAR_POOR),
        (RURAL, 1_500_001, 3, AVERAGE),
        (RURAL, 0, 0, NEAR_POOR),
        (RURAL, 1_200_000, 12, POOR),
        (URBAN, 2_000_000, 3, POOR),
        (URBAN, 2_000_000, 2, NEAR_POOR),
        (URBAN, 2_000_001, 3, AVERAGE),
    ],
)
def test_income_at_the_line_is_poor_or_near_poor_by_the_deprivations_and_one_dong_more_is_neither(
    area: Area, per_capita: int, deprived: int, expected: PovertyClass
) -> None:
    assert classify(standard_on(IN_2026, STANDARDS), area, income(per_capita), deprived) is expected


@pytest.mark.parametrize(
    ("area", "per_capita", "expected"),
    [
        (RURAL, 2_250_000, AVERAGE),
        (RURAL, 2_250_001, NOT_POOR),
        (URBAN, 3_000_000, AVERAGE),
        (URBAN, 3_000_001, NOT_POOR),
    ],
)
def test_average_living_reaches_exactly_one_and_a_half_times_the_line_and_not_one_dong_more(
    area: Area, per_capita: int, expected: PovertyClass
) -> None:
    assert classify(standard_on(IN_2026, STANDARDS), area, income(per_capita), 0) is expected


def test_above_the_line_no_number_of_deprivations_makes_a_household_poor() -> None:
    assert classify(standard_on(IN_2026, STANDARDS), RURAL, income(1_600_000), 12) is AVERAGE


@pytest.mark.parametrize(("area", "expected"), [(RURAL, AVERAGE), (URBAN, POOR)])
def test_the_same_income_is_poor_in_town_and_average_living_in_the_countryside(
    area: Area, expected: PovertyClass
) -> None:
    assert classify(standard_on(IN_2026, STANDARDS), area, income(1_800_000), 3) is expected


@pytest.mark.parametrize(
    ("b1_score", "deprived", "expected"),
    [(59, 3, POOR), (60, 3, POOR), (60, 2, NEAR_POOR), (61, 3, NOT_POOR), (61, 0, NOT_POOR)],
)
def test_a_b1_score_at_or_below_the_cut_off_counts_as_income_at_or_below_the_line(
    b1_score: int, deprived: int, expected: PovertyClass
) -> None:
    estimate = IncomeEstimate(b1_score=b1_score, b1_cutoff=60)

    assert classify(standard_on(IN_2026, STANDARDS), RURAL, estimate, deprived) is expected


@pytest.mark.parametrize(
    ("day", "version", "basis_number"),
    [
        (date(2022, 1, 1), "2022-2025", "07/2021/NĐ-CP"),
        (date(2025, 12, 31), "2022-2025", "07/2021/NĐ-CP"),
        (date(2026, 12, 31), "2022-2025", "07/2021/NĐ-CP"),
        (date(2027, 1, 1), "2027-2030", "351/2025/NĐ-CP"),
        (date(2030, 12, 31), "2027-2030", "351/2025/NĐ-CP"),
    ],
)
def test_the_2022_2025_standard_holds_through_2026_and_the_2027_2030_one_from_01_01_2027(
    day: date, version: str, basis_number: str
) -> None:
    standard = standard_on(day, STANDARDS)

    assert (standard.version, standard.basis.number) == (version, basis_number)


def test_the_2027_2030_standard_raises_the_lines_to_2_200_000_and_2_800_000() -> None:
    standard = standard_on(IN_2027, STANDARDS)

    assert (standard.line(RURAL), standard.line(URBAN), standard.min_deprivations_for_poor) == (
        2_200_000,
        2_800_000,
        3,
    )


@pytest.mark.parametrize("day", [date(2021, 12, 31), date(2031, 1, 1)])
def test_a_date_outside_every_standard_has_no_standard(day: date) -> None:
    with pytest.raises(StandardNotFoundError, match=day.strftime("%d/%m/%Y")):
        standard_on(day, STANDARDS)


@pytest.mark.parametrize(
    ("area", "per_capita", "deprived", "in_2026", "in_2027"),
    [
        (RURAL, 2_000_000, 3, AVERAGE, POOR),
        (RURAL, 2_200_000, 2, AVERAGE, NEAR_POOR),
        (RURAL, 2_200_001, 3, AVERAGE, AVERAGE),
        (RURAL, 2_300_000, 0, NOT_POOR, AVERAGE),
        (RURAL, 3_300_000, 0, NOT_POOR, AVERAGE),
        (RURAL, 3_300_001, 0, NOT_POOR, NOT_POOR),
        (URBAN, 2_800_000, 3, AVERAGE, POOR),
        (URBAN, 2_800_001, 3, AVERAGE, AVERAGE),
        (URBAN, 4_200_000, 0, NOT_POOR, AVERAGE),
        (URBAN, 4_200_001, 0, NOT_POOR, NOT_POOR),
        (RURAL, 1_500_000, 3, POOR, POOR),
    ],
)
def test_the_same_household_is_classified_differently_either_side_of_the_standard_switch(
    area: Area, per_capita: int, deprived: int, in_2026: PovertyClass, in_2027: PovertyClass
) -> None:
    before = classify(standard_on(date(2026, 12, 31), STANDARDS), area, income(per_capita), deprived)
    after = classify(standard_on(IN_2027, STANDARDS), area, income(per_capita), deprived)

    assert (before, after) == (in_2026, in_2027)

"""Reference data the rules run on: the poverty standards and the working-day calendar, per year.

Data, not code: a new standard or a new year's holiday notice is a new entry here, with its source.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from domain.acts import LegalBasis
from domain.loan import LoanCeiling, Programme
from domain.standards import PovertyStandard
from domain.workdays import WorkCalendar

GOVERNMENT = "Chính phủ"

STANDARDS = (
    # Decree 07/2021/NĐ-CP, Art. 3 [V]; kept in force through 31/12/2026 (domain.md §2.3, §7 [V]).
    PovertyStandard(
        "2022-2025",
        "Chuẩn nghèo đa chiều giai đoạn 2022–2025",
        LegalBasis("07/2021/NĐ-CP", date(2021, 1, 27), GOVERNMENT),
        date(2022, 1, 1),
        date(2026, 12, 31),
        rural_line=1_500_000,
        urban_line=2_000_000,
    ),
    # The 2026–2030 standard, applied from 01/01/2027 [V thresholds]; decree number and date [P] (domain.md §7).
    PovertyStandard(
        "2027-2030",
        "Chuẩn nghèo đa chiều giai đoạn 2027–2030",
        LegalBasis("351/2025/NĐ-CP", date(2025, 12, 30), GOVERNMENT),
        date(2027, 1, 1),
        date(2030, 12, 31),
        rural_line=2_200_000,
        urban_line=2_800_000,
    ),
)

# The most VBSP lends one household per programme (domain.md §8.1): data, a new cap is a new entry.
# Sources: domain.md §8.1 [V] S42 (VBSP, from 01/03/2019), S39 (Decision 28/2015/QĐ-TTg).
POOR_CAP = "không cần tài sản bảo đảm, theo NHCSXH"
LOAN_CEILINGS = (
    # Poor households: 100 million đ without collateral from 01/03/2019 (Decree 78/2002/NĐ-CP programme).
    LoanCeiling(Programme.POOR, date(2019, 3, 1), 100_000_000, POOR_CAP),
    # Near-poor: no more than the poor-household cap [I] (Decision 15/2013/QĐ-TTg: conditions as for the poor).
    LoanCeiling(Programme.NEAR_POOR, date(2019, 3, 1), 100_000_000, "bằng mức cho vay hộ nghèo"),
    # Newly escaped: no more than the poor-household cap of the period (Decision 28/2015/QĐ-TTg) [V] S39.
    LoanCeiling(Programme.NEWLY_ESCAPED, date(2019, 3, 1), 100_000_000, "bằng mức cho vay hộ nghèo, QĐ 28/2015/QĐ-TTg"),
)


@dataclass(frozen=True)
class YearOfDaysOff:
    days_off: tuple[date, ...]
    weekend_workdays: tuple[date, ...]
    source: str
    provisional: bool = False


def days(first: date, count: int) -> tuple[date, ...]:
    return tuple(first + timedelta(days=n) for n in range(count))


# Labour Code 2019, Art. 111–112, and each year's notice (domain.md §6.3; dates [P] from the notices cited).
DAYS_OFF = {
    2024: YearOfDaysOff(
        (
            date(2024, 1, 1),
            *days(date(2024, 2, 8), 7),
            date(2024, 4, 18),
            *days(date(2024, 4, 29), 3),
            date(2024, 9, 2),
            date(2024, 9, 3),
        ),
        (date(2024, 5, 4),),
        "TB 5015/TB-LĐTBXH; TB 1570/TB-LĐTBXH",
    ),
    2025: YearOfDaysOff(
        (
            date(2025, 1, 1),
            *days(date(2025, 1, 27), 5),
            date(2025, 4, 7),
            *days(date(2025, 4, 30), 3),
            date(2025, 9, 1),
            date(2025, 9, 2),
        ),
        (date(2025, 4, 26),),
        "TB 6150/TB-BLĐTBXH",
    ),
    2026: YearOfDaysOff(
        (
            date(2026, 1, 1),
            date(2026, 1, 2),
            *days(date(2026, 2, 16), 5),
            date(2026, 4, 27),
            date(2026, 4, 30),
            date(2026, 5, 1),
            date(2026, 8, 31),
            date(2026, 9, 1),
            date(2026, 9, 2),
            date(2026, 11, 24),
        ),
        (date(2026, 1, 10), date(2026, 8, 22)),
        "TB 9441/TB-BNV; CV 12729/VPCP-KGVX; NQ 28/2026/QH16",
    ),
    # No notice yet: fixed holidays, Tết around Mùng 1 (Sat 06/02/2027) and 01/05 made up on Mon 03/05.
    2027: YearOfDaysOff(
        (
            date(2027, 1, 1),
            date(2027, 2, 5),
            *days(date(2027, 2, 8), 4),
            date(2027, 4, 16),
            date(2027, 4, 30),
            date(2027, 5, 3),
            date(2027, 9, 2),
            date(2027, 9, 3),
            date(2027, 11, 24),
        ),
        (),
        "Bộ luật Lao động 2019, Điều 112 (tạm tính, chưa có thông báo)",
        provisional=True,
    ),
}


def work_calendar() -> WorkCalendar:
    return WorkCalendar(
        frozenset(day for year in DAYS_OFF.values() for day in year.days_off),
        frozenset(day for year in DAYS_OFF.values() for day in year.weekend_workdays),
    )

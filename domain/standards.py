"""Multidimensional poverty standards, as versioned data, and the classification rule they define.

Decree 07/2021/NĐ-CP, Art. 3 (domain.md §3.2 [V]): poor = income per person per month at or below the
area's line and deprived on at least 3 of the 12 indicators; near-poor = at or below the line with
fewer than 3; above the line is neither, whatever the deprivations. Average living standard: above
the line up to 1.5 × the line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from uuid import UUID

from domain.acts import DomainError, LegalBasis
from domain.formatting import vn_date


class Area(Enum):
    RURAL = "rural"  # nông thôn
    URBAN = "urban"  # thành thị


class PovertyClass(Enum):
    POOR = "poor"
    NEAR_POOR = "near_poor"
    AVERAGE_LIVING = "average_living"
    NOT_POOR = "not_poor"


CLASS_LABELS = {
    PovertyClass.POOR: "hộ nghèo",
    PovertyClass.NEAR_POOR: "hộ cận nghèo",
    PovertyClass.AVERAGE_LIVING: "hộ có mức sống trung bình",
    PovertyClass.NOT_POOR: "không thuộc hộ nghèo, cận nghèo",
}


@dataclass(frozen=True)
class PovertyStandard:
    version: str
    title: str
    basis: LegalBasis
    effective_from: date
    effective_to: date | None
    rural_line: int
    urban_line: int
    min_deprivations_for_poor: int = 3
    # Average living standard: up to this many halves of the line (3 halves = 1.5 ×), Decree 07 Art. 3.
    average_living_halves: int = 3

    def line(self, area: Area) -> int:
        return self.urban_line if area is Area.URBAN else self.rural_line

    def in_force_on(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)


@dataclass(frozen=True)
class IncomeEstimate:
    """Income per person per month, or the B1 proxy score with the cut-off it was compared with."""

    per_capita_monthly: int | None = None
    b1_score: int | None = None
    b1_cutoff: int | None = None

    def at_or_below_line(self, line: int) -> bool:
        if self.per_capita_monthly is not None:
            return self.per_capita_monthly <= line
        assert self.b1_score is not None and self.b1_cutoff is not None
        return self.b1_score <= self.b1_cutoff  # a score at or below the cut-off means income ≤ the line

    def within_average_living(self, line: int, halves: int) -> bool:
        income = self.per_capita_monthly
        return income is not None and line < income and income * 2 <= line * halves


@dataclass(frozen=True)
class Grounds:
    """What a recognition rests on beyond the decision: the standard used, the review, the certificate."""

    standard_version: str = ""
    standard_basis: LegalBasis | None = None
    review_id: UUID | None = None
    certificate_number: str = ""

    def event_fields(self) -> dict[str, object]:
        return {
            "standard_version": self.standard_version,
            "standard_basis": self.standard_basis,
            "review_id": self.review_id,
            "certificate_number": self.certificate_number,
        }


NO_GROUNDS = Grounds()


class StandardNotFoundError(DomainError):
    pass


def standard_on(day: date, standards: tuple[PovertyStandard, ...]) -> PovertyStandard:
    for standard in standards:
        if standard.in_force_on(day):
            return standard
    raise StandardNotFoundError(f"Không có chuẩn nghèo nào có hiệu lực ngày {vn_date(day)}.")


def classify(standard: PovertyStandard, area: Area, income: IncomeEstimate, deprived: int) -> PovertyClass:
    line = standard.line(area)
    if income.at_or_below_line(line):
        return PovertyClass.POOR if deprived >= standard.min_deprivations_for_poor else PovertyClass.NEAR_POOR
    if income.within_average_living(line, standard.average_living_halves):
        return PovertyClass.AVERAGE_LIVING
    return PovertyClass.NOT_POOR

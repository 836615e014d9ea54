"""What the dashboard counts, as values: standings on a day, the year's transitions, coverage of a target.

A hamlet's figures are one Tally; the commune's is the sum of its hamlets' (application/plan/dashboard.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from domain.decisions import Standing

TRANSITION_KINDS = (
    ("newly_poor", "Hộ nghèo phát sinh"),
    ("newly_near_poor", "Hộ cận nghèo phát sinh"),
    ("near_poor_to_poor", "Từ cận nghèo thành nghèo"),
    ("re_poor", "Hộ tái nghèo"),
    ("re_near_poor", "Hộ tái cận nghèo"),
    ("escaped_poverty", "Hộ thoát nghèo"),
    ("escaped_near_poverty", "Hộ thoát cận nghèo"),
)
TRANSITION_LABELS = dict(TRANSITION_KINDS)
ESCAPED = (Standing.ESCAPED_POVERTY, Standing.ESCAPED_NEAR_POVERTY)


def transition_kind(before: Standing, after: Standing) -> str | None:
    """The kind of change a decision makes, as the monthly and annual reports count them."""
    if after is Standing.POOR:
        return poor_kind(before)
    if after is Standing.NEAR_POOR:
        return near_poor_kind(before)
    if after is Standing.ESCAPED_POVERTY:
        return "escaped_poverty"
    if after is Standing.ESCAPED_NEAR_POVERTY:
        return "escaped_near_poverty"
    return None


def poor_kind(before: Standing) -> str:
    if before in ESCAPED:
        return "re_poor"
    return "near_poor_to_poor" if before is Standing.NEAR_POOR else "newly_poor"


def near_poor_kind(before: Standing) -> str:
    if before is Standing.POOR:
        return "escaped_poverty"  # poor → near-poor is an escape from poverty (README, transitions)
    return "re_near_poor" if before in ESCAPED else "newly_near_poor"


@dataclass(frozen=True)
class Standings:
    total: int = 0
    poor: int = 0
    near_poor: int = 0

    @property
    def listed(self) -> int:
        return self.poor + self.near_poor

    @property
    def rate(self) -> float | None:
        """Tỷ lệ nghèo đa chiều in percent (seed plan §II.1), None without households."""
        return round(100 * self.listed / self.total, 2) if self.total else None

    def __add__(self, other: Standings) -> Standings:
        return Standings(self.total + other.total, self.poor + other.poor, self.near_poor + other.near_poor)


@dataclass(frozen=True)
class Coverage:
    """Of the group concerned: how many have it, how many do not, how many are not known."""

    covered: int = 0
    not_covered: int = 0
    unknown: int = 0

    def __add__(self, other: Coverage) -> Coverage:
        return Coverage(
            self.covered + other.covered, self.not_covered + other.not_covered, self.unknown + other.unknown
        )

    @property
    def known(self) -> int:
        return self.covered + self.not_covered

    @property
    def share(self) -> float | None:
        return round(100 * self.covered / self.known, 2) if self.known else None


@dataclass
class Tally:
    """What one hamlet adds up to; the commune is the sum of its hamlets."""

    start: Standings = field(default_factory=Standings)
    end: Standings = field(default_factory=Standings)
    transitions: Counter[str] = field(default_factory=Counter)
    coverage: dict[str, Coverage] = field(default_factory=dict)

    def add_coverage(self, code: str, coverage: Coverage) -> None:
        self.coverage[code] = self.coverage.get(code, Coverage()) + coverage

    def __add__(self, other: Tally) -> Tally:
        total = Tally(self.start + other.start, self.end + other.end, self.transitions + other.transitions)
        for code in {*self.coverage, *other.coverage}:
            total.add_coverage(code, self.coverage.get(code, Coverage()) + other.coverage.get(code, Coverage()))
        return total

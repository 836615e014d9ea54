"""The statutory reports' table: one row of counts per hamlet, and how a household's history is counted into it.

The lines follow domain/review.py CHANGES (domain.md §4.3); the annual summary counts each step of a household's
history into and out of each list, so that start + in − out = end on every row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from domain.household import Household, Standing
from domain.review import change_of

# The monthly report's lines, in the order the transitions are reported (domain.md §4.3).
MONTHLY_CHANGES = (
    "newly_poor",
    "re_poor",
    "near_poor_to_poor",
    "newly_near_poor",
    "re_near_poor",
    "poor_to_near_poor",
    "escaped_poverty",
    "escaped_near_poverty",
    "unchanged",
)
# The annual summary's movements: into and out of each list; "other" catches a pair no line names.
POOR_IN = ("newly_poor", "re_poor", "near_poor_to_poor", "other_into_poor")
POOR_OUT = ("escaped_poverty", "poor_to_near_poor", "other_out_of_poor")
NEAR_POOR_IN = ("newly_near_poor", "re_near_poor", "poor_to_near_poor", "other_into_near_poor")
NEAR_POOR_OUT = ("escaped_near_poverty", "near_poor_to_poor", "other_out_of_near_poor")


@dataclass
class HamletRow:
    hamlet: str
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def __getitem__(self, key: str) -> int:
        return self.counts.get(key, 0)

    def rate(self, key: str, of: str) -> float | None:
        """A percentage with two decimals, as the templates print it; None when there is no household."""
        total = self[of]
        return round(100 * self[key] / total, 2) if total else None

    def add(self, other: HamletRow) -> None:
        for key, value in other.counts.items():
            self.counts[key] += value


class _Rows(dict[str, HamletRow]):
    """Rows by hamlet; a hamlet not configured any more still gets its own row."""

    def __missing__(self, hamlet: str) -> HamletRow:
        row = self[hamlet] = HamletRow(hamlet)
        return row


def hamlet_rows(hamlets: Iterable[str]) -> dict[str, HamletRow]:
    return _Rows({hamlet: HamletRow(hamlet) for hamlet in hamlets})


def hamlet_key(row: HamletRow) -> str:
    return row.hamlet


def total_of(rows: Iterable[HamletRow]) -> HamletRow:
    total = HamletRow("Tổng cộng")
    for row in rows:
        total.add(row)
    return total


def history_of(household: Household) -> list[tuple[date, Standing]]:
    """The household's standings by effective date; a stable sort keeps same-day decisions in their order."""
    return sorted(household.history, key=lambda step: step[0])


def standing_on(household: Household, day: date) -> Standing:
    standing = Standing.UNLISTED
    for effective_on, after in history_of(household):
        if effective_on > day:
            break
        standing = after
    return standing


def count_households(rows: dict[str, HamletRow], households: list[tuple[Household, date]], day: date, at: str) -> None:
    """Households registered by the day, and those poor or near-poor in force at its end ("start" or "end")."""
    for household, registered_on in households:
        row = rows[household.hamlet]
        row.counts[f"households_{at}"] += registered_on <= day
        standing = standing_on(household, day)
        if standing is Standing.POOR:
            row.counts[f"poor_{at}"] += 1
        elif standing is Standing.NEAR_POOR:
            row.counts[f"near_poor_{at}"] += 1


def count_movement(row: HamletRow, before: Standing, after: Standing) -> None:
    """One step of a household's history, counted into and out of each list (so start + in − out = end).

    A move between the lists (poor ↔ near-poor) is one line of both lists and counted once.
    """
    change = change_of(before.value, after.value)
    keys = set()
    if after is Standing.POOR:
        keys.add(change if change in POOR_IN else "other_into_poor")
    if before is Standing.POOR:
        keys.add(change if change in POOR_OUT else "other_out_of_poor")
    if after is Standing.NEAR_POOR:
        keys.add(change if change in NEAR_POOR_IN else "other_into_near_poor")
    if before is Standing.NEAR_POOR:
        keys.add(change if change in NEAR_POOR_OUT else "other_out_of_near_poor")
    for key in keys:
        row.counts[key] += 1


def count_movements(row: HamletRow, household: Household, start_on: date, as_of: date) -> None:
    """The household's steps after the year's start and by the as-of day, counted into and out of each list."""
    standing = Standing.UNLISTED
    for effective_on, after in history_of(household):
        if effective_on > as_of:
            break
        if effective_on > start_on and after is not standing:
            count_movement(row, standing, after)
        standing = after

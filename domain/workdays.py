"""Working days of the commune People's Committee: weekends and public holidays off, make-up days on.

Labour Code 2019, Art. 111–112 [V]: the holidays, days in lieu when a holiday falls on a weekly rest
day, and the Prime Minister's yearly notices that move days (domain.md §6). The days themselves are
data, kept per year by the application; a year without its notice is provisional.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

SATURDAY = 5


@dataclass(frozen=True)
class WorkCalendar:
    days_off: frozenset[date]  # holidays, days in lieu, swapped weekdays off
    weekend_workdays: frozenset[date] = frozenset()  # Saturdays worked to make up a swapped day

    def is_working_day(self, day: date) -> bool:
        if day in self.weekend_workdays:
            return True
        return day.weekday() < SATURDAY and day not in self.days_off

    def last_of_working_days(self, first: date, count: int) -> date:
        """The day a period of `count` working days that begins on `first` ends (first counts if it works)."""
        if count < 1:  # would otherwise run on to date.max (a posting of 0 days configured)
            raise ValueError(f"A period needs at least one working day, not {count}.")
        day, counted = first, 0
        while True:
            if self.is_working_day(day):
                counted += 1
                if counted == count:
                    return day
            day += timedelta(days=1)

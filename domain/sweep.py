"""A run of the reminder sweep, recorded so the completeness report can show which sweeps ran and
which calendar deadlines each one noted; a run cut short has a start and no finish."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING
from uuid import uuid4

from domain.acts import RecordedAggregate
from domain.deadlines import CalendarDeadline
from domain.reminder import system_act


class Sweep(RecordedAggregate):
    if TYPE_CHECKING:  # state set by the events' apply; declared here only for the type checker, since
        # annotations in the class body would become __init__ fields of the aggregate (eventsourcing.md)
        today: date
        finished: bool

    class Started(RecordedAggregate.Created):
        commune: str
        today: date
        calendar_from: date
        calendar_until: date
        deadlines: list[CalendarDeadline]
        host: str

        def apply(self, sweep: Sweep) -> None:
            sweep.today, sweep.finished = self.today, False

    class Finished(RecordedAggregate.Event):
        issued: int
        already_issued: int
        escalated: int

        def apply(self, sweep: Sweep) -> None:
            sweep.finished = True

    @classmethod
    def start(cls, commune: str, today: date, calendar_from: date, calendar_until: date,
              deadlines: list[CalendarDeadline], host: str) -> Sweep:
        return cls._create(cls.Started, id=uuid4(), commune=commune, today=today, calendar_from=calendar_from,
                           calendar_until=calendar_until, deadlines=deadlines, host=host, **system_act(today))

    def finish(self, issued: int, already_issued: int, escalated: int, today: date) -> None:
        self.trigger_event(self.Finished, issued=issued, already_issued=already_issued, escalated=escalated,
                           **system_act(today))

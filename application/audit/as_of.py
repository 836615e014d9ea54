"""Households, loans, projects and the household lists as of a past day, as recorded and as in force.

“As recorded by D”: only what the store had accepted by the end of D in the commune's time zone (the
library's own timestamp, the “recorded at” of the audit log), evaluated on D. “As in force on D”:
everything recorded since as well, late decisions and corrections included, evaluated on D. The
difference is the events recorded after D whose effect reaches D (design.md §2.5).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

from eventsourcing.domain import AggregateCreated
from eventsourcing.utils import resolve_topic

from application.audit.as_of_state import (
    Axis,
    HouseholdOnDay,
    LoanOnDay,
    ProjectOnDay,
    Recording,
    household_on,
    loan_on,
    project_on,
    reaches,
    reaching_back,
    recorded_before,
    recording,
)
from application.audit.trail import AuditCases, AuditEntry
from application.core.capability import CapabilityService
from application.core.errors import InvalidInputError, NotFoundError
from application.core.ledger_core import LedgerCore
from domain.decisions import Standing
from domain.household import Household
from domain.loan import Loan
from domain.project import Project

PAGE = 1000
REGISTERED_TOPIC = "domain.household:Household.Registered"


@dataclass(frozen=True)
class AsOf:
    """The day asked about and the instant that ends it: what was recorded before it was known then."""

    on: date
    known_at: datetime


@dataclass(frozen=True)
class SubjectAsOf:
    """One household, loan or project on the day, on both axes, with the timeline and what came later."""

    subject_id: UUID
    day: AsOf
    recorded: Any  # HouseholdOnDay | LoanOnDay | ProjectOnDay
    effective: Any
    timeline: tuple[AuditEntry, ...]  # everything effective by the day, as recorded by then
    later: tuple[AuditEntry, ...]  # recorded after the day, effective by it


@dataclass(frozen=True)
class ListedHousehold:
    household_id: UUID
    hamlet: str
    head_name: str
    standing: Standing
    standing_since: date | None
    newly_escaped_until: date | None
    decision: Recording | None


@dataclass(frozen=True)
class HouseholdLists:
    poor: tuple[ListedHousehold, ...]
    near_poor: tuple[ListedHousehold, ...]
    newly_escaped: tuple[ListedHousehold, ...]  # inside the 36 months on the day (seed plan §III.1)


@dataclass(frozen=True)
class ChangedHousehold:
    """A household the two axes see differently on the day, and the late events that explain it."""

    household_id: UUID
    hamlet: str
    head_name: str
    recorded: Standing | None  # None: not yet in the ledger by then
    effective: Standing
    later: tuple[Recording, ...]


@dataclass(frozen=True)
class HouseholdListsAsOf:
    day: AsOf
    recorded: HouseholdLists
    effective: HouseholdLists
    changed: tuple[ChangedHousehold, ...]

    def lists(self, axis: Axis) -> HouseholdLists:
        return self.recorded if axis is Axis.RECORDED else self.effective


class AsOfQueries(CapabilityService):
    def __init__(self, core: LedgerCore, audit: AuditCases) -> None:
        super().__init__(core)
        self.audit = audit

    def as_of(self, on: date, known_at: datetime | None = None) -> AsOf:
        """The day, checked; the recorded axis ends at midnight after it, Vietnamese time, unless told."""
        if on > self.today():
            raise InvalidInputError({"as_of": "Ngày xem không được sau ngày hôm nay."})
        end = datetime(on.year, on.month, on.day, tzinfo=self.timezone) + timedelta(days=1)
        return AsOf(on, known_at or end.astimezone(UTC))

    def household_as_of(self, household_id: UUID, day: AsOf) -> SubjectAsOf:
        events = self._events(household_id, Household)
        return self._compare(household_id, day, events, household_on)

    def loan_as_of(self, loan_id: UUID, day: AsOf) -> SubjectAsOf:
        return self._compare(loan_id, day, self._events(loan_id, Loan), loan_on)

    def project_as_of(self, project_id: UUID, day: AsOf) -> SubjectAsOf:
        return self._compare(project_id, day, self._events(project_id, Project), project_on)

    def _events(self, subject_id: UUID, kind: type) -> list[Any]:
        events = list(self.store.events.get(subject_id))
        created = events[0] if events else None
        if not isinstance(created, AggregateCreated) or not issubclass(resolve_topic(created.originator_topic), kind):
            raise NotFoundError(f"Không tìm thấy hồ sơ {subject_id}.")
        return events

    def _compare(self, subject_id: UUID, day: AsOf, events: list[Any], state_on: Any) -> SubjectAsOf:
        timeline = [e for e in self.audit.timeline(subject_id) if reaches(e.action, e.effective_on, day.on)]
        return SubjectAsOf(
            subject_id,
            day,
            state_on(recorded_before(events, day.known_at), day.on),
            state_on(events, day.on),
            tuple(e for e in timeline if e.recorded_at < day.known_at),
            tuple(e for e in timeline if e.recorded_at >= day.known_at),
        )

    def household_lists_as_of(self, day: AsOf, hamlet: str = "") -> HouseholdListsAsOf:
        """Every household folded once from the log: a few thousand households take well under a second."""
        recorded, effective, changed = [], [], []
        for events in self._household_events().values():
            then, now = household_on(recorded_before(events, day.known_at), day.on), household_on(events, day.on)
            if hamlet and now.hamlet != hamlet:
                continue
            household_id = events[0].originator_id
            recorded.append(listed(household_id, then))
            effective.append(listed(household_id, now))
            if (then.standing, then.newly_escaped) != (now.standing, now.newly_escaped):
                later = tuple(recording(e) for e in reaching_back(events, day.known_at, day.on))
                was = then.standing if then.known else None
                changed.append(ChangedHousehold(household_id, now.hamlet, now.head_name, was, now.standing, later))
        changed.sort(key=lambda c: (c.hamlet, c.head_name))
        return HouseholdListsAsOf(day, lists(recorded), lists(effective), tuple(changed))

    def _household_events(self) -> dict[str, list[Any]]:
        """The households' events in log order, decoding nothing that belongs to anything else."""
        events: dict[str, list[Any]] = defaultdict(list)
        start, last = 1, self.store.recorder.max_notification_id() or 0
        while start <= last:
            page = self.store.recorder.select_notifications(start, PAGE, stop=last)
            if not page:
                break
            for notification in page:
                key = str(notification.originator_id)
                if notification.topic == REGISTERED_TOPIC or key in events:
                    events[key].append(self.store.mapper.to_domain_event(notification))
            start = page[-1].id + 1
        return events


def listed(household_id: UUID, state: HouseholdOnDay) -> ListedHousehold | None:
    if not state.known:
        return None
    until = state.window.ends_on if state.window and state.newly_escaped else None
    return ListedHousehold(
        household_id, state.hamlet, state.head_name, state.standing, state.standing_since, until, state.decision
    )


def lists(items: list[ListedHousehold | None]) -> HouseholdLists:
    known = sorted((i for i in items if i), key=lambda i: (i.hamlet, i.head_name))
    return HouseholdLists(
        tuple(i for i in known if i.standing is Standing.POOR),
        tuple(i for i in known if i.standing is Standing.NEAR_POOR),
        tuple(i for i in known if i.newly_escaped_until),
    )


__all__ = ["AsOf", "AsOfQueries", "Axis", "HouseholdOnDay", "LoanOnDay", "ProjectOnDay"]

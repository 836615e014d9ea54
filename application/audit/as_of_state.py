"""A subject on a past day, rebuilt from its stored events: pure folds, no store, no clock."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import Enum
from typing import Any

from domain.acts import LegalBasis
from domain.decisions import Standing
from domain.household import EscapeWindow, Household
from domain.loan import Programme
from domain.project import ProjectStage


class Axis(Enum):
    """The two ways an inspector asks “as of a day” (design.md §2.5)."""

    RECORDED = "recorded"  # what the commune had recorded by the end of that day
    EFFECTIVE = "effective"  # what was in force that day, counting what was recorded later


@dataclass(frozen=True)
class Recording:
    """One recorded act as the as-of pages explain it: who, in which role, effective when, on which basis."""

    action: str
    effective_on: date
    recorded_at: datetime
    actor: str
    actor_role: str
    basis: LegalBasis | None
    note: str
    to_standing: Standing | None = None


@dataclass(frozen=True)
class HouseholdOnDay:
    known: bool
    hamlet: str = ""
    head_name: str = ""
    registered_on: date | None = None
    standing: Standing = Standing.UNLISTED
    standing_since: date | None = None
    window: EscapeWindow | None = None  # the last 36 months started by the day
    newly_escaped: bool = False
    members_count: int = 0
    decision: Recording | None = None  # the standing decision in force on the day


@dataclass(frozen=True)
class LoanOnDay:
    known: bool
    granted: bool = False
    programme: Programme | None = None
    amount: int = 0
    term_months: int = 0
    granted_on: date | None = None
    due_on: date | None = None
    fallen_due: bool = False


@dataclass(frozen=True)
class ProjectOnDay:
    known: bool
    proposed: bool = False
    name: str = ""
    stage: ProjectStage | None = None
    approver: str = ""
    starts_on: date | None = None
    duration_months: int | None = None
    ends_on: date | None = None
    reviewed_on: date | None = None
    results: str = ""
    households_count: int = 0


def recording(event: Any) -> Recording:
    return Recording(
        type(event).__qualname__,
        event.effective_on,
        event.timestamp,
        event.actor,
        event.actor_role,
        event.basis,
        event.note,
        getattr(event, "to_standing", None),
    )


def folded(events: Sequence[Any]) -> Any:
    """The aggregate as its events make it, in the order they were recorded (corrections included)."""
    aggregate = None
    for event in events:
        aggregate = event.mutate(aggregate)
    return aggregate


def in_force_on(events: Sequence[Any], day: date) -> Any:
    """The aggregate made by the acts effective by the day and every correction (the creation always counts)."""
    aggregate = events[0].mutate(None)
    for event in events[1:]:
        if reaches(type(event).__qualname__, event.effective_on, day):
            event.apply(aggregate)
    return aggregate


def household_on(events: Sequence[Any], day: date) -> HouseholdOnDay:
    if not events:
        return HouseholdOnDay(known=False)
    household: Household = folded(events)
    history = [(on, standing) for on, standing in household.history if on <= day]
    return HouseholdOnDay(
        True,
        household.hamlet,
        household.head_name,
        events[0].effective_on,
        household.standing_on(day),
        history[-1][0] if history else None,
        next((w for w in reversed(household.windows) if w.starts_on <= day), None),
        household.is_newly_escaped_on(day),
        members_on(events, day),
        decision_on(household, events, day),
    )


def decision_on(household: Household, events: Sequence[Any], day: date) -> Recording | None:
    """The standing decision in force on the day, with its corrected date and basis when corrected since."""
    transitions = {e.originator_version: e for e in events if isinstance(e, Household.Transition)}
    decisions = getattr(household, "decisions", None)
    if decisions is None:  # a household folded before corrections existed keeps only its transitions
        in_force = [e for e in transitions.values() if e.effective_on <= day]
        return recording(in_force[-1]) if in_force else None
    decided = [d for d in decisions if d.effective_on <= day]
    if not decided:
        return None
    last = decided[-1]
    return replace(recording(transitions[last.version]), effective_on=last.effective_on, basis=last.basis)


def members_on(events: Sequence[Any], day: date) -> int:
    """The head and the members registered, then those added or removed with effect by the day."""
    count = 1 + len(events[0].members)
    for event in events[1:]:
        if event.effective_on <= day:
            count += isinstance(event, Household.MemberAdded) - isinstance(event, Household.MemberRemoved)
    return count


def loan_on(events: Sequence[Any], day: date) -> LoanOnDay:
    if not events:
        return LoanOnDay(known=False)
    loan = in_force_on(events, day)
    return LoanOnDay(
        True,
        loan.granted_on <= day,
        loan.programme,
        loan.amount,
        loan.term_months,
        loan.granted_on,
        loan.due_on,
        loan.due_on <= day,
    )


def project_on(events: Sequence[Any], day: date) -> ProjectOnDay:
    if not events:
        return ProjectOnDay(known=False)
    project = in_force_on(events, day)
    return ProjectOnDay(
        True,
        events[0].effective_on <= day,
        project.name,
        project.stage,
        project.approver,
        project.starts_on,
        project.duration_months,
        project.ends_on,
        project.reviewed_on,
        project.results,
        len(project.household_ids),
    )


def recorded_before(events: Sequence[Any], known_at: datetime) -> list[Any]:
    """The events the store had accepted before the instant (the library's own timestamp)."""
    return [event for event in events if event.timestamp < known_at]


def reaching_back(events: Sequence[Any], known_at: datetime, day: date) -> list[Any]:
    """Events recorded after the instant whose effect reaches the day: late decisions and corrections."""
    return [e for e in events if e.timestamp >= known_at and reaches(type(e).__qualname__, e.effective_on, day)]


def reaches(action: str, effective_on: date, day: date) -> bool:
    # A correction re-derives what it corrects whatever its own effective date (design.md §2.2).
    return effective_on <= day or "Corrected" in action

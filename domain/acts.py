"""What every recorded act carries: who, the effective date, the legal basis, a note, the form."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from eventsourcing.domain import Aggregate

SYSTEM_ACTOR = "system"


@dataclass(frozen=True)
class LegalBasis:
    """A document an act rests on, e.g. quyết định số 12/QĐ-UBND of the commune chair."""

    number: str
    issued_on: date | None = None
    issuer: str = ""


@dataclass(frozen=True)
class Act:
    """The attribution of one official act (design.md §2.2)."""

    actor: str
    actor_role: str
    effective_on: date
    basis: LegalBasis | None = None
    note: str = ""
    command_id: str = ""

    def event_fields(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "actor_role": self.actor_role,
            "effective_on": self.effective_on,
            "basis": self.basis,
            "note": self.note,
            "command_id": self.command_id,
        }


class DomainError(Exception):
    """A refusal explained to the official in Vietnamese."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class IncompleteEntryError(DomainError):
    """What the official entered is missing or malformed (answered as bad input, not as a refusal)."""


class RecordedAggregate(Aggregate):
    """An aggregate whose every event is attributed (actor, effective date, basis, note)."""

    class Event(Aggregate.Event):
        actor: str = field(kw_only=True)
        actor_role: str = field(kw_only=True)
        effective_on: date = field(kw_only=True)
        basis: LegalBasis | None = field(default=None, kw_only=True)
        note: str = field(default="", kw_only=True)
        command_id: str = field(default="", kw_only=True)

    class Created(Event, Aggregate.Created):
        pass

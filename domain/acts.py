"""What every recorded act carries: who, the effective date, the legal basis, a note, the form."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from eventsourcing.domain import Aggregate

# Re-exported: every aggregate module raises them from here.
from domain import bounds
from domain.bounds import Days
from domain.errors import DomainError as DomainError
from domain.errors import IncompleteEntryError as IncompleteEntryError
from domain.errors import InvalidInputError as InvalidInputError

SYSTEM_ACTOR = "system"


@dataclass(frozen=True)
class LegalBasis:
    """A document an act rests on, e.g. quyết định số 12/QĐ-UBND of the commune chair."""

    number: str
    issued_on: date | None = None
    issuer: str = ""


def bounded_basis(basis: LegalBasis, days: Days) -> LegalBasis:
    """The document's number and issuer as plain NFC lines, its day between the earliest day and today."""
    if not isinstance(basis, LegalBasis):
        raise InvalidInputError({"basis_number": "Căn cứ không hợp lệ."})
    number = bounds.line(basis.number, "basis_number", "Số văn bản", bounds.DOCUMENT_NUMBER)
    issuer = bounds.line(basis.issuer, "basis_issuer", "Cơ quan ban hành", bounds.ISSUER)
    if basis.issued_on is not None:
        days.past(basis.issued_on, "basis_issued_on", "Ngày ban hành")
    return LegalBasis(number, basis.issued_on, issuer)


@dataclass(frozen=True)
class Act:
    """The attribution of one official act (design.md §2.2)."""

    actor: str
    actor_role: str
    effective_on: date
    basis: LegalBasis | None = None
    note: str = ""
    command_id: str = ""
    # The days an act may bear (earliest day to today), given by the application; never recorded.
    days: Days = field(default=Days(), compare=False, repr=False)

    def __post_init__(self) -> None:
        """Every command's act is bounded here once: its day, its note, its basis (issue 10 §1)."""
        self.days.past(self.effective_on, "effective_on", "Ngày hiệu lực")
        object.__setattr__(self, "note", bounds.passage(self.note, "note", "Ghi chú", bounds.NOTE))
        object.__setattr__(self, "command_id", bounds.line(self.command_id, "command_id", "Mã lệnh", bounds.COMMAND_ID))
        if self.basis is not None:
            object.__setattr__(self, "basis", bounded_basis(self.basis, self.days))

    def event_fields(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "actor_role": self.actor_role,
            "effective_on": self.effective_on,
            "basis": self.basis,
            "note": self.note,
            "command_id": self.command_id,
        }


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

"""A household's row on a list on a day: whether it belongs there, and its cells as in force on the day.

Decisions count as in force on the day (the "effective" axis of application/audit/as_of.py), corrections
included; the citizen ID is masked for an official who may not see it (application/households/personal_data.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any
from uuid import NAMESPACE_URL, UUID, uuid5

from application.audit.as_of_state import HouseholdOnDay, Recording, folded, in_force_on, recording
from application.households.personal_data import mask_number, sees_personal_data
from application.lists.list_layout import AREA_NAMES, CLASS_NAMES, OCCUPATION_NAMES, SEX_NAMES, ListKind
from domain.decisions import Standing
from domain.formatting import vn_date
from domain.household import Household
from domain.people import Person
from domain.user import Actor


@dataclass(frozen=True)
class ListRow:
    household_id: UUID
    code: str
    hamlet: str
    head_name: str
    citizen_id: str
    born: str  # dd/mm/yyyy, or the year alone when only the year is known
    sex: str
    address: str
    area: str
    classification: str
    recognised_on: date | None
    decision_number: str
    decision_on: date | None
    issuer: str
    escaped_on: date | None
    window_ends_on: date | None
    members: int
    occupation: str
    income: int | None
    note: str

    def cells(self, number: int) -> list[object]:
        return [
            number,
            self.code,
            self.hamlet,
            self.head_name,
            self.citizen_id,
            self.born,
            self.sex,
            self.address,
            self.area,
            self.classification,
            vn_date(self.recognised_on),
            self.decision_number,
            vn_date(self.decision_on),
            self.issuer,
            vn_date(self.escaped_on),
            vn_date(self.window_ends_on),
            self.members,
            self.occupation,
            self.income,
            self.note,
        ]


def head_of(household: Household) -> Person:
    head_id = uuid5(NAMESPACE_URL, f"/households/{household.id}/members/0")
    people = household.people
    return people.get(head_id) or next((p for p in people.values() if p.relation == "chủ hộ"), Person(""))


def born_text(person: Person) -> str:
    if person.born_on:
        return vn_date(person.born_on)
    return str(person.birth_year) if person.birth_year else ""


def average_living_event(events: Sequence[Any], day: date) -> Household.AverageLivingRecognised | None:
    found = [e for e in events if isinstance(e, Household.AverageLivingRecognised) and e.effective_on <= day]
    return found[-1] if found else None


def belongs(kind: ListKind, state: HouseholdOnDay, average: Household.AverageLivingRecognised | None) -> bool:
    if kind is ListKind.POOR:
        return state.standing is Standing.POOR
    if kind is ListKind.NEAR_POOR:
        return state.standing is Standing.NEAR_POOR
    if kind is ListKind.NEWLY_ESCAPED:
        return state.newly_escaped
    # Decision 24/2021/QĐ-TTg, Art. 6: determined from 12 months' income; never a poor or near-poor household.
    return average is not None and state.standing not in (Standing.POOR, Standing.NEAR_POOR)


def list_row(kind: ListKind, events: Sequence[Any], state: HouseholdOnDay, day: date, actor: Actor) -> ListRow:
    household: Household = in_force_on(events, day)
    head = head_of(household)
    average = average_living_event(events, day)
    decision: Any = average if kind is ListKind.AVERAGE_LIVING else state.decision
    if kind is ListKind.NEWLY_ESCAPED:
        decision = escape_decision(events, state)
    basis = decision.basis if decision else None
    # A near-poor household still within 36 months of escaping poverty (it escaped into near-poverty, or fell
    # back into it) shows its escape date too: it is also on the newly-escaped list, and the import needs it.
    within = kind is ListKind.NEWLY_ESCAPED or (kind is ListKind.NEAR_POOR and state.newly_escaped)
    window = state.window if within else None
    shown = sees_personal_data(actor, household.hamlet)
    determination = average.determination if average and kind is ListKind.AVERAGE_LIVING else None
    return ListRow(
        household.id,
        getattr(household, "code", ""),
        household.hamlet,
        household.head_name,
        head.citizen_id if shown else mask_number(head.citizen_id),
        born_text(head),
        SEX_NAMES.get(head.sex, "") if head.sex else "",
        getattr(household, "address", ""),
        AREA_NAMES[household.area],
        CLASS_NAMES[kind],
        decision.effective_on if decision else None,
        basis.number if basis else "",
        basis.issued_on if basis else None,
        basis.issuer if basis else "",
        window.starts_on if window else None,
        window.ends_on if window else None,
        state.members_count,
        OCCUPATION_NAMES[determination.occupation] if determination else "",
        determination.per_capita_monthly if determination else None,
        decision.note if decision else "",
    )


def escape_decision(events: Sequence[Any], state: HouseholdOnDay) -> Recording | None:
    """The decision that opened the household's 36 months (the newly-escaped list's decision), with its
    corrected date and basis; a later decision (a fall back into near-poverty) is on the near-poor list."""
    household = folded(events)
    starts_on = state.window.starts_on if state.window else None
    opening = next(
        (d for d in reversed(getattr(household, "decisions", [])) if d.starts_window and d.effective_on == starts_on),
        None,
    )
    transition = next((e for e in events if opening and e.originator_version == opening.version), None)
    if opening is None or transition is None:
        return state.decision
    return replace(recording(transition), effective_on=opening.effective_on, basis=opening.basis)

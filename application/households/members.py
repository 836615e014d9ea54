"""Use cases for household members: add (birth, marriage, moving in), update facts, remove."""

from __future__ import annotations

from uuid import UUID

from application.core.capability import CapabilityService
from application.core.ledger_core import Entry, LedgerCore, Recorded
from application.households.cases import HouseholdCases
from domain.people import MemberChange, Person
from domain.user import Actor


class MemberCases(CapabilityService):
    def __init__(self, core: LedgerCore, households: HouseholdCases) -> None:
        super().__init__(core)
        self.households = households

    def add_member(
        self, actor: Actor, household_id: UUID, person: Person, change: MemberChange, entry: Entry
    ) -> Recorded:
        return self.households.change_household(
            actor, household_id, entry, lambda h, act: h.add_member(person, change, act)
        )

    def update_member(
        self, actor: Actor, household_id: UUID, member_id: UUID, person: Person, entry: Entry
    ) -> Recorded:
        return self.households.change_household(
            actor, household_id, entry, lambda h, act: h.record_member_details(member_id, person, act)
        )

    def remove_member(
        self, actor: Actor, household_id: UUID, member_id: UUID, change: MemberChange, entry: Entry
    ) -> Recorded:
        return self.households.change_household(
            actor, household_id, entry, lambda h, act: h.remove_member(member_id, change, act)
        )

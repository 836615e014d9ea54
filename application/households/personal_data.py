"""Personal data shown only to those who need it: citizen ID (số CCCD) and phone numbers are masked.

Decree 13/2023/NĐ-CP on personal data protection: personal data is processed only as far as the
purpose needs (Art. 3, minimisation) and the citizen ID number is personal data (Art. 2(3)). The
chair and vice-chair act for the whole commune and the official of the household's hamlet records
its members and fills in phiếu B, so they see the numbers in full — exactly those who may record in
the hamlet. Officials of other hamlets, the Fatherland Front (MTTQ) and inspectors check that acts
were recorded and decided rightly; for that the last digits identify a person, the full number is not
needed. The ledger records no phone number yet; `mask_number` is the one rule for one when it does.
"""

from __future__ import annotations

from dataclasses import replace
from uuid import UUID

from application.core.capability import CapabilityService
from application.core.ledger_core import LedgerCore
from application.households.cases import HouseholdCases, HouseholdSummary
from domain.people import Person
from domain.user import Actor

KEPT_AT_END = 3


def sees_personal_data(actor: Actor, hamlet: str) -> bool:
    return actor.may_record_in(hamlet)


def mask_number(number: str) -> str:
    """`0*******123`: the first and the last three characters kept, each one between starred."""
    number = number.strip()
    if not number:
        return ""
    if len(number) <= KEPT_AT_END + 1:
        return "*" * len(number)
    return number[0] + "*" * (len(number) - KEPT_AT_END - 1) + number[-KEPT_AT_END:]


def person_for(actor: Actor, hamlet: str, person: Person) -> Person:
    if sees_personal_data(actor, hamlet):
        return person
    return replace(person, citizen_id=mask_number(person.citizen_id))


class PersonalDataQueries(CapabilityService):
    def __init__(self, core: LedgerCore, households: HouseholdCases) -> None:
        super().__init__(core)
        self.households = households

    def household_for(self, actor: Actor, household_id: UUID) -> HouseholdSummary:
        """The household's page as this user may see it: members' numbers masked unless they need them."""
        summary = self.households.household_summary(household_id)
        members = tuple((member_id, person_for(actor, summary.hamlet, p)) for member_id, p in summary.members)
        return replace(summary, members=members)

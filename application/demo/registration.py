"""Registers a demo household as the commune's books hold it: its household code (mã hộ), then its head's
sex, birth year and citizen ID (CCCD), through the same commands an official uses. The code and the citizen
ID are the natural key by which the list import finds the household again (issue 6 §4), so two heads of
the same name in one hamlet stay two households when the lists are exported and imported."""

from __future__ import annotations

from uuid import NAMESPACE_URL, UUID, uuid5

from application.core.ledger_core import Entry
from application.demo.people import DemoHousehold
from application.ledger import Ledger
from domain.people import Person
from domain.standards import Area
from domain.user import Actor


def register_demo_household(ledger: Ledger, actor: Actor, household: DemoHousehold, entry: Entry) -> UUID:
    household_id = ledger.households.register_household(
        actor, household.hamlet, household.head_name, list(household.members), Area.RURAL, entry, household.code
    ).subject_id
    # The head's birth year stays unrecorded (it is in the citizen ID): with every member's age known, the
    # survey would derive the member-level indicators from the members' facts (domain/indicators.py), which
    # the demo does not record, instead of the answers the demo draws for the class it means.
    head = Person(household.head_name, "chủ hộ", household.head_sex, citizen_id=household.citizen_id)
    head_id = uuid5(NAMESPACE_URL, f"/households/{household_id}/members/0")
    identified = Entry(entry.effective_on, note="Thông tin chủ hộ theo căn cước công dân")
    ledger.members.update_member(actor, household_id, head_id, head, identified)
    return household_id

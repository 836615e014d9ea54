"""Members of a household: added (birth, marriage, moving in), updated, removed (death, moving away)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID, uuid4

import pytest

from domain.household import Household, Member
from domain.people import MemberChange, MemberRefusedError, Person
from domain.standards import Area
from tests.domain.helpers import act, child, household

MARCH = date(2026, 3, 2)
NEWBORN = child(date(2026, 10, 2), full_name="Nguyễn Thị Mai")


def with_wife() -> tuple[Household, UUID]:
    """Registered with the head and his wife; returns the wife's member id."""
    registered = Household.register(
        "Hải Hòa", "Xuân Hà", "Nguyễn Văn An", [Member("Trần Thị Bình", "vợ", 1985)], Area.RURAL, act(date(2020, 1, 6))
    )
    registered.collect_events()
    [wife_id] = [member_id for member_id, person in registered.people.items() if person.relation == "vợ"]
    return registered, wife_id


def test_a_household_is_registered_with_its_head_and_the_members_given() -> None:
    registered, _ = with_wife()

    assert [(p.full_name, p.relation, p.birth_year) for p in registered.people.values()] == [
        ("Nguyễn Văn An", "chủ hộ", None),
        ("Trần Thị Bình", "vợ", 1985),
    ]


def test_adding_a_newborn_records_the_member_with_the_birth_as_the_reason() -> None:
    registered = household()

    member_id = registered.add_member(NEWBORN, MemberChange.BIRTH, act(date(2026, 10, 5)))

    [event] = registered.collect_events()
    assert isinstance(event, Household.MemberAdded)
    assert (event.member_id, event.person, event.change) == (member_id, NEWBORN, MemberChange.BIRTH)
    assert registered.people[member_id] == NEWBORN


def test_updating_a_member_records_the_new_facts() -> None:
    registered, wife_id = with_wife()
    insured = Person("Trần Thị Bình", "vợ", birth_year=1985, health_insurance=True)

    registered.record_member_details(wife_id, insured, act(MARCH))

    [event] = registered.collect_events()
    assert isinstance(event, Household.MemberDetailsRecorded)
    assert (event.member_id, event.person) == (wife_id, insured)
    assert registered.people[wife_id].health_insurance is True


@pytest.mark.parametrize("change", [MemberChange.DEATH, MemberChange.MIGRATION, MemberChange.MARRIAGE])
def test_removing_a_member_records_the_reason(change: MemberChange) -> None:
    registered, wife_id = with_wife()

    registered.remove_member(wife_id, change, act(MARCH))

    [event] = registered.collect_events()
    assert isinstance(event, Household.MemberRemoved)
    assert (event.member_id, event.change) == (wife_id, change)
    assert wife_id not in registered.people


def test_removing_the_only_member_of_a_household_is_refused() -> None:
    registered = household()
    [head_id] = registered.people

    with pytest.raises(MemberRefusedError, match="thành viên duy nhất"):
        registered.remove_member(head_id, MemberChange.DEATH, act(MARCH))

    assert registered.collect_events() == []


@pytest.mark.parametrize(
    "change",
    [
        lambda h: h.record_member_details(uuid4(), NEWBORN, act(MARCH)),
        lambda h: h.remove_member(uuid4(), MemberChange.MIGRATION, act(MARCH)),
    ],
)
def test_changing_a_member_the_household_does_not_have_is_refused(change: Callable[[Household], None]) -> None:
    registered, _ = with_wife()

    with pytest.raises(MemberRefusedError, match="Không có thành viên này"):
        change(registered)

    assert registered.collect_events() == []


@pytest.mark.parametrize("name", ["", "   "])
def test_a_member_without_a_name_is_refused(name: str) -> None:
    registered = household()

    with pytest.raises(MemberRefusedError, match="họ tên"):
        registered.add_member(Person(name), MemberChange.BIRTH, act(date(2026, 10, 5)))

    assert registered.collect_events() == []


def test_a_birth_year_that_contradicts_the_date_of_birth_is_refused() -> None:
    registered, wife_id = with_wife()

    with pytest.raises(MemberRefusedError, match="Năm sinh không khớp"):
        registered.record_member_details(
            wife_id, Person("Trần Thị Bình", born_on=date(1985, 4, 2), birth_year=1986), act(MARCH)
        )

    assert registered.collect_events() == []

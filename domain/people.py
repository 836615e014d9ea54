"""Household members and the person-level facts the deprivation indicators need (domain.md §3.3)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING
from uuid import UUID, uuid4

from domain import bounds
from domain.acts import Act, DomainError, IncompleteEntryError, RecordedAggregate
from domain.bounds import Days

if TYPE_CHECKING:
    from domain.household import Household


class Sex(Enum):
    MALE = "male"
    FEMALE = "female"


class Employment(Enum):
    WAGED_WITH_CONTRACT = "waged_with_contract"  # làm công ăn lương có hợp đồng lao động
    WAGED_WITHOUT_CONTRACT = "waged_without_contract"  # làm công ăn lương không có hợp đồng
    SELF_EMPLOYED = "self_employed"  # tự làm: nông nghiệp, buôn bán, dịch vụ
    UNEMPLOYED = "unemployed"  # có khả năng, muốn làm việc nhưng không có việc
    NOT_IN_LABOUR_FORCE = "not_in_labour_force"  # đi học, nghỉ hưu, không còn khả năng lao động


class Allowance(Enum):
    """Monthly social allowance (trợ cấp xã hội hằng tháng): makes the member a dependant."""

    NONE = "none"
    ELDERLY = "elderly"
    DISABILITY = "disability"


class Nutrition(Enum):
    NORMAL = "normal"
    STUNTED = "stunted"  # thấp còi (chiều cao theo tuổi)
    UNDERWEIGHT = "underweight"  # nhẹ cân (cân nặng theo tuổi)


class MemberChange(Enum):
    BIRTH = "birth"
    DEATH = "death"
    MARRIAGE = "marriage"
    MIGRATION = "migration"
    OTHER = "other"


@dataclass(frozen=True)
class Person:
    """What the survey needs to know of one member; None means not yet known."""

    full_name: str
    relation: str = ""
    sex: Sex | None = None
    born_on: date | None = None
    birth_year: int | None = None
    ethnicity: str = ""
    citizen_id: str = ""
    health_insurance: bool | None = None
    in_school: bool | None = None
    lower_secondary_done: bool | None = None
    employment: Employment | None = None
    allowance: Allowance = Allowance.NONE
    nutrition: Nutrition | None = None

    def age_on(self, day: date) -> int | None:
        """Completed years on the day; with only a birth year known, the age reached that year."""
        if self.born_on:
            before_birthday = (day.month, day.day) < (self.born_on.month, self.born_on.day)
            return day.year - self.born_on.year - before_birthday
        return day.year - self.birth_year if self.birth_year else None


class MemberAdded(RecordedAggregate.Event):
    member_id: UUID
    person: Person
    change: MemberChange

    def apply(self, household: Household) -> None:
        household.people[self.member_id] = self.person


class MemberUpdated(RecordedAggregate.Event):
    member_id: UUID
    person: Person

    def apply(self, household: Household) -> None:
        household.people[self.member_id] = self.person


class MemberRemoved(RecordedAggregate.Event):
    member_id: UUID
    change: MemberChange

    def apply(self, household: Household) -> None:
        del household.people[self.member_id]


# The members one household may list besides its head; the largest households counted stay far below.
MAX_MEMBERS = 50


class MemberRefusedError(DomainError):
    pass


class IncompleteMemberError(IncompleteEntryError, MemberRefusedError):
    pass


class MemberRecords:
    """Member commands of a household; Household mixes this in."""

    people: dict[UUID, Person]

    def add_member(self, person: Person, change: MemberChange, act: Act) -> UUID:
        person = check_person(person, act.days)
        if len(self.people) > MAX_MEMBERS:
            raise bounds.refuse("full_name", f"Hộ có không quá {MAX_MEMBERS + 1} người kể cả chủ hộ.")
        member_id = uuid4()
        self.trigger_event(
            MemberAdded,
            member_id=member_id,
            person=person,
            change=change,  # type: ignore[attr-defined]
            **act.event_fields(),
        )
        return member_id

    def update_member(self, member_id: UUID, person: Person, act: Act) -> None:
        self._require_member(member_id)
        person = check_person(person, act.days)
        self.trigger_event(
            MemberUpdated,
            member_id=member_id,
            person=person,  # type: ignore[attr-defined]
            **act.event_fields(),
        )

    def remove_member(self, member_id: UUID, change: MemberChange, act: Act) -> None:
        self._require_member(member_id)
        if len(self.people) == 1:
            raise MemberRefusedError("Không thể xóa thành viên duy nhất của hộ.")
        self.trigger_event(
            MemberRemoved,
            member_id=member_id,
            change=change,  # type: ignore[attr-defined]
            **act.event_fields(),
        )

    def _require_member(self, member_id: UUID) -> None:
        if member_id not in self.people:
            raise MemberRefusedError("Không có thành viên này trong hộ.")


def check_person(person: Person, days: Days) -> Person:
    """The member as recorded: names as NFC lines, the citizen ID as digits, the birth from 1900 to today."""
    if not isinstance(person.full_name, str) or not person.full_name.strip():
        raise IncompleteMemberError("Hãy nhập họ tên thành viên.")
    if person.born_on and person.birth_year and person.born_on.year != person.birth_year:
        raise IncompleteMemberError("Năm sinh không khớp với ngày sinh.")
    bounds.birth(person.born_on, person.birth_year, days)
    return replace(
        person,
        full_name=bounds.line(person.full_name, "full_name", "Họ tên", required=True),
        relation=bounds.line(person.relation, "relation", "Quan hệ với chủ hộ"),
        ethnicity=bounds.line(person.ethnicity, "ethnicity", "Dân tộc"),
        citizen_id=citizen_id(person.citizen_id),
    )


def citizen_id(number: str) -> str:
    """Căn cước công dân: 12 digits (Law on Identification 2023, Art. 12); an old CMND: 9 digits."""
    number = bounds.line(number, "citizen_id", "Số CCCD", bounds.CITIZEN_ID)
    if number and not (number.isascii() and number.isdigit() and len(number) in (9, 12)):
        raise bounds.refuse("citizen_id", "Số CCCD phải gồm đúng 12 chữ số (CMND cũ: 9 chữ số).")
    return number

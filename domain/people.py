"""Household members: the person-level facts the deprivation indicators need (domain.md §3.3), as values;
the events that record them are the household's (domain/household.py)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import Enum

from domain import bounds
from domain.acts import DomainError, IncompleteEntryError
from domain.bounds import Days


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


# The members one household may list besides its head; the largest households counted stay far below.
MAX_MEMBERS = 50


class MemberRefusedError(DomainError):
    pass


class IncompleteMemberError(IncompleteEntryError, MemberRefusedError):
    pass


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

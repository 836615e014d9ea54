"""Request and response bodies of the households' API."""

from __future__ import annotations

from datetime import date
from typing import Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from domain.people import Allowance, Employment, Nutrition, Person, Sex
from web.shared.schemas import EntryIn

StandingCode = Literal["poor", "near_poor"]


class MemberIn(BaseModel):
    full_name: str = Field(min_length=1)
    relation: str = ""
    birth_year: int | None = Field(None, ge=1900, le=2100)


class PersonIn(BaseModel):
    """What is known of a member; null means not known yet (the indicator is then entered on the survey)."""

    model_config = ConfigDict(from_attributes=True)

    full_name: str = Field(min_length=1)
    relation: str = ""
    sex: Sex | None = None
    born_on: date | None = None
    birth_year: int | None = Field(None, ge=1900, le=2100)
    ethnicity: str = ""
    citizen_id: str = Field("", description="Số định danh cá nhân (CCCD)")
    health_insurance: bool | None = Field(None, description="Có thẻ BHYT")
    in_school: bool | None = Field(None, description="Đang đi học")
    lower_secondary_done: bool | None = Field(None, description="Đã tốt nghiệp THCS")
    employment: Employment | None = None
    allowance: Allowance = Field(Allowance.NONE, description="Trợ cấp xã hội hằng tháng")
    nutrition: Nutrition | None = Field(None, description="Trẻ em dưới 16 tuổi: thấp còi, nhẹ cân")

    def person(self) -> Person:
        return Person(**dict(self))


class MemberOut(PersonIn):
    id: UUID


class HouseholdIn(EntryIn):
    hamlet: str
    head_name: str = Field(min_length=1)
    members: list[MemberIn] = []
    area: Literal["rural", "urban"] = "rural"


class RecognitionIn(EntryIn):
    standing: StandingCode


class EscapeIn(EntryIn):
    from_standing: StandingCode = Field(description="poor: thoát nghèo; near_poor: thoát cận nghèo")
    becomes_near_poor: bool = False


class RelapseIn(EntryIn):
    into: StandingCode


class HouseholdOut(BaseModel):
    id: UUID
    version: int
    commune: str
    hamlet: str
    head_name: str
    members: list[MemberOut]
    area: str
    standing: str
    escaped_on: date | None
    newly_escaped_until: date | None
    window_closed_on: date | None
    newly_escaped_today: bool
